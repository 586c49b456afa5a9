"""The ingest manifest: what each indexed file was, so re-indexing skips unchanged files.

A SQLite database in the index folder (`manifest.sqlite3`) with a schema version in
`PRAGMA user_version`. `files` maps a path to its size, mtime, sha256 and the article ids it
produced (or the article it duplicates); `articles` maps an id to its content hash and
near-duplicate signature; `bands` is the LSH bucket table (band key -> article number).
Ingest writes one transaction per batch (`begin`/`commit`/`rollback`), after the index
itself was written.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from index.errors import (
    IndexBusy,
    IndexCorrupt,
    IndexOutOfDate,
    LibraryNotWritable,
    NewsdeskError,
)
from index.ingest import neardup
from index.models import ArticleId

SCHEMA_VERSION = 3
"""2: articles keyed by an integer, hashes as 32-byte blobs found through an index of their
first 8 bytes, one WITHOUT ROWID band table (half the size of version 1's, see
benchmarks/README.md "Index size"). `files` is the same in both, so a rebuild reads the old
ids from a version-1 manifest (`ids_by_path`). 3: signatures of 16-bit values, not 32-bit
(`neardup.signature`); a version-2 manifest is converted in place when opened for writing
(`_narrow_signatures`), nothing else changes."""
_CONVERTIBLE = 2
"""The older version `open` converts rather than asking for a rebuild."""
FILENAME = "manifest.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL, article_ids TEXT NOT NULL, duplicate_of TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS files_sha ON files(sha256);
CREATE TABLE IF NOT EXISTS articles (
    n INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, path TEXT NOT NULL,
    content_hash BLOB NOT NULL, signature BLOB, bands BLOB);
CREATE INDEX IF NOT EXISTS articles_hash ON articles(substr(content_hash, 1, 8));
CREATE TABLE IF NOT EXISTS bands (
    key INTEGER NOT NULL, article INTEGER NOT NULL, PRIMARY KEY (key, article)) WITHOUT ROWID;
"""
_ARTICLE = "SELECT id, path, content_hash, signature FROM articles"
_HASH_PREFIX = 8
"""Bytes of a content hash in the `articles_hash` index (a 64-bit prefix; rows confirm it)."""
_SHA256_HEX = 64


@dataclass(frozen=True, slots=True)
class FileRecord:
    """What the manifest knows about one ingested file."""

    path: str
    size: int
    mtime_ns: int
    sha256: str
    article_ids: tuple[ArticleId, ...]
    """Articles this file produced, in record order."""
    duplicate_of: tuple[ArticleId, ...] = ()
    """Articles this file's content duplicates (it produced none of its own)."""


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    """What the manifest knows about one article."""

    id: ArticleId
    path: str
    content_hash: str
    signature: bytes | None


class Manifest:
    """The ingest manifest (see the module docstring)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._db = connection

    @classmethod
    def open(cls, path: Path | None, *, timeout: float = 5.0, read_only: bool = False) -> Manifest:
        """Open (or create) the manifest; None means an in-memory one.

        Args:
            path: The database file, or None.
            timeout: Seconds to wait for another process's transaction before IndexBusy.
            read_only: Only read (`newsdesk check`): the file is opened as it is, never
                created, converted or written.

        Raises:
            IndexOutOfDate: The manifest has another schema version.
            IndexCorrupt: The file is not a readable SQLite database.
        """
        target = ":memory:" if path is None else str(path)
        if path is not None and not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        try:
            if read_only and path is not None:
                uri = f"{path.resolve().as_uri()}?mode=ro&immutable=1"
                db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
                return cls(db)
            db = sqlite3.connect(
                target, timeout=timeout, isolation_level=None, check_same_thread=False
            )
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version == _CONVERTIBLE:
                version = _narrow_signatures(db)
            if version not in (0, SCHEMA_VERSION):
                db.close()
                raise IndexOutOfDate(
                    f"The ingest manifest has schema version {version}, not {SCHEMA_VERSION}.",
                    "Rebuild the index: newsdesk index PATH --rebuild",
                )
            if version == 0:
                if path is not None:
                    db.execute("PRAGMA journal_mode=WAL")  # readers never wait for an ingest
                db.executescript(_SCHEMA)
                db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        except sqlite3.OperationalError as error:
            if "locked" not in str(error):
                raise _corrupt(target, error) from error
            raise _busy(error) from error
        except sqlite3.DatabaseError as error:
            raise _corrupt(target, error) from error
        return cls(db)

    @classmethod
    def create(cls, path: Path | None) -> Manifest:
        """Delete any existing manifest file and open a fresh one."""
        if path is not None:
            for suffix in ("", "-wal", "-shm"):
                path.with_name(path.name + suffix).unlink(missing_ok=True)
        return cls.open(path)

    def begin(self) -> None:
        """Start the batch transaction.

        Raises:
            IndexBusy: Another process is indexing into this library.
        """
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as error:
            raise _busy(error) from error

    def commit(self) -> None:
        """Commit the batch transaction."""
        self._db.execute("COMMIT")

    def rollback(self) -> None:
        """Abandon the batch transaction (no-op when none is open)."""
        if self._db.in_transaction:
            self._db.execute("ROLLBACK")

    def file(self, path: str) -> FileRecord | None:
        """The record of a file path, or None."""
        row = self._db.execute("SELECT * FROM files WHERE path = ?", (path,)).fetchone()
        return None if row is None else _file_record(row)

    def stat_of(self, path: str) -> tuple[int, int] | None:
        """The recorded (size, mtime_ns) of a file, or None: the cheap unchanged check."""
        row = self._db.execute("SELECT size, mtime_ns FROM files WHERE path = ?", (path,))
        found = row.fetchone()
        return None if found is None else (int(found[0]), int(found[1]))

    def paths_under(self, folder: str) -> list[str]:
        """The recorded paths inside a folder (recursively)."""
        prefix = folder.rstrip("/") + "/"
        rows = self._db.execute(
            "SELECT path FROM files WHERE substr(path, 1, ?) = ?", (len(prefix), prefix)
        )
        return [row[0] for row in rows]

    def files_under(self, folder: str) -> list[FileRecord]:
        """Every file recorded inside a folder (recursively)."""
        prefix = folder.rstrip("/") + "/"
        rows = self._db.execute(
            "SELECT * FROM files WHERE substr(path, 1, ?) = ?", (len(prefix), prefix)
        )
        return [_file_record(row) for row in rows]

    def files_duplicating(self, article_id: ArticleId) -> list[FileRecord]:
        """Files recorded as duplicates of an article."""
        rows = self._db.execute(
            "SELECT * FROM files WHERE duplicate_of LIKE ?", (f'%"{article_id}"%',)
        )
        return [r for r in map(_file_record, rows) if article_id in r.duplicate_of]

    def put_file(self, record: FileRecord) -> None:
        """Insert or replace a file's record."""
        self._db.execute(
            "INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?)",
            (
                record.path,
                record.size,
                record.mtime_ns,
                record.sha256,
                json.dumps(list(record.article_ids)),
                json.dumps(list(record.duplicate_of)),
            ),
        )

    def remove_file(self, path: str) -> None:
        """Forget a file."""
        self._db.execute("DELETE FROM files WHERE path = ?", (path,))

    def article(self, article_id: ArticleId) -> ArticleRecord | None:
        """The record of an id, or None."""
        row = self._db.execute(f"{_ARTICLE} WHERE id = ?", (article_id,)).fetchone()
        return None if row is None else _article_record(row)

    def article_with_hash(self, content_hash: str) -> ArticleRecord | None:
        """An article with exactly this content hash, or None."""
        packed = _pack_hash(content_hash)
        row = self._db.execute(
            f"{_ARTICLE} WHERE substr(content_hash, 1, {_HASH_PREFIX}) = ? AND content_hash = ?"
            " LIMIT 1",
            (packed[:_HASH_PREFIX], packed),
        ).fetchone()
        return None if row is None else _article_record(row)

    def put_article(
        self, record: ArticleRecord, bands: Sequence[int], *, new: bool = False
    ) -> None:
        """Insert or replace an article's record and its LSH band keys.

        `new=True` promises the id has no record yet (the caller just looked), which saves
        the two deletes of a replacement; a broken promise fails on the unique id.
        """
        if not new:
            self.remove_article(record.id)
        keys = list(bands)
        cursor = self._db.execute(
            "INSERT INTO articles (id, path, content_hash, signature, bands)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                record.id,
                record.path,
                _pack_hash(record.content_hash),
                record.signature,
                None if keys == _derived_bands(record.signature) else _pack_bands(keys),
            ),
        )
        number = cursor.lastrowid
        self._db.executemany(
            "INSERT OR IGNORE INTO bands VALUES (?, ?)", [(k, number) for k in keys]
        )

    def remove_article(self, article_id: ArticleId) -> None:
        """Forget an article and its band keys."""
        row = self._db.execute(
            "SELECT n, signature, bands FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            return
        number, signature, packed = row
        keys = _derived_bands(signature) if packed is None else _unpack_bands(packed)
        self._db.executemany(
            "DELETE FROM bands WHERE key = ? AND article = ?", [(k, number) for k in keys]
        )
        self._db.execute("DELETE FROM articles WHERE n = ?", (number,))

    def candidates(self, bands: Iterable[int]) -> list[ArticleRecord]:
        """Articles sharing at least one LSH band key, each once."""
        keys = list(bands)
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        rows = self._db.execute(
            f"{_ARTICLE} WHERE n IN "
            f"(SELECT DISTINCT article FROM bands WHERE key IN ({marks})) ORDER BY id",
            keys,
        )
        return [_article_record(row) for row in rows]

    def ids_by_path(self) -> dict[str, tuple[ArticleId, ...]]:
        """Every file's article ids, so a rebuild can give articles their old ids back."""
        rows = self._db.execute("SELECT path, article_ids FROM files WHERE article_ids != '[]'")
        return {row[0]: tuple(ArticleId(i) for i in json.loads(row[1])) for row in rows}

    def paths(self) -> list[str]:
        """Every file the manifest records (what `newsdesk check --repair` indexes again).

        Raises:
            IndexCorrupt: the manifest cannot be read.
        """
        try:
            rows = self._db.execute("SELECT path FROM files ORDER BY path").fetchall()
        except sqlite3.DatabaseError as error:
            raise _corrupt("manifest", error) from error
        return [str(row[0]) for row in rows]

    def problems(self) -> list[str]:
        """What SQLite's full integrity check finds ([] when the manifest is sound).

        Raises:
            IndexCorrupt: the file cannot be read at all.
        """
        try:
            rows = self._db.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError as error:
            raise _corrupt("manifest", error) from error
        found = [str(row[0]) for row in rows]
        return [] if found == ["ok"] else found

    def count_files(self) -> int:
        """How many files are recorded."""
        return int(self._db.execute("SELECT count(*) FROM files").fetchone()[0])

    def close(self) -> None:
        """Close the database."""
        self._db.close()


def recorded_ids(path: Path) -> dict[str, tuple[ArticleId, ...]]:
    """`Manifest.ids_by_path` of the manifest file at `path`, of this or an older version.

    A rebuild gives articles their old ids back from these (bookmarks stay attached), and a
    rebuild is what a new schema version asks for: `files` is the same in every version, so
    it is read without the version check. {} when the file cannot be read.
    """
    if not path.is_file():
        return {}
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return {}
    try:
        return Manifest(db).ids_by_path()
    except (sqlite3.Error, ValueError):
        return {}
    finally:
        db.close()


def _busy(error: sqlite3.Error) -> IndexBusy:
    """The error for a manifest locked by another process."""
    return IndexBusy(
        f"Another newsdesk is indexing into this library ({error}).",
        "Wait for it to finish, then run the command again.",
    )


def _corrupt(target: str, error: sqlite3.Error) -> NewsdeskError:
    """The error for a manifest that cannot be opened: read-only, full disk, or damaged."""
    name = str(getattr(error, "sqlite_errorname", "") or "")
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")):
        return LibraryNotWritable(
            f"The ingest manifest {target} cannot be written ({error}): the data folder is "
            "read-only or not yours.",
            "searching and reading work; to index, make the data folder writable "
            "or set NEWSDESK_HOME",
        )
    if name == "SQLITE_FULL":
        return LibraryNotWritable(
            f"The disk holding {target} is full ({error}).",
            "free some space and run the command again; what was indexed before is kept",
        )
    return IndexCorrupt(
        f"The ingest manifest {target} cannot be read ({error}).",
        "run: newsdesk check --repair (or newsdesk index --rebuild PATH…)",
    )


def _article_record(row: tuple[str, str, bytes | str, bytes | None]) -> ArticleRecord:
    """Build an ArticleRecord from `_ARTICLE`'s columns."""
    packed = row[2]
    content_hash = packed.hex() if isinstance(packed, bytes) else packed
    return ArticleRecord(ArticleId(row[0]), row[1], content_hash, row[3])


def _pack_hash(content_hash: str) -> bytes | str:
    """A sha256 hex digest as its 32 bytes; any other string as it is (stored as TEXT)."""
    if len(content_hash) == _SHA256_HEX:
        try:
            packed = bytes.fromhex(content_hash)
        except ValueError:
            return content_hash
        if packed.hex() == content_hash:
            return packed
    return content_hash


def _narrow_signatures(db: sqlite3.Connection) -> int:
    """Convert a version-2 manifest to version 3 in one transaction; the version after.

    Each signature is narrowed (`neardup.narrow`) and the band keys derived from it are
    replaced by the new signature's. An article whose band keys were given apart from its
    signature keeps them. Another process converting first is waited for (its version is
    read again inside the transaction).
    """
    db.execute("BEGIN IMMEDIATE")
    try:
        version = int(db.execute("PRAGMA user_version").fetchone()[0])
        if version != _CONVERTIBLE:
            db.execute("ROLLBACK")
            return version
        rows = db.execute(
            "SELECT n, signature, bands IS NULL FROM articles WHERE signature IS NOT NULL"
        ).fetchall()
        db.execute(
            "DELETE FROM bands WHERE article IN "
            "(SELECT n FROM articles WHERE signature IS NOT NULL AND bands IS NULL)"
        )
        narrowed = [(neardup.narrow(wide), number, derived) for number, wide, derived in rows]
        db.executemany(
            "UPDATE articles SET signature = ? WHERE n = ?", (row[:2] for row in narrowed)
        )
        db.executemany(
            "INSERT OR IGNORE INTO bands VALUES (?, ?)",
            (
                (key, number)
                for signature, number, derived in narrowed
                if derived
                for key in neardup.band_keys(signature)
            ),
        )
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
    # The space the wide signatures took, back to the disk; when another process has the
    # file open, it stays as large until a rebuild.
    with contextlib.suppress(sqlite3.OperationalError):
        db.execute("VACUUM")
    return SCHEMA_VERSION


def _derived_bands(signature: bytes | None) -> list[int]:
    """The band keys a signature has (what `put_article` is usually given)."""
    return neardup.band_keys(signature) if signature else []


def _pack_bands(keys: list[int]) -> bytes:
    """Band keys that are not the signature's own, as signed 64-bit integers."""
    return struct.pack(f"<{len(keys)}q", *keys)


def _unpack_bands(packed: bytes) -> list[int]:
    return list(struct.unpack(f"<{len(packed) // 8}q", packed))


def _file_record(row: tuple[str, int, int, str, str, str]) -> FileRecord:
    """Build a FileRecord from a `files` row."""
    return FileRecord(
        path=row[0],
        size=row[1],
        mtime_ns=row[2],
        sha256=row[3],
        article_ids=tuple(ArticleId(i) for i in json.loads(row[4])),
        duplicate_of=tuple(ArticleId(i) for i in json.loads(row[5])),
    )
