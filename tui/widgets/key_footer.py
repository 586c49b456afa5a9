"""KeyFooter: the key hints, most used first, as many as fit whole, `?` always.

Textual's `Footer` lists every shown binding from the focused widget up to the app and
cuts the row at the terminal's edge: at 80 columns the reader lost Compare, Open URL, Help
and Bookmarks halfway through a word ("o▏"). This footer orders the keys by the screen's
`FOOTER_KEYS` (its most used keys first; the others follow in Textual's order), draws the
ones that fit whole, and always draws Help, where every key is listed. A click on a hint
presses its key.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual import events
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget

HELP_KEY = "question_mark"
"""Always shown: every other key is listed in Help."""
PALETTE_KEY = "ctrl+p"


def footer_order(bindings: Sequence[Binding], preferred: Sequence[str]) -> list[Binding]:
    """The bindings with the preferred keys first, in that order; the rest keep theirs."""

    def rank(binding: Binding) -> int:
        key = binding.key.split(",")[0]
        return preferred.index(key) if key in preferred else len(preferred)

    return sorted(bindings, key=rank)


def fitting(bindings: Sequence[Binding], widths: Sequence[int], room: int) -> list[Binding]:
    """The bindings that fit whole in `room` columns, in order; Help is kept whatever."""
    left = room - sum(w for b, w in zip(bindings, widths, strict=True) if is_help(b))
    kept: list[Binding] = []
    for binding, width in zip(bindings, widths, strict=True):
        if is_help(binding):
            kept.append(binding)
        elif width <= left:
            kept.append(binding)
            left -= width
    return kept


def is_help(binding: Binding) -> bool:
    """Whether a binding opens Help."""
    return HELP_KEY in binding.key.split(",")


class KeyFooter(Widget):
    """One line of key hints for the screen's active bindings (see the module docstring)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"key-footer--key", "key-footer--description"}
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
        width: 1fr;
    }
    """

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[Binding] = []
        """The bindings drawn now, in order (for tests and clicks)."""
        self._spans: list[tuple[int, int, str]] = []
        """(start, end, key) of each hint drawn, for clicks."""

    def on_mount(self) -> None:
        """Redraw when the screen's bindings change (focus moves, a screen opens)."""
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        """Stop listening to the screen."""
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self.refresh()

    def on_resize(self, _event: events.Resize) -> None:
        """Choose the keys again for the new width."""
        self.refresh()

    def render(self) -> Content:
        """The hints that fit, then the palette's at the right edge."""
        hints, palette = self._candidates()
        palette_text = self._hint(palette) if palette else Content("")
        room = self.size.width - palette_text.cell_length
        widths = [self._hint(binding).cell_length for binding in hints]
        self.shown = fitting(hints, widths, room)
        parts: list[Content] = []
        self._spans = []
        at = 0
        for binding in self.shown:
            hint = self._hint(binding)
            self._spans.append((at, at + hint.cell_length, binding.key.split(",")[0]))
            parts.append(hint)
            at += hint.cell_length
        gap = max(0, self.size.width - at - palette_text.cell_length)
        if palette:
            start = at + gap
            self._spans.append((start, start + palette_text.cell_length, PALETTE_KEY))
        return Content.assemble(*parts, " " * gap, palette_text)

    def on_click(self, event: events.Click) -> None:
        """A click on a hint presses its key."""
        for start, end, key in self._spans:
            if start <= event.x < end:
                self.app.simulate_key(key)
                return

    def _candidates(self) -> tuple[list[Binding], Binding | None]:
        """The shown bindings (one per action), ordered; and the palette's binding."""
        seen: set[str] = set()
        hints: list[Binding] = []
        palette: Binding | None = None
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if binding.key == PALETTE_KEY or binding.action == "command_palette":
                palette = binding
            elif binding.show and binding.action not in seen:
                seen.add(binding.action)
                hints.append(binding)
        preferred: Sequence[str] = getattr(self.screen, "FOOTER_KEYS", ())
        return footer_order(hints, preferred), palette

    def _hint(self, binding: Binding) -> Content:
        """The hint for a binding: key, then description, each in its style."""
        key_style = self.get_visual_style("key-footer--key")
        text_style = self.get_visual_style("key-footer--description")
        key = self.app.get_key_display(binding)
        return Content.assemble(
            (f" {key} ", key_style), (f"{binding.description or ''} ", text_style)
        )
