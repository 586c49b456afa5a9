"""Tests for index.store.column_cache: the facet and date columns saved beside the index."""

from __future__ import annotations

import zlib
from array import array
from datetime import date
from pathlib import Path
from random import Random

import pytest

from index.models import ArticleId
from index.search import engine, match_cache
from index.search.engine import run_search
from index.store import column_cache
from index.store.article_store import ArticleStore
from index.store.day_column import DayColumn
from index.store.documents import FacetColumns, PartyRows
from tests.builders import article, stored_article


def _columns() -> FacetColumns:
    return FacetColumns(
        ids=["a1", "", "a3"],
        sources=["BBC", "", "NPR"],
        months=["2023-11", "", ""],
        parties=PartyRows.from_rows([("Hamas", "Israel"), (), ("Qatar",)]),
    )


def _days(order: list[int]) -> DayColumn:
    return DayColumn(array("I", [738825, 0, 738900]), order)


def test_save_then_load_round_trips_the_columns(tmp_path: Path) -> None:
    """Ids, sources, months, parties (deleted rows empty) and the order come back as saved."""
    column_cache.save(tmp_path, 7, "s1:3", _columns(), _days([2, 0]))
    loaded = column_cache.load(tmp_path, 7, "s1:3")
    assert loaded is not None
    columns, days = loaded
    assert (columns.ids, columns.sources, columns.months) == (
        ["a1", "", "a3"],
        ["BBC", "", "NPR"],
        ["2023-11", "", ""],
    )
    assert list(columns.parties) == [("Hamas", "Israel"), (), ("Qatar",)]
    assert days.order == [2, 0]
    assert list(days.days) == [738825, 0, 738900]


def test_load_ignores_another_generation_and_a_damaged_file(tmp_path: Path) -> None:
    """Another generation's file is not read; a truncated or garbled one is None, not a crash."""
    column_cache.save(tmp_path, 7, "s1:3", _columns(), _days([2, 0]))
    assert column_cache.load(tmp_path, 8, "s1:3") is None
    assert column_cache.load(tmp_path, 7, "rebuilt:3") is None  # same number, other index
    path = column_cache.cache_path(tmp_path, 7)
    whole = path.read_bytes()
    path.write_bytes(whole[: len(whole) // 2])
    assert column_cache.load(tmp_path, 7, "s1:3") is None
    path.write_bytes(b"garbage")
    assert column_cache.load(tmp_path, 7, "s1:3") is None


def test_save_removes_older_generations(tmp_path: Path) -> None:
    """Only the current generation's file stays."""
    column_cache.save(tmp_path, 7, "s1:3", _columns(), _days([2, 0]))
    column_cache.save(tmp_path, 9, "s1:3", _columns(), _days([0, 2]))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["columns-9.bin"]


def test_party_rows_counts_equal_counting_the_rows() -> None:
    """Counting codes gives what counting the decoded rows gives, for all rows or some."""
    rows = PartyRows(["Hamas", "Israel", "Qatar"], array("I", [0, 2, 2, 3]), array("I", [0, 1, 2]))
    assert [rows[0], rows[1], rows[-1]] == [("Hamas", "Israel"), (), ("Qatar",)]
    assert len(rows) == 3
    assert rows.counts([0, 1, 2]) == {"Hamas": 1, "Israel": 1, "Qatar": 1}
    assert rows.counts([2]) == {"Qatar": 1}


def test_most_named_keeps_exactly_the_parties_that_can_be_in_the_top() -> None:
    """The parties named at least as often as the top-th, ties included, counted right."""
    random = Random(11)
    names = [f"P{n}" for n in range(40)]
    table = PartyRows.from_rows(
        [tuple(random.sample(names, random.randint(0, 6))) for _ in range(300)]
    )
    for docnums in ([], [5], sorted(random.sample(range(300), 120)), list(range(300))):
        full = table.counts(docnums)
        for top in (1, 3, 25, 100):
            kept = dict(table.most_named(docnums, top))
            least = sorted(full.values(), reverse=True)[top - 1] if len(full) >= top else 0
            assert kept == {name: n for name, n in full.items() if n >= least}


def test_most_named_ties_at_the_cut_are_all_kept() -> None:
    """Three parties tied at the second place: all three can be shown by name order."""
    table = PartyRows.from_rows([("A", "B"), ("A", "C"), ("A", "D"), ("B", "C", "D")])
    assert sorted(table.most_named([0, 1, 2, 3], 2)) == [("A", 3), ("B", 2), ("C", 2), ("D", 2)]


def test_every_article_facets_are_counted_once_per_generation(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The empty query's facets are kept with the columns: counted again only after a write."""
    store = ArticleStore.in_memory()
    store.write(
        [
            article(("One.",), article_id="a1", source="BBC"),
            article(("Two.",), article_id="a2", source="NPR"),
        ]
    )
    counted: list[int] = []
    real = engine._count_facets

    def counting(columns: FacetColumns, docnums: list[int]) -> object:
        counted.append(len(docnums))
        return real(columns, docnums)

    monkeypatch.setattr(engine, "_count_facets", counting)
    first = run_search(store, "")
    match_cache._recent.clear()  # not the per-query cache: the columns keep them
    assert run_search(store, "", as_you_type=True).facets == first.facets
    assert counted == [2]
    store.write([article(("Three.",), article_id="a3", source="AFP")])
    after = run_search(store, "")
    assert counted == [2, 3]
    assert {v.value for v in after.facets["source"]} == {"AFP", "BBC", "NPR"}


def test_store_reads_the_same_results_from_the_saved_columns(tmp_path: Path) -> None:
    """A reopened store lists and counts facets from the sidecar exactly as from the index."""
    store = ArticleStore.open(tmp_path / "ix")
    store.write(
        [
            stored_article(1, published=date(2023, 11, 1)),
            stored_article(2),
            stored_article(3, published=date(2024, 4, 20)),
        ]
    )
    store.write([], deletes=[ArticleId("art0002")])
    before = run_search(store, "")
    store.prepare_columns()
    store.close()
    assert list((tmp_path / "ix").glob("columns-*.bin"))
    reopened = ArticleStore.open(tmp_path / "ix")
    after = run_search(reopened, "")
    ids = [[hit.article.id for hit in page.hits] for page in (before, after)]
    assert ids == [["art0003", "art0001"]] * 2
    assert after.facets == before.facets


def test_a_rebuilt_index_does_not_read_the_old_indexs_columns(tmp_path: Path) -> None:
    """A rebuild counts generations from the start: the old file must not be taken for it."""
    store = ArticleStore.open(tmp_path / "ix")
    store.write([stored_article(n, published=date(2023, 11, n)) for n in (1, 2, 3)])
    store.prepare_columns()
    store.close()
    rebuilt = ArticleStore.create(tmp_path / "ix")
    assert not list((tmp_path / "ix").glob("columns-*.bin"))
    rebuilt.write([stored_article(9)])
    rebuilt.prepare_columns()
    page = run_search(rebuilt, "")
    assert [hit.article.id for hit in page.hits] == ["art0009"]


def test_an_older_format_is_rebuilt_from_the_index_and_saved_anew(tmp_path: Path) -> None:
    """A format-1 sidecar (no days) reads as missing: the store reads the index and writes v2."""
    store = ArticleStore.open(tmp_path / "ix")
    store.write([stored_article(n, published=date(2023, 11, n)) for n in (1, 2, 3)])
    store.prepare_columns()
    expected = run_search(store, "truce date:2023-11-02")
    store.close()
    [path] = (tmp_path / "ix").glob("columns-*.bin")
    data = zlib.decompress(path.read_bytes())
    path.write_bytes(zlib.compress(b"NDCOLS1\n" + data[len(b"NDCOLS2\n") :]))
    generation = int(path.stem.split("-")[1])
    assert column_cache.load(tmp_path / "ix", generation, "any") is None
    reopened = ArticleStore.open(tmp_path / "ix")
    page = run_search(reopened, "truce date:2023-11-02")
    assert [hit.article.id for hit in page.hits] == ["art0002"]
    assert page.hits == expected.hits
    assert zlib.decompress(path.read_bytes()).startswith(b"NDCOLS2\n")
