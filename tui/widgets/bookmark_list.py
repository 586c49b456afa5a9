"""BookmarkList: bookmarks with status, quote, note and tags (the screen filters them)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from index import Bookmark
from tui.render import bookmark_content
from tui.widgets.vim_option_list import VimOptionList


class BookmarkList(VimOptionList):
    """A list of bookmarks; Enter posts `Chosen`, `d` posts `RemoveRequested`."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d,delete", "remove", "Delete"),
    ]

    @dataclass
    class Chosen(Message):
        """Open this bookmark's passage."""

        bookmark: Bookmark

    @dataclass
    class RemoveRequested(Message):
        """The user asked to delete this bookmark (the screen confirms first)."""

        bookmark: Bookmark

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual keyword)
        super().__init__(id=id, markup=False)
        self.shown: list[Bookmark] = []
        """The bookmarks listed now, in order."""

    def show_bookmarks(self, bookmarks: Sequence[Bookmark]) -> None:
        """List these bookmarks, in order."""
        self.shown = list(bookmarks)
        rows: list[Option | None] = []
        for bookmark in self.shown:
            rows += [Option(bookmark_content(bookmark), id=str(bookmark.id)), None]
        self.set_options(rows)
        self.highlighted = 0 if self.shown else None

    @property
    def current(self) -> Bookmark | None:
        """The highlighted bookmark."""
        if self.highlighted is None or not self.shown:
            return None
        option = self.get_option_at_index(self.highlighted)
        return next((b for b in self.shown if str(b.id) == option.id), None)

    @on(OptionList.OptionSelected)
    def choose(self, event: OptionList.OptionSelected) -> None:
        """Post `Chosen` for the selected bookmark."""
        event.stop()
        bookmark = next((b for b in self.shown if str(b.id) == event.option.id), None)
        if bookmark is not None:
            self.post_message(self.Chosen(bookmark))

    def action_remove(self) -> None:
        """Ask to delete the highlighted bookmark."""
        if (bookmark := self.current) is not None:
            self.post_message(self.RemoveRequested(bookmark))
