"""Unit tests of index.bookmarks.tags (one tag normaliser for the store, CLI and app)."""

from __future__ import annotations

import pytest

from index import normalize_tags, parse_tags


def test_normalize_tags_strips_and_dedupes() -> None:
    """Whitespace is collapsed, empties dropped, duplicates removed, order kept."""
    assert normalize_tags([" b ", "a", "b", "", "two  words"]) == ("b", "a", "two words")


def test_normalize_tags_drops_a_leading_hash() -> None:
    """`#truce` and `truce` are one tag; a `#` inside a tag stays."""
    assert normalize_tags(["#truce", "truce", "##war", "# ", "c#"]) == ("truce", "war", "c#")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ()),
        ("war, talks", ("war", "talks")),
        ("#truce  #truce hostages", ("truce", "hostages")),
        (" , ,", ()),
        ("[bold]x", ("[bold]x",)),
    ],
)
def test_parse_tags_splits_and_dedupes(text: str, expected: tuple[str, ...]) -> None:
    """Commas and spaces separate tags; '#' is dropped; duplicates keep the first."""
    assert parse_tags(text) == expected
