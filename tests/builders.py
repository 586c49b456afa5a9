"""Hand-made articles for tests that need only text (no figures, parties or metadata)."""

from __future__ import annotations

from index.models import Article, ArticleId, PublishedHow


def text_article(
    paragraphs: tuple[str, ...],
    *,
    article_id: str = "a1",
    title: str = "Truce holds",
    content_hash: str = "",
) -> Article:
    """An undated article from nowhere holding just these paragraphs."""
    return Article(
        id=ArticleId(article_id),
        path=f"{article_id}.txt",
        title=title,
        source=None,
        url=None,
        published=None,
        published_how=PublishedHow.UNKNOWN,
        tags=(),
        paragraphs=paragraphs,
        figures=(),
        mentions=(),
        content_hash=content_hash,
    )
