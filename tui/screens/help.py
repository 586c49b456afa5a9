"""HelpScreen: every key active on the screen underneath, with what it does."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

HelpRow = tuple[str, str]
"""(key as displayed, description)."""


def help_rows(screen: Screen[object]) -> list[HelpRow]:
    """The keys of a screen: its focused widget's, its own and the app's, grouped by key.

    Args:
        screen: The screen to describe (the one the user pressed `?` on).

    Returns:
        One row per action, keys sharing an action joined ("j, down").
    """
    by_action: dict[tuple[str, str], list[str]] = {}
    for active in screen.active_bindings.values():
        binding = active.binding
        if not binding.description or binding.system:
            continue
        keys = by_action.setdefault((binding.action, binding.description), [])
        key = screen.app.get_key_display(binding)
        if key not in keys:
            keys.append(key)
    return [(", ".join(keys), description) for (_, description), keys in by_action.items()]


class HelpScreen(ModalScreen[None]):
    """A scrollable table of keys; any of Escape, q, ? or F1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close help"),
        Binding("j", "scroll('down')", "Scroll down", show=False),
        Binding("k", "scroll('up')", "Scroll up", show=False),
    ]

    def __init__(self, title: str, rows: list[HelpRow]) -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.rows = rows
        """The keys listed (for tests and callers)."""

    def compose(self) -> ComposeResult:
        """The title and one line per key."""
        width = max((len(key) for key, _ in self.rows), default=4) + 2
        lines = [Content.styled(f"Keys: {self.title_text}", "bold underline"), Content("")]
        lines.extend(
            Content.assemble((key.ljust(width), "bold"), Content(description))
            for key, description in self.rows
        )
        lines += [Content(""), Content.styled("Escape closes this help", "dim")]
        with VerticalScroll(classes="dialog-box", id="help-body"):
            yield Static(Content("\n").join(lines), markup=False)

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)

    def action_scroll(self, direction: str) -> None:
        """Scroll the help text."""
        body = self.query_one("#help-body", VerticalScroll)
        if direction == "down":
            body.scroll_down()
        else:
            body.scroll_up()
