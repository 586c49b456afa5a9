"""CompareScreen: two reports side by side, scrolled together, differences one key away.

The screen loads both articles, their spans, their bookmarks and the comparison in one
thread worker, hands each `ComparePane` what to draw, and keeps the navigation state
(synchronised scrolling, the current difference). The layout of the comparison (shading,
differences, paragraph correspondence, swapping) is pure and lives in `compare_nav`.
`open_comparison()` is the entry point for the reader's `c` key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, TypeVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Static

from index import (
    Article,
    ArticleId,
    Bookmark,
    Comparison,
    Library,
    NewsdeskError,
    Span,
    visible_controls,
)
from tui.messages import BookmarksChanged, LibraryFailed
from tui.screens.bookmarking import BookmarkingScreen
from tui.screens.compare_nav import (
    Difference,
    Side,
    correspondence,
    differences,
    differing_spans,
    figure_differences,
    place_of,
    shading,
)
from tui.screens.pick_article import PickArticleDialog
from tui.widgets.compare_pane import ComparePane, PanePlace
from tui.widgets.comparison_summary import ComparisonSummary
from tui.widgets.key_footer import KeyFooter

WIDE = 120
"""From this many columns the summary panel is shown from the start."""
PANE_IDS: dict[Side, str] = {Side.A: "pane-a", Side.B: "pane-b"}
LEGEND = Content.assemble(
    *(
        part
        for cue, meaning in (
            ("=", "same"),
            ("≈", "similar"),
            ("A", "only in A"),
            ("B", "only in B"),
            ("≠", "figure differs"),
            ("◆", "bookmark"),
        )
        for part in ((cue, "bold"), (f" {meaning}  ", "dim"))
    ),
)
"""What the panes' gutter marks mean, on a line of its own (it fits 80 columns)."""


@dataclass(frozen=True)
class Report:
    """One side as loaded: the article, its figure/party spans, its bookmarks."""

    article: Article
    spans: tuple[Span, ...]
    bookmarks: tuple[Bookmark, ...]


ScreenResultT = TypeVar("ScreenResultT")


def open_comparison(screen: Screen[ScreenResultT], library: Library, article_id: ArticleId) -> None:
    """Ask which report to compare `article_id` with, then show the comparison.

    Args:
        screen: The screen the user is on (the reader); the picker opens above it.
        library: The open library (used only in the screens' workers).
        article_id: Report A.
    """

    def compare_with(other: ArticleId | None) -> None:
        if other is not None:
            screen.app.push_screen(CompareScreen(library, article_id, other))

    screen.app.push_screen(PickArticleDialog(library, article_id), compare_with)


class CompareScreen(BookmarkingScreen):
    """Report A on the left, report B on the right, a summary of figures and parties."""

    CSS_PATH = "compare.tcss"
    # Screen declares this as `ClassVar[...] | None`, which mypy reads as an instance variable.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (WIDE, "-wide")]  # noqa: RUF012

    FOOTER_KEYS: ClassVar[tuple[str, ...]] = (
        "right_square_bracket",
        "right_curly_bracket",
        "x",
        "t",
        "m",
        "s",
        "q",
    )
    """Most used first: the footer shows what fits at 80 columns (`?` always)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("right_square_bracket", "difference(1)", "Next difference"),
        Binding("left_square_bracket", "difference(-1)", "Previous difference"),
        Binding("right_curly_bracket", "figure_difference(1)", "Next figure ≠"),
        Binding("left_curly_bracket", "figure_difference(-1)", "Previous figure ≠", show=False),
        Binding("s", "toggle_sync", "Sync scroll"),
        Binding("x", "swap", "Swap A/B"),
        Binding("t", "toggle_summary", "Summary"),
        Binding("m", "bookmark", "Bookmark"),
        Binding("h,left", "focus_side('a')", "Focus A", show=False),
        Binding("l,right", "focus_side('b')", "Focus B", show=False),
        Binding("q", "back", "Back"),
        Binding("escape", "close_summary_or_back", "Close summary/back", show=False),
    ]

    @dataclass
    class Loaded(Message):
        """Both reports and their comparison are ready."""

        a: Report
        b: Report
        comparison: Comparison

    def __init__(self, library: Library, a_id: ArticleId, b_id: ArticleId) -> None:
        """Compare report `a_id` (left) with `b_id` (right)."""
        super().__init__()
        self.library = library
        self.a_id, self.b_id = a_id, b_id
        self.reports: dict[Side, Report] = {}
        self.comparison: Comparison | None = None
        self.sync = True
        """Scrolling one pane scrolls the other to the corresponding paragraph."""
        self.differences: list[Difference] = []
        self.figure_stops = 0
        """How many of `differences` (the first ones) are differing figures."""
        self.current: int | None = None
        """Index into `differences` of the difference shown, or None before `]`/`[`."""
        self._maps: dict[Side, list[int | None]] = {}
        self.status_text = ""
        """The status line as plain text (for tests and callers)."""

    def compose(self) -> ComposeResult:
        """Header, status line, the two panes, the summary, footer."""
        yield Header()
        yield Static("Loading the comparison…", id="compare-status", markup=False)
        yield Static(LEGEND, id="compare-legend", markup=False)
        with Horizontal(id="panes"):
            yield ComparePane(id=PANE_IDS[Side.A])
            yield ComparePane(id=PANE_IDS[Side.B])
        yield ComparisonSummary(id="summary")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Start loading; the panes show a loading indicator meanwhile."""
        self.title = "Compare"
        self.query_one("#panes").loading = True
        self.pane(Side.A).focus()
        self.load_comparison()

    def pane(self, side: Side) -> ComparePane:
        """The pane of one side (A is always the left one)."""
        return self.query_one(f"#{PANE_IDS[side]}", ComparePane)

    @work(thread=True, exclusive=True, group="compare")
    def load_comparison(self) -> None:
        """Compare both articles, and fetch their spans and bookmarks."""
        try:
            compared = self.library.compare_articles(self.a_id, self.b_id)
            reports = [
                Report(
                    article,
                    tuple(self.library.spans(article)),
                    tuple(self.library.bookmarks(article_id=article.id)),
                )
                for article in (compared.a, compared.b)
            ]
        except NewsdeskError as error:
            self.post_message(LibraryFailed(error))
            return
        self.post_message(self.Loaded(reports[0], reports[1], compared.comparison))

    @on(Loaded)
    def show_comparison(self, event: Loaded) -> None:
        """Draw both panes and the summary."""
        self.query_one("#panes").loading = False
        self.set_class(self.size.width >= WIDE, "-summary")
        self._show(event.a, event.b, event.comparison)

    @on(BookmarkingScreen.BookmarkSaved)
    def mark_saved(self, event: BookmarkingScreen.BookmarkSaved) -> None:
        """Show the marker in the pane holding the article, and tell the user."""
        for side, report in self.reports.items():
            if report.article.id == event.bookmark.article_id:
                self.pane(side).add_bookmark(event.bookmark)
        self.notify(f"Bookmarked paragraph {(event.bookmark.paragraph or 0) + 1}")
        self.post_message(BookmarksChanged(event.bookmark.article_id))

    @on(ComparePane.Scrolled)
    def follow_scroll(self, event: ComparePane.Scrolled) -> None:
        """When synchronised, bring the other pane to the corresponding paragraph."""
        if not self.sync or not self._maps:
            return
        side = Side.A if event.pane_id == PANE_IDS[Side.A] else Side.B
        mapping = self._maps[side]
        target = mapping[event.paragraph] if event.paragraph < len(mapping) else None
        if target is not None:
            self.pane(side.other).scroll_to_paragraph(target)

    @on(ComparisonSummary.FigureChosen)
    def go_to_figure(self, event: ComparisonSummary.FigureChosen) -> None:
        """Bring both panes to the figures of the chosen summary row."""
        if self.comparison is None:
            return
        row = self.comparison.figures[event.index]
        for side, figures in ((Side.A, row.a), (Side.B, row.b)):
            body = [f for f in figures if f.paragraph is not None]
            if body and body[0].paragraph is not None:
                first = body[0]
                self.pane(side).move_to(body[0].paragraph, first.start, first.end)
                self.pane(side).scroll_to_paragraph(body[0].paragraph)
        self._set_status(Content(f"{row.label}: {row.status}"))

    # --- actions ------------------------------------------------------------------

    def action_difference(self, step: int) -> None:
        """Go to the next/previous difference (figures, then passages) in both panes."""
        if not self.differences:
            self.notify("No differences between these reports")
            return
        self._step(self.differences, step)

    def action_figure_difference(self, step: int) -> None:
        """Go to the next/previous figure that differs (or was updated) in both panes."""
        figures = self.differences[: self.figure_stops]
        if not figures:
            self.notify("No figures differ between these reports")
            return
        self._step(figures, step)

    def _step(self, stops: list[Difference], step: int) -> None:
        """Move `current` through `stops` (which start the `differences` list) and go there."""
        count = len(stops)
        if self.current is None or self.current >= count:
            self.current = 0 if step > 0 else count - 1
        else:
            self.current = (self.current + step) % count
        difference = stops[self.current]
        for side in Side:
            place = place_of(difference, side)
            pane = self.pane(side)
            pane.move_to(place.paragraph, place.start, place.end)
            pane.scroll_to_paragraph(place.paragraph)
        self._set_status(Content(f"{self.current + 1}/{count}: {difference.label}"))

    def action_toggle_sync(self) -> None:
        """Switch synchronised scrolling on or off."""
        self.sync = not self.sync
        self.notify(f"Synchronised scrolling {'on' if self.sync else 'off'}")
        if self.sync and self._maps:
            paragraph, _ = self.pane(Side.A).top_paragraph()
            target = self._maps[Side.A][paragraph]
            if target is not None:
                self.pane(Side.B).scroll_to_paragraph(target)
        self._set_status()

    def action_swap(self) -> None:
        """Show B on the left and A on the right, each where it was read (cursor, scroll)."""
        if self.comparison is None:
            return
        a, b = self.reports[Side.A], self.reports[Side.B]
        places = {side: self._place(side) for side in Side}
        focused = self.focused
        current = self.current
        self.a_id, self.b_id = b.article.id, a.article.id
        self._show(b, a, self.comparison.swapped())
        self.current = current
        for side in Side:
            self.pane(side.other).restore(places[side])
        if isinstance(focused, ComparePane):
            self.pane(Side.B if focused is self.pane(Side.A) else Side.A).focus()
        self._set_status()
        self.notify(f"Swapped: A is now {b.article.source or b.article.title}", markup=False)

    def action_toggle_summary(self) -> None:
        """Show or hide the figure and party tables; shown, they take the keys (j/k at once)."""
        self.toggle_class("-summary")
        if self.has_class("-summary"):
            self.query_one("#summary-figures").focus()
        elif not isinstance(self.focused, ComparePane):
            self.pane(Side.A).focus()

    def action_bookmark(self) -> None:
        """Bookmark the passage under the cursor of the focused pane."""
        pane = self.focused if isinstance(self.focused, ComparePane) else self.pane(Side.A)
        if pane.article is None:
            return
        self.ask_to_bookmark(pane.article, pane.passage)

    def action_focus_side(self, side: str) -> None:
        """Focus the pane of one side."""
        self.pane(Side(side)).focus()

    def action_back(self) -> None:
        """Close the comparison."""
        self.dismiss(None)

    def action_close_summary_or_back(self) -> None:
        """Esc: hide the summary where it covers the panes (narrow), else go back."""
        if self.has_class("-narrow") and self.has_class("-summary"):
            self.action_toggle_summary()
        else:
            self.action_back()

    # --- drawing ------------------------------------------------------------------

    def _show(self, a: Report, b: Report, comparison: Comparison) -> None:
        self.reports = {Side.A: a, Side.B: b}
        self.comparison = comparison
        for side, report in self.reports.items():
            spans = [*report.spans, *differing_spans(comparison, side)]
            shades = shading(comparison, report.article, side)
            self.pane(side).show(side.name, report.article, spans, shades, report.bookmarks)
        self._maps = {
            side: correspondence(comparison, side, len(report.article.paragraphs))
            for side, report in self.reports.items()
        }
        self.differences = differences(comparison, a.article, b.article)
        self.figure_stops = len(figure_differences(comparison, a.article, b.article))
        self.current = None
        self.query_one(ComparisonSummary).show(comparison)
        self.sub_title = visible_controls(f"{_outlet(a.article)} vs {_outlet(b.article)}")
        self._set_status()

    def _place(self, side: Side) -> PanePlace:
        pane = self.pane(side)
        return PanePlace(pane.passage, *pane.top_paragraph())

    def _set_status(self, detail: Content | None = None) -> None:
        """Two lines at most (the line's height is fixed: a longer label is cut)."""
        sync = "sync on" if self.sync else "sync off"
        head = Content.styled(f"{sync} · {len(self.differences)} differences", "bold")
        if detail is None and self.current is not None and self.differences:
            detail = Content(f"{self.current + 1}/{len(self.differences)}")
        if detail is None:
            detail = Content.styled("] next difference · } next figure · t summary · x swap", "dim")
        status = Content(" · ").join([head, detail])
        self.status_text = status.plain
        self.query_one("#compare-status", Static).update(status)


def _outlet(article: Article) -> str:
    return article.source or "unknown outlet"
