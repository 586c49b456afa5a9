"""The summary of an ingest run and its JSON shape (`newsdesk index --json`)."""

from __future__ import annotations

from dataclasses import dataclass

from index.models.article import ArticleId, JsonValue


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A file ingest did not take, and why."""

    path: str
    reason: str


@dataclass(frozen=True, slots=True)
class IngestReport:
    """The closing summary of `newsdesk index`."""

    added: tuple[ArticleId, ...] = ()
    updated: tuple[ArticleId, ...] = ()
    unchanged: int = 0
    removed: tuple[ArticleId, ...] = ()
    duplicates: tuple[SkippedFile, ...] = ()
    """Files whose content is identical or near-identical to an indexed article."""
    skipped: tuple[SkippedFile, ...] = ()
    seconds: float = 0.0
    kinds: tuple[tuple[str, int], ...] = ()
    """Articles added or updated by the kind of file they came from, most first
    (("jsonl", 1955), ("md", 1))."""
    notes: tuple[str, ...] = ()
    """Files indexed like any other that a reader may not expect to be (a README.md)."""


def ingest_report_as_json(report: IngestReport, total: int) -> dict[str, JsonValue]:
    """`newsdesk index --json`.

    Args:
        report: The closing summary of the run.
        total: How many articles the library holds afterwards.

    Returns:
        {"added", "updated", "unchanged", "removed", "duplicates", "skipped", "articles",
        "seconds", "kinds", "notes"}; duplicates and skipped as [{"path", "reason"}]; kinds
        as {"jsonl": 1955, "md": 1} (articles added or updated, by file kind).
    """
    return {
        "added": list(report.added),
        "updated": list(report.updated),
        "unchanged": report.unchanged,
        "removed": list(report.removed),
        "duplicates": [{"path": d.path, "reason": d.reason} for d in report.duplicates],
        "skipped": [{"path": s.path, "reason": s.reason} for s in report.skipped],
        "articles": total,
        "seconds": round(report.seconds, 3),
        "kinds": dict(report.kinds),
        "notes": list(report.notes),
    }


def progress_label(current: str) -> tuple[str, int | None, int | None]:
    """An ingest progress label read back: (the file's path, records read, records expected).

    Ingest names a file being streamed "PATH#READ/EXPECTED" ("PATH#READ" when its size in
    records is unknown); any other label is a plain path, with (None, None).
    """
    path, mark, tail = current.rpartition("#")
    read, _slash, expected = tail.partition("/")
    if not mark or not read.isdigit():
        return current, None, None
    return path, int(read), int(expected) if expected.isdigit() else None
