"""Tests for index.docsets."""

from __future__ import annotations

import pytest

from index.docsets import matching_docs
from index.models import ArticleId
from index.query import parse_query
from index.store import ArticleStore
from tests.unit.test_search import ARTICLES


@pytest.mark.parametrize(
    "text",
    ["hamas", "hamas qatar", "hamas OR oil", "hamas NOT qatar", '"truce in Gaza"', "NOT hamas"],
)
def test_matching_docs_agrees_with_whoosh(text: str) -> None:
    """Set arithmetic finds exactly the documents Whoosh's matchers find, minus deletions."""
    store = ArticleStore.in_memory()
    store.write(ARTICLES)
    store.write([], deletes=[ArticleId("c")])
    with store.searcher() as searcher:
        parsed = parse_query(text, searcher.reader())
        assert parsed.text_query is not None
        expected = sorted(searcher.docs_for_query(parsed.text_query))
        assert matching_docs(searcher, parsed.text_query) == expected
