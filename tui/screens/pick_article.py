"""PickArticleDialog: choose the second report of a comparison.

It opens on the reports most similar to the current one (`Library.related`), the best
first and highlighted, so Enter picks it in one keystroke. The search input has the focus
from the start, so typing searches the library instead (as you type, in an exclusive
thread worker); `down` moves into the list. Escape cancels.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Input, Label
from textual.worker import get_current_worker

from index import ArticleId, Library, NewsdeskError, RelatedArticle, SearchPage
from tui.messages import LibraryFailed
from tui.widgets.results_list import ResultsList

PICK_SEARCH = "pick-search"
"""Worker group of the picker's as-you-type search (a new query cancels the old)."""
SUGGESTIONS = 10
SEARCH_LIMIT = 20


class PickArticleDialog(ModalScreen[ArticleId | None]):
    """Related reports first; Enter picks the highlighted one, typing searches."""

    DEFAULT_CSS = """
    PickArticleDialog #pick-results { height: auto; max-height: 24; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel"),
        Binding("slash", "focus_search", "Search"),
        Binding("down", "focus_results", "Into the list", show=False),
    ]

    @dataclass
    class Suggested(Message):
        """The related reports are ready."""

        related: Sequence[RelatedArticle]

    @dataclass
    class Found(Message):
        """A search finished for `query`."""

        query: str
        page: SearchPage

    def __init__(self, library: Library, article_id: ArticleId) -> None:
        """Pick a report to compare with `article_id`."""
        super().__init__(classes="dialog")
        self.library = library
        self.article_id = article_id
        self.related: list[RelatedArticle] = []
        """The suggestions, most similar first (for tests and callers)."""

    def compose(self) -> ComposeResult:
        """Title, search input, the list, a hint."""
        with Vertical(classes="dialog-box"):
            yield Label("Compare with…", id="pick-title")
            yield Input(
                placeholder="Type to search other articles",
                id="pick-query",
                select_on_focus=False,
            )
            yield ResultsList(id="pick-results")
            yield Label("Loading suggestions…", id="pick-hint", classes="dialog-hint")

    def on_mount(self) -> None:
        """Focus the input (Enter picks the highlighted entry) and load the suggestions."""
        self.query_one("#pick-query", Input).focus()
        self.load_related()

    @work(thread=True, exclusive=True, group="pick-related")
    def load_related(self) -> None:
        """The reports most similar to the current one."""
        try:
            related = self.library.related(self.article_id, limit=SUGGESTIONS)
        except NewsdeskError as error:
            self.post_message(LibraryFailed(error))
            return
        self.post_message(self.Suggested(related))

    @work(thread=True, exclusive=True, group=PICK_SEARCH)
    def run_search(self, query: str) -> None:
        """Search the library for `query` (dropped when a newer query replaced it)."""
        try:
            page = self.library.search(query, limit=SEARCH_LIMIT, as_you_type=True)
        except NewsdeskError as error:
            self.post_message(LibraryFailed(error))
            return
        if not get_current_worker().is_cancelled:
            self.post_message(self.Found(query, page))

    # --- handlers -----------------------------------------------------------------

    @on(Suggested)
    def show_suggestions(self, event: Suggested | None = None) -> None:
        """List the related reports, the most similar highlighted."""
        if event is not None:
            self.related = list(event.related)
        if self.query_one("#pick-query", Input).value.strip():
            return
        self.query_one(ResultsList).show_summaries([r.article for r in self.related])
        hint = "Most similar first · Enter compares · type to search · Escape cancels"
        if not self.related:
            hint = "No similar report found · type to search · Escape cancels"
        self.query_one("#pick-hint", Label).update(hint)

    @on(Found)
    def show_results(self, event: Found) -> None:
        """List search hits (not the current article), unless the query changed since."""
        if event.query != self.query_one("#pick-query", Input).value.strip():
            return
        hits = tuple(hit for hit in event.page.hits if hit.article.id != self.article_id)
        self.query_one(ResultsList).show_page(dataclasses.replace(event.page, hits=hits))
        self.query_one("#pick-hint", Label).update(
            f"{len(hits)} found · Enter compares · Escape cancels"
        )

    @on(Input.Changed, "#pick-query")
    def search_as_you_type(self, event: Input.Changed) -> None:
        """Search for the typed words; back to the suggestions when the input is empty."""
        query = event.value.strip()
        if query:
            self.run_search(query)
        else:
            self.workers.cancel_group(self, PICK_SEARCH)
            self.show_suggestions()

    @on(Input.Submitted, "#pick-query")
    def pick_highlighted(self) -> None:
        """Enter in the input picks the highlighted entry."""
        results = self.query_one(ResultsList)
        option = results.highlighted_option
        if option is not None and option.id is not None:
            self.dismiss(ArticleId(option.id))

    @on(ResultsList.Chosen)
    def pick(self, event: ResultsList.Chosen) -> None:
        """Compare with the chosen report."""
        event.stop()
        self.dismiss(event.article_id)

    def on_key(self, event: events.Key) -> None:
        """A printable key typed on the list starts a search with it."""
        query = self.query_one("#pick-query", Input)
        if query.has_focus or not event.is_printable or event.character is None:
            return
        event.stop()
        query.focus()
        query.insert_text_at_cursor(event.character)

    # --- actions ------------------------------------------------------------------

    def action_cancel(self) -> None:
        """Close without picking."""
        self.dismiss(None)

    def action_focus_search(self) -> None:
        """Focus the search input."""
        self.query_one("#pick-query", Input).focus()

    def action_focus_results(self) -> None:
        """Go down into the list: the entry after the one Enter would pick in the input."""
        results = self.query_one(ResultsList)
        results.focus()
        results.action_cursor_down()
