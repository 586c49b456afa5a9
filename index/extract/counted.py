"""The counted noun phrase after a number: "people", "Thai nationals", "displaced Palestinians".

`counted_phrase(text, pos, digits)` reads words after a number and returns the noun
phrase it counts, by a small grammar:

    phrase   := modifier* head head?          ("105 Israeli and other nationalities hostages")
    modifier := adjective from a list ("other", "civilian", "displaced" ...)
              | a capitalised word ("Thai", "Israeli", "UN", "Hamas")
              | "and"/"or" between modifiers
    head     := a noun from `HEAD_NOUNS` | a capitalised plural demonym ("Gazans")
              | for digits only, any other lower-case plural ("14 countries")

Number words need a known head ("the two sides" is not a figure). Nominal adjectives
("9,700 wounded", "1.9 million displaced") end the phrase with no counted noun: the
caller inherits one from the sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    """A set of the space-separated words of a text (for the word lists below)."""
    return frozenset(text.split())


KIN_HEADS = frozenset(
    """daughters sons brothers sisters grandchildren grandsons granddaughters cousins
    parents wives husbands nephews nieces siblings""".split()  # noqa: SIM905
)
"""Family members: counted only as victims ("his wife, four daughters … were killed"), not in
"he has two sons"."""
SINGULAR_PEOPLE = _words(
    """employee paramedic medic doctor nurse patient worker volunteer resident citizen refugee
    student teacher settler protester policeman staffer rescuer guard reporter photographer
    national member officer soldier hostage captive person civilian journalist child woman man
    girl boy fatality casualty"""
)
"""People counted one at a time ("one employee was killed", "One paramedic was injured")."""
HEAD_NOUNS = KIN_HEADS | _words(
    """people persons person individuals civilians civilian hostages hostage captives captive
    abductees prisoners prisoner detainees detainee inmates children child kids minors
    babies infants toddlers teenagers teens youths women woman men man elderly girls boys
    soldiers soldier troops reservists officers officer servicemen fighters fighter
    militants militant terrorists gunmen combatants operatives commanders palestinians
    israelis americans foreigners nationals nationalities citizens residents gazans thais
    population inhabitants
    journalists journalist reporters photographers medics paramedics doctors nurses
    patients staff staffers workers labourers laborers farmers employees volunteers rescuers
    members families collaborators informants suspects attackers assailants survivors
    newborns pupils guards agents spies personnel bases sites locations laboratories labs
    facilities vehicles
    relatives bodies deaths lives casualties victims trucks lorries homes houses buildings
    hospitals schools mosques churches shelters rockets missiles projectiles drones
    strikes airstrikes targets tunnels others refugees students teachers settlers
    protesters demonstrators worshippers police policemen officials diplomats dollars
    euros shekels tons tonnes meals days weeks hours months years minutes day week hour
    month year decades lorryloads truckloads exchanges swaps"""
)
NOMINAL_ADJECTIVES = frozenset(
    {"dead", "wounded", "injured", "displaced", "missing", "killed", "freed", "released"}
)
MODIFIERS = _words(
    """other more additional further civilian foreign female male elderly young innocent
    unarmed armed sick ill dual local remaining new aid humanitarian medical health rescue
    relief family civil defense defence detained abducted kidnapped released freed suspected
    jailed imprisoned service
    confirmed reported alleged fellow former senior junior total underage neighboring
    neighbouring nearby drone"""
)
TIME_UNITS = _words(
    """day days week weeks hour hours month months year years minutes decade decades"""
)
_PREDICATIVE = TIME_UNITS | {"hostage", "captive", "prisoner"}
"""Nouns that do not extend a compound ("took 240 citizens hostage")."""
_COMPOUND_THINGS = _words(
    """cells positions posts outposts targets sites compounds launchers squads hideouts bases
    facilities infrastructure tunnels camps strongholds headquarters vehicles"""
)
"""Nouns a singular people word modifies ("three militant cells" counts cells)."""
_NOT_PLURAL = _words(
    """was has is this its as us thus plus less across always perhaps unless news says
    remains includes means seems comes goes makes takes gives shows suggests appears
    becomes stands lies falls rises puts gets needs plans calls continues does was whereas
    besides towards afterwards sometimes"""
)
_WORD_RE = re.compile(r"[ \u00a0]+((?:[A-Z]\.){2,}|[A-Za-z][A-Za-z'’\-]*[A-Za-z]|[A-Za-z])")
_PARTITIVE_RE = re.compile(r"[ \u00a0]+of[ \u00a0]+(?:whom|them|those|these|which)\b")
_PARTITIVE_NP_RE = re.compile(
    r"[ \u00a0]+of[ \u00a0]+(?:the|these|those|its|their|his|her|our|[A-Z][\w-]*['’]s)"
    # "five of the group's senior fighters": the owner's noun before the counted one
    r"(?:[ \u00a0]+[a-z]+['’]s)?(?=[ \u00a0])"
    # "13 of around 100 civilians": a part of a whole counted in digits
    r"|[ \u00a0]+of(?=[ \u00a0]+(?:(?:about|around|some|nearly|almost|roughly|approximately)"
    r"[ \u00a0]+)?\d)"
)
_FUNCTION_WORDS = _words(
    """were was are is be been being have has had do did will would could should may might
    must can of in on at to by for from with and or but the a an as than more most some
    who which that these those their its his her our they them we he she it not also all
    only"""
)
_VAGUE_OF_RE = re.compile(r"[ \u00a0]+of(?=[ \u00a0])")
_NOT_LISTED = NOMINAL_ADJECTIVES | {"people", "persons"}
"""Words that end a phrase rather than modify the next noun in a listed run."""
_NOUN_LIST_RE = re.compile(
    r"[ \u00a0]+((?:[a-z]+,[ \u00a0]+)+[a-z]+,?[ \u00a0]+(?:and|or)[ \u00a0]+[a-z]+)"
    r"(?=[ \u00a0]+[A-Za-z])"
)
"""Nouns listed as modifiers before the counted noun ("40 rocket, mortar and drone launches")."""


@dataclass(frozen=True, slots=True)
class CountedPhrase:
    """What follows a number: the phrase's end, its head noun, and its modifiers."""

    end: int
    """Offset after the phrase (the number's end when there is no phrase)."""
    head: str | None
    """The counted noun as written, or None."""
    modifiers: str
    """The words of the phrase before the head, space-joined ("Thai", "displaced")."""
    nominal: str | None = None
    """A nominal adjective standing for the noun ("wounded" in "9,700 wounded")."""
    partitive: bool = False
    """True for "29 of whom", "four of them": the noun is in an earlier phrase."""


def _is_head(word: str, digits: bool) -> bool:
    """True when a word can be the counted noun."""
    lower = word.lower()
    if lower in HEAD_NOUNS:
        return True
    if "'" in word or "’" in word:
        return False  # a possessive ("company's"), not a plural
    if word[0].isupper():
        return lower.endswith(
            (
                "is",
                "ians",
                "ans",
                "ese",
                "ais",
                "ites",
                "britons",
                "filipinos",
                "argentines",
                "swedes",
            )
        )
    return (
        digits
        and len(word) > 3
        and lower.endswith("s")
        and not lower.endswith(("ss", "us", "is"))
        and lower not in _NOT_PLURAL
    )


def _is_modifier(word: str) -> bool:
    """True when a word can stand before the counted noun."""
    return word.lower() in MODIFIERS or word.lower() in NOMINAL_ADJECTIVES or word[0].isupper()


def counted_phrase(text: str, pos: int, digits: bool, vague: bool = False) -> CountedPhrase:
    """Read the counted noun phrase that starts at `pos` (just after a number).

    Args:
        text: The paragraph.
        pos: Offset just after the number.
        digits: True when the number was written in digits (looser head rule).
        vague: True for "hundreds of ...", whose phrase starts with "of".

    Returns:
        The phrase found; `head` is None when there is no counted noun.
    """
    start = pos
    if vague:
        of = _VAGUE_OF_RE.match(text, pos)
        if of is None:
            return CountedPhrase(pos, None, "", partitive=True)
        pos = of.end()
    elif (part := _PARTITIVE_RE.match(text, pos)) is not None:
        return CountedPhrase(part.end(), None, "", partitive=True)
    elif (np := _PARTITIVE_NP_RE.match(text, pos)) is not None:
        inner = counted_phrase(text, np.end(), digits)
        if inner.head is not None and text[start:pos].strip().lower() not in ("one", "1"):
            return inner
        return CountedPhrase(start, None, "", partitive=True)
    if (one := _ONE_DEMONYM_RE.match(text, pos)) is not None and text[
        max(0, pos - 4) : pos
    ].lower().endswith("one"):
        group = one.lastindex or 1  # the demonym, or the people noun
        return CountedPhrase(one.end(group), one.group(group), "")  # "One Palestinian was killed"
    modifiers: list[str] = []
    head: str | None = None
    end = start
    nominal: str | None = None
    pending_and = False
    listed = _NOUN_LIST_RE.match(text, pos) if digits else None
    if listed is not None and _next_is_head(text, listed.end()):
        words = listed.group(1).replace(",", " ").split()
        # "people, killed or wounded [thousands]" is two phrases, not a list of modifiers.
        if not (_FUNCTION_WORDS.intersection(words) - {"and", "or"}) and not (
            _NOT_LISTED.intersection(words)
        ):
            modifiers = [w for w in words if w not in ("and", "or")]
            pos = listed.end()
    for _ in range(7):
        match = _WORD_RE.match(text, pos)
        if match is None:
            break
        word = match.group(1)
        lower = word.lower()
        if head is not None:
            if (lower in HEAD_NOUNS and lower not in _PREDICATIVE) or (
                lower in _COMPOUND_THINGS and not head.lower().endswith("s")
            ):
                head, end = word, match.end()  # compound: "nationalities hostages"
            break
        if lower in ("and", "or") and modifiers and not pending_and:
            pending_and = True
        elif lower in NOMINAL_ADJECTIVES and not _next_is_noun(text, match.end(), digits):
            nominal, end = word, match.end()
            break
        elif (lower == "member" and modifiers and modifiers[-1].lower() == "service") or (
            _is_head(word, digits)
            and not (
                word[0].isupper()
                and lower not in HEAD_NOUNS
                and _next_is_noun(text, match.end(), digits)
            )
        ):
            head, end = word, match.end()
            pending_and = False
        elif _is_modifier(word) or (
            lower.isalpha()
            and lower not in _FUNCTION_WORDS
            and not lower.endswith(("ed", "ing", "en"))
            and (
                _next_is_head(text, match.end())
                if digits
                else lower not in _NOT_ADJECTIVES and _next_is_known(text, match.end())
            )
        ):
            modifiers.append(word)  # "30 student groups": a noun used as a modifier
            pending_and = False
        else:
            break
        pos = match.end()
    if head is None and nominal is None:
        return CountedPhrase(start, None, "")
    return CountedPhrase(end, head, " ".join(modifiers), nominal)


_ONE_DEMONYM_RE = re.compile(
    r"[ \u00a0]+([A-Z][a-z]+(?:ian|i|an|ese|ish|ino))"
    r"(?=[ \u00a0]+(?:was|is|has|had|died|remains|on|in|at|from|during|after|and|too|also"
    r"|as[ \u00a0]+well|[a-z]+ed)\b|[.;]"
    r"|,[ \u00a0]+(?:and|who)\b)"
    r"|[ \u00a0]+(?:(?:[a-z]+|[A-Z][a-z]+(?:-[A-Z][a-z]+)?)[ \u00a0]+){0,2}?"
    r"(" + "|".join(sorted(SINGULAR_PEOPLE)) + r")\b"
    r"(?![ \u00a0]+(?!(?:was|is|has|as|his|this|thus|whose)\b)[a-z]+s\b)"
)
"""One person named by a demonym as the subject ("One Palestinian was killed", "one Israeli
has died"), or by a singular people noun ("one employee was killed", "one permanent
resident"), not a modifier ("one student group")."""


def _next_is_head(text: str, pos: int) -> bool:
    """True when the word at `pos` is a counted noun by the loose digits rule."""
    match = _WORD_RE.match(text, pos)
    return match is not None and _is_head(match.group(1), True)


_NOT_ADJECTIVES = frozenset(
    "such same very own only first last next group member members".split()  # noqa: SIM905
)
"""Words before a noun that make no count of it ("one such person", "one group relatives")."""


def _next_is_known(text: str, pos: int) -> bool:
    """True when the word at `pos` is a known counted noun ("seven residential buildings")."""
    match = _WORD_RE.match(text, pos)
    return match is not None and match.group(1).lower() in HEAD_NOUNS


def _next_is_noun(text: str, pos: int, digits: bool) -> bool:
    """True when the word at `pos` is a possible counted noun or modifier."""
    match = _WORD_RE.match(text, pos)
    if match is None:
        return False
    word = match.group(1)
    return word.lower() in HEAD_NOUNS or (word[0].isupper() and _is_head(word, digits))
