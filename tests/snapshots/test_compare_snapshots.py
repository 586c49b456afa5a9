"""Layout snapshots of the compare screen (seed 004 vs seed 002, after one `]`).

Update only after reading the report: `pytest tests/snapshots --snapshot-update`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.pilot import Pilot

from index import Library
from tests.pilot import settle
from tui.app import NewsdeskApp
from tui.screens.compare import CompareScreen

SnapCompare = Callable[..., bool]


def first_difference(library: Library) -> Callable[[Pilot[int]], Awaitable[None]]:
    a, b = library.resolve("4728"), library.resolve("15b3")

    async def run(pilot: Pilot[int]) -> None:
        await settle(pilot)
        pilot.app.push_screen(CompareScreen(library, a, b))
        await settle(pilot)
        await pilot.press("right_square_bracket")
        await settle(pilot)

    return run


def test_snapshot_compare_wide(snap_compare: SnapCompare, seeds_library: Library) -> None:
    """160x45: status line "1/15: killed — more than 1,160 vs 1,200 (according to an AFP count
    based on official Israeli figures / —)" (two lines at most, fixed height) and the cue legend
    on a line of its own ("= same ≈ similar A only in A B only in B …"); A (Notícias ao Minuto)
    left, B right, each with a reversed side letter, outlet · undated · id, and the italic
    title; a gutter of cues (A, ≈, ≠, ▌ on the cursor paragraph); A-only passages shaded blue,
    similar ones grey; the sentences holding "more than 1,160 people" (A, third paragraph in
    view: A is scrolled to its end) and "1,200 people" (B, at the top) selected in amber, both
    figures reversed red; below, the figure table (killed row "≠ differ", "B +40", the AFP
    attribution wrapped whole in its column) and the party table with counts in A and B and
    sources.
    """
    app = NewsdeskApp(seeds_library)
    assert snap_compare(app, terminal_size=(160, 45), run_before=first_difference(seeds_library))


def test_snapshot_compare_narrow(snap_compare: SnapCompare, seeds_library: Library) -> None:
    """80x24: the same state with the summary hidden; the two panes side by side, each about
    36 columns of text; the status line wraps to its two fixed lines, the legend fits on one;
    titles end in "…"; both cursor
    paragraphs (▌) are at the top of their panes with the differing figures reversed red.
    """
    app = NewsdeskApp(seeds_library)
    assert snap_compare(app, terminal_size=(80, 24), run_before=first_difference(seeds_library))
