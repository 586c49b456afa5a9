"""Tests for index.ingest.walk."""

from __future__ import annotations

from pathlib import Path

from index.ingest.walk import discover

SUFFIXES = frozenset({".txt", ".json"})


def _touch(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("x", encoding="utf-8")
    return path


def test_discover_walks_recursively_in_sorted_order(tmp_path: Path) -> None:
    """Nested supported files are found (a folder's files before its subfolders)."""
    _touch(tmp_path / "b.txt")
    _touch(tmp_path / "a" / "c.json")
    _touch(tmp_path / "a" / "d.pdf")
    found = discover([tmp_path], SUFFIXES)
    assert [p.relative_to(tmp_path.resolve()).as_posix() for p in found.files] == [
        "b.txt",
        "a/c.json",
    ]
    assert found.skipped == []
    assert found.folders == [tmp_path.resolve()]


def test_discover_skips_hidden_files_and_folders(tmp_path: Path) -> None:
    """.git/ and .hidden.txt are not walked."""
    _touch(tmp_path / ".git" / "a.txt")
    _touch(tmp_path / ".hidden.txt")
    assert discover([tmp_path], SUFFIXES).files == []


def test_discover_survives_symlink_loops(tmp_path: Path) -> None:
    """A folder linking to its parent is walked once."""
    _touch(tmp_path / "a" / "x.txt")
    (tmp_path / "a" / "up").symlink_to(tmp_path, target_is_directory=True)
    assert [p.name for p in discover([tmp_path], SUFFIXES).files] == ["x.txt"]


def test_discover_deduplicates_by_real_path(tmp_path: Path) -> None:
    """A file named twice, or linked, is one candidate."""
    real = _touch(tmp_path / "x.txt")
    (tmp_path / "y.txt").symlink_to(real)
    found = discover([real, tmp_path], SUFFIXES)
    assert found.files == [real.resolve()]


def test_discover_reports_named_unsupported_and_missing(tmp_path: Path) -> None:
    """A named .pdf and a missing path are skipped with reasons."""
    pdf = _touch(tmp_path / "a.pdf")
    found = discover([pdf, tmp_path / "gone.txt"], SUFFIXES)
    reasons = [s.reason for s in found.skipped]
    assert reasons[0].startswith("unsupported file type (supported: .json, .txt)")
    assert reasons[1] == "no such file or folder"
    assert found.missing == [(tmp_path / "gone.txt").resolve()]
