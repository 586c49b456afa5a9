"""Hand-made articles (text only: no figures, parties or metadata) and bookmarks for tests."""

from __future__ import annotations

from dataclasses import replace

from index.models import AnchorStatus, Article, ArticleId, Bookmark, PublishedHow


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


def make_bookmark(**changes: object) -> Bookmark:
    """A bookmark on the first sentence of paragraph 1."""
    bookmark = Bookmark(
        id=4,
        article_id=ArticleId("a1"),
        quote="Hamas released 13 hostages.",
        prefix="First paragraph.\n\n",
        suffix=" The Red Cross took them.",
        paragraph=1,
        start=0,
        end=27,
        note="check the count",
        tags=("hostages", "count"),
        created="2024-01-01T00:00:00Z",
        updated="2024-01-02T00:00:00Z",
        status=AnchorStatus.ANCHORED,
        article_title="Truce holds",
    )
    return replace(bookmark, **changes)  # type: ignore[arg-type]  # test-only field overrides
