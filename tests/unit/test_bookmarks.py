"""Tests for index.bookmarks.store: the SQLite BookmarkStore."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from pathlib import Path

import pytest

from index.bookmarks.schema import SCHEMA_VERSION
from index.bookmarks.store import BookmarkStore
from index.errors import BookmarkNotFound, BookmarkStoreError, InvalidRequest
from index.models import AnchorStatus, Article
from tests.builders import article

PARAGRAPHS = (
    "Mediators from Qatar and Egypt met in Doha on Thursday to extend the truce.",
    "Hamas released 13 Israeli hostages on Friday. The Red Cross took them to Egypt.",
)
QUOTE = "Hamas released 13 Israeli hostages on Friday."


def make_article(paragraphs: tuple[str, ...] = PARAGRAPHS, article_id: str = "a1") -> Article:
    """A minimal article whose content hash follows its paragraphs."""
    digest = hashlib.sha256("\n\n".join(paragraphs).encode()).hexdigest()
    title = f"Title of {article_id}"
    return article(paragraphs, article_id=article_id, title=title, content_hash=digest)


def fixed_clock() -> str:
    """A constant timestamp."""
    return "2024-01-02T03:04:05Z"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """A bookmarks file path inside a folder that does not exist yet."""
    return tmp_path / "home" / "bookmarks.sqlite3"


def test_store_add_round_trips_through_the_file(db_path: Path) -> None:
    """A bookmark added by one store is read back by a new store on the same file."""
    store = BookmarkStore(db_path, clock=fixed_clock)
    added = store.add(make_article(), 1, 0, len(QUOTE), note=" why ", tags=["gaza", " gaza", ""])
    store.close()
    reopened = BookmarkStore(db_path)
    [loaded] = reopened.all()
    assert loaded == added
    assert (loaded.quote, loaded.note, loaded.tags) == (QUOTE, "why", ("gaza",))
    assert (loaded.paragraph, loaded.start, loaded.end) == (1, 0, len(QUOTE))
    assert loaded.created == loaded.updated == "2024-01-02T03:04:05Z"
    assert loaded.content_hash == make_article().content_hash
    assert loaded.article_title == "Title of a1"
    reopened.close()


def test_store_in_memory_needs_no_file(tmp_path: Path) -> None:
    """path=None keeps bookmarks in memory only."""
    store = BookmarkStore(None)
    store.add(make_article(), 0, 0, 9)
    assert len(store.all()) == 1
    assert not any(tmp_path.iterdir())


def test_store_missing_file_reads_empty_without_creating_anything(db_path: Path) -> None:
    """Reading an absent store creates neither the file nor its folder."""
    store = BookmarkStore(db_path)
    assert store.all() == []
    with pytest.raises(BookmarkNotFound):
        store.get(1)
    assert not db_path.parent.exists()


def test_store_first_write_creates_folder_and_wal_database(db_path: Path) -> None:
    """The first add creates the folder and a WAL-mode database at the current version."""
    store = BookmarkStore(db_path)
    store.add(make_article(), 0, 0, 9)
    store.close()
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    connection.close()


def test_store_add_rejects_bad_ranges() -> None:
    """Out-of-range paragraphs/offsets and blank passages raise InvalidRequest."""
    store = BookmarkStore(None)
    with pytest.raises(InvalidRequest):
        store.add(make_article(), 5, 0, 3)
    with pytest.raises(InvalidRequest):
        store.add(make_article(), 0, 0, 1000)
    with pytest.raises(InvalidRequest):
        store.add(make_article(), 0, 4, 4)
    assert store.all() == []


def test_store_update_changes_note_and_tags_only(db_path: Path) -> None:
    """update() changes the given fields and the updated time, nothing else."""
    times = iter(["2024-01-01T00:00:00Z", "2024-02-01T00:00:00Z", "2024-03-01T00:00:00Z"])
    store = BookmarkStore(db_path, clock=lambda: next(times))
    added = store.add(make_article(), 1, 0, len(QUOTE), note="first", tags=["a"])
    noted = store.update(added.id, note="second")
    assert (noted.note, noted.tags, noted.updated) == ("second", ("a",), "2024-02-01T00:00:00Z")
    tagged = store.update(added.id, tags=["b", "c"])
    assert (tagged.note, tagged.tags) == ("second", ("b", "c"))
    assert tagged.created == added.created
    store.close()


def test_store_missing_ids_raise_bookmark_not_found() -> None:
    """get, update and remove of an unknown id raise BookmarkNotFound."""
    store = BookmarkStore(None)
    with pytest.raises(BookmarkNotFound):
        store.get(7)
    with pytest.raises(BookmarkNotFound):
        store.update(7, note="x")
    with pytest.raises(BookmarkNotFound):
        store.remove(7)


def test_store_remove_deletes_and_never_reuses_ids(db_path: Path) -> None:
    """A removed bookmark is gone, and the next one gets a fresh id."""
    store = BookmarkStore(db_path)
    first = store.add(make_article(), 0, 0, 9)
    store.remove(first.id)
    second = store.add(make_article(), 0, 0, 9)
    assert store.all() == [second]
    assert second.id > first.id
    store.close()


def test_store_text_is_stored_literally() -> None:
    """Quotes, SQL and markup in notes and tags are data, never code."""
    store = BookmarkStore(None)
    note = "'); DROP TABLE bookmarks; -- [bold]x[/bold]"
    added = store.add(make_article(), 0, 0, 9, note=note, tags=['"quoted"', "ünïcode"])
    assert store.get(added.id).note == note
    assert store.get(added.id).tags == ('"quoted"', "ünïcode")


def test_store_two_instances_adding_concurrently_lose_nothing(db_path: Path) -> None:
    """Two stores on one file, adding from several threads at once, keep every bookmark."""
    article = make_article()
    BookmarkStore(db_path).add(article, 0, 0, 9, note="seed")
    stores = [BookmarkStore(db_path), BookmarkStore(db_path)]
    errors: list[BaseException] = []

    def add_many(store: BookmarkStore, worker: int) -> None:
        try:
            for number in range(15):
                store.add(article, 1, 0, len(QUOTE), note=f"{worker}-{number}")
        except BookmarkStoreError as error:  # surfaced below, so a failure is visible
            errors.append(error)

    threads = [
        threading.Thread(target=add_many, args=(stores[worker % 2], worker)) for worker in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    notes = {bookmark.note for bookmark in BookmarkStore(db_path).all()}
    assert notes == {"seed"} | {f"{w}-{n}" for w in range(4) for n in range(15)}
    for store in stores:
        store.close()


@pytest.mark.parametrize(
    "content",
    [b"this is not a database at all" * 100, b"SQLite format 3\x00" + b"\xff" * 50],
    ids=["garbage", "bad-header"],
)
def test_store_corrupt_file_raises_and_is_left_untouched(db_path: Path, content: bytes) -> None:
    """A garbage file raises BookmarkStoreError naming it, and is never rewritten."""
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(content)
    with pytest.raises(BookmarkStoreError) as caught:
        BookmarkStore(db_path)
    assert str(db_path) in caught.value.message
    assert "move it aside" in caught.value.hint
    assert db_path.read_bytes() == content


def test_store_truncated_file_raises(db_path: Path) -> None:
    """A database cut short is reported, not reset."""
    store = BookmarkStore(db_path)
    for number in range(200):
        store.add(make_article(), 1, 0, len(QUOTE), note="x" * 200 + str(number))
    store.close()
    data = db_path.read_bytes()
    db_path.write_bytes(data[: len(data) // 2])
    with pytest.raises(BookmarkStoreError, match="bookmarks"):
        BookmarkStore(db_path).all()
    assert len(db_path.read_bytes()) == len(data) // 2


def test_store_foreign_sqlite_file_raises(db_path: Path) -> None:
    """An SQLite file with other tables is not taken over."""
    db_path.parent.mkdir(parents=True)
    with sqlite3.connect(db_path) as connection:
        connection.execute("CREATE TABLE invoices (id INTEGER)")
    connection.close()
    with pytest.raises(BookmarkStoreError, match="not a newsdesk bookmarks file"):
        BookmarkStore(db_path)


def test_store_newer_schema_asks_to_upgrade(db_path: Path) -> None:
    """A file from a newer newsdesk is refused with an upgrade hint."""
    db_path.parent.mkdir(parents=True)
    with sqlite3.connect(db_path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(BookmarkStoreError, match="newer newsdesk") as caught:
        BookmarkStore(db_path)
    assert "Upgrade" in caught.value.hint


def test_store_empty_existing_file_is_migrated(db_path: Path) -> None:
    """An empty (version 0) database file is brought up to the current schema."""
    db_path.parent.mkdir(parents=True)
    with sqlite3.connect(db_path) as connection:  # a database with no table left
        connection.execute("CREATE TABLE scratch (x)")
        connection.execute("DROP TABLE scratch")
    connection.close()
    store = BookmarkStore(db_path)
    store.add(make_article(), 0, 0, 9)
    assert len(store.all()) == 1
    store.close()
    with sqlite3.connect(db_path) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    connection.close()


def test_store_zero_byte_file_is_reported_not_read_as_empty(db_path: Path) -> None:
    """A zero-byte file (truncated) is an error naming it; nothing is written to it."""
    db_path.parent.mkdir(parents=True)
    db_path.touch()
    with pytest.raises(BookmarkStoreError, match=r"empty \(0 bytes\)") as caught:
        BookmarkStore(db_path)
    assert "move it aside" not in caught.value.hint
    assert db_path.stat().st_size == 0


def test_store_malformed_row_raises(db_path: Path) -> None:
    """A row whose tags are not a JSON list is reported as a damaged database."""
    store = BookmarkStore(db_path)
    added = store.add(make_article(), 0, 0, 9)
    store.close()
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE bookmarks SET tags = 'not json' WHERE id = ?", (added.id,))
    connection.close()
    with pytest.raises(BookmarkStoreError, match="malformed row"):
        BookmarkStore(db_path).all()


def test_store_reanchor_unchanged_article_is_anchored() -> None:
    """Same content hash: anchored at the stored position, with the article's title."""
    store = BookmarkStore(None)
    added = store.add(make_article(), 1, 0, len(QUOTE))
    current = store.reanchor(added, make_article())
    assert (current.status, current.paragraph, current.start) == (AnchorStatus.ANCHORED, 1, 0)
    assert current.article_title == "Title of a1"


def test_store_reanchor_uses_stored_global_offset() -> None:
    """After a paragraph is inserted, the bookmark moves with its quote."""
    store = BookmarkStore(None)
    added = store.add(make_article(), 1, 0, len(QUOTE))
    changed = make_article(("Breaking: a new first paragraph.", *PARAGRAPHS))
    current = store.reanchor(added, changed)
    assert (current.status, current.paragraph, current.start) == (AnchorStatus.MOVED, 2, 0)
    assert current.quote == QUOTE


def test_store_reanchor_deleted_article_or_passage_is_orphan() -> None:
    """No article, or the passage gone: an orphan with no position but its quote."""
    store = BookmarkStore(None)
    added = store.add(make_article(), 1, 0, len(QUOTE), note="keep")
    for current in (None, make_article((PARAGRAPHS[0], "The Red Cross took them to Egypt."))):
        orphan = store.reanchor(added, current)
        assert orphan.status is AnchorStatus.ORPHAN
        assert (orphan.paragraph, orphan.start, orphan.end) == (None, None, None)
        assert (orphan.quote, orphan.note) == (QUOTE, "keep")
