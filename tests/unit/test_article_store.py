"""Tests for index.store.article_store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from index.errors import (
    AmbiguousArticleId,
    ArticleNotFound,
    IndexBusy,
    IndexCorrupt,
    IndexOutOfDate,
)
from index.models import ArticleId
from index.search.engine import run_search
from index.store import article_store as store_module
from index.store.article_store import INLINE_LIMIT, ArticleStore
from index.store.index_files import VERSION_FILE
from tests.builders import stored_article


def test_write_then_get_round_trips_the_whole_article() -> None:
    """An article comes back equal to what was written, from the index alone."""
    store = ArticleStore.in_memory()
    article = stored_article(1, published=date(2023, 11, 21))
    store.write([article])
    assert store.get(article.id) == article


def test_write_updates_by_id() -> None:
    """Writing an article with an existing id replaces it."""
    store = ArticleStore.in_memory()
    store.write([stored_article(1)])
    store.write([stored_article(1, title="Truce extended")])
    assert store.count() == 1
    assert store.get(ArticleId("art0001")).title == "Truce extended"


def test_write_deletes_by_id() -> None:
    """Deleted ids disappear from count, ids and get."""
    store = ArticleStore.in_memory()
    store.write([stored_article(1), stored_article(2)])
    store.write([], deletes=[ArticleId("art0001")])
    assert store.ids() == [ArticleId("art0002")]
    with pytest.raises(ArticleNotFound):
        store.get(ArticleId("art0001"))


def test_write_bulk_path_matches_single_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The bulk (in-memory) writer stores the same articles as the plain one."""
    monkeypatch.setattr(store_module, "BULK_THRESHOLD", 3)
    store = ArticleStore.open(tmp_path / "ix")
    articles = [stored_article(n) for n in range(6)]
    store.write(articles)
    store.write([stored_article(n, title="Updated") for n in range(3)])
    assert store.count() == 6
    assert sorted(store.ids()) == sorted(a.id for a in articles)
    assert store.get(ArticleId("art0002")).title == "Updated"


def test_resolve_accepts_id_prefix_and_path() -> None:
    """Exact ids, unique prefixes and stored paths resolve; others raise."""
    store = ArticleStore.in_memory()
    store.write([stored_article(1), stored_article(2), stored_article(13)])
    assert store.resolve("art0001") == "art0001"
    assert store.resolve("art0013") == "art0013"
    assert store.resolve("/news/2.txt") == "art0002"
    with pytest.raises(AmbiguousArticleId):
        store.resolve("art00")
    with pytest.raises(ArticleNotFound):
        store.resolve("zzz")


def test_recent_lists_newest_first_and_undated_last() -> None:
    """recent() sorts by date, newest first, with undated articles at the end."""
    store = ArticleStore.in_memory()
    store.write(
        [
            stored_article(1, published=date(2023, 11, 1)),
            stored_article(2),
            stored_article(3, published=date(2024, 4, 20)),
        ]
    )
    assert [s.id for s in store.recent()] == ["art0003", "art0001", "art0002"]
    assert store.recent(limit=1)[0].parties == ("Hamas",)
    assert store.recent(limit=1)[0].measures == ("killed",)


def test_open_reopens_an_existing_index(tmp_path: Path) -> None:
    """Articles written by one store are read by the next one."""
    store = ArticleStore.open(tmp_path / "ix")
    store.write([stored_article(1)])
    store.close()
    assert ArticleStore.open(tmp_path / "ix").count() == 1


def test_open_other_schema_version_raises_out_of_date(tmp_path: Path) -> None:
    """A schema version mismatch asks for a rebuild."""
    ArticleStore.open(tmp_path / "ix").write([stored_article(1)])
    (tmp_path / "ix" / VERSION_FILE).write_text("0")
    with pytest.raises(IndexOutOfDate) as caught:
        ArticleStore.open(tmp_path / "ix")
    assert "--rebuild" in caught.value.hint


def test_create_wipes_an_existing_index(tmp_path: Path) -> None:
    """create() starts empty even when an index (of any version) is there."""
    ArticleStore.open(tmp_path / "ix").write([stored_article(1)])
    (tmp_path / "ix" / VERSION_FILE).write_text("0")
    assert ArticleStore.create(tmp_path / "ix").count() == 0
    assert ArticleStore.open(tmp_path / "ix").count() == 0


@pytest.mark.parametrize("damage", ["truncate", "garbage"])
def test_open_corrupt_index_raises_index_corrupt(tmp_path: Path, damage: str) -> None:
    """Truncated or garbled index files give IndexCorrupt, not a traceback."""
    ArticleStore.open(tmp_path / "ix").write([stored_article(n) for n in range(5)])
    for path in (tmp_path / "ix").iterdir():
        if path.name.startswith("_MAIN_"):
            data = path.read_bytes()
            path.write_bytes(data[: len(data) // 3] if damage == "truncate" else b"\x80junk" * 9)
    with pytest.raises(IndexCorrupt) as caught:
        ArticleStore.open(tmp_path / "ix")
    assert "--rebuild" in caught.value.hint


def test_write_while_locked_raises_index_busy(tmp_path: Path) -> None:
    """A second writer gets IndexBusy while the first holds the lock."""
    store = ArticleStore.open(tmp_path / "ix")
    other = ArticleStore.open(tmp_path / "ix")
    writer = other._ix.writer()
    try:
        with pytest.raises(IndexBusy):
            store.write([stored_article(1)])
    finally:
        writer.cancel()
    store.write([stored_article(1)])
    assert store.count() == 1


def test_warm_builds_caches_without_changing_results() -> None:
    """warm() precomputes caches; ids and recent() are unchanged."""
    store = ArticleStore.in_memory()
    store.write([stored_article(1, published=date(2023, 1, 1)), stored_article(2)])
    before = store.recent()
    store.warm()
    assert store.recent() == before
    assert sorted(store.ids()) == ["art0001", "art0002"]


def test_bulk_write_mixing_new_and_indexed_ids_keeps_one_document_each(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """New ids are added and indexed ids replaced in one bulk batch, never duplicated."""
    monkeypatch.setattr(store_module, "BULK_THRESHOLD", 3)
    store = ArticleStore.open(tmp_path / "ix")
    store.write([stored_article(n) for n in range(4)])
    store.write([], deletes=[ArticleId("art0003")])
    store.write([stored_article(n, title="Again") for n in range(2, 7)])
    assert sorted(store.ids()) == [f"art{n:04d}" for n in range(7)]
    assert store.count() == 7
    assert store.get(ArticleId("art0002")).title == "Again"
    assert store.get(ArticleId("art0003")).title == "Again"
    assert store.get(ArticleId("art0001")).title != "Again"


def test_recent_across_segments_without_dates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Undated articles written in their own segments still sort last (Whoosh column bug)."""
    monkeypatch.setattr(store_module, "BULK_THRESHOLD", 2)
    store = ArticleStore.open(tmp_path / "ix")
    store.write(
        [
            stored_article(1, published=date(2023, 5, 1)),
            stored_article(2, published=date(2024, 1, 1)),
        ]
    )
    store.write([stored_article(3), stored_article(4)])
    store.write([stored_article(5, published=date(2023, 6, 1))])
    assert [s.id for s in store.recent()][:3] == ["art0002", "art0005", "art0001"]
    assert {s.id for s in store.recent()[3:]} == {"art0003", "art0004"}


def test_warm_copes_with_a_field_without_words() -> None:
    """An article whose title is only stop words has no length byte: warm must not fail."""
    store = ArticleStore.in_memory()
    store.write([stored_article(1), stored_article(2, title="Of the")])
    store.warm()
    assert [h.article.id for h in run_search(store, "killed").hits] == ["art0001", "art0002"]


def test_optimize_merges_segments_and_keeps_articles_and_ranking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bulk batches pile up segments; optimize leaves one with the same articles and order.

    Scores move a little: the merge drops the deleted article from the term statistics.
    """
    monkeypatch.setattr(store_module, "BULK_THRESHOLD", 2)
    store = ArticleStore.open(tmp_path / "ix")
    for start in (0, 3, 6):
        store.write([stored_article(n) for n in range(start, start + 3)])
    store.write([], deletes=[ArticleId("art0004")])
    assert store.segment_count() == 3
    before = [h.article.id for h in run_search(store, "killed").hits]
    store.optimize()
    assert store.segment_count() == 1
    assert store.count() == 8
    assert sorted(store.ids()) == [f"art{n:04d}" for n in range(9) if n != 4]
    assert [h.article.id for h in run_search(store, "killed").hits] == before
    store.optimize()  # one segment: nothing to do
    assert store.segment_count() == 1


@pytest.mark.parametrize("bulk", [False, True])
def test_few_posting_terms_are_inlined_and_survive_a_merge(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bulk: bool
) -> None:
    """Ids and rare words keep their postings in the term table, through either writer and
    through optimize (Whoosh's merge reads them back); lookups and phrases still work."""
    monkeypatch.setattr(store_module, "BULK_THRESHOLD", 2 if bulk else 1000)
    store = ArticleStore.open(tmp_path / "ix")
    common = [stored_article(n) for n in range(4, 4 + INLINE_LIMIT)]
    store.write([stored_article(0), stored_article(1, title="Unusual zeppelin truce"), *common])
    store.write([stored_article(2), stored_article(3)])
    with store.searcher() as searcher:
        first = searcher.reader().leaf_readers()[0][0]
        assert first.term_info("id", "art0001").is_inlined()
        assert not first.term_info("body", "kill").is_inlined()  # in INLINE_LIMIT + 2 articles
        assert first.term_info("title", "zeppelin").is_inlined()
    store.optimize()
    assert store.segment_count() == 1
    with store.searcher() as searcher:
        (only, _offset), *_ = searcher.reader().leaf_readers()
        assert only.term_info("title", "zeppelin").is_inlined()
    assert store.get(ArticleId("art0001")).title == "Unusual zeppelin truce"
    assert [h.article.id for h in run_search(store, "zeppelin").hits] == ["art0001"]
    assert [h.article.id for h in run_search(store, '"zeppelin truce"').hits] == ["art0001"]
    assert store.resolve("/news/1.txt") == "art0001"
