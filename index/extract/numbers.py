"""Number parsing for figures: digits, scale words, number words, ranges, vague amounts.

One precompiled pattern, `QUANTITY_RE`, finds a quantity as written in running text:

* digits with thousands separators (``1,200``, ``1 200`` with a no-break or thin space)
  and decimals (``1.9``), optionally followed by a scale word (``1.9 million``) and
  preceded by a currency sign (``$100 million``);
* number words (``Thirteen``, ``four``, ``twenty-five``, ``a dozen``, ``two hundred``,
  ``half a million``);
* ranges (``between 30 and 40``, ``200 to 300``, ``100-300``, ``100–300``, ``30 or 40``);
* vague amounts (``dozens``, ``hundreds``, ``thousands``, ``tens of thousands``,
  ``hundreds of thousands``), read as ranges: "hundreds" is 200–999, "thousands" is
  2,000–9,999, "dozens" 24–99 and so on, so that a comparison can tell whether
  "hundreds of thousands" and "1.9 million" agree (they do not); "several hundred",
  "several thousand", "several dozen", "several hundred thousand" read as their plurals;
* a qualifier before it (``nearly``, ``more than``, ``some``, ``exceeds`` ...) or after it
  (``or more``, ``+``, ``-plus``), normalised by `QUALIFIERS`.

Qualifier mapping (synonyms fold to one word so that figures compare):

=============  ===========================================================================
normalised     written
=============  ===========================================================================
nearly         nearly, almost, close to, just under, approaching, approaches, nears, neared,
               nearing ("the toll nears 20,000")
more than      more than, over, above, upwards of, in excess of, exceeds, exceeded,
               exceeding, surpassed, tops, topped, or more, +, -plus
about          about, around, approximately, roughly, some, an estimated, estimated
at least       at least, no fewer than, no less than, a minimum of
up to          up to, as many as, at most, no more than, a maximum of
less than      less than, fewer than, under, below
=============  ===========================================================================
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from index.extract.match_prefixes import filtered
from index.text.ascii_twin import AsciiTwin, ascii_twin


def _words(text: str) -> frozenset[str]:
    """A set of the space-separated words of a text (for the word lists below)."""
    return frozenset(text.split())


_UNIT_NAMES = (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
)
_TEN_NAMES = "twenty thirty forty fifty sixty seventy eighty ninety"
UNITS = {word: n for n, word in enumerate(_UNIT_NAMES.split(), start=1)}
TENS = {word: 10 * n for n, word in enumerate(_TEN_NAMES.split(), start=2)}
SCALES = {
    "dozen": 12,
    "hundred": 100,
    "thousand": 1_000,
    "million": 1_000_000,
    "billion": 1_000_000_000,
    "trillion": 1_000_000_000_000,
    "mln": 1_000_000,
    "bln": 1_000_000_000,
}
VAGUE = {
    "dozens": (24.0, 99.0),
    "scores": (40.0, 99.0),
    "hundreds": (200.0, 999.0),
    "thousands": (2_000.0, 9_999.0),
    "tens of thousands": (20_000.0, 99_999.0),
    "hundreds of thousands": (200_000.0, 999_999.0),
    "millions": (2_000_000.0, 9_999_999.0),
    "several dozen": (24.0, 99.0),
    "several hundred": (200.0, 999.0),
    "several thousand": (2_000.0, 9_999.0),
    "several hundred thousand": (200_000.0, 999_999.0),
}
QUALIFIERS = {
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "approaching": "nearly",
    "approaches": "nearly",
    "approached": "nearly",
    "nears": "nearly",
    "neared": "nearly",
    "nearing": "nearly",
    "more than": "more than",
    "tops": "more than",
    "topped": "more than",
    "over": "more than",
    "above": "more than",
    "upwards of": "more than",
    "in excess of": "more than",
    "exceeds": "more than",
    "exceed": "more than",
    "exceeded": "more than",
    "exceeding": "more than",
    "surpassed": "more than",
    "surpasses": "more than",
    "surpassing": "more than",
    "or more": "more than",
    "or so": "about",
    "+": "more than",
    "-plus": "more than",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "a minimum of": "at least",
    "up to": "up to",
    "as many as": "up to",
    "at most": "up to",
    "no more than": "up to",
    "a maximum of": "up to",
    "less than": "less than",
    "fewer than": "less than",
    "under": "less than",
    "below": "less than",
}

_WS = r"[ \u00a0\u202f\u2009]+"
_UNIT_WORDS = "|".join(sorted(UNITS, key=len, reverse=True))
_TEN_WORDS = "|".join(TENS)
_SCALE_WORDS = r"hundred|thousand|million|billion|trillion|mln|bln"
_DIGIT_CORE = r"(?:\d{1,3}(?:(?:,|\u00a0|\u202f|\u2009)\d{3})+|\d+)(?:\.\d+)?"
_BEFORE = r"(?<![\w.,/:@#+\-–])"
_AFTER = r"(?![\w%]|[.,:/]\d|-\d)"
_DIGITS = rf"{_BEFORE}{_DIGIT_CORE}{_AFTER}"
_WORD_BASE = rf"(?:(?:{_TEN_WORDS})(?:[-‐ ](?:{_UNIT_WORDS}))?|{_UNIT_WORDS})"
_WORDNUM = (
    rf"(?i:\b(?:(?:{_WORD_BASE}|an?{_WS}half|a|an|half{_WS}an?){_WS}(?:dozen|{_SCALE_WORDS})"
    rf"(?:{_WS}(?:{_SCALE_WORDS}))?|{_WORD_BASE}(?:{_WS}(?:{_SCALE_WORDS}))?"
    rf"|(?:an?{_WS})?(?:quarter|half)[-‐](?:million|billion))\b)"
)
_SCALE = rf"(?:(?={_WS}[hHtTmMbB])(?i:{_WS}(?:{_SCALE_WORDS})\b))?"
"""An optional scale word after digits; the look-ahead on its first letter fails fast."""
_NUM = rf"(?:{_DIGITS}{_SCALE}|(?=[^\W\d_]){_WORDNUM})"
"""A number in digits or in words; words are only tried from a letter."""
_VAGUE = (
    r"(?i:\b(?:(?:tens|hundreds)\s+of\s+thousands|dozens|scores|hundreds|thousands|millions"
    r"|several\s+(?:hundred\s+thousand|thousand|hundred|dozen)(?!\s+(?:\d|of\b)))"
    r"(?![\w-]))"
)
_QUAL = (
    r"(?i:\b(?:nearly|almost|close\s+to|just\s+under|approaching"
    r"|(?-i:approach(?:es|ed)|near(?:s|ed|ing)|tops|topped)(?=\s+(?:\d|\Z))"  # "nears 20,000"
    r"|more\s+than|over|above"
    r"|upwards\s+of|in\s+excess\s+of|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|about|around"
    r"|approximately|roughly|some|an\s+estimated|estimated|at\s+least|no\s+fewer\s+than"
    r"|no\s+less\s+than|a\s+minimum\s+of|up\s+to|as\s+many\s+as|at\s+most|no\s+more\s+than"
    r"|a\s+maximum\s+of|less\s+than|fewer\s+than|under|below)\s+)"
)

_DIGIT_RUN = r"[\d,.\u00a0\u202f\u2009]"
"""Any character of a number in digits (`_DIGIT_CORE`)."""

QUANTITY_RE = re.compile(
    rf"(?:(?![\d$€£])(?P<qual>{_QUAL}))?(?:"  # a qualifier never starts with a digit
    rf"(?i:\bbetween)\s+(?P<blo>{_NUM})\s+and\s+(?P<bhi>{_NUM})"
    rf"|(?={_DIGIT_RUN}*[-–—])(?P<dlo>{_BEFORE}{_DIGIT_CORE})[-–—](?P<dhi>{_DIGIT_CORE}{_AFTER})"
    rf"|(?=\D|{_DIGIT_RUN}+(?:{_WS}\w+)?\s+(?:to|or)\s)(?P<lo>{_NUM})\s+(?:to|or)\s+(?P<hi>{_NUM})"
    rf"|(?=[^\W\d_])(?P<vague>{_VAGUE})"
    rf"|(?P<cur>US\$|[$€£])?(?P<num>{_NUM}))"
    r"(?P<post>\s+or\s+(?:more|so)\b|\+|-plus\b)?"
)
"""A quantity as written: optional qualifier, then a range, vague amount or number.

The look-aheads before the ranges and the vague amount only say what the branch needs (a
dash after the digits; "to"/"or" after a number in digits; a letter) so that, at the common
plain number, the regex engine skips those branches without matching the number in each
(the engine saves every group's position at each try, which is what makes a miss costly)."""
_QUANTITY = ascii_twin(QUANTITY_RE.pattern)
"""`QUANTITY_RE`, faster on ASCII texts (`index.text.ascii_twin`)."""


_ANCHOR_LETTERS = "otfsendhm"
"""A number word is only looked for from these letters."""


def _anchor_word_pattern() -> str:
    """A number word, branched on its first letter.

    The first letter is a case-sensitive class, which the regex engine checks at once, so
    only the words with that letter are tried at a position.
    """
    words = rf"{_UNIT_WORDS}|{_TEN_WORDS}|dozens?|scores|hundreds?|thousands?|tens|millions?"
    rests: dict[str, list[str]] = {}
    for word in words.split("|"):
        if word[0] in _ANCHOR_LETTERS:
            rests.setdefault(word[0], []).append(word[1:])
    branches = [f"[{first.upper()}{first}](?i:{'|'.join(rest)})" for first, rest in rests.items()]
    return rf"(?P<word>{'|'.join(branches)})\b"


_ANCHOR_WORD = _anchor_word_pattern()


def _anchor_pattern(*, ascii_only: bool) -> str:
    """`_anchor_re`'s source, its number words behind a look-ahead on their first letters."""
    word = filtered(_ANCHOR_WORD, ascii_only=ascii_only)
    return rf"[\W\d](?:(?<=[$€£])\d+|(?<=\d)\d*|(?<=\W){word})"


@cache
def _anchor_re() -> AsciiTwin:
    """A digit run (currency allowed), or a non-word character and the number word after it.

    Starting with a character class lets the regex engine skip letters quickly: a number
    word is found from the character before it, which is what "starts at a word boundary"
    means. A look-ahead on the words' first three letters ("two", "thr", "hun", …, in any
    case) turns the other words away before any number word is tried (the scan -16%).
    Compiled on first use, as the app's launch imports this module and never needs it.
    """
    return AsciiTwin(
        re.compile(_anchor_pattern(ascii_only=False)),
        ascii_twin(_anchor_pattern(ascii_only=True)).ascii,
    )


_ANCHOR_AT_START_RE = ascii_twin(_ANCHOR_WORD)
"""A number word at the very start of the text, where no character precedes it."""


def _anchors(text: str) -> list[tuple[int, int]]:
    """The (start, end) of every digit run and number word, in order, not overlapping."""
    spans: list[tuple[int, int]] = []
    pos = 0
    first = _ANCHOR_AT_START_RE.on(text).match(text)
    if first is not None:
        spans.append(first.span())
        pos = first.end()
    for match in _anchor_re().on(text).finditer(text, pos):
        start, end = match.span()
        # A number word's match starts at the one character before it ("word" is the only
        # group, so `lastgroup` names it exactly when the word matched).
        spans.append((start + 1 if match.lastgroup else start, end))
    return spans


_PREFIX_TAIL_RE = re.compile(
    rf"(?<!\w)(?=[^\W\d_])(?:{_QUAL}|(?i:\b(?:between|half|an?|US|several))[ \u00a0]+)*"
    r"(?:(?i:\b(?:quarter|half))[-‐]$|(?<=[ \u00a0])$)|(?:US)$"
)
"""The qualifiers, "between", "half a", "US" right before a number (searched up to it).

Each of them starts a word with a letter; saying so first spares the search from trying
every qualifier at each position inside a word."""
_PREFIX_TAIL = ascii_twin(_PREFIX_TAIL_RE.pattern)


_PREFIX_LAST_WORDS = _words(
    """nearly almost to under approaching approaches approached nears neared nearing tops
    topped than over above of exceeds exceed exceeded
    exceeding surpassed surpassing surpasses about around approximately roughly some estimated
    least most as below between half a an us us$ $ € £ several quarter- half-"""
)


_PARTICLE_VERBS = _words(
    """hand hands handed handing turn turns turned turning take takes took taken taking pass
    passed give gave given sign signed"""
)


def _is_particle(text: str, match: re.Match[str]) -> bool:
    """True when "over" belongs to a verb before it ("handed over 12 hostages")."""
    if match.group("qual").strip().lower() != "over":
        return False
    before = text[max(0, match.start() - 20) : match.start()].split()
    return bool(before) and before[-1].lower() in _PARTICLE_VERBS


def find_quantities(text: str) -> list[re.Match[str]]:
    """All `QUANTITY_RE` matches in a text, found fast from number anchors.

    Scanning the whole pattern at every position is slow; instead a cheap anchor (a digit
    or a number word) is found first, and the full pattern is tried where the quantity
    can start: at the qualifier, "between", "a"/"half a" or currency just before it.
    """
    found: list[re.Match[str]] = []
    pos = 0
    quantity_re, prefix_tail_re = _QUANTITY.on(text), _PREFIX_TAIL.on(text)
    # Anchors are whole digit runs or words and a quantity never ends inside one, so the
    # anchors at or after `pos` are those a fresh search from `pos` would find.
    for at, anchor_end in _anchors(text):
        if at < pos:
            continue
        tail = None
        lo = max(pos, at - 40)
        before = text[lo:at].rsplit(None, 1)
        if before and before[-1].lower() in _PREFIX_LAST_WORDS:
            tail = prefix_tail_re.search(text, lo, at)
        match = quantity_re.match(text, tail.start()) if tail is not None else None
        if match is None or match.end() <= at:
            match = quantity_re.match(text, at)
        if match is None:
            pos = anchor_end
            continue
        if match.group("lo") and text[max(0, match.start() - 5) : match.start()].lower() == "from ":
            match = quantity_re.match(text, match.start("hi")) or match  # a change, not a range
        if match.group("qual") and _is_particle(text, match):
            match = quantity_re.match(text, match.end("qual")) or match
        found.append(match)
        pos = max(match.end(), anchor_end)
    return found


@dataclass(frozen=True, slots=True)
class Quantity:
    """A parsed quantity: a single value, or a (low, high) range."""

    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    currency: str | None = None


_NARROW_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " "})
_DIGIT_NUMBER_RE = re.compile(r"(\d{1,3}(?:[, ]\d{3})+|\d+)(\.\d+)?(?: ([a-z]+))?")
_WORD_SPLIT_RE = re.compile(r"[\s\-‐]+")


def _word_value(words: list[str]) -> float | None:
    """The value of number words such as ["twenty-five"], ["two", "hundred"], ["a", "dozen"]."""
    total = 0.0
    current = 0.0
    for word in words:
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in ("a", "an"):
            current += 1
        elif word == "half":
            current += 0.5
        elif word == "quarter":
            current += 0.25
        elif word in SCALES:
            scale = SCALES[word]
            current = (current or 1) * scale
            if scale >= 1_000:
                total += current
                current = 0.0
        else:
            return None
    return total + current


def parse_number(text: str) -> float | None:
    """Parse one number as written: "1,200", "1.9 million", "Thirteen", "a dozen".

    Args:
        text: The number's text, without qualifier or counted noun.

    Returns:
        Its value, or None when the text is not a number.
    """
    cleaned = text.strip().lower()
    if not cleaned.isascii():
        cleaned = cleaned.translate(_NARROW_SPACES)
    if cleaned.isdecimal():
        return float(cleaned)  # the common case of the pattern below: plain digits
    match = _DIGIT_NUMBER_RE.fullmatch(cleaned)
    if match:
        base = float(match.group(1).replace(",", "").replace(" ", "") + (match.group(2) or ""))
        scale = match.group(3)
        if scale is None:
            return base
        return round(base * SCALES[scale], 6) if scale in SCALES else None
    words = [w for w in _WORD_SPLIT_RE.split(cleaned) if w and w != "and"]
    if words[:2] in (["half", "a"], ["half", "an"], ["a", "half"], ["an", "half"]):
        words = ["half", *words[2:]]  # "half a million", "a half million"
    elif words[:2] in (["a", "quarter"], ["an", "quarter"]):
        words = words[1:]  # "a quarter-million"
    return _word_value(words) if words else None


def normalise_qualifier(text: str | None) -> str | None:
    """Fold a written qualifier ("Over", "some", "an estimated") to its normal form."""
    if not text:
        return None
    key = " ".join(text.lower().split())
    return QUALIFIERS.get(key)


def quantity_from_match(match: re.Match[str]) -> Quantity | None:
    """Turn a `QUANTITY_RE` match into a `Quantity` (None when it does not parse)."""
    qualifier = normalise_qualifier(match.group("qual"))
    if qualifier is None and match.group("post"):
        qualifier = normalise_qualifier(match.group("post").strip())
    low_text = match.group("blo") or match.group("lo") or match.group("dlo")
    if low_text is not None:
        high_text = match.group("bhi") or match.group("hi") or match.group("dhi")
        low, high = parse_number(low_text), parse_number(high_text)
        if low is None or high is None:
            return None
        if low < high and high >= 1_000 and low < 1_000 and _ends_with_scale(high_text):
            low *= SCALES[high_text.split()[-1].lower()]  # "between 1.5 and 2 million"
        return Quantity(None, min(low, high), max(low, high), qualifier)
    vague = match.group("vague")
    if vague is not None:
        low, high = VAGUE[" ".join(vague.lower().split())]
        return Quantity(None, low, high, qualifier)
    value = parse_number(match.group("num"))
    if value is None:
        return None
    return Quantity(value, None, None, qualifier, match.group("cur"))


def _ends_with_scale(text: str) -> bool:
    """True when a number is written with a trailing scale word ("2 million")."""
    parts = text.split()
    return len(parts) > 1 and parts[-1].lower() in SCALES
