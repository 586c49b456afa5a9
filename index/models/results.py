"""Search results, "more like this" results, and their JSON shapes.

`search_page_as_json` and friends are the contract of `newsdesk search --json` and
`newsdesk related --json` (README, "JSON shapes").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from index.models.article import ArticleId, ArticleSummary, JsonValue

LIST_PAGE = 20
"""Articles per page of a result list (the app's, and the newest page saved for it)."""


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


MISSING = "none"
"""The facet value, and filter value (`source:none`, `date:none`), of articles without one."""


@dataclass(frozen=True, slots=True)
class FacetValue:
    """One value of a facet with its count in the whole result set."""

    value: str
    count: int

    @property
    def missing(self) -> bool:
        """True for the articles that have no value (no outlet known, undated)."""
        return self.value == MISSING


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
    """"source", "party", "month" -> values by count; the outlet and month facets end with
    `MISSING` ("none": unknown outlet, undated) when some articles have no value."""
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


def search_page_as_json(page: SearchPage) -> dict[str, JsonValue]:
    """`newsdesk search --json`.

    Returns:
        {"query", "total", "took_ms", "fallback", "notice", "suggestion", "facets", "hits"}.
    """
    facets: dict[str, JsonValue] = {
        name: [{"value": v.value, "count": v.count} for v in values]
        for name, values in page.facets.items()
    }
    hits: list[JsonValue] = [
        {
            "id": hit.article.id,
            "title": hit.article.title,
            "source": hit.article.source,
            "published": hit.article.published.isoformat() if hit.article.published else None,
            "score": round(hit.score, 4),
            "snippet": hit.snippet.text,
        }
        for hit in page.hits
    ]
    return {
        "query": page.query,
        "total": page.total,
        "took_ms": round(page.took_ms, 3),
        "fallback": page.fallback,
        "notice": page.notice,
        "suggestion": page.suggestion,
        "facets": facets,
        "hits": hits,
    }


def batch_line_as_json(page: SearchPage) -> dict[str, JsonValue]:
    """One line of `newsdesk search --batch FILE`.

    Returns:
        {"query", "took_ms", "hits": [{"id", "title", "score"}]}.
    """
    hits: list[JsonValue] = [
        {"id": hit.article.id, "title": hit.article.title, "score": round(hit.score, 4)}
        for hit in page.hits
    ]
    return {"query": page.query, "took_ms": round(page.took_ms, 3), "hits": hits}


def related_as_json(
    article_id: ArticleId, related: Sequence[RelatedArticle]
) -> dict[str, JsonValue]:
    """`newsdesk related ID --json`.

    Returns:
        {"id", "related": [{"id", "title", "source", "published", "score",
        "shared_parties", "shared_measures", "days_apart"}]}.
    """
    rows: list[JsonValue] = [
        {
            "id": r.article.id,
            "title": r.article.title,
            "source": r.article.source,
            "published": r.article.published.isoformat() if r.article.published else None,
            "score": round(r.score, 4),
            "shared_parties": list(r.shared_parties),
            "shared_measures": list(r.shared_measures),
            "days_apart": r.days_apart,
        }
        for r in related
    ]
    return {"id": article_id, "related": rows}
