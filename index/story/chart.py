"""What the story's plot draws, worked out once for the terminal plot and the SVG export.

Each outlet gets a letter (A, B, … by rows, most first; `*` past Z): the marker of its
reports, so the plot reads without colour. Each voting report is a point at (its day, its
number); a range is also drawn as a bar from low to high, and "more than / at least" as
an arrow up from the value, "nearly / up to / less than" as one down (`ChartPoint.direction`).
The consensus is a line through each day's median. The scale is logarithmic when the
values span more than `LOG_SPAN` (two orders of magnitude).
"""

from __future__ import annotations

import string
from dataclasses import dataclass, replace
from datetime import date

from index.story.models import FlagKind, Story, StoryRow

LOG_SPAN = 100.0
"""Largest / smallest plotted value beyond which the plot is logarithmic."""
_UP = frozenset({"more than", "at least", "over"})
_DOWN = frozenset({"nearly", "up to", "less than", "almost"})


@dataclass(frozen=True, slots=True)
class ChartPoint:
    """One report's vote on the plot."""

    day: date
    value: float
    letter: str
    """Its outlet's marker."""
    low: float
    high: float
    """The range it states (`low == high == value` for a single number)."""
    direction: int = 0
    """+1 for "more than / at least", -1 for "nearly / up to", 0 otherwise."""
    flagged: bool = False
    row: int = 0
    """Its index in `Story.rows` (the table's row)."""


@dataclass(frozen=True, slots=True)
class ChartData:
    """The plot of one story: points, consensus line, letters, scale."""

    points: tuple[ChartPoint, ...]
    consensus: tuple[tuple[date, float], ...]
    letters: tuple[tuple[str, str], ...]
    """(letter, outlet) of the outlets plotted, in legend order."""
    outlets: tuple[tuple[str, str], ...]
    """(outlet, letter) of every outlet of the story, plotted or not (for the table)."""
    log_scale: bool
    first: date | None
    last: date | None
    parts: int = 0
    """Dated votes flagged as parts of the running total, left out of the plot."""

    @property
    def low(self) -> float:
        """The smallest value drawn (1 when nothing is)."""
        values = [p.low for p in self.points] + [v for _, v in self.consensus]
        return min(values, default=1.0)

    @property
    def high(self) -> float:
        """The largest value drawn (1 when nothing is)."""
        values = [p.high for p in self.points] + [v for _, v in self.consensus]
        return max(values, default=1.0)


def outlet_letters(outlets: tuple[str, ...]) -> dict[str, str]:
    """A letter per outlet in the given order: A–Z, then `*` for the rest."""
    letters = string.ascii_uppercase
    return {name: letters[i] if i < len(letters) else "*" for i, name in enumerate(outlets)}


def chart_data(story: Story) -> ChartData:
    """The plot of a story: its dated votes, each day's consensus, the outlets' letters."""
    letters = outlet_letters(story.outlets)
    votes = [(i, row) for i, row in enumerate(story.rows) if row.plotted and row.published]
    points = tuple(_point(row, i, letters) for i, row in votes if not _is_part(row))
    positive = [p.low for p in points if p.low > 0] + [p.high for p in points if p.high > 0]
    log_scale = bool(positive) and max(positive) / min(positive) > LOG_SPAN
    consensus = tuple((day.day, day.value) for day in story.days)
    if log_scale:
        # Nothing at or below zero has a place on a log scale (plotext fails on it): zeros
        # are left to the table, and a range from zero starts at the smallest value drawn.
        floor = min(positive)
        points = tuple(
            replace(p, low=max(p.low, floor)) for p in points if p.value > 0 and p.high > 0
        )
        consensus = tuple((day, value) for day, value in consensus if value > 0)
    used = {p.letter for p in points}
    legend = tuple(
        (letter, outlet) for outlet, letter in letters.items() if letter in used and letter != "*"
    )
    if "*" in used:
        legend += (("*", "other outlets"),)
    days = [p.day for p in points]
    return ChartData(
        points=points,
        consensus=consensus,
        letters=legend,
        outlets=tuple(letters.items()),
        log_scale=log_scale,
        first=min(days, default=None),
        last=max(days, default=None),
        parts=len(votes) - len(points),
    )


def _is_part(row: StoryRow) -> bool:
    return any(flag.kind is FlagKind.PART for flag in row.flags)


def _point(row: StoryRow, index: int, letters: dict[str, str]) -> ChartPoint:
    assert row.published is not None  # only dated rows are plotted
    low, high = row.figure.bounds
    qualifier = row.figure.qualifier or ""
    direction = 1 if qualifier in _UP else -1 if qualifier in _DOWN else 0
    return ChartPoint(
        day=row.published,
        value=row.number,
        letter=letters.get(row.outlet or "unknown outlet", "*"),
        low=low,
        high=high,
        direction=direction,
        flagged=bool(row.flags),
        row=index,
    )
