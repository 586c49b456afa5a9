"""The `newsdesk` command line: argparse over the `index.Library` facade.

`newsdesk` alone opens the Textual app (imported only then, so the headless commands start
fast); `newsdesk index|search|show|related …` run headless. Every `NewsdeskError` becomes
one line on stderr plus a hint, and exit status 2.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from index import (
    DataPaths,
    Library,
    NewsdeskError,
    bundled_seeds_dir,
    default_paths,
    visible_controls,
)
from tui import __version__
from tui.cli.commands import COMMANDS

USER_ERROR = 2
INTERRUPTED = 130


def build_parser() -> argparse.ArgumentParser:
    """The `newsdesk` argument parser with every registered command."""
    parser = argparse.ArgumentParser(
        prog="newsdesk",
        description="Search, read, compare and bookmark news articles in the terminal. "
        "Without a command, opens the app (the first run indexes the bundled seeds).",
    )
    parser.add_argument(
        "--home", type=Path, metavar="DIR", help="data folder (overrides NEWSDESK_HOME)"
    )
    parser.add_argument(
        "--paths", dest="show_paths", action="store_true", help="print where data lives and exit"
    )
    parser.add_argument("--version", action="version", version=f"newsdesk {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for module in COMMANDS:
        module.register(subparsers)
    return parser


def resolve_paths(home: Path | None) -> DataPaths:
    """`--home` when given, else NEWSDESK_HOME or the platform folders."""
    if home is not None:
        root = home.expanduser()
        return DataPaths(data_dir=root, config_dir=root)
    return default_paths()


def print_error(error: NewsdeskError) -> int:
    """Print a user error as `newsdesk: message` plus a hint line; return the exit status."""
    # Messages name files and ids: their control characters are made visible.
    print(f"newsdesk: {visible_controls(error.message)}", file=sys.stderr)
    if error.hint:
        print(f"  hint: {visible_controls(error.hint)}", file=sys.stderr)
    return USER_ERROR


def _print_paths(paths: DataPaths) -> int:
    """`newsdesk --paths`."""
    print(f"data:      {paths.data_dir}")
    print(f"index:     {paths.index_dir}")
    print(f"bookmarks: {paths.bookmarks_file}")
    print(f"config:    {paths.config_dir}")
    return 0


def _open_app(library: Library) -> int:
    """Run the Textual app (imported here: the headless commands never load Textual)."""
    from tui.app import NewsdeskApp

    result = NewsdeskApp(library, seed_dir=bundled_seeds_dir()).run()
    return result if isinstance(result, int) else 0


def _run(args: argparse.Namespace, paths: DataPaths) -> int:
    """Open the library and run the chosen command (or the app)."""
    command = getattr(args, "command", None)
    rebuild = bool(getattr(args, "rebuild", False))
    # The app opens the index in its first worker, after the first paint.
    library = Library.open(paths, recreate=rebuild, lazy=command is None)
    try:
        if command is None:
            return _open_app(library)
        status: int = command.run(args, library)
        return status
    finally:
        library.close()


def main(argv: Sequence[str] | None = None) -> int:
    """Run `newsdesk` with these arguments (sys.argv when None); return the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # argparse: usage errors (2), --help/--version (0)
        return stop.code if isinstance(stop.code, int) else USER_ERROR
    paths = resolve_paths(args.home)
    if args.show_paths:
        return _print_paths(paths)
    try:
        return _run(args, paths)
    except NewsdeskError as error:
        return print_error(error)
    except KeyboardInterrupt:
        # Ingest commits batch by batch: what was written before Ctrl-C stays indexed.
        print("newsdesk: interrupted", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`newsdesk search … | head`): stop quietly, like other tools.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
