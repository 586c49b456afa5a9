"""PickCountDialog: choose the count whose story to show (killed · Gaza, hostages held…).

The counts come from the caller (loaded in its worker), most reports first; typing in the
input narrows the list to the labels containing the words, `down` moves into it, Enter
picks, Escape cancels.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from index import CountKey, CountSummary
from tui.widgets.vim_option_list import VimOptionList


def count_row(count: CountSummary) -> Content:
    """A count's row: label, then reports, first and last day, undated, dimmed."""
    first = count.first.isoformat() if count.first else "—"
    last = count.last.isoformat() if count.last else "—"
    detail = f"  {count.reports} reports · {first} → {last}"
    if count.undated:
        detail += f" · undated {count.undated}"
    return Content.assemble((count.key.label, "bold"), (detail, "dim"))


class PickCountDialog(ModalScreen[CountKey | None]):
    """The counts of the library; type to narrow, Enter picks, Escape cancels."""

    DEFAULT_CSS = """
    PickCountDialog #count-list { height: auto; max-height: 20; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("down", "focus_list", "Into the list", show=False),
    ]

    def __init__(self, counts: Sequence[CountSummary]) -> None:
        super().__init__(classes="dialog")
        self.counts = list(counts)
        self.shown: list[CountSummary] = []

    def compose(self) -> ComposeResult:
        """A title, the narrowing input, the list."""
        with Vertical(classes="dialog-box"):
            yield Label("Story of which count? (most reports first)")
            yield Input(placeholder="Narrow: killed, hostages, Gaza…", id="count-filter")
            yield VimOptionList(id="count-list", markup=False)

    def on_mount(self) -> None:
        """List every count; the input has the focus, so typing narrows at once."""
        self._narrow("")
        self.query_one("#count-filter", Input).focus()

    @on(Input.Changed, "#count-filter")
    def narrow(self, event: Input.Changed) -> None:
        """Keep the counts whose label holds every typed word."""
        self._narrow(event.value)

    @on(Input.Submitted, "#count-filter")
    def pick_first(self) -> None:
        """Enter in the input picks the first count shown."""
        if self.shown:
            self.dismiss(self.shown[0].key)

    @on(OptionList.OptionSelected, "#count-list")
    def pick(self, event: OptionList.OptionSelected) -> None:
        """Enter on a count picks it."""
        event.stop()
        self.dismiss(self.shown[event.option_index].key)

    def action_cancel(self) -> None:
        """Close without a count."""
        self.dismiss(None)

    def action_focus_list(self) -> None:
        """Move from the input into the list."""
        self.query_one("#count-list", OptionList).focus()

    def _narrow(self, text: str) -> None:
        words = text.lower().split()
        self.shown = [c for c in self.counts if all(w in c.key.label.lower() for w in words)]
        listing = self.query_one("#count-list", OptionList)
        listing.set_options([Option(count_row(count)) for count in self.shown])
        if self.shown:
            listing.highlighted = 0
