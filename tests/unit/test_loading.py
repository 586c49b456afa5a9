"""Tests for index.loading: reading and parsing files, in-process or in worker processes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index import loading
from index.loading import Loader, load_file, without_path

DATA = Path(__file__).resolve().parent.parent / "data" / "articles"


def test_load_file_parses_an_article() -> None:
    """A good file gives one parsed article with a content hash."""
    loaded = load_file(DATA / "01_doha_talks.txt")
    (document,) = loaded.documents
    assert document.article is not None
    assert document.article.content_hash
    assert loaded.skipped == ()


def test_load_file_empty_file_is_skipped(tmp_path: Path) -> None:
    """An empty file yields no document and one reason without the repeated path."""
    path = tmp_path / "empty.txt"
    path.write_text("", encoding="utf-8")
    loaded = load_file(path)
    assert loaded.documents == ()
    (skipped,) = loaded.skipped
    assert skipped.path == str(path)
    assert not skipped.reason.startswith(str(path))


def test_load_file_refuses_an_article_too_long_to_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A text over the per-article limit is skipped with its size and what to do."""
    monkeypatch.setattr(loading, "MAX_ARTICLE_CHARS", 2_000)
    path = tmp_path / "dump.txt"
    path.write_text("Talks resumed in Doha. " * 200, encoding="utf-8")
    (document,) = load_file(path).documents
    assert document.article is None
    assert document.problem is not None
    assert "over the 0.002 million one article may have" in document.problem
    assert "split it" in document.problem


def test_load_file_bad_record_is_attributed_to_the_record(tmp_path: Path) -> None:
    """A malformed JSONL line is skipped as `file#line`; the good record loads."""
    path = tmp_path / "feed.jsonl"
    good = {"title": "Talks resume", "text": "Mediators met in Doha on Tuesday. " * 5}
    path.write_text(json.dumps(good) + "\n{broken\n", encoding="utf-8")
    loaded = load_file(path)
    assert len(loaded.documents) == 1
    assert [s.path for s in loaded.skipped] == [f"{path}#2"]


def test_loader_pool_matches_in_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """Loading through the worker pool gives the same results, in order, as in-process."""
    paths = sorted(DATA.glob("*.txt"))
    with Loader(None, parallel=False) as loader:
        expected = list(loader.load(paths))
    monkeypatch.setattr(loading, "POOL_MIN_FILES", 1)
    with Loader(None) as loader:
        assert list(loader.load(paths)) == expected


def test_without_path_strips_a_leading_path() -> None:
    """Only a leading path is removed."""
    assert without_path("/a.txt is empty", "/a.txt") == "is empty"
    assert without_path("cannot read /a.txt", "/a.txt") == "cannot read /a.txt"
