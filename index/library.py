"""The `Library` facade: the one object the app and the CLI talk to.

It owns the article store, the ingest bookkeeping (`index.ingest.indexer.Indexer`) and the
bookmarks store of one data folder (or of memory, for tests), and hands out only
`index.models` dataclasses. Stores are opened lazily, so `newsdesk search` never touches the
bookmarks file and a corrupt bookmarks file does not stop searching.
"""

from __future__ import annotations

import dataclasses
import logging
import os
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from index.compare.models import ComparedArticles, Comparison
from index.errors import (
    AmbiguousArticleId,
    ArticleNotFound,
    IndexCorrupt,
    IndexOutOfDate,
    InvalidRequest,
)
from index.extract.spans import article_spans
from index.ingest.indexer import Indexer
from index.ingest.library_lock import library_lock
from index.models import (
    LIST_PAGE,
    AnchorStatus,
    Article,
    ArticleId,
    ArticleSummary,
    Bookmark,
    CheckReport,
    IngestReport,
    RelatedArticle,
    SearchPage,
    Span,
)
from index.paths import DataPaths, bundled_seed
from index.text.controls import json_for_terminal

if TYPE_CHECKING:
    from index.bookmarks.store import BookmarkStore
    from index.store.article_store import ArticleStore
    from index.story.models import CountKey, CountSummary, Story
    from index.story.store import FigureStore

# Whoosh, the search layer, the comparison and the bookmarks store are imported where they
# are first used: the app paints its first screen before any of them is needed, and its
# first worker pays for them (issue 3's launch bar: first paint <= 0.6 s, imports included).

EXPORT_FORMATS = ("md", "json")
STORIES_KEPT = 8
"""Stories kept for going back to a count (forgotten when the index changes)."""

logger = logging.getLogger(__name__)


class Library:
    """Search, read, compare and bookmark the articles of one library."""

    paths: DataPaths | None
    """Where the library lives; None for an in-memory library."""

    def __init__(self, store: ArticleStore | None, paths: DataPaths | None) -> None:
        """Wrap an open store (or None: open `paths` on first use); use `open` or `in_memory`."""
        self.paths = paths
        self._opened = store
        self._indexer = Indexer(paths)
        self._bookmarks: BookmarkStore | None = None
        self._figures: FigureStore | None = None
        self._figures_lock = threading.Lock()
        self._opening = threading.Lock()
        self._stories: dict[tuple[CountKey, int], Story] = {}
        """Recent stories by count and index generation (going back to one costs nothing)."""

    @property
    def _store(self) -> ArticleStore:
        """The article store, opened on first use for a lazily opened library."""
        if self._opened is None:
            # The app's workers may ask at once (the warm worker and the first keystroke's
            # search, once the saved newest page is on screen): one of them opens it.
            with self._opening:
                if self._opened is None:
                    from index.store.article_store import ArticleStore

                    if self.paths is None:
                        raise InvalidRequest("This library has no data folder.")
                    self._opened = ArticleStore.open(self.paths.index_dir)
        return self._opened

    @classmethod
    def open(cls, paths: DataPaths, *, recreate: bool = False, lazy: bool = False) -> Library:
        """Open the library in a data folder, creating an empty index when there is none.

        Args:
            paths: The data folders.
            recreate: Start from an empty index and manifest (bookmarks are kept): the
                way out of `IndexOutOfDate` and `IndexCorrupt`.
            lazy: Open the index on first use instead of now (the app does this so that
                its first screen paints before Whoosh is even imported); errors then
                surface from the first call, in the app's first worker.

        Raises:
            IndexOutOfDate: The index was written by another schema version.
            IndexCorrupt: The index cannot be read.
        """
        if lazy and not recreate:
            return cls(None, paths)
        from index.store.article_store import ArticleStore

        if not recreate:
            return cls(ArticleStore.open(paths.index_dir), paths)
        library = cls(None, paths)
        with library_lock(paths.index_dir):
            library._recreate()
        return library

    @classmethod
    def in_memory(cls, articles: Iterable[Article] = ()) -> Library:
        """A library held in RAM (index, manifest and bookmarks), for tests."""
        from index.store.article_store import ArticleStore

        store = ArticleStore.in_memory()
        batch = list(articles)
        if batch:
            store.write(batch)
        return cls(store, None)

    # --- ingest -------------------------------------------------------------------

    def _recreate(self) -> None:
        """Wipe the index and the manifest; bookmarks are kept, and so are article ids."""
        from index.store.article_store import ArticleStore

        if self._opened is not None:
            self._opened.close()
        self._indexer.start_over()
        if self.paths is None:
            store = ArticleStore.in_memory()
        else:
            store = ArticleStore.create(self.paths.index_dir)
        self._opened = store
        self._figure_store().start_over(store.generation())

    def index_paths(
        self,
        sources: Sequence[Path],
        *,
        rebuild: bool = False,
        progress: Callable[[int, int, str], None] | None = None,
    ) -> IngestReport:
        """Index files and folders incrementally (see `index.ingest.ingester`).

        Args:
            sources: Files and folders; folders are walked recursively.
            rebuild: Recreate the index and the manifest first; bookmarks are kept.
            progress: Called as `progress(done, total, current_path)`.

        Raises:
            IndexBusy: another run holds the library's write lock (nothing was changed).

        Returns:
            The summary: added, updated, unchanged, removed, duplicates, skipped.
        """
        with library_lock(self.paths.index_dir if self.paths else None):
            if rebuild:
                self._recreate()
            store = self._store
            # The figure store follows every batch the index commits (index.story.store).
            figures = self._figure_store()
            if not figures.in_step(store.generation()) and store.count() == 0:
                # A new library (or one emptied): its new, empty store matches the empty
                # index. Without this it stayed out of step after its first run and the
                # first story read every article again (9.7 s at 100k articles).
                figures.start_over(store.generation())
            store.listener = figures.apply
            report = self._indexer.run(store, sources, progress)
            # The columns every search reads, saved for the next launch (index.store.column_cache).
            store.prepare_columns()
            # And the page the app opens on (index.search.first_page), unless saved already
            # (an in-memory library has nowhere to save it).
            if self.paths is not None and self.saved_newest_page() is None:
                self.newest_page()
            return report

    # --- reading ------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        limit: int = 20,
        offset: int = 0,
        sort: str = "relevance",
        as_you_type: bool = False,
        facets: bool = True,
        snippets: bool = True,
    ) -> SearchPage:
        """Run a query; a malformed one falls back to plain terms (see `SearchPage.notice`).

        With `facets=False` the page's facets are left empty (`run_search`); the same
        query with `limit=0` then counts them without ranking. With `snippets=False` each
        hit's snippet is its title (`newsdesk search --batch` prints no snippet).
        """
        from index.search.engine import run_search

        return run_search(
            self._store,
            query,
            limit=limit,
            offset=offset,
            sort=sort,
            as_you_type=as_you_type,
            facets=facets,
            snippets=snippets,
        )

    def newest_page(self, limit: int = LIST_PAGE) -> tuple[int, SearchPage]:
        """The article count and the first page of the empty query (newest first, facets).

        What the app opens on; saved beside the index for the next launch
        (`saved_newest_page`), unless the index changed while it was being computed.
        """
        from index.search import first_page

        directory = self.paths.index_dir if self.paths is not None else None
        key = first_page.generation_key(directory) if directory is not None else None
        count, page = self.count(), self.search("", limit=limit)
        if (
            directory is not None
            and key is not None
            and first_page.generation_key(directory) == key
        ):
            first_page.save(directory, key, count, limit, page)
        return count, page

    def saved_newest_page(self, limit: int = LIST_PAGE) -> tuple[int, SearchPage] | None:
        """`newest_page` as saved for the index as it is now, read without opening the index.

        None when there is none (a new library, an index changed since, a damaged file).
        """
        if self.paths is None:
            return None
        from index.search import first_page

        return first_page.load(self.paths.index_dir, limit)

    def resolve(self, ref: str) -> ArticleId:
        """An article id from an id, a unique id prefix or a file path.

        Raises:
            ArticleNotFound: Nothing matches.
            AmbiguousArticleId: A prefix matches several articles, or the file holds several.
        """
        ref = ref.strip()
        if not ref:
            raise ArticleNotFound("No article id was given.", "Pass an id, a prefix or a path.")
        by_path = self._resolve_path(ref)
        return by_path if by_path is not None else self._store.resolve(ref)

    def _resolve_path(self, ref: str) -> ArticleId | None:
        """The article of an indexed file path; `seeds/NAME` also names the bundled seed."""
        found = self._resolve_file(Path(ref).expanduser(), ref)
        if found is None:
            bundled = bundled_seed(ref)
            if bundled is not None:
                found = self._resolve_file(bundled, ref)
        return found

    def _resolve_file(self, candidate: Path, ref: str) -> ArticleId | None:
        """The article of an existing file, via the manifest (duplicates included)."""
        if not candidate.is_file():
            return None
        real = os.path.realpath(candidate)
        record = self._indexer.file(real)
        if record is not None and len(record.article_ids) > 1:
            shown = ", ".join(record.article_ids[:3])
            raise AmbiguousArticleId(
                f"{ref} holds {len(record.article_ids)} articles.",
                f"Name one by its id ({shown}, …) or as {ref}#N for record N.",
            )
        if record is not None and (record.article_ids or record.duplicate_of):
            return (record.article_ids or record.duplicate_of)[0]
        try:
            return self._store.resolve(real)
        except ArticleNotFound:
            return None

    def article(self, ref: str) -> Article:
        """The article for an id, a unique id prefix or a path."""
        return self._store.get(self.resolve(ref))

    def recent(self, limit: int = 50) -> list[ArticleSummary]:
        """The newest articles first (undated last)."""
        return self._store.recent(limit)

    def count(self) -> int:
        """How many articles the library holds."""
        return self._store.count()

    def optimize(self) -> int:
        """Merge the index's segments into one (`newsdesk index --optimize`).

        Returns:
            How many segments there were before.

        Raises:
            IndexBusy: another process is writing to the index.
        """
        with library_lock(self.paths.index_dir if self.paths else None):
            store = self._store
            store.listener = self._figure_store().apply
            segments = store.segment_count()
            store.optimize()
            store.prepare_columns()
        return segments

    def warm(self) -> None:
        """Open the index and build its caches now, so the first search is fast.

        The app calls this from its first worker, after showing the first screen. The
        empty query's facets are counted here too: each one-letter prefix typed lists
        every article, and counting them at 100k articles took ~40 ms.
        """
        from index.search.engine import run_search

        self._store.warm()
        run_search(self._store, "", limit=0)

    def related(self, ref: str, limit: int = 10) -> list[RelatedArticle]:
        """The reports most similar to an article (for picking a comparison)."""
        from index.search.engine import find_related

        return find_related(self._store, self.resolve(ref), limit)

    def spans(self, article: Article, terms: Sequence[str] = ()) -> list[Span]:
        """FIGURE and PARTY spans, plus MATCH spans for the query terms, sorted."""
        from index.search.engine import match_spans

        matches = match_spans(article, terms) if terms else []
        return article_spans(article, matches)

    def compare(self, a: str, b: str) -> Comparison:
        """Two reports side by side: aligned passages, figures by measure, parties."""
        return self.compare_articles(a, b).comparison

    def compare_articles(self, a: str, b: str) -> ComparedArticles:
        """The comparison of two reports together with both articles (each read once).

        Raises:
            InvalidRequest: `a` and `b` name the same article (an id, a prefix or a path).
        """
        from index.compare.comparison import compare_articles

        first, second = self.article(a), self.article(b)
        if first.id == second.id:
            raise InvalidRequest(
                f"{a} and {b} are the same article ({first.id}): there is nothing to compare.",
                f"Pick another report; `newsdesk related {first.id}` lists the similar ones.",
            )
        return ComparedArticles(first, second, compare_articles(first, second))

    # --- the story of a count -------------------------------------------------------

    def _figure_store(self) -> FigureStore:
        """The figure store beside the index, opened on first use."""
        from index.story.store import FILENAME, FigureStore

        if self._figures is None:
            path = None if self.paths is None else self.paths.index_dir / FILENAME
            if path is not None:
                path.parent.mkdir(parents=True, exist_ok=True)
            self._figures = FigureStore.open(path)
        return self._figures

    def figures_in_step(self) -> bool:
        """Whether the figure store is ready; if not, the next story call builds it first.

        A library indexed before the figure store existed (or by another version) has it
        built from the index on first use: seconds per 10,000 articles.
        """
        return self._figure_store().in_step(self._store.generation())

    def _figures_ready(self) -> FigureStore:
        """The figure store, filled from the index first when it is out of step."""
        with self._figures_lock:
            figures = self._figure_store()
            store = self._store
            generation = store.generation()
            if not figures.in_step(generation):
                figures.fill(store.articles(), generation)
            return figures

    def figure_counts(self) -> list[CountSummary]:
        """Every count the library holds (measure, group, place), most reports first."""
        return self._figures_ready().counts()

    def story(self, key: CountKey) -> Story:
        """Every report's figure for one count, with each day's consensus and the flags."""
        from index.story.consensus import build_story

        figures = self._figures_ready()
        cache_key = (key, self._store.generation())
        story = self._stories.get(cache_key)
        if story is None:
            story = build_story(key, figures.figures(key))
            if len(self._stories) >= STORIES_KEPT:
                self._stories.clear()
            self._stories[cache_key] = story
        return story

    def export_story(self, story: Story, path: Path) -> Path:
        """Write a story's chart (`.svg`) or its rows (`.csv`) to `path`; return the path.

        Raises:
            InvalidRequest: The file name ends in neither .svg nor .csv, or cannot be written.
        """
        from index.story.models import story_as_csv
        from index.story.svg import story_as_svg

        writers = {".svg": story_as_svg, ".csv": story_as_csv}
        writer = writers.get(path.suffix.lower())
        if writer is None:
            raise InvalidRequest(f"Cannot export to {path.name}.", "name a .svg or .csv file")
        try:
            path.write_text(writer(story), encoding="utf-8")
        except OSError as error:
            raise InvalidRequest(
                f"Cannot write {path}: {error.strerror}.", "choose another folder"
            ) from error
        return path

    # --- bookmarks ----------------------------------------------------------------

    def _bookmark_store(self) -> BookmarkStore:
        """The bookmarks store, opened on first use."""
        from index.bookmarks.store import BookmarkStore

        if self._bookmarks is None:
            self._bookmarks = BookmarkStore(self.paths.bookmarks_file if self.paths else None)
        return self._bookmarks

    def add_bookmark(
        self,
        ref: str,
        paragraph: int,
        start: int | None = None,
        end: int | None = None,
        *,
        note: str = "",
        tags: Sequence[str] = (),
    ) -> Bookmark:
        """Bookmark a passage (the whole paragraph when start/end are None).

        Raises:
            InvalidRequest: The paragraph or the offsets are outside the article.
        """
        article = self.article(ref)
        if not 0 <= paragraph < len(article.paragraphs):
            raise InvalidRequest(
                f"Article {article.id} has no paragraph {paragraph}.",
                f"Paragraphs are numbered 0 to {len(article.paragraphs) - 1}.",
            )
        length = len(article.paragraphs[paragraph])
        first = 0 if start is None else start
        last = length if end is None else end
        if not 0 <= first < last <= length:
            raise InvalidRequest(
                f"Offsets {first}-{last} are outside paragraph {paragraph}.",
                f"That paragraph has {length} characters.",
            )
        mark = self._bookmark_store().add(article, paragraph, first, last, note=note, tags=tags)
        return dataclasses.replace(mark, article_title=article.title)

    def bookmarks(
        self,
        *,
        article_id: ArticleId | None = None,
        filter_text: str = "",
        tags: Sequence[str] = (),
    ) -> list[Bookmark]:
        """Bookmarks re-anchored against their article's current text, with its title.

        Args:
            article_id: Only this article's bookmarks (only they are re-anchored).
            filter_text: Keep those matching words, `tag:NAME` and `article:ID` (see
                `index.bookmarks.filters`).
            tags: Keep those carrying every one of these tags.
        """
        from index.bookmarks.filters import filter_bookmarks

        store = self._bookmark_store()
        stored = store.all() if article_id is None else store.of_article(article_id)
        return filter_bookmarks(self._anchored_bookmarks({}, stored), filter_text, tags)

    def _anchored_bookmarks(
        self, articles: dict[ArticleId, Article | None], stored: Sequence[Bookmark] | None = None
    ) -> list[Bookmark]:
        """Re-anchor `stored` (every bookmark by default), filling `articles` as it looks up."""
        store = self._bookmark_store()
        result = []
        index_readable = True
        for mark in store.all() if stored is None else stored:
            if index_readable and mark.article_id not in articles:
                try:
                    articles[mark.article_id] = self._store.get(mark.article_id)
                except ArticleNotFound:
                    articles[mark.article_id] = None
                except (IndexCorrupt, IndexOutOfDate) as error:
                    # Bookmarks are the user's own work: list them even when the index is
                    # damaged, as stored, instead of failing or calling them orphans.
                    logger.warning(
                        "newsdesk: %s Bookmarks are shown as saved, not checked against the "
                        "articles.",
                        error.message,
                    )
                    index_readable = False
            if not index_readable:
                result.append(dataclasses.replace(mark, status=AnchorStatus.UNCHECKED))
                continue
            article = articles[mark.article_id]
            anchored = store.reanchor(mark, article)
            title = article.title if article is not None else anchored.article_title
            result.append(dataclasses.replace(anchored, article_title=title))
        return result

    def update_bookmark(
        self, bookmark_id: int, *, note: str | None = None, tags: Sequence[str] | None = None
    ) -> Bookmark:
        """Change a bookmark's note and/or tags."""
        return self._bookmark_store().update(bookmark_id, note=note, tags=tags)

    def remove_bookmark(self, bookmark_id: int) -> None:
        """Delete a bookmark."""
        self._bookmark_store().remove(bookmark_id)

    def export_bookmarks(self, fmt: str) -> str:
        """All bookmarks as Markdown ("md") or W3C Web Annotation JSON ("json")."""
        from index.bookmarks.store import bookmarks_to_annotations, bookmarks_to_markdown

        if fmt == "md":
            return bookmarks_to_markdown(self.bookmarks())
        if fmt == "json":
            looked_up: dict[ArticleId, Article | None] = {}
            marks = self._anchored_bookmarks(looked_up)
            found = {key: article for key, article in looked_up.items() if article is not None}
            return json_for_terminal(bookmarks_to_annotations(marks, found), indent=2)
        raise InvalidRequest(f"Unknown export format {fmt!r}.", "Use md or json.")

    def export_bookmarks_to(self, path: Path, fmt: str | None = None) -> str:
        """Write every bookmark to the file `path`; returns the format written.

        Args:
            path: The file to write (replaced if it exists). Its folder must exist: no
                folder is ever created.
            fmt: "md" or "json"; None picks it from the file name (.json is JSON, else
                Markdown).

        Raises:
            InvalidRequest: The folder is missing or the file cannot be written.
        """
        from index.bookmarks.annotations import export_format_for

        chosen = fmt or export_format_for(path)
        text = self.export_bookmarks(chosen)
        if not path.parent.is_dir():
            raise InvalidRequest(
                f"Cannot write {path}: there is no folder {path.parent}.",
                "Create the folder first, or pick another path.",
            )
        try:
            path.write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
        except OSError as error:
            raise InvalidRequest(
                f"Cannot write {path}: {error.strerror or error}.",
                "Check that the folder is writable, or pick another path.",
            ) from error
        return chosen

    # --- checking -----------------------------------------------------------------

    def check(self) -> CheckReport:
        """Verify the index (fully), the ingest manifest and the bookmarks; change nothing."""
        from index.checkup import check_library

        return check_library(self)

    def repair(self) -> CheckReport:
        """Rebuild a damaged index and manifest from the files the manifest records.

        Bookmarks are never changed; article ids stay the same, so they stay attached.
        Returns the check after the repair, with what it did in `repaired`.
        """
        from index.checkup import repair_library

        return repair_library(self)

    def close(self) -> None:
        """Close every store this library opened."""
        if self._opened is not None:
            self._opened.close()
        self._indexer.close()
        if self._figures is not None:
            self._figures.close()
            self._figures = None
        if self._bookmarks is not None:
            self._bookmarks.close()
            self._bookmarks = None
