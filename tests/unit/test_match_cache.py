"""Tests for index.search.match_cache: a query's match set and facets, once per generation."""

from __future__ import annotations

from whoosh import query

from index.models import ArticleId
from index.search.engine import run_search
from index.search.match_cache import remembered
from index.store.article_store import ArticleStore
from tests.builders import SEARCH_ARTICLES


def test_remembered_computes_once_per_query_and_generation() -> None:
    """The same query reuses the value; another query or a new generation computes again."""
    store = ArticleStore.in_memory()
    store.write(SEARCH_ARTICLES[:2])
    calls: list[str] = []

    def compute(name: str) -> str:
        calls.append(name)
        return name

    hamas, oil = query.Term("body", "hama"), query.Term("body", "oil")
    with store.searcher() as searcher:
        assert remembered("matches", store, searcher, hamas, lambda: compute("a")) == "a"
        assert remembered("matches", store, searcher, hamas, lambda: compute("b")) == "a"
        assert remembered("facets", store, searcher, hamas, lambda: compute("c")) == "c"
        assert remembered("matches", store, searcher, oil, lambda: compute("d")) == "d"
        words = [hamas, oil]
        any_two = query.Or(words, minmatch=2)
        assert remembered("matches", store, searcher, any_two, lambda: compute("e")) == "e"
        assert remembered("matches", store, searcher, query.Or(words), lambda: compute("f")) == "f"
    store.write(SEARCH_ARTICLES[2:])
    with store.searcher() as searcher:
        assert remembered("matches", store, searcher, hamas, lambda: compute("g")) == "g"
    assert calls == ["a", "c", "d", "e", "f", "g"]


def test_search_after_a_write_counts_the_new_matches() -> None:
    """A query run again after a write finds, and counts facets of, the new generation."""
    store = ArticleStore.in_memory()
    store.write(SEARCH_ARTICLES)
    before = run_search(store, "hamas")
    assert before.total > 1
    assert run_search(store, "hamas").facets == before.facets
    store.write([], deletes=[before.hits[0].article.id])
    after = run_search(store, "hamas")
    assert after.total == before.total - 1
    assert sum(v.count for v in after.facets["source"]) < sum(
        v.count for v in before.facets["source"]
    )
    assert ArticleId(before.hits[0].article.id) not in {h.article.id for h in after.hits}
