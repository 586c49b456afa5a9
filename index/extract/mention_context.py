"""A gazetteer hit read in its sentence: what a country, a city or a demonym names there.

The gazetteer says what a form can name; the words around it say which:

- A country after a locative ("in Israel", "southern Israel", "into Egypt", "visiting
  Turkey", "trips to Israel and Jordan", "Cairo, Egypt") is the place: kind `place`, the
  same canonical name. A possessive ("in Israel's war") stays the state.
- A city that stands for its state ("Doha", "Paris") is the city (kind `place`, the city's
  own name) unless it acts: a speech or action verb follows ("Paris condemned the strike",
  "Washington and London have warned") or a possessive ("Moscow's support"). A city
  followed by another capitalised word is part of a longer name ("Paris Hilton", "Berlin
  Wall") and names nothing here.
- A demonym that describes people is not the state acting, and is dropped: a plural
  ("Palestinians", "Thais", "Russian-Israelis"), one before a people noun ("Thai hostages",
  "Israeli citizens", "a Palestinian journalist"), or one used as a noun ("a fellow Thai
  who ..."). Before officials, forces, government, strikes … it stays the state.
- A country or demonym naming a border ("the Egyptian border", "the Israel-Lebanon
  border") is the place.
- A media name followed by its language ("BBC Thai", "BBC Arabic") is the media, whole.
- An event named after a country ("the Iraq War") is not the country.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from index.extract.candidates import Candidate, FormRole
from index.extract.gazetteer import Gazetteer
from index.models import MentionKind
from index.text.attribution import SPEECH_VERBS
from index.text.stopwords import STOP_WORDS

_DIRECTIONS = frozenset(
    """southern northern eastern western central south north east west southeastern
    southwestern northeastern northwestern south-eastern south-western north-eastern
    north-western southwest southeast northeast northwest mainland""".split()  # noqa: SIM905
)
_LOCATIVES = frozenset(
    """in into inside across throughout within outside near via through from visit visits
    visited visiting tour toured touring entered enter enters entering left leave leaves
    leaving fled reached reaching""".split()  # noqa: SIM905
)
"""Words after which a country is the place: "in Israel", "visiting Turkey"."""
_OWN_GROUND_AFTER = re.compile(
    r"['’]s?\s+(?:(?:northern|southern|eastern|western|own)\s+)?"
    r"(?:borders?|frontier|coast(?:line)?|soil|territory|airspace|Sinai|capital|front"
    r"|towns|cities|villages|communities|[Kk]ibbutz(?:im)?|Rafah\s+(?:border\s+)?crossing"
    r"|north|south"
    r"|Hezbollah|Houthis?|Iran-backed)\b"
)
"""A country's own ground after its possessive ("Israel's northern border", "Egypt's Sinai",
"Lebanon's capital"), or an armed group based there, not the state ("Lebanon's Hezbollah",
"Yemen's Houthi rebels")."""
_PARTS_OF_A_COUNTRY = frozenset(
    """out coast coasts shores waters territory soil skies airspace outskirts""".split()  # noqa: SIM905
)
"""Words before "of" that make the country after it a place ("off the coast of Yemen")."""
_MOVES = re.compile(
    r"go|goes|going|gone|went|travel\w*|return\w*|fl[eo]w|flying|fled|flee\w*|mov\w+|head\w*"
    r"|sent|send\w*|deport\w*|evacuat\w*|transferr?\w*|brought|bring\w*|taken|take|takes"
    r"|took|came|come|comes|coming|trips?|visits?|journey\w*|way|rescued|airlift\w*"
    r"|relocat\w*|emigrat\w*|immigrat\w*|arriv\w*|deliver\w*|driven|drove|ferr\w+|shipped"
    r"|smuggled|expelled|exiled|repatriat\w*|escap\w*|cross\w*|march\w*|walk\w*|bound|back"
)
"""Movements before "to": "trips to Israel", "sending my brother to Israel"."""
_FROM_AN_ACTOR = frozenset(
    """statement statements official officials envoy envoys delegation delegations mediator
    mediators representative representatives support pressure response demand demands
    proposal proposals request requests message messages call calls letter letters word
    assurances guarantees approval counterpart counterparts minister ministers leader
    leaders officer officers diplomat diplomats negotiator negotiators team teams source
    sources report reports news backing help aid funding objection objections criticism
    condemnation warning warnings threat threats""".split()  # noqa: SIM905
)
"""Nouns before "from" that make the country an actor: "a statement from Qatar"."""
_ACTION_VERBS = (
    r"(?:condemn|warn|reject|accus|urg|demand|agree|approv|respond|repl|refus|threaten|vow"
    r"|pledg|welcom|expel|recall|summon|impos|sanction|support|push|press|seek|sought|want"
    r"|hope|plan|send|sent|offer|propos|mediat|broker|negotiat|sign|vot|veto|blam|critici"
    r"|launch|issu|consider|believ|argu|fear|object|oppos|accept|recogni|order|deploy"
    r"|dispatch|halt|suspend|resum|withdr|help|insist|rule|regard|intend|den[iy]|call"
    r"|back(?=s|ed|ing)|host(?=s|ed|ing)|join(?=s|ed|ing))\w*"
)
_ACTS_AFTER = re.compile(
    r"(?:['’]s?(?!\w)"
    r"|,?\s+(?:(?:has|have|had|will|would|could|should|may|might|must|can|did|does|do|is"
    r"|was|were|are|been|being|also|then|later|now|quickly|swiftly|again|already|publicly"
    r"|strongly|not|n't|never|still|reportedly|officially|formally|repeatedly)\s+)*"
    rf"[\"“]?(?:{SPEECH_VERBS}|{_ACTION_VERBS})\b"
    # "Washington has come under pressure", "Washington is increasing support"
    r"|\s+(?:has|have|had)\s+(?:not\s+|also\s+|long\s+)?(?:been\s+)?"
    r"(?:[a-z]+(?:ed|en|ne|wn)|come|become|made|said|told|sent|led|kept|held|set)\b"
    r"|\s+(?:is|was|are|were)\s+(?:now\s+|also\s+)?[a-z]{3,}ing\b)"
)
_POSSESSIVE = re.compile(r"['’]s?(?!\w)")
_AGENT_BEFORE = re.compile(r"\b(?!(?:based|located|stationed|headquartered)\b)[a-z]+ed\s+by\s+\Z")
"""The agent of a passive ("the words proposed by Washington"), not a location."""
_COMPOUND = re.compile(r"-\w")
_COORDINATED = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+|&\s*)\Z")
_NOT_A_VERB_AFTER = re.compile(
    r"\s*(?:[,.;:)\]—–-]|\Z|\s(?:on|in|at|for|to|where|after|before|during|as|and)\b)"
)
_PEOPLE = (
    r"hostages?|captives?|nationals?|citizens?|civilians?|residents?|people|persons?|man|men"
    r"|woman|women|child|children|kids?|boys?|girls?|teen(?:ager)?s?|bab(?:y|ies)|infants?"
    r"|famil(?:y|ies)|workers?|labou?rers?|students?|farmers?|prisoners?|detainees?"
    r"|refugees?|journalists?|reporters?|photographers?|patients?|victims?|survivors?"
    r"|settlers?|militants?|fighters?|gunm[ae]n|activists?|protest[eo]rs?|demonstrators?"
    r"|youths?|mothers?|fathers?|sons?|daughters?|parents?|caregivers?|nurses?|doctors?"
    r"|medics?|paramedics?|passengers?|tourists?|pilgrims?|expat(?:riate)?s?|migrants?"
    r"|immigrants?|emigrants?|descent|origin|population|communit(?:y|ies)|diaspora"
    r"|youngsters?|elderly|relatives?|couples?|brothers?|sisters?|husbands?|wives|wife"
    r"|neighbou?rs?|friends?|colleagues?|siblings?|grandparents?|grandmothers?|grandfathers?"
    r"|orthodox|catholics?|church(?:es)?"
    # what belongs to the people, not to the state: "Palestinian lives", "the Palestinian
    # dead", "the Palestinian death toll", "Palestinian groups", "the Palestinian resistance"
    r"|lives|dead|death\s+toll|groups?|factions?|resistance|americans?"
    # and the people's land and losses: "the Palestinian territory", "Palestinian villages",
    # "Palestinian casualties" (not "home" or "town": "Australian Home Affairs Minister")
    r"|territor(?:y|ies)|enclave|lands?|villages?|neighbou?rhoods?"
    r"|casualties|fatalities|deaths"
)
_PEOPLE_AFTER = re.compile(
    rf"(?:-[\w'’-]+)?\s+(?:[a-z][\w'’-]*(?<!ed)\s+)?(?:{_PEOPLE})\b", re.IGNORECASE
)
_NOUN_BEFORE = re.compile(
    r"\b(?:a|an|one|fellow|another|every|each|the|two|three|four|five|\d+)\s+\Z", re.I
)
_NOUN_AFTER = re.compile(r"\s*(?:[,.;:!?)\]—–]|\Z)|\s+([a-z]+)\b")
_LANGUAGE_AFTER = re.compile(
    r" (?:Arabic|Persian|Urdu|Hindi|English|Mundo|Turkish|Russian|French|Spanish|Hebrew"
    r"|Thai|Nepali|Bengali|Chinese|Ukrainian|Somali|Swahili|Pashto|Afrique|Brasil)\b"
)
_WAR_AFTER = re.compile(r" Wars?\b")
_THE_BEFORE = re.compile(r"(?<![\w-])the \Z", re.IGNORECASE)
_CAPITALISED_AFTER = re.compile(r" ([A-Z][a-z][\w'’-]*)")
_TITLE_WORDS = frozenset(
    """president prime minister foreign defence defense interior finance secretary general
    ambassador envoy spokesman spokeswoman spokesperson mayor governor chief officials
    official leader premier king queen prince emir crown deputy vice acting special senior
    military army navy police government embassy consulate mission authorities""".split()  # noqa: SIM905
)
_WINDOW = 60


def read_in_context(
    text: str, candidates: Sequence[Candidate], gazetteer: Gazetteer, *, headline: bool = False
) -> list[Candidate]:
    """Read each gazetteer candidate of one text in its sentence (see the module docstring).

    Args:
        text: The paragraph or title the candidates' offsets point into.
        candidates: The text's gazetteer candidates, in order; each may be changed in place.
        gazetteer: The gazetteer that found them (for the cities' own names).
        headline: Whether `text` is a Title Case headline, where every word is capitalised.

    Returns:
        The candidates kept, in order.
    """
    if not candidates:
        return []
    kept: list[Candidate] = []
    located: set[int] = set()  # ids of the candidates a locative or apposition made places
    dropped = _people(text, candidates)
    wars = " War" in text
    for number, candidate in enumerate(candidates):
        if id(candidate) in dropped or (wars and _is_event(text, candidate)):
            continue
        role, kind = candidate.role, candidate.kind
        if role is FormRole.CITY:
            if not headline and _in_longer_name(text, candidate, gazetteer):
                continue
            if _locative(text, candidate) or not _acts(text, candidates, number):
                city = gazetteer.cities.get(text[candidate.start : candidate.end])
                _to_place(candidate, city)
                located.add(id(candidate))
        elif kind is MentionKind.STATE and text.endswith(_TERRITORY_WORDS, 0, candidate.end):
            _to_place(candidate, None)  # "the Palestinian territories" is land, not a state acting
            located.add(id(candidate))
        elif kind is MentionKind.STATE and _on_a_border(text, candidate):
            _to_place(candidate, None)
            located.add(id(candidate))
        elif role is FormRole.NAME and kind in (MentionKind.STATE, MentionKind.PLACE):
            previous = kept[-1] if kept else None
            if (
                _locative(text, candidate)
                or _after_place(text, candidate, previous, located)
                or _after_a_town(text, candidate, previous)
            ):
                _to_place(candidate, None)
                located.add(id(candidate))
        elif kind is MentionKind.MEDIA:
            _absorb_language(text, candidates, number, dropped)
        kept.append(candidate)
    return kept


_TERRITORY_WORDS = ("territories", "territory", "Territories", "Territory")
"""A state's form ending in one of these names its land ("the Palestinian territories")."""


def _to_place(candidate: Candidate, city: str | None) -> None:
    """Make a candidate the place it names (a city keeps its own name)."""
    if candidate.kind is MentionKind.PLACE and city is None:
        return
    candidate.kind = MentionKind.PLACE
    candidate.affiliation = None
    if city is not None:
        candidate.party = city


_ACTOR_AFTER = re.compile(
    r"\s+(?:officials?|authorities|government|diplomats?|negotiators|mediators|intelligence"
    r"|envoys?|spokes(?:man|woman|person))\b"
)
"""A country naming its officials ("from U.S. officials"), not a location."""


def _locative(text: str, candidate: Candidate) -> bool:
    """Whether a locative ends right before the candidate.

    "in", "into the", "southern", "visiting", "trips to", "border with"; but no possessive
    or hyphenated compound may follow ("in the Israel-Hamas war"), nor its officials ("from
    U.S. officials"), and "from" after an actor ("a statement from Qatar") is no locative.
    """
    if _OWN_GROUND_AFTER.match(text, candidate.end):
        return True  # "along Israel's northern border", "inside Iran's borders"
    if (
        _POSSESSIVE.match(text, candidate.end)
        or _COMPOUND.match(text, candidate.end)
        or _ACTOR_AFTER.match(text, candidate.end)
    ):
        return False
    words = text[max(0, candidate.start - _WINDOW) : candidate.start].lower().split()[-7:]
    if words and words[-1] == "the":
        words.pop()
    if words and words[-1] in _DIRECTIONS:
        return True
    if len(words) > 1 and words[-1] == "of" and words[-2] == "part":
        words = words[:-2]
        if words and words[-1] in _DIRECTIONS:
            words.pop()
        if words and words[-1] == "the":
            words.pop()
    if not words:
        return False
    last = words[-1]
    if last in _LOCATIVES:
        return last != "from" or len(words) < 2 or not _FROM_AN_ACTOR.intersection(words[-3:-1])
    if last == "with" and len(words) > 1:
        return words[-2] in ("border", "borders", "crossing", "crossings", "fence", "barrier")
    if last in ("towards", "toward"):
        return True  # "rockets towards Israel"
    if last == "for" and len(words) > 1:
        return words[-2] == "bound"  # "weapons bound for Yemen"
    if last == "of" and len(words) > 1:
        # "out of Gaza", "off the coast of Yemen", "the shores of Lebanon"
        return words[-2] in _PARTS_OF_A_COUNTRY
    if last == "to":
        return any(_MOVES.fullmatch(word) for word in words[-5:-1])
    return False


_BORDER_AFTER = re.compile(
    r"(?:[-–][A-Z][\w’']*)?\s+(?:border|borders|frontier|boundary)\b"
    r"(?!\s+(?:guards?|police|officers?|officials?|forces|agents?|authorit))",
    re.IGNORECASE,
)
_JOINED_BEFORE = re.compile(r"[A-Z][\w’']*[-–]\Z")


def _on_a_border(text: str, candidate: Candidate) -> bool:
    """A country or demonym naming a border: "the Egyptian border", "the Israel-Lebanon border"."""
    after = _BORDER_AFTER.match(text, candidate.end)
    if after is None:
        return False
    joined = text[candidate.end : candidate.end + 1] in "-–" and after.end() > candidate.end
    before = _JOINED_BEFORE.search(text, max(0, candidate.start - 30), candidate.start)
    return joined or before is not None or text[candidate.end : candidate.end + 1] == " "


def _after_place(
    text: str, candidate: Candidate, previous: Candidate | None, located: set[int]
) -> bool:
    """Whether a country continues a place: "to Israel and Jordan", "Cairo, Egypt"."""
    if previous is None or previous.kind is not MentionKind.PLACE:
        return False
    if _POSSESSIVE.match(text, candidate.end):
        return False
    between = text[previous.end : candidate.start]
    if id(previous) in located and _COORDINATED.fullmatch(between):
        # "to Israel and Jordan"; after a bare comma only while the list goes on ("In
        # Gaza, Israel has …" starts a clause).
        return (
            "and" in between
            or "or" in between
            or _NOT_A_VERB_AFTER.match(text, candidate.end) is not None
        )
    apposition = between == ", " and (
        previous.role is FormRole.CITY or text[previous.start : previous.end].isupper()
    )
    return apposition and _NOT_A_VERB_AFTER.match(text, candidate.end) is not None


_TOWN_BEFORE = re.compile(
    r"\b(?:in|near|at|from|outside|to|of)\s+(?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’.-]+,\s+\Z"
)
"""A town named after a locative, then a comma: "near Ramla, Israel", "in Sderot, Israel"."""


def _after_a_town(text: str, candidate: Candidate, previous: Candidate | None) -> bool:
    """Whether a country follows a town it locates ("a military base near Ramla, Israel,").

    Not after a party of the gazetteer ("leaders of Hamas, Israel and Qatar"): a list.
    """
    if previous is not None and text[previous.end : candidate.start] == ", ":
        return False
    return (
        _TOWN_BEFORE.search(text, max(0, candidate.start - 60), candidate.start) is not None
        and _NOT_A_VERB_AFTER.match(text, candidate.end) is not None
    )


def _acts(text: str, candidates: Sequence[Candidate], number: int) -> bool:
    """Whether a city acts: a possessive, or a verb after it (or after its coordinated list)."""
    candidate = candidates[number]
    if _POSSESSIVE.match(text, candidate.end) or _AGENT_BEFORE.search(
        text, max(0, candidate.start - 30), candidate.start
    ):
        return True
    last = candidate
    for following in candidates[number + 1 :]:
        if not _COORDINATED.fullmatch(text[last.end : following.start]):
            break
        last = following
    return _ACTS_AFTER.match(text, last.end) is not None


def _in_longer_name(text: str, candidate: Candidate, gazetteer: Gazetteer) -> bool:
    """Whether a city is the first word of a longer name ("Paris Hilton", "Berlin Wall")."""
    match = _CAPITALISED_AFTER.match(text, candidate.end)
    if match is None:
        return False
    word = match.group(1)
    return word.lower() not in _TITLE_WORDS | STOP_WORDS and word not in gazetteer.surfaces


def _is_event(text: str, candidate: Candidate) -> bool:
    """Whether a country or place names an event here ("the Iraq War")."""
    if candidate.kind not in (MentionKind.STATE, MentionKind.PLACE):
        return False
    if _WAR_AFTER.match(text, candidate.end) is None:
        return False
    return _THE_BEFORE.search(text, max(0, candidate.start - 4), candidate.start) is not None


def _absorb_language(
    text: str, candidates: Sequence[Candidate], number: int, dropped: set[int]
) -> None:
    """Stretch a media name over its language service ("BBC Thai"); drop the demonym."""
    media = candidates[number]
    match = _LANGUAGE_AFTER.match(text, media.end)
    if match is None:
        return
    following = candidates[number + 1] if number + 1 < len(candidates) else None
    if following is not None and following.start < match.end():
        if following.role is not FormRole.DEMONYM or following.end != match.end():
            return
        dropped.add(id(following))
    media.end = match.end()


def _people(text: str, candidates: Sequence[Candidate]) -> set[int]:
    """The ids of demonym candidates that describe people, not the state acting.

    Demonyms joined by hyphens ("Russian-Israelis", "Israeli-American citizens") are read
    together: the last one decides for all.
    """
    found: set[int] = set()
    group: list[Candidate] = []
    for number, candidate in enumerate(candidates):
        if candidate.role is not FormRole.DEMONYM:
            continue
        group.append(candidate)
        following = candidates[number + 1] if number + 1 < len(candidates) else None
        if (
            following is not None
            and following.role is FormRole.DEMONYM
            and following.start == candidate.end + 1
            and text[candidate.end] == "-"
        ):
            continue
        if _describes_people(text, group[0].start, candidate.end):
            found.update(id(c) for c in group)
        group = []
    return found


def _describes_people(text: str, start: int, end: int) -> bool:
    """Whether the demonym (or hyphenated demonyms) at start:end describes people."""
    word = text[start:end]
    if (word.endswith("s") and not word.endswith("ss")) or word.endswith("men"):
        return True
    if _PEOPLE_AFTER.match(text, end):
        return True
    if _NOUN_BEFORE.search(text, max(0, start - 12), start) is None:
        return False
    after = _NOUN_AFTER.match(text, end)
    return after is not None and (after.group(1) is None or after.group(1) in STOP_WORDS)
