"""Every document a query matches, by set operations on posting lists.

`run_search` needs the whole match set (for `total` and facets), not only the top hits.
Whoosh's `docs_for_query` walks its matcher tree one document at a time in Python; for
the Term/And/Or/Not trees that plain queries produce, reading each term's posting ids once
and combining them as Python sets is several times faster. A phrase intersects its words'
sets first and reads positions only for the documents holding every word (`phrase_docs`).
`date:` filters are answered from the day column when one is given
(`index.store.day_column`). Other nodes (proximity phrases, other ranges) fall back to
Whoosh for that node only.

A `PostingCache` (one per index generation, kept by `ArticleStore.postings`) keeps each
term's decoded posting list, so a term read by one query is not unpickled again by the
next (or by `index.store.scorer` in the same query).
"""

from __future__ import annotations

from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from functools import partial
from itertools import accumulate, repeat
from operator import add
from threading import Lock

from whoosh import query
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.formats import Format
from whoosh.matching import Matcher
from whoosh.reading import TermNotFound
from whoosh.searching import Searcher

from index.store.analysis import VarintPositions
from index.store.day_column import DayColumn

_Ids = set[int] | frozenset[int]
_Key = tuple[str, str | bytes]
_SetKey = tuple[object, ...]

POSTING_CACHE_SIZE = 1_000_000
"""Most postings a `PostingCache` keeps, least recently used dropped first.

About 120 bytes each with the scorer's ratios, 40 more with the id set (a term a query
matched on, not only scored), so ~120-160 MB at most. A long query's two passes read
~0.2-0.4M postings at 100k articles, mostly of common words that the next query reads
again; at 200k postings (the size until 2026-12-05) each query pushed out the last one's.
"""


SET_CACHE_SIZE = 500_000
"""Most documents the `PostingCache` keeps in remembered sets (a word's union of fields,
a phrase's documents: `PostingCache.remember`).

A set shares its docnums with the id sets it was made of, so this is ~16 MB of set
tables at most."""


class TermPostings:
    """One term's whole posting list: global docnums ascending, their weights, the id set."""

    __slots__ = ("_by_ratio", "_id_set", "idf", "ids", "ratios", "top_ratio", "weights")

    def __init__(self, ids: list[int], weights: Sequence[float]) -> None:
        """Keep the parallel `ids`/`weights` sequences (read-only from now on)."""
        self.ids = ids
        self.weights = weights
        self._id_set: frozenset[int] | None = None
        self.idf: float | None = None
        """The term's BM25 idf, filled by `index.store.scorer` (one index generation)."""
        self.ratios: dict[int, float] | None = None
        """Filled by `index.store.scorer` for text fields: docnum -> weight / (weight + BM25
        length norm) of each posting."""
        self.top_ratio = 0.0
        """The largest of `ratios` (the term's BM25 upper bound, once times its factor)."""
        self._by_ratio: list[int] | None = None

    def by_ratio(self) -> list[int]:
        """The docnums by descending ratio (ties in docnum order), sorted on first use.

        `ratios` must be filled. For `index.store.scorer`'s threshold top-k: a common term's
        best documents are read from the head of this list, not from all its postings.
        """
        found = self._by_ratio
        if found is None:
            ratios = self.ratios
            assert ratios is not None, "by_ratio needs the ratios"
            found = self._by_ratio = sorted(ratios, key=ratios.__getitem__, reverse=True)
        return found

    @property
    def id_set(self) -> frozenset[int]:
        """The docnums as a set, made on first use (terms that are only scored never need it)."""
        found = self._id_set
        if found is None:
            found = self._id_set = frozenset(self.ids)
        return found


class PostingCache:
    """Decoded posting lists of one index generation, bounded by `POSTING_CACHE_SIZE`.

    Safe to share between threads (entries are immutable; the LRU order is locked).
    """

    def __init__(self, capacity: int = POSTING_CACHE_SIZE) -> None:
        """An empty cache holding at most `capacity` postings."""
        self._capacity = capacity
        self._size = 0
        self._entries: OrderedDict[_Key, TermPostings] = OrderedDict()
        self._sets: OrderedDict[_SetKey, frozenset[int]] = OrderedDict()
        self._sets_size = 0
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

    def union(self, searcher: Searcher, keys: tuple[_Key, ...]) -> frozenset[int]:
        """The documents of any of the terms `keys`, remembered (`remember`).

        A word of a query is an Or of its title and body terms; a long query's common words
        ("gaza": ~25k documents at 100k articles) are joined again by every query that has
        them (~1 ms each).
        """

        def joined() -> frozenset[int]:
            return frozenset().union(*(self.get(searcher, *key).id_set for key in keys))

        return self.remember(("or", *keys), joined)

    def remember(self, key: _SetKey, build: Callable[[], frozenset[int]]) -> frozenset[int]:
        """The set `build` makes, kept under `key` for this index generation.

        Least recently used dropped first once the kept sets hold more than
        `SET_CACHE_SIZE` documents.
        """
        with self._lock:
            found = self._sets.get(key)
            if found is not None:
                self._sets.move_to_end(key)
                return found
        found = build()
        with self._lock:
            if key not in self._sets and len(found) <= SET_CACHE_SIZE:
                self._sets[key] = found
                self._sets_size += len(found)
                while self._sets_size > SET_CACHE_SIZE:
                    _, dropped = self._sets.popitem(last=False)
                    self._sets_size -= len(dropped)
        return found


def _read_postings(searcher: Searcher, fieldname: str, text: str | bytes) -> TermPostings:
    ids: list[int] = []
    weights: list[float] = []
    for sub, offset in searcher.reader().leaf_readers():
        try:  # one term lookup per segment (`in` and then `postings` made two)
            matcher = sub.postings(fieldname, text)
        except TermNotFound:
            continue
        _extend(matcher, offset, ids, weights)
    return TermPostings(ids, array("d", weights))  # 8 bytes a weight, not a float object


def _extend(matcher: Matcher, offset: int, ids: list[int], weights: list[float]) -> None:
    """Append a leaf posting list's global docnums and weights, a whole block at a time.

    Whoosh's matcher yields one posting per Python call (130 ms for 12 terms of 20k
    postings). The W3 codec's block data is an (ids, weights, values) tuple: ids
    delta-encoded (or absolute small ints when `_byteids`), weights a sequence, one float
    for all, or None for 1.0; decoding it with `accumulate` and `extend` keeps the loop
    per block, not per posting (2-2.5x faster than the matcher's own `_read_ids`). These
    are private attributes of whoosh-reloaded 2.7.5's W3LeafMatcher; any other matcher
    uses the public API.
    """
    if not isinstance(matcher, W3LeafMatcher):
        while matcher.is_active():
            ids.append(matcher.id() + offset)
            weights.append(matcher.weight())
            matcher.next()
        return
    while matcher.is_active():
        if matcher._i:  # a block partly consumed: only through the public reader
            matcher._read_ids()
            matcher._read_weights()
            ids.extend(map(add, matcher._ids[matcher._i :], repeat(offset)))
            weights.extend(matcher._weights[matcher._i :])
        else:
            if matcher._data is None:
                matcher._read_data()
            block_weights = matcher._data[1]
            count = matcher._blocklength
            ids.extend(_block_ids(matcher, offset))
            if block_weights is None:
                weights.extend(repeat(1.0, count))
            elif isinstance(block_weights, float):
                weights.extend(repeat(block_weights, count))
            else:
                weights.extend(block_weights)
        matcher._next_block()


def _block_ids(matcher: W3LeafMatcher, offset: int) -> Iterable[int]:
    """The global docnums of the matcher's current block (its data read)."""
    block_ids = matcher._data[0]
    if matcher._byteids:  # absolute small ints
        return map(add, block_ids, repeat(offset))
    decoded = accumulate(block_ids, initial=offset)  # gaps
    next(decoded)
    return decoded


def phrase_docs(
    searcher: Searcher, postings: PostingCache, phrase: query.Phrase
) -> frozenset[int] | None:
    """The docnums (deleted ones too, as in posting lists) holding `phrase`, remembered.

    What Whoosh's `Phrase` matches (`SpanNear2(slop=1, ordered=True, mindist=1)`: each
    word at the position after the one before), found by intersecting the words' document
    sets and reading positions only for the documents holding every word: 10 ms against
    30 ms for "west bank" in the body at 100k articles. None when Whoosh must match it (a
    proximity `"..."~N`, a field without positions).
    """
    fieldname, words = phrase.fieldname, [str(word) for word in phrase.words]
    if phrase.slop != 1 or not words:
        return None
    if fieldname not in searcher.schema:
        return frozenset()  # as Whoosh: no such field, no match
    field_format = searcher.schema[fieldname].format
    if not field_format or not field_format.supports("positions"):
        return None
    build = partial(_phrase_matches, searcher, postings, fieldname, words, field_format)
    return postings.remember(("phrase", fieldname, *words), build)


def _phrase_matches(
    searcher: Searcher,
    postings: PostingCache,
    fieldname: str,
    words: list[str],
    field_format: Format,
) -> frozenset[int]:
    sets = sorted((postings.get(searcher, fieldname, word).id_set for word in words), key=len)
    holding = sets[0].intersection(*sets[1:])
    if len(words) == 1 or not holding:
        return holding
    if isinstance(field_format, VarintPositions):
        decode = _varint_positions
    else:
        decode = field_format.decode_positions
    read = {word: _positions(searcher, fieldname, word) for word in dict.fromkeys(words)}
    first, rest = read[words[0]], [read[word] for word in words[1:]]
    found = []
    for docnum in holding:
        ends = set(decode(first[docnum]))
        for later in rest:  # where the phrase so far ends, moved on by the next word
            ends = {end + 1 for end in ends}.intersection(decode(later[docnum]))
            if not ends:
                break
        else:
            found.append(docnum)
    return frozenset(found)


def _varint_positions(value: bytes) -> Iterable[int]:
    """A `VarintPositions` posting's positions; most are all one-byte gaps (no decoding)."""
    return accumulate(value) if value.isascii() else _VARINTS.decode_positions(value)


_VARINTS = VarintPositions()


def _positions(searcher: Searcher, fieldname: str, text: str) -> dict[int, bytes]:
    """Docnum -> encoded positions of every posting of `fieldname:text`, block by block."""
    found: dict[int, bytes] = {}
    for sub, offset in searcher.reader().leaf_readers():
        try:
            matcher = sub.postings(fieldname, text)
        except TermNotFound:
            continue
        while matcher.is_active():
            if not isinstance(matcher, W3LeafMatcher) or matcher._i:
                # any other matcher, or a block partly consumed: through the public reader
                found[matcher.id() + offset] = matcher.value()
                matcher.next()
                continue
            if matcher._data is None:
                matcher._read_data()
            values = matcher._data[2]
            if not isinstance(values, tuple):  # a format with fixed-size values: not ours
                found[matcher.id() + offset] = matcher.value()
                matcher.next()
                continue
            found.update(zip(_block_ids(matcher, offset), values, strict=True))
            matcher._next_block()
    return found


def matching_docs(
    searcher: Searcher,
    q: query.Query,
    postings: PostingCache | None = None,
    days: DayColumn | None = None,
) -> list[int]:
    """Sorted docnums of the live documents that match `q`.

    `postings` must belong to the searcher's index generation; without it, a throwaway
    cache is used. `days`, of the same generation, answers the date nodes (else Whoosh).
    """
    reader = searcher.reader()
    cache = postings if postings is not None else PostingCache()
    found = _docs(_Sources(searcher, cache, days), q)
    if reader.has_deletions():
        found = {d for d in found if not reader.is_deleted(d)}
    return sorted(found)


class _Sources:
    """What `_docs` reads a node's documents from: the searcher, posting lists, days."""

    __slots__ = ("days", "postings", "searcher")

    def __init__(self, searcher: Searcher, postings: PostingCache, days: DayColumn | None) -> None:
        self.searcher = searcher
        self.postings = postings
        self.days = days

    def all_ids(self) -> set[int]:
        return set(range(self.searcher.reader().doc_count_all()))


def _docs(sources: _Sources, q: query.Query) -> _Ids:
    if q is query.NullQuery:
        return set()
    if isinstance(q, query.Term):
        return sources.postings.get(sources.searcher, q.fieldname, q.text).id_set
    if isinstance(q, query.Every) and not q.fieldname:
        return sources.all_ids()
    if isinstance(q, query.Not):
        return sources.all_ids() - _docs(sources, q.query)
    if isinstance(q, query.AndNot):
        return _docs(sources, q.a) - _docs(sources, q.b)
    if isinstance(q, query.AndMaybe):
        return _docs(sources, q.a)
    if isinstance(q, query.And):
        return _intersection(sources, q.subqueries)
    if isinstance(q, query.Or) and q.minmatch <= 1:
        terms = [sub for sub in q.subqueries if isinstance(sub, query.Term)]
        if len(terms) == len(q.subqueries) > 1:  # a word in title or body: remembered
            keys = tuple((term.fieldname, term.text) for term in terms)
            return sources.postings.union(sources.searcher, keys)
        result: set[int] = set()
        for sub in q.subqueries:
            result |= _docs(sources, sub)
        return result
    if isinstance(q, query.Or):
        return _at_least(sources, q.subqueries, q.minmatch)
    if isinstance(q, query.Phrase):
        phrase = phrase_docs(sources.searcher, sources.postings, q)
        if phrase is not None:
            return phrase
    found = sources.days.matches(q) if sources.days is not None else None
    if found is not None:
        return found
    return set(sources.searcher.docs_for_query(q))


def _at_least(sources: _Sources, parts: list[query.Query], least: int) -> set[int]:
    """The documents matched by at least `least` of `parts` (an Or's `minmatch`).

    `seen[j]` holds the documents found in more than j of the parts so far: each part
    moves its documents up one level, by set operations (no per-document Python loop).
    """
    seen: list[set[int]] = [set() for _ in range(max(1, least))]
    for at, part in enumerate(parts):
        docs = _docs(sources, part)
        # With `left` parts left (this one included), a document at `level` after this part
        # can still reach `least` only if level >= least - left: lower levels are not kept
        # up to date any more (a document first found at the fifth part of seven cannot be
        # in five).
        left = len(parts) - at
        lowest = least - left
        for level in range(len(seen) - 1, max(0, lowest - 1), -1):
            seen[level] |= seen[level - 1] & docs
        if lowest <= 0:
            seen[0] |= docs
    return seen[-1]


def _intersection(sources: _Sources, parts: list[query.Query]) -> _Ids:
    positive = [p for p in parts if not isinstance(p, query.Not)]
    negative = [p.query for p in parts if isinstance(p, query.Not)]
    sets = sorted((_docs(sources, p) for p in positive), key=len)
    result = set(sets[0]) if sets else sources.all_ids()
    for other in sets[1:]:
        result &= other
        if not result:
            return result
    for part in negative:
        result -= _docs(sources, part)
    return result
