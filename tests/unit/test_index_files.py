"""Tests for index.store.index_files."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
import whoosh.codec.whoosh3

from index.errors import IndexCorrupt
from index.store.index_files import PrivateRamStorage, has_index, reading


def test_has_index_does_not_need_to_unpickle(tmp_path: Path) -> None:
    """An index is recognised by its TOC file name alone."""
    assert not has_index(PrivateRamStorage())
    storage = PrivateRamStorage()
    storage.create_file("_MAIN_1.toc").close()
    assert has_index(storage)


def test_private_ram_storage_temp_dirs_are_distinct() -> None:
    """Two in-memory indexes never share Whoosh's temp directory."""
    first = PrivateRamStorage().temp_storage("MAIN.tmp")
    second = PrivateRamStorage().temp_storage("MAIN.tmp")
    assert first.folder != second.folder


def test_reading_turns_unpickling_errors_into_index_corrupt() -> None:
    """A read failure inside `reading()` is IndexCorrupt with a rebuild hint."""
    with pytest.raises(IndexCorrupt) as caught, reading():
        raise pickle.UnpicklingError("bad")
    assert "--rebuild" in caught.value.hint


def test_posting_pickles_store_bytes_natively() -> None:
    """Postings are pickled with protocol 3 (bytes stored natively, no `_codecs` call)."""
    data = whoosh.codec.whoosh3.dumps((1, b"x"), 2)
    assert data[1] == 3
    assert b"_codecs" not in data
    assert pickle.loads(data) == (1, b"x")
