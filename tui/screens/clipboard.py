"""Copying text for the user: to the terminal's clipboard (OSC 52) where it takes it, else a file.

OSC 52 is an escape sequence asking the terminal to set its clipboard. Most terminals honour
it; some ignore it silently (macOS Terminal, the Linux console, GNU screen), and tmux passes
it on only with `set-clipboard on`. Where it would be lost, the text goes to a file whose
path the app shows. `NEWSDESK_CLIPBOARD=osc52` or `=file` overrides the guess.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Mapping
from pathlib import Path

CLIPBOARD_FILE = "clipboard.txt"
"""The file a copy goes to when the terminal cannot take it (in the data folder)."""
_NO_OSC52_TERMS = {"dumb", "linux"}
_NO_OSC52_PROGRAMS = {"Apple_Terminal"}


def tmux_clipboard_option() -> str | None:
    """The running tmux's `set-clipboard` option ("on", "external", "off"), or None."""
    tmux = shutil.which("tmux")
    if tmux is None:
        return None
    try:
        done = subprocess.run(
            [tmux, "show-options", "-gv", "set-clipboard"],
            capture_output=True,
            text=True,
            timeout=2,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() or None


def osc52_allowed(
    environ: Mapping[str, str], tmux_option: Callable[[], str | None] = tmux_clipboard_option
) -> bool:
    """Whether an OSC 52 copy would reach the clipboard in this terminal (a best guess)."""
    chosen = environ.get("NEWSDESK_CLIPBOARD", "").lower()
    if chosen in {"osc52", "file"}:
        return chosen == "osc52"
    if environ.get("TERM", "") in _NO_OSC52_TERMS:
        return False
    if environ.get("TERM_PROGRAM", "") in _NO_OSC52_PROGRAMS or environ.get("STY"):
        return False
    if environ.get("TMUX"):
        return tmux_option() == "on"
    return True


def save_copy(text: str, folder: Path) -> Path:
    """Write the copied text to the clipboard file in `folder` (which must exist).

    Raises:
        OSError: The file cannot be written.
    """
    path = folder / CLIPBOARD_FILE
    partial = path.with_name(f".{CLIPBOARD_FILE}.{os.getpid()}")
    partial.write_text(text + "\n", encoding="utf-8")
    partial.replace(path)
    return path
