"""Tests for index.search.spelling."""

from __future__ import annotations

from index.search.spelling import correct_word, edits1, suggest
from index.store.article_store import ArticleStore
from tests.builders import SEARCH_ARTICLES


def test_edits1_puts_deletes_first() -> None:
    """Cheapest edits come first, so 'hamass' prefers 'hamas'."""
    assert edits1("ab")[:2] == ["b", "a"]
    assert "hamas" in edits1("hamass")


def test_correct_word_and_suggest() -> None:
    """A misspelled word is corrected to a known word; known words are left alone."""
    store = ArticleStore.in_memory()
    store.write(SEARCH_ARTICLES)
    with store.searcher() as searcher:
        reader = searcher.reader()
        assert correct_word("qatr", reader) == "qatar"
        assert correct_word("qatar", reader) is None
        assert suggest("Qatr truce", ("Qatr", "truce"), reader) == "Qatar truce"
        assert suggest("truce", ("truce",), reader) is None
