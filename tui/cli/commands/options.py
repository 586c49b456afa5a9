"""Argument helpers and guards shared by the command modules."""

from __future__ import annotations

import argparse

from index import Library, NewsdeskError

EMPTY_HINT = "run `newsdesk index PATH` (or `newsdesk` to index the bundled seeds)"


class EmptyLibrary(NewsdeskError):
    """The library holds no article yet."""


def require_articles(library: Library) -> None:
    """Refuse to search or show in an empty library, saying how to fill it.

    Raises:
        EmptyLibrary: The library holds no article.
    """
    if library.count() == 0:
        raise EmptyLibrary("The library is empty.", EMPTY_HINT)


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    """The `--json` option every command has."""
    parser.add_argument("--json", action="store_true", help="print JSON instead of tables")


def positive_int(text: str) -> int:
    """An argparse type for --limit: a whole number of at least 1."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value
