from __future__ import annotations

from pathlib import Path

from index.paths import DataPaths, bundled_seeds_dir, default_paths


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
