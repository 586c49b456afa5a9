"""Unit tests of tui.widgets.bookmark_list.matches_filter (the bookmarks screen's filter)."""

from __future__ import annotations

import pytest

from index import AnchorStatus, ArticleId, Bookmark
from tui.widgets.bookmark_list import matches_filter

MARK = Bookmark(
    id=1,
    article_id=ArticleId("abc123"),
    quote="Egypt proposed a first phase",
    prefix="",
    suffix="",
    paragraph=1,
    start=0,
    end=28,
    note="check the count",
    tags=("Proposal", "egypt"),
    created="2024-01-01T00:00:00Z",
    updated="2024-01-01T00:00:00Z",
    status=AnchorStatus.ANCHORED,
    article_title="Cairo round",
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", True),
        ("first phase", True),
        ("COUNT", True),
        ("cairo", True),
        ("tag:proposal", True),
        ("tag:prop", False),
        ("article:abc", True),
        ("article:zzz", False),
        ("egypt tag:egypt", True),
        ("missing", False),
    ],
)
def test_matches_filter_words_tags_articles(text: str, expected: bool) -> None:
    """Words search quote/note/title/tags; tag: is exact (any case); article: is a prefix."""
    assert matches_filter(MARK, text) is expected
