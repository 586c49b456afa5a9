"""The `newsdesk` subcommands. Each module has `register(subparsers)` and `run(args, library)`.

To add a command, write `tui/commands/<name>.py` with those two functions and add the module
to `COMMANDS`; `register` must `set_defaults(command=<module>)` on its parser so `tui.cli.main`
can dispatch to its `run`.
"""

from __future__ import annotations

from types import ModuleType

from tui.cli.commands import bookmarks, check, compare, figures, index, related, search, show

COMMANDS: tuple[ModuleType, ...] = (
    index,
    search,
    show,
    related,
    compare,
    figures,
    bookmarks,
    check,
)
"""The registered command modules, in `--help` order."""
