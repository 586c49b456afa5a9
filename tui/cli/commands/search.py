"""`newsdesk search QUERY [--limit N] [--sort relevance|date] [--json]` and `--batch FILE`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from index import (
    InvalidRequest,
    Library,
    batch_line_as_json,
    json_for_terminal,
    search_page_as_json,
)
from tui.cli.commands.options import add_json_flag, positive_int, require_articles

NAME = "search"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `search` command."""
    parser = subparsers.add_parser(
        NAME,
        help="full-text search",
        description='Ranked search: words, "phrases", AND/OR/NOT, prefix*, fuzzy~, '
        "source:, party:, measure:, tag:, date:2024-01..2024-03.",
    )
    parser.add_argument("query", nargs="?", help="the query (omit with --batch)")
    parser.add_argument("--limit", type=positive_int, default=10, metavar="N")
    parser.add_argument("--sort", choices=("relevance", "date"), default="relevance")
    parser.add_argument(
        "--batch",
        type=Path,
        metavar="FILE",
        help="one query per line (- reads standard input); prints one JSON line per query",
    )
    add_json_flag(parser)
    parser.set_defaults(command=sys.modules[__name__])


def _run_batch(args: argparse.Namespace, library: Library) -> int:
    """One JSON line per query line of the batch file (or of standard input for `-`)."""
    try:
        if str(args.batch) == "-":
            lines = sys.stdin.read().splitlines()
        else:
            lines = args.batch.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise InvalidRequest(
            f"Cannot read {args.batch}: {error}", "Pass a UTF-8 text file."
        ) from error
    for line in lines:
        query = line.strip()
        if query:
            # A batch line has ids, titles and scores: no facets or snippets to compute.
            page = library.search(
                query, limit=args.limit, sort=args.sort, facets=False, snippets=False
            )
            print(json_for_terminal(batch_line_as_json(page)), flush=False)
    return 0


def run(args: argparse.Namespace, library: Library) -> int:
    """Run the query (or the batch) and print the results."""
    if args.batch is not None and args.query:
        raise InvalidRequest("Give either a QUERY or --batch FILE, not both.", "Drop one.")
    require_articles(library)
    if args.batch is not None:
        return _run_batch(args, library)
    if not args.query or not args.query.strip():
        raise InvalidRequest("No query was given.", 'Try: newsdesk search "hostages"')
    page = library.search(args.query, limit=args.limit, sort=args.sort)
    if args.json:
        print(json_for_terminal(search_page_as_json(page)))
    else:
        from tui.cli.report.search import render_search_page

        render_search_page(page)
    return 0
