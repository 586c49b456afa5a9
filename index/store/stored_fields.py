"""How new segments write their stored fields: each row deflated at level 0, not 3.

Whoosh's W3 codec pickles each document's stored fields (`id` and `payload`; pickled as
`index.store.posting_blocks` says) and deflates the pickle at level 3. The payload in the
row is deflated already (`index.store.payload`), so that second deflate wins ~20 bytes in
13 MB of rows at 20k articles and costs ~28 us a row (0.57 CPU-s at 20k articles, in the
single writer process). A level-0 row is a deflate stream of stored blocks, which Whoosh's
reader inflates like any other: indexes written before read the same, and any newsdesk
reads these.
"""

from __future__ import annotations

from typing import Any

from whoosh.columns import CompressedBytesColumn, PickleColumn

STORED_COLUMN_NAME = "_stored"
"""The W3 codec's per-document column of stored fields."""
LEVEL = 0
"""Deflate level of a stored row: the payload in it is deflated already."""
STORED_COLUMN = PickleColumn(CompressedBytesColumn(level=LEVEL))
"""W3's `STORED_COLUMN` with the level changed (its reader is the same)."""


def use_compact_stored_fields(perdocwriter: Any) -> None:
    """Make a W3 per-document writer deflate its stored rows at `LEVEL`.

    Call it before the first document is added (right after the segment writer is made):
    it replaces the stored-fields column's writer, which has written nothing yet.

    Raises:
        ValueError: the writer is not a fresh W3 per-document writer.
    """
    writers = getattr(perdocwriter, "_colwriters", None)
    if not isinstance(writers, dict):
        raise ValueError("expected a fresh W3 per-document writer")
    dbfile = getattr(getattr(writers.get(STORED_COLUMN_NAME), "_child", None), "_dbfile", None)
    if dbfile is None or getattr(perdocwriter, "_doccount", None) != 0:
        raise ValueError("expected a fresh W3 per-document writer")
    writers[STORED_COLUMN_NAME] = STORED_COLUMN.writer(dbfile)
