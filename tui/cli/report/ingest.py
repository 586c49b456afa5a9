"""`newsdesk index`: a progress bar on long runs, then the closing summary."""

from __future__ import annotations

import threading
from pathlib import Path
from types import TracebackType

from rich.console import Console, Group, RenderableType
from rich.progress import (
    BarColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from index import DataPaths, IngestReport, progress_label
from tui.cli.report import stderr_console, stdout_console

LONG_RUN_SECONDS = 0.5
"""The bar appears once a run has lasted this long (short runs stay quiet)."""
DUPLICATES_SHOWN = 20
"""Duplicates listed in the readable summary (every skipped file is always listed)."""
REMOVED_SHOWN = 50
"""Removed article ids listed in the readable summary (a vanished 10k-record export printed
10k ids: `--json` has them all)."""


class IngestProgress:
    """A `progress(done, total, path)` callback drawing a rich bar on a terminal's stderr.

    The bar counts files, with the time elapsed and the time left, and names the file being
    read. Nothing is drawn when stderr is not a terminal or for a run shorter than
    `LONG_RUN_SECONDS`; a longer one gets the bar even if no file has finished by then (one
    large JSON Lines export), from a timer. The bar is removed when the run ends.
    """

    def __init__(self, console: Console | None = None) -> None:
        self._console = console or stderr_console()
        self._progress: Progress | None = None
        self._task = TaskID(0)
        self._last = (0, 0, "")
        """The latest (done, total, current) reported."""
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    def __enter__(self) -> IngestProgress:
        if self._console.is_terminal:
            self._timer = threading.Timer(LONG_RUN_SECONDS, self._show)
            self._timer.daemon = True
            self._timer.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            if self._progress is not None:
                self._progress.stop()
            self._progress = None
            self._timer = None

    def _show(self) -> None:
        """Start the bar (the run has lasted LONG_RUN_SECONDS) at the latest counts."""
        with self._lock:
            if self._timer is None or self._progress is not None:
                return
            done, total, current = self._last
            progress = Progress(
                TextColumn("indexing"),
                BarColumn(),
                TextColumn("{task.fields[counts]}", markup=False),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                TextColumn("{task.fields[current]}", markup=False),
                console=self._console,
                transient=True,
            )
            self._task = progress.add_task(
                "indexing",
                total=total or None,
                completed=done,
                current=_name(current),
                counts=_counts(done, total, current),
            )
            progress.update(self._task, completed=_completed(done, current))
            progress.start()
            self._progress = progress

    def __call__(self, done: int, total: int, current: str) -> None:
        """Note the counts; update the bar once it is shown."""
        with self._lock:
            self._last = (done, total, current)
            if self._progress is not None:
                self._progress.update(
                    self._task,
                    completed=_completed(done, current),
                    total=total,
                    current=_name(current),
                    counts=_counts(done, total, current),
                )


def _name(path: str) -> str:
    return progress_label(path)[0].rsplit("/", 1)[-1]


def _counts(done: int, total: int, current: str = "") -> str:
    """Files done of all, with the records read of a streamed file.

    "3/10 files · 12,800/100,000 records" while a large export is read ("12,800 records"
    when its size in records is unknown); before the first file is read, says so.
    """
    files = f"{done}/{total} files" if total else "reading the first file"
    _path, read, expected = progress_label(current)
    if read is None:
        return files
    return f"{files} · {read:,}/{expected:,} records" if expected else f"{files} · {read:,} records"


def _completed(done: int, current: str) -> float:
    """Files done, plus the share read of a streamed file (so the time left counts it)."""
    _path, read, expected = progress_label(current)
    return done + min(read / expected, 1.0) if read is not None and expected else float(done)


def _count_line(report: IngestReport, total: int) -> Text:
    """Added 3 · updated 1 · unchanged 2 · duplicates 0 · removed 0 · skipped 1."""
    counts = (
        ("added", len(report.added)),
        ("updated", len(report.updated)),
        ("unchanged", report.unchanged),
        ("duplicates", len(report.duplicates)),
        ("removed", len(report.removed)),
        ("skipped", len(report.skipped)),
    )
    words = [f"{name} {count}" for name, count in counts]
    if len(report.kinds) > 1:  # "updated 1 (1 from .md, 1 from .txt)": what the README was
        words[1] += " (" + ", ".join(f"{n:,} from .{kind}" for kind, n in report.kinds) + ")"
    text = Text()
    text.append(" · ".join(words), style="bold")
    text.append(f"  ({report.seconds:.1f} s; the library now holds {total} articles)", style="dim")
    for note in report.notes:
        text.append("\nNote: " + note, style="dim")
    return text


def short_path(path: str, cwd: Path | None = None) -> str:
    """A path relative to the working folder when it lies inside it."""
    base = Path.cwd() if cwd is None else cwd
    try:
        return str(Path(path).relative_to(base))
    except ValueError:
        return path


def _listing(title: str, rows: list[tuple[str, str]], style: str, limit: int | None) -> Text:
    """A titled list of `path: reason` lines, cut after `limit` lines when given."""
    text = Text()
    text.append(title, style="bold")
    shown = rows if limit is None else rows[:limit]
    for path, reason in shown:
        text.append("\n  ")
        text.append(short_path(path), style=style)
        text.append(": " + reason)
    if len(shown) < len(rows):
        text.append(f"\n  … and {len(rows) - len(shown)} more (--json lists them all)", "dim")
    return text


def ingest_renderable(report: IngestReport, total: int, paths: DataPaths | None) -> RenderableType:
    """The closing summary of an index run."""
    parts: list[RenderableType] = [_count_line(report, total)]
    if report.duplicates:
        rows = [(d.path, d.reason) for d in report.duplicates]
        parts.append(_listing("Duplicates", rows, "cyan", DUPLICATES_SHOWN))
    if report.skipped:
        skipped = [(s.path, s.reason) for s in report.skipped]
        parts.append(_listing("Skipped", skipped, "yellow", None))
    if report.removed:
        removed = Text("Removed: " + ", ".join(report.removed[:REMOVED_SHOWN]))
        if len(report.removed) > REMOVED_SHOWN:
            more = len(report.removed) - REMOVED_SHOWN
            removed.append(f" … and {more:,} more (--json lists them all)", "dim")
        parts.append(removed)
    if paths is not None:
        parts.append(Text(f"index: {paths.index_dir}", style="dim"))
    return Group(*parts)


def render_ingest(
    report: IngestReport, total: int, paths: DataPaths | None, console: Console | None = None
) -> None:
    """Print the closing summary."""
    (console or stdout_console()).print(ingest_renderable(report, total, paths), soft_wrap=True)
