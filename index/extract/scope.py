"""Whom and where a figure counts: its `group` and its `place`, when the text says them.

A comparison must count like with like: "more than 1,400 people" killed in Israel and "more
than 4,000" killed in Gaza are two quantities, and "3,542 children" is part of a toll, not
another toll. So a figure carries:

- `group`: the people it restricts itself to, read from its own noun phrase. A nationality
  becomes its plural demonym ("13 Israeli hostages" -> Israelis, "12 Thai nationals" ->
  Thais, "two US women" -> Americans, "foreign and dual nationals" -> foreign nationals); a
  category its plural noun (children, women, elderly, patients, journalists, militants,
  soldiers, medics, aid workers…); a nationality's soldiers stay together ("Israeli
  soldiers"). People at large ("people", "hostages", "civilians") have no group.
- `place`: where the counted thing happened or is, from the words of its sentence: a place
  named with a locative ("in Gaza", "southern Israel", "in the West Bank"), a town of one
  territory ("Khan Younis" -> Gaza, "Jenin" -> West Bank), or a cue that can only mean one
  side ("the enclave", "the Strip", "Gaza's health ministry" -> Gaza; "the 7 October attack",
  "the Nova festival", "kibbutz" -> Israel). The cue nearest the figure wins; none gives None.
"""

from __future__ import annotations

import re

_NATIONALS: dict[str, str] = {
    "israeli": "Israelis",
    "israelis": "Israelis",
    "palestinian": "Palestinians",
    "palestinians": "Palestinians",
    "gazan": "Palestinians",
    "gazans": "Palestinians",
    "thai": "Thais",
    "thais": "Thais",
    "us": "Americans",
    "u.s.": "Americans",
    "american": "Americans",
    "americans": "Americans",
    "british": "Britons",
    "britons": "Britons",
    "briton": "Britons",
    "filipino": "Filipinos",
    "filipinos": "Filipinos",
    "nepali": "Nepalis",
    "nepalis": "Nepalis",
    "nepalese": "Nepalis",
    "indian": "Indians",
    "indians": "Indians",
    "russian": "Russians",
    "russians": "Russians",
    "french": "French",
    "german": "Germans",
    "germans": "Germans",
    "lebanese": "Lebanese",
    "egyptian": "Egyptians",
    "egyptians": "Egyptians",
    "syrian": "Syrians",
    "syrians": "Syrians",
    "jordanian": "Jordanians",
    "iranian": "Iranians",
    "ukrainian": "Ukrainians",
    "canadian": "Canadians",
    "canadians": "Canadians",
    "australian": "Australians",
    "irish": "Irish",
    "argentine": "Argentines",
    "argentinian": "Argentines",
    "chinese": "Chinese",
    "foreign": "foreign nationals",
    "foreigners": "foreign nationals",
    "dual": "foreign nationals",
}
"""Nationality words (adjective or plural) -> the group's name."""
_CATEGORIES: dict[str, str] = {
    "children": "children",
    "child": "children",
    "kids": "children",
    "minors": "children",
    "babies": "children",
    "infants": "children",
    "toddlers": "children",
    "women": "women",
    "woman": "women",
    "elderly": "elderly",
    "patients": "patients",
    "journalists": "journalists",
    "journalist": "journalists",
    "reporters": "journalists",
    "photographers": "journalists",
    "militants": "militants",
    "fighters": "militants",
    "gunmen": "militants",
    "terrorists": "militants",
    "combatants": "militants",
    "operatives": "militants",
    "soldiers": "soldiers",
    "soldier": "soldiers",
    "troops": "soldiers",
    "reservists": "soldiers",
    "servicemen": "soldiers",
    "medics": "medics",
    "paramedics": "medics",
    "doctors": "medics",
    "nurses": "medics",
    "students": "students",
    "workers": "workers",
}
"""Category nouns -> the group's name ("aid workers" and "UN staff" are read from modifiers)."""
_STAFF = re.compile(r"\b(?:UN|U\.N\.|UNRWA|United Nations)\b")
_AID = re.compile(r"\baid\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w.'’]*(?:-[A-Za-z]+)*")


def figure_group(phrase: str) -> str | None:
    """The group a figure's noun phrase restricts itself to, or None for people at large.

    Args:
        phrase: The figure's text, number included ("13 Israeli hostages").
    """
    words = [w.lower().rstrip("'’") for w in _WORD.findall(phrase)]
    nationality = next(
        (_NATIONALS[w.split("-")[0]] for w in words if w.split("-")[0] in _NATIONALS), None
    )
    category = next((_CATEGORIES[w] for w in reversed(words) if w in _CATEGORIES), None)
    if "women" in words and "children" in words:
        category = "women and children"
    if category == "workers" or (category is None and "staff" in words):
        if _STAFF.search(phrase):
            return "UN staff"
        return "aid workers" if _AID.search(phrase) else nationality
    if category == "soldiers" and nationality is not None:
        return f"{_ADJECTIVE.get(nationality, nationality)} soldiers"
    if category == "students":
        return nationality or "students"
    return category or nationality


_ADJECTIVE = {"Israelis": "Israeli", "Americans": "US", "Britons": "British", "Russians": "Russian"}

_PLACES: tuple[tuple[str, str], ...] = (
    (
        "West Bank",
        r"West\s+Bank|Jenin|Nablus|Hebron|Tulkarm|Tulkarem|Ramallah|Bethlehem|Jericho|Qalqilya",
    ),
    (
        "Gaza",
        r"Gaza|Gazan?s?|the\s+enclave|the\s+Strip|Khan\s+Y[ou]nis|Rafah|Jabalia|Jabaliya|Nuseirat"
        r"|Deir\s+al-Balah|Deir\s+el-Balah|Beit\s+Hanoun|Beit\s+Lahia|Shati|Bureij|Maghazi"
        r"|al-Shifa|Al-Shifa|Shifa\s+hospital|al-Ahli|Al-Ahli",
    ),
    (
        "Israel",
        r"Israel|southern\s+Israel|northern\s+Israel|Tel\s+Aviv|Jerusalem|Sderot|Ashkelon|Kfar\s+Aza"
        r"|Be['’]eri|Nir\s+Oz|kibbutz(?:im)?|Nova\s+(?:music\s+)?festival|music\s+festival"
        r"|(?:October|Oct\.?)\s+7(?:th)?\s+(?:attacks?|assault|massacre|rampage|raid)"
        r"|7\s+October\s+(?:attacks?|assault|massacre|rampage|raid)|Hamas(?:['’]s?)?\s+(?:\w+\s+){0,2}"
        r"(?:attack|assault|incursion|rampage|raid)",
    ),
    ("Lebanon", r"Lebanon|southern\s+Lebanon|Beirut"),
    ("Syria", r"Syria|Damascus"),
    ("Yemen", r"Yemen|Sanaa"),
    ("Iraq", r"Iraq|Baghdad"),
    ("Red Sea", r"Red\s+Sea"),
    ("Egypt", r"Egypt|Sinai|Cairo"),
    ("Iran", r"Iran|Tehran"),
)
_LOCATIVE = r"(?:in|inside|across|throughout|from|on|at|near|into|within)\s+(?:the\s+)?"
_PLACE_RE = re.compile(
    "|".join(
        rf"(?P<p{n}>\b{_LOCATIVE}(?:{words})\b|\b(?:{words})['’]s?\s+(?:\w+\s+)?(?:health\s+)?"
        rf"(?:ministry|authorities|death\s+toll|toll)\b)"
        for n, (_, words) in enumerate(_PLACES)
    )
    + "|"
    + "|".join(
        rf"(?P<q{n}>\b(?:{words})\b)"
        for n, (name, words) in enumerate(_PLACES)
        if name in ("Gaza", "Israel", "West Bank")
    )
)
"""A place named with a locative or as a toll's owner (strong), or a bare name (weak)."""
_GAZA_SIDE = re.compile(
    r"\b(?:health\s+ministry|ministry\s+of\s+health|Israeli\s+(?:\w+\s+)?(?:strikes|bombing"
    r"|bombardment|offensive|air\s*strikes|shelling|raids?))\b",
    re.IGNORECASE,
)
"""Cues that put a casualty in Gaza without naming it (its health ministry, Israel's strikes)."""
WEAK_WEIGHT = 0.5
"""How much a bare name counts against a place named with a locative."""


def figure_place(sentence: str, start: int, end: int) -> str | None:
    """Where the figure at [start, end) of `sentence` counts, or None when it does not say."""
    best: tuple[float, str] | None = None
    for match in _PLACE_RE.finditer(sentence):
        group = match.lastgroup or ""
        name = _PLACES[int(group[1:])][0]
        if name == "Israel" and _is_israeli_strike(sentence, match):
            continue
        distance = min(abs(match.start() - end), abs(start - match.end()))
        weight = (1.0 if group[0] == "p" else WEAK_WEIGHT) / (1.0 + distance / 60.0)
        if best is None or weight > best[0]:
            best = (weight, name)
    if best is None and _GAZA_SIDE.search(sentence):
        return "Gaza"
    return None if best is None else best[1]


def _is_israeli_strike(sentence: str, match: re.Match[str]) -> bool:
    """Whether the name is Israel acting ("Israel's strikes on Gaza"), not where the dead are."""
    after = sentence[match.end() : match.end() + 40].lower()
    return bool(
        re.match(
            r"['’]?s?\s*(?:\w+\s+)?(?:strikes|bombardment|offensive|military|army|forces)", after
        )
    )
