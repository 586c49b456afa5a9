"""StoryScreen: one count's figures across every report — the plot, who says what, the table.

Opened with a count (Enter on a figure in the reader's panel) or without (`T`, the
palette): then it asks which count first. The story and its plot data load in a thread
worker (`Library.story`, `chart_data`); sorting and filtering work on the loaded story.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from index import (
    ChartData,
    CountKey,
    CountSummary,
    FlagKind,
    Library,
    NewsdeskError,
    Story,
    StoryRow,
    chart_data,
    filter_story,
)
from tui.messages import LibraryFailed, OpenArticle
from tui.screens.dialogs import PathDialog
from tui.screens.pick_count import PickCountDialog
from tui.widgets.key_footer import KeyFooter
from tui.widgets.story_plot import StoryPlot
from tui.widgets.story_table import StoryTable

STORY = "story"
"""Worker group of the story's loading (a new count cancels the old)."""
SORTS = ("date", "value", "outlet")


def sorted_rows(story: Story, sort: str) -> list[StoryRow]:
    """Dated rows then undated ones, by date (the story's order), value or outlet."""
    if sort == "value":
        return sorted(story.all_rows, key=lambda r: (-r.number, r.published is None))
    if sort == "outlet":
        return sorted(story.all_rows, key=lambda r: ((r.outlet or "").lower(), r.published is None))
    return list(story.all_rows)


def summary_line(story: Story, chart: ChartData) -> Content:
    """The count, then reports, undated, outliers, stale figures and the scale."""
    parts = [f"{story.reports} reports", f"undated: {len(story.undated)}"]
    parts.append(f"⚠ {story.flagged(FlagKind.OUTLIER)} outliers")
    if story.running_total:
        parts.append(f"⏱ {story.flagged(FlagKind.STALE)} stale")
    if chart.log_scale:
        parts.append("log scale")
    return Content.assemble((story.key.label, "bold"), " — " + " · ".join(parts))


def sources_line(story: Story) -> Content:
    """Who says what, in one line: each source's range and reports, unattributed last."""
    ranked = sorted(story.sources, key=lambda s: (s.says == "unattributed", -s.reports, s.says))
    parts = [
        Content.assemble((source.says, "italic"), f" {source.range_text} ({source.reports})")
        for source in ranked
    ]
    return Content.assemble(("Who says what: ", "bold"), Content(" · ").join(parts))


def legend(story: Story, chart: ChartData) -> Content:
    """The outlets' letters, the marks, then who says what."""
    lines = [
        Content.assemble((letter, "bold"), " ", Content(outlet)) for letter, outlet in chart.letters
    ]
    lines.append(Content.styled("· consensus  | range  ↑ more than  ↓ nearly", "dim"))
    if chart.parts:
        lines.append(Content.styled(f"◦ parts not plotted: {chart.parts}", "dim"))
    lines.append(Content.styled("Who says what", "bold underline"))
    for source in story.sources:
        lines.append(
            Content.assemble(
                Content(source.says), (f" {source.range_text} ×{source.reports}", "dim")
            )
        )
    return Content("\n").join(lines)


class StoryScreen(Screen[None]):
    """Every report's figure for one count: plot, legend with sources, table."""

    CSS_PATH = "story.tcss"

    FOOTER_KEYS: ClassVar[tuple[str, ...]] = ("enter", "c", "s", "slash", "e", "q")
    """The footer's order (see `KeyFooter`)."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "choose_count", "Count"),
        Binding("s", "sort", "Sort"),
        Binding("slash", "filter", "Filter", priority=True),  # see SearchScreen's `/`
        Binding("e", "export", "Export"),
        Binding("escape", "close_filter", "Close filter", show=False),
    ]

    @dataclass
    class Loaded(Message):
        """The story of a count and its plot data."""

        story: Story
        chart: ChartData

    @dataclass
    class CountsLoaded(Message):
        """The counts the library holds, to choose from."""

        counts: list[CountSummary]

    @dataclass
    class Exported(Message):
        """The chart and the rows were written."""

        paths: tuple[Path, ...]

    def __init__(self, library: Library, key: CountKey | None = None) -> None:
        super().__init__()
        self.library = library
        self.key = key
        self.story: Story | None = None
        self.chart: ChartData | None = None
        self.sort = SORTS[0]
        self.filter_text = ""

    def compose(self) -> ComposeResult:
        """Summary, plot beside its legend, the table, the filter, status, footer."""
        yield Header()
        yield Static("Loading…", id="story-summary", markup=False)
        yield Static("", id="story-sources", markup=False)
        with Horizontal(id="story-top"):
            yield StoryPlot(id="story-plot")
            yield Static("", id="story-legend", markup=False)
        yield StoryTable(id="story-table")
        yield Input(
            placeholder="Filter: outlet or source (Gaza health ministry, UN…)", id="story-filter"
        )
        yield Static("", id="story-status", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Load the story, or the counts to choose from."""
        self.title = "Story"
        self.query_one(StoryTable).focus()
        if self.key is None:
            self.load_counts()
        else:
            self.load_story(self.key)

    # --- workers ------------------------------------------------------------------

    @work(thread=True, exclusive=True, group=STORY)
    def load_story(self, key: CountKey) -> None:
        """Fetch the story of a count and work out its plot."""
        try:
            story = self.library.story(key)
        except NewsdeskError as error:
            self.post_message(LibraryFailed(error))
            return
        self.post_message(self.Loaded(story, chart_data(story)))

    @work(thread=True, exclusive=True, group=STORY)
    def load_counts(self) -> None:
        """Fetch the counts for the chooser."""
        try:
            counts = self.library.figure_counts()
        except NewsdeskError as error:
            self.post_message(LibraryFailed(error))
            return
        self.post_message(self.CountsLoaded(counts))

    def export_to(self, story: Story, path: Path) -> None:
        """Write the chart as SVG and the rows as CSV beside it.

        It runs in the path dialog's worker, which keeps the dialog open with the error.

        Raises:
            NewsdeskError: A file cannot be written (the message says which and why).
        """
        written = tuple(
            self.library.export_story(story, path.with_suffix(suffix))
            for suffix in (".svg", ".csv")
        )
        self.post_message(self.Exported(written))

    # --- handlers -----------------------------------------------------------------

    @on(CountsLoaded)
    def ask_count(self, event: CountsLoaded) -> None:
        """Show the chooser (a story with no count yet closes if it is cancelled)."""
        if not event.counts:
            self.query_one("#story-summary", Static).update(
                "No counted figures in the library yet."
            )
            return

        def chosen(key: CountKey | None) -> None:
            if key is not None:
                self.key = key
                self.load_story(key)
            elif self.story is None:
                self.dismiss()

        self.app.push_screen(PickCountDialog(event.counts), chosen)

    @on(Loaded)
    def show_story(self, event: Loaded) -> None:
        """Draw the plot, the legend, the summary and the table."""
        self.story, self.chart = event.story, event.chart
        self.sub_title = event.story.key.label
        self.query_one(StoryPlot).show_chart(event.chart)
        self.query_one("#story-legend", Static).update(legend(event.story, event.chart))
        self._show_rows()

    @on(StoryTable.Chosen)
    def open_report(self, event: StoryTable.Chosen) -> None:
        """Open the report at the figure."""
        figure = event.row.figure
        if figure.paragraph is None:
            self.post_message(OpenArticle(event.row.article_id))
        else:
            self.post_message(
                OpenArticle(event.row.article_id, (), figure.paragraph, figure.start, figure.end)
            )

    @on(Input.Changed, "#story-filter")
    def refilter(self, event: Input.Changed) -> None:
        """Keep the rows whose outlet or source holds the text (in memory)."""
        self.filter_text = event.value
        self._show_rows()

    @on(Input.Submitted, "#story-filter")
    def filter_done(self) -> None:
        """Enter in the filter goes back to the table."""
        self.query_one(StoryTable).focus()

    @on(Exported)
    def exported(self, event: Exported) -> None:
        """Say where the files are."""
        self.notify("Exported " + " and ".join(str(p) for p in event.paths), markup=False)

    # --- actions ------------------------------------------------------------------

    def action_choose_count(self) -> None:
        """Choose another count."""
        self.load_counts()

    def action_sort(self) -> None:
        """Sort by date, then value, then outlet."""
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self._show_rows()

    def action_filter(self) -> None:
        """Show and focus the filter (a `/` typed in it is a character)."""
        field = self.query_one("#story-filter", Input)
        if self.focused is field:
            field.insert_text_at_cursor("/")
            return
        field.add_class("-active")
        self.set_focus(field)

    def action_close_filter(self) -> None:
        """Esc: clear and hide the filter when it is open, else back (as everywhere)."""
        field = self.query_one("#story-filter", Input)
        if not field.has_class("-active") and not field.value:
            self.app.pop_screen()
            return
        field.value = ""
        field.remove_class("-active")
        self.query_one(StoryTable).focus()

    def action_export(self) -> None:
        """Ask for a file name; write the chart (.svg) and the rows (.csv) there."""
        story = self.story
        if story is None:
            return
        folder = self.library.paths.data_dir if self.library.paths is not None else Path.cwd()
        default = folder / f"story-{'-'.join(story.key.label.replace(' · ', ' ').split())}.svg"

        self.app.push_screen(
            PathDialog(
                "Export the chart (.svg) and rows (.csv) to:",
                str(default),
                act=lambda path: self.export_to(story, path),
            )
        )

    def _show_rows(self) -> None:
        story, chart = self.story, self.chart
        if story is None or chart is None:
            return
        shown = filter_story(story, text=self.filter_text) if self.filter_text.strip() else story
        letters = dict(chart.outlets)
        self.query_one(StoryTable).show_rows(sorted_rows(shown, self.sort), letters)
        self.query_one("#story-summary", Static).update(summary_line(shown, chart))
        self.query_one("#story-sources", Static).update(sources_line(shown))
        filtered = f" · filter “{self.filter_text.strip()}”" if self.filter_text.strip() else ""
        self.query_one("#story-status", Static).update(
            Content(
                f"{len(shown.all_rows)} figures · sorted by {self.sort}{filtered}"
                " · Enter open · s sort · / filter · c count · e export"
            )
        )
