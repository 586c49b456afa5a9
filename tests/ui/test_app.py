"""Pilot tests of app-wide keys: help, back/quit, command palette, theme."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.command import CommandPalette

from index import Library
from tests.pilot import MakeApp, settle
from tui.app import DARK_THEME, LIGHT_THEME
from tui.messages import OpenArticle
from tui.palette import ArticleCommands, BookmarkCommands
from tui.screens.article import ArticleScreen
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.help import HelpScreen
from tui.screens.search import SearchScreen

SIZE = (100, 30)


async def test_app_help_lists_reader_keys(make_app: MakeApp, library: Library) -> None:
    """`?` in the reader lists its keys (jumps, find, bookmark, toggles, back)."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.post_message(OpenArticle(library.search("Haniyeh").hits[0].article.id))
        await settle(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = dict((description, key) for key, description in app.screen.rows)
        for description in (
            "Next figure",
            "Previous figure",
            "Next party",
            "Previous party",
            "Bookmark",
            "Find",
            "Next hit",
            "Previous hit",
            "Open URL",
            "Toggle figures",
            "Back/quit",
            "Help",
            "Next paragraph",
        ):
            assert description in rows, description
        assert rows["Next figure"] == "f"
        await pilot.press("escape")
        assert isinstance(app.screen, ArticleScreen)


async def test_app_f1_help_on_search(make_app: MakeApp) -> None:
    """F1 on the search screen lists the search keys."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape", "f1")
        assert isinstance(app.screen, HelpScreen)
        descriptions = {description for _, description in app.screen.rows}
        assert {"Search", "Sort", "Facets", "Bookmarks"} <= descriptions


async def test_app_q_goes_back_then_quits(make_app: MakeApp, library: Library) -> None:
    """`q` closes the reader, the bookmarks screen, then quits at the root."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("B")
        await settle(pilot)
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("q")
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("q")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_value == 0


async def test_app_ctrl_q_quits_anywhere(make_app: MakeApp) -> None:
    """ctrl+q quits even while typing in the search input."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("h", "ctrl+q")
        await pilot.pause()
    assert not app.is_running


async def test_app_palette_has_own_commands(make_app: MakeApp) -> None:
    """ctrl+p opens the palette; the app's commands are offered."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert {"Bookmarks", "Index a folder…", "Light/dark theme", "Theme"} <= set(titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_app_palette_open_article_and_bookmark(make_app: MakeApp, library: Library) -> None:
    """The palette finds articles by words and bookmarks by quote, and opens them."""
    article_id = library.search("Haniyeh").hits[0].article.id
    library.add_bookmark(article_id, 1, note="ready for a deal")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles = ArticleCommands(app.screen)
        hits = [hit async for hit in articles.search("haniyeh russia")]
        assert hits
        assert hits[0].text is not None
        assert "Open article: Haniyeh" in hits[0].text
        marks = BookmarkCommands(app.screen)
        await marks.startup()
        found = [hit async for hit in marks.search("ready deal")]
        assert found
        found[0].command()
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article is not None
        assert app.screen.article.id == article_id


async def test_app_theme_toggle(make_app: MakeApp) -> None:
    """ctrl+t switches between the dark and the light theme."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == DARK_THEME
        await pilot.press("ctrl+t")
        assert app.theme == LIGHT_THEME


async def test_app_title_and_toasts_show_controls(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The header's title and sub-title, and every toast, carry no control character."""
    app = make_app()
    seen: list[str] = []

    def record(self: App[int], message: str, *, title: str = "", **kwargs: object) -> None:
        seen.extend((message, title))

    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.title = "T\x1b]0;pwned\x07"
        app.sub_title = "S\x9b5n"
        assert app.title == "T␛]0;pwned␇"
        assert app.sub_title == "S\ufffd5n"
        monkeypatch.setattr(App, "notify", record)
        app.screen.notify("x\x1b[2J", title="\x1b]52;c;AA==\x07")
    assert seen == ["x␛[2J", "␛]52;c;AA==␇"]
