"""`newsdesk check [--repair]`: verify the index, the ingest manifest and the bookmarks.

The index is checked fully (every file against its recorded checksum, every stored article
decoded, every posting list read: `index.store.index_files.verify_index`), the manifest and
the bookmarks by SQLite's integrity check. A repair rebuilds the index and the manifest from
the files the manifest records (article ids and bookmarks are kept); the bookmarks file is
the user's own work and is never changed by a repair: its problems are reported with the
way out.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from index.errors import NewsdeskError
from index.ingest.manifest import FILENAME as MANIFEST_FILENAME
from index.ingest.manifest import Manifest
from index.models import Bookmark, CheckedPart, CheckProblem, CheckReport
from index.paths import DataPaths

if TYPE_CHECKING:
    from index.library import Library

REPAIR_HINT = "run: newsdesk check --repair (bookmarks are kept)"
"""The way out of a damaged index or manifest."""
SOURCES_HINT = "run: newsdesk index --rebuild PATH… with the folders of your articles"
"""The way out when the manifest cannot say which files the library held."""


def index_problems(paths: DataPaths) -> list[CheckProblem]:
    """What a full check of the index finds."""
    from index.store.index_files import verify_index

    return [
        CheckProblem(CheckedPart.INDEX, line, REPAIR_HINT) for line in verify_index(paths.index_dir)
    ]


def manifest_problems(paths: DataPaths) -> list[CheckProblem]:
    """What SQLite's integrity check finds in the ingest manifest (nothing when absent)."""
    path = paths.index_dir / MANIFEST_FILENAME
    if not path.exists():
        return []
    try:
        manifest = Manifest.open(path, read_only=True)
        try:
            found = manifest.problems()
        finally:
            manifest.close()
    except NewsdeskError as error:
        return [CheckProblem(CheckedPart.MANIFEST, error.message, SOURCES_HINT)]
    return [
        CheckProblem(
            CheckedPart.MANIFEST, f"The ingest manifest {path} is damaged: {line}", REPAIR_HINT
        )
        for line in found[:3]
    ]


def bookmark_problems(
    read: Callable[[], list[Bookmark]],
) -> tuple[int | None, list[CheckProblem]]:
    """How many bookmarks `read()` finds, or the problem that stops it."""
    try:
        return len(read()), []
    except NewsdeskError as error:
        return None, [CheckProblem(CheckedPart.BOOKMARKS, error.message, error.hint)]


def recorded_sources(paths: DataPaths) -> tuple[list[Path], int]:
    """The files the library was built from that still exist, and how many are gone.

    From the manifest; when it cannot be read (or records nothing), from the paths the
    index stores with each article.

    Raises:
        NewsdeskError: neither the manifest nor the index can be read.
    """
    from index.store.index_files import stored_source_files

    path = paths.index_dir / MANIFEST_FILENAME
    recorded: list[Path] = []
    try:
        if path.exists():
            manifest = Manifest.open(path, read_only=True)
            try:
                recorded = [Path(p) for p in manifest.paths()]
            finally:
                manifest.close()
    except NewsdeskError:
        recorded = []
    if not recorded:
        recorded = [Path(p) for p in stored_source_files(paths.index_dir)]
    present = [p for p in recorded if p.is_file()]
    return present, len(recorded) - len(present)


def check_library(library: Library, repaired: tuple[str, ...] = ()) -> CheckReport:
    """`Library.check`: every part verified, nothing changed."""
    if library.paths is None:
        return CheckReport(articles=library.count(), bookmarks=len(library.bookmarks()))
    index = index_problems(library.paths)
    articles: int | None = None
    if not index:
        try:
            articles = library.count()
        except NewsdeskError as error:
            index = [CheckProblem(CheckedPart.INDEX, error.message, error.hint)]
    count, bookmark_found = bookmark_problems(library.bookmarks)
    return CheckReport(
        problems=(*index, *manifest_problems(library.paths), *bookmark_found),
        repaired=repaired,
        articles=articles,
        bookmarks=count,
    )


def repair_library(library: Library) -> CheckReport:
    """`Library.repair`: rebuild a damaged index and manifest from the recorded files."""
    before = check_library(library)
    damaged = {problem.part for problem in before.problems}
    if library.paths is None or not damaged & {CheckedPart.INDEX, CheckedPart.MANIFEST}:
        return before
    try:
        sources, gone = recorded_sources(library.paths)
    except NewsdeskError as error:
        unknown = CheckProblem(CheckedPart.MANIFEST, error.message, SOURCES_HINT)
        return dataclasses.replace(before, problems=(*before.problems, unknown))
    if not sources:
        none = CheckProblem(
            CheckedPart.MANIFEST,
            "The manifest records no file that still exists: nothing to re-index.",
            SOURCES_HINT,
        )
        return dataclasses.replace(before, problems=(*before.problems, none))
    report = library.index_paths(sources, rebuild=True)
    done = f"Rebuilt the index from {len(sources)} recorded files ({library.count()} articles)."
    lines = (done,) + ((f"{gone} recorded files no longer exist.",) if gone else ())
    skipped = len(report.skipped)
    lines += (f"{skipped} files were skipped.",) if skipped else ()
    return check_library(library, repaired=lines)
