"""Snippets and MATCH spans, computed from the analyzer's tokens (chars=True).

Offsets come from the same analyzer that indexed the text, so a query for "hostage"
highlights "hostages" and "Hostage's"; they are never taken from Whoosh's HTML formatter.
"""

from __future__ import annotations

from collections.abc import Sequence

from index.models import Article, Snippet, Span, SpanKind
from index.store.analysis import token_spans

SNIPPET_CHARS = 220
"""Target length of a snippet."""

_ANALYSED = 3
"""Paragraphs analysed per snippet (the ones where most query stems occur)."""

_FOCUS_CHARS = 20_000
"""Most characters of one paragraph analysed for a snippet."""


def match_spans(article: Article, terms: Sequence[str]) -> list[Span]:
    """MATCH spans in `article.paragraphs` for analysed terms (e.g. `SearchPage.terms`)."""
    wanted = frozenset(terms)
    if not wanted:
        return []
    spans = []
    for number, paragraph in enumerate(article.paragraphs):
        for term, start, end in token_spans(paragraph):
            if term in wanted:
                spans.append(Span(number, start, end, SpanKind.MATCH, label=term))
    return spans


def _cheap_candidates(paragraphs: Sequence[str], wanted: frozenset[str]) -> list[int]:
    """The few paragraphs most likely to hold the terms, best first.

    A stem is nearly always a substring of its words, so counting which stems occur as
    substrings ranks paragraphs without analysing them; only the best are analysed.
    """
    scored = []
    for number, paragraph in enumerate(paragraphs):
        lower = paragraph.lower()
        distinct = sum(1 for term in wanted if term in lower)
        if distinct:
            scored.append((-distinct, number))
    return [number for _, number in sorted(scored)[:_ANALYSED]]


def make_snippet(article: Article, terms: Sequence[str]) -> Snippet:
    """The best short excerpt of an article for these terms, with the matches' offsets."""
    paragraphs = article.paragraphs
    if not paragraphs:
        return Snippet(article.title)
    wanted = frozenset(terms)
    best: tuple[int, int, list[tuple[int, int]]] | None = None  # (distinct, paragraph, spans)
    for number in _cheap_candidates(paragraphs, wanted) if wanted else []:
        base, text = _focus(paragraphs[number], wanted)
        spans = [(base + s, base + e) for t, s, e in token_spans(text) if t in wanted]
        if not spans:
            continue
        distinct = len({paragraphs[number][s:e].lower() for s, e in spans})
        if best is None or distinct > best[0]:
            best = (distinct, number, spans)
    if best is None:
        return Snippet(_shorten(paragraphs[0], 0, SNIPPET_CHARS)[0])
    _, number, spans = best
    return _window(paragraphs[number], spans)


def _focus(paragraph: str, wanted: frozenset[str]) -> tuple[int, str]:
    """(offset, text): the paragraph, or for a huge one the part around the first match.

    Analysing a whole multi-megabyte "paragraph" (a log or a dump indexed as an article)
    for every hit would stall the search; a snippet only needs the first matches.
    """
    if len(paragraph) <= _FOCUS_CHARS:
        return 0, paragraph
    lower = paragraph.lower()
    found = [at for term in wanted if (at := lower.find(term)) >= 0]
    begin = max(0, min(found, default=0) - SNIPPET_CHARS)
    space = paragraph.rfind(" ", 0, begin) if begin else -1
    begin = space + 1 if space >= 0 else begin
    return begin, paragraph[begin : begin + _FOCUS_CHARS]


def _window(paragraph: str, spans: list[tuple[int, int]]) -> Snippet:
    """Cut a window of about SNIPPET_CHARS around the densest run of matches."""
    best_start, best_count = spans[0][0], 0
    after = 0  # spans[i:after] fit in a window starting at spans[i] (ends only grow)
    for i, (start, _) in enumerate(spans):
        after = max(after, i)
        while after < len(spans) and spans[after][1] - start <= SNIPPET_CHARS:
            after += 1
        if after - i > best_count:
            best_start, best_count = start, after - i
    begin = max(0, best_start - SNIPPET_CHARS // 4)
    text, shift = _shorten(paragraph, begin, begin + SNIPPET_CHARS)
    matches = tuple(
        (s - shift, e - shift) for s, e in spans if s >= shift and e - shift <= len(text)
    )
    return Snippet(text, matches)


def _shorten(paragraph: str, begin: int, end: int) -> tuple[str, int]:
    """paragraph[begin:end] moved to word boundaries, with "…" marks; returns (text, shift).

    `shift` is the offset in `paragraph` of the returned text's first character minus the
    length of a leading "…", so `paragraph offset - shift` is an offset in the text.
    """
    if begin > 0:
        space = paragraph.rfind(" ", 0, begin)
        begin = space + 1 if space >= 0 else 0
    if end < len(paragraph):
        space = paragraph.find(" ", end)
        end = space if space >= 0 and space - end < 30 else end
    else:
        end = len(paragraph)
    text = paragraph[begin:end]
    lead = "…" if begin > 0 else ""
    tail = "…" if end < len(paragraph) else ""
    return f"{lead}{text}{tail}", begin - len(lead)
