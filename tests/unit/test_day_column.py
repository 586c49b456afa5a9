"""Tests for index.store.day_column: `date:` filters answered from the day column."""

from __future__ import annotations

import dataclasses
from array import array
from collections.abc import Iterator
from datetime import date, datetime
from itertools import product
from pathlib import Path

import pytest
from whoosh import query

from index.models import ArticleId
from index.search.engine import run_search
from index.search.filters import filter_query
from index.store import article_store
from index.store.article_store import ArticleStore
from index.store.day_column import UNDATED, DayColumn
from index.store.docsets import matching_docs
from tests.builders import stored_article

_DATES = (
    date(1987, 2, 26),
    None,
    date(2023, 10, 7),
    date(2023, 10, 31),
    date(2023, 11, 1),
    date(2023, 12, 31),
    None,
    date(2024, 1, 1),
    date(2024, 2, 29),
    date(2023, 10, 7),
    date(2024, 12, 31),
)
"""Days with month and year edges, a leap day, a repeated day and undated articles."""

_BOUNDS = ("", "1987", "2023-10", "2023-10-07", "2023-11-01", "2023-12", "2024-02-29", "2025")
"""Range ends: open, years, months, days; "2025" and "1987" at the edges of the data."""


@pytest.fixture
def dated_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[ArticleStore]:
    """A library of several segments with undated, rewritten and deleted articles."""
    monkeypatch.setattr(article_store, "BULK_THRESHOLD", 1)  # every write a new segment
    store = ArticleStore.open(tmp_path / "ix")
    articles = [
        stored_article(n, title=f"Truce holds {'day' * (n % 3)}", published=published)
        for n, published in enumerate(_DATES, start=1)
    ]
    for start in range(0, len(articles), 4):
        store.write(articles[start : start + 4])
    moved = dataclasses.replace(articles[2], published=date(2022, 5, 5))  # a new date
    undated = dataclasses.replace(articles[4], published=None)  # its date taken away
    store.write([moved, undated], deletes=[ArticleId("art0008")])
    assert store.segment_count() > 2
    yield store
    store.close()


def _date_filters() -> list[str]:
    single = [f"date:{bound}" for bound in _BOUNDS if bound]
    ranges = [f"date:[{low} to {high}]" for low, high in product(_BOUNDS, _BOUNDS)]
    return [*single, *ranges, "date:none", "date:[1990 to 1980]", "date:[2030 to]"]


def _whoosh_docs(store: ArticleStore, q: query.Query) -> list[int]:
    with store.searcher() as searcher:
        reader = searcher.reader()
        return sorted(d for d in searcher.docs_for_query(q) if not reader.is_deleted(d))


def test_day_column_answers_every_date_filter_as_whoosh_does(dated_store: ArticleStore) -> None:
    """Every date filter (open ends, empty ranges, none) matches what Whoosh's DateRange does."""
    checked = 0
    with dated_store.searcher() as searcher:
        days = dated_store.days(searcher)
        for text in _date_filters():
            q = filter_query("date", text.removeprefix("date:"), searcher.reader())
            if isinstance(q, str):  # "[ to ]": not understood, nothing to compare
                continue
            expected = _whoosh_docs(dated_store, q)
            assert matching_docs(searcher, q, days=days) == expected, text
            both = query.And([query.Term("body", "hama"), q])
            assert matching_docs(searcher, both, days=days) == _whoosh_docs(dated_store, both)
            checked += 1
    assert checked > 60


@pytest.mark.parametrize(
    "text",
    [
        "truce date:2023",
        "truce date:[2023-10-07 to 2023-11-01]",
        "day date:[to 2023-12]",
        "kill date:[2024 to]",
        "truce date:[2030 to]",
        "date:none",
        "truce date:none",
        "date:2023-10",
        "truce OR day date:[1987 to 2024-12-31]",
    ],
)
def test_run_search_same_page_with_and_without_the_column(
    dated_store: ArticleStore, monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    """The same hits, scores, total and facets as the Whoosh DateRange path, both sorts."""
    pages = {}
    for sort in ("relevance", "date"):
        pages[sort] = run_search(dated_store, text, sort=sort, limit=50)
    monkeypatch.setattr(DayColumn, "matches", lambda self, node: None)
    for sort, page in pages.items():
        old = run_search(dated_store, text, sort=sort, limit=50)
        assert [(h.article.id, h.score) for h in page.hits] == [
            (h.article.id, h.score) for h in old.hits
        ]
        assert (page.total, page.facets) == (old.total, old.facets)


def test_store_days_by_docnum_skip_deleted_and_undated(dated_store: ArticleStore) -> None:
    """Deleted and undated documents are UNDATED, last in the order or not in it."""
    with dated_store.searcher() as searcher:
        days = dated_store.days(searcher)
        reader = searcher.reader()
        live = [d for d in range(reader.doc_count_all()) if not reader.is_deleted(d)]
        assert sorted(days.order) == live
        undated = [d for d in days.order if days.days[d] == UNDATED]
        assert days.order[-len(undated) :] == undated
        assert days.between(None, None) == set(live) - set(undated)


def test_between_takes_inclusive_days_and_open_ends() -> None:
    """`between` keeps the dated docnums whose day is in the closed range."""
    days = DayColumn.from_values(
        [datetime(2023, 1, 2), datetime.min, datetime(2023, 1, 1), datetime(2023, 1, 3), 0],
        deleted={3},
    )
    first, second = date(2023, 1, 1).toordinal(), date(2023, 1, 2).toordinal()
    assert days.order == [0, 2, 1, 4]
    assert days.between(first, second) == {0, 2}
    assert days.between(second, None) == {0}
    assert days.between(None, first) == {2}
    assert days.between(second + 5, None) == set()
    assert list(days.days) == [second, UNDATED, first, UNDATED, UNDATED]


def test_matches_reads_exclusive_and_partial_day_bounds() -> None:
    """A bound inside a day or exclusive moves to the next (or previous) whole day."""
    days = DayColumn(array("I", [date(2023, 1, d).toordinal() for d in (1, 2, 3)]), [2, 1, 0])
    noon = datetime(2023, 1, 1, 12)
    assert days.matches(query.DateRange("date", noon, None)) == {1, 2}
    assert days.matches(query.DateRange("date", None, datetime(2023, 1, 2, 0, 0, 1))) == {0, 1}
    exclusive = query.DateRange(
        "date", datetime(2023, 1, 1), datetime(2023, 1, 3), startexcl=True, endexcl=True
    )
    assert days.matches(exclusive) == {1}
    assert (
        days.matches(query.DateRange("date", datetime(2023, 1, 3), datetime(2023, 1, 1))) == set()
    )
    assert days.matches(query.Every("month")) == {0, 1, 2}
    assert days.matches(query.Term("source", "bbc")) is None


def test_live_is_every_live_docnum_ascending_once() -> None:
    """The live docnums ascending (deleted ones out), sorted once and kept."""
    column = DayColumn.from_values([None, date(2023, 10, 7), None, date(2023, 11, 1)], {2})
    assert column.live() == [0, 1, 3]
    assert column.live() is column.live()
