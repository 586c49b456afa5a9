"""Unit tests of index.bookmarks.filters (the bookmarks screen's and CLI's filter)."""

from __future__ import annotations

import dataclasses

import pytest

from index import ArticleId, filter_bookmarks, matches_filter
from tests.builders import make_bookmark

MARK = make_bookmark(
    id=1,
    article_id=ArticleId("abc123"),
    quote="Egypt proposed a first phase",
    end=28,
    tags=("Proposal", "egypt"),
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


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        ((), True),
        (("proposal",), True),
        (("#Egypt",), True),
        (("proposal", "egypt"), True),
        (("proposal", "missing"), False),
    ],
)
def test_matches_filter_tags_must_all_be_there(tags: tuple[str, ...], expected: bool) -> None:
    """Every tag given must be one of the bookmark's (any case, a leading '#' ignored)."""
    assert matches_filter(MARK, "", tags) is expected


def test_matches_filter_hash_tags_stored_earlier_still_match() -> None:
    """A tag stored with its '#' (before tags were normalised) matches tag:NAME and tag:#NAME."""
    old = dataclasses.replace(MARK, tags=("#truce",))
    assert matches_filter(old, "tag:truce")
    assert matches_filter(old, "tag:#truce")


def test_filter_bookmarks_keeps_order() -> None:
    """Only the matching bookmarks are kept, in the order given."""
    other = dataclasses.replace(MARK, id=2, tags=("proposal",), note="")
    third = dataclasses.replace(MARK, id=3, tags=())
    marks = [MARK, other, third]
    assert [m.id for m in filter_bookmarks(marks, "tag:proposal")] == [1, 2]
    assert [m.id for m in filter_bookmarks(marks, "count")] == [1, 3]
    assert filter_bookmarks(marks) == marks
