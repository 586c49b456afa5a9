"""Tests for index.bookmarks.database: lazy creation, transactions and error wording."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from index.bookmarks.database import BookmarkDatabase
from index.errors import BookmarkStoreError

INSERT = (
    "INSERT INTO bookmarks (article_id, quote, paragraph, start_char, end_char, "
    "global_start, global_end, created, updated) VALUES ('a', 'q', 0, 0, 1, 0, 1, 't', 't')"
)


def test_database_read_of_absent_file_creates_nothing(tmp_path: Path) -> None:
    """Reading a store whose file does not exist returns no rows and touches no disk."""
    database = BookmarkDatabase(tmp_path / "sub" / "b.sqlite3")
    assert database.read("SELECT 1") == []
    assert not (tmp_path / "sub").exists()


def test_database_locked_by_another_writer_is_reported(tmp_path: Path) -> None:
    """A write blocked past the busy timeout raises BookmarkStoreError, then works later."""
    path = tmp_path / "b.sqlite3"
    database = BookmarkDatabase(path, busy_timeout_ms=20)
    with database.transaction() as connection:
        connection.execute("SELECT 1")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    with pytest.raises(BookmarkStoreError, match="locked") as caught, database.transaction():
        pass
    assert "try again" in caught.value.hint
    other.execute("ROLLBACK")
    other.close()
    with database.transaction() as connection:
        connection.execute(INSERT)
    assert database.read("SELECT count(*) FROM bookmarks") == [(1,)]
    database.close()


def test_database_failed_statement_rolls_back() -> None:
    """An sqlite error inside a transaction rolls it back and becomes BookmarkStoreError."""
    database = BookmarkDatabase(None)
    with database.transaction() as connection:
        connection.execute(INSERT)

    def delete_then_fail() -> None:
        with database.transaction() as connection:
            connection.execute("DELETE FROM bookmarks")
            connection.execute("INSERT INTO no_such_table VALUES (1)")

    with pytest.raises(BookmarkStoreError):
        delete_then_fail()
    assert database.read("SELECT count(*) FROM bookmarks") == [(1,)]


def test_database_path_that_is_a_folder_is_reported(tmp_path: Path) -> None:
    """A folder where the file should be gives a clear error naming it."""
    folder = tmp_path / "b.sqlite3"
    folder.mkdir()
    with pytest.raises(BookmarkStoreError) as caught:
        BookmarkDatabase(folder)
    assert str(folder) in caught.value.message
