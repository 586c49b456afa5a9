"""find_related: other reports on the same event ("more like this").

Key terms of the article's body (Whoosh's Bo1 expansion model over the index's own
statistics) are searched with BM25F; each candidate's score is then raised for the parties
and measures it shares with the article, and among equal scores the nearest in date come
first. The article itself and exact duplicates (same content hash) are left out.
"""

from __future__ import annotations

from whoosh import query

from index.models import Article, ArticleId, RelatedArticle
from index.store.article_store import ArticleStore
from index.store.docsets import matching_docs
from index.store.index_files import reading
from index.store.payload import decode_article, measures_by_count, parties_by_count, summarise
from index.store.schema import scoring_model
from index.store.scorer import top_scored

KEY_TERMS = 20
"""How many key terms of the article are searched."""

CANDIDATES = 50
"""How many text-similar candidates are re-ranked."""

PARTY_WEIGHT = 0.08
"""Score added per shared party (relative to a text score normalised to 1)."""

MEASURE_WEIGHT = 0.05
"""Score added per shared measure."""

SCORE_STEP = 0.01
"""Scores this close count as equal, so nearer dates come first."""


def find_related(
    store: ArticleStore, article_id: ArticleId, limit: int = 10
) -> list[RelatedArticle]:
    """The articles most similar to one article, most similar first.

    Raises:
        ArticleNotFound: no article has that id.
    """
    article = store.get(article_id)
    with store.searcher() as searcher, reading():
        searcher.weighting = scoring_model()
        text = f"{article.title}\n{article.text}"
        terms = searcher.key_terms_from_text("body", text, numterms=KEY_TERMS)
        if not terms:
            return []
        subqueries = [
            query.Term(name, term, boost=float(weight))
            for term, weight in terms
            for name in ("title", "body")
        ]
        similar = query.Or(subqueries)
        ranked = top_scored(
            searcher, similar, matching_docs(searcher, similar), CANDIDATES,
            store.length_norms(searcher),
        )  # fmt: skip
        scored = [
            (decode_article(searcher.stored_fields(docnum)["payload"]), score)
            for docnum, score in ranked or []
        ]
    best = max((score for _, score in scored), default=0.0) or 1.0
    related = [
        _related(article, other, score / best)
        for other, score in scored
        if other.id != article.id
        and not (article.content_hash and other.content_hash == article.content_hash)
    ]
    related.sort(key=_order)
    return related[:limit]


def _related(article: Article, other: Article, text_score: float) -> RelatedArticle:
    parties = set(parties_by_count(article))
    measures = set(measures_by_count(article))
    shared_parties = tuple(p for p in parties_by_count(other) if p in parties)
    shared_measures = tuple(m for m in measures_by_count(other) if m in measures)
    days = (
        abs((other.published - article.published).days)
        if other.published and article.published
        else None
    )
    score = text_score + PARTY_WEIGHT * len(shared_parties) + MEASURE_WEIGHT * len(shared_measures)
    return RelatedArticle(summarise(other), round(score, 4), shared_parties, shared_measures, days)


def _order(item: RelatedArticle) -> tuple[float, int]:
    bucket = -round(item.score / SCORE_STEP)
    return (bucket, item.days_apart if item.days_apart is not None else 1_000_000)
