"""PassageView: the paragraph cursor, passage and bookmark marks of a scrolled article.

The base of the reader's `ArticleView` and the compare screen's `ComparePane`. It owns what
both do with an article's paragraphs: the cursor paragraph and the range selected in it
(the passage `m` bookmarks), the BOOKMARK spans of the article's bookmarks, the keys that
move the cursor, and redrawing only the rows a change touches. A subclass builds its rows
and says how one row is drawn (`_update_row`) and what follows a cursor move.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar, Generic, TypeVar

from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.style import Style
from textual.widget import Widget

from index import Article, Bookmark, Span, SpanKind
from tui.render import component_style

RowT = TypeVar("RowT", bound=Widget)


@dataclass(frozen=True)
class Passage:
    """The passage under the cursor: a paragraph, or a range (start, end) inside it."""

    paragraph: int
    start: int | None = None
    end: int | None = None


def bookmark_spans(article: Article, bookmarks: Iterable[Bookmark]) -> list[Span]:
    """BOOKMARK spans for the anchored passages of this article (the note as label)."""
    spans: list[Span] = []
    for mark in bookmarks:
        if mark.article_id != article.id or mark.paragraph is None:
            continue
        if not 0 <= mark.paragraph < len(article.paragraphs):
            continue
        end = mark.end if mark.end is not None else len(article.paragraphs[mark.paragraph])
        spans.append(Span(mark.paragraph, mark.start or 0, end, SpanKind.BOOKMARK, mark.note))
    return spans


class PassageView(VerticalScroll, Generic[RowT], can_focus=True):
    """Scrollable paragraphs of one article (one `RowT` each) with a cursor passage."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "paragraph(1)", "Next paragraph", show=False),
        Binding("k,up", "paragraph(-1)", "Previous paragraph", show=False),
        Binding("g,home", "edge(False)", "Top", show=False),
        Binding("G,end", "edge(True)", "Bottom", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual keyword)
        super().__init__(id=id)
        self.article: Article | None = None
        self.spans: list[Span] = []
        """All highlight spans shown (the caller's spans plus bookmark spans)."""
        self.cursor = 0
        """The paragraph under the cursor."""
        self.cursor_range: tuple[int, int] | None = None
        """(start, end) inside the cursor paragraph, or None for the whole paragraph."""
        self._rows: list[RowT] = []

    # --- showing ------------------------------------------------------------------

    def _take_article(
        self, article: Article, spans: Iterable[Span], bookmarks: Iterable[Bookmark]
    ) -> None:
        """Hold a new article and its spans (bookmarks as BOOKMARK spans); cursor on top."""
        self.article = article
        self.spans = [s for s in spans if s.kind is not SpanKind.BOOKMARK]
        self.spans.extend(bookmark_spans(article, bookmarks))
        self.cursor, self.cursor_range = 0, None

    def _mount_rows(self, rows: list[RowT]) -> None:
        """Replace the rows shown with `rows` and scroll to the top."""
        self.remove_children(self._rows)
        self._rows = rows
        self.mount_all(rows)
        self.scroll_home(animate=False)

    def add_bookmark(self, bookmark: Bookmark) -> None:
        """Mark one more bookmarked passage."""
        if self.article is not None:
            self.spans.extend(bookmark_spans(self.article, [bookmark]))
            self._redraw([bookmark.paragraph or 0])

    # --- moving -------------------------------------------------------------------

    @property
    def passage(self) -> Passage:
        """The passage under the cursor (what `m` bookmarks)."""
        if self.cursor_range is None:
            return Passage(self.cursor)
        return Passage(self.cursor, *self.cursor_range)

    def move_to(self, paragraph: int, start: int | None = None, end: int | None = None) -> None:
        """Put the cursor on a paragraph (and select a range inside it)."""
        if not self._rows:
            return
        old = self.cursor
        self.cursor = max(0, min(paragraph, len(self._rows) - 1))
        self.cursor_range = (start, end) if start is not None and end is not None else None
        self._redraw({old, self.cursor})
        self._cursor_moved()

    def go_to_paragraph(self, paragraph: int) -> None:
        """Put the cursor on a whole paragraph, as the keys do (subclasses keep it in view)."""
        self.move_to(paragraph)

    def action_paragraph(self, step: int) -> None:
        """Move the cursor to the next/previous paragraph (the whole paragraph)."""
        self.go_to_paragraph(self.cursor + step)

    def action_edge(self, bottom: bool) -> None:
        """Jump to the first or last paragraph."""
        self.go_to_paragraph(len(self._rows) - 1 if bottom else 0)

    def _cursor_moved(self) -> None:
        """What follows a cursor move, after the rows are redrawn (nothing by default)."""

    # --- drawing ------------------------------------------------------------------

    def _style(self, component: str) -> Style:
        """The span style a component class's rules give."""
        return component_style(self.get_component_styles(component))

    def _redraw(self, indexes: Iterable[int]) -> None:
        """Redraw the rows of these paragraphs (indexes outside the article are skipped)."""
        for index in indexes:
            if 0 <= index < len(self._rows):
                self._update_row(index)

    def _update_row(self, index: int) -> None:
        """Draw one paragraph's row again (gutter cues and body)."""
        raise NotImplementedError
