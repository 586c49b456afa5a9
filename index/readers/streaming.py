"""Large JSON Lines, JSON and CSV/TSV files, record by record, in bounded memory.

An export of 100,000 articles is one 90 MB JSON Lines file; read whole, then parsed whole,
it took gigabytes. `stream_records` reads such a file a megabyte at a time and yields one
record (or the reason it was skipped) at a time: a JSON Lines file line by line, a JSON
file that is a top-level array element by element (`json.JSONDecoder.raw_decode` over a
buffer that is refilled as it empties). The limits apply per record: a record over
`MAX_RECORD_BYTES` is skipped with its reason, the file's size does not matter.
"""

from __future__ import annotations

import codecs
import itertools
import json
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from index.errors import UnreadableFile
from index.models import SourceDocument
from index.readers.records import missing_text, record_document
from index.readers.tabular import DELIMITERS, table_records

STREAM_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json", *DELIMITERS})
"""Record formats read as a stream when large."""
STREAM_FROM_BYTES = 8 * 1024 * 1024
"""Record files from this size on are streamed (smaller ones are read whole, as before)."""
MAX_RECORD_BYTES = 16 * 1024 * 1024
"""Largest single record (an article is at most a million characters: ~4 MB of UTF-8)."""
_CHUNK = 1 << 20
_DECODER = json.JSONDecoder()

Record = tuple[SourceDocument | None, str | None]
"""A document, or None and the reason the record was skipped."""


def is_streamed(path: Path, size: int) -> bool:
    """Whether `path` is a record file large enough to be streamed."""
    return path.suffix.lower() in STREAM_SUFFIXES and size >= STREAM_FROM_BYTES


def _open_regular(path: Path) -> int:
    """A descriptor on a regular file (non-blocking open, checked after: never a FIFO)."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY)
    if not stat.S_ISREG(os.fstat(descriptor).st_mode):
        os.close(descriptor)
        raise UnreadableFile(f"{path} is not a regular file (a FIFO, socket or device)", "")
    return descriptor


def stream_records(path: Path) -> Iterator[Record]:
    """The records of a large .jsonl/.ndjson/.csv/.tsv file, or of a .json file's array.

    Raises:
        UnreadableFile: the file cannot be opened, or a .json file is not an array.
    """
    for chunk in stream_chunks(path, 64):
        yield from chunk.records()


@dataclass(frozen=True, slots=True)
class RecordChunk:
    """Records of a streamed file, decoded as they were read (a table, a JSON array)."""

    decoded: tuple[Record, ...]

    def __len__(self) -> int:
        return len(self.decoded)

    def records(self) -> list[Record]:
        """The records, in file order."""
        return list(self.decoded)

    def size(self) -> int:
        """Characters of text the chunk's documents hold."""
        return sum(len(document.text) for document, _problem in self.decoded if document)


@dataclass(frozen=True, slots=True)
class LineChunk:
    """Lines of a JSON Lines file, decoded into records by `records` where they are parsed.

    Ingest sends these to its worker processes undecoded: decoding the JSON and building
    the documents there took ~1 CPU-s per 20k records off the single writer process, and
    bytes pickle for less than documents do.
    """

    name: str
    """The file's path, as records name it ("file.jsonl#12")."""
    lines: tuple[tuple[int, bytes | None], ...]
    """(line number, the line; None for a line over `MAX_RECORD_BYTES`), blank lines left out."""

    def __len__(self) -> int:
        return len(self.lines)

    def records(self) -> list[Record]:
        """The lines' records (or why each was skipped), in file order."""
        return [_line_record(self.name, number, line) for number, line in self.lines]

    def size(self) -> int:
        """Bytes of the lines (about their characters of text)."""
        return sum(len(line) for _number, line in self.lines if line)


Chunk = RecordChunk | LineChunk
"""Some consecutive records of a streamed file."""


def stream_chunks(path: Path, size: int) -> Iterator[Chunk]:
    """The records of a streamed file (see `stream_records`) in chunks of `size` records.

    A JSON Lines file's chunks hold its lines undecoded (`LineChunk`); a table's or a JSON
    array's hold decoded records (a table's rows are joined into articles across chunks,
    an array is decoded element by element).

    Raises:
        UnreadableFile: the file cannot be opened, or a .json file is not an array.
    """
    name = str(path)
    try:
        descriptor = _open_regular(path)
    except OSError as error:
        raise UnreadableFile(f"cannot read {path}: {error.strerror}", "check the path") from error
    with os.fdopen(descriptor, "rb") as stream:
        delimiter = DELIMITERS.get(path.suffix.lower())
        if delimiter is not None:
            yield from _record_chunks(table_records(stream, name, delimiter), size)
            return
        first = stream.read(_CHUNK)
        if path.suffix.lower() == ".json" and not first.lstrip().startswith(b"{"):
            yield from _record_chunks(_array_records(first, stream, name), size)
            return
        lines = _lines(first, stream)
        while chunk := tuple(itertools.islice(lines, size)):
            yield LineChunk(name, chunk)


def _record_chunks(records: Iterator[Record], size: int) -> Iterator[RecordChunk]:
    while chunk := tuple(itertools.islice(records, size)):
        yield RecordChunk(chunk)


def count_records(path: Path) -> int | None:
    """About how many records a streamed file holds, for progress; None for a JSON array.

    Its lines, less the header of a table (only reading a JSON array tells). Counting
    newlines runs at the disk's speed (a tenth of a second for 90 MB).
    """
    suffix = path.suffix.lower()
    if suffix == ".json":
        return None
    try:
        descriptor = _open_regular(path)
    except (OSError, UnreadableFile):
        return None
    lines = 0
    last = b"\n"
    with os.fdopen(descriptor, "rb") as stream:
        while block := stream.read(_CHUNK):
            lines += block.count(b"\n")
            last = block[-1:]
    lines += last != b"\n"
    return max(lines - (suffix in DELIMITERS), 0)


def _record(text: str, where: str) -> Record:
    """One record's document, or why it was skipped."""
    try:
        item = json.loads(text)
    except json.JSONDecodeError as error:
        return None, f"{where}: malformed JSON ({error.msg})"
    document = record_document(item, where) if isinstance(item, dict) else None
    if document is None:
        return None, f"{where}: {missing_text(item)}"
    return document, None


def _decode(data: bytes) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def _lines(first: bytes, stream: object) -> Iterator[tuple[int, bytes | None]]:
    """JSON Lines: (line number, line) per non-blank line.

    A line over the limit is skipped unread and given as None.
    """
    read = stream.read  # type: ignore[attr-defined]  # a binary file object
    buffer = first.lstrip(b"\xef\xbb\xbf")
    number = 0
    skipping = False
    while True:
        newline = buffer.find(b"\n")
        if newline < 0:
            more = read(_CHUNK)
            if more:
                if len(buffer) > MAX_RECORD_BYTES:
                    skipping, buffer = True, b""
                buffer += more
                continue
            if not buffer.strip():
                return
            newline = len(buffer)
        line, buffer = buffer[:newline], buffer[newline + 1 :]
        number += 1
        if skipping:
            skipping = False
            yield number, None
            continue
        if line.strip():
            yield number, line


def _line_record(name: str, number: int, line: bytes | None) -> Record:
    """The record of one JSON Lines line (None: it was over the size limit)."""
    where = f"{name}#{number}"
    if line is None:
        return None, f"{where}: record over {MAX_RECORD_BYTES // 1_048_576} MB, skipped"
    return _record(_decode(line), where)


def _array_records(first: bytes, stream: object, name: str) -> Iterator[Record]:
    """A JSON array, element by element (`raw_decode` on a buffer refilled as needed)."""
    read = stream.read  # type: ignore[attr-defined]  # a binary file object
    decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
    text = decoder.decode(first.lstrip(b"\xef\xbb\xbf"))
    position = _skip_space(text, 0)
    if position >= len(text) or text[position] != "[":
        raise UnreadableFile(
            f"{name}: a large JSON file must hold an array of records",
            "export it as JSON Lines (one record per line)",
        )
    position += 1
    index = 0
    exhausted = False
    while True:
        position = _skip_space(text, position)
        if position < len(text) and text[position] == ",":
            position = _skip_space(text, position + 1)
        if position < len(text) and text[position] == "]":
            return
        try:
            item, end = _DECODER.raw_decode(text, position)
        except json.JSONDecodeError as error:
            if exhausted:
                yield None, f"{name}#{index}: malformed JSON ({error.msg}); the rest was skipped"
                return
            more = read(_CHUNK)
            exhausted = not more
            text = text[position:] + decoder.decode(more, final=exhausted)
            position = 0
            if len(text) > MAX_RECORD_BYTES:
                yield None, f"{name}#{index}: record over the size limit; the rest was skipped"
                return
            continue
        where = f"{name}#{index}"
        document = record_document(item, where) if isinstance(item, dict) else None
        yield (document, None) if document else (None, f"{where}: {missing_text(item)}")
        index += 1
        position = end
        if position > _CHUNK:
            text, position = text[position:], 0


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position
