"""The `newsdesk` command line: argument parsing, the headless commands, their rich output.

`main` (in `tui.cli.main`) is the entry point; `commands/` holds one module per command and
`report/` renders results with rich. Nothing here imports Textual: the app is imported only
when `newsdesk` runs without a command.
"""

from __future__ import annotations

from tui.cli.main import main

__all__ = ["main"]
