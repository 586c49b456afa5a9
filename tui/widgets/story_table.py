"""StoryTable: one line per figure of a story; Enter posts `Chosen` with the row.

Cells are `rich.text.Text` built from the data (DataTable would read a plain string as
markup): an outlet name or a title with `[` in it shows as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import DataTable

from index import FlagKind, StoryRow

COLUMNS = ("date", "outlet", "figure as written", "flags", "says", "attribution", "title")
WIDTHS = {"outlet": 18, "figure as written": 22, "attribution": 30}
"""Columns cut to a width, so the flags show at 80 columns (the rest sizes to fit)."""
FLAG_STYLES = {FlagKind.OUTLIER: "bold red", FlagKind.STALE: "yellow", FlagKind.PART: "dim"}
"""Colour of each flag's cue; the cue ("⚠ outlier") is the part that reads without it."""


def flags_text(row: StoryRow) -> Text:
    """The row's flags as cue and note, one after the other."""
    text = Text(no_wrap=True)
    for number, flag in enumerate(row.flags):
        if number:
            text.append("; ")
        text.append(flag.kind.cue, style=FLAG_STYLES[flag.kind])
        text.append(f" {flag.note}", style="dim")
    return text


def row_cells(row: StoryRow, letter: str) -> tuple[Text, ...]:
    """The cells of one row: the outlet with its plot letter, the figure bold if it votes."""
    day = row.published.isoformat() if row.published else "undated"
    outlet = Text(f"{letter} ", style="bold")
    outlet.append(row.outlet or "unknown outlet")
    figure = Text(row.figure.text, style="bold" if row.plotted else "dim")
    return (
        Text(day, style="" if row.published else "italic"),
        outlet,
        figure,
        flags_text(row),
        Text(row.says, style="italic"),
        Text(row.figure.attribution or "—", style="dim"),
        Text(row.title),
    )


class StoryTable(DataTable[Text]):
    """The rows of a story in the order given; the cursor moves by row."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "scroll_top", "First", show=False),
        Binding("G", "scroll_bottom", "Last", show=False),
    ]

    @dataclass
    class Chosen(Message):
        """Open this row's report at its figure."""

        row: StoryRow

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual keyword)
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.rows_shown: list[StoryRow] = []

    def on_mount(self) -> None:
        """The columns."""
        for name in COLUMNS:
            self.add_column(name, width=WIDTHS.get(name))

    def show_rows(self, rows: Sequence[StoryRow], letters: dict[str, str]) -> None:
        """Replace the rows (each outlet's plot letter beside its name).

        The columns are sized here from the cells, not left to DataTable's measuring on its
        next Idle event, so the table never shows a moment of header-wide columns.
        """
        self.rows_shown = list(rows)
        cells = [row_cells(row, letters.get(row.outlet or "unknown outlet", "*")) for row in rows]
        self.clear(columns=True)
        for number, name in enumerate(COLUMNS):
            widest = max((line[number].cell_len for line in cells), default=0)
            self.add_column(name, width=WIDTHS.get(name, max(len(name), widest)))
        for line in cells:
            self.add_row(*line)

    @on(DataTable.RowSelected)
    def choose(self, event: DataTable.RowSelected) -> None:
        """Enter on a row: ask to open its report."""
        event.stop()
        if 0 <= event.cursor_row < len(self.rows_shown):
            self.post_message(self.Chosen(self.rows_shown[event.cursor_row]))
