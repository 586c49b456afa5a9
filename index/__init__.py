"""newsdesk's library: ingest, extraction, the Whoosh index, comparison and bookmarks.

This package never imports `textual`, `rich` or `tui`. The UI and the CLI use only what
`__all__` exports; `Library` is the facade.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from index.bookmarks.citation import cite_passage
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
    LIST_PAGE,
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
    progress_label,
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
    from index.story.chart import ChartData, ChartPoint, chart_data
    from index.story.consensus import filter_story
    from index.story.models import (
        CountKey,
        CountSummary,
        DayConsensus,
        Flag,
        FlagKind,
        SourceSummary,
        Story,
        StoryRow,
        story_as_csv,
    )

_LAZY = {
    "Library": "index.library",
    "comparison_as_json": "index.compare.comparison",
    "filter_story": "index.story.consensus",
    **dict.fromkeys(("ChartData", "ChartPoint", "chart_data"), "index.story.chart"),
    **dict.fromkeys(
        (
            "CountKey",
            "CountSummary",
            "DayConsensus",
            "Flag",
            "FlagKind",
            "SourceSummary",
            "Story",
            "StoryRow",
            "story_as_csv",
        ),
        "index.story.models",
    ),
}
"""Names imported on first use: `Library` (and with it Whoosh and the parsers), the
comparison's JSON, and the story's models (their frozen dataclasses cost ~15 ms to create,
which the app's first paint need not pay)."""


def __getattr__(name: str) -> object:
    """Import the names of `_LAZY` on first use only."""
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'index' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


__all__ = [
    "LIST_PAGE",
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
    "ChartData",
    "ChartPoint",
    "CheckProblem",
    "CheckReport",
    "CheckedPart",
    "ComparedArticles",
    "Comparison",
    "CountKey",
    "CountSummary",
    "DataPaths",
    "DayConsensus",
    "FacetValue",
    "Figure",
    "FigureRow",
    "FigureStatus",
    "Flag",
    "FlagKind",
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
    "SourceSummary",
    "Span",
    "SpanKind",
    "Story",
    "StoryRow",
    "UnreadableFile",
    "add_facet_filter",
    "batch_line_as_json",
    "bundled_seeds_dir",
    "chart_data",
    "cite_passage",
    "comparison_as_json",
    "default_paths",
    "filter_bookmarks",
    "filter_story",
    "format_number",
    "ingest_report_as_json",
    "json_for_terminal",
    "matches_filter",
    "normalize_tags",
    "parse_tags",
    "progress_label",
    "related_as_json",
    "remove_filters",
    "search_page_as_json",
    "sentence_span",
    "split_query",
    "split_sentences",
    "story_as_csv",
    "visible_controls",
]
