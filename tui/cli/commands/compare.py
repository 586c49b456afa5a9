"""`newsdesk compare A B [--json]`: two reports side by side."""

from __future__ import annotations

import argparse
import sys

from index import Library, comparison_as_json, json_for_terminal
from tui.cli.commands.options import add_json_flag, require_articles

NAME = "compare"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `compare` command."""
    parser = subparsers.add_parser(
        NAME,
        help="compare two reports: figures by measure, parties, aligned passages",
        description="Compare two reports side by side. A and B are ids, unique id prefixes "
        "or file paths. Shows the figures by measure (agree, differ, only in one), the "
        "parties, and the aligned passages.",
    )
    parser.add_argument("a", metavar="A", help="the first report (left)")
    parser.add_argument("b", metavar="B", help="the second report (right)")
    add_json_flag(parser)
    parser.set_defaults(command=sys.modules[__name__])


def run(args: argparse.Namespace, library: Library) -> int:
    """Print the comparison of A and B."""
    require_articles(library)
    compared = library.compare_articles(args.a, args.b)
    a, b, comparison = compared.a, compared.b, compared.comparison
    if args.json:
        data = comparison_as_json(comparison)
        data["a_title"] = a.title
        data["b_title"] = b.title
        print(json_for_terminal(data, indent=2))
    else:
        from tui.cli.report.compare import render_comparison

        render_comparison(comparison, a, b)
    return 0
