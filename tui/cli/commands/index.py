"""`newsdesk index PATH… [--rebuild] [--optimize] [--json]`: add files and folders to the library.

`--optimize` (with or without paths) merges the index's segments into one afterwards.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from index import IngestReport, InvalidRequest, Library, ingest_report_as_json, json_for_terminal
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
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    parser.add_argument(
        "--rebuild", action="store_true", help="recreate the index first (keeps bookmarks)"
    )
    parser.add_argument(
        "--optimize",
        action="store_true",
        help="then merge the index's segments into one (faster queries after large runs)",
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


def _optimize(library: Library) -> dict[str, int | float]:
    started = time.perf_counter()
    segments = library.optimize()
    return {"segments": segments, "seconds": round(time.perf_counter() - started, 3)}


def run(args: argparse.Namespace, library: Library) -> int:
    """Index the paths and print the summary; 2 when nothing at all could be indexed.

    A run that indexed nothing failed: its summary (why each path was skipped) is the error
    message, so it goes to stderr. `--optimize` merges the segments afterwards (or alone).
    """
    if not args.paths:
        if not args.optimize:
            raise InvalidRequest("No path was given.", "Try: newsdesk index ~/news")
        merged = _optimize(library)
        if args.json:
            print(json_for_terminal({"optimized": merged, "articles": library.count()}))
        else:
            print(f"Merged {merged['segments']} segment(s) into one in {merged['seconds']} s.")
        return 0
    if args.json:
        report = library.index_paths(args.paths, rebuild=args.rebuild, progress=JsonProgress())
        shape = ingest_report_as_json(report, library.count())
        if args.optimize:
            merged = _optimize(library)
            shape["optimized"] = {"segments": merged["segments"], "seconds": merged["seconds"]}
        print(json_for_terminal(shape))
        return 2 if _indexed_nothing(report) else 0
    from tui.cli.report import stderr_console
    from tui.cli.report.ingest import IngestProgress, render_ingest

    with IngestProgress() as progress:
        report = library.index_paths(args.paths, rebuild=args.rebuild, progress=progress)
    failed = _indexed_nothing(report)
    render_ingest(report, library.count(), library.paths, stderr_console() if failed else None)
    if args.optimize and not failed:
        merged = _optimize(library)
        print(f"Merged {merged['segments']} segment(s) into one in {merged['seconds']} s.")
    return 2 if failed else 0
