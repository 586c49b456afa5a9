"""The sentence splitter: one rule-based splitter for every part of newsdesk.

Figures read their measure and attribution from their sentence, the comparison aligns
sentences, bookmarks address "the K-th sentence of a paragraph" and re-anchoring proposes
sentence-sized candidates: all of them split here, so a sentence is the same thing
everywhere. It returns character spans, never copies, so offsets line up with the
paragraph. It knows common abbreviations ("U.S.", "Dr.", "Nov.", "Gen."), initials
("J. Smith"), decimals ("3.5"), ellipses, closing quotes or brackets after the full stop
(`He said "no." Then` ends after the quote), and sentences glued by a space lost in
scraping ("killed thousands of civilians.Yaakov Peri said" is two sentences).
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    {
        # titles
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "gen", "lt", "col", "maj", "capt",
        "sgt", "rep", "sen", "gov", "pres", "rev", "hon", "sra", "dra", "mt", "ft", "adm",
        "brig", "cpl", "pte", "pvt", "cmdr", "lieut", "supt", "insp",
        # months and days
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        # common short forms
        "vol", "fig", "approx", "est", "inc", "ltd", "co", "corp", "dept",
        "univ", "assn", "bros", "vs", "etc", "al", "cf", "ca", "op", "ed", "eds", "pp",
        "a.m", "p.m", "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "u.s.a",
        # other languages in the corpora (es, pt, cs)
        "pág", "art", "sto", "sta", "tj", "tzv", "např", "atd", "resp",
    }
)  # fmt: skip
"""Lower-case words (without the final dot) after which a dot does not end a sentence."""

_CANDIDATE = re.compile(
    r"[.!?…](?:[.!?…]*[\"'”’»)\]]*(?=\s)"
    # Sentences glued by a lost space ("civilians.Yaakov"): not "U.S.Army", "3.5", "e.g.The".
    r"|(?<=[a-z]{3}[.!?])(?P<glued>)(?=[A-Z][a-z]))"
)
"""A possible end: terminal punctuation, then closing quotes/brackets, then whitespace.

The pattern opens with a character class (the first mark) so that the regex engine's search
skips other characters in C; a leading repeat or group would make it try every position.
`glued` is an empty group: it matched when it is not None."""

_NUMBER_SIGNS = frozenset({"no", "nos", "núm"})
"""Abbreviations only when a number follows."""

_OPENERS = "\"'“‘«([¿¡"


def split_sentences(paragraph: str) -> list[tuple[int, int]]:
    """Split a paragraph into sentences.

    Args:
        paragraph: One paragraph of text.

    Returns:
        `(start, end)` spans into `paragraph`, in order, without surrounding whitespace.
        A paragraph with no text gives an empty list; text without a full stop is one sentence.
    """
    spans: list[tuple[int, int]] = []
    start = _skip_space(paragraph, 0)
    for match in _CANDIDATE.finditer(paragraph):
        end = match.end()
        mark = "" if match.group("glued") is not None else match.group()
        if end <= start or not _is_boundary(paragraph, mark, match.start(), end):
            continue
        spans.append((start, end))
        start = _skip_space(paragraph, end)
    tail = paragraph[start:].rstrip()
    if tail:
        spans.append((start, start + len(tail)))
    return spans


def sentence_span(paragraph: str, index: int) -> tuple[int, int] | None:
    """The `index`-th (0-based) sentence of a paragraph, or None when there is none."""
    spans = split_sentences(paragraph)
    if 0 <= index < len(spans):
        return spans[index]
    return None


def _skip_space(text: str, position: int) -> int:
    """The first non-space position at or after `position`."""
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _is_boundary(text: str, mark: str, punct_start: int, end: int) -> bool:
    """Whether the punctuation `mark` at `punct_start` ends a sentence (next word after `end`)."""
    if not mark:  # a glued end: the word before it decides
        return not _is_abbreviation(text, punct_start, text[end])
    following = _skip_space(text, end)
    if following >= len(text):
        return False  # the paragraph's tail is handled by the caller
    next_char = text[following]
    if not (next_char.isupper() or next_char.isdigit() or next_char in _OPENERS):
        return False
    if not mark.startswith(".") or mark.startswith("...") or not mark.endswith("."):
        return True  # "?", "!", an ellipsis, or a dot inside closing quotes/brackets
    if not _is_abbreviation(text, punct_start, next_char):
        return True
    # "posted on X. An Israeli minister said", "in the U.S. The ministry": an initial before a
    # word that only opens sentences ends one (initials stand before names)
    opener = _OPENER_RE.match(text, following)
    return (
        opener is not None
        and _INITIAL_END_RE.search(text, max(0, punct_start - 8), punct_start) is not None
    )


_OPENER_RE = re.compile(
    r"(?:The|An?|It|He|She|They|We|In|On|At|But|This|That|These|Those|His|Her|Their|Its"
    r"|There)\s"
)
"""Words that open sentences and never follow an initial in a name."""
_INITIAL_END_RE = re.compile(r"(?<![\w.])(?:[A-Z]|(?:[A-Z]\.){1,2}[A-Z])\Z")
"""A capital letter alone, or dotted capitals ("U.S"), right before the dot."""


def _is_abbreviation(text: str, end: int, next_char: str) -> bool:
    """Whether the word ending at `end`, right before a dot, is an abbreviation or an initial."""
    word = _word_before(text, end).casefold()
    if not word:
        return False
    if word in _NUMBER_SIGNS:
        return next_char.isdigit()  # "No. 5" but "said no. Then"
    if word in ABBREVIATIONS or word.rstrip(".") in ABBREVIATIONS:
        return True
    letters = word.replace(".", "")
    # A single letter ("J.") or dotted initials ("U.S", "U.N") are never sentence ends here.
    return (len(letters) == 1 and letters.isalpha()) or ("." in word and len(letters) <= 3)


def _word_before(text: str, end: int) -> str:
    r"""The word of letters, digits, "_" and dots ending at `end` ("" when there is none).

    What the pattern `[\w.]+$` finds in `text[:end]` (also before a newline closing it), by a
    walk back from `end`: a search costs more, trying every character of the words before.
    """
    if end and text[end - 1] == "\n":
        end -= 1
    start = end
    while start and (text[start - 1].isalnum() or text[start - 1] in "._"):
        start -= 1
    return text[start:end]
