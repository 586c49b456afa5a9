"""Recent queries' match sets and facet counts, per store and index generation.

At 100k articles a long query matches tens of thousands of articles: finding them costs
~10-30 ms and counting their facets ~20-80 ms. A query run again (the next page, the same
words after the search-as-you-type debounce, back to the results) reuses both. Keyed by
the store, its generation and the final Whoosh query's repr (which names every term,
boost, filter and `minmatch`: `_shape`), so a write of the index or any other query
misses.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from threading import Lock
from typing import TypeVar
from weakref import WeakKeyDictionary

from whoosh import query
from whoosh.searching import Searcher

from index.store.article_store import ArticleStore

RECENT_QUERIES = 32
"""Queries remembered per store (each a list of docnums and a few facet values)."""

_T = TypeVar("_T")
_Key = tuple[str, int, object]

_lock = Lock()
_recent: WeakKeyDictionary[ArticleStore, OrderedDict[_Key, object]] = WeakKeyDictionary()


def remembered(
    kind: str, store: ArticleStore, searcher: Searcher, q: query.Query, compute: Callable[[], _T]
) -> _T:
    """`compute()`'s result for this `kind` of value of `q`, computed once per generation.

    The result must not be changed by the caller (it is handed out again). A reader
    without a generation is not cached.
    """
    generation = searcher.reader().generation()
    if generation is None:
        return compute()
    key = (kind, generation, _shape(q))
    with _lock:
        entries = _recent.setdefault(store, OrderedDict())
        if key in entries:
            entries.move_to_end(key)
            return entries[key]  # type: ignore[return-value]
    value = compute()
    with _lock:
        entries[key] = value
        while len(entries) > RECENT_QUERIES:
            entries.popitem(last=False)
    return value


def forget_recent() -> None:
    """Forget every store's recent queries (benchmarks time a query as if not just run)."""
    with _lock:
        _recent.clear()


def _shape(q: query.Query) -> object:
    """Everything a query node holds (subqueries by their shape, the rest by repr).

    Whoosh's repr leaves out `minmatch` ("any two of the words" and its widened "any of
    them" print the same) and some flags of ranges; a node's attributes do not.
    """
    fields: list[tuple[str, object]] = []
    for name, value in sorted(vars(q).items()):
        if isinstance(value, query.Query):
            fields.append((name, _shape(value)))
        elif isinstance(value, list | tuple) and any(isinstance(v, query.Query) for v in value):
            fields.append((name, tuple(_shape(v) for v in value)))
        else:
            fields.append((name, repr(value)))
    return (type(q).__name__, tuple(fields))
