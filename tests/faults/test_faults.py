"""The fault suite (issue 11): kill -9, damaged files, races, full and read-only disks.

Each test drives the real command line in subprocesses (see `harness`) and asserts the
library survived: no traceback, every error one `newsdesk:` line with its way out, the
library usable after that step, no committed article or saved bookmark lost. Seeded, a
few runs per class; `benchmarks/faults.py` runs many more and prints the table.
"""

from __future__ import annotations

import random
import signal
from pathlib import Path

import pytest

from tests.faults import harness
from tests.faults.harness import Outcome, Template

KILL_WINDOW = 5.0
"""Seconds after the start in which a run is killed (a full run of the corpus takes ~5 s)."""


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Template:
    """The library every run copies: 20 articles indexed, 3 bookmarks, 450 more to index."""
    return harness.template(tmp_path_factory.mktemp("faults"))


def _assert_survived(outcome: Outcome) -> None:
    assert outcome.survived, outcome.notes
    assert outcome.lost == 0


@pytest.mark.parametrize("seed", [2, 3])
def test_kill_9_during_index(base: Template, tmp_path: Path, seed: int) -> None:
    """kill -9 at a seeded point of an index run: workers die too, nothing committed lost."""
    _assert_survived(harness.kill_index(base, tmp_path / "home", random.Random(seed), KILL_WINDOW))


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_sigint_or_sigterm_stops_an_index_run(base: Template, tmp_path: Path, sig: int) -> None:
    """Ctrl-C or SIGTERM to `index`: it stops (workers too), cleanly, nothing committed lost."""
    outcome = harness.interrupt_index(base, tmp_path / "home", random.Random(sig), 2.0, sig)
    _assert_survived(outcome)


@pytest.mark.parametrize("seed", [4, 5])
def test_kill_9_while_saving_bookmarks(base: Template, tmp_path: Path, seed: int) -> None:
    """kill -9 while bookmarks are saved: every bookmark reported saved is there."""
    outcome = harness.kill_bookmarks(base, tmp_path / "home", random.Random(seed), 1.0)
    _assert_survived(outcome)


DAMAGE_CASES = [
    (".toc", "zeroed"),
    (".pst", "truncated"),
    (".trm", "garbled"),
    ("_stored.col", "deleted"),
    ("_body_len.col", "garbled"),
    ("manifest.sqlite3", "garbled"),
    ("newsdesk-schema-version", "zeroed"),
    ("figures.sqlite3", "garbled"),  # derived data: started anew, never a failed rebuild
    ("figures.sqlite3", "truncated"),
]
"""Each damage on a file it matters for; `benchmarks/faults.py` runs every file × damage."""


@pytest.mark.parametrize(("suffix", "how"), DAMAGE_CASES)
def test_damaged_index_file(base: Template, tmp_path: Path, suffix: str, how: str) -> None:
    """A truncated, zeroed, garbled or deleted index file: clean lines, the advice restores."""
    name = next(n for n in harness.index_files(base.home) if n.endswith(suffix))
    _assert_survived(harness.damage_file(base, tmp_path / "home", name, how))


def test_rebuild_during_index(base: Template, tmp_path: Path) -> None:
    """`index --rebuild` during an `index` run exits with one line and changes nothing."""
    _assert_survived(harness.concurrent_rebuild(base, tmp_path / "home"))


def test_full_disk(base: Template, tmp_path: Path) -> None:
    """`ulimit -f` during an index run: one line, nothing committed lost, the next run works."""
    _assert_survived(harness.full_disk(base, tmp_path / "home", random.Random(7)))


def test_read_only_home(base: Template, tmp_path: Path) -> None:
    """A read-only home: search, show, list and export work; changes say read-only."""
    outcome = harness.read_only_home(base, tmp_path / "home")
    if outcome is None:
        pytest.skip("bind mounts are not allowed here (needs root)")
    _assert_survived(outcome)
