"""Pilot tests of the bookmarks screen: list, filter, open at the passage, delete, export."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static

from index import Bookmark, Library
from tests.pilot import MakeApp, Notes, settle
from tui.app import NewsdeskApp
from tui.screens.article import ArticleScreen
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.dialogs import ConfirmDialog, PathDialog
from tui.widgets.article_view import ArticleView
from tui.widgets.bookmark_list import BookmarkList

SIZE = (100, 30)


def add_marks(library: Library) -> list[Bookmark]:
    doha = library.search("Doha families rallied").hits[0].article.id
    cairo = library.search("Cairo delegation Hayya").hits[0].article.id
    text = library.article(doha).paragraphs[2]
    end = text.index(".") + 1
    return [
        library.add_bookmark(doha, 2, 0, end, note="toll differs", tags=("figures",)),
        library.add_bookmark(cairo, 1, note="", tags=("proposal",)),
    ]


async def open_bookmarks(app: NewsdeskApp, pilot: Pilot[int]) -> BookmarkList:
    await settle(pilot)
    await pilot.press("escape", "B")
    await settle(pilot)
    assert isinstance(app.screen, BookmarksScreen)
    return app.screen.query_one(BookmarkList)


async def open_highlighted(app: NewsdeskApp, pilot: Pilot[int]) -> ArticleView:
    """Press Enter on the list: the reader opens at the highlighted bookmark's passage."""
    await pilot.press("enter")
    await settle(pilot)
    assert isinstance(app.screen, ArticleScreen)
    return app.screen.query_one(ArticleView)


async def test_bookmarks_lists_with_status(make_app: MakeApp, library: Library) -> None:
    """`B` lists every bookmark with its status, quote and note."""
    marks = add_marks(library)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        listing = await open_bookmarks(app, pilot)
        assert [m.id for m in listing.shown] == [m.id for m in marks]
        prompt = str(listing.get_option_at_index(0).prompt)
        assert "[anchored]" in prompt
        assert "toll differs" in prompt
        assert isinstance(app.focused, BookmarkList)


async def test_bookmarks_filter_by_tag_and_text(make_app: MakeApp, library: Library) -> None:
    """The filter keeps bookmarks matching words or tag:NAME."""
    add_marks(library)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        listing = await open_bookmarks(app, pilot)
        await pilot.press("slash", *"tag:proposal")
        assert [m.tags for m in listing.shown] == [("proposal",)]
        app.screen.query_one("#bookmark-filter", Input).value = "toll"
        await pilot.pause()
        assert [m.note for m in listing.shown] == ["toll differs"]


async def test_bookmarks_enter_opens_passage(make_app: MakeApp, library: Library) -> None:
    """Enter opens the article with the cursor on the bookmarked sentence, marked."""
    marks = add_marks(library)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_bookmarks(app, pilot)
        view = await open_highlighted(app, pilot)
        assert view.cursor == 2
        assert view.passage.start == marks[0].start
        assert view.passage.end == marks[0].end
        assert view.query_one("#paragraph-2").has_class("-bookmarked")
        assert view.query_one("#paragraph-2").has_class("-cursor")


async def test_bookmarks_list_reloads_after_a_bookmark_elsewhere(
    make_app: MakeApp, library: Library
) -> None:
    """A bookmark added in the reader opened from the list is listed on going back."""
    marks = add_marks(library)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        listing = await open_bookmarks(app, pilot)
        await open_highlighted(app, pilot)
        await pilot.press("j", "m")
        await pilot.pause()
        await pilot.press(*"new one", "enter", "enter")
        await settle(pilot)
        assert len(library.bookmarks()) == 3
        await pilot.press("q")
        await settle(pilot)
        assert isinstance(app.screen, BookmarksScreen)
        assert [m.id for m in listing.shown][:2] == [m.id for m in marks]
        assert [m.note for m in listing.shown] == ["toll differs", "", "new one"]


async def test_bookmarks_delete_after_confirm(make_app: MakeApp, library: Library) -> None:
    """`d` asks first: `n` keeps the bookmark, `y` deletes it."""
    marks = add_marks(library)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        listing = await open_bookmarks(app, pilot)
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert len(library.bookmarks()) == 2
        await pilot.press("d")
        await pilot.pause()
        await pilot.press("y")
        await settle(pilot)
        assert [m.id for m in library.bookmarks()] == [marks[1].id]
        assert [m.id for m in listing.shown] == [marks[1].id]


async def test_bookmarks_export_writes_file(
    make_app: MakeApp, library: Library, notes: Notes, tmp_path: Path
) -> None:
    """`e` asks for a path and writes the Markdown (or JSON) export there."""
    add_marks(library)
    app = make_app()
    target = tmp_path / "marks.json"
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        await open_bookmarks(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, PathDialog)
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert target.read_text(encoding="utf-8") == library.export_bookmarks("json") + "\n"
        assert isinstance(app.screen, BookmarksScreen)
        assert any(str(target) in text for text in notes.texts())


async def test_bookmarks_export_to_a_missing_folder_keeps_the_dialog_open(
    make_app: MakeApp, library: Library, notes: Notes, tmp_path: Path
) -> None:
    """No folder is created: the dialog stays open with the error, and nothing is claimed."""
    add_marks(library)
    app = make_app()
    target = tmp_path / "missing" / "marks.md"
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        await open_bookmarks(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(Input).value = str(target)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PathDialog)
        error = app.screen.query_one("#path-error", Static)
        assert error.has_class("-active")
        assert f"no folder {target.parent}" in str(error.render())
        assert not target.parent.exists()
        assert not any("Exported" in text for text in notes.texts())
        app.screen.query_one(Input).value = str(tmp_path / "marks.md")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BookmarksScreen)
        assert (tmp_path / "marks.md").read_text(encoding="utf-8").startswith("# Bookmarks")


async def test_bookmarks_orphan_is_listed_not_opened(
    make_app: MakeApp, private_library: Library, notes: Notes, tmp_path: Path
) -> None:
    """A bookmark whose passage was rewritten away is an orphan; Enter only warns."""
    folder = tmp_path / "changing"
    folder.mkdir()
    source = folder / "changing.txt"
    source.write_text(
        "Talks resume in Doha\n\nNegotiators met in Doha on Monday to discuss a truce.\n",
        encoding="utf-8",
    )
    library = private_library
    library.index_paths([folder])
    library.add_bookmark(library.resolve(str(source)), 0, note="will vanish")
    source.write_text(
        "Talks resume in Doha\n\nA football match in Lisbon ended in a draw on Sunday.\n",
        encoding="utf-8",
    )
    library.index_paths([folder])
    app = make_app(library)
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        listing = await open_bookmarks(app, pilot)
        assert [str(m.status) for m in listing.shown] == ["orphan"]
        assert "[orphan]" in str(listing.get_option_at_index(0).prompt)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, BookmarksScreen)
        assert notes.texts("warning")
