"""Tests for index.store.scorer: pruned top-k scoring equals scoring every document."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest
from whoosh import query
from whoosh.searching import Searcher

from index.models import ArticleId
from index.search.feedback import expansion, query_terms
from index.search.query import parse_query
from index.store import scorer
from index.store.article_store import ArticleStore
from index.store.docsets import PostingCache, matching_docs
from index.store.schema import BM25_K1, scoring_model
from index.store.scorer import Norms, _leaves, _scores, _top_k, _top_k_threshold, top_scored
from tests.builders import article

_WORDS = [f"w{n:02d}" for n in range(40)]


def _corpus(count: int, seed: int) -> list[str]:
    """Texts over a Zipf-like vocabulary: w00 in most documents, w39 in a few."""
    rng = random.Random(seed)
    weights = [1 / (rank + 1) for rank in range(len(_WORDS))]
    return [" ".join(rng.choices(_WORDS, weights, k=rng.randint(3, 60))) for _ in range(count)]


@pytest.fixture(scope="module")
def store() -> ArticleStore:
    """Three writes (three segments) of 150 generated articles, titles drawn the same way."""
    built = ArticleStore.in_memory()
    texts = _corpus(450, seed=7)
    titles = _corpus(450, seed=8)
    for batch in range(3):
        built.write(
            [
                article([texts[n]], article_id=f"d{n}", title=" ".join(titles[n].split()[:4]))
                for n in range(batch * 150, batch * 150 + 150)
            ]
        )
    return built


def _every_score(
    searcher: Searcher, q: query.Query, docnums: list[int], norms: Norms
) -> list[tuple[int, float]]:
    """Every document scored term by term, the way the scorer did before pruning."""
    cache = PostingCache()
    scores = dict.fromkeys(docnums, 0.0)
    top_scored(searcher, q, docnums, 1, norms, cache)
    leaves = _leaves(q)
    assert leaves is not None
    for fieldname, text, boost, _phrase in leaves:
        entry = cache.get(searcher, fieldname, text)
        assert entry.idf is not None
        assert entry.ratios is not None
        factor = entry.idf * (BM25_K1 + 1) * boost
        for docnum, ratio in entry.ratios.items():
            if docnum in scores:
                scores[docnum] += factor * ratio
    return sorted(scores.items(), key=lambda item: (-item[1], item[0]))


def _ours_and_every(
    store: ArticleStore, text: str, k: int
) -> tuple[list[tuple[int, float]] | None, list[tuple[int, float]]]:
    """`top_scored`'s k best for the typed `text`, and every matching document scored."""
    with store.searcher() as searcher:
        searcher.weighting = scoring_model()
        parsed = parse_query(text, searcher.reader())
        assert parsed.text_query is not None
        docnums = matching_docs(searcher, parsed.text_query)
        norms = store.length_norms(searcher)
        ours = top_scored(searcher, parsed.text_query, docnums, k, norms, PostingCache())
        return ours, _every_score(searcher, parsed.text_query, docnums, norms)


@pytest.mark.parametrize(
    "text",
    [
        "w00",
        "w30",
        "w00 w01",
        "w01 w25",
        "w00 w05 w30",
        "w00 w01 w02 w03",  # a long query: any two of the words
        "w00 w02 w10 w20 w35 w38",
        "w00 OR w39",
        "w03 NOT w00",
    ],
)
@pytest.mark.parametrize("k", [1, 5, 20, 1000])
def test_pruned_top_k_equals_scoring_every_document(store: ArticleStore, text: str, k: int) -> None:
    """Same documents, same order (ties by docnum) and the very same float scores."""
    ours, every = _ours_and_every(store, text, k)
    assert ours == every[:k]


def test_pruned_top_k_equals_every_document_for_a_feedback_query(store: ArticleStore) -> None:
    """The expanded query of a long one (many boosted terms), within a candidate pool."""
    with store.searcher() as searcher:
        searcher.weighting = scoring_model()
        parsed = parse_query("w01 w04 w09 w16", searcher.reader())
        assert parsed.text_query is not None
        docnums = matching_docs(searcher, parsed.text_query)
        norms = store.length_norms(searcher)
        first = top_scored(searcher, parsed.text_query, docnums, 50, norms)
        assert first is not None
        terms = query_terms(parsed.text_query)
        assert terms is not None
        best = [(store.get(searcher.stored_fields(d)["id"]), s) for d, s in first[:5]]
        expanded = expansion(terms, best)
        pool = sorted(d for d, _ in first)
        for k in (1, 10, 50):
            ours = top_scored(searcher, expanded, pool, k, norms)
            assert ours == _every_score(searcher, expanded, pool, norms)[:k]


@pytest.mark.parametrize("seed", range(30))
def test_top_k_prunes_without_changing_the_result(seed: int) -> None:
    """Random sparse leaves, factors and k: `_top_k` equals sorting every document's score."""
    rng = random.Random(seed)
    universe = range(rng.randint(1, 400))
    leaves = []
    for _ in range(rng.randint(1, 12)):
        share = rng.choice([0.01, 0.1, 0.5, 0.95])
        ratios = {d: rng.choice([0.5, rng.random()]) for d in universe if rng.random() < share}
        factor = rng.choice([0.1, 1.0, 3.0, rng.random() * 5])
        leaves.append((factor, ratios, factor * max(ratios.values(), default=0.0)))
    docnums = sorted(rng.sample(list(universe), rng.randint(0, len(universe))))
    k = rng.choice([1, 2, 10, 50, 1000])
    every = sorted(zip(docnums, _scores(leaves, docnums), strict=True), key=lambda i: (-i[1], i[0]))
    assert (_top_k(leaves, docnums, k) if docnums else []) == every[:k]


@pytest.mark.parametrize("seed", range(30))
def test_threshold_top_k_equals_every_document(seed: int) -> None:
    """Random leaves (many tied ratios), factors and k: reading the ratio-sorted lists gives
    the very top k of scoring every document, ties by docnum, the same floats."""
    rng = random.Random(seed)
    universe = range(rng.randint(1, 600))
    leaves = []
    for _ in range(rng.randint(1, 6)):
        share = rng.choice([0.05, 0.3, 0.9])
        ratios = {
            d: rng.choice([0.5, 0.25, rng.random()]) for d in universe if rng.random() < share
        }
        factor = rng.choice([1.0, 3.0, rng.random() * 5])
        leaves.append((factor, ratios, factor * max(ratios.values(), default=0.0)))
    docnums = sorted(rng.sample(list(universe), rng.randint(0, len(universe))))
    orders = [sorted(r, key=r.__getitem__, reverse=True) for _, r, _ in leaves]
    k = rng.choice([1, 2, 10, 50])
    every = sorted(zip(docnums, _scores(leaves, docnums), strict=True), key=lambda i: (-i[1], i[0]))
    assert _top_k_threshold(leaves, orders, set(docnums), k) == every[:k]


@pytest.mark.parametrize("text", ["w00", "w00 w01", "w00 w05 w30", "w0*", "w03 NOT w00"])
@pytest.mark.parametrize("k", [1, 5, 20])
def test_threshold_path_of_top_scored_equals_every_document(
    store: ArticleStore, text: str, k: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`top_scored` through the threshold path (forced here: the store is small) ranks as
    scoring every document does."""
    monkeypatch.setattr(scorer, "THRESHOLD_MIN_MATCHES", 0)
    monkeypatch.setattr(scorer, "THRESHOLD_TOP_TWO_SHARE", 0.0)
    ours, every = _ours_and_every(store, text, k)
    assert ours == every[:k]


def test_top_scored_orders_ties_by_docnum(store: ArticleStore) -> None:
    """Equal scores keep docnum order, as a stable sort of every document would."""
    with store.searcher() as searcher:
        parsed = parse_query("w00 OR w39", searcher.reader())
        assert parsed.text_query is not None
        docnums = matching_docs(searcher, parsed.text_query)
        ranked = top_scored(searcher, parsed.text_query, docnums, len(docnums), {})
    assert ranked is not None
    assert all(a[1] > b[1] or (a[1] == b[1] and a[0] < b[0]) for a, b in pairwise(ranked))


def test_preload_reads_the_most_frequent_terms_within_the_budget(store: ArticleStore) -> None:
    """The most frequent terms come first; a term larger than what is left is skipped."""
    with store.searcher() as searcher:
        lexicon = store.lexicon(searcher, build=True)
        assert lexicon is not None
        top = lexicon.most_frequent("body", 3)
        assert [count for count, _ in top] == sorted((count for count, _ in top), reverse=True)
        cache = PostingCache()
        budget = top[0][0] + top[1][0]
        scorer.preload_frequent(searcher, lexicon, cache, store.length_norms(searcher), budget)
        loaded = {key for key in cache._entries}
        assert ("body", top[0][1]) in loaded
        assert sum(len(cache.get(searcher, *key).ids) for key in loaded) <= budget
        assert all(cache.get(searcher, *key).ratios is not None for key in loaded)


@pytest.mark.parametrize("seed", range(30))
@pytest.mark.parametrize("from_leaves", [1, 10**6])
def test_exhaustive_and_pruned_scoring_agree(
    seed: int, from_leaves: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Term at a time over every document (`EXHAUSTIVE_LEAVES`) or pruned: the same top k."""
    monkeypatch.setattr(scorer, "EXHAUSTIVE_LEAVES", from_leaves)
    test_top_k_prunes_without_changing_the_result(seed)


@pytest.mark.parametrize("text", ["w0*", "w*", "w1* OR w00", "w00 w02 w10 w20 w35 w38"])
@pytest.mark.parametrize("from_leaves", [1, 10**6])
def test_prefix_queries_score_the_same_either_way(
    store: ArticleStore, monkeypatch: pytest.MonkeyPatch, text: str, from_leaves: int
) -> None:
    """A prefix's many leaves, scored either way, give what scoring every document gives."""
    monkeypatch.setattr(scorer, "EXHAUSTIVE_LEAVES", from_leaves)
    test_pruned_top_k_equals_scoring_every_document(store, text, 20)


def test_term_idf_is_whooshs_idf(store: ArticleStore) -> None:
    """Without deletions the idf comes from the postings read, equal to Whoosh's to the bit;
    with deletions (Whoosh counts deleted documents, read postings leave them out) Whoosh's."""
    with store.searcher() as searcher:
        searcher.weighting = scoring_model()
        assert not searcher.reader().has_deletions()
        cache = PostingCache()
        terms = [
            (fieldname, term)
            for fieldname in ("title", "body")
            for term in list(searcher.lexicon(fieldname))[:200]
        ]
        assert len(terms) >= 80
        for fieldname, term in terms:
            text = term.decode()
            entry = cache.get(searcher, fieldname, text)
            assert scorer.term_idf(searcher, fieldname, text, entry) == searcher.idf(
                fieldname, text
            )
    deleted = ArticleStore.in_memory()
    deleted.write([article((f"word{n} common.",), article_id=f"d{n}") for n in range(6)])
    deleted.write([], deletes=[ArticleId("d0"), ArticleId("d1")])
    with deleted.searcher() as searcher:
        searcher.weighting = scoring_model()
        entry = PostingCache().get(searcher, "body", "common")
        assert len(entry.ids) == 4  # the deleted two are not read ...
        # ... but Whoosh's idf counts them, and so does term_idf
        assert scorer.term_idf(searcher, "body", "common", entry) == searcher.idf("body", "common")


@pytest.mark.parametrize("text", ['"w00 w01"', '"w01 w00" w02', '"w00 w00" OR w05', '"w02 w03"^3'])
def test_phrases_score_the_same_on_every_path(
    store: ArticleStore, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    """A phrase's words score only where the phrase is: MaxScore, term at a time and the
    threshold reading (each word's documents in its own ratio order) give one top k."""
    with store.searcher() as searcher:
        searcher.weighting = scoring_model()
        parsed = parse_query(text, searcher.reader())
        assert parsed.text_query is not None
        docnums = matching_docs(searcher, parsed.text_query)
        assert len(docnums) > 20
        norms: Norms = {}

        def ranked() -> list[tuple[int, float]] | None:
            return top_scored(searcher, parsed.text_query, docnums, 10, norms, PostingCache())

        pruned = ranked()
        monkeypatch.setattr(scorer, "EXHAUSTIVE_LEAVES", 1)
        every = ranked()
        monkeypatch.setattr(scorer, "THRESHOLD_MIN_MATCHES", 0)
        monkeypatch.setattr(scorer, "THRESHOLD_TOP_TWO_SHARE", 0.0)
        threshold = ranked()
        whoosh = [(h.docnum, h.score) for h in searcher.search(parsed.text_query, limit=10)]
    assert pruned is not None
    assert pruned == every == threshold
    if "^" in text:
        # Whoosh's own top k of a boosted group is not its scores' order (`w05^3` ranks
        # documents of equal score apart, plain terms as well): only the paths above agree.
        return
    assert [d for d, _ in pruned] == [d for d, _ in whoosh]
    assert [round(s, 9) for _, s in pruned] == [round(s, 9) for _, s in whoosh]
