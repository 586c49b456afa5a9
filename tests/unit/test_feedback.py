"""Tests for index.search.feedback and rank()."""

from __future__ import annotations

from index.search.engine import rank
from index.store.article_store import ArticleStore
from tests.builders import SEARCH_ARTICLES


def test_rank_with_feedback_adds_related_documents() -> None:
    """Feedback ranks the best hit first and can bring in documents without the words."""
    store = ArticleStore.in_memory()
    store.write(SEARCH_ARTICLES)
    plain = [doc for doc, _ in rank(store, "hostages")]
    expanded = [doc for doc, _ in rank(store, "hostages", feedback=True)]
    assert plain == ["a"]
    assert expanded[0] == "a"
    assert len(expanded) > len(plain)


def test_rank_ignores_feedback_for_phrases() -> None:
    """A phrase is not expanded."""
    store = ArticleStore.in_memory()
    store.write(SEARCH_ARTICLES)
    assert rank(store, '"hostages on Friday"', feedback=True) == rank(store, '"hostages on Friday"')
