"""Tests for tui.screens.clipboard: where a copy can go."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.screens.clipboard import CLIPBOARD_FILE, osc52_allowed, save_copy


def no_tmux() -> str | None:
    raise AssertionError("tmux is asked only inside tmux")


@pytest.mark.parametrize(
    ("environ", "allowed"),
    [
        ({"TERM": "xterm-256color"}, True),
        ({"TERM": "linux"}, False),
        ({"TERM": "xterm-256color", "TERM_PROGRAM": "Apple_Terminal"}, False),
        ({"TERM": "screen", "STY": "1234.pts-0"}, False),
        ({"TERM": "linux", "NEWSDESK_CLIPBOARD": "osc52"}, True),
        ({"TERM": "xterm", "NEWSDESK_CLIPBOARD": "file"}, False),
    ],
)
def test_osc52_allowed_guesses_from_the_terminal(environ: dict[str, str], allowed: bool) -> None:
    """Terminals known to drop OSC 52 get the file; the override wins."""
    assert osc52_allowed(environ, no_tmux) is allowed


@pytest.mark.parametrize(("option", "allowed"), [("on", True), ("external", False), (None, False)])
def test_osc52_allowed_in_tmux_only_with_set_clipboard_on(
    option: str | None, allowed: bool
) -> None:
    """Inside tmux the copy reaches the clipboard only with `set-clipboard on`."""
    assert osc52_allowed({"TERM": "tmux-256color", "TMUX": "/tmp/t,1,0"}, lambda: option) is allowed


def test_save_copy_replaces_the_clipboard_file(tmp_path: Path) -> None:
    """The file holds the last copy only."""
    save_copy("first", tmp_path)
    path = save_copy("second", tmp_path)
    assert path == tmp_path / CLIPBOARD_FILE
    assert path.read_text(encoding="utf-8") == "second\n"
    assert [p.name for p in tmp_path.iterdir()] == [CLIPBOARD_FILE]


def test_save_copy_creates_no_folder(tmp_path: Path) -> None:
    """A missing folder is an error, not created."""
    with pytest.raises(FileNotFoundError):
        save_copy("text", tmp_path / "missing")
