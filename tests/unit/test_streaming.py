"""Tests for index.readers.streaming and streamed ingest of large record files (issue 11)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.readers import streaming
from index.readers.streaming import count_records, stream_records
from tui.cli.main import main

SENTENCE = "Mediators from Qatar and Egypt met in Doha on Thursday to extend the truce"


def _records(count: int) -> list[dict[str, object]]:
    return [
        {"id": f"r{n}", "title": f"Report {n}", "text": f"{SENTENCE} for the {n}th time."}
        for n in range(count)
    ]


def test_jsonl_stream_yields_each_record_and_each_problem(tmp_path: Path) -> None:
    """Good records become documents; bad lines and metadata-only rows give reasons."""
    lines = [json.dumps(r) for r in _records(3)]
    lines.insert(1, "{not json")
    lines.append(json.dumps({"id": "m", "title": "Only a title"}))
    path = tmp_path / "big.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    found = list(stream_records(path))
    assert [d.record_id for d, _ in found if d is not None] == ["r0", "r1", "r2"]
    problems = [p for _, p in found if p is not None]
    assert problems[0].startswith(f"{path}#2: malformed JSON")
    assert problems[1] == f"{path}#5: record has a title but no text (metadata only)"


def test_json_array_stream_reads_across_chunk_boundaries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A top-level array is read element by element, however the chunks cut it."""
    monkeypatch.setattr(streaming, "_CHUNK", 37)
    records = _records(50)
    records[7]["text"] = "Un café à Doha, où les médiateurs se sont réunis jeudi."
    path = tmp_path / "big.json"
    path.write_text(json.dumps(records, ensure_ascii=False, indent=1), encoding="utf-8")
    documents = [d for d, _ in stream_records(path) if d is not None]
    assert [d.record_id for d in documents] == [f"r{n}" for n in range(50)]
    assert documents[7].text.startswith("Un café à Doha")


def test_truncated_json_array_keeps_the_records_before_the_damage(tmp_path: Path) -> None:
    """A cut-off array yields what came before and one reason."""
    path = tmp_path / "cut.json"
    path.write_text(json.dumps(_records(5))[:-40], encoding="utf-8")
    found = list(stream_records(path))
    assert len([d for d, _ in found if d is not None]) == 4
    assert "malformed JSON" in (found[-1][1] or "")


def test_large_jsonl_is_indexed_in_batches_and_again_unchanged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A record file over the stream size is indexed record by record; ids are the records'."""
    monkeypatch.setattr(streaming, "STREAM_FROM_BYTES", 1024)
    monkeypatch.setattr("index.ingest.ingester.STREAM_CHUNK", 7)
    folder = tmp_path / "in"
    folder.mkdir()
    lines = [json.dumps(r) for r in _records(40)] + [json.dumps({"title": "metadata only"})]
    (folder / "export.jsonl").write_text("\n".join(lines), encoding="utf-8")
    assert main(["index", str(folder), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["added"]) == 40
    assert "r39" in report["added"]
    assert len(report["skipped"]) == 1
    assert main(["index", str(folder), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["unchanged"] == 1
    assert main(["show", "r17", "--json"]) == 0
    assert "17th time" in json.loads(capsys.readouterr().out)["paragraphs"][0]


def test_many_records_without_a_word_are_skipped_and_counted_not_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Junk records ("x") are not articles; past the first few, the report counts them."""
    monkeypatch.setattr(streaming, "STREAM_FROM_BYTES", 1024)
    monkeypatch.setattr("index.ingest.ingester.STREAM_CHUNK", 16)
    monkeypatch.setattr("index.ingest.ingester.RECORD_SKIPS_LISTED", 5)
    folder = tmp_path / "in"
    folder.mkdir()
    junk = [json.dumps({"id": n, "text": "x"}) for n in range(200)]
    lines = [json.dumps(r) for r in _records(3)] + junk
    (folder / "junk.jsonl").write_text("\n".join(lines), encoding="utf-8")
    assert main(["index", str(folder), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["added"]) == 3
    reasons = [skip["reason"] for skip in report["skipped"]]
    assert reasons[:5] == ["record's text has no word in it ('x')"] * 5
    assert reasons[5:] == ["195 more records skipped (the first 5 are listed)"]


def test_large_csv_is_streamed_row_by_row_with_sentence_rows_joined(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CSV export over the stream size is read row by row: rows repeating a title, URL and
    date are one article's sentences (joined, even across chunks); empty rows are reported."""
    monkeypatch.setattr(streaming, "STREAM_FROM_BYTES", 1024)
    monkeypatch.setattr("index.ingest.ingester.STREAM_CHUNK", 3)
    folder = tmp_path / "in"
    folder.mkdir()
    lines = ["title,url,date,text"]
    for n in range(12):
        for sentence in range(4):
            lines.append(
                f'"Report {n}",https://x.test/{n},2023-11-{n + 1:02d},'
                f'"{SENTENCE} (sentence {sentence} of report {n})."'
            )
    lines.append('"Only a title",https://x.test/t,2023-11-30,')
    (folder / "export.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["index", str(folder), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert len(report["added"]) == 12
    assert [s["reason"] for s in report["skipped"]] == [
        "row has a title but no text (metadata only)"
    ]
    assert main(["show", report["added"][5], "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    text = "\n".join(shown["paragraphs"])
    number = shown["title"].split()[-1]
    assert all(f"sentence {k} of report {number})" in text for k in range(4))


def test_count_records_counts_lines_less_a_tables_header(tmp_path: Path) -> None:
    """For the progress bar: JSON Lines lines, CSV rows; a JSON array is unknown."""
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("\n".join(json.dumps(r) for r in _records(5)), encoding="utf-8")
    table = tmp_path / "a.csv"
    table.write_text("title,text\nA,one\nB,two\n", encoding="utf-8")
    array = tmp_path / "a.json"
    array.write_text(json.dumps(_records(3)), encoding="utf-8")
    assert count_records(jsonl) == 5
    assert count_records(table) == 2
    assert count_records(array) is None
