"""ComparisonSummary: the figure table and the party table of a comparison.

Figures by measure (measure, A, B, status; each figure with its attribution under it, so
that the source reads at 80 columns) and parties (counts in A and B, who cites them as a
source). Each status has a worded cue ("≠ differ", "✓ agree", "A only")
besides its colour. Cells are `rich.text.Text` built from plain strings, because DataTable
parses `str` cells as markup. Selecting a figure row posts `FigureChosen`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import DataTable

from index import Comparison, Figure, FigureRow, FigureStatus, visible_controls

STATUS_STYLES: dict[FigureStatus, str] = {
    FigureStatus.DIFFER: "bold red",
    FigureStatus.UPDATED: "cyan",
    FigureStatus.CONSISTENT: "yellow",
    FigureStatus.AGREE: "green",
    FigureStatus.A_ONLY: "blue",
    FigureStatus.B_ONLY: "magenta",
}
"""Style per figure status; the status's own cue ("≈ consistent") reads under NO_COLOR."""
FIGURE_COLUMNS: tuple[tuple[str, int], ...] = (
    ("measure", 14),
    ("A", 21),
    ("B", 21),
    ("status", 14),
)
"""Name and width of each column: with a cell's padding they fill 78 columns, the width of
the table at 80 (so nothing scrolls sideways)."""
PARTY_COLUMNS: tuple[tuple[str, int], ...] = (
    ("party", 22),
    ("A", 3),
    ("B", 3),
    ("cited", 6),
)


@dataclass(frozen=True)
class FigureLine:
    """One figure row as plain text (what the table shows; for tests and callers)."""

    measure: str
    a: str
    b: str
    status: FigureStatus
    attributions: str


def _side_text(figures: Sequence[Figure]) -> str:
    return "\n".join(figure.text for figure in figures) or "—"


def _side_cell(figures: Sequence[Figure]) -> Text:
    """The figures of one side as written, each with its attribution under it (dim)."""
    if not figures:
        return Text("—")
    cell = Text()
    for number, figure in enumerate(figures):
        if number:
            cell.append("\n")
        cell.append(visible_controls(figure.text), style="bold underline")
        if figure.attribution:
            cell.append(f"\n{visible_controls(figure.attribution)}", style="dim italic")
    return cell


def _attributions(row: FigureRow) -> str:
    a = "; ".join(f.attribution for f in row.a if f.attribution) or "—"
    b = "; ".join(f.attribution for f in row.b if f.attribution) or "—"
    return f"A: {a}\nB: {b}"


def figure_lines(comparison: Comparison) -> list[FigureLine]:
    """The figure table's rows as plain text, in the comparison's order."""
    return [
        FigureLine(
            row.label,
            _side_text(row.a),
            _side_text(row.b),
            row.status,
            _attributions(row),
        )
        for row in comparison.figures
    ]


def _status_cell(line: FigureLine, row: FigureRow) -> Text:
    text = Text(line.status.cue, style=STATUS_STYLES[line.status])
    if row.difference_text is not None:
        text.append(visible_controls(f"\nB {row.difference_text}"), style="dim")
    if row.status is FigureStatus.UPDATED and row.note:
        text.append(visible_controls(f"\n{row.note}"), style="dim")
    return text


class ComparisonSummary(Horizontal):
    """Two tables side by side (stacked by the screen's CSS when narrow)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "move(1)", "Down", show=False),
        Binding("k", "move(-1)", "Up", show=False),
    ]

    @dataclass
    class FigureChosen(Message):
        """The user selected a figure row (index into `Comparison.figures`)."""

        index: int

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual keyword)
        super().__init__(id=id)
        self.figures: list[FigureLine] = []
        """The figure rows shown now."""
        self.parties: list[tuple[str, int, int, str]] = []
        """(party, count in A, count in B, "A"/"B"/"A, B" cited as source) shown now."""

    def compose(self) -> ComposeResult:
        """The figure table and the party table."""
        figures: DataTable[Text] = DataTable(id="summary-figures", cursor_type="row")
        figures.border_title = "Figures by measure"
        parties: DataTable[Text] = DataTable(id="summary-parties", cursor_type="row")
        parties.border_title = "Parties"
        yield figures
        yield parties

    def show(self, comparison: Comparison) -> None:
        """Fill both tables from a comparison."""
        self.figures = figure_lines(comparison)
        table: DataTable[Text] = self.query_one("#summary-figures", DataTable)
        table.clear(columns=True)
        for label, width in FIGURE_COLUMNS:
            table.add_column(Text(label, style="bold"), width=width)
        for line, row in zip(self.figures, comparison.figures, strict=True):
            table.add_row(
                Text(visible_controls(line.measure)),
                _side_cell(row.a),
                _side_cell(row.b),
                _status_cell(line, row),
                height=None,
            )
        self._show_parties(comparison)

    def _show_parties(self, comparison: Comparison) -> None:
        parties = comparison.parties
        rows = [(name, na, nb) for name, na, nb in parties.both]
        rows += [(name, count, 0) for name, count in parties.a_only]
        rows += [(name, 0, count) for name, count in parties.b_only]
        self.parties = []
        for name, count_a, count_b in rows:
            cited = [
                s
                for s, names in (("A", parties.a_sources), ("B", parties.b_sources))
                if name in names
            ]
            self.parties.append((name, count_a, count_b, ", ".join(cited)))
        table: DataTable[Text] = self.query_one("#summary-parties", DataTable)
        table.clear(columns=True)
        for label, width in PARTY_COLUMNS:
            table.add_column(Text(label, style="bold"), width=width)
        for name, count_a, count_b, sources in self.parties:
            table.add_row(
                Text(visible_controls(name), style="italic"),
                Text(str(count_a) if count_a else "—"),
                Text(str(count_b) if count_b else "—"),
                Text(visible_controls(sources)),
            )

    def action_move(self, step: int) -> None:
        """Move the cursor of the focused table."""
        focused = self.screen.focused
        if isinstance(focused, DataTable):
            focused.move_cursor(row=focused.cursor_row + step)

    @on(DataTable.RowSelected, "#summary-figures")
    def choose_figure(self, event: DataTable.RowSelected) -> None:
        """Turn the selected row into a `FigureChosen`."""
        event.stop()
        self.post_message(self.FigureChosen(event.cursor_row))
