"""Tests for index.search.related (find_related)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from index.errors import ArticleNotFound
from index.models import ArticleId
from index.search.related import find_related
from index.store.article_store import ArticleStore
from tests.builders import SEARCH_ARTICLES


def test_find_related_excludes_self_and_exact_duplicates() -> None:
    """Neither the article nor a copy with the same content hash is related to it."""
    store = ArticleStore.in_memory()
    copy = replace(SEARCH_ARTICLES[0], id=ArticleId("a-copy"), path="/news/copy.txt")
    store.write([*SEARCH_ARTICLES, copy])
    ids = [r.article.id for r in find_related(store, ArticleId("a"))]
    assert "a" not in ids
    assert "a-copy" not in ids
    assert ids[0] == "b"


def test_find_related_reports_shared_parties_and_days() -> None:
    """Related articles say which parties they share and how many days apart they are."""
    store = ArticleStore.in_memory()
    store.write(SEARCH_ARTICLES)
    related = {str(r.article.id): r for r in find_related(store, ArticleId("a"))}
    assert related["b"].shared_parties == ("Qatar",)
    assert related["b"].days_apart == 3
    assert "d" not in related


def test_find_related_nearest_date_first_among_equals() -> None:
    """Two equally similar reports come nearest in date first."""
    store = ArticleStore.in_memory()
    base = SEARCH_ARTICLES[1]
    far = replace(base, id=ArticleId("far"), published=date(2024, 6, 1), content_hash="f")
    near = replace(base, id=ArticleId("near"), published=date(2023, 11, 28), content_hash="n")
    store.write([SEARCH_ARTICLES[0], base, far, near])
    ids = [str(r.article.id) for r in find_related(store, ArticleId("b"))]
    assert ids.index("near") < ids.index("far")


def test_find_related_unknown_id_raises() -> None:
    """An unknown id is ArticleNotFound."""
    store = ArticleStore.in_memory()
    with pytest.raises(ArticleNotFound):
        find_related(store, ArticleId("nope"))
