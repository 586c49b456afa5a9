"""The columns every search reads, kept beside the index for each generation.

Listing the newest articles and counting facets read two columns of every document: the
facet row (id, source, month, parties) and the date. Through Whoosh's column readers that
is ~4 s of CPU at 100k articles, paid by the first search after each launch (the app's
article list). This file holds what they give, for one index generation, in a form that
loads in tens of milliseconds: distinct sources, months and parties as tables, each row
as codes into them, each document's day and the date order as docnums (`DayColumn`).

The file is derived data. It is named after the generation it describes
(`columns-<generation>.bin`), written atomically, and ignored (and replaced) when it is
missing, older, damaged or from another format; nothing is ever lost by deleting it.
Format 2 (`NDCOLS2`) added the days, for `date:` filters; a format-1 file is read as
missing, so the columns are read from the index once more and saved in format 2.
"""

from __future__ import annotations

import json
import logging
import os
import struct
import tempfile
import zlib
from array import array
from pathlib import Path

from index.store.day_column import DayColumn
from index.store.documents import FacetColumns, PartyRows

_MAGIC = b"NDCOLS2\n"
_OLDER_MAGICS = (b"NDCOLS1\n",)
"""Earlier formats: read as missing (rebuilt from the index), not as damaged."""
_PREFIX = "columns-"
_SUFFIX = ".bin"
_SEPARATOR = "\x00"
_HEADER = struct.Struct("<I")
_ARRAYS = ("source_codes", "month_codes", "party_offsets", "party_codes", "order", "days")
_LEVEL = 6
"""Deflate level of the sidecar. Its columns repeat a lot, which makes level 9's longest
matches slow: at 20k articles 0.46 CPU-s for 381,600 bytes, against 0.07 s for 391,481 at
6 (written once per `newsdesk index`, in the single writer process, ~5x that at 100k)."""

logger = logging.getLogger(__name__)


def cache_path(directory: Path, generation: int) -> Path:
    """The sidecar file of one index generation."""
    return directory / f"{_PREFIX}{generation}{_SUFFIX}"


def load(directory: Path, generation: int, segments: str) -> tuple[FacetColumns, DayColumn] | None:
    """The facet columns and days of `generation`, or None when not (validly) saved.

    `segments` names the generation's segments: a rebuilt index counts its generations
    from the start again, so the number alone could name an older index's file.
    """
    path = cache_path(directory, generation)
    try:
        data = zlib.decompress(path.read_bytes())
        if data.startswith(_OLDER_MAGICS):
            logger.info("column cache %s has an older format: read again from the index", path)
            return None
        return _decode(data, segments)
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, IndexError, TypeError, zlib.error, struct.error) as e:
        logger.warning("ignoring a damaged column cache %s: %s", path, e)
        return None


def save(
    directory: Path, generation: int, segments: str, columns: FacetColumns, days: DayColumn
) -> None:
    """Write the sidecar of `generation` (atomically) and remove other generations' ones.

    Quietly does nothing when the directory cannot be written (a read-only library) or an
    id holds the separator character: the columns are then read from the index as before.
    """
    if any(_SEPARATOR in value for value in columns.ids):
        return
    payload = zlib.compress(_encode(segments, columns, days), _LEVEL)
    target = cache_path(directory, generation)
    try:
        handle, temporary = tempfile.mkstemp(prefix=".columns-", dir=directory)
        try:
            with os.fdopen(handle, "wb") as stream:
                stream.write(payload)
            Path(temporary).chmod(0o644)
            Path(temporary).replace(target)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        for old in directory.glob(f"{_PREFIX}*{_SUFFIX}"):
            if old != target:
                old.unlink(missing_ok=True)
    except OSError as e:
        logger.info("column cache not written in %s: %s", directory, e)


def _encode(segments: str, columns: FacetColumns, days: DayColumn) -> bytes:
    sources: dict[str, int] = {}
    months: dict[str, int] = {}
    parties: dict[str, int] = {}
    arrays = {name: array("I") for name in _ARRAYS}
    arrays["source_codes"].extend(sources.setdefault(s, len(sources)) for s in columns.sources)
    arrays["month_codes"].extend(months.setdefault(m, len(months)) for m in columns.months)
    offsets, codes = arrays["party_offsets"], arrays["party_codes"]
    offsets.append(0)
    for row in columns.parties:
        codes.extend(parties.setdefault(p, len(parties)) for p in row)
        offsets.append(len(codes))
    arrays["order"].extend(days.order)
    arrays["days"].extend(days.days)
    blobs = [_SEPARATOR.join(columns.ids).encode("utf-8")]
    blobs += [arrays[name].tobytes() for name in _ARRAYS]
    header = json.dumps(
        {
            "segments": segments,
            "count": len(columns.ids),
            "sources": list(sources),
            "months": list(months),
            "parties": list(parties),
            "lengths": [len(blob) for blob in blobs],
            "itemsize": array("I").itemsize,
        }
    ).encode("utf-8")
    return b"".join([_MAGIC, _HEADER.pack(len(header)), header, *blobs])


def _decode(data: bytes, segments: str) -> tuple[FacetColumns, DayColumn]:
    if not data.startswith(_MAGIC):
        raise ValueError("not a column cache")
    at = len(_MAGIC)
    (size,) = _HEADER.unpack_from(data, at)
    at += _HEADER.size
    header = json.loads(data[at : at + size])
    at += size
    if header["segments"] != segments:
        raise ValueError("another index's columns")
    if header["itemsize"] != array("I").itemsize:
        raise ValueError("written on another platform")
    count: int = header["count"]
    blobs = []
    for length in header["lengths"]:
        blobs.append(data[at : at + length])
        at += length
    if at != len(data):
        raise ValueError("truncated or padded")
    ids = blobs[0].decode("utf-8").split(_SEPARATOR) if count else []
    arrays: dict[str, array[int]] = {}
    for name, blob in zip(_ARRAYS, blobs[1:], strict=True):
        arrays[name] = array("I")
        arrays[name].frombytes(blob)
    sources, months, names = header["sources"], header["months"], header["parties"]
    offsets, codes = arrays["party_offsets"], arrays["party_codes"]
    if len(ids) != count or len(offsets) != count + 1 or len(arrays["days"]) != count:
        raise ValueError("row counts disagree")
    columns = FacetColumns(
        ids=ids,
        sources=list(map(sources.__getitem__, arrays["source_codes"])),
        months=list(map(months.__getitem__, arrays["month_codes"])),
        parties=PartyRows(names, offsets, codes),
    )
    if len(columns.sources) != count or len(columns.months) != count:
        raise ValueError("row counts disagree")
    return columns, DayColumn(arrays["days"], list(arrays["order"]))
