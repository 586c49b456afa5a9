"""Pseudo-relevance feedback (RM3-style) for queries of plain words.

The top `FEEDBACK_DOCS` hits of the first run are assumed relevant; their words, weighted
by how likely each document is given the query (exp of its score relative to the best)
and by the word's share of the document, form an expansion model whose `FEEDBACK_TERMS`
best terms are mixed with the original query (`ORIGINAL_WEIGHT`). Measured on Cranfield:
MAP 0.31 -> 0.36 (benchmarks/README.md).

`index.search.engine` uses `expansion` for long queries of plain words
(`index.search.long_query`); `expand_query` serves `rank(..., feedback=True)`.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from whoosh import query
from whoosh.searching import Results, Searcher

from index.models import Article
from index.store.analysis import analyse
from index.store.payload import decode_article
from index.store.schema import TEXT_FIELDS

FEEDBACK_DOCS = 5
FEEDBACK_POOL = 300
"""The first run's best hits that the expanded query ranks again (`index.search.engine`)."""
FEEDBACK_TERMS = 20
ORIGINAL_WEIGHT = 0.5
TEMPERATURE = 1.0
"""Score spread (in BM25 units) over which a feedback document's weight falls by e."""


def query_terms(q: query.Query) -> Counter[str] | None:
    """The query's terms with counts, or None when it is not a plain OR/AND of terms."""
    found: Counter[str] = Counter()
    for leaf in q.leaves():
        if not isinstance(leaf, query.Term) or leaf.fieldname not in TEXT_FIELDS:
            return None
        if leaf.fieldname == TEXT_FIELDS[-1]:
            found[str(leaf.text)] += 1
    return found or None


def expand_query(searcher: Searcher, original: query.Query, results: Results) -> query.Query | None:
    """The expanded query, or None when feedback does not apply."""
    terms = query_terms(original)
    top = [
        (decode_article(hit["payload"]), float(hit.score or 0.0)) for hit in results[:FEEDBACK_DOCS]
    ]
    if terms is None or not top:
        return None
    return expansion(terms, top)


def expansion(terms: Counter[str], top: Sequence[tuple[Article, float]]) -> query.Query:
    """The original terms and the best feedback terms, weighted, OR-ed over the text fields.

    Args:
        terms: The query's analysed terms with their counts (`query_terms`).
        top: The best hits of the first run (article, score), best first; only the first
            `FEEDBACK_DOCS` are read.
    """
    top = top[:FEEDBACK_DOCS]
    best = top[0][1] if top else 0.0
    model: dict[str, float] = {}
    for article, score in top:
        words = Counter(analyse(f"{article.title}\n{article.text}"))
        size = sum(words.values()) or 1
        weight = math.exp((score - best) / TEMPERATURE)
        for word, count in words.items():
            model[word] = model.get(word, 0.0) + weight * count / size
    expansion_terms = sorted(model.items(), key=lambda item: -item[1])[:FEEDBACK_TERMS]
    total = sum(v for _, v in expansion_terms) or 1.0
    query_size = sum(terms.values()) or 1
    weights: dict[str, float] = {}
    for word, count in terms.items():
        weights[word] = weights.get(word, 0.0) + ORIGINAL_WEIGHT * count / query_size
    for word, value in expansion_terms:
        weights[word] = weights.get(word, 0.0) + (1 - ORIGINAL_WEIGHT) * value / total
    return query.Or(
        [query.Term(name, word, boost=w) for word, w in weights.items() for name in TEXT_FIELDS]
    )
