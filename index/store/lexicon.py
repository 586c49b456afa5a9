"""Lexicon: a text field's terms in sorted order with their document frequencies.

Prefix expansion through Whoosh's reader looks each term up in every segment (a 21k-article
index written in bulk batches has five or six): `int*` while typing cost ~20 ms, most of a
keystroke's search. The store keeps one `Lexicon` per index generation, read segment by
segment when its caches are warmed (0.4 s at 21k), and a prefix becomes a binary search.
"""

from __future__ import annotations

import heapq
import struct
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator

from whoosh.codec.whoosh3 import W3TermsReader
from whoosh.filedb.filetables import OrderedHashReader
from whoosh.reading import IndexReader

_LENGTHS = struct.Struct("!ii")
"""A key/value record's header in Whoosh's hash files: key length, value length."""
_DOC_FREQUENCY = struct.Struct("!I")
_DOC_FREQUENCY_AT = 5
"""Where a W3 term info's document frequency starts (after its flags byte and weight)."""


class Lexicon:
    """The sorted terms and document frequencies of some fields of one index generation."""

    def __init__(self, fields: dict[str, tuple[list[str], list[int]]]) -> None:
        """Wrap field name -> (sorted terms, their document frequencies)."""
        self._fields = fields

    @classmethod
    def read(cls, reader: IndexReader, fieldnames: Iterable[str]) -> Lexicon:
        """Read the terms of `fieldnames`, one segment at a time (summing frequencies)."""
        fields: dict[str, tuple[list[str], list[int]]] = {}
        leaves = [leaf for leaf, _offset in reader.leaf_readers()]
        for fieldname in fieldnames:
            counts: Counter[str] = Counter()
            for leaf in leaves:
                for text, frequency in _field_terms(leaf, fieldname):
                    counts[text] += frequency
            terms = sorted(counts)
            fields[fieldname] = (terms, [counts[t] for t in terms])
        return cls(fields)

    def covers(self, fieldname: str) -> bool:
        """Whether this lexicon holds the field."""
        return fieldname in self._fields

    def has(self, fieldname: str, term: str) -> bool:
        """Whether the field has the term."""
        terms, _counts = self._fields.get(fieldname, ([], []))
        at = bisect_left(terms, term)
        return at < len(terms) and terms[at] == term

    def frequency(self, fieldname: str, term: str) -> int:
        """The term's document frequency in the field (0 when absent)."""
        terms, counts = self._fields.get(fieldname, ([], []))
        at = bisect_left(terms, term)
        return counts[at] if at < len(terms) and terms[at] == term else 0

    def terms(self, fieldname: str) -> list[str]:
        """The field's terms, sorted."""
        return self._fields.get(fieldname, ([], []))[0]

    def most_frequent(self, fieldname: str, limit: int) -> list[tuple[int, str]]:
        """(document frequency, term) of the field's `limit` most frequent terms, most first."""
        terms, counts = self._fields.get(fieldname, ([], []))
        return heapq.nlargest(limit, zip(counts, terms, strict=True))

    def with_prefix(self, fieldname: str, prefix: str, limit: int) -> list[tuple[int, str]]:
        """(document frequency, term) of up to `limit` terms starting with `prefix`."""
        terms, counts = self._fields.get(fieldname, ([], []))
        found: list[tuple[int, str]] = []
        at = bisect_left(terms, prefix)
        while at < len(terms) and len(found) < limit and terms[at].startswith(prefix):
            found.append((counts[at], terms[at]))
            at += 1
        return found


def _field_terms(leaf: IndexReader, fieldname: str) -> Iterator[tuple[str, int]]:
    """(term, document frequency) of one segment's field, in term order."""
    raw = _raw_field_terms(leaf, fieldname)
    if raw is not None:
        yield from raw
        return
    for term, info in leaf.iter_field(fieldname):
        text = term.decode("utf-8") if isinstance(term, bytes) else term
        yield text, info.doc_frequency()


def _raw_field_terms(leaf: IndexReader, fieldname: str) -> list[tuple[str, int]] | None:
    """The field's terms read from the W3 term file's bytes in one piece, or None.

    Whoosh decodes every term's whole term info through two seeks and reads (6 CPU-s for
    the 370k terms of a 100k-article index, most of `warm`); the records are sorted by
    (field number, term) and the frequency sits at a fixed place in each value, so one
    read and a struct per record does (~0.5 s). Private attributes of whoosh-reloaded
    2.7.5 (`SegmentReader._terms`, `W3TermsReader._tindex`); None for anything else.
    """
    terms = getattr(leaf, "_terms", None)
    if not isinstance(terms, W3TermsReader) or type(terms._tindex) is not OrderedHashReader:
        return None
    number = terms._fieldmap.get(fieldname)
    if number is None:
        return []
    table = terms._tindex
    prefix = number.to_bytes(2, "big")
    start = table.closest_key_pos(prefix)
    if start is None:
        return []
    data = bytes(table.dbfile.get(start, table.endofdata - start))
    found: list[tuple[str, int]] = []
    unpack_lengths, unpack_frequency = _LENGTHS.unpack_from, _DOC_FREQUENCY.unpack_from
    at, end = 0, len(data)
    header = _LENGTHS.size
    while at < end and data.startswith(prefix, at + header):
        key_length, value_length = unpack_lengths(data, at)
        at += header
        text = data[at + 2 : at + key_length].decode("utf-8")
        at += key_length
        found.append((text, unpack_frequency(data, at + _DOC_FREQUENCY_AT)[0]))
        at += value_length
    return found
