"""Pilot tests of the compare screen over the seeds: open, sync scroll, differences, swap."""

from __future__ import annotations

from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import DataTable

from index import ArticleId, FigureStatus, Library
from tests.pilot import Notes, settle
from tui.app import NewsdeskApp
from tui.screens.compare import CompareScreen, open_comparison
from tui.screens.compare_nav import Side, correspondence
from tui.screens.dialogs import BookmarkDialog
from tui.screens.help import HelpScreen
from tui.screens.pick_article import PickArticleDialog
from tui.widgets.compare_pane import ComparePane
from tui.widgets.comparison_summary import ComparisonSummary

WIDE = (160, 45)
NARROW = (80, 24)
SEED_004 = "4728"
"""Notícias ao Minuto: "more than 1,160 people" killed, according to an AFP count."""
SEED_002 = "15b3"
"""The Cairo talks report: "1,200 people" died."""


async def open_compare(
    app: NewsdeskApp, pilot: Pilot[int], a: str = SEED_004, b: str = SEED_002
) -> CompareScreen:
    await settle(pilot)
    screen = CompareScreen(app.library, app.library.resolve(a), app.library.resolve(b))
    app.push_screen(screen)
    await settle(pilot)
    assert app.screen is screen
    return screen


def shown(screen: CompareScreen, selector: str | type[Widget]) -> bool:
    return screen.query_one(selector).display


def panes(screen: CompareScreen) -> tuple[ComparePane, ComparePane]:
    return screen.pane(Side.A), screen.pane(Side.B)


async def test_compare_screen_shows_both_reports(seeds_library: Library) -> None:
    """A is 004 on the left, B is 002 on the right; killed 1,160 vs 1,200 is consistent."""
    app = NewsdeskApp(seeds_library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_compare(app, pilot)
        left, right = panes(screen)
        assert left.article is not None
        assert left.article.id == seeds_library.resolve(SEED_004)
        assert right.article is not None
        assert right.article.id == seeds_library.resolve(SEED_002)
        assert not screen.query_one("#panes").loading
        killed = [
            line
            for line in screen.query_one(ComparisonSummary).figures
            if line.measure == "killed · Israel" and "1,160" in line.a
        ]
        assert len(killed) == 1
        assert killed[0].b == "1,200 people"
        assert killed[0].status is FigureStatus.CONSISTENT
        assert "AFP count" in killed[0].attributions
        gaza = next(
            line
            for line in screen.query_one(ComparisonSummary).figures
            if line.measure.startswith("killed") and "27,840" in line.a
        )
        assert gaza.status is FigureStatus.DIFFER


async def test_compare_screen_marks_disagreeing_figures_in_both_panes(
    seeds_library: Library,
) -> None:
    """The differing Gaza tolls get a ≠ gutter cue in the paragraphs that hold them, each side."""
    app = NewsdeskApp(seeds_library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_compare(app, pilot)
        left, right = panes(screen)
        assert left.article is not None
        assert right.article is not None
        a_para = next(f.paragraph for f in left.article.figures if "27,840" in f.text)
        b_para = next(f.paragraph for f in right.article.figures if "34,600" in f.text)
        consistent = next(f.paragraph for f in left.article.figures if "1,160" in f.text)
        assert a_para is not None
        assert b_para is not None
        assert consistent is not None
        assert "≠" in left.row(a_para).cues
        assert "≠" in right.row(b_para).cues
        assert "≠" not in left.row(consistent).cues
        assert left.row(0).cues[1] in "A=≈B"


async def test_compare_screen_sync_scroll(seeds_library: Library) -> None:
    """Scrolling A brings B to the aligned paragraph while sync is on, and not once it is off."""
    app = NewsdeskApp(seeds_library)
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_compare(app, pilot)
        left, right = panes(screen)
        assert screen.comparison is not None
        assert left.article is not None
        mapping = correspondence(screen.comparison, Side.A, len(left.article.paragraphs))
        target = left.row(8).virtual_region.y - left.row(0).virtual_region.y
        left.scroll_to(y=target, animate=False, immediate=True)
        await settle(pilot)
        assert left.top_paragraph()[0] == 8
        assert mapping[8] is not None
        assert right.top_paragraph()[0] == mapping[8]
        await pilot.press("s")
        assert not screen.sync
        before = right.scroll_y
        left.scroll_to(y=0, animate=False, immediate=True)
        await settle(pilot)
        assert left.top_paragraph()[0] == 0
        assert right.scroll_y == before


async def test_compare_screen_jumps_to_differences(seeds_library: Library) -> None:
    """`]` lands both panes on the differing Gaza tolls with both attributions; `[` goes back."""
    app = NewsdeskApp(seeds_library)
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_compare(app, pilot)
        left, right = panes(screen)
        assert left.article is not None
        assert right.article is not None
        await pilot.press("right_square_bracket")
        await settle(pilot)
        count = len(screen.differences)
        assert screen.current == 0
        assert (
            f"1/{count}: killed · Palestinians · Gaza — 27,840 vs more than 34,600 (according"
            in screen.status_text
        )
        a_fig = next(f for f in left.article.figures if "27,840" in f.text)
        b_fig = next(f for f in right.article.figures if "34,600" in f.text)
        assert (left.cursor, right.cursor) == (a_fig.paragraph, b_fig.paragraph)
        assert a_fig.paragraph is not None
        assert b_fig.paragraph is not None
        # Scrolled to the figure (as far as the end of the report allows).
        assert 0 < left.top_paragraph()[0] <= a_fig.paragraph
        assert 0 < right.top_paragraph()[0] <= b_fig.paragraph
        await pilot.press("right_square_bracket")
        assert screen.current == 1
        assert screen.status_text.count(f"2/{count}: ") == 1
        await pilot.press("left_square_bracket")
        assert screen.current == 0
        assert f"1/{count}: killed" in screen.status_text


async def test_compare_screen_swaps_sides(seeds_library: Library) -> None:
    """`x` puts the former B on the left, and the figure table's columns follow."""
    app = NewsdeskApp(seeds_library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_compare(app, pilot)
        await pilot.press("x")
        await settle(pilot)
        left, right = panes(screen)
        assert left.article is not None
        assert left.article.id == seeds_library.resolve(SEED_002)
        assert right.article is not None
        assert right.article.id == seeds_library.resolve(SEED_004)
        killed = next(
            line for line in screen.query_one(ComparisonSummary).figures if line.a == "1,200 people"
        )
        assert "1,160" in killed.b
        assert killed.status is FigureStatus.CONSISTENT
        assert (screen.a_id, screen.b_id) == (left.article.id, right.article.id)


async def test_compare_screen_summary_toggle(seeds_library: Library) -> None:
    """Wide: the summary shows, `t` hides it; narrow: hidden, `t` shows it in the panes' place."""
    app = NewsdeskApp(seeds_library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_compare(app, pilot)
        assert shown(screen, ComparisonSummary)
        await pilot.press("t")
        assert not shown(screen, ComparisonSummary)
    app = NewsdeskApp(seeds_library)
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_compare(app, pilot)
        assert not shown(screen, ComparisonSummary)
        await pilot.press("t")
        assert shown(screen, ComparisonSummary)
        assert not shown(screen, "#panes")


async def test_compare_screen_summary_attributions_read_at_80_columns(
    seeds_library: Library,
) -> None:
    """At 80×24 each figure's source is drawn under it, inside the visible table width."""
    app = NewsdeskApp(seeds_library)
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_compare(app, pilot)
        await pilot.press("t")
        await settle(pilot)
        table = screen.query_one("#summary-figures", DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        index = next(
            n
            for n, line in enumerate(screen.query_one(ComparisonSummary).figures)
            if "1,160" in line.a
        )
        cell = table.get_row_at(index)[1]
        assert "1,160" in cell.plain
        assert "AFP count" in cell.plain.split("\n", 1)[1]


async def test_compare_screen_bookmarks_in_focused_pane(seeds_library: Library) -> None:
    """`m` in pane B bookmarks B's paragraph under the cursor, with the typed note."""
    app = NewsdeskApp(seeds_library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_compare(app, pilot)
        await pilot.press("l", "j", "m")
        dialog = app.screen
        assert isinstance(dialog, BookmarkDialog)
        await pilot.press(*"toll", "enter", "enter")
        await settle(pilot)
        assert not dialog.is_attached
        assert isinstance(app.screen, CompareScreen)
        marks = seeds_library.bookmarks()
        assert [(m.article_id, m.paragraph, m.note) for m in marks] == [
            (seeds_library.resolve(SEED_002), 1, "toll")
        ]
        assert "◆" in screen.pane(Side.B).row(1).cues


async def test_compare_screen_help_and_back(seeds_library: Library) -> None:
    """`?` lists the compare keys; `q` goes back to the screen underneath."""
    app = NewsdeskApp(seeds_library)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        under = app.screen
        await open_compare(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        described = {description for _, description in app.screen.rows}
        assert {"Next difference", "Previous difference", "Sync scroll", "Swap A/B"} <= described
        assert {"Summary", "Bookmark", "Back"} <= described
        await pilot.press("escape")
        await pilot.press("q")
        await settle(pilot)
        assert app.screen is under


async def test_compare_screen_unknown_article_notifies(
    seeds_library: Library, notes: Notes
) -> None:
    """A missing article is an error notification, not a crash."""
    app = NewsdeskApp(seeds_library)
    async with app.run_test(size=WIDE, message_hook=notes) as pilot:
        await settle(pilot)
        app.push_screen(
            CompareScreen(seeds_library, ArticleId("nope-nope"), seeds_library.resolve(SEED_002))
        )
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert notes.texts("error")


async def test_open_comparison_picks_then_compares(seeds_library: Library) -> None:
    """open_comparison shows the picker; Enter compares with the most similar report."""
    app = NewsdeskApp(seeds_library)
    async with app.run_test(size=WIDE) as pilot:
        await settle(pilot)
        a = seeds_library.resolve(SEED_004)
        open_comparison(app.screen, seeds_library, a)
        await settle(pilot)
        assert isinstance(app.screen, PickArticleDialog)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.a_id, app.screen.b_id) == (a, seeds_library.related(a)[0].article.id)


async def test_compare_screen_steps_through_figure_differences(seeds_library: Library) -> None:
    """`}` and `{` visit only the figures that part ways, never an only-in-one passage."""
    app = NewsdeskApp(seeds_library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_compare(app, pilot)
        assert screen.figure_stops >= 1
        for _ in range(screen.figure_stops + 1):
            await pilot.press("right_curly_bracket")
            await settle(pilot)
            assert screen.current is not None
            assert screen.current < screen.figure_stops
            assert ": only in" not in screen.status_text
        await pilot.press("left_curly_bracket")
        assert screen.current is not None
        assert screen.current < screen.figure_stops


async def test_compare_screen_status_keeps_one_height_and_legend_reads(
    seeds_library: Library,
) -> None:
    """Stepping through differences never changes the status line's height; marks explained."""
    app = NewsdeskApp(seeds_library)
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_compare(app, pilot)
        status = screen.query_one("#compare-status")
        panes_top = screen.query_one("#panes").region.y
        heights = {status.region.height}
        for _ in range(len(screen.differences)):
            await pilot.press("right_square_bracket")
            await pilot.pause()
            heights.add(status.region.height)
            assert screen.query_one("#panes").region.y == panes_top
        assert heights == {2}
        legend = str(screen.query_one("#compare-legend").render())
        assert "…" not in legend
        for words in ("= same", "≈ similar", "A only in A", "B only in B", "≠ figure differs"):
            assert words in legend


async def test_compare_screen_swap_keeps_the_reading_position(seeds_library: Library) -> None:
    """`x` keeps each report's cursor and scroll, and the focus on the same report."""
    app = NewsdeskApp(seeds_library)
    async with app.run_test(size=WIDE) as pilot:
        screen = await open_compare(app, pilot)
        await pilot.press("s")  # sync off: each pane keeps its own place
        left, right = panes(screen)
        await pilot.press("j", "j", "j", "l", "j", "j")
        await settle(pilot)
        a_cursor, b_cursor = left.cursor, right.cursor
        b_top = right.top_paragraph()[0]
        assert (a_cursor, b_cursor) == (3, 2)
        await pilot.press("x")
        await settle(pilot)
        assert (left.cursor, right.cursor) == (b_cursor, a_cursor)
        assert left.top_paragraph()[0] == b_top
        assert app.focused is left  # B, focused before, is now on the left


async def test_compare_screen_t_gives_the_keys_to_the_summary(seeds_library: Library) -> None:
    """Narrow: `t` shows the summary, `j` moves its rows at once (no Tab); `t` or Esc hide it."""
    from textual.widgets import DataTable

    app = NewsdeskApp(seeds_library)
    async with app.run_test(size=NARROW) as pilot:
        screen = await open_compare(app, pilot)
        await pilot.press("t")
        await pilot.pause()
        table = screen.query_one("#summary-figures", DataTable)
        assert app.focused is table
        await pilot.press("j", "j")
        assert table.cursor_row == 2
        await pilot.press("t")
        assert isinstance(app.focused, ComparePane)
        await pilot.press("t", "escape")  # Esc closes the summary covering the panes…
        assert app.screen is screen
        assert not shown(screen, ComparisonSummary)
        assert isinstance(app.focused, ComparePane)
        await pilot.press("escape")  # …then goes back
        assert app.screen is not screen
