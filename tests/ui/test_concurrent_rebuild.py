"""Pilot test (issue 11): the app stays usable while another process rebuilds its library."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from index import Library, default_paths
from tests.pilot import MakeApp, settle
from tui.screens.search import SearchScreen
from tui.widgets.results_list import ResultsList

DATA = Path(__file__).resolve().parent.parent / "data" / "articles"
SIZE = (100, 30)


async def test_app_searches_on_while_the_cli_rebuilds_the_library(make_app: MakeApp) -> None:
    """`newsdesk index --rebuild` in another process while the app is open: the app never
    crashes, and its next search lists the same articles as before."""
    paths = default_paths()
    setup = Library.open(paths)
    setup.index_paths([DATA])
    setup.add_bookmark(setup.recent(1)[0].id, 0, note="mine")
    setup.close()
    app = make_app(Library.open(default_paths(), lazy=True))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = app.library.search("hostages").total
        assert before > 0
        rebuild = await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "tui", "index", "--rebuild", str(DATA)),
            env={**os.environ, "NEWSDESK_HOME": str(paths.data_dir)},
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        await pilot.press("slash")  # the app runs on while the rebuild does
        _out, err = await asyncio.wait_for(rebuild.communicate(), timeout=300)
        assert rebuild.returncode == 0, err.decode()
        await pilot.press(*"hostages")
        await pilot.press("enter")
        await settle(pilot)
        assert app.is_running
        assert isinstance(app.screen, SearchScreen)
        assert app.screen.query_one(ResultsList).total == before
        assert [b.note for b in app.library.bookmarks()] == ["mine"]
