"""BM25F top-k over a known match set, by whole posting blocks (the fast path of run_search).

Whoosh scores one document at a time through its matcher tree in Python (45 ms for a
common word at 22k articles). When the query's scoring leaves are plain terms, this module
computes the same per-field BM25 sum as `whoosh.scoring.BM25F` (same idf, same stored
weights, same quantised field lengths) from each term's posting blocks, for the documents
already known to match (`index.store.docsets`), and keeps the k best. A phrase scores as
Whoosh scores it, the sum of its words' scores, in the documents that hold the phrase
(`docsets.phrase_docs`). Any other leaf (a proximity phrase, a range...) returns None and
Whoosh scores the query itself.

Pruning (MaxScore): a term adds at most `factor * top_ratio` to a document's score. Terms
are taken in order of that bound, largest first, and only the documents of the terms taken
so far are scored (all terms, by lookups); once the bounds of the terms not yet taken sum
to less than the k-th best score so far, no other document can enter the top k, and the
common words' long posting lists are never walked. Same top k and scores as scoring every
document (tested).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator, Sequence
from itertools import compress, repeat
from math import log
from operator import add, ge, mul, truediv

from whoosh import columns, query
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.reading import IndexReader
from whoosh.searching import Searcher
from whoosh.util.numeric import byte_to_length, length_to_byte

from index.store.docsets import PostingCache, TermPostings, phrase_docs
from index.store.lexicon import Lexicon
from index.store.schema import BM25_B, BM25_K1, TEXT_FIELDS, TITLE_B

_B = {"title": TITLE_B, "body": BM25_B}
_Leaf = tuple[str, str, float, query.Phrase | None]
"""A scoring term: field, text, boost, and the phrase it is a word of (it scores only in
the documents holding that phrase), if any."""

Norms = dict[str, list[float]]
"""Per text field, every docnum's BM25 length norm `K1 * (1 - B + B * length / average)`."""

_SLACK = 1e-9
"""Relative margin on the bounds, so float rounding never prunes a document that ties."""


def _leaves(q: query.Query, boost: float = 1.0) -> Iterator[_Leaf] | None:
    """The positive scoring terms (`_Leaf`), or None if some leaf is neither term nor phrase."""
    found: list[_Leaf] = []
    stack: list[tuple[query.Query, float]] = [(q, boost)]
    while stack:
        node, weight = stack.pop()
        if isinstance(node, query.Term):
            if node.fieldname in TEXT_FIELDS:
                found.append((node.fieldname, str(node.text), weight * node.boost, None))
        elif isinstance(node, query.Phrase) and node.fieldname in TEXT_FIELDS:
            # Whoosh scores a phrase as the sum of its words' term scores (an intersection
            # matcher under the span test), times the phrase's boost.
            found.extend(
                (node.fieldname, str(word), weight * node.boost, node) for word in node.words
            )
        elif isinstance(node, query.Not) or node is query.NullQuery:
            continue
        elif isinstance(node, query.AndNot | query.AndMaybe):
            stack.append((node.a, weight * node.boost))
            if isinstance(node, query.AndMaybe):
                stack.append((node.b, weight * node.boost))
        elif isinstance(node, query.And | query.Or):
            stack.extend((sub, weight * node.boost) for sub in node.subqueries)
        elif node.fieldname in TEXT_FIELDS or node.fieldname is None:
            return None  # a phrase, range, wildcard... on a text field: let Whoosh score
    return iter(found)


def top_scored(
    searcher: Searcher,
    q: query.Query,
    docnums: Sequence[int],
    k: int,
    norms: Norms,
    postings: PostingCache | None = None,
) -> list[tuple[int, float]] | None:
    """The k best (docnum, score) among `docnums`, or None when Whoosh must score `q`.

    Best first; equal scores in docnum order. `norms` caches each text field's length
    norms (`fill_length_norms`; a field missing from it is filled here); it is only valid
    for one index generation. `postings`, of the same generation, supplies each term's
    posting list (a throwaway one without it).
    """
    leaves = _leaves(q)
    if leaves is None:
        return None
    cache = postings if postings is not None else PostingCache()
    scoring: list[_Scoring] = []
    entries: list[TermPostings] = []
    in_phrase: list[bool] = []
    for fieldname, text, boost, phrase in leaves:
        entry = cache.get(searcher, fieldname, text)
        if entry.idf is None:  # once per term and index generation
            entry.idf = term_idf(searcher, fieldname, text, entry)
        factor = entry.idf * (BM25_K1 + 1) * boost
        ratios = _ratios(searcher, fieldname, entry, norms)
        top_ratio = entry.top_ratio
        if phrase is not None:
            holding = phrase_docs(searcher, cache, phrase)
            if holding is None:
                return None  # a proximity phrase: Whoosh scores it
            ratios = {docnum: ratios[docnum] for docnum in sorted(holding)}
            top_ratio = max(ratios.values(), default=0.0)
        scoring.append((factor, ratios, max(factor * top_ratio, 0.0)))
        in_phrase.append(phrase is not None)
        entries.append(entry)
    if k <= 0 or not docnums:
        return []
    if _threshold_is_cheaper(scoring, len(docnums), k):
        # A phrase's word is read in its own order (ties in docnum order, as `by_ratio`)
        by_ratio = [
            sorted(ratios, key=ratios.__getitem__, reverse=True) if phrased else entry.by_ratio()
            for (_, ratios, _), phrased, entry in zip(scoring, in_phrase, entries, strict=True)
        ]
        return _top_k_threshold(scoring, by_ratio, set(docnums), k)
    return _top_k(scoring, docnums, k)


def term_idf(searcher: Searcher, fieldname: str, text: str, entry: TermPostings) -> float:
    """The term's BM25F idf, as `whoosh.scoring.WeightingModel.idf` computes it.

    Whoosh takes the document frequency from the term's info in every segment (a lookup in
    each: ~0.3 ms a term on ten segments, ~15 ms for a long query's first run at 100k
    articles). With no deletions it is the number of postings already read; with deletions
    (read postings leave the deleted documents out, Whoosh counts them) Whoosh is asked.
    """
    if searcher.reader().has_deletions():
        return float(searcher.idf(fieldname, text))
    return log(searcher.doc_count_all() / (len(entry.ids) + 1)) + 1


_Scoring = tuple[float, dict[int, float], float]
"""A leaf's (factor, docnum -> ratio, upper bound of what it adds to a score)."""


def _top_k(scoring: list[_Scoring], docnums: Sequence[int], k: int) -> list[tuple[int, float]]:
    matching = set(docnums)
    if _exhaustive_is_cheaper(scoring, len(matching)):
        return _top_k_exhaustive(scoring, matching, k)
    scores: dict[int, float] = {}
    below: set[int] = set()  # documents shown unable to reach the k-th score
    best: list[float] = []  # the k best scores so far, best first
    ordered = sorted(scoring, key=lambda leaf: -leaf[2])
    rest = [sum(leaf[2] for leaf in ordered[at + 1 :]) for at in range(len(ordered))]
    remaining = sum(bound for _, _, bound in ordered)
    for at, (_factor, ratios, bound) in enumerate(ordered):
        if len(best) >= k and remaining * (1 + _SLACK) < best[-1]:
            break  # any document not scored yet has only the terms left: below the k-th
        remaining -= bound
        new = list((ratios.keys() & matching).difference(scores, below))
        if new and len(best) >= k:
            kept = _could_reach(ordered, at, rest, new, best[-1] / (1 + _SLACK))
            below.update(set(new).difference(kept))
            new = kept
        if new:
            found = _scores(scoring, new)
            scores.update(zip(new, found, strict=True))
            best = sorted([*best, *found], reverse=True)[:k]
    if len(scores) < k:  # fewer scored documents than asked: the others score 0
        scores.update(dict.fromkeys(matching.difference(scores), 0.0))
        best = sorted(scores.values(), reverse=True)[:k]
    least = best[-1]
    chosen = [item for item in scores.items() if item[1] >= least]
    chosen.sort(key=lambda item: (-item[1], item[0]))
    return chosen[:k]


EXHAUSTIVE_LEAVES = 15
"""From this many scoring leaves on, every matching document is scored term at a time.

MaxScore's bounds add up over the leaves: with many (a prefix's 20 terms in title and
body), no document can be ruled out until most leaves are taken, and checking each new one
against the leaves left costs more than adding every posting once (0.27 s against ~0.03 s
for `de*` at 100k articles). Below 15 MaxScore wins: a long query's first pass (8-14
leaves, its best 300 of 5-15k matches) takes 6.5 ms against 9.2 ms on average at 100k, the
heaviest 9-10 ms against 15-16 ms; over every keystroke of the 20 news queries typed, 1.56 s
against 1.62 s (rules from 8 to 24 leaves compared on 505 calls, 2026-12-06)."""


def _exhaustive_is_cheaper(scoring: list[_Scoring], matches: int) -> bool:
    return len(scoring) >= EXHAUSTIVE_LEAVES and all(factor >= 0 for factor, _, _ in scoring)


def _top_k_exhaustive(
    scoring: list[_Scoring], matching: set[int], k: int
) -> list[tuple[int, float]]:
    """Every matching document's score, term at a time, and the k best.

    Each document's terms are added in the query's leaf order, as `_scores` adds them (a
    leaf without the document adds `factor * 0.0`, which changes no float): the same floats.
    """
    scores: dict[int, float] = {}
    for factor, ratios, _bound in scoring:
        docs = list(ratios.keys() & matching)
        found = map(mul, repeat(factor), map(ratios.__getitem__, docs))
        scores.update(zip(docs, map(add, map(scores.get, docs, repeat(0.0)), found), strict=True))
    if len(scores) < k:  # fewer scored documents than asked: the others score 0
        scores.update(dict.fromkeys(matching.difference(scores), 0.0))
    if not scores:
        return []
    least = heapq.nlargest(k, scores.values())[-1]
    chosen = [item for item in scores.items() if item[1] >= least]
    chosen.sort(key=lambda item: (-item[1], item[0]))
    return chosen[:k]


THRESHOLD_MAX_K = 50
THRESHOLD_MIN_MATCHES = 5000
THRESHOLD_MAX_LEAVES = 16
THRESHOLD_STEP = 64
"""The threshold top-k (`_top_k_threshold`) is for a page of hits (k up to 50) among many
matches (5,000 or more) of a few leaves (16 or fewer): typing "gaza" at 100k articles,
where every other way adds up ~25k postings. It reads each leaf's documents by descending
ratio, `THRESHOLD_STEP` at a time."""


THRESHOLD_TOP_TWO_SHARE = 0.8
"""... and when two leaves hold most of the postings (a word in title and body, "gaza" among
its rarer expansions): spread over many ("int*": international, interest, intern…), the
lists must be read deep and adding every posting once is cheaper."""


def _threshold_is_cheaper(scoring: list[_Scoring], matches: int, k: int) -> bool:
    if not (
        k <= THRESHOLD_MAX_K
        and matches >= THRESHOLD_MIN_MATCHES
        and len(scoring) <= THRESHOLD_MAX_LEAVES
        and all(factor >= 0 for factor, _, _ in scoring)
    ):
        return False
    sizes = sorted((len(ratios) for _, ratios, _ in scoring), reverse=True)
    return sum(sizes[:2]) >= THRESHOLD_TOP_TWO_SHARE * sum(sizes)


def _top_k_threshold(
    scoring: list[_Scoring], orders: list[list[int]], matching: set[int], k: int
) -> list[tuple[int, float]]:
    """The k best by Fagin's threshold algorithm over the leaves' ratio-sorted documents.

    Round by round, the next `THRESHOLD_STEP` documents of each leaf's list (by descending
    ratio) are scored in full (`_scores`, so the same floats as every other path). A
    document not yet read has, in every leaf, at most the ratio at the lists' read depth:
    once those add up to less than the k-th best score, none can enter the top k, so
    the result is the exhaustive one (ties at the k-th score keep the reading going).
    """
    scores: dict[int, float] = {}
    seen: set[int] = set()
    best: list[float] = []  # the k best scores so far, best first
    depth, longest = 0, max((len(order) for order in orders), default=0)
    while depth < longest:
        batch = [d for order in orders for d in order[depth : depth + THRESHOLD_STEP]]
        depth += THRESHOLD_STEP
        fresh = [d for d in dict.fromkeys(batch) if d not in seen]
        seen.update(fresh)
        fresh = [d for d in fresh if d in matching]
        if fresh:
            found = _scores(scoring, fresh)
            scores.update(zip(fresh, found, strict=True))
            best = heapq.nlargest(k, [*best, *found])
        if len(best) >= k:
            threshold = sum(
                factor * ratios[order[depth]]
                for (factor, ratios, _), order in zip(scoring, orders, strict=True)
                if depth < len(order)
            )
            if threshold * (1 + _SLACK) < best[-1]:
                break
    if len(scores) < k:  # fewer scored documents than asked: the others score 0
        scores.update(dict.fromkeys(matching.difference(scores), 0.0))
        best = sorted(scores.values(), reverse=True)[:k]
    if not scores:
        return []
    least = best[-1]
    chosen = [item for item in scores.items() if item[1] >= least]
    chosen.sort(key=lambda item: (-item[1], item[0]))
    return chosen[:k]


def _could_reach(
    ordered: list[_Scoring], first: int, rest: list[float], docs: list[int], least: float
) -> list[int]:
    """The `docs` whose score can still reach `least`.

    `docs` have none of the leaves before `first` (in bound order): their score is what
    the leaves from `first` on add. Leaf by leaf, a document whose sum so far plus the
    bounds of the leaves after falls below `least` is dropped; the rest are scored exactly
    by the caller.
    """
    partial = [0.0] * len(docs)
    for at in range(first, len(ordered)):
        factor, ratios, _bound = ordered[at]
        partial = list(
            map(add, partial, map(mul, repeat(factor), map(ratios.get, docs, repeat(0.0))))
        )
        keep = list(map(ge, map(add, partial, repeat(rest[at])), repeat(least)))
        if not all(keep):
            docs = list(compress(docs, keep))
            partial = list(compress(partial, keep))
            if not docs:
                break
    return docs


def _scores(scoring: list[_Scoring], docs: list[int]) -> list[float]:
    """Each document's score: the leaves' `factor * ratio` added in the query's leaf order.

    The same additions in the same order as scoring term by term, so the same floats.
    """
    total = [0.0] * len(docs)
    for factor, ratios, _bound in scoring:
        found = map(ratios.get, docs, repeat(0.0))
        total = list(map(add, total, map(mul, repeat(factor), found)))
    return total


PRELOAD_POSTINGS = 400_000
"""Postings of the most frequent text terms that `preload_frequent` reads ahead of queries.

A long query's feedback words are mostly common ones ("said", "israel", "gaza"); at
100k articles the first query to need one decoded its ~20-50k postings (10-25 ms each).
About 60 MB of the posting cache, read in ~0.3 s by `ArticleStore.warm`.
"""


def preload_frequent(
    searcher: Searcher,
    lexicon: Lexicon,
    postings: PostingCache,
    norms: Norms,
    budget: int = PRELOAD_POSTINGS,
) -> None:
    """Read the most frequent text terms' postings and ratios into `postings`, up to `budget`."""
    frequent = [
        (count, fieldname, term)
        for fieldname in TEXT_FIELDS
        for count, term in lexicon.most_frequent(fieldname, PRELOAD_TERMS)
    ]
    frequent.sort(key=lambda item: -item[0])
    for count, fieldname, term in frequent:
        if count > budget:
            continue
        budget -= count
        entry = postings.get(searcher, fieldname, term)
        if entry.idf is None:
            entry.idf = term_idf(searcher, fieldname, term, entry)
        _ratios(searcher, fieldname, entry, norms)


PRELOAD_TERMS = 500
"""Most terms of each text field `preload_frequent` considers."""


def fill_length_norms(searcher: Searcher, norms: Norms) -> None:
    """Compute every document's BM25 length norm of each text field ahead of queries."""
    for fieldname in TEXT_FIELDS:
        _field_norms(searcher, fieldname, norms)


def _field_norms(searcher: Searcher, fieldname: str, norms: Norms) -> list[float]:
    """The field's length norm of every docnum, computed once per index generation.

    A norm depends only on the quantised length byte Whoosh stores per document, so each
    segment's length column is read whole and mapped through a 256-entry table (~10 ms
    per field at 100k articles, against ~0.5 s document by document).
    """
    found = norms.get(fieldname)
    if found is not None:
        return found
    average = searcher.avg_field_length(fieldname) or 1.0
    b = _B[fieldname]
    table = [_length_norm(byte_to_length(byte) if byte else 0, average, b) for byte in range(256)]
    found = []
    for leaf, _offset in searcher.reader().leaf_readers():
        found.extend(map(table.__getitem__, _length_bytes(leaf, fieldname)))
    norms[fieldname] = found
    return found


def _length_bytes(leaf: IndexReader, fieldname: str) -> bytes:
    """A segment's stored length byte of `fieldname` for each of its documents (0: none)."""
    count = leaf.doc_count_all()
    column = _length_column(leaf, fieldname)
    if column is None:
        lengths = (leaf.doc_field_length(docnum, fieldname, 0) for docnum in range(count))
        return bytes(length_to_byte(length) if length else 0 for length in lengths)
    stored = min(column._count, count)
    raw = column._dbfile.get(column._basepos, stored) if stored else b""
    return bytes(raw) + bytes(count - stored)


def _length_column(leaf: IndexReader, fieldname: str) -> columns.NumericColumn.Reader | None:
    """The W3 codec's one-byte-per-document length column of a segment, or None.

    Read in one piece through private attributes of whoosh-reloaded 2.7.5's segment
    reader and column reader; None (read document by document) for anything else.
    """
    perdoc = getattr(leaf, "_perdoc", None)
    if perdoc is None or not hasattr(perdoc, "_cached_reader"):
        return None
    column = perdoc._cached_reader(f"_{fieldname}_len", LENGTHS_COLUMN)
    if not isinstance(column, columns.NumericColumn.Reader) or column._fixedlen != 1:
        return None
    return column


def _length_norm(length: int | None, average: float, b: float) -> float:
    """BM25's `k1 * (1 - b + b * length / average)`.

    Whoosh gives a length of None, not its default, for a document with no words in the field.
    """
    return BM25_K1 * (1 - b + b * (length or 0) / average)


def _ratios(
    searcher: Searcher, fieldname: str, entry: TermPostings, norms: Norms
) -> dict[int, float]:
    """`weight / (weight + length norm)` of each posting, once per term and index generation.

    Kept on the (generation-bound) `TermPostings`, so a query multiplies each posting's
    ratio by the term's factor and nothing else (scores equal Whoosh's to ~1e-15).
    """
    if entry.ratios is not None:
        return entry.ratios
    norm = _field_norms(searcher, fieldname, norms)
    weights = entry.weights
    found = map(truediv, weights, map(add, weights, map(norm.__getitem__, entry.ids)))
    ratios = dict(zip(entry.ids, found, strict=True))
    entry.top_ratio = max(ratios.values(), default=0.0)
    entry.ratios = ratios
    return ratios
