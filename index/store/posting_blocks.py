"""How posting blocks and stored rows are pickled, and how a block's weights are packed.

Whoosh's W3 codec pickles each posting block as `(ids, weights, values)` and each block's
statistics as a small tuple; `install()` (run by `index.store.index_files`) makes every
such pickle, and the stored-field rows, smaller without changing how they are read:

- pickle protocol 3 with the memo off (`compact_dumps`): bytes values are stored natively
  (protocol 2 writes each as a `_codecs.encode` call, which made reading 'said' 160 ms
  instead of 33), without protocol 4's 9-byte frame header per pickle or a memo entry per
  posting value;
- weights that are small whole numbers (a body term's frequency) as one `bytes` object, one
  byte each, instead of a tuple of 9-byte pickled floats (`compact_weights`). Whoosh's
  reader uses the weights sequence as it is, and a `bytes` indexes to `int`s.

Measured on a 10k-article segment of the 100k corpus (body postings): 12.5 MB of blocks
become 4.0 MB with `index.store.analysis.VarintPositions`, and reading every block takes
73 ms of CPU instead of 97 (benchmarks/README.md, "Index size").
"""

from __future__ import annotations

import io
import pickle
from array import array
from collections.abc import Sequence

import whoosh.codec.whoosh3
import whoosh.columns
from whoosh.codec.whoosh3 import W3PostingsWriter, W3TermInfo

PICKLE_PROTOCOL = 3
"""The lowest protocol with native bytes; 4 and 5 add a 9-byte frame header to each pickle."""

_BYTE_WEIGHT_MAX = 255


def compact_dumps(obj: object, protocol: int = 2) -> bytes:
    """Whoosh's `dumps(x, 2)` as protocol 3 without a memo (`protocol` is ignored).

    Posting blocks and stored rows hold no shared or recursive objects, so the memo only
    costs a byte per value; any pickle reader reads the result.
    """
    stream = io.BytesIO()
    pickler = pickle.Pickler(stream, PICKLE_PROTOCOL)
    pickler.fast = True
    pickler.dump(obj)
    return stream.getvalue()


def compact_weights(weights: Sequence[float]) -> float | bytes | tuple[float, ...] | None:
    """A block's weights as Whoosh's reader takes them, in the fewest bytes.

    None when all are 1 and one float when all are equal (as Whoosh's own writer does),
    else `bytes` when every weight is a whole number from 1 to 255, else a tuple.
    """
    if all(weight == 1.0 for weight in weights):
        return None
    first = weights[0]
    if all(weight == first for weight in weights):
        return first
    if all(weight.is_integer() and 1 <= weight <= _BYTE_WEIGHT_MAX for weight in weights):
        return bytes(int(weight) for weight in weights)
    return tuple(weights)


def _mini_weights(self: W3PostingsWriter) -> float | bytes | tuple[float, ...] | None:
    """`W3PostingsWriter._mini_weights`, packed by `compact_weights`."""
    weights: array[float] = self._weights
    return compact_weights(weights)


def set_inline(
    info: W3TermInfo, ids: Sequence[int], weights: Sequence[float], values: Sequence[bytes]
) -> None:
    """Put a short posting list into its term info (`W3TermInfo.set_inline`, mended).

    W3's writer keeps only non-empty values, so an ID field's inlined postings had no
    values and Whoosh's `ListMatcher` then gave `""` for each, which a merge refuses
    (`vbytes=''`); an empty value is kept for each posting instead. Weights that are all 1
    (ids, paths) are left out, as W3 blocks do: `ListMatcher` reads None as all 1.
    """
    kept = tuple(values) if values else (b"",) * len(ids)
    ones = all(weight == 1.0 for weight in weights)
    info._inlined = (tuple(ids), None if ones else tuple(weights), kept)


def install() -> None:
    """Make Whoosh's W3 writer pickle and pack as this module does (idempotent).

    Also mends W3's inlining of short posting lists into the term table: its writer calls
    `W3TermInfo.set_inline`, which whoosh-reloaded 2.7.5 names `set_inlined` (see
    `set_inline`).
    """
    whoosh.codec.whoosh3.dumps = compact_dumps
    whoosh.columns.dumps = compact_dumps
    W3PostingsWriter._mini_weights = _mini_weights
    W3TermInfo.set_inline = set_inline
