"""Tests for index.search.query, index.search.filters and index.search.terms."""

from __future__ import annotations

import pytest
from whoosh import query

from index.search.query import MAX_QUERY_CHARS, parse_query
from index.store.article_store import ArticleStore


def test_parse_query_takes_filters_out_of_the_text(search_store: ArticleStore) -> None:
    """Filter fields become filter queries; the rest is ranked text."""
    with search_store.searcher() as searcher:
        parsed = parse_query("truce party:qatar date:2023-11", searcher.reader())
    assert parsed.terms == ("truce",)
    assert len(parsed.filters) == 2
    assert isinstance(parsed.filters[1], query.DateRange)
    assert not parsed.fallback


def test_parse_query_as_you_type_prefix_includes_the_stem(search_store: ArticleStore) -> None:
    """An unfinished last word expands to terms with that prefix (and its own stem)."""
    with search_store.searcher() as searcher:
        parsed = parse_query("gaza hostages", searcher.reader(), as_you_type=True)
    assert set(parsed.terms) == {"gaza", "hostag"}


def test_parse_query_one_letter_while_typing_is_ignored(search_store: ArticleStore) -> None:
    """A single letter being typed adds nothing to the query."""
    with search_store.searcher() as searcher:
        parsed = parse_query("qatar h", searcher.reader(), as_you_type=True)
    assert parsed.terms == ("qatar",)


def test_parse_query_long_text_is_cut_and_reported(search_store: ArticleStore) -> None:
    """A huge paste is cut, searched as words, and the notice says so."""
    with search_store.searcher() as searcher:
        parsed = parse_query("truce " * 5000, searcher.reader())
    assert parsed.fallback
    assert parsed.notice is not None
    assert str(MAX_QUERY_CHARS) in parsed.notice


@pytest.mark.parametrize(
    ("text", "reason"),
    [('"open', "quote"), ("(truce", "bracket"), ("truce)", "bracket"), ("truce AND", "AND/OR")],
)
def test_parse_query_explains_the_problem(
    search_store: ArticleStore, text: str, reason: str
) -> None:
    """The notice names what is wrong in plain words."""
    with search_store.searcher() as searcher:
        parsed = parse_query(text, searcher.reader())
    assert parsed.fallback
    assert reason in (parsed.notice or "")
    assert parsed.terms == ("truce",) or parsed.terms == ("open",)
