"""Tests for tui.cli.main and the headless commands (index, search, show, related)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tui.cli.main import main

REPO = Path(__file__).resolve().parent.parent.parent
DATA = REPO / "tests" / "data" / "articles"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `newsdesk ARGV` in-process; return (status, stdout, stderr)."""
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def indexed(capsys: pytest.CaptureFixture[str]) -> list[str]:
    """Index the test articles; return their ids."""
    status, out, _ = run(capsys, "index", str(DATA), "--json")
    assert status == 0
    return list(json.loads(out)["added"])


def test_cli_index_json_summary(capsys: pytest.CaptureFixture[str]) -> None:
    """index --json reports added ids, then unchanged on a second run."""
    status, out, _ = run(capsys, "index", str(DATA), "--json")
    assert status == 0
    first = json.loads(out)
    assert len(first["added"]) == first["articles"] == 5
    _, out, _ = run(capsys, "index", str(DATA), "--json")
    assert json.loads(out)["unchanged"] == 5


def test_cli_index_summary_lists_skipped_with_reasons(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The readable summary counts everything and gives one reason per skipped file."""
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "good.txt").write_text((DATA / "01_doha_talks.txt").read_text(), encoding="utf-8")
    status, out, _ = run(capsys, "index", str(tmp_path))
    assert status == 0
    assert "added 1" in out
    assert "skipped 1" in out
    assert "empty.txt" in out


def test_cli_index_summary_counts_articles_by_file_kind_and_names_a_readme(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A README.md in an indexed folder is indexed like any file, and the summary says so."""
    source = (DATA / "01_doha_talks.txt").read_text(encoding="utf-8")
    (tmp_path / "a.txt").write_text(source, encoding="utf-8")
    (tmp_path / "b.txt").write_text(source.replace("Doha", "Cairo"), encoding="utf-8")
    (tmp_path / "README.md").write_text(
        "# About this folder\n\nClippings about the truce talks, saved by hand.\n",
        encoding="utf-8",
    )
    status, out, _ = run(capsys, "index", str(tmp_path), "--json")
    assert status == 0
    report = json.loads(out)
    assert report["kinds"] == {"txt": 2, "md": 1}
    assert report["notes"] == [
        f"{tmp_path / 'README.md'} was indexed as an article (like any file)"
    ]
    (tmp_path / "c.txt").write_text(source.replace("Doha", "Paris"), encoding="utf-8")
    (tmp_path / "README.md").write_text("# About\n\nClippings, updated notes.\n", encoding="utf-8")
    status, out, _ = run(capsys, "index", str(tmp_path))
    assert status == 0
    assert "added 1 · updated 1 (1 from .md, 1 from .txt) · unchanged 2" in out
    assert "README.md was indexed as an article" in out


def test_cli_index_nothing_indexable_exits_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Naming only a missing path is a user error: exit 2, the reason on stderr (issue 12)."""
    status, out, err = run(capsys, "index", str(tmp_path / "missing"))
    assert status == 2
    assert out == ""
    assert "no such file or folder" in err


def test_cli_search_json_shape(capsys: pytest.CaptureFixture[str], indexed: list[str]) -> None:
    """search --json has the documented keys and hit fields."""
    status, out, _ = run(capsys, "search", "hostages", "--limit", "2", "--json")
    assert status == 0
    page = json.loads(out)
    assert set(page) == {
        "query",
        "total",
        "took_ms",
        "fallback",
        "notice",
        "suggestion",
        "facets",
        "hits",
    }
    assert len(page["hits"]) == 2
    assert set(page["hits"][0]) == {"id", "title", "source", "published", "score", "snippet"}
    assert page["hits"][0]["id"] in indexed


def test_cli_search_readable(capsys: pytest.CaptureFixture[str], indexed: list[str]) -> None:
    """Without --json, search prints a count and the titles."""
    status, out, _ = run(capsys, "search", "Doha")
    assert status == 0
    assert "result" in out
    assert "Doha" in out


def test_cli_search_batch(
    capsys: pytest.CaptureFixture[str], indexed: list[str], tmp_path: Path
) -> None:
    """--batch prints one JSON line per non-blank query line."""
    queries = tmp_path / "queries.txt"
    queries.write_text("hostages\n\nceasefire vote\n", encoding="utf-8")
    status, out, _ = run(capsys, "search", "--batch", str(queries), "--limit", "1")
    assert status == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["query"] for line in lines] == ["hostages", "ceasefire vote"]
    assert set(lines[0]) == {"query", "took_ms", "hits"}
    assert set(lines[0]["hits"][0]) == {"id", "title", "score"}


def test_cli_search_batch_ranks_as_search_json(
    capsys: pytest.CaptureFixture[str], indexed: list[str], tmp_path: Path
) -> None:
    """A batch line (no facets, no snippets computed) has search --json's hits, in order."""
    texts = ["hostages", "ceasefire vote", "how many hostages were released by hamas"]
    queries = tmp_path / "queries.txt"
    queries.write_text("\n".join(texts) + "\n", encoding="utf-8")
    status, out, _ = run(capsys, "search", "--batch", str(queries), "--limit", "5")
    assert status == 0
    lines = [json.loads(line) for line in out.splitlines()]
    for text, line in zip(texts, lines, strict=True):
        _, single, _ = run(capsys, "search", text, "--limit", "5", "--json")
        expected = [
            {"id": hit["id"], "title": hit["title"], "score": hit["score"]}
            for hit in json.loads(single)["hits"]
        ]
        assert expected, text
        assert line["hits"] == expected


def test_cli_search_batch_from_standard_input(
    capsys: pytest.CaptureFixture[str], indexed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`--batch -` reads the queries from standard input."""
    monkeypatch.setattr("sys.stdin", io.StringIO("hostages\nceasefire vote\n"))
    status, out, _ = run(capsys, "search", "--batch", "-", "--limit", "1")
    assert status == 0
    assert [json.loads(line)["query"] for line in out.splitlines()] == [
        "hostages",
        "ceasefire vote",
    ]


def test_cli_compare_same_article_says_so(
    capsys: pytest.CaptureFixture[str], indexed: list[str]
) -> None:
    """`compare X X` (here an id and its prefix) says both are the same article."""
    status, out, err = run(capsys, "compare", indexed[0], indexed[0][:7])
    assert status == 2
    assert out == ""
    assert "are the same article" in err


def test_cli_show_json_is_the_article_shape(
    capsys: pytest.CaptureFixture[str], indexed: list[str]
) -> None:
    """show --json prints Article.as_json() with the PRODUCT.md fields."""
    status, out, _ = run(capsys, "show", indexed[0][:7], "--json")
    assert status == 0
    article = json.loads(out)
    assert article["id"] == indexed[0]
    for key in ("id", "path", "title", "source", "url", "published", "published_how", "tags"):
        assert key in article
    assert isinstance(article["paragraphs"], list)
    assert isinstance(article["figures"], list)
    assert isinstance(article["mentions"], list)


def test_cli_show_by_path(capsys: pytest.CaptureFixture[str], indexed: list[str]) -> None:
    """An article's file path works as its id."""
    status, out, _ = run(capsys, "show", str(DATA / "02_cairo_round.txt"), "--json")
    assert status == 0
    assert json.loads(out)["path"].endswith("02_cairo_round.txt")


def test_cli_show_never_interprets_markup(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Article text with rich markup such as [bold] is printed literally."""
    text = (
        "Markup test headline\n\n"
        "The [bold]toll[/bold] rose to [red]more than 100[/] people, officials said.\n"
    )
    (tmp_path / "markup.txt").write_text(text, encoding="utf-8")
    run(capsys, "index", str(tmp_path))
    status, out, _ = run(capsys, "show", str(tmp_path / "markup.txt"))
    assert status == 0
    assert "[bold]toll[/bold]" in out
    assert "[red]more than 100[/]" in out


def test_cli_show_readable_has_figures_and_parties(
    capsys: pytest.CaptureFixture[str], indexed: list[str]
) -> None:
    """The readable show has the header, a Figures table and a Parties list."""
    status, out, _ = run(capsys, "show", str(DATA / "01_doha_talks.txt"))
    assert status == 0
    assert "Negotiators return to Doha" in out
    assert "Figures" in out
    assert "Parties" in out


def test_cli_related_json(capsys: pytest.CaptureFixture[str], indexed: list[str]) -> None:
    """related --json lists other articles with scores."""
    status, out, _ = run(capsys, "related", indexed[0], "--limit", "2", "--json")
    assert status == 0
    data = json.loads(out)
    assert data["id"] == indexed[0]
    assert 0 < len(data["related"]) <= 2
    assert indexed[0] not in {row["id"] for row in data["related"]}


def test_cli_related_readable(capsys: pytest.CaptureFixture[str], indexed: list[str]) -> None:
    """related without --json names the article it relates to."""
    status, out, _ = run(capsys, "related", indexed[0])
    assert status == 0
    assert "Related to" in out


def test_cli_empty_library_says_how_to_fill_it(capsys: pytest.CaptureFixture[str]) -> None:
    """search and show on an empty library exit 2 with a hint to index."""
    for argv in (("search", "hostages"), ("show", "abc")):
        status, out, err = run(capsys, *argv)
        assert status == 2
        assert out == ""
        assert err.startswith("newsdesk: The library is empty.")
        assert "newsdesk index PATH" in err


def test_cli_unknown_id_is_one_line_error(
    capsys: pytest.CaptureFixture[str], indexed: list[str]
) -> None:
    """An unknown id prints `newsdesk: …` and a hint on stderr, exit 2."""
    status, out, err = run(capsys, "show", "no-such-article")
    assert status == 2
    assert out == ""
    first, hint = err.splitlines()
    assert first.startswith("newsdesk: ")
    assert hint.startswith("  hint: ")


def test_cli_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    """Bad arguments are argparse errors with exit 2."""
    assert main(["search", "x", "--limit", "0"]) == 2
    assert main(["frobnicate"]) == 2
    assert "usage" in capsys.readouterr().err


def test_cli_home_and_paths(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """--home overrides NEWSDESK_HOME; --paths prints where data lives."""
    status, out, _ = run(capsys, "--home", str(tmp_path / "elsewhere"), "--paths")
    assert status == 0
    assert f"index:     {tmp_path / 'elsewhere' / 'index'}" in out


def test_cli_rebuild(capsys: pytest.CaptureFixture[str], indexed: list[str]) -> None:
    """index --rebuild re-adds everything."""
    status, out, _ = run(capsys, "index", str(DATA), "--rebuild", "--json")
    assert status == 0
    assert sorted(json.loads(out)["added"]) == sorted(indexed)


def test_cli_python_m_tui_help() -> None:
    """`python -m tui --help` runs in a fresh interpreter and lists the commands."""
    result = subprocess.run(
        [sys.executable, "-m", "tui", "--help"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for command in ("index", "search", "show", "related"):
        assert command in result.stdout


def test_cli_ctrl_c_is_a_short_message(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ctrl-C during a command prints one line and exits 130, without a traceback."""

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("index.library.Library.index_paths", interrupted)
    status, _, err = run(capsys, "index", str(DATA))
    assert status == 130
    assert err == "newsdesk: interrupted\n"


def test_cli_index_optimize_merges_segments(capsys: pytest.CaptureFixture[str]) -> None:
    """index --optimize merges after indexing; alone it only merges; no paths at all is an error."""
    status, out, _ = run(capsys, "index", str(DATA), "--optimize", "--json")
    assert status == 0
    summary = json.loads(out)
    assert summary["optimized"]["segments"] >= 1
    status, out, _ = run(capsys, "index", "--optimize", "--json")
    assert status == 0
    assert json.loads(out)["optimized"]["segments"] == 1
    assert json.loads(out)["articles"] == summary["articles"]
    status, _, err = run(capsys, "index")
    assert status == 2
    assert "No path" in err
