"""ArticleStore: the Whoosh index of articles (open, version check, write, read by id).

One writer at a time (Whoosh's lock; `LockError` becomes `IndexBusy`), one `Searcher` per
call, so a store can be used from several threads. Every read of index files goes through
`index.store.safe_pickle`'s restricted unpickler and every failure to read becomes
`IndexCorrupt`, never a raw traceback.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from threading import Lock

from whoosh import index as whoosh_index
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filestore import FileStorage, Storage
from whoosh.searching import Searcher
from whoosh.writing import IndexWriter

from index.errors import (
    AmbiguousArticleId,
    ArticleNotFound,
    IndexBusy,
)
from index.models import Article, ArticleId, ArticleSummary
from index.store import column_cache
from index.store.day_column import DayColumn
from index.store.docsets import PostingCache
from index.store.documents import FacetColumns, PartyRows, document_fields, facet_row
from index.store.index_files import (
    VERSION_FILE,
    PrivateRamStorage,
    check_not_reset,
    check_version,
    column_values,
    deleted_docnums,
    has_index,
    open_checked,
    reading,
)
from index.store.integrity import CHECKSUM_FILE, record_checksums
from index.store.lexicon import Lexicon
from index.store.payload import DecodedArticles, decode_article, summarise
from index.store.schema import REPEATING_FIELDS, SCHEMA_VERSION, TEXT_FIELDS, build_schema
from index.store.scorer import Norms, fill_length_norms, preload_frequent
from index.store.segment_writer import AnalysedText, InMemorySegmentWriter
from index.store.stored_fields import use_compact_stored_fields

BULK_THRESHOLD = 2000
"""Batches at least this large use `InMemorySegmentWriter`, committed without merging.

Smaller writes use Whoosh's `SegmentWriter`, whose commit merges small segments so they
do not pile up.
"""

POSTING_COMPRESSION = 0
"""zlib level for posting blocks: 0 (off) writes faster and reads faster; the index is larger.

Measured on a 10k-article segment (benchmarks/README.md, "Index size"): level 1 makes the
body's blocks 22% smaller and reading them 2.2x slower."""

INLINE_LIMIT = 5
"""W3's `inlinelimit`: a term found in at most 4 documents keeps its postings in the term
table (ids, paths and rare words; ~40 bytes less each than a posting list of its own)."""

logger = logging.getLogger(__name__)

IDLE_SEARCHERS = 2
"""Searchers kept open between calls for reuse (about one per thread that searches)."""

COMPOUND = False
"""Whoosh's compound segment file costs a full copy at commit; separate files are read the same."""

WriteListener = Callable[[Sequence[Article], Sequence[ArticleId], tuple[int, int]], None]
"""Told `(upserts, deletes, (generation before, generation after))` after each committed
write: the figure store follows the index (`index.story.store`)."""


class ArticleStore:
    """The article index: a Whoosh index plus a schema-version file."""

    def __init__(self, ix: whoosh_index.Index, location: Path | None) -> None:
        """Wrap an open Whoosh index (use `open`, `create` or `in_memory`)."""
        self._ix = ix
        self.location = location
        """The index directory, or None for an in-memory store."""
        self._facet_cache: dict[int, FacetColumns] = {}
        self._norm_cache: dict[int, Norms] = {}
        self._date_cache: dict[int, DayColumn] = {}
        self._position_cache: dict[int, dict[int, int]] = {}
        self._posting_cache: dict[int, PostingCache] = {}
        self._decoded_cache: dict[int, DecodedArticles] = {}
        self._lexicon_cache: dict[int, Lexicon] = {}
        self.listener: WriteListener | None = None
        """Called with each committed write's upserts and deletes (see `write`)."""
        self._idle: list[Searcher] = []
        """Searchers handed back after a call, reused by the next (`searcher`)."""
        self._idle_lock = Lock()
        weakref.finalize(self, _close_searchers, self._idle)  # a store dropped unclosed

    # --- opening -------------------------------------------------------------

    @classmethod
    def open(cls, index_dir: Path) -> ArticleStore:
        """Open the index in `index_dir`, creating it when absent.

        Raises:
            IndexOutOfDate: the index was written by another schema version.
            IndexCorrupt: the index files cannot be read.
        """
        index_dir = Path(index_dir)
        index_dir.mkdir(parents=True, exist_ok=True)
        storage = FileStorage(str(index_dir))
        if not has_index(storage):
            check_not_reset(index_dir)
            return cls._create_in(storage, index_dir)
        check_version(storage)
        return cls(open_checked(index_dir), index_dir)

    @classmethod
    def create(cls, index_dir: Path) -> ArticleStore:
        """Wipe `index_dir`'s index and create an empty one (for `--rebuild`).

        Raises:
            IndexBusy: another process is writing the index.
        """
        index_dir = Path(index_dir)
        index_dir.mkdir(parents=True, exist_ok=True)
        storage = FileStorage(str(index_dir))
        lock = storage.lock("MAIN_WRITELOCK")
        if not lock.acquire(blocking=False):
            raise IndexBusy(_BUSY, hint=_BUSY_HINT)
        try:
            for name in list(storage):
                if name.startswith(("_MAIN_", "columns-")) or name in (VERSION_FILE, CHECKSUM_FILE):
                    storage.delete_file(name)
        finally:
            lock.release()
        return cls._create_in(storage, index_dir)

    @classmethod
    def in_memory(cls) -> ArticleStore:
        """An empty index in RAM (for tests and `Library.in_memory`)."""
        return cls._create_in(PrivateRamStorage(), None)

    @classmethod
    def _create_in(cls, storage: Storage, location: Path | None) -> ArticleStore:
        ix = storage.create_index(build_schema())
        with storage.create_file(VERSION_FILE) as stream:
            stream.write(str(SCHEMA_VERSION).encode("ascii"))
        store = cls(ix, location)
        store._record_checksums()
        return store

    def close(self) -> None:
        """Release the index (files stay on disk)."""
        self._close_idle()
        self._ix.close()

    # --- writing -------------------------------------------------------------

    def write(
        self,
        upserts: Sequence[Article],
        deletes: Sequence[ArticleId] = (),
        analysed: Mapping[ArticleId, Mapping[str, AnalysedText]] | None = None,
    ) -> None:
        """Add or replace articles (by id) and delete others, in one commit.

        Args:
            upserts: Articles to add, or to replace when their id is indexed.
            deletes: Ids to delete.
            analysed: Text fields an ingest worker already analysed, by article id
                (`index.ingest.prepared`); used by bulk writes, the others analyse again.

        Raises:
            IndexBusy: another process holds the write lock.
        """
        latest: dict[ArticleId, Article] = {a.id: a for a in upserts}
        if not latest and not deletes:
            return
        indexed = self._indexed_ids(latest)
        before = self.generation()
        bulk = len(latest) >= BULK_THRESHOLD
        writer = self._writer(bulk=bulk)
        try:
            for article_id in deletes:
                writer.delete_by_term("id", article_id)
            ready = analysed if bulk and analysed else {}
            for article in latest.values():
                fields = document_fields(article, ready.get(article.id))
                if article.id in indexed:
                    writer.update_document(**fields)
                else:
                    writer.add_document(**fields)
        except BaseException:
            writer.cancel()
            raise
        # A bulk batch is added as new segments without merging the older ones: merging
        # at every 2,000-article batch made a 21k-article ingest 2.3x slower (40 s vs
        # 16 s). Small writes still merge small segments, so they do not pile up.
        writer.commit(merge=not bulk)
        self._record_checksums()
        if self.listener is not None:
            # After the commit: a failure here leaves the caller's manifest uncommitted,
            # so the next ingest writes the same articles again and the listener catches up.
            self.listener(list(latest.values()), list(deletes), (before, self.generation()))
        self._forget_caches()

    def segment_count(self) -> int:
        """How many segments the index has (a query reads each term from every one)."""
        with self.searcher() as searcher:
            return sum(1 for _ in searcher.reader().leaf_readers())

    def optimize(self) -> None:
        """Merge every segment into one, in one commit (Whoosh's optimize).

        Bulk batches are added as new segments and never merged (`write`); after a large
        run, one segment saves each query a term lookup and a posting read per segment.

        Raises:
            IndexBusy: another process holds the write lock.
        """
        if self.segment_count() <= 1:
            return
        before = self.generation()
        writer = self._writer(bulk=False)
        try:
            writer.commit(optimize=True)
        except BaseException:
            writer.cancel()
            raise
        self._record_checksums()
        if self.listener is not None:
            # The same articles under a new generation: the figure store only moves on.
            self.listener([], [], (before, self.generation()))
        self._forget_caches()

    def _forget_caches(self) -> None:
        """Drop every per-generation cache (the index has a new generation)."""
        self._close_idle()
        self._facet_cache.clear()
        self._norm_cache.clear()
        self._date_cache.clear()
        self._position_cache.clear()
        self._posting_cache.clear()
        self._decoded_cache.clear()
        self._lexicon_cache.clear()

    def _record_checksums(self) -> None:
        """Record the committed files' checksums (`index.store.integrity`).

        The commit has happened: when the record cannot be written (a full disk) the old
        one stays, which `damaged_files` reads as older than the TOC.
        """
        if self.location is None:
            return
        try:
            record_checksums(self.location)
        except OSError as error:
            logger.warning("cannot record the index checksums: %s", error)

    def _indexed_ids(self, articles: Mapping[ArticleId, Article]) -> set[ArticleId]:
        """The ids among `articles` the index has a document for (they are replaced)."""
        if self._ix.is_empty():
            return set()
        with self.searcher() as searcher:
            reader = searcher.reader()
            return {i for i in articles if ("id", i) in reader}

    def _writer(self, *, bulk: bool) -> IndexWriter:
        try:
            options = {"codec": codec(), "compound": COMPOUND}
            if bulk:
                return InMemorySegmentWriter(self._ix, repeating=REPEATING_FIELDS, **options)
            writer = self._ix.writer(limitmb=128, **options)
        except whoosh_index.LockError as error:
            raise IndexBusy(_BUSY, hint=_BUSY_HINT) from error
        use_compact_stored_fields(writer.perdocwriter)
        return writer

    # --- reading -------------------------------------------------------------

    @contextmanager
    def searcher(self) -> Iterator[Searcher]:
        """A Whoosh Searcher of the latest generation for one call, used by one thread.

        Opening one costs ~30 ms at 100k articles in 10 segments (each segment's term
        table, and its stored-field column's offsets, rebuilt in Python), most of a short
        query; so a searcher is handed back after the call and reused by the next one,
        unless the index has a newer generation by then (a write from any process).
        """
        with reading():
            searcher = self._take_idle() or self._ix.searcher()
            try:
                yield searcher
            finally:
                self._give_back(searcher)

    def _take_idle(self) -> Searcher | None:
        """An idle searcher still on the latest generation (the stale ones are closed)."""
        while True:
            with self._idle_lock:
                if not self._idle:
                    return None
                searcher = self._idle.pop()
            if searcher.up_to_date():
                return searcher
            searcher.close()

    def _give_back(self, searcher: Searcher) -> None:
        with self._idle_lock:
            if len(self._idle) < IDLE_SEARCHERS:
                self._idle.append(searcher)
                return
        searcher.close()

    def _close_idle(self) -> None:
        with self._idle_lock:
            idle = self._idle[:]
            self._idle.clear()
        _close_searchers(idle)

    def get(self, article_id: ArticleId) -> Article:
        """The article with this exact id.

        Raises:
            ArticleNotFound: no article has that id.
        """
        with self.searcher() as searcher:
            fields = searcher.document(id=article_id)
            if fields is None:
                raise ArticleNotFound(
                    f"No article has the id {article_id!r}.",
                    hint="run: newsdesk search QUERY to find its id",
                )
            return decode_article(fields["payload"])

    def resolve(self, ref: str) -> ArticleId:
        """Turn an exact id, a unique id prefix or a stored path into an id.

        Raises:
            ArticleNotFound: nothing matches.
            AmbiguousArticleId: the prefix matches several ids.
        """
        ref = ref.strip()
        with self.searcher() as searcher:
            if ref and searcher.document_number(id=ref) is not None:
                return ArticleId(ref)
            for path in _path_forms(ref):
                fields = searcher.document(path=path)
                if fields is not None:
                    return ArticleId(fields["id"])
            matches = [ArticleId(t) for t in _live_ids(searcher, ref)] if ref else []
        if len(matches) == 1:
            return matches[0]
        if matches:
            shown = ", ".join(sorted(matches)[:5])
            raise AmbiguousArticleId(
                f"{ref!r} matches {len(matches)} articles ({shown}…).",
                hint="type more characters of the id",
            )
        raise ArticleNotFound(
            f"No article has the id or path {ref!r}.",
            hint="run: newsdesk search QUERY to find its id",
        )

    def count(self) -> int:
        """How many articles the index holds."""
        with reading():
            return int(self._ix.doc_count())

    def recent(self, limit: int = 50) -> list[ArticleSummary]:
        """The newest articles first; undated ones last."""
        with self.searcher() as searcher:
            return [
                summarise(decode_article(searcher.stored_fields(docnum)["payload"]))
                for docnum in self.by_date(searcher)[:limit]
            ]

    def ids(self) -> list[ArticleId]:
        """Every article id in the index."""
        with self.searcher() as searcher:
            return [ArticleId(i) for i in self.facet_columns(searcher).ids if i]

    def generation(self) -> int:
        """The index's latest generation: it grows by one with each commit."""
        return int(self._ix.latest_generation())

    def articles(self) -> Iterator[Article]:
        """Every article in the index, in index order, read with one searcher."""
        with self.searcher() as searcher:
            reader = searcher.reader()
            for docnum in range(reader.doc_count_all()):
                if not reader.is_deleted(docnum):
                    yield decode_article(searcher.stored_fields(docnum)["payload"])

    def warm(self) -> None:
        """Build the per-generation caches (facets, date order, lexicon) before the first query.

        Also the length norms and the most frequent terms' postings (`preload_frequent`).
        About 2 CPU-s at 100k articles, which the first searches after opening or writing
        would otherwise pay between them; call this from a worker right after opening.
        """
        with self.searcher() as searcher:
            self.facet_columns(searcher).parties.counts(())  # makes the rows a count reads
            self.by_date(searcher)
            lexicon = self.lexicon(searcher, build=True)
            norms = self.length_norms(searcher)
            fill_length_norms(searcher, norms)
            if lexicon is not None:
                preload_frequent(searcher, lexicon, self.postings(searcher), norms)

    def facet_columns(self, searcher: Searcher) -> FacetColumns:
        """Per-docnum id, source, month and parties, read once per index generation."""
        reader = searcher.reader()
        key = _generation_key(searcher)
        columns = self._facet_cache.get(key) or self._columns_from_disk(searcher, key)
        if columns is None:
            values = column_values(reader, "facets", None)
            deleted = deleted_docnums(reader)
            rows = [
                facet_row(value if isinstance(value, bytes) else None)
                if docnum not in deleted
                else ()
                for docnum, value in enumerate(values)
            ]
            columns = FacetColumns(
                ids=[row[0] if row else "" for row in rows],
                sources=[row[1] if row else "" for row in rows],
                months=[row[2] if row else "" for row in rows],
                parties=PartyRows.from_rows([row[3:] for row in rows]),
            )
            self._facet_cache = {key: columns}
            self._save_columns(searcher, key)
        return columns

    def lexicon(self, searcher: Searcher, *, build: bool = False) -> Lexicon | None:
        """The text fields' lexicon of the searcher's index generation.

        None until built: `warm` builds it (0.4 s at 21k articles), which pays off over
        many as-you-type searches but not for one search from the command line.
        """
        key = _generation_key(searcher)
        lexicon = self._lexicon_cache.get(key)
        if lexicon is None and build:
            lexicon = Lexicon.read(searcher.reader(), TEXT_FIELDS)
            self._lexicon_cache = {key: lexicon}
        return lexicon

    def length_norms(self, searcher: Searcher) -> Norms:
        """The BM25 length norms of the searcher's generation (each field filled on first use)."""
        key = _generation_key(searcher)
        norms = self._norm_cache.get(key)
        if norms is None:
            norms = {}
            self._norm_cache = {key: norms}
        return norms

    def postings(self, searcher: Searcher) -> PostingCache:
        """The decoded posting lists of the searcher's index generation (filled lazily)."""
        key = _generation_key(searcher)
        cache = self._posting_cache.get(key)
        if cache is None:
            cache = PostingCache()
            self._posting_cache = {key: cache}
        return cache

    def decoded(self, searcher: Searcher) -> DecodedArticles:
        """Recently decoded articles of the searcher's index generation, by docnum."""
        key = _generation_key(searcher)
        cache = self._decoded_cache.get(key)
        if cache is None:
            cache = DecodedArticles()
            self._decoded_cache = {key: cache}
        return cache

    def date_positions(self, searcher: Searcher) -> dict[int, int]:
        """Docnum -> rank in `by_date` order (newest first), once per index generation."""
        key = _generation_key(searcher)
        positions = self._position_cache.get(key)
        if positions is None:
            positions = {docnum: rank for rank, docnum in enumerate(self.by_date(searcher))}
            self._position_cache = {key: positions}
        return positions

    def by_date(self, searcher: Searcher) -> list[int]:
        """Live docnums, newest first and undated last, once per index generation."""
        return self.days(searcher).order

    def days(self, searcher: Searcher) -> DayColumn:
        """Each docnum's publication day and the date order, once per index generation."""
        reader = searcher.reader()
        key = _generation_key(searcher)
        days = self._date_cache.get(key)
        if days is None and self._columns_from_disk(searcher, key) is not None:
            days = self._date_cache.get(key)
        if days is None:
            values = column_values(reader, "date", None)
            days = DayColumn.from_values(values, deleted_docnums(reader))
            self._date_cache = {key: days}
            self._save_columns(searcher, key)
        return days

    def _columns_from_disk(self, searcher: Searcher, key: int) -> FacetColumns | None:
        """Fill the facet and date caches of generation `key` from its sidecar file, if any."""
        if self.location is None or key < 0 or key in self._facet_cache:
            return self._facet_cache.get(key)
        loaded = column_cache.load(self.location, key, _segment_names(searcher))
        if loaded is None:
            return None
        columns, days = loaded
        self._facet_cache = {key: columns}
        self._date_cache = {key: days}
        return columns

    def _save_columns(self, searcher: Searcher, key: int) -> None:
        """Write generation `key`'s sidecar once both of its columns have been read."""
        if self.location is None or key < 0:
            return
        columns, days = self._facet_cache.get(key), self._date_cache.get(key)
        if columns is not None and days is not None:
            column_cache.save(self.location, key, _segment_names(searcher), columns, days)

    def prepare_columns(self) -> None:
        """Read (or load) the facet and date columns of the current generation, and save them.

        `newsdesk index` calls this after writing, so the app's first search after a launch
        loads them from the sidecar instead of reading every document's columns.
        """
        with self.searcher() as searcher:
            self.facet_columns(searcher)
            self.by_date(searcher)


def _segment_names(searcher: Searcher) -> str:
    """The ids and document counts of a searcher's segments (which index generation it is)."""
    return ",".join(
        f"{getattr(leaf.segment(), 'segment_id', lambda: '?')()}:{leaf.doc_count_all()}"
        for leaf, _offset in searcher.reader().leaf_readers()
    )


def _close_searchers(searchers: list[Searcher]) -> None:
    for searcher in searchers:
        searcher.close()
    searchers.clear()


def codec() -> W3Codec:
    """The codec every segment is written with."""
    return W3Codec(compression=POSTING_COMPRESSION, inlinelimit=INLINE_LIMIT)


def _generation_key(searcher: Searcher) -> int:
    """The cache key of a searcher's index generation (-1 for an in-memory index)."""
    generation = searcher.reader().generation()
    return generation if generation is not None else -1


_BUSY = "The index is being written by another newsdesk process."
_BUSY_HINT = "wait for it to finish, or close the other newsdesk, then try again"


def _path_forms(ref: str) -> list[str]:
    forms = [ref]
    try:
        resolved = str(Path(ref).expanduser().resolve())
    except (OSError, RuntimeError):
        return forms
    if resolved != ref:
        forms.append(resolved)
    return forms


def _live_ids(searcher: Searcher, prefix: str) -> list[str]:
    """Ids starting with `prefix` that belong to a live (not deleted) document."""
    reader = searcher.reader()
    found = []
    for term in reader.expand_prefix("id", prefix):
        text = term.decode("utf-8") if isinstance(term, bytes) else str(term)
        if searcher.document_number(id=text) is not None:
            found.append(text)
    return found
