"""SearchScreen: the root screen. Indexes the seeds on first run, searches as you type."""

from __future__ import annotations

import gc
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Header, Label, ProgressBar, Static
from textual.worker import get_current_worker

from index import (
    ArticleSummary,
    IngestReport,
    Library,
    NewsdeskError,
    SearchPage,
    add_facet_filter,
    remove_filters,
)
from tui.messages import LibraryFailed, OpenArticle
from tui.render import text_content
from tui.widgets.facet_panel import FacetPanel
from tui.widgets.results_list import ResultsList
from tui.widgets.search_bar import SearchBar

SEARCH = "search"
"""Worker group of the as-you-type search (exclusive: a new query cancels the old)."""
INDEX_WRITER = "index-writer"
"""Worker group of everything that writes the index (one at a time)."""
WARM = "warm"
"""Worker group that builds the search caches after the first list is shown."""
RECENT_LIMIT = 50


class SearchScreen(Screen[None]):
    """Query input, results, facets; Enter opens the highlighted article."""

    CSS_PATH = "search.tcss"
    AUTO_FOCUS = "#results"
    """Start on the list, so j/k/Enter work at once and `/` is the way into the query."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # A priority binding runs in the app's own key loop, before the next key is
        # forwarded: without it, keys typed right after `/` went to the old focus and were
        # lost (seen in tmux). `/` typed inside the query is inserted by the action.
        Binding("slash", "focus_search", "Search", priority=True),
        Binding("down", "focus_results", "Results", show=False),
        Binding("escape", "focus_results", "Results", show=False),
        Binding("s", "toggle_sort", "Sort"),
        Binding("a", "focus_facets", "Facets"),
        Binding("x", "clear_filters", "Clear filters"),
        Binding("ctrl+y", "use_suggestion", "Use suggestion", show=False),
    ]

    @dataclass
    class IndexProgress(Message):
        """Indexing progress (high frequency: a newer one replaces a queued older one)."""

        done: int
        total: int
        path: str

        def can_replace(self, message: Message) -> bool:
            """A newer progress report supersedes an older one still queued."""
            return isinstance(message, SearchScreen.IndexProgress)

    @dataclass
    class LibraryReady(Message):
        """The library is open (and indexed): its size and newest articles."""

        count: int
        recent: Sequence[ArticleSummary]
        report: IngestReport | None = None

    @dataclass
    class ResultsReady(Message):
        """A search finished for `query` sorted by `sort`."""

        query: str
        sort: str
        page: SearchPage
        as_you_type: bool = True
        """Whether the last word was searched as a prefix (no "did you mean" then)."""

    def __init__(self, library: Library, *, seed_dir: Path | None = None) -> None:
        super().__init__()
        self.library = library
        self.seed_dir = seed_dir
        self.sort = "relevance"
        """"relevance" or "date"."""
        self.page: SearchPage | None = None
        """The page shown now (None while listing the newest articles)."""
        self.count = 0

    def compose(self) -> ComposeResult:
        """Header, search bar, indexing progress, results with facets, status, footer."""
        yield Header()
        yield SearchBar(id="search-bar")
        with Horizontal(id="indexing"):
            yield Label("Indexing…", id="indexing-label")
            yield ProgressBar(id="indexing-progress", show_eta=False)
        with Horizontal(id="results-area"):
            yield ResultsList(id="results")
            yield FacetPanel(id="facets")
        yield Static("", id="status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Open the library in a worker (indexing the seeds when it is empty)."""
        self.sub_title = "opening library…"
        # After the first paint: the worker's imports and index opening would otherwise
        # compete with it for the interpreter.
        self.call_after_refresh(self.open_library, self.seed_dir)

    # --- workers ------------------------------------------------------------------

    @work(thread=True, exclusive=True, group=INDEX_WRITER)
    def open_library(self, seed_dir: Path | None, force: bool = False) -> None:
        """Count the articles; index `seed_dir` first when the library is empty (or forced)."""
        report = None
        try:
            if seed_dir is not None and (force or self.library.count() == 0):
                report = self.library.index_paths([seed_dir], progress=self._post_progress)
            self.post_message(
                self.LibraryReady(self.library.count(), self.library.recent(RECENT_LIMIT), report)
            )
        except NewsdeskError as error:
            self.post_message(LibraryFailed(error))

    @work(thread=True, group=WARM)
    def warm_library(self) -> None:
        """Open the index's search caches ahead of the first keystroke.

        Then collect once and freeze what is alive (imports, the caches) out of the
        garbage collector's sight: a full collection over them paused the app for up to
        56 ms mid-typing at 21k articles (measured with `gc.callbacks` under
        benchmarks/bench_app.py). Collecting first keeps garbage from being frozen.
        """
        try:
            self.library.warm()
        except NewsdeskError as error:
            self.post_message(LibraryFailed(error))
        gc.collect()
        gc.freeze()

    def _post_progress(self, done: int, total: int, path: str) -> None:
        self.post_message(self.IndexProgress(done, total, path))

    @work(thread=True, exclusive=True, group=SEARCH)
    def run_search(self, query: str, sort: str, as_you_type: bool = True) -> None:
        """Run one search; the handler drops it if the query changed since.

        While typing, the last word is a prefix (`as_you_type`); Enter, or a prefix search
        that found nothing, runs the full query, which can suggest a better spelling.
        """
        try:
            page = self.library.search(query, sort=sort, as_you_type=as_you_type)
        except NewsdeskError as error:
            self.post_message(LibraryFailed(error))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.ResultsReady(query, sort, page, as_you_type))

    @work(thread=True, exclusive=True, group=SEARCH)
    def load_recent(self) -> None:
        """List the newest articles (the empty query)."""
        try:
            recent = self.library.recent(RECENT_LIMIT)
            count = self.library.count()
        except NewsdeskError as error:
            self.post_message(LibraryFailed(error))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.LibraryReady(count, recent))

    def index_folder(self, folder: Path) -> None:
        """Index a folder (the palette's "Index a folder…"), showing progress.

        One index writer at a time: while one runs, a second request is refused (an
        exclusive worker would only flag the running thread as cancelled, not stop it).
        """
        if any(w.group == INDEX_WRITER and w.is_running for w in self.workers):
            self.notify("Indexing is already running", severity="warning")
            return
        self.query_one("#indexing").add_class("-active")
        self.open_library(folder, force=True)

    # --- message handlers ---------------------------------------------------------

    @on(IndexProgress)
    def show_progress(self, event: IndexProgress) -> None:
        """Feed the progress bar."""
        self.query_one("#indexing").add_class("-active")
        self.query_one("#indexing-progress", ProgressBar).update(
            total=event.total, progress=event.done
        )
        self.query_one("#indexing-label", Label).update(
            text_content(f"Indexing {Path(event.path).name}")
        )

    @on(LibraryReady)
    def show_library(self, event: LibraryReady) -> None:
        """Show the article count and, with no query typed, the newest articles."""
        self.query_one("#indexing").remove_class("-active")
        self.count = event.count
        self.sub_title = f"{event.count} articles"
        if event.report is not None:
            text, severity = _indexed_notice(event.report)
            timeout = 15 if severity == "warning" else 5
            self.notify(text, severity=severity, timeout=timeout, markup=False)
        if self.query_one(SearchBar).value:
            self.run_search(self.query_one(SearchBar).value, self.sort)
            return
        self.page = None
        self.query_one(ResultsList).show_summaries(event.recent)
        self.query_one(FacetPanel).show_facets({})
        self.query_one(SearchBar).show_notice(None)
        self._status(f"{event.count} articles, newest first")
        # Once the list is on screen: build the search caches so the first keystroke is fast.
        self.call_after_refresh(self.warm_library)

    @on(SearchBar.QueryChanged)
    def search_for(self, event: SearchBar.QueryChanged) -> None:
        """Start a search (or list the newest articles for an empty query)."""
        if event.submitted:
            self.set_focus(self.query_one(ResultsList))
        if event.query:
            self.run_search(event.query, self.sort, not event.submitted)
        else:
            self.load_recent()

    @on(ResultsReady)
    def show_results(self, event: ResultsReady) -> None:
        """Show a page, unless the user has typed on (stale results are dropped)."""
        if event.query != self.query_one(SearchBar).value or event.sort != self.sort:
            return
        page = event.page
        if page.total == 0 and event.as_you_type:
            self.run_search(event.query, event.sort, as_you_type=False)
        self.page = page
        self.query_one(ResultsList).show_page(page)
        self.query_one(FacetPanel).show_facets(page.facets)
        self.query_one(SearchBar).show_notice(_notice(page))
        shown = (
            f"{len(page.hits)} of {page.total}" if page.total > len(page.hits) else str(page.total)
        )
        self._status(f"{shown} results · sorted by {page.sort}")

    @on(ResultsList.Chosen)
    def open_chosen_article(self, event: ResultsList.Chosen) -> None:
        """Ask the app to open the article, with the query's terms to highlight."""
        terms = self.page.terms if self.page is not None else ()
        self.post_message(OpenArticle(event.article_id, terms))

    @on(FacetPanel.Chosen)
    def filter_by_facet(self, event: FacetPanel.Chosen) -> None:
        """Add the facet's filter to the query (and search at once)."""
        bar = self.query_one(SearchBar)
        query = add_facet_filter(bar.value, event.field, event.value)
        if query != bar.value:
            bar.set_value(query)

    @on(LibraryFailed)
    def hide_indexing(self) -> None:
        """A library error (the App shows it): an indexing run that failed is over."""
        self.query_one("#indexing").remove_class("-active")

    def _status(self, text: str) -> None:
        self.query_one("#status", Static).update(text_content(text))

    # --- actions ------------------------------------------------------------------

    def action_focus_search(self) -> None:
        """Focus the query input.

        `Screen.set_focus` is immediate, unlike `Widget.focus` (deferred with call_later),
        so keys typed right after `/` already reach the input. In the input itself, `/`
        is just a character.
        """
        field = self.query_one(SearchBar).input
        if self.focused is field:
            field.insert_text_at_cursor("/")
            return
        self.set_focus(field)

    def action_focus_results(self) -> None:
        """Focus the results list."""
        self.set_focus(self.query_one(ResultsList))

    def action_focus_facets(self) -> None:
        """Focus the facets panel."""
        self.set_focus(self.query_one(FacetPanel))

    def action_toggle_sort(self) -> None:
        """Switch between relevance and date order, and search again."""
        self.sort = "date" if self.sort == "relevance" else "relevance"
        query = self.query_one(SearchBar).value
        if query:
            self.run_search(query, self.sort)
        else:
            self._status(f"sorted by {self.sort} (applies to searches)")

    def action_clear_filters(self) -> None:
        """Remove every field:value filter from the query."""
        bar = self.query_one(SearchBar)
        bar.set_value(remove_filters(bar.value))

    def action_use_suggestion(self) -> None:
        """Replace the query with the "did you mean" suggestion."""
        if self.page is not None and self.page.suggestion:
            self.query_one(SearchBar).set_value(self.page.suggestion)


_SKIPS_SHOWN = 4
"""Skipped files named in the notification (the CLI's `newsdesk index` lists them all)."""


def _indexed_notice(report: IngestReport) -> tuple[str, Literal["information", "warning"]]:
    """What an indexing run did, naming the files it skipped and why."""
    added = len(report.added) + len(report.updated)
    lines = [f"Indexed {added} articles in {report.seconds:.1f} s."]
    if report.duplicates:
        lines[0] += f" {len(report.duplicates)} duplicates left out."
    if not report.skipped:
        return "\n".join(lines), "information"
    lines.append(f"Skipped {len(report.skipped)} files or records:")
    lines += [f"• {Path(s.path).name}: {s.reason}" for s in report.skipped[:_SKIPS_SHOWN]]
    if len(report.skipped) > _SKIPS_SHOWN:
        lines.append(f"… and {len(report.skipped) - _SKIPS_SHOWN} more (newsdesk index lists all)")
    return "\n".join(lines), "warning"


def _notice(page: SearchPage) -> Content | None:
    """The inline line under the input: fallback notice and/or "did you mean"."""
    parts: list[Content] = []
    if page.notice:
        parts.append(Content.assemble(("⚠ ", "bold"), text_content(page.notice)))
    if page.suggestion:
        parts.append(
            Content.assemble(
                "Did you mean ",
                text_content(page.suggestion, "bold underline"),
                "?  (ctrl+y to use it)",
            )
        )
    return Content("  ").join(parts) if parts else None
