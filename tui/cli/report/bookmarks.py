"""`newsdesk bookmarks`: the bookmarks table and one-line confirmations.

Quotes, notes, tags and titles are user or article text: they only ever go into
`rich.text.Text` objects, never into markup strings.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from index import AnchorStatus, Bookmark
from tui.cli.report import stdout_console

STATUS_STYLES: dict[AnchorStatus, str] = {
    AnchorStatus.ANCHORED: "green",
    AnchorStatus.MOVED: "yellow",
    AnchorStatus.ORPHAN: "red bold",
    AnchorStatus.UNCHECKED: "dim",
}
"""The status is also written out in words, so it reads under NO_COLOR."""


QUOTE_LIMIT = 240
"""Longer quotes are shortened in the table (`--json` and exports keep them whole)."""


def bookmarks_table(bookmarks: Sequence[Bookmark]) -> Table:
    """One row per bookmark: id, status, article, paragraph (from 1), quote, note and tags."""
    table = Table(title=f"Bookmarks ({len(bookmarks)})", title_justify="left")
    for column in ("id", "status", "article", "¶", "quote", "note · tags"):
        table.add_column(column, overflow="fold")
    for mark in bookmarks:
        article = Text(mark.article_title or "(untitled)")
        article.append(f"\n{mark.article_id}", style="dim")
        extra = Text(mark.note)
        if mark.tags:
            extra.append(("\n" if mark.note else "") + " ".join(f"#{t}" for t in mark.tags), "cyan")
        table.add_row(
            Text(str(mark.id)),
            Text(str(mark.status), style=STATUS_STYLES[mark.status]),
            article,
            Text("—" if mark.paragraph is None else str(mark.paragraph + 1)),
            Text(_shorten(mark.quote), style="italic"),
            extra,
        )
    return table


def _shorten(quote: str, limit: int = QUOTE_LIMIT) -> str:
    """The quote, cut at a word boundary with an ellipsis when longer than `limit`."""
    if len(quote) <= limit:
        return quote
    return quote[:limit].rsplit(" ", 1)[0] + " …"


def render_bookmarks(
    bookmarks: Sequence[Bookmark], console: Console | None = None, *, filtered: bool = False
) -> None:
    """Print the bookmarks table, or how to make a first bookmark (or that none matched)."""
    out = console or stdout_console()
    if not bookmarks and filtered:
        out.print(Text("No bookmark matches the filter."))
        return
    if not bookmarks:
        out.print(Text("No bookmarks yet. Add one with: newsdesk bookmarks add ID --paragraph N"))
        return
    out.print(bookmarks_table(bookmarks))
    orphans = sum(1 for mark in bookmarks if mark.status is AnchorStatus.ORPHAN)
    if orphans:
        out.print(
            Text(
                f"{orphans} orphan(s): the quoted passage is no longer in the library (its"
                " article was edited or removed); the quote and the note are kept.",
                style="red",
            )
        )


def render_bookmark_line(mark: Bookmark, verb: str, console: Console | None = None) -> None:
    """`Added bookmark 3 on <title> ¶2: "<quote>"`."""
    text = Text(f"{verb} bookmark {mark.id} on ")
    text.append(mark.article_title or str(mark.article_id), style="bold")
    if mark.paragraph is not None:
        text.append(f" ¶{mark.paragraph + 1}")
    text.append(": ")
    text.append(mark.quote, style="italic")
    if mark.note:
        text.append("\nnote: ", style="dim")
        text.append(mark.note)
    if mark.tags:
        text.append("\ntags: ", style="dim")
        text.append(", ".join(mark.tags))
    (console or stdout_console()).print(text)
