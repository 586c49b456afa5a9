"""Frozen data models shared by every layer of newsdesk, with their JSON shapes.

Everything that crosses a package boundary is one of these dataclasses: Whoosh types never
leave `index.store` and `index.search`, and the UI renders only these. Each model's JSON
shape (the README's "JSON shapes", the `--json` contract) is defined next to it: an
`as_json()` method, or a `*_as_json` function for results that need more than the model.
"""

from __future__ import annotations

from index.models.article import (
    Article,
    ArticleId,
    ArticleSummary,
    Figure,
    JsonValue,
    Mention,
    MentionKind,
    PublishedHow,
    SourceDocument,
    Span,
    SpanKind,
    format_number,
)
from index.models.bookmark import AnchorStatus, Bookmark
from index.models.check_report import CheckedPart, CheckProblem, CheckReport
from index.models.ingest_report import (
    IngestReport,
    SkippedFile,
    ingest_report_as_json,
    progress_label,
)
from index.models.results import (
    LIST_PAGE,
    MISSING,
    FacetValue,
    RelatedArticle,
    SearchHit,
    SearchPage,
    Snippet,
    batch_line_as_json,
    related_as_json,
    search_page_as_json,
)

__all__ = [
    "LIST_PAGE",
    "MISSING",
    "AnchorStatus",
    "Article",
    "ArticleId",
    "ArticleSummary",
    "Bookmark",
    "CheckProblem",
    "CheckReport",
    "CheckedPart",
    "FacetValue",
    "Figure",
    "IngestReport",
    "JsonValue",
    "Mention",
    "MentionKind",
    "PublishedHow",
    "RelatedArticle",
    "SearchHit",
    "SearchPage",
    "SkippedFile",
    "Snippet",
    "SourceDocument",
    "Span",
    "SpanKind",
    "batch_line_as_json",
    "format_number",
    "ingest_report_as_json",
    "progress_label",
    "related_as_json",
    "search_page_as_json",
]
