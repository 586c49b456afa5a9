"""run_search: user text -> SearchPage (ranked hits, snippets, facets, did-you-mean).

One Searcher per call (`ArticleStore.searcher()`), so calls from several threads are safe.
Parsing lives in `index.search.query`, snippets and match spans in `index.search.snippets`,
"more like this" in `index.search.related`.
"""

from __future__ import annotations

import heapq
import time
from collections import Counter
from collections.abc import Collection, Sequence
from functools import partial

from whoosh import query
from whoosh.searching import Searcher

from index.errors import InvalidRequest
from index.models import MISSING, FacetValue, SearchHit, SearchPage, Snippet
from index.search.feedback import (
    FEEDBACK_DOCS,
    FEEDBACK_POOL,
    expand_query,
    expansion,
    query_terms,
)
from index.search.filter_values import store_values
from index.search.match_cache import remembered
from index.search.query import ParsedQuery, parse_query, plain_query, relax
from index.search.related import find_related
from index.search.snippets import make_snippet, match_spans
from index.search.spelling import suggest
from index.store.article_store import ArticleStore
from index.store.docsets import matching_docs
from index.store.documents import FacetColumns
from index.store.index_files import reading
from index.store.payload import summarise
from index.store.schema import scoring_model
from index.store.scorer import top_scored

__all__ = ["find_related", "match_spans", "rank", "run_search"]

FACET_LIMIT = 25
"""Most values shown per facet."""

SORTS = ("relevance", "date")


def run_search(
    store: ArticleStore,
    text: str,
    *,
    limit: int = 20,
    offset: int = 0,
    sort: str = "relevance",
    as_you_type: bool = False,
    facets: bool = True,
    snippets: bool = True,
) -> SearchPage:
    """Search the store; never raises on what the user typed.

    Args:
        store: The article index.
        text: The query as typed (syntax in README: phrases, AND/OR/NOT, `word*`,
            `word~`, `source:`, `party:`, `measure:`/`figure:`, `tag:`, `date:`).
        limit: Hits per page.
        offset: Hits to skip (paging).
        sort: "relevance" or "date" (newest first).
        as_you_type: The last word, unless followed by a space, is a (capped) prefix.
        facets: Count the facets of the matches (else `SearchPage.facets` is empty). The
            app shows a keystroke's hits first and asks for the facets (`limit=0`) once
            the typing pauses; the match set is remembered, so it is not found twice.
        snippets: Cut each hit's snippet (else it is the bare title, with no matches):
            `newsdesk search --batch` prints ids, titles and scores only.

    Raises:
        InvalidRequest: `sort` is not one of "relevance" and "date".
        IndexCorrupt: the index files cannot be read.
    """
    if sort not in SORTS:
        raise InvalidRequest(f"Unknown sort {sort!r}.", hint="use relevance or date")
    started = time.perf_counter()
    limit, offset = max(0, limit), max(0, offset)
    with store.searcher() as searcher, reading():
        searcher.weighting = scoring_model()
        # A fuzzy word ("gaza~") walks every segment's term list without the lexicon (3.4 s
        # at 100k articles from the command line, which has none); building it takes 0.6 s.
        lexicon = store.lexicon(searcher, build="~" in text)
        parsed = parse_query(
            text,
            searcher.reader(),
            as_you_type=as_you_type,
            lexicon=lexicon,
            values_of=store_values(store, searcher),
        )
        by_date = sort == "date" or parsed.text_query is None
        final = _final_query(parsed)
        top = limit + offset
        if parsed.long and not by_date and top > 0:
            top = max(top, FEEDBACK_POOL)  # the first pass of a long query feeds the second
        hits, docnums = _run(store, searcher, final, top, by_date=by_date)
        if hits is not None and not docnums and relax(parsed):
            final = _final_query(parsed)
            hits, docnums = _run(store, searcher, final, top, by_date=by_date)
        if parsed.long and not by_date and hits:
            hits = _with_feedback(store, searcher, parsed, hits, limit + offset)
        if hits is None:  # the parsed query failed inside Whoosh: run its plain words
            parsed.fallback = True
            parsed.notices.append("The query could not be run as written; searched for the words.")
            final = _final_query(parsed, plain=True)
            # Plain words cannot legitimately fail: an error here is a bug, so let it raise.
            hits, docnums = _run(
                store, searcher, final, limit + offset, by_date=by_date, swallow=False
            )
        page_hits = _hits(store, searcher, hits or [], offset, parsed.terms if snippets else None)
        counted = _facets(store, searcher, final, docnums) if facets else {}
        suggestion = _suggestion(store, searcher, parsed, text, len(docnums))
    return SearchPage(
        query=text,
        hits=tuple(page_hits),
        total=len(docnums),
        took_ms=(time.perf_counter() - started) * 1000,
        sort="date" if by_date else "relevance",
        fallback=parsed.fallback,
        notice=parsed.notice,
        suggestion=suggestion,
        facets=counted,
        terms=parsed.terms,
    )


def _final_query(parsed: ParsedQuery, *, plain: bool = False) -> query.Query:
    text_query = parsed.text_query
    if plain:
        text_query = plain_query(parsed.terms) if parsed.terms else query.NullQuery
    parts = [*([text_query] if text_query is not None else []), *parsed.filters]
    if not parts:
        return query.Every()
    return query.And(parts) if len(parts) > 1 else parts[0]


_RUN_ERRORS = (ValueError, TypeError, KeyError, AttributeError, RecursionError)
"""What a strange but parsed query can raise inside Whoosh (e.g. a phrase on a keyword)."""


def _run(
    store: ArticleStore,
    searcher: Searcher,
    final: query.Query,
    top: int,
    *,
    by_date: bool,
    swallow: bool = True,
) -> tuple[list[tuple[int, float]] | None, list[int]]:
    """(top (docnum, score) pairs, every matching docnum); (None, []) when Whoosh fails.

    With `swallow=False` a failure raises instead (used for the plain-words fallback).
    """
    try:
        if isinstance(final, query.Every) and not final.fieldname:
            days = store.days(searcher)  # no words, no filters: the newest articles
            return [(docnum, 0.0) for docnum in days.order[:top]], days.live()
        postings, days = store.postings(searcher), store.days(searcher)
        docnums = remembered(
            "matches",
            store,
            searcher,
            final,
            partial(matching_docs, searcher, final, postings, days),
        )
        if not docnums or top == 0:
            return [], docnums
        if not by_date:
            norms = store.length_norms(searcher)
            ranked = top_scored(searcher, final, docnums, top, norms, postings)
            if ranked is not None:
                return ranked, docnums
        if by_date:
            position = store.date_positions(searcher)
            newest = sorted(docnums, key=position.__getitem__)[:top]
            return [(docnum, 0.0) for docnum in newest], docnums
        results = searcher.search(final, limit=top)
        return [(hit.docnum, float(hit.score or 0.0)) for hit in results], docnums
    except _RUN_ERRORS:
        if not swallow:
            raise
        return None, []


def _with_feedback(
    store: ArticleStore,
    searcher: Searcher,
    parsed: ParsedQuery,
    hits: list[tuple[int, float]],
    top: int,
) -> list[tuple[int, float]]:
    """The first run's best hits ranked again with the words of the best hits added.

    For long queries. `hits` are the first run's best `FEEDBACK_POOL` (or more when the
    page needs more): a document below them is not brought up by the added words. The
    match set (and so the total and the facets) stays the one of the typed words.
    """
    terms = query_terms(parsed.text_query) if parsed.text_query is not None else None
    if terms is None:
        return hits[:top]
    decoded = store.decoded(searcher)
    best = [
        (decoded.get(docnum, partial(_payload, searcher, docnum)), score)
        for docnum, score in hits[:FEEDBACK_DOCS]
    ]
    expanded = expansion(terms, best)
    norms = store.length_norms(searcher)
    pool = sorted(docnum for docnum, _ in hits)
    ranked = top_scored(searcher, expanded, pool, top, norms, store.postings(searcher))
    return ranked if ranked is not None else hits[:top]


def _hits(
    store: ArticleStore,
    searcher: Searcher,
    ranked: list[tuple[int, float]],
    offset: int,
    terms: Sequence[str] | None,
) -> list[SearchHit]:
    """The page's hits; with `terms` None, no snippet is cut (the title stands for it)."""
    decoded = store.decoded(searcher)
    hits = []
    for rank, (docnum, score) in enumerate(ranked[offset:], start=offset + 1):
        article = decoded.get(docnum, partial(_payload, searcher, docnum))
        snippet = Snippet(article.title) if terms is None else make_snippet(article, terms)
        hits.append(SearchHit(summarise(article), score, snippet, rank))
    return hits


def _payload(searcher: Searcher, docnum: int) -> bytes:
    payload: bytes = searcher.stored_fields(docnum)["payload"]
    return payload


def _facets(
    store: ArticleStore, searcher: Searcher, final: query.Query, docnums: list[int]
) -> dict[str, tuple[FacetValue, ...]]:
    """The facets of a query's matches, counted once per recent query (`remembered`).

    With no words and no filters, once per index generation: every one-letter prefix
    typed lists every article, and counting 100k articles' facets took ~40 ms.
    """
    columns = store.facet_columns(searcher)
    count = partial(_count_facets, columns, docnums)
    if isinstance(final, query.Every) and not final.fieldname:
        return columns.kept("facets", count)
    return remembered("facets", store, searcher, final, count)


def _count_facets(columns: FacetColumns, docnums: list[int]) -> dict[str, tuple[FacetValue, ...]]:
    sources = Counter(map(columns.sources.__getitem__, docnums))
    months = Counter(map(columns.months.__getitem__, docnums))
    no_source = sources.pop("", 0)
    undated = months.pop("", 0)
    return {
        "source": _top_values(sources.items()) + _missing(no_source),
        "party": _top_values(columns.parties.most_named(docnums, FACET_LIMIT)),
        "month": tuple(
            FacetValue(v, c) for v, c in sorted(months.items(), reverse=True)[:FACET_LIMIT]
        )
        + _missing(undated),
    }


def _missing(count: int) -> tuple[FacetValue, ...]:
    """The "none" facet value (unknown outlet, undated), after the others, when counted."""
    return (FacetValue(MISSING, count),) if count else ()


def _top_values(counts: Collection[tuple[str, int]]) -> tuple[FacetValue, ...]:
    """The `FACET_LIMIT` most frequent (value, count) pairs, ties by name.

    Only the values at least as frequent as the `FACET_LIMIT`-th are sorted by name (a
    party facet at 100k articles has ~15k values: sorting them all took ~15-60 ms).
    """
    items = list(counts)
    if len(items) > FACET_LIMIT:
        least = heapq.nlargest(FACET_LIMIT, [count for _, count in items])[-1]
        items = [item for item in items if item[1] >= least]
    ordered = sorted(items, key=lambda item: (-item[1], item[0].lower()))
    return tuple(FacetValue(value, count) for value, count in ordered[:FACET_LIMIT])


def _suggestion(
    store: ArticleStore, searcher: Searcher, parsed: ParsedQuery, text: str, total: int
) -> str | None:
    """A better-spelled query when the typed one finds few articles and it finds more.

    While typing too: the list shows then what Enter would show, and a misspelt word that
    finds (almost) nothing is answered with the suggestion at once.
    """
    if parsed.text_query is None or total >= 3 or not parsed.words:
        return None
    if parsed.fallback or any(char in text for char in "*~?"):
        return None
    corrected = suggest(text, parsed.words, searcher.reader())
    if corrected is None:
        return None
    better = parse_query(corrected, searcher.reader(), values_of=store_values(store, searcher))
    try:
        final = _final_query(better)
        found = len(matching_docs(searcher, final, store.postings(searcher), store.days(searcher)))
    except _RUN_ERRORS:
        return None
    return corrected if found > total else None


def rank(
    store: ArticleStore, text: str, *, limit: int = 1000, feedback: bool = False
) -> list[tuple[str, float]]:
    """Only the ranking: (article id, score) best first, no snippets or facets (evaluation).

    With `feedback`, a query of plain words is expanded by pseudo-relevance feedback
    (`index.search.feedback`: RM3-style terms of the top hits) and run again.
    """
    with store.searcher() as searcher, reading():
        searcher.weighting = scoring_model()
        parsed = parse_query(text, searcher.reader())
        if parsed.text_query is None:
            return []
        final = _final_query(parsed)
        results = searcher.search(final, limit=limit)
        if results.is_empty() and relax(parsed):
            final = _final_query(parsed)
            results = searcher.search(final, limit=limit)
        if feedback and not parsed.filters:
            expanded = expand_query(searcher, final, results)
            if expanded is not None:
                results = searcher.search(expanded, limit=limit)
        return [(str(hit["id"]), float(hit.score or 0.0)) for hit in results]
