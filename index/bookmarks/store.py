"""BookmarkStore: bookmarked passages in a small SQLite database.

One file (`DataPaths.bookmarks_file`), WAL journal, one `BEGIN IMMEDIATE` transaction per
change and a busy timeout, so two newsdesk instances writing at once both keep their
bookmarks. `PRAGMA user_version` is the schema version: an older file is migrated, a newer
one is refused. A file that is not a bookmarks database (garbage, truncated, other tables)
raises `BookmarkStoreError` and is never reset or overwritten. A missing file reads as
empty; it and its folder are created on the first write. Only parameterised SQL and JSON
are used: a database from elsewhere cannot run code. The exports live in
`index.bookmarks.annotations` and are re-exported here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from index.bookmarks.anchoring import Anchor, TextPosition, TextQuote, locate, make_anchor
from index.bookmarks.annotations import bookmarks_to_annotations, bookmarks_to_markdown
from index.bookmarks.database import BUSY_TIMEOUT_MS, BookmarkDatabase
from index.bookmarks.schema import (
    COLUMNS,
    SELECT_ROW,
    bookmark_from_row,
    encode_tags,
)
from index.bookmarks.tags import normalize_tags
from index.errors import BookmarkNotFound, BookmarkStoreError
from index.models import AnchorStatus, Article, ArticleId, Bookmark

__all__ = ["BookmarkStore", "bookmarks_to_annotations", "bookmarks_to_markdown", "utc_now"]


def utc_now() -> str:
    """The current time as ISO 8601 UTC with a `Z` suffix, to the second."""
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


class BookmarkStore:
    """Bookmarks in SQLite; safe to share between threads and between processes."""

    def __init__(
        self,
        path: Path | None,
        *,
        clock: Callable[[], str] = utc_now,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> None:
        """Open the store (nothing is created until the first write).

        Args:
            path: The database file, or None for a private in-memory database.
            clock: Returns the current ISO 8601 UTC time (injected by tests).
            busy_timeout_ms: How long to wait for another instance's write.

        Raises:
            BookmarkStoreError: The file exists but is not a usable bookmarks database.
        """
        self.path = path
        self._clock = clock
        self._db = BookmarkDatabase(path, busy_timeout_ms=busy_timeout_ms)
        self._anchors: dict[int, Anchor] = {}

    def add(
        self,
        article: Article,
        paragraph: int,
        start: int,
        end: int,
        *,
        note: str = "",
        tags: Sequence[str] = (),
    ) -> Bookmark:
        """Bookmark `article.paragraphs[paragraph][start:end]` (whitespace at the ends trimmed).

        Raises:
            InvalidRequest: The paragraph or offsets are out of range, or the passage is blank.
            BookmarkStoreError: The database cannot be written.
        """
        anchor = make_anchor(article.paragraphs, paragraph, start, end)
        now = self._clock()
        quote, position = anchor.quote, anchor.position
        values = (
            article.id,
            article.title,
            article.content_hash,
            quote.exact,
            quote.prefix,
            quote.suffix,
            position.paragraph,
            position.start,
            position.end,
            position.global_start,
            position.global_end,
            note.strip(),
            encode_tags(normalize_tags(tags)),
            now,
            now,
        )
        placeholders = ", ".join("?" * len(values))
        sql = f"INSERT INTO bookmarks ({', '.join(COLUMNS)}) VALUES ({placeholders})"
        with self._db.transaction() as connection:
            cursor = connection.execute(sql, values)
            new_id = cursor.lastrowid
        if new_id is None:  # pragma: no cover - sqlite always sets it after an INSERT
            raise BookmarkStoreError("The bookmark was not stored.", "Try again.")
        return self.get(new_id)

    def all(self) -> list[Bookmark]:
        """Every bookmark, oldest first, with positions as stored."""
        return self._select(SELECT_ROW + " ORDER BY id", ())

    def of_article(self, article_id: ArticleId) -> list[Bookmark]:
        """The bookmarks of one article, oldest first, with positions as stored."""
        return self._select(SELECT_ROW + " WHERE article_id = ? ORDER BY id", (article_id,))

    def get(self, bookmark_id: int) -> Bookmark:
        """One bookmark by id, as stored.

        Raises:
            BookmarkNotFound: No bookmark has that id.
        """
        found = self._select(SELECT_ROW + " WHERE id = ?", (bookmark_id,))
        if not found:
            raise _not_found(bookmark_id)
        return found[0]

    def update(
        self,
        bookmark_id: int,
        *,
        note: str | None = None,
        tags: Sequence[str] | None = None,
    ) -> Bookmark:
        """Change a bookmark's note and/or tags (None leaves a field as it is).

        Raises:
            BookmarkNotFound: No bookmark has that id.
        """
        with self._db.transaction() as connection:
            row = connection.execute(
                "SELECT note, tags FROM bookmarks WHERE id = ?", (bookmark_id,)
            ).fetchone()
            if row is None:
                raise _not_found(bookmark_id)
            connection.execute(
                "UPDATE bookmarks SET note = ?, tags = ?, updated = ? WHERE id = ?",
                (
                    row[0] if note is None else note.strip(),
                    row[1] if tags is None else encode_tags(normalize_tags(tags)),
                    self._clock(),
                    bookmark_id,
                ),
            )
        return self.get(bookmark_id)

    def remove(self, bookmark_id: int) -> None:
        """Delete a bookmark.

        Raises:
            BookmarkNotFound: No bookmark has that id.
        """
        with self._db.transaction() as connection:
            cursor = connection.execute("DELETE FROM bookmarks WHERE id = ?", (bookmark_id,))
            if cursor.rowcount == 0:
                raise _not_found(bookmark_id)
        self._anchors.pop(bookmark_id, None)

    def reanchor(self, bookmark: Bookmark, article: Article | None) -> Bookmark:
        """Where the bookmark is in the article's current text (nothing is written).

        Args:
            bookmark: A bookmark from this store (its stored global offsets are looked up).
            article: The article's current version, or None when it was deleted.

        Returns:
            A copy with the current paragraph/start/end and status; an orphan has None
            positions. The stored quote, note and tags are kept.
        """
        if article is None:
            return _orphan(bookmark)
        anchor = self._anchor_of(bookmark)
        unchanged = bool(article.content_hash) and article.content_hash == bookmark.content_hash
        found = locate(anchor, article.paragraphs, unchanged=unchanged)
        if found is None:
            return replace(_orphan(bookmark), article_title=article.title)
        return replace(
            bookmark,
            paragraph=found.paragraph,
            start=found.start,
            end=found.end,
            status=found.status,
            article_title=article.title,
        )

    def close(self) -> None:
        """Close the database connection (the store reopens it if used again)."""
        self._db.close()

    # --- internals --------------------------------------------------------------

    def _anchor_of(self, bookmark: Bookmark) -> Anchor:
        """The stored selectors of a bookmark (global offsets included)."""
        if bookmark.id not in self._anchors:
            self._select(SELECT_ROW + " WHERE id = ?", (bookmark.id,))
        known = self._anchors.get(bookmark.id)
        if known is not None and known.quote.exact == bookmark.quote:
            return known
        # Not from this store: estimate the global offset from the paragraph position.
        paragraph = bookmark.paragraph or 0
        start = bookmark.start or 0
        end = bookmark.end if bookmark.end is not None else start + len(bookmark.quote)
        position = TextPosition(paragraph, start, end, start, start + len(bookmark.quote))
        return Anchor(TextQuote(bookmark.quote, bookmark.prefix, bookmark.suffix), position)

    def _select(self, sql: str, parameters: tuple[int | str, ...]) -> list[Bookmark]:
        """Run a SELECT of whole rows; an absent file gives no rows."""
        with self._db.lock:
            loaded = [
                bookmark_from_row(row, self._db.where) for row in self._db.read(sql, parameters)
            ]
            self._anchors.update({bookmark.id: anchor for bookmark, anchor in loaded})
        return [bookmark for bookmark, _anchor in loaded]


def _not_found(bookmark_id: int) -> BookmarkNotFound:
    """The error for an unknown bookmark id."""
    return BookmarkNotFound(
        f"No bookmark has id {bookmark_id}.", "Run `newsdesk bookmarks list` to see the ids."
    )


def _orphan(bookmark: Bookmark) -> Bookmark:
    """A copy of the bookmark marked as an orphan, without a position."""
    return replace(bookmark, paragraph=None, start=None, end=None, status=AnchorStatus.ORPHAN)
