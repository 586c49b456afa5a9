"""A passage with its citation, as text to paste elsewhere (the reader's `y`).

Pure: an article and a place in it in, plain text out. Paragraphs are counted from 1, as
everything a person reads does.
"""

from __future__ import annotations

from index.models import Article


def cite_passage(
    article: Article, paragraph: int, start: int | None = None, end: int | None = None
) -> str:
    """The quoted passage, then who published it, when, where, and which paragraph.

    Args:
        article: The article quoted.
        paragraph: Index of the paragraph (0-based, as in `Article.paragraphs`).
        start: Start of the passage in the paragraph (None: the whole paragraph).
        end: End of the passage in the paragraph (None: the whole paragraph).

    Returns:
        Two lines, e.g. “Nearly 1,200 people were killed.” then
        — Truce holds. Sputnik, 2023-11-24, https://… (paragraph 2).
    """
    text = article.paragraphs[paragraph]
    quote = " ".join(text[start or 0 : len(text) if end is None else end].split())
    date = article.published.isoformat() if article.published else "undated"
    parts = [
        (article.title or "(untitled)").rstrip(".") + ".",
        f"{article.source or 'Unknown outlet'}, {date}",
    ]
    source = " ".join(parts)
    if article.url:
        source += f", {article.url}"
    return f"“{quote}”\n— {source} (paragraph {paragraph + 1})"
