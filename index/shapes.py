"""The JSON shapes of the headless commands (build/index, search, show, related).

Pure functions from models to JSON-ready dicts, shared by `python -m index` and the
`newsdesk` CLI so both print exactly the same thing. Articles use `Article.as_json()`.
"""

from __future__ import annotations

from collections.abc import Sequence

from index.models import ArticleId, IngestReport, JsonValue, RelatedArticle, SearchPage


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


def ingest_report_as_json(report: IngestReport, total: int) -> dict[str, JsonValue]:
    """`newsdesk index --json`.

    Args:
        report: The closing summary of the run.
        total: How many articles the library holds afterwards.

    Returns:
        {"added", "updated", "unchanged", "removed", "duplicates", "skipped", "articles",
        "seconds"}; duplicates and skipped as [{"path", "reason"}].
    """
    return {
        "added": list(report.added),
        "updated": list(report.updated),
        "unchanged": report.unchanged,
        "removed": list(report.removed),
        "duplicates": [{"path": d.path, "reason": d.reason} for d in report.duplicates],
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "articles": total,
        "seconds": round(report.seconds, 3),
    }
