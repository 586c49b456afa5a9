"""newsdesk's library: ingest, extraction, the Whoosh index, comparison and bookmarks.

This package never imports `textual`, `rich` or `tui`. The UI and the CLI use only what
`__all__` exports; `Library` is the facade.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from index.bookmarks.filters import filter_bookmarks, matches_filter
from index.bookmarks.tags import normalize_tags, parse_tags
from index.compare.models import (
    AlignedPassage,
    AlignKind,
    ComparedArticles,
    Comparison,
    FigureRow,
    FigureStatus,
    PartyComparison,
)
from index.errors import (
    AmbiguousArticleId,
    ArticleNotFound,
    BookmarkNotFound,
    BookmarkStoreError,
    IndexBusy,
    IndexCorrupt,
    IndexOutOfDate,
    InvalidRequest,
    LibraryNotWritable,
    NewsdeskError,
    UnreadableFile,
)
from index.models import (
    AnchorStatus,
    Article,
    ArticleId,
    ArticleSummary,
    Bookmark,
    CheckedPart,
    CheckProblem,
    CheckReport,
    FacetValue,
    Figure,
    IngestReport,
    Mention,
    MentionKind,
    PublishedHow,
    RelatedArticle,
    SearchHit,
    SearchPage,
    SkippedFile,
    Snippet,
    SourceDocument,
    Span,
    SpanKind,
    batch_line_as_json,
    format_number,
    ingest_report_as_json,
    related_as_json,
    search_page_as_json,
)
from index.paths import DataPaths, bundled_seeds_dir, default_paths
from index.search.query_text import add_facet_filter, remove_filters, split_query
from index.text.controls import json_for_terminal, visible_controls
from index.text.sentences import sentence_span, split_sentences

if TYPE_CHECKING:
    from index.compare.comparison import comparison_as_json
    from index.library import Library


def __getattr__(name: str) -> object:
    """Import `Library` (and with it Whoosh and the parsers) on first use only."""
    if name == "Library":
        from index.library import Library

        return Library
    if name == "comparison_as_json":
        from index.compare.comparison import comparison_as_json

        return comparison_as_json
    raise AttributeError(f"module 'index' has no attribute {name!r}")


__all__ = [
    "AlignKind",
    "AlignedPassage",
    "AmbiguousArticleId",
    "AnchorStatus",
    "Article",
    "ArticleId",
    "ArticleNotFound",
    "ArticleSummary",
    "Bookmark",
    "BookmarkNotFound",
    "BookmarkStoreError",
    "CheckProblem",
    "CheckReport",
    "CheckedPart",
    "ComparedArticles",
    "Comparison",
    "DataPaths",
    "FacetValue",
    "Figure",
    "FigureRow",
    "FigureStatus",
    "IndexBusy",
    "IndexCorrupt",
    "IndexOutOfDate",
    "IngestReport",
    "InvalidRequest",
    "Library",
    "LibraryNotWritable",
    "Mention",
    "MentionKind",
    "NewsdeskError",
    "PartyComparison",
    "PublishedHow",
    "RelatedArticle",
    "SearchHit",
    "SearchPage",
    "SkippedFile",
    "Snippet",
    "SourceDocument",
    "Span",
    "SpanKind",
    "UnreadableFile",
    "add_facet_filter",
    "batch_line_as_json",
    "bundled_seeds_dir",
    "comparison_as_json",
    "default_paths",
    "filter_bookmarks",
    "format_number",
    "ingest_report_as_json",
    "json_for_terminal",
    "matches_filter",
    "normalize_tags",
    "parse_tags",
    "related_as_json",
    "remove_filters",
    "search_page_as_json",
    "sentence_span",
    "split_query",
    "split_sentences",
    "visible_controls",
]
