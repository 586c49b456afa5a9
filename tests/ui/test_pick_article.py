"""Pilot tests of the article picker: related reports first, Enter picks, typing searches."""

from __future__ import annotations

from textual.widgets import Input

from index import ArticleId, Library
from tests.pilot import settle
from tui.app import NewsdeskApp
from tui.screens.pick_article import PickArticleDialog
from tui.widgets.results_list import ResultsList

SIZE = (100, 30)
SEED_004 = "4728"
SEED_002 = "15b3"


class Picked:
    """Records what the dialog was dismissed with."""

    def __init__(self) -> None:
        self.values: list[ArticleId | None] = []

    def __call__(self, value: ArticleId | None) -> None:
        self.values.append(value)


async def test_pick_article_suggests_most_similar_first(seeds_library: Library) -> None:
    """The list opens on the related reports, best first; Enter picks the first."""
    app = NewsdeskApp(seeds_library)
    picked = Picked()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        current = seeds_library.resolve(SEED_004)
        app.push_screen(PickArticleDialog(seeds_library, current), picked)
        await settle(pilot)
        related = [r.article.id for r in seeds_library.related(current)]
        results = app.screen.query_one(ResultsList)
        assert results.article_ids == related
        assert current not in results.article_ids
        assert app.screen.query_one("#pick-query", Input).has_focus
        await pilot.press("enter")
        await settle(pilot)
        assert picked.values == [related[0]]


async def test_pick_article_down_then_enter_picks_second(seeds_library: Library) -> None:
    """From 004 the second suggestion is one `down` away."""
    app = NewsdeskApp(seeds_library)
    picked = Picked()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        current = seeds_library.resolve(SEED_004)
        app.push_screen(PickArticleDialog(seeds_library, current), picked)
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        second = seeds_library.related(current)[1].article.id
        assert picked.values == [second]


async def test_pick_article_typing_searches(seeds_library: Library) -> None:
    """Typing lists search hits (not the current article); Enter picks the first hit."""
    app = NewsdeskApp(seeds_library)
    picked = Picked()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(PickArticleDialog(seeds_library, seeds_library.resolve(SEED_004)), picked)
        await settle(pilot)
        await pilot.press(*"Burns")
        await settle(pilot)
        query = app.screen.query_one("#pick-query", Input)
        assert query.value == "Burns"
        hits = [hit.article.id for hit in seeds_library.search("Burns", as_you_type=True).hits]
        results = app.screen.query_one(ResultsList)
        assert results.article_ids == [i for i in hits if i != seeds_library.resolve(SEED_004)]
        assert results.article_ids[0] == seeds_library.resolve(SEED_002)
        await pilot.press("enter")
        await settle(pilot)
        assert picked.values == [seeds_library.resolve(SEED_002)]


async def test_pick_article_cleared_query_restores_suggestions(seeds_library: Library) -> None:
    """Emptying the input shows the related reports again."""
    app = NewsdeskApp(seeds_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        current = seeds_library.resolve(SEED_004)
        app.push_screen(PickArticleDialog(seeds_library, current))
        await settle(pilot)
        await pilot.press(*"Burns")
        await settle(pilot)
        await pilot.press(*["backspace"] * 5)
        await settle(pilot)
        related = [r.article.id for r in seeds_library.related(current)]
        assert app.screen.query_one(ResultsList).article_ids == related


async def test_pick_article_typing_on_the_list_moves_to_the_input(seeds_library: Library) -> None:
    """A printable key pressed on the list goes to the search input, after what was typed."""
    app = NewsdeskApp(seeds_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(PickArticleDialog(seeds_library, seeds_library.resolve(SEED_004)))
        await settle(pilot)
        await pilot.press("down")
        assert app.screen.query_one(ResultsList).has_focus
        await pilot.press(*"cia")
        await settle(pilot)
        query = app.screen.query_one("#pick-query", Input)
        assert query.has_focus
        assert query.value == "cia"
        assert app.screen.query_one(ResultsList).article_ids[0] == seeds_library.resolve(SEED_002)


async def test_pick_article_escape_cancels(seeds_library: Library) -> None:
    """Escape closes the picker with None."""
    app = NewsdeskApp(seeds_library)
    picked = Picked()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(PickArticleDialog(seeds_library, seeds_library.resolve(SEED_004)), picked)
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert picked.values == [None]
        assert not isinstance(app.screen, PickArticleDialog)
