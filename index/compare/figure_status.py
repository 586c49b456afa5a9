"""Whether two reports' figures for one quantity agree: qualifiers read as intervals.

Each figure states an interval, by its qualifier:

=============  =====================  ==================================================
qualifier      interval for X         written as
=============  =====================  ==================================================
(none)         [X, X]                 "1,200 people"
about          [0.9 X, 1.1 X]         about, around, approximately, roughly, some, an estimated
nearly         [0.9 X, X]             nearly, almost, close to, just under, approaching, nears
more than      (X, 1.5 X]             more than, over, above, upwards of, exceeds, tops, or more
at least       [X, 1.5 X]             at least, no fewer than, a minimum of
up to          [0.5 X, X]             up to, as many as, at most, no more than
less than      [0.5 X, X)             less than, fewer than, under, below
range          [low, high]            "between 30 and 40", "200-300"; vague amounts: dozens
                                      24-99, hundreds 200-999, thousands 2,000-9,999, tens of
                                      thousands 20,000-99,999 (see `index.extract.numbers`)
=============  =====================  ==================================================

The status of a row compares each side's most precise figure (an exact number before an
"about", a bound, then a range, the narrower range first: "200 to 300" before "hundreds";
the first one written on ties):

- `agree`: the same number, qualifiers aside when one of them is "about" ("about 1,200" and
  1,200; "roughly 1,400" and "at least 1,400") or both say the same ("more than 100" twice);
  the same vague amount ("hundreds" twice) only when neither report gives a number;
- `consistent`: different as written, but the intervals overlap ("more than 100" and 132;
  "nearly 1,200" and "more than 1,160");
- `updated`: both reports are dated, on different days, the quantity is a running total
  (a toll, hostages held or released so far, displaced…) and the values do not overlap: a
  later count, not a contradiction; the note gives the gap ("B is 121 days later"). Releases
  and deliveries count one batch unless a figure says it is a total ("so far", "in all",
  "brought the total to"): two reports of one batch that differ, differ;
- `differ`: the intervals do not overlap and it is not an update.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from index.compare.models import FigureStatus
from index.models import Figure, format_number

RUNNING_TOTALS = frozenset(
    {
        "killed",
        "injured",
        "casualties",
        "dead_hostages",
        "hostages_held",
        "hostages_released",
        "prisoners_released",
        "prisoners_held",
        "displaced",
        "missing",
        "arrested",
        "aid_trucks",
        "truce_duration",
    }
)
"""Measures that grow over a war: a different value on another day is an update."""
_PRECISION = {None: 0, "about": 1, "nearly": 2, "at least": 2, "up to": 2, "more than": 3}
"""How precisely a qualifier states a number (lower is more precise)."""


def interval(figure: Figure) -> tuple[float, float]:
    """The interval a figure states, by the table in the module docstring (`Figure.interval`)."""
    return figure.interval


def _overlap(left: tuple[float, float], right: tuple[float, float]) -> bool:
    return left[0] <= right[1] and right[0] <= left[1]


def most_precise(figures: Sequence[Figure]) -> Figure:
    """The figure that states its number most precisely (the first on ties).

    Among ranges the narrower is the more precise: "200 to 300 people" says more than
    "hundreds" (200-999), so a report giving both is read by its "200 to 300".
    """
    return min(
        figures,
        key=lambda f: (
            f.value is None,
            _PRECISION.get(f.qualifier, 4),
            _relative_width(f) if f.value is None else 0.0,
            f.position,
        ),
    )


def _relative_width(figure: Figure) -> float:
    """How wide a range is for its size: (high - low) / high (0 for a point)."""
    low, high = figure.bounds
    return (high - low) / high if high > 0 else 0.0


def _agree(a: Figure, b: Figure) -> bool:
    """The same number, qualifiers aside when one is "about" or both say the same."""
    if a.value is None or b.value is None:
        return a.value is None and b.value is None and a.bounds == b.bounds
    if a.value != b.value:
        return False
    return a.qualifier == b.qualifier or "about" in (a.qualifier, b.qualifier)


def figures_status(
    measure: str | None,
    a: Sequence[Figure],
    b: Sequence[Figure],
    dates: tuple[date | None, date | None] = (None, None),
    *,
    running: bool = True,
) -> tuple[FigureStatus, str]:
    """The status of one row and a note that says why.

    Args:
        measure: The row's measure (None for figures paired by their counted noun).
        a: Report A's figures of the quantity.
        b: Report B's figures of it.
        dates: The two reports' publication dates, when known.
        running: False when the figures count one batch or event (the hostages freed in one
            exchange), which a later report does not update: then they differ.

    Returns:
        (status, note); the note is "" when there is nothing to add.
    """
    if not a:
        return FigureStatus.B_ONLY, ""
    if not b:
        return FigureStatus.A_ONLY, ""
    first, second = most_precise(a), most_precise(b)
    # Two vague amounts agree only when neither report says more ("hundreds" twice, but not
    # "hundreds" against "hundreds … more than 500": that is consistent).
    vague_only = first.value is None and second.value is None
    if any(_agree(x, y) for x in a for y in b if vague_only or x.value is not None):
        return FigureStatus.AGREE, ""
    span_a, span_b = interval(first), interval(second)
    if not _overlap(span_a, span_b):
        # "70" and "at least 70" in one report, "68" and "at least 68" in the other: the
        # exact numbers differ, the bounds agree; any two numbers said alike that overlap
        alike = [
            (x, y)
            for x in a
            for y in b
            if x.value is not None
            and y.value is not None
            and x.qualifier == y.qualifier
            and x.qualifier is not None
            and _overlap(interval(x), interval(y))
        ]
        if alike:
            first, second = alike[0]
            span_a, span_b = interval(first), interval(second)
    if _overlap(span_a, span_b):
        return FigureStatus.CONSISTENT, (
            f"{first.stated_value} ({_span(span_a)}) and {second.stated_value} "
            f"({_span(span_b)}) overlap"
        )
    date_a, date_b = dates
    if running and measure in RUNNING_TOTALS and date_a is not None and date_b is not None:
        gap = (date_b - date_a).days
        if gap:
            side = "later" if gap > 0 else "earlier"
            plural = "s" if abs(gap) != 1 else ""
            return FigureStatus.UPDATED, f"B is {abs(gap)} day{plural} {side}"
    if date_a is not None and date_a == date_b:
        return FigureStatus.DIFFER, "same day"
    return FigureStatus.DIFFER, ""


def _span(bounds: tuple[float, float]) -> str:
    """An interval for people: "1,080–1,200"."""
    low, high = (round(bounds[0]), round(bounds[1]))
    return format_number(low) if low == high else f"{format_number(low)}–{format_number(high)}"
