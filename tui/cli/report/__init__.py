"""Rich renderings for the headless CLI (`newsdesk show`, `search`, `related`, `index`).

Article text, titles and paths are never put into markup strings: they go into
`rich.text.Text` objects, and highlights are applied with `Text.stylize` on spans.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment
from rich.style import Style

from index import SpanKind, visible_controls

SPAN_STYLES: dict[SpanKind, Style] = {
    SpanKind.FIGURE: Style(color="yellow", bold=True, underline=True),
    SpanKind.PARTY: Style(color="cyan", italic=True),
    SpanKind.MATCH: Style(reverse=True),
    SpanKind.BOOKMARK: Style(color="magenta", overline=True),
    SpanKind.DIFFERENCE: Style(color="red", strike=True),
}
"""Each kind has a non-colour cue too (bold+underline, italic, reverse…) for NO_COLOR."""


class SafeConsole(Console):
    """A rich console that never writes a control character from the text it is given.

    Rich passes the text of a renderable to the terminal as it is, ESC and the 8-bit CSI
    included. Every text segment is made visible here (`index.visible_controls`), whatever
    renderable it came from; rich's own control segments (cursor moves) and the style
    codes it adds when writing are left alone.
    """

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        """The segments of `renderable`, with their text's control characters made visible."""
        for segment in super().render(renderable, options):
            if segment.control or not segment.text:
                yield segment
            else:
                yield Segment(visible_controls(segment.text), segment.style, segment.control)


def stdout_console() -> Console:
    """A console on stdout (no automatic highlighting of numbers or URLs in our text)."""
    return SafeConsole(highlight=False)


def stderr_console() -> Console:
    """A console on stderr, for progress and notices."""
    return SafeConsole(stderr=True, highlight=False)
