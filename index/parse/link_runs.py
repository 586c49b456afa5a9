"""Scraped navigation glued into the text: headlines of other stories run together.

A page's "related stories" links lose the markup between them when the text is scraped,
so their titles end up in one line with no space between one and the next:

    Follow live: Latest updatesHostages: Who are the people taken from Israel?From Gaza:
    Stories of those killed in GazaGaza: 'My wife died in five minutes…'Explained: …

The seam is the sign: a lower-case letter (or a closing ? ! ' ’ ”) directly followed by a
capitalised word. Prose has such seams only by accident (WhatsApp, PowerMate, YouTube and
TikTok) and never several in a row between headline-sized pieces (four words or more);
and headlines, unlike prose or a cut excerpt, end with no period, quote or ellipsis.
`link_run_start` finds a run of at least `MIN_PIECES` headline-sized pieces that fills a
line or ends it; the cleaner drops the line or cuts the run off. A period glued to the
next sentence ("ambassador.On Friday") is a scraped sentence break, not a seam.
"""

from __future__ import annotations

import itertools
import re

MIN_PIECES = 3
"""Headlines in a row (two seams at least) before a line is read as navigation."""
_SEAM = re.compile(r"[A-Z](?<=[a-z][a-z?!'’”][A-Z])(?=[a-z])")
"""The capital after a seam (which is where a match starts): the regex engine skips to the
next capital letter in C and looks behind only there (cheaper than a scan that stops at
every lower-case letter or tries look-behinds at every position)."""
_PROSE_ENDS = (".", "…", "[…]", *(stop + quote for stop in ".?!…" for quote in "\"'”’"))
"""How a paragraph of prose ends, or an excerpt cut short: . … ." ?" […] ... (a tuple for
`str.endswith`, which costs less than a regex search at the end)."""
_SENTENCE_END = re.compile(r"[.?!][\"'”’]?\s+(?=[A-Z\"“'‘])")
_HEADLINE_CHARS = (16, 160)
_HEADLINE_WORDS = (4, 28)
"""A headline's size, in characters and words ("Aid convoy strike: What we know")."""


def _is_headline(piece: str) -> bool:
    """Whether a piece has the size of a headline (a few words, one line)."""
    words = len(piece.split())
    return (
        _HEADLINE_CHARS[0] <= len(piece.strip()) <= _HEADLINE_CHARS[1]
        and _HEADLINE_WORDS[0] <= words <= _HEADLINE_WORDS[1]
    )


def link_run_start(line: str) -> int | None:
    """Where a run of glued headlines starts in `line` (0: the whole line), or None.

    The run lasts to the end of the line; it starts at the first of its seams, or earlier,
    after the last sentence of the piece before the first seam when what follows that
    sentence is itself headline-sized ("… had stalled. Netanyahu sets Rafah date as
    pressure growsBowen: …").
    """
    if line.rstrip().endswith(_PROSE_ENDS):
        return None  # headlines end without a period; prose (or a cut excerpt) ends so
    if line.isupper():
        return None  # no lower-case letter, no seam (and capitals are slow to scan for one)
    seams = [match.start() for match in _SEAM.finditer(line)]
    if len(seams) < MIN_PIECES - 1:
        return None
    bounds = [0, *seams, len(line)]
    pieces = [line[start:end] for start, end in itertools.pairwise(bounds)]
    first = len(pieces)
    while first > 1 and _is_headline(pieces[first - 1]):
        first -= 1
    if len(pieces) - first < MIN_PIECES - 1:
        return None
    lead = pieces[first - 1]
    ends = [match.end() for match in _SENTENCE_END.finditer(lead)]
    if first == 1 and not ends and _is_headline(lead):
        return 0
    start = bounds[first - 1] + ends[-1] if ends else None
    if start is not None and line[start] in "\"”’'" and line[start + 1 : start + 2] == " ":
        start += 2  # the closing quote of the last sentence, scraped apart from it
    if start is not None and _is_headline(line[start : bounds[first]]):
        return start
    if len(pieces) - first >= MIN_PIECES:
        return bounds[first]
    return None
