"""Article ids: a record's own id (sanitised), else a short stable hash of the content."""

from __future__ import annotations

import hashlib
import re
from typing import Protocol

from index.models import Article, ArticleId

HASH_ID_LENGTH = 12
"""Hex characters of a content-hash id; extended by 4 on a collision."""
MAX_RECORD_ID = 64
_UNSAFE = re.compile(r"[^A-Za-z0-9._:-]+")


class _KnownIds(Protocol):
    """Anything that can say which article already has an id (the manifest)."""

    def article(self, article_id: ArticleId) -> _HasContentHash | None:
        """The record of an id, or None."""


class _HasContentHash(Protocol):
    """A record with a content hash."""

    @property
    def content_hash(self) -> str:
        """sha256 of the cleaned paragraphs."""


def content_hash_of(article: Article) -> str:
    """sha256 (hex) of an article's cleaned paragraphs.

    Args:
        article: The parsed article.

    Returns:
        64 hex characters.
    """
    return hashlib.sha256("\n\n".join(article.paragraphs).encode("utf-8")).hexdigest()


def record_id(raw: str) -> ArticleId | None:
    """A JSON record's own id made safe for the index, the CLI and file names.

    Characters outside letters, digits and `._:-` become `-`; the result is capped at 64
    characters.

    Args:
        raw: The record's `id` value as text.

    Returns:
        The sanitised id, or None when nothing usable is left.
    """
    cleaned = _UNSAFE.sub("-", raw.strip()).strip("-.")[:MAX_RECORD_ID]
    return ArticleId(cleaned) if cleaned else None


def hash_id(article: Article, known: _KnownIds) -> ArticleId:
    """The short content-hash id of an article, extended while another article holds it.

    Args:
        article: The parsed article (its `text` is hashed).
        known: Where existing ids are looked up.

    Returns:
        The first 12 hex characters of sha256(text), or more on a collision.
    """
    digest = hashlib.sha256(article.text.encode("utf-8")).hexdigest()
    length = HASH_ID_LENGTH
    while length < len(digest):
        candidate = ArticleId(digest[:length])
        holder = known.article(candidate)
        if holder is None or holder.content_hash == article.content_hash:
            return candidate
        length += 4
    return ArticleId(digest)
