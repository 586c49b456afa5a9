"""Command palette providers: open an article by title words, jump to a bookmark.

Library calls run in a thread (`asyncio.to_thread`), so the palette never blocks the UI.
Titles are passed as `Content`; the palette renders `help` as markup, so it is escaped.
Typing the command's own name ("open", "open article") lists the newest articles; words
after it (or any other words) search the library.
"""

from __future__ import annotations

import asyncio
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.markup import escape

from index import Bookmark, Library, NewsdeskError
from tui.messages import OpenArticle

_LIMIT = 8
OPEN_COMMAND = "open article"
"""The command's name, as the README and the palette's first screen write it."""


def _library(provider: Provider) -> Library | None:
    """The app's library (the App hands it down as `library`)."""
    library = getattr(provider.app, "library", None)
    return library if isinstance(library, Library) else None


class ArticleCommands(Provider):
    """Provide "Open article: <title>" for articles matching what is typed."""

    async def search(self, query: str) -> Hits:
        """Search the library for the typed words; the command's name lists the newest."""
        library = _library(self)
        if library is None:
            return
        words = _words_after_command(query)
        if words is None:
            async for newest in self._newest(library, self.matcher(query).match(OPEN_COMMAND)):
                yield newest
            return
        if len(words) < 2:
            return
        try:
            page = await asyncio.to_thread(library.search, words, limit=_LIMIT, as_you_type=True)
        except NewsdeskError:
            return
        for hit in page.hits:
            title = f"Open article: {hit.article.title}"
            yield Hit(
                1.0 / (1 + hit.rank),
                Content(title),
                partial(self.app.post_message, OpenArticle(hit.article.id, page.terms)),
                text=title,
                help=escape(f"{hit.article.source or 'unknown outlet'} · {hit.article.id}"),
            )

    async def discover(self) -> Hits:
        """The newest articles, before anything is typed."""
        library = _library(self)
        if library is not None:
            async for newest in self._newest(library, None):
                yield newest

    async def _newest(self, library: Library, score: float | None) -> Hits:
        """Hits opening the newest articles (discovery hits when `score` is None)."""
        try:
            recent = await asyncio.to_thread(library.recent, _LIMIT)
        except NewsdeskError:
            return
        for summary in recent:
            title = f"Open article: {summary.title}"
            command = partial(self.app.post_message, OpenArticle(summary.id))
            help_text = escape(summary.source or "unknown outlet")
            if score is None:
                yield DiscoveryHit(Content(title), command, text=title, help=help_text)
            elif score > 0:
                yield Hit(score, Content(title), command, text=title, help=help_text)


class BookmarkCommands(Provider):
    """Provide "Jump to bookmark: <quote>" for bookmarks whose quote, note or tags match."""

    async def startup(self) -> None:
        """Load the bookmarks once per palette opening."""
        self.marks: list[Bookmark] = []
        library = _library(self)
        if library is not None:
            try:
                self.marks = await asyncio.to_thread(library.bookmarks)
            except NewsdeskError:
                self.marks = []

    async def search(self, query: str) -> Hits:
        """Fuzzy-match the typed text against each bookmark's label."""
        matcher = self.matcher(query)
        for mark in self.marks:
            label = _label(mark)
            score = matcher.match(label)
            if score > 0 and mark.paragraph is not None:
                yield Hit(
                    score,
                    matcher.highlight(label),
                    partial(self._open, mark),
                    text=label,
                    help=escape(mark.note or mark.article_title),
                )

    def _open(self, mark: Bookmark) -> None:
        self.app.post_message(
            OpenArticle(mark.article_id, (), mark.paragraph, mark.start, mark.end)
        )


def _words_after_command(query: str) -> str | None:
    """The search words of a query, or None when it is (a start of) "open article" itself.

    "open", "open art" -> None; "open article haniyeh", "open: haniyeh", "haniyeh" ->
    "haniyeh".
    """
    text = " ".join(query.lower().split())
    if text and OPEN_COMMAND.startswith(text):
        return None
    for prefix in (OPEN_COMMAND, "open"):
        if text.startswith(prefix):
            return query.strip()[len(prefix) :].strip(" :")
    return query.strip()


def _label(mark: Bookmark) -> str:
    quote = mark.quote if len(mark.quote) <= 60 else mark.quote[:59] + "…"
    tags = " ".join(f"#{t}" for t in mark.tags)
    note = f"({mark.note})" if mark.note else ""
    return " ".join(part for part in ("Jump to bookmark:", quote, note, tags) if part)
