"""Tests for tui.cli.report.ingest: the progress bar and the closing summary."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console

from index import ArticleId, IngestReport, SkippedFile
from tui.cli.report import ingest as ingest_report
from tui.cli.report.ingest import IngestProgress, render_ingest, short_path


def _console(*, terminal: bool) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, force_terminal=terminal, width=100), out


def test_progress_silent_when_not_a_terminal() -> None:
    """No bar is drawn when stderr is not a terminal."""
    console, out = _console(terminal=False)
    with IngestProgress(console) as progress:
        progress(0, 10, "/a/b.txt")
        progress(10, 10, "")
    assert out.getvalue() == ""


def test_progress_draws_on_a_terminal_for_long_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """On a terminal, once the run is long, the bar counts files and names the current one."""
    monkeypatch.setattr(ingest_report, "LONG_RUN_SECONDS", 0.0)
    console, out = _console(terminal=True)
    with IngestProgress(console) as progress:
        progress(3, 10, "/news/a-file.txt")
        progress._show()  # what the timer does once the run is long (no wait in a test)
        progress(4, 10, "/news/b-file.txt")
    assert "b-file.txt" in out.getvalue()
    assert "4/10" in out.getvalue()


def test_progress_shows_a_long_run_before_any_file_is_done() -> None:
    """One large file: the bar appears by the timer, with 0 done, the time elapsed."""
    console, out = _console(terminal=True)
    with IngestProgress(console) as progress:
        progress(0, 1, "/exports/all.jsonl")
        progress._show()
    assert "0/1" in out.getvalue()
    assert "all.jsonl" in out.getvalue()


def test_summary_lists_every_skip_and_caps_duplicates() -> None:
    """All skipped files are listed with reasons; duplicates are capped with a count."""
    console, out = _console(terminal=False)
    duplicates = tuple(SkippedFile(f"/d/{n}.txt", "identical to abc") for n in range(25))
    report = IngestReport(
        added=(ArticleId("a1"),),
        skipped=(SkippedFile("/x/[bold]odd.txt", "is empty"),),
        duplicates=duplicates,
    )
    render_ingest(report, 1, None, console)
    text = out.getvalue()
    assert "added 1" in text
    assert "/x/[bold]odd.txt: is empty" in text
    assert "… and 5 more" in text


def test_short_path_relative_inside_the_working_folder(tmp_path: Path) -> None:
    """Paths under the working folder are shown relative; others unchanged."""
    assert short_path(str(tmp_path / "a" / "b.txt"), tmp_path) == "a/b.txt"
    assert short_path("/elsewhere/c.txt", tmp_path) == "/elsewhere/c.txt"


def test_progress_counts_the_records_of_a_streamed_file() -> None:
    """While a large export is streamed, the bar counts its records besides the files."""
    assert ingest_report._counts(0, 1, "/data/export.jsonl#12800") == "0/1 files · 12,800 records"
    assert ingest_report._counts(2, 10, "/data/a.txt") == "2/10 files"
    assert ingest_report._counts(0, 0, "") == "reading the first file"
