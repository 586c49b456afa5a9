"""App-level messages: small dataclasses carrying ids and models, never widgets.

Screens post these; the App decides which screen to show (attributes down, messages up).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

from index import ArticleId, NewsdeskError

if TYPE_CHECKING:
    from index import CountKey


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
class StepArticle(Message):
    """Show the next (`step` 1) or previous (-1) article of the search results instead."""

    article_id: ArticleId
    """The article shown now (its place in the results is the starting point)."""
    step: int


@dataclass
class BookmarksChanged(Message):
    """A bookmark was added or removed; the App has open bookmark lists reload."""

    article_id: ArticleId | None = None


@dataclass
class LibraryFailed(Message):
    """A library call in a worker raised an expected error; the App shows it to the user."""

    error: NewsdeskError


@dataclass
class OpenStory(Message):
    """Show the story of one count (None: let the user choose the count)."""

    key: CountKey | None = None
