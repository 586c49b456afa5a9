"""Rich renderings for the headless CLI (`newsdesk show`, `search`, `related`, `index`).

Article text, titles and paths are never put into markup strings: they go into
`rich.text.Text` objects, and highlights are applied with `Text.stylize` on spans.
"""

from __future__ import annotations

from rich.console import Console
from rich.style import Style

from index import SpanKind

SPAN_STYLES: dict[SpanKind, Style] = {
    SpanKind.FIGURE: Style(color="yellow", bold=True, underline=True),
    SpanKind.PARTY: Style(color="cyan", italic=True),
    SpanKind.MATCH: Style(reverse=True),
    SpanKind.BOOKMARK: Style(color="magenta", overline=True),
    SpanKind.DIFFERENCE: Style(color="red", strike=True),
}
"""Each kind has a non-colour cue too (bold+underline, italic, reverse…) for NO_COLOR."""


def stdout_console() -> Console:
    """A console on stdout (no automatic highlighting of numbers or URLs in our text)."""
    return Console(highlight=False)


def stderr_console() -> Console:
    """A console on stderr, for progress and notices."""
    return Console(stderr=True, highlight=False)
