"""ArticleView: the article body with highlights, a paragraph/sentence cursor and find."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.style import Style

from index import Article, Bookmark, Span, SpanKind
from tui.render import component_style, find_occurrences, paragraph_content, sentence_bounds
from tui.widgets.paragraph_row import ParagraphRow

COMPONENT_BY_KIND: dict[SpanKind, str] = {
    SpanKind.FIGURE: "article-view--figure",
    SpanKind.PARTY: "article-view--party",
    SpanKind.MATCH: "article-view--match",
    SpanKind.BOOKMARK: "article-view--bookmark",
}


@dataclass(frozen=True)
class Passage:
    """The passage under the cursor: a paragraph, or a sentence (start, end) inside it."""

    paragraph: int
    start: int | None = None
    end: int | None = None


class ArticleView(VerticalScroll, can_focus=True):
    """Scrollable article; `show()` it an article and spans, it posts `CursorMoved`."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *COMPONENT_BY_KIND.values(),
        "article-view--find",
        "article-view--current",
        "article-view--sentence",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "paragraph(1)", "Next paragraph", show=False),
        Binding("k,up", "paragraph(-1)", "Previous paragraph", show=False),
        Binding("g,home", "edge(False)", "Top", show=False),
        Binding("G,end", "edge(True)", "Bottom", show=False),
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
        self.article: Article | None = None
        self.spans: list[Span] = []
        """All highlight spans shown (library spans plus bookmark spans)."""
        self.hidden: set[SpanKind] = set()
        """Highlight kinds toggled off."""
        self.cursor = 0
        """The paragraph under the cursor."""
        self.sentence: tuple[int, int] | None = None
        """(start, end) of the sentence under the cursor, or None for the whole paragraph."""
        self.current: Span | None = None
        """The span the last jump or find landed on."""
        self.find_hits: list[Span] = []
        self._rows: list[ParagraphRow] = []

    # --- showing ------------------------------------------------------------------

    def show(self, article: Article, spans: Sequence[Span], bookmarks: Sequence[Bookmark]) -> None:
        """Show an article with its highlight spans and bookmarked passages."""
        self.article = article
        self.spans = [s for s in spans if s.kind is not SpanKind.BOOKMARK]
        self.spans.extend(_bookmark_spans(article, bookmarks))
        self.cursor, self.sentence, self.current, self.find_hits = 0, None, None, []
        self._rows = [ParagraphRow(i, self._draw(i)) for i in range(len(article.paragraphs))]
        self.remove_children()
        self.mount_all(self._rows)
        self._refresh_marks()
        self.scroll_home(animate=False)

    def add_bookmark(self, bookmark: Bookmark) -> None:
        """Mark one more bookmarked passage."""
        if self.article is not None:
            self.spans.extend(_bookmark_spans(self.article, [bookmark]))
            self._refresh_marks()
            self._redraw([bookmark.paragraph or 0])

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

    @property
    def passage(self) -> Passage:
        """The passage under the cursor (what `m` bookmarks)."""
        if self.sentence is None:
            return Passage(self.cursor)
        return Passage(self.cursor, *self.sentence)

    def move_to(self, paragraph: int, start: int | None = None, end: int | None = None) -> None:
        """Put the cursor on a paragraph (and on a range inside it) and scroll to it."""
        if not self._rows:
            return
        old = self.cursor
        self.cursor = max(0, min(paragraph, len(self._rows) - 1))
        self.sentence = (start, end) if start is not None and end is not None else None
        self._redraw({old, self.cursor})
        self._refresh_marks()
        self.call_after_refresh(self._scroll_to_cursor)
        self.post_message(self.CursorMoved(self.passage))

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

    def action_paragraph(self, step: int) -> None:
        """Move the cursor to the next/previous paragraph (whole-paragraph passage)."""
        self.current = None
        self.move_to(self.cursor + step)

    def action_edge(self, bottom: bool) -> None:
        """Jump to the first or last paragraph."""
        self.current = None
        self.move_to(len(self._rows) - 1 if bottom else 0)

    def action_sentence(self, step: int) -> None:
        """Move a sentence cursor within (and across) paragraphs."""
        if self.article is None or not self._rows:
            return
        bounds = sentence_bounds(self.article.paragraphs[self.cursor])
        index = (
            bounds.index(self.sentence)
            if self.sentence in bounds
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
        self.current = None
        self.focus()
        self.move_to(event.index)

    # --- drawing ------------------------------------------------------------------

    def span_styles(self) -> dict[SpanKind, Style]:
        """The style of each highlight kind, from this widget's component classes."""
        return {
            kind: component_style(self.get_component_styles(name))
            for kind, name in COMPONENT_BY_KIND.items()
        }

    def _draw(self, index: int) -> Content:
        if self.article is None:
            return Content("")
        extra: list[tuple[int, int, Style | str]] = []
        if self.sentence is not None and index == self.cursor:
            extra.append(
                (
                    *self.sentence,
                    component_style(self.get_component_styles("article-view--sentence")),
                )
            )
        find_style = component_style(self.get_component_styles("article-view--find"))
        extra.extend((s.start, s.end, find_style) for s in self.find_hits if s.paragraph == index)
        if self.current is not None and self.current.paragraph == index:
            current = component_style(self.get_component_styles("article-view--current"))
            extra.append((self.current.start, self.current.end, current))
        spans = [s for s in self.spans if s.paragraph == index]
        return paragraph_content(
            self.article.paragraphs[index],
            spans,
            self.span_styles(),
            hidden=self.hidden,
            extra=extra,
        )

    def _redraw(self, indexes: Iterable[int]) -> None:
        for index in indexes:
            if 0 <= index < len(self._rows):
                self._rows[index].update_body(self._draw(index))

    def _refresh_marks(self) -> None:
        marked = {s.paragraph for s in self.spans if s.kind is SpanKind.BOOKMARK}
        for row in self._rows:
            row.set_marks(cursor=row.index == self.cursor, bookmarked=row.index in marked)

    def _scroll_to_cursor(self) -> None:
        if 0 <= self.cursor < len(self._rows):
            self.scroll_to_center(self._rows[self.cursor], animate=False)


def _bookmark_spans(article: Article, bookmarks: Iterable[Bookmark]) -> list[Span]:
    """BOOKMARK spans for the anchored passages of this article."""
    spans: list[Span] = []
    for bookmark in bookmarks:
        if bookmark.article_id != article.id or bookmark.paragraph is None:
            continue
        if not 0 <= bookmark.paragraph < len(article.paragraphs):
            continue
        start = bookmark.start or 0
        end = (
            bookmark.end
            if bookmark.end is not None
            else len(article.paragraphs[bookmark.paragraph])
        )
        spans.append(Span(bookmark.paragraph, start, end, SpanKind.BOOKMARK, bookmark.note))
    return spans
