"""Pilot tests: escape sequences in an article never reach the terminal (issue 11).

The article is written to the index as it is (no ingest cleaning), as an index from before
the fix would hold it: every screen must still show its controls as symbols.
"""

from __future__ import annotations

from index import Library
from tests.builders import article
from tests.pilot import MakeApp, settle
from tui.messages import OpenArticle
from tui.screens.article import ArticleScreen

PAYLOADS = "\x1b]52;c;cm0gLXJmIH4K\x07 \x1b]0;pwned\x07 \x1b[2J \x1b[?1049h \x1b[5n \x9b5n"
SIZE = (100, 30)


def _shown_controls(text: str) -> list[str]:
    return sorted({c for c in text if (ord(c) < 0x20 and c not in "\n\t") or 0x7F <= ord(c) < 0xA0})


async def test_reader_shows_payloads_as_symbols(make_app: MakeApp) -> None:
    """Title, outlet, URL and text with OSC/CSI payloads: the screen holds none of them."""
    hostile = article(
        (f"Talks resumed in Doha {PAYLOADS} on Sunday.", "More than 100 hostages are held."),
        title=f"Truce {PAYLOADS}",
        source=f"Outlet {PAYLOADS}",
        url=f"https://example.test/a{PAYLOADS}",
    )
    library = Library.in_memory([hostile])
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.post_message(OpenArticle(hostile.id))
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert _shown_controls(app.screen.title or "") == []
        assert _shown_controls(app.screen.sub_title or "") == []
        screen = app.export_screenshot()
        assert "␛]52" in screen
        assert _shown_controls(screen) == []
    library.close()
