"""A Whoosh segment writer that keeps the new segment's postings in memory.

Whoosh's `SegmentWriter` pushes every posting through an external-sort pool (tuples
sorted in runs, written to temporary files and merged) and, when it writes each posting,
reads that document's field length back from the length column it has just written.
For a batch of news articles the whole segment's postings fit in memory many times over:
this writer appends each posting to its term's list (documents arrive in docnum order, so
every list is already sorted), keeps the field lengths in a dict, and encodes each term's
posting blocks in one step the way the W3 codec's postings writer does, so the files are
the ones `SegmentWriter` writes, byte for byte (checked by tests/unit/test_segment_writer.py;
both store their rows as `index.store.stored_fields` says).

Measured on Reuters articles (benchmarks/README.md): 0.33 CPU-ms per article against
`SegmentWriter`'s 0.42 when it analyses the text itself, and 0.21 when the ingest workers
have analysed it (`AnalysedText`); the two-process `MpWriter` it replaces for bulk batches
used 0.55 CPU-ms per article.

Everything else (locking, deletions, `update_document`, the TOC) is `SegmentWriter`'s.
Only documents with plain field values are accepted: no `_boost` or `_stored_*` keys, no
term vectors, no separate spelling fields (the article schema has none).
"""

from __future__ import annotations

import hashlib
import itertools
import struct
import zlib
from array import array
from collections.abc import Collection, Iterable
from typing import Any, NamedTuple

from whoosh.codec import whoosh3
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3Codec, W3FieldWriter, W3TermInfo
from whoosh.fields import FieldType
from whoosh.filedb.filetables import OrderedHashWriter
from whoosh.formats import Format
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import length_to_byte
from whoosh.writing import SegmentWriter

from index.store.posting_blocks import compact_weights, set_inline
from index.store.stored_fields import use_compact_stored_fields

MAX_INLINE_LIMIT = 8
"""The codec's `inlinelimit` may be 8 at most: a term with fewer postings keeps them in the
term table (see `_inlined_info`); longer lists go to the postings file."""

Posting = tuple[int, float, bytes]
"""(docnum, weight, encoded value) of one term in one document."""

TermItem = tuple[bytes, int, float, bytes]
"""(term bytes, frequency, weight, encoded value): what a field's `index()` yields per term."""


class AnalysedText(NamedTuple):
    """A field value with its terms already analysed (by the field's own `index()`).

    Worker processes analyse the title and body while the main process writes, which
    keeps the analysis (a third of the writing CPU) off the single-writer process.
    """

    text: str
    terms: tuple[TermItem, ...]


def analysed(field: FieldType, text: str) -> AnalysedText:
    """`text` with the terms `field` would index for it."""
    return AnalysedText(text, tuple(field.index(text)))


class _NoPool:
    """Stands in for `SegmentWriter.pool`: postings live in the writer's own dicts."""

    def add(self, item: object) -> None:
        """Whoosh's merge path adds postings here; `_merge_segments` refuses merges first."""
        raise RuntimeError("InMemorySegmentWriter never merges other segments into its own")

    def cleanup(self) -> None:
        """Nothing on disk to remove."""


class InMemorySegmentWriter(SegmentWriter):  # type: ignore[misc]  # whoosh is untyped
    """`SegmentWriter` with in-memory postings and lengths; it never merges segments.

    Merging older segments into the new one would route their postings through the pool
    this writer does not have, so `commit()` adds the new segment beside the others and
    refuses `merge=True`, `optimize=True` or a merge policy. The store uses this writer
    for bulk batches, which it commits without merging anyway.
    """

    pool: Any
    """SegmentWriter's posting pool, replaced by `_NoPool` once the parent has made it."""

    def __init__(self, ix: Any, *, repeating: Collection[str] = (), **kwargs: Any) -> None:
        """Open a writer on `ix` (same keyword arguments as `SegmentWriter`).

        Args:
            ix: The index.
            repeating: Fields whose few distinct values recur from document to document
                (a date, a source): each value's terms and column value are made once per
                writer (the date's 8 numeric terms cost ~25 us a document).
            **kwargs: `SegmentWriter`'s.

        Raises:
            ValueError: the codec is not W3 without inlining, or a field needs vectors or
                separate spelling (checked before anything is locked or opened).
        """
        codec = kwargs.get("codec")
        if codec is not None and (
            not isinstance(codec, W3Codec) or codec._inlinelimit > MAX_INLINE_LIMIT
        ):
            raise ValueError(
                f"InMemorySegmentWriter writes the W3 codec with inlinelimit <= {MAX_INLINE_LIMIT}"
                " (postings inlined)"
            )
        for name, field in ix.schema.items():
            if field.vector or field.separate_spelling():
                raise ValueError(f"field {name!r} needs vectors or spelling: use SegmentWriter")
        super().__init__(ix, **kwargs)
        use_compact_stored_fields(self.perdocwriter)
        self.pool.cleanup()
        self.pool = _NoPool()
        self.merge = False
        self._postings: dict[str, dict[bytes, list[Posting]]] = {}
        self._lengths: dict[str, dict[int, int]] = {}
        self._made: dict[str, dict[object, tuple[tuple[TermItem, ...], object]]] = {
            name: {} for name in repeating
        }
        """Per repeating field: value -> (its terms, its column value)."""

    def add_document(self, **fields: Any) -> None:
        """Add one document (field name -> value), as `SegmentWriter.add_document` does.

        A value may be an `AnalysedText`, whose terms are used instead of analysing it.
        """
        self._check_state()
        names = sorted(fields)
        if any(name.startswith("_") for name in names):
            raise ValueError("InMemorySegmentWriter takes no _boost or _stored_ keys")
        schema = self.schema
        self._check_fields(schema, names)
        docnum = self.docnum
        perdoc = self.perdocwriter
        perdoc.start_doc(docnum)
        try:
            for name in names:
                value = fields[name]
                if value is None:
                    continue
                field = schema[name]
                made = self._made.get(name)
                if made is not None:
                    self._add_repeating(made, name, field, value, docnum)
                    continue
                items = value.terms if isinstance(value, AnalysedText) else None
                if items is not None:
                    value = value.text
                length = 0
                if field.indexed:
                    items = field.index(value) if items is None else items
                    length = self._index_field(name, field, items, docnum)
                perdoc.add_field(name, field, value if field.stored else None, length)
                column = field.column_type
                if column:
                    perdoc.add_column_value(name, column, field.to_column_value(value))
        except Exception:
            perdoc.cancel_doc()
            raise
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1

    def _add_repeating(
        self,
        made: dict[object, tuple[tuple[TermItem, ...], object]],
        name: str,
        field: FieldType,
        value: object,
        docnum: int,
    ) -> None:
        """`add_document`'s work on one field of `repeating`, with its value's terms made once."""
        known = made.get(value)
        if known is None:
            terms = tuple(field.index(value)) if field.indexed else ()
            column = field.to_column_value(value) if field.column_type else None
            known = made[value] = (terms, column)
        length = self._index_field(name, field, known[0], docnum) if field.indexed else 0
        self.perdocwriter.add_field(name, field, value if field.stored else None, length)
        if field.column_type:
            self.perdocwriter.add_column_value(name, field.column_type, known[1])

    def _index_field(
        self, name: str, field: FieldType, items: Iterable[TermItem], docnum: int
    ) -> int:
        """Append the postings of a field's terms; return its length (0 if not scorable)."""
        terms = self._postings.get(name)
        if terms is None:
            terms = self._postings[name] = {}
        length = 0
        for tbytes, freq, weight, vbytes in items:
            length += freq
            posting = (docnum, weight, vbytes)
            found = terms.get(tbytes)
            if found is None:
                terms[tbytes] = [posting]
            else:
                found.append(posting)
        if not field.scorable:
            return 0
        if length:
            self._lengths.setdefault(name, {})[docnum] = length
        return length

    def _merge_segments(self, mergetype: Any, optimize: Any, merge: Any) -> list[Any]:
        """Keep the older segments as they are; any merge is refused (see the class)."""
        merge = self.merge if merge is None else merge
        optimize = self.optimize if optimize is None else optimize
        if mergetype is not None or self.mergetype is not None or optimize or merge:
            raise ValueError("InMemorySegmentWriter commits with merge=False only")
        return list(self.segments)

    def _flush_segment(self) -> None:
        """Write the per-document files, then every term's postings in sorted order."""
        self.perdocwriter.close()
        writer: W3FieldWriter = self.fieldwriter
        codec = self.codec
        postfile = writer._postfile
        for name in sorted(self._postings):
            field = self.schema[name]
            writer.start_field(name, field)
            blocks = _BlockWriter(field.format, codec._blocklimit, codec._compression)
            prefix = pack_ushort(writer._fieldid)
            lengths = self._lengths.get(name, {})
            terms = self._postings[name]
            inline = codec._inlinelimit
            rows: list[tuple[bytes, bytes]] = []
            for tbytes in sorted(terms):
                postings = terms[tbytes]
                if len(postings) < inline:
                    rows.append((prefix + tbytes, _inlined_info(postings, lengths)))
                    continue
                start = postfile.tell()
                data, info = blocks.term(postings, lengths)
                postfile.write(data)
                rows.append((prefix + tbytes, info + pack_long(start) + pack_int(len(data))))
            _add_term_rows(writer._tindex, rows)
            writer.finish_field()
        writer.close()
        self._postings.clear()
        self._lengths.clear()


class _BlockWriter:
    """Encodes a term's postings as the W3 codec's `W3PostingsWriter` does, a block at once.

    The same bytes as `add_posting` called once per posting then `finish_postings` (a
    header, then blocks of at most `limit` postings, each a length, a pickled info tuple and
    pickled data, the last length negated) and the same `W3TermInfo` statistics, without a
    method call and four type checks per posting.
    """

    def __init__(self, format_: Format, limit: int, compression: int) -> None:
        """Prepare for one field's postings format."""
        self._fixed = format_.fixed_value_size()
        self._limit = limit
        self._compression = compression

    def term(self, postings: list[Posting], lengths: dict[int, int]) -> tuple[bytes, bytes]:
        """(posting bytes, term info bytes without the extent) of one term's postings."""
        parts = [WHOOSH3_HEADER_MAGIC]
        total = 0.0
        minlength: int | None = None
        maxlength = 0
        maxweight: float = 0
        limit = self._limit
        count = len(postings)
        dumps = whoosh3.dumps  # the codec's pickler (index.store.index_files sets the protocol)
        for start in range(0, count, limit):
            block = postings[start : start + limit]
            ids = [docnum for docnum, _weight, _value in block]
            weights = array("f", [weight for _docnum, weight, _value in block])
            values = [value for _docnum, _weight, value in block if value]
            found = [length for docnum in ids if (length := lengths.get(docnum, 0))]
            low = min(found) if found else None
            high = max(found) if found else 0
            heaviest = max(0, max(weight for _docnum, weight, _value in block))
            data = dumps((_mini_ids(ids), compact_weights(weights), self._mini(values)), 2)
            comp = self._compression
            if comp:
                data = zlib.compress(data, comp)
            info = dumps(
                (len(ids), ids[-1], heaviest, comp, length_to_byte(low), length_to_byte(high)),
                2,
            )
            size = len(info) + len(data)
            parts += [pack_int(-size if start + limit >= count else size), info, data]
            total += sum(weights)
            if low is not None:
                minlength = low if minlength is None else min(minlength, low)
            maxlength = max(maxlength, high)
            maxweight = max(maxweight, heaviest)
        info = _TERM_INFO.pack(
            False,
            total,
            count,
            length_to_byte(minlength),
            length_to_byte(maxlength),
            maxweight,
            postings[0][0],
            postings[-1][0],
        )
        return b"".join(parts), info

    def _mini(self, values: list[bytes]) -> tuple[bytes, ...] | bytes | None:
        """The block's values as `W3PostingsWriter._mini_values` stores them."""
        if self._fixed is None or self._fixed < 0:
            return tuple(values)
        if self._fixed == 0:
            return None
        return b"".join(values)


_TERM_INFO = W3TermInfo._struct
_ROW_LENGTHS = struct.Struct("!ii")
"""`whoosh.filedb.filetables`' row header: the key's and the value's lengths."""
_MD5 = 0
"""`HashWriter.hashtype` of MD5, the term table's."""


def _add_term_rows(table: OrderedHashWriter, rows: list[tuple[bytes, bytes]]) -> None:
    """`table.add(key, value)` for each row, keys ascending, in one write.

    The same bytes, key index and hash buckets as one `OrderedHashWriter.add` per row
    (checked by the byte-for-byte test), without three calls and a `tell` per term: ~130k
    terms per 10k articles. The MD5 hash Whoosh keeps is the low 32 bits of
    `int(hexdigest, 16)`, the digest's last four bytes.

    Raises:
        ValueError: the keys do not increase (as `OrderedHashWriter.add` raises).
    """
    if not rows:
        return
    last = table.lastkey
    position = table.dbfile.tell()
    buckets = table.buckets
    hashed = table.hashfn if table.hashtype != _MD5 else None
    positions: list[int] = []
    parts: list[bytes] = []
    for key, value in rows:
        if key <= last:
            raise ValueError(f"Keys must increase: {last!r}..{key!r}")
        last = key
        positions.append(position)
        if hashed is None:
            digest = hashlib.md5(key, usedforsecurity=False).digest()
            code = int.from_bytes(digest[-4:], "big")
        else:
            code = hashed(key)
        buckets[code & 255].append((code, position))
        parts += (_ROW_LENGTHS.pack(len(key), len(value)), key, value)
        position += _ROW_LENGTHS.size + len(key) + len(value)
    table.index.extend(positions)
    table.dbfile.write(b"".join(parts))
    table.lastkey = last


def _inlined_info(postings: list[Posting], lengths: dict[int, int]) -> bytes:
    """The term info of a term with few postings, the postings inside it, as W3 writes it.

    What `W3PostingsWriter.finish_postings` makes of a list shorter than the codec's
    `inlinelimit`: the statistics of that one block and the postings pickled into the term
    table, with nothing in the postings file.
    """
    ids = [docnum for docnum, _weight, _value in postings]
    weights = array("f", [weight for _docnum, weight, _value in postings])
    values = [value for _docnum, _weight, value in postings if value]
    found = [length for docnum in ids if (length := lengths.get(docnum, 0))]
    info = W3TermInfo(
        weight=sum(weights),
        df=len(ids),
        minlength=min(found) if found else None,
        maxlength=max(found) if found else 0,
        maxweight=max(0, max(weight for _docnum, weight, _value in postings)),
        minid=ids[0],
        maxid=ids[-1],
    )
    set_inline(info, ids, weights, values)
    encoded: bytes = info.to_bytes()
    return encoded


def _mini_ids(ids: list[int]) -> tuple[int, ...]:
    """Docnums as `W3PostingsWriter._mini_ids` stores them: the first, then the gaps."""
    return (ids[0], *[later - earlier for earlier, later in itertools.pairwise(ids)])
