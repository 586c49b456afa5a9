"""BM25F top-k over a known match set, by whole posting blocks (the fast path of run_search).

Whoosh scores one document at a time through its matcher tree in Python (45 ms for a
common word at 22k articles). When the query's scoring leaves are plain terms, this module
computes the same per-field BM25 sum as `whoosh.scoring.BM25F` (same idf, same stored
weights, same quantised field lengths) from each term's posting blocks, for the documents
already known to match (`index.store.docsets`), and keeps the k best. Any other leaf (phrase,
range...) returns None and Whoosh scores the query itself.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator

from whoosh import query
from whoosh.searching import Searcher

from index.store.docsets import PostingCache, TermPostings
from index.store.schema import BM25_B, BM25_K1, TEXT_FIELDS, TITLE_B

_B = {"title": TITLE_B, "body": BM25_B}
_Leaf = tuple[str, str, float]


def _leaves(q: query.Query, boost: float = 1.0) -> Iterator[_Leaf] | None:
    """(field, text, boost) of the positive scoring terms, or None if some leaf is not a term."""
    found: list[_Leaf] = []
    stack: list[tuple[query.Query, float]] = [(q, boost)]
    while stack:
        node, weight = stack.pop()
        if isinstance(node, query.Term):
            if node.fieldname in TEXT_FIELDS:
                found.append((node.fieldname, str(node.text), weight * node.boost))
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
    docnums: list[int],
    k: int,
    norms: dict[str, dict[int, float]],
    postings: PostingCache | None = None,
) -> list[tuple[int, float]] | None:
    """The k best (docnum, score) among `docnums`, or None when Whoosh must score `q`.

    `norms` caches, per text field and docnum, `K1 * (1 - B + B * length / average)`; it
    is filled here on demand (it is only valid for one index generation). `postings`, of
    the same generation, supplies each term's posting list (a throwaway one without it).
    """
    leaves = _leaves(q)
    if leaves is None:
        return None
    scores: dict[int, float] = dict.fromkeys(docnums, 0.0)
    cache = postings if postings is not None else PostingCache()
    for fieldname, text, boost in leaves:
        entry = cache.get(searcher, fieldname, text)
        if entry.idf is None:  # a lookup in every segment: once per term and generation
            entry.idf = searcher.idf(fieldname, text)
        factor = entry.idf * (BM25_K1 + 1) * boost
        ratios = _ratios(searcher, fieldname, entry, norms)
        for docnum, ratio in zip(entry.ids, ratios, strict=True):
            if docnum in scores:
                scores[docnum] += factor * ratio
    # Ties go to the smaller docnum: `scores` is in docnum order and nlargest is stable.
    best = heapq.nlargest(k, scores, key=scores.__getitem__)
    return [(docnum, scores[docnum]) for docnum in best]


def fill_length_norms(searcher: Searcher, norms: dict[str, dict[int, float]]) -> None:
    """Compute every document's BM25 length norm of each text field ahead of queries.

    Lazily, the first query of a term read each of its documents' lengths through the
    multi-segment reader (~14 ms of a 39 ms keystroke at 21k articles); segment by
    segment here it is ~0.2 s once, when the store is warmed.
    """
    for fieldname in TEXT_FIELDS:
        norm = norms.setdefault(fieldname, {})
        average = searcher.avg_field_length(fieldname) or 1.0
        b = _B[fieldname]
        for leaf, offset in searcher.reader().leaf_readers():
            for docnum in range(leaf.doc_count_all()):
                length = leaf.doc_field_length(docnum, fieldname, 0)
                norm[offset + docnum] = _length_norm(length, average, b)


def _length_norm(length: int | None, average: float, b: float) -> float:
    """BM25's `k1 * (1 - b + b * length / average)`.

    Whoosh gives a length of None, not its default, for a document with no words in the field.
    """
    return BM25_K1 * (1 - b + b * (length or 0) / average)


def _ratios(
    searcher: Searcher, fieldname: str, entry: TermPostings, norms: dict[str, dict[int, float]]
) -> list[float]:
    """`weight / (weight + length norm)` of each posting, once per term and index generation.

    Kept on the (generation-bound) `TermPostings`, so a query multiplies each posting's
    ratio by the term's factor and nothing else (scores equal Whoosh's to ~1e-15).
    """
    if entry.ratios is not None:
        return entry.ratios
    reader = searcher.reader()
    norm = norms.setdefault(fieldname, {})
    average = searcher.avg_field_length(fieldname) or 1.0
    b = _B[fieldname]
    found = []
    for docnum, weight in zip(entry.ids, entry.weights, strict=True):
        length_norm = norm.get(docnum)
        if length_norm is None:
            length = reader.doc_field_length(docnum, fieldname, 0)
            length_norm = norm[docnum] = _length_norm(length, average, b)
        found.append(weight / (weight + length_norm))
    entry.ratios = found
    return found
