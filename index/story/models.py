"""The story of one count: every report's figure over time, the day's consensus, flags.

A *count* (`CountKey`) is a measure plus, where the text says them, a group and a place:
"killed · Gaza", "hostages_held", "killed · Israelis · Israel". Every model here is frozen
and carries its JSON shape; the CSV export is `story_as_csv`.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from index.models import ArticleId, Figure, JsonValue, format_number


@dataclass(frozen=True, slots=True, order=True)
class CountKey:
    """What a figure counts: measure, and group and place when said (None when not)."""

    measure: str
    group: str | None = None
    place: str | None = None

    @classmethod
    def of(cls, figure: Figure) -> CountKey | None:
        """The count a figure belongs to; None without a measure or with a unit (40%)."""
        if figure.measure is None or figure.unit is not None:
            return None
        return cls(figure.measure, figure.group, figure.place)

    @property
    def label(self) -> str:
        """For people: "killed · Gaza", "hostages held", "killed · Israelis · Israel"."""
        parts = [self.measure.replace("_", " ")]
        parts += [part for part in (self.group, self.place) if part]
        return " · ".join(parts)

    def as_json(self) -> dict[str, JsonValue]:
        """`{measure, group, place}`."""
        return {"measure": self.measure, "group": self.group, "place": self.place}


@dataclass(frozen=True, slots=True)
class CountSummary:
    """One count the library holds, for `newsdesk figures --list` and the count chooser."""

    key: CountKey
    reports: int
    """Articles with at least one figure of this count."""
    figures: int
    first: date | None
    """Earliest publication date among those reports (None when all are undated)."""
    last: date | None
    undated: int = 0
    """Reports without a publication date."""

    def as_json(self) -> dict[str, JsonValue]:
        """The `figures --list --json` row."""
        return {
            **self.key.as_json(),
            "label": self.key.label,
            "reports": self.reports,
            "figures": self.figures,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "undated": self.undated,
        }


@dataclass(frozen=True, slots=True)
class StoredFigure:
    """A figure as the figure store keeps it: the figure and what its row needs of its article."""

    article_id: ArticleId
    published: date | None
    outlet: str | None
    title: str
    figure: Figure


class FlagKind(StrEnum):
    """What is odd about a report's figure."""

    OUTLIER = "outlier"
    """Far from the day's consensus (see `index.story.consensus`)."""
    STALE = "stale"
    """A running total that other reports had already moved past."""
    PART = "part"
    """Far below a running total: one event's count, or a part of the toll."""

    @property
    def cue(self) -> str:
        """A sign and a word, so the flag reads without colour."""
        return _FLAG_CUES[self]


_FLAG_CUES = {FlagKind.OUTLIER: "⚠ outlier", FlagKind.STALE: "⏱ stale", FlagKind.PART: "◦ part"}


@dataclass(frozen=True, slots=True)
class Flag:
    """One flag on a figure, with how far off it is in words."""

    kind: FlagKind
    note: str
    """E.g. "×3.2 the consensus 1,400" or "the consensus of 2023-10-13, 25 days earlier"."""

    def as_json(self) -> dict[str, JsonValue]:
        """`{kind, note}`."""
        return {"kind": str(self.kind), "note": self.note}


@dataclass(frozen=True, slots=True)
class StoryRow:
    """One figure of the count in one report, with who says it and its flags."""

    article_id: ArticleId
    published: date | None
    outlet: str | None
    title: str
    figure: Figure
    says: str
    """Who says it: the attribution's source ("Gaza health ministry", "UN") or "unattributed"."""
    plotted: bool = False
    """Whether this is its report's value (one per report: its largest stated number)."""
    flags: tuple[Flag, ...] = ()

    @property
    def number(self) -> float:
        """The stated number: the value, or the middle of a range."""
        low, high = self.figure.bounds
        return (low + high) / 2

    def as_json(self) -> dict[str, JsonValue]:
        """The `newsdesk figures --json` row (the figure's fields flattened in)."""
        figure = self.figure.as_json()
        return {
            "id": self.article_id,
            "published": self.published.isoformat() if self.published else None,
            "source": self.outlet,
            "title": self.title,
            **{k: figure[k] for k in ("value", "low", "high", "unit", "qualifier", "text")},
            "attribution": self.figure.attribution,
            "says": self.says,
            "paragraph": self.figure.paragraph,
            "start": self.figure.start,
            "end": self.figure.end,
            "plotted": self.plotted,
            "flags": [flag.as_json() for flag in self.flags],
        }


@dataclass(frozen=True, slots=True)
class DayConsensus:
    """The consensus of one day: the median of that day's reports that vote."""

    day: date
    value: float
    reports: int
    """How many reports voted."""

    def as_json(self) -> dict[str, JsonValue]:
        """`{date, value, reports}`."""
        value = int(self.value) if float(self.value).is_integer() else self.value
        return {"date": self.day.isoformat(), "value": value, "reports": self.reports}


@dataclass(frozen=True, slots=True)
class SourceSummary:
    """Who says what: the values one source is cited for."""

    says: str
    reports: int
    low: float
    high: float
    latest: StoryRow | None
    """The most recent dated plotted row citing this source (None when all are undated)."""

    @property
    def range_text(self) -> str:
        """The range of values cited, e.g. "1,400" or "1,400–21,822"."""
        if self.low == self.high:
            return format_number(self.low)
        return f"{format_number(self.low)}–{format_number(self.high)}"

    def as_json(self) -> dict[str, JsonValue]:
        """`{says, reports, low, high, latest: {date, value}}`."""
        latest: JsonValue = None
        if self.latest is not None and self.latest.published is not None:
            latest = {"date": self.latest.published.isoformat(), "text": self.latest.figure.text}
        return {
            "says": self.says,
            "reports": self.reports,
            "low": self.low,
            "high": self.high,
            "latest": latest,
        }


@dataclass(frozen=True, slots=True)
class Story:
    """Every report's figure for one count, by date, with consensus, flags and sources."""

    key: CountKey
    rows: tuple[StoryRow, ...]
    """Dated rows, oldest first (ties by outlet)."""
    undated: tuple[StoryRow, ...]
    """Rows of reports without a date: listed apart, never placed on a guessed date."""
    days: tuple[DayConsensus, ...] = ()
    sources: tuple[SourceSummary, ...] = ()
    running_total: bool = False
    """Whether the measure is a running total (a toll): then stale figures are flagged."""
    outlets: tuple[str, ...] = field(default=())
    """Outlets, most rows first (the plot gives each a letter in this order)."""

    @property
    def all_rows(self) -> tuple[StoryRow, ...]:
        """Dated rows, then undated ones."""
        return self.rows + self.undated

    @property
    def reports(self) -> int:
        """How many reports the story holds."""
        return len({row.article_id for row in self.all_rows})

    def flagged(self, kind: FlagKind) -> int:
        """How many rows carry a flag of this kind."""
        return sum(1 for row in self.all_rows if any(f.kind is kind for f in row.flags))

    def as_json(self) -> dict[str, JsonValue]:
        """The `newsdesk figures --json` shape."""
        return {
            "count": {**self.key.as_json(), "label": self.key.label},
            "reports": self.reports,
            "running_total": self.running_total,
            "undated": len(self.undated),
            "consensus": [day.as_json() for day in self.days],
            "sources": [source.as_json() for source in self.sources],
            "figures": [row.as_json() for row in self.all_rows],
        }


CSV_COLUMNS = (
    "id",
    "published",
    "source",
    "value",
    "low",
    "high",
    "qualifier",
    "text",
    "attribution",
    "says",
    "plotted",
    "flags",
    "consensus",
    "title",
)
"""The columns of `newsdesk figures --csv` and of the story screen's CSV export."""


def story_as_csv(story: Story) -> str:
    """Every row of the story as CSV (one line per figure, undated last)."""
    consensus = {day.day: day.value for day in story.days}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for row in story.all_rows:
        data = row.as_json()
        day = consensus.get(row.published) if row.published else None
        flags = "; ".join(f"{flag.kind}: {flag.note}" for flag in row.flags)
        writer.writerow(
            [
                *(_cell(data[name]) for name in CSV_COLUMNS[:11]),
                flags,
                "" if day is None else format_number(day).replace(",", ""),
                row.title,
            ]
        )
    return out.getvalue()


def _cell(value: JsonValue) -> str:
    """A JSON value as a CSV cell: empty for null, `true`/`false` for booleans."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)
