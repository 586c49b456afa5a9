"""The bookmarks database's schema: version check, migrations and row decoding.

`PRAGMA user_version` holds the schema version. Version 0 is an empty database (a file
newsdesk just created); each entry of `MIGRATIONS` brings a database one version up.
Rows are decoded defensively: tags are JSON (never pickle), and a row with the wrong
types is reported as a corrupt database instead of crashing later.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from index.bookmarks.anchoring import Anchor, TextPosition, TextQuote
from index.bookmarks.failures import MOVE_ASIDE
from index.errors import BookmarkStoreError
from index.models import AnchorStatus, ArticleId, Bookmark

SCHEMA_VERSION = 1
"""The newest schema this code knows."""

COLUMNS = (
    "article_id",
    "article_title",
    "content_hash",
    "quote",
    "prefix",
    "suffix",
    "paragraph",
    "start_char",
    "end_char",
    "global_start",
    "global_end",
    "note",
    "tags",
    "created",
    "updated",
)
"""Every column but `id`, in INSERT order."""

SELECT_ROW = "SELECT id, " + ", ".join(COLUMNS) + " FROM bookmarks"
"""The SELECT that `bookmark_from_row` decodes."""

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 0 -> 1: the first schema.
    (
        """CREATE TABLE bookmarks (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            article_id TEXT NOT NULL,
            article_title TEXT NOT NULL DEFAULT '',
            content_hash TEXT NOT NULL DEFAULT '',
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            paragraph INTEGER NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            global_start INTEGER NOT NULL,
            global_end INTEGER NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            created TEXT NOT NULL,
            updated TEXT NOT NULL
        )""",
        "CREATE INDEX bookmarks_article ON bookmarks (article_id)",
    ),
)
"""MIGRATIONS[n] holds the statements that bring version n to n + 1."""


def check_schema(connection: sqlite3.Connection, where: str) -> None:
    """Refuse a file that is corrupt, not ours, or from a newer newsdesk.

    Raises:
        BookmarkStoreError: With a message naming `where` and a hint.
        sqlite3.DatabaseError: The file is not an SQLite database (the caller words it).
    """
    version = int(connection.execute("PRAGMA user_version").fetchone()[0])
    if version > SCHEMA_VERSION:
        raise BookmarkStoreError(
            f"The bookmarks database {where} was written by a newer newsdesk "
            f"(schema {version}; this version knows up to {SCHEMA_VERSION}).",
            "Upgrade newsdesk to open it.",
        )
    problems = [str(row[0]) for row in connection.execute("PRAGMA quick_check").fetchall()]
    if problems != ["ok"]:
        raise BookmarkStoreError(
            f"The bookmarks database {where} is damaged ({'; '.join(problems[:3])}).",
            MOVE_ASIDE,
        )
    tables = {
        str(row[0])
        for row in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    }
    if version == 0 and tables:
        raise BookmarkStoreError(
            f"{where} is an SQLite database but not a newsdesk bookmarks file "
            f"(it holds {', '.join(sorted(tables))}).",
            MOVE_ASIDE,
        )
    if version > 0:
        found = {str(row[1]) for row in connection.execute("PRAGMA table_info(bookmarks)")}
        missing = sorted(set(COLUMNS) - found)
        if missing:
            raise BookmarkStoreError(
                f"The bookmarks database {where} lacks the columns {', '.join(missing)}.",
                MOVE_ASIDE,
            )


def migrate(connection: sqlite3.Connection) -> None:
    """Bring the database up to `SCHEMA_VERSION`, one transaction per step.

    Safe when two instances migrate at once: each step re-reads the version inside its
    IMMEDIATE transaction and does nothing when the other instance got there first.
    """
    while True:
        connection.execute("BEGIN IMMEDIATE")
        try:
            version = int(connection.execute("PRAGMA user_version").fetchone()[0])
            if version >= SCHEMA_VERSION:
                connection.execute("COMMIT")
                return
            for statement in MIGRATIONS[version]:
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {version + 1:d}")
            connection.execute("COMMIT")
        except BaseException:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise


def encode_tags(tags: Sequence[str]) -> str:
    """Tags as the JSON list stored in the `tags` column."""
    return json.dumps(list(tags), ensure_ascii=False)


def bookmark_from_row(row: Sequence[object], where: str) -> tuple[Bookmark, Anchor]:
    """Decode one `SELECT_ROW` row into the Bookmark (as stored) and its selectors.

    Raises:
        BookmarkStoreError: The row's values have the wrong types.
    """
    try:
        identifier = _integer(row[0])
        article_id, title, content_hash, quote, prefix, suffix = (_text(v) for v in row[1:7])
        paragraph, start, end, global_start, global_end = (_integer(v) for v in row[7:12])
        note, tags_json, created, updated = (_text(value) for value in row[12:16])
        tags = json.loads(tags_json)
        if not isinstance(tags, list) or not all(isinstance(tag, str) for tag in tags):
            raise TypeError("tags is not a list of strings")
    except (TypeError, ValueError) as error:
        raise BookmarkStoreError(
            f"The bookmarks database {where} holds a malformed row ({error}).", MOVE_ASIDE
        ) from error
    bookmark = Bookmark(
        id=identifier,
        article_id=ArticleId(article_id),
        quote=quote,
        prefix=prefix,
        suffix=suffix,
        paragraph=paragraph,
        start=start,
        end=end,
        note=note,
        tags=tuple(tags),
        created=created,
        updated=updated,
        status=AnchorStatus.ANCHORED,
        article_title=title,
        content_hash=content_hash,
    )
    position = TextPosition(paragraph, start, end, global_start, global_end)
    return bookmark, Anchor(TextQuote(quote, prefix, suffix), position)


def _text(value: object) -> str:
    """A TEXT column's value, or TypeError."""
    if not isinstance(value, str):
        raise TypeError(f"expected text, found {type(value).__name__}")
    return value


def _integer(value: object) -> int:
    """An INTEGER column's value, or TypeError."""
    if not isinstance(value, int) or isinstance(value, bool):
        raise TypeError(f"expected an integer, found {type(value).__name__}")
    return value
