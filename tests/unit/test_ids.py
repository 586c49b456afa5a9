"""Tests for index.ingest.ids."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass

from index.ingest.ids import content_hash_of, hash_id, record_id
from index.models import Article, ArticleId
from tests.builders import article


@dataclass
class _Record:
    content_hash: str


class _Known:
    def __init__(self, taken: dict[str, str]) -> None:
        self.taken = taken

    def article(self, article_id: ArticleId) -> _Record | None:
        hash_ = self.taken.get(article_id)
        return None if hash_ is None else _Record(hash_)


def _article(text: str) -> Article:
    plain = article((text,), article_id="x", path="/a", title="t")
    return dataclasses.replace(plain, content_hash=content_hash_of(plain))


def test_record_id_sanitises() -> None:
    """Unsafe characters become dashes; empty results are None; long ids are capped."""
    assert record_id(" wire/2024 01 ") == "wire-2024-01"
    assert record_id("../..") is None
    assert len(record_id("x" * 200) or "") == 64


def test_hash_id_is_first_12_hex_of_sha256() -> None:
    """A free id is the 12-character prefix of sha256(text)."""
    article = _article("Some body text.")
    expected = hashlib.sha256(b"Some body text.").hexdigest()[:12]
    assert hash_id(article, _Known({})) == expected


def test_hash_id_extends_on_collision() -> None:
    """When another content holds the prefix, the id grows by 4 characters."""
    article = _article("Some body text.")
    digest = hashlib.sha256(b"Some body text.").hexdigest()
    assert hash_id(article, _Known({digest[:12]: "other"})) == digest[:16]
    assert hash_id(article, _Known({digest[:12]: article.content_hash})) == digest[:12]
