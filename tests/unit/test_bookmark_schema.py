"""Tests for index.bookmarks.schema: version checks, migrations, row decoding."""

from __future__ import annotations

import sqlite3

import pytest

from index.bookmarks.schema import (
    SCHEMA_VERSION,
    SELECT_ROW,
    bookmark_from_row,
    check_schema,
    encode_tags,
    migrate,
)
from index.errors import BookmarkStoreError


def fresh() -> sqlite3.Connection:
    """An empty in-memory database in autocommit mode."""
    return sqlite3.connect(":memory:", isolation_level=None)


def test_migrate_is_idempotent() -> None:
    """Migrating twice leaves the current version and one bookmarks table."""
    connection = fresh()
    migrate(connection)
    migrate(connection)
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    check_schema(connection, "test")
    connection.close()


def test_check_schema_missing_columns() -> None:
    """A current-version file whose table lacks columns is refused."""
    connection = fresh()
    connection.execute("CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, quote TEXT)")
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    with pytest.raises(BookmarkStoreError, match="lacks the columns"):
        check_schema(connection, "test")
    connection.close()


def test_encode_tags_is_a_json_list() -> None:
    """Tags are stored as a JSON list of strings, unicode kept as is."""
    assert encode_tags(("ü", '"')) == '["ü", "\\""]'


def test_bookmark_from_row_rejects_wrong_types() -> None:
    """A text where an integer belongs is reported as a malformed row."""
    connection = fresh()
    migrate(connection)
    connection.execute(
        "INSERT INTO bookmarks (article_id, quote, paragraph, start_char, end_char, "
        "global_start, global_end, created, updated) "
        "VALUES ('a', 'q', 'zero', 0, 1, 0, 1, 't', 't')"
    )
    [row] = connection.execute(SELECT_ROW).fetchall()
    with pytest.raises(BookmarkStoreError, match="malformed row"):
        bookmark_from_row(row, "test")
    connection.close()
