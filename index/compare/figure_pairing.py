"""Pair the figures of two reports that count the same thing, and say whether they agree.

Two figures are candidates only when they share a measure (`Figure.measure`) and their counted
nouns are compatible ("people" and "hostages" are for a hostage measure; "children" and
"people" are not, since one counts a subset). Casualty measures also need the same side of the
war: the words around the figure say whether the dead are in Israel (the 7 October attack) or
in Gaza (the Israeli offensive), so "1,200 killed in Israel" never pairs with "34,000 killed in
Gaza" although both say "killed". Within one article, figures of one measure that state
overlapping values for a compatible event form one group (003 says "about 1,200" and "1,200").
Groups of A and B are then matched one-to-one, greedily by a context score: the similarity of
the figures' sentences, plus a bonus when the alignment paired those sentences or when both
sides are known to be the same (or when those sentences' casualty counts of another measure
paired: "12 killed and 75 injured", "13 killed and 56 injured"), plus a small bonus when each
report has a single group for the measure (two reports on one story usually give one toll
each), and when both state the same value (of at least 10: "one" and "one" mean nothing). A
figure in a sentence about a proposal or a threat (a cue such as "proposal", "provided for",
"would", "will", "deal", "set to" in the 70 characters before it: "the proposal provided for
the release of 40 hostages", "will kill one hostage") never pairs with a different number
reporting what happened (105 released; the same number, "50 hostages" in two wordings of one
deal, still pairs); a running war toll ("3,478 have been killed in Gaza", "since October")
never pairs with the toll of one incident ("killed at the hospital", "a strike on a building
killed 40", a day's count "in the past 24 hours") unless both state the same number of at least
100 alike; and two figures more than three times apart pair only when both are running totals,
which may be up to ten times apart (27,840 and 34,600 deaths since October pair; 1,200 killed
in the 7 October attack and 260 killed at the festival do not). A casualty count said only
vaguely ("dozens of people") pairs with a count it does not overlap only on a strong context
score (`VAGUE_APART_THRESHOLD`).

Groups: a nationality-qualified group is its category's ("Israeli soldiers" and "soldiers");
a bare number with no noun and no group ("24") pairs whatever the other side's group when
the numbers overlap; captives pair whichever place each report names (taken in Israel, held
in Gaza). A figure of "other" people ("three other people" killed besides the leader) counts
a remainder and pairs only with another remainder, never with a whole count ("four people").
Within one report, figures group when their values are close (`_close`: "over 100" and 105,
not "at least 68" and 90).

Status (`index.compare.figure_status`): qualifiers read as intervals give `agree`,
`consistent`, `updated` (a running total on another date; releases, deliveries and rockets
count one batch unless their words say "so far", "in all", "have been") or `differ`;
`a_only` / `b_only` for a group with no partner.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from index.compare.alignment import SentenceAlignment, sentence_tokens
from index.compare.figure_status import figures_status
from index.compare.models import FigureRow, FigureStatus
from index.extract.figures import sentence_place
from index.extract.scope import nationality_of
from index.models import Article, Figure

PAIR_THRESHOLD = 0.25
"""Least context score for two groups of one measure to be the same event."""
WAR_TOLL_FLOOR = 1000.0
"""A casualty count this large is a running toll of the war, whatever its words say."""
LATER_INCIDENT_THRESHOLD = 0.8
"""Least context score for two casualty counts of different days, neither a running total and
their values apart, to be one incident told again ("killing dozens of people" on Friday, "at
least 27 people" killed in a strike on Saturday are two strikes)."""
VAGUE_APART_THRESHOLD = 0.6
"""Least context score for a casualty count said only vaguely ("dozens of people", "hundreds")
to pair with a count of the other report it does not overlap: strikes are many, and a vague
toll beside another report's "more than 200" is most often another strike, not a contradiction
(pairing them flagged a "differ" no reader would make). Captives are few events: there, "scores
of hostages" and "about 240" still differ."""
CASUALTY_MEASURES = frozenset({"killed", "injured", "wounded", "dead", "deaths", "casualties"})
"""Measures whose side (Israel / Gaza) must agree before two figures pair."""

_ISRAEL_CUES = tuple(
    re.compile(p)
    for p in (
        r"\bin (?:southern )?israel\b",
        r"\bisraeli (?:side|territory|civilians|communities|soil)\b",
        r"\bisraelis\b",
        r"\b(?:october 7|7 october|oct\.? 7)(?:,? 2023)?(?:['’]s)? (?:hamas )?"
        r"(?:attacks?|assault|raid|incursion|massacre)",
        r"\bhamas(?:['’]s?)? (?:\w+ ){0,3}(?:attacks?|assault|raid|incursion)",
        r"\battack (?:on|against|in) israel",
        r"\b(?:killed|murdered|slain) by hamas\b",
        r"\bduring (?:the|its) (?:\w+ )?attacks?\b",
    )
)
_GAZA_CUES = tuple(
    re.compile(p)
    for p in (
        r"\bgaza(?:ns?)?\b",
        r"\bpalestinians?\b",
        r"\benclave\b",
        r"\b(?:health ministry|ministry of health)\b",
        r"\bisrael(?:i)? (?:\w+ )?(?:strikes|bombing|bombardment|offensive|attacks|operations|"
        r"retaliation|air ?strikes|shelling)",
        r"\bsince october\b",
        r"\b(?:west bank|rafah|khan younis|jabalia)\b",
    )
)
_COUNTED_CLASSES = {
    "people": "people",
    "persons": "people",
    "person": "people",
    "individuals": "people",
    "lives": "people",
    "civilians": "people",
    "victims": "people",
    "bodies": "people",
    "deaths": "people",
    "fatalities": "people",
    "martyrs": "people",
    "dead": "people",
    "residents": "people",
    "population": "people",
    "inhabitants": "people",
    "gazans": "people",
    "children": "children",
    "child": "children",
    "kids": "children",
    "minors": "children",
    "women": "women",
    "hostages": "hostages",
    "hostage": "hostages",
    "captives": "hostages",
    "captive": "hostages",
    "abductees": "hostages",
    "prisoners": "prisoners",
    "detainees": "prisoners",
    "soldiers": "soldiers",
    "troops": "soldiers",
    "reservists": "soldiers",
    "servicemen": "soldiers",
    "journalists": "journalists",
    "employees": "staff",
    "staffers": "staff",
    "staff": "staff",
}
_HOSTAGE_FAMILY = frozenset({"people", "hostages", "prisoners", "women", "children"})
"""Under a hostage or prisoner measure these all count captives ("50 women and children")."""
_PRONOUNS = frozenset({"others", "other", "whom", "them", "those", "more", "ones"})
"""Counted words that name nothing ("some 240 others"): compatible with any noun."""
_PROPOSAL_CUES = re.compile(
    r"\b(?:propos\w*|plans?|offer\w*|would|could|might|demand\w*|provided for|provides for|"
    r"calls? for|seek\w*|possible|potential|draft|will|threat\w*|pledg\w*|vow\w*|deal|"
    r"agreement|agreed|set to|expected|due to|terms)\b",
    re.IGNORECASE,
)
"""Words saying a figure is proposed, threatened or hoped for, not what happened ("a deal would
free 40", "Hamas will kill one hostage")."""
PROPOSAL_WINDOW = 70
"""How many characters before a figure are searched for a proposal cue."""
"""Score taken off when one figure is proposed/threatened and the other reported as done."""
SAME_GROUP_BONUS = 0.3
"""Added when both sides say the same group ("12 Thai hostages", "10 Thai citizens")."""
SAME_PLACE_BONUS = 0.15
"""Added when two casualty totals name the same place and no casualty side says more."""
SAME_VALUE_FLOOR = 10.0
"""Two figures stating the same single value of at least this size are likely one count."""
_MEMBERS_OF_RE = re.compile(
    r"\b(?:family\s+members?|members?\s+of\s+(?:[\w’'-]+\s+){0,2}?"
    r"(famil(?:y|ies)|staff|team|crew|personnel)|(staff|team|crew)\s+members?)\b",
    re.IGNORECASE,
)
"""Whose members a figure counts ("members of one family", "members of its staff", "101 of
its staff members")."""
SAME_COUNT_BONUS = 0.1
"""Added for a smaller value stated alike with the same counted noun ("two hostages")."""
_TOTAL_CUES = re.compile(
    r"\b(?:so far|since|in total|overall|total|death toll|toll|war|offensive|campaign|"
    r"bombardment|conflict|have been killed|has killed|have died|has risen|rose to|climbed)\b",
    re.IGNORECASE,
)
"""Words saying a casualty figure is a running total of the war."""
_INCIDENT_CUES = re.compile(
    r"\b(?:strike|airstrike|air strike|blast|explosion|hospital|building|camp|school|mosque|"
    r"church|bakery|convoy|festival|raid|ambush|shelling of)\b",
    re.IGNORECASE,
)
"""Words saying a casualty figure counts one incident (a strike, a blast at a hospital)."""
_PERIOD_CUES = re.compile(
    r"\b(?:(?:past|last|previous|preceding)\s+(?:24|48|72|twenty-four)\s+hours|overnight"
    r"|in\s+(?:a|one)\s+(?:single\s+)?day|(?:past|last)\s+day"
    r"|since\s+(?:(?:late|early)\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday"
    r"|last\s+night))\b",
    re.IGNORECASE,
)
"""Words saying a casualty figure counts one period ("in the past 24 hours"), not the toll."""
SCOPE_BEFORE = 80
SCOPE_AFTER = 40
"""Characters around a figure searched for total / incident cues."""
PERIOD_AFTER = 100
"""Characters after a figure searched for a period, which closes its clause ("More than 700
Palestinians have been killed by Israeli air strikes in the Gaza Strip over the past 24 hours")."""
MAX_RATIO = 3.0
"""Two figures more than this many times apart pair only when both are running war totals."""
MAX_TOTAL_RATIO = 10.0
"""Two running totals more than this many times apart are not one count ("more than 20,000"
killed since October and a strike's 70)."""


@dataclass(frozen=True, slots=True)
class _Placed:
    """A figure with what its context says: sentence, side, counted class."""

    figure: Figure
    sentence: int | None
    tokens: frozenset[str]
    side: str | None
    counted: str | None
    proposed: bool
    scope: str | None
    """"total" (a running war toll), "incident" (one strike), or None."""
    key: str
    """What it counts: its measure, or "#" + its counted class when it has no measure."""
    remainder: bool
    """It counts the others besides someone ("three other people" killed besides a leader)."""
    total: bool
    """Its words say it is a running total ("so far", "in all", "brought the total to")."""
    place: str | None
    """Its place when its own sentence names one, else None (`Figure.place` may come from the
    paragraph): what pairing compares, so a 7 October toll told in a paragraph about Gaza
    still pairs with another report's toll in Israel."""


def figure_side(sentence: str, start: int) -> str | None:
    """Say whether the figure at `start` of a sentence counts on the "israel" or "gaza" side.

    Cues nearer the figure weigh more; None when the cues are absent or balanced.
    """
    lowered = sentence.lower()
    scores = {"israel": 0.0, "gaza": 0.0}
    for side, cues in (("israel", _ISRAEL_CUES), ("gaza", _GAZA_CUES)):
        for cue in cues:
            for match in cue.finditer(lowered):
                distance = min(abs(match.start() - start), abs(match.end() - start))
                scores[side] += 1.0 / (1.0 + distance / 40.0)
    if abs(scores["israel"] - scores["gaza"]) < 0.25:
        return None
    return "israel" if scores["israel"] > scores["gaza"] else "gaza"


def figure_scope(sentence: str, start: int, end: int) -> str | None:
    """Say whether a casualty figure is a running "total" or counts one "incident"."""
    lo = max(0, start - SCOPE_BEFORE)
    # a kicker before a colon labels the story, it does not scope the count ("Israel Gaza
    # war: Hamas says 70 killed in Israeli air strike on camp" counts one strike)
    lo = max(lo, sentence.rfind(": ", lo, start) + 1)
    window = sentence[lo : end + SCOPE_AFTER]
    if _PERIOD_CUES.search(sentence, lo, end + PERIOD_AFTER):
        return "incident"  # "195 killed in the past 24 hours": one day's count, not the toll
    if _TOTAL_CUES.search(window):
        return "total"
    return "incident" if _INCIDENT_CUES.search(window) else None


def _counted_class(measure: str, counted: str | None, written: str = "") -> str | None:
    """Fold a counted noun into a class ("lives" -> people); unknown nouns stay themselves.

    "members" says whose by its complement: "13 members of one family" are relatives, "35
    members of its staff" are staff (`written` is the figure's text and what follows it).
    """
    if not counted:
        return None
    word = counted.lower().split()[-1]
    if word in _PRONOUNS:
        return None
    if word in ("members", "member"):
        whose = _MEMBERS_OF_RE.search(written)
        if whose is not None:
            owner = whose.group(1) or whose.group(2)
            return "staff" if owner and owner[0] in "sStTcCpP" else "relatives"
    nationality = nationality_of(word)
    if nationality is not None:
        # "687 Palestinians" killed are people; freed, Palestinians are prisoners and
        # Israelis, Thais or Americans hostages ("10 Thais" and "10 hostages" released)
        if not _hostage_like(measure):
            return "people"
        return "prisoners" if nationality == "Palestinians" else "hostages"
    return _COUNTED_CLASSES.get(word, word)


def counted_compatible(measure: str, left: str | None, right: str | None) -> bool:
    """True when two counted-noun classes can count the same thing under `measure`."""
    if left is None or right is None or left == right:
        return True
    return _hostage_like(measure) and {left, right} <= _HOSTAGE_FAMILY


def _hostage_like(measure: str) -> bool:
    """Measures that count captives: hostages_*, prisoners_*, *_released, *_held."""
    return measure.startswith(("hostages", "prisoners")) or measure.endswith(("released", "held"))


def _place(article: Article, side: str, alignment: SentenceAlignment) -> list[_Placed]:
    """Attach context to every figure of an article that has a measure or a counted noun."""
    sentences = alignment.a_sentences if side == "a" else alignment.b_sentences
    placed: list[_Placed] = []
    for figure in article.figures:
        key = figure.measure or _counted_key(figure)
        if not key or (figure.paragraph or 0) >= len(article.paragraphs):
            continue
        index = (
            None
            if figure.paragraph is None
            else alignment.sentence_at(side, figure.paragraph, figure.start)
        )
        paragraph = article.text_of(figure.paragraph)
        if index is None:
            text, offset = paragraph, figure.start
            # a title's figure: the title's own words (no sentence of the body holds it)
            tokens = sentence_tokens(paragraph) if figure.paragraph is None else frozenset()
        else:
            found = sentences[index]
            text, offset = paragraph[found.start : found.end], figure.start - found.start
            tokens = found.tokens
        event_side = figure_side(text, offset) if figure.measure in CASUALTY_MEASURES else None
        counted = _counted_class(
            figure.measure or "", figure.counted, paragraph[figure.start : figure.end + 40]
        )
        proposed = bool(_PROPOSAL_CUES.search(text, max(0, offset - PROPOSAL_WINDOW), offset))
        scope = None
        if figure.measure in CASUALTY_MEASURES:
            scope = figure_scope(text, offset, offset + figure.end - figure.start)
        remainder = (
            _OTHER_RE.search(figure.text) is not None
            or _MORE_AFTER_RE.match(paragraph, figure.end) is not None
        )
        total = figure.measure in _BATCH_MEASURES and _SO_FAR_CUES.search(
            text, max(0, offset - SCOPE_BEFORE), offset + figure.end - figure.start + SCOPE_AFTER
        )
        said = figure.place and sentence_place(
            text, offset, offset + figure.end - figure.start, figure.measure, figure.group
        )
        placed.append(
            _Placed(
                figure,
                index,
                tokens,
                event_side,
                counted,
                proposed,
                scope,
                key,
                remainder,
                bool(total),
                figure.place if said else None,
            )
        )
    return placed


_BATCH_MEASURES = frozenset(
    {"hostages_released", "prisoners_released", "aid_trucks", "rockets_fired", "hostages_taken"}
)
"""Measures whose figures usually count one batch (an exchange, a day's trucks)."""
_SO_FAR_CUES = re.compile(
    r"\b(?:so\s+far|in\s+total|totals?|totall?ing|overall|in\s+all|altogether|to\s+date"
    r"|since|cumulative|brought|bringing|bring|ha(?:ve|s)\s+(?:now\s+|so\s+far\s+|already\s+)?been"
    r"|over\s+(?:that|the|this)\s+(?:time|period|week|days)"
    r"|during\s+the\s+(?:truce|pause|ceasefire|cease-fire)"
    r"|(?:truce|pause|ceasefire|cease-fire|deal)\s+(?:has\s+|had\s+)?(?:enabled|saw|allowed))\b",
    re.IGNORECASE,
)
"""Words saying a batch measure's figure is a running total ("105 freed so far", "58 hostages
have been exchanged", "the truce enabled 80 hostages to be exchanged")."""
_OTHER_RE = re.compile(r"\bother\b", re.IGNORECASE)
"""A figure of "other" people counts a remainder: never the same quantity as a whole count."""
_MORE_AFTER_RE = re.compile(r"[ \u00a0]+more\b(?![ \u00a0]+than\b)")
"""Right after a figure, "more" people count a remainder too ("killing dozens more",
"Thousands more were wounded"; "20 or more" ends its figure's text, so it is not read here)."""
_COUNTED_PREFIX = "#"
_NO_KEY_NOUNS = frozenset({"others", "other", "whom", "them", "those", "days", "weeks", "hours"})


def _counted_key(figure: Figure) -> str | None:
    """The key of a figure without a measure: its counted class ("babies"), if it has one."""
    counted = _counted_class("", figure.counted)
    if counted is None or counted in _NO_KEY_NOUNS or figure.unit is not None:
        return None
    return _COUNTED_PREFIX + counted


_CATEGORY_GROUPS = frozenset(
    {
        "children",
        "women",
        "women and children",
        "elderly",
        "patients",
        "journalists",
        "militants",
        "soldiers",
        "medics",
        "students",
        "UN staff",
        "aid workers",
        "civilians",
    }
)
"""Groups that are a part of any population (so never the same count as people at large)."""


def groups_compatible(left: str | None, right: str | None) -> bool:
    """Whether two figures' groups can count the same people.

    Unsaid is compatible with a nationality ("13 hostages" and "13 Israeli hostages") but not
    with a part of a population ("1,500 children" is not "4,000 people"); two different
    groups never are.
    """
    if left == right:
        return True
    if left is None or right is None:
        return (left or right) not in _CATEGORY_GROUPS
    # "Israeli soldiers" and "soldiers": the same category, one says whose
    longer, shorter = (left, right) if len(left) > len(right) else (right, left)
    owner = longer.removesuffix(" " + shorter)
    return owner != longer and owner[:1].isupper() and " " not in owner


def _compatible(measure: str, left: _Placed, right: _Placed, *, across: bool = True) -> bool:
    """Same group and place (when said), same side, both proposed or both done, nouns.

    `across`: the two figures are of two reports. One number under two descriptions is then
    one count (`_same_count`); within one report, the report itself tells them apart ("more
    than 400" dead in Gaza, "400 militants" killed in Israel).
    """
    a, b = left.figure, right.figure
    if a.unit != b.unit:
        return False  # "two thirds" of the dead and "two Palestinians" killed: no one quantity
    captives = _hostage_like(measure)  # taken in Israel, held in Gaza: either place is theirs
    if left.place and right.place and left.place != right.place and not captives:
        return False
    # "24" says nothing of whom it counts (no noun, no group): it may be the same count as
    # "24 soldiers", when the two state the same number
    bare = (
        (left.counted is None and a.group is None) or (right.counted is None and b.group is None)
    ) and _overlap(a, b)
    same_count = across and _same_count(a, b)
    if (
        not bare
        and not same_count
        and not groups_compatible(a.group, b.group)
        and not _counts_group(left, right)
    ):
        return False
    if captives and _part_of_unsaid(a, b):
        return False
    side_a, side_b = (None, None) if captives else (_side(left), _side(right))
    if side_a and side_b and side_a != side_b:
        return False
    if left.proposed != right.proposed and not _overlap(left.figure, right.figure):
        return False
    if (
        left.scope
        and right.scope
        and left.scope != right.scope
        and not _said_alike(a, b)
        # "a raid on Oct. 7 that killed more than 1,400 Israelis" and "1,400 killed since the
        # attack": at a war's scale the one incident is the toll
        and min(a.bounds[0], b.bounds[0]) < WAR_TOLL_FLOOR
    ):
        return False
    if left.remainder != right.remainder:
        return False  # "three other people" killed besides the leader, "four people" in all
    same_group = bool(a.group and b.group and groups_compatible(a.group, b.group))
    low = min(left.figure.bounds[1], right.figure.bounds[1])
    high = max(left.figure.bounds[0], right.figure.bounds[0])
    totals = left.scope == right.scope == "total"
    if high > (MAX_TOTAL_RATIO if totals else MAX_RATIO) * max(low, 1.0):
        return False
    # "two US soldiers" and "two American troops", "88 people working for UNRWA" and "88
    # workers with UNRWA": one group said by both counts the same people, whatever the noun.
    return same_group or same_count or counted_compatible(measure, left.counted, right.counted)


SAME_COUNT_FLOOR = 10.0
"""Below this, one number under two descriptions pairs only when both name a group."""
_CIVILIAN_GROUPS = frozenset({"civilians", "women", "children", "women and children", "elderly"})
"""Categories one group of people can be at once ("two Israeli women", "two elderly")."""
_COMBATANT_WORDS = ("soldiers", "militants", "troops", "fighters")


def _same_count(left: Figure, right: Figure) -> bool:
    """Whether two figures state one number of people described two ways.

    "13 Israeli citizens" and "13 women and children", "two Israeli women" and "two elderly",
    "About 350 U.S. Army and Air Force personnel" and "About 350 US forces": the same exact
    number, under groups that can describe the same people (a nationality and a category,
    civilian categories together); never two nationalities, nor combatants and civilians.
    """
    if left.value is None or left.value != right.value or left.unit or right.unit:
        return False
    if left.group is None or right.group is None or left.group == right.group:
        # "three babies" and "three people" killed: small numbers recur; both must say whom
        return left.value >= SAME_COUNT_FLOOR or (
            left.group is not None and right.group is not None
        )
    first, second = left.group, right.group
    categories = [g for g in (first, second) if g in _CATEGORY_GROUPS]
    if not categories:
        return False  # two nationalities ("Israelis" and "Thais"), or "Israeli soldiers" …
    combatant = [g.endswith(_COMBATANT_WORDS) for g in (first, second)]
    if combatant[0] != combatant[1]:
        return False
    return len(categories) == 1 or all(g in _CIVILIAN_GROUPS for g in categories)


def _part_of_unsaid(left: Figure, right: Figure) -> bool:
    """Whether captives of one nationality are fewer than captives of no nationality said.

    "24 hostages" freed and "13 Israeli hostages" freed the same day: the 24 hold the 13
    and others (Thais, a Filipino), so they are two counts, not a difference.
    """
    if (left.group is None) == (right.group is None):
        return False
    whole, part = (left, right) if left.group is None else (right, left)
    return part.group not in _CATEGORY_GROUPS and whole.bounds[0] > part.bounds[1]


def _counts_group(left: _Placed, right: _Placed) -> bool:
    """Whether one figure counts the people the other's group names.

    "16 Palestinian Christians" (read as Palestinians) counts the Christians of "at least 16
    Christians".
    """
    a, b = left.figure, right.figure
    return bool(
        (a.group and b.counted and a.group.lower() == b.counted.lower())
        or (b.group and a.counted and b.group.lower() == a.counted.lower())
        # "101 UNRWA staff" and "over 100 employees": UN staff are staff
        or (a.group == "UN staff" and right.counted == "staff")
        or (b.group == "UN staff" and left.counted == "staff")
    )


def _said_alike(left: Figure, right: Figure) -> bool:
    """Whether two figures state the same number of at least 100 with the same qualifier.

    "at least 2,778" twice is one count, whatever the words around each call it (a strike's
    toll, the war's).
    """
    return (
        left.value is not None
        and left.value == right.value
        and left.value >= 100
        and left.qualifier == right.qualifier
    )


def _overlap(left: Figure, right: Figure) -> bool:
    """True when two figures' intervals overlap ("over 100" and 105; "dozens" and 40)."""
    low_l, high_l = left.interval
    low_r, high_r = right.interval
    return low_l <= high_r and low_r <= high_l


def _close(left: Figure, right: Figure) -> bool:
    """Whether two figures of one report state one count ("over 100" and 105).

    Not "at least 68" and 90: a lower bound reaches only a tenth above itself here, not the
    half of `Figure.interval`; "hundreds" and "more than 900" are one count.
    """
    low_l, high_l = _near(left)
    low_r, high_r = _near(right)
    return low_l <= high_r and low_r <= high_l


def _near(figure: Figure) -> tuple[float, float]:
    """A figure's interval for grouping within one report (see `_close`)."""
    low, high = figure.interval
    if figure.qualifier in ("more than", "at least") and figure.value is not None:
        # "exceeded 10,000" beside "10,000": the bound itself is the count said twice
        low, high = figure.value, min(high, figure.value * 1.1)
    return low, high


def _group(measure: str, placed: Sequence[_Placed]) -> list[list[_Placed]]:
    """Group one article's figures of a measure: same event when values are close."""
    groups: list[list[_Placed]] = []
    for item in placed:
        for group in groups:
            if all(
                _compatible(measure, item, other, across=False)
                and _close(item.figure, other.figure)
                for other in group
            ):
                group.append(item)
                break
        else:
            groups.append([item])
    return groups


def _group_score(
    measure: str,
    left: Sequence[_Placed],
    right: Sequence[_Placed],
    alignment: SentenceAlignment,
    linked: frozenset[tuple[int, int]] = frozenset(),
) -> float | None:
    """Best context score over the compatible figure pairs of two groups, or None.

    `linked` holds the sentence pairs (A's, B's) whose figures of another measure paired:
    "12 killed and 75 injured" and "13 killed, 56 injured" tell one strike, so once the
    dead pair, the wounded of those sentences count as aligned too.
    """
    group_left, group_right = _group_of(left), _group_of(right)
    bare = (_says_nothing_of_whom(left) or _says_nothing_of_whom(right)) and any(
        _overlap(a.figure, b.figure) for a in left for b in right
    )
    if (
        not bare
        and not groups_compatible(group_left, group_right)
        and not any(
            _counts_group(a, b) or _same_count(a.figure, b.figure) for a in left for b in right
        )
    ):
        return None
    same_group = (
        SAME_GROUP_BONUS
        if group_left and group_right and groups_compatible(group_left, group_right)
        else 0.0
    )
    best: float | None = None
    for a in left:
        for b in right:
            if not _compatible(measure, a, b):
                continue
            score = alignment.score(a.tokens, b.tokens)
            if a.sentence is not None and (
                alignment.pairs.get(a.sentence) == b.sentence
                or (b.sentence is not None and (a.sentence, b.sentence) in linked)
            ):
                score += 0.5
            if a.side and a.side == b.side:
                score += 0.3
            elif (
                measure in CASUALTY_MEASURES
                and a.place
                and a.place == b.place
                and "incident" not in (a.scope, b.scope)
            ):
                score += SAME_PLACE_BONUS  # both say where: the toll in Israel twice
            value = a.figure.value
            if value is not None and value >= SAME_VALUE_FLOOR and value == b.figure.value:
                score += 0.3
            elif value is not None and value == b.figure.value and a.counted == b.counted:
                score += SAME_COUNT_BONUS  # "two hostages" in both: small, but said alike
            score += same_group
            best = score if best is None else max(best, score)
    return best


_PLACE_SIDES = {"Israel": "israel", "Gaza": "gaza", "West Bank": "gaza"}


_GROUP_SIDES = {"Israelis": "israel", "Palestinians": "gaza"}
"""Groups that say the side themselves ("some 1,200 Israelis", "13,000 Gazans"). Not Israeli
soldiers: they die in Israel on 7 October and in Gaza's ground war; their place says which."""


def _side(placed: _Placed) -> str | None:
    """The side of the war a casualty figure counts on.

    Its place when said, else its group ("some 1,200 Israelis"), else its sentence's cues.
    """
    place = placed.place
    if place:
        return _PLACE_SIDES.get(place, placed.side)
    return _GROUP_SIDES.get(placed.figure.group or "", placed.side)


def _says_nothing_of_whom(placed: Sequence[_Placed]) -> bool:
    """True when no figure of a group has a noun or a group ("24" alone)."""
    return all(p.counted is None and p.figure.group is None for p in placed)


def _group_of(placed: Sequence[_Placed]) -> str | None:
    """The group a set of figures says it counts (the first one that says)."""
    return next((p.figure.group for p in placed if p.figure.group), None)


def _match_groups(
    measure: str,
    groups_a: Sequence[list[_Placed]],
    groups_b: Sequence[list[_Placed]],
    alignment: SentenceAlignment,
    *,
    days_apart: bool = False,
    linked: frozenset[tuple[int, int]] = frozenset(),
) -> list[tuple[int, int]]:
    """One-to-one matching of A's and B's groups of a measure, greedily by score.

    Reports of different days: two casualty counts of no running total and different values
    are two incidents unless their words say otherwise (`LATER_INCIDENT_THRESHOLD`).
    """
    # one count of the measure each (shares apart: "About 1.8 million people" and "roughly
    # 75% of the population" are two ways of one toll, not two tolls competing)
    units_a = [group[0].figure.unit for group in groups_a]
    units_b = [group[0].figure.unit for group in groups_b]
    scored: list[tuple[float, int, int]] = []
    for i, left in enumerate(groups_a):
        for j, right in enumerate(groups_b):
            unit = units_a[i]
            lone = 0.2 if units_a.count(unit) == 1 and units_b.count(unit) == 1 else 0.0
            score = _group_score(measure, left, right, alignment, linked)
            if score is None or score + lone < PAIR_THRESHOLD:
                continue
            if (
                days_apart
                and measure in CASUALTY_MEASURES
                and score + lone < LATER_INCIDENT_THRESHOLD
                and not any(p.scope == "total" or p.total for p in (*left, *right))
                and not any(
                    _overlap(a.figure, b.figure) and not _vague(a.figure) and not _vague(b.figure)
                    for a in left
                    for b in right
                )
                and all(p.figure.bounds[1] < WAR_TOLL_FLOOR for p in (*left, *right))
            ):
                continue
            if (
                measure in CASUALTY_MEASURES
                and score + lone < VAGUE_APART_THRESHOLD
                and (all(_vague(p.figure) for p in left) or all(_vague(p.figure) for p in right))
                and not any(_overlap(a.figure, b.figure) for a in left for b in right)
            ):
                continue
            scored.append((score + lone, i, j))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    pairs: list[tuple[int, int]] = []
    used_a: set[int] = set()
    used_b: set[int] = set()
    for _, i, j in scored:
        if i not in used_a and j not in used_b:
            pairs.append((i, j))
            used_a.add(i)
            used_b.add(j)
    return pairs


def _vague(figure: Figure) -> bool:
    """A number in words of no value ("dozens", "hundreds").

    Its interval overlaps too much to say one incident ("killing dozens of people" on Friday
    and "at least 27" on Saturday).
    """
    return figure.value is None and not any(c.isdigit() for c in figure.text)


def _difference(a: Sequence[Figure], b: Sequence[Figure]) -> float | None:
    """B - a for the first single values of each side, when they differ."""
    value_a = next((f.value for f in a if f.value is not None), None)
    value_b = next((f.value for f in b if f.value is not None), None)
    if value_a is None or value_b is None or value_a == value_b:
        return None
    return value_b - value_a


def _row(
    measure: str,
    a: Sequence[_Placed],
    b: Sequence[_Placed],
    dates: tuple[date | None, date | None],
) -> FigureRow:
    """Build one row of the figure table."""
    figures_a = tuple(p.figure for p in a)
    figures_b = tuple(p.figure for p in b)
    named = measure if not measure.startswith(_COUNTED_PREFIX) else None
    running = measure not in _BATCH_MEASURES or any(p.total for p in (*a, *b))
    status, note = figures_status(named, figures_a, figures_b, dates, running=running)
    differs = status in (FigureStatus.DIFFER, FigureStatus.UPDATED, FigureStatus.CONSISTENT)
    everyone = (*figures_a, *figures_b)
    return FigureRow(
        named,
        figures_a,
        figures_b,
        status,
        _difference(figures_a, figures_b) if differs else None,
        group=next((f.group for f in everyone if f.group), None),
        place=next((f.place for f in everyone if f.place), None),
        note=note,
        counted=None if named else measure.removeprefix(_COUNTED_PREFIX),
    )


def pair_figures(a: Article, b: Article, alignment: SentenceAlignment) -> tuple[FigureRow, ...]:
    """Pair the figures of two articles by measure and event.

    Args:
        a: Article A (its `figures` carry the measures).
        b: Article B.
        alignment: The sentence alignment of A and B (gives each figure's sentence).

    Returns:
        Rows in A's reading order; rows only in B follow in B's order.
    """
    placed_a = _place(a, "a", alignment)
    placed_b = _place(b, "b", alignment)
    dates = (a.published, b.published)
    measures = sorted({p.key for p in (*placed_a, *placed_b) if p.key})
    keyed: list[tuple[tuple[int, int, int], FigureRow]] = []
    alone: dict[str, tuple[list[list[_Placed]], list[list[_Placed]]]] = {}
    """Each measure's groups left without a partner, A's and B's."""
    loose: list[tuple[int, list[_Placed]]] = []
    """Groups without a measure left without a partner, with their side (0 for A)."""
    grouped = {
        measure: (
            _group(measure, [p for p in placed_a if p.key == measure]),
            _group(measure, [p for p in placed_b if p.key == measure]),
        )
        for measure in measures
    }
    days_apart = None not in dates and dates[0] != dates[1]
    matched = {
        measure: _match_groups(measure, *grouped[measure], alignment, days_apart=days_apart)
        for measure in measures
    }
    for measure in measures:
        groups_a, groups_b = grouped[measure]
        pairs = matched[measure]
        linked = _linked_sentences(grouped, matched, measure)
        if linked and len(pairs) < min(len(groups_a), len(groups_b)):
            pairs = _match_groups(
                measure, groups_a, groups_b, alignment, days_apart=days_apart, linked=linked
            )
        paired_a = {i for i, _ in pairs}
        paired_b = {j for _, j in pairs}
        for i, j in pairs:
            row = _row(measure, groups_a[i], groups_b[j], dates)
            keyed.append((_position(0, groups_a[i]), row))
        left_a = [group for i, group in enumerate(groups_a) if i not in paired_a]
        left_b = [group for j, group in enumerate(groups_b) if j not in paired_b]
        if measure.startswith(_COUNTED_PREFIX):
            loose += [(0, group) for group in left_a] + [(1, group) for group in left_b]
        else:
            alone[measure] = (left_a, left_b)
    # A figure without a measure that states the very number of a figure alone on the other
    # side, counting the same people ("1,200 people" twice, one read as killed): one count.
    for side, group in loose:
        found = _measured_partner(side, group, alone)
        if found is not None:
            measure, other = found
            pair = (group, other) if side == 0 else (other, group)
            keyed.append((_position(0, pair[0]), _row(measure, pair[0], pair[1], dates)))
    # figures without a measure show only when the other report has them
    for measure, (left_a, left_b) in alone.items():
        keyed += [(_position(0, group), _row(measure, group, (), dates)) for group in left_a]
        keyed += [(_position(1, group), _row(measure, (), group, dates)) for group in left_b]
    keyed.sort(key=lambda item: item[0])
    return tuple(row for _, row in keyed)


def _linked_sentences(
    grouped: dict[str, tuple[list[list[_Placed]], list[list[_Placed]]]],
    matched: dict[str, list[tuple[int, int]]],
    measure: str,
) -> frozenset[tuple[int, int]]:
    """The (A, B) sentence pairs holding paired casualty figures of the other measures.

    Only casualty measures link ("12 killed and 75 injured"): a release and a toll in one
    sentence are not one event's two counts.
    """
    if measure not in CASUALTY_MEASURES:
        return frozenset()
    linked: set[tuple[int, int]] = set()
    for other, pairs in matched.items():
        if other == measure or other not in CASUALTY_MEASURES:
            continue
        groups_a, groups_b = grouped[other]
        for i, j in pairs:
            linked.update(
                (a.sentence, b.sentence)
                for a in groups_a[i]
                for b in groups_b[j]
                if a.sentence is not None and b.sentence is not None
            )
    return frozenset(linked)


def _measured_partner(
    side: int,
    group: Sequence[_Placed],
    alone: dict[str, tuple[list[list[_Placed]], list[list[_Placed]]]],
) -> tuple[str, list[_Placed]] | None:
    """The other side's lone group with a measure that `group` (without one) also counts.

    Both state the same single value of at least `SAME_VALUE_FLOOR` with the same counted
    class, and the pair is compatible under that measure (place, group, side). The partner
    found is taken out of `alone`.
    """
    for measure, lone in alone.items():
        others = lone[1 - side]
        for index, other in enumerate(others):
            for mine in group:
                value = mine.figure.value
                if value is None or value < SAME_VALUE_FLOOR:
                    continue
                for theirs in other:
                    if theirs.figure.value != value or theirs.counted != mine.counted:
                        continue
                    a, b = (mine, theirs) if side == 0 else (theirs, mine)
                    if _compatible(measure, a, b):
                        del others[index]
                        return measure, other
    return None


def _position(side: int, group: Sequence[_Placed]) -> tuple[int, int, int]:
    """Sort key: A rows first in A order, then B-only rows in B order."""
    return (side, *group[0].figure.position)
