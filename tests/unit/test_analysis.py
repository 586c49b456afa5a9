"""Tests for index.store.analysis."""

from __future__ import annotations

import pickle

import pytest
from whoosh.fields import TEXT

from index.store.analysis import (
    NewsText,
    PyStemFilter,
    VarintPositions,
    analyse,
    news_analyzer,
    token_spans,
)


def test_analyse_stems_and_drops_stop_words() -> None:
    """Words are lower-cased, stemmed, and stop words are dropped."""
    assert analyse("The Hostages were released") == ["hostag", "releas"]


def test_analyse_inflections_share_a_stem() -> None:
    """'hostage', 'hostages' and "Hostage's" index as the same term."""
    assert analyse("hostage") == analyse("hostages") == analyse("Hostage's")


def test_analyse_keeps_numbers_and_inner_punctuation() -> None:
    """Numbers with separators stay one token."""
    assert analyse("1.9 million people") == ["1.9", "million", "peopl"]


def test_token_spans_offsets_point_at_the_word() -> None:
    """Offsets from chars=True slice the original word out of the text."""
    text = "Freed: 13 Hostages, said Qatar."
    spans = list(token_spans(text))
    assert [(term, text[start:end]) for term, start, end in spans] == [
        ("freed", "Freed"),
        ("13", "13"),
        ("hostag", "Hostages"),
        ("said", "said"),
        ("qatar", "Qatar"),
    ]


def test_pystemfilter_pickles_without_the_stemmer() -> None:
    """The filter survives pickling (Whoosh pickles the schema into the index)."""
    restored = pickle.loads(pickle.dumps(PyStemFilter("english")))
    assert restored == PyStemFilter("english")
    assert [t.text for t in news_analyzer()("ceasefires")] == ["ceasefir"]


@pytest.mark.parametrize(
    "text",
    [
        "The Hostages were released, the hostages said: 13 of them.",
        "Israel's war — U.S. envoy, 1.9 million people; the the the end",
        "",
        "Ünïcödé İstanbul ÆSIR straße ﬁnance",
        "the of the Gaza and the Gaza, of the gaza",
        "the of and",
        " ".join(f"w{n % 40} the" for n in range(20_000)),
    ],
)
def test_newstext_index_matches_the_analyzer(text: str) -> None:
    """The fast field indexes exactly what the analyzer-driven TEXT field would."""
    fast = NewsText(analyzer=news_analyzer(), phrase=True)
    plain = TEXT(analyzer=news_analyzer(), phrase=True)
    assert analyse(text) == [t.text for t in news_analyzer()(text)]
    ours = sorted(fast.index(text))
    theirs = sorted(plain.index(text))
    assert [(t, f, w) for t, f, w, _ in ours] == [(t, f, w) for t, f, w, _ in theirs]
    assert [fast.format.decode_positions(v) for *_, v in ours] == [
        plain.format.decode_positions(v) for *_, v in theirs
    ]


@pytest.mark.parametrize(
    "text", ["The Hostages' release, Qatar's role", "İstanbul ﬁnance 1,200 U.S.", "", "the of"]
)
def test_token_spans_match_the_analyzer(text: str) -> None:
    """The fast span finder agrees with the analyzer run with chars=True."""
    expected = [(t.text, t.startchar, t.endchar) for t in news_analyzer()(text, chars=True)]
    assert list(token_spans(text)) == expected
    assert analyse(text) == [t.text for t in news_analyzer()(text)]


def _leb128_gaps(positions: list[int]) -> bytes:
    """The reference encoding: each gap from the previous position as a LEB128 varint."""
    out = bytearray()
    previous = 0
    for position in positions:
        gap = position - previous
        previous = position
        while gap >= 0x80:
            out.append(gap & 0x7F | 0x80)
            gap >>= 7
        out.append(gap)
    return bytes(out)


@pytest.mark.parametrize(
    "positions",
    [
        [],
        [0],
        [5],
        [127],
        [128],
        [16_383],
        [16_384],
        [3_000_000],
        [1, 2, 3],
        [0, 127, 128, 300],
        [0, 200, 201, 20_000, 20_001],
        [7, 16_390, 3_000_000],
    ],
)
def test_varint_positions_encode_the_gaps_as_leb128(positions: list[int]) -> None:
    """Every path of the encoder (one position, one-byte gaps, table, long gaps) agrees."""
    fmt = VarintPositions()
    encoded = fmt.encode(positions)
    assert encoded == _leb128_gaps(positions)
    assert fmt.decode_positions(encoded) == positions
