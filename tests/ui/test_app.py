"""Pilot tests of app-wide keys: help, back/quit, command palette, theme."""

from __future__ import annotations

import pytest
from textual.app import App
from textual.command import CommandPalette
from textual.pilot import Pilot

from index import Library
from tests.pilot import MakeApp, settle
from tui.app import DARK_THEME, LIGHT_THEME, NewsdeskApp
from tui.messages import OpenArticle
from tui.palette import ArticleCommands, BookmarkCommands
from tui.screens.article import ArticleScreen
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.dialogs import BookmarkDialog
from tui.screens.help import HelpScreen
from tui.screens.search import SearchScreen
from tui.widgets.results_list import ResultsList

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
        # Let the palette's own workers (gathering the commands) finish, then close it: a
        # palette torn down mid-search fails its worker ("No nodes match 'CommandList'").
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, CommandPalette)


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


async def test_app_palette_open_lists_articles(make_app: MakeApp) -> None:
    """Typing "open" (the README's "open article…") lists articles to open; words search."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        articles = ArticleCommands(app.screen)
        for typed in ("open", "open art", "open article"):
            hits = [hit async for hit in articles.search(typed)]
            assert len(hits) == 5, typed
            assert all(hit.text and hit.text.startswith("Open article: ") for hit in hits)
        found = [hit async for hit in articles.search("open article haniyeh")]
        assert found
        assert found[0].text is not None
        assert "Haniyeh" in found[0].text
        found[0].command()
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)


async def test_app_palette_has_one_help(make_app: MakeApp) -> None:
    """The palette offers the app's Help, not also Textual's "Keys"."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert titles.count("Help") == 1
        assert "Keys" not in titles


async def test_app_toasts_are_short_and_clear_of_the_results(make_app: MakeApp) -> None:
    """At 80x24 a toast is one line at the top right, above the results; it goes in ~3.5 s."""
    app = make_app()
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)
        app.notify("Indexed 3 files", markup=False)
        await pilot.pause()
        await pilot.pause()
        toast = app.screen.query_one("Toast")
        results = app.screen.query_one(ResultsList)
        assert toast.region.height == 1
        assert toast.region.bottom <= results.region.y
        assert toast.region.x >= 40  # the right half
        assert app.NOTIFICATION_TIMEOUT <= 4


async def open_haniyeh(app: NewsdeskApp, pilot: Pilot[int], library: Library) -> None:
    await settle(pilot)
    app.post_message(OpenArticle(library.search("Haniyeh").hits[0].article.id))
    await settle(pilot)


async def test_app_footer_shows_what_fits_most_used_first(
    make_app: MakeApp, library: Library
) -> None:
    """At 80 columns the reader's footer keeps whole hints, its most used first, and `?`."""
    from tui.widgets.key_footer import KeyFooter

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_haniyeh(app, pilot, library)
        footer = app.screen.query_one(KeyFooter)
        keys = [binding.key.split(",")[0] for binding in footer.shown]
        assert keys[:3] == ["m", "f", "p"]
        assert "question_mark" in keys
        line = str(footer.render())
        assert len(line) == 80
        assert line.rstrip().endswith("^p palette")
        assert "Bookmark" in line
        assert "▏" not in line
        await pilot.resize_terminal(200, 40)
        await pilot.pause()
        wide = [binding.key.split(",")[0] for binding in footer.shown]
        assert {"y", "o", "q", "B"} <= set(wide)
        await pilot.click(KeyFooter, offset=(2, 0))  # the first hint: m Bookmark
        await pilot.pause()
        assert isinstance(app.screen, BookmarkDialog)


async def test_app_help_groups_the_screens_keys_first_without_textual_generics(
    make_app: MakeApp, library: Library
) -> None:
    """Help lists the reader's keys, its text's, then the app's; no Scroll Left; j/G scroll it."""
    from textual.containers import VerticalScroll

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_haniyeh(app, pilot, library)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        headings = [heading for heading, _ in app.screen.groups]
        assert headings == ["This screen", "In the focused panel", "Everywhere"]
        own = {description for _, description in app.screen.groups[0][1]}
        panel = {description for _, description in app.screen.groups[1][1]}
        everywhere = {description for _, description in app.screen.groups[2][1]}
        assert {"Bookmark", "Find", "Copy", "Next article"} <= own
        assert {"Next figure", "Next sentence", "Next paragraph"} <= panel
        assert {"Back/quit", "Help", "Bookmarks", "palette"} <= everywhere
        generic = {"Scroll Left", "Scroll Right", "Page Left", "Page Right", "Scroll Home"}
        assert not generic & {description for _, description in app.screen.rows}
        body = app.screen.query_one("#help-body", VerticalScroll)
        assert body.max_scroll_y > 0
        await pilot.press("G")
        await pilot.pause()
        assert body.scroll_y == body.max_scroll_y
        await pilot.press("g", "j")
        await pilot.pause()
        assert body.scroll_y == 1


async def test_app_escape_closes_what_is_open_else_goes_back(
    make_app: MakeApp, library: Library
) -> None:
    """Esc: the find bar, then back; the bookmarks filter, then back; never quits at the root."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        await pilot.press("slash", "escape")
        assert isinstance(app.screen, ArticleScreen)
        assert not app.screen.query_one("#find-bar").has_class("-active")
        await pilot.press("escape")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("B")
        await settle(pilot)
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("slash", "escape")
        assert isinstance(app.screen, BookmarksScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("question_mark", "escape")
        assert isinstance(app.screen, SearchScreen)
        await pilot.press("escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, SearchScreen)
        assert app.is_running


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
