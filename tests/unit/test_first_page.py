"""Tests for index.search.first_page: the newest page saved for the app's next launch."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from index import LIST_PAGE, DataPaths, Library
from index.search import first_page
from tests.builders import article


def _paths(tmp_path: Path) -> DataPaths:
    return DataPaths(data_dir=tmp_path / "home", config_dir=tmp_path / "home")


def _seeded(tmp_path: Path, seeds_dir: Path) -> tuple[DataPaths, Path]:
    folder = tmp_path / "articles"
    shutil.copytree(seeds_dir, folder)
    paths = _paths(tmp_path)
    library = Library.open(paths)
    library.index_paths([folder])
    library.close()
    return paths, folder


def test_indexing_saves_the_page_the_app_opens_on(tmp_path: Path, seeds_dir: Path) -> None:
    """After `index_paths` the newest page reads back equal, without opening the index."""
    paths, _ = _seeded(tmp_path, seeds_dir)
    library = Library.open(paths, lazy=True)
    saved = library.saved_newest_page()
    assert library._opened is None  # read without Whoosh
    assert saved is not None
    count, page = library.newest_page()
    assert saved[0] == count == 5
    assert (saved[1].hits, saved[1].facets, saved[1].total) == (page.hits, page.facets, page.total)
    assert (saved[1].query, saved[1].sort, saved[1].terms) == (page.query, page.sort, page.terms)
    assert len(page.hits) == 5
    assert page.facets["source"]
    library.close()


def test_a_changed_index_makes_the_saved_page_stale(tmp_path: Path, seeds_dir: Path) -> None:
    """Another generation (an article written) is not what the page shows: None until
    the page is computed again."""
    paths, _ = _seeded(tmp_path, seeds_dir)
    library = Library.open(paths)
    key = first_page.generation_key(paths.index_dir)
    library._store.write([article(["A new report."], article_id="new1", path="/x/new.txt")])
    assert first_page.generation_key(paths.index_dir) != key
    assert library.saved_newest_page() is None
    count, _ = library.newest_page()
    assert library.saved_newest_page() is not None
    assert library.saved_newest_page()[0] == count == 6  # type: ignore[index]
    library.close()


def test_a_rebuilt_index_at_the_same_generation_does_not_match(
    tmp_path: Path, seeds_dir: Path
) -> None:
    """A rebuild counts generations from the start again: the TOC's bytes tell them apart."""
    paths, folder = _seeded(tmp_path, seeds_dir)
    saved = (paths.index_dir / first_page.FILENAME).read_bytes()
    library = Library.open(paths)
    library.index_paths([folder], rebuild=True)
    library.close()
    (paths.index_dir / first_page.FILENAME).write_bytes(saved)  # the old index's page
    assert Library.open(paths, lazy=True).saved_newest_page() is None


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b"[]",
        b'{"format": 1}',
        b'{"format": 99, "generation": "x", "count": 1, "limit": 20, "page": {}}',
        "\u00ff\u00fe".encode("latin-1"),
    ],
)
def test_a_damaged_saved_page_is_ignored(tmp_path: Path, seeds_dir: Path, damage: bytes) -> None:
    """Whatever the file holds, the library answers None (and then reads the index)."""
    paths, _ = _seeded(tmp_path, seeds_dir)
    (paths.index_dir / first_page.FILENAME).write_bytes(damage)
    library = Library.open(paths, lazy=True)
    assert library.saved_newest_page() is None
    assert library.newest_page()[0] == 5
    assert library.saved_newest_page() is not None  # saved again
    library.close()


def test_a_damaged_page_inside_the_file_is_ignored(tmp_path: Path, seeds_dir: Path) -> None:
    """The right generation with a broken page (a hit without its article) is not used."""
    paths, _ = _seeded(tmp_path, seeds_dir)
    path = paths.index_dir / first_page.FILENAME
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"article":', '"articel":', 1), encoding="utf-8")
    assert Library.open(paths, lazy=True).saved_newest_page() is None


def test_another_page_size_or_no_index_is_none(tmp_path: Path, seeds_dir: Path) -> None:
    """A page saved for 20 hits is not the answer for 50; an empty folder has none."""
    paths, _ = _seeded(tmp_path, seeds_dir)
    library = Library.open(paths, lazy=True)
    assert library.saved_newest_page(LIST_PAGE) is not None
    assert library.saved_newest_page(LIST_PAGE + 30) is None
    assert first_page.generation_key(tmp_path / "nowhere") is None
    assert first_page.load(tmp_path, LIST_PAGE) is None
    assert Library.in_memory().saved_newest_page() is None


def test_an_unwritable_folder_saves_nothing_and_raises_nothing(tmp_path: Path) -> None:
    """The file is optional: a folder it cannot be written to is logged, not an error."""
    page = Library.in_memory().newest_page()[1]
    first_page.save(tmp_path / "missing" / "folder", "1:x", 0, LIST_PAGE, page)
    assert not (tmp_path / "missing").exists()


def test_two_workers_opening_a_lazy_library_open_one_store(
    tmp_path: Path, seeds_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The warm worker and a first search may both ask for the index: it is opened once."""
    import threading
    import time

    from index.store.article_store import ArticleStore

    paths, _ = _seeded(tmp_path, seeds_dir)
    opened: list[ArticleStore] = []
    real_open = ArticleStore.open

    def slow_open(index_dir: Path) -> ArticleStore:
        time.sleep(0.05)  # wide enough for the other thread to arrive meanwhile
        store = real_open(index_dir)
        opened.append(store)
        return store

    monkeypatch.setattr(ArticleStore, "open", slow_open)
    library = Library.open(paths, lazy=True)
    counts: list[int] = []
    threads = [threading.Thread(target=lambda: counts.append(library.count())) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert counts == [5, 5, 5]
    assert len(opened) == 1
    library.close()
