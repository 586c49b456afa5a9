"""Whoosh storage for the article index: safe unpickling, version file, checked opening.

Importing this module installs `index.store.safe_pickle` and `index.store.posting_blocks`
(smaller posting blocks and stored rows). Every failure to read index files inside
`reading()` becomes `IndexCorrupt`.
"""

from __future__ import annotations

import itertools
import logging
import pickle
import shutil
import struct
import tempfile
import weakref
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh.filedb.filestore import FileStorage, RamStorage, Storage
from whoosh.filedb.structfile import StructFile
from whoosh.reading import IndexReader

from index.errors import IndexCorrupt, IndexOutOfDate, NewsdeskError
from index.store import posting_blocks, safe_pickle
from index.store.integrity import damaged_files, latest_toc, segment_files_present
from index.store.payload import decode_article
from index.store.schema import SCHEMA_VERSION, build_schema

safe_pickle.install()
posting_blocks.install()

logger = logging.getLogger(__name__)

MANIFEST_FILE = "manifest.sqlite3"
"""The ingest manifest, in the index folder (`index.ingest.manifest`)."""
VERSION_FILE = "newsdesk-schema-version"
"""A file next to Whoosh's own, holding `SCHEMA_VERSION` as text."""
REBUILD_HINT = (
    "run: newsdesk check --repair (re-indexes the library's files; bookmarks are kept), "
    "or newsdesk index --rebuild PATH…"
)

READ_ERRORS: tuple[type[BaseException], ...] = (
    whoosh_index.IndexError,
    pickle.UnpicklingError,
    EOFError,
    struct.error,
    zlib.error,
    OSError,
    ValueError,
    IndexError,
    KeyError,
)
"""What Whoosh raises on truncated, garbled or foreign index files (all become IndexCorrupt)."""


@contextmanager
def reading() -> Iterator[None]:
    """Turn any failure to read index files into IndexCorrupt.

    Whoosh reading a damaged file raises almost anything: `TypeError` from `ord(b"")` on
    an empty TOC, a bare `Exception("Block tag error")` on empty postings, `TypeError` when
    a stored column is gone. Inside this block every such failure is a damaged index (our
    own errors pass through), so none reaches the user as a traceback.
    """
    try:
        yield
    except NewsdeskError:
        raise
    except Exception as error:
        logger.debug("index read failed", exc_info=True)
        raise IndexCorrupt(
            f"The index cannot be read ({type(error).__name__}: {error}).",
            hint=REBUILD_HINT,
        ) from error


def check_files(index_dir: Path) -> None:
    """Raise IndexCorrupt naming the first damaged index file (see `integrity`), if any."""
    damage = damaged_files(index_dir)
    if damage:
        more = f" ({len(damage) - 1} more damaged files)" if len(damage) > 1 else ""
        first = damage[0]
        raise IndexCorrupt(
            f"The index file {index_dir / first.name} {first.problem}{more}.", hint=REBUILD_HINT
        )


def check_not_reset(index_dir: Path) -> None:
    """Raise IndexCorrupt when the TOC is gone but the library holds files.

    Creating a fresh index there would drop every article and let a first run index the
    seeds into the user's library.
    """
    leftovers = segment_files_present(index_dir)
    if latest_toc(index_dir) is not None:
        return
    manifest = index_dir / MANIFEST_FILE
    if leftovers or (manifest.exists() and manifest.stat().st_size > 0):
        found = f"{len(leftovers)} segment files" if leftovers else "the ingest manifest"
        raise IndexCorrupt(
            f"The index's table of contents (_MAIN_N.toc) is missing from {index_dir}, "
            f"but {found} are still there: the index is damaged, not empty.",
            hint=REBUILD_HINT,
        )


def has_index(storage: Storage) -> bool:
    """True when the storage holds a Whoosh table of contents (without unpickling it)."""
    return any(name.startswith("_MAIN_") and name.endswith(".toc") for name in storage)


class PrivateRamStorage(RamStorage):  # type: ignore[misc]  # whoosh is untyped
    """RamStorage whose writer temp files go to a private directory.

    Whoosh's RamStorage puts them in `<tmp>/MAIN.tmp`, shared by every process, so two
    in-memory indexes written at once (parallel tests, two apps) delete each other's files.
    """

    def __init__(self) -> None:
        super().__init__()
        self._tempdir: str | None = None

    def temp_storage(self, name: str | None = None) -> FileStorage:
        """A fresh temporary FileStorage in this storage's own directory (`name` is ignored)."""
        if self._tempdir is None:
            self._tempdir = tempfile.mkdtemp(prefix="newsdesk-whoosh-")
            weakref.finalize(self, shutil.rmtree, self._tempdir, ignore_errors=True)
        return FileStorage(tempfile.mkdtemp(dir=self._tempdir)).create()


class _GuardedStorage(FileStorage):  # type: ignore[misc]  # whoosh is untyped
    """A FileStorage that can close every file opened while checking an index.

    Whoosh leaves a file open when reading it fails half-way (e.g. a truncated TOC), which
    would surface later as a ResourceWarning; `close_opened()` closes them.
    """

    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.opened: list[StructFile] = []

    def open_file(self, name: str, **kwargs: object) -> StructFile:
        """Open a file and remember it."""
        stream = super().open_file(name, **kwargs)
        self.opened.append(stream)
        return stream

    def close_opened(self) -> None:
        """Close every file this storage opened."""
        for stream in self.opened:
            if not stream.is_closed:
                stream.close()
        self.opened.clear()


def open_checked(index_dir: Path) -> whoosh_index.Index:
    """Open and check an index: the recorded checksums, the TOC and every segment's files."""
    check_files(index_dir)
    guarded = _GuardedStorage(str(index_dir))
    try:
        with reading():
            ix = guarded.open_index(schema=build_schema())
            ix.reader().close()
    except IndexCorrupt:
        guarded.close_opened()
        raise
    guarded.opened.clear()
    with reading():
        return FileStorage(str(index_dir)).open_index(schema=build_schema())


def verify_index(index_dir: Path) -> list[str]:
    """Every problem a full check finds, one line each ([] for a sound or absent index).

    Every recorded file is hashed (`integrity.damaged_files(full=True)`), then the index
    is opened and every stored article decoded and every term's postings read.
    """
    if latest_toc(index_dir) is None:
        try:
            check_not_reset(index_dir)
        except IndexCorrupt as error:
            return [error.message]
        return []
    damage = damaged_files(index_dir, full=True)
    if damage:
        return [f"The index file {index_dir / d.name} {d.problem}." for d in damage]
    try:
        check_version(FileStorage(str(index_dir)))
        ix = open_checked(index_dir)
        try:
            with reading(), ix.searcher() as searcher:
                for fields in searcher.all_stored_fields():
                    decode_article(fields["payload"])
                # Segment by segment: the whole index's reader would look every term up in
                # every segment (35 of the 48 s of a check at 100k articles on ten segments)
                for leaf, _offset in searcher.reader().leaf_readers():
                    for fieldname, text in leaf.all_terms():
                        leaf.postings(fieldname, text).all_ids()
        finally:
            ix.close()
    except (IndexCorrupt, IndexOutOfDate) as error:
        return [error.message]
    return []


def stored_source_files(index_dir: Path) -> list[str]:
    """The files the index's articles came from ("a.jsonl#3" counts as "a.jsonl").

    What `newsdesk check --repair` re-indexes when the manifest cannot say.

    Raises:
        IndexCorrupt: the index cannot be read either.
    """
    ix = open_checked(index_dir)
    try:
        with reading(), ix.searcher() as searcher:
            found = {
                path.split("#", 1)[0]
                for fields in searcher.all_stored_fields()
                if (path := _stored_path(fields))
            }
    finally:
        ix.close()
    return sorted(found)


def _stored_path(fields: dict[str, object]) -> str:
    """An article's path: a stored field before schema 3, in the payload since."""
    path = fields.get("path")
    if path:
        return str(path)
    payload = fields.get("payload")
    return decode_article(payload).path if isinstance(payload, bytes) else ""


def check_version(storage: Storage) -> None:
    """Raise IndexOutOfDate unless the index's version file says `SCHEMA_VERSION`."""
    found = None
    if storage.file_exists(VERSION_FILE):
        with reading(), storage.open_file(VERSION_FILE) as stream:
            found = stream.read(32).decode("ascii", "replace").strip()
    if found != str(SCHEMA_VERSION):
        raise IndexOutOfDate(
            f"The index was built by another version of newsdesk "
            f"(schema {found or 'unknown'}, this version needs {SCHEMA_VERSION}).",
            hint=REBUILD_HINT,
        )


def column_values(reader: IndexReader, fieldname: str, default: object) -> list[object]:
    """A column's value for every docnum, segment by segment.

    Whoosh's multi-segment column reader skips segments without the column and then
    misplaces (or fails to find) the others' values, so each segment is read on its own.
    """
    values: list[object] = []
    for sub, _offset in reader.leaf_readers():
        count = sub.doc_count_all()
        if sub.has_column(fieldname):
            column = sub.column_reader(fieldname)
            read = list(itertools.islice(column, count))  # in order: 3x faster than by docnum
            if len(read) != count:
                read = [column[d] for d in range(count)]
            values.extend(read)
        else:
            values.extend([default] * count)
    return values


def deleted_docnums(reader: IndexReader) -> set[int]:
    """The deleted docnums of every segment, offset into the reader's docnum space.

    One set per call instead of `reader.is_deleted(docnum)` per document, which finds each
    docnum's segment by a search (3 s for the two columns read at 100k articles).
    """
    found: set[int] = set()
    for sub, offset in reader.leaf_readers():
        if sub.has_deletions():
            is_deleted = sub.is_deleted
            found.update(offset + d for d in range(sub.doc_count_all()) if is_deleted(d))
    return found
