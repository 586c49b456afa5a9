"""Damaged libraries (issue 11): one line naming the file and the way out, never a
traceback, a silent reset or lost bookmarks; `newsdesk check [--repair]`."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from index import default_paths
from tui.cli.main import main

DATA = Path(__file__).resolve().parent.parent / "data" / "articles"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """Run `newsdesk ARGV` in-process; return (status, stdout, stderr)."""
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


@pytest.fixture
def indexed(capsys: pytest.CaptureFixture[str]) -> Path:
    """The test articles indexed, one bookmark saved; returns the index folder."""
    assert run(capsys, "index", str(DATA))[0] == 0
    _, out, _ = run(capsys, "search", "ceasefire", "--json")
    first = json.loads(out)["hits"][0]["id"]
    assert run(capsys, "bookmarks", "add", first, "--paragraph", "1", "--note", "mine")[0] == 0
    return default_paths().index_dir


def _file(index_dir: Path, suffix: str) -> Path:
    return next(p for p in index_dir.iterdir() if p.name.endswith(suffix))


def _zero(path: Path) -> None:
    path.write_bytes(b"")


def _garble(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for i in range(0, len(data), 3):
        data[i] ^= 0x5A
    path.write_bytes(bytes(data))


DAMAGE: dict[str, tuple[str, Callable[[Path], None]]] = {
    "zero toc": (".toc", _zero),
    "zero postings": (".pst", _zero),
    "zero terms": (".trm", _zero),
    "zero length column": ("_body_len.col", _zero),
    "deleted stored column": ("_stored.col", Path.unlink),
    "garbled length column": ("_body_len.col", _garble),
    "garbled postings": (".pst", _garble),
    "garbled toc": (".toc", _garble),
}


@pytest.mark.parametrize("case", sorted(DAMAGE))
def test_damaged_index_file_is_named_with_the_way_out(
    case: str, indexed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Each damaged file gives one error line naming it and the repair; no traceback."""
    suffix, damage = DAMAGE[case]
    target = _file(indexed, suffix)
    damage(target)
    status, out, err = run(capsys, "search", "ceasefire")
    assert status == 2
    assert "Traceback" not in err
    assert target.name in err.splitlines()[0]
    assert "newsdesk check --repair" in err
    # Bookmarks still list and export, unchecked.
    status, out, _ = run(capsys, "bookmarks", "list", "--json")
    assert status == 0
    marks = json.loads(out)
    assert [m["note"] for m in marks] == ["mine"]
    assert marks[0]["status"] == "unchecked"
    status, out, _ = run(capsys, "bookmarks", "export", "--format", "md")
    assert status == 0
    assert "mine" in out
    # check names it; --repair rebuilds and the bookmark is anchored again.
    assert run(capsys, "check")[0] == 1
    status, out, err = run(capsys, "check", "--repair", "--json")
    assert status == 0, out + err
    report = json.loads(out)
    assert report["ok"]
    assert (report["articles"], report["bookmarks"]) == (5, 1)
    _, out, _ = run(capsys, "bookmarks", "list", "--json")
    assert json.loads(out)[0]["status"] == "anchored"


def test_deleted_toc_is_not_a_reset(indexed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing TOC is reported; no empty index is created and no segment is deleted."""
    _file(indexed, ".toc").unlink()
    before = sorted(p.name for p in indexed.iterdir())
    status, _, err = run(capsys, "index", str(DATA))
    assert status == 2
    assert "table of contents" in err
    assert "check --repair" in err
    assert sorted(p.name for p in indexed.iterdir()) == before
    assert run(capsys, "check", "--repair")[0] == 0
    _, out, _ = run(capsys, "search", "ceasefire", "--json")
    assert json.loads(out)["total"] >= 1


def test_check_is_ok_on_a_sound_library(indexed: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`check` says ok with the counts and exits 0."""
    status, out, _ = run(capsys, "check")
    assert status == 0
    assert "ok: 5 articles, 1 bookmarks" in out


def test_zero_byte_bookmarks_file_is_reported(
    indexed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A truncated bookmarks file is an error naming it, not "no bookmarks"."""
    default_paths().bookmarks_file.write_bytes(b"")
    status, _, err = run(capsys, "bookmarks", "list")
    assert status == 2
    assert "empty (0 bytes)" in err
    assert "move it aside" not in err
    assert run(capsys, "check")[0] == 1


def test_read_only_bookmarks_still_list(
    indexed: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A home that cannot be written lists bookmarks; a change says read-only, not damaged."""
    real_access = os.access
    bookmarks = default_paths().bookmarks_file

    def no_write(path: object, mode: int, **kwargs: object) -> bool:
        if mode & os.W_OK and str(path).startswith(str(bookmarks.parent)):
            return False
        return real_access(path, mode)  # type: ignore[arg-type]  # os.access's path types

    monkeypatch.setattr(os, "access", no_write)
    status, out, _ = run(capsys, "bookmarks", "list", "--json")
    assert status == 0
    assert json.loads(out)[0]["note"] == "mine"
    status, _, err = run(capsys, "bookmarks", "remove", "1")
    assert status == 2
    assert "read-only" in err
    assert "move it aside" not in err


def test_unexpected_error_is_one_line_and_non_zero(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug anywhere gives one line and exit 1, never a traceback."""
    from index import Library

    def broken(self: Library, *args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(Library, "count", broken)
    monkeypatch.delenv("NEWSDESK_DEBUG", raising=False)
    status, _, err = run(capsys, "search", "x")
    assert status == 1
    assert err.startswith("newsdesk: unexpected error: RuntimeError: boom")
    assert "Traceback" not in err


def test_full_disk_is_reported_as_such(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """ENOSPC becomes "The disk is full", with no advice to move files aside."""
    import errno

    from index import Library

    def full(self: Library, *args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "/x/index")

    monkeypatch.setattr(Library, "index_paths", full)
    status, _, err = run(capsys, "index", str(DATA))
    assert status == 2
    assert "The disk is full (/x/index)" in err
    assert "move it aside" not in err


def test_copied_library_keeps_working(
    indexed: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Checksums survive a copy of the folder (mtimes change, contents do not)."""
    copy = tmp_path / "copy"
    shutil.copytree(indexed.parent, copy)
    assert run(capsys, "--home", str(copy), "check")[0] == 0


def test_repair_without_a_manifest_uses_the_index_paths(
    indexed: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A garbled manifest: `check --repair` re-indexes the files the index names."""
    _garble(indexed / "manifest.sqlite3")
    assert run(capsys, "check")[0] == 1
    status, out, err = run(capsys, "check", "--repair", "--json")
    assert status == 0, out + err
    report = json.loads(out)
    assert (report["articles"], report["bookmarks"]) == (5, 1)
    assert run(capsys, "index", str(DATA))[0] == 0
    _, out, _ = run(capsys, "bookmarks", "list", "--json")
    assert json.loads(out)[0]["status"] == "anchored"


def test_full_check_reads_every_segments_postings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Postings garbled past the checksums (a record rewritten to match) are still found:
    the full check reads every posting list of every segment, not one segment's."""
    from index.models import ArticleId
    from index.store import index_files
    from index.store.article_store import ArticleStore
    from tests.builders import article

    index_dir = tmp_path / "index"
    store = ArticleStore.create(index_dir)
    for batch in range(3):  # three segments; the damage goes into the last one written
        store.write(
            [
                article((f"Talks on truce number {batch} {n} went on.",), article_id=f"{batch}-{n}")
                for n in range(40)
            ]
        )
    store.write([], deletes=[ArticleId("0-1")])
    store.close()
    assert index_files.verify_index(index_dir) == []
    newest = max(index_dir.glob("*.pst"), key=lambda p: p.stat().st_mtime_ns)
    data = bytearray(newest.read_bytes())
    for i in range(len(data) // 2, len(data)):  # the blocks, not the header
        data[i] ^= 0x5A
    newest.write_bytes(bytes(data))
    monkeypatch.setattr(index_files, "damaged_files", lambda *_args, **_kwargs: [])
    assert index_files.verify_index(index_dir)
