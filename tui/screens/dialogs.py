"""Small modal dialogs with typed results: confirm, bookmark note/tags, ask for a path."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from index import parse_tags
from tui.render import text_content


@dataclass(frozen=True)
class BookmarkDraft:
    """What the bookmark dialog returns: the note and tags the user typed."""

    note: str
    tags: tuple[str, ...]


class ConfirmDialog(ModalScreen[bool]):
    """Ask a yes/no question; `y`/Enter confirm, `n`/Escape cancel."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: Content) -> None:
        super().__init__(classes="dialog")
        self._question = question

    def compose(self) -> ComposeResult:
        """The question and two buttons."""
        with Vertical(classes="dialog-box"):
            yield Static(self._question, markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button("Yes (y)", id="confirm-yes", variant="error")
                yield Button("No (n)", id="confirm-no")

    def on_mount(self) -> None:
        """Focus "No" so an accidental Enter does not delete."""
        self.query_one("#confirm-no", Button).focus()

    @on(Button.Pressed)
    def press(self, event: Button.Pressed) -> None:
        """Dismiss with the button's answer."""
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, answer: bool) -> None:
        """Dismiss with a key's answer."""
        self.dismiss(answer)


class BookmarkDialog(ModalScreen[BookmarkDraft | None]):
    """Ask for an optional note and tags for a new bookmark; Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, quote: str) -> None:
        super().__init__(classes="dialog")
        self._quote = quote if len(quote) <= 240 else quote[:239] + "…"

    def compose(self) -> ComposeResult:
        """The quoted passage, a note input and a tags input."""
        with Vertical(classes="dialog-box"):
            yield Label("Bookmark this passage")
            yield Static(text_content(f"“{self._quote}”", "italic"), markup=False)
            yield Input(placeholder="Note (optional)", id="bookmark-note")
            yield Input(placeholder="Tags, comma separated (optional)", id="bookmark-tags")
            yield Label("Enter saves · Escape cancels", classes="dialog-hint")

    @on(Input.Submitted, "#bookmark-note")
    def next_field(self) -> None:
        """Enter in the note moves to the tags."""
        self.set_focus(self.query_one("#bookmark-tags", Input))

    @on(Input.Submitted, "#bookmark-tags")
    def save(self) -> None:
        """Enter in the tags saves the bookmark."""
        note = self.query_one("#bookmark-note", Input).value.strip()
        tags = parse_tags(self.query_one("#bookmark-tags", Input).value)
        self.dismiss(BookmarkDraft(note, tags))

    def action_cancel(self) -> None:
        """Do not bookmark."""
        self.dismiss(None)


class PathDialog(ModalScreen[str | None]):
    """Ask for a file or folder path; Enter accepts, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, prompt: str, default: str = "") -> None:
        super().__init__(classes="dialog")
        self._prompt = prompt
        self._default = default

    def compose(self) -> ComposeResult:
        """The prompt and a path input."""
        with Vertical(classes="dialog-box"):
            yield Label(text_content(self._prompt), markup=False)
            yield Input(value=self._default, id="path-input")
            yield Label("Enter accepts · Escape cancels", classes="dialog-hint")

    @on(Input.Submitted, "#path-input")
    def accept(self, event: Input.Submitted) -> None:
        """Dismiss with the typed path (None when empty)."""
        self.dismiss(event.value.strip() or None)

    def action_cancel(self) -> None:
        """Dismiss without a path."""
        self.dismiss(None)
