"""ArticleScreen: the reader. Loads one article and its spans in a worker; bookmarks passages."""

from __future__ import annotations

import os
import tempfile
import webbrowser
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Header, Input, Static

from index import (
    Article,
    ArticleId,
    Bookmark,
    Library,
    NewsdeskError,
    Span,
    SpanKind,
    cite_passage,
    visible_controls,
)
from tui.messages import BookmarksChanged, LibraryFailed, OpenStory, StepArticle
from tui.render import date_label, text_content
from tui.screens.bookmarking import BookmarkingScreen
from tui.screens.clipboard import osc52_allowed, save_copy
from tui.screens.reader_status import reader_status
from tui.widgets.article_view import ArticleView
from tui.widgets.key_footer import KeyFooter
from tui.widgets.passage_view import Passage
from tui.widgets.span_panel import SpanPanel

TOGGLES: dict[str, SpanKind] = {
    "1": SpanKind.FIGURE,
    "2": SpanKind.PARTY,
    "3": SpanKind.MATCH,
    "4": SpanKind.BOOKMARK,
}
"""Toggle key -> highlight kind."""

LEGEND_CUES: dict[SpanKind, str] = {
    SpanKind.FIGURE: "figure",
    SpanKind.PARTY: "party",
    SpanKind.MATCH: "match",
    SpanKind.BOOKMARK: "◆ bookmark",
}
"""Legend labels; each is drawn in its own style, so the legend shows the cue itself."""


class ArticleScreen(BookmarkingScreen):
    """Metadata, legend, the highlighted text and a side panel of figures and parties."""

    CSS_PATH = "article.tcss"
    READING_WIDTH = 104
    """Columns of the text (gutter and padding included) once the terminal has room."""
    # Screen declares this as `ClassVar[...] | None`, which mypy reads as an instance variable.
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-narrow"),
        (100, "-wide"),
        (READING_WIDTH + 40, "-roomy"),
    ]

    FOOTER_KEYS: ClassVar[tuple[str, ...]] = (
        "m",
        "f",
        "p",
        "slash",
        "c",
        "y",
        "o",
        "s",
        "q",
        "B",
        "t",
    )
    """Most used first: the footer shows what fits at 80 columns (`?` always)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("m", "bookmark", "Bookmark"),
        Binding("slash", "find", "Find", priority=True),  # see SearchScreen's `/`
        Binding("n", "find_next(True)", "Next hit", show=False),
        Binding("N", "find_next(False)", "Previous hit", show=False),
        Binding("c", "compare", "Compare"),
        Binding("o", "open_url", "Open URL"),
        Binding("y", "copy", "Copy"),
        Binding("J", "step_article(1)", "Next article", show=False),
        Binding("K", "step_article(-1)", "Previous article", show=False),
        Binding("1", "toggle_kind('1')", "Toggle figures", show=False),
        Binding("2", "toggle_kind('2')", "Toggle parties", show=False),
        Binding("3", "toggle_kind('3')", "Toggle matches", show=False),
        Binding("4", "toggle_kind('4')", "Toggle bookmarks", show=False),
        Binding("t", "focus_panel", "Figures/parties"),
        Binding("escape", "close_find_or_back", "Close find/back", show=False),
    ]

    @dataclass
    class Copied(Message):
        """The passage was copied: to the clipboard (`path` None) or to the file `path`."""

        path: Path | None

    @dataclass
    class ArticleLoaded(Message):
        """The article, its spans and its bookmarks are ready."""

        article: Article
        spans: Sequence[Span]
        bookmarks: Sequence[Bookmark]

    def __init__(
        self,
        library: Library,
        article_id: ArticleId,
        *,
        terms: Sequence[str] = (),
        target: Passage | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.article_id = article_id
        self.terms = tuple(terms)
        self.target = target
        """Where to put the cursor once loaded (a bookmark's passage)."""
        self.article: Article | None = None
        self.find_text = ""
        """What `/` searched for last."""

    def compose(self) -> ComposeResult:
        """Header, metadata, legend, text and side panel, find bar, footer."""
        yield Header()
        yield Static("Loading…", id="meta", markup=False)
        yield Static("", id="legend", markup=False)
        with Horizontal(id="reader"):
            yield ArticleView(id="article")
            yield SpanPanel(id="spans")
        yield Static("", id="reader-status", markup=False)
        with Horizontal(id="find-bar"):
            yield Input(placeholder="Find in page (Enter; n/N next/previous)", id="find-input")
        yield KeyFooter()

    def on_mount(self) -> None:
        """Load the article in a worker."""
        self.query_one(ArticleView).focus()
        self.load_article()

    @work(thread=True, exclusive=True, group="article")
    def load_article(self) -> None:
        """Fetch the article, its highlight spans and its bookmarks."""
        try:
            article = self.library.article(self.article_id)
            spans = self.library.spans(article, self.terms)
            marks = self.library.bookmarks(article_id=article.id)
        except NewsdeskError as error:
            self.post_message(LibraryFailed(error))
            return
        self.post_message(self.ArticleLoaded(article, spans, marks))

    @work(thread=True, group="clipboard")
    def copy_text(self, text: str, folder: Path) -> None:
        """Copy with OSC 52 where the terminal takes it, else write the clipboard file."""
        if osc52_allowed(os.environ):
            self.app.call_from_thread(self.app.copy_to_clipboard, text)
            self.post_message(self.Copied(None))
            return
        try:
            path = save_copy(text, folder)
        except OSError as error:
            failed = NewsdeskError(
                f"Cannot write {folder}: {error.strerror or error}.", "Check the data folder."
            )
            self.post_message(LibraryFailed(failed))
            return
        self.post_message(self.Copied(path))

    @work(thread=True, group="browser")
    def open_in_browser(self, url: str) -> None:
        """Open a URL with the system browser (may block, hence the thread)."""
        if not webbrowser.open(url):
            self.app.call_from_thread(
                self.notify, "No browser could open the URL", severity="warning"
            )

    # --- handlers -----------------------------------------------------------------

    @on(ArticleLoaded)
    def show_article(self, event: ArticleLoaded) -> None:
        """Render the article; go to the target passage if there is one."""
        self.article = event.article
        self.title = visible_controls(event.article.title)
        self.sub_title = visible_controls(event.article.source or "")
        self.query_one("#meta", Static).update(_meta_line(event.article))
        view = self.query_one(ArticleView)
        view.show(event.article, event.spans, event.bookmarks)
        self.query_one(SpanPanel).show_article(event.article)
        self._refresh_legend()
        if self.target is not None:
            view.move_to(self.target.paragraph, self.target.start, self.target.end)
        self._refresh_status()

    @on(ArticleView.CursorMoved)
    def follow_cursor(self) -> None:
        """Say what the cursor is on now."""
        self._refresh_status()

    @on(Copied)
    def copied(self, event: Copied) -> None:
        """Say where the passage went."""
        if event.path is None:
            self.notify("Copied the passage and its citation", markup=False)
        else:
            self.notify(
                f"Copied to {event.path} (this terminal does not take clipboard copies)",
                markup=False,
            )

    @on(BookmarkingScreen.BookmarkSaved)
    def mark_saved(self, event: BookmarkingScreen.BookmarkSaved) -> None:
        """Show the marker and tell the user."""
        self.query_one(ArticleView).add_bookmark(event.bookmark)
        self.notify(f"Bookmarked paragraph {(event.bookmark.paragraph or 0) + 1}")
        self.post_message(BookmarksChanged(event.bookmark.article_id))

    @on(SpanPanel.Chosen)
    def go_to_span(self, event: SpanPanel.Chosen) -> None:
        """Scroll the text to the chosen figure or party; a counted figure opens its story."""
        view = self.query_one(ArticleView)
        view.land_on(event.paragraph, event.start, event.end)
        if event.count is not None:
            self.post_message(OpenStory(event.count))

    @on(Input.Submitted, "#find-input")
    def run_find(self, event: Input.Submitted) -> None:
        """Highlight the occurrences and go to the first (the status line counts them)."""
        self.find_text = event.value.strip()
        count = self.query_one(ArticleView).find(event.value)
        self.query_one("#find-bar").remove_class("-active")
        self.set_focus(self.query_one(ArticleView))
        if self.find_text and not count:
            self.notify(f"“{self.find_text}” is not in this article", markup=False)
        self._refresh_status()

    # --- actions ------------------------------------------------------------------

    def action_bookmark(self) -> None:
        """Bookmark the passage under the cursor, asking for a note and tags."""
        if self.article is None:
            return
        self.ask_to_bookmark(self.article, self.query_one(ArticleView).passage)

    def action_find(self) -> None:
        """Show the find bar."""
        field = self.query_one("#find-input", Input)
        if self.focused is field:
            field.insert_text_at_cursor("/")
            return
        self.query_one("#find-bar").add_class("-active")
        self.set_focus(field)

    def action_find_next(self, forward: bool) -> None:
        """Go to the next/previous find hit."""
        if not self.query_one(ArticleView).find_next(forward):
            self.notify("Nothing to find: press / first", severity="warning")

    def action_copy(self) -> None:
        """Copy the passage under the cursor with its citation (outlet, date, URL)."""
        if self.article is None:
            return
        passage = self.query_one(ArticleView).passage
        text = cite_passage(self.article, passage.paragraph, passage.start, passage.end)
        paths = self.library.paths
        self.copy_text(text, paths.data_dir if paths else Path(tempfile.gettempdir()))

    def action_step_article(self, step: int) -> None:
        """Show the next/previous article of the search results, without going back."""
        self.post_message(StepArticle(self.article_id, step))

    def action_compare(self) -> None:
        """Pick a second report (most similar first) and open the side-by-side comparison."""
        if self.article is None:
            self.notify("The article is still loading.", markup=False)
            return
        # Imported here: the compare screens are not needed to paint the first screen.
        from tui.screens.compare import open_comparison

        open_comparison(self, self.library, self.article.id)

    def action_open_url(self) -> None:
        """Open the article's URL in the browser."""
        if self.article is None or not self.article.url:
            self.notify("This article has no URL", severity="warning")
            return
        self.open_in_browser(self.article.url)
        self.notify(f"Opening {self.article.url}", markup=False)

    def action_toggle_kind(self, key: str) -> None:
        """Show or hide one kind of highlight."""
        view = self.query_one(ArticleView)
        kind = TOGGLES[key]
        view.set_hidden(kind, kind not in view.hidden)
        self._refresh_legend()

    def action_focus_panel(self) -> None:
        """Focus the figures and parties panel (or back to the text)."""
        panel = self.query_one(SpanPanel)
        if panel.has_focus:
            self.query_one(ArticleView).focus()
        else:
            panel.focus()

    def action_close_find_or_back(self) -> None:
        """Esc: hide the find bar and return to the text if it is open, else go back."""
        bar = self.query_one("#find-bar")
        if not bar.has_class("-active"):
            self.app.pop_screen()
            return
        bar.remove_class("-active")
        self.query_one(ArticleView).focus()

    def _refresh_status(self) -> None:
        view = self.query_one(ArticleView)
        if self.article is not None:
            status = reader_status(
                self.article, view.cursor, view.current, view.find_hits, self.find_text
            )
            self.query_one("#reader-status", Static).update(status)

    def _refresh_legend(self) -> None:
        view = self.query_one(ArticleView)
        styles = view.span_styles()
        parts = [Content.styled("Legend", "bold")]
        for key, kind in TOGGLES.items():
            label = Content.styled(LEGEND_CUES[kind], styles[kind])
            if kind in view.hidden:
                label = Content.assemble((LEGEND_CUES[kind], "strike dim"), " off")
            parts.append(Content.assemble((f"[{key}]", "dim"), label))
        parts.append(Content.styled("(1-4 toggle)", "dim"))
        self.query_one("#legend", Static).update(Content("  ").join(parts))


def _meta_line(article: Article) -> Content:
    """Outlet · date (how known) · URL · id, all as plain text."""
    parts = [
        text_content(article.source or "unknown outlet", "bold"),
        Content(date_label(article.published, article.published_how)),
    ]
    if article.dateline:
        parts.append(text_content(f"dateline “{article.dateline}”"))
    parts.append(text_content(article.url or "no URL"))
    parts.append(text_content(f"id {article.id}", "dim"))
    return Content(" · ").join(parts)
