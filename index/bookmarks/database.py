"""The SQLite connection behind BookmarkStore: lazy open, checks, transactions, errors.

A missing file is not created until the first write (reading an absent store touches
nothing). An existing file is checked before anything is written to it, so a corrupt or
foreign file is reported and left as it was. Every sqlite error becomes a
`BookmarkStoreError` that names the file and says what to do.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from index.bookmarks.failures import empty_file, read_only, translate
from index.bookmarks.schema import check_schema, migrate
from index.errors import BookmarkStoreError

BUSY_TIMEOUT_MS = 10_000
"""How long a writer waits for another instance's transaction before giving up."""

_T = TypeVar("_T")
Row = tuple[object, ...]


class BookmarkDatabase:
    """One connection (per store), shared by threads under a lock."""

    def __init__(self, path: Path | None, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
        """Open an in-memory database, or check an existing file (an absent one waits).

        Raises:
            BookmarkStoreError: The file exists but is not a usable bookmarks database.
        """
        self.path = path
        self.lock = threading.RLock()
        """Held for each read and for each whole transaction."""
        self._busy_timeout_ms = busy_timeout_ms
        self._connection: sqlite3.Connection | None = None
        self.read_only = False
        """True when the file (or its folder) cannot be written: reads work, changes refuse."""
        if path is None:
            connection = self._connect(":memory:", uri=False)
            self._connection = connection
            self._guard(lambda: migrate(connection))
        elif path.exists():
            self._open_existing(path)

    @property
    def where(self) -> str:
        """The database's name for messages."""
        return str(self.path) if self.path is not None else "(in memory)"

    def read(self, sql: str, parameters: Sequence[object] = ()) -> list[Row]:
        """Rows of a query; an absent file has none (and is not created)."""
        with self.lock:
            connection = self._connection
            if connection is None:
                if self.path is None or not self.path.exists():
                    return []
                connection = self._open_existing(self.path)
            rows = self._guard(lambda: connection.execute(sql, tuple(parameters)).fetchall())
            return [tuple(row) for row in rows]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One IMMEDIATE transaction; creates the file and its folder when absent."""
        with self.lock:
            connection = self._connection
            if connection is None:
                assert self.path is not None  # an in-memory database is always connected
                exists = self.path.exists()
                connection = self._open_existing(self.path) if exists else self._create(self.path)
            if self.read_only:
                raise read_only(self.where)
            self._guard(lambda: connection.execute("BEGIN IMMEDIATE"))
            try:
                yield connection
            except sqlite3.Error as error:
                _rollback(connection)
                raise self._translate(error) from error
            except BaseException:
                _rollback(connection)
                raise
            self._guard(lambda: connection.execute("COMMIT"))

    def guard(self, action: Callable[[], _T]) -> _T:
        """Run a database action, turning sqlite errors into a BookmarkStoreError."""
        return self._guard(action)

    def close(self) -> None:
        """Close a file connection (it reopens on next use); in-memory data stays."""
        with self.lock:
            if self._connection is not None and self.path is not None:
                self._connection.close()
                self._connection = None

    def _open_existing(self, path: Path) -> sqlite3.Connection:
        """Open and check an existing file; switch it to WAL and migrate an older schema.

        A zero-byte file is refused (SQLite would read it as a new, empty database and
        hide the loss). A file that cannot be written, or sits in a read-only folder, is
        opened read-only: listing and exporting work, changes are refused with a message.
        """
        try:
            size = path.stat().st_size
        except OSError as error:
            raise BookmarkStoreError(
                f"Cannot read the bookmarks database {self.where}: {error.strerror or error}.",
                "Check that the file and its folder may be read.",
            ) from error
        if size == 0:
            raise empty_file(self.where)
        writable = os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
        self.read_only = not writable
        # SQLite writes -wal and -shm files beside a WAL database even to read it; in a
        # folder that cannot be written, `immutable` reads the file as it is.
        mode = "mode=rw" if writable else "mode=ro&immutable=1"
        connection = self._connect(f"{path.resolve().as_uri()}?{mode}", uri=True)
        try:
            self._guard(lambda: check_schema(connection, self.where))
            if not writable:
                self._connection = connection
                return connection
            self._guard(lambda: connection.execute("PRAGMA journal_mode=WAL"))
            self._guard(lambda: migrate(connection))
        except BookmarkStoreError:
            connection.close()
            raise
        self._connection = connection
        return connection

    def _create(self, path: Path) -> sqlite3.Connection:
        """Create the folder and the database file on the first write."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise BookmarkStoreError(
                f"Cannot create the folder for the bookmarks database {path}: "
                f"{error.strerror or error}.",
                "Check that NEWSDESK_HOME points to a writable folder with free space.",
            ) from error
        connection = self._connect(f"{path.resolve().as_uri()}?mode=rwc", uri=True)
        self._guard(lambda: connection.execute("PRAGMA journal_mode=WAL"))
        self._guard(lambda: migrate(connection))
        self._connection = connection
        return connection

    def _connect(self, target: str, *, uri: bool) -> sqlite3.Connection:
        """A connection in autocommit mode (transactions are explicit) with a busy timeout."""
        try:
            connection = sqlite3.connect(
                target, uri=uri, isolation_level=None, check_same_thread=False
            )
            connection.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout_ms):d}")
        except sqlite3.Error as error:
            raise BookmarkStoreError(
                f"Cannot open the bookmarks database {self.where}: {error}.",
                "Check that the file and its folder exist and may be read and written.",
            ) from error
        return connection

    def _guard(self, action: Callable[[], _T]) -> _T:
        """See `guard`."""
        try:
            return action()
        except sqlite3.Error as error:
            raise self._translate(error) from error

    def _translate(self, error: sqlite3.Error) -> BookmarkStoreError:
        """The user-facing error for an sqlite error (see `index.bookmarks.failures`)."""
        return translate(error, self.where)


def _rollback(connection: sqlite3.Connection) -> None:
    """Roll back the open transaction, if any."""
    if connection.in_transaction:
        connection.execute("ROLLBACK")
