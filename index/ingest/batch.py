"""Staging for ingest: the pending store batch and the running tally of the report."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from index.ingest.collector import collect_while_paused
from index.ingest.manifest import Manifest
from index.models import Article, ArticleId, IngestReport, SkippedFile
from index.store.article_store import ArticleStore
from index.store.segment_writer import AnalysedText

BATCH_CHARS = 32_000_000
"""Most characters of article text one batch stages before it is written.

A bulk write keeps the batch's postings in memory (`InMemorySegmentWriter`): about 13
bytes of memory per character of text staged, so ~400 MB at this size. 10,000 Reuters
articles are ~8 million characters; 10,000 long features would be ~500 million.
"""


class Batch:
    """Articles and deletions waiting for one store write plus one manifest commit."""

    def __init__(self, store: ArticleStore, manifest: Manifest, size: int) -> None:
        """A batch written when it holds `size` articles or `BATCH_CHARS` of text."""
        self._store = store
        self._manifest = manifest
        self._size = size
        self._chars = BATCH_CHARS
        self._staged_chars = 0
        self._upserts: dict[ArticleId, Article] = {}
        self._analysed: dict[ArticleId, Mapping[str, AnalysedText]] = {}
        self._deletes: set[ArticleId] = set()

    def begin(self) -> None:
        """Open the manifest transaction of the first batch."""
        self._manifest.begin()

    def upsert(self, article: Article, analysed: Mapping[str, AnalysedText] | None) -> None:
        """Stage an article, with its analysed text fields when a worker made them.

        A later delete of the same id cancels it.
        """
        self._deletes.discard(article.id)
        self._upserts[article.id] = article
        self._staged_chars += len(article.title) + sum(len(p) for p in article.paragraphs)
        if analysed is None:
            self._analysed.pop(article.id, None)
        else:
            self._analysed[article.id] = analysed

    def delete(self, article_id: ArticleId) -> None:
        """Stage a deletion (a later upsert of the same id cancels it)."""
        self._upserts.pop(article_id, None)
        self._analysed.pop(article_id, None)
        self._deletes.add(article_id)

    def pending(self, article_id: ArticleId) -> Article | None:
        """A staged article, or None."""
        return self._upserts.get(article_id)

    def full(self) -> bool:
        """True when the batch holds enough articles, or enough text, to be written."""
        return len(self._upserts) >= self._size or self._staged_chars >= self._chars

    def flush(self) -> None:
        """Write the staged changes to the store, then commit the manifest."""
        if self._upserts or self._deletes:
            upserts = list(self._upserts.values())
            self._store.write(upserts, sorted(self._deletes), self._analysed)
        self._manifest.commit()
        self._clear()
        collect_while_paused()

    def _clear(self) -> None:
        """Forget everything staged."""
        self._upserts.clear()
        self._analysed.clear()
        self._deletes.clear()
        self._staged_chars = 0

    def abandon(self) -> None:
        """Drop the staged changes and roll the manifest back (after an error)."""
        self._clear()
        self._manifest.rollback()


@dataclass(slots=True)
class Tally:
    """The report being built."""

    added: list[ArticleId] = field(default_factory=list)
    updated: list[ArticleId] = field(default_factory=list)
    removed: list[ArticleId] = field(default_factory=list)
    unchanged: int = 0
    duplicates: list[SkippedFile] = field(default_factory=list)
    skipped: list[SkippedFile] = field(default_factory=list)
    kinds: dict[str, int] = field(default_factory=dict)
    """Articles added or updated, by the kind of file they came from ("jsonl", "md")."""
    notes: list[str] = field(default_factory=list)
    """Files indexed like any other that a reader may not expect to be ("README.md")."""

    def count_kind(self, document_path: str) -> None:
        """Count an added or updated article under its file's kind; note a README."""
        name = document_path.partition("#")[0].rsplit("/", 1)[-1]
        kind = name.rpartition(".")[2].lower() if "." in name else "no extension"
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        if name.upper().startswith(("README", "CHANGELOG", "LICENSE")):
            self.notes.append(f"{document_path} was indexed as an article (like any file)")

    def skip(self, path: str, reason: str) -> None:
        """Record a skipped file or record."""
        self.skipped.append(SkippedFile(path, reason))

    def duplicate(self, path: str, reason: str) -> None:
        """Record an identical or near-identical copy."""
        self.duplicates.append(SkippedFile(path, reason))

    def report(self, seconds: float) -> IngestReport:
        """The closing summary; an id removed and added again in one run counts as updated."""
        back = set(self.removed) & set(self.added)
        removed = [i for i in dict.fromkeys(self.removed) if i not in back]
        added = [i for i in dict.fromkeys(self.added) if i not in back]
        updated = list(dict.fromkeys([*self.updated, *(i for i in self.added if i in back)]))
        return IngestReport(
            added=tuple(added),
            updated=tuple(i for i in updated if i not in added),
            unchanged=self.unchanged,
            removed=tuple(i for i in removed if i not in updated),
            duplicates=tuple(self.duplicates),
            skipped=tuple(self.skipped),
            seconds=seconds,
            kinds=tuple(sorted(self.kinds.items(), key=lambda item: (-item[1], item[0]))),
            notes=tuple(self.notes),
        )
