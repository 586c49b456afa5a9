"""SearchScreen: the root screen. Indexes the seeds on first run, searches as you type."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Header, Label, OptionList, ProgressBar, Static
from textual.worker import get_current_worker

from index import (
    LIST_PAGE,
    ArticleId,
    FacetValue,
    IngestReport,
    Library,
    NewsdeskError,
    SearchPage,
    add_facet_filter,
    remove_filters,
)
from tui.idle_collection import IDLE_SECONDS, collect_when_idle, freeze_and_hold
from tui.messages import LibraryFailed, OpenArticle
from tui.render import text_content
from tui.screens.search_notices import (
    indexed_notice,
    indexing_line,
    inline_notice,
    nothing_found,
)
from tui.widgets.facet_panel import FacetPanel
from tui.widgets.key_footer import KeyFooter
from tui.widgets.results_list import ResultsList
from tui.widgets.search_bar import SearchBar

SEARCH = "search"
"""Worker group of the as-you-type search (exclusive: a new query cancels the old)."""
INDEX_WRITER = "index-writer"
"""Worker group of everything that writes the index (one at a time)."""
WARM = "warm"
"""Worker group that builds the search caches after the first list is shown."""
MORE = "search-more"
"""Worker group that loads the further pages of the results shown."""
FACETS = "facets"
"""Worker group that counts the facets of the results shown (exclusive)."""
FACETS_DELAY = 0.1
"""Seconds a page's facets wait for the typing to pause before they are counted.

A keystroke's hits come first, without facets (which at 100k articles cost up to ~15 ms a
query); the next keystroke within this delay cancels the count, so fast typing never pays
for facets it would not see, and the next search does not share the interpreter with it.
"""
PAGE_SIZE = LIST_PAGE
"""The newest articles listed at launch, before the list has a size (searches fetch
`ResultsList.page_size` results at a time, and the list asks for the next page as the
cursor or the scrolling nears its end)."""


class SearchScreen(Screen[None]):
    """Query input, results, facets; Enter opens the highlighted article."""

    CSS_PATH = "search.tcss"
    AUTO_FOCUS = "#results"
    """Start on the list, so j/k/Enter work at once and `/` is the way into the query."""

    FOOTER_KEYS: ClassVar[tuple[str, ...]] = ("slash", "s", "a", "B", "x", "q")
    """Most used first: the footer shows what fits at 80 columns (`?` always)."""

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
        """The library is open (and indexed): its size, and the newest articles."""

        count: int
        page: SearchPage
        """The empty query's first page: the newest articles, the whole library's facets."""
        report: IngestReport | None = None

    @dataclass
    class ResultsReady(Message):
        """A search finished for `query` sorted by `sort`."""

        query: str
        sort: str
        page: SearchPage

    @dataclass
    class FacetsReady(Message):
        """The facets of the results of `query` sorted by `sort`."""

        query: str
        sort: str
        facets: Mapping[str, tuple[FacetValue, ...]]

    @dataclass
    class MoreReady(Message):
        """A further page of the results of `query` sorted by `sort`."""

        query: str
        sort: str
        page: SearchPage

    def __init__(self, library: Library, *, seed_dir: Path | None = None) -> None:
        super().__init__()
        self.library = library
        self.seed_dir = seed_dir
        self.sort = "relevance"
        """"relevance" or "date"."""
        self.page: SearchPage | None = None
        """The page shown now (None while listing the newest articles)."""
        self.count = 0
        self._idle_timer: Timer | None = None
        """Runs a full garbage collection once the typing pauses (`tui.idle_collection`)."""
        self._facets_timer: Timer | None = None
        """Starts the facet count of the results shown once the typing pauses."""

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
        yield KeyFooter()

    def on_mount(self) -> None:
        """Open the library in a worker (indexing the seeds when it is empty)."""
        self.sub_title = "opening library…"
        # After the first paint: the worker's imports and index opening would otherwise
        # compete with it for the interpreter.
        self.call_after_refresh(self.open_library, self.seed_dir)

    # --- workers ------------------------------------------------------------------

    @work(thread=True, exclusive=True, group=INDEX_WRITER)
    def open_library(self, seed_dir: Path | None, force: bool = False) -> None:
        """Count the articles; index `seed_dir` first when the library is empty (or forced).

        The newest articles saved for the index as it is are shown at once, before the index
        is opened (`Library.saved_newest_page`: at 100k articles, opening it and computing
        the page takes about a second); the warm worker then opens it.
        """
        report = None
        try:
            shown = None if force else self.library.saved_newest_page(PAGE_SIZE)
            if shown is not None and shown[0] == 0 and seed_dir is not None:
                shown = None  # an emptied library gets the seeds, as a first run does
            if shown is None:
                if seed_dir is not None and (force or self.library.count() == 0):
                    report = self.library.index_paths([seed_dir], progress=self._post_progress)
                    # indexing saved the newest page: not computed a second time
                    shown = self.library.saved_newest_page(PAGE_SIZE)
                if shown is None:
                    shown = self.library.newest_page(PAGE_SIZE)
            self.post_message(self.LibraryReady(shown[0], shown[1], report))
        except NewsdeskError as error:
            self.post_message(LibraryFailed(error))

    @work(thread=True, group=WARM)
    def warm_library(self) -> None:
        """Open the index's search caches ahead of the first keystroke.

        Then freeze what is alive (imports, the caches) out of the garbage collector's
        sight and leave full collections to the pauses in typing (`tui.idle_collection`):
        a full collection over them paused the app for up to 56 ms mid-typing at 21k
        articles (measured with `gc.callbacks` under benchmarks/bench_app.py).
        """
        try:
            self.library.warm()
        except NewsdeskError as error:
            self.post_message(LibraryFailed(error))
        freeze_and_hold()

    def _post_progress(self, done: int, total: int, path: str) -> None:
        self.post_message(self.IndexProgress(done, total, path))

    @work(thread=True, exclusive=True, group=SEARCH)
    def run_search(self, query: str, sort: str, limit: int) -> None:
        """Run one search (the empty query lists the newest articles); stale ones are dropped.

        Typing and Enter run the same search, so one query has one answer: the last word,
        unless a space follows it, is also a prefix, and a misspelt query that finds
        (almost) nothing comes with a "did you mean".
        """
        try:
            page = self.library.search(
                query, sort=sort, limit=limit, as_you_type=True, facets=False
            )
        except NewsdeskError as error:
            self.post_message(LibraryFailed(error))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.ResultsReady(query, sort, page))

    def count_facets_when_typing_pauses(self, query: str, sort: str) -> None:
        """Count the facets of the results shown once the typing pauses (`FACETS_DELAY`).

        The wait is a timer of the UI thread, which the next keystroke stops: a worker that
        slept in a thread woke every 10 ms to see whether it was cancelled, each time taking
        the interpreter from the search the keystroke had started.
        """
        self._cancel_facets()
        self._facets_timer = self.set_timer(
            FACETS_DELAY, partial(self.count_facets, query, sort), name="facets"
        )

    def _cancel_facets(self) -> None:
        """Drop the facet count waiting for a pause, or running, for the results shown."""
        self.workers.cancel_group(self, FACETS)
        if self._facets_timer is not None:
            self._facets_timer.stop()
            self._facets_timer = None

    def _page_size(self) -> int:
        """Results a search fetches at a time: what fills the list (`ResultsList.page_size`)."""
        return self.query_one(ResultsList).page_size

    @work(thread=True, exclusive=True, group=FACETS)
    def count_facets(self, query: str, sort: str) -> None:
        """Count the facets of the results shown (started once the typing pauses)."""
        worker = get_current_worker()
        try:
            page = self.library.search(query, sort=sort, limit=0, as_you_type=True)
        except NewsdeskError as error:
            self.post_message(LibraryFailed(error))
            return
        if not worker.is_cancelled:
            self.post_message(self.FacetsReady(query, sort, page.facets))

    @work(thread=True, exclusive=True, group=MORE)
    def load_more(self, query: str, sort: str, offset: int, limit: int) -> None:
        """Fetch the page of results starting at `offset` (the list asked for it)."""
        try:
            page = self.library.search(
                query, sort=sort, limit=limit, offset=offset, as_you_type=True
            )
        except NewsdeskError as error:
            self.post_message(LibraryFailed(error))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.MoreReady(query, sort, page))

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
        """Feed the progress bar; the label counts the files and names the current one."""
        self.query_one("#indexing").add_class("-active")
        self.query_one("#indexing-progress", ProgressBar).update(
            total=event.total, progress=event.done
        )
        self.query_one("#indexing-label", Label).update(
            text_content(indexing_line(event.done, event.total, event.path))
        )

    @on(LibraryReady)
    def show_library(self, event: LibraryReady) -> None:
        """Show the article count and, with no query typed, the newest articles."""
        self.query_one("#indexing").remove_class("-active")
        self.count = event.count
        self.sub_title = f"{event.count} articles"
        if event.report is not None:
            text, severity = indexed_notice(event.report)
            self.notify(text, severity=severity, markup=False)
        query = self.query_one(SearchBar).value
        if query or self.sort != "relevance":
            self.run_search(query, self.sort, self._page_size())
        else:
            self.show_results(self.ResultsReady("", self.sort, event.page))
        # Once the list is on screen: build the search caches so the first keystroke is fast.
        self.call_after_refresh(self.warm_library)

    @on(SearchBar.QueryChanged)
    def search_for(self, event: SearchBar.QueryChanged) -> None:
        """Search (the empty query lists the newest articles); Enter goes to the results."""
        if event.submitted:
            self.set_focus(self.query_one(ResultsList))
        self._cancel_facets()
        self.run_search(event.query, self.sort, self._page_size())
        if self._idle_timer is not None:
            self._idle_timer.stop()
        self._idle_timer = self.set_timer(IDLE_SECONDS, collect_when_idle)

    @on(ResultsReady)
    def show_results(self, event: ResultsReady) -> None:
        """Show a page, unless the user has typed on (stale results are dropped)."""
        if event.query != self.query_one(SearchBar).value or event.sort != self.sort:
            return
        page = event.page
        self.page = page
        self.workers.cancel_group(self, MORE)
        self.query_one(ResultsList).show_page(page, empty=nothing_found(page))
        panel = self.query_one(FacetPanel)
        if page.facets:
            panel.show_facets(page.facets)
            panel.remove_class("-stale")
        else:  # counted once the typing pauses; the old counts are dimmed till then
            panel.add_class("-stale")
            self.count_facets_when_typing_pauses(event.query, event.sort)
        self.query_one(SearchBar).show_notice(inline_notice(page))
        self._show_position()

    @on(FacetsReady)
    def show_facets(self, event: FacetsReady) -> None:
        """Show the facets of the results shown (those of an older query are dropped)."""
        if self.page is None or (event.query, event.sort) != (self.page.query, self.sort):
            return
        panel = self.query_one(FacetPanel)
        panel.show_facets(event.facets)
        panel.remove_class("-stale")

    @on(ResultsList.MoreWanted)
    def fetch_more(self, event: ResultsList.MoreWanted) -> None:
        """The cursor nears the end of the loaded results: load the next page."""
        if self.page is not None:
            self.load_more(self.page.query, self.sort, event.offset, self._page_size())

    @on(MoreReady)
    def show_more(self, event: MoreReady) -> None:
        """Append a further page, unless the query or the order changed since."""
        if self.page is None or (event.query, event.sort) != (self.page.query, self.sort):
            return
        self.query_one(ResultsList).append_page(event.page)
        self._show_position()

    @on(OptionList.OptionHighlighted, "#results")
    def follow_position(self) -> None:
        """Say which result is highlighted ("21 / 876")."""
        self._show_position()

    @on(ResultsList.Chosen)
    def open_chosen_article(self, event: ResultsList.Chosen) -> None:
        """Ask the app to open the article, with the query's terms to highlight."""
        self.post_message(OpenArticle(event.article_id, self.terms))

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

    @property
    def terms(self) -> tuple[str, ...]:
        """The analysed words of the query shown (highlighted in the articles opened)."""
        return self.page.terms if self.page is not None else ()

    def step_result(self, article_id: ArticleId, step: int) -> tuple[ArticleId | None, str]:
        """The result `step` rows from `article_id`, highlighted: (its id, "") or (None, why).

        The reader's J/K go through here, so going back shows the last article read.
        """
        return self.query_one(ResultsList).step_from(article_id, step)

    def _status(self, text: str) -> None:
        # One line the width of the screen (search.tcss) whatever it says: no layout.
        self.query_one("#status", Static).update(text_content(text), layout=False)

    def _show_position(self) -> None:
        """The status line: the highlighted result's position among all, and the order."""
        page = self.page
        if page is None:
            return
        results = self.query_one(ResultsList)
        position = results.position or 0
        if not page.query:
            self._status(f"{position:,} / {page.total:,} articles, newest first")
        elif page.total == 0:
            self._status("0 results")
        else:
            self._status(f"{position:,} / {page.total:,} results · sorted by {page.sort}")

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
            self.run_search(query, self.sort, self._page_size())
        else:
            self._status(f"sorted by {self.sort} (the newest articles are always by date)")

    def action_clear_filters(self) -> None:
        """Remove every field:value filter from the query."""
        bar = self.query_one(SearchBar)
        bar.set_value(remove_filters(bar.value))

    def action_use_suggestion(self) -> None:
        """Replace the query with the "did you mean" suggestion."""
        if self.page is not None and self.page.suggestion:
            self.query_one(SearchBar).set_value(self.page.suggestion)
