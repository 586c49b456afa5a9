"""`newsdesk figures`: the counts a library holds, and the story of one count.

Titles, outlets and figures as written go into `rich.text.Text` cells, never into markup.
Each flag has a sign and a word ("⚠ outlier"), so the table reads the same with NO_COLOR.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from index import CountSummary, FlagKind, Story, StoryRow, format_number
from tui.cli.report import stdout_console

FLAG_STYLES = {FlagKind.OUTLIER: "red", FlagKind.STALE: "yellow", FlagKind.PART: "dim"}
"""Colour of each flag's cue (the cue itself is the worded part)."""


def render_counts(counts: Sequence[CountSummary]) -> None:
    """The counts, most reports first: label, reports, figures, first and last day, undated."""
    table = Table(
        title="Counts in the library",
        title_justify="left",
        caption="a count is measure · group · place (--json names each part)",
        caption_justify="left",
        box=None,
    )
    table.add_column("count", no_wrap=True, max_width=36, overflow="ellipsis")
    for name in ("reports", "figures"):
        table.add_column(name, justify="right", no_wrap=True)
    table.add_column("first", no_wrap=True)
    table.add_column("last", no_wrap=True)
    table.add_column("undated", justify="right")
    for count in counts:
        table.add_row(
            Text(count.key.label, style="bold"),
            str(count.reports),
            str(count.figures),
            count.first.isoformat() if count.first else "—",
            count.last.isoformat() if count.last else "—",
            str(count.undated) if count.undated else "",
        )
    stdout_console().print(table if counts else Text("No counted figures yet.", style="dim"))


def flags_cell(row: StoryRow) -> Text:
    """The row's flags, each as its cue and note."""
    text = Text()
    for number, flag in enumerate(row.flags):
        if number:
            text.append("\n")
        text.append(flag.kind.cue, style=FLAG_STYLES[flag.kind])
        text.append(f" {flag.note}", style="dim")
    return text


def _rows_table(rows: Sequence[StoryRow], consensus: dict[object, float]) -> Table:
    """One line per figure: date, outlet, as written, who says it, consensus, flags, id."""
    table = Table(box=None, show_edge=False)
    for name in ("date", "outlet", "figure as written", "says", "consensus", "flags", "id"):
        table.add_column(name, overflow="fold")
    for row in rows:
        day = consensus.get(row.published) if row.published else None
        figure = Text(row.figure.text, style="bold" if row.plotted else "dim")
        table.add_row(
            row.published.isoformat() if row.published else "undated",
            Text(row.outlet or "—"),
            figure,
            Text(row.says, style="italic"),
            format_number(day) if day is not None else "",
            flags_cell(row),
            Text(row.article_id, style="dim"),
        )
    return table


def _sources_table(story: Story) -> Table:
    """Who says what: each source's reports, range and latest value."""
    table = Table(title="Who says what", title_justify="left", box=None)
    table.add_column("source")
    table.add_column("reports", justify="right")
    table.add_column("values")
    table.add_column("latest")
    for source in story.sources:
        latest = source.latest
        shown = f"{latest.figure.text} ({latest.published})" if latest and latest.published else ""
        table.add_row(Text(source.says), str(source.reports), source.range_text, Text(shown))
    return table


def render_story(story: Story) -> None:
    """The count's header, who says what, the dated rows, then the undated ones apart."""
    header = Text(story.key.label, style="bold")
    header.append(
        f"  {story.reports} reports · {len(story.rows)} dated figures · "
        f"undated: {len(story.undated)} · outliers {story.flagged(FlagKind.OUTLIER)} · "
        f"stale {story.flagged(FlagKind.STALE)}",
        style="dim",
    )
    consensus: dict[object, float] = {day.day: day.value for day in story.days}
    parts: list[RenderableType] = [
        header,
        _sources_table(story),
        _rows_table(story.rows, consensus),
    ]
    if story.undated:
        parts.append(Text(f"\nundated: {len(story.undated)}", style="bold"))
        parts.append(_rows_table(story.undated, consensus))
    stdout_console().print(Group(*parts))
