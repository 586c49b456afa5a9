"""Percentages and shares of a population: "80% of the residents", "a third of the hospitals".

A share is a figure only when it says what it is a share *of*: "of" followed by a counted
noun phrase ("of the enclave's residents", "of Gaza's 2.3 million people", "of primary health
care clinics") or by a pronoun that refers back ("of them", "of those killed"). "Turnout was 71
percent" and "prices rose 5%" count nothing and stay out.

Values: a percentage keeps its number with unit "percent" (80% -> 80); a fraction is a share
of one with unit "share" ("a third" -> 1/3, "two-thirds" -> 2/3, "half" -> 0.5).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from index.extract.counted import HEAD_NOUNS, TIME_UNITS
from index.extract.numbers import normalise_qualifier

_QUICK_WORDS = "% cent half third thirds quarter quarters fifth fifths tenth tenths".split()  # noqa: SIM905 (a word list)
_QUICK_RE = re.compile(" of (?:" + "|".join(f"(?<={word} of )" for word in _QUICK_WORDS) + ")")
"""What every share has ("80% of", "a third of"), lower case: without it, skip fast.

It is found from " of " (a literal the regex engine scans for quickly), then the word before."""
PERCENT = "percent"
SHARE = "share"

_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}
_DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "tenth": 10,
    "tenths": 10,
}
_POPULATION_NOUNS = (HEAD_NOUNS - TIME_UNITS) | frozenset(
    """population residents inhabitants clinics facilities hospitals health centres centers
    housing structures infrastructure homes buildings schools mosques churches deaths dead
    victims wounded fatalities cases""".split()  # noqa: SIM905
)
"""Nouns a share can count: people and the things a war destroys. Not land: "half of the
territory" under evacuation orders is an area, no count of anyone."""
_QUAL = (
    r"(?P<qual>(?i:nearly|almost|close\s+to|just\s+under|more\s+than|over|about|around"
    r"|approximately|roughly|some|an\s+estimated|estimated|at\s+least|up\s+to|less\s+than"
    r"|fewer\s+than|under)\s+)?"
)
_SHARE_RE = re.compile(
    _QUAL
    + r"(?:(?P<pct>(?<![\w.,])\d{1,3}(?:\.\d+)?)(?:\s*%|[ \u00a0]+(?i:per[ \u00a0]?cent|percent)\b)"
    r"|(?P<num>(?i:\b(?:a|an|one|two|three|four|nine)))[-‐ ]?(?P<den>(?i:halves|half|thirds?"
    r"|quarters?|fifths?|tenths?))\b"
    r"|(?P<half>(?i:\bhalf)))"
    r"[ \u00a0]+of[ \u00a0]+"
)
_DETERMINER_RE = re.compile(
    r"(?:(?:the|its|their|all|all\s+the|these|those|Gaza['’]s|[A-Z][\w-]*['’]s|the\s+[\w-]+['’]s)"
    r"[ \u00a0]+)?"
)
_PRONOUN_RE = re.compile(
    r"(?:them|those|whom|these)\b(?:[ \u00a0]+(?:killed|wounded|injured|"
    r"displaced|held|released|detained|arrested))?"
)
_WORD_RE = re.compile(r"[ \u00a0]*([A-Za-z][\w'’-]*|[\d.,]+(?:[ \u00a0]+million)?)")


_ANCHOR_RE = re.compile(
    r"(?:%|(?i:cent|half|halves|thirds?|quarters?|fifths?|tenths?))[ \u00a0]+of[ \u00a0]+"
)
"""Where a share ends: its sign or fraction word and "of"."""
SHARE_REACH = 40
"""How far before its anchor a share's qualifier and number may start."""


@dataclass(frozen=True, slots=True)
class Share:
    """A percentage or a fraction of a counted population."""

    start: int
    end: int
    """End of the figure's text (after its counted noun, or after the pronoun)."""
    value: float
    unit: str
    qualifier: str | None
    counted: str | None
    """The counted noun; None for "of them" (the sentence says what they are)."""
    number_start: int
    number_end: int
    """Where the percentage or fraction itself is written."""


def find_shares(text: str) -> list[Share]:
    """Every percentage or fraction of a counted population in a paragraph, in order."""
    if _QUICK_RE.search(text.lower()) is None:
        return []
    shares: list[Share] = []
    for match in _matches(text):
        value, unit = _value(match)
        tail = _counted_tail(text, match.end())
        if tail is None:
            continue
        end, counted = tail
        number_start = match.end("qual") if match.group("qual") else match.start()
        shares.append(
            Share(
                match.start(),
                end,
                value,
                unit,
                normalise_qualifier(match.group("qual")),
                counted,
                number_start,
                match.end(),
            )
        )
    return shares


def _matches(text: str) -> list[re.Match[str]]:
    """`_SHARE_RE` matches, searched only just before each "% of" / "third of" anchor."""
    found: list[re.Match[str]] = []
    end = 0
    for anchor in _ANCHOR_RE.finditer(text):
        lo = max(end, anchor.start() - SHARE_REACH)
        match = _SHARE_RE.search(text, lo, anchor.end())
        if match is not None:
            found.append(match)
            end = match.end()
    return found


def _value(match: re.Match[str]) -> tuple[float, str]:
    """The share's value and unit."""
    if match.group("pct") is not None:
        return float(match.group("pct")), PERCENT
    if match.group("half") is not None:
        return 0.5, SHARE
    numerator = _NUMERATORS[match.group("num").lower()]
    return numerator / _DENOMINATORS[match.group("den").lower()], SHARE


def _counted_tail(text: str, pos: int) -> tuple[int, str | None] | None:
    """After "of": (end, counted noun) of the population counted, or None when none is."""
    pronoun = _PRONOUN_RE.match(text, pos)
    if pronoun is not None:
        return pronoun.end(), None
    determiner = _DETERMINER_RE.match(text, pos)
    at = determiner.end() if determiner else pos
    for _ in range(6):
        word = _WORD_RE.match(text, at)
        if word is None:
            return None
        token = word.group(1)
        if token.lower().rstrip("'’") in _POPULATION_NOUNS:
            return word.end(), token.lower()
        if token.lower() in ("and", "or", "of", "in", "on", "at", "to", "were", "was", "are"):
            return None
        at = word.end()
    return None
