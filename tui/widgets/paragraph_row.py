"""ParagraphRow: one paragraph of the reader with a two-cell gutter (cursor, bookmark)."""

from __future__ import annotations

from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.message import Message
from textual.widgets import Static

CURSOR_MARK = "▌"
"""Gutter cue for the paragraph under the cursor (visible without colour)."""
BOOKMARK_MARK = "◆"
"""Gutter cue for a paragraph holding a bookmarked passage."""


class ParagraphRow(Horizontal):
    """A gutter and a paragraph body; the ArticleView owns and updates it."""

    DEFAULT_CSS = """
    ParagraphRow { height: auto; margin-bottom: 1; }
    ParagraphRow > .paragraph-gutter { width: 2; height: auto; }
    ParagraphRow > .paragraph-body { width: 1fr; height: auto; }
    """

    @dataclass
    class Clicked(Message):
        """The user clicked this paragraph."""

        index: int

    def __init__(self, index: int, body: Content) -> None:
        super().__init__(id=f"paragraph-{index}")
        self.index = index
        self.cursor = False
        self.bookmarked = False
        self._body = body

    def compose(self) -> ComposeResult:
        """The gutter and the body."""
        yield Static(self._gutter(), classes="paragraph-gutter", markup=False)
        yield Static(self._body, classes="paragraph-body", markup=False)

    @property
    def body(self) -> Content:
        """The paragraph as rendered now (for tests and callers)."""
        return self._body

    def update_body(self, body: Content) -> None:
        """Replace the rendered paragraph."""
        self._body = body
        if self.is_mounted:
            self.query_one(".paragraph-body", Static).update(body)

    def set_marks(self, *, cursor: bool, bookmarked: bool) -> None:
        """Set the gutter cues and the `-cursor` / `-bookmarked` classes (when changed)."""
        if (cursor, bookmarked) == (self.cursor, self.bookmarked):
            return
        self.cursor, self.bookmarked = cursor, bookmarked
        self.set_class(cursor, "-cursor")
        self.set_class(bookmarked, "-bookmarked")
        if self.is_mounted:
            self.query_one(".paragraph-gutter", Static).update(self._gutter())

    def _gutter(self) -> str:
        return (CURSOR_MARK if self.cursor else " ") + (BOOKMARK_MARK if self.bookmarked else " ")

    def on_click(self, event: events.Click) -> None:
        """Ask the view to move its cursor here."""
        event.stop()
        self.post_message(self.Clicked(self.index))
