"""Pure highlighting data: an article's figures, parties and query matches as spans.

No Whoosh and no I/O here: the figures and mentions are already on the `Article`; this
module only turns them into `Span`s the UI styles, and merges in MATCH spans.
"""

from __future__ import annotations

from collections.abc import Iterable

from index.models import Article, Span, SpanKind

_KIND_ORDER = {kind: rank for rank, kind in enumerate(SpanKind)}


def figure_spans(article: Article) -> list[Span]:
    """FIGURE spans, labelled with the figure's measure (or its counted noun).

    Args:
        article: The article whose figures to highlight.

    Returns:
        One span per figure of the body (title figures are not drawn as spans), in order.
    """
    return [
        Span(f.paragraph, f.start, f.end, SpanKind.FIGURE, f.measure or f.counted or "")
        for f in article.figures
        if f.paragraph is not None
    ]


def party_spans(article: Article) -> list[Span]:
    """PARTY spans, labelled with the canonical party name.

    Args:
        article: The article whose party mentions to highlight.

    Returns:
        One span per mention of the body (title mentions are not drawn as spans), in order.
    """
    return [
        Span(m.paragraph, m.start, m.end, SpanKind.PARTY, m.party)
        for m in article.mentions
        if m.paragraph is not None
    ]


def _valid(span: Span, article: Article) -> bool:
    """True when the span lies inside one of the article's paragraphs and is not empty."""
    if not 0 <= span.paragraph < len(article.paragraphs):
        return False
    return 0 <= span.start < span.end <= len(article.paragraphs[span.paragraph])


def sort_spans(spans: Iterable[Span]) -> list[Span]:
    """Sort spans by position (paragraph, start, longest first), then by kind.

    Args:
        spans: Spans of any kinds.

    Returns:
        A new sorted list without exact duplicates.
    """
    unique = set(spans)
    return sorted(
        unique,
        key=lambda s: (s.paragraph, s.start, -s.end, _KIND_ORDER[s.kind], s.label),
    )


def article_spans(article: Article, match_spans: Iterable[Span] = ()) -> list[Span]:
    """Every highlight of an article: FIGURE, PARTY and the given MATCH spans, sorted.

    Spans of different kinds may overlap (a party inside a figure's phrase, a query match
    inside a party); the renderer layers them. Spans that do not fit the article's text are
    dropped rather than passed on.

    Args:
        article: The article to highlight.
        match_spans: MATCH spans for the current query (from `index.search.engine.match_spans`).

    Returns:
        The spans sorted by paragraph and offset.
    """
    spans = [*figure_spans(article), *party_spans(article), *match_spans]
    return sort_spans(s for s in spans if _valid(s, article))
