"""Tests for index.search.filter_values: keyword filter values found by their forms."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from whoosh import query
from whoosh.reading import IndexReader

from index.search.engine import run_search
from index.search.filter_values import FilterValues, ValuesOf, store_values
from index.search.filters import filter_query
from index.store.article_store import ArticleStore
from tests.builders import SEARCH_ARTICLES, stored_article

_FIELDS = ("source", "party", "measure", "tag")


def _normal(value: str) -> str:
    return " ".join(re.sub(r"[_\-]+", " ", value.lower()).split())


def _scanned(fieldname: str, value: str, reader: IndexReader, cap: int) -> query.Query:
    """The filter as it was made before this module: a scan of the reader's lexicon."""
    wanted = _normal(value)
    squeezed = wanted.replace(" ", "")
    matches: list[str] = []
    for count, term in enumerate(reader.lexicon(fieldname)):
        if count >= cap:
            break
        text = term.decode("utf-8") if isinstance(term, bytes) else str(term)
        normal = _normal(text)
        if normal == wanted or normal.replace(" ", "") == squeezed or wanted in normal.split():
            matches.append(text)
    if not matches:
        return query.Term(fieldname, value.lower())
    if len(matches) == 1:
        return query.Term(fieldname, matches[0])
    return query.Or([query.Term(fieldname, text) for text in matches])


def _only(values: FilterValues) -> ValuesOf:
    return lambda _fieldname: values


def _typed_values(reader: IndexReader, fieldname: str) -> list[str]:
    """Every value, each of its words, squeezed and hyphenated forms, and absent values."""
    typed = ["nothing-like-this", "x", "AL_JAZEERA", "al-jazeera", "AlJazeera"]
    for term in reader.lexicon(fieldname):
        text = term.decode("utf-8")
        typed += [text, text.upper(), text.replace(" ", ""), text.replace(" ", "-")]
        typed += text.split()
    return list(dict.fromkeys(typed))


def test_filters_equal_the_lexicon_scan(seeds_index: ArticleStore) -> None:
    """Every value, word and form of every keyword field gives the query a whole scan gives."""
    cap = sys.maxsize
    checked = 0
    with seeds_index.searcher() as searcher:
        reader = searcher.reader()
        for fieldname in _FIELDS:
            values = FilterValues.read(reader, fieldname)
            for typed in _typed_values(reader, fieldname):
                found = filter_query(fieldname, typed, reader, _only(values))
                assert found == _scanned(fieldname, typed, reader, cap), (fieldname, typed)
                checked += 1
    assert checked > 100


def test_store_values_are_read_once_per_generation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A field's values are read once per generation, and again after a write."""
    store = ArticleStore.open(tmp_path / "ix")
    store.write(list(SEARCH_ARTICLES))
    reads: list[str] = []
    real = FilterValues.read.__func__  # type: ignore[attr-defined]  # the classmethod's function

    def counted(cls: type[FilterValues], reader: IndexReader, fieldname: str) -> FilterValues:
        reads.append(fieldname)
        found: FilterValues = real(cls, reader, fieldname)
        return found

    monkeypatch.setattr(FilterValues, "read", classmethod(counted))
    for _ in range(2):
        assert [h.article.id for h in run_search(store, "source:reuters").hits] == ["d"]
        assert len(run_search(store, "party:qatar").hits) == 2
    assert reads == ["source", "party"]
    changed = stored_article(9)
    store.write([changed])
    with store.searcher() as searcher:
        assert store_values(store, searcher)("source").find("sputnik") == ["sputnik"]
    assert reads == ["source", "party", "source"]
    store.close()


def test_find_keeps_lexicon_order_and_each_value_once() -> None:
    """A value matched by several forms is listed once, in sorted (lexicon) order."""
    values = FilterValues(["al jazeera", "al-jazeera", "aljazeera", "jazeera", "zeta al"])
    assert values.find("Al Jazeera") == ["al jazeera", "al-jazeera", "aljazeera"]
    assert values.find("al") == ["al jazeera", "al-jazeera", "zeta al"]
    assert values.find("none such") == []


def test_every_value_is_looked_at_not_only_the_first_20000() -> None:
    """At 100k articles the party field has ~40k values: one sorting last is found by a word
    (until 2026-12-05 only the first 20,000 were looked at)."""
    terms = [f"party {n:05d}" for n in range(25_000)] + ["zeta front"]
    values = FilterValues(terms)
    assert values.find("zeta") == ["zeta front"]
    assert values.find("ZetaFront") == ["zeta front"]
