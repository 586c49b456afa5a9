"""DamagedLibraryScreen: the index cannot be read; say which file and the way out.

Shown instead of a crash or a silent reset when the library's index is damaged or out of
date. Bookmarks stay reachable (they live in their own file and are listed as saved).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static

from index import NewsdeskError
from tui.render import text_content


class DamagedLibraryScreen(ModalScreen[None]):
    """The message and hint of an `IndexCorrupt`/`IndexOutOfDate`; B bookmarks, q quit."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "app.quit", "Quit"),
        Binding("B", "app.bookmarks", "Bookmarks"),
    ]

    def __init__(self, error: NewsdeskError) -> None:
        """Show `error` (its message names the damaged file)."""
        super().__init__(classes="dialog")
        self.error = error

    def compose(self) -> ComposeResult:
        """Title, the error, the way out, the keys."""
        lines = [
            Content.styled("The library's index cannot be read", "bold"),
            Content(""),
            text_content(self.error.message),
            Content(""),
            text_content(self.error.hint or "run: newsdesk check --repair", "italic"),
            Content(""),
            Content.styled("B bookmarks (listed as saved) · q quit", "dim"),
        ]
        with Vertical(classes="dialog-box"):
            yield Static(Content("\n").join(lines), id="damaged-message", markup=False)
