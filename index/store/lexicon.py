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


def prefix_frequencies(
    reader: IndexReader, fieldname: str, prefix: str, limit: int
) -> list[tuple[int, str]] | None:
    """(document frequency, term) of the first `limit` terms starting with `prefix`, or None.

    What `reader.iter_prefix` gives (terms in order, frequencies summed over the segments),
    read from each segment's term file from the prefix on, without a built `Lexicon`:
    Whoosh's merged iteration over 10 segments took ~1 s for `de*` at 100k articles. None
    when a segment is not a W3 one (then ask Whoosh).
    """
    counts: Counter[str] = Counter()
    for leaf, _offset in reader.leaf_readers():
        found = _raw_field_terms(leaf, fieldname, prefix)
        if found is None:
            return None
        for text, frequency in found:
            counts[text] += frequency
    return [(counts[text], text) for text in sorted(counts)[:limit]]


_CHUNK = 1 << 20
"""Bytes of a term file read at a time."""


def _raw_field_terms(
    leaf: IndexReader, fieldname: str, prefix: str = ""
) -> list[tuple[str, int]] | None:
    """The field's terms (those starting with `prefix`) read from the W3 term file, or None.

    Whoosh decodes every term's whole term info through two seeks and reads (6 CPU-s for
    the 370k terms of a 100k-article index, most of `warm`); the records are sorted by
    (field number, term) and the frequency sits at a fixed place in each value, so a read
    of a megabyte at a time and a struct per record does (~0.5 s). Private attributes of
    whoosh-reloaded 2.7.5 (`SegmentReader._terms`, `W3TermsReader._tindex`); None for
    anything else.
    """
    terms = getattr(leaf, "_terms", None)
    if not isinstance(terms, W3TermsReader) or type(terms._tindex) is not OrderedHashReader:
        return None
    number = terms._fieldmap.get(fieldname)
    if number is None:
        return []
    table = terms._tindex
    wanted = number.to_bytes(2, "big") + prefix.encode("utf-8")
    position = table.closest_key_pos(wanted)
    found: list[tuple[str, int]] = []
    chunk = _CHUNK
    while position is not None and position < table.endofdata:
        data = bytes(table.dbfile.get(position, min(chunk, table.endofdata - position)))
        used, done = _parse_records(data, wanted, found)
        if done:
            break
        if used == 0:  # a record longer than the chunk
            chunk *= 2
        position += used
    return found


def _parse_records(data: bytes, wanted: bytes, found: list[tuple[str, int]]) -> tuple[int, bool]:
    """Append the (term, frequency) of the whole records in `data` whose key starts `wanted`.

    Returns the bytes used and whether a key without `wanted` (the end of the run) was met.
    """
    unpack_lengths, unpack_frequency = _LENGTHS.unpack_from, _DOC_FREQUENCY.unpack_from
    at, end = 0, len(data)
    header = _LENGTHS.size
    while at + header <= end:
        key_length, value_length = unpack_lengths(data, at)
        if at + header + key_length + value_length > end:
            return at, False
        key = at + header
        if not data.startswith(wanted, key):
            return at, True
        text = data[key + 2 : key + key_length].decode("utf-8")
        found.append((text, unpack_frequency(data, key + key_length + _DOC_FREQUENCY_AT)[0]))
        at = key + key_length + value_length
    return at, False
