"""Tests for index.store.payload."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import zlib
from importlib import resources

import pytest

from index.models import Article, JsonValue
from index.store.payload import (
    FIGURE_KEYS,
    FORMAT_1,
    MENTION_KEYS,
    DecodedArticles,
    decode_article,
    encode_article,
    measures_by_count,
    payload_json,
    summarise,
)
from tests.builders import stored_article

PAYLOAD_1_DICTIONARY_SHA256 = "04b0a390a0275294212847572149f9369da704f43b1f2f4504af50c128752e14"


def test_encode_decode_round_trips_every_field() -> None:
    """raw, content hash, extra and the JSON fields all survive."""
    article = stored_article(3)
    assert decode_article(encode_article(article)) == article


def _schema_2_payload(article: Article) -> bytes:
    """A payload as schema 2 stored it: the article's JSON with raw, hash and extra."""
    data: dict[str, JsonValue] = article.as_json()
    data["raw"] = article.raw
    data["content_hash"] = article.content_hash
    data["extra"] = [[key, value] for key, value in article.extra]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def test_decode_article_reads_the_older_compressed_payloads() -> None:
    """Older indexes hold plain JSON (schema 2) or zlib'd JSON (before it); both decode."""
    article = stored_article(5)
    payload = _schema_2_payload(article)
    assert payload.startswith(b"{")
    assert decode_article(payload) == article
    assert decode_article(zlib.compress(payload, 1)) == article


@pytest.mark.parametrize("raw_is_text", [False, True])
@pytest.mark.parametrize("hash_is_text_hash", [False, True])
def test_format_1_round_trips_derived_and_own_raw_and_hash(
    raw_is_text: bool, hash_is_text_hash: bool
) -> None:
    """raw and content_hash are left out when derivable, kept otherwise; all come back."""
    article = stored_article(7)
    text = article.text
    article = dataclasses.replace(
        article,
        raw=text if raw_is_text else "other raw",
        content_hash=hashlib.sha256(text.encode()).hexdigest() if hash_is_text_hash else "h7",
        extra=(("near_duplicate_of", "art0001"),),
    )
    payload = encode_article(article)
    assert payload.startswith(FORMAT_1)
    assert decode_article(payload) == article
    compact = json.loads(payload_json(article))
    assert (compact["raw"] is None) is raw_is_text
    assert (compact["content_hash"] is None) is hash_is_text_hash
    assert compact["figures"][0][FIGURE_KEYS.index("counted")] == "people"
    assert compact["mentions"][0][MENTION_KEYS.index("party")] == "Hamas"


def test_format_1_empty_raw_and_hash_stay_empty() -> None:
    """An article without raw text or hash (never ingested) decodes without inventing them."""
    article = dataclasses.replace(stored_article(8), raw="", content_hash="")
    assert decode_article(encode_article(article)) == article


def test_format_1_is_smaller_than_the_schema_2_json_deflated() -> None:
    """The compact JSON and the preset dictionary beat zlib on schema 2's JSON."""
    article = stored_article(9)
    assert len(encode_article(article)) < len(zlib.compress(_schema_2_payload(article), 9))


def test_the_format_1_dictionary_never_changes() -> None:
    """Format-1 payloads can only be read with the dictionary they were written with."""
    data = resources.files("index").joinpath("data/payload-1.zdict").read_bytes()
    assert hashlib.sha256(data).hexdigest() == PAYLOAD_1_DICTIONARY_SHA256


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
