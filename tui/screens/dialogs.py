"""Small modal dialogs with typed results: confirm, bookmark note/tags, ask for a path."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from index import NewsdeskError, parse_tags
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

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        # Priority, like the app's Tab: Enter moves the focus as it is read, so keys typed
        # right after it (a second Enter, the tags) reach the tags field, not the note.
        Binding("enter", "next_or_save", "Next field/save", show=False, priority=True),
    ]

    def __init__(self, quote: str) -> None:
        super().__init__(classes="dialog")
        self._quote = quote if len(quote) <= 240 else quote[:239] + "…"
        self._saved = False

    def compose(self) -> ComposeResult:
        """The quoted passage, a note input and a tags input."""
        with Vertical(classes="dialog-box"):
            yield Label("Bookmark this passage")
            yield Static(text_content(f"“{self._quote}”", "italic"), markup=False)
            yield Input(placeholder="Note (optional)", id="bookmark-note")
            yield Input(placeholder="Tags, comma separated (optional)", id="bookmark-tags")
            yield Label("Enter saves · Escape cancels", classes="dialog-hint")

    def action_next_or_save(self) -> None:
        """Enter in the note moves to the tags; in the tags it saves the bookmark."""
        note = self.query_one("#bookmark-note", Input)
        tags = self.query_one("#bookmark-tags", Input)
        if self.focused is not tags:
            self.set_focus(tags)
            return
        # The action runs as Enter is read, before the fields have handled the keys typed
        # just before it (they wait in each field's queue): save once both queues got there.
        note.call_later(tags.call_later, self.save)

    def save(self) -> None:
        """Dismiss with the note and tags typed (once, however often Enter was pressed)."""
        if self._saved:
            return
        self._saved = True
        note = self.query_one("#bookmark-note", Input).value.strip()
        tags = parse_tags(self.query_one("#bookmark-tags", Input).value)
        self.dismiss(BookmarkDraft(note, tags))

    def action_cancel(self) -> None:
        """Do not bookmark."""
        self.dismiss(None)


class PathDialog(ModalScreen[str | None]):
    """Ask for a file or folder path; Enter accepts, Escape cancels.

    With `act`, Enter first runs `act(path)` in a worker (it writes the file, say): the
    dialog closes when it succeeds, and stays open showing the error when it raises a
    `NewsdeskError`, so the user can fix the path.
    """

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]

    @dataclass
    class Failed(Message):
        """`act` failed: the error to show."""

        error: NewsdeskError

    @dataclass
    class Done(Message):
        """`act` succeeded with the typed path."""

        value: str

    def __init__(
        self, prompt: str, default: str = "", *, act: Callable[[Path], object] | None = None
    ) -> None:
        super().__init__(classes="dialog")
        self._prompt = prompt
        self._default = default
        self._act = act

    def compose(self) -> ComposeResult:
        """The prompt, a path input and the last error (hidden until there is one)."""
        with Vertical(classes="dialog-box"):
            yield Label(text_content(self._prompt), markup=False)
            yield Input(value=self._default, id="path-input")
            yield Static("", id="path-error", markup=False)
            yield Label("Enter accepts · Escape cancels", classes="dialog-hint")

    @on(Input.Submitted, "#path-input")
    def accept(self, event: Input.Submitted) -> None:
        """Dismiss with the typed path (None when empty), once `act` has succeeded."""
        value = event.value.strip()
        if not value or self._act is None:
            self.dismiss(value or None)
            return
        self.run_act(self._act, value)

    @work(thread=True, exclusive=True, group="path-dialog")
    def run_act(self, act: Callable[[Path], object], value: str) -> None:
        """Run `act` on the path (file work: off the UI thread)."""
        try:
            act(Path(value).expanduser())
        except NewsdeskError as error:
            self.post_message(self.Failed(error))
            return
        self.post_message(self.Done(value))

    @on(Failed)
    def show_error(self, event: Failed) -> None:
        """Keep the dialog open and say what went wrong."""
        error = self.query_one("#path-error", Static)
        error.update(Content(str(event.error)))
        error.add_class("-active")

    @on(Done)
    def done(self, event: Done) -> None:
        """`act` succeeded: close with the path."""
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        """Dismiss without a path."""
        self.dismiss(None)
