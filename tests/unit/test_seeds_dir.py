"""Tests for index.seeds."""

from __future__ import annotations

from pathlib import Path

from index.seeds import bundled_seeds_dir


def test_bundled_seeds_dir_in_checkout_is_repo_seeds(seeds_dir: Path) -> None:
    """In a source checkout the seeds are <repo>/seeds."""
    assert bundled_seeds_dir() == seeds_dir


def test_bundled_seeds_dir_prefers_the_packaged_copy(tmp_path: Path) -> None:
    """An installed wheel's index/bundled_seeds wins over a sibling seeds/."""
    package = tmp_path / "index"
    (package / "bundled_seeds").mkdir(parents=True)
    (package / "bundled_seeds" / "000.txt").write_text("x", encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "001.txt").write_text("y", encoding="utf-8")
    assert bundled_seeds_dir(package) == package / "bundled_seeds"


def test_bundled_seeds_dir_none_when_absent(tmp_path: Path) -> None:
    """No seed files anywhere -> None (an empty folder does not count)."""
    (tmp_path / "index" / "bundled_seeds").mkdir(parents=True)
    assert bundled_seeds_dir(tmp_path / "index") is None
