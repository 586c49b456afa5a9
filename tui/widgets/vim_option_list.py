"""VimOptionList: an OptionList that also moves with j/k and jumps with g/G.

The base of every list in the app (results, facets, figures and parties, bookmarks), so
the keys the README lists for "everywhere" are bound once.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList


class VimOptionList(OptionList):
    """An OptionList with j/k (down/up) and g/G (first/last) besides the arrow keys."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        Binding("g", "first", "First", show=False),
        Binding("G", "last", "Last", show=False),
    ]
