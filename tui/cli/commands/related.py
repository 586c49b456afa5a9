"""`newsdesk related ID [--limit N] [--json]`: the most similar reports."""

from __future__ import annotations

import argparse
import sys

from index import Library, json_for_terminal, related_as_json
from tui.cli.commands.options import add_json_flag, positive_int, require_articles

NAME = "related"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `related` command."""
    parser = subparsers.add_parser(
        NAME,
        help="the reports most similar to an article",
        description="Reports on the same event: similar text, shared parties and figures, "
        "close in date. ID is an id, a unique prefix, or a file path.",
    )
    parser.add_argument("id", metavar="ID")
    parser.add_argument("--limit", type=positive_int, default=10, metavar="N")
    add_json_flag(parser)
    parser.set_defaults(command=sys.modules[__name__])


def run(args: argparse.Namespace, library: Library) -> int:
    """Print the related reports."""
    require_articles(library)
    article_id = library.resolve(args.id)
    related = library.related(article_id, args.limit)
    if args.json:
        print(json_for_terminal(related_as_json(article_id, related)))
    else:
        from tui.cli.report.search import render_related

        render_related(library.article(article_id), related)
    return 0
