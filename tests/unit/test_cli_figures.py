"""`newsdesk figures` over STORY_ARTICLES: the list of counts, one count's rows, filters."""

from __future__ import annotations

import argparse
import csv
import io
import json

import pytest

from index import InvalidRequest, Library
from tui.cli.commands import figures
from tui.cli.main import main


def _args(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    figures.register(parser.add_subparsers())
    return parser.parse_args(["figures", *argv])


def _run(library: Library, capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    assert figures.run(_args(*argv), library) == 0
    return capsys.readouterr().out


def test_figures_list_json_counts_reports(
    story_library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    """--list --json gives each count with its reports, most first."""
    counts = json.loads(_run(story_library, capsys, "--list", "--json"))
    assert counts[0]["label"] == "killed · Gaza"
    assert (counts[0]["reports"], counts[0]["undated"]) == (8, 1)
    assert counts[1]["measure"] == "hostages_held"


def test_figures_list_table_names_counts(
    story_library: Library, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """--list prints a table of counts."""
    monkeypatch.setenv("COLUMNS", "100")
    out = _run(story_library, capsys, "--list")
    assert "killed · Gaza" in out
    assert "hostages held" in out


def test_figures_json_has_rows_flags_and_undated(
    story_library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    """--json rows carry id, date, outlet, value, qualifier, text, attribution and flags."""
    data = json.loads(
        _run(story_library, capsys, "--measure", "killed", "--place", "gaza", "--json")
    )
    assert data["undated"] == 1
    rows = {row["id"]: row for row in data["figures"]}
    outlier = rows["story-d5"]
    assert outlier["flags"][0]["kind"] == "outlier"
    assert rows["story-c5"]["flags"][0]["kind"] == "stale"
    first = rows["story-a1"]
    assert (first["published"], first["source"], first["value"]) == (
        "2023-11-01",
        "Al Jazeera",
        9000,
    )
    assert (first["qualifier"], first["attribution"]) == (
        "more than",
        "according to the Gaza health ministry",
    )
    assert rows["story-u"]["published"] is None
    assert {s["says"] for s in data["sources"]} >= {"Gaza health ministry", "UN"}


def test_figures_csv_one_line_per_figure(
    story_library: Library, capsys: pytest.CaptureFixture[str]
) -> None:
    """--csv prints a header and one row per figure, flags worded."""
    out = _run(story_library, capsys, "--measure", "killed", "--place", "Gaza", "--csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 8
    assert rows[-1]["published"] == ""
    stale = next(r for r in rows if r["id"] == "story-c5")
    assert stale["flags"].startswith("stale: the consensus of 2023-11-01")


@pytest.mark.parametrize(
    ("argv", "ids"),
    [
        (("--source", "bbc"), {"story-b1", "story-b5"}),
        (("--from", "2023-11-02"), {"story-a5", "story-b5", "story-c5", "story-d5"}),
        (("--to", "2023-11-01", "--source", "reuters"), {"story-c1"}),
    ],
)
def test_figures_filters_by_outlet_and_dates(
    story_library: Library, capsys: pytest.CaptureFixture[str], argv: tuple[str, ...], ids: set[str]
) -> None:
    """--source, --from and --to narrow the rows (undated rows go with a date bound)."""
    out = _run(story_library, capsys, "--measure", "killed", "--place", "Gaza", "--json", *argv)
    assert {row["id"] for row in json.loads(out)["figures"]} == ids


def test_figures_table_lists_undated_apart(
    story_library: Library, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The table says "undated: 1" and words each flag."""
    monkeypatch.setenv("COLUMNS", "160")
    monkeypatch.setenv("NO_COLOR", "1")
    out = _run(story_library, capsys, "--measure", "killed", "--place", "Gaza")
    assert "undated: 1" in out
    assert "⚠ outlier" in out
    assert "⏱ stale" in out
    assert "Who says what" in out


def test_figures_unknown_count_says_how_to_list(story_library: Library) -> None:
    """A count no report states is an error pointing at --list."""
    with pytest.raises(InvalidRequest) as raised:
        figures.run(_args("--measure", "wounded"), story_library)
    assert "--list" in raised.value.hint


def test_figures_without_measure_is_an_error(story_library: Library) -> None:
    """No --measure and no --list: say which to give."""
    with pytest.raises(InvalidRequest):
        figures.run(_args(), story_library)


def test_figures_json_and_csv_exclude_each_other(capsys: pytest.CaptureFixture[str]) -> None:
    """--json and --csv together are a usage error (exit 2)."""
    assert main(["figures", "--measure", "killed", "--json", "--csv"]) == 2
    assert "not allowed" in capsys.readouterr().err


def test_figures_measure_with_spaces_is_normalised() -> None:
    """ "hostages held" names the measure hostages_held."""
    key = figures.count_key(_args("--measure", "Hostages held"))
    assert key.measure == "hostages_held"


def test_figures_list_csv(story_library: Library, capsys: pytest.CaptureFixture[str]) -> None:
    """--list --csv prints one line per count."""
    rows = list(csv.DictReader(io.StringIO(_run(story_library, capsys, "--list", "--csv"))))
    assert (rows[0]["label"], rows[0]["place"], rows[0]["reports"]) == (
        "killed · Gaza",
        "Gaza",
        "8",
    )
    assert rows[1]["group"] == ""
