"""Tests for `newsdesk bookmarks` (tui.cli.commands.bookmarks) through tui.cli.main."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tui.cli.main import main

ARTICLE = """Truce extended by two days

Mediators from Qatar and Egypt met in Doha on Thursday to extend the truce.

Hamas released 13 Israeli hostages on Friday. The Red Cross took them to Egypt. \
Israel freed 39 Palestinian prisoners the same day.

The army said the pause would end on Monday unless more hostages were freed.
"""
QUOTE = "Hamas released 13 Israeli hostages on Friday."


@pytest.fixture
def article_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """One indexed article file in the isolated NEWSDESK_HOME."""
    folder = tmp_path / "docs"
    folder.mkdir()
    path = folder / "truce.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    assert main(["index", str(folder)]) == 0
    capsys.readouterr()
    return path


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    """Run the CLI with these arguments and parse its stdout as JSON."""
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def reindex(path: Path, text: str, capsys: pytest.CaptureFixture[str]) -> None:
    """Rewrite the article file and index its folder again."""
    path.write_text(text, encoding="utf-8")
    assert main(["index", str(path.parent)]) == 0
    capsys.readouterr()


def test_cli_bookmarks_list_empty(capsys: pytest.CaptureFixture[str]) -> None:
    """With no bookmarks, list --json is an empty list and plain list says how to add one."""
    assert run_json(capsys, "bookmarks", "list", "--json") == []
    assert main(["bookmarks"]) == 0
    assert "No bookmarks yet" in capsys.readouterr().out


def test_cli_bookmarks_add_sentence_and_list_json(
    article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`add --sentence` bookmarks one sentence; list --json has the contract keys."""
    added = run_json(
        capsys,
        *("bookmarks", "add", str(article_file), "--paragraph", "2", "--sentence", "1"),
        *("--note", "count differs", "--tag", "hostages", "numbers", "--json"),
    )
    assert (added["quote"], added["start"], added["end"]) == (QUOTE, 0, len(QUOTE))
    [listed] = run_json(capsys, "bookmarks", "list", "--json")
    expected_keys = {
        "id",
        "article",
        "quote",
        "note",
        "tags",
        "status",
        "paragraph",
        "start",
        "end",
    }
    assert expected_keys <= set(listed)
    assert listed["status"] == "anchored"
    assert listed["note"] == "count differs"
    assert listed["tags"] == ["hostages", "numbers"]
    assert listed["paragraph"] == 1  # JSON counts from 0 (the README says so)


def test_cli_bookmarks_add_whole_paragraph(
    article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Without --sentence the whole paragraph is bookmarked."""
    added = run_json(capsys, "bookmarks", "add", str(article_file), "--paragraph", "3", "--json")
    assert added["quote"].startswith("The army said")
    assert added["start"] == 0


def test_cli_bookmarks_list_filter_and_tag(
    article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """list --filter takes words, tag:NAME and article:ID; --tag T keeps T's bookmarks."""
    first = run_json(
        capsys,
        *("bookmarks", "add", str(article_file), "--paragraph", "1", "--note", "who met"),
        *("--tag", "#talks", "--json"),
    )
    second = run_json(
        capsys,
        *("bookmarks", "add", str(article_file), "--paragraph", "3", "--tag", "army", "--json"),
    )
    assert first["tags"] == ["talks"]

    def listed(*options: str) -> list[int]:
        return [mark["id"] for mark in run_json(capsys, "bookmarks", "list", *options, "--json")]

    assert listed() == [first["id"], second["id"]]
    assert listed("--filter", "MEDIATORS") == [first["id"]]
    assert listed("--filter", "tag:army") == [second["id"]]
    assert listed("--tag", "#talks") == [first["id"]]
    assert listed("--tag", "talks", "army") == []
    assert listed("--filter", f"article:{first['article'][:4]} pause") == [second["id"]]
    assert main(["bookmarks", "list", "--filter", "nothing-like-this"]) == 0
    assert "No bookmark matches" in capsys.readouterr().out


def test_cli_bookmarks_survive_reindex_and_become_orphans(
    article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """After re-indexing: moved when a paragraph is inserted, orphan when the quote is gone."""
    main(["bookmarks", "add", str(article_file), "--paragraph", "2", "--sentence", "1"])
    capsys.readouterr()
    inserted = ARTICLE.replace("Mediators from", "UPDATE: talks continue.\n\nMediators from")
    reindex(article_file, inserted, capsys)
    [moved] = run_json(capsys, "bookmarks", "list", "--json")
    assert (moved["status"], moved["paragraph"], moved["start"]) == ("moved", 2, 0)
    reindex(article_file, inserted.replace(QUOTE + " ", ""), capsys)
    [orphan] = run_json(capsys, "bookmarks", "list", "--json")
    assert (orphan["status"], orphan["paragraph"], orphan["quote"]) == ("orphan", None, QUOTE)
    assert main(["bookmarks", "list"]) == 0
    assert "orphan" in capsys.readouterr().out


def test_cli_bookmarks_edit_and_remove(
    article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """edit changes the note and tags; remove deletes; a second remove fails with exit 2."""
    added = run_json(capsys, "bookmarks", "add", str(article_file), "--paragraph", "1", "--json")
    bookmark = str(added["id"])
    edited = run_json(capsys, "bookmarks", "edit", bookmark, "--note", "new", "--json")
    assert (edited["note"], edited["tags"]) == ("new", [])
    assert run_json(capsys, "bookmarks", "remove", bookmark, "--json") == {"removed": added["id"]}
    assert main(["bookmarks", "remove", bookmark]) == 2
    assert "No bookmark has id" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--paragraph", "9"], "no paragraph 9"),
        (["--paragraph", "9", "--sentence", "1"], "no paragraph 9"),
        (["--paragraph", "2", "--sentence", "7"], "no sentence 7"),
        (["--paragraph", "0"], "must be 1 or more"),
        (["--paragraph", "1", "--sentence", "0"], "must be 1 or more"),
    ],
)
def test_cli_bookmarks_add_out_of_range_is_a_user_error(
    article_file: Path, capsys: pytest.CaptureFixture[str], extra: list[str], message: str
) -> None:
    """Bad paragraph or sentence numbers exit 2 with a message on stderr."""
    assert main(["bookmarks", "add", str(article_file), *extra]) == 2
    assert message in capsys.readouterr().err


def test_cli_bookmarks_export_formats(
    article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """export md prints Markdown; export json --output writes W3C annotations to a file."""
    main(["bookmarks", "add", str(article_file), "--paragraph", "2", "--sentence", "1"])
    capsys.readouterr()
    assert main(["bookmarks", "export", "--format", "md"]) == 0
    markdown = capsys.readouterr().out
    assert "## Truce extended by two days" in markdown
    assert f"> {QUOTE}" in markdown
    output = tmp_path / "bookmarks.json"
    assert main(["bookmarks", "export", "--format", "json", "--output", str(output)]) == 0
    [annotation] = json.loads(output.read_text(encoding="utf-8"))
    assert annotation["type"] == "Annotation"
    assert annotation["target"]["selector"][0]["exact"] == QUOTE


def test_cli_bookmarks_export_format_from_the_extension(
    article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--output bm.json writes JSON, bm.md Markdown; --format overrides the extension."""
    main(["bookmarks", "add", str(article_file), "--paragraph", "2"])
    as_json = tmp_path / "bm.json"
    assert main(["bookmarks", "export", "--output", str(as_json)]) == 0
    assert json.loads(as_json.read_text(encoding="utf-8"))[0]["type"] == "Annotation"
    assert "as JSON" in capsys.readouterr().err
    as_md = tmp_path / "bm.md"
    assert main(["bookmarks", "export", "--output", str(as_md)]) == 0
    assert as_md.read_text(encoding="utf-8").startswith("# Bookmarks")
    forced = tmp_path / "bm.txt"
    assert main(["bookmarks", "export", "--format", "json", "--output", str(forced)]) == 0
    assert json.loads(forced.read_text(encoding="utf-8"))[0]["type"] == "Annotation"


def test_cli_bookmarks_export_to_missing_folder_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An unwritable --output is a user error, not a traceback."""
    target = tmp_path / "missing" / "out.md"
    assert main(["bookmarks", "export", "--output", str(target)]) == 2
    assert "Cannot write" in capsys.readouterr().err
    assert not target.parent.exists()


def test_cli_bookmarks_corrupt_file_is_reported_and_kept(
    isolated_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A corrupt bookmarks file gives exit 2 and a hint, and is not overwritten."""
    isolated_home.mkdir(parents=True, exist_ok=True)
    database = isolated_home / "bookmarks.sqlite3"
    database.write_bytes(b"not a database" * 50)
    assert main(["bookmarks", "list"]) == 2
    error = capsys.readouterr().err
    assert str(database) in error
    assert "move it aside" in error
    assert database.read_bytes() == b"not a database" * 50


def test_cli_bookmarks_paragraph_numbers_agree_from_one(
    article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--paragraph 2` is the paragraph `show` numbers ¶2; add, list and Markdown say 2."""
    assert main(["show", str(article_file)]) == 0
    shown = capsys.readouterr().out
    assert "¶2 Hamas released 13 Israeli hostages" in " ".join(shown.split())
    assert main(["bookmarks", "add", str(article_file), "--paragraph", "2"]) == 0
    assert "¶2:" in capsys.readouterr().out
    assert main(["bookmarks", "list"]) == 0
    listing = capsys.readouterr().out
    row = next(line for line in listing.splitlines() if "anchored" in line)
    assert "│ 2 " in row
    assert main(["bookmarks", "export", "--format", "md"]) == 0
    assert "anchored, paragraph 2" in capsys.readouterr().out
    [listed] = run_json(capsys, "bookmarks", "list", "--json")
    assert listed["paragraph"] == 1
