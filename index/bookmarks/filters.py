"""The bookmarks filter: words, `tag:NAME` and `article:ID` over `Bookmark` models.

One filter for the app's bookmarks screen (as the user types) and for
`newsdesk bookmarks list --filter`. Every word must match: a plain word anywhere in the
quote, note, article title or tags (any case); `tag:NAME` one tag exactly (any case, a
leading `#` ignored); `article:ID` the start of the article id.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from index.bookmarks.tags import normalize_tag, normalize_tags
from index.models import Bookmark


def matches_filter(bookmark: Bookmark, text: str, tags: Sequence[str] = ()) -> bool:
    """Whether a bookmark matches the filter `text` and carries every tag of `tags`."""
    if not all(_has_tag(bookmark, tag) for tag in normalize_tags(tags)):
        return False
    for word in text.lower().split():
        field, _, value = word.partition(":")
        if value and field == "tag":
            if not _has_tag(bookmark, value):
                return False
        elif value and field == "article":
            if not bookmark.article_id.lower().startswith(value):
                return False
        else:
            haystack = " ".join(
                (bookmark.quote, bookmark.note, bookmark.article_title, *bookmark.tags)
            ).lower()
            if word not in haystack:
                return False
    return True


def filter_bookmarks(
    bookmarks: Iterable[Bookmark], text: str = "", tags: Sequence[str] = ()
) -> list[Bookmark]:
    """The bookmarks that match the filter `text` and carry every tag of `tags`, in order."""
    return [bookmark for bookmark in bookmarks if matches_filter(bookmark, text, tags)]


def _has_tag(bookmark: Bookmark, tag: str) -> bool:
    """Whether the bookmark carries `tag` (any case; tags stored before '#' was dropped too)."""
    wanted = normalize_tag(tag).lower()
    return any(normalize_tag(own).lower() == wanted for own in bookmark.tags)
