"""Near-duplicate detection for syndicated copies: one-permutation MinHash + LSH bands.

Why this design: a classic MinHash runs k hash functions over every shingle (k x n work in
Python); one-permutation hashing (Li, Owen & Zhang 2012) hashes each word shingle once with
CRC-32 and keeps the minimum per bin, so a 500-word article costs ~500 C-level hashes. The
signature's 64 bins are split into 8 bands of 8; two articles become candidates when one band
matches exactly (probability ~0.99 at Jaccard 0.9, ~0.03 at 0.5), so nothing is compared
all-pairs. Candidates are then confirmed with the exact Jaccard of their shingle sets.
"""

from __future__ import annotations

import re
import struct
import zlib
from collections.abc import Sequence

SHINGLE_WORDS = 4
"""Words per shingle."""
BINS = 64
"""Signature length (one minimum per bin)."""
BANDS = 8
"""LSH bands; BINS // BANDS bins per band."""
THRESHOLD = 0.9
"""Jaccard similarity from which two bodies are near-identical copies."""
MIN_WORDS = 25
"""Bodies shorter than this get no signature: short texts are too alike by chance."""

_EMPTY_HASH = 0xFFFFFFFF
"""A bin no shingle fell into, while the minima are taken (the hashes are 32-bit)."""
_EMPTY = 0xFFFF
"""A bin no shingle fell into, in a signature."""
_WORD = re.compile(r"\w+")
_PACK = struct.Struct(f"<{BINS}H")
_WIDE = struct.Struct(f"<{BINS}I")
"""Manifest version 2's signatures: the 32-bit minima whole (`narrow` converts them)."""


def _shingle_hashes(words: Sequence[str]) -> set[int]:
    """CRC-32 hashes of the word 4-grams (zip/map keep the loop in C)."""
    if len(words) < SHINGLE_WORDS:
        return {zlib.crc32(" ".join(words).encode())} if words else set()
    grams = map(" ".join, zip(words, words[1:], words[2:], words[3:], strict=False))
    return {zlib.crc32(gram.encode()) for gram in grams}


def shingles(text: str) -> set[int]:
    """The CRC-32 hashes of the lower-cased word shingles of a text.

    Args:
        text: The cleaned body.

    Returns:
        The set of shingle hashes (empty for an empty text).
    """
    return _shingle_hashes(_WORD.findall(text.lower()))


def signature(text: str) -> bytes | None:
    """A one-permutation MinHash signature of the text's shingles.

    Args:
        text: The cleaned body.

    Returns:
        `BINS` packed 16-bit values, one per bin, or None when the text is too short to
        judge. Each bin's 32-bit minimum is kept as a 16-bit value of its bits above the
        6 that chose the bin (b-bit MinHash, Li & König 2010): two different minima look equal with
        probability 1/65535, which moves an estimate by at most that much, and the
        signature is half the size (it is stored for every article in the manifest).
    """
    words = _WORD.findall(text.lower())
    if len(words) < MIN_WORDS:
        return None
    mins = [_EMPTY_HASH] * BINS
    for value in _shingle_hashes(words):
        slot = value % BINS
        if value < mins[slot]:
            mins[slot] = value
    return _PACK.pack(*map(_bits, mins))


def _bits(minimum: int) -> int:
    """The 16 bits of a bin's minimum a signature keeps (`_EMPTY` for an empty bin)."""
    return _EMPTY if minimum == _EMPTY_HASH else (minimum // BINS) % _EMPTY


def narrow(wide: bytes) -> bytes:
    """A signature of 32-bit minima (manifest version 2) as `signature` now writes it.

    Args:
        wide: `BINS` packed 32-bit minima.

    Returns:
        The same signature as `signature` gives for the text today (a signature already
        in that form is returned as it is).
    """
    if len(wide) != _WIDE.size:
        return wide
    return _PACK.pack(*map(_bits, _WIDE.unpack(wide)))


def band_keys(sig: bytes) -> list[int]:
    """The LSH bucket keys of a signature, one per band.

    Args:
        sig: A signature from `signature`.

    Returns:
        `BANDS` signed 63-bit keys (SQLite INTEGER-safe); the band number is part of the key.
    """
    width = len(sig) // BANDS
    keys = []
    for band in range(BANDS):
        chunk = bytes([band]) + sig[band * width : (band + 1) * width]
        keys.append(zlib.crc32(chunk) << 31 ^ zlib.adler32(chunk))
    return keys


def estimate(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity from two signatures (share of equal non-empty bins).

    Args:
        a: One signature.
        b: Another signature.

    Returns:
        A value in [0, 1].
    """
    left, right = _PACK.unpack(narrow(a)), _PACK.unpack(narrow(b))
    used = [(x, y) for x, y in zip(left, right, strict=True) if x != _EMPTY or y != _EMPTY]
    if not used:
        return 0.0
    return sum(1 for x, y in used if x == y) / len(used)


def jaccard(a: str, b: str) -> float:
    """The exact Jaccard similarity of two texts' shingle sets.

    Args:
        a: One text.
        b: Another text.

    Returns:
        A value in [0, 1].
    """
    left, right = shingles(a), shingles(b)
    if not left or not right:
        return 0.0
    return len(left & right) / len(left | right)


def body_text(paragraphs: Sequence[str]) -> str:
    """The text the signature is computed over: the cleaned paragraphs.

    Args:
        paragraphs: An article's paragraphs.

    Returns:
        The paragraphs joined by newlines.
    """
    return "\n".join(paragraphs)
