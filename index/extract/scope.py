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
from functools import cache, lru_cache

from index.extract.match_prefixes import filtered

_NATIONALS: dict[str, str] = {
    "israeli": "Israelis",
    "idf": "Israelis",
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
    "iraqi": "Iraqis",
    "iraqis": "Iraqis",
    "yemeni": "Yemenis",
    "yemenis": "Yemenis",
    "ukrainian": "Ukrainians",
    "canadian": "Canadians",
    "canadians": "Canadians",
    "australian": "Australians",
    "irish": "Irish",
    "argentine": "Argentines",
    "argentines": "Argentines",
    "argentinian": "Argentines",
    "chinese": "Chinese",
    "foreign": "foreign nationals",
    "foreigners": "foreign nationals",
    "dual": "foreign nationals",
}
"""Nationality words (adjective or plural) -> the group's name."""
NATIONALITY_GROUPS = frozenset(_NATIONALS.values())
"""The groups that are a nationality ("Palestinians", "Thais"), not a category of people."""
_CATEGORIES: dict[str, str] = {
    "children": "children",
    "child": "children",
    "kids": "children",
    "minors": "children",
    "babies": "children",
    "minor": "children",
    "infants": "children",
    "newborns": "children",
    "neonates": "children",
    "toddlers": "children",
    "boys": "children",
    "girls": "children",
    "teenagers": "children",
    "schoolchildren": "children",
    "women": "women",
    "woman": "women",
    "elderly": "elderly",
    "civilians": "civilians",
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
    "assailants": "militants",
    "attackers": "militants",
    "infiltrators": "militants",
    "militant": "militants",
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
_STAFF = re.compile(
    r"\b(?:(?:UN|UNRWA|United\s+Nations|WHO|UNICEF|WFP|OCHA)\b|U\.N\.(?!\w)"
    r"|(?:Palestin\w+\s+)?refugee\s+agency|Relief\s+and\s+Works\s+Agency)"
)
"""A UN agency: its staff are "UN staff" ("101 UNRWA staff", "UNRWA said 101 staff …", "the
U.N. said 88 staff members", "the Palestinian refugee agency says 11 of its staff")."""
_AID = re.compile(r"\baid\b", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][\w.'’]*(?:-[A-Za-z]+)*")


_COUNTRIES = {
    "thailand": "Thais",
    "nepal": "Nepalis",
    "philippines": "Filipinos",
    "india": "Indians",
    "russia": "Russians",
    "germany": "Germans",
    "france": "French",
    "britain": "Britons",
    "uk": "Britons",
    "us": "Americans",
    "united states": "Americans",
    "argentina": "Argentines",
    "israel": "Israelis",
    "china": "Chinese",
    "ukraine": "Ukrainians",
    "canada": "Canadians",
}
"""Countries a figure's people come "from" ("54 from Thailand") -> the group's name."""
_FROM_COUNTRY_RE = re.compile(
    r"^[ \u00a0]+(?:were\s+|are\s+)?from\s+(?:the\s+)?("
    + "|".join(sorted(_COUNTRIES, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_OF_COUNTRY_RE = re.compile(
    r"^[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?("
    + "|".join(sorted(_COUNTRIES, key=len, reverse=True))
    + r")\b",
    re.IGNORECASE,
)
_STAFF_AFTER_RE = re.compile(
    r"^[ \u00a0]+(?:working\s+(?:for|with)|employed\s+by|with|of)\s+(?:the\s+)?"
    r"(?:(?:UNRWA|UN|United\s+Nations)\b|U\.N\.(?!\w))"
)
_ELIDED_NATIONALITY_RE = re.compile(r"^[ \u00a0]+([A-Z][a-z]+)(?=[ \u00a0]*(?:,|and\b|or\b))")
"""A nationality whose noun is elided: "releases 13 Israeli, at least 10 Thai hostages"."""
_CATEGORY_AFTER_RE = re.compile(
    r"^[ \u00a0]*(?:—|–|-|,)?[ \u00a0]*(?:(?:killed|wounded|injured|dead)\s+)?"
    r"(?:were|are|being)?\s*(?:mostly\s+|mainly\s+|all\s+)?"
    r"(?P<cat>women\s+and\s+(?:children|minors)|children|minors|women)\b"
)
"""A category named after a partitive figure ("two-thirds of them women and minors",
"4,000 of those killed were children")."""


_NOT_NATIONALS = frozenset({"idf", "us", "u.s.", "foreign", "dual"})
"""Nationality words that never name the people counted ("22 IDF soldiers", "US troops")."""


def nationality_of(noun: str) -> str | None:
    """The nationality group a counted noun names ("Thais" -> "Thais"), or None."""
    word = noun.lower()
    return None if word in _NOT_NATIONALS else _NATIONALS.get(word)


def category_of(noun: str | None) -> str | None:
    """The category a counted noun names ("troops" -> "soldiers"), or None."""
    return _CATEGORIES.get((noun or "").lower())


def sentence_group(
    found: str | None, counted: str | None, sentence: str, before: str = ""
) -> str | None:
    """The group a figure's sentence gives it, beyond its own words (`found` by `figure_group`).

    Soldiers in a sentence about Israel's army and no other force are Israeli soldiers ("the
    Israeli military said 24 of its soldiers were killed"); staff in a sentence naming a UN
    agency are UN staff ("UNRWA said 101 of its staff"); a toll whose subject names its
    people counts them ("the Palestinian death toll rose above 9,000": `before` is the
    sentence up to the figure); else `found` stands.
    """
    noun = (counted or "").lower()
    if found is None and noun in ("", "people") and ("toll" in before or "casualt" in before):
        toll = _TOLL_OF_RE.search(before)
        if toll is not None:
            return _NATIONALS[toll.group(1).lower()]
    if found == "soldiers" or (found is None and category_of(noun) == "soldiers"):
        if _ISRAELI_FORCES_RE.search(sentence) and not _OTHER_FORCES_RE.search(sentence):
            return "Israeli soldiers"
    elif found is None and noun in _STAFF_WORDS and _STAFF.search(sentence):
        return "UN staff"
    return found


_TOLL_OF_RE = re.compile(
    r"\b(Palestinian|Israeli)\s+(?:death\s+toll|toll|casualties|casualty\s+toll)\b"
    r"(?:\s+(?!(?:and|but|while|as)\b)[\w,'’-]+){0,8}?\s+(?:(?:has|had|have)\s+)?"
    r"(?:(?:rose|risen|rising|reached|reaches|passed|passes|surpassed|surpasses|topped|tops"
    r"|hit|hits|climbed|climbs|stands|stood|near|nears|neared|exceeded|exceeds|is|was|of|at)"
    r"(?:\s+(?:to|at|above|over|beyond|past|more\s+than|nearly|almost|about))?\s*)?\Z"
)
"""A toll whose subject names its people, right before the figure ("the Palestinian death
toll from Israeli airstrikes has reached 5,087", "Palestinian casualties in Gaza near
20,000")."""
_ISRAELI_FORCES_RE = re.compile(r"\b(?:Israeli|IDF|Israel['’]s|Israel)\b")
"""Israel's army or Israel named in a sentence whose soldiers are counted."""
_OTHER_FORCES_RE = re.compile(
    r"\b(?:(?:US|American|Americans|Lebanese|Egyptian|Syrian|Jordanian|Ukrainian|Russian"
    r"|British|French|Iraqi|Iranian|Yemeni|Hezbollah|Hamas|Houthi|UN|peacekeepers?)\b"
    r"|U\.S\.(?!\w)|U\.N\.(?!\w))"
)
"""Another army or armed group in the sentence: its soldiers may be theirs."""


_ARMED_WORDS = frozenset({"soldiers", "troops", "fighters", "militants", "police", "officers"})
"""Nouns of the armed, which beside "civilians" make a figure count everyone."""
_ARMED_GROUPS = frozenset({"hamas", "hezbollah", "jihad", "houthi", "houthis", "qassam"})
"""Armed groups whose members a figure may count ("1,500 Hamas members")."""
_MEMBERS = frozenset({"members", "leaders", "commanders", "killers", "men", "member", "leader"})
"""Nouns that, beside an armed group's name, count its fighters."""
_OF_ARMED_GROUP_RE = re.compile(
    r"\s+of\s+(?:the\s+)?(?:Hamas|Hezbollah|Islamic\s+Jihad|the\s+Houthis|Houthis|al-Qassam)\b"
)
"""An armed group named after its members ("six senior leaders of Hamas")."""


def figure_group(phrase: str, following: str = "") -> str | None:
    """The group a figure's noun phrase restricts itself to, or None for people at large.

    Args:
        phrase: The figure's text, number included ("13 Israeli hostages").
        following: The words right after it, which can say whom a partitive or a bare number
            counts ("of them women and children", "54 from Thailand", "people working for
            UNRWA").
    """
    if following:
        found = _group_after(phrase, following)
        if found is not None:
            return found
    words = [w.lower().rstrip("'’") for w in _WORD.findall(phrase)]
    if "service" in words and {"members", "member", "personnel"}.intersection(words):
        words.append("soldiers")  # "three American service members"
    if "gaza" in words and {"residents", "resident", "civilians", "inhabitants"}.intersection(
        words
    ):
        words.append("gazans")  # "10,812 Gaza residents" are Palestinians
    if (
        words
        and words[-1] in _MEMBERS
        and (_ARMED_GROUPS.intersection(words) or _OF_ARMED_GROUP_RE.match(following))
    ):
        return "militants"  # "some 1,500 Hamas members", "six senior leaders of Hamas"
    if not _GROUP_WORDS.intersection(w.split("-")[0] for w in words):
        if phrase[-1:] == "s" and (other := _OTHER_DEMONYM_RE.search(phrase)) is not None:
            return other.group(1)  # "Two Tanzanians": a nationality the lists do not name
        return None  # the common case: "1,200 people", "500 tonnes"
    nationality = next(
        (_NATIONALS[w.split("-")[0]] for w in words if w.split("-")[0] in _NATIONALS), None
    )
    category = next((_CATEGORIES[w] for w in reversed(words) if w in _CATEGORIES), None)
    if "women" in words and "children" in words:
        category = "women and children"
    if "civilians" in words and _ARMED_WORDS.intersection(words):
        return nationality  # "1,400 civilians and soldiers": everyone, no one category
    if category == "workers" or (category is None and _STAFF_WORDS.intersection(words)):
        if _STAFF.search(phrase):
            return "UN staff"
        return "aid workers" if _AID.search(phrase) else nationality
    if category == "soldiers" and nationality is not None:
        adjective = _ADJECTIVE.get(nationality) or nationality.removesuffix("s")
        return f"{adjective} soldiers"  # "Israeli soldiers", "Ukrainian soldiers"
    if category == "students":
        return nationality or "students"
    return category or nationality


def _group_after(phrase: str, following: str) -> str | None:
    """The group the words after a figure give it (see `figure_group`), or None."""
    head = following[:4]
    if head[1:2].isupper() and not _WORD.search(phrase.split()[-1] if phrase.split() else ""):
        elided = _ELIDED_NATIONALITY_RE.match(following)
        if elided is not None:
            return _NATIONALS.get(elided.group(1).lower())
    if "U" in following[:40] and _STAFF_AFTER_RE.match(following):
        return "UN staff"
    if " and " in following[:6] and phrase.endswith(("women", "children")):
        pair = _AND_WOMEN_OR_CHILDREN_RE.match(following)
        if pair is not None and pair.group(1) != phrase[-len(pair.group(1)) :]:
            return "women and children"  # "50 women and children": one group
    if " with " in following[:7]:
        citizens = _CITIZENSHIP_RE.match(following)
        if citizens is not None:
            return _NATIONALS.get(citizens.group(1).lower())
    if " from " in following[:12]:
        country = _FROM_COUNTRY_RE.match(following)
        if country is not None:
            return _COUNTRIES[" ".join(country.group(1).lower().split())]
    if " of " in following[:4] and phrase.endswith(("citizens", "nationals", "citizen")):
        country = _OF_COUNTRY_RE.match(following)  # "Ten citizens of Nepal"
        if country is not None:
            return _COUNTRIES[" ".join(country.group(1).lower().split())]
    if phrase.endswith(("them", "those", "whom")) and _PARTITIVE_END_RE.search(phrase):
        after = _CATEGORY_AFTER_RE.match(following)
        if after is not None:
            cat = after.group("cat").lower()
            return "women and children" if cat.startswith("women and") else _CATEGORIES[cat]
    return None


_OTHER_DEMONYM_RE = re.compile(r"(?<![\w-])([A-Z][a-z]{2,}(?:ians|eans|ans|ese|is))$")
"""A plural nationality noun ending a figure's phrase ("Two Tanzanians", "12 Eritreans")."""
_AND_WOMEN_OR_CHILDREN_RE = re.compile(r"[ \u00a0]+and[ \u00a0]+(women|children)\b")
"""The second half of "women and children" after a figure's "50 women"."""
_CITIZENSHIP_RE = re.compile(
    r"[ \u00a0]+with[ \u00a0]+([A-Z][a-z]+)[ \u00a0]+(?:citizenship|nationality|passports?)\b"
)
"""Whom a bare number counts by their papers ("three with French citizenship")."""
_STAFF_WORDS = frozenset({"staff", "staffers", "employees", "personnel", "colleagues"})
"""People counted by their employer ("Twelve UNRWA employees" are UN staff)."""
_GROUP_WORDS = frozenset(_NATIONALS) | frozenset(_CATEGORIES) | _STAFF_WORDS
_PARTITIVE_END_RE = re.compile(r"\b(?:of\s+(?:them|those|whom)|those)\s*$")
_ADJECTIVE = {"Israelis": "Israeli", "Americans": "US", "Britons": "British", "Russians": "Russian"}

_PLACES: tuple[tuple[str, str, str], ...] = (
    # (place, its names (strong after a locative, weak alone), cues that name it alone)
    (
        "West Bank",
        r"West\s+Bank|(?:Israeli-)?occupied\s+West\s+Bank",
        r"Jenin|Nablus|Hebron|Tulkarm|Tulkarem|Ramallah|Bethlehem|Jericho|Qalqilya|West\s+Bank"
        r"|N[uo]u?r\s+Shams|Balata|Aqabat\s+Jabr|Dheisheh|Qalandia|Jalazone|Tubas",
    ),
    (
        "Gaza",
        r"Gaza|Gaza\s+Strip|(?:southern|northern|central)\s+Gaza|Gaza\s+City|the\s+Strip"
        r"|the\s+(?:(?:Hamas-(?:run|ruled|controlled)|besieged|coastal|blockaded|Palestinian)\s+)?"
        r"(?:enclave|territory)",
        r"Khan\s+Y(?:ou|o|u)n[ie]s|Rafah|Jabalia|Jabaliya|Nuseirat|Deir\s+(?:al|el)-Balah|Beit\s+Hanoun"
        r"|Beit\s+Lahia|Shati|Bureij|Maghazi|[Aa]l-Shifa|Shifa\s+hospital|[Aa]l-Ahli"
        r"|(?:southern|northern|central)\s+Gaza|Gaza\s+City"
        # "The Palestinian death toll passed 7,300 as Israel launched …": the war's, in Gaza
        r"|Palestinian\s+death\s+toll"
        # "Israeli troops — 156 since the ground offensive began", "killed in the ground
        # operation": the time or means of the count is the ground war, Gaza's (not a ground
        # invasion merely expected, planned or feared)
        r"|(?:since|in|during)\s+(?:the\s+(?:start\s+of\s+the\s+)?|its\s+|Israel['’]s\s+)"
        r"ground\s+(?:offensive|invasion|operations?|war|campaign)",
    ),
    (
        "Israel",
        r"Israel|southern\s+Israel|northern\s+Israel",
        r"Tel\s+Aviv|Sderot|Ashkelon|Kfar\s+Aza|Be['’]eri|Nir\s+Oz|kibbutz(?:im)?"
        r"|Nova\s+(?:music\s+)?festival|music\s+festival|southern\s+Israel"
        r"|(?:October|Oct\.?)\s+7(?:th)?(?:['’]s)?\s+(?:\w+\s+)?(?:attacks?|assault|massacre|rampage|raid)"
        r"|7\s+October(?:['’]s)?\s+(?:\w+\s+)?(?:attacks?|assault|massacre|rampage|raid)"
        r"|Hamas(?:['’]s?)?\s+(?:\w+\s+){0,2}(?:attack(?:s|ed)?|assault|incursion|rampage|raid)"
        r"|Hamas\s+(?:(?:gunmen|militants|fighters|attackers)\s+)?(?:also\s+)?(?:killed|murdered)"
        r"|(?:killed|murdered|slain)\s+by\s+Hamas|attacks?\s+on\s+Israel"
        r"|(?:attacks?|assault|incursion|rampage|raid)\s+by\s+Hamas"
        r"|(?:attacks?|assault|incursion|rampage|raid|massacre)\s+on\s+(?:Oct\.?|October)\s+7\b"
        r"|(?:attacks?|assault|incursion|rampage|raid|massacre)\s+on\s+7\s+October"
        # "… burst across the border fence on Oct. 7, killing 1,200 people"
        r"|(?:(?:Oct\.?|October)\s+7(?:th)?|7\s+October),?\s+killing"
        # "infiltrated several Israeli communities, killing …"
        r"|Israeli\s+(?:border\s+)?(?:communities|towns|villages|cities|kibbutzim|territory|soil)",
    ),
    ("Lebanon", r"Lebanon|southern\s+Lebanon|Beirut", r"southern\s+Lebanon"),
    ("Syria", r"Syria|Damascus", r"Damascus"),
    (
        "Jordan",
        r"Jordan|(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)?"
        r"\s+Jordan|Amman",
        r"Amman",
    ),
    ("Yemen", r"Yemen|Sanaa", r"Sanaa"),
    ("Iraq", r"Iraq|Baghdad", r"Baghdad"),
    ("Red Sea", r"Red\s+Sea", r"Red\s+Sea"),
    ("Egypt", r"Egypt|Sinai|Cairo", r"Sinai"),
    ("Iran", r"Iran|Tehran", r"Tehran"),
)
_LOCATIVE = (
    r"(?:[Ii]n|[Ii]nside|[Aa]cross|[Tt]hroughout|[Ff]rom|[Aa]t|[Nn]ear|into|[Ww]ithin)\s+"
    r"(?:the\s+)?"
)
_STRONG = "|".join(
    rf"(?P<s{n}>\b{_LOCATIVE}(?:{names})\b|\b(?:{names})['’]s?\s+(?:\w+\s+)?"
    rf"(?:health\s+)?(?:ministry|authorities|death\s+toll|toll)\b)|(?P<e{n}>\b(?:{cues})\b)"
    for n, (_, names, cues) in enumerate(_PLACES)
)
_WEAK = "|".join(
    rf"(?P<w{n}>\b(?:{names})\b)"
    for n, (name, names, _) in enumerate(_PLACES)
    if name in ("Gaza", "Israel", "West Bank")
)
_PLACE_ALTERNATIVES = rf"(?:{_STRONG}|{_WEAK})"
"""A place named with a locative or as a toll's owner (s), a town or event of it (e), or a
bare name (w, weak). Every alternative starts a word: the word-boundary check before
them, said once, lets the scan skip the inside of words without trying each of the ~30
alternatives there (the same matches, in 40% of the time)."""


@cache
def _place_re() -> re.Pattern[str]:
    """Every place cue, tried at each word start behind a look-ahead on its first letters.

    The look-ahead holds the first four letters the alternatives can start with ("in",
    "Gaza", "Khan", "the ", …): without it each of the dozens of alternatives is tried at
    every word (3x the time on long articles). Compiled on first use, as the app's launch
    imports this module and never needs it.
    """
    return re.compile(r"\b(?=\w)" + filtered(_PLACE_ALTERNATIVES, 4))


_PLACE_KEYS = (
    "gaza", "israel", "west bank", "strip", "enclave", "territory", "lebanon", "beirut", "syria",
    "damascus", "yemen", "sanaa", "iraq", "baghdad", "red sea", "egypt", "sinai", "cairo", "iran",
    "tehran", "jenin", "nablus", "hebron", "tulkar", "ramallah", "bethlehem", "jericho",
    "qalqilya", "shams", "balata", "aqabat", "dheisheh", "qalandia", "jalazone", "tubas",
    "khan y", "rafah", "jabali", "nuseirat", "balah", "beit ", "shati", "bureij",
    "maghazi", "shifa", "ahli", "tel aviv", "sderot", "ashkelon", "kfar", "be'eri", "be’eri",
    "nir oz", "kibbutz", "festival", "october 7", "oct 7", "oct. 7", "7 october", "hamas",
    "health ministry", "ministry of health", "jordan", "amman", "israeli",
    "palestinian death toll", "ground offensive", "ground invasion", "ground operation",
    "ground war", "ground campaign",
)  # fmt: skip
"""Lower-case pieces of every place name and cue above: a sentence with none names no place."""
_CLAUSE_BREAK_RE = re.compile(
    r"[;:—–]|\s-\s|a(?<!\w.)(?:fter|lthough)\b|s(?<!\w.)ince\b"
    r"|w(?<!\w.)(?:hile|hen|hereas)\b|b(?<!\w.)(?:ecause|efore|ut)\b"
)
"""Where one clause ends and another begins: a place in another clause weighs less.

The words ("after", "since", "while", "when", "because", "before", "whereas", "although",
"but") are spelt from their first letter, whose word boundary is checked behind it: every
alternative then opens with a character, so the regex engine skips the other characters
at once instead of trying the pattern at every position."""
_GAZA_SIDE = re.compile(
    r"\b(?:health\s+ministry|ministry\s+of\s+health|Israeli\s+(?:\w+\s+)?(?:strikes|bombing"
    r"|bombardment|offensive|air\s*strikes|shelling|raids?))\b",
    re.IGNORECASE,
)
"""Cues that put a casualty in Gaza without naming it (its health ministry, Israel's strikes)."""
WEAK_WEIGHT = 0.5
"""How much a bare name counts against a place named with a locative."""
_JOINED_RE = re.compile(r"\s*(?:,|and|or|,\s+and)\s+(?:the\s+|in\s+(?:the\s+)?)?")
"""Two places named together ("Gaza and the West Bank"): the figure counts in both."""
_ONWARD_RE = re.compile(r"\s+(?:in)?to\s+(?:the\s+)?[A-Z]")
"""A movement's destination after its origin ("from Gaza into Israel")."""
AMBIGUOUS_RATIO = 1.25
"""Two places whose weights are closer than this leave the place unsaid."""
OTHER_CLAUSE_WEIGHT = 0.3
"""How much a place in another clause of the sentence counts."""


def figure_place(
    sentence: str,
    start: int,
    end: int,
    *,
    bare_names: bool = True,
    events: bool = True,
    destinations: bool = False,
) -> str | None:
    """Where the figure at [start, end) of `sentence` counts, or None when it does not say.

    Args:
        sentence: The figure's sentence.
        start: Where the figure starts in it.
        end: Where it ends.
        bare_names: Whether a place named without a locative counts (weakly). Not for
            captives: "Israel says 129 hostages remain" does not put the hostages in Israel.
        events: Whether a town or an event names the place ("the 7 October attack" is in
            Israel, but hostages released after it are not).
        destinations: Whether a movement's origin yields to its destination ("crossed from
            Gaza into Israel, killing …"): for acts of war, not for people moved.
    """
    found = _place_cues(sentence)
    if found is None:
        return None  # none of the place words; the Gaza-side cues need them too
    breaks, cues = found
    clause = (
        max((b for b in breaks if b <= start), default=0),
        min((b for b in breaks if b >= end), default=len(sentence)),
    )
    weights: dict[str, float] = {}
    joint: set[str] = set()
    previous: tuple[int, str] | None = None
    for at, to, kind, name in cues:
        if (kind == "w" and not bare_names) or (kind == "e" and not events):
            continue
        origin = destinations and kind == "s" and sentence.startswith(("from", "From"), at)
        if origin and _ONWARD_RE.match(sentence, to):
            continue  # "crossed from Gaza into Israel, killing …": where they went, not from
        if previous and previous[1] != name and _JOINED_RE.fullmatch(sentence, previous[0], at):
            joint.update((previous[1], name))  # "in Gaza and the West Bank"
        previous = (to, name)
        distance = min(abs(at - end), abs(start - to))
        # "gunmen from Gaza killed 1,400 people in southern Israel": where the attackers
        # came from weighs as a bare name against where they struck
        weight = (WEAK_WEIGHT if kind == "w" or origin else 1.0) / (1.0 + distance / 60.0)
        if not clause[0] <= at < clause[1]:
            weight *= OTHER_CLAUSE_WEIGHT
        weights[name] = max(weight, weights.get(name, 0.0))
    if not weights:
        return "Gaza" if _GAZA_SIDE.search(sentence) else None
    ranked = sorted(weights.items(), key=lambda item: -item[1])
    if ranked[0][0] in joint:
        return None
    if len(ranked) > 1 and ranked[1][1] * AMBIGUOUS_RATIO > ranked[0][1]:
        return None  # "in Gaza and the West Bank, 765 people": two places, no one place
    return ranked[0][0]


@lru_cache(maxsize=64)
def _place_cues(
    sentence: str,
) -> tuple[tuple[int, ...], tuple[tuple[int, int, str, str], ...]] | None:
    """A sentence's clause breaks and place cues (start, end, kind, place), or None if none.

    Cached: every figure of a sentence reads the same cues.
    """
    lowered = sentence.lower()
    if not any(key in lowered for key in _PLACE_KEYS):
        return None  # most sentences of most news name none of these places
    cues = []
    for match in _place_re().finditer(sentence):
        group = match.lastgroup or ""
        name = _PLACES[int(group[1:])][0]
        if name == "Israel" and _is_israeli_strike(sentence, match):
            continue
        cues.append((match.start(), match.end(), group[0], name))
    breaks = tuple(m.start() for m in _CLAUSE_BREAK_RE.finditer(sentence))
    return breaks, tuple(cues)


def _is_israeli_strike(sentence: str, match: re.Match[str]) -> bool:
    """Whether the name is Israel acting, not where the dead are.

    "Israel's strikes on Gaza", "Israel has rained bombs on …", "officials blamed Israel".
    """
    after = sentence[match.end() : match.end() + 40].lower()
    return bool(
        re.match(
            r"['’]?s?\s*(?:\w+\s+)?(?:strikes|bombardment|offensive|military|army|forces"
            r"|campaign|war\b|assault|attacks|retaliation|operation|siege|invasion|bombing"
            r"|air\s*strikes|shelling)",
            after,
        )
        or _ISRAELS_WAR_RE.match(sentence, match.end()) is not None
        or (
            match.group() == "Israel"  # a bare name, not "in southern Israel"
            and (
                (
                    _ISRAEL_ACTS_RE.match(after) is not None
                    and _PREPOSITION_BEFORE_RE.search(
                        sentence, max(0, match.start() - 8), match.start()
                    )
                    is None
                )
                or _ISRAEL_ADDRESSED_RE.search(sentence, max(0, match.start() - 16), match.start())
                is not None
                or _BLAMED_ON_RE.search(sentence, max(0, match.start() - 40), match.start())
                is not None
            )
        )
    )


_ISRAELS_WAR_RE = re.compile(
    r"['’]s\s+(?:(?!(?:to|the|of|on|in|at|against|by|for|with|an?|from|that|which|who)\s)"
    r"[a-z-]+\s+){0,4}?(?:strikes|bombardment|offensive|campaign|assault|attacks|retaliation"
    r"|operations?|siege|invasion|bombing|air\s*strikes|shelling)\b"
)
"""Israel's war told with its modifiers ("Israel's unprecedented air and ground offensive"),
not another's ("Israel's response to the Hamas attacks")."""
_PREPOSITION_BEFORE_RE = re.compile(
    r"\b(?:on|in|into|to|from|against|across|southern|northern|central|eastern|western)\s+\Z",
    re.IGNORECASE,
)
"""Israel after a preposition is where something happened ("an attack on Israel killed …")."""
_ISRAEL_ADDRESSED_RE = re.compile(
    r"\b(?:blamed|blames|blaming|accused|accuses|accusing|condemned|condemns|urged|urges|warned"
    r"|warns|called\s+on|calls\s+on|pressed|pressing|criticised|criticized)\s+\Z"
)
"""Israel as the one blamed, urged or condemned ("officials blamed Israel and said …")."""


_BLAMED_ON_RE = re.compile(r"\b(?:(?:blamed|blames|blaming|pinned)\s+(?:[\w-]+\s+){0,3}on|by)\s+\Z")
"""Israel as the one blamed for something ("blamed the strike on Israel") or as the agent
("the war launched by Israel")."""
_ISRAEL_ACTS_RE = re.compile(
    r"\s+(?:has\s+|had\s+|have\s+)?(?:also\s+)?(?:rained|pounded|bombed|struck|shelled|launched"
    r"|attacked|hit|besieged|invaded|retaliated|responded|vowed|began|killed|kills|told|ordered"
    r"|warned|urged|instructed|orders|tells|warns|urges|instructs"
    r"|c(?:ame|omes?)\s+under|faced|faces|is\s+facing|denied|denies|rejected"
    r"|rejects|insisted|insists)\b"
)
"""Israel as the subject of an act of war ("Israel has rained bombs on …"): an actor."""
