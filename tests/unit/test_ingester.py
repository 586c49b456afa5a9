"""Tests for index.ingest.ingester: incremental, de-duplicating, fault-tolerant ingest."""

from __future__ import annotations

import gc
import json
import os
import random
import shutil
import tarfile
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

import pytest

from index.ingest import batch as ingest_batch
from index.ingest import ingester
from index.ingest.collector import collector_paused
from index.ingest.ingester import Ingester, skipped_line
from index.ingest.manifest import Manifest
from index.models import Article, ArticleId, IngestReport, SkippedFile
from index.readers import streaming
from index.store.article_store import ArticleStore
from index.store.segment_writer import AnalysedText

_WORDS = [
    "truce",
    "hostages",
    "mediators",
    "talks",
    "ceasefire",
    "envoys",
    "families",
    "officials",
    "ministry",
    "army",
    "rockets",
    "border",
    "crossing",
    "aid",
    "trucks",
    "convoy",
    "delegation",
    "proposal",
    "release",
    "prisoners",
    "negotiators",
    "statement",
    "spokesman",
    "capital",
    "agreement",
    "pause",
    "fighting",
    "shelter",
    "hospital",
]


def body(seed: int, words: int = 120) -> str:
    """A distinct, deterministic article body of plain sentences."""
    rng = random.Random(seed)
    sentences = []
    for _ in range(words // 10):
        sentence = " ".join(rng.choice(_WORDS) for _ in range(10))
        sentences.append(sentence.capitalize() + ".")
    return " ".join(sentences)


def write_article(path: Path, seed: int, title: str | None = None) -> Path:
    """Write a loose-text article (headline, blank line, body)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title or f'Report number {seed}'}\n\n{body(seed)}\n", encoding="utf-8")
    return path


class Harness:
    """An in-memory store and manifest shared by successive ingest runs."""

    def __init__(self) -> None:
        self.store = ArticleStore.in_memory()
        self.manifest = Manifest.open(None)

    def run(self, *sources: Path, batch: int = 1000) -> IngestReport:
        return Ingester(self.store, self.manifest, batch_articles=batch).run(list(sources))


@pytest.fixture
def harness() -> Harness:
    return Harness()


def _count_writes(store: ArticleStore, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The number of articles of each write to `store` from now on (the list fills)."""
    writes: list[int] = []
    write = store.write

    def counting(
        upserts: Sequence[Article],
        deletes: Sequence[ArticleId] = (),
        analysed: Mapping[ArticleId, Mapping[str, AnalysedText]] | None = None,
    ) -> None:
        writes.append(len(upserts))
        write(upserts, deletes, analysed)

    monkeypatch.setattr(store, "write", counting)
    return writes


def test_ingest_indexes_a_folder(tmp_path: Path, harness: Harness) -> None:
    """Every article file of a folder becomes one article."""
    for n in range(3):
        write_article(tmp_path / f"a{n}.txt", n)
    report = harness.run(tmp_path)
    assert len(report.added) == 3
    assert harness.store.count() == 3


def test_ingest_seeds_gets_stable_hash_ids(seeds_dir: Path, harness: Harness) -> None:
    """The five seeds index with 12-hex-character content ids."""
    report = harness.run(seeds_dir)
    assert len(report.added) == 5
    assert all(len(i) == 12 and int(i, 16) >= 0 for i in report.added)
    assert report.skipped == ()


def test_ingest_unchanged_files_are_not_read_again(tmp_path: Path, harness: Harness) -> None:
    """A second run over unchanged files reports them unchanged and writes nothing."""
    write_article(tmp_path / "a.txt", 1)
    harness.run(tmp_path)
    report = harness.run(tmp_path)
    assert report.unchanged == 1
    assert report.added == report.updated == ()


def test_ingest_touched_file_with_same_bytes_is_unchanged(tmp_path: Path, harness: Harness) -> None:
    """A new mtime with the same sha256 counts as unchanged."""
    path = write_article(tmp_path / "a.txt", 1)
    harness.run(tmp_path)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 5_000_000_000))
    report = harness.run(tmp_path)
    assert report.unchanged == 1
    assert report.updated == ()


def test_ingest_changed_file_keeps_its_id(tmp_path: Path, harness: Harness) -> None:
    """An edited file is updated under the same article id."""
    path = write_article(tmp_path / "a.txt", 1)
    (first,) = harness.run(tmp_path).added
    path.write_text("Report number 1, corrected\n\n" + body(99) + "\n", encoding="utf-8")
    report = harness.run(tmp_path)
    assert report.updated == (first,)
    assert harness.store.get(first).title == "Report number 1, corrected"
    assert harness.store.count() == 1


def test_ingest_identical_copy_is_one_article(tmp_path: Path, harness: Harness) -> None:
    """The same content under two paths is one article; the copy is reported."""
    write_article(tmp_path / "a.txt", 1)
    shutil.copy(tmp_path / "a.txt", tmp_path / "b.txt")
    report = harness.run(tmp_path)
    (original,) = report.added
    assert harness.store.count() == 1
    (duplicate,) = report.duplicates
    assert duplicate.path.endswith("b.txt")
    assert duplicate.reason.startswith(f"identical to {original}")


def test_ingest_near_identical_copy_is_recognised(tmp_path: Path, harness: Harness) -> None:
    """A syndicated copy with one changed sentence is reported as near-identical."""
    text = body(5, words=400)
    (tmp_path / "a.txt").write_text(f"Wire story\n\n{text}\n", encoding="utf-8")
    edited = text.replace(text.split(". ")[3], "An outlet added its own sentence here")
    (tmp_path / "b.txt").write_text(f"Wire story\n\n{edited}\n", encoding="utf-8")
    report = harness.run(tmp_path)
    assert len(report.added) == 2
    (near,) = report.duplicates
    assert near.reason.startswith(f"near-identical to {report.added[0]}")
    copy = harness.store.get(report.added[1])
    assert ("near_duplicate_of", report.added[0]) in copy.extra


def test_ingest_different_articles_are_not_near_duplicates(
    tmp_path: Path, harness: Harness
) -> None:
    """Two articles on the same topic with different text are both plain additions."""
    for n in range(6):
        write_article(tmp_path / f"a{n}.txt", n)
    assert harness.run(tmp_path).duplicates == ()


def test_ingest_vanished_file_is_removed_when_its_folder_is_reindexed(
    tmp_path: Path, harness: Harness
) -> None:
    """A deleted file's article goes away on re-indexing its folder, not before."""
    write_article(tmp_path / "news" / "a.txt", 1)
    write_article(tmp_path / "news" / "b.txt", 2)
    other = write_article(tmp_path / "other.txt", 3)
    added = harness.run(tmp_path / "news").added
    (tmp_path / "news" / "b.txt").unlink()
    assert harness.run(other).removed == ()
    report = harness.run(tmp_path / "news")
    assert report.removed == (added[1],)
    assert harness.store.count() == 2


def test_ingest_duplicate_survives_removal_of_its_original(
    tmp_path: Path, harness: Harness
) -> None:
    """When the original of a duplicate vanishes, the copy's content stays indexed."""
    write_article(tmp_path / "a.txt", 1)
    shutil.copy(tmp_path / "a.txt", tmp_path / "b.txt")
    harness.run(tmp_path)
    (tmp_path / "a.txt").unlink()
    harness.run(tmp_path)
    assert harness.store.count() == 1
    (article_id,) = harness.store.ids()
    assert harness.store.get(article_id).path.endswith("b.txt")


def test_ingest_record_ids_become_article_ids(tmp_path: Path, harness: Harness) -> None:
    """A JSON record's own id (sanitised) is its article id."""
    records = [
        {"id": "wire/2024 01", "title": "First", "text": body(1)},
        {"id": 42, "title": "Second", "text": body(2)},
    ]
    (tmp_path / "feed.json").write_text(json.dumps(records), encoding="utf-8")
    report = harness.run(tmp_path / "feed.json")
    assert set(report.added) == {"wire-2024-01", "42"}


def test_ingest_bad_inputs_are_skipped_with_reasons(tmp_path: Path, harness: Harness) -> None:
    """Binary, empty and malformed files are skipped, one reason each; good ones index."""
    write_article(tmp_path / "good.txt", 1)
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (tmp_path / "broken.json").write_text('{"title": "x", "text": "unfinished', encoding="utf-8")
    lines = [json.dumps({"title": "ok", "text": body(2)}), "{not json"]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines), encoding="utf-8")
    report = harness.run(tmp_path)
    assert len(report.added) == 2
    skipped = {Path(s.path.split("#")[0]).name for s in report.skipped}
    assert skipped == {"empty.txt", "image.txt", "broken.json", "feed.jsonl"}
    assert all(s.reason and "\n" not in s.reason for s in report.skipped)


def test_ingest_unsupported_file_named_directly_is_skipped(
    tmp_path: Path, harness: Harness
) -> None:
    """Naming a .pdf is reported; inside a folder it is silently ignored."""
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    write_article(tmp_path / "a.txt", 1)
    direct = harness.run(pdf)
    assert [s.path for s in direct.skipped] == [str(pdf)]
    assert "unsupported" in direct.skipped[0].reason
    assert harness.run(tmp_path).skipped == ()


def test_ingest_missing_path_is_skipped(tmp_path: Path, harness: Harness) -> None:
    """A path that does not exist is one skipped line."""
    report = harness.run(tmp_path / "nope")
    assert report.skipped[0].reason == "no such file or folder"


def test_ingest_hidden_folders_and_symlink_loops(tmp_path: Path, harness: Harness) -> None:
    """.git is not walked; a symlink loop ends; a linked file counts once."""
    write_article(tmp_path / "a.txt", 1)
    write_article(tmp_path / ".git" / "b.txt", 2)
    (tmp_path / "loop").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "link.txt").symlink_to(tmp_path / "a.txt")
    report = harness.run(tmp_path)
    assert len(report.added) == 1
    assert report.duplicates == ()


def test_ingest_failed_write_loses_nothing(
    tmp_path: Path, harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exception in a store write leaves the index and manifest as before; a rerun heals."""
    write_article(tmp_path / "first" / "a.txt", 1)
    harness.run(tmp_path / "first")
    for n in range(2, 6):
        write_article(tmp_path / "second" / f"{n}.txt", n)

    def broken(upserts: object, deletes: object = (), analysed: object = None) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(harness.store, "write", broken)
    with pytest.raises(OSError, match="disk full"):
        harness.run(tmp_path / "second")
    monkeypatch.undo()
    assert harness.store.count() == 1
    assert len(harness.run(tmp_path / "second").added) == 4


def test_ingest_writes_in_batches_and_reports_progress(tmp_path: Path, harness: Harness) -> None:
    """Small batches still index everything; progress ends at (total, total)."""
    for n in range(5):
        write_article(tmp_path / f"a{n}.txt", n)
    calls: list[tuple[int, int, str]] = []
    ingester = Ingester(harness.store, harness.manifest, batch_articles=2)
    ingester.run([tmp_path], lambda done, total, path: calls.append((done, total, path)))
    assert harness.store.count() == 5
    assert calls[0][:2] == (0, 5)
    assert calls[-2:] == [(5, 5, "(writing the index)"), (5, 5, "")]


def test_ingest_broken_rewrite_keeps_previous_version(tmp_path: Path, harness: Harness) -> None:
    """A file that becomes unreadable keeps its indexed article, with a reason."""
    path = write_article(tmp_path / "a.txt", 1)
    (article_id,) = harness.run(tmp_path).added
    path.write_bytes(b"")
    report = harness.run(tmp_path)
    assert harness.store.get(article_id).title == "Report number 1"
    assert report.skipped


def test_skipped_line_is_path_and_reason() -> None:
    """The one-line form of a skipped file."""
    assert skipped_line(SkippedFile("a.txt", "is empty")) == "a.txt: is empty"


def test_ingest_article_model_unchanged_by_parse_id(tmp_path: Path, harness: Harness) -> None:
    """The stored article carries the final id, not the placeholder used while parsing."""
    write_article(tmp_path / "a.txt", 1)
    (article_id,) = harness.run(tmp_path).added
    stored: Article = harness.store.get(ArticleId(article_id))
    assert stored.id == article_id
    assert stored.content_hash


@pytest.mark.corpus
@pytest.mark.slow
def test_ingest_raw_samples_corpus(corpora_dir: Path, tmp_path: Path, harness: Harness) -> None:
    """The messy raw samples ingest without a crash; every skip has a one-line reason."""
    archive = corpora_dir / "raw-samples.tar.gz"
    if not archive.is_file():
        pytest.skip("raw-samples.tar.gz is not present")
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path, filter="data")
    report = harness.run(tmp_path)
    assert len(report.added) > 50
    assert harness.store.count() == len(report.added)
    assert all(s.reason and "\n" not in s.reason for s in report.skipped)
    again = harness.run(tmp_path)
    assert again.added == again.updated == again.removed == ()


def test_ingest_vanished_folder_named_again_removes_its_articles(
    tmp_path: Path, harness: Harness
) -> None:
    """Re-indexing a folder that was deleted removes its articles (and says it is gone)."""
    folder = tmp_path / "news"
    write_article(folder / "a.txt", 1)
    write_article(folder / "sub" / "b.txt", 2)
    added = harness.run(folder).added
    shutil.rmtree(folder)
    report = harness.run(folder)
    assert sorted(report.removed) == sorted(added)
    assert report.skipped[0].reason == "no such file or folder"
    assert harness.store.count() == 0


def test_large_runs_pause_the_garbage_collector_and_resume_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The collector is off during a large single-threaded run and on again after."""
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    assert gc.isenabled()
    with collector_paused(True):
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused(True):
        raise RuntimeError("boom")
    assert gc.isenabled()
    with collector_paused(False):
        assert gc.isenabled()
    monkeypatch.setattr(threading, "active_count", lambda: 2)
    with collector_paused(True):
        assert gc.isenabled()


def test_a_written_batch_frees_its_cycles_while_the_collector_is_paused(
    tmp_path: Path, harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each batch written collects once when paused (the cycles of a 100k run piled up)."""
    collected: list[int] = []

    def counting(*args: int) -> int:
        collected.append(1)
        return 0

    monkeypatch.setattr(gc, "collect", counting)
    for n in range(3):
        write_article(tmp_path / f"a{n}.txt", n)
    harness.run(tmp_path)
    assert collected == []  # the collector runs as usual: nothing extra
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    with collector_paused(True):
        for n in range(3, 6):
            write_article(tmp_path / f"a{n}.txt", n)
        harness.run(tmp_path, batch=2)
    assert len(collected) == 2  # a full batch of 2, then the last one


def test_a_large_record_file_pauses_the_garbage_collector(
    tmp_path: Path, harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One JSON Lines file large enough to be streamed is a large run: the collector pauses."""
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    monkeypatch.setattr(streaming, "STREAM_FROM_BYTES", 4096)
    records = [{"id": f"r{n}", "title": f"Report {n}", "text": body(n)} for n in range(8)]
    small, large = tmp_path / "small.jsonl", tmp_path / "large.jsonl"
    other = {"id": "s", "title": "Small", "text": body(100)}
    small.write_text(json.dumps(other) + "\n", encoding="utf-8")
    large.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert large.stat().st_size >= 4096 > small.stat().st_size
    paused: list[bool] = []

    @contextmanager
    def recording(pause: bool) -> Iterator[None]:
        paused.append(pause)
        yield

    monkeypatch.setattr(ingester, "collector_paused", recording)
    harness.run(small)
    assert len(harness.run(large).added) == 8
    assert paused == [False, True]


def test_ingest_writes_a_batch_once_it_holds_enough_text(
    tmp_path: Path, harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Long articles are written before the article count is reached (memory stays bounded)."""
    for n in range(5):
        write_article(tmp_path / f"a{n}.txt", n)
    writes = _count_writes(harness.store, monkeypatch)
    monkeypatch.setattr(ingest_batch, "BATCH_CHARS", 1)
    harness.run(tmp_path)
    assert writes == [1, 1, 1, 1, 1]
    assert harness.store.count() == 5


@pytest.mark.parametrize("streamed", [False, True])
def test_reindexing_a_changed_file_keeps_its_inner_duplicates_out(
    tmp_path: Path, harness: Harness, monkeypatch: pytest.MonkeyPatch, streamed: bool
) -> None:
    """A record identical to an earlier one of the same file stays a duplicate when the file
    changes and is indexed again (it became an article of its own: the 100k library grew by
    five articles each time one record of a 10k-record file was edited)."""
    if streamed:
        monkeypatch.setattr(streaming, "STREAM_FROM_BYTES", 1024)
    records = [
        {"id": "first", "title": "Talks", "text": body(1)},
        {"id": "copy", "title": "Talks", "text": body(1)},
        {"id": "other", "title": "Aid", "text": body(2)},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert streaming.is_streamed(feed, feed.stat().st_size) is streamed
    report = harness.run(feed)
    assert sorted(report.added) == ["first", "other"]
    assert [d.reason.split(" (")[0] for d in report.duplicates] == ["identical to first"]
    records[2]["text"] = body(3)  # one record edited
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    again = harness.run(feed)
    assert not again.added
    assert list(again.updated) == ["other"]  # "first" did not change: not written again
    assert [d.reason.split(" (")[0] for d in again.duplicates] == ["identical to first"]
    assert harness.store.count() == 2
    assert sorted(harness.store.ids()) == ["first", "other"]


def test_reindexing_a_changed_file_reports_a_near_copy_once(
    tmp_path: Path, harness: Harness
) -> None:
    """The later of two near-identical records of one file is the copy, on every run: the
    earlier one is not reported (or marked) as a copy of the later when the file changes."""
    text = body(5, words=400)
    edited = text.replace(text.split(". ")[3], "An outlet added its own sentence here")
    records = [
        {"id": "wire", "title": "Wire story", "text": text},
        {"id": "outlet", "title": "Wire story", "text": edited},
        {"id": "other", "title": "Aid", "text": body(2)},
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    first = harness.run(feed)
    assert [d.reason.split(" (")[0] for d in first.duplicates] == ["near-identical to wire"]
    records[2]["text"] = body(3)
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    again = harness.run(feed)
    assert [d.reason.split(" (")[0] for d in again.duplicates] == ["near-identical to wire"]
    assert not any(
        key == "near_duplicate_of" for key, _ in harness.store.get(ArticleId("wire")).extra
    )
    assert ("near_duplicate_of", "wire") in harness.store.get(ArticleId("outlet")).extra


@pytest.mark.parametrize("streamed", [False, True])
def test_an_edited_record_rewrites_only_itself(
    tmp_path: Path, harness: Harness, monkeypatch: pytest.MonkeyPatch, streamed: bool
) -> None:
    """One record of an export edited: that record is updated, the others are left as they
    are (a changed title or date is a change too); nothing is lost or duplicated."""
    if streamed:
        monkeypatch.setattr(streaming, "STREAM_FROM_BYTES", 1024)
    records = [
        {"id": f"r{n}", "title": f"Report {n}", "date": "2023-11-01", "text": body(n)}
        for n in range(6)
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    assert len(harness.run(feed).added) == 6
    written = _count_writes(harness.store, monkeypatch)
    records[2]["text"] = body(20)
    records[4]["title"] = "Report four, corrected"
    feed.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    report = harness.run(feed)
    assert sorted(report.updated) == ["r2", "r4"]
    assert not report.added
    assert not report.removed
    assert sum(written) == 2
    assert harness.store.count() == 6
    assert harness.store.get(ArticleId("r4")).title == "Report four, corrected"
    assert harness.store.get(ArticleId("r2")).paragraphs[0].startswith(body(20)[:40])
