"""FigureStore: counted figures in SQLite, in step with the index on write, delete and rebuild."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from index import Library
from index.models import Article, ArticleId
from index.story.models import CountKey
from index.story.store import FILENAME, FigureStore, count_of
from tests.builders import article, figure

KILLED_GAZA = CountKey("killed", None, "Gaza")


def toll(article_id: str, value: float, day: int | None = 1, source: str = "BBC") -> Article:
    """An article stating a Gaza toll of `value` (and a percentage, which is not a count)."""
    paragraph = f"{value:,.0f} people were killed in Gaza, 40% of them children."
    return article(
        (paragraph,),
        article_id=article_id,
        source=source,
        published=None if day is None else date(2023, 11, day),
        figures=(
            figure(f"{value:,.0f} people", value=value, measure="killed", place="Gaza"),
            figure("40%", value=40, unit="percent", measure="killed", start=40),
        ),
    )


def test_count_of_skips_units_and_unmeasured_figures() -> None:
    """Only figures with a measure and no unit are counts."""
    assert count_of(figure("40%", value=40, unit="percent", measure="killed")) is None
    assert count_of(figure("12 trucks", value=12)) is None
    assert count_of(figure("5 killed", value=5, measure="killed", place="Gaza")) == KILLED_GAZA


def test_apply_stores_counts_with_reports_and_dates() -> None:
    """A write's counts are summarised with reports, dates and undated reports."""
    store = FigureStore.open(None)
    store.apply([toll("a", 100, 1), toll("b", 120, 3), toll("u", 90, None)])
    (summary,) = store.counts()
    assert summary.key == KILLED_GAZA
    assert (summary.reports, summary.figures, summary.undated) == (3, 3, 1)
    assert (summary.first, summary.last) == (date(2023, 11, 1), date(2023, 11, 3))


def test_apply_replaces_updated_and_drops_deleted_articles() -> None:
    """An updated article's figures replace its old ones; a deleted article's go."""
    store = FigureStore.open(None)
    store.apply([toll("a", 100), toll("b", 120)])
    store.apply([toll("a", 150)], [ArticleId("b")])
    figures = store.figures(KILLED_GAZA)
    assert [(f.article_id, f.figure.value) for f in figures] == [("a", 150)]
    assert store.counts()[0].reports == 1


def test_apply_drops_emptied_counts() -> None:
    """A count whose last report goes is no longer listed."""
    store = FigureStore.open(None)
    store.apply([toll("a", 100)])
    store.apply([], [ArticleId("a")])
    assert store.counts() == []


def test_figures_match_group_and_place_without_case() -> None:
    """ "gaza" finds the figures of "Gaza"."""
    store = FigureStore.open(None)
    store.apply([toll("a", 100)])
    assert len(store.figures(CountKey("killed", None, "gaza"))) == 1


def test_in_step_follows_generations() -> None:
    """The store matches the index generation it followed, and loses step on a missed write."""
    store = FigureStore.open(None)
    store.start_over(0)
    store.apply([toll("a", 100)], (), (0, 1))
    assert store.in_step(1)
    store.apply([toll("b", 100)], (), (5, 6))
    assert not store.in_step(6)
    store.fill([toll("a", 100)], 7)
    assert store.in_step(7)
    assert store.counts()[0].reports == 1


def test_open_starts_over_a_store_of_another_version(tmp_path: Path) -> None:
    """A store written by another schema version is emptied (it is derived data)."""
    path = tmp_path / FILENAME
    store = FigureStore.open(path)
    store.apply([toll("a", 100)])
    store.close()
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version = 99")
    reopened = FigureStore.open(path)
    assert reopened.counts() == []
    reopened.close()


def test_open_a_damaged_file_starts_the_store_anew(tmp_path: Path) -> None:
    """A file that is not SQLite (garbled, zeroed) is derived data: an empty store replaces
    it, out of step so that the library fills it from the index. Never an error."""
    path = tmp_path / FILENAME
    path.write_bytes(b"not a database at all" * 100)
    store = FigureStore.open(path)
    assert store.counts() == []
    assert not store.in_step(0)
    store.apply([toll("a", 100)], generations=None)
    assert [c.reports for c in store.counts()] == [1]
    store.close()


def _library_with_a_toll(tmp_path: Path, *, recreate: bool = True) -> tuple[Library, Path]:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.jsonl").write_text(
        '{"id": "a", "title": "Toll", "source": "BBC", "date": "2023-11-01",'
        ' "text": "The Gaza health ministry said 10,000 people have been killed in Gaza."}\n',
        encoding="utf-8",
    )
    from index.paths import DataPaths

    home = tmp_path / "home"
    library = Library.open(DataPaths(home, home), recreate=recreate)
    library.index_paths([folder])
    return library, folder


@pytest.mark.parametrize("damage", ["truncated", "garbled"])
def test_a_damaged_store_never_stops_indexing_or_a_rebuild(tmp_path: Path, damage: str) -> None:
    """The fault benchmark's find: a truncated or garbled figure store made `index` fail
    and `--rebuild` fail after emptying the index (20 articles lost). Now both run, and the
    story is filled again from the index."""
    library, folder = _library_with_a_toll(tmp_path)
    library.close()
    from index.paths import DataPaths

    home = tmp_path / "home"
    path = home / "index" / FILENAME
    data = path.read_bytes()
    path.write_bytes(
        data[: len(data) // 2]
        if damage == "truncated"
        else bytes(b ^ 0xA5 if n % 7 == 0 else b for n, b in enumerate(data))
    )
    for rebuild in (False, True):
        library = Library.open(DataPaths(home, home))
        library.index_paths([folder], rebuild=rebuild)
        assert library.count() == 1
        counts = {c.key.measure: c for c in library.figure_counts()}
        assert counts["killed"].reports == 1
        library.close()


def test_library_story_fills_store_from_index_written_without_it() -> None:
    """A library whose index was written without the store builds it on first use."""
    library = Library.in_memory([toll("a", 100, 1), toll("b", 300, 2)])
    assert not library.figures_in_step()
    story = library.story(KILLED_GAZA)
    assert [r.article_id for r in story.rows] == ["a", "b"]
    assert library.figures_in_step()
    library.close()


def test_library_keeps_store_in_step_on_index_and_rebuild(tmp_path: Path) -> None:
    """Indexing follows into the store; --rebuild starts it over; the file sits by the index."""
    library, _folder = _library_with_a_toll(tmp_path)
    assert library.figures_in_step()
    counts = {c.key.measure: c for c in library.figure_counts()}
    assert counts["killed"].reports == 1
    assert (library.paths.index_dir / FILENAME).is_file()  # type: ignore[union-attr]  # on disk
    library.index_paths([tmp_path / "nothing"], rebuild=True)
    assert library.figures_in_step()
    assert library.figure_counts() == []
    library.close()


def test_first_index_run_of_a_new_library_leaves_the_store_in_step(tmp_path: Path) -> None:
    """`newsdesk index` on a new home (no --rebuild): the store follows from the first run,
    so the first story reads nothing again (it was out of step: 9.7 s at 100k articles)."""
    from index.paths import DataPaths

    library, _folder = _library_with_a_toll(tmp_path, recreate=False)
    assert library.figures_in_step()
    library.close()
    home = tmp_path / "home"
    library = Library.open(DataPaths(home, home))
    assert library.figures_in_step()
    story = library.story(KILLED_GAZA)
    assert [(r.article_id, r.figure.value) for r in story.rows] == [("a", 10000)]
    library.close()


def test_library_store_follows_updates_and_removals(tmp_path: Path) -> None:
    """A changed file replaces its figures; a file gone from a re-indexed folder takes them away."""
    from index.paths import DataPaths

    folder = tmp_path / "in"
    folder.mkdir()
    line = (
        '{{"id": "{id}", "title": "Toll", "source": "BBC", "date": "2023-11-0{day}",'
        ' "text": "The Gaza health ministry said {n} people have been killed in Gaza."}}\n'
    )
    (folder / "a.jsonl").write_text(line.format(id="a", day=1, n="9,000"), encoding="utf-8")
    (folder / "b.jsonl").write_text(line.format(id="b", day=2, n="9,500"), encoding="utf-8")
    home = tmp_path / "home"
    library = Library.open(DataPaths(home, home), recreate=True)
    library.index_paths([folder])
    (folder / "a.jsonl").write_text(line.format(id="a", day=3, n="10,000"), encoding="utf-8")
    (folder / "b.jsonl").unlink()
    library.index_paths([folder])
    assert library.figures_in_step()
    story = library.story(KILLED_GAZA)
    assert [(r.article_id, r.figure.value) for r in story.rows] == [("a", 10000)]
    library.close()
