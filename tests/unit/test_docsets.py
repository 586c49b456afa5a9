"""Tests for index.store.docsets."""

from __future__ import annotations

import random

import pytest
from whoosh import query

from index.models import ArticleId
from index.search.query import parse_query
from index.store import docsets
from index.store.analysis import analyse
from index.store.article_store import ArticleStore
from index.store.docsets import PostingCache, matching_docs, phrase_docs
from tests.builders import SEARCH_ARTICLES, article


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
        # "NOT hamas" alone is a filter (every article without the word), not ranked words
        q = parsed.text_query if parsed.text_query is not None else query.And(parsed.filters)
        expected = sorted(searcher.docs_for_query(q))
        assert matching_docs(searcher, q) == expected


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


@pytest.mark.parametrize("least", [1, 2, 3, 4, 5, 6, 7])
def test_matching_docs_minmatch_is_a_count_of_parts(least: int) -> None:
    """Any `least` of seven words: exactly the documents holding that many (brute force)."""
    words = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf"]
    rng = random.Random(least)
    held = {f"d{n}": [w for w in words if rng.random() < 0.5] for n in range(60)}
    store = ArticleStore.in_memory()
    store.write(
        [
            article((" ".join(["plain", *chosen]) + ".",), article_id=key, title="Plain")
            for key, chosen in held.items()
        ]
    )
    with store.searcher() as searcher:
        q = query.Or([query.Term("body", analyse(word)[0]) for word in words], minmatch=least)
        found = matching_docs(searcher, q)
        ids = sorted(searcher.stored_fields(docnum)["id"] for docnum in found)
    assert ids == sorted(key for key, chosen in held.items() if len(chosen) >= least)


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


def test_posting_cache_remembers_a_words_union_and_bounds_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A word in title or body: the union of its terms' documents, remembered, the oldest
    dropped once the unions hold more documents than `SET_CACHE_SIZE`."""
    store = ArticleStore.in_memory()
    store.write(
        [
            article(("Plain words.",), article_id="t", title="Truce talks"),
            article(("A truce was agreed.",), article_id="b", title="Plain"),
            article(("Oil prices rose.",), article_id="o", title="Oil"),
        ]
    )
    truce = (("title", "truce"), ("body", "truce"))
    oil = (("title", "oil"), ("body", "oil"))
    with store.searcher() as searcher:
        cache = PostingCache()
        first = cache.union(searcher, truce)
        assert sorted(searcher.stored_fields(d)["id"] for d in first) == ["b", "t"]
        assert cache.union(searcher, truce) is first
        monkeypatch.setattr(docsets, "SET_CACHE_SIZE", len(first))
        cache = PostingCache()
        first = cache.union(searcher, truce)
        assert [searcher.stored_fields(d)["id"] for d in cache.union(searcher, oil)] == ["o"]
        assert cache.union(searcher, truce) is not first


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


def _phrase_store(seed: int) -> ArticleStore:
    """Three segments of articles made of a few words (phrases recur), bodies long enough
    for gaps over 127 words (multi-byte varints), some deleted."""
    rng = random.Random(seed)
    words = ["gaza", "city", "west", "bank", "truce", "talks", "the", "of", "new", "york"]
    store = ArticleStore.in_memory()
    for batch in range(3):
        store.write(
            [
                article(
                    (" ".join(rng.choices(words, k=rng.choice([5, 40, 400]))) + ".",),
                    article_id=f"d{batch}-{n}",
                    title=" ".join(rng.choices(words, k=4)),
                )
                for n in range(40)
            ]
            + [  # the second "gaza city" 300 words on: a gap of two varint bytes
                article(
                    (f"gaza city {'truce ' * 300}gaza city west {'talks ' * 200}bank.",),
                    article_id=f"long{batch}",
                    title="Long",
                )
            ]
        )
    store.write([], deletes=[ArticleId(f"d1-{n}") for n in range(0, 40, 3)])
    return store


@pytest.mark.parametrize("seed", range(4))
def test_phrase_docs_are_whooshs_phrase_matches(seed: int) -> None:
    """Each word at the position after the one before, as Whoosh's span matcher finds it:
    one to three words, a word twice, stop words inside, title and body, across segments."""
    store = _phrase_store(seed)
    texts = [
        "gaza city",
        "west bank",
        "city gaza",
        "new new",
        "truce talks gaza",
        "bank of the west",
        "york",
        "gaza city gaza",
        "talks talks talks",
    ]
    with store.searcher() as searcher:
        reader = searcher.reader()
        checked = 0
        for text in texts:
            q = parse_query(f'"{text}"', reader).text_query
            assert q is not None
            phrases = [leaf for leaf in q.leaves() if isinstance(leaf, query.Phrase)]
            for phrase in phrases:
                ours = phrase_docs(searcher, PostingCache(), phrase)
                assert ours is not None
                live = {d for d in ours if not reader.is_deleted(d)}
                assert live == set(searcher.docs_for_query(phrase)), (text, phrase.fieldname)
                checked += bool(live)
            expected = sorted(searcher.docs_for_query(q))
            assert matching_docs(searcher, q, store.postings(searcher)) == expected
        assert checked >= 6  # most of the phrases occur


def test_phrase_docs_declines_a_proximity_phrase() -> None:
    """ "a b"~3 (words within three of each other) is left to Whoosh."""
    store = _phrase_store(0)
    with store.searcher() as searcher:
        near = query.Phrase("body", ["gaza", "citi"], slop=3)
        assert phrase_docs(searcher, PostingCache(), near) is None
        assert matching_docs(searcher, near) == sorted(searcher.docs_for_query(near))
