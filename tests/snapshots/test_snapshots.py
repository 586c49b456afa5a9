"""Layout snapshots (at most ten): what state assertions cannot show.

Update only after reading the report: `pytest tests/snapshots --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import pytest
from textual.pilot import Pilot

from index import Library
from tests.pilot import settle
from tui.app import NewsdeskApp
from tui.messages import OpenArticle

SnapCompare = Callable[..., bool]


def typed(query: str) -> Callable[[Pilot[int]], Awaitable[None]]:
    async def run(pilot: Pilot[int]) -> None:
        await settle(pilot)
        await pilot.press("slash", *query, "enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)

    return run


def reading(
    library: Library, words: str, keys: tuple[str, ...] = ()
) -> Callable[[Pilot[int]], Awaitable[None]]:
    hit = library.search(words)
    article_id, terms = hit.hits[0].article.id, hit.terms

    async def run(pilot: Pilot[int]) -> None:
        await settle(pilot)
        pilot.app.post_message(OpenArticle(article_id, terms))
        await settle(pilot)
        await pilot.press(*keys)
        await settle(pilot)

    return run


def bookmark_two(library: Library) -> None:
    doha = library.search("Doha families rallied").hits[0].article.id
    cairo = library.search("Cairo delegation Hayya").hits[0].article.id
    library.add_bookmark(doha, 2, 0, 81, note="toll differs from AP", tags=("figures", "toll"))
    library.add_bookmark(cairo, 1, tags=("proposal",))


def test_snapshot_search_results(snap_compare: SnapCompare, library: Library) -> None:
    """Results for "hostages" at 100x30: each entry shows a bold title, dim outlet · date, a
    snippet with "hostages" reversed, and ‹party›/‹measure› chips; the right panel lists
    Outlet/Party/Month facets, count first ("1 example-daily.test", "1 unknown outlet"); the
    status line says "1 / 5 results · sorted by relevance".
    """
    assert snap_compare(NewsdeskApp(library), terminal_size=(100, 30), run_before=typed("hostages"))


def test_snapshot_reader_all_highlights(snap_compare: SnapCompare, library: Library) -> None:
    """The Cairo article opened from the query "hostages" at 120x36, after `f`: figures bold
    and underlined (amber), parties italic (green), "hostages" reversed, the current figure
    solid; the cursor paragraph has a ▌ gutter; the legend shows [1]figure [2]party [3]match
    [4]◆ bookmark; the side panel lists the figures (measure: text, attribution) and parties;
    the status line under the text says "figure 1 / 4 · hostages released · 33 hostages · no
    attribution".
    """
    app = NewsdeskApp(library)
    assert snap_compare(
        app,
        terminal_size=(120, 36),
        run_before=reading(library, "hostages Cairo delegation", ("f",)),
    )


def test_snapshot_reader_bookmark_marker(snap_compare: SnapCompare, library: Library) -> None:
    """The Doha article with a bookmarked first sentence of paragraph 3: a ◆ in the gutter and
    the sentence underlined; the cursor (▌) sits on it because it was opened from the bookmark.
    """
    bookmark_two(library)
    mark = library.bookmarks()[0]

    async def run(pilot: Pilot[int]) -> None:
        await settle(pilot)
        pilot.app.post_message(
            OpenArticle(mark.article_id, (), mark.paragraph, mark.start, mark.end)
        )
        await settle(pilot)

    assert snap_compare(NewsdeskApp(library), terminal_size=(100, 30), run_before=run)


def test_snapshot_bookmarks(snap_compare: SnapCompare, library: Library) -> None:
    """The bookmarks screen: two entries, each "[anchored] <title>", the quote in “…”, a note
    line for the first and ‹tag› chips; status line "2 of 2 bookmarks (2 anchored)".
    """
    bookmark_two(library)

    async def run(pilot: Pilot[int]) -> None:
        await settle(pilot)
        await pilot.press("escape", "B")
        await settle(pilot)

    assert snap_compare(NewsdeskApp(library), terminal_size=(100, 30), run_before=run)


def test_snapshot_narrow_search(snap_compare: SnapCompare, library: Library) -> None:
    """80x24 search results: no facet panel (it only appears when focused), the results list
    uses the full width, the footer still shows the key hints.
    """
    assert snap_compare(NewsdeskApp(library), terminal_size=(80, 24), run_before=typed("truce"))


def test_snapshot_narrow_reader(snap_compare: SnapCompare, library: Library) -> None:
    """80x24 reader: no side panel, text wraps to the full width, the legend fits on one line
    or wraps cleanly, metadata line on top; the status line names the party under the cursor.
    """
    app = NewsdeskApp(library)
    assert snap_compare(
        app, terminal_size=(80, 24), run_before=reading(library, "Haniyeh guarantors", ("p",))
    )


def test_snapshot_reader_no_color(
    snap_compare: SnapCompare, library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """NO_COLOR reader: no colours at all, yet figures are bold+underlined, parties italic,
    query matches reversed, and the cursor paragraph has the ▌ gutter mark.
    """
    monkeypatch.setenv("NO_COLOR", "1")
    app = NewsdeskApp(library)
    assert snap_compare(
        app,
        terminal_size=(100, 30),
        run_before=reading(library, "hostages Cairo delegation", ("f",)),
    )


def test_snapshot_wide_reader(snap_compare: SnapCompare, library: Library) -> None:
    """200x50 reader: the text column stops at ~100 characters a line, the side panel of
    figures and parties takes the rest; the status line says "paragraph 1 / 3".
    """
    app = NewsdeskApp(library)
    assert snap_compare(
        app, terminal_size=(200, 50), run_before=reading(library, "truce Qatar prisoners")
    )
