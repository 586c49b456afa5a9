"""Tests for index.bookmarks.annotations: Markdown and W3C Web Annotation exports."""

from __future__ import annotations

import json
from typing import Any

from index.bookmarks.annotations import (
    ANNOTATION_CONTEXT,
    bookmarks_to_annotations,
    bookmarks_to_markdown,
)
from index.models import AnchorStatus, Article, ArticleId, Bookmark
from tests.builders import article, make_bookmark

PARAGRAPHS = ("First paragraph.", "Hamas released 13 hostages. The Red Cross took them.")


def export(bookmarks: list[Bookmark], articles: dict[ArticleId, Article] | None = None) -> Any:
    """The annotations after a JSON round trip (proves they serialise)."""
    return json.loads(json.dumps(bookmarks_to_annotations(bookmarks, articles)))


def make_article() -> Article:
    """The article the bookmark points into."""
    return article(PARAGRAPHS)


def test_annotations_have_the_w3c_shape() -> None:
    """Context, type, id, times, note and tag bodies, quote and position selectors."""
    [annotation] = export([make_bookmark()], {ArticleId("a1"): make_article()})
    assert annotation["@context"] == ANNOTATION_CONTEXT
    assert annotation["type"] == "Annotation"
    assert annotation["id"] == "newsdesk:bookmark/4"
    assert (annotation["created"], annotation["modified"]) == (
        "2024-01-01T00:00:00Z",
        "2024-01-02T00:00:00Z",
    )
    assert annotation["body"] == [
        {
            "type": "TextualBody",
            "value": "check the count",
            "format": "text/plain",
            "purpose": "commenting",
        },
        {"type": "TextualBody", "value": "hostages", "format": "text/plain", "purpose": "tagging"},
        {"type": "TextualBody", "value": "count", "format": "text/plain", "purpose": "tagging"},
    ]
    target = annotation["target"]
    assert target["source"] == "newsdesk:article/a1"
    quote, position, fragment = target["selector"]
    assert quote == {
        "type": "TextQuoteSelector",
        "exact": "Hamas released 13 hostages.",
        "prefix": "First paragraph.\n\n",
        "suffix": " The Red Cross took them.",
    }
    assert position == {"type": "TextPositionSelector", "start": 18, "end": 45}
    assert make_article().text[18:45] == "Hamas released 13 hostages."
    assert fragment["value"] == "paragraph=1"
    assert fragment["refinedBy"] == {"type": "TextPositionSelector", "start": 0, "end": 27}


def test_annotations_without_articles_keep_paragraph_position() -> None:
    """Without the article, the paragraph fragment still locates the passage."""
    [annotation] = export([make_bookmark()])
    target = annotation["target"]
    kinds = [selector["type"] for selector in target["selector"]]
    assert kinds == ["TextQuoteSelector", "FragmentSelector"]


def test_annotations_orphan_has_only_the_quote_and_no_empty_body() -> None:
    """An orphan exports its quote only; no note and no tags means no body."""
    orphan = make_bookmark(
        paragraph=None, start=None, end=None, status=AnchorStatus.ORPHAN, note="", tags=()
    )
    [annotation] = export([orphan], {ArticleId("a1"): make_article()})
    assert "body" not in annotation
    assert annotation["newsdesk:status"] == "orphan"
    target = annotation["target"]
    assert [s["type"] for s in target["selector"]] == ["TextQuoteSelector"]


def test_markdown_groups_by_article_with_quote_note_tags_status() -> None:
    """Articles are headings; quotes are blockquotes followed by note, tags and status."""
    other = make_bookmark(
        id=5, article_id=ArticleId("b2"), article_title="Other report", note="", tags=()
    )
    orphan = make_bookmark(
        id=6, quote="Line one.\nLine two.", status=AnchorStatus.ORPHAN, paragraph=None
    )
    markdown = bookmarks_to_markdown([make_bookmark(), other, orphan])
    assert markdown.count("## Truce holds") == 1
    assert markdown.index("## Truce holds") < markdown.index("## Other report")
    assert "> Hamas released 13 hostages." in markdown
    assert "**Note:** check the count" in markdown
    assert "**Tags:** `hostages`, `count`" in markdown
    assert "anchored, paragraph 2" in markdown  # index 1, counted from 1 for readers
    assert "> Line one.\n> Line two." in markdown
    assert "orphan (the passage, or its article, is no longer in the library)" in markdown
    orphan_at = markdown.index("> Line one.")
    assert orphan_at < markdown.index("## Other report")


def test_markdown_of_no_bookmarks_says_so() -> None:
    """An empty export is still a valid, readable document."""
    assert bookmarks_to_markdown([]) == "# Bookmarks\n\nNo bookmarks yet.\n"
