"""Tests for index.search.long_query: short plain queries need every word, long ones any two."""

from __future__ import annotations

import pytest
from whoosh import query

from index.search.engine import run_search
from index.search.long_query import (
    MIN_SHOULD_MATCH,
    SHORT_QUERY_WORDS,
    loosen,
    plain_words,
    widen,
)
from index.search.query import parse_query
from index.store.article_store import ArticleStore

LONG = "hamas truce killed prices"
"""Four words: a has hamas and truce, c hamas and killed, b only truce, d only prices."""


def _words(count: int) -> query.And:
    return query.And([query.Term("body", f"w{n}") for n in range(count)])


@pytest.mark.parametrize(
    "text",
    ['"truce deal" hamas', "hamas OR truce", "hamas NOT oil", "hostag*", "truce~", "title:x"],
)
def test_plain_words_is_none_for_syntax(text: str) -> None:
    """Quotes, operators, wildcards, fuzziness and fields leave the query as written."""
    assert plain_words(text) is None


def test_plain_words_blanks_brackets_and_question_marks() -> None:
    """Without syntax, brackets and question marks are punctuation."""
    blanked = plain_words("were hostages released? (in gaza)")
    assert blanked is not None
    assert blanked.split() == ["were", "hostages", "released", "in", "gaza"]


def test_loosen_keeps_short_queries() -> None:
    """Up to SHORT_QUERY_WORDS words stay an AND."""
    assert loosen(_words(SHORT_QUERY_WORDS)) is None
    assert loosen(query.Or([query.Term("body", "a"), query.Term("body", "b")])) is None


def test_loosen_makes_long_queries_need_two_words() -> None:
    """Longer implicit ANDs become an Or needing MIN_SHOULD_MATCH of the words."""
    words = _words(SHORT_QUERY_WORDS + 1)
    loose = loosen(words)
    assert isinstance(loose, query.Or)
    assert loose.minmatch == MIN_SHOULD_MATCH
    assert loose.subqueries == words.subqueries
    wider = widen(loose)
    assert isinstance(wider, query.Or)
    assert wider.minmatch <= 1
    assert widen(wider) is None


def test_parse_query_short_and_long(search_store: ArticleStore) -> None:
    """Three words are an AND; four plain words are "at least two", marked long."""
    with search_store.searcher() as searcher:
        short = parse_query("hamas truce killed", searcher.reader())
        long = parse_query(LONG, searcher.reader())
    assert isinstance(short.text_query, query.And)
    assert not short.long
    assert isinstance(long.text_query, query.Or)
    assert long.text_query.minmatch == MIN_SHOULD_MATCH
    assert long.long


def test_parse_query_stop_words_do_not_count(search_store: ArticleStore) -> None:
    """ "what is the truce with hamas" has two words: it stays an AND."""
    with search_store.searcher() as searcher:
        parsed = parse_query("what is the truce with hamas", searcher.reader())
    assert isinstance(parsed.text_query, query.And)
    assert not parsed.long


@pytest.mark.parametrize(
    "text",
    [
        f'"{LONG}"',
        "hamas AND truce killed prices",
        "hamas truce killed price*",
        "(hamas OR truce) killed prices oil",
    ],
)
def test_parse_query_leaves_syntax_as_written(search_store: ArticleStore, text: str) -> None:
    """A long query written with syntax is not loosened."""
    with search_store.searcher() as searcher:
        parsed = parse_query(text, searcher.reader())
    assert not parsed.long


def test_parse_query_question_mark_is_punctuation(search_store: ArticleStore) -> None:
    """A question ends with a question mark, not a one-letter wildcard."""
    with search_store.searcher() as searcher:
        parsed = parse_query("were hostages released?", searcher.reader())
    assert set(parsed.terms) == {"hostag", "releas"}
    assert not parsed.fallback


def test_run_search_long_query_finds_articles_with_two_words(search_store: ArticleStore) -> None:
    """No article has all four words; a and c have two each, b and d only one."""
    page = run_search(search_store, LONG)
    assert {h.article.id for h in page.hits} == {"a", "c"}
    assert page.total == 2
    assert page.notice is None


def test_run_search_long_query_keeps_filters(search_store: ArticleStore) -> None:
    """A filter narrows a long query without making its words an AND."""
    page = run_search(search_store, f"{LONG} source:afp")
    assert [h.article.id for h in page.hits] == ["c"]


def test_run_search_long_query_widens_when_no_article_has_two(
    search_store: ArticleStore,
) -> None:
    """When no article has two of the words, any one of them will do, with a notice."""
    page = run_search(search_store, "hostages oil ministry announced")
    assert {h.article.id for h in page.hits} == {"a", "b", "c", "d"}
    assert page.notice is not None
    assert "any of them" in page.notice


def test_run_search_long_query_pages_agree(search_store: ArticleStore) -> None:
    """The feedback ranking is the same whatever the page size (paging is consistent)."""
    whole = [h.article.id for h in run_search(search_store, LONG, limit=2).hits]
    first = [h.article.id for h in run_search(search_store, LONG, limit=1).hits]
    second = [h.article.id for h in run_search(search_store, LONG, limit=1, offset=1).hits]
    assert whole == first + second
