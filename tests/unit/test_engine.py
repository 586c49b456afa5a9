"""Tests for index.search.engine (run_search, match_spans) over a small hand-written library."""

from __future__ import annotations

import dataclasses

import pytest

from index.errors import InvalidRequest
from index.models import MISSING, ArticleId, SpanKind
from index.search.engine import match_spans, run_search
from index.search.query import parse_query
from index.store.article_store import ArticleStore
from index.store.docsets import matching_docs
from index.store.schema import scoring_model
from index.store.scorer import top_scored
from tests.builders import SEARCH_ARTICLES


def _ids(search_store: ArticleStore, text: str, **kwargs: object) -> list[str]:
    page = run_search(search_store, text, **kwargs)  # type: ignore[arg-type]
    return [hit.article.id for hit in page.hits]


def test_run_search_stems_query_words(search_store: ArticleStore) -> None:
    """'hostage' finds the article that says 'hostages'."""
    assert _ids(search_store, "hostage") == ["a"]


def test_run_search_ranks_title_matches_first(search_store: ArticleStore) -> None:
    """An article with the words in its title ranks above one with them in the body."""
    assert _ids(search_store, "truce")[0] in {"a", "b"}
    assert _ids(search_store, "truce extended")[0] == "b"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"hostages on Friday"', ["a"]),
        ("hamas AND qatar", ["a"]),
        ("hamas NOT qatar", ["c"]),
        ("oil OR toll", ["c", "d"]),
        ("hostag*", ["a"]),
        ("hamass~", ["a", "c"]),
        ("party:qatar", ["a", "b"]),
        ('source:"al jazeera"', ["b"]),
        ("source:jazeera truce", ["b"]),
        ("figure:killed", []),
        ("tag:economy", ["d"]),
        ("date:2024-04", ["c"]),
        ("date:2023", ["a", "b"]),
        ("date:[2023-11-25 to 2024-12-31]", ["b", "c"]),
        ("date:[2023-11-25 to]", ["b", "c"]),
    ],
)
def test_run_search_syntax(search_store: ArticleStore, text: str, expected: list[str]) -> None:
    """Phrases, operators, prefix, fuzzy and field filters select the right articles."""
    page = run_search(search_store, text)
    assert sorted(h.article.id for h in page.hits) == expected
    assert page.total == len(expected)
    assert not page.fallback


@pytest.mark.parametrize(
    "text",
    [
        '"unclosed',
        "AND OR",
        "(((",
        "date:[garbage",
        "title:",
        "x" * 10_000,
        "ham\x00as\x1b",
        "hamas)",
        "NOT",
        "party:",
        "[a to",
        "title:(",
        "hamas AND",
    ],
)
def test_run_search_malformed_never_raises(search_store: ArticleStore, text: str) -> None:
    """A malformed query falls back to plain words and says so."""
    page = run_search(search_store, text)
    assert page.fallback
    assert page.notice


@pytest.mark.parametrize("text", ["*", "~", "?", "^", "-", "a*b*c*", "NOT hamas", "hamas^x"])
def test_run_search_odd_queries_never_raise(search_store: ArticleStore, text: str) -> None:
    """Odd but well-formed queries run without raising."""
    page = run_search(search_store, text)
    assert page.total == len(page.hits)


def test_run_search_only_words_to_leave_out(search_store: ArticleStore) -> None:
    """ "NOT hamas" lists every article without the word, newest first (it searched for
    "hamas" instead: the opposite); with a filter, within the filter; a notice says so."""
    every = {h.article.id for h in run_search(search_store, "  ").hits}
    with_hamas = {h.article.id for h in run_search(search_store, "hamas").hits}
    page = run_search(search_store, "NOT hamas")
    assert {h.article.id for h in page.hits} == every - with_hamas
    assert page.total == len(every - with_hamas) > 0
    assert page.sort == "date"
    assert page.notice is not None
    assert "leave out" in page.notice
    both = run_search(search_store, "NOT (hamas OR qatar)")
    with_qatar = {h.article.id for h in run_search(search_store, "qatar").hits}
    assert {h.article.id for h in both.hits} == every - with_hamas - with_qatar


def test_run_search_says_when_every_word_is_too_common(search_store: ArticleStore) -> None:
    """ "the of" finds nothing (stop words are not indexed) and says why, not silently."""
    page = run_search(search_store, "The of")
    assert page.total == 0
    assert page.notice is not None
    assert "too common" in page.notice
    assert "“the”, “of”" in page.notice


def test_run_search_fallback_searches_the_words(search_store: ArticleStore) -> None:
    """The fallback still finds the words of a broken query."""
    page = run_search(search_store, '"hostages (truce')
    assert page.fallback
    assert {h.article.id for h in page.hits} >= {"a"}


def test_run_search_empty_query_lists_recent(search_store: ArticleStore) -> None:
    """An empty query lists every article, newest first, undated last."""
    page = run_search(search_store, "  ")
    assert [h.article.id for h in page.hits] == ["c", "b", "a", "d"]
    assert page.total == 4
    assert page.sort == "date"


def test_run_search_sort_by_date_and_paging(search_store: ArticleStore) -> None:
    """sort=date orders newest first; offset/limit page through the same order."""
    assert _ids(search_store, "hamas OR qatar", sort="date") == ["c", "b", "a"]
    page = run_search(search_store, "hamas OR qatar", sort="date", limit=1, offset=1)
    assert [h.article.id for h in page.hits] == ["b"]
    assert page.hits[0].rank == 2
    assert page.total == 3


def test_run_search_unknown_sort_raises(search_store: ArticleStore) -> None:
    """An unknown sort is a user error."""
    with pytest.raises(InvalidRequest):
        run_search(search_store, "hamas", sort="title")


def test_run_search_facets_count_the_whole_result_set(search_store: ArticleStore) -> None:
    """Facets count every match, not only the page."""
    page = run_search(search_store, "hamas OR qatar", limit=1)
    parties = {f.value: f.count for f in page.facets["party"]}
    assert parties == {"Hamas": 2, "Qatar": 2, "Ministry of Health": 1}
    assert {f.value for f in page.facets["source"]} == {"Sputnik", "Al Jazeera", "AFP"}
    assert [f.value for f in page.facets["month"]] == ["2024-04", "2023-11"]


def test_run_search_snippet_matches_line_up(search_store: ArticleStore) -> None:
    """Snippet match offsets slice the matched words out of the snippet text."""
    page = run_search(search_store, "hostage qatar")
    snippet = page.hits[0].snippet
    assert [snippet.text[s:e].lower() for s, e in snippet.matches] == ["qatar", "hostage"]
    assert page.terms == ("hostag", "qatar")


def test_run_search_without_snippets_or_facets_ranks_the_same(
    search_store: ArticleStore,
) -> None:
    """`snippets=False, facets=False` (a batch line) gives the same hits, titles for snippets."""
    full = run_search(search_store, "hostage qatar")
    bare = run_search(search_store, "hostage qatar", snippets=False, facets=False)
    assert [(h.article.id, h.score, h.rank) for h in bare.hits] == [
        (h.article.id, h.score, h.rank) for h in full.hits
    ]
    assert bare.total == full.total
    assert bare.facets == {}
    assert full.facets
    assert [h.snippet.text for h in bare.hits] == [h.article.title for h in bare.hits]
    assert all(h.snippet.matches == () for h in bare.hits)
    assert full.hits[0].snippet.matches


def test_run_search_as_you_type_treats_last_word_as_prefix(search_store: ArticleStore) -> None:
    """While typing, 'hosta' already finds 'hostages'; one letter is ignored."""
    assert _ids(search_store, "hosta", as_you_type=True) == ["a"]
    assert _ids(search_store, "hostages", as_you_type=True) == ["a"]
    assert run_search(search_store, "h", as_you_type=True).total == 4
    assert _ids(search_store, "hosta ", as_you_type=True) == []


def test_run_search_prefix_cap_is_reported(
    search_store: ArticleStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An explicit prefix that matches more terms than the cap says so."""
    monkeypatch.setattr("index.search.terms.PREFIX_CAP", 1)
    page = run_search(search_store, "h*")
    assert page.notice is not None
    assert "most common" in page.notice
    assert page.total >= 1


def test_run_search_did_you_mean(search_store: ArticleStore) -> None:
    """A misspelled word gets a suggestion that finds more."""
    page = run_search(search_store, "qatarr")
    assert page.total == 0
    assert page.suggestion == "qatar"
    assert run_search(search_store, "qatar").suggestion is None


def test_match_spans_highlights_inflections() -> None:
    """MATCH spans cover every inflection sharing the term's stem."""
    article = SEARCH_ARTICLES[0]
    spans = match_spans(article, ["hostag"])
    assert [article.paragraphs[s.paragraph][s.start : s.end] for s in spans] == [
        "hostages",
        "hostage",
    ]
    assert all(s.kind is SpanKind.MATCH for s in spans)
    assert match_spans(article, []) == []


def test_run_search_relaxes_and_to_or_when_nothing_has_all_words(
    search_store: ArticleStore,
) -> None:
    """Plain words that no article has together fall back to any-of, with a notice."""
    page = run_search(search_store, "oil hostages")
    assert {h.article.id for h in page.hits} == {"a", "d"}
    assert page.notice is not None
    assert "any of them" in page.notice
    assert not page.fallback
    assert run_search(search_store, "oil AND hostages").total == 0


@pytest.mark.parametrize(
    "text",
    [
        "truce",
        "hamas qatar",
        "hamas OR oil OR truce",
        "hamas NOT qatar",
        "gaza^2 truce",
        '"hostages on Friday"',
        '"truce in Gaza" OR hamas',
        '"hostages on Friday"^2 OR truce',
    ],
)
def test_top_scored_agrees_with_whoosh(search_store: ArticleStore, text: str) -> None:
    """The block scorer ranks and scores like Whoosh's BM25F."""
    with search_store.searcher() as searcher:
        searcher.weighting = scoring_model()
        parsed = parse_query(text, searcher.reader())
        assert parsed.text_query is not None
        docnums = matching_docs(searcher, parsed.text_query)
        ours = top_scored(
            searcher, parsed.text_query, docnums, 10, search_store.length_norms(searcher)
        )
        theirs = [(h.docnum, h.score) for h in searcher.search(parsed.text_query, limit=10)]
    assert ours is not None
    assert [d for d, _ in ours] == [d for d, _ in theirs]
    if "NOT" not in text:  # Whoosh adds a constant 1.0 per NOT clause: same order
        assert [round(s, 4) for _, s in ours] == [round(s, 4) for _, s in theirs]


def test_top_scored_leaves_proximity_phrases_to_whoosh(search_store: ArticleStore) -> None:
    """A phrase with a slop ("words near each other") is not matched here: the scorer declines."""
    with search_store.searcher() as searcher:
        parsed = parse_query('"hostages Friday"~3', searcher.reader())
        assert parsed.text_query is not None
        assert (
            top_scored(searcher, parsed.text_query, [0], 10, search_store.length_norms(searcher))
            is None
        )


def test_run_search_shows_rewritten_article_after_cached_search() -> None:
    """The decoded-article and posting caches do not outlive a write of the index."""
    store = ArticleStore.in_memory()
    store.write(SEARCH_ARTICLES)
    before = run_search(store, "hamas")
    assert before.hits
    first = before.hits[0].article.id
    old = next(a for a in SEARCH_ARTICLES if a.id == first)
    renamed = dataclasses.replace(old, title="Renamed headline", source="Wire", mentions=())
    store.write([renamed])
    after = run_search(store, "hamas")
    titles = {hit.article.id: hit.article.title for hit in after.hits}
    assert titles[first] == "Renamed headline"
    assert run_search(store, "renamed").total == 1


@pytest.mark.parametrize("text", ["*", "* *", "title:*"])
def test_run_search_lone_star_lists_every_article_newest_first(
    search_store: ArticleStore, text: str
) -> None:
    """`*` alone would make Whoosh score every document one by one; it lists them instead."""
    page = run_search(search_store, text)
    assert page.total == len(SEARCH_ARTICLES)
    assert page.sort == "date"
    assert page.notice is not None
    assert "*" in page.notice


def test_run_search_star_beside_words_is_left_out(search_store: ArticleStore) -> None:
    """`hostages *` searches `hostages` (and says the * was left out)."""
    page = run_search(search_store, "hostages *")
    assert [h.article.id for h in page.hits] == _ids(search_store, "hostages")
    assert page.notice is not None


def test_run_search_facets_offer_unknown_outlet_and_undated() -> None:
    """Articles without an outlet or a date are counted as the "none" facet value, last."""
    store = ArticleStore.in_memory()
    unsourced = dataclasses.replace(
        SEARCH_ARTICLES[3], id=ArticleId("e"), source=None, path="/news/e.txt"
    )
    store.write([*SEARCH_ARTICLES, unsourced])
    page = run_search(store, "")
    sources = [(f.value, f.count) for f in page.facets["source"]]
    months = [(f.value, f.count) for f in page.facets["month"]]
    assert sources[-1] == (MISSING, 1)
    assert months[-1] == (MISSING, 2)
    assert page.facets["source"][-1].missing
    assert not page.facets["source"][0].missing
    assert sorted(h.article.id for h in run_search(store, "source:none").hits) == ["e"]
    assert sorted(h.article.id for h in run_search(store, "date:none").hits) == ["d", "e"]
    assert [h.article.id for h in run_search(store, "crude date:none source:none").hits] == ["e"]
    store.close()


def test_run_search_suggests_while_typing(search_store: ArticleStore) -> None:
    """A misspelt word that finds nothing while typing gets the suggestion at once."""
    page = run_search(search_store, "qatarr", as_you_type=True)
    assert page.total == 0
    assert page.suggestion == "qatar"
    assert run_search(search_store, "qata", as_you_type=True).suggestion is None


def test_run_search_fuzzy_notice_names_the_typed_word(search_store: ArticleStore) -> None:
    """The notice about a fuzzy word's edits quotes it as typed ("fuzzy~5", not "fuzzi~")."""
    page = run_search(search_store, "fuzzy~5 truce")
    assert page.notice is not None
    assert "fuzzy~5 looks at most 2 edits away" in page.notice
    assert "fuzzi~" not in page.notice
