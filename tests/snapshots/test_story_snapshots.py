"""Snapshots of the story screen at the smallest and a large terminal.

Update only after reading the report: `pytest tests/snapshots --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from index import CountKey, Library
from tests.pilot import settle
from tui.app import NewsdeskApp
from tui.messages import OpenStory

SnapCompare = Callable[..., bool]


async def killed_in_gaza(pilot: Pilot[int]) -> None:
    await settle(pilot)
    pilot.app.post_message(OpenStory(CountKey("killed", None, "Gaza")))
    await settle(pilot)


def test_snapshot_story_80x24(snap_compare: SnapCompare, story_library: Library) -> None:
    """ "killed · Gaza" at 80x24: the summary line (8 reports, undated: 1, 1 outlier, 1 stale),
    the plot with letters A–D on 11-01 and 11-05 and the dotted consensus, the legend (A Al
    Jazeera…, Who says what), the table's first rows, the status line and the footer keys.
    """
    app = NewsdeskApp(story_library)
    assert snap_compare(app, terminal_size=(80, 24), run_before=killed_in_gaza)


def test_snapshot_story_200x50(snap_compare: SnapCompare, story_library: Library) -> None:
    """ "killed · Gaza" at 200x50: a wide plot with ISO dates under it, D (Daily Mail, 30,000)
    in red high above the others, the legend with every source's range, and all eight rows
    with "⚠ outlier ×3.0 the consensus 10,011" and "⏱ stale" flags and the undated row last.
    """
    app = NewsdeskApp(story_library)
    assert snap_compare(app, terminal_size=(200, 50), run_before=killed_in_gaza)
