"""App-level messages: small dataclasses carrying ids and models, never widgets.

Screens post these; the App decides which screen to show (attributes down, messages up).
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from index import ArticleId, NewsdeskError


@dataclass
class OpenArticle(Message):
    """Show one article in the reader."""

    article_id: ArticleId
    terms: tuple[str, ...] = ()
    """The current query's analysed terms, highlighted as matches."""
    paragraph: int | None = None
    """Scroll to this paragraph (and mark the passage) when set."""
    start: int | None = None
    end: int | None = None


@dataclass
class CompareArticles(Message):
    """Compare two articles side by side (issue 4's comparison screen)."""

    a: ArticleId
    b: ArticleId | None = None
    """None: let the user pick the second report."""


@dataclass
class OpenBookmarks(Message):
    """Show the bookmarks screen."""


@dataclass
class BookmarksChanged(Message):
    """A bookmark was added or removed; lists showing bookmarks should reload."""

    article_id: ArticleId | None = None


@dataclass
class LibraryFailed(Message):
    """A library call in a worker raised an expected error; show it to the user."""

    error: NewsdeskError
