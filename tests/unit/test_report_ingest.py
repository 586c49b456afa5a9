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


def test_summary_caps_the_removed_ids() -> None:
    """A vanished 10k-record export does not print 10k ids: the first few and a count."""
    console, out = _console(terminal=False)
    removed = tuple(ArticleId(f"gone-{n}") for n in range(ingest_report.REMOVED_SHOWN + 7))
    render_ingest(IngestReport(removed=removed), 0, None, console)
    text = out.getvalue()
    assert "gone-0, gone-1" in text
    assert f"gone-{ingest_report.REMOVED_SHOWN - 1}" in text
    assert f"gone-{ingest_report.REMOVED_SHOWN}" not in text
    assert "… and 7 more (--json lists them all)" in text


def test_short_path_relative_inside_the_working_folder(tmp_path: Path) -> None:
    """Paths under the working folder are shown relative; others unchanged."""
    assert short_path(str(tmp_path / "a" / "b.txt"), tmp_path) == "a/b.txt"
    assert short_path("/elsewhere/c.txt", tmp_path) == "/elsewhere/c.txt"


def test_progress_counts_the_records_of_a_streamed_file() -> None:
    """While a large export is streamed, the bar counts its records besides the files."""
    counts = ingest_report._counts
    assert counts(0, 1, "/d/export.jsonl#12800/100000") == "0/1 files · 12,800/100,000 records"
    assert counts(0, 1, "/d/export.json#12800") == "0/1 files · 12,800 records"
    assert counts(2, 10, "/d/a.txt") == "2/10 files"
    assert counts(0, 0, "") == "reading the first file"
    # the bar (and its time left) moves through the file, not only from file to file
    assert ingest_report._completed(3, "/d/export.jsonl#250/1000") == 3.25
    assert ingest_report._completed(3, "/d/export.json#250") == 3.0
    assert ingest_report._name("/d/export.jsonl#250/1000") == "export.jsonl"


def test_progress_label_reads_a_streamed_files_records() -> None:
    """Ingest's label of a streamed file is read back by the CLI and the app alike."""
    from index import progress_label
    from tui.screens.search_notices import indexing_line

    assert progress_label("/d/x.jsonl#250/1000") == ("/d/x.jsonl", 250, 1000)
    assert progress_label("/d/x.json#250") == ("/d/x.json", 250, None)
    assert progress_label("/d/report #3.txt") == ("/d/report #3.txt", None, None)
    assert (
        indexing_line(0, 1, "/d/x.jsonl#250/1000") == "Indexing 0 / 1 · x.jsonl · 250/1,000 records"
    )
    assert indexing_line(2, 9, "/d/a.txt") == "Indexing 2 / 9 · a.txt"
