"""`newsdesk index PATH… [--rebuild] [--json]`: add files and folders to the library."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from index import IngestReport, Library, ingest_report_as_json, json_for_terminal
from tui.cli.commands.options import add_json_flag

NAME = "index"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `index` command."""
    parser = subparsers.add_parser(
        NAME,
        help="index files and folders (.txt .md .html .json .jsonl …)",
        description="Index files and folders, recursively. Re-indexing is incremental: "
        "unchanged files are skipped, changed ones updated, vanished ones removed.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument(
        "--rebuild", action="store_true", help="recreate the index first (keeps bookmarks)"
    )
    add_json_flag(parser)
    parser.set_defaults(command=sys.modules[__name__])


class JsonProgress:
    """Progress for `--json` runs: one JSON line on stderr at most every half second.

    `{"done": N, "total": M, "path": "…"}`: stdout keeps the one summary object, and a
    long run still shows that it is moving.
    """

    INTERVAL = 0.5

    def __init__(self) -> None:
        """Nothing shown yet."""
        self._last = 0.0

    def __call__(self, done: int, total: int, path: str) -> None:
        """Write a line when the interval has passed (and the last one at the end)."""
        now = time.monotonic()
        if now - self._last < self.INTERVAL and done < total:
            return
        self._last = now
        line = json_for_terminal({"done": done, "total": total, "path": path})
        print(line, file=sys.stderr, flush=True)


def _indexed_nothing(report: IngestReport) -> bool:
    """True when every named path was skipped: nothing was added, kept or updated."""
    kept = report.added or report.updated or report.unchanged or report.duplicates
    return bool(report.skipped) and not kept and not report.removed


def run(args: argparse.Namespace, library: Library) -> int:
    """Index the paths and print the summary; 2 when nothing at all could be indexed."""
    if args.json:
        report = library.index_paths(args.paths, rebuild=args.rebuild, progress=JsonProgress())
        print(json_for_terminal(ingest_report_as_json(report, library.count())))
    else:
        from tui.cli.report.ingest import IngestProgress, render_ingest

        with IngestProgress() as progress:
            report = library.index_paths(args.paths, rebuild=args.rebuild, progress=progress)
        render_ingest(report, library.count(), library.paths)
    return 2 if _indexed_nothing(report) else 0
