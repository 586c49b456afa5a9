"""Tests for index.library: the facade the app and the CLI use."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from index import (
    AmbiguousArticleId,
    AnchorStatus,
    Article,
    ArticleId,
    ArticleNotFound,
    Bookmark,
    DataPaths,
    IndexCorrupt,
    IndexOutOfDate,
    InvalidRequest,
    Library,
    SpanKind,
)
from index.bookmarks.store import BookmarkStore
from index.store.article_store import ArticleStore
from index.store.index_files import VERSION_FILE

DATA = Path(__file__).resolve().parent.parent / "data" / "articles"


def _paths(tmp_path: Path) -> DataPaths:
    return DataPaths(data_dir=tmp_path / "home", config_dir=tmp_path / "home")


def test_library_in_memory_takes_articles(private_library: Library) -> None:
    """in_memory(articles) starts with those articles."""
    articles = [private_library.article(s.id) for s in private_library.recent()]
    assert Library.in_memory(articles).count() == len(articles) == 5


def test_library_resolve_by_prefix_and_path(private_library: Library) -> None:
    """An id, a unique prefix and the file path all resolve to the same article."""
    path = DATA / "01_doha_talks.txt"
    article_id = private_library.resolve(str(path))
    assert private_library.resolve(article_id[:6]) == article_id
    assert private_library.article(article_id).path == str(path.resolve())


def test_library_resolve_unknown_or_blank_raises(private_library: Library) -> None:
    """Unknown ids and blank refs raise ArticleNotFound with a hint."""
    with pytest.raises(ArticleNotFound):
        private_library.resolve("zzzz-no-such-id")
    with pytest.raises(ArticleNotFound) as caught:
        private_library.resolve("  ")
    assert caught.value.hint


def test_library_resolve_duplicate_path_gives_original(tmp_path: Path) -> None:
    """The path of an identical copy resolves to the original's id."""
    shutil.copy(DATA / "01_doha_talks.txt", tmp_path / "a.txt")
    shutil.copy(DATA / "01_doha_talks.txt", tmp_path / "b.txt")
    lib = Library.in_memory()
    (original,) = lib.index_paths([tmp_path]).added
    assert lib.resolve(str(tmp_path / "b.txt")) == original


@pytest.mark.parametrize("copy_in_cwd", [False, True])
def test_library_resolve_seeds_path_finds_the_bundled_seed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, copy_in_cwd: bool
) -> None:
    """`seeds/NAME` names the bundled seed the first run indexed, from any folder."""
    bundled = tmp_path / "site-packages" / "index" / "bundled_seeds"
    bundled.mkdir(parents=True)
    shutil.copy(DATA / "01_doha_talks.txt", bundled / "000_doha.txt")
    monkeypatch.setattr("index.paths.bundled_seeds_dir", lambda: bundled)
    lib = Library.in_memory()
    (seed,) = lib.index_paths([bundled]).added
    checkout = tmp_path / "checkout"
    (checkout / "seeds").mkdir(parents=True)
    if copy_in_cwd:
        shutil.copy(DATA / "01_doha_talks.txt", checkout / "seeds" / "000_doha.txt")
    monkeypatch.chdir(checkout)
    assert lib.resolve("seeds/000_doha.txt") == seed
    assert lib.resolve("./seeds/000_doha.txt") == seed
    with pytest.raises(ArticleNotFound):
        lib.resolve("seeds/999_none.txt")


def test_library_spans_has_figures_parties_and_matches(private_library: Library) -> None:
    """spans() merges FIGURE, PARTY and (for query terms) MATCH spans, sorted."""
    article = private_library.article(str(DATA / "01_doha_talks.txt"))
    page = private_library.search("hostages")
    spans = private_library.spans(article, page.terms)
    kinds = {s.kind for s in spans}
    assert kinds == {SpanKind.FIGURE, SpanKind.PARTY, SpanKind.MATCH}
    assert spans == sorted(spans, key=lambda s: (s.paragraph, s.start, -s.end, s.kind))
    for span in spans:
        assert article.paragraphs[span.paragraph][span.start : span.end]
    assert SpanKind.MATCH not in {s.kind for s in private_library.spans(article)}


def test_library_search_and_related(private_library: Library) -> None:
    """search finds articles; related lists others, never the article itself."""
    page = private_library.search("Doha", limit=3)
    assert page.hits
    assert page.total >= 1
    first = page.hits[0].article.id
    related = private_library.related(first, limit=3)
    assert related
    assert first not in {r.article.id for r in related}


def test_library_compare_resolves_both_refs(private_library: Library) -> None:
    """compare(a, b) accepts prefixes and returns a Comparison of the two ids."""
    a, b = (s.id for s in private_library.recent(2))
    comparison = private_library.compare(a[:8], b)
    assert (comparison.a, comparison.b) == (a, b)


def test_library_compare_articles_returns_both_articles(private_library: Library) -> None:
    """compare_articles(a, b) gives the same comparison plus the two articles it read."""
    a, b = (s.id for s in private_library.recent(2))
    compared = private_library.compare_articles(a[:8], b)
    assert (compared.a, compared.b) == (private_library.article(a), private_library.article(b))
    assert compared.comparison == private_library.compare(a, b)


def test_library_bookmark_round_trip(private_library: Library) -> None:
    """A whole-paragraph bookmark is listed anchored, with the article title."""
    article = private_library.article(str(DATA / "02_cairo_round.txt"))
    mark = private_library.add_bookmark(article.id, 1, note="check this", tags=("toll",))
    assert mark.quote == article.paragraphs[1]
    (listed,) = private_library.bookmarks()
    assert listed.status == AnchorStatus.ANCHORED
    assert listed.article_title == article.title
    updated = private_library.update_bookmark(mark.id, note="checked")
    assert updated.note == "checked"
    private_library.remove_bookmark(mark.id)
    assert private_library.bookmarks() == []


def test_library_bookmarks_of_one_article_reanchor_only_those(
    private_library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """bookmarks(article_id=...) lists and re-anchors that article's bookmarks only."""
    cairo = private_library.article(str(DATA / "02_cairo_round.txt"))
    doha = private_library.article(str(DATA / "01_doha_talks.txt"))
    first = private_library.add_bookmark(cairo.id, 1)
    private_library.add_bookmark(doha.id, 0)
    last = private_library.add_bookmark(cairo.id, 0, tags=("#Talks",))
    reanchored: list[int] = []
    real = BookmarkStore.reanchor

    def spy(store: BookmarkStore, mark: Bookmark, article: Article | None) -> Bookmark:
        reanchored.append(mark.id)
        return real(store, mark, article)

    monkeypatch.setattr(BookmarkStore, "reanchor", spy)
    listed = private_library.bookmarks(article_id=cairo.id)
    assert [m.id for m in listed] == reanchored == [first.id, last.id]
    assert {m.article_title for m in listed} == {cairo.title}
    assert last.tags == ("Talks",)


def test_library_bookmarks_filtered_by_text_and_tags(private_library: Library) -> None:
    """filter_text and tags keep the matching bookmarks, as the app's filter does."""
    article_id = private_library.recent(1)[0].id
    toll = private_library.add_bookmark(article_id, 0, note="toll differs", tags=("figures",))
    other = private_library.add_bookmark(article_id, 1, tags=("proposal", "figures"))
    assert [m.id for m in private_library.bookmarks(filter_text="TOLL")] == [toll.id]
    assert [m.id for m in private_library.bookmarks(tags=["#figures"])] == [toll.id, other.id]
    assert [
        m.id for m in private_library.bookmarks(filter_text="tag:figures", tags=["proposal"])
    ] == [other.id]


def test_library_bookmark_out_of_range_is_invalid(private_library: Library) -> None:
    """Paragraph or offsets outside the article raise InvalidRequest."""
    article_id = private_library.recent(1)[0].id
    with pytest.raises(InvalidRequest):
        private_library.add_bookmark(article_id, 999)
    with pytest.raises(InvalidRequest):
        private_library.add_bookmark(article_id, 0, 5, 2)


def test_library_bookmark_of_removed_article_is_orphan(tmp_path: Path) -> None:
    """When the article leaves the library its bookmark is listed as an orphan."""
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(DATA / "01_doha_talks.txt", folder / "a.txt")
    lib = Library.in_memory()
    (article_id,) = lib.index_paths([folder]).added
    lib.add_bookmark(article_id, 0, 0, 10)
    (folder / "a.txt").unlink()
    assert lib.index_paths([folder]).removed == (article_id,)
    (orphan,) = lib.bookmarks()
    assert orphan.status == AnchorStatus.ORPHAN


def test_library_export_bookmarks(private_library: Library) -> None:
    """Markdown and W3C JSON exports contain the quote; other formats are refused."""
    article = private_library.article(str(DATA / "02_cairo_round.txt"))
    private_library.add_bookmark(article.id, 0, note="lead")
    assert article.paragraphs[0][:30] in private_library.export_bookmarks("md")
    exported = json.loads(private_library.export_bookmarks("json"))
    assert isinstance(exported, list)
    assert len(exported) == 1
    with pytest.raises(InvalidRequest):
        private_library.export_bookmarks("pdf")


def test_library_open_persists_and_rebuild_keeps_bookmarks(tmp_path: Path) -> None:
    """An on-disk library survives reopening; rebuild re-indexes and keeps bookmarks."""
    paths = _paths(tmp_path)
    lib = Library.open(paths)
    assert lib.index_paths([DATA]).added
    lib.add_bookmark(lib.recent(1)[0].id, 0)
    lib.close()
    lib = Library.open(paths)
    assert lib.count() == 5
    assert lib.index_paths([DATA]).unchanged == 5
    report = lib.index_paths([DATA], rebuild=True)
    assert len(report.added) == 5
    assert len(lib.bookmarks()) == 1
    lib.close()


def test_library_out_of_date_index_can_be_recreated(tmp_path: Path) -> None:
    """A schema mismatch raises IndexOutOfDate; open(recreate=True) starts over."""
    paths = _paths(tmp_path)
    Library.open(paths).close()
    (paths.index_dir / VERSION_FILE).write_text("0", encoding="ascii")
    with pytest.raises(IndexOutOfDate):
        Library.open(paths)
    lib = Library.open(paths, recreate=True)
    assert lib.count() == 0
    assert len(lib.index_paths([DATA]).added) == 5
    lib.close()


def test_library_wiped_index_resets_the_manifest(tmp_path: Path) -> None:
    """If the index was emptied behind the manifest's back, files are indexed again."""
    paths = _paths(tmp_path)
    lib = Library.open(paths)
    lib.index_paths([DATA])
    lib.close()
    ArticleStore.create(paths.index_dir).close()
    lib = Library.open(paths)
    assert len(lib.index_paths([DATA]).added) == 5
    lib.close()


def test_library_resolve_multi_record_file(tmp_path: Path) -> None:
    """A file of several records is ambiguous as a ref; `file#N` names one record."""
    records = [
        {"title": f"Report {n}", "text": f"Mediators met in Doha on day {n} of the talks. " * 4}
        for n in range(3)
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    lib = Library.in_memory()
    lib.index_paths([feed])
    with pytest.raises(AmbiguousArticleId) as caught:
        lib.resolve(str(feed))
    assert "#N" in caught.value.hint
    assert lib.article(f"{feed}#2").title == "Report 1"


def _bookmarked_file(tmp_path: Path) -> tuple[Path, DataPaths, Library, ArticleId]:
    """A library of one file in a folder, its article bookmarked."""
    folder = tmp_path / "news"
    folder.mkdir()
    shutil.copy(DATA / "02_cairo_round.txt", folder / "a.txt")
    paths = _paths(tmp_path)
    lib = Library.open(paths)
    (article_id,) = lib.index_paths([folder]).added
    lib.add_bookmark(article_id, 0)
    return folder, paths, lib, article_id


def _edit(folder: Path) -> None:
    """Change the file of `_bookmarked_file` (its content hash, so a new id unless kept)."""
    text = (folder / "a.txt").read_text(encoding="utf-8")
    (folder / "a.txt").write_text(text + "\nA late paragraph was added.\n", encoding="utf-8")


def test_library_rebuild_keeps_article_ids(tmp_path: Path) -> None:
    """After --rebuild an edited file keeps its id, so its bookmarks stay attached."""
    folder, paths, lib, article_id = _bookmarked_file(tmp_path)
    _edit(folder)
    assert lib.index_paths([folder], rebuild=True).added == (article_id,)
    lib.close()
    lib = Library.open(paths, recreate=True)
    assert lib.index_paths([folder]).added == (article_id,)
    (mark,) = lib.bookmarks()
    assert mark.status == AnchorStatus.ANCHORED
    lib.close()


def test_library_corrupt_manifest_needs_and_survives_rebuild(tmp_path: Path) -> None:
    """A garbled manifest raises IndexCorrupt on indexing; --rebuild recovers."""
    paths = _paths(tmp_path)
    lib = Library.open(paths)
    lib.index_paths([DATA])
    lib.close()
    (paths.index_dir / "manifest.sqlite3").write_bytes(b"garbage" * 500)
    lib = Library.open(paths)
    with pytest.raises(IndexCorrupt):
        lib.index_paths([DATA])
    assert len(lib.index_paths([DATA], rebuild=True).added) == 5
    lib.close()


def test_library_uses_the_users_parties_file(tmp_path: Path) -> None:
    """A parties.json in the config folder adds parties to what ingest finds."""
    paths = _paths(tmp_path)
    paths.config_dir.mkdir(parents=True)
    extra = {"parties": [{"name": "Zorblat Council", "kind": "organization"}]}
    paths.parties_file.write_text(json.dumps(extra), encoding="utf-8")
    article_file = tmp_path / "a.txt"
    body = "The Zorblat Council said on Monday that talks with Hamas would resume in Cairo."
    article_file.write_text(f"Council backs new talks\n\n{body}\n", encoding="utf-8")
    lib = Library.open(paths)
    lib.index_paths([article_file])
    parties = {m.party for m in lib.article(str(article_file)).mentions}
    assert {"Zorblat Council", "Hamas"} <= parties
    lib.close()


def test_library_party_filter_finds_a_name_recognised_from_the_text(tmp_path: Path) -> None:
    """A name no gazetteer knows, recognised from its cue ("spokesman X"), is a party:
    `party:` finds the article and the party facet counts it."""
    article_file = tmp_path / "a.txt"
    body = "Civil defence spokesman Yasser Haddad said 12 people were killed in Rafah."
    article_file.write_text(f"Shelter hit overnight\n\n{body}\n", encoding="utf-8")
    lib = Library.in_memory()
    lib.index_paths([article_file])
    page = lib.search('party:"yasser haddad"')
    assert [hit.article.path for hit in page.hits] == [str(article_file.resolve())]
    assert ("yasser haddad", 1) in [(v.value.lower(), v.count) for v in page.facets["party"]]


def test_library_of_an_older_schema_rebuilds_with_its_ids_and_bookmarks(tmp_path: Path) -> None:
    """Index schema 2 with a version-1 manifest: recreated, an edited file keeps its id."""
    folder, paths, lib, article_id = _bookmarked_file(tmp_path)
    lib.close()
    manifest = paths.index_dir / "manifest.sqlite3"
    with sqlite3.connect(manifest) as db:  # what schema 2 left: manifest version 1
        files = db.execute("SELECT * FROM files").fetchall()
    manifest.unlink()
    with sqlite3.connect(manifest) as db:
        db.execute(
            "CREATE TABLE files (path TEXT PRIMARY KEY, size INTEGER NOT NULL, "
            "mtime_ns INTEGER NOT NULL, sha256 TEXT NOT NULL, article_ids TEXT NOT NULL, "
            "duplicate_of TEXT NOT NULL)"
        )
        db.executemany("INSERT INTO files VALUES (?, ?, ?, ?, ?, ?)", files)
        db.execute("PRAGMA user_version = 1")
    db.close()
    (paths.index_dir / VERSION_FILE).write_text("2", encoding="ascii")
    with pytest.raises(IndexOutOfDate):
        Library.open(paths)
    _edit(folder)
    lib = Library.open(paths, recreate=True)
    assert lib.index_paths([folder]).added == (article_id,)
    (mark,) = lib.bookmarks()
    assert mark.status == AnchorStatus.ANCHORED
    lib.close()
