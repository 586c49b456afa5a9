"""Pilot tests of the story screen: choose a count, the flags, sort, filter, open a report."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, Static

from index import CountKey, Library
from tests.pilot import MakeApp, settle
from tui.app import NewsdeskApp
from tui.messages import OpenStory
from tui.screens.article import ArticleScreen
from tui.screens.dialogs import PathDialog
from tui.screens.pick_count import PickCountDialog
from tui.screens.story import StoryScreen
from tui.widgets.article_view import ArticleView
from tui.widgets.span_panel import SpanPanel
from tui.widgets.story_table import StoryTable

SIZE = (120, 40)
KILLED_GAZA = CountKey("killed", None, "Gaza")


async def open_story(app: NewsdeskApp, pilot: object, key: CountKey | None) -> StoryScreen:
    app.post_message(OpenStory(key))
    await settle(pilot)  # type: ignore[arg-type]  # a Pilot
    screen = app.screen if isinstance(app.screen, StoryScreen) else app.screen_stack[-2]
    assert isinstance(screen, StoryScreen)
    return screen


async def test_story_choose_count_from_t(make_app: MakeApp, story_library: Library) -> None:
    """`T` asks for a count (most reports first); Enter shows its story and flags."""
    app = make_app(story_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("escape", "T")
        await settle(pilot)
        assert isinstance(app.screen, PickCountDialog)
        assert next(c.key for c in app.screen.shown) == KILLED_GAZA
        await pilot.press(*"gaza", "enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, StoryScreen)
        assert screen.story is not None
        assert screen.story.key == KILLED_GAZA
        table = screen.query_one(StoryTable)
        assert len(table.rows_shown) == 8
        summary = str(screen.query_one("#story-summary", Static).render())
        assert "undated: 1" in summary
        assert "⚠ 1 outliers" in summary
        assert "⏱ 1 stale" in summary
        await pilot.press("T")
        await settle(pilot)
        assert isinstance(app.screen, PickCountDialog)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen


async def test_story_flags_shown_in_table(make_app: MakeApp, story_library: Library) -> None:
    """The outlier and the stale figure carry their worded flags in the table."""
    app = make_app(story_library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_story(app, pilot, KILLED_GAZA)
        table = screen.query_one(StoryTable)
        flags = {
            str(row.article_id): str(table.get_row_at(i)[3])
            for i, row in enumerate(table.rows_shown)
        }
        assert flags["story-d5"].startswith("⚠ outlier ×3.0")
        assert flags["story-c5"].startswith("⏱ stale")
        assert flags["story-a1"] == ""
        legend = str(screen.query_one("#story-legend", Static).render())
        assert "Gaza health ministry" in legend
        assert "A Al Jazeera" in legend


async def test_story_enter_opens_report_at_figure(
    make_app: MakeApp, story_library: Library
) -> None:
    """Enter on a row opens its report with the cursor on the figure."""
    app = make_app(story_library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_story(app, pilot, KILLED_GAZA)
        table = screen.query_one(StoryTable)
        target = next(i for i, r in enumerate(table.rows_shown) if r.article_id == "story-d5")
        table.move_cursor(row=target)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article_id == "story-d5"
        view = app.screen.query_one(ArticleView)
        assert (view.cursor, view.cursor_range) == (0, (0, len("30,000 people")))
        await pilot.press("q")
        assert app.screen_stack[-1] is screen


async def test_story_sort_and_filter(make_app: MakeApp, story_library: Library) -> None:
    """`s` sorts by value then outlet; `/` filters by outlet or source."""
    app = make_app(story_library)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_story(app, pilot, KILLED_GAZA)
        table = screen.query_one(StoryTable)
        await pilot.press("s")
        assert screen.sort == "value"
        assert table.rows_shown[0].article_id == "story-d5"
        await pilot.press("s")
        assert [r.outlet for r in table.rows_shown][:2] == ["Al Jazeera", "Al Jazeera"]
        await pilot.press("slash", *"ministry")
        await pilot.pause()
        assert {r.article_id for r in table.rows_shown} == {"story-a1", "story-b1", "story-a5"}
        await pilot.press("escape")
        assert len(table.rows_shown) == 8
        assert not screen.query_one("#story-filter", Input).has_class("-active")


async def test_story_from_reader_panel_figure(make_app: MakeApp, story_library: Library) -> None:
    """Enter on a counted figure in the reader's panel opens that count's story."""
    app = make_app(story_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        from index import ArticleId
        from tui.messages import OpenArticle

        app.post_message(OpenArticle(ArticleId("story-h5")))
        await settle(pilot)
        await pilot.press("t")
        panel = app.screen.query_one(SpanPanel)
        assert panel.has_focus
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, StoryScreen)
        assert app.screen.key == CountKey("hostages_held")


async def test_story_export_writes_svg_and_csv(
    make_app: MakeApp, story_library: Library, tmp_path: Path
) -> None:
    """`e` asks for a path and writes the chart (.svg) and the rows (.csv)."""
    app = make_app(story_library)
    async with app.run_test(size=SIZE) as pilot:
        await open_story(app, pilot, KILLED_GAZA)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PathDialog)
        app.screen.query_one(Input).value = str(tmp_path / "toll.svg")
        await pilot.press("enter")
        await settle(pilot)
        assert (tmp_path / "toll.svg").read_text(encoding="utf-8").startswith("<svg")
        assert "story-d5" in (tmp_path / "toll.csv").read_text(encoding="utf-8")


async def test_story_export_to_a_missing_folder_keeps_the_dialog_open(
    make_app: MakeApp, story_library: Library, tmp_path: Path
) -> None:
    """A path in a folder that does not exist: the error shows in the dialog, nothing is made."""
    app = make_app(story_library)
    async with app.run_test(size=SIZE) as pilot:
        await open_story(app, pilot, KILLED_GAZA)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, PathDialog)
        dialog.query_one(Input).value = str(tmp_path / "missing" / "toll.svg")
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen is dialog
        assert "missing" in str(dialog.query_one("#path-error", Static).render())
        assert not (tmp_path / "missing").exists()


async def test_story_cancel_chooser_goes_back(make_app: MakeApp, story_library: Library) -> None:
    """Escape in the count chooser, before any story, closes the story screen."""
    app = make_app(story_library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.post_message(OpenStory())
        await settle(pilot)
        assert isinstance(app.screen, PickCountDialog)
        assert app.screen.query_one(OptionList).option_count == 2
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, (StoryScreen, PickCountDialog))
