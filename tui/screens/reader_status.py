"""The reader's status line: what the cursor is on, and where that is among its kind.

Pure (no widgets, no I/O): the reader hands over the article, the cursor paragraph, the
span the last jump or find landed on and the find hits; this says "figure 3 / 12 · killed
· nearly 1,200 people · according to …", "party 2 / 31 · Hamas (organization)", "hit 2 / 4
for “truce”" or "paragraph 4 / 14". Counts and paragraph numbers start at 1. Article text
only ever goes into `Content(...)`, never into markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TypeVar

from textual.content import Content

from index import Article, Figure, Mention, Span, SpanKind

SEPARATOR = Content.styled(" · ", "dim")
Item = TypeVar("Item", Figure, Mention)


def reader_status(
    article: Article,
    cursor: int,
    current: Span | None,
    find_hits: Sequence[Span] = (),
    needle: str = "",
) -> Content:
    """The status line for the reader's state.

    Args:
        article: The article shown.
        cursor: The cursor paragraph (0-based).
        current: The span the last jump or find landed on, or None.
        find_hits: The find-in-page hits, in reading order.
        needle: The text searched with `/`.
    """
    if current is not None and current in find_hits:
        number = find_hits.index(current) + 1
        return Content.assemble(
            (f"hit {number} / {len(find_hits)}", "bold"), " for “", Content(needle), "”"
        )
    if current is not None and current.kind is SpanKind.FIGURE:
        figures = _in_body(article.figures)
        figure = _at(figures, current)
        if figure is not None:
            return _figure_status(figure, figures.index(figure) + 1, len(figures))
    if current is not None and current.kind is SpanKind.PARTY:
        mentions = _in_body(article.mentions)
        mention = _at(mentions, current)
        if mention is not None:
            return _party_status(mention, mentions.index(mention) + 1, len(mentions))
    total = len(article.paragraphs)
    return Content.styled(f"paragraph {min(cursor + 1, total)} / {total}", "bold")


def _in_body(items: Sequence[Item]) -> list[Item]:
    """The items drawn in the text (not in the title), in reading order."""
    return sorted((item for item in items if item.paragraph is not None), key=_position)


def _position(item: Figure | Mention) -> tuple[int, int]:
    return item.position


def _at(items: Sequence[Item], span: Span) -> Item | None:
    """The item whose phrase starts where the span does."""
    return next((i for i in items if (i.paragraph, i.start) == (span.paragraph, span.start)), None)


def _figure_status(figure: Figure, number: int, total: int) -> Content:
    """E.g. "figure 3 / 12 · killed (Israelis, Israel) · nearly 1,200 people · according to…"."""
    measure = (figure.measure or figure.counted or "figure").replace("_", " ")
    scope = ", ".join(part for part in (figure.group, figure.place) if part)
    parts = [
        Content.styled(f"figure {number} / {total}", "bold"),
        Content(f"{measure} ({scope})" if scope else measure),
        Content.styled(figure.text, "bold underline"),
        Content(figure.attribution or "no attribution"),
    ]
    return SEPARATOR.join(parts)


def _party_status(mention: Mention, number: int, total: int) -> Content:
    """E.g. "party 2 / 31 · Hamas (organization) · as “Hamas-run”"."""
    detail = str(mention.kind) + (f", {mention.affiliation}" if mention.affiliation else "")
    parts = [
        Content.styled(f"party {number} / {total}", "bold"),
        Content.assemble(Content.styled(mention.party, "italic"), f" ({detail})"),
    ]
    if mention.text != mention.party:
        parts.append(Content.assemble("as “", Content(mention.text), "”"))
    return SEPARATOR.join(parts)
