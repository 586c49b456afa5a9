"""Tests for index.ingest.manifest."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from index.errors import IndexBusy, IndexCorrupt, IndexOutOfDate
from index.ingest.manifest import ArticleRecord, FileRecord, Manifest
from index.models import ArticleId

A = ArticleId("aaaa")
B = ArticleId("bbbb")


def test_manifest_file_round_trip(tmp_path: Path) -> None:
    """A file record comes back as written, after reopening."""
    path = tmp_path / "m.sqlite3"
    manifest = Manifest.open(path)
    record = FileRecord("/news/a.txt", 10, 123, "ab" * 32, (A, B), ())
    manifest.put_file(record)
    manifest.close()
    assert Manifest.open(path).file("/news/a.txt") == record


def test_manifest_files_under_matches_folder_prefix_only() -> None:
    """files_under('/news') includes /news/x/y.txt but not /newsroom/z.txt."""
    manifest = Manifest.open(None)
    for path in ("/news/a.txt", "/news/x/y.txt", "/newsroom/z.txt"):
        manifest.put_file(FileRecord(path, 1, 1, "s", (), ()))
    assert sorted(r.path for r in manifest.files_under("/news")) == ["/news/a.txt", "/news/x/y.txt"]


def test_manifest_duplicates_lookup() -> None:
    """files_duplicating finds the files recorded as copies of an article."""
    manifest = Manifest.open(None)
    manifest.put_file(FileRecord("/a", 1, 1, "s", (A,), ()))
    manifest.put_file(FileRecord("/b", 1, 1, "s", (), (A,)))
    assert [r.path for r in manifest.files_duplicating(A)] == ["/b"]
    assert manifest.files_duplicating(B) == []


def test_manifest_articles_and_bands() -> None:
    """Articles are found by content hash and by shared band keys; removal forgets both."""
    manifest = Manifest.open(None)
    manifest.put_article(ArticleRecord(A, "/a", "h1", b"sig"), [1, 2])
    manifest.put_article(ArticleRecord(B, "/b", "h2", None), [2, 3])
    assert manifest.article_with_hash("h2") == ArticleRecord(B, "/b", "h2", None)
    assert [r.id for r in manifest.candidates([2])] == [A, B]
    manifest.remove_article(A)
    assert manifest.article(A) is None
    assert [r.id for r in manifest.candidates([1, 2])] == [B]
    assert manifest.candidates([]) == []


def test_manifest_rollback_discards_the_batch() -> None:
    """Changes made after begin() vanish on rollback()."""
    manifest = Manifest.open(None)
    manifest.begin()
    manifest.put_file(FileRecord("/a", 1, 1, "s", (A,), ()))
    manifest.rollback()
    assert manifest.file("/a") is None
    manifest.rollback()  # no transaction open: nothing happens


def test_manifest_other_schema_version_is_out_of_date(tmp_path: Path) -> None:
    """A manifest from another schema version asks for a rebuild."""
    path = tmp_path / "m.sqlite3"
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 99")
    db.close()
    with pytest.raises(IndexOutOfDate, match="schema version 99"):
        Manifest.open(path)


def test_manifest_garbage_file_is_corrupt(tmp_path: Path) -> None:
    """A file that is not SQLite raises IndexCorrupt with a rebuild hint."""
    path = tmp_path / "m.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(IndexCorrupt) as caught:
        Manifest.open(path)
    assert "--rebuild" in caught.value.hint


def test_manifest_create_starts_empty(tmp_path: Path) -> None:
    """create() replaces an existing manifest with an empty one."""
    path = tmp_path / "m.sqlite3"
    manifest = Manifest.open(path)
    manifest.put_file(FileRecord("/a", 1, 1, "s", (), ()))
    manifest.close()
    assert Manifest.create(path).count_files() == 0


def test_manifest_second_writer_is_busy(tmp_path: Path) -> None:
    """While one ingest holds the batch transaction, another gets IndexBusy."""
    path = tmp_path / "m.sqlite3"
    first = Manifest.open(path)
    first.begin()
    second = Manifest.open(path, timeout=0.05)
    with pytest.raises(IndexBusy):
        second.begin()
    first.rollback()
    second.begin()
    second.commit()


def test_manifest_stat_and_paths_under() -> None:
    """stat_of gives (size, mtime_ns); paths_under lists the folder's paths."""
    manifest = Manifest.open(None)
    manifest.put_file(FileRecord("/news/a.txt", 7, 99, "s", (A,), ()))
    assert manifest.stat_of("/news/a.txt") == (7, 99)
    assert manifest.stat_of("/news/b.txt") is None
    assert manifest.paths_under("/news/") == ["/news/a.txt"]


def test_put_article_new_skips_the_replacement_but_never_duplicates() -> None:
    """`new=True` inserts directly; a replacement keeps one record and one set of bands."""
    manifest = Manifest.open(None)
    manifest.put_article(ArticleRecord(A, "/a", "h1", b"sig"), [1, 2], new=True)
    manifest.put_article(ArticleRecord(A, "/a2", "h2", b"sig"), [2, 3])
    assert manifest.article(A) == ArticleRecord(A, "/a2", "h2", b"sig")
    assert [r.id for r in manifest.candidates([1])] == []
    assert [r.id for r in manifest.candidates([3])] == [A]
    with pytest.raises(sqlite3.IntegrityError):
        manifest.put_article(ArticleRecord(A, "/a3", "h3", None), [], new=True)
