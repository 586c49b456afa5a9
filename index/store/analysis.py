"""The text analyzer shared by indexing, querying and highlighting.

A word tokenizer, lower-casing, an English stop list and Snowball (PyStemmer) stemming.
PyStemmer is the C implementation of the Snowball stemmers: measured on the Reuters corpus
it stems about 20x faster than Whoosh's pure-Python Porter stemmer, and the Snowball
"english" (Porter2) algorithm ranks Cranfield better than Porter (see benchmarks/README.md).

The same analyzer must be used for the index, the query parser and `match_spans`, so a
query word highlights every inflection that shares its stem ("hostage" -> "hostages").
"""

from __future__ import annotations

import operator
import re
import sys
from array import array
from collections.abc import Iterable, Iterator

from whoosh.analysis import (
    Filter,
    LowercaseFilter,
    RegexTokenizer,
    StopFilter,
)
from whoosh.analysis.acore import Token
from whoosh.analysis.analyzers import CompositeAnalyzer
from whoosh.fields import TEXT
from whoosh.formats import Format, Positions
from whoosh.system import _INT_SIZE, pack_uint

from index.text.stemming import stem_cache
from index.text.stopwords import STOP_WORDS

WORD_PATTERN = r"\w+(?:[.'’]\w+)*"
"""A word: letters/digits, keeping inner apostrophes and dots ("Israel's", "U.S", "1.9")."""


_WORD_RE = re.compile(WORD_PATTERN)


class PyStemFilter(Filter):  # type: ignore[misc]  # whoosh is untyped
    """A Whoosh filter that replaces each token's text by its Snowball stem."""

    is_morph = True

    def __init__(self, language: str = "english") -> None:
        """Create the filter.

        Args:
            language: A PyStemmer (Snowball) algorithm name.
        """
        self.language = language

    def __getstate__(self) -> dict[str, str]:
        """Pickle only the language (Whoosh pickles the schema into the index TOC)."""
        return {"language": self.language}

    def __setstate__(self, state: dict[str, str]) -> None:
        """Restore from `__getstate__`."""
        self.language = state["language"]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PyStemFilter) and other.language == self.language

    def __hash__(self) -> int:
        return hash(("PyStemFilter", self.language))

    def __call__(self, tokens: Iterable[Token]) -> Iterator[Token]:
        """Stem every token that is not a stop word."""
        stem = stem_cache(self.language).stem
        for token in tokens:
            if not token.stopped:
                token.text = stem(token.text)
            yield token


class ArrayPositions(Positions):  # type: ignore[misc]  # whoosh is untyped
    """Whoosh's Positions format with the positions as packed little-endian uint32s.

    The format of schema version 2 (kept so its pickled schema still loads: an index of
    that version is rebuilt); `VarintPositions` replaced it.

    Whoosh pickles every posting's position list (one `pickle.dumps` per term per
    document when writing, one `loads` per posting when matching a phrase); a packed
    array is written and read in C. Same information, same frequency prefix.
    """

    def encode(self, poslist: list[int]) -> bytes:
        """Frequency prefix + the positions as uint32s."""
        packed = array("I", poslist)
        if sys.byteorder != "little":
            packed.byteswap()
        return bytes(pack_uint(len(poslist))) + packed.tobytes()

    def decode_positions(self, valuestring: bytes) -> list[int]:
        """The positions of one posting."""
        packed = array("I")
        packed.frombytes(valuestring[_INT_SIZE:])
        if sys.byteorder != "little":
            packed.byteswap()
        return packed.tolist()


class VarintPositions(Positions):  # type: ignore[misc]  # whoosh is untyped
    """Positions as gaps between them, each a LEB128 varint (one byte below 128).

    `ArrayPositions` spent 4 bytes on the frequency and 4 on every position; gaps in a
    news body are mostly under 128 words, so a posting takes 1-2 bytes per position and
    none for the frequency, which is the number of varints. Same positions (tested).
    """

    def encode(self, poslist: list[int]) -> bytes:
        """The gaps between the ascending positions (the first from 0) as varints.

        Most terms occur once in a document: one table lookup. Otherwise the gaps are
        taken with `map` (in C) and joined from the table of varints below 2**14.
        """
        if len(poslist) == 1 and poslist[0] < _TABLE_SIZE:
            return _VARINTS[poslist[0]]
        gaps = list(map(operator.sub, poslist, [0, *poslist]))
        highest = max(gaps, default=0)
        if highest < _VARINT_HIGH:
            return bytes(gaps)  # every gap is one byte
        if highest < _TABLE_SIZE:
            return b"".join(map(_VARINTS.__getitem__, gaps))
        out = bytearray()
        for gap in gaps:
            while gap >= _VARINT_HIGH:
                out.append(gap & _VARINT_LOW | _VARINT_HIGH)
                gap >>= 7
            out.append(gap)
        return bytes(out)

    def decode_positions(self, valuestring: bytes) -> list[int]:
        """The positions of one posting."""
        positions = []
        position = gap = shift = 0
        for byte in valuestring:
            gap |= (byte & _VARINT_LOW) << shift
            if byte & _VARINT_HIGH:
                shift += 7
                continue
            position += gap
            positions.append(position)
            gap = shift = 0
        return positions

    def decode_frequency(self, valuestring: bytes) -> int:
        """How many positions the posting holds (one varint ends at each byte below 128)."""
        return sum(1 for byte in valuestring if byte < _VARINT_HIGH)


_VARINT_HIGH = 0x80
_VARINT_LOW = 0x7F
_TABLE_SIZE = 1 << 14
"""Gaps below this are one or two varint bytes, looked up in `_VARINTS`."""
_VARINTS: list[bytes] = [
    bytes([gap]) if gap < _VARINT_HIGH else bytes([gap & _VARINT_LOW | _VARINT_HIGH, gap >> 7])
    for gap in range(_TABLE_SIZE)
]


class NewsText(TEXT):  # type: ignore[misc]  # whoosh is untyped
    """A TEXT field that indexes with one regex pass and one batch stemming call.

    It produces exactly the postings `news_analyzer()` would (same words, stems and
    renumbered positions, checked by tests/unit/test_analysis.py) without Whoosh's
    per-token generator chain, which is most of the analysis cost when writing.
    """

    format: Format
    """How postings are encoded (set by TEXT; positions become `VarintPositions`)."""

    def __init__(self, **kwargs: object) -> None:
        """Like TEXT(...); positions (phrase=True) use `VarintPositions`."""
        super().__init__(**kwargs)
        current: Format = self.format
        if type(current) is Positions:
            self.format = VarintPositions(field_boost=current.field_boost)

    def index(self, value: str, **kwargs: object) -> Iterator[tuple[bytes, int, float, bytes]]:
        """(term bytes, frequency, weight, encoded positions) per distinct term, in order.

        Built as a list in one pass (0.07 ms less per Reuters-sized article than the
        generator it was: ingest analyses every title and body).
        """
        words = list(map(str.lower, _WORD_RE.findall(value)))
        kept = [w for w in words if w not in STOP_WORDS]
        if not kept:
            return iter(())
        # Whoosh's StopFilter keeps the first kept word's position and renumbers the rest
        # consecutively after it (the first kept word's first occurrence is that position).
        first = words.index(kept[0])
        positions: dict[str, list[int]] = {}
        found_for = positions.get
        for number, stem in enumerate(stem_cache().stem_all(kept), first):
            found = found_for(stem)
            if found is None:
                positions[stem] = [number]
            else:
                found.append(number)
        encode = self.format.encode
        boost = self.format.field_boost
        return iter(
            [
                (term.encode("utf-8"), len(found), len(found) * boost, encode(found))
                for term, found in positions.items()
            ]
        )


def news_analyzer() -> CompositeAnalyzer:
    """Return the analyzer for title and body: words, lower case, stop words, stems."""
    return (
        RegexTokenizer(WORD_PATTERN)
        | LowercaseFilter()
        | StopFilter(stoplist=STOP_WORDS, minsize=1)
        | PyStemFilter("english")
    )


def analyse(text: str) -> list[str]:
    """Return the analysed terms of a text, in order (stop words dropped).

    The terms of `news_analyzer()(text)`, in one regex pass and one batch stemming call:
    relevance feedback analyses ten whole articles per long query, and Whoosh's per-token
    generator chain took ~5 ms of that at 100k articles.
    """
    words = [word for word in map(str.lower, _WORD_RE.findall(text)) if word not in STOP_WORDS]
    return stem_cache().stem_all(words)


def token_spans(text: str) -> Iterator[tuple[str, int, int]]:
    """Yield (term, start, end) for each indexed word of `text` (character offsets).

    The same words and stems as `news_analyzer()(text, chars=True)`, in one regex pass
    and one batch stemming call (snippets run this on every hit's paragraphs).
    """
    matches = [m for m in _WORD_RE.finditer(text) if m.group().lower() not in STOP_WORDS]
    stems = stem_cache().stem_all([m.group().lower() for m in matches])
    for match, stem in zip(matches, stems, strict=True):
        yield stem, match.start(), match.end()
