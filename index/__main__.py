"""`python -m index`: the headless commands, printing JSON only (no rich, no tui).

python -m index [--home DIR] build PATH... [--rebuild]
python -m index [--home DIR] search QUERY [--limit N] [--sort relevance|date]
python -m index [--home DIR] show ID
python -m index [--home DIR] related ID [--limit N]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from index.errors import NewsdeskError
from index.library import Library
from index.models import JsonValue
from index.paths import DataPaths, default_paths
from index.shapes import ingest_report_as_json, related_as_json, search_page_as_json


def _parser() -> argparse.ArgumentParser:
    """The argument parser."""
    parser = argparse.ArgumentParser(prog="python -m index", description=__doc__)
    parser.add_argument("--home", type=Path, help="data folder (overrides NEWSDESK_HOME)")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="index files and folders")
    build.add_argument("paths", nargs="+", type=Path)
    build.add_argument("--rebuild", action="store_true")
    search = sub.add_parser("search", help="run a query")
    search.add_argument("query")
    search.add_argument("--limit", type=int, default=10)
    search.add_argument("--sort", choices=("relevance", "date"), default="relevance")
    sub.add_parser("show", help="one article").add_argument("id")
    related = sub.add_parser("related", help="the most similar articles")
    related.add_argument("id")
    related.add_argument("--limit", type=int, default=10)
    return parser


def _run(args: argparse.Namespace, library: Library) -> JsonValue:
    """Run one command and return what to print."""
    if args.command == "build":
        report = library.index_paths(args.paths, rebuild=args.rebuild)
        return ingest_report_as_json(report, library.count())
    if args.command == "search":
        return search_page_as_json(library.search(args.query, limit=args.limit, sort=args.sort))
    if args.command == "show":
        return library.article(args.id).as_json()
    article_id = library.resolve(args.id)
    return related_as_json(article_id, library.related(article_id, args.limit))


def main(argv: Sequence[str] | None = None) -> int:
    """Parse the arguments, run the command, print JSON; 2 on a user error."""
    args = _parser().parse_args(argv)
    paths = DataPaths(args.home, args.home) if args.home else default_paths()
    try:
        library = Library.open(paths)
        try:
            print(json.dumps(_run(args, library), ensure_ascii=False, indent=2))
        finally:
            library.close()
    except NewsdeskError as error:
        print(f"python -m index: {error.message}", file=sys.stderr)
        if error.hint:
            print(f"  {error.hint}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
