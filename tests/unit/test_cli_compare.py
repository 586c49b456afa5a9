"""`newsdesk compare A B [--json]` over an in-memory library of two seeds."""

from __future__ import annotations

import argparse
import json
from dataclasses import replace

import pytest
from rich.console import Console

from index import Library, NewsdeskError
from index.models import Article, ArticleId
from tests.builders import article
from tui.cli.commands import compare
from tui.cli.report.compare import figures_table


def _library(seed_articles: dict[str, Article]) -> Library:
    """Seeds 002 and 004 as "seed002" and "seed004"."""
    return Library.in_memory(
        [replace(seed_articles[p], id=ArticleId(f"seed{p}")) for p in ("002", "004")]
    )


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    compare.register(parser.add_subparsers())
    return parser.parse_args(["compare", *argv])


def test_compare_json_has_contract_and_titles(
    seed_articles: dict[str, Article], capsys: pytest.CaptureFixture[str]
) -> None:
    """--json prints the comparison contract plus both titles."""
    status = compare.run(_args("seed002", "seed004", "--json"), _library(seed_articles))
    data = json.loads(capsys.readouterr().out)
    assert status == 0
    assert (data["a"], data["b"]) == ("seed002", "seed004")
    assert {"alignment", "figures", "parties", "a_title", "b_title"} <= set(data)
    israel = next(r for r in data["figures"] if r["a"] and r["a"][0]["value"] == 1200)
    assert israel["status"] == "consistent"
    assert israel["note"] == "1,200 (1,200) and more than 1,160 (1,160–1,740) overlap"
    assert israel["b"][0]["value"] == 1160
    gaza = next(r for r in data["figures"] if r["a"] and r["a"][0]["value"] == 34600)
    assert (gaza["status"], gaza["place"]) == ("differ", "Gaza")
    assert {"both", "a_only", "b_only"} <= set(data["parties"])


def test_compare_rich_output_words_every_cue(
    seed_articles: dict[str, Article],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The rendering puts figures first, then parties, then passages, with worded cues."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "160")
    status = compare.run(_args("seed002", "seed004"), _library(seed_articles))
    out = capsys.readouterr().out
    assert status == 0
    figures, parties, passages = (out.index(t) for t in ("Figures by", "Parties", "Aligned"))
    assert figures < parties < passages
    assert "≠ differ" in out
    assert "≈ consistent" in out
    assert "✓ agree" in out
    assert "more than 1,160 people" in out
    assert "≈ similar" in out
    assert "A only" in out


def test_compare_text_with_brackets_is_not_markup(capsys: pytest.CaptureFixture[str]) -> None:
    """Article text like "[bold]" is printed as written, never read as markup."""
    library = Library.in_memory(
        [
            article(("[bold]Talks ended[/bold] in Cairo.",), article_id="x", title="[red]x"),
            article(("Talks ended in Cairo [on Sunday].",), article_id="y", title="[red]y"),
        ]
    )
    assert compare.run(_args("x", "y"), library) == 0
    out = capsys.readouterr().out
    assert "[bold]Talks" in out
    assert "[red]x" in out


def test_compare_unknown_id_raises_user_error(seed_articles: dict[str, Article]) -> None:
    """An unknown reference is a NewsdeskError (the CLI prints it and exits 2)."""
    with pytest.raises(NewsdeskError):
        compare.run(_args("seed002", "nope"), _library(seed_articles))


def test_compare_figures_table_keeps_a_and_b_readable_at_80_columns(
    seed_articles: dict[str, Article],
) -> None:
    """A long status note wraps; it never squeezes the figures out of the A and B columns."""
    library = _library(seed_articles)
    comparison = library.compare(ArticleId("seed002"), ArticleId("seed004"))
    console = Console(width=80, record=True, color_system=None)
    console.print(figures_table(comparison))
    out = console.export_text()
    assert "┃ A " in out
    assert "┃ B " in out
    assert "1,200" in out  # the toll on both sides, not just its status
    assert "1,160" in out
