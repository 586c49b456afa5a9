"""Pilot tests: a damaged index shows DamagedLibraryScreen; it never crashes or resets."""

from __future__ import annotations

from pathlib import Path

from index import Library, bundled_seeds_dir, default_paths
from tests.pilot import MakeApp, settle
from tui.screens.bookmarks import BookmarksScreen
from tui.screens.damaged import DamagedLibraryScreen

DATA = Path(__file__).resolve().parent.parent / "data" / "articles"
SIZE = (100, 30)


def _library_on_disk() -> Path:
    """The test articles indexed into NEWSDESK_HOME, one bookmark; returns the index folder."""
    paths = default_paths()
    library = Library.open(paths)
    library.index_paths([DATA])
    first = library.recent(1)[0].id
    library.add_bookmark(first, 0, note="mine")
    library.close()
    return paths.index_dir


async def test_zero_byte_postings_show_the_damage_screen(make_app: MakeApp) -> None:
    """An empty .pst file: the app names it on a screen, and B still lists the bookmark."""
    index_dir = _library_on_disk()
    pst = next(p for p in index_dir.iterdir() if p.suffix == ".pst")
    pst.write_bytes(b"")
    library = Library.open(default_paths(), lazy=True)
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DamagedLibraryScreen)
        assert pst.name in app.screen.error.message
        await pilot.press("B")
        await settle(pilot)
        assert isinstance(app.screen, BookmarksScreen)
        assert [m.note for m in app.screen.bookmarks] == ["mine"]
    library.close()


async def test_deleted_toc_never_seeds_or_deletes(make_app: MakeApp) -> None:
    """A missing TOC: the damage screen, no seeds indexed, no segment file deleted."""
    index_dir = _library_on_disk()
    next(p for p in index_dir.iterdir() if p.suffix == ".toc").unlink()
    before = sorted(p.name for p in index_dir.iterdir())
    library = Library.open(default_paths(), lazy=True)
    app = make_app(library, seed_dir=bundled_seeds_dir())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, DamagedLibraryScreen)
        assert "table of contents" in app.screen.error.message
    library.close()
    assert sorted(p.name for p in index_dir.iterdir()) == before
