"""Who says a figure: an attribution phrase -> the source it cites.

"according to the Hamas-run health ministry", "Gaza Health Ministry said" and "Palestinian
health officials say" are one source to a reader: the Gaza health ministry. `source_of`
drops the speech verb and the "according to", then names the source by the first rule
of `_RULES` whose words it contains; what no rule knows is kept as written (cleaned), and
a figure without attribution is "unattributed". To add a source, add a rule.
"""

from __future__ import annotations

import re
from functools import lru_cache

from index.text.attribution import SPEECH_VERBS

UNATTRIBUTED = "unattributed"

_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern, re.IGNORECASE))
    for name, pattern in (
        ("UN", r"\b(?:(?-i:UN|U\.N|OCHA|UNRWA|UNICEF|WHO)|United Nations|World Health)\b"),
        (
            "Israeli officials",
            r"\b(?:Israel(?:i|'s)?|IDF|Netanyahu|Gallant|Hagari|Shin Bet|Zaka|prime minister's)\b",
        ),
        (
            "Gaza health ministry",
            r"\b(?:health|medical|medics?|hospital|ministry of health|civil defen[cs]e)\b",
        ),
        ("Hamas", r"\b(?:Hamas|Qassam|al-Qassam)\b"),
        ("Gaza authorities", r"\b(?:Gaza|Palestinian|Palestinians)\b"),
        ("US officials", r"\b(?:(?-i:U\.S|US)|United States|White House|Pentagon|Biden|Blinken)\b"),
        ("Qatar", r"\b(?:Qatar|Qatari)\b"),
        ("Egypt", r"\b(?:Egypt|Egyptian)\b"),
    )
)
"""(source, words) in order: the first match names the source (the UN's and Israel's own
health bodies come before the Gaza health ministry, which every other health source is)."""

_VERBS = re.compile(
    rf"\s+(?:has |have |had )?(?:{SPEECH_VERBS})\b.*$",
    re.IGNORECASE,
)
_LEAD = re.compile(r"^(?:according to|citing|cited by|per|of|by|from)\s+", re.IGNORECASE)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_NOT_A_SOURCE = re.compile(
    r"^(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|tonight|"
    r"dozens|scores|hundreds|thousands|many|some|others?)$",
    re.IGNORECASE,
)
"""What an attribution's words leave when the extraction took a day or an amount for the
speaker ("Friday said", "Hundreds reported"): no source."""


@lru_cache(maxsize=8192)
def source_of(attribution: str | None) -> str:
    """The source an attribution cites, for grouping a story's values by who says them.

    Examples: "according to the Hamas-run health ministry" -> "Gaza health ministry";
    "IDF says" -> "Israeli officials"; "the UN confirms" -> "UN"; None -> "unattributed".
    """
    if attribution is None or not attribution.strip():
        return UNATTRIBUTED
    phrase = _VERBS.sub("", _LEAD.sub("", attribution.strip()))
    phrase = _ARTICLE.sub("", phrase).strip(" ,.;:") or attribution.strip()
    if _NOT_A_SOURCE.match(phrase):
        return UNATTRIBUTED
    for name, words in _RULES:
        if words.search(phrase):
            return name
    return phrase[:1].upper() + phrase[1:]
