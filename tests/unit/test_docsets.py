"""Tests for index.store.docsets."""

from __future__ import annotations

import pytest

from index.models import ArticleId
from index.search.query import parse_query
from index.store.article_store import ArticleStore
from index.store.docsets import PostingCache, matching_docs
from tests.builders import SEARCH_ARTICLES


@pytest.mark.parametrize(
    "text",
    [
        "hamas",
        "hamas qatar",
        "hamas OR oil",
        "hamas NOT qatar",
        '"truce in Gaza"',
        "NOT hamas",
    ],
)
def test_matching_docs_agrees_with_whoosh(text: str) -> None:
    """Set arithmetic finds exactly the documents Whoosh's matchers find, minus deletions."""
    store = ArticleStore.in_memory()
    store.write(SEARCH_ARTICLES)
    store.write([], deletes=[ArticleId("c")])
    with store.searcher() as searcher:
        parsed = parse_query(text, searcher.reader())
        assert parsed.text_query is not None
        expected = sorted(searcher.docs_for_query(parsed.text_query))
        assert matching_docs(searcher, parsed.text_query) == expected


def test_matching_docs_counts_words_of_an_or_with_minmatch() -> None:
    """An Or with `minmatch` (a long query) keeps documents matching that many of its parts.

    Whoosh's own `docs_for_query` ignores `minmatch`, so this is checked against the articles.
    """
    store = ArticleStore.in_memory()
    store.write(SEARCH_ARTICLES)
    with store.searcher() as searcher:
        parsed = parse_query("hamas truce killed prices", searcher.reader())
        assert parsed.text_query is not None
        found = matching_docs(searcher, parsed.text_query)
        ids = [searcher.stored_fields(docnum)["id"] for docnum in found]
    assert sorted(ids) == ["a", "c"]


def test_posting_cache_reuses_and_bounds_entries() -> None:
    """A cached term is returned as the same object; the cache drops the oldest past capacity."""
    store = ArticleStore.in_memory()
    store.write(SEARCH_ARTICLES)
    with store.searcher() as searcher:
        size = len(PostingCache().get(searcher, "body", "hama").ids)
        assert size > 0
        cache = PostingCache(capacity=size)
        first = cache.get(searcher, "body", "hama")
        assert cache.get(searcher, "body", "hama") is first
        assert list(first.ids) == sorted(first.id_set)
        assert len(first.weights) == len(first.ids)
        cache.get(searcher, "body", "oil")
        assert cache.get(searcher, "body", "hama") is not first


def test_matching_docs_same_with_shared_cache() -> None:
    """A store's per-generation posting cache gives the same match sets as a fresh one."""
    store = ArticleStore.in_memory()
    store.write(SEARCH_ARTICLES)
    with store.searcher() as searcher:
        for text in ["hamas", "hamas qatar", "hamas OR oil", "hamas NOT qatar"]:
            q = parse_query(text, searcher.reader()).text_query
            assert q is not None
            shared = matching_docs(searcher, q, store.postings(searcher))
            assert shared == matching_docs(searcher, q, store.postings(searcher))
            assert shared == matching_docs(searcher, q)
