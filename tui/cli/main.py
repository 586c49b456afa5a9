"""The `newsdesk` command line: argparse over the `index.Library` facade.

`newsdesk` alone opens the Textual app (imported only then, so the headless commands start
fast); `newsdesk index|search|show|related …` run headless. Every `NewsdeskError` becomes
one line on stderr plus a hint, and exit status 2.
"""

from __future__ import annotations

import argparse
import errno
import os
import signal
import sys
import threading
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
INTERNAL_ERROR = 1
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


def _os_message(error: OSError) -> str:
    """What an operating-system error means for the user, naming the file."""
    where = f" ({error.filename})" if error.filename else ""
    if error.errno == errno.EROFS:
        return f"The data folder is on a read-only file system{where}."
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return f"The disk is full{where}: nothing more could be written."
    if error.errno in (errno.EACCES, errno.EPERM):
        return f"Permission denied{where}."
    return f"{error.strerror or error}{where}."


def _os_hint(error: OSError) -> str:
    """The way out of an operating-system error (what was committed before it is kept)."""
    if error.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return "free some space and run the command again; what was saved before is kept"
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return (
            "searching and reading work; to change the library, make it writable "
            "or set NEWSDESK_HOME"
        )
    return "check the disk and the path, then run the command again"


def print_error(error: NewsdeskError, status: int = USER_ERROR) -> int:
    """Print a user error as `newsdesk: message` plus a hint line; return the exit status."""
    # Messages name files and ids: their control characters are made visible.
    print(f"newsdesk: {visible_controls(error.message)}", file=sys.stderr)
    if error.hint:
        print(f"  hint: {visible_controls(error.hint)}", file=sys.stderr)
    return status


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

    app = NewsdeskApp(library, seed_dir=bundled_seeds_dir())
    result = app.run()
    if app.return_code:  # the app crashed (Textual printed why): never exit 0
        return app.return_code
    return result if isinstance(result, int) else 0


def _run(args: argparse.Namespace, paths: DataPaths) -> int:
    """Open the library and run the chosen command (or the app)."""
    command = getattr(args, "command", None)
    rebuild = bool(getattr(args, "rebuild", False))
    # The app opens the index in its first worker, after the first paint; `check` and
    # `bookmarks` open it on first use, so a damaged index does not stop them; a rebuild
    # opens nothing before it holds the library's lock (`Library.index_paths`).
    lazy = command is None or rebuild or not getattr(command, "OPENS_INDEX", True)
    library = Library.open(paths, lazy=lazy)
    try:
        if command is None:
            return _open_app(library)
        status: int = command.run(args, library)
        return status
    finally:
        library.close()


def _interrupt(signum: int, frame: object) -> None:
    """SIGTERM handler: stop as Ctrl-C does."""
    raise KeyboardInterrupt


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
    headless = getattr(args, "command", None) is not None
    if headless and threading.current_thread() is threading.main_thread():
        # SIGTERM stops a headless run like Ctrl-C: the workers are stopped, the lock is
        # released, and what was committed stays (the app keeps Textual's own handling).
        previous = signal.signal(signal.SIGTERM, _interrupt)
        try:
            return _main_guarded(args, paths)
        finally:
            signal.signal(signal.SIGTERM, previous)
    return _main_guarded(args, paths)


def _main_guarded(args: argparse.Namespace, paths: DataPaths) -> int:
    """Run the command; every error becomes one line on stderr and an exit status."""
    try:
        return _run(args, paths)
    except NewsdeskError as error:
        return print_error(error)
    except BrokenPipeError:
        # The reader went away (`newsdesk search … | head`): stop quietly, like other tools.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:
        # A read-only home, a full disk, a missing permission: say which, never a traceback.
        return print_error(NewsdeskError(_os_message(error), _os_hint(error)))
    except Exception as error:
        # A bug, or damage no check caught: one line, a way out, and a non-zero status.
        if os.environ.get("NEWSDESK_DEBUG"):
            raise
        return print_error(
            NewsdeskError(
                f"unexpected error: {type(error).__name__}: {error}",
                "run: newsdesk check (NEWSDESK_DEBUG=1 shows the traceback)",
            ),
            status=INTERNAL_ERROR,
        )
    except KeyboardInterrupt:
        # Ingest commits batch by batch: what was written before Ctrl-C stays indexed.
        print("newsdesk: interrupted", file=sys.stderr)
        return INTERRUPTED
