"""Read and parse files for ingest, in worker processes when a run is large.

Reading and parsing are pure (a path in, documents and articles out) and take about half
of an ingest's CPU time, so large runs spread them over the machine's cores while the main
process keeps the manifest and the store (which are single-writer). Workers are forked,
and only from a single-threaded process on Linux: a fork from a threaded process (the app
indexes in a worker thread) can deadlock, and `spawn` would re-run `python -m tui`'s
`__main__`. Everywhere else, files are loaded in-process, with identical results.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import itertools
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from multiprocessing.reduction import ForkingPickler
from pathlib import Path
from types import TracebackType
from typing import TypeVar

from index.errors import UnreadableFile
from index.extract.gazetteer import Gazetteer
from index.ingest.ids import content_hash_of
from index.ingest.prepared import Prepared, prepare
from index.models import Article, ArticleId, Figure, Mention, SkippedFile, SourceDocument
from index.parse.document import parse_document
from index.parse.outlets import OutletTable
from index.readers import read_documents_with_problems
from index.readers.streaming import Chunk, RecordChunk

POOL_MIN_FILES = 400
"""Below this many files to parse, a worker pool costs more than it saves."""
_CHUNK = 16
"""Files handed to a worker at a time."""
STREAM_AHEAD = 40
"""Most chunks of a streamed file's records parsed in the workers ahead of the one staged.

Enough for the workers to go on parsing while the main process writes a batch (~5 s for
10,000 records, a tenth of a 100k-record run): with 4, they sat idle for most of it (20k
records: 12.8 s of worker idle time, against 3.5 s with 40, for ~120 MB more peak memory).
"""
STREAM_AHEAD_CHARS = 8_000_000
"""Most characters of record text in flight beyond `STREAM_AHEAD_MIN` chunks (long articles
must not multiply the memory the window takes: ~10 bytes per character parsed)."""
STREAM_AHEAD_MIN = 4
"""Chunks always allowed in flight, whatever their length."""
AHEAD = 4096
"""Files the workers may load ahead of the main process.

They keep loading while the main process writes a batch to the index, instead of waiting
for it; the bound keeps memory in check when the main process is the slower side.
"""
WORKER_DIED = (
    "the worker process reading it died twice (out of memory, or a crash in a library): "
    "it was skipped and the rest indexed"
)
"""Why a file is skipped when loading it kills a worker process again on its own."""
_PENDING_ID = ArticleId("pending")
Item = TypeVar("Item")


@dataclass(frozen=True, slots=True)
class Tables:
    """The parser's data tables; None means the built-in one."""

    outlets: OutletTable | None = None
    gazetteer: Gazetteer | None = None


@dataclass(frozen=True, slots=True)
class LoadedDocument:
    """One document of a file, parsed (or why it could not be)."""

    document: SourceDocument
    article: Article | None
    problem: str | None = None
    prepared: Prepared | None = None
    """The article's signature and analysed fields, when it was loaded in a worker."""


@dataclass(frozen=True, slots=True)
class LoadedFile:
    """A file read and parsed: its documents, and what had to be skipped."""

    path: Path
    documents: tuple[LoadedDocument, ...]
    skipped: tuple[SkippedFile, ...] = ()


def without_path(message: str, path: str) -> str:
    """A reader's message without its leading path ("/a.txt is empty" -> "is empty")."""
    return message[len(path) :].lstrip(" :") if message.startswith(path) else message


def internal_error(error: Exception) -> str:
    """The one-line reason for a document newsdesk itself failed on (a bug, not bad input)."""
    detail = " ".join(str(error).split())
    if len(detail) > 120:
        detail = detail[:119] + "…"
    what = f"{type(error).__name__}: {detail}" if detail else type(error).__name__
    return f"newsdesk failed to read it ({what}); it was skipped: please report the file"


def problem_line(problem: str, path: Path) -> SkippedFile:
    """A per-record problem ("/f.jsonl#2: bad JSON") as a SkippedFile on that record."""
    where, colon, reason = problem.partition(": ")
    if colon and where.startswith(str(path)):
        return SkippedFile(where, reason)
    return SkippedFile(str(path), problem)


MAX_ARTICLE_CHARS = 1_000_000
"""Longest text one article may have (a long news feature is ~50,000 characters).

A multi-megabyte "article" (a log, a dump, a book) took 13 s to open in the reader at
12 million characters; it is skipped with the reason. The limit is per document: a large
JSON Lines file of many articles is streamed record by record (`index.readers.streaming`).
"""


def _parse(document: SourceDocument, tables: Tables, *, in_worker: bool) -> LoadedDocument:
    """Parse one document; an unusable one carries the reason instead of an article."""
    if len(document.text) > MAX_ARTICLE_CHARS:
        size = len(document.text) / 1_000_000
        limit = MAX_ARTICLE_CHARS / 1_000_000
        reason = (
            f"is {size:.1f} million characters of text, over the {limit:g} million one "
            "article may have: split it into smaller files"
        )
        return LoadedDocument(document, None, reason)
    try:
        article = parse_document(
            document, _PENDING_ID, outlets=tables.outlets, gazetteer=tables.gazetteer
        )
    except UnreadableFile as error:
        return LoadedDocument(document, None, without_path(error.message, document.path))
    except Exception as error:  # a parser bug must cost one document, not the whole run
        return LoadedDocument(document, None, internal_error(error))
    if not article.paragraphs:
        return LoadedDocument(document, None, "no article text left after cleaning")
    if not article.content_hash:
        article = dataclasses.replace(article, content_hash=content_hash_of(article))
    return LoadedDocument(document, article, prepared=prepare(article) if in_worker else None)


def load_file(path: Path, tables: Tables | None = None, *, in_worker: bool = False) -> LoadedFile:
    """Read a file and parse each of its documents.

    Args:
        path: The file.
        tables: The parser's outlet table and gazetteer (None: the built-in ones).
        in_worker: Also `prepare` each article (a worker's spare time; the main
            process would only move the work).

    Returns:
        The parsed documents, and one SkippedFile per whole-file or per-record failure.
    """
    try:
        documents, problems = read_documents_with_problems(path)
    except UnreadableFile as error:
        return LoadedFile(
            path, (), (SkippedFile(str(path), without_path(error.message, str(path))),)
        )
    except Exception as error:  # a reader bug must cost one file, not the whole run
        return LoadedFile(path, (), (SkippedFile(str(path), internal_error(error)),))
    skipped = [problem_line(problem, path) for problem in problems]
    if not documents and not problems:
        skipped.append(SkippedFile(str(path), "no article text found in it"))
    parsed = tuple(_parse(d, tables or Tables(), in_worker=in_worker) for d in documents)
    return LoadedFile(path, parsed, tuple(skipped))


_worker_tables: Tables | None = None


PR_SET_PDEATHSIG = 1
"""prctl(2) option: the signal a process receives when its parent dies (Linux)."""


def die_with_parent(parent: int) -> None:
    """Ask Linux to SIGKILL this worker when its parent dies (even by kill -9).

    Orphaned workers otherwise hold the output pipes open: `newsdesk index … | tee log`
    never ended after the main process was killed. If the parent is already gone (it
    died before the request took effect), exit now.
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown has to do
        return
    if os.getppid() != parent:
        os._exit(1)


def _rebuilt(kind: type[_Sent], values: tuple[object, ...]) -> _Sent:
    """A dataclass sent back by a worker, made by its `__init__` (see `_sent_as_values`)."""
    return kind(*values)


def _sent_as_values(item: object) -> tuple[Callable[..., object], tuple[object, ...]]:
    """How a worker pickles a parsed document's dataclasses: the class and its values.

    Frozen slotted dataclasses otherwise pickle their state as a dict of slots that
    `_dataclass_setstate` restores field by field in Python, ~1.5 us per object in the main
    process (an article with its figures and mentions is a dozen objects); their generated
    `__init__` is faster. Measured on 2,000 parsed records in chunks of 256: ~45 -> ~35 us
    to unpickle each (in the main process), about the same to pickle.
    """
    kind = type(item)
    return _rebuilt, (kind, tuple(getattr(item, f.name) for f in _FIELDS[kind]))


_SENT_TYPES: tuple[type, ...] = (LoadedDocument, SourceDocument, Article, Figure, Mention, Prepared)
"""The dataclasses of a parsed chunk (none has a `__post_init__` or an `init=False` field)."""
_FIELDS = {kind: dataclasses.fields(kind) for kind in _SENT_TYPES}
_Sent = TypeVar("_Sent")


def _init_worker(tables: Tables, parent: int) -> None:
    """Pool initializer: die with the parent; keep the parser tables for every file.

    Also registers `_sent_as_values` with this worker's result pickler (the main process
    only ever unpickles what workers send).
    """
    global _worker_tables
    die_with_parent(parent)
    for kind in _SENT_TYPES:
        ForkingPickler.register(kind, _sent_as_values)
    # Ctrl-C reaches the whole process group: the main process stops the pool, the
    # workers must not each print a KeyboardInterrupt traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _worker_tables = tables


def parse_chunk(
    chunk: Chunk, tables: Tables, *, in_worker: bool = False
) -> tuple[list[str], list[LoadedDocument]]:
    """Decode a streamed file's chunk and parse its documents: (its problems, the parsed)."""
    records = chunk.records()
    problems = [problem for _document, problem in records if problem is not None]
    documents = [document for document, _problem in records if document is not None]
    return problems, [_parse(document, tables, in_worker=in_worker) for document in documents]


def _parse_in_worker(chunk: Chunk) -> tuple[list[str], list[LoadedDocument]]:
    """`parse_chunk` with the worker's tables."""
    return parse_chunk(chunk, _worker_tables or Tables(), in_worker=True)


_ChunkFuture = Future[tuple[list[str], list[LoadedDocument]]]


def _work_in(chunk: Chunk) -> bool:
    """Whether a chunk is worth a worker: it has lines to decode, or documents to parse."""
    if isinstance(chunk, RecordChunk):
        return any(document is not None for document, _problem in chunk.decoded)
    return len(chunk) > 0


def _load_in_worker(paths: list[Path]) -> list[LoadedFile]:
    """`load_file` on each path, with the worker's parser tables."""
    return [load_file(path, _worker_tables, in_worker=True) for path in paths]


def can_fork_workers() -> bool:
    """True where forking workers is safe: Linux, several cores, no other thread running."""
    return (
        sys.platform == "linux"
        and (os.cpu_count() or 1) > 1
        and threading.active_count() == 1
        and "fork" in multiprocessing.get_all_start_methods()
    )


class Loader:
    """Loads files in order, through a process pool for large batches (a context manager)."""

    def __init__(self, tables: Tables | None = None, *, parallel: bool = True) -> None:
        self._tables = tables or Tables()
        self._parallel = parallel
        self._pool: Executor | None = None

    def __enter__(self) -> Loader:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self._discard_pool(wait=error is None)

    def _executor(self) -> Executor:
        """The worker pool, started on first use."""
        if self._pool is None:
            self._pool = ProcessPoolExecutor(
                max_workers=min(os.cpu_count() or 2, 4),
                mp_context=multiprocessing.get_context("fork"),
                initializer=_init_worker,
                initargs=(self._tables, os.getpid()),
            )
        return self._pool

    def load(self, paths: Sequence[Path]) -> Iterator[LoadedFile]:
        """Load the files, yielding results in the order of `paths`."""
        for _path, loaded in self.load_each(paths, len(paths), lambda path: path):
            yield loaded

    def load_each(
        self, items: Iterable[Item], expected: int, path_of: Callable[[Item], Path]
    ) -> Iterator[tuple[Item, LoadedFile]]:
        """Load the file of each item, yielding (item, loaded) in the order of `items`.

        `items` is drawn lazily, at most `AHEAD` files before the one being yielded, so
        the caller may still add to what it produces.

        Args:
            items: What to load (anything a path can be had from).
            expected: About how many items there are (decides whether workers pay off).
            path_of: The file of an item.
        """
        large = self._parallel and expected >= POOL_MIN_FILES
        # Once started, the pool runs its own threads: reuse it rather than check again.
        if not (large and (self._pool is not None or can_fork_workers())):
            for item in items:
                yield item, load_file(path_of(item), self._tables)
            return
        source = iter(items)
        pending: deque[tuple[list[Item], Future[list[LoadedFile]] | None]] = deque()

        def submit() -> bool:
            chunk = list(itertools.islice(source, _CHUNK))
            if chunk:
                pending.append((chunk, self._submit_files([path_of(item) for item in chunk])))
            return bool(chunk)

        def fill() -> None:
            while len(pending) * _CHUNK < AHEAD and submit():
                pass

        fill()
        while pending:
            chunk, future = pending.popleft()
            loaded: list[LoadedFile] | None = None
            if future is not None:  # None: the pool was found broken when they were sent
                with contextlib.suppress(BrokenProcessPool):
                    loaded = future.result()
            if loaded is None:
                # A worker died (killed for memory, or a crash in a C library): every
                # file in flight is loaded again one at a time in a fresh pool.
                retry = [chunk, *(waiting for waiting, _future in pending)]
                pending.clear()
                self._discard_pool()
                yield from self._one_by_one(retry, path_of)
                fill()
                continue
            submit()
            yield from zip(chunk, loaded, strict=True)

    def parse_chunks(
        self, chunks: Iterable[Chunk]
    ) -> Iterator[tuple[list[str], list[LoadedDocument]]]:
        """Decode and parse each chunk of a streamed file: (its problems, the parsed), in order.

        In the worker processes when they may run (the pool is up, or a fork is safe), with
        at most `STREAM_AHEAD` chunks and `STREAM_AHEAD_CHARS` of text in flight so that
        memory stays bounded; else here. A broken pool costs nothing: the chunks in flight
        are parsed here, and a fresh pool takes the next ones.
        """
        if not (self._parallel and (self._pool is not None or can_fork_workers())):
            for chunk in chunks:
                yield parse_chunk(chunk, self._tables)
            return
        source = iter(chunks)
        pending: deque[tuple[Chunk, _ChunkFuture | None, Executor | None, int]] = deque()
        in_flight = 0  # characters of text in the pending chunks

        def submit() -> bool:
            nonlocal in_flight
            chunk = next(source, None)
            if chunk is None:
                return False
            future, pool = self._submit_chunk(chunk) if _work_in(chunk) else (None, None)
            chars = chunk.size()
            pending.append((chunk, future, pool, chars))
            in_flight += chars
            return True

        def fill() -> None:
            while (
                len(pending) < STREAM_AHEAD_MIN
                or (len(pending) < STREAM_AHEAD and in_flight < STREAM_AHEAD_CHARS)
            ) and submit():
                pass

        fill()
        while pending:
            chunk, future, pool, chars = pending.popleft()
            in_flight -= chars
            try:
                parsed = future.result() if future is not None else None
            except BrokenProcessPool:
                if pool is self._pool:  # not a fresh pool started since
                    self._discard_pool()
                parsed = None
            if parsed is None:
                parsed = parse_chunk(chunk, self._tables)
            fill()
            yield parsed

    def _submit_files(self, paths: list[Path]) -> Future[list[LoadedFile]] | None:
        """Send files to the pool to load: their future, or None when the pool is found broken.

        A worker that died since the last result breaks the pool for the next submission;
        `load_each` then loads these files one by one in a fresh pool, with those in flight.
        """
        try:
            return self._executor().submit(_load_in_worker, paths)
        except BrokenProcessPool:
            self._discard_pool()
            return None

    def _submit_chunk(self, chunk: Chunk) -> tuple[_ChunkFuture | None, Executor | None]:
        """Send a chunk to the pool: (its future, that pool).

        (None, None) when the pool is found broken (a worker died since the last result):
        the chunk is parsed here in its turn, and the next submission starts a fresh pool.
        """
        pool = self._executor()
        try:
            return pool.submit(_parse_in_worker, chunk), pool
        except BrokenProcessPool:
            self._discard_pool()
            return None, None

    def _one_by_one(
        self, chunks: list[list[Item]], path_of: Callable[[Item], Path]
    ) -> Iterator[tuple[Item, LoadedFile]]:
        """Load each file in its own task; a file whose worker dies again is skipped."""
        for chunk in chunks:
            for item in chunk:
                path = path_of(item)
                try:
                    (loaded,) = self._executor().submit(_load_in_worker, [path]).result()
                except BrokenProcessPool:
                    self._discard_pool()
                    loaded = LoadedFile(path, (), (SkippedFile(str(path), WORKER_DIED),))
                yield item, loaded

    def _discard_pool(self, *, wait: bool = True) -> None:
        """Shut the pool down (done, or broken); the next task starts a fresh one.

        On an error or Ctrl-C (`wait=False`) the queued tasks are cancelled and the run
        does not wait for the ones in flight.
        """
        if self._pool is not None:
            self._pool.shutdown(wait=wait, cancel_futures=True)
            self._pool = None
