"""Tests for index.compare.figure_status: qualifiers as intervals, statuses and notes."""

from __future__ import annotations

from datetime import date

import pytest

from index.compare.figure_status import figures_status, interval, most_precise
from index.compare.models import FigureStatus
from index.models import Figure


def _fig(value: float | None, qualifier: str | None = None, **bounds: float) -> Figure:
    text = f"{qualifier or ''} {value}".strip()
    return Figure(
        text, value, bounds.get("low"), bounds.get("high"), qualifier, "people", "killed",
        None, 0, 0, len(text),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("qualifier", "expected"),
    [
        (None, (100, 100)),
        ("about", (90, 110)),
        ("nearly", (90, 100)),
        ("at least", (100, 150)),
        ("up to", (50, 100)),
    ],
)
def test_interval_reads_the_qualifier(qualifier: str | None, expected: tuple[float, float]) -> None:
    """The interval table of the module docstring."""
    low, high = interval(_fig(100, qualifier))
    assert (low, high) == pytest.approx(expected)


def test_interval_more_than_is_open_below() -> None:
    """ "more than 100" excludes 100 itself."""
    low, high = interval(_fig(100, "more than"))
    assert 100 < low < 100.001
    assert high == 150


@pytest.mark.parametrize(
    ("a", "b", "status"),
    [
        (_fig(1200, "about"), _fig(1200), FigureStatus.AGREE),
        (_fig(100, "more than"), _fig(100, "more than"), FigureStatus.AGREE),
        (_fig(100, "more than"), _fig(132), FigureStatus.CONSISTENT),
        (_fig(1200, "nearly"), _fig(1160, "more than"), FigureStatus.CONSISTENT),
        (_fig(240), _fig(250), FigureStatus.DIFFER),
        (_fig(100, "more than"), _fig(100), FigureStatus.DIFFER),
        (_fig(None, low=200, high=999), _fig(471), FigureStatus.CONSISTENT),
    ],
)
def test_figures_status_intervals(a: Figure, b: Figure, status: FigureStatus) -> None:
    """Agree on the same number, consistent when the intervals overlap, else differ."""
    assert figures_status("killed", [a], [b])[0] is status


def test_figures_status_running_total_on_another_day_is_updated() -> None:
    """A toll on two dates is an update, with the gap in the note."""
    status, note = figures_status(
        "killed", [_fig(5000)], [_fig(27840)], (date(2023, 10, 23), date(2024, 2, 21))
    )
    assert (status, note) == (FigureStatus.UPDATED, "B is 121 days later")
    status, note = figures_status(
        "killed", [_fig(27840)], [_fig(5000)], (date(2024, 2, 21), date(2023, 10, 23))
    )
    assert (status, note) == (FigureStatus.UPDATED, "B is 121 days earlier")


def test_figures_status_same_day_or_undated_differ() -> None:
    """Without two dates, or on one day, different tolls differ."""
    same = (date(2023, 11, 24), date(2023, 11, 24))
    assert figures_status("killed", [_fig(240)], [_fig(250)], same) == (
        FigureStatus.DIFFER,
        "same day",
    )
    assert figures_status("killed", [_fig(240)], [_fig(250)])[0] is FigureStatus.DIFFER


def test_figures_status_not_a_running_total_differs_across_dates() -> None:
    """A one-off count (hostages taken on one day) never becomes an update."""
    dates = (date(2023, 10, 10), date(2023, 11, 10))
    assert figures_status("hostages_taken", [_fig(240)], [_fig(250)], dates)[0] is (
        FigureStatus.DIFFER
    )


def test_figures_status_consistent_note_gives_the_intervals() -> None:
    """The note says how the qualifiers were read."""
    status, note = figures_status("killed", [_fig(100, "more than")], [_fig(132)])
    assert status is FigureStatus.CONSISTENT
    assert note == "more than 100 (100–150) and 132 (132) overlap"


def test_most_precise_prefers_an_exact_number() -> None:
    """An exact figure represents a side before "about" or a bound."""
    exact, about = _fig(1200), _fig(1200, "about")
    assert most_precise([about, exact]) is exact


def test_same_vague_amount_agrees_only_when_neither_report_gives_a_number() -> None:
    """ "Hundreds" in both reports agree; "hundreds" against "hundreds … more than 500" is
    consistent (the second report says more)."""
    hundreds = _fig(None, low=200, high=999)
    assert figures_status("killed", [hundreds], [hundreds])[0] is FigureStatus.AGREE
    status, note = figures_status("killed", [hundreds], [_fig(500, "more than"), hundreds])
    assert status is FigureStatus.CONSISTENT
    assert "overlap" in note


def test_figures_status_bounds_said_alike_that_overlap_are_consistent() -> None:
    """ "70" and "at least 70" against "68" and "at least 68", the same day: the exact
    numbers differ, but both reports bound the toll alike and the bounds overlap."""
    status, note = figures_status(
        "killed",
        [_fig(70), _fig(70, "at least")],
        [_fig(68), _fig(68, "at least")],
        (date(2023, 12, 25), date(2023, 12, 25)),
    )
    assert status is FigureStatus.CONSISTENT
    assert "at least 70" in note
    assert "at least 68" in note
    exact_only, _ = figures_status(
        "killed", [_fig(70)], [_fig(68)], (date(2023, 12, 25), date(2023, 12, 25))
    )
    assert exact_only is FigureStatus.DIFFER


def test_most_precise_range_is_the_narrower() -> None:
    """ "Hundreds" and "200 to 300 people" in one report: it is read by its "200 to 300".

    So "at least 500" in the other report differs (with "hundreds" it would overlap).
    """
    hundreds = _fig(None, low=200, high=999)
    stated = _fig(None, low=200, high=300)
    assert most_precise([hundreds, stated]) is stated
    status, _note = figures_status("killed", [_fig(500, "at least")], [hundreds, stated])
    assert status is FigureStatus.DIFFER
