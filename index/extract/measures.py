"""Measure classification: what a figure counts (killed, hostages_held, displaced ...).

A figure's measure comes from cue words near it, in two steps:

1. an *event* (`Event`): killed, injured, taken, held, released, displaced, missing,
   arrested, found in the figure's own noun phrase ("27,840 deaths", "1.9 million
   displaced", "aid trucks") or in the words of its clause (`EVENT_RE`);
2. a *side* for events that concern captives: Israelis and others held by Hamas are
   hostages, Palestinians held by Israel are prisoners (`captive_side`). Translations that
   call hostages "Israeli prisoners" or "prisoners held by Hamas" therefore still give
   hostages_held / hostages_released.

`measure_for(event, side)` combines the two: killed + hostages -> dead_hostages,
held + hostages -> hostages_held, released + prisoners -> prisoners_released, and so on.
Events "held" and "released" with no captive in sight give None ("2.2 million people
remain in Gaza" is not a hostage count).
"""

from __future__ import annotations

import re
from functools import cache

from index.extract.counted import KIN_HEADS, TIME_UNITS
from index.extract.match_prefixes import filtered
from index.extract.name_cues import KIN_WORDS
from index.extract.word_trie import trie_pattern
from index.text.ascii_twin import AsciiTwin, ascii_twin


def _words(text: str) -> frozenset[str]:
    """A set of the space-separated words of a text (for the word lists below)."""
    return frozenset(text.split())


CASUALTIES = "casualties"
"""Killed and wounded counted together ("killing and wounding hundreds")."""
KILLED = "killed"
INJURED = "injured"
TAKEN = "taken"
TAKE_VERB = "take_verb"
HELD = "held"
RELEASED = "released"
DISPLACED = "displaced"
MISSING = "missing"
ARRESTED = "arrested"

_KILL_WORDS = ("killed", "killing", "kills", "kill", "dead")
_TAKES_NO_ONE = r"(?!\s+(?:shelter|refuge|part|place|positions?|cover|control|office|power)\b)"
"""What a form of "take" takes that is no one: shelter and refuge (a displacement,
`DISPLACED`), part, place, positions, cover, control, office or power."""
_LEAVE_WHERE = (
    r"(?=\s*(?:[.,;]|$|\s(?:their\s+homes|the\s+(?:area|city|north|south|region|enclave)"
    r"|northern|southern)\b))"
)
"""Where people "had to leave" for it to displace them: home, city, region (not a building)."""
_EVENT_WORDS: dict[str, str] = {
    # First: a joint cue must win over its first word alone ("killed" in "killed and wounded").
    # An open fate is missing: "feared dead or missing", "may have been killed or abducted".
    # (Each alternative starts with a letter: `_event_scan_pattern` branches on it.)
    MISSING: "|".join(
        [
            *(
                rf"{w}\s+or\s+(?:missing|abducted|kidnapped|taken\s+hostage)"
                for w in ("dead", "killed")
            ),
            r"missing\s+or\s+(?:dead|killed)|missing|unaccounted|under\s+the\s+rubble",
            *(
                rf"{w}\s+(?:to\s+be\s+)?(?:buried|trapped)"
                for w in ("believed", "feared", "thought")
            ),
        ]
    ),
    CASUALTIES: "|".join(
        [
            *(rf"{w}\s+(?:and|or)\s+(?:wound(?:ed|ing|s)|injur(?:ed|ing|es))" for w in _KILL_WORDS),
            *(rf"{w}\s+(?:and|or)\s+(?:killed|dead)" for w in ("wounded", "injured")),
            "casualties",
        ]
    ),
    KILLED: (
        r"died\s+(?:from|of)\s+(?:their|his|her|the)\s+(?:injuries|wounds)"
        r"|kill(?:ed|ing|s)?|dead|deaths?|died|die|dying|death\s+toll|toll|lives|lost\s+their\s+lives"
        r"|lost(?=\s+(?:(?:his|her|their|our|my)\s+(?:[a-z]+\s+){0,2}?|(?:\d[\d,]*|two|three|four|five|six|seven|"
        r"eight|nine|ten|eleven|twelve|[a-z]+teen|[a-z]+ty|dozens\s+of|several|many)\s+"
        r"(?:[a-z]+\s+)?)(?:"
        + trie_pattern(
            KIN_WORDS | KIN_HEADS | {"family", "relatives", "children", "colleagues", "staff"}
        )
        + r")\b)"
        # "We have lost so far 53 colleagues"
        r"|lost(?=\s+so\s+far\s+\d[\d,]*\s+(?:colleagues|staff|members)\b)"
        r"|murder(?:ed|s|ing)?|slain|slaughter(?:ed)?|massacred|perished|fatalities|fatality|bodies"
        r"|corpses"
        r"|executed|martyred|martyrs"
        r"|fatally\s+(?:shot|stabbed|wounded|injured|hit|struck|shooting|stabbing)"
        r"|shot\s+dead|gunned\s+down"
    ),
    INJURED: (
        r"wounded|wounding|injured|injuring|injuries|hurt|maimed|hospitali[sz]ed|amputees"
        # a headline's present tense: "Hezbollah attacks wound 7 Israeli troops"
        r"|wounds?(?=[ \u00a0]+(?:(?:at[ \u00a0]+least|more[ \u00a0]+than|about|some|nearly)"
        r"[ \u00a0]+)?(?:\d|dozens|scores|hundreds|thousands|several|two|three|four|five|six"
        r"|seven|eight|nine|ten)\b)"
        r"|lost\s+(?:one\s+or\s+both|both|one|their|his|her|a)\s+(?:legs?|limbs?|arms?|hands?|feet"
        r"|foot|eyes?|sight)"
        r"|treated\s+(?:at|in)\s+(?:(?:a|the|local|nearby)\s+)?hospitals?"
    ),
    TAKEN: (
        r"taken\s+(?:hostage|captive|prisoner|into\s+captivity)|abduct(?:ed|ing|ion|ions)"
        r"|kidnapp?(?:ed|ing)|captur(?:ed|ing)(?!\s+(?:the\s+)?(?:world|attention|imagination|hearts?"
        r"|headlines|public|nation|mood|moment|spirit)\b)|seiz(?:ed|ing)|snatch(?:ed|ing)|abductees"
        # "dragged some 240 captives back into Gaza"
        r"|dragg(?:ed|ing)(?=\s+(?:[\w’'-]+\s+){0,6}?(?:in)?to\s+(?:Gaza|captivity)\b)"
        # "the assault … left an estimated 239 others captive"
        r"|left(?=\s+(?:[\w’'-]+\s+){1,4}?(?:captives?|hostages?)\b)"
    ),
    TAKE_VERB: "|".join(f"{verb}{_TAKES_NO_ONE}" for verb in ("took", "taking", "take", "taken")),
    HELD: (
        r"held|holding|holds|hold|remain(?:s|ing|ed)?|still\s+(?:in|inside)\s+Gaza|in\s+captivity"
        r"|kept"
        r"|in\s+the\s+hands\s+of"
        r"|captivity"
        r"|detention(?!\s+of\b)|imprisoned|jailed|behind\s+bars|languish(?:ing)?|captive"
    ),
    RELEASED: (
        r"releas(?:e|ed|es|ing)(?!\s+(?:the\s+|a\s+|an\s+|its\s+|their\s+|new\s+)?(?:identit|names?\b"
        r"|details|footage|video|images?|photos?|pictures?|statement|report|data|figures|findings"
        r"|list|audio|recording|tape|document))|freed|freeing|frees|free"
        # people going back to their homes are no captives freed ("Palestinians returned to
        # their homes")
        r"|return(?:ed|ing)?(?!\s+to\s+(?:their|his|her|the)\s+(?:homes?|houses?"
        r"|neighbou?rhoods?|villages?|towns?|north|south|areas?)\b)|handed\s+over"
        r"|set\s+free|swap(?:ped)?|exchange[ds]?|exchanging|rescued|rescue\s+of"
        r"|arriv(?:e|ed|es|ing)\s+back|came\s+home|come\s+home|coming\s+home"
        r"|let(?=\s+(?:[\w’'-]+\s+){1,5}?(?:go|free)\b)|welcom(?:ed|es|ing)\s+(?:back|home)"
        r"|received(?=\s+(?:[\w’'-]+\s+){1,5}?from\s+(?:Hamas|the\s+Red\s+Cross|militants)\b)"
        r"|back\s+in\s+Israel|back\s+home"
        # "13 Israelis and four Thais walked to freedom late Saturday"
        r"|walk(?:ed|s|ing)?\s+(?:to\s+freedom|free)|step(?:ped|s|ping)?\s+(?:to\s+freedom|free)"
        r"|transferred\s+(?:in)?to\s+(?:the\s+)?(?:Egypt\w*|Red\s+Cross|ICRC|International\s+Committee)"
    ),
    DISPLACED: (
        r"displaced|displacement|displacing|fled|flee|fleeing|homeless|uprooted"
        # "tens of thousands more people were now on the move, heading south"
        r"|on\s+the\s+move"
        r"|evacuated(?!\s+(?:from|to)\s+(?:[\w’'-]+\s+){0,3}[Hh]ospitals?\b)"
        r"|forced\s+(?:from|out\s+of)\s+their\s+homes|forced\s+to\s+(?:leave|flee)"
        r"|driven(?=\s+(?:[\w’'-]+\s+){0,8}?from\s+their\s+homes)|leave\s+their\s+homes"
        r"|forced(?=\s+(?:[\w’'-]+\s+){1,8}?(?:from|out\s+of)\s+their\s+homes)"
        r"|left\s+their\s+homes|sought\s+(?:shelter|refuge)|seeking\s+(?:shelter|refuge)"
        # "where 4,000 Palestinians had taken refuge", "millions of people take shelter in
        # makeshift camps"
        r"|t(?:ake|akes|aken|aking|ook)\s+(?:shelter|refuge)"
        # "A further 30,000 people left areas in northern Gaza for the south"
        r"|left\s+(?:(?:their|the)\s+)?(?:areas?|neighbou?rhoods?|the\s+north)\b"
        r"|sheltering"
        # "the expulsion of 700,000 Palestinians", warnings "for 1 million residents to move
        # south", "told to evacuate"
        r"|expulsion|expelled"
        # "pushing hundreds of thousands of Palestinians deeper south"
        r"|push(?:ed|ing)?(?=\s+(?:[\w’'-]+\s+){0,6}?(?:deeper\s+)?(?:south|north)(?:ward)?\b)"
        # "pushed hundreds of thousands of others from their homes", "forcing tens of thousands
        # of people in overcrowded shelters", "1.5 million people are crammed into this town"
        # (not "packed into": crowds pack into squares for rallies)
        + "".join(
            rf"|{verb}(?=\s+(?:[\w’'-]+\s+){{1,8}}?(?:from\s+their\s+homes"
            r"|in(?:to)?\s+(?:[\w-]+\s+)?(?:shelters|tents|tent\s+camps|camps)\b))"
            for verb in (r"push(?:ed|es|ing)?", r"forc(?:ed|es|ing)")
        )
        + r"|crammed(?=\s+into\b)"
        # "the latest evacuation order affected 150,000 people"
        r"|evacuation\s+orders?\s+(?:[—–-][^—–]{0,120}[—–]\s+)?(?:has\s+|have\s+)?"
        r"(?:affected|affects|impacted|impacts|covered|covers)"
        r"|to\s+(?:move|head|go|relocate|evacuate)\s+(?:to\s+(?:the\s+)?)?"
        r"(?:south|north|southern|northern)(?:ward)?\b"
        # 'More than 50,000 civilians in Gaza used the "humanitarian corridor"'
        r"|used\s+(?:the\s+|a\s+)?[\"“]?(?:humanitarian|evacuation|safe)\s+corridors?\b"
        r"|to\s+evacuate(?=\s+(?:the\s+)?(?:north|south|northern|southern|their\s+homes)\b)"
        # "where an estimated 167,000 people needed to leave"
        + "".join(
            rf"|{verb}\s+to\s+leave{_LEAVE_WHERE}"
            for verb in ("needed", "had", "have", "has", r"were\s+told", r"are\s+told")
        )
    ),
    ARRESTED: r"arrest(?:ed|s|ing)?|rounded\s+up|detained|detaining|detention(?=\s+of\b)",
}
_EVENT_CUES = "|".join(rf"(?P<{name}>{words})" for name, words in _EVENT_WORDS.items())
EVENT_RE = re.compile(rf"(?=[a-zA-Z])\b(?:{_EVENT_CUES})\b", re.IGNORECASE)
"""Cue words of each event; the matching group's name is the event."""
_FOLDED_LETTERS = {"i": "\u0130\u0131", "s": "\u017f", "k": "\u212a"}
"""Non-ASCII letters that match an ASCII letter case-insensitively in `re`."""


def _split_alternatives(words: str) -> list[str]:
    """The top-level alternatives of a regex alternation ("a|b(?:c|d)" -> ["a", "b(?:c|d)"])."""
    parts, depth, start = [], 0, 0
    for i, char in enumerate(words):
        depth += (char == "(") - (char == ")")
        if char == "|" and depth == 0:
            parts.append(words[start:i])
            start = i + 1
    return [*parts, words[start:]]


def _event_scan_pattern(*, folded: bool = True) -> tuple[str, dict[str, str]]:
    """`EVENT_RE` as found from the non-word character before a cue, and group -> event.

    A pattern that starts with a character class lets the regex engine skip letters
    quickly, and branching on the cue's first letter (as a case-sensitive class, so the
    engine can skip a branch at once) tries only the cues that can match there. Without
    `folded`, the first letters leave out the non-ASCII ones (`_FOLDED_LETTERS`), which no
    ASCII text holds.
    """
    by_letter: dict[str, dict[str, list[str]]] = {}
    for event, words in _EVENT_WORDS.items():
        for word in _split_alternatives(words):
            by_letter.setdefault(word[0].lower(), {}).setdefault(event, []).append(word[1:])
    branches, groups, firsts = [], {}, ""
    # The branches exclude each other (one first letter each), so their order is free: the
    # letters most words start with come first, and a look-ahead on all the first letters
    # turns the other word starts away at once instead of after every branch.
    for letter in sorted(by_letter, key=_start_rank):
        cues = []
        for event, rests in by_letter[letter].items():
            groups[f"{event}_{letter}"] = event
            cues.append(f"(?P<{event}_{letter}>{'|'.join(rests)})")
        first = letter + letter.upper() + (_FOLDED_LETTERS.get(letter, "") if folded else "")
        branches.append(f"[{first}](?i:{'|'.join(cues)})")
        firsts += first
    return rf"\W(?=[{firsts}])(?:{'|'.join(branches)})\b", groups


_WORD_START_LETTERS = "tasowicbhpfmdrelngkuyvjqxz"
"""The letters by how many English words start with them (most first)."""


def _start_rank(letter: str) -> int:
    """Where a cue's first letter comes in `_WORD_START_LETTERS` (others last)."""
    rank = _WORD_START_LETTERS.find(letter)
    return len(_WORD_START_LETTERS) if rank < 0 else rank


_EVENT_SCAN, _EVENT_OF_GROUP = _event_scan_pattern()


@cache
def _event_scans() -> tuple[AsciiTwin, AsciiTwin]:
    """The cue scan from the character before a cue, and the one at a text's first character.

    The first is `EVENT_RE` found from the character before the cue (see
    `_event_scan_pattern`), with a `re.ASCII` twin for ASCII texts
    (`index.text.ascii_twin`); a look-ahead on the cues' first three letters turns most
    words away before any cue is tried (a third of the scan's time). The second is
    `EVENT_RE` at a text's first character, branched on its first letter the same way
    (`EVENT_RE` itself tries every cue there, which costs several times more).

    Compiled on first use: the patterns take ~0.1 s to compile, which the app's launch
    (it imports this module) does not need to pay.
    """
    cues = _EVENT_SCAN.removeprefix(r"\W")
    ascii_cues = _event_scan_pattern(folded=False)[0].removeprefix(r"\W")
    after = AsciiTwin(
        re.compile(r"\W" + filtered(cues, ascii_only=False)),
        ascii_twin(r"\W" + filtered(ascii_cues, ascii_only=True)).ascii,
    )
    first = AsciiTwin(
        re.compile(filtered(cues, ascii_only=False)),
        ascii_twin(filtered(ascii_cues, ascii_only=True)).ascii,
    )
    return after, first


_HOSTAGE_NOUNS = frozenset({"hostage", "hostages", "captive", "captives", "abductees"})
_PRISONER_NOUNS = frozenset({"prisoner", "prisoners", "detainee", "detainees", "inmates"})
_HOSTAGE_MARK_RE = re.compile(
    r"\b(?:Israeli|Israelis|Thai|Thais|foreign(?:ers)?|nationals|nationalities|kibbutz"
    # Foreign nationals held in Gaza: a release of Americans or Filipinos is of hostages.
    r"|US|U\.S\.|Americans?|Russians?|Germans?|French|British|Britons?|Filipinos?|Nepal(?:i|is|ese)"
    r"|Argentines?|Argentinians?|dual"
    r"|(?:held|captured|taken|abducted|kidnapped|captive)\s+(?:by|in|inside)\s+(?:Hamas|Gaza|militants)"
    r"|in\s+Gaza|hostages?|captives?|captivity|abducted|kidnapped|seized|taken\s+hostage)\b"
)
_PRISONER_MARK_RE = re.compile(
    r"\b(?:Palestinian|Palestinians|held\s+by\s+Israel|Israeli\s+(?:jails|prisons|custody)"
    r"|imprisoned\s+by\s+Israel|security\s+prisoners)\b"
)
CAPTIVE_WORD_RE = re.compile(r"\b(?:hostages?|captives?|abductees|abducted|kidnapped)\b", re.I)
"""Words that make people captives of Hamas ("two hostages", "kidnapped Israelis")."""
_PRISONER_WORD_RE = re.compile(
    r"\b(?:prisoners?|detainees?|inmates)\b(?!\s+(?:exchanges?|swaps?|deals?|releases?|lists?)\b)",
    re.IGNORECASE,
)
"""Prisoners named as such, not a "prisoner exchange" (which frees hostages too)."""
_FREES = r"(?:['’]s?)?\s+(?:to\s+)?(?:release[sd]?|free[sd]?|freeing|return(?:s|ed)?)\b"
_CAPTORS = r"(?:Hamas|(?:[Aa]l-)?Qassam\s+Brigades|Islamic\s+Jihad|(?:Palestinian\s+)?militants)"
_BY_HAMAS_RE = re.compile(rf"\bby\s+{_CAPTORS}\b|\b(?:in|inside)\s+Gaza\b|\b{_CAPTORS}{_FREES}")
_BY_ISRAEL_RE = re.compile(rf"\bby\s+Israel\b|\bIsrael{_FREES}")

_THINGS = (
    _words(
        """trucks lorries homes houses buildings hospitals schools mosques churches shelters
    rockets missiles projectiles drones strikes airstrikes targets tunnels dollars euros
    shekels tons tonnes meals groups countries sites accounts villages towns cities vehicles
    cars tanks planes flights aircraft weapons guns apartments units universities colleges
    campuses companies firms businesses banks shops stores factories farms roads bridges
    districts neighbourhoods neighborhoods areas regions provinces nations embassies
    ministries agencies organisations organizations cartons boxes parcels packages kits
    bags sacks vouchers beds tents blankets litres liters gallons lorryloads truckloads
    rounds exchanges batches phases stages sessions meetings times attacks assaults raids
    operations incidents clashes bombings explosions blasts barrages salvos cells battalions
    brigades zones posts positions bases camps crossings checkpoints facilities clinics"""
    )
    | TIME_UNITS
)
"""Counted nouns that are not people, so never hostages or prisoners."""

_FIGHTERS = frozenset(
    """militants militant fighters fighter gunmen terrorists operatives combatants attackers
    assailants infiltrators commanders""".split()  # noqa: SIM905
)
"""People whom an army captures: arrested, never hostages."""
HOSTAGES = "hostages"
PRISONERS = "prisoners"


_INTENT_BEFORE_RE = re.compile(
    r"\b(?:threat(?:en|ens|ened|ening)|vow(?:s|ed|ing)?|plan(?:s|ned|ning)?|plott?(?:s|ed|ing)?"
    r"|tr(?:y|ies|ied|ying)|attempt(?:s|ed|ing)?|want(?:s|ed|ing)?|intend(?:s|ed|ing)?"
    r"|wish(?:es|ed)?|aim(?:s|ed|ing)?|sought|seek(?:s|ing)?|conspir(?:e|ed|ing)|incit(?:e|ed|ing))"
    r"\s+to\s+\Z",
    re.IGNORECASE,
)
"""A killing or abduction threatened or planned, not done ("threatened to kill three")."""
_INTENT_REACH = 24
_INTENDED = frozenset({KILLED, TAKEN, TAKE_VERB, INJURED})
_DESIRE_RE = re.compile(
    r"\b(?:(?:efforts?|bids?|push|attempts?|campaign|mission|pressure|struggle|try|tries|trying"
    r"|tried|seeks?|seeking|sought|working|hopes?|hoping)\s+to"
    r"|(?:urge[sd]?|urging|calls?\s+on|calling\s+on|called\s+on|press(?:es|ed|ing)?"
    r"|pressur(?:e|es|ed|ing))\s+(?:[\w’'-]+\s+){1,3}?to"
    r"|(?:goals?|aims?|hopes?|efforts?|attempts?|mission|objectives?|task|pledges?|promises?)\s+of"
    r"|(?:calls?|calling|called|demands?|demanding|demanded|push(?:es|ing|ed)?|press(?:es|ing|ed)?"
    r"|appeals?|appealing|pleas?|campaign(?:s|ing)?|efforts?|allow|allows|allowing)\s+for"
    r"(?:\s+the)?)\s+$",
    re.IGNORECASE,
)
"""A release wished for, not done ("an effort to free more than 200 people", "calling for the
release of 240 hostages"): the people counted are still held."""
_DESIRE_REACH = 48
"""How far before a release cue `_DESIRE_RE` looks."""


def events_in(text: str) -> list[tuple[str, int, int]]:
    """All event cues in a text as (event, start, end), in order, each read as done or not.

    A release wished for ("an effort to free 200 people", "calling for the release of")
    leaves the people held: its cue is HELD. A killing or abduction threatened or planned
    ("threatened to kill three") is no event: its cue is dropped, and so is a killing that
    is a charge or an attempt ("24 women, some convicted of attempted murder").
    """
    found = _events_in(text)
    read: list[tuple[str, int, int]] = []
    for event, start, end in found:
        if event == RELEASED and _DESIRE_RE.search(text, max(0, start - _DESIRE_REACH), start):
            read.append((HELD, start, end))
        elif not (
            event in _INTENDED
            and " to " in text
            and _INTENT_BEFORE_RE.search(text, max(0, start - _INTENT_REACH), start)
        ) and not (
            event == KILLED
            and text[start : start + 6].lower() == "murder"
            and _CHARGE_BEFORE_RE.search(text, max(0, start - 40), start)
        ):
            read.append((event, start, end))
    return read


_CHARGE_BEFORE_RE = re.compile(
    r"\b(?:(?:convicted|accused|charged|suspected|jailed|sentenced|arrested|detained)\s+"
    r"(?:of|with|for)\s+(?:the\s+)?(?:attempted\s+)?|attempted\s+)\Z",
    re.IGNORECASE,
)
"""Murder as a charge or an attempt ("convicted of attempted murder") is no death."""


def _events_in(text: str) -> list[tuple[str, int, int]]:
    found: list[tuple[str, int, int]] = []
    pos = 0
    scan_after, scan_first = _event_scans()
    first = scan_first.on(text).match(text)
    if first is not None:
        if first.lastgroup is not None:
            found.append((_EVENT_OF_GROUP[first.lastgroup], first.start(), first.end()))
        pos = first.end()
    for match in scan_after.on(text).finditer(text, pos):
        group = match.lastgroup
        if group is not None:
            found.append((_EVENT_OF_GROUP[group], match.start() + 1, match.end()))
    return found


def noun_event(found: list[tuple[str, int, int]]) -> str | None:
    """The event stated by a counted noun phrase's own cues ("deaths", "displaced Palestinians")."""
    for event, _start, _end in found:
        if event in (CASUALTIES, KILLED, INJURED, DISPLACED, MISSING) or event == TAKEN:
            return event
    if [event for event, _start, _end in found] == [RELEASED]:
        return RELEASED  # "two released hostages": the one word, alone, says they were freed
    return None


def captive_side(head: str | None, phrase: str, clause: str) -> str | None:
    """Whether a counted group is hostages (held by Hamas) or prisoners (held by Israel).

    Args:
        head: The counted noun, lower-cased, or None.
        phrase: The figure's whole noun phrase with its modifiers.
        clause: The words of the figure's clause around it.

    Returns:
        HOSTAGES, PRISONERS or None when neither can be told.
    """
    head = head.lower() if head else None
    if head in _THINGS:
        return None
    if head in _HOSTAGE_NOUNS:
        return HOSTAGES
    own_prisoner = _PRISONER_MARK_RE.search(phrase)
    own_hostage = _HOSTAGE_MARK_RE.search(phrase)
    if own_prisoner and not own_hostage:
        return PRISONERS
    if own_hostage and not own_prisoner:
        return HOSTAGES
    if _BY_HAMAS_RE.search(clause) and not _BY_ISRAEL_RE.search(clause):
        return HOSTAGES if head not in ("palestinians",) else PRISONERS
    if not own_hostage and _PRISONER_WORD_RE.search(phrase):
        return PRISONERS  # the phrase names prisoners ("the prisoners released included …")
    if head in _PRISONER_NOUNS:
        return PRISONERS
    if _PRISONER_MARK_RE.search(clause):
        return PRISONERS
    if _PRISONER_WORD_RE.search(clause) and not CAPTIVE_WORD_RE.search(clause):
        return PRISONERS  # "the prisoners released included 15 women" (not "foreign ministry")
    if _HOSTAGE_MARK_RE.search(clause):
        return HOSTAGES
    return None


def measure_for(
    event: str | None, side: str | None, head: str | None, *, captives: bool = False
) -> str | None:
    """Combine an event and a captive side into a normalised measure name.

    `captives` says the figure's own words make the counted people captives ("two soldiers
    who were taken hostage"), as a captive head noun does ("three hostages").
    """
    if event is None:
        return None
    if event == KILLED:
        dead_captives = side == HOSTAGES and (captives or is_captive(head))
        return "dead_hostages" if dead_captives else KILLED
    if event in (TAKEN, TAKE_VERB):
        if head is not None and head.lower() in _FIGHTERS:
            # "captured dozens more" militants: taken by the army, arrested; militants who
            # "took them hostage" are the takers, never hostages
            return ARRESTED if event == TAKEN else None
        return "hostages_taken" if event == TAKEN or side == HOSTAGES else None
    if event == HELD or (event == MISSING and side == HOSTAGES and (captives or is_captive(head))):
        # hostages "unaccounted for" are hostages still held
        return {HOSTAGES: "hostages_held", PRISONERS: "prisoners_held"}.get(side or "")
    if event == RELEASED:
        return {HOSTAGES: "hostages_released", PRISONERS: "prisoners_released"}.get(side or "")
    return event


def is_captive(head: str | None) -> bool:
    """True when the counted noun itself names captives (hostages, captives)."""
    return head is not None and head.lower() in _HOSTAGE_NOUNS


def held_by_name(head: str | None) -> bool:
    """True when the counted noun alone says the people are held (hostages, inmates).

    With no event in their sentence they count people held. Not "prisoners", which a
    sentence about a deal counts without saying whether they are held or to be freed.
    """
    return head is not None and (head.lower() in _HOSTAGE_NOUNS or head.lower() == "inmates")


_OTHER_NOUN_MEASURES: dict[str, str] = {
    "trucks": "aid_trucks",
    "lorries": "aid_trucks",
    "lorryloads": "aid_trucks",
    "truckloads": "aid_trucks",
    "rockets": "rockets_fired",
    "missiles": "rockets_fired",
    "projectiles": "rockets_fired",
}


def is_person(head: str | None) -> bool:
    """False for counted nouns that are things or generic plurals ("countries", "sites")."""
    if head is None or head[0].isupper():
        return True
    return head.lower() not in _THINGS


def noun_measure(head: str | None) -> str | None:
    """A measure given by the counted noun alone (aid trucks, rockets), else None."""
    return _OTHER_NOUN_MEASURES.get(head.lower()) if head else None
