"""The Whoosh schema of the article index and its version number.

One document per article. Text fields are analysed by `index.store.analysis`; filter fields hold
lower-cased canonical values; the `facets` column holds display values for counting facets
over a whole result set without loading stored documents; `payload` holds the whole
article (JSON, which Whoosh deflates with the stored fields; see `index.store.payload`) so an
article is shown without its file.
"""

from __future__ import annotations

from whoosh import scoring
from whoosh.columns import NumericColumn, VarBytesColumn
from whoosh.fields import COLUMN, DATETIME, ID, KEYWORD, STORED, Schema

from index.store.analysis import NewsText, news_analyzer

SCHEMA_VERSION = 3
"""Bump when the schema, the analyzer, the payload format or the extraction changes (forces a
rebuild). 2: figures gained unit, group and place, and title figures and mentions. 3: a smaller
index (positions as varints, byte weights, no `content_hash` field, `path` only in the
payload, a compact payload)."""

TITLE_BOOST = 1.5
"""BM25F weight of the title relative to the body (tuned on Cranfield, see benchmarks/)."""

TEXT_FIELDS: tuple[str, ...] = ("title", "body")
"""Fields searched by plain query words."""

BM25_B = 0.75
"""BM25F length normalisation of the body."""

BM25_K1 = 1.2
"""BM25F term-frequency saturation."""

TITLE_B = 0.5
"""BM25F length normalisation of the title (titles are short and similar in length)."""

FILTER_FIELDS: tuple[str, ...] = ("source", "party", "measure", "tag")
"""Keyword fields a query can filter on with `field:value`."""

REPEATING_FIELDS: tuple[str, ...] = ("date", "month", "source", "measure")
"""Fields whose values recur across articles (220 dates, 46 sources in 3,000 articles): a bulk
write makes each value's terms once (`InMemorySegmentWriter`'s `repeating`)."""

FACET_SEPARATOR = "\x1f"
"""Separates source, month and parties in the `facets` column."""

LIST_SEPARATOR = "\x1e"
"""Separates the parties inside the `facets` column."""


def build_schema() -> Schema:
    """Return a fresh Schema for the article index."""
    analyzer = news_analyzer()
    date = DATETIME(sortable=True)
    # Whoosh gives documents without a value the column's default, the largest number by
    # default, which would sort undated articles as the newest; 0 sorts them last.
    date.column_type = NumericColumn(date.sortable_typecode, default=0)
    return Schema(
        id=ID(unique=True, stored=True),
        path=ID,  # stored in the payload (schema 3); indexed for `resolve`
        title=NewsText(analyzer=analyzer, field_boost=TITLE_BOOST),
        body=NewsText(analyzer=analyzer, phrase=True),
        source=ID,
        party=KEYWORD(commas=True, lowercase=True, scorable=False),
        measure=KEYWORD(commas=True, lowercase=True, scorable=False),
        tag=KEYWORD(commas=True, lowercase=True, scorable=False),
        date=date,
        month=ID,
        facets=COLUMN(VarBytesColumn()),
        payload=STORED,
    )


def scoring_model() -> scoring.WeightingModel:
    """The BM25F weighting used for every query."""
    return scoring.BM25F(B=BM25_B, K1=BM25_K1, title_B=TITLE_B)
