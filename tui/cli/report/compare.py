"""`newsdesk compare A B`: figure table, party table, then the aligned passages side by side.

Every status and alignment kind has a worded cue ("≠ differ", "= same", "A only") besides its
colour, so the output reads the same with NO_COLOR. Article text only ever goes into
`rich.text.Text`; figures are highlighted with `Text.stylize`, differing ones in the
DIFFERENCE style.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text

from index import (
    AlignedPassage,
    AlignKind,
    Article,
    Comparison,
    Figure,
    FigureRow,
    FigureStatus,
    SpanKind,
)
from tui.cli.report import SPAN_STYLES, stdout_console

STATUS_STYLES: dict[FigureStatus, Style] = {
    FigureStatus.AGREE: Style(color="green", bold=True),
    FigureStatus.CONSISTENT: Style(color="yellow"),
    FigureStatus.UPDATED: Style(color="cyan"),
    FigureStatus.DIFFER: Style(color="red", bold=True),
    FigureStatus.A_ONLY: Style(color="blue"),
    FigureStatus.B_ONLY: Style(color="magenta"),
}
"""Style of each figure status (its cue, "≈ consistent", is the worded part)."""
KIND_CUES: dict[AlignKind, tuple[str, Style]] = {
    AlignKind.SAME: ("= same", Style(color="green")),
    AlignKind.SIMILAR: ("≈ similar", Style(color="yellow")),
    AlignKind.A_ONLY: ("A only", Style(color="blue")),
    AlignKind.B_ONLY: ("B only", Style(color="magenta")),
}
"""Worded cue and style of each alignment kind."""


def side_header(label: str, article: Article) -> Text:
    """The side label and title, then outlet · date · id, dimmed."""
    text = Text(f"{label}: ", style="bold")
    text.append(article.title or "(untitled)", style="bold")
    date = article.published.isoformat() if article.published else "no date"
    text.append(f"\n   {article.source or 'unknown outlet'} · {date} · id {article.id}", "dim")
    return text


def figures_cell(figures: Sequence[Figure]) -> Text:
    """The figures of one side: phrase, then qualifier/value and attribution dimmed."""
    text = Text()
    for number, figure in enumerate(figures):
        if number:
            text.append("\n")
        text.append(figure.text, style=SPAN_STYLES[SpanKind.FIGURE])
        text.append(f"\n  {figure.stated_value}", style="dim")
        if figure.attribution:
            text.append("\n  ")
            text.append(figure.attribution, style="italic dim")
    return text if figures else Text("—", style="dim")


def status_cell(row: FigureRow) -> Text:
    """The status cue, coloured, with the difference and the note (date gap, intervals)."""
    text = Text(row.status.cue, style=STATUS_STYLES[row.status])
    if row.difference_text is not None:
        text.append(f"\nB {row.difference_text}", style="dim")
    if row.note:
        text.append(f"\n{row.note}", style="dim")
    return text


def figures_table(comparison: Comparison) -> Table:
    """Figures by measure: A, B, status."""
    table = Table(title="Figures by measure", title_justify="left", expand=True)
    # Every column keeps a readable width at 80 columns: a long status note wraps rather than
    # squeezing the figures out of A and B.
    table.add_column("measure", no_wrap=True, max_width=24)
    table.add_column("A", ratio=1, min_width=12, overflow="fold")
    table.add_column("B", ratio=1, min_width=12, overflow="fold")
    table.add_column("status", ratio=1, min_width=14, overflow="fold")
    for row in comparison.figures:
        table.add_row(
            Text(row.label),
            figures_cell(row.a),
            figures_cell(row.b),
            status_cell(row),
        )
    return table


def parties_table(comparison: Comparison) -> Table:
    """Parties with their mention counts in A and B, and who is cited as a source."""
    parties = comparison.parties
    table = Table(title="Parties", title_justify="left", expand=False)
    for column in ("party", "A", "B", "mentioned by", "cited as a source in"):
        table.add_column(column, overflow="fold")
    rows = [(name, na, nb, "both") for name, na, nb in parties.both]
    rows += [(name, count, 0, "A only") for name, count in parties.a_only]
    rows += [(name, 0, count, "B only") for name, count in parties.b_only]
    for name, count_a, count_b, where in rows:
        cited = [
            s for s, names in (("A", parties.a_sources), ("B", parties.b_sources)) if name in names
        ]
        table.add_row(
            Text(name, style=SPAN_STYLES[SpanKind.PARTY]),
            Text(str(count_a) if count_a else "—"),
            Text(str(count_b) if count_b else "—"),
            Text(where),
            Text(", ".join(cited)),
        )
    return table


def passage_text(
    article: Article, paragraph: int | None, sentence: tuple[int, int] | None, differ: set[int]
) -> Text:
    """One side of an aligned row: "¶n" then the sentence, its figures highlighted.

    Args:
        article: The side's article.
        paragraph: Paragraph index, or None for the missing side.
        sentence: (start, end) in the paragraph, or None for the whole paragraph.
        differ: Ids (`id()`) of this side's figures that differ from the other report.
    """
    if paragraph is None or paragraph >= len(article.paragraphs):
        return Text("")
    body = article.paragraphs[paragraph]
    start, end = sentence if sentence else (0, len(body))
    text = Text(f"¶{paragraph + 1} ", style="dim")
    offset = len(text)
    text.append(body[start:end])
    for figure in article.figures:
        if figure.paragraph == paragraph and start <= figure.start and figure.end <= end:
            kind = SpanKind.DIFFERENCE if id(figure) in differ else SpanKind.FIGURE
            text.stylize(
                SPAN_STYLES[kind], offset + figure.start - start, offset + figure.end - start
            )
    return text


def passages_table(comparison: Comparison, a: Article, b: Article) -> Table:
    """The aligned passages side by side: kind cue, A sentence, B sentence."""
    differ_a = {id(f) for row in comparison.figures if row.status.is_difference for f in row.a}
    differ_b = {id(f) for row in comparison.figures if row.status.is_difference for f in row.b}
    table = Table(title="Aligned passages", title_justify="left", expand=True, show_lines=True)
    table.add_column("", no_wrap=True)
    table.add_column("A", ratio=1, overflow="fold")
    table.add_column("B", ratio=1, overflow="fold")
    for row in comparison.alignment:
        table.add_row(
            kind_cell(row),
            passage_text(a, row.a, row.a_sentence, differ_a),
            passage_text(b, row.b, row.b_sentence, differ_b),
        )
    return table


def kind_cell(row: AlignedPassage) -> Text:
    """The kind cue, with the similarity for aligned rows."""
    word, style = KIND_CUES[row.kind]
    text = Text(word, style=style)
    if row.kind in (AlignKind.SAME, AlignKind.SIMILAR):
        text.append(f"\n{row.similarity:.2f}", style="dim")
    return text


def comparison_renderable(comparison: Comparison, a: Article, b: Article) -> RenderableType:
    """The whole `compare` output: headers, figure table, party table, passages."""
    parts: list[RenderableType] = [side_header("A", a), side_header("B", b), Text("")]
    if comparison.figures:
        parts.append(figures_table(comparison))
    else:
        parts.append(Text("No figure with a known measure in either report.", style="dim"))
    parts.append(parties_table(comparison))
    parts.append(passages_table(comparison, a, b))
    return Group(*parts)


def render_comparison(
    comparison: Comparison, a: Article, b: Article, console: Console | None = None
) -> None:
    """Print a comparison to the console (stdout by default)."""
    (console or stdout_console()).print(comparison_renderable(comparison, a, b))
