"""Tests for index.ingest.library_lock: one writer per library for a whole run."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from index import IndexBusy, default_paths
from index.ingest.library_lock import LOCK_FILE, library_lock
from tui.cli.main import main

DATA = Path(__file__).resolve().parent.parent / "data" / "articles"


def test_second_holder_is_busy_and_names_the_first(tmp_path: Path) -> None:
    """The lock is exclusive (even within one process) and the message names the holder."""
    with library_lock(tmp_path):
        with (
            pytest.raises(IndexBusy, match=rf"pid {os.getpid()}") as caught,
            library_lock(tmp_path),
        ):
            pass  # pragma: no cover - never reached
        assert "changed nothing" in caught.value.message
    with library_lock(tmp_path):
        assert (tmp_path / LOCK_FILE).read_text() == str(os.getpid())


def test_in_memory_library_needs_no_lock() -> None:
    """None (an in-memory library) locks nothing."""
    with library_lock(None), library_lock(None):
        pass


def test_rebuild_during_a_run_changes_nothing(capsys: pytest.CaptureFixture[str]) -> None:
    """While another run holds the lock, index and --rebuild exit 2 and delete nothing."""
    assert main(["index", str(DATA)]) == 0
    capsys.readouterr()
    index_dir = default_paths().index_dir
    before = sorted(p.name for p in index_dir.iterdir())
    with library_lock(index_dir):
        for argv in (["index", "--rebuild", str(DATA)], ["index", str(DATA)]):
            assert main(argv) == 2
            err = capsys.readouterr().err
            assert err.startswith("newsdesk: Another newsdesk")
            assert sorted(p.name for p in index_dir.iterdir()) == before
    assert main(["search", "ceasefire", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["total"] >= 1
