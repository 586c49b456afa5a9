"""The wheel ships both packages, every stylesheet, the data files and the seeds."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parent.parent.parent


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    """Build the wheel once into a temporary folder and list its files."""
    out = tmp_path_factory.mktemp("wheel")
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(out), str(REPO)],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        pytest.skip(f"cannot build the wheel here (offline?): {result.stderr.strip()[-300:]}")
    (wheel,) = out.glob("newsdesk-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        return set(archive.namelist())


def test_packaging_wheel_has_both_packages(wheel_names: set[str]) -> None:
    """index/ and tui/ (with the CLI entry point module) are in the wheel."""
    assert "index/__init__.py" in wheel_names
    assert "index/library.py" in wheel_names
    assert "tui/__init__.py" in wheel_names
    assert "tui/cli/__init__.py" in wheel_names
    assert "tui/cli/main.py" in wheel_names


def test_packaging_wheel_has_every_stylesheet(wheel_names: set[str]) -> None:
    """Every .tcss of the checkout ships."""
    sheets = {p.relative_to(REPO).as_posix() for p in (REPO / "tui").rglob("*.tcss")}
    assert sheets <= wheel_names


def test_packaging_wheel_has_data_and_seeds(wheel_names: set[str]) -> None:
    """index/data/*.json and the seeds (as index/bundled_seeds/*.txt) ship."""
    data = {p.relative_to(REPO).as_posix() for p in (REPO / "index" / "data").glob("*.json")}
    assert data
    assert data <= wheel_names
    seeds = {f"index/bundled_seeds/{p.name}" for p in (REPO / "seeds").glob("*.txt")}
    assert len(seeds) == 5
    assert seeds <= wheel_names
