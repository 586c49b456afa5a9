"""Tests for index.ingest.neardup."""

from __future__ import annotations

import random
import struct

from index.ingest import neardup
from tests.builders import wide_signature

_WORDS = [
    "alpha",
    "beta",
    "gamma",
    "delta",
    "epsilon",
    "zeta",
    "eta",
    "theta",
    "iota",
    "kappa",
    "lambda",
    "mu",
    "nu",
    "xi",
]


def _text(seed: int, words: int = 300) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(_WORDS) + str(rng.randrange(50)) for _ in range(words))


def test_signature_short_text_is_none() -> None:
    """Texts under MIN_WORDS get no signature."""
    assert neardup.signature("just a few words here") is None


def test_signature_is_deterministic() -> None:
    """The same text always gives the same signature and band keys (stable across runs)."""
    text = _text(1)
    first = neardup.signature(text)
    assert first is not None
    assert first == neardup.signature(text)
    assert len(neardup.band_keys(first)) == neardup.BANDS
    assert all(0 <= key < 2**63 for key in neardup.band_keys(first))


def test_near_identical_texts_share_a_band_and_score_high() -> None:
    """A copy with a few words changed shares a band and estimates above 0.8."""
    words = _text(2).split()
    edited = " ".join([*words[:150], "changed", *words[151:]])
    a, b = neardup.signature(" ".join(words)), neardup.signature(edited)
    assert a is not None
    assert b is not None
    assert set(neardup.band_keys(a)) & set(neardup.band_keys(b))
    assert neardup.estimate(a, b) > 0.8
    assert neardup.jaccard(" ".join(words), edited) >= neardup.THRESHOLD


def test_unrelated_texts_score_low() -> None:
    """Two unrelated texts estimate and measure far below the threshold."""
    a, b = neardup.signature(_text(3)), neardup.signature(_text(4))
    assert a is not None
    assert b is not None
    assert neardup.estimate(a, b) < 0.3
    assert neardup.jaccard(_text(3), _text(4)) < 0.3


def test_shingles_are_case_insensitive() -> None:
    """Upper and lower case give the same shingles."""
    assert neardup.shingles("One Two Three Four") == neardup.shingles("one two three four")
    assert neardup.shingles("") == set()


def test_signature_is_16_bits_a_bin_and_a_wide_one_narrows_to_it() -> None:
    """Signatures are 2 bytes a bin; the 32-bit ones of version 2 convert to the same bytes."""
    for seed in range(5):
        text = _text(seed)
        signature = neardup.signature(text)
        assert signature is not None
        assert len(signature) == 2 * neardup.BINS
        assert neardup.narrow(wide_signature(text)) == signature
        assert neardup.narrow(signature) == signature  # already narrow: as it is


def test_estimate_reads_a_wide_and_a_narrow_signature_alike() -> None:
    """An old signature left behind compares with a new one as the two new ones would."""
    words = _text(7).split()
    edited = " ".join([*words[:100], "changed", *words[101:]])
    a, b = neardup.signature(" ".join(words)), neardup.signature(edited)
    assert a is not None
    assert b is not None
    assert neardup.estimate(wide_signature(" ".join(words)), b) == neardup.estimate(a, b)
    assert neardup.estimate(a, b) > 0.8


def test_a_mostly_empty_signature_compares_only_used_bins() -> None:
    """A text with fewer shingles than bins leaves empty bins, which are not compared."""
    text = " ".join(f"word{n}" for n in range(neardup.MIN_WORDS + 2))
    signature = neardup.signature(text)
    assert signature is not None
    assert neardup.estimate(signature, signature) == 1.0
    empty = struct.unpack(f"<{neardup.BINS}H", signature).count(0xFFFF)
    assert 0 < empty < neardup.BINS
