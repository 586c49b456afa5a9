"""The story of one count: each day's consensus, outliers and stale figures, who says what.

The rules, each tested on hand-made series (tests/unit/test_consensus.py):

1. **Votes.** Each dated report votes once, with its figure of the count that states the
   largest number: a report giving the toll and one strike's dead votes with the toll.
   Vague amounts ("dozens", "thousands") and undated reports never vote.
2. **Consensus.** For a running total (`RUNNING_TOTALS`: tolls that only grow) a day's
   *reference* is the last consensus before it, and its *track* the votes of at least
   `TRACK_FLOOR` × the reference (every vote when there is none yet), so a toll of 5,000 is
   not outvoted by the day's "45 killed in a strike". The day's consensus is the median of
   its track, unless that median is over `RISE_LIMIT` × the reference and rests on one
   report (a lone "2.3 million" does not move a toll). For other measures it is the median
   of the day's votes.
3. **Outlier.** A vote whose interval (its qualifier read as in
   `index.compare.figure_status`) lies beyond `OUTLIER_RATIO` × the consensus, or below
   1 / `OUTLIER_RATIO` of it, with how far ("×3.2 the consensus 1,400", "2% of the consensus
   5,000"). The consensus is the day's; for a running total on a day without one, the
   reference. A consensus that rests on that vote alone flags nothing.
4. **Stale.** A running total's vote below the day's consensus (by more than
   `STALE_MARGIN`) that matches, within `STALE_MATCH`, the consensus of an earlier day: the
   figure other reports had moved past ("the consensus of 2023-10-13, 25 days earlier").
   A stale vote is not also called an outlier.
5. **Part.** A running total's vote below `TRACK_FLOOR` × the consensus that is not stale:
   one strike's dead, one day's, or a part of the toll (so not an outlier either).
6. **Who says what.** Votes (parts aside) grouped by the source their attribution cites
   (`index.story.sources`), with how many reports, the range and the latest value.
"""

from __future__ import annotations

import bisect
import math
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from datetime import date

from index.models import Figure, format_number
from index.story.models import (
    CountKey,
    DayConsensus,
    Flag,
    FlagKind,
    SourceSummary,
    StoredFigure,
    Story,
    StoryRow,
)
from index.story.sources import source_of

RUNNING_TOTALS = frozenset(
    {"killed", "injured", "casualties", "dead_hostages", "displaced", "missing", "arrested"}
)
"""Measures whose count only grows (not hostages held, which falls as hostages are freed)."""
TRACK_FLOOR = 0.5
RISE_LIMIT = 3.0
OUTLIER_RATIO = 1.5
STALE_MARGIN = 0.05
STALE_MATCH = 0.10


def is_vague(figure: Figure) -> bool:
    """A vague amount ("dozens", "thousands of"): a range written without a digit."""
    return figure.value is None and not any(char.isdigit() for char in figure.text)


def build_story(key: CountKey, figures: Iterable[StoredFigure]) -> Story:
    """The story of one count from its stored figures (in any order)."""
    rows = _rows(list(figures))
    dated = sorted(
        (r for r in rows if r.published is not None),
        key=lambda r: (r.published, r.outlet or "", r.article_id, r.figure.position),
    )
    undated = sorted(
        (r for r in rows if r.published is None),
        key=lambda r: (r.outlet or "", r.article_id, r.figure.position),
    )
    running = key.measure in RUNNING_TOTALS
    days = day_consensus([r for r in dated if r.plotted], running=running)
    calendar = _Calendar(days)
    flagged = tuple(_flag(row, calendar, running) for row in dated)
    outlets = Counter(row.outlet or "unknown outlet" for row in rows)
    return Story(
        key=key,
        rows=flagged,
        undated=tuple(undated),
        days=tuple(days),
        sources=tuple(who_says_what(flagged + tuple(undated))),
        running_total=running,
        outlets=tuple(name for name, _ in sorted(outlets.items(), key=lambda i: (-i[1], i[0]))),
    )


def _rows(figures: Sequence[StoredFigure]) -> list[StoryRow]:
    """A row per figure, each report's vote marked: its non-vague figure with the largest number."""
    best: dict[str, tuple[float, int]] = {}
    for index, stored in enumerate(figures):
        if is_vague(stored.figure):
            continue
        low, high = stored.figure.bounds
        number = (low + high) / 2
        current = best.get(stored.article_id)
        if current is None or number > current[0]:
            best[stored.article_id] = (number, index)
    chosen = {index for _, index in best.values()}
    return [
        StoryRow(
            article_id=stored.article_id,
            published=stored.published,
            outlet=stored.outlet,
            title=stored.title,
            figure=stored.figure,
            says=source_of(stored.figure.attribution),
            plotted=index in chosen,
        )
        for index, stored in enumerate(figures)
    ]


def day_consensus(votes: Sequence[StoryRow], *, running: bool) -> list[DayConsensus]:
    """The consensus of each day that has one, oldest first (rule 2 of the module docstring).

    Args:
        votes: The dated votes (rows with `plotted` set).
        running: Whether the count is a running total.
    """
    by_day: dict[date, list[float]] = defaultdict(list)
    for row in votes:
        if row.published is not None:
            by_day[row.published].append(row.number)
    days: list[DayConsensus] = []
    reference: float | None = None
    for day in sorted(by_day):
        values = by_day[day]
        if running and reference is not None:
            values = [v for v in values if v >= TRACK_FLOOR * reference]
            if not values:
                continue
            middle = statistics.median(values)
            if middle > RISE_LIMIT * reference and len(values) < 2:
                continue
        else:
            middle = statistics.median(values)
        days.append(DayConsensus(day, middle, len(values)))
        reference = middle
    return days


class _Calendar:
    """The days' consensus, looked up by day, with what came before each."""

    def __init__(self, days: Sequence[DayConsensus]) -> None:
        self.days = days
        self.by_day = {day.day: index for index, day in enumerate(days)}
        self.ordered = [day.day for day in days]
        self.lowest_before: list[float] = []
        """The lowest consensus of the days before each index (inf before the first)."""
        lowest = math.inf
        for day in days:
            self.lowest_before.append(lowest)
            lowest = min(lowest, day.value)
        self.lowest_before.append(lowest)

    def today(self, day: date) -> DayConsensus | None:
        at = self.by_day.get(day)
        return None if at is None else self.days[at]

    def before(self, day: date) -> tuple[Sequence[DayConsensus], float]:
        """The days before `day` and their lowest consensus."""
        at = bisect.bisect_left(self.ordered, day)
        return self.days[:at], self.lowest_before[at]


def _flag(row: StoryRow, calendar: _Calendar, running: bool) -> StoryRow:
    """The row with its outlier, stale or part flag (rules 3 to 5), if any."""
    if not row.plotted or row.published is None:
        return row
    today = calendar.today(row.published)
    earlier, lowest = calendar.before(row.published)
    if running and row.number >= (1 - STALE_MATCH) * lowest:
        stale = _stale(row, today, earlier)
        if stale is not None:
            return _flagged(row, stale)
    consensus = today if today is not None else (earlier[-1] if running and earlier else None)
    if consensus is None or (consensus is today and _alone(row, consensus)):
        return row
    if running and row.figure.interval[1] < TRACK_FLOOR * consensus.value:
        shown = format_number(consensus.value)
        part = f"{_ratio_text(row.number / consensus.value)} of the consensus {shown}"
        return _flagged(row, Flag(FlagKind.PART, part))
    outlier = _outlier_note(row.figure, consensus.value)
    return row if outlier is None else _flagged(row, Flag(FlagKind.OUTLIER, outlier))


def _flagged(row: StoryRow, flag: Flag) -> StoryRow:
    """The row with one flag (built directly: `dataclasses.replace` costs 5x as much)."""
    return StoryRow(
        row.article_id,
        row.published,
        row.outlet,
        row.title,
        row.figure,
        row.says,
        row.plotted,
        (flag,),
    )


def _alone(row: StoryRow, day: DayConsensus) -> bool:
    """Whether the day's consensus rests on this vote alone."""
    return day.reports == 1 and day.value == row.number


def _outlier_note(figure: Figure, consensus: float) -> str | None:
    """How far beyond the consensus the figure's interval lies, or None when not far."""
    low, high = figure.interval
    if consensus <= 0 or (OUTLIER_RATIO * consensus >= low and high * OUTLIER_RATIO >= consensus):
        return None
    stated = (figure.bounds[0] + figure.bounds[1]) / 2
    ratio = stated / consensus
    shown = format_number(consensus)
    if ratio >= 1:
        return f"×{ratio:.1f} the consensus {shown}"
    return f"{_ratio_text(ratio)} of the consensus {shown}"


def _ratio_text(ratio: float) -> str:
    """A fraction as a percentage for people: "37%", "<1%"."""
    return f"{ratio * 100:.0f}%" if ratio >= 0.01 else "<1%"


def _stale(
    row: StoryRow, today: DayConsensus | None, earlier: Sequence[DayConsensus]
) -> Flag | None:
    """A stale flag when the vote is below today's consensus and matches an earlier one."""
    if today is None or _alone(row, today) or row.published is None:
        return None
    if row.figure.interval[1] >= today.value * (1 - STALE_MARGIN):
        return None
    number = row.number
    for day in reversed(earlier):
        if abs(number - day.value) <= STALE_MATCH * day.value:
            gap = (row.published - day.day).days
            unit = "day" if gap == 1 else "days"
            note = f"the consensus of {day.day.isoformat()}, {gap} {unit} earlier"
            return Flag(FlagKind.STALE, f"{note}; today {format_number(today.value)}")
    return None


def who_says_what(rows: Iterable[StoryRow]) -> list[SourceSummary]:
    """The votes grouped by the source they cite, most reports first (rule 6)."""
    groups: dict[str, list[StoryRow]] = defaultdict(list)
    for row in rows:
        if row.plotted and not any(flag.kind is FlagKind.PART for flag in row.flags):
            groups[row.says].append(row)
    summaries = []
    for says, cited in groups.items():
        numbers = [row.number for row in cited]
        dated = [row for row in cited if row.published is not None]
        latest = max(dated, key=lambda r: (r.published, r.number)) if dated else None
        reports = len({row.article_id for row in cited})
        summaries.append(SourceSummary(says, reports, min(numbers), max(numbers), latest))
    return sorted(summaries, key=lambda s: (-s.reports, s.says))


def filter_story(
    story: Story,
    *,
    start: date | None = None,
    end: date | None = None,
    outlet: str = "",
    says: str = "",
    text: str = "",
) -> Story:
    """The story restricted to dates, an outlet, a source, or text; flags stay the whole story's.

    `outlet` and `says` are case-insensitive substrings (`says` of the source or of the
    attribution as written); `text` matches either. Undated rows are kept only when no
    date bound is given.
    """
    outlet, says, text = outlet.strip().lower(), says.strip().lower(), text.strip().lower()

    def cites(row: StoryRow, words: str) -> bool:
        return words in row.says.lower() or words in (row.figure.attribution or "").lower()

    def keep(row: StoryRow) -> bool:
        if outlet and outlet not in (row.outlet or "").lower():
            return False
        if says and not cites(row, says):
            return False
        if text and text not in (row.outlet or "").lower() and not cites(row, text):
            return False
        if row.published is None:
            return start is None and end is None
        return (start is None or row.published >= start) and (end is None or row.published <= end)

    rows = tuple(row for row in story.rows if keep(row))
    undated = tuple(row for row in story.undated if keep(row))
    days = tuple(
        d for d in story.days if (start is None or d.day >= start) and (end is None or d.day <= end)
    )
    return replace(
        story, rows=rows, undated=undated, days=days, sources=tuple(who_says_what(rows + undated))
    )
