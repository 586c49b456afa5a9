"""End to end: the installed `newsdesk` in a real terminal (tmux), first run to restart.

A private tmux server (`-L`) runs the app at 100x30 with a temporary NEWSDESK_HOME; keys go
in with `send-keys`, the screen comes back with `capture-pane -p`, polled with a deadline.
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import NoReturn

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

POLL_SECONDS = 0.1
WAIT_SECONDS = 30.0
EXITED = "NEWSDESK-EXITED"


class Terminal:
    """One tmux pane running a shell command, on a private tmux server."""

    def __init__(self, tmux: str, socket: str) -> None:
        self.tmux = tmux
        self.socket = socket
        self.target = "newsdesk-e2e"

    def run(self, *args: str) -> str:
        done = subprocess.run(
            [self.tmux, "-L", self.socket, "-f", os.devnull, *args],
            capture_output=True,
            text=True,
            check=True,
            timeout=WAIT_SECONDS,
        )
        return done.stdout

    def start(self, command: str) -> None:
        self.run("new-session", "-d", "-s", self.target, "-x", "100", "-y", "30", command)
        self.run("resize-window", "-t", self.target, "-x", "100", "-y", "30")

    def respawn(self, command: str) -> None:
        self.run("respawn-pane", "-k", "-t", self.target, command)

    def keys(self, *keys: str) -> None:
        self.run("send-keys", "-t", self.target, *keys)

    def type(self, text: str) -> None:
        self.run("send-keys", "-t", self.target, "-l", text)

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", self.target)

    def wait_for(self, text: str) -> str:
        """Poll the screen until it shows `text`; fail with the last screen after a deadline."""
        deadline = time.monotonic() + WAIT_SECONDS
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(POLL_SECONDS)
        pytest.fail(f"{text!r} never appeared; the screen was:\n{shown}")

    def wait_gone(self, text: str) -> str:
        """Poll the screen until it no longer shows `text` (a dialog closed, say)."""
        deadline = time.monotonic() + WAIT_SECONDS
        shown = ""
        while time.monotonic() < deadline:
            shown = self.screen()
            if text not in shown:
                return shown
            time.sleep(POLL_SECONDS)
        pytest.fail(f"{text!r} never went away; the screen was:\n{shown}")

    def close(self) -> None:
        subprocess.run(
            [self.tmux, "-L", self.socket, "kill-server"], capture_output=True, check=False
        )


def _missing(what: str) -> NoReturn:
    """Skip on a developer's machine; fail in CI, where .ci/run installs both."""
    if os.environ.get("CI"):
        pytest.fail(f"{what}, but CI must run the end-to-end test")
    pytest.skip(what)


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    """A private tmux server, killed afterwards."""
    tmux = shutil.which("tmux")
    if tmux is None:
        _missing("tmux is not installed")
    term = Terminal(tmux, f"newsdesk-{uuid.uuid4().hex[:8]}")
    yield term
    term.close()


def newsdesk_exe() -> str:
    """The installed newsdesk: the one beside the tests' Python, else on the PATH."""
    beside = Path(sys.executable).with_name("newsdesk")  # the venv running the tests
    exe = str(beside) if beside.is_file() else shutil.which("newsdesk")
    if exe is None:
        _missing("the newsdesk console script is not installed")
    return exe


def app_command(home: Path) -> str:
    """Run the installed newsdesk, then print a marker with its exit status and wait."""
    exe = newsdesk_exe()
    # COLUMNS/LINES (set by some runners) would override the pane's real size.
    env = f"-u COLUMNS -u LINES NEWSDESK_HOME={shlex.quote(str(home))} TERM=xterm-256color"
    return f"sh -c 'env {env} {shlex.quote(exe)}; echo {EXITED} $?; sleep 60'"


def test_tmux_search_read_bookmark_restart(terminal: Terminal, tmp_path: Path) -> None:
    """First run lists the seeds; a query finds one; a bookmark survives a restart."""
    command = app_command(tmp_path / "home")
    terminal.start(command)
    terminal.wait_for("5 articles")
    terminal.wait_for("newest first")  # the list is shown: the app is ready for keys
    terminal.keys("/")
    terminal.type("politburo guarantors")
    terminal.wait_for("politburo guarantors")  # typed into the query input
    terminal.keys("Enter")
    terminal.wait_for("1 results")
    terminal.wait_for("s Sort")  # Enter moved the focus to the results (footer shows their keys)
    terminal.keys("Enter")
    terminal.wait_for("Legend")
    terminal.wait_for("Haniyeh")  # the article's text, loaded by the reader's worker
    terminal.keys("j")
    terminal.wait_for("▌")
    terminal.keys("m")
    terminal.wait_for("Bookmark this passage")
    terminal.type("tmux note")
    terminal.keys("Enter")
    terminal.wait_for("tmux note")
    terminal.type("e2e")
    terminal.keys("Enter")
    terminal.wait_for("Bookmarked paragraph")
    terminal.keys("q")
    terminal.wait_for("1 results")
    terminal.keys("q")
    assert f"{EXITED} 0" in terminal.wait_for(EXITED)

    terminal.respawn(command)
    terminal.wait_for("5 articles")
    terminal.keys("B")
    screen = terminal.wait_for("tmux note")
    assert "[anchored]" in screen
    terminal.keys("Enter")
    terminal.wait_for("Legend")
    terminal.keys("q")
    terminal.wait_for("Enter open")
    terminal.keys("q")
    terminal.wait_for("articles, newest first")
    terminal.keys("q")
    assert f"{EXITED} 0" in terminal.wait_for(EXITED)


def _many_articles(folder: Path, count: int) -> Path:
    """`count` small reports on one truce, so a search has more than one page of results."""
    folder.mkdir()
    for number in range(count):
        (folder / f"report_{number:02d}.txt").write_text(
            f"Truce report number {number}\n\nNegotiators met in Doha on day {number} to "
            "discuss the truce and the release of hostages held in Gaza.\n",
            encoding="utf-8",
        )
    return folder


def test_tmux_pages_past_twenty_results_and_exports_bookmarks(
    terminal: Terminal, tmp_path: Path
) -> None:
    """The 25th of 30 results is reachable; its bookmark exports where asked, never to a
    folder that does not exist (the dialog stays open with the error)."""
    home = tmp_path / "home"
    command = app_command(home)
    folder = _many_articles(tmp_path / "many", 30)
    subprocess.run(
        ["env", f"NEWSDESK_HOME={home}", newsdesk_exe(), "index", str(folder)],
        check=True,
        capture_output=True,
        timeout=WAIT_SECONDS * 4,
    )
    terminal.start(command)
    terminal.wait_for("30 articles")
    terminal.wait_for("newest first")
    terminal.keys("/")
    terminal.type("truce")
    terminal.wait_for("truce")
    terminal.keys("Enter")
    terminal.wait_for("1 / 30 results")
    terminal.keys(*["j"] * 24)
    terminal.wait_for("25 / 30 results")  # past the first page of 20
    terminal.keys("Enter")
    terminal.wait_for("Legend")
    terminal.keys("m")
    terminal.wait_for("Bookmark this passage")
    terminal.type("page two")
    terminal.keys("Enter", "Enter")
    terminal.wait_for("Bookmarked paragraph")
    terminal.keys("B")
    terminal.wait_for("page two")
    terminal.keys("e")
    terminal.wait_for("Export bookmarks to")
    # The proposed path is selected: typing replaces it. (ctrl+u is not used: Textual runs
    # an input's key bindings after the keys typed right behind them, which it then clears.)
    missing = tmp_path / "missing" / "marks.md"
    terminal.type(str(missing))
    terminal.keys("Enter")
    terminal.wait_for("there is no folder")  # the dialog stays open with the error
    terminal.keys("Escape")
    # Wait: an Escape followed at once by "e" is what a terminal sends for alt+e.
    terminal.wait_gone("Export bookmarks to")
    terminal.keys("e")
    terminal.wait_for("Export bookmarks to")
    target = tmp_path / "marks.json"
    terminal.type(str(target))
    terminal.keys("Enter")
    terminal.wait_for("Exported 1 bookmarks")
    assert not missing.parent.exists()
    [annotation] = json.loads(target.read_text(encoding="utf-8"))
    assert annotation["body"][0]["value"] == "page two"
    terminal.keys("C-q")
    assert f"{EXITED} 0" in terminal.wait_for(EXITED)


HOSTILE_TITLE = "Hostile report \x1b]0;PWNED-TITLE\x07 from Doha"
HOSTILE_TEXT = (
    "Mediators met in Doha. \x1b[2J The screen stays. \x1b]52;c;UFdORUQtQ0xJUA==\x07 "
    "Clipboard kept. \x1b[?1049h Alternate screen not entered. \x1b[5n No reply typed. "
    "\x9b31m Eight-bit CSI shown."
)


def test_tmux_escape_payloads_are_shown_not_obeyed(terminal: Terminal, tmp_path: Path) -> None:
    """An article carrying OSC 0/52, CSI 2J, ?1049h, 5n and 8-bit CSI, read in the app:
    each shows as symbols; the pane title, the clipboard and the screen are untouched."""
    home = tmp_path / "home"
    folder = tmp_path / "hostile"
    folder.mkdir()
    (folder / "hostile.txt").write_text(f"{HOSTILE_TITLE}\n\n{HOSTILE_TEXT}\n", encoding="utf-8")
    subprocess.run(
        ["env", f"NEWSDESK_HOME={home}", newsdesk_exe(), "index", str(folder)],
        check=True,
        capture_output=True,
        timeout=WAIT_SECONDS * 4,
    )
    terminal.start(app_command(home))
    terminal.run("set-option", "-g", "set-clipboard", "on")  # an OSC 52 would make a buffer
    terminal.wait_for("newest first")
    terminal.keys("/")
    terminal.type("hostile")
    terminal.wait_for("1 results")
    terminal.keys("Enter")
    terminal.wait_for("s Sort")
    terminal.keys("Enter")
    screen = terminal.wait_for("Eight-bit CSI shown")
    assert "Mediators met in Doha" in screen  # CSI 2J did not wipe what came before it
    assert "␛]52;c;" in screen
    assert "␛[2J" in screen
    title = terminal.run("display-message", "-p", "-t", terminal.target, "#{pane_title}")
    assert not title.strip().startswith("PWNED")
    buffers = terminal.run("list-buffers", "-F", "#{buffer_sample}")
    assert "PWNED" not in buffers
    terminal.keys("q")
    terminal.wait_for("1 results")
    terminal.keys("q")
    assert f"{EXITED} 0" in terminal.wait_for(EXITED)
    alternate = terminal.run("display-message", "-p", "-t", terminal.target, "#{alternate_on}")
    assert alternate.strip() == "0"  # ?1049h did not leave the terminal in the other screen
