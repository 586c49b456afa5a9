"""Incremental ingest: walk files, read, parse, de-duplicate, write to the store in batches.

The manifest (`index.ingest.manifest`) remembers each file's size, mtime and sha256, so unchanged
files cost a `stat`; changed files are re-parsed and keep their article ids. The store is
written first and the manifest committed after, batch by batch: an exception mid-batch
leaves both as they were after the previous batch (a manifest that lags the store only
makes the next run re-read a few files, which upserts the same ids).
"""

from __future__ import annotations

import dataclasses
import hashlib
import time
from collections import deque
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path

from index.errors import ArticleNotFound, UnreadableFile
from index.ingest import neardup
from index.ingest.batch import Batch, Tally
from index.ingest.collector import collector_paused
from index.ingest.ids import hash_id, record_id
from index.ingest.loading import (
    POOL_MIN_FILES,
    LoadedDocument,
    LoadedFile,
    Loader,
    Tables,
    problem_line,
    without_path,
)
from index.ingest.manifest import ArticleRecord, FileRecord, Manifest
from index.ingest.prepared import near_signature
from index.ingest.walk import discover
from index.models import Article, ArticleId, IngestReport, SkippedFile, SourceDocument
from index.readers import SUPPORTED_SUFFIXES
from index.readers.streaming import STREAM_SUFFIXES, count_records, is_streamed, stream_chunks
from index.store.article_store import ArticleStore

Progress = Callable[[int, int, str], None]
"""progress(done, total, current_path)."""

BATCH_ARTICLES = 10000
"""Articles per store write (the store's bulk path pays off on large batches)."""
_HASH_LIMIT = 64 * 1024 * 1024
"""Files above this are not hashed: the reader refuses them as too large anyway."""
WRITING = "(writing the index)"
"""The `current_path` reported while a batch is written to the store."""
STREAM_CHUNK = 256
"""Records of a streamed file parsed and staged at a time."""
RECORD_SKIPS_LISTED = 100
"""Skipped records of one streamed file listed one by one; the rest are counted in one line
(a million records without text once made a million-line report, and its memory)."""
_NEAR_ESTIMATE = 0.7
"""Signature estimate from which a candidate is checked with the exact Jaccard."""


def _report(progress: Progress | None, done: int, total: int, current: str) -> None:
    """Call the progress callback when there is one."""
    if progress is not None:
        progress(done, total, current)


def _is_large_record_file(path: Path) -> bool:
    """Whether a queued file will be streamed: its records make a large run on their own.

    A 90 MB JSON Lines file is 100,000 articles in one file, and the collector's full
    collections walked each staged batch again: pausing it for such a run took the 20k-record
    file from 17.6 to 15.8 CPU-s in the main process, and from 31.0 to 27.7 in the workers
    (forked while it is paused; parsing makes no cycles), for 10 MB more peak memory.
    """
    if path.suffix.lower() not in STREAM_SUFFIXES:
        return False  # no stat for the usual many small files
    try:
        return is_streamed(path, path.stat().st_size)
    except OSError:
        return False  # reported when it is checked


def _sha256(path: Path) -> str:
    """The sha256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


class Ingester:
    """One `index_paths` run over a store and its manifest."""

    def __init__(
        self,
        store: ArticleStore,
        manifest: Manifest,
        *,
        tables: Tables | None = None,
        batch_articles: int = BATCH_ARTICLES,
        parallel: bool = True,
        known_ids: Mapping[str, tuple[ArticleId, ...]] | None = None,
    ) -> None:
        """Prepare a run.

        Args:
            store: The article store to write.
            manifest: The ingest manifest of that store.
            tables: The parser's outlet table and gazetteer (None: the built-in ones).
            batch_articles: Articles per store write (a batch holding a lot of text is
                written sooner, see `index.ingest.batch.BATCH_CHARS`).
            parallel: Allow loading large batches in worker processes.
            known_ids: Ids files had before a rebuild, given back to their articles.
        """
        self._store = store
        self._manifest = manifest
        self._tables = tables or Tables()
        self._batch = Batch(store, manifest, batch_articles)
        self._tally = Tally()
        self._loader: Loader | None = None
        """The loader of the running `_drain` (set there)."""
        self._queue: deque[Path] = deque()
        self._queued: set[Path] = set()
        self._parallel = parallel
        self._done = 0
        self._in_flight = 0
        self._known_ids = known_ids or {}
        self._progress: Progress | None = None

    def run(self, sources: Sequence[Path], progress: Progress | None = None) -> IngestReport:
        """Index the named files and folders; see `Library.index_paths`.

        Returns:
            The closing summary.
        """
        started = time.perf_counter()
        self._progress = progress
        found = discover(sources, SUPPORTED_SUFFIXES)
        self._tally.skipped.extend(found.skipped)
        for path in found.files:
            self._enqueue(path)
        self._batch.begin()
        try:
            self._remove_vanished(found.folders, found.missing, set(found.files))
            large = self._parallel and (
                len(self._queue) >= POOL_MIN_FILES or any(map(_is_large_record_file, self._queue))
            )
            with Loader(self._tables, parallel=self._parallel) as loader, collector_paused(large):
                self._drain(loader, progress)
            _report(progress, self._done, self._done, WRITING)
            self._batch.flush()
        except BaseException:
            self._batch.abandon()
            raise
        _report(progress, self._done, self._done, "")
        return self._tally.report(time.perf_counter() - started)

    def _drain(self, loader: Loader, progress: Progress | None) -> None:
        """Work through the queue: check, load, stage, and write a batch whenever one is full.

        Files are checked as the loader draws them, a few thousand ahead of the one being
        staged, so the workers go on loading while a batch is written.
        """
        self._loader = loader
        while self._queue:
            changed = loader.load_each(self._changed(), len(self._queue), lambda item: item[0])
            for (path, record, previous), contents in changed:
                self._in_flight -= 1
                total = self._done + 1 + self._in_flight + len(self._queue)
                _report(progress, self._done, total, str(path))
                self._ingest_loaded(contents, record, previous)
                self._done += 1
                if self._batch.full():
                    _report(progress, self._done, total, WRITING)
                    self._batch.flush()
                    self._batch.begin()

    def _changed(self) -> Iterator[tuple[Path, FileRecord, FileRecord | None]]:
        """Take files off the queue, yielding those that must be loaded (counted in flight).

        A large record file is not yielded: it is streamed here, record by record.
        """
        while self._queue:
            checked = self._check(self._queue.popleft())
            if checked is None:
                self._done += 1
            elif is_streamed(checked[0], checked[1].size):
                self._ingest_stream(*checked)
                self._done += 1
            else:
                self._in_flight += 1
                yield checked

    def _ingest_stream(self, path: Path, record: FileRecord, previous: FileRecord | None) -> None:
        """Stage a large record file chunk by chunk, writing batches as they fill.

        Memory stays bounded by `STREAM_CHUNK` records plus one batch, whatever the size
        of the file.
        """
        old_ids = previous.article_ids if previous else ()
        owned = set(old_ids)
        new_ids: list[ArticleId] = []
        duplicate_of: list[ArticleId] = []
        position = read = listed = unlisted = 0
        expected = count_records(path)
        try:
            parsed = self._stream_parser().parse_chunks(stream_chunks(path, STREAM_CHUNK))
            for problems, loaded_documents in parsed:
                read += len(problems) + len(loaded_documents)
                for problem in problems:
                    if listed < RECORD_SKIPS_LISTED:
                        self._tally.skipped.append(problem_line(problem, path))
                        listed += 1
                    else:
                        unlisted += 1
                for loaded in loaded_documents:
                    stable = self._stable_id(record.path, old_ids, position)
                    position += 1
                    if loaded.article is None:
                        self._tally.skip(loaded.document.path, loaded.problem or "no article")
                        continue
                    outcome = self._ingest_article(loaded, loaded.article, stable, owned)
                    if isinstance(outcome, tuple):
                        duplicate_of.append(outcome[0])
                    elif outcome is not None:
                        new_ids.append(outcome)
                where = f"{path}#{read}/{expected}" if expected else f"{path}#{read}"
                _report(self._progress, self._done, self._done + 1, where)
                if self._batch.full():
                    self._batch.flush()
                    self._batch.begin()
        except UnreadableFile as error:
            self._tally.skip(str(path), without_path(error.message, str(path)))
            return
        finally:
            if unlisted:
                self._tally.skip(
                    str(path), f"{unlisted:,} more records skipped (the first {listed} are listed)"
                )
        self._record_file(record, old_ids, new_ids, duplicate_of)

    def _stream_parser(self) -> Loader:
        """The run's loader (its workers parse a streamed file's records).

        Outside `_drain`, a loader of its own that parses here.
        """
        return self._loader or Loader(self._tables, parallel=False)

    def _enqueue(self, path: Path) -> None:
        """Queue a file once."""
        if path not in self._queued:
            self._queued.add(path)
            self._queue.append(path)

    def _requeue_duplicates(self, article_id: ArticleId) -> None:
        """Files that only duplicated this article must be read again: it is going away."""
        for record in self._manifest.files_duplicating(article_id):
            self._manifest.remove_file(record.path)
            path = Path(record.path)
            if path.is_file():
                self._queued.discard(path)
                self._enqueue(path)

    def _remove_vanished(
        self, folders: Sequence[Path], missing: Sequence[Path], present: set[Path]
    ) -> None:
        """Remove the articles of files gone from re-indexed folders (or named and gone)."""
        seen = {str(path) for path in present}
        recorded = [p for folder in folders for p in self._manifest.paths_under(str(folder))]
        for gone in missing:  # a named file or folder that is gone
            recorded += [str(gone), *self._manifest.paths_under(str(gone))]
        for path in recorded:
            if path in seen or Path(path).exists():
                continue
            record = self._manifest.file(path)
            if record is None:
                continue
            self._manifest.remove_file(record.path)
            for article_id in record.article_ids:
                self._manifest.remove_article(article_id)
                self._batch.delete(article_id)
                self._tally.removed.append(article_id)
                self._requeue_duplicates(article_id)

    def _check(self, path: Path) -> tuple[Path, FileRecord, FileRecord | None] | None:
        """Whether a file must be (re)loaded: None when unchanged (or not even stat-able)."""
        try:
            stat = path.stat()
        except OSError as error:
            self._tally.skip(str(path), f"cannot read it: {error.strerror}")
            return None
        if self._manifest.stat_of(str(path)) == (stat.st_size, stat.st_mtime_ns):
            self._tally.unchanged += 1
            return None
        previous = self._manifest.file(str(path))
        try:
            sha = _sha256(path) if stat.st_size <= _HASH_LIMIT else ""
        except OSError as error:
            self._tally.skip(str(path), f"cannot read it: {error.strerror}")
            return None
        if previous and sha and previous.sha256 == sha:
            self._manifest.put_file(
                dataclasses.replace(previous, size=stat.st_size, mtime_ns=stat.st_mtime_ns)
            )
            self._tally.unchanged += 1
            return None
        return path, FileRecord(str(path), stat.st_size, stat.st_mtime_ns, sha, ()), previous

    def _ingest_loaded(
        self, contents: LoadedFile, record: FileRecord, previous: FileRecord | None
    ) -> None:
        """Stage a new or changed file's parsed documents for the store."""
        self._tally.skipped.extend(contents.skipped)
        old_ids = previous.article_ids if previous else ()
        owned = set(old_ids)
        new_ids: list[ArticleId] = []
        duplicate_of: list[ArticleId] = []
        for position, loaded in enumerate(contents.documents):
            if loaded.article is None:
                self._tally.skip(loaded.document.path, loaded.problem or "no article in it")
                continue
            stable = self._stable_id(record.path, old_ids, position)
            outcome = self._ingest_article(loaded, loaded.article, stable, owned)
            if isinstance(outcome, tuple):
                duplicate_of.append(outcome[0])
            elif outcome is not None:
                new_ids.append(outcome)
        self._record_file(record, old_ids, new_ids, duplicate_of)

    def _record_file(
        self,
        record: FileRecord,
        old_ids: tuple[ArticleId, ...],
        new_ids: list[ArticleId],
        duplicate_of: list[ArticleId],
    ) -> None:
        """Remove the file's articles that are gone and record what it holds now."""
        if not new_ids and not duplicate_of:
            if old_ids:
                self._tally.skip(record.path, "the previously indexed version is kept")
            return
        kept = set(new_ids)
        for article_id in old_ids:
            if article_id not in kept:
                self._manifest.remove_article(article_id)
                self._batch.delete(article_id)
                self._tally.removed.append(article_id)
                self._requeue_duplicates(article_id)
        self._manifest.put_file(
            dataclasses.replace(
                record, article_ids=tuple(new_ids), duplicate_of=tuple(duplicate_of)
            )
        )

    def _stable_id(
        self, path: str, old_ids: tuple[ArticleId, ...], position: int
    ) -> ArticleId | None:
        """The id the document at `position` had: in the manifest, or before a rebuild."""
        if position < len(old_ids):
            return old_ids[position]
        earlier = self._known_ids.get(path, ())
        if position < len(earlier) and self._manifest.article(earlier[position]) is None:
            return earlier[position]
        return None

    def _choose_id(
        self, document: SourceDocument, article: Article, stable: ArticleId | None
    ) -> tuple[ArticleId | None, bool, ArticleRecord | None]:
        """The article's id: the record's own, the file's previous one, or a content hash.

        Returns:
            The id (None: the record's own id belongs to another file), whether its manifest
            record was looked up here, and that record (None: none, or not looked up).
        """
        if document.record_id and (own := record_id(document.record_id)):
            known = self._manifest.article(own)
            owner = known.path.split("#", 1)[0] if known else None
            if known and owner != document.path.split("#", 1)[0]:
                reason = f"record id {own!r} is already used by {known.path}"
                self._tally.skip(document.path, reason)
                return None, True, known
            return own, True, known
        if stable is not None:
            return stable, False, None
        return hash_id(article, self._manifest), False, None

    def _ingest_article(
        self,
        loaded: LoadedDocument,
        article: Article,
        stable: ArticleId | None,
        own_ids: set[ArticleId],
    ) -> ArticleId | tuple[ArticleId] | None:
        """Stage one parsed article; returns its id, (original id,) for a duplicate, or None.

        `own_ids` are the ids of the file's previous version not staged again yet: an
        article with the same content that is one of them is the record's own previous
        version, not an original it copies. Each staged id leaves the set, so a record
        identical to an earlier one of the same file stays its duplicate on every run.
        """
        document = loaded.document
        same = self._manifest.article_with_hash(article.content_hash)
        if same is not None and same.id not in own_ids:
            self._tally.duplicate(document.path, f"identical to {same.id} ({same.path})")
            return (same.id,)
        article_id, looked_up, known = self._choose_id(document, article, stable)
        if article_id is None:
            return None
        article = dataclasses.replace(article, id=article_id)
        prepared = loaded.prepared
        signature, bands = (
            (prepared.signature, prepared.bands) if prepared else near_signature(article)
        )
        near = self._near_duplicate(article, signature, bands, own_ids)
        if near is not None:
            self._tally.duplicate(document.path, f"near-identical to {near.id} ({near.path})")
            article = dataclasses.replace(
                article, extra=(*article.extra, ("near_duplicate_of", near.id))
            )
        # The manifest has not changed since `_choose_id` looked (a record's own id: one
        # query per article less).
        before = known if looked_up else self._manifest.article(article_id)
        if before is not None and self._already_indexed(article, before):
            own_ids.discard(article_id)  # a record of a changed file that did not change
            return article_id
        self._manifest.put_article(
            ArticleRecord(article_id, article.path, article.content_hash, signature),
            bands,
            new=before is None,
        )
        self._batch.upsert(article, prepared.fields if prepared else None)
        (self._tally.added if before is None else self._tally.updated).append(article_id)
        self._tally.count_kind(document.path)
        if before is not None and before.content_hash != article.content_hash:
            self._requeue_duplicates(article_id)
        own_ids.discard(article_id)
        return article_id

    def _already_indexed(self, article: Article, before: ArticleRecord) -> bool:
        """Whether the index holds this very article (same text, place and every field).

        One edited record of a 10k-record export rewrote all 10k articles (17 s at 100k,
        and "updated 9,918"): now only the records that changed are written again. An
        article stored by an older parser (other figures or parties) is written again.
        """
        if before.content_hash != article.content_hash or before.path != article.path:
            return False
        if self._batch.pending(article.id) is not None:
            return False  # staged again in this run: the staged version is the one to keep
        try:
            return self._store.get(article.id) == article
        except ArticleNotFound:
            return False

    def _near_duplicate(
        self,
        article: Article,
        signature: bytes | None,
        bands: Sequence[int],
        later: set[ArticleId],
    ) -> ArticleRecord | None:
        """An indexed article whose body is near-identical (Jaccard >= 0.9), or None.

        `later` are the file's own articles not staged again in this run (records after
        this one): the first run, which had not seen them, did not take them for originals.
        """
        if signature is None:
            return None
        text = neardup.body_text(article.paragraphs)
        for candidate in self._manifest.candidates(bands):
            if candidate.id == article.id or candidate.signature is None or candidate.id in later:
                continue
            if neardup.estimate(signature, candidate.signature) < _NEAR_ESTIMATE:
                continue
            other = self._batch.pending(candidate.id)
            if other is None:
                try:
                    other = self._store.get(candidate.id)
                except ArticleNotFound:
                    continue
            if neardup.jaccard(text, neardup.body_text(other.paragraphs)) >= neardup.THRESHOLD:
                return candidate
        return None


def skipped_line(skipped: SkippedFile) -> str:
    """One line for a skipped file: `path: reason`."""
    return f"{skipped.path}: {skipped.reason}"
