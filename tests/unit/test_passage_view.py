"""Unit tests of tui.widgets.passage_view.bookmark_spans (the reader's and pane's marks)."""

from __future__ import annotations

import dataclasses

from index import AnchorStatus, ArticleId, Span, SpanKind
from tests.builders import article, make_bookmark
from tui.widgets.passage_view import bookmark_spans

ARTICLE = article(("Talks resumed in Doha.", "Hostages were freed on Friday."))
MARK = make_bookmark(
    article_id=ARTICLE.id, quote="Hostages were freed", start=0, end=19, note="count"
)


def test_bookmark_spans_mark_anchored_passages_with_their_note() -> None:
    """A range becomes a BOOKMARK span labelled with the note; no range means the paragraph."""
    whole = dataclasses.replace(MARK, id=2, paragraph=0, start=None, end=None, note="")
    assert bookmark_spans(ARTICLE, [MARK, whole]) == [
        Span(1, 0, 19, SpanKind.BOOKMARK, "count"),
        Span(0, 0, len(ARTICLE.paragraphs[0]), SpanKind.BOOKMARK, ""),
    ]


def test_bookmark_spans_skip_orphans_other_articles_and_lost_paragraphs() -> None:
    """Orphans, another article's bookmarks and paragraphs past the end are not drawn."""
    orphan = dataclasses.replace(MARK, paragraph=None, status=AnchorStatus.ORPHAN)
    other = dataclasses.replace(MARK, article_id=ArticleId("elsewhere"))
    gone = dataclasses.replace(MARK, paragraph=5)
    assert bookmark_spans(ARTICLE, [orphan, other, gone]) == []
