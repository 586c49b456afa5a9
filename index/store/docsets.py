"""Every document a query matches, by set operations on posting lists.

`run_search` needs the whole match set (for `total` and facets), not only the top hits.
Whoosh's `docs_for_query` walks its matcher tree one document at a time in Python; for
the Term/And/Or/Not trees that plain queries produce, reading each term's posting ids once
and combining them as Python sets is several times faster. Other nodes (phrases, ranges)
fall back to Whoosh for that node only.

A `PostingCache` (one per index generation, kept by `ArticleStore.postings`) keeps each
term's decoded posting list, so a term read by one query is not unpickled again by the
next (or by `index.store.scorer` in the same query).
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Iterable
from itertools import chain
from threading import Lock

from whoosh import query
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching import Matcher
from whoosh.searching import Searcher

_Ids = set[int] | frozenset[int]
_Key = tuple[str, str | bytes]

POSTING_CACHE_SIZE = 200_000
"""Most postings a `PostingCache` keeps, least recently used dropped first.

About 200 bytes each with the set and the scorer's ratios, so ~40 MB at most.
"""


class TermPostings:
    """One term's whole posting list: global docnums ascending, their weights, the id set."""

    __slots__ = ("id_set", "idf", "ids", "ratios", "weights")

    def __init__(self, ids: list[int], weights: list[float]) -> None:
        """Keep the parallel `ids`/`weights` lists (read-only from now on)."""
        self.ids = ids
        self.weights = weights
        self.id_set = frozenset(ids)
        self.idf: float | None = None
        """The term's BM25 idf, filled by `index.store.scorer` (one index generation)."""
        self.ratios: list[float] | None = None
        """Filled by `index.store.scorer` for text fields: weight / (weight + BM25 length
        norm) per posting."""


class PostingCache:
    """Decoded posting lists of one index generation, bounded by `POSTING_CACHE_SIZE`.

    Safe to share between threads (entries are immutable; the LRU order is locked).
    """

    def __init__(self, capacity: int = POSTING_CACHE_SIZE) -> None:
        """An empty cache holding at most `capacity` postings."""
        self._capacity = capacity
        self._size = 0
        self._entries: OrderedDict[_Key, TermPostings] = OrderedDict()
        self._lock = Lock()

    def get(self, searcher: Searcher, fieldname: str, text: str | bytes) -> TermPostings:
        """The posting list of `fieldname:text` (empty when absent), read on first use."""
        key = (fieldname, text)
        with self._lock:
            entry = self._entries.get(key)
            if entry is not None:
                self._entries.move_to_end(key)
                return entry
        entry = _read_postings(searcher, fieldname, text)
        with self._lock:
            if key not in self._entries and len(entry.ids) <= self._capacity:
                self._entries[key] = entry
                self._size += len(entry.ids)
                while self._size > self._capacity:
                    _, dropped = self._entries.popitem(last=False)
                    self._size -= len(dropped.ids)
        return entry


def _read_postings(searcher: Searcher, fieldname: str, text: str | bytes) -> TermPostings:
    ids: list[int] = []
    weights: list[float] = []
    for sub, offset in searcher.reader().leaf_readers():
        if (fieldname, text) in sub:
            for docnum, weight in _postings(sub.postings(fieldname, text)):
                ids.append(docnum + offset)
                weights.append(weight)
    return TermPostings(ids, weights)


def _postings(matcher: Matcher) -> Iterable[tuple[int, float]]:
    """(docnum, weight) of a leaf posting list, a whole block at a time for the W3 codec.

    Whoosh's matcher yields one posting per Python call (130 ms for 12 terms of 20k
    postings); the W3 codec keeps each block's ids in `_ids` and weights in `_weights`,
    so reading blocks directly is several times faster. These are private attributes of
    whoosh-reloaded 2.7.5's W3LeafMatcher; any other matcher uses the public API.
    """
    found: list[tuple[int, float]] = []
    if not isinstance(matcher, W3LeafMatcher):
        while matcher.is_active():
            found.append((matcher.id(), matcher.weight()))
            matcher.next()
        return found
    while matcher.is_active():
        matcher._read_ids()
        matcher._read_weights()
        found.extend(zip(matcher._ids[matcher._i :], matcher._weights[matcher._i :], strict=True))
        matcher._next_block()
    return found


def matching_docs(
    searcher: Searcher, q: query.Query, postings: PostingCache | None = None
) -> list[int]:
    """Sorted docnums of the live documents that match `q`.

    `postings` must belong to the searcher's index generation; without it, a throwaway
    cache is used.
    """
    reader = searcher.reader()
    found = _docs(searcher, q, postings if postings is not None else PostingCache())
    if reader.has_deletions():
        found = {d for d in found if not reader.is_deleted(d)}
    return sorted(found)


def _all_ids(searcher: Searcher) -> set[int]:
    return set(range(searcher.reader().doc_count_all()))


def _docs(searcher: Searcher, q: query.Query, cache: PostingCache) -> _Ids:
    if q is query.NullQuery:
        return set()
    if isinstance(q, query.Term):
        return cache.get(searcher, q.fieldname, q.text).id_set
    if isinstance(q, query.Every) and not q.fieldname:
        return _all_ids(searcher)
    if isinstance(q, query.Not):
        return _all_ids(searcher) - _docs(searcher, q.query, cache)
    if isinstance(q, query.AndNot):
        return _docs(searcher, q.a, cache) - _docs(searcher, q.b, cache)
    if isinstance(q, query.AndMaybe):
        return _docs(searcher, q.a, cache)
    if isinstance(q, query.And):
        return _intersection(searcher, q.subqueries, cache)
    if isinstance(q, query.Or) and q.minmatch <= 1:
        result: set[int] = set()
        for sub in q.subqueries:
            result |= _docs(searcher, sub, cache)
        return result
    if isinstance(q, query.Or):
        return _at_least(searcher, q.subqueries, q.minmatch, cache)
    return set(searcher.docs_for_query(q))


def _at_least(
    searcher: Searcher, parts: list[query.Query], least: int, cache: PostingCache
) -> set[int]:
    """The documents matched by at least `least` of `parts` (an Or's `minmatch`)."""
    counts = Counter(chain.from_iterable(_docs(searcher, p, cache) for p in parts))
    return {docnum for docnum, count in counts.items() if count >= least}


def _intersection(searcher: Searcher, parts: list[query.Query], cache: PostingCache) -> _Ids:
    positive = [p for p in parts if not isinstance(p, query.Not)]
    negative = [p.query for p in parts if isinstance(p, query.Not)]
    sets = sorted((_docs(searcher, p, cache) for p in positive), key=len)
    result = set(sets[0]) if sets else _all_ids(searcher)
    for other in sets[1:]:
        result &= other
        if not result:
            return result
    for part in negative:
        result -= _docs(searcher, part, cache)
    return result
