from __future__ import annotations

from pathlib import Path

from index.paths import DataPaths, default_paths


def test_paths_newsdesk_home_overrides_both() -> None:
    """NEWSDESK_HOME holds the index, bookmarks and config."""
    paths = default_paths({"NEWSDESK_HOME": "/tmp/nd"})
    assert paths == DataPaths(Path("/tmp/nd"), Path("/tmp/nd"))
    assert paths.index_dir == Path("/tmp/nd/index")
    assert paths.bookmarks_file.parent == Path("/tmp/nd")


def test_paths_default_uses_platform_dirs(tmp_path: Path, monkeypatch: object) -> None:
    """Without NEWSDESK_HOME the platform's data and config dirs are used."""
    paths = default_paths({})
    assert paths.data_dir.name == "newsdesk"
    assert paths.config_dir.name == "newsdesk"


def test_paths_blank_home_is_ignored() -> None:
    """An empty NEWSDESK_HOME means 'not set'."""
    assert default_paths({"NEWSDESK_HOME": "  "}).data_dir.name == "newsdesk"
