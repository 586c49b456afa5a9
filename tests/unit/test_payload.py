"""Tests for index.store.payload."""

from __future__ import annotations

import zlib

import pytest

from index.store.payload import (
    DecodedArticles,
    decode_article,
    encode_article,
    measures_by_count,
    summarise,
)
from tests.builders import stored_article


def test_encode_decode_round_trips_every_field() -> None:
    """raw, content hash, extra and the JSON fields all survive."""
    article = stored_article(3)
    assert decode_article(encode_article(article)) == article


def test_decode_article_reads_the_older_compressed_payloads() -> None:
    """Indexes written before payloads went uncompressed hold zlib'd JSON; both decode."""
    article = stored_article(5)
    payload = encode_article(article)
    assert payload.startswith(b"{")
    assert decode_article(zlib.compress(payload, 1)) == article


@pytest.mark.parametrize(
    "payload",
    [b"", b"not zlib", zlib.compress(b"[1, 2]"), zlib.compress(b"{}"), b"{}", b"{broken"],
)
def test_decode_article_rejects_garbage_with_value_error(payload: bytes) -> None:
    """A damaged payload is a ValueError (the store turns it into IndexCorrupt)."""
    with pytest.raises(ValueError, match="unreadable stored article"):
        decode_article(payload)


def test_summarise_lists_parties_and_measures() -> None:
    """Summaries carry the parties and measures, most frequent first."""
    summary = summarise(stored_article(4))
    assert summary.parties == ("Hamas",)
    assert measures_by_count(stored_article(4)) == ("killed",)


def test_decoded_articles_decode_once_and_drop_oldest() -> None:
    """A cached docnum is not read again; past capacity the least recent one is dropped."""
    payload = encode_article(stored_article(1))
    reads: list[int] = []

    def read(docnum: int) -> bytes:
        reads.append(docnum)
        return payload

    cache = DecodedArticles(capacity=2)
    first = cache.get(1, lambda: read(1))
    assert cache.get(1, lambda: read(1)) is first
    assert first == decode_article(payload)
    cache.get(2, lambda: read(2))
    cache.get(3, lambda: read(3))
    cache.get(1, lambda: read(1))
    assert reads == [1, 2, 3, 1]
