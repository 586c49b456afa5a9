"""`newsdesk check [--repair] [--json]`: verify the index, the manifest and the bookmarks.

Exit status 0 when everything is sound (after a repair: when the repair fixed everything),
1 when problems remain; each problem is one line with the way out.
"""

from __future__ import annotations

import argparse
import sys

from index import Library, json_for_terminal
from tui.cli.commands.options import add_json_flag

NAME = "check"
OPENS_INDEX = False
"""The library is opened lazily: a damaged index is what this command reports."""
PROBLEMS_FOUND = 1


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `check` command."""
    parser = subparsers.add_parser(
        NAME,
        help="verify the index, the manifest and the bookmarks (--repair rebuilds the index)",
        description="Verify every index file against its checksum, every stored article, "
        "the ingest manifest and the bookmarks. With --repair, rebuild a damaged index and "
        "manifest from the files the library indexed; bookmarks are never changed.",
    )
    parser.add_argument(
        "--repair", action="store_true", help="rebuild a damaged index and manifest"
    )
    add_json_flag(parser)
    parser.set_defaults(command=sys.modules[__name__])


def run(args: argparse.Namespace, library: Library) -> int:
    """Check (and repair); print the report."""
    if sys.stderr.isatty():  # a full check reads the whole index: ~20 s at 100k articles
        print("Checking every index file, stored article and posting list…", file=sys.stderr)
    report = library.repair() if args.repair else library.check()
    if args.json:
        print(json_for_terminal(report.as_json(), indent=2))
    else:
        from tui.cli.report.check import render_check

        render_check(report)
    return 0 if report.ok else PROBLEMS_FOUND
