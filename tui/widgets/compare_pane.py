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
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.style import Style
from textual.widgets import Static

from index import AlignKind, Article, Bookmark, Span, SpanKind
from tui.render import date_label, styled_text, text_content
from tui.widgets.passage_view import Passage, PassageView

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


@dataclass(frozen=True)
class PanePlace:
    """Where a reader is in a pane: the cursor passage and the scroll position."""

    passage: Passage
    top: int
    """The paragraph at the top of the view."""
    fraction: float = 0.0
    """How much of `top` is scrolled past."""


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


class ComparePane(PassageView[PaneRow]):
    """One report of a comparison; posts `Scrolled` when the user scrolls it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        *SPAN_COMPONENTS.values(),
        *SHADE_COMPONENTS.values(),
        "compare-pane--selection",
    }

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
        self.shades: list[Shade] = []
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
        self._take_article(article, spans, bookmarks)
        self.shades = list(shades)
        self.query_one(".pane-header", Static).update(_header(side, article))
        self._mount_rows(
            [PaneRow(i, self._gutter(i), self._draw(i)) for i in range(len(article.paragraphs))]
        )

    def row(self, paragraph: int) -> PaneRow:
        """The row showing a paragraph."""
        return self._rows[paragraph]

    # --- moving -------------------------------------------------------------------

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

    def restore(self, place: PanePlace) -> None:
        """Put the cursor and the scroll back where `place` says (once the rows are laid out)."""
        self.move_to(place.passage.paragraph, place.passage.start, place.passage.end)
        self.call_after_refresh(self.scroll_to_paragraph, place.top, place.fraction)

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

    def go_to_paragraph(self, paragraph: int) -> None:
        """Put the cursor on a whole paragraph and keep it in view (`move_to` never scrolls)."""
        self.move_to(paragraph)
        self._scroll_cursor_into_view()

    def on_compare_pane_row_clicked(self, event: RowClicked) -> None:
        """A click puts the cursor on the paragraph."""
        self.focus()
        self.move_to(event.index)

    def _scroll_cursor_into_view(self) -> None:
        if 0 <= self.cursor < len(self._rows):
            self.scroll_to_widget(self._rows[self.cursor], animate=False)

    # --- drawing ------------------------------------------------------------------

    def _draw(self, index: int) -> Content:
        if self.article is None:
            return Content("")
        ordered: list[tuple[int, int, Style | str]] = [
            (shade.start, shade.end, self._style(SHADE_COMPONENTS[shade.kind]))
            for shade in self.shades
            if shade.paragraph == index
        ]
        if self.cursor_range is not None and index == self.cursor:
            ordered.append((*self.cursor_range, self._style("compare-pane--selection")))
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

    def _update_row(self, index: int) -> None:
        row = self._rows[index]
        row.update(self._gutter(index), self._draw(index))
        row.set_class(index == self.cursor, "-cursor")


def _header(side: str, article: Article) -> Content:
    """The side letter, outlet, date and id, then the title; all plain text."""
    top = Content.assemble(
        (f"{side} ", "bold reverse"),
        " ",
        text_content(article.source or "unknown outlet", "bold"),
        " · ",
        Content(date_label(article.published, article.published_how)),
        text_content(f" · id {article.id}", "dim"),
    )
    return Content("\n").join([top, text_content(article.title or "(untitled)", "italic")])
