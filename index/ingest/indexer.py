"""The ingest side of one library: its manifest, its parser tables, ids kept over a rebuild.

`Library` owns the article store and hands it to an `Indexer` for each run; everything else
an ingest needs to remember between runs lives here: the manifest (what each file was), the
outlet table and gazetteer extended with the user's own files, and the article ids by path
of a library that is being rebuilt, so bookmarks stay attached to the same articles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from index.ingest.manifest import FILENAME as MANIFEST_FILENAME
from index.ingest.manifest import FileRecord, Manifest, recorded_ids
from index.models import ArticleId, IngestReport
from index.paths import DataPaths

if TYPE_CHECKING:
    from index.ingest.loading import Tables
    from index.store.article_store import ArticleStore


class Indexer:
    """Runs ingests into a store and keeps the manifest and parser tables between runs."""

    def __init__(self, paths: DataPaths | None) -> None:
        """Book-keep the ingests of the library in `paths` (None: in memory)."""
        self._paths = paths
        self._manifest: Manifest | None = None
        self._tables: Tables | None = None
        self._known_ids: dict[str, tuple[ArticleId, ...]] = {}
        """Article ids by path from before a rebuild, so bookmarks stay attached."""

    def _manifest_path(self) -> Path | None:
        """The manifest file, or None in memory."""
        return None if self._paths is None else self._paths.index_dir / MANIFEST_FILENAME

    @property
    def manifest(self) -> Manifest:
        """The ingest manifest, opened on first use."""
        if self._manifest is None:
            self._manifest = Manifest.open(self._manifest_path())
        return self._manifest

    def tables(self) -> Tables:
        """The outlet table and gazetteer, extended with the user's own files when present."""
        # Imported here: the parsers and extractors cost ~100 ms to import, and
        # `newsdesk search` or the app's first paint never need them.
        from index.extract.gazetteer import load_gazetteer
        from index.ingest.loading import Tables
        from index.parse.outlets import load_outlets

        if self._tables is None:
            if self._paths is None:
                self._tables = Tables()
            else:
                parties = self._paths.parties_file
                gazetteer = load_gazetteer([parties]) if parties.is_file() else None
                self._tables = Tables(load_outlets(self._paths.outlets_file), gazetteer)
        return self._tables

    def start_over(self) -> None:
        """Start the manifest over for a rebuild, remembering the ids it gave each path."""
        if self._manifest is not None:
            self._known_ids = {**self._manifest.ids_by_path(), **self._known_ids}
            self._manifest.close()
        elif (path := self._manifest_path()) is not None:
            self._known_ids = {**recorded_ids(path), **self._known_ids}
        self._manifest = Manifest.create(self._manifest_path())

    def run(
        self,
        store: ArticleStore,
        sources: Sequence[Path],
        progress: Callable[[int, int, str], None] | None = None,
    ) -> IngestReport:
        """Index files and folders into `store` incrementally (see `index.ingest.ingester`)."""
        manifest = self.manifest
        if manifest.count_files() and not store.count():
            # The index was wiped behind the manifest's back: start the manifest over.
            manifest.close()
            self._manifest = manifest = Manifest.create(self._manifest_path())
        from index.ingest.ingester import Ingester

        ingester = Ingester(store, manifest, tables=self.tables(), known_ids=self._known_ids)
        return ingester.run(sources, progress)

    def file(self, real_path: str) -> FileRecord | None:
        """What the manifest knows of a file (by its real path), or None."""
        return self.manifest.file(real_path)

    def close(self) -> None:
        """Close the manifest."""
        if self._manifest is not None:
            self._manifest.close()
            self._manifest = None
