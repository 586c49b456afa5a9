"""The values a keyword filter (`source:`, `party:`, `measure:`, `tag:`) can name, by their forms.

`party:haniyeh` keeps the indexed values equal to the typed one, written without spaces the
same, or holding it as a word (`index.search.filters`). Reading the field's terms through
Whoosh and normalising each for every query cost ~1 s at 100k articles (the party field has
~40k terms in 10 segments); here the terms are read from the term files in one piece
(`Lexicon.read`) and indexed by each of those forms once per index generation, so a filter
is three dictionary lookups.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from threading import Lock
from weakref import WeakKeyDictionary

from whoosh.reading import IndexReader
from whoosh.searching import Searcher

from index.store.article_store import ArticleStore
from index.store.lexicon import Lexicon

ValuesOf = Callable[[str], "FilterValues"]
"""A keyword field's name -> its values."""


class FilterValues:
    """One keyword field's values (all its terms), by normal form and by word.

    Until 2026-12-05 only the first 20,000 terms in lexicon order were looked at, so at 100k
    articles (~40k party values) a party sorting after them was found only when typed exactly.
    """

    __slots__ = ("_by_normal", "_by_squeezed", "_by_word")

    def __init__(self, terms: Iterable[str]) -> None:
        """Index `terms` (the field's terms in lexicon order) by their forms."""
        self._by_normal: dict[str, list[str]] = defaultdict(list)
        self._by_squeezed: dict[str, list[str]] = defaultdict(list)
        self._by_word: dict[str, list[str]] = defaultdict(list)
        for term in terms:
            normal = normal_form(term)
            self._by_normal[normal].append(term)
            self._by_squeezed[normal.replace(" ", "")].append(term)
            for word in dict.fromkeys(normal.split()):
                self._by_word[word].append(term)

    @classmethod
    def read(cls, reader: IndexReader, fieldname: str) -> FilterValues:
        """The values of `fieldname` in the reader's index."""
        return cls(Lexicon.read(reader, [fieldname]).terms(fieldname))

    def find(self, value: str) -> list[str]:
        """The values whose normal form is `value`'s, or is it without spaces, or has it as a word.

        In lexicon order (UTF-8 bytes sort as their code points).
        """
        wanted = normal_form(value)
        found = {
            *self._by_normal.get(wanted, ()),
            *self._by_squeezed.get(wanted.replace(" ", ""), ()),
            *self._by_word.get(wanted, ()),
        }
        return sorted(found)


def normal_form(value: str) -> str:
    """Lower case, `_` and `-` as spaces, runs of white space as one space."""
    return " ".join(re.sub(r"[_\-]+", " ", value.lower()).split())


_lock = Lock()
_cached: WeakKeyDictionary[ArticleStore, tuple[int, dict[str, FilterValues]]] = WeakKeyDictionary()


def store_values(store: ArticleStore, searcher: Searcher) -> ValuesOf:
    """The store's keyword values of the searcher's index generation, each field read once."""
    reader = searcher.reader()
    generation = reader.generation()
    if generation is None:  # an in-memory index: nothing to key a cache by
        return lambda fieldname: FilterValues.read(reader, fieldname)
    with _lock:
        found = _cached.get(store)
        if found is None or found[0] != generation:
            found = _cached[store] = (generation, {})
    fields = found[1]

    def values_of(fieldname: str) -> FilterValues:
        values = fields.get(fieldname)
        if values is None:
            values = fields[fieldname] = FilterValues.read(reader, fieldname)
        return values

    return values_of
