"""Bookmark exports: readable Markdown, and W3C Web Annotation JSON.

The JSON export is a plain list of `Annotation` objects (not an AnnotationCollection):
each one carries its own `@context`, so a list can be split, filtered or concatenated
without rewriting a container. Each annotation follows https://www.w3.org/TR/annotation-model/:

- `id` "newsdesk:bookmark/<id>", `created`/`modified`, `motivation` "bookmarking";
- `body`: the note as a `TextualBody` (purpose "commenting") and one `TextualBody` per tag
  (purpose "tagging"); no `body` when there is neither;
- `target`: `source` "newsdesk:article/<article id>" and a list of selectors, all
  describing the same passage: a `TextQuoteSelector` (exact, prefix, suffix); a
  `TextPositionSelector` with offsets into the whole article text (the paragraphs joined
  by blank lines) when the article is passed in; and a `FragmentSelector` "paragraph=N"
  refined by a `TextPositionSelector` within that paragraph. An orphan has only the quote.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import PurePath

from index.bookmarks.anchoring import paragraph_offsets
from index.models import AnchorStatus, Article, ArticleId, Bookmark, JsonValue

ANNOTATION_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
"""The JSON-LD context of the W3C Web Annotation data model."""

EXPORT_FORMATS = ("md", "json")


def export_format_for(path: PurePath) -> str:
    """The export format a file name asks for: "json" for a .json file, else "md"."""
    return "json" if path.suffix.lower() in {".json", ".jsonld"} else "md"


_STATUS_WORDS = {
    AnchorStatus.ANCHORED: "anchored",
    AnchorStatus.MOVED: "moved (re-anchored after the article changed)",
    AnchorStatus.ORPHAN: "orphan (the passage, or its article, is no longer in the library)",
    AnchorStatus.UNCHECKED: "unchecked (the index could not be read; position as saved)",
}


def bookmarks_to_annotations(
    bookmarks: Sequence[Bookmark], articles: Mapping[ArticleId, Article] | None = None
) -> list[dict[str, JsonValue]]:
    """Bookmarks as W3C Web Annotations (see the module docstring for the shape).

    Args:
        bookmarks: Bookmarks, ideally re-anchored (their positions are exported as they are).
        articles: Current articles by id; when given, a global TextPositionSelector is added.

    Returns:
        One JSON-ready dict per bookmark, in the given order.
    """
    known = articles or {}
    return [_annotation(bookmark, known.get(bookmark.article_id)) for bookmark in bookmarks]


def bookmarks_to_markdown(bookmarks: Sequence[Bookmark]) -> str:
    """Bookmarks as Markdown, grouped by article in order of first appearance.

    Each article is a `##` heading (its title, then its id); each bookmark is its quote
    as a blockquote, followed by the note, the tags and where it stands (paragraph or orphan).
    """
    groups: dict[ArticleId, list[Bookmark]] = {}
    for bookmark in bookmarks:
        groups.setdefault(bookmark.article_id, []).append(bookmark)
    lines = ["# Bookmarks", ""]
    if not groups:
        lines.append("No bookmarks yet.")
    for article_id, marks in groups.items():
        title = _one_line(marks[0].article_title) or "(untitled)"
        lines += [f"## {title}", "", f"Article `{article_id}`", ""]
        for bookmark in marks:
            lines += _markdown_entry(bookmark)
    return "\n".join(lines).rstrip() + "\n"


def _markdown_entry(bookmark: Bookmark) -> list[str]:
    """The lines for one bookmark: blockquote, note, tags, status."""
    lines = [f"> {line}" if line else ">" for line in bookmark.quote.splitlines()]
    lines.append("")
    if bookmark.note:
        lines += [f"**Note:** {bookmark.note}", ""]
    if bookmark.tags:
        lines += ["**Tags:** " + ", ".join(f"`{tag}`" for tag in bookmark.tags), ""]
    where = _STATUS_WORDS[bookmark.status]
    if bookmark.paragraph is not None:
        where += f", paragraph {bookmark.paragraph + 1}"  # people count from 1
    lines += [f"*Bookmark {bookmark.id} · {where} · created {bookmark.created}*", ""]
    return lines


def _annotation(bookmark: Bookmark, article: Article | None) -> dict[str, JsonValue]:
    """One bookmark as a W3C Annotation."""
    annotation: dict[str, JsonValue] = {
        "@context": ANNOTATION_CONTEXT,
        "id": f"newsdesk:bookmark/{bookmark.id}",
        "type": "Annotation",
        "motivation": "bookmarking",
        "created": bookmark.created,
        "modified": bookmark.updated,
    }
    body: list[JsonValue] = []
    if bookmark.note:
        body.append(_textual_body(bookmark.note, "commenting"))
    body += [_textual_body(tag, "tagging") for tag in bookmark.tags]
    if body:
        annotation["body"] = body
    annotation["target"] = {
        "source": f"newsdesk:article/{bookmark.article_id}",
        "selector": _selectors(bookmark, article),
    }
    annotation["newsdesk:status"] = str(bookmark.status)
    return annotation


def _textual_body(value: str, purpose: str) -> dict[str, JsonValue]:
    """A plain-text TextualBody with a purpose."""
    return {"type": "TextualBody", "value": value, "format": "text/plain", "purpose": purpose}


def _selectors(bookmark: Bookmark, article: Article | None) -> list[JsonValue]:
    """The quote selector, plus position selectors when the passage has a position."""
    selectors: list[JsonValue] = [
        {
            "type": "TextQuoteSelector",
            "exact": bookmark.quote,
            "prefix": bookmark.prefix,
            "suffix": bookmark.suffix,
        }
    ]
    if bookmark.paragraph is None or bookmark.start is None or bookmark.end is None:
        return selectors
    if article is not None and bookmark.paragraph < len(article.paragraphs):
        offset = paragraph_offsets(article.paragraphs)[bookmark.paragraph]
        selectors.append(
            {
                "type": "TextPositionSelector",
                "start": offset + bookmark.start,
                "end": offset + bookmark.end,
            }
        )
    selectors.append(
        {
            "type": "FragmentSelector",
            "value": f"paragraph={bookmark.paragraph}",
            "refinedBy": {
                "type": "TextPositionSelector",
                "start": bookmark.start,
                "end": bookmark.end,
            },
        }
    )
    return selectors


def _one_line(text: str) -> str:
    """Collapse whitespace (a title with a newline would break the heading)."""
    return " ".join(text.split())
