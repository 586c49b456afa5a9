"""`newsdesk bookmarks [list|add|edit|remove|export]`: bookmarked passages, headless.

`list` (the default) shows every bookmark re-anchored against the current articles, with
its status: anchored, moved (the text changed and the quote was found again) or orphan;
`--filter` and `--tag` keep those matching, as the app's bookmarks filter does.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from index import (
    Bookmark,
    InvalidRequest,
    Library,
    json_for_terminal,
    sentence_span,
    visible_controls,
)
from tui.cli.commands.options import add_json_flag

NAME = "bookmarks"
OPENS_INDEX = False
"""Opened lazily: bookmarks are listed and exported even when the index is damaged."""


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `bookmarks` command and its actions."""
    parser = subparsers.add_parser(
        NAME,
        help="list, add, edit, remove and export bookmarked passages",
        description="Bookmarked passages. Without an action, lists them.",
    )
    parser.set_defaults(
        command=sys.modules[__name__], action="list", json=False, filter_text="", filter_tags=()
    )
    actions = parser.add_subparsers(title="actions", metavar="ACTION")

    listing = actions.add_parser(
        "list",
        help="every bookmark with its status (default)",
        description="Every bookmark with its status, or those matching --filter and --tag.",
    )
    listing.add_argument(
        "--filter",
        dest="filter_text",
        default="",
        metavar="TEXT",
        help="words (in the quote, note, title or tags), tag:NAME and article:ID; all must match",
    )
    listing.add_argument(
        "--tag",
        dest="filter_tags",
        action="extend",
        nargs="+",
        default=[],
        metavar="T",
        help="only bookmarks carrying this tag (repeatable: all of them)",
    )
    add_json_flag(listing)
    listing.set_defaults(action="list")

    add = actions.add_parser(
        "add",
        help="bookmark a paragraph, or one sentence of it",
        description="Bookmark paragraph N of article ID, or its K-th sentence (both counted "
        "from 1, as `newsdesk show ID` numbers them).",
    )
    add.add_argument("id", metavar="ID", help="article id, unique id prefix or file path")
    add.add_argument(
        "--paragraph", type=_ordinal, required=True, metavar="N", help="N-th paragraph (from 1)"
    )
    add.add_argument("--sentence", type=_ordinal, metavar="K", help="K-th sentence (from 1)")
    _add_note_and_tags(add)
    add_json_flag(add)
    add.set_defaults(action="add")

    edit = actions.add_parser("edit", help="change a bookmark's note and/or tags")
    edit.add_argument("bookmark", type=_index, metavar="BOOKMARK", help="the bookmark's id")
    _add_note_and_tags(edit)
    add_json_flag(edit)
    edit.set_defaults(action="edit")

    remove = actions.add_parser("remove", help="delete a bookmark")
    remove.add_argument("bookmark", type=_index, metavar="BOOKMARK", help="the bookmark's id")
    add_json_flag(remove)
    remove.set_defaults(action="remove")

    export = actions.add_parser(
        "export",
        help="export as Markdown or W3C Web Annotation JSON",
        description="Export every bookmark: md (Markdown grouped by article) or json "
        "(a list of W3C Web Annotations).",
    )
    export.add_argument(
        "--format",
        choices=("md", "json"),
        dest="fmt",
        help="md or json (default: from --output's extension, .json is JSON; else md)",
    )
    export.add_argument(
        "--output", type=Path, metavar="FILE", help="write here, not stdout (its folder must exist)"
    )
    export.set_defaults(action="export")


def run(args: argparse.Namespace, library: Library) -> int:
    """Run the chosen bookmarks action."""
    action: str = args.action
    if action == "add":
        return _add(args, library)
    if action == "edit":
        return _edit(args, library)
    if action == "remove":
        library.remove_bookmark(args.bookmark)
        _print_json_or({"removed": args.bookmark}, args.json, f"Removed bookmark {args.bookmark}.")
        return 0
    if action == "export":
        return _export(args, library)
    bookmarks = library.bookmarks(filter_text=args.filter_text, tags=args.filter_tags)
    if args.json:
        print(json_for_terminal([mark.as_json() for mark in bookmarks], indent=2))
    else:
        from tui.cli.report.bookmarks import render_bookmarks

        render_bookmarks(bookmarks, filtered=bool(args.filter_text or args.filter_tags))
    return 0


def _add(args: argparse.Namespace, library: Library) -> int:
    """`bookmarks add`: the paragraph, or the sentence of it, with note and tags."""
    start: int | None = None
    end: int | None = None
    article = library.article(args.id)
    if args.paragraph > len(article.paragraphs):
        raise InvalidRequest(
            f"Article {article.id} has no paragraph {args.paragraph}.",
            f"Paragraphs are numbered 1 to {len(article.paragraphs)} "
            "(`newsdesk show ID` prints them with their numbers).",
        )
    index = args.paragraph - 1
    if args.sentence is not None:
        span = sentence_span(article.paragraphs[index], args.sentence - 1)
        if span is None:
            raise InvalidRequest(
                f"Paragraph {args.paragraph} has no sentence {args.sentence}.",
                "Sentences are numbered from 1; `newsdesk show ID` prints the paragraphs.",
            )
        start, end = span
    mark = library.add_bookmark(
        article.id, index, start, end, note=args.note or "", tags=args.tag or ()
    )
    _print_bookmark(mark, args.json, "Added")
    return 0


def _edit(args: argparse.Namespace, library: Library) -> int:
    """`bookmarks edit`: a new note and/or new tags."""
    if args.note is None and args.tag is None:
        raise InvalidRequest("Nothing to change.", "Give --note TEXT and/or --tag T.")
    mark = library.update_bookmark(args.bookmark, note=args.note, tags=args.tag)
    _print_bookmark(mark, args.json, "Updated")
    return 0


def _export(args: argparse.Namespace, library: Library) -> int:
    """`bookmarks export`: to stdout, or to --output FILE (format from its extension)."""
    if args.output is None:
        text = library.export_bookmarks(args.fmt or "md")
        # JSON escapes controls itself; Markdown may hold a note's, so they are made visible.
        shown = visible_controls(text)
        sys.stdout.write(shown if shown.endswith("\n") else shown + "\n")
        return 0
    fmt = library.export_bookmarks_to(args.output, args.fmt)
    name = "JSON (W3C Web Annotations)" if fmt == "json" else "Markdown"
    print(f"Exported the bookmarks to {args.output} as {name}.", file=sys.stderr)
    return 0


def _print_bookmark(mark: Bookmark, as_json: bool, verb: str) -> None:
    """One bookmark, as JSON or as a short report."""
    if as_json:
        print(json_for_terminal(mark.as_json(), indent=2))
        return
    from tui.cli.report.bookmarks import render_bookmark_line

    render_bookmark_line(mark, verb)


def _print_json_or(data: dict[str, int], as_json: bool, message: str) -> None:
    """Print `data` as JSON, or the message."""
    print(json_for_terminal(data) if as_json else visible_controls(message))


def _add_note_and_tags(parser: argparse.ArgumentParser) -> None:
    """The --note and repeatable --tag options."""
    parser.add_argument("--note", metavar="TEXT", help="a note to keep with the passage")
    parser.add_argument("--tag", action="extend", nargs="+", metavar="T", help="one or more tags")


def _ordinal(text: str) -> int:
    """An argparse type for numbers people count with: a whole number of at least 1."""
    value = _index(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more (paragraphs are counted from 1)")
    return value


def _index(text: str) -> int:
    """An argparse type for 0-based numbers and ids: a whole number of at least 0."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value
