"""Frozen data models shared by every layer of newsdesk.

Everything that crosses a module boundary is one of these dataclasses: Whoosh types
never leave `index.store` and `index.search`, and the UI renders only these. Character
offsets (`start`, `end`) are always relative to one paragraph of `Article.paragraphs`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from typing import NewType

ArticleId = NewType("ArticleId", str)
"""An article's stable id: a record's own id, or a short hash of its first content."""

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
    paragraph: int
    start: int
    end: int

    @property
    def bounds(self) -> tuple[float, float]:
        """The (low, high) interval this figure states; a single value is (v, v)."""
        if self.value is not None:
            return (self.value, self.value)
        low = self.low if self.low is not None else 0.0
        high = self.high if self.high is not None else low
        return (low, high)

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
            "qualifier": self.qualifier,
            "counted": self.counted,
            "measure": self.measure,
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
    paragraph: int
    start: int
    end: int

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


@dataclass(frozen=True, slots=True)
class Snippet:
    """A short excerpt with the query's matches as spans (offsets into `text`)."""

    text: str
    matches: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One ranked search result."""

    article: ArticleSummary
    score: float
    snippet: Snippet
    rank: int


@dataclass(frozen=True, slots=True)
class FacetValue:
    """One value of a facet with its count in the whole result set."""

    value: str
    count: int


@dataclass(frozen=True, slots=True)
class SearchPage:
    """The answer to one query."""

    query: str
    hits: tuple[SearchHit, ...]
    total: int
    """How many articles matched in all (not only this page)."""
    took_ms: float
    sort: str = "relevance"
    fallback: bool = False
    """True when the query was malformed and was run as plain terms."""
    notice: str | None = None
    """Why the fallback happened, in words a user understands."""
    suggestion: str | None = None
    """"Did you mean" query, when a better-spelled one exists."""
    facets: dict[str, tuple[FacetValue, ...]] = field(default_factory=dict)
    """"source", "party", "month" -> values by count."""
    terms: tuple[str, ...] = ()
    """The analysed query terms, for highlighting matches in an article."""


@dataclass(frozen=True, slots=True)
class RelatedArticle:
    """An article similar to another one, for picking a comparison."""

    article: ArticleSummary
    score: float
    shared_parties: tuple[str, ...] = ()
    shared_measures: tuple[str, ...] = ()
    days_apart: int | None = None


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file ingest did not take, and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class IngestReport:
    """The closing summary of `newsdesk index`."""

    added: tuple[ArticleId, ...] = ()
    updated: tuple[ArticleId, ...] = ()
    unchanged: int = 0
    removed: tuple[ArticleId, ...] = ()
    duplicates: tuple[SkippedFile, ...] = ()
    """Files whose content is identical or near-identical to an indexed article."""
    skipped: tuple[SkippedFile, ...] = ()
    seconds: float = 0.0


# --- bookmarks --------------------------------------------------------------------


class AnchorStatus(StrEnum):
    """Where a bookmark stands against the article's current text."""

    ANCHORED = "anchored"
    MOVED = "moved"
    ORPHAN = "orphan"


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A bookmarked passage, as stored and as re-anchored against the current text."""

    id: int
    article_id: ArticleId
    quote: str
    prefix: str
    suffix: str
    paragraph: int | None
    """Current paragraph (None for an orphan)."""
    start: int | None
    end: int | None
    note: str
    tags: tuple[str, ...]
    created: str
    """ISO 8601 UTC timestamp."""
    updated: str
    status: AnchorStatus = AnchorStatus.ANCHORED
    article_title: str = ""
    content_hash: str = ""

    def as_json(self) -> dict[str, JsonValue]:
        """The `bookmarks list --json` shape."""
        return {
            "id": self.id,
            "article": self.article_id,
            "title": self.article_title,
            "quote": self.quote,
            "note": self.note,
            "tags": list(self.tags),
            "status": str(self.status),
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "created": self.created,
            "updated": self.updated,
        }


def format_number(value: float) -> str:
    """A number for people: 1200.0 -> "1,200", 1.5 -> "1.5", 2500000.0 -> "2,500,000"."""
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,g}"


def _number(value: float | None) -> int | float | None:
    """Show whole numbers as ints in JSON (1200, not 1200.0)."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value
