"""An article and what is found in it: figures, party mentions, highlight spans.

Character offsets (`start`, `end`) are always relative to one paragraph of
`Article.paragraphs`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import NewType

ArticleId = NewType("ArticleId", str)
"""An article's stable id: a record's own id, or a short hash of its first content."""

_OPEN = 1e-9
"""How far inside an open bound ("more than X") a figure's interval starts."""

JsonValue = str | int | float | bool | None | list["JsonValue"] | dict[str, "JsonValue"]
"""A value that `json.dumps` accepts."""


class PublishedHow(StrEnum):
    """How an article's publication date was found."""

    STATED = "stated"
    """A date written in the article or its record (header, ISO timestamp, JSON field)."""
    URL = "url"
    """A date in the article URL's path."""
    DATELINE = "dateline"
    """A dateline such as "Moscow, Nov 21.-" that carried a year."""
    INFERRED = "inferred"
    """Worked out from indirect evidence (e.g. a relative day next to a known date)."""
    UNKNOWN = "unknown"
    """No date could be found; `published` is None."""


class SpanKind(StrEnum):
    """What a highlighted span of text is."""

    FIGURE = "figure"
    PARTY = "party"
    MATCH = "match"
    BOOKMARK = "bookmark"
    DIFFERENCE = "difference"


class MentionKind(StrEnum):
    """The kind of a named party."""

    STATE = "state"
    ORGANIZATION = "organization"
    PERSON = "person"
    MEDIA = "media"
    PLACE = "place"


@dataclass(frozen=True, slots=True)
class Span:
    """A highlighted stretch of one paragraph."""

    paragraph: int
    """Index into `Article.paragraphs`."""
    start: int
    """Character offset of the first character, inclusive."""
    end: int
    """Character offset after the last character, exclusive."""
    kind: SpanKind
    label: str = ""
    """A short text cue shown with the span (measure, party name, ...)."""


@dataclass(frozen=True, slots=True)
class Figure:
    """A number that counts something: qualifier + number + counted noun phrase."""

    text: str
    """The whole phrase as written, e.g. "nearly 1,200 people"."""
    value: float | None
    """The number; None for a range (see `low`/`high`)."""
    low: float | None
    """Lower bound of a range, else None."""
    high: float | None
    """Upper bound of a range, else None."""
    qualifier: str | None
    """"nearly", "more than", "about", "at least" ... normalised to lower case, or None."""
    counted: str | None
    """The counted noun: people, hostages, prisoners, children ..."""
    measure: str | None
    """Normalised measure (killed, injured, hostages_taken, hostages_held, ...) or None."""
    attribution: str | None
    """The phrase that sources it ("according to local authorities"), or None."""
    paragraph: int | None
    """Index into `Article.paragraphs`; None for a figure in the title."""
    start: int
    """Character offset in that paragraph (or in the title)."""
    end: int
    unit: str | None = None
    """None for a count; "percent" for "80%" (value 80); "share" for "a third of" (1/3)."""
    group: str | None = None
    """Whom it counts when the text says (Israelis, Palestinians, children…), or None."""
    place: str | None = None
    """Where the counted thing happened when the text says (Gaza, Israel…), or None."""

    @property
    def position(self) -> tuple[int, int]:
        """Reading order in the article: the title (-1) first, then paragraph by paragraph."""
        return (-1 if self.paragraph is None else self.paragraph, self.start)

    @property
    def bounds(self) -> tuple[float, float]:
        """The (low, high) interval this figure states; a single value is (v, v)."""
        if self.value is not None:
            return (self.value, self.value)
        low = self.low if self.low is not None else 0.0
        high = self.high if self.high is not None else low
        return (low, high)

    @property
    def interval(self) -> tuple[float, float]:
        """The interval the figure states, its qualifier read as in `index.compare.figure_status`.

        Exact X is [X, X]; about X [0.9X, 1.1X]; nearly X [0.9X, X]; more than X (X, 1.5X];
        at least X [X, 1.5X]; up to X [0.5X, X]; less than X [0.5X, X); a range its bounds.
        """
        value, qualifier = self.value, self.qualifier
        if value is None:
            return self.bounds
        if qualifier is None:
            return (value, value)
        if qualifier == "about":
            return (0.9 * value, 1.1 * value)
        if qualifier == "nearly":
            return (0.9 * value, value)
        if qualifier == "more than":
            return (value + _OPEN * max(value, 1.0), 1.5 * value)
        if qualifier == "at least":
            return (value, 1.5 * value)
        if qualifier == "up to":
            return (0.5 * value, value)
        if qualifier == "less than":
            return (0.5 * value, value - _OPEN * max(value, 1.0))
        return (value, value)

    @property
    def value_text(self) -> str:
        """The number or range as written for people, e.g. "1,200" or "200–300"."""
        low, high = self.bounds
        if low == high:
            return format_number(low)
        return f"{format_number(low)}–{format_number(high)}"

    @property
    def stated_value(self) -> str:
        """The amount as stated: qualifier and number(s), e.g. "more than 1,160"."""
        return f"{self.qualifier} {self.value_text}" if self.qualifier else self.value_text

    def as_json(self) -> dict[str, JsonValue]:
        """The PRODUCT.md figure shape."""
        return {
            "text": self.text,
            "value": _number(self.value),
            "low": _number(self.low),
            "high": _number(self.high),
            "unit": self.unit,
            "qualifier": self.qualifier,
            "counted": self.counted,
            "measure": self.measure,
            "group": self.group,
            "place": self.place,
            "attribution": self.attribution,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of a named party (state, organization, person, media, place)."""

    party: str
    """Canonical name, e.g. "Ismail Haniyeh" for "Haniya"."""
    kind: MentionKind
    affiliation: str | None
    """A person's (or metonym's) party, e.g. "Hamas" for Haniyeh; else None."""
    text: str
    """The mention as written."""
    paragraph: int | None
    """Index into `Article.paragraphs`; None for a mention in the title."""
    start: int
    end: int

    @property
    def position(self) -> tuple[int, int]:
        """Reading order in the article: the title (-1) first, then paragraph by paragraph."""
        return (-1 if self.paragraph is None else self.paragraph, self.start)

    def as_json(self) -> dict[str, JsonValue]:
        """The PRODUCT.md mention shape."""
        return {
            "party": self.party,
            "kind": str(self.kind),
            "affiliation": self.affiliation,
            "text": self.text,
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True, slots=True)
class SourceDocument:
    """One unparsed document as a reader found it (a file, or one JSON record)."""

    path: str
    """Where it came from: a file path, or "file.jsonl#12" for a record."""
    text: str
    """The raw text (for HTML, the raw markup)."""
    format: str
    """"text", "markdown", "html" or "record"."""
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    record_id: str | None = None
    """A JSON record's own `id` field, which becomes the article id."""
    tags: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned, extracted article."""

    id: ArticleId
    path: str
    title: str
    source: str | None
    """Canonical outlet name ("Sputnik", "Al Jazeera"), or None."""
    url: str | None
    published: date | None
    published_how: PublishedHow
    tags: tuple[str, ...]
    paragraphs: tuple[str, ...]
    figures: tuple[Figure, ...]
    mentions: tuple[Mention, ...]
    raw: str = ""
    """The original text, kept for provenance."""
    content_hash: str = ""
    """sha256 of the cleaned paragraphs; bookmarks use it to detect changed text."""
    dateline: str | None = None
    """A dateline as written ("Moscow, Nov 21.-"), kept even when it has no year."""
    extra: tuple[tuple[str, str], ...] = field(default=())
    """Free-form provenance (e.g. ("duplicate_paths", "a.txt;b.txt"))."""

    @property
    def text(self) -> str:
        """The cleaned body, paragraphs joined by blank lines."""
        return "\n\n".join(self.paragraphs)

    def text_of(self, paragraph: int | None) -> str:
        """The text a figure or mention's offsets point into: a paragraph, or the title (None).

        Raises:
            IndexError: The article has no such paragraph.
        """
        return self.title if paragraph is None else self.paragraphs[paragraph]

    def as_json(self) -> dict[str, JsonValue]:
        """The PRODUCT.md article shape."""
        return {
            "id": self.id,
            "path": self.path,
            "title": self.title,
            "source": self.source,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "published_how": str(self.published_how),
            "dateline": self.dateline,
            "tags": list(self.tags),
            "paragraphs": list(self.paragraphs),
            "figures": [f.as_json() for f in self.figures],
            "mentions": [m.as_json() for m in self.mentions],
        }


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """What a list row needs to show an article, without its body."""

    id: ArticleId
    title: str
    source: str | None
    published: date | None
    path: str
    parties: tuple[str, ...] = ()
    """Canonical parties, most mentioned first."""
    measures: tuple[str, ...] = ()
    """Measures of the article's figures, most frequent first."""

    def as_json(self) -> dict[str, JsonValue]:
        """A compact JSON shape for lists."""
        return {
            "id": self.id,
            "title": self.title,
            "source": self.source,
            "published": self.published.isoformat() if self.published else None,
            "path": self.path,
            "parties": list(self.parties),
            "measures": list(self.measures),
        }


def format_number(value: float) -> str:
    """A number for people: 1200.0 -> "1,200", 1.5 -> "1.5", 2500000.0 -> "2,500,000"."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


def _number(value: float | None) -> int | float | None:
    """Show whole numbers as ints in JSON (1200, not 1200.0)."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
