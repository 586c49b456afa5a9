"""ResultsList: search hits (or the newest articles) as a selectable list."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from index import ArticleId, ArticleSummary, SearchPage, SpanKind
from tui.render import SpanStyles, component_style, hit_content, summary_content
from tui.widgets.vim_option_list import VimOptionList

COMPONENT_BY_KIND: dict[SpanKind, str] = {
    SpanKind.MATCH: "results-list--match",
    SpanKind.PARTY: "results-list--party",
    SpanKind.FIGURE: "results-list--figure",
}


class ResultsList(VimOptionList):
    """A list of articles; Enter or a click posts `Chosen` with the article id."""

    COMPONENT_CLASSES: ClassVar[set[str]] = set(COMPONENT_BY_KIND.values())

    DEFAULT_CSS = """
    ResultsList > .results-list--match { text-style: reverse; }
    ResultsList > .results-list--party { text-style: italic; }
    ResultsList > .results-list--figure { text-style: bold underline; }
    """

    @dataclass
    class Chosen(Message):
        """The user picked an article."""

        article_id: ArticleId

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual keyword)
        super().__init__(id=id, markup=False)
        self.article_ids: list[ArticleId] = []
        """The ids shown, in order (the list's state, for tests and callers)."""

    def span_styles(self) -> SpanStyles:
        """The style of each highlight kind, from this widget's component classes."""
        return {
            kind: component_style(self.get_component_styles(name))
            for kind, name in COMPONENT_BY_KIND.items()
        }

    def show_page(self, page: SearchPage) -> None:
        """Show the hits of one search page."""
        styles = self.span_styles()
        self._replace(
            [hit.article.id for hit in page.hits],
            [Option(hit_content(hit, styles), id=hit.article.id) for hit in page.hits],
        )

    def show_summaries(self, summaries: Sequence[ArticleSummary]) -> None:
        """Show plain article summaries (the newest articles, with no query)."""
        styles = self.span_styles()
        self._replace(
            [summary.id for summary in summaries],
            [Option(summary_content(s, None, styles), id=s.id) for s in summaries],
        )

    def _replace(self, ids: list[ArticleId], options: list[Option]) -> None:
        self.article_ids = ids
        # One set_options call: adding options one by one re-lays out the list each time.
        rows: list[Option | None] = []
        for option in options:
            rows += [option, None]
        self.set_options(rows)
        self.highlighted = 0 if options else None

    @on(OptionList.OptionSelected)
    def choose(self, event: OptionList.OptionSelected) -> None:
        """Turn the generic selection into a `Chosen` article."""
        event.stop()
        if event.option.id is not None:
            self.post_message(self.Chosen(ArticleId(event.option.id)))
