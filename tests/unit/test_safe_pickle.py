"""Tests for index.store.safe_pickle: an index from elsewhere cannot run code."""

from __future__ import annotations

import os
import pickle
from datetime import datetime
from pathlib import Path

import pytest
from whoosh.filedb.filestore import FileStorage

from index.errors import IndexCorrupt
from index.models import ArticleId
from index.store.article_store import ArticleStore
from index.store.safe_pickle import restricted_loads
from tests.builders import stored_article


class _Evil:
    """Unpickling this runs a shell command that creates a marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return (os.system, (f"touch {self.marker}",))


def test_restricted_loads_refuses_os_system(tmp_path: Path) -> None:
    """A pickle that calls os.system is refused and nothing runs."""
    marker = tmp_path / "pwned"
    with pytest.raises(pickle.UnpicklingError):
        restricted_loads(pickle.dumps(_Evil(marker)))
    assert not marker.exists()


def test_restricted_loads_accepts_plain_data() -> None:
    """Builtin containers, numbers, strings and datetimes load."""
    data = {"a": [1, 2.5, "x", b"y"], "b": frozenset({1}), "c": (datetime(2024, 1, 1),)}
    assert restricted_loads(pickle.dumps(data, 2)) == data
    assert restricted_loads(pickle.dumps(data)) == data


def _toc_segments_offset(toc: Path) -> int:
    """Byte offset of the pickled segment list in a Whoosh TOC file."""
    stream = FileStorage(str(toc.parent)).open_file(toc.name)
    try:
        for _ in range(3):
            stream.read_varint()
        stream.read_int()
        stream.read_int()
        for _ in range(3):
            stream.read_varint()
        stream.skip_string()
        stream.read_int()
        stream.read_int()
        return int(stream.tell())
    finally:
        stream.close()


def test_open_index_with_crafted_toc_raises_and_does_not_execute(tmp_path: Path) -> None:
    """A TOC whose segment list runs os.system gives IndexCorrupt; nothing runs."""
    marker = tmp_path / "pwned"
    ArticleStore.open(tmp_path / "ix").write([stored_article(1)])
    toc = next((tmp_path / "ix").glob("_MAIN_*.toc"))
    offset = _toc_segments_offset(toc)
    toc.write_bytes(toc.read_bytes()[:offset] + pickle.dumps(_Evil(marker)))
    with pytest.raises(IndexCorrupt):
        ArticleStore.open(tmp_path / "ix")
    assert not marker.exists()


def test_get_with_crafted_stored_fields_raises_and_does_not_execute(tmp_path: Path) -> None:
    """A stored payload that runs os.system gives IndexCorrupt; nothing runs."""
    marker = tmp_path / "pwned"
    store = ArticleStore.open(tmp_path / "ix")
    writer = store._ix.writer()
    writer.add_document(id="evil", path="/evil", payload=_Evil(marker))
    writer.commit()
    reopened = ArticleStore.open(tmp_path / "ix")
    with pytest.raises(IndexCorrupt):
        reopened.get(ArticleId("evil"))
    assert not marker.exists()
