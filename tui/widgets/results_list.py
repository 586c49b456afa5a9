"""ResultsList: search hits (or the newest articles) as a selectable list, a page at a time.

The list holds the pages loaded so far and knows how many results there are in all; when
the highlight comes near the last loaded row it posts `MoreWanted`, and its screen appends
the next page (`append_page`). It never wraps from the last row to the first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from index import ArticleId, ArticleSummary, SearchHit, SearchPage, SpanKind
from tui.render import SpanStyles, component_style, hit_content, summary_content
from tui.widgets.vim_option_list import VimOptionList

COMPONENT_BY_KIND: dict[SpanKind, str] = {
    SpanKind.MATCH: "results-list--match",
    SpanKind.PARTY: "results-list--party",
    SpanKind.FIGURE: "results-list--figure",
}
LOAD_AHEAD = 5
"""Ask for the next page when the highlight is this many rows from the last loaded one."""
ROW_LINES = 3
"""The fewest lines a result takes: its title, its outlet and date, the rule under it."""
MIN_PAGE = 10
"""The fewest results fetched at a time."""


class ResultsList(VimOptionList):
    """A list of articles; Enter or a click posts `Chosen` with the article id."""

    COMPONENT_CLASSES: ClassVar[set[str]] = set(COMPONENT_BY_KIND.values())

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """The rows' height changes nothing around the list (its size is set by CSS): no layout
    of the screen when a page replaces the rows. Its scrollbar still follows
    (`OptionList` updates it, and showing or hiding a scrollbar lays out on its own)."""

    DEFAULT_CSS = """
    ResultsList > .results-list--match { text-style: reverse; }
    ResultsList > .results-list--party { text-style: italic; }
    ResultsList > .results-list--figure { text-style: bold underline; }
    """

    @dataclass
    class Chosen(Message):
        """The user picked an article."""

        article_id: ArticleId

    @dataclass
    class MoreWanted(Message):
        """The highlight is near the last loaded row: load the results from `offset` on."""

        offset: int

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual keyword)
        super().__init__(id=id, markup=False)
        self.article_ids: list[ArticleId] = []
        """The ids shown, in order (the list's state, for tests and callers)."""
        self.total = 0
        """How many results there are in all (loaded or not)."""
        self._asked: int | None = None
        """The offset of the page asked for and not yet appended."""
        self._pending_moves = 0
        """Downward moves asked for on the last loaded row, made once the next page is in."""

    def span_styles(self) -> SpanStyles:
        """The style of each highlight kind, from this widget's component classes."""
        return {
            kind: component_style(self.get_component_styles(name))
            for kind, name in COMPONENT_BY_KIND.items()
        }

    @property
    def page_size(self) -> int:
        """Results to fetch at a time: enough to fill the list's height, and a few more.

        A keystroke's page is built and shown on the UI thread, row by row, while the next
        search waits for the interpreter: at 100×30 ten rows fill the list, and a page of
        twenty cost about 5 ms more per keystroke at 100k articles. The rest come as the
        cursor or the scrolling nears the last loaded row.
        """
        return max(MIN_PAGE, self.size.height // ROW_LINES + LOAD_AHEAD)

    @property
    def position(self) -> int | None:
        """The highlighted row, counted from 1 (None when nothing is highlighted)."""
        if self.highlighted is None or not self.article_ids:
            return None
        return self.highlighted + 1

    def show_page(self, page: SearchPage, *, empty: Content | None = None) -> None:
        """Show the first page of a search (`empty` is the message when nothing matched)."""
        self.total = page.total
        self._asked = None
        self._pending_moves = 0
        options = self._options_for(page.hits, bool(page.terms))
        self._replace([hit.article.id for hit in page.hits], options)
        if not options and empty is not None:
            self.set_options([Option(empty, disabled=True)])

    def append_page(self, page: SearchPage) -> None:
        """Add the next page (ignored unless it starts right after the last loaded row)."""
        if not page.hits or page.hits[0].rank != len(self.article_ids) + 1:
            return
        self._asked = None
        self.total = page.total
        self.article_ids += [hit.article.id for hit in page.hits]
        self.add_options(_with_separators(self._options_for(page.hits, bool(page.terms))))
        moves, self._pending_moves = self._pending_moves, 0
        if moves and self.highlighted is not None:
            # j pressed while the page was loading: the keys are not lost, not even those
            # past this page (a held key can outrun several pages).
            target = self.highlighted + moves
            self.highlighted = min(target, len(self.article_ids) - 1)
            if target > self.highlighted and len(self.article_ids) < self.total:
                self._pending_moves = target - self.highlighted
                self._want_more(force=True)

    def show_summaries(self, summaries: Sequence[ArticleSummary]) -> None:
        """Show plain article summaries (a list that is not paged)."""
        styles = self.span_styles()
        self.total = len(summaries)
        self._asked = None
        self._replace(
            [summary.id for summary in summaries],
            [Option(summary_content(s, None, styles), id=s.id) for s in summaries],
        )

    def _options_for(self, hits: Sequence[SearchHit], snippets: bool) -> list[Option]:
        """One option per hit; without query words the snippet says nothing and is left out."""
        styles = self.span_styles()
        return [
            Option(
                hit_content(hit, styles)
                if snippets
                else summary_content(hit.article, None, styles),
                id=hit.article.id,
            )
            for hit in hits
        ]

    def _replace(self, ids: list[ArticleId], options: list[Option]) -> None:
        self.article_ids = ids
        # One set_options call: adding options one by one re-lays out the list each time.
        self.set_options(_with_separators(options))
        self.highlighted = 0 if options else None

    # --- moving ---------------------------------------------------------------------

    def step_from(self, article_id: ArticleId, step: int) -> tuple[ArticleId | None, str]:
        """Highlight the row `step` rows from `article_id`'s: (its id, "") or (None, why not)."""
        if article_id not in self.article_ids:
            return None, "J/K step through the search results: this article is not among them"
        index = self.article_ids.index(article_id) + step
        if index < 0:
            return None, "This is the first result"
        if index >= len(self.article_ids):
            if len(self.article_ids) < self.total:
                self._want_more(force=True)
                return None, "Loading more results: press J again"
            return None, "This is the last result"
        self.highlighted = index
        return self.article_ids[index], ""

    def action_cursor_down(self) -> None:
        """Move down; on the last loaded row ask for more instead of wrapping to the top."""
        if self.highlighted is not None and self.highlighted >= len(self.article_ids) - 1:
            if len(self.article_ids) < self.total:
                self._pending_moves += 1
            self._want_more(force=True)
            return
        super().action_cursor_down()

    def action_cursor_up(self) -> None:
        """Move up; the first row stays (no wrapping to the bottom)."""
        if self.highlighted == 0:
            return
        super().action_cursor_up()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Scrolled (the mouse wheel) to within a screen of the last loaded row: load more."""
        super().watch_scroll_y(old_value, new_value)
        if new_value > old_value and new_value + self.size.height >= self.max_scroll_y:
            self._want_more(force=True)

    @on(OptionList.OptionHighlighted)
    def load_ahead(self) -> None:
        """Near the end of what is loaded, ask for the next page."""
        self._want_more()

    def _want_more(self, *, force: bool = False) -> None:
        loaded = len(self.article_ids)
        near = self.highlighted is not None and self.highlighted >= loaded - LOAD_AHEAD
        if (near or force) and loaded < self.total and self._asked != loaded:
            self._asked = loaded
            self.post_message(self.MoreWanted(loaded))

    @on(OptionList.OptionSelected)
    def choose(self, event: OptionList.OptionSelected) -> None:
        """Turn the generic selection into a `Chosen` article."""
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(ArticleId(event.option.id)))


def _with_separators(options: list[Option]) -> list[Option | None]:
    """The rows with a separator (None) after each, as `OptionList` takes them."""
    rows: list[Option | None] = []
    for option in options:
        rows += [option, None]
    return rows
