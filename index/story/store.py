"""FigureStore: every counted figure of the library in SQLite, for the story view.

`figures.sqlite3` sits beside the Whoosh index (None: in memory). It is written in one
place: `ArticleStore.write` calls `FigureStore.apply` with each batch it commits (upserts,
deletes, and the index generation before and after), so it follows the index through
ingest, updates, deletions and removals; `Library` starts it over on `--rebuild`. The
store remembers the index generation it matches: a write it did not see (another process,
an older newsdesk, a crash between the two commits) leaves it behind the index, and a
library indexed before the store existed has none, so `Library` fills it from the index
on first use (`in_step` is checked before each story; seconds per 10,000 articles).

Schema (`PRAGMA user_version` = `SCHEMA_VERSION`):

- `figures(measure, grp, place, article_id, seq, published, source, title, …)`: each
  figure that is a count (a measure, no unit: percentages and shares are not counts), with
  what its row needs of its article and the `Figure`'s fields as columns in its
  constructor's order (read back without parsing). Keyed by the count first (`WITHOUT
  ROWID`), so one count's figures lie together and a story reads one range; group and
  place compare without case;
- `counts(measure, grp, place, reports, figures, first, last, undated)`: the summary
  `--list` and the count chooser read, recomputed for the counts a batch touched.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from index.errors import IndexBusy, IndexCorrupt
from index.models import Article, ArticleId, Figure
from index.story.models import CountKey, CountSummary, StoredFigure

SCHEMA_VERSION = 5
FILENAME = "figures.sqlite3"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS figures (
    measure TEXT NOT NULL, grp TEXT NOT NULL COLLATE NOCASE, place TEXT NOT NULL COLLATE NOCASE,
    article_id TEXT NOT NULL, seq INTEGER NOT NULL,
    published TEXT, source TEXT, title TEXT NOT NULL,
    text TEXT NOT NULL, value REAL, low REAL, high REAL, qualifier TEXT, counted TEXT,
    attribution TEXT, paragraph INTEGER, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    PRIMARY KEY (measure, grp, place, article_id, seq)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS figures_article ON figures(article_id);
CREATE TABLE IF NOT EXISTS counts (
    measure TEXT NOT NULL, grp TEXT NOT NULL COLLATE NOCASE, place TEXT NOT NULL COLLATE NOCASE,
    reports INTEGER NOT NULL, figures INTEGER NOT NULL, first TEXT, last TEXT,
    undated INTEGER NOT NULL, PRIMARY KEY (measure, grp, place));
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""

_COUNT_SUMMARY = """
SELECT measure, grp, place, COUNT(DISTINCT article_id), COUNT(*), MIN(published),
       MAX(published), COUNT(DISTINCT CASE WHEN published IS NULL THEN article_id END)
FROM figures
"""


def count_of(figure: Figure) -> CountKey | None:
    """The count a figure belongs to, or None (`CountKey.of`)."""
    return CountKey.of(figure)


class FigureStore:
    """The figure store of one library (see the module docstring); thread-safe."""

    def __init__(
        self, connection: sqlite3.Connection, path: Path | None = None, timeout: float = 5.0
    ) -> None:
        self._db = connection
        self._lock = threading.RLock()
        self._path = path
        self._timeout = timeout

    @classmethod
    def open(cls, path: Path | None, *, timeout: float = 5.0) -> FigureStore:
        """Open (or create) the store; None means in memory.

        A store of another schema version, or a damaged one (truncated, garbled: not a
        database), is started over: it is derived data, which `Library` fills again from
        the index. A damaged figure store must never stop an index run or a rebuild.

        Raises:
            IndexCorrupt: The file cannot be opened even anew (a folder that is not
                writable, a full disk).
            IndexBusy: Another process holds it locked.
        """
        try:
            return cls(_connect(path, timeout), path, timeout)
        except _Damaged as damaged:
            if path is None:
                raise damaged.error from damaged
            _discard(path)
            return cls(_connect(path, timeout), path, timeout)

    def _start_anew(self) -> None:
        """Replace a store found damaged while in use by an empty one (out of step)."""
        if self._path is None:
            raise IndexCorrupt("The figure store in memory is damaged.", "open the library again")
        with self._lock:
            self._db.close()
            _discard(self._path)
            self._db = _connect(self._path, self._timeout)

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                self._db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                raise _failure("the figure store", error) from error
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # --- writing ------------------------------------------------------------------

    def apply(
        self,
        upserts: Sequence[Article],
        deletes: Sequence[ArticleId] = (),
        generations: tuple[int, int] | None = None,
    ) -> None:
        """Replace the figures of `upserts` and drop those of `deletes`, in one transaction.

        Args:
            upserts: Articles added or replaced.
            deletes: Ids removed.
            generations: The index generation before and after the write: when the store
                matched the first, it matches the second; otherwise it stays out of step.
        """
        try:
            self._apply(upserts, deletes, generations)
        except sqlite3.OperationalError:
            raise  # a lock or a full disk: no damage
        except sqlite3.DatabaseError:
            self._start_anew()  # out of step now: the next story fills it from the index

    def _apply(
        self,
        upserts: Sequence[Article],
        deletes: Sequence[ArticleId],
        generations: tuple[int, int] | None,
    ) -> None:
        with self._transaction() as db:
            touched = self._remove(db, [*deletes, *(a.id for a in upserts)])
            for article in upserts:
                touched |= self._insert(db, article)
            self._recount(db, touched)
            if generations is not None:
                before, after = generations
                held = self._generation(db)
                self._mark(db, after if held == before else None)

    def start_over(self, generation: int | None) -> None:
        """Empty the store; `generation` is the (empty) index's it then matches, if any."""
        with self._transaction() as db:
            for table in ("figures", "counts", "meta"):
                db.execute(f"DELETE FROM {table}")
            self._mark(db, generation)

    def fill(self, articles: Iterable[Article], generation: int, batch: int = 2000) -> None:
        """Start over and store every article of the index at `generation`."""
        self.start_over(None)
        pending: list[Article] = []
        for article in articles:
            pending.append(article)
            if len(pending) >= batch:
                self.apply(pending)
                pending = []
        self.apply(pending)
        with self._transaction() as db:
            self._mark(db, generation)

    @staticmethod
    def _generation(db: sqlite3.Connection) -> int | None:
        row = db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return None if row is None else int(row[0])

    @staticmethod
    def _mark(db: sqlite3.Connection, generation: int | None) -> None:
        """Record the index generation the store matches (None: it matches none)."""
        db.execute("DELETE FROM meta WHERE key = 'generation'")
        if generation is not None:
            db.execute("INSERT INTO meta VALUES ('generation', ?)", (str(generation),))

    def _remove(self, db: sqlite3.Connection, ids: Sequence[str]) -> set[tuple[str, str, str]]:
        touched: set[tuple[str, str, str]] = set()
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            touched |= set(
                db.execute(
                    "SELECT DISTINCT measure, grp, place FROM figures "
                    f"WHERE article_id IN ({marks})",
                    chunk,
                ).fetchall()
            )
            db.execute(f"DELETE FROM figures WHERE article_id IN ({marks})", chunk)
        return touched

    def _insert(self, db: sqlite3.Connection, article: Article) -> set[tuple[str, str, str]]:
        published = article.published.isoformat() if article.published else None
        about = (published, article.source, article.title)
        rows = []
        for seq, f in enumerate(article.figures):
            key = count_of(f)
            if key is not None:
                where = (key.measure, key.group or "", key.place or "", article.id, seq)
                said = (f.text, f.value, f.low, f.high, f.qualifier, f.counted, f.attribution)
                rows.append((*where, *about, *said, f.paragraph, f.start, f.end))
        db.executemany(f"INSERT INTO figures VALUES ({','.join('?' * 18)})", rows)
        return {(row[0], row[1], row[2]) for row in rows}

    def _recount(self, db: sqlite3.Connection, touched: set[tuple[str, str, str]]) -> None:
        """Recompute the summary rows of the counts a write touched."""
        for measure, group, place in touched:
            db.execute(
                "DELETE FROM counts WHERE measure = ? AND grp = ? AND place = ?",
                (measure, group, place),
            )
            db.execute(
                "INSERT INTO counts "
                + _COUNT_SUMMARY
                + "WHERE measure = ? AND grp = ? AND place = ? GROUP BY measure, grp, place",
                (measure, group, place),
            )

    # --- reading ------------------------------------------------------------------

    def in_step(self, generation: int) -> bool:
        """Whether the store matches the index at this generation.

        A damaged store does not: it is started anew, to be filled from the index.
        """
        with self._lock:
            try:
                return self._generation(self._db) == generation
            except sqlite3.OperationalError:
                raise  # a lock or a full disk: no damage
            except sqlite3.DatabaseError:
                self._start_anew()
                return False

    def counts(self) -> list[CountSummary]:
        """Every count with its number of reports, most reports first."""
        with self._lock:
            rows = self._db.execute(
                "SELECT * FROM counts ORDER BY reports DESC, measure, grp, place"
            ).fetchall()
        return [
            CountSummary(
                CountKey(measure, group or None, place or None),
                reports,
                figures,
                _day(first),
                _day(last),
                undated,
            )
            for measure, group, place, reports, figures, first, last, undated in rows
        ]

    def figures(self, key: CountKey) -> list[StoredFigure]:
        """Every figure of one count (group and place matched without regard to case)."""
        with self._lock:
            rows = self._db.execute(
                "SELECT article_id, published, source, title, text, value, low, high, "
                'qualifier, counted, measure, attribution, paragraph, start, "end", grp, place '
                "FROM figures WHERE measure = ? AND grp = ? AND place = ?",
                (key.measure, key.group or "", key.place or ""),
            ).fetchall()
        days: dict[str, date] = {}
        stored = []
        for article_id, published, source, title, *fields, group, place in rows:
            day = None if published is None else days.get(published)
            if published is not None and day is None:
                day = days[published] = date.fromisoformat(published)
            text, value, low, high, qualifier, counted, measure, said, paragraph, start, end = (
                fields
            )
            figure = Figure(
                text,
                value,
                low,
                high,
                qualifier,
                counted,
                measure,
                said,
                paragraph,
                start,
                end,
                None,
                group or None,
                place or None,
            )
            stored.append(StoredFigure(ArticleId(article_id), day, source, title, figure))
        return stored

    def close(self) -> None:
        """Close the database."""
        with self._lock:
            self._db.close()


def _chunks(ids: Sequence[str], size: int = 500) -> Iterator[list[str]]:
    for start in range(0, len(ids), size):
        yield list(ids[start : start + size])


class _Damaged(Exception):
    """The store's file is not a readable database (truncated, garbled)."""

    def __init__(self, error: IndexCorrupt) -> None:
        super().__init__(error.message)
        self.error = error


def _connect(path: Path | None, timeout: float) -> sqlite3.Connection:
    """A connection on the store's file (created with the schema when new).

    Raises:
        _Damaged: The file is not a readable database.
        IndexCorrupt: It cannot be opened or created (permissions, a full disk).
        IndexBusy: Another process holds it locked.
    """
    target = ":memory:" if path is None else str(path)
    db: sqlite3.Connection | None = None
    try:
        db = sqlite3.connect(target, timeout=timeout, isolation_level=None, check_same_thread=False)
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version not in (0, SCHEMA_VERSION):
            db.executescript(
                "DROP TABLE IF EXISTS articles; DROP TABLE IF EXISTS figures;"
                "DROP TABLE IF EXISTS counts; DROP TABLE IF EXISTS meta;"
            )
            version = 0
        if version == 0:
            if path is not None:
                db.execute("PRAGMA journal_mode=WAL")
            db.executescript(_SCHEMA)
            db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    except sqlite3.OperationalError as error:
        if db is not None:
            db.close()
        raise _failure(target, error) from error
    except sqlite3.DatabaseError as error:
        if db is not None:
            db.close()
        raise _Damaged(_corrupt(target, error)) from error
    return db


def _discard(path: Path) -> None:
    """Delete a damaged store's file and its journal (derived data, filled again)."""
    for name in (path.name, path.name + "-wal", path.name + "-shm", path.name + "-journal"):
        try:
            (path.parent / name).unlink()
        except FileNotFoundError:
            continue
        except OSError as error:
            raise IndexCorrupt(
                f"The figure store {path} is damaged and cannot be replaced: {error.strerror}.",
                "check that the index folder is writable",
            ) from error


def _day(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


def _failure(target: str, error: sqlite3.OperationalError) -> IndexBusy | IndexCorrupt:
    if "locked" in str(error) or "busy" in str(error):
        return IndexBusy(
            "The figure store is being written by another newsdesk process.",
            "wait for it to finish, then try again",
        )
    return _corrupt(target, error)


def _corrupt(target: str, error: sqlite3.Error) -> IndexCorrupt:
    return IndexCorrupt(
        f"The figure store {target} cannot be read: {error}.",
        "rebuild it: newsdesk index PATH --rebuild",
    )
