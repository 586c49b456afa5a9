"""Reading a figure's sentence: its measure from cue words, its inherited counted noun.

`Classifier.classify` takes the figure candidates of one sentence and fills in `measure`
(and `counted` when the phrase has none), trying cue words in this order:

1. the figure's own noun phrase ("27,840 deaths", "displaced Palestinians", "aid trucks");
2. a cue just before the number, within four words ("Hamas returned 100 Israelis",
   "the release of 40 Israeli hostages", "led to the deaths of 1,200 people");
3. the first cue after it in its clause ("1,200 people died", "250 were taken hostage");
4. the last cue before it in its clause;
5. the event of the figure it is coordinated with or included in ("including 7,729
   children", "105 ... hostages and 240 Palestinians");
6. the nearest cue of the sentence that steps 1-4 gave no other figure;
7. the subject's cue when the figure is what it includes ("the dead include 12 women", "the
   prisoners released included 15 women": what the subject's captives are), the noun a
   figure stands in apposition to ("released the hostages – nine children …"), the captives
   it is counted among ("Two Tanzanians … among Hamas hostages"), the count a clause adds up
   to ("bringing the total … to 156"), and for a sentence that refers back, its noun's
   measure in the previous sentence;
8. last, hostages or inmates counted in a sentence whose only cue is "held" (or none) are
   held ("There are 19,372 inmates in Israeli prisons").

A step whose cue gives no measure (e.g. "held" about people who are not captives) falls
through to the next step. A figure that counts speakers ("Two witnesses said") or a
population ("Gaza's population of over 2 million") takes no measure at all.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from index.extract.counted import HEAD_NOUNS, TIME_UNITS
from index.extract.measures import (
    CAPTIVE_WORD_RE,
    CASUALTIES,
    DISPLACED,
    HELD,
    HOSTAGES,
    INJURED,
    KILLED,
    PRISONERS,
    RELEASED,
    TAKE_VERB,
    TAKEN,
    captive_side,
    events_in,
    held_by_name,
    is_captive,
    is_person,
    measure_for,
    noun_event,
    noun_measure,
)

Cue = tuple[str, int, int]
"""An event cue: (event, start, end)."""

if TYPE_CHECKING:
    from index.extract.figures import Candidate

_BOUNDARY_RE = re.compile(
    r",(?!\d)|[;:()\[\]—–]|\b(?:which|who|whom|that|while|but|whereas|although|though)\b"
    r"|\b(?:after|since)\b(?!\s+(?:being\b|having\b|the\s+(?:start|beginning|outbreak)\b"
    r"|(?:last\s+)?(?:Monday"
    r"|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June"
    r"|July|August|September|October|November|December|Oct\.?|Nov\.?|Dec\.?|Jan\.?)\b|\d))"
)
"""Clause boundaries; "since Saturday", "after 7 October", "since the start of the war",
"after being evacuated" are phrases inside a clause ("the death toll since Saturday now stands
at 900")."""
_RIGHT_BOUNDARY_RE = re.compile(
    r",(?!\d)|[;:()\[\]—–]|\b(?:which|who|whom|that|while|but|whereas|although|though|after|since"
    r"|and|as)\b"
)
_PARTICIPLE_PAIR_RE = re.compile(
    r"\s+(?:were|was|(?:have|has|had)\s+been)\s+(?:[a-z]+ed|shot|hit|beaten|struck)\s+and\s+"
    r"(?=(?:[a-z]+ed|killed|wounded|hurt|taken|kidnapped|abducted)\b)"
)
"""One predicate of two participles joined by "and" ("were shot and killed")."""
_AGENT_VERB_RE = re.compile(
    r"\s+(?:from\s+(?:(?!(?:were|was|been|being|are|is)\b)[^,.;:]){1,40}?\s+)?"
    r"(?:(?:has|have|had)\s+)?(?:(?:also|then|reportedly)\s+)?"
    r"(?:killed|murdered|slaughtered|massacred|shot(?:\s+dead)?|wounded|injured)\s+"
)
"""Between two counts of people, an active verb: the first count did it ("gunmen from the Gaza
Strip killed hundreds", "gunmen from Hamas has killed more than 700", "terrorists killed
two"); a passive ("were killed") and "killed, 75 injured" do not match."""
_COORDINATION_RE = re.compile(r"\s*,\s*|\s*,?\s*(?:and|or|plus|as\s+well\s+as)\s*")
"""Figures listed together ("2,055 children, 1,119 women and 217 elderly")."""
_DASHED_ASIDE_RE = re.compile(r"\s[—–]\s[^—–.;:]{1,60}?\s[—–]\s")
"""An aside between dashes inside a list: "freed 13 Israelis, and — in a surprise move — 10
Thais and one Filipino" lists three figures (the aside is left out, the list stays whole)."""
_AGES_ASIDE_RE = re.compile(
    r"^\s*,\s*age[ds]?\s+\d{1,3}(?:(?:\s*,\s*(?:and\s+)?|\s+(?:and|to|or)\s+)\d{1,3})*(?=\s*,)"
)
"""Their ages, between a listed figure and the next: "Two children, ages 8 and 15, and two
members of armed groups were killed"."""
_RELATIVE_CLAUSE_RE = re.compile(r"\b(?:which|who|that|while|whereas|but)\b")
_RELATIVE_RE = re.compile(r"\s*(?:who|that|which)\b")
_LINK_RE = re.compile(
    r"\b(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|and|as\s+well\s+as"
    r"|plus|along\s+with|in\s+addition\s+to|alongside)[\s,]*$",
    re.IGNORECASE,
)
_CAPTIVE_PARTICIPLE_RE = re.compile(
    r"\s+(taken|held|abducted|kidnapped|seized|captured)\b(?:\s+(?!(?:have|has|had|were|was"
    r"|are|is|remain\w*|died)\b)[\w'’-]+){0,5}?(?=\s+(?:have|has|had|were|was|are|is|remain"
    r"|died)\b)",
    re.IGNORECASE,
)
"""A captive participle after a whole, up to the main verb: "(the 240 hostages) taken on 7
October (have died)"."""
_PREDICATE_RE = re.compile(
    r"\s*(?:(?:still|now|reportedly|also|all|later)\s+)?(?:were|was|are|is|have|has|had|remain\w*"
    r"|still|being|been|died|die)\b(?:\s+[\w'’-]+){0,3}",
    re.IGNORECASE,
)
_LIST_COMMA_RE = re.compile(r"(?:[ \u00a0]+[A-Z][a-z]+)?[ \u00a0]*,[ \u00a0]*")
_CHILD_RE = re.compile(r"\b(?:including|among\s+them|among\s+whom)[\s,]*$", re.IGNORECASE)
_ALONG_WITH_RE = re.compile(r"\b(?:along\s+with|together\s+with|alongside|as\s+well\s+as)[\s,]*$")
"""A figure added to the clause before ("X was killed …, along with 11 members of his family")."""
_AMONG_RE = re.compile(r"\b(?:were|are|was|is|be)\s+(?:also\s+|reportedly\s+)?among\s+(?:the\s+)?$")
"""A figure counted inside the next one ("Fifteen members … were among at least 33 killed")."""
_CHILD_LAST = frozenset("gGmM")
"""The letters `_CHILD_RE` may end with (before spaces and commas)."""
_NUMBER_OF_RE = re.compile(
    r"\b(?:number|total|tally|count)\s+of\s+(?:the\s+|its\s+|their\s+)?([A-Za-z]+)(?:\s+([A-Za-z]+))?"
)
_SUBJECT_VERB_RE = re.compile(
    r"\b(?:number(?:ed)?|totals?|totall?ed|stands\s+at|stood\s+at|reached|reaches|hits"
    r"|(?:rose|risen|climbed)\s+to|is|are|was|were)\s*$"
)
_SUBJECT_VERB_REACH = 40
"""`_SUBJECT_VERB_RE` ends the text: it is searched for only in its last characters."""
_PARTITIVE_GAP = 24
"""How far "N of the (remaining) M …" may reach to its M (" of the remaining " is 18)."""
_PARTITIVE_BETWEEN_RE = re.compile(
    r" of (?:the |these |those |its |their |his |her |our )?"
    r"(?:(?:remaining|other|estimated|reported|roughly|some) )*|,? (?:and|or|to) "
)
"""What stands between "N" and "M …" in "N of the remaining M …", "hundreds and thousands of"."""
_ANAPHOR_RE = re.compile(
    r"\b(?:their|its|the)\s+(?:number|total|tally|count)\b(?!\s+of)", re.IGNORECASE
)
_REFERS_BACK_RE = re.compile(
    r"\b(?:such|this|that|these|those|the)\s+(?:a\s+)?(?:group|groups|category|batch|list)\b"
    r"|\b(?:they|them|these|those)\b",
    re.IGNORECASE,
)
_REDUCED_RELATIVE_RE = re.compile(
    r"\s+(?:more\s+)?(?:being\s+)?(?:[a-z]+ed|taken|held|seen|driven|stolen)"
    r"(?:\s+(?:hostage|captive|prisoner))?\s+(?:from|in|on|by|during|at|since|for|after|inside)\b"
)
"""A participle after the number ("110 hostages taken from Israel", "two women held since
7 October", "two Americans taken hostage by Hamas"): the main verb comes after it."""
_ASIDE_RE = re.compile(r"[ \u00a0]+[-–—][ \u00a0]+[^-–—.;:()]{1,60}?[ \u00a0]+[-–—][ \u00a0]*")
"""An aside between dashes right after a figure (" - almost two million - ")."""
_LISTED_CAPTIVES_RE = re.compile(
    r"(?P<subject>(?:The|Those|Of\s+the)\s+(?:[\w-]+\s+){0,2}?(?:hostages|captives)\b"
    r"(?:\s+(?!(?:are|were|include|included|includes)\b)[\w-]+){1,4}?)"
    r"\s+(?:are|were|include|included|includes)\b[^.;:]*\Z"
    # "Among the freed captives, Israel lists eight members …, including four young children"
    r"|(?P<among>Among\s+(?:the|those)\s+(?:[\w-]+\s+){0,2}?(?:hostages|captives)"
    r"(?:\s+[\w-]+){0,2}),[^.;:]*\Z"
)
"""A sentence opening on captives and what happened to them, then the verb of a list:
"The hostages released so far are mainly Israeli women and minors, as well as … 19 Thais",
"Among the freed captives, Israel lists … four young children"."""
_STILL_HELD_RE = re.compile(
    r"\s+(?:(?:are|were|is|was)\s+)?(?:still|now)\s+(?:being\s+)?(?:held|in\s+captivity)\b"
)
"""A second participle of captives after "and": where they are now ("… and still held")."""
_PART_OF_WHOLE_RE = re.compile(
    r"\b(?:some|any|none|most|many|several|few|half|one|two|three|four|five|dozens|hundreds)"
    r"\s+of\s+(?:the|its|their|those)\s+(?:\w+\s+)?\Z",
    re.IGNORECASE,
)
_NEAR_STOP_RE = re.compile(r"[,;:.”\"]|\band\b")
_KILLED_BEFORE_RE = re.compile(r"\b(?:killed|killing|kills|kill|deaths?\s+of)\s+\Z")
_QUOTES = "\"'“”‘’"
_RELATIVE_END_RE = re.compile(r"\b(?:who|which|that)\s*\Z")
_WHOSE_CLAUSE_RE = re.compile(r"\bwhose\b")
"""A relative clause about someone's kin ("a girl whose parents were killed"): its verb is not
the main clause's."""
_PREPOSITION_END_RE = re.compile(r"\b(?:of|in|from|into)\s+(?:[A-Z][\w'’-]*\s+)?\Z")
"""The cue after it is a noun of a phrase ("days of captivity", "freed from captivity")."""
_AFTER_PARTICIPLE_BOUNDARY_RE = re.compile(
    r",(?!\d)|[;:()\[\]—–]|\b(?:which|who|whom|that|while|but|whereas|although|though|and)\b"
)
"""Clause ends after a participle: "since" and "after" there start a phrase, not a clause."""
_OWN_NOUN_RE = re.compile(
    r"\s+(?!(?:of|in|on|at|by|from|for|to|with|and|or|as|than|since|after|before|during|more"
    r"|were|was|are|is|have|has|had|people|others|include[sd]?|including)\b)"
    r"[a-z][\w-]*(?:\s+[\w-]+)?\s+[a-z]{2,}s\b"
)
"""A number followed by its own unknown plural noun ("four previous Israel-Hamas wars")."""
_SPEECH_VERB_RE = re.compile(
    r"\b(?:says|said|say|told|tells|warned|warns|added|adds|claimed|claims|insisted|insists"
    r"|stated|states|announced|announces|confirmed|confirms)\b"
)
"""A speech verb after a figure's participle phrase: what follows is what was said, another
clause ("the fate of 200 hostages held by the group inside Gaza says all … will be released").
Narrower than `index.text.attribution.SPEECH_VERBS`, whose "reported", "recorded" or
"counted" are also passive participles of the figure itself ("20 people reported killed")."""
_EXCHANGE_RE = re.compile(
    r"\b(?:in\s+(?:exchange|return)\s+for|in\s+a\s+swap\s+for|exchanged\s+for|swapped\s+for)\b"
)
"""The other side of a swap follows ("110 have been freed … in exchange for the release of
Palestinian prisoners"): a figure before it is not of that side."""
_PEOPLE_CUES = frozenset(
    ("dead", "wounded", "injured", "missing", "displaced", "killed", "detained", "fallen", "slain")
)
"""Cues that name people after "the" ("the dead"), not an act with its own noun phrase."""
_BOUND_CUE_RE = re.compile(r"\s+of\b")
"""A nominal cue with its own object ("the release of the remaining hostages")."""
_POSSESSIVE_END_RE = re.compile(
    r"(?:\w(?:['’]s|s['’])|\b(?:the|a|an|their|his|her))\s+$", re.IGNORECASE
)
"""A nominal cue with its own owner or determiner, so its own noun phrase ("the hostages'
deaths", "the remaining hostages", "a release")."""
_TOLL_APPOSITION_RE = re.compile(
    r"\bdeath\s+toll(?:\s+(?:among|of|for|in)\s+(?:[\w'’-]+\s+){0,2}(?P<whom>[\w'’-]+))?"
    r"\s*(?:[–—:]|-\s)\s*(?:now\s+|currently\s+|already\s+)?\Z",
    re.IGNORECASE,
)
"""A bare number set after a death toll by a dash or colon: "death toll – now more than 8,800",
"the mounting death toll among Israeli troops — 156 since the ground offensive began"."""
_TOLL_APPOSITION_REACH = 56
"""How far before a bare number `_TOLL_APPOSITION_RE` looks."""
_OUT_OF_RE = re.compile(r"\bout\s+of\s+(?:the\s+|a\s+total\s+of\s+)?\Z")
"""Before a whole: "130 hostages remain out of the 253 taken" (the 253's own words decide)."""
_OF_THE_WHOLE_RE = re.compile(
    r"[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?(?:(?:its|their|[A-Za-z][\w-]*['’]s)[ \u00a0]+)?"
)
"""Between a part and its whole: "1.9 million of Gaza's 2.3 million", "12 of the 13"."""
_POPULATION_BEFORE_RE = re.compile(
    r"(?:\b[Hh]ome\s+to|\b(?:enclave|territory|strip|Strip|city|town)\s+of"
    r"|(?P<owner>\b(?:its|Gaza['’]s|(?:the\s+)?(?:territory|enclave|[Ss]trip|city)['’]s)))\s+\Z"
)
"""Who live somewhere, before the figure: "home to 2.3 million people", "an enclave of 2.2
million", "Gaza's 2.2 million residents" (an owner's: only for a population, see below)."""
_THE_BEFORE_RE = re.compile(r"\b[Tt]he[ \u00a0]+\Z")
"""Before a number, a group already named: "The three of them dance"."""
_OF_THEM_RE = re.compile(r"[ \u00a0]+of[ \u00a0]+(?:them|those|these)\b")
"""A part of people named in the sentence before: "At least 34 of them are presumed dead"."""
_MOST_OF_RE = re.compile(r"\b(?i:most|all)\s+of\s+\Z")
"""Nearly all of a population: "most of Gaza's 2.3 million people have fled" (the event's)."""
_LIVE_AFTER_RE = re.compile(r"\s+(?:who\s+)?(?:live|living|lives)\b")
"""Who live somewhere: "Gaza, where about 2.3 million people live"."""
_RESIDENTS = frozenset(
    ("people", "residents", "inhabitants", "palestinians", "gazans", "civilians", "population")
)
"""Counted nouns of a population after an owner's possessive ("Gaza's 2.2 million residents")."""
_CROWD_AFTER_RE = re.compile(
    r"[ \u00a0]+(?:(?:began|begun|started|continued|came|have|had|also)[ \u00a0]+"
    r"(?:to[ \u00a0]+)?)?"
    r"(?:gather(?:ed)?|rall(?:y|ied)|march(?:ed)?|protest(?:ed)?|demonstrat(?:e|ed)"
    r"|attend(?:ed)?|turned[ \u00a0]+out|queue[d]?|took[ \u00a0]+to[ \u00a0]+the[ \u00a0]+streets"
    r"|flock(?:ed)?|crowded|lined[ \u00a0]+the|stood|mourn(?:ed)?|prayed|cheered|chanted"
    r"|waved|sang|watched)\b"
)
"""A crowd as the subject of its gathering ("thousands of Palestinians began to gather at a
checkpoint, hoping imprisoned relatives would be freed"): the people counted are no event's."""
_NOUN_BEFORE_CUE_RE = re.compile(
    r"\b(?:hostages|captives|prisoners|detainees|people|civilians|Israelis|Palestinians)"
    r"[ \u00a0]+\Z"
)
"""A noun right before a participle, whose participle it is ("hostages held by Hamas")."""
_OWN_PROGRESSIVE_RE = re.compile(
    r"\s+(?:are|were|is|was|have\s+been|has\s+been|had\s+been)\s+(?:still\s+|now\s+)?[a-z]+ing\b"
)
"""A figure with a verb of its own that is no cue ("…, and hundreds of thousands of troops are
massing"): it starts a clause, so it does not share the measure of the figure before."""
_EVACUATION_RE = re.compile(
    r"\b(?:evacuat\w+\b(?!\s+from\s+(?:their|his|her)\s+homes)|crossed\s+(?:into|through|out)"
    r"|for\s+(?:medical\s+|hospital\s+)?"
    r"treatment|transferred\s+(?:to|out\s+of|abroad))"
)
"""A medical evacuation or crossing near a figure: its wounded are who was moved."""
_EVACUATION_WORDS = ("evacuat", "crossed", "treatment", "transferred")
"""A word every `_EVACUATION_RE` match holds: looked for first, as most sentences have none."""


def _tells_evacuation(text: str, lo: int, hi: int) -> bool:
    """Whether `text[lo:hi]` tells a medical evacuation or crossing (`_EVACUATION_RE`)."""
    return (
        any(text.find(word, lo, hi) >= 0 for word in _EVACUATION_WORDS)
        and _EVACUATION_RE.search(text, lo, hi) is not None
    )


_EVACUATION_REACH = 60
"""How far before or after a figure of the wounded its evacuation may be told."""
_EVACUEES = frozenset(
    """patients babies newborns infants wounded injured sick foreigners nationals citizens
    holders members troops soldiers""".split()  # noqa: SIM905
)
"""Who is evacuated for care or taken home, not driven from their homes: "31 premature babies
evacuated from Al-Shifa", "105 Russian nationals evacuated from Gaza", "eight service members
were evacuated out of Jordan"."""
_LOCAL_PEOPLE = frozenset(["Palestinians", "Gazans", "Israelis"])
"""The people of the war's ground: evacuated, they are displaced."""


def _evacuee(counted: str | None) -> bool:
    """Whether the counted noun names people evacuated for care or taken home.

    Patients, infants, foreigners or troops (`_EVACUEES`), or a foreign people ("20 to 25
    Canadians").
    """
    if not counted:
        return False
    last = counted.split()[-1]
    return last.lower() in _EVACUEES or (last[:1].isupper() and last not in _LOCAL_PEOPLE)


_HOLDING_THEM_RE = re.compile(
    r"\b(?:holding|held|keeping|kept|guarding|guarded)\s+them\s+(?:captive|hostage|in\s+captivity)\b"
)
"""The sentence says the people counted were held: "four Israelis were killed …, along with
the Palestinian gunmen who were holding them captive"."""
_OWN_CAPTIVE_RE = re.compile(
    r"\s*,?\s*(?:(?:who|that)\s+(?:were|was|had\s+been|have\s+been|are|is)\s+(?:being\s+)?)?"
    r"(?:taken\s+(?:hostage|captive)|abducted|kidnapped|in\s+captivity"
    r"|held\s+(?:hostage|captive|by\s+(?:Hamas|Islamic\s+Jihad|(?:the\s+)?militants)"
    r"|in\s+(?:the\s+)?Gaza(?:\s+Strip)?))\b"
)
"""The counted people made captives by their own relative clause ("the bodies of two soldiers
who were taken hostage", "the deaths of 20 people who had been held by Hamas")."""
_BEREAVED_AFTER_RE = re.compile(
    r",?\s+who\s+(?:had\s+|has\s+|have\s+)?lost\s+(?:his|her|their)\s+(?:\w+\s+)?"
    r"(?:brothers?|sisters?|sons?|daughters?|wife|husband|mother|father|family|children|child"
    r"|parents|relatives|cousins?|uncles?|aunts?|grand\w+)\b"
)
"""People who lost relatives, not the dead ("one doctor who had lost his brother")."""
_SPEAKER_AFTER_RE = re.compile(
    # "One man, who said more than 40 members of his family …": the relative clause speaks
    r"\s*,\s*who\s+(?:also\s+)?(?:says|said|told|tells)\b"
    r"|(?:\s*,\s*(?:who|whose)\b[^.;:]{0,120}?,"
    # "One man, Abdel Salam Darwish, told the BBC": a name in apposition
    r"|\s*,\s*(?:[A-Z][\w'’-]*\s+){1,4}[A-Z][\w'’-]*\s*,"
    r"|\s+(?:inside|in|at|from|near)(?:\s+(?!(?:has|have|had|been|is|was|were|are|who|which|what|that|it|they|he|she|we)\b)"
    r"[A-Za-z][\w'’-]*){1,4}?)?"
    r"\s+(?:also\s+|later\s+|then\s+)?"
    r"(?:says|said|told|tells|adds|added|recalls|recalled|describes|described)\b(?!\s+to\b)"
)
"""A figure that is the subject of a speech verb counts speakers, not victims ("Two
witnesses said …", "One man, who was sheltering in al-Nasr Hospital, says …", "One man,
Abdel Salam Darwish, told …", "One man, who said more than 40 …", "One person
inside the Al-Quds hospital told the BBC")."""
_AMONG_CAPTIVES_RE = re.compile(
    r"[^.;:\d]{0,60}?\bamong\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,2}(hostages|captives)\b"
)
"""People counted among captives named without a number ("Two Tanzanians and one South
African among Hamas hostages"): they are of the captives."""
_AMONG_DEAD_RE = re.compile(
    r"[^.;:]{0,40}?\bamong\s+(?:the\s+)?(dead|casualties|victims|fatalities|killed"
    r"|those\s+killed)\b"
)
"""People counted among a toll's dead ("with 4,100 children and 2,600 women among the dead")."""
_APPOSITION_RE = re.compile(r"\b([a-z]+)\s*[–—(]\s*$")
"""A figure in apposition to the noun before a dash ("released the hostages – nine children
and two women –"): it counts what that noun does in its clause."""
_OWN_POSSESSION_RE = re.compile(r"['’]s?\s+")
"""Between a figure and the noun it owns ("three hostages' bodies were retrieved")."""
_EXCHANGE_OF_FOR_RE = re.compile(
    r"\b(?:(?:exchange|swap|trade)\s+of|releas(?:e|es|ed|ing)|free(?:s|d|ing)?)\b[^.;:]{0,100}?"
    r"\bfor\s+(?:the\s+)?$",
    re.IGNORECASE,
)
"""The second side of "the exchange of dozens of hostages … for hundreds of prisoners", "release
13 Israelis … for 39 Palestinians": freed too."""
_OF_THOSE_RE = re.compile(
    r"\s*(?:Of|Among)\s+(?:those|the|them|these|whom)\b[^,.;:]{0,30},\s*", re.IGNORECASE
)
"""A sentence opening on the set a bare number is part of ("Of those killed, 174 …")."""
_OF_THOSE_REACH = 45
_TOTAL_TO_RE = re.compile(
    r"\b(?:bringing|brought|brings|bring|taking|took|takes|pushing|pushed|raising|raised)\s+"
    r"(?:the|its|their)\s+(?:overall\s+|death\s+)?(?:toll|total|tally|number|count)\b"
    r"[^.;:]{0,80}?\bto\s+$"
)
"""A running total a clause adds up to ("bringing the total for the offensive to 156")."""
_TOTAL_TO_REACH = 130
_VEHICLES_ENTER_RE = re.compile(
    r"\s+(?:(?:had|have|has)\s+)?(?:(?:also|since|now)\s+)?(?:entered|crossed|arrived|entering"
    r"|crossing|arriving|enter|cross|arrive)\b"
)
"""A bare number's verb that only vehicles take: "187 had entered Gaza"."""
_TRUCKS_BEFORE_RE = re.compile(r"\b(?:trucks|lorries)\b")
_TRUCKS_REACH = 200
"""How far back the trucks a bare number counts may be named."""
_FREED_WORDS = frozenset({"freed", "released", "Freed", "Released"})
_CAPTIVE_NOUN_RE = re.compile(
    r"\b(?:hostages|captives|abductees|prisoners|detainees|inmates)\b", re.IGNORECASE
)
"""Captives named in a subject ("the prisoners released included …")."""
_INCLUDES_RE = re.compile(r"\b(?:include|includes|included)\s+$")
_WORD_RE = re.compile(r"[A-Za-z]+")
_PEOPLE = HEAD_NOUNS - TIME_UNITS


class Classifier:
    """Measures and inherited counted nouns for the figures of one paragraph."""

    def __init__(self, text: str, sentences: list[tuple[int, int]]) -> None:
        self._text = text
        self._sentences = sentences
        self._span = (0, len(text))
        self._events = events_in(text)
        self._last: tuple[int, str] | None = None
        """The end of the last sentence classified, and its last figure's people noun."""

    def _cues(self, lo: int, hi: int) -> list[Cue]:
        """The event cues lying inside [lo, hi), with offsets relative to lo."""
        return [(e, a - lo, b - lo) for e, a, b in self._events if a >= lo and b <= hi]

    def classify(self, group: list[Candidate], s_start: int, s_end: int) -> None:
        """Fill `measure` and missing `counted` for the candidates of one sentence."""
        used: set[tuple[int, int]] = set()
        no_event: set[int] = set()  # ids of the figures that count speakers or a population
        self._span = (s_start, s_end)
        evacuation = _tells_evacuation(self._text, s_start, s_end)
        for i, cand in enumerate(group):
            if cand.measure is not None:
                continue
            if (
                cand.counted is None
                and cand.phrase.nominal is None  # "131 dead following bombings": its own word
                and _OWN_NOUN_RE.match(self._text, cand.end)
                and not (i and _share_of_them(self._text, cand))  # "two-thirds of them women"
            ):
                continue  # it counts something the sentence's cues are not about
            if self._text.endswith(("population of ", "populations of "), s_start, cand.start) or (
                # the cheap tests first: every form `_population` knows ends or goes so
                (
                    self._text.endswith(("to ", "of ", "s "), s_start, cand.start)
                    or "liv" in self._text[cand.context_end : cand.context_end + 12]
                )
                and self._population(cand, s_start)
                and not (i and self._has_whole_after(group, i - 1))
            ):
                no_event.add(id(cand))  # "Gaza's population of over 2 million": no event
                continue
            if _CROWD_AFTER_RE.match(self._text, cand.context_end):
                no_event.add(id(cand))  # "thousands of Palestinians began to gather …": a crowd
                continue
            left_lo = group[i - 1].context_end if i else s_start
            right_hi = group[i + 1].start if i + 1 < len(group) else s_end
            cand.child = bool(i and _ends_with_child(self._text, left_lo, cand.start))
            self._inherit_counted(group, i, left_lo, s_start)
            if cand.counted is None and not i and cand.start - s_start < _OF_THOSE_REACH:
                self._of_those(cand, s_start)
            if _SPEAKER_AFTER_RE.match(
                self._text, cand.context_end, right_hi
            ) and not self._object_of_event(cand, left_lo):
                no_event.add(id(cand))  # "One man, who was sheltering there, says …"
                cand.speaker = True
                continue
            if _BEREAVED_AFTER_RE.match(self._text, cand.context_end, right_hi):
                no_event.add(id(cand))  # "one doctor who had lost his brother": the bereaved
                continue
            if cand.counted is None and (
                toll := _TOLL_APPOSITION_RE.search(
                    self._text, max(s_start, cand.start - _TOLL_APPOSITION_REACH), cand.start
                )
            ):
                # "Gaza's death toll – now more than 8,800, …"; "the death toll among Israeli
                # troops — 156": the people the toll is of
                whom = (toll.group("whom") or "").lower()
                cand.counted = whom if whom in _PEOPLE else "people"
                if self._resolve(cand, KILLED, left_lo, right_hi):
                    continue
            if evacuation and self._moved_wounded(cand):
                no_event.add(id(cand))  # "17 wounded Palestinians were evacuated for treatment"
                continue
            self._local(cand, left_lo, right_hi, used)
            if (
                cand.measure is None
                and i
                and (cand.phrase.partitive or self._linked(left_lo, cand.start))
                and not self._has_whole_after(group, i)  # "1.9 million of Gaza's 2.3 million"
                and not _OWN_PROGRESSIVE_RE.match(self._text, cand.context_end)
                and not self._captives_after_casualties(group[i - 1], cand, left_lo)
            ):
                self._resolve(cand, group[i - 1].event, left_lo, right_hi)
        # A list's verb before any sentence-wide cue: "among 14 Israeli hostages and three
        # foreign hostages released Sunday … after being taken" were released, not taken.
        self._share_with_next(group, no_event, s_start, s_end)
        for cand in group:
            if id(cand) in no_event:
                continue
            if (
                cand.measure is None
                and (cand.phrase.head or cand.phrase.nominal)
                and self._events  # step 6 reads cues only
            ):
                self._sentence_wide(cand, s_start, s_end, used)
        self._share_with_next(group, no_event, s_start, s_end)
        for cand in group:
            if cand.measure is None and id(cand) not in no_event:
                self._captives_listed(cand, s_start)
        wholes = self._wholes(group)
        for i, cand in enumerate(group):
            if id(cand) in no_event:
                continue
            if cand.measure is None and i in wholes:
                whole = group[i + 1]  # "12 of the 13 hostages were released": the 12 were
                cand.measure, cand.event = whole.measure, whole.event
                cand.counted = cand.counted or whole.counted
            if cand.measure is None and cand.counted in _PEOPLE:
                self._apposition(group, i, s_start, s_end)
            if cand.measure is None and cand.counted in _PEOPLE:
                self._subject_includes(cand, s_start)
            if cand.measure is None and "among" in self._text[cand.context_end : s_end]:
                self._among_captives(group, i, s_end)
                if cand.measure is None:
                    self._among_the_dead(group, i, s_end)
            if cand.measure is None and ": " in self._text[s_start : cand.start]:
                self._after_colon(cand, s_start, s_end)
            if cand.measure is None and self._text.endswith("to ", s_start, cand.start):
                self._total_to(group, i, s_start)
            if cand.measure is None and cand.phrase.head is None and is_captive(cand.counted):
                # "the number of hostages is 240": captives counted with no event are held
                self._resolve(cand, HELD, s_start, s_end)
            if cand.measure is None and i and group[i - 1].measure is not None:
                between = self._text[group[i - 1].context_end : cand.start]
                if "—" in between or "–" in between:
                    between = _DASHED_ASIDE_RE.sub(" ", between)
                if (
                    _COORDINATION_RE.fullmatch(between)
                    and not _OWN_PROGRESSIVE_RE.match(self._text, cand.context_end)
                    and not self._captives_after_casualties(group[i - 1], cand, s_start)
                ):  # "12 women and seven children"
                    self._resolve(cand, group[i - 1].event, s_start, s_end)
        # The sentence is searched only when some figure could use what it refers back to.
        if any(c.measure is None and c.counted in _PEOPLE for c in group) and (
            _REFERS_BACK_RE.search(self._text, s_start, s_end)
        ):
            for cand in group:
                if cand.measure is None and cand.counted in _PEOPLE and id(cand) not in no_event:
                    self._same_noun_before(cand, s_start)
        held = [c for c in group if c.measure is None and held_by_name(c.counted)]
        if held and all(event == HELD for event, _a, _b in self._cues(s_start, s_end)):
            for cand in held:  # "There are 19,372 inmates in Israeli prisons", "230 hostages"
                self._resolve(cand, HELD, s_start, s_end)
        self._shared_predicate(group, s_start, s_end)
        for i in range(len(group) - 1):
            part, whole = group[i], group[i + 1]
            if (
                part.measure is None
                and whole.measure is not None
                and id(part) not in no_event
                and self._has_whole_after(group, i)
                and _RELATIVE_RE.match(self._text, whole.context_end, s_end) is not None
            ):
                # "hosting more than 600,000 of the 1.4 million people who have fled their
                # homes": a part of the displaced is displaced
                part.measure, part.event = whole.measure, whole.event
            if (
                part.event == KILLED
                and whole.event in (TAKEN, HELD)
                and self._has_whole_after(group, i)
            ):
                # "killed 13 of around 100 civilians and soldiers the group abducted": the
                # dead are captives
                part.measure = measure_for(KILLED, HOSTAGES, "hostages")
        for i in wholes:
            whole = group[i + 1]
            taken = _CAPTIVE_PARTICIPLE_RE.match(self._text, whole.context_end)
            if taken is not None and is_captive(whole.counted):
                # "the 240 hostages taken on 7 October": the whole's own participle
                whole.event = HELD if taken.group(1).lower() == "held" else TAKEN
                whole.measure = measure_for(whole.event, HOSTAGES, whole.counted)
            else:
                whole.measure = whole.event = None
        self._drop_agents(group)
        people = [c.counted for c in group if c.counted and is_person(c.counted)]
        self._last = (s_end, people[-1]) if people else None

    def _drop_agents(self, group: list[Candidate]) -> None:
        """A count of people whose active verb's object is the next count did the deed.

        "hundreds of Hamas gunmen from the Gaza Strip killed hundreds of Israeli civilians",
        "Three Hamas terrorists killed two people": the gunmen killed, the civilians died.
        """
        for i in range(len(group) - 1):
            agent, victims = group[i], group[i + 1]
            if (
                agent.event in (KILLED, INJURED)
                and agent.phrase.head is not None
                and is_person(agent.counted or "")
                and victims.phrase.head is not None
                and victims.event == agent.event
                and _AGENT_VERB_RE.fullmatch(self._text, agent.context_end, victims.start)
            ):
                agent.measure = agent.event = None

    def _share_with_next(
        self, group: list[Candidate], no_event: set[int], s_start: int, s_end: int
    ) -> None:
        """From the last: the verb after a list reaches each figure through the one after it.

        "a list of 13 Israelis, 10 Thais and one Filipino released": all three were released.
        """
        for i in range(len(group) - 2, -1, -1):
            cand = group[i]
            if id(cand) in no_event or cand.measure is not None:
                continue
            child = group[i + 1]
            between = _AGES_ASIDE_RE.sub("", self._text[cand.context_end : child.start])
            if (
                _ends_with_child(between)
                or _COORDINATION_RE.fullmatch(between)
                or ("among" in between and _AMONG_RE.search(between))
            ):
                self._resolve(cand, child.event, s_start, s_end)

    def _captives_listed(self, cand: Candidate, s_start: int) -> None:
        """A figure listed after "The hostages released so far are …" is of those captives.

        The subject names the captives and what happened to them; the figures after its
        verb ("are", "include") say who they are: "…, as well as a Filipino and 19 Thais".
        """
        subject = _LISTED_CAPTIVES_RE.match(self._text, s_start, cand.start)
        if subject is None:
            return
        named = "subject" if subject.group("subject") is not None else "among"
        for event, _a, _b in self._cues(s_start, subject.end(named)):
            if self._resolve(cand, event, s_start, cand.end):
                return

    def _population(self, cand: Candidate, s_start: int) -> bool:
        """Whether the figure counts who live somewhere.

        "home to 2.3 million people", "Gaza's 2.2 million residents", "where about 2.3 million
        people live": a population, no event.
        """
        text = self._text
        end = cand.context_end
        live = "liv" in text[end : end + 12] and _LIVE_AFTER_RE.match(text, end) is not None
        if any(word.islower() for word in cand.phrase.modifiers.split()):
            return False  # "1.4 million displaced people living in …": who they are says more
        if live:
            return True
        before = _POPULATION_BEFORE_RE.search(text, max(s_start, cand.start - 30), cand.start)
        if before is None:
            return False
        if before.group("owner") is None:
            return True  # "home to", "an enclave of"
        if _MOST_OF_RE.search(text, max(s_start, before.start() - 12), before.start()):
            return False  # "most of Gaza's 2.3 million people have fled": nearly all of them
        value = cand.quantity.value or cand.quantity.high or 0
        return value >= 100_000 and (cand.counted or "").lower() in _RESIDENTS

    def _wholes(self, group: list[Candidate]) -> list[int]:
        """The parts (by index) whose next figure is their whole, with an event.

        The verb after "N of the M people" is the part's; the whole counts what it is part
        of: "1.9 million of Gaza's 2.3 million residents have fled" — 1.9 million fled
        (displaced), and 2.3 million is the population, no event.
        """
        if len(group) < 2:
            return []
        return [
            i
            for i in range(len(group) - 1)
            if group[i + 1].measure is not None
            and self._has_whole_after(group, i)
            # The verb follows the whole as the predicate, not in its own relative clause
            # ("600,000 of the 1.4 million people who have fled": the 1.4 million fled);
            # a captive participle may stand between ("20 of the 240 hostages taken on 7
            # October have died").
            and _PREDICATE_RE.match(self._text, self._after_captive(group[i + 1])) is not None
        ]

    def _after_captive(self, whole: Candidate) -> int:
        """Where the whole's predicate may start: after its captive participle, if any."""
        taken = _CAPTIVE_PARTICIPLE_RE.match(self._text, whole.context_end)
        return taken.end() if taken is not None else whole.context_end

    def _has_whole_after(self, group: list[Candidate], i: int) -> bool:
        """Whether the figure is a part whose whole follows ("12 of the 13 hostages")."""
        part = group[i]
        return (
            i + 1 < len(group)
            and part.phrase.head is None
            and part.phrase.partitive
            and _OF_THE_WHOLE_RE.fullmatch(self._text, part.end, group[i + 1].start) is not None
        )

    def _shared_predicate(self, group: list[Candidate], s_start: int, s_end: int) -> None:
        """Two subjects joined by "and" before a participle share its clause's main verb.

        "Thirteen Israelis and four Thai nationals held in Gaza since Oct. 7 were released":
        the Israelis were released too, not held (the participle is the Thais' modifier).
        """
        for left, right in itertools.pairwise(group):
            if (
                right.event in (None, HELD, TAKEN)  # the participle's own event, no main verb
                or left.event == right.event
                or self._text[left.context_end : right.start] != " and "
                or _REDUCED_RELATIVE_RE.match(self._text, right.context_end) is None
            ):
                continue
            measure, event = left.measure, left.event
            left.measure = left.event = None
            if not self._resolve(left, right.event, s_start, s_end):
                left.measure, left.event = measure, event

    def _after_colon(self, cand: Candidate, s_start: int, s_end: int) -> None:
        """A list after a colon takes the verb before it.

        "Hamas released some of the hostages: 13 on Friday; 13 more on Saturday; and 17 on
        Sunday".
        """
        colon = self._text.rfind(": ", s_start, cand.start)
        if cand.counted not in _PEOPLE or self._text[colon - 1 : colon] in _QUOTES:
            return  # a headline's quote ("'Prevented Dozens Of Casualties': …") is no list
        if self._text[colon + 2 : colon + 3] in _QUOTES:
            return  # a quotation follows ("adds: "Even living thousands of miles away …")
        cues = self._cues(s_start, colon)
        if cues:
            self._resolve(cand, cues[0][0], s_start, s_end)

    def _object_of_event(self, cand: Candidate, left_lo: int) -> bool:
        """Whether an event's verb stands right before the figure.

        "a strike that killed three US soldiers says …": the soldiers are killed, the militia
        speaks.
        """
        found = self._cues(left_lo, cand.start)
        return bool(found) and len(self._text[left_lo + found[-1][2] : cand.start].split()) <= 1

    def _killed_near(self, cand: Candidate) -> bool:
        """A killing right before or after the figure ("killed scores of …", "… were killed")."""
        text = self._text
        if _KILLED_BEFORE_RE.search(text, max(0, cand.start - 24), cand.start):
            return True
        right = text[cand.end : min(self._span[1], cand.end + 30)]
        stop = _NEAR_STOP_RE.search(right)
        end = cand.end + (stop.start() if stop else len(right))
        return any(event == KILLED for event, _a, _b in self._cues(cand.end, end))

    def _captives_after_casualties(self, before: Candidate, cand: Candidate, start: int) -> bool:
        """Hostages listed after the dead are not dead ("1,100 dead and 100 hostages").

        Their own words decide (held by default), unless they are part of the dead
        ("killed 40 people, including two hostages").
        """
        return (
            is_captive(cand.counted)
            and before.event not in (TAKEN, TAKE_VERB, HELD, RELEASED)
            and not _ends_with_child(self._text, start, cand.start)
        )

    def _linked(self, start: int, end: int) -> bool:
        """True when the words between two figures join them ("including", "and")."""
        between = self._text[start:end]
        if _ends_with_child(between):
            return True
        if _LIST_COMMA_RE.fullmatch(between):
            return True  # "releases 13 Israeli, at least 10 Thai hostages"
        return bool(_LINK_RE.search(between)) and not self._cues(start, end)

    def _moved_wounded(self, cand: Candidate) -> bool:
        """Wounded people whose evacuation or crossing the words around them tell.

        "17 wounded Palestinians were evacuated for treatment in Egypt", "the evacuation of
        dozens of injured Palestinians": the wounded are who was moved; the move is no
        casualty count, and nothing else in the sentence gives them a measure.
        """
        if noun_event(self._cues(cand.start, cand.end)) != INJURED:
            return False
        lo = max(self._span[0], cand.start - _EVACUATION_REACH)
        hi = min(self._span[1], cand.context_end + _EVACUATION_REACH)
        return _tells_evacuation(self._text, lo, hi)

    def _local(
        self, cand: Candidate, left_lo: int, right_hi: int, used: set[tuple[int, int]]
    ) -> None:
        """Steps 1-4: the noun phrase, the governing verb, the clause after, the clause before."""
        text = self._text
        fixed = noun_measure(cand.counted)
        if fixed is not None:
            cand.measure = fixed
            return
        event = noun_event(self._cues(cand.start, cand.end))
        if (
            event in (DISPLACED, INJURED)
            and cand.phrase.head is not None
            and self._killed_near(cand)
        ):
            # "six displaced people were killed", "32 wounded people have died": the modifier
            # says who they are, the killing next to them what happened to them
            event = KILLED
        if event is None and cand.phrase.nominal in _FREED_WORDS:
            event = RELEASED  # "after 10 freed": the nominal adjective states the release
        if event == TAKEN:
            # "three kidnapped Israelis were killed": the captives' fate is the predicate's
            predicate = _PREDICATE_RE.match(text, cand.context_end, right_hi)
            if predicate is not None:
                for later, _a, _b in self._cues(cand.context_end, predicate.end()):
                    if later != TAKEN and self._resolve(cand, later, left_lo, right_hi):
                        return
        if event is not None and self._resolve(cand, event, left_lo, right_hi):
            return
        if (cand.counted or "").lower() == "palestinians" and any(
            cue[0] == RELEASED for cue in self._cues(cand.start, cand.end)
        ):
            # "the 39 released Palestinians": Palestinians freed in this war are prisoners
            cand.measure = measure_for(RELEASED, PRISONERS, cand.counted)
            cand.event = RELEASED
            return
        if (
            text.endswith(("for ", "for the "), left_lo, cand.start)
            and _EXCHANGE_OF_FOR_RE.search(text, max(self._span[0], cand.start - 160), cand.start)
            and self._resolve(cand, RELEASED, left_lo, right_hi)
        ):
            return
        if not self._events:
            return  # no cue in the paragraph: the clauses below have none to offer
        right = text[cand.context_end : right_hi]
        relative = _RELATIVE_RE.match(right)
        reduced = _REDUCED_RELATIVE_RE.match(right)
        if reduced is not None:
            boundary = _AFTER_PARTICIPLE_BOUNDARY_RE.search(right, reduced.end())
            if (
                boundary is not None
                and boundary.group() == "and"
                and _STILL_HELD_RE.match(right, boundary.end())
            ):
                # "the 130 hostages abducted by Hamas and still being held in Gaza": the
                # second participle says where they are now, and it wins as a main verb would
                boundary = _AFTER_PARTICIPLE_BOUNDARY_RE.search(right, boundary.end())
        else:
            # "Two were shot and killed": two participles of one predicate, one clause
            pair = _PARTICIPLE_PAIR_RE.match(right) if relative is None else None
            start = pair.end() if pair else relative.end() if relative else 0
            boundary = _RIGHT_BOUNDARY_RE.search(right, start)
        clause_right = right[: boundary.start()] if boundary else right
        if relative is not None or reduced is not None:
            speech = _SPEECH_VERB_RE.search(clause_right)
            if speech is not None:
                clause_right = clause_right[: speech.start()]
        # "14 hostages being held in Gaza … are set to be released": "being held" is a
        # participle, not the predicate
        early = None if reduced is not None else _PREDICATE_RE.match(clause_right)
        if early is not None:
            for event, a, b in self._cues(cand.context_end, cand.context_end + early.end()):
                if self._resolve(cand, event, left_lo, right_hi):
                    used.add((cand.context_end + a, cand.context_end + b))
                    return
        elif relative is None and reduced is None and (aside := _ASIDE_RE.match(right)):
            # "85% of Gaza's 2.4 million people - almost two million - have now been
            # displaced": the predicate after an aside between dashes is the subject's too
            late = _PREDICATE_RE.match(right, aside.end())
            if late is not None:
                lo = cand.context_end + aside.end()
                for event, a, b in self._cues(lo, cand.context_end + late.end()):
                    if self._resolve(cand, event, left_lo, right_hi):
                        used.add((lo + a, lo + b))
                        return
        left = text[left_lo : cand.start]
        cut = _last_boundary(left)
        clause_left = left[cut:]
        found = self._cues(left_lo + cut, cand.start)
        if found:
            event, a, b = found[-1]
            gap = clause_left[b:].split()
            # "The dead hostages were among 252 people who were taken captive": the cue before
            # "were among" is the subject's; the figure's own words say what it counts.
            governs = (
                len(gap) <= 4
                and not {"and", "or", "but", "including"} & set(gap)
                # "released some of the 240 hostages the group took": the part is released
                and not _PART_OF_WHOLE_RE.search(clause_left, b)
                # "130 hostages remain out of the 253 taken": the whole's own words decide
                and not ("out" in gap and _OUT_OF_RE.search(clause_left, b))
                and not ("among" in gap and _AMONG_RE.search(clause_left))
            )
            if governs and self._resolve(cand, event, left_lo, right_hi):
                used.add((left_lo + cut + a, left_lo + cut + b))
                return
        after = self._cues(cand.context_end, cand.context_end + len(clause_right))
        if (relative is not None or reduced is not None) and len(after) > 1:
            # "Two citizens that were being held in Gaza were released", "120 people
            # abducted on 7 October are still in captivity": the main verb follows.
            after.reverse()
            # "24 hostages released by Hamas after 49 days of captivity": a noun in a phrase
            # ("of captivity") is no main verb; the participle is the headline's predicate.
            base = cand.context_end
            # "… released from prison in exchange for hostages held by Hamas": a participle
            # right after another noun is that noun's, no main verb either (the next tie-break).
            after.sort(
                key=lambda cue: (
                    text[base + cue[2] - 2 : base + cue[2]] != "ed"
                    and bool(
                        _PREPOSITION_END_RE.search(text, max(0, base + cue[1] - 24), base + cue[1])
                    ),
                    bool(
                        _NOUN_BEFORE_CUE_RE.search(text, max(0, base + cue[1] - 16), base + cue[1])
                    ),
                )
            )
        for event, a, b in after:
            owned = a and _OWN_POSSESSION_RE.fullmatch(right, 0, a)  # "hostages' bodies"
            if not owned and self._bound_elsewhere(cand.context_end + a, cand.context_end + b):
                continue
            if self._resolve(cand, event, left_lo, right_hi):
                used.add((cand.context_end + a, cand.context_end + b))
                return
        for event, a, b in reversed(found):
            if self._resolve(cand, event, left_lo, right_hi):
                used.add((left_lo + cut + a, left_lo + cut + b))
                return
        if _ends_with_child(clause_left) or (
            (
                "with" in clause_left[-25:]
                or "along" in clause_left[-25:]
                or " as " in clause_left[-25:]
            )
            and _ALONG_WITH_RE.search(clause_left)
        ):
            # "killed thousands, including 1,400 Israelis": the verb is before the list
            outer = left[: max(cut - 1, 0)]
            outer_start = left_lo + _last_boundary(outer)
            relative_cues = self._cues(outer_start, left_lo + len(outer))
            if _RELATIVE_END_RE.search(text, max(0, outer_start - 8), outer_start) and not any(
                event in (KILLED, INJURED) for event, _a, _b in relative_cues
            ):
                # "relatives who had been sheltering there, including two women …, were killed":
                # the cue before is the relative clause's; the main verb comes after the list
                after_list = self._cues(cand.context_end + len(clause_right), self._span[1])
                if after_list and self._resolve(cand, after_list[0][0], left_lo, right_hi):
                    return
            whose = _WHOSE_CLAUSE_RE.search(text, outer_start, left_lo + len(outer))
            if whose is not None and not _ends_with_child(clause_left):
                # "freed a 4-year-old girl whose parents were killed …, along with 12 other
                # Israelis": the added people share the main clause's verb, not the relative's
                main_start = left_lo + _last_boundary(text[left_lo : whose.start()])
                for event, _a, _b in reversed(self._cues(main_start, whose.start())):
                    if self._resolve(cand, event, left_lo, right_hi):
                        return
            for event, _a, _b in reversed(relative_cues):
                if self._resolve(cand, event, left_lo, right_hi):
                    return

    def _resolve(self, cand: Candidate, event: str | None, lo: int, hi: int) -> bool:
        """Set the candidate's measure from an event and its captive side; True on success."""
        if event is None or not is_person(cand.counted):
            return False
        if event == DISPLACED and _evacuee(cand.counted) and self._only_evacuation(lo, hi):
            return True  # settled, with no measure: the evacuation is what happened to them
        phrase = self._text[cand.start : cand.end]
        swap = self._before_swap(cand, hi)
        # The figure's own clause first ("24 captives held in Gaza were released, and 39 women
        # were freed from Israeli jails": the jails are the 39's), then the wider span.
        own_lo = lo + _last_boundary(self._text[lo : cand.start]) if lo < cand.start else lo
        side = captive_side(cand.counted, phrase, self._text[own_lo:swap]) if own_lo > lo else None
        if side is None:
            side = captive_side(cand.counted, phrase, self._text[lo:swap])
        if side is None:
            s_start, s_end = self._span
            swap = self._before_swap(cand, s_end)
            side = captive_side(cand.counted, phrase, self._text[s_start:swap])
            if side is None and swap < s_end:
                # "110 have been freed … in exchange for Palestinian prisoners": the figure is
                # of the other side than the one given in exchange.
                other = captive_side(None, "", self._text[swap:s_end])
                side = {HOSTAGES: PRISONERS, PRISONERS: HOSTAGES}.get(other or "")
        captives = side == HOSTAGES and bool(
            _OWN_CAPTIVE_RE.match(self._text, cand.end)
            or CAPTIVE_WORD_RE.search(phrase)
            or _HOLDING_THEM_RE.search(self._text, cand.end, self._span[1])
        )
        measure = measure_for(event, side, cand.counted, captives=captives)
        if measure is None:
            return False
        cand.measure, cand.event = measure, event
        return True

    def _only_evacuation(self, lo: int, hi: int) -> bool:
        """Whether every displacement cue in [lo, hi) is an evacuation ("were evacuated")."""
        cues = [self._text[lo + a : lo + b] for e, a, b in self._cues(lo, hi) if e == DISPLACED]
        return bool(cues) and all(cue[:7].lower() == "evacuat" for cue in cues)

    def _before_swap(self, cand: Candidate, hi: int) -> int:
        """`hi`, or where the other side of a swap starts after the figure, if before `hi`."""
        after = self._text[cand.end : hi]
        if "xchange" not in after and "swap" not in after:
            return hi  # the cheap test first: most sentences have no swap
        swap = _EXCHANGE_RE.search(self._text, cand.end, hi)
        return swap.start() if swap is not None else hi

    def _bound_elsewhere(self, a: int, b: int) -> bool:
        """True for a cue with its own object or owner ("the release of X", "X's deaths")."""
        text = self._text
        if _BOUND_CUE_RE.match(text, b):
            return True
        # "among the dead", "hundreds of the wounded": those are people, the figure's own set
        return text[a:b].lower() not in _PEOPLE_CUES and bool(
            _POSSESSIVE_END_RE.search(text, max(0, a - 24), a)
        )

    def _sentence_wide(
        self, cand: Candidate, s_start: int, s_end: int, used: set[tuple[int, int]]
    ) -> None:
        """Step 6: the nearest cue after the figure in its sentence not used by another figure."""
        options = []
        for event, a, b in self._cues(s_start, s_end):
            span = (s_start + a, s_start + b)
            if span in used or span[0] < cand.end or self._bound_elsewhere(*span):
                continue
            after = span[0] >= cand.end
            distance = span[0] - cand.end if after else cand.start - span[1]
            options.append((not after, distance, event))
        for _, _, event in sorted(options):
            if self._resolve(cand, event, s_start, s_end):
                return

    def _inherit_counted(self, group: list[Candidate], i: int, left_lo: int, s_start: int) -> None:
        """Give a figure without a counted noun the one its sentence implies."""
        cand = group[i]
        if cand.counted is not None:
            return
        left = self._text[s_start : cand.start]
        number_of = _NUMBER_OF_RE.search(left) if "of" in left else None  # cheap test first
        nouns = [w for w in number_of.groups() if w and w.lower() in _PEOPLE] if number_of else []
        following = group[i + 1] if i + 1 < len(group) else None
        if nouns:
            cand.counted = nouns[0].lower()
        elif i and _share_of_them(self._text, cand):
            cand.counted = group[i - 1].counted  # "… killed 11,000 people, two-thirds of them …"
        elif (
            cand.phrase.partitive
            and following
            and following.start - cand.end < _PARTITIVE_GAP
            and _PARTITIVE_BETWEEN_RE.fullmatch(self._text, cand.end, following.start)
        ):
            cand.counted = following.counted  # "20 of the 240 hostages", "45 of the remaining"
        elif (
            subject := _SUBJECT_VERB_RE.search(left, max(0, len(left) - _SUBJECT_VERB_REACH))
        ) is not None and (people := _people_words(left[: subject.start()])):
            # "the death toll from Israeli airstrikes has reached 5,087": a toll counts the
            # dead, not the things that killed them
            if is_person(people[-1]) or "toll" not in left[: subject.start()]:
                cand.counted = people[-1]
        elif (
            i
            and cand.phrase.partitive
            and " of " in self._text[cand.end : cand.context_end + 1]
            and group[i - 1].measure != "truce_duration"
        ):
            cand.counted = group[i - 1].counted  # "nearly 24,000 dead — 10,000 of them": theirs
        elif i and not _RELATIVE_CLAUSE_RE.search(self._text, group[i - 1].end, cand.start):
            parents = [c for c in group[:i] if c.counted and c.measure != "truce_duration"]
            main = [c for c in parents if not c.child] if cand.phrase.nominal else parents
            if main or parents:
                cand.counted = (main or parents)[-1].counted
        elif _ANAPHOR_RE.search(left) or (
            not i
            and cand.phrase.partitive
            and _OF_THEM_RE.match(self._text, cand.end)
            and not _THE_BEFORE_RE.search(self._text, max(0, cand.start - 4), cand.start)
        ):
            # "About 130 hostages remain unaccounted for. At least 34 of them are presumed
            # dead": the people of the sentence before
            self._antecedent(cand, s_start)
        if (
            cand.counted is None
            and cand.phrase.head is None
            and _VEHICLES_ENTER_RE.match(self._text, cand.end) is not None
            and _TRUCKS_BEFORE_RE.search(self._text, max(0, cand.start - _TRUCKS_REACH), cand.start)
        ):
            # "200 trucks … were dispatched and 187 had entered Gaza", "260 trucks entered on
            # Sunday. About 500 entered daily before that": the trucks told just before
            cand.counted = "trucks"
        if cand.phrase.nominal and cand.counted is not None and not is_person(cand.counted):
            cand.counted = None  # "thousands of homes destroyed and nearly 24,000 dead": people

    def _of_those(self, cand: Candidate, s_start: int) -> None:
        """A number after "Of those killed, …" counts people, of the opening's event."""
        opening = _OF_THOSE_RE.fullmatch(self._text, s_start, cand.start)
        if opening is None:
            return
        cues = self._cues(s_start, cand.start)
        # "Of those taken, 130 remain unaccounted for": the captives
        taken = any(event in (TAKEN, TAKE_VERB) for event, _a, _b in cues)
        cand.counted = "hostages" if taken else "people"
        for event, _a, _b in cues:
            if self._resolve(cand, event, s_start, cand.start):
                return

    def _antecedent(self, cand: Candidate, s_start: int) -> None:
        """Resolve "their number": the last counted noun of the previous sentence."""
        previous = [span for span in self._sentences if span[1] <= s_start]
        if not previous:
            return
        p_start, p_end = previous[-1]
        words = [m for m in _WORD_RE.finditer(self._text, p_start, p_end)]
        for word in reversed(words):
            if word.group().lower() in _PEOPLE:
                cand.counted = word.group().lower()
                self._read_as(cand, word.start(), word.end(), (p_start, p_end))
                return
        if self._last is not None and self._last[0] == p_end:
            # "Of those taken, 130 remain unaccounted for. … at least 29 of them are dead":
            # no people noun in the words, but the sentence's figure counts some
            cand.counted = self._last[1]

    def _apposition(self, group: list[Candidate], i: int, s_start: int, s_end: int) -> None:
        """A figure in apposition ("released the hostages – nine children …"): as its noun."""
        cand = group[i]
        noun = _APPOSITION_RE.search(self._text, max(s_start, cand.start - 40), cand.start)
        if noun is None or noun.group(1) not in _PEOPLE:
            return
        if i and group[i - 1].context_end >= noun.start(1) - 1:
            return  # "13 hostages – four children …": a breakdown of the figure before
        self._read_as(cand, noun.start(1), noun.end(1), (s_start, s_end))

    def _among_captives(self, group: list[Candidate], i: int, s_end: int) -> None:
        """People counted "among Hamas hostages" are of the captives: what they are said to be."""
        cand = group[i]
        if not is_person(cand.counted):
            return
        among = _AMONG_CAPTIVES_RE.match(self._text, cand.context_end, s_end)
        if among is None or (i + 1 < len(group) and group[i + 1].start < among.end()):
            return
        self._read_as(cand, among.start(1), among.end(1), self._span)
        if cand.measure is None:
            self._resolve(cand, HELD, self._span[0], s_end)

    def _among_the_dead(self, group: list[Candidate], i: int, s_end: int) -> None:
        """People counted "among the dead" or "among the casualties" of a toll: killed.

        "The death toll has exceeded 10,000, with over 4,100 children and 2,600 women among the
        casualties": casualties of a death toll are dead.
        """
        cand = group[i]
        if cand.phrase.head is None or not is_person(cand.counted):
            return  # a bare number there is an age ("Mazen, 17 and Ahmed, 13 were among …")
        among = _AMONG_DEAD_RE.match(self._text, cand.context_end, s_end)
        if among is None:
            return
        event = KILLED
        if among.group(1).lower() == "casualties":  # of the toll before, if any
            toll = [c.event for c in group[:i] if c.event in (KILLED, CASUALTIES)]
            event = toll[-1] if toll else CASUALTIES
        self._resolve(cand, event, self._span[0], s_end)

    def _total_to(self, group: list[Candidate], i: int, s_start: int) -> None:
        """A number a clause adds up to ("bringing the total … to 156"): the count before it."""
        cand = group[i]
        lo = max(s_start, cand.start - _TOTAL_TO_REACH)
        if _TOTAL_TO_RE.search(self._text, lo, cand.start) is None:
            return
        if cand.counted is None:
            people = _people_words(self._text[s_start : cand.start])
            cand.counted = people[-1] if people else None
        events = [group[i - 1].event] if i and group[i - 1].event else []
        events += [e for e, _a, _b in reversed(self._cues(s_start, cand.start))]
        for event in events:
            if self._resolve(cand, event, s_start, cand.start):
                return

    def _subject_includes(self, cand: Candidate, s_start: int) -> None:
        """Step 7: "The fatalities at the camp include at least 12 women": the subject's cue."""
        left = self._text[s_start : cand.start]
        verb = _INCLUDES_RE.search(left)
        if verb is None:
            return
        subject = (s_start, s_start + verb.start())
        nouns = list(_CAPTIVE_NOUN_RE.finditer(self._text, *subject))
        if nouns:  # "the prisoners released included 15 women": what the prisoners are
            self._read_as(cand, nouns[-1].start(), nouns[-1].end(), self._span)
            if cand.measure is not None:
                return
        for event, _a, _b in reversed(self._cues(*subject)):
            if self._resolve(cand, event, s_start, s_start + len(left)):
                return
        if any(is_captive(noun.group()) for noun in nouns):  # "the hostages include nine children"
            self._resolve(cand, HELD, s_start, s_start + len(left))

    def _same_noun_before(self, cand: Candidate, s_start: int) -> None:
        """Step 7: "such a group would include 30 prisoners" after "the release of prisoners".

        A figure whose sentence has no cue but refers back takes the measure its counted
        noun has in the previous sentence of the paragraph.
        """
        previous = [span for span in self._sentences if span[1] <= s_start]
        if not previous or cand.counted is None:
            return
        p_start, p_end = previous[-1]
        noun = re.compile(rf"\b{re.escape(cand.counted)}\b", re.IGNORECASE)
        found = list(noun.finditer(self._text, p_start, p_end))
        if not found:
            return
        self._read_as(cand, found[-1].start(), found[-1].end(), (p_start, p_end))

    def _read_as(self, cand: Candidate, start: int, end: int, sentence: tuple[int, int]) -> None:
        """Give `cand` the measure the words at [start, end) have in another sentence."""
        own = self._span
        self._span = sentence
        probe = _probe(cand, start, end)
        self._local(probe, sentence[0], sentence[1], set())
        self._span = own
        cand.measure, cand.event = probe.measure, probe.event


def _share_of_them(text: str, cand: Candidate) -> bool:
    """A share of the figure before: "killed 11,000 people, two-thirds of them women"."""
    return cand.unit == "share" and text.endswith((" of them", " of whom"), cand.start, cand.end)


def _ends_with_child(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether `text[start:end]` ends with "including", "among them" … (`_CHILD_RE`)."""
    stop = len(text) if end is None else end
    return _last_letter(text, start, stop) in _CHILD_LAST and bool(
        _CHILD_RE.search(text, start, stop)
    )


def _last_letter(text: str, start: int, end: int) -> str:
    """The last character of `text[start:end]` before its trailing spaces and commas.

    `_CHILD_RE` ends the text, but a search tries every position of it: a look at the
    letter it must end with first spares most of those scans.
    """
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return text[end - 1] if end > start else ""


def _people_words(text: str) -> list[str]:
    """The counted-noun words of a text ("prisoners", "hostages"), lower-cased, in order."""
    return [w.lower() for w in _WORD_RE.findall(text) if w.lower() in _PEOPLE]


def _probe(cand: Candidate, start: int, end: int) -> Candidate:
    """A stand-in candidate at an antecedent noun, to classify its context."""
    from index.extract.figures import Candidate

    return Candidate(start, end, end, cand.quantity, cand.phrase, cand.counted)


def _last_boundary(text: str) -> int:
    """Offset just after the last clause boundary in `text` (0 when there is none)."""
    last = 0
    for match in _BOUNDARY_RE.finditer(text):
        last = match.end()
    return last
