"""Pilot tests of the article picker: related reports first, Enter picks, typing searches."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from textual.widgets import Input

from index import ArticleId, Library
from tui.app import NewsdeskApp
from tui.screens.pick_article import PickArticleDialog
from tui.widgets.results_list import ResultsList

if TYPE_CHECKING:
    from tests.ui.conftest import Settle

SIZE = (100, 30)
SEED_004 = "4728"
SEED_002 = "15b3"


@pytest.fixture
def seeds(seeds_dir: Path) -> Iterator[Library]:
    """A RAM library holding the five seed articles."""
    library = Library.in_memory()
    library.index_paths([seeds_dir])
    yield library
    library.close()


class Picked:
    """Records what the dialog was dismissed with."""

    def __init__(self) -> None:
        self.values: list[ArticleId | None] = []

    def __call__(self, value: ArticleId | None) -> None:
        self.values.append(value)


async def test_pick_article_suggests_most_similar_first(seeds: Library, settle: Settle) -> None:
    """The list opens on the related reports, best first; Enter picks the first."""
    app = NewsdeskApp(seeds)
    picked = Picked()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        current = seeds.resolve(SEED_004)
        app.push_screen(PickArticleDialog(seeds, current), picked)
        await settle(pilot)
        related = [r.article.id for r in seeds.related(current)]
        results = app.screen.query_one(ResultsList)
        assert results.article_ids == related
        assert current not in results.article_ids
        assert app.screen.query_one("#pick-query", Input).has_focus
        await pilot.press("enter")
        await settle(pilot)
        assert picked.values == [related[0]]


async def test_pick_article_down_then_enter_picks_second(seeds: Library, settle: Settle) -> None:
    """From 004 the second suggestion is one `down` away."""
    app = NewsdeskApp(seeds)
    picked = Picked()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        current = seeds.resolve(SEED_004)
        app.push_screen(PickArticleDialog(seeds, current), picked)
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        second = seeds.related(current)[1].article.id
        assert picked.values == [second]


async def test_pick_article_typing_searches(seeds: Library, settle: Settle) -> None:
    """Typing lists search hits (not the current article); Enter picks the first hit."""
    app = NewsdeskApp(seeds)
    picked = Picked()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(PickArticleDialog(seeds, seeds.resolve(SEED_004)), picked)
        await settle(pilot)
        await pilot.press(*"Burns")
        await settle(pilot)
        query = app.screen.query_one("#pick-query", Input)
        assert query.value == "Burns"
        hits = [hit.article.id for hit in seeds.search("Burns", as_you_type=True).hits]
        results = app.screen.query_one(ResultsList)
        assert results.article_ids == [i for i in hits if i != seeds.resolve(SEED_004)]
        assert results.article_ids[0] == seeds.resolve(SEED_002)
        await pilot.press("enter")
        await settle(pilot)
        assert picked.values == [seeds.resolve(SEED_002)]


async def test_pick_article_cleared_query_restores_suggestions(
    seeds: Library, settle: Settle
) -> None:
    """Emptying the input shows the related reports again."""
    app = NewsdeskApp(seeds)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        current = seeds.resolve(SEED_004)
        app.push_screen(PickArticleDialog(seeds, current))
        await settle(pilot)
        await pilot.press(*"Burns")
        await settle(pilot)
        await pilot.press(*["backspace"] * 5)
        await settle(pilot)
        related = [r.article.id for r in seeds.related(current)]
        assert app.screen.query_one(ResultsList).article_ids == related


async def test_pick_article_typing_on_the_list_moves_to_the_input(
    seeds: Library, settle: Settle
) -> None:
    """A printable key pressed on the list goes to the search input, after what was typed."""
    app = NewsdeskApp(seeds)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(PickArticleDialog(seeds, seeds.resolve(SEED_004)))
        await settle(pilot)
        await pilot.press("down")
        assert app.screen.query_one(ResultsList).has_focus
        await pilot.press(*"cia")
        await settle(pilot)
        query = app.screen.query_one("#pick-query", Input)
        assert query.has_focus
        assert query.value == "cia"
        assert app.screen.query_one(ResultsList).article_ids[0] == seeds.resolve(SEED_002)


async def test_pick_article_escape_cancels(seeds: Library, settle: Settle) -> None:
    """Escape closes the picker with None."""
    app = NewsdeskApp(seeds)
    picked = Picked()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.push_screen(PickArticleDialog(seeds, seeds.resolve(SEED_004)), picked)
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert picked.values == [None]
        assert not isinstance(app.screen, PickArticleDialog)
