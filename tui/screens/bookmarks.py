"""BookmarksScreen: list, filter, open, delete (after confirmation) and export bookmarks."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Input, Static

from index import Bookmark, Library, NewsdeskError, filter_bookmarks
from tui.messages import BookmarksChanged, LibraryFailed, OpenArticle
from tui.render import text_content
from tui.screens.dialogs import ConfirmDialog, PathDialog
from tui.widgets.bookmark_list import BookmarkList
from tui.widgets.key_footer import KeyFooter

EXPORT_NAME = "bookmarks-export.md"


class BookmarksScreen(Screen[None]):
    """Every bookmark with its status (anchored, moved, orphan); Enter opens its passage."""

    CSS_PATH = "bookmarks.tcss"

    FOOTER_KEYS: ClassVar[tuple[str, ...]] = ("enter", "slash", "d", "e", "q")
    """Most used first: the footer shows what fits at 80 columns (`?` always)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_filter", "Filter", priority=True),  # see SearchScreen's `/`
        Binding("e", "export", "Export"),
        Binding("escape", "list_or_back", "List/back", show=False),
        Binding("down", "focus_list", "List", show=False),
    ]

    @dataclass
    class Loaded(Message):
        """The bookmarks, re-anchored against the current articles."""

        bookmarks: Sequence[Bookmark]

    def __init__(self, library: Library, *, export_dir: Path | None = None) -> None:
        super().__init__()
        self.library = library
        self.export_dir = export_dir
        """Where `e` proposes to write (the data folder); the current folder when None."""
        self.bookmarks: list[Bookmark] = []

    def compose(self) -> ComposeResult:
        """Header, filter input, list, status line, footer."""
        yield Header()
        yield Input(placeholder="Filter: words, tag:NAME, article:ID", id="bookmark-filter")
        yield BookmarkList(id="bookmark-list")
        yield Static("", id="bookmark-status", markup=False)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Load the bookmarks in a worker."""
        self.title = "Bookmarks"
        self.query_one(BookmarkList).focus()
        self.load_bookmarks()

    @work(thread=True, exclusive=True, group="bookmarks")
    def load_bookmarks(self) -> None:
        """Fetch (and re-anchor) every bookmark."""
        try:
            marks = self.library.bookmarks()
        except NewsdeskError as error:
            self.post_message(LibraryFailed(error))
            return
        self.post_message(self.Loaded(marks))

    @work(thread=True, group="bookmark-writer")
    def remove_bookmark(self, bookmark_id: int) -> None:
        """Delete one bookmark; the App then has the open bookmark lists reload."""
        try:
            self.library.remove_bookmark(bookmark_id)
        except NewsdeskError as error:
            self.post_message(LibraryFailed(error))
            return
        self.post_message(BookmarksChanged())

    # --- handlers -----------------------------------------------------------------

    @on(Loaded)
    def show_bookmarks(self, event: Loaded) -> None:
        """List the bookmarks through the current filter."""
        self.bookmarks = list(event.bookmarks)
        self._refilter()

    @on(Input.Changed, "#bookmark-filter")
    def refilter(self) -> None:
        """Filter as the user types (in memory: no library call)."""
        self._refilter()

    @on(Input.Submitted, "#bookmark-filter")
    def filter_done(self) -> None:
        """Enter in the filter goes to the list."""
        self.query_one(BookmarkList).focus()

    @on(BookmarkList.Chosen)
    def open_bookmark(self, event: BookmarkList.Chosen) -> None:
        """Open the article at the bookmarked passage."""
        mark = event.bookmark
        if mark.paragraph is None:
            self.notify(
                "This bookmark is an orphan: its passage, or its article, is no longer in the"
                " library (the quote and the note are kept)",
                severity="warning",
            )
            return
        self.post_message(OpenArticle(mark.article_id, (), mark.paragraph, mark.start, mark.end))

    @on(BookmarkList.RemoveRequested)
    def confirm_remove(self, event: BookmarkList.RemoveRequested) -> None:
        """Ask before deleting."""
        mark = event.bookmark
        question = Content.assemble("Delete the bookmark on “", text_content(mark.quote[:80]), "”?")

        def answer(yes: bool | None) -> None:
            if yes:
                self.remove_bookmark(mark.id)

        self.app.push_screen(ConfirmDialog(question), answer)

    # --- actions ------------------------------------------------------------------

    def action_focus_filter(self) -> None:
        """Focus the filter input (at once, so the next keys reach it)."""
        field = self.query_one("#bookmark-filter", Input)
        if self.focused is field:
            field.insert_text_at_cursor("/")
            return
        self.set_focus(field)

    def action_focus_list(self) -> None:
        """Focus the list."""
        self.query_one(BookmarkList).focus()

    def action_list_or_back(self) -> None:
        """Esc: from the filter back to the list, else back to the screen before."""
        if isinstance(self.focused, Input):
            self.action_focus_list()
        else:
            self.dismiss(None)

    def action_export(self) -> None:
        """Ask for a path (.md or .json) and export every bookmark there.

        The dialog writes the file (in its worker) and stays open with the error when it
        cannot: a missing folder is never created.
        """
        default = (self.export_dir or Path.cwd()) / EXPORT_NAME
        count = len(self.bookmarks)

        def written(path: str | None) -> None:
            if path:
                self.notify(f"Exported {count} bookmarks to {path}", markup=False)

        self.app.push_screen(
            PathDialog(
                "Export bookmarks to (.md or .json):",
                str(default),
                act=self.library.export_bookmarks_to,
            ),
            written,
        )

    def _refilter(self) -> None:
        text = self.query_one("#bookmark-filter", Input).value
        listing = self.query_one(BookmarkList)
        listing.show_bookmarks(filter_bookmarks(self.bookmarks, text))
        counts = {status: 0 for status in ("anchored", "moved", "orphan")}
        for mark in self.bookmarks:
            counts[str(mark.status)] = counts.get(str(mark.status), 0) + 1
        summary = ", ".join(f"{n} {status}" for status, n in counts.items() if n)
        shown = f"{len(listing.shown)} of {len(self.bookmarks)} bookmarks"
        self.query_one("#bookmark-status", Static).update(
            Content(f"{shown} ({summary or 'none yet'}) · Enter open · d delete · e export")
        )
