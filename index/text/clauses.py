"""Sentences, clauses and attributions inside one paragraph, as character spans.

Used by the figures extractor: a figure's measure is read from its clause, and its
attribution from its sentence.

* `sentence_spans` splits at ``.``, ``!`` or ``?`` followed by space and a capital, a digit
  or an opening quote, except after abbreviations ("Oct.", "Mr.", "U.S.", initials).
* `attribution_spans` finds the phrases that source a claim: "according to X" (to the
  next comma or full stop), "X said/says/reported/told/estimates ..." with X a short noun
  phrase (capitalised words, or officials, authorities, the ministry ...), "said X",
  "citing X" and "per X".
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    """A set of the space-separated words of a text (for the word lists below)."""
    return frozenset(text.split())


_ABBREVIATIONS = _words(
    """mr mrs ms dr st gen lt col sgt capt maj rep sen gov prof jan feb mar apr jun jul aug
    sep sept oct nov dec no vs etc inc corp co ltd jr sr mt ft a.m p.m u.s u.n u.k e.u"""
)
_SENTENCE_END_RE = re.compile(
    r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])"
    # Sentences glued by a lost space ("killed thousands of civilians.Yaakov Peri said").
    r"|(?<=[a-z]{3}[.!?])(?=[A-Z][a-z])"
)
_LAST_WORD_RE = re.compile(r"([A-Za-z.]+)\.$")
_INITIALS_RE = re.compile(r"(?:[a-z]\.)+[a-z]")

_SOURCE_NOUNS = (
    r"officials|authorities|ministry|military|army|government|spokesman|spokeswoman"
    r"|spokesperson|sources|source|medics|doctors|witnesses|agency|office|media|police"
    r"|group|count|figures|statement|estimates|data|officers|services|rescuers|residents"
)
_SAY_VERBS = (
    r"said|says|say|reported|reports|report|told|estimates|estimated|claimed|claims"
    r"|announced|confirmed|stated|counted|tallied"
)
_NP_WORD = (
    rf"(?:[A-Z][\w’'.\-]*|of|for|in|at|from|and|the|local|health|military|news|press|state"
    rf"|official|{_SOURCE_NOUNS})"
)
_ATTRIBUTION_RE = re.compile(
    r"\b[Aa]ccording\s+to\s+[^,.;:!?()\[\]\"“”–—]{2,120}?(?=\s*[,.;:!?()\[\]\"“”–—]|\s+that\b|$)"
    rf"|\b(?:(?:[Tt]he|[Aa]n?)\s+)?(?:{_NP_WORD}\s+){{0,6}}?(?:[A-Z][\w’'.\-]*|{_SOURCE_NOUNS})"
    rf"\s+(?:{_SAY_VERBS})\b"
    rf"|\b(?:said|says|citing|per)\s+(?:the\s+)?[A-Z][\w’'.\-]*(?:\s+(?:[A-Z][\w’'.\-]*|of|for))*"
    r"(?=\s*[,.;]|$)"
)
_LEADING_FILLER_RE = re.compile(
    r"^(?:(?:In|On|At|After|But|And|Meanwhile|However|Also|So|Yet|Then|Since|While|As|Now"
    r"|Earlier|Later|Separately|Still|Today|Yesterday)\s+)+"
)
_DETERMINERS = frozenset({"A", "An", "The", "a", "an", "the"})
_NOT_A_SOURCE_RE = re.compile(r"^(?:It|He|She|They|We|I|This|That|There)\s", re.IGNORECASE)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Split a paragraph into sentences, returned as (start, end) offsets."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        # The end mark: where the match starts, or just before an empty (glued) match.
        mark = match.start() if match.end() > match.start() else match.start() - 1
        head = text[max(start, mark - 12) : mark + 1]
        last = _LAST_WORD_RE.search(head)
        if last is not None and text[mark] == ".":
            word = last.group(1).lower()
            if word in _ABBREVIATIONS or len(word) == 1 or _INITIALS_RE.fullmatch(word):
                continue
        end = mark + 1
        spans.append((start, end))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


_CUE_RE = re.compile(rf"\b(?:[Aa]ccording|{_SAY_VERBS}|citing|per)\b")


def attribution_spans(sentence: str) -> list[tuple[int, int]]:
    """The attribution phrases of one sentence as (start, end) offsets into it."""
    spans: list[tuple[int, int]] = []
    if _CUE_RE.search(sentence) is None:
        return spans
    for match in _ATTRIBUTION_RE.finditer(sentence):
        start, end = match.start(), match.end()
        phrase = sentence[start:end]
        filler = _LEADING_FILLER_RE.match(phrase)
        if filler and not phrase.lower().startswith("according"):
            start += filler.end()
            phrase = sentence[start:end]
        words = phrase.split()
        only_determiner = words[0] in _DETERMINERS and len(words) < 3
        if _NOT_A_SOURCE_RE.match(phrase) or len(words) < 2 or only_determiner:
            continue
        spans.append((start, end))
    return spans
