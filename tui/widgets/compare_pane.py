"""ComparePane: one side of the compare screen (outlet and date on top, the shaded text).

The pane renders what the screen hands it (`show()`): the article, its figure and party
spans (styled as in the reader), the alignment's shaded stretches and the figures that
disagree with the other report. It holds no Library and compares nothing itself. Every
colour has a non-colour twin: a gutter of cues ("=", "≈", "A", "B" for the alignment,
"≠" for a disagreeing figure, "◆" for a bookmark, "▌" for the cursor) and text styles.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.style import Style
from textual.widgets import Static

from index import AlignKind, Article, Bookmark, Span, SpanKind
from tui.render import component_style, date_label, styled_text
from tui.widgets.article_view import Passage

KIND_CUES: dict[AlignKind, str] = {
    AlignKind.A_ONLY: "A",
    AlignKind.B_ONLY: "B",
    AlignKind.SIMILAR: "≈",
    AlignKind.SAME: "=",
}
"""Gutter cue per alignment kind, most telling first (a paragraph shows at most two)."""
DIFFER_MARK = "≠"
BOOKMARK_MARK = "◆"
CURSOR_MARK = "▌"
SPAN_COMPONENTS: dict[SpanKind, str] = {
    SpanKind.PARTY: "compare-pane--party",
    SpanKind.FIGURE: "compare-pane--figure",
    SpanKind.DIFFERENCE: "compare-pane--difference",
    SpanKind.BOOKMARK: "compare-pane--bookmark",
}
"""Span kind -> component class, in drawing order (later on top)."""
SHADE_COMPONENTS: dict[AlignKind, str] = {
    kind: f"compare-pane--{kind.replace('_', '-')}" for kind in AlignKind
}


@dataclass(frozen=True)
class Shade:
    """A stretch of one paragraph that the alignment classed (a sentence, or the paragraph)."""

    paragraph: int
    start: int
    end: int
    kind: AlignKind


class PaneRow(Horizontal):
    """One paragraph: a gutter of cues and the body; owned and updated by the pane."""

    DEFAULT_CSS = """
    PaneRow { height: auto; margin-bottom: 1; }
    PaneRow > .pane-gutter { width: 6; height: auto; }
    PaneRow > .pane-body { width: 1fr; height: auto; }
    """

    def __init__(self, index: int, gutter: str, body: Content) -> None:
        super().__init__()
        self.index = index
        self.cues = gutter
        self.body = body
        """The paragraph as rendered now (for tests and callers)."""

    def compose(self) -> ComposeResult:
        """The gutter and the body."""
        yield Static(self.cues, classes="pane-gutter", markup=False)
        yield Static(self.body, classes="pane-body", markup=False)

    def update(self, gutter: str, body: Content) -> None:
        """Replace the gutter and the rendered paragraph."""
        self.cues, self.body = gutter, body
        if self.is_mounted:
            self.query_one(".pane-gutter", Static).update(gutter)
            self.query_one(".pane-body", Static).update(body)

    def on_click(self, event: events.Click) -> None:
        """Ask the pane to put its cursor here."""
        event.stop()
        self.post_message(ComparePane.RowClicked(self.index))


class ComparePane(VerticalScroll, can_focus=True):
    """One report of a comparison; posts `Scrolled` when the user scrolls it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *SPAN_COMPONENTS.values(),
        *SHADE_COMPONENTS.values(),
        "compare-pane--selection",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,down", "paragraph(1)", "Next paragraph", show=False),
        Binding("k,up", "paragraph(-1)", "Previous paragraph", show=False),
        Binding("g,home", "edge(False)", "Top", show=False),
        Binding("G,end", "edge(True)", "Bottom", show=False),
    ]

    DEFAULT_CSS = """
    ComparePane > .pane-header { dock: top; height: 2; text-wrap: nowrap; text-overflow: ellipsis; }
    ComparePane > .compare-pane--figure { text-style: bold underline; }
    ComparePane > .compare-pane--party { text-style: italic; }
    ComparePane > .compare-pane--difference { text-style: bold reverse; }
    ComparePane > .compare-pane--bookmark { text-style: underline; }
    ComparePane > .compare-pane--selection { text-style: none; }
    """

    @dataclass
    class Scrolled(Message):
        """The user scrolled a pane: `paragraph` is at its top, `fraction` of it hidden."""

        pane_id: str
        paragraph: int
        fraction: float

        def can_replace(self, message: Message) -> bool:
            """A newer scroll of the same pane supersedes an older one."""
            return isinstance(message, ComparePane.Scrolled) and message.pane_id == self.pane_id

    @dataclass
    class RowClicked(Message):
        """A paragraph of the pane was clicked."""

        index: int

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual keyword)
        super().__init__(id=id)
        self.article: Article | None = None
        self.spans: list[Span] = []
        """Figure, party, difference and bookmark spans drawn now."""
        self.shades: list[Shade] = []
        self.cursor = 0
        """The paragraph under the cursor (what `m` bookmarks)."""
        self.selection: tuple[int, int] | None = None
        """(start, end) inside the cursor paragraph, or None for the whole paragraph."""
        self._rows: list[PaneRow] = []
        self._following = False

    def compose(self) -> ComposeResult:
        """The docked header (side, outlet, date, title)."""
        yield Static("", classes="pane-header", markup=False)

    # --- showing ------------------------------------------------------------------

    def show(
        self,
        side: str,
        article: Article,
        spans: Iterable[Span],
        shades: Sequence[Shade],
        bookmarks: Iterable[Bookmark] = (),
    ) -> None:
        """Show one report: its highlight spans, alignment shading and bookmarks."""
        self.article = article
        self.spans = [s for s in spans if s.kind is not SpanKind.BOOKMARK]
        self.spans.extend(_bookmark_spans(article, bookmarks))
        self.shades = list(shades)
        self.cursor, self.selection = 0, None
        self.query_one(".pane-header", Static).update(_header(side, article))
        self.remove_children(PaneRow)
        self._rows = [
            PaneRow(i, self._gutter(i), self._draw(i)) for i in range(len(article.paragraphs))
        ]
        self.mount_all(self._rows)
        self.scroll_home(animate=False)

    def add_bookmark(self, bookmark: Bookmark) -> None:
        """Mark one more bookmarked passage."""
        if self.article is not None:
            self.spans.extend(_bookmark_spans(self.article, [bookmark]))
            self._redraw([bookmark.paragraph or 0])

    def row(self, paragraph: int) -> PaneRow:
        """The row showing a paragraph."""
        return self._rows[paragraph]

    @property
    def passage(self) -> Passage:
        """The passage under the cursor."""
        if self.selection is None:
            return Passage(self.cursor)
        return Passage(self.cursor, *self.selection)

    # --- moving -------------------------------------------------------------------

    def move_to(self, paragraph: int, start: int | None = None, end: int | None = None) -> None:
        """Put the cursor on a paragraph (and select a range in it); no scrolling."""
        if not self._rows:
            return
        old = self.cursor
        self.cursor = max(0, min(paragraph, len(self._rows) - 1))
        self.selection = (start, end) if start is not None and end is not None else None
        self._redraw({old, self.cursor})

    def scroll_to_paragraph(self, paragraph: int, fraction: float = 0.0) -> None:
        """Bring a paragraph to the top (plus `fraction` of its height), silently.

        No `Scrolled` message is echoed: this is how the other pane or a jump moves this one.
        """
        if not 0 <= paragraph < len(self._rows):
            return
        region = self._rows[paragraph].virtual_region
        y = region.y - self._origin() + fraction * region.height
        self._following = True
        try:
            self.scroll_to(y=y, animate=False, immediate=True)
        finally:
            self._following = False

    def top_paragraph(self) -> tuple[int, float]:
        """The paragraph at the top of the view and how much of it is scrolled past."""
        y = self.scroll_y + self._origin()
        for row in self._rows:
            region = row.virtual_region_with_margin
            if region.bottom > y:
                inside = (y - region.y) / region.height if region.height else 0.0
                return row.index, max(0.0, min(1.0, inside))
        return (len(self._rows) - 1, 0.0) if self._rows else (0, 0.0)

    def _origin(self) -> int:
        """Where the first paragraph starts in the virtual space (below the docked header)."""
        return self._rows[0].virtual_region.y if self._rows else 0

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        """Repaint, and tell the screen when the user (not a sync) scrolled."""
        super().watch_scroll_y(old_value, new_value)
        if not self._following and self._rows and round(old_value) != round(new_value):
            paragraph, fraction = self.top_paragraph()
            self.post_message(self.Scrolled(self.id or "", paragraph, fraction))

    def action_paragraph(self, step: int) -> None:
        """Move the cursor to the next/previous paragraph and keep it in view."""
        self.move_to(self.cursor + step)
        self._scroll_cursor_into_view()

    def action_edge(self, bottom: bool) -> None:
        """Jump to the first or last paragraph."""
        self.move_to(len(self._rows) - 1 if bottom else 0)
        self._scroll_cursor_into_view()

    def on_compare_pane_row_clicked(self, event: RowClicked) -> None:
        """A click puts the cursor on the paragraph."""
        self.focus()
        self.move_to(event.index)

    def _scroll_cursor_into_view(self) -> None:
        if 0 <= self.cursor < len(self._rows):
            self.scroll_to_widget(self._rows[self.cursor], animate=False)

    # --- drawing ------------------------------------------------------------------

    def _style(self, name: str) -> Style:
        return component_style(self.get_component_styles(name))

    def _draw(self, index: int) -> Content:
        if self.article is None:
            return Content("")
        ordered: list[tuple[int, int, Style | str]] = [
            (shade.start, shade.end, self._style(SHADE_COMPONENTS[shade.kind]))
            for shade in self.shades
            if shade.paragraph == index
        ]
        if self.selection is not None and index == self.cursor:
            ordered.append((*self.selection, self._style("compare-pane--selection")))
        for kind, name in SPAN_COMPONENTS.items():
            style = self._style(name)
            ordered.extend(
                (s.start, s.end, style)
                for s in self.spans
                if s.paragraph == index and s.kind is kind
            )
        return styled_text(self.article.paragraphs[index], ordered)

    def _gutter(self, index: int) -> str:
        present = {shade.kind for shade in self.shades if shade.paragraph == index}
        cues = "".join(cue for kind, cue in KIND_CUES.items() if kind in present)[:2]
        kinds = {s.kind for s in self.spans if s.paragraph == index}
        return "".join(
            (
                CURSOR_MARK if index == self.cursor else " ",
                cues.ljust(2),
                DIFFER_MARK if SpanKind.DIFFERENCE in kinds else " ",
                BOOKMARK_MARK if SpanKind.BOOKMARK in kinds else " ",
            )
        )

    def _redraw(self, indexes: Iterable[int]) -> None:
        for index in indexes:
            if 0 <= index < len(self._rows):
                row = self._rows[index]
                row.update(self._gutter(index), self._draw(index))
                row.set_class(index == self.cursor, "-cursor")


def _header(side: str, article: Article) -> Content:
    """The side letter, outlet, date and id, then the title; all plain text."""
    top = Content.assemble(
        (f"{side} ", "bold reverse"),
        " ",
        (article.source or "unknown outlet", "bold"),
        " · ",
        Content(date_label(article.published, article.published_how)),
        (f" · id {article.id}", "dim"),
    )
    return Content("\n").join([top, Content.styled(article.title or "(untitled)", "italic")])


def _bookmark_spans(article: Article, bookmarks: Iterable[Bookmark]) -> list[Span]:
    """BOOKMARK spans for this article's anchored bookmarks."""
    spans: list[Span] = []
    for mark in bookmarks:
        if mark.article_id != article.id or mark.paragraph is None:
            continue
        if not 0 <= mark.paragraph < len(article.paragraphs):
            continue
        end = mark.end if mark.end is not None else len(article.paragraphs[mark.paragraph])
        spans.append(Span(mark.paragraph, mark.start or 0, end, SpanKind.BOOKMARK, mark.note))
    return spans
