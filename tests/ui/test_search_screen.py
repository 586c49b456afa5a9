"""Pilot tests of the search screen: first run, search as you type, facets, sort, notices."""

from __future__ import annotations

import gc
from datetime import date, timedelta
from pathlib import Path

import pytest
from textual import events
from textual.app import App
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Input, Static

from index import ArticleId, DataPaths, FacetValue, Library, SearchPage
from tests.builders import article
from tests.pilot import MakeApp, Notes, settle
from tui import idle_collection
from tui.app import NewsdeskApp
from tui.screens import search as search_screen
from tui.screens.article import ArticleScreen
from tui.screens.search import SearchScreen
from tui.widgets import results_list
from tui.widgets.facet_panel import FacetPanel
from tui.widgets.results_list import ResultsList
from tui.widgets.search_bar import SearchBar

SIZE = (100, 30)


def results(app: App[int]) -> ResultsList:
    return app.screen.query_one(ResultsList)


def titles(app: NewsdeskApp, library: Library) -> list[str]:
    return [library.article(article_id).title for article_id in results(app).article_ids]


async def test_search_first_run_indexes_seeds(make_app: MakeApp, seeds_dir: Path) -> None:
    """An empty library indexes the seed folder with progress, then lists the seeds."""
    seen: list[Message] = []
    library = Library.in_memory()
    app = make_app(library, seed_dir=seeds_dir)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert len(results(app).article_ids) == 5
        assert app.screen.sub_title == "5 articles"
        assert any(isinstance(m, SearchScreen.IndexProgress) for m in seen)
        assert not app.screen.query_one("#indexing").has_class("-active")


async def test_search_later_run_opens_existing_library(make_app: MakeApp, seeds_dir: Path) -> None:
    """A library that has articles is listed newest first, without indexing again."""
    seen: list[Message] = []
    app = make_app(seed_dir=seeds_dir)
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await settle(pilot)
        assert not any(isinstance(m, SearchScreen.IndexProgress) for m in seen)
        dates = [app.library.article(i).published for i in results(app).article_ids]
        assert dates[0] is not None
        assert dates == sorted(dates, key=lambda d: d.isoformat() if d else "", reverse=True)
        assert app.screen.sub_title == "5 articles"


async def test_search_typing_lists_matching_article(make_app: MakeApp, library: Library) -> None:
    """Typing words of one article's body lists that article first."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"guarantors russia", "enter")
        await settle(pilot)
        assert titles(app, library)[0].startswith("Haniyeh says Russia")
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.page is not None
        assert app.screen.page.total >= 1


async def test_search_keystrokes_are_debounced(make_app: MakeApp) -> None:
    """Fast typing starts fewer searches than keystrokes (the timer restarts per key)."""
    seen: list[Message] = []
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ceasefire")
        await pilot.press("enter")
        await settle(pilot)
        # The hook sees a message at every node it bubbles through: count each one once.
        changed = list({id(m): m for m in seen if isinstance(m, SearchBar.QueryChanged)}.values())
        assert 1 <= len(changed) < len("ceasefire")
        assert changed[-1].query == "ceasefire"


async def test_search_full_collections_wait_for_a_pause_in_typing(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Once warm, full collections are held back; a pause after a search runs one."""
    collected: list[int] = []
    monkeypatch.setattr(idle_collection, "IDLE_SECONDS", 1.0)
    monkeypatch.setattr(search_screen, "IDLE_SECONDS", 1.0)

    def collect(generation: int = 2) -> int:
        collected.append(generation)
        return 0

    monkeypatch.setattr(gc, "collect", collect)
    thresholds = gc.get_threshold()
    app = make_app()
    try:
        async with app.run_test(size=SIZE) as pilot:
            await settle(pilot)
            await app.workers.wait_for_complete()
            assert gc.get_threshold()[2] == idle_collection.HELD_FULL_AFTER
            collected.clear()
            await pilot.press("slash", *"truce")
            await settle(pilot)
            assert collected == []
            await pilot.pause(1.3)
            assert collected == [2]
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()


async def test_search_stale_results_are_dropped(make_app: MakeApp, library: Library) -> None:
    """Results for a query the input no longer holds are not shown."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"haniyeh", "enter")
        await settle(pilot)
        shown = list(results(app).article_ids)
        stale = library.search("truce", as_you_type=True)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        screen.post_message(SearchScreen.ResultsReady("truce", "relevance", stale))
        await settle(pilot)
        assert results(app).article_ids == shown
        assert screen.page is not None
        assert screen.page.query == "haniyeh"


async def search_typed(pilot: Pilot[int], words: str) -> None:
    """Once the app is settled, type `words` into the query, press Enter, settle again."""
    await settle(pilot)
    await pilot.press("slash", *words, "enter")
    await settle(pilot)


async def test_search_hits_come_first_then_their_facets(
    make_app: MakeApp, library: Library
) -> None:
    """A search's hits are shown without facets (the old ones dimmed), then its facets."""
    seen: list[Message] = []
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await search_typed(pilot, "haniyeh")
        panel = app.screen.query_one(FacetPanel)
        ready = [m for m in seen if isinstance(m, SearchScreen.ResultsReady)]
        counted = [m for m in seen if isinstance(m, SearchScreen.FacetsReady)]
        assert ready[-1].query == "haniyeh"
        assert ready[-1].page.facets == {}  # the hits did not wait for the facets
        assert [m.query for m in counted][-1:] == ["haniyeh"]
        expected = library.search("haniyeh", as_you_type=True).facets
        assert counted[-1].facets == expected
        shown = [(f, v.value) for f, values in expected.items() for v in values]
        assert panel.values == shown
        assert not panel.has_class("-stale")


async def test_search_new_facet_counts_do_not_lay_out_the_screen(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counts that replace the facets (each pause in typing) repaint the panel, no layout.

    The panel's size is set by CSS, so its rows changing in number moves nothing else; a
    layout of the whole screen each time cost 5-11 ms at 100k articles, often in the middle
    of the next keystroke. Both sets of rows overflow the panel (its scrollbar stays).
    """
    app = make_app()
    async with app.run_test(size=(100, 20)) as pilot:
        await search_typed(pilot, "haniyeh")
        screen = app.screen
        panel = screen.query_one(FacetPanel)
        layouts: list[None] = []
        real_layout = screen._refresh_layout

        def counted_layout(*args: object, **kwargs: object) -> None:
            layouts.append(None)
            real_layout(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(screen, "_refresh_layout", counted_layout)
        many = {
            "source": tuple(FacetValue(f"Outlet {n}", 30 - n) for n in range(8)),
            "party": tuple(FacetValue(f"Party {n}", 20 - n) for n in range(8)),
            "month": (),
        }
        fewer = {"source": many["source"][:5], "party": many["party"][:6], "month": ()}
        for facets in (many, fewer, many):
            panel.show_facets(facets)
            await pilot.pause()
            assert panel.virtual_size.height > panel.scrollable_content_region.height
            shown = [(field, v.value) for field, values in facets.items() for v in values]
            assert panel.values == shown
        assert layouts == []


async def test_search_typing_on_cancels_the_facets_of_the_query_before(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Facets wait for a pause: a query typed over before it never has its facets counted."""
    monkeypatch.setattr(search_screen, "FACETS_DELAY", 0.6)
    seen: list[Message] = []
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        await pilot.press("slash", *"haniyeh", "enter")
        while screen.page is None or screen.page.query != "haniyeh":
            await pilot.pause(0.01)
        assert screen.query_one(FacetPanel).has_class("-stale")  # still the old counts
        screen.query_one("#search-input", Input).value = "truce"
        await settle(pilot)  # the hits of "truce"; its facets wait for the pause
        assert not any(isinstance(m, SearchScreen.FacetsReady) for m in seen)
        await pilot.pause(search_screen.FACETS_DELAY)
        await settle(pilot)
        counted = {m.query for m in seen if isinstance(m, SearchScreen.FacetsReady)}
        assert counted == {"truce"}
        assert not screen.query_one(FacetPanel).has_class("-stale")


async def test_search_facets_of_a_query_no_longer_shown_are_dropped(make_app: MakeApp) -> None:
    """Facets that arrive for another query than the one shown leave the panel as it is."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await search_typed(pilot, "haniyeh")
        panel = app.screen.query_one(FacetPanel)
        before = list(panel.values)
        other = {"source": (FacetValue("Elsewhere", 9),), "party": (), "month": ()}
        app.screen.post_message(SearchScreen.FacetsReady("truce", "relevance", other))
        await settle(pilot)
        assert panel.values == before


async def pick_first_facet(
    app: NewsdeskApp, pilot: Pilot[int]
) -> tuple[list[ArticleId], tuple[str, str]]:
    """Search "hostages", then choose the first facet: the ids listed before, the facet."""
    await settle(pilot)
    await pilot.press("slash", *"hostages", "enter")
    await settle(pilot)
    before = list(results(app).article_ids)
    facet = app.screen.query_one(FacetPanel).values[0]
    await pilot.press("escape", "a", "down", "enter")
    await settle(pilot)
    return before, facet


async def test_search_facet_filters_results(make_app: MakeApp, library: Library) -> None:
    """Choosing an outlet facet adds a source filter and narrows the results."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        before, (field, value) = await pick_first_facet(app, pilot)
        assert field == "source"
        bar = app.screen.query_one(SearchBar)
        assert f'source:"{value}"' in bar.value
        ids = results(app).article_ids
        assert 1 <= len(ids) < len(before)
        assert all(library.article(i).source == value for i in ids)


async def test_search_clear_filters_keeps_the_words(make_app: MakeApp) -> None:
    """`x` drops the facet filters from the query and searches the words again."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        before, _facet = await pick_first_facet(app, pilot)
        assert len(results(app).article_ids) < len(before)
        await pilot.press("x")
        await settle(pilot)
        assert app.screen.query_one(SearchBar).value == "hostages"
        assert results(app).article_ids == before


async def test_search_sort_toggle_orders_by_date(make_app: MakeApp) -> None:
    """`s` switches to date order and searches again."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"hostages", "enter")
        await settle(pilot)
        await pilot.press("escape", "s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert screen.sort == "date"
        assert screen.page is not None
        assert screen.page.sort == "date"
        dates = [app.library.article(i).published for i in results(app).article_ids]
        known = [d for d in dates if d is not None]
        assert known == sorted(known, reverse=True)


async def test_search_malformed_query_shows_inline_notice(make_app: MakeApp, notes: Notes) -> None:
    """A malformed query shows the fallback notice under the input, not a dialog."""
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        await settle(pilot)
        await pilot.press("slash", *'"hostages AND (', "enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        notice = app.screen.query_one("#search-notice", Static)
        assert not notice.has_class("-empty")
        assert str(notice.render()).startswith("⚠ ")
        assert app.screen.page is not None
        assert app.screen.page.notice
        assert results(app).article_ids, "the words are still searched"
        assert notes.texts("error") == []


async def test_search_enter_opens_reader(make_app: MakeApp) -> None:
    """Enter on a result opens it in the reader."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"haniyeh", "enter", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article is not None
        assert "Haniyeh" in app.screen.article.text


async def test_search_slash_focuses_input(make_app: MakeApp) -> None:
    """`/` moves the focus from the results back to the query input."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.focused, ResultsList)
        await pilot.press("slash")
        assert app.screen.query_one("#search-input", Input).has_focus


async def test_search_narrow_terminal_hides_facets(make_app: MakeApp) -> None:
    """At 80x24 the facet panel is hidden until focused; the results stay usable."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-narrow")
        assert not app.screen.query_one(FacetPanel).display or (
            app.screen.query_one(FacetPanel).size.width == 0
        )
        assert len(results(app).article_ids) == 5


async def test_search_did_you_mean_suggestion(make_app: MakeApp) -> None:
    """A misspelt query shows "Did you mean" inline; ctrl+y searches the suggestion."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"ceasfire", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert screen.page is not None
        assert screen.page.suggestion == "ceasefire"
        assert "Did you mean" in str(screen.query_one("#search-notice", Static).render())
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert screen.query_one(SearchBar).value == "ceasefire"
        assert screen.page.total >= 1


async def test_search_index_folder_command(make_app: MakeApp, data_dir: Path) -> None:
    """The palette's "Index a folder…" asks for a folder and indexes it with progress."""
    seen: list[Message] = []
    app = make_app(Library.in_memory())
    async with app.run_test(size=SIZE, message_hook=seen.append) as pilot:
        await settle(pilot)
        assert results(app).article_ids == []
        app.ask_folder()
        await pilot.pause()
        app.screen.query_one(Input).value = str(data_dir)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)
        assert len(results(app).article_ids) == 5
        assert any(isinstance(m, SearchScreen.IndexProgress) for m in seen)


def _folder_with_broken_files(data_dir: Path, folder: Path) -> Path:
    """One good article, a binary file and an empty one."""
    folder.mkdir()
    good = next(data_dir.glob("*.txt"))
    (folder / good.name).write_bytes(good.read_bytes())
    (folder / "broken.txt").write_bytes(b"\x00\x01binary")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    return folder


async def test_search_index_folder_names_the_files_it_skipped(
    make_app: MakeApp, data_dir: Path, tmp_path: Path, notes: Notes
) -> None:
    """Indexing a folder with broken files says which were skipped and why; the rest load."""
    folder = _folder_with_broken_files(data_dir, tmp_path / "mixed")
    app = make_app(Library.in_memory())
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        await settle(pilot)
        app.ask_folder()
        await pilot.pause()
        app.screen.query_one(Input).value = str(folder)
        await pilot.press("enter")
        await settle(pilot)
        assert len(results(app).article_ids) == 1
        (warning,) = notes.texts("warning")
        assert warning.startswith("Indexed 1 articles")
        assert "Skipped 2 files or records:" in warning
        assert "broken.txt: is binary data" in warning
        assert "empty.txt: is empty" in warning


async def test_search_slash_inside_the_query_is_a_character(make_app: MakeApp) -> None:
    """`/` focuses the query; pressed again in the query it types a slash."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"24", "slash", "7")
        await settle(pilot)
        assert app.screen.query_one(SearchBar).value == "24/7"


def many_articles(count: int) -> Library:
    """A RAM library of `count` dated articles about a ceasefire; the even ones have no outlet."""
    articles = [
        article(
            (f"Report {n}: the ceasefire talks went on for day {n}.",),
            article_id=f"many{n:03d}",
            title=f"Ceasefire report {n}",
            source="Sputnik" if n % 2 else None,
            published=date(2024, 1, 1) + timedelta(days=n),
        )
        for n in range(1, count + 1)
    ]
    return Library.in_memory(articles)


async def to_last_result(pilot: Pilot[int]) -> None:
    """Press G until the list has loaded every page (each G may load one more)."""
    listing = results(pilot.app)
    while True:
        loaded = len(listing.article_ids)
        await pilot.press("G")
        await settle(pilot)
        if len(listing.article_ids) == loaded:
            return


async def type_query(pilot: Pilot[int], text: str, *keys: str) -> None:
    """Focus the query, type `text`, press `keys` and wait for the results."""
    await settle(pilot)
    await pilot.press("slash", *text, *keys)
    await settle(pilot)


async def test_search_pages_past_the_first_page_of_results(make_app: MakeApp) -> None:
    """Moving down the list loads further pages: every result is reachable, its position shown."""
    library = many_articles(45)
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, "ceasefire", "enter")
        page_size = results(app).page_size
        assert len(results(app).article_ids) == page_size < 25
        for _ in range(25):
            await pilot.press("j")
            await settle(pilot)
        assert results(app).highlighted == 25
        assert len(results(app).article_ids) > 25 + results_list.LOAD_AHEAD
        status = str(app.screen.query_one("#status", Static).render())
        assert status.startswith("26 / 45 results")
        await to_last_result(pilot)
        assert len(results(app).article_ids) == 45
        assert len(set(results(app).article_ids)) == 45
        await pilot.press("j")
        await settle(pilot)
        assert results(app).highlighted == 44, "j on the last result does not wrap to the top"
        assert "45 / 45 results" in str(app.screen.query_one("#status", Static).render())
    library.close()


async def test_search_keys_typed_while_a_page_loads_are_not_lost(make_app: MakeApp) -> None:
    """34 j's arriving at once (a held key) end on the 35th result, across two page loads."""
    library = many_articles(40)
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, "ceasefire", "enter")
        assert 2 * results(app).page_size < 35
        for _ in range(34):  # posted at once, as a terminal delivers them (press() waits)
            app.post_message(events.Key("j", "j"))
        await settle(pilot)
        assert len(results(app).article_ids) == 40
        assert results(app).highlighted == 34
    library.close()


async def test_search_page_fills_the_list_whatever_its_height(make_app: MakeApp) -> None:
    """A search fetches enough rows to fill the list: more in a taller terminal."""
    library = many_articles(60)
    app = make_app(library)
    async with app.run_test(size=(100, 60)) as pilot:
        await type_query(pilot, "ceasefire", "enter")
        listing = results(app)
        assert listing.page_size > results_list.MIN_PAGE
        assert len(listing.article_ids) == listing.page_size
        assert listing.virtual_size.height > listing.scrollable_content_region.height
    library.close()


async def test_search_scrolling_with_the_mouse_loads_more(make_app: MakeApp) -> None:
    """Scrolling (the wheel) to the end of the loaded rows loads the next page; no cursor move."""
    library = many_articles(45)
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, "ceasefire", "enter")
        listing = results(app)
        first = len(listing.article_ids)
        assert first < 45
        for _ in range(3):
            listing.scroll_end(animate=False, immediate=True)
            await settle(pilot)
        assert len(listing.article_ids) > first
        assert listing.highlighted == 0
        assert len(set(listing.article_ids)) == len(listing.article_ids)
    library.close()


async def test_search_long_query_scrolls_to_the_cursor(make_app: MakeApp) -> None:
    """A query longer than the field scrolls, so the cursor stays in view."""
    app = make_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await settle(pilot)
        field = app.screen.query_one("#search-input", Input)
        await pilot.press("slash", *("ceasefire hostages " * 6).strip())
        await settle(pilot)
        assert field.scroll_x > 0
        left, _, width, _ = field.content_region
        assert left <= field.cursor_screen_offset.x <= left + width  # the end: one past the text
        await pilot.press("home")
        await settle(pilot)
        assert field.scroll_x == 0


async def test_search_newest_articles_are_paged_too(make_app: MakeApp) -> None:
    """With no query, the whole library is listed newest first, a page at a time."""
    library = many_articles(30)
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await to_last_result(pilot)
        assert len(results(app).article_ids) == 30
        assert results(app).article_ids[0] == "many030"
        assert str(app.screen.query_one("#status", Static).render()).startswith(
            "30 / 30 articles, newest first"
        )
        await pilot.press("g", "k")
        assert results(app).highlighted == 0, "k on the first result does not wrap"
    library.close()


async def test_search_typing_and_enter_give_one_answer(make_app: MakeApp) -> None:
    """The results shown while typing are the results after Enter."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, "hostag")
        typed = list(results(app).article_ids)
        assert typed
        await pilot.press("enter")
        await settle(pilot)
        assert results(app).article_ids == typed
        assert isinstance(app.focused, ResultsList)


async def test_search_misspelt_query_says_no_results_and_suggests(make_app: MakeApp) -> None:
    """A query with no results says so in the list, and suggests a spelling while typing."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await type_query(pilot, "ceasfire ")
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        assert screen.page is not None
        assert screen.page.suggestion == "ceasefire"
        assert "Did you mean" in str(screen.query_one("#search-notice", Static).render())
        listing = results(app)
        assert listing.article_ids == []
        message = str(listing.get_option_at_index(0).prompt)
        assert "No article matches “ceasfire”" in message
        assert "0 results" in str(screen.query_one("#status", Static).render())


async def test_search_facets_of_the_whole_library_with_no_query(make_app: MakeApp) -> None:
    """With no query the facets count the whole library, unknown outlet included."""
    library = many_articles(6)
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        panel = app.screen.query_one(FacetPanel)
        assert ("source", "Sputnik") in panel.values
        assert ("source", "none") in panel.values
        assert ("month", "2024-01") in panel.values
        rows = [str(panel.get_option_at_index(i).prompt) for i in range(panel.option_count)]
        assert "3 unknown outlet" in rows
        assert "3 Sputnik" in rows
        await pilot.press("a")
        index = panel.values.index(("source", "none"))
        await pilot.press(*["down"] * (index + 1), "enter")
        await settle(pilot)
        assert app.screen.query_one(SearchBar).value == 'source:"none"'
        assert sorted(results(app).article_ids) == ["many002", "many004", "many006"]
    library.close()


async def test_search_opens_on_the_saved_newest_page(tmp_path: Path, seeds_dir: Path) -> None:
    """A library indexed before shows its newest articles before its index is opened."""
    paths = DataPaths(data_dir=tmp_path / "home", config_dir=tmp_path / "home")
    indexed = Library.open(paths)
    indexed.index_paths([seeds_dir])
    expected = [hit.article.id for hit in indexed.newest_page()[1].hits]
    indexed.close()
    library = Library.open(paths, lazy=True)
    opened_when_listed: list[bool] = []

    def watch(message: Message) -> None:
        if isinstance(message, SearchScreen.LibraryReady):
            opened_when_listed.append(library._opened is not None)

    app = NewsdeskApp(library)
    async with app.run_test(size=SIZE, message_hook=watch) as pilot:
        await settle(pilot)
        assert opened_when_listed  # (the hook sees the message at the screen and the app)
        assert not any(opened_when_listed)
        assert results(app).article_ids == expected
        assert app.screen.sub_title == "5 articles"
        await pilot.press("slash", *"guarantors russia", "enter")
        await settle(pilot)
        assert library._opened is not None
        assert "Russia" in titles(app, library)[0]
    library.close()


async def test_search_first_run_lists_the_newest_page_computed_once(
    tmp_path: Path, seeds_dir: Path
) -> None:
    """Indexing the seeds saves the newest page; the app shows that page, not a second one."""
    library = Library.open(DataPaths(data_dir=tmp_path / "home", config_dir=tmp_path / "home"))
    queries: list[str] = []
    search = library.search

    def counted(query: str, **options: object) -> SearchPage:
        queries.append(query)
        return search(query, **options)  # type: ignore[arg-type]

    library.search = counted  # type: ignore[method-assign]
    app = NewsdeskApp(library, seed_dir=seeds_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(results(app).article_ids) == 5
        assert queries == [""]
    library.close()


async def test_search_an_emptied_library_still_gets_the_seeds(
    tmp_path: Path, seeds_dir: Path
) -> None:
    """A library whose index exists but holds no article (a folder of nothing indexed, or
    every file gone) has a saved newest page of 0 articles: launching with the seeds indexes
    them, as a first run does, instead of showing that empty page."""
    paths = DataPaths(data_dir=tmp_path / "home", config_dir=tmp_path / "home")
    empty = tmp_path / "empty"
    empty.mkdir()
    first = Library.open(paths)
    first.index_paths([empty])
    saved = first.saved_newest_page()
    assert saved is not None
    assert saved[0] == 0
    first.close()
    library = Library.open(paths)
    app = NewsdeskApp(library, seed_dir=seeds_dir)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(results(app).article_ids) == 5
        assert app.screen.sub_title == "5 articles"
    library.close()
