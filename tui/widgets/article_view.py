"""ArticleView: the article body with highlights, a paragraph/sentence cursor and find."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.style import Style

from index import Article, Bookmark, Span, SpanKind
from tui.render import find_occurrences, paragraph_content, sentence_bounds
from tui.widgets.paragraph_row import ParagraphRow
from tui.widgets.passage_view import Passage, PassageView

COMPONENT_BY_KIND: dict[SpanKind, str] = {
    SpanKind.FIGURE: "article-view--figure",
    SpanKind.PARTY: "article-view--party",
    SpanKind.MATCH: "article-view--match",
    SpanKind.BOOKMARK: "article-view--bookmark",
}


class ArticleView(PassageView[ParagraphRow]):
    """Scrollable article; `show()` it an article and spans, it posts `CursorMoved`."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *COMPONENT_BY_KIND.values(),
        "article-view--find",
        "article-view--current",
        "article-view--sentence",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "sentence(1)", "Next sentence"),
        Binding("S", "sentence(-1)", "Previous sentence", show=False),
        Binding("f", "jump('figure', True)", "Next figure"),
        Binding("F", "jump('figure', False)", "Previous figure", show=False),
        Binding("p", "jump('party', True)", "Next party"),
        Binding("P", "jump('party', False)", "Previous party", show=False),
    ]

    @dataclass
    class CursorMoved(Message):
        """The cursor moved to a new passage."""

        passage: Passage

    DEFAULT_CSS = """
    ArticleView > .article-view--figure { text-style: bold underline; }
    ArticleView > .article-view--party { text-style: italic; }
    ArticleView > .article-view--match { text-style: reverse; }
    ArticleView > .article-view--bookmark { text-style: underline; }
    ArticleView > .article-view--find { text-style: reverse; }
    ArticleView > .article-view--current { text-style: reverse bold; }
    ArticleView > .article-view--sentence { text-style: none; }
    """

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual keyword)
        super().__init__(id=id)
        self.hidden: set[SpanKind] = set()
        """Highlight kinds toggled off."""
        self.current: Span | None = None
        """The span the last jump or find landed on."""
        self.find_hits: list[Span] = []

    # --- showing ------------------------------------------------------------------

    def show(self, article: Article, spans: Sequence[Span], bookmarks: Sequence[Bookmark]) -> None:
        """Show an article with its highlight spans and bookmarked passages."""
        self._take_article(article, spans, bookmarks)
        self.current, self.find_hits = None, []
        rows = [ParagraphRow(i, self._draw(i)) for i in range(len(article.paragraphs))]
        marked = self._bookmarked()
        for row in rows:
            row.set_marks(cursor=row.index == self.cursor, bookmarked=row.index in marked)
        self._mount_rows(rows)

    def set_hidden(self, kind: SpanKind, hidden: bool) -> None:
        """Show or hide one kind of highlight."""
        if hidden:
            self.hidden.add(kind)
        else:
            self.hidden.discard(kind)
        self._redraw(range(len(self._rows)))

    def visible_spans(self, paragraph: int) -> list[Span]:
        """The highlight spans drawn in one paragraph now (toggled-off kinds excluded)."""
        return [s for s in self.spans if s.paragraph == paragraph and s.kind not in self.hidden]

    # --- moving -------------------------------------------------------------------

    def _cursor_moved(self) -> None:
        """Scroll the cursor paragraph to the middle and say where the cursor is."""
        self.call_after_refresh(self._scroll_to_cursor)
        self.post_message(self.CursorMoved(self.passage))

    def go_to_paragraph(self, paragraph: int) -> None:
        """Put the cursor on a whole paragraph, leaving the span a jump landed on."""
        self.current = None
        self.move_to(paragraph)

    def jump(self, kind: SpanKind, forward: bool) -> bool:
        """Move to the next/previous visible span of a kind; False when there is none."""
        targets = sorted(
            (s for s in self.spans if s.kind is kind and kind not in self.hidden),
            key=lambda s: (s.paragraph, s.start),
        )
        return self._jump_within(targets, forward)

    def find(self, needle: str) -> int:
        """Highlight the occurrences of `needle`, move to the first; returns their count."""
        paragraphs = self.article.paragraphs if self.article else ()
        self.find_hits = find_occurrences(paragraphs, needle)
        self.current = None
        self._redraw(range(len(self._rows)))
        if self.find_hits:
            self.find_next(True)
        return len(self.find_hits)

    def find_next(self, forward: bool) -> bool:
        """Move to the next/previous find-in-page hit."""
        return self._jump_within(self.find_hits, forward)

    def land_on(self, paragraph: int, start: int, end: int) -> None:
        """Go to a place in the text, marking it current and selecting its sentence."""
        previous = self.current
        self.current = Span(paragraph, start, end, SpanKind.MATCH)
        if previous is not None:
            self._redraw([previous.paragraph])
        self.move_to(paragraph, *self._sentence_at(self.current))

    def _jump_within(self, targets: Sequence[Span], forward: bool) -> bool:
        if not targets:
            return False
        here = (self.cursor, self.current.start if self.current else -1)
        if forward:
            after = [s for s in targets if (s.paragraph, s.start) > here]
            target = after[0] if after else targets[0]
        else:
            before = [s for s in targets if (s.paragraph, s.start) < here]
            target = before[-1] if before else targets[-1]
        self.land_on(target.paragraph, target.start, target.end)
        self.current = target
        return True

    def _sentence_at(self, span: Span) -> tuple[int, int]:
        paragraph = self.article.paragraphs[span.paragraph] if self.article else ""
        for start, end in sentence_bounds(paragraph):
            if start <= span.start < end + 1:
                return start, end
        return span.start, span.end

    # --- actions ------------------------------------------------------------------

    def action_sentence(self, step: int) -> None:
        """Move a sentence cursor within (and across) paragraphs."""
        if self.article is None or not self._rows:
            return
        bounds = sentence_bounds(self.article.paragraphs[self.cursor])
        index = (
            bounds.index(self.cursor_range)
            if self.cursor_range in bounds
            else (-1 if step > 0 else len(bounds))
        )
        index += step
        paragraph = self.cursor
        if not 0 <= index < len(bounds):
            paragraph = self.cursor + step
            if not 0 <= paragraph < len(self._rows):
                return
            bounds = sentence_bounds(self.article.paragraphs[paragraph])
            index = 0 if step > 0 else len(bounds) - 1
        self.current = None
        self.move_to(paragraph, *bounds[index])

    def action_jump(self, kind: str, forward: bool) -> None:
        """Key action for `jump`; rings the bell when there is nothing to jump to."""
        if not self.jump(SpanKind(kind), forward):
            self.app.bell()

    @on(ParagraphRow.Clicked)
    def click_paragraph(self, event: ParagraphRow.Clicked) -> None:
        """A click puts the cursor on the paragraph."""
        self.focus()
        self.go_to_paragraph(event.index)

    # --- drawing ------------------------------------------------------------------

    def span_styles(self) -> dict[SpanKind, Style]:
        """The style of each highlight kind, from this widget's component classes."""
        return {kind: self._style(name) for kind, name in COMPONENT_BY_KIND.items()}

    def _draw(self, index: int) -> Content:
        if self.article is None:
            return Content("")
        extra: list[tuple[int, int, Style | str]] = []
        if self.cursor_range is not None and index == self.cursor:
            extra.append((*self.cursor_range, self._style("article-view--sentence")))
        find_style = self._style("article-view--find")
        extra.extend((s.start, s.end, find_style) for s in self.find_hits if s.paragraph == index)
        if self.current is not None and self.current.paragraph == index:
            extra.append(
                (self.current.start, self.current.end, self._style("article-view--current"))
            )
        spans = [s for s in self.spans if s.paragraph == index]
        return paragraph_content(
            self.article.paragraphs[index],
            spans,
            self.span_styles(),
            hidden=self.hidden,
            extra=extra,
        )

    def _update_row(self, index: int) -> None:
        row = self._rows[index]
        row.update_body(self._draw(index))
        row.set_marks(cursor=index == self.cursor, bookmarked=index in self._bookmarked())

    def _bookmarked(self) -> set[int]:
        """The paragraphs holding a bookmarked passage."""
        return {s.paragraph for s in self.spans if s.kind is SpanKind.BOOKMARK}

    def _scroll_to_cursor(self) -> None:
        if 0 <= self.cursor < len(self._rows):
            self.scroll_to_center(self._rows[self.cursor], animate=False)
