"""Tests for index.store.posting_blocks and the varint positions format."""

from __future__ import annotations

import pickle
from array import array

import pytest
from whoosh.formats import Positions

from index.store.analysis import ArrayPositions, VarintPositions
from index.store.posting_blocks import compact_dumps, compact_weights
from index.store.safe_pickle import restricted_loads


@pytest.mark.parametrize(
    "positions",
    [[0], [5], [0, 1, 2], [3, 130, 131, 20_000], [127, 128, 16_383, 16_384, 2_097_152], []],
)
def test_varint_positions_round_trip(positions: list[int]) -> None:
    """Positions, frequency and weight come back as encoded (gaps of 1-4 varint bytes)."""
    fmt = VarintPositions(field_boost=1.5)
    encoded = fmt.encode(positions)
    assert fmt.decode_positions(encoded) == positions
    assert fmt.decode_frequency(encoded) == len(positions)
    assert fmt.decode_weight(encoded) == len(positions) * 1.5
    assert fmt.decode_as("positions", encoded) == positions


def test_varint_positions_are_smaller_than_arrays() -> None:
    """One byte per gap under 128 and no frequency prefix."""
    positions = [2, 40, 41, 300]
    assert len(VarintPositions().encode(positions)) == 5
    assert len(ArrayPositions().encode(positions)) == 20
    assert isinstance(VarintPositions(), Positions)


def test_compact_weights() -> None:
    """Whoosh's None / one float for uniform weights; bytes for small whole numbers."""
    assert compact_weights(array("f", [1.0, 1.0])) is None
    assert compact_weights(array("f", [3.0, 3.0])) == 3.0
    packed = compact_weights(array("f", [1.0, 2.0, 255.0]))
    assert packed == bytes([1, 2, 255])
    assert isinstance(packed, bytes)
    assert [float(w) for w in packed] == [1.0, 2.0, 255.0]
    assert compact_weights(array("f", [1.5, 3.0])) == (1.5, 3.0)
    assert compact_weights(array("f", [1.0, 256.0])) == (1.0, 256.0)


def test_compact_dumps_reads_back_with_the_restricted_unpickler() -> None:
    """Protocol 3, no memo, no frame: the same data, smaller than protocol 5."""
    block = ((0, 3, 1), bytes([1, 2, 1]), (b"\x01", b"\x02\x05", b"\x00"))
    data = compact_dumps(block, 2)
    assert restricted_loads(data) == block
    assert pickle.loads(data) == block
    assert len(data) < len(pickle.dumps(block, 5))
    assert data[1] == 3  # PROTO 3
