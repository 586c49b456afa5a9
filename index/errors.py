"""Errors a user can act on. Each carries a message (what went wrong) and a hint (what to do).

Bugs are not wrapped: only failures caused by input, environment or state become a
`NewsdeskError`, which the CLI prints as one line and the app shows as a notification.
"""

from __future__ import annotations


class NewsdeskError(Exception):
    """Base class of every expected, user-actionable failure."""

    def __init__(self, message: str, hint: str = "") -> None:
        """Create the error.

        Args:
            message: What went wrong, in words a user understands.
            hint: What to do about it.
        """
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        """One line: the message, then the hint."""
        return f"{self.message} ({self.hint})" if self.hint else self.message


class ArticleNotFound(NewsdeskError):
    """No article has that id, id prefix or path."""


class AmbiguousArticleId(NewsdeskError):
    """An id prefix matches more than one article."""


class IndexBusy(NewsdeskError):
    """Another process holds the index's write lock."""


class IndexOutOfDate(NewsdeskError):
    """The index was written by another schema version; it must be rebuilt."""


class IndexCorrupt(NewsdeskError):
    """The index files cannot be read."""


class LibraryNotWritable(NewsdeskError):
    """The data folder cannot be written (read-only, not ours, or a full disk); reading works."""


class UnreadableFile(NewsdeskError):
    """A file cannot be ingested (binary, empty, undecodable, too large, malformed)."""


class BookmarkStoreError(NewsdeskError):
    """The bookmarks database is corrupt, locked or from a newer version."""


class BookmarkNotFound(NewsdeskError):
    """No bookmark has that id."""


class InvalidRequest(NewsdeskError):
    """A command's arguments do not make sense (paragraph out of range, bad format...)."""


class OutletTableError(NewsdeskError):
    """The outlet table (bundled or the user's own outlets.json) is malformed."""


class GazetteerError(NewsdeskError):
    """A gazetteer file (the user's parties.json) is unreadable or not in the expected shape."""
