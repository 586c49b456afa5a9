"""Tests for index.store.lexicon and its use in prefix expansion."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.models import ArticleId
from index.search.engine import run_search
from index.store import article_store as store_module
from index.store import lexicon as lexicon_module
from index.store.article_store import ArticleStore
from index.store.lexicon import Lexicon
from tests.builders import SEARCH_ARTICLES, stored_article


def _lexicon(store: ArticleStore) -> Lexicon:
    with store.searcher() as searcher:
        lexicon = store.lexicon(searcher, build=True)
    assert lexicon is not None
    return lexicon


def test_lexicon_lists_prefix_terms_in_order_with_frequencies() -> None:
    """Terms starting with a prefix come in term order with their document frequencies."""
    lexicon = Lexicon({"body": (["hama", "hamper", "host", "hostag"], [3, 1, 2, 1])})
    assert lexicon.with_prefix("body", "ham", 10) == [(3, "hama"), (1, "hamper")]
    assert lexicon.with_prefix("body", "ho", 1) == [(2, "host")]
    assert lexicon.with_prefix("body", "zz", 10) == []
    assert lexicon.with_prefix("title", "ha", 10) == []
    assert lexicon.has("body", "host")
    assert not lexicon.has("body", "hos")
    assert lexicon.covers("body")
    assert not lexicon.covers("title")


@pytest.fixture
def two_segments(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> ArticleStore:
    """SEARCH_ARTICLES on disk, written as two bulk segments."""
    monkeypatch.setattr(store_module, "BULK_THRESHOLD", 2)
    store = ArticleStore.open(tmp_path / "ix")
    store.write(SEARCH_ARTICLES[:2])
    store.write(SEARCH_ARTICLES[2:])
    return store


def test_lexicon_sums_frequencies_over_segments(two_segments: ArticleStore) -> None:
    """A term in several segments counts the documents of all of them."""
    store = two_segments
    with store.searcher() as searcher:
        assert len(searcher.reader().leaf_readers()) > 1
        expected = searcher.reader().doc_frequency("body", "hama")
    assert dict((t, n) for n, t in _lexicon(store).with_prefix("body", "ham", 10))["hama"] == (
        expected
    )


def test_store_builds_lexicon_only_when_warmed_and_drops_it_on_write() -> None:
    """A one-off search reads no lexicon; warm builds it; a write starts a new generation."""
    store = ArticleStore.in_memory()
    store.write(SEARCH_ARTICLES[:2])
    with store.searcher() as searcher:
        assert store.lexicon(searcher) is None
    store.warm()
    with store.searcher() as searcher:
        assert store.lexicon(searcher) is not None
    store.write(SEARCH_ARTICLES[2:])
    with store.searcher() as searcher:
        assert store.lexicon(searcher) is None


@pytest.mark.parametrize(
    ("text", "as_you_type"),
    [("hosta", True), ("ha*", False), ("h?ma*", False), ("pri*", False), ("oil pri", True)],
)
def test_prefix_search_with_lexicon_matches_search_without(text: str, as_you_type: bool) -> None:
    """The warmed lexicon changes how prefixes are found, never what is found."""
    cold = ArticleStore.in_memory()
    cold.write(SEARCH_ARTICLES)
    warm = ArticleStore.in_memory()
    warm.write(SEARCH_ARTICLES)
    warm.warm()
    plain = run_search(cold, text, as_you_type=as_you_type)
    fast = run_search(warm, text, as_you_type=as_you_type)
    assert [h.article.id for h in fast.hits] == [h.article.id for h in plain.hits]
    assert fast.terms == plain.terms
    assert fast.total == plain.total
    assert plain.total > 0


@pytest.mark.parametrize("text", ["hostags~", "qatr~", "truce~1", "hamas~2"])
def test_fuzzy_search_with_lexicon_finds_what_whoosh_finds(
    text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Edits looked up in the lexicon find at least the terms Whoosh's walk finds."""
    cold = ArticleStore.in_memory()
    cold.write(SEARCH_ARTICLES)
    # A fuzzy query builds the lexicon (next test): this store must walk Whoosh's terms.
    monkeypatch.setattr(cold, "lexicon", lambda _searcher, build=False: None)
    warm = ArticleStore.in_memory()
    warm.write(SEARCH_ARTICLES)
    warm.warm()
    plain = run_search(cold, text)
    fast = run_search(warm, text)
    assert plain.total > 0
    assert set(plain.terms) <= set(fast.terms)
    assert {h.article.id for h in plain.hits} <= {h.article.id for h in fast.hits}


def test_a_fuzzy_query_builds_the_lexicon_other_queries_do_not() -> None:
    """A fuzzy word without the lexicon walks every segment's terms (3.4 s at 100k articles
    from the command line, which never warms): the lexicon is built for it (0.6 s)."""
    store = ArticleStore.in_memory()
    store.write(SEARCH_ARTICLES)
    assert run_search(store, "hostages").total > 0
    with store.searcher() as searcher:
        assert store.lexicon(searcher) is None
    assert run_search(store, "hostags~").total > 0
    with store.searcher() as searcher:
        assert store.lexicon(searcher) is not None


def test_fuzzy_distance_is_capped_with_a_notice() -> None:
    """`word~5` looks two edits away and says so, once."""
    store = ArticleStore.in_memory()
    store.write(SEARCH_ARTICLES)
    store.warm()
    page = run_search(store, "truce~5")
    assert page.notice is not None
    assert page.notice.count("at most 2 edits") == 1
    assert page.total > 0


def test_lexicon_read_from_term_file_bytes_equals_whoosh_term_infos(
    two_segments: ArticleStore,
) -> None:
    """The one-read path gives each segment's terms and frequencies as Whoosh decodes them."""
    store = two_segments
    with store.searcher() as searcher:
        leaves = [leaf for leaf, _offset in searcher.reader().leaf_readers()]
        assert len(leaves) == 2
        for leaf in leaves:
            for fieldname in ("title", "body", "id"):
                fast = lexicon_module._raw_field_terms(leaf, fieldname)
                slow = [
                    (term.decode("utf-8"), info.doc_frequency())
                    for term, info in leaf.iter_field(fieldname)
                ]
                assert fast == slow
                assert slow
    store.close()


@pytest.mark.parametrize("chunk", [lexicon_module._CHUNK, 24, 7])
def test_prefix_frequencies_equal_whoosh_iter_prefix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> None:
    """Every prefix of every term, over segments with a deletion, read in any chunk size."""
    monkeypatch.setattr(store_module, "BULK_THRESHOLD", 1)  # every write a new segment
    monkeypatch.setattr(lexicon_module, "_CHUNK", chunk)
    store = ArticleStore.open(tmp_path / "ix")
    for start in range(0, len(SEARCH_ARTICLES), 2):
        store.write(list(SEARCH_ARTICLES[start : start + 2]))
    store.write([stored_article(1, title="Ceasefire déjà vu")], deletes=[ArticleId("b")])
    with store.searcher() as searcher:
        reader = searcher.reader()
        assert len(list(reader.leaf_readers())) > 1
        for fieldname in ("title", "body", "party"):
            terms = [t.decode("utf-8") for t in reader.lexicon(fieldname)]
            prefixes = {"", "zzz", *(t[:n] for t in terms for n in (1, 2, 3))}
            for prefix in sorted(prefixes):
                expected = [
                    (info.doc_frequency(), term.decode("utf-8"))
                    for term, info in reader.iter_prefix(fieldname, prefix)
                ]
                for limit in (3, 10**6):
                    found = lexicon_module.prefix_frequencies(reader, fieldname, prefix, limit)
                    assert found == expected[:limit], (fieldname, prefix)
    store.close()
