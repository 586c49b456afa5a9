"""Bytes -> text for every reader: size limit, binary detection, encoding fallbacks."""

from __future__ import annotations

import codecs
import os
import re
import stat
from pathlib import Path

from index.errors import UnreadableFile

MAX_BYTES = 20 * 1024 * 1024
"""Files above this size are refused (a news article is a few kilobytes)."""

_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "a program"),
    (b"SQLite format 3", "an SQLite database"),
)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_TEXT_HINT = "newsdesk reads text: .txt, .md, .html, .json, .jsonl, .csv, .tsv, .sgm"


def _binary(path: Path, what: str) -> UnreadableFile:
    """The error for a binary file."""
    return UnreadableFile(f"{path} is {what}, not text", _TEXT_HINT)


def _utf16_without_bom(data: bytes) -> str | None:
    """The codec of BOM-less UTF-16 text (every other byte NUL), else None."""
    sample = data[:2000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    half = len(sample) // 2
    if odd > 0.8 * half and even < 0.05 * half:
        return "utf-16-le"
    if even > 0.8 * half and odd < 0.05 * half:
        return "utf-16-be"
    return None


def _decode_bytes(path: Path, data: bytes) -> str:
    """Decode by BOM, UTF-8, BOM-less UTF-16, then cp1252 / Latin-1."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError as error:
                raise UnreadableFile(
                    f"{path} starts with a {codec} mark but is not valid {codec}",
                    "re-save it as UTF-8",
                ) from error
    if b"\x00" in data:
        codec16 = _utf16_without_bom(data)
        if codec16 is None:
            raise _binary(path, "binary data (it contains NUL bytes)")
        return data.decode(codec16, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def _read_regular(path: Path) -> bytes:
    """The bytes of a regular file; anything else (a FIFO, a device) is refused unread.

    The file is opened non-blocking and checked after opening (`fstat`), so a file
    replaced by a FIFO after the walk can neither hang the run nor be read.

    Raises:
        UnreadableFile: not a regular file, or over `MAX_BYTES`.
        OSError: it cannot be opened or read.
    """
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | os.O_NOCTTY)
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise UnreadableFile(
                f"{path} is not a regular file (a FIFO, socket or device)", "remove it"
            )
        if status.st_size > MAX_BYTES:
            raise UnreadableFile(
                f"{path} is {status.st_size / 1_048_576:.0f} MB, over the "
                f"{MAX_BYTES // 1_048_576} MB limit",
                "split it into smaller files (one article or a few thousand records each)",
            )
        return stream.read(MAX_BYTES + 1)


def read_text(path: Path) -> str:
    """The text of a file, decoded; refuses binary, empty, huge and undecodable files.

    Raises:
        UnreadableFile: With a message saying which of those it is.
    """
    try:
        data = _read_regular(path)
    except OSError as error:
        raise UnreadableFile(f"cannot read {path}: {error.strerror}", "check the path") from error
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise _binary(path, what)
    text = _decode_bytes(path, data)
    if not text.strip():
        raise UnreadableFile(f"{path} is empty", "remove it or add the article text")
    sample = text[:4000]
    if len(_CONTROL.findall(sample)) > max(8, len(sample) // 50):
        raise _binary(path, "binary data (many control characters)")
    return text.replace("\r\n", "\n").replace("\r", "\n")
