"""A bookmarked passage, and where it stands against the article's current text."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from index.models.article import ArticleId, JsonValue


class AnchorStatus(StrEnum):
    """Where a bookmark stands against the article's current text."""

    ANCHORED = "anchored"
    MOVED = "moved"
    ORPHAN = "orphan"
    UNCHECKED = "unchecked"
    """The index could not be read: positions are as stored, not checked against the text."""


@dataclass(frozen=True, slots=True)
class Bookmark:
    """A bookmarked passage, as stored and as re-anchored against the current text."""

    id: int
    article_id: ArticleId
    quote: str
    prefix: str
    suffix: str
    paragraph: int | None
    """Current paragraph (None for an orphan)."""
    start: int | None
    end: int | None
    note: str
    tags: tuple[str, ...]
    created: str
    """ISO 8601 UTC timestamp."""
    updated: str
    status: AnchorStatus = AnchorStatus.ANCHORED
    article_title: str = ""
    content_hash: str = ""

    def as_json(self) -> dict[str, JsonValue]:
        """The `bookmarks list --json` shape."""
        return {
            "id": self.id,
            "article": self.article_id,
            "title": self.article_title,
            "quote": self.quote,
            "note": self.note,
            "tags": list(self.tags),
            "status": str(self.status),
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "created": self.created,
            "updated": self.updated,
        }
