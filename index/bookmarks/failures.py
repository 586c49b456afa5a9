"""What went wrong with the bookmarks file, in words that say what is actually wrong.

Bookmarks are the user's own work: "move it aside; newsdesk will start a new one" is only
the advice for a file that really is damaged or not ours. A full disk, a read-only home, a
permission or a lock are transient, and moving the file aside for them would hide every
bookmark; each gets its own message.
"""

from __future__ import annotations

import sqlite3

from index.errors import BookmarkStoreError

MOVE_ASIDE = "keep a copy of it, then move it aside; newsdesk will start a new one"
"""The hint for a bookmarks file that is damaged or not a newsdesk file."""
EMPTY_HINT = (
    "restore it from a backup; if you never saved a bookmark, delete the empty file "
    "and newsdesk will create a new one"
)
"""The hint for a zero-byte bookmarks file (read as "no bookmarks" it would hide a loss)."""


def sqlite_error_name(error: sqlite3.Error) -> str:
    """SQLite's name for the error ("SQLITE_FULL"), or "" when unknown."""
    return str(getattr(error, "sqlite_errorname", "") or "")


def translate(error: sqlite3.Error, where: str) -> BookmarkStoreError:
    """The user-facing error for an sqlite error on the bookmarks file `where`."""
    name = sqlite_error_name(error)
    text = str(error)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text or "busy" in text:
        return BookmarkStoreError(
            f"The bookmarks database {where} is locked by another program.",
            "Close the other newsdesk (or wait for it) and try again.",
        )
    if name == "SQLITE_FULL" or "disk is full" in text:
        return BookmarkStoreError(
            f"The disk holding {where} is full: the change was not saved.",
            "Free some space and try again; the bookmarks already saved are safe.",
        )
    if name.startswith("SQLITE_READONLY") or "readonly" in text:
        return read_only(where)
    if name.startswith(("SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_AUTH")):
        return BookmarkStoreError(
            f"The bookmarks database {where} cannot be opened ({text}).",
            "Check that the file and its folder exist and that you may read and write them.",
        )
    if name.startswith("SQLITE_IOERR"):
        return BookmarkStoreError(
            f"Reading or writing {where} failed ({text}).",
            "Check the disk (space, permissions, a removed drive) and try again.",
        )
    return BookmarkStoreError(f"The bookmarks database {where} is damaged ({text}).", MOVE_ASIDE)


def read_only(where: str) -> BookmarkStoreError:
    """The error for a change asked of a bookmarks file that cannot be written."""
    return BookmarkStoreError(
        f"The bookmarks database {where} is read-only: bookmarks can be listed and "
        "exported, not changed.",
        "Make the data folder writable (or point NEWSDESK_HOME to one) to change bookmarks.",
    )


def empty_file(where: str) -> BookmarkStoreError:
    """The error for a zero-byte bookmarks file."""
    return BookmarkStoreError(
        f"The bookmarks database {where} is empty (0 bytes): it was truncated or never "
        "written, and holds no bookmarks.",
        EMPTY_HINT,
    )
