"""`newsdesk show ID [--json]`: one article with its figures and parties."""

from __future__ import annotations

import argparse
import sys

from index import Library, json_for_terminal
from tui.cli.commands.options import add_json_flag, require_articles

NAME = "show"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `show` command."""
    parser = subparsers.add_parser(
        NAME,
        help="show an article: metadata, paragraphs, figures, parties",
        description="Show an article. ID is its id, a unique prefix of it, or its file path.",
    )
    parser.add_argument("id", metavar="ID")
    add_json_flag(parser)
    parser.set_defaults(command=sys.modules[__name__])


def run(args: argparse.Namespace, library: Library) -> int:
    """Print the article."""
    require_articles(library)
    article = library.article(args.id)
    if args.json:
        print(json_for_terminal(article.as_json(), indent=2))
    else:
        from tui.cli.report.article import render_article

        render_article(article, library.spans(article))
    return 0
