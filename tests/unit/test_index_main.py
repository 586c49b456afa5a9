"""Tests for `python -m index` (index/__main__.py): the headless JSON commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.__main__ import main

DATA = Path(__file__).resolve().parent.parent / "data" / "articles"


def test_index_main_build_search_show_related(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """build, search, show and related print JSON with the documented shapes."""
    home = ["--home", str(tmp_path / "home")]
    assert main([*home, "build", str(DATA)]) == 0
    built = json.loads(capsys.readouterr().out)
    assert built["articles"] == len(built["added"]) == 5
    assert main([*home, "search", "hostages", "--limit", "1"]) == 0
    page = json.loads(capsys.readouterr().out)
    assert page["query"] == "hostages"
    assert len(page["hits"]) == 1
    article_id = page["hits"][0]["id"]
    assert main([*home, "show", article_id[:6]]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == article_id
    assert main([*home, "related", article_id, "--limit", "2"]) == 0
    assert json.loads(capsys.readouterr().out)["id"] == article_id


def test_index_main_error_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An unknown id prints the message and hint on stderr and exits 2."""
    assert main(["--home", str(tmp_path), "show", "nothing-here"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("python -m index: No article")
