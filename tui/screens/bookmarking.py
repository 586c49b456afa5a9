"""BookmarkingScreen: the part of the reader and the compare screen that bookmarks passages."""

from __future__ import annotations

from dataclasses import dataclass

from textual import work
from textual.message import Message
from textual.screen import Screen

from index import Article, ArticleId, Bookmark, Library, NewsdeskError
from tui.messages import LibraryFailed
from tui.screens.dialogs import BookmarkDialog, BookmarkDraft
from tui.widgets.passage_view import Passage


class BookmarkingScreen(Screen[None]):
    """A screen that asks for a note and tags, then stores the bookmark in a worker.

    Subclasses set `library` and handle `BookmarkingScreen.BookmarkSaved` (each shows the
    marker in its own widgets).
    """

    library: Library

    @dataclass
    class BookmarkSaved(Message):
        """A bookmark was stored."""

        bookmark: Bookmark

    def ask_to_bookmark(self, article: Article, passage: Passage) -> None:
        """Show the note/tags dialog for a passage of `article`, then save it."""
        text = article.paragraphs[passage.paragraph]
        quote = text if passage.start is None else text[passage.start : passage.end]
        article_id = article.id

        def save(draft: BookmarkDraft | None) -> None:
            if draft is not None:
                self.save_bookmark(article_id, passage, draft)

        self.app.push_screen(BookmarkDialog(quote), save)

    @work(thread=True, group="bookmark-writer")
    def save_bookmark(self, article_id: ArticleId, passage: Passage, draft: BookmarkDraft) -> None:
        """Store a bookmark."""
        try:
            mark = self.library.add_bookmark(
                article_id,
                passage.paragraph,
                passage.start,
                passage.end,
                note=draft.note,
                tags=draft.tags,
            )
        except NewsdeskError as error:
            self.post_message(LibraryFailed(error))
            return
        self.post_message(self.BookmarkSaved(mark))
