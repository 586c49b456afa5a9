"""Tests for index.ingest.manifest."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from index.errors import IndexBusy, IndexCorrupt, IndexOutOfDate
from index.ingest import neardup
from index.ingest.manifest import (
    SCHEMA_VERSION,
    ArticleRecord,
    FileRecord,
    Manifest,
    recorded_ids,
)
from index.models import ArticleId
from tests.builders import wide_signature

A = ArticleId("aaaa")
B = ArticleId("bbbb")
C = ArticleId("cccc")


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


def test_manifest_keeps_sha256_hashes_as_bytes_and_other_hashes_as_text() -> None:
    """A hex digest is stored as its 32 bytes and found again; any other string as it is."""
    digest = hashlib.sha256(b"text").hexdigest()
    manifest = Manifest.open(None)
    manifest.put_article(ArticleRecord(A, "/a", digest, None), [])
    manifest.put_article(ArticleRecord(B, "/b", digest.upper(), None), [])
    stored = manifest._db.execute("SELECT content_hash FROM articles ORDER BY n").fetchall()
    assert stored == [(bytes.fromhex(digest),), (digest.upper(),)]
    assert manifest.article_with_hash(digest) == ArticleRecord(A, "/a", digest, None)
    assert manifest.article_with_hash(digest.upper()) == ArticleRecord(
        B, "/b", digest.upper(), None
    )
    assert manifest.article_with_hash(digest[:-1] + "0") is None


def test_manifest_bands_of_a_signature_are_derived_when_removing() -> None:
    """Bands that are the signature's own are not stored twice; removal finds them anyway."""
    signature = neardup.signature(" ".join(f"word{n}" for n in range(60)))
    assert signature is not None
    keys = neardup.band_keys(signature)
    manifest = Manifest.open(None)
    manifest.put_article(ArticleRecord(A, "/a", "h1", signature), keys)
    manifest.put_article(ArticleRecord(B, "/b", "h2", signature), [keys[0], 99])
    packed = manifest._db.execute("SELECT bands FROM articles ORDER BY n").fetchall()
    assert packed[0] == (None,)
    assert packed[1][0] is not None
    assert [r.id for r in manifest.candidates([keys[0]])] == [A, B]
    manifest.put_article(ArticleRecord(A, "/a2", "h1", signature), keys)  # a replacement
    assert manifest.article(A) == ArticleRecord(A, "/a2", "h1", signature)
    manifest.remove_article(A)
    manifest.remove_article(B)
    manifest.remove_article(B)  # gone already: nothing happens
    assert manifest._db.execute("SELECT count(*) FROM bands").fetchone() == (0,)


_VERSION_1_SCHEMA = """
CREATE TABLE files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL, article_ids TEXT NOT NULL, duplicate_of TEXT NOT NULL);
CREATE TABLE articles (
    id TEXT PRIMARY KEY, path TEXT NOT NULL, content_hash TEXT NOT NULL, signature BLOB);
CREATE TABLE bands (key INTEGER NOT NULL, article_id TEXT NOT NULL);
PRAGMA user_version = 1;
"""


def test_recorded_ids_read_a_version_1_manifest(tmp_path: Path) -> None:
    """A rebuild after the version change still gets each file's old ids (bookmarks)."""
    path = tmp_path / "manifest.sqlite3"
    db = sqlite3.connect(path)
    db.executescript(_VERSION_1_SCHEMA)
    db.execute("INSERT INTO files VALUES ('/a.jsonl', 1, 1, 's', '[\"x1\", \"x2\"]', '[]')")
    db.commit()
    db.close()
    with pytest.raises(IndexOutOfDate):
        Manifest.open(path)
    assert recorded_ids(path) == {"/a.jsonl": (ArticleId("x1"), ArticleId("x2"))}
    assert recorded_ids(tmp_path / "absent.sqlite3") == {}
    (tmp_path / "garbage.sqlite3").write_bytes(b"garbage" * 500)
    assert recorded_ids(tmp_path / "garbage.sqlite3") == {}


def test_a_version_2_manifest_is_converted_in_place(tmp_path: Path) -> None:
    """Version 2's 32-bit signatures become 16-bit ones and their band keys follow."""
    text = " ".join(f"word{n} other{n % 7}" for n in range(80))
    signature = neardup.signature(text)
    assert signature is not None
    wide = wide_signature(text)
    path = tmp_path / "manifest.sqlite3"
    manifest = Manifest.open(path)
    manifest.put_file(FileRecord("/a", 1, 1, "s", (A, B), ()))
    manifest.put_article(ArticleRecord(A, "/a", "h1", wide), neardup.band_keys(wide))
    manifest.put_article(ArticleRecord(B, "/a", "h2", wide), [7, 8])  # keys of its own
    manifest.put_article(ArticleRecord(C, "/a", "h3", None), [])
    manifest._db.execute("PRAGMA user_version = 2")
    manifest.close()

    manifest = Manifest.open(path)
    assert manifest._db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
    assert manifest.article(A) == ArticleRecord(A, "/a", "h1", signature)
    assert manifest.article(B) == ArticleRecord(B, "/a", "h2", signature)
    assert manifest.article(C) == ArticleRecord(C, "/a", "h3", None)
    assert [r.id for r in manifest.candidates(neardup.band_keys(signature))] == [A]
    assert manifest.candidates(neardup.band_keys(wide)) == []
    assert [r.id for r in manifest.candidates([7])] == [B]
    assert manifest.file("/a") == FileRecord("/a", 1, 1, "s", (A, B), ())
    manifest.remove_article(A)
    manifest.remove_article(B)
    assert manifest._db.execute("SELECT count(*) FROM bands").fetchone() == (0,)
    manifest.close()
    assert Manifest.open(path)._db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)


def test_a_version_2_manifest_locked_by_another_writer_is_busy(tmp_path: Path) -> None:
    """The conversion waits for the lock like any write: busy, and nothing is changed."""
    path = tmp_path / "manifest.sqlite3"
    Manifest.open(path).close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 2")
    db.close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with pytest.raises(IndexBusy):
            Manifest.open(path, timeout=0.1)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert Manifest.open(path)._db.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)
