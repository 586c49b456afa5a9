"""One bad path never stops a run (issue 11): each gets a skip line; FIFOs never hang."""

from __future__ import annotations

import os
import shutil
import threading
from pathlib import Path

import pytest

from index.errors import UnreadableFile
from index.ingest.walk import discover
from index.readers import SUPPORTED_SUFFIXES
from index.readers.decode import read_text

DATA = Path(__file__).resolve().parent.parent / "data" / "articles"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder with one good article and every kind of bad path next to it."""
    root = tmp_path / "in"
    root.mkdir()
    shutil.copy(DATA / "01_doha_talks.txt", root / "good.txt")
    (root / "b.txt").symlink_to(root / "a.txt")
    (root / "a.txt").symlink_to(root / "b.txt")
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")
    os.mkfifo(root / "fifo.txt")
    shutil.copy(os.fsencode(DATA / "01_doha_talks.txt"), os.fsencode(root) + b"/bad\xff.txt")
    return root


def test_each_bad_path_gets_its_skip_line(folder: Path) -> None:
    """Link loops, dangling links, FIFOs and non-UTF-8 names are reported; the good file found."""
    found = discover([folder], SUPPORTED_SUFFIXES)
    assert found.files == [folder / "good.txt"]
    reasons = {Path(s.path).name: s.reason for s in found.skipped}
    assert reasons["a.txt"] == "a symbolic link loop"
    assert reasons["b.txt"] == "a symbolic link loop"
    assert reasons["dangling.txt"].startswith("a broken symbolic link")
    assert reasons["fifo.txt"].startswith("not a regular file")
    assert reasons["bad\\xff.txt"].startswith("its name is not valid UTF-8")


def test_unreadable_subfolder_gets_its_skip_line(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A folder that cannot be listed is reported and the walk goes on."""
    locked = folder / "locked"
    locked.mkdir()
    real_scandir = os.scandir

    def scandir(path: str) -> object:
        if str(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    found = discover([folder], SUPPORTED_SUFFIXES)
    assert folder / "good.txt" in found.files
    assert any(s.path == str(locked) and "cannot be read" in s.reason for s in found.skipped)


def test_named_link_loop_is_skipped(folder: Path) -> None:
    """A loop named on the command line is a skip line too, not a traceback."""
    found = discover([folder / "a.txt"], SUPPORTED_SUFFIXES)
    assert found.files == []
    assert "loop" in found.skipped[0].reason


def test_reading_a_fifo_never_blocks(folder: Path) -> None:
    """A file replaced by a FIFO after the walk is refused at once, unread."""
    outcome: list[str] = []

    def read() -> None:
        try:
            read_text(folder / "fifo.txt")
        except UnreadableFile as error:
            outcome.append(error.message)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    reader.join(timeout=30)  # generous: a hang is what the test catches, not slowness
    assert not reader.is_alive()
    assert "not a regular file" in outcome[0]


def test_index_run_with_bad_paths_indexes_the_good_one(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`newsdesk index` over the folder: exit 0, the good article added, five skip lines."""
    from tui.cli.main import main

    assert main(["index", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "added 1" in out
    assert "skipped 5" in out
