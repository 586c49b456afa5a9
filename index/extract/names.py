"""Names the gazetteer cannot know, recognised in one text from the text's own cues.

A run of capitalised words ("Mohammed Abu Selmia", "General Authority for Crossings and
Borders") is a name only when something says so (the cue words are in
`index.extract.name_cues`):

- **Organisations**: a head noun (Ministry, University, Committee, Council, Police, Agency,
  Authority, Forces, Union, Court, Programme …) with at least one more word ("Far Western
  University", "Ministry of Foreign Affairs"); a lower-case head after a country or demonym
  ("Thai foreign ministry", "Thailand's foreign ministry", "the Nepali embassy"), named after
  the state's demonym ("Thai Foreign Ministry") with the state as its affiliation; a run of
  capitalised words whose initials a following "(CPJ)" spells ("Committee to Protect
  Journalists (CPJ)"). An acronym defined after an organisation names it.
- **People**: a title, role or kinship word before the name ("Prime Minister Srettha
  Thavisin", "Dr Ashraf al-Qudra", "spokesman Mahmoud Basal", "her brother Mukesh",
  "27-year-old Rajesh Kumar Swarnakar", "another doctor, Faisal Siyam,"), or a byline ("By
  Joe Federman", "Additional reporting by Phanindra Dahal"). Two words or more may also be
  shown by what follows them: an age or apposition ("Nurit Cooper, 79,", "Adi Marciano, her
  mother, said", "Mohammed Zaqout, the head of …") or a speech verb ("Udomporn Champahom
  told the BBC"): such weaker names are checked against the article's common words by
  `index.extract.name_links`. The affiliation is the state or organisation in the cue
  ("Thailand's labour minister X" -> Thailand).
- Everything else capitalised (sentence-initial words, Title Case headlines, names seen
  without a cue) is kept as **bare words**: `index.extract.name_links` makes them mentions
  only when they repeat a name the article gives in full ("Sharone", "Yocheved Lifschitz").

Words the gazetteer reads are never part of a new person's name; a new organisation may
contain a state, place or organisation ("Israeli Foreign Ministry") and replaces it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from enum import Enum
from functools import lru_cache
from typing import NamedTuple

from index.extract.candidates import Candidate, FormRole
from index.extract.counted import HEAD_NOUNS
from index.extract.gazetteer import Gazetteer
from index.extract.name_cues import (
    GENERIC_OFFICE,
    HONORIFICS,
    KIN_WORDS,
    MEDIA_WORDS,
    NOT_NAMES,
    OFFICE_WORDS,
    ORG_HEADS,
    ROLE_WORDS,
    TITLE_MODIFIERS,
    TITLES,
)
from index.extract.word_trie import trie_pattern
from index.models import MentionKind
from index.text.attribution import SPEECH_VERBS
from index.text.stopwords import STOP_WORDS

_UPPER = "A-ZÀ-ÖØ-ÞĀ-ſ"
_LOWER = "a-zß-öø-ÿĀ-ſ"
_AFTER_CAPITAL = (
    rf"(?:[{_LOWER}]|['’](?=[{_UPPER}]))\w*(?:['’](?!s\b)\w+)*(?:-\w+)*"
    # An abbreviation's full stop: the look-ahead spares the look-behinds after most words.
    r"(?:(?=\.)(?:(?<=\b(?:Dr|Mr|Ms|Lt|St|Jr|Sr))\.|(?<=\b(?:Mrs|Gen|Col|Maj|Sgt|Rep|Sen|Gov"
    r"|Rev|Adm))\.|(?<=\b(?:Prof|Capt|Brig|Cmdr|Cllr))\.))?"
)
_FIRST_WORD = rf"[{_UPPER}]{_AFTER_CAPITAL}"
"""A capitalised word ("Abu-Sittah", "O'Brien", "Dr.")."""
_WORD = (
    rf"(?:{_FIRST_WORD}|(?:al|el|ad|an|ar|as|ash|at|az|ul)-[{_UPPER}]\w*(?:-\w+)*"
    rf"|[{_UPPER}]\.(?=\s+[{_UPPER}]))"
)
"""A word inside a name: capitalised, "al-Qudra", or a middle initial ("Joseph R. Biden")."""
_JOINERS = frozenset(
    """of for the and to on de du des bin bint ibn abu da di del della van von der den le la
    al el &""".split()  # noqa: SIM905
)
_BREAKS = frozenset({"of", "for", "the", "and", "to", "on", "&"})
"""Joiners that end a person's name ("Smith of Reuters", "Biden and Netanyahu")."""
_STATE_INITIALS = rf"(?:(?<=U)(?:\.S\.|\.K\.|S|K)|(?<=E)U)(?=\s+[{_UPPER}][{_LOWER}])"
"""After its first capital, a state's initials before a capitalised word ("U.S. Embassy",
"US Consulate")."""
_CHUNK = re.compile(
    # One capital first, then the rest of a word or of initials: a pattern that starts with
    # one character class lets the regex engine skip to the next capital in C.
    rf"[{_UPPER}](?:{_AFTER_CAPITAL}|{_STATE_INITIALS})"
    rf"(?:\s+(?:(?:{'|'.join(sorted(_JOINERS))})\s+){{0,3}}{_WORD})*"
)
"""A run of capitalised words, with the joiners of names between them; it starts with a
capital letter so that the scan skips the rest fast (a run inside a word is dropped)."""
_INSIDE_A_WORD = "'’.-_"
_TOKEN = re.compile(r"\S+")
_NOT_A_NAME_WORD = re.compile(r"\d|-[a-z]")
"""Digits, or a hyphen before a lower-case word ("Republican-controlled", "27-year-old")."""

_LOWER_HEADS = re.compile(
    r"(?:['’]s?)?\s+((?:(?!(?:the|a|an|and|or|of|to|in|on|for|with|said|says|has|had|was"
    r"|is|who|that|which|its)\b)[a-z]+\s+){0,2}?(?:ministry|embassy|consulate|parliament"
    r"|foreign\s+office))\b"
)
_LOWER_HEAD_WORDS = ("ministry", "embassy", "consulate", "parliament", "office")
_CUE_WORDS = ROLE_WORDS | KIN_WORDS
_ROLES = trie_pattern(_CUE_WORDS)
_BY_WORDS = frozenset(
    """reporting writing editing reported written edited compiled contributed contributions
    photograph photographs interviewed""".split()  # noqa: SIM905
)
_BEFORE_BY_OR_AS = _BY_WORDS | {"named", "identified"}
"""Words before "by" or "as" that make a byline of them ("reporting by", "named as")."""
_SAID_WORDS = frozenset({"said", "says", "added", "wrote"})
_SPEECH_WORDS = frozenset(SPEECH_VERBS.split("|")) | frozenset(
    """recounted recalled testified asked replied explained described continued admitted
    acknowledged stressed urged argued noted felt hoped wrote posted tweeted insisted recalls
    remembers remembered contributed""".split()  # noqa: SIM905
)
"""Verbs after a name that make it a speaker ("X told the BBC")."""
_AND_SPEAKER = re.compile(
    r"\s+and\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,2}\s+(?:said|says|told|added|contributed"
    r"|reported|wrote)\b"
)
"""A second full name and a speech verb after a name: both are speakers."""
_ADVERBS = frozenset(
    ["also", "then", "later", "has", "had", "have", "previously", "once", "earlier"]
)
_ALONE_SPEECH = frozenset(
    """said says told wrote added tweeted posted announced recalled recounted explained
    insisted replied asked""".split()  # noqa: SIM905
)
_ALONE_ADVERBS = ("has", "had", "also", "then", "later", "previously", "earlier", "once")
_VERB_AHEAD = re.compile(
    rf" \s*(?:(?:{trie_pattern(_ADVERBS.union(_ALONE_ADVERBS))})\s+)?"
    rf"(?:{trie_pattern(_SPEECH_WORDS | _ALONE_SPEECH)})"
)
"""What must follow a run for a speech verb to come after it (`_speaks_alone`,
`_weak_cue_after`): most runs fail it at their next letter, before any slicing."""
_WEAK_AFTER_HINT = re.compile(rf"[,('’]| [-–—]| and |{_VERB_AHEAD.pattern}")
"""What must follow a run for `_weak_cue_after` to find an age, apposition or verb."""
_NEVER_ALONE = NOT_NAMES | TITLES | ORG_HEADS | TITLE_MODIFIERS
"""Words that, alone, name nobody."""
_TITLES_AND_HEADS = TITLES | ORG_HEADS
_CUES_INSIDE = _TITLES_AND_HEADS | {"By"}
_NEVER_IN_A_NAME = NOT_NAMES | TITLES | ORG_HEADS
_ALONE_NOTHING = _NEVER_ALONE | {word.capitalize() for word in STOP_WORDS}
"""Runs of one word that name nobody whatever surrounds them ("The", "But", "Monday")."""
_NOT_ORGANISATIONS = frozenset(
    [
        "Law",
        "Laws",
        "Act",
        "Treaty",
        "Convention",
        "Charter",
        "Protocol",
        "Index",
        "Syndrome",
        "Disorder",
    ]
)
"""Last words of what an acronym may stand for that is no organisation (a law, a treaty)."""
_PREPOSITIONS = frozenset({"of", "to", "for", "at"})
"""Between a role and a comma before a name: "the ambassador to the UN, X"."""

_AGE_AFTER = re.compile(
    r",\s+(?:aged\s+)?\d{1,3}(?=\s*[,.;)]|\s+(?:and|who|was|is|were|are|from|of)\b)"
    r"|\s+\(\d{1,3}\)"
)
_APPOSITION_AFTER = re.compile(
    r"(?:,|\s+[-–—])\s+(?:(?:a|an|the|his|her|their|its|our|my|one|another)\s+"
    r"(?:[\w'’.-]+\s+){0,4}?"
    rf"|(?-i:[a-z][\w'’-]*\s+){{0,2}}?)(?:{_ROLES})s?\b|,\s+(?:who|whose)\b"
    # "Jojo Sugarman, from the Oxford Israel Society, told the BBC"
    r"|,\s+from\s+(?:the\s+)?(?-i:[A-Z])[^,.;]{1,60},\s+(?:(?:which|who)\s[^.;]{0,80}?,\s+)?"
    r"(?:said|says|told|added)\b",
    re.IGNORECASE,
)
_BYLINE_START = re.compile(r"[\s\-—–:|]*\Z")
_CREDIT_AFTER = re.compile(r"\s*/")
_ACRONYM_AFTER = re.compile(r"\s*\(([A-Z][A-Za-z&]*[A-Z])\)")
_NOUN_PHRASE = re.compile(r"(?:['’]s?)?((?:\s+[\w'’-]+)*?),?\s*")
"""What may stand between a party and the name it describes: words, a comma at the end."""
_POSSESSIVE_BEFORE = re.compile(r"['’]s?\s+\Z")
"""A possessive before a name, which an outlet's name owns: "NPR's Michele Kelemen"."""
_PROGRAMME_AFTER = re.compile(
    r"\s+(?:programmes?|programs?|shows?|podcasts?|series|documentary)\b|\s*[—–:|]"
)
"""An outlet's programme or column, not a person: "the BBC's Good Morning Ulster programme",
"The Hill's Morning Report — This week's focus"."""
_GROUP_NOUNS = HEAD_NOUNS | frozenset(
    ["friends", "supporters", "veterans", "allies", "alumni", "mothers", "fathers"]
)
"""Words of a group's name, never of a person's ("Glasgow Friends of Israel")."""
_FAMILY_AFTER = re.compile(
    rf"['’]s\s+(?:{trie_pattern(KIN_WORDS | {'family', 'children', 'parents', 'relatives'})}"
    r"|body|funeral|grave)\b"
)
"""A person's own family or body after a name: "Yousef al-Syersawi's family was displaced"."""
_SAID_AFTER_COMMA = (", said ", ", says ", ", told ")
"""A name in apposition before a speech verb: "Another man, Abdallah Al Bao, said"."""
_PREPOSITION_BEFORE = re.compile(r"\b(?:to|in|at|from|into|with)\s+(?:the\s+)?\Z")
_WINDOW = 48
_REACH = 160
"""How far back a capitalised run may start before the cue word inside or after it."""

_Token = tuple[int, int, Candidate | None]
"""A word of a chunk: its offsets, and the known candidate covering it (if any)."""


class _Run(NamedTuple):
    """What a run of capitalised words is by its text alone, whatever surrounds it."""

    words: tuple[str, ...]
    offsets: tuple[tuple[int, int], ...]
    """Each word's start and end in the run."""
    inside: bool
    """A head noun or a title among its words (`_Cues.inside`)."""


_UNSEEN = _Run((), (), inside=False)
"""A run text not in the table yet (None in it means: never a name)."""
_MAX_RUNS = 50_000
"""Run texts kept per gazetteer before the table starts afresh."""


@lru_cache(maxsize=8)
def _run_table(gazetteer: Gazetteer) -> dict[str, _Run | None]:
    """Run texts read so far with a gazetteer: the same runs recur ("The", "Reuters")."""
    return {}


def _remember_run(runs: dict[str, _Run | None], chunk: str, gazetteer: Gazetteer) -> _Run | None:
    """Read a run text into the table: None when its words alone name nobody.

    One word that never names ("The", "Monday"), or words the gazetteer, titles and
    never-names cover whatever their number ("Prime Minister Netanyahu").
    """
    if len(runs) >= _MAX_RUNS:
        runs.clear()
    words = tuple(chunk.split())
    run = None
    if chunk not in _ALONE_NOTHING and not _known_words(gazetteer).issuperset(words):
        offsets: list[tuple[int, int]] = []
        position = 0
        for word in words:
            begin = chunk.find(word, position)
            position = begin + len(word)
            offsets.append((begin, position))
        first = words[0]
        inside = not _CUES_INSIDE.isdisjoint(words) or (first[-1] == "s" and _plural_role(first))
        run = _Run(words, tuple(offsets), inside)
    runs[chunk] = run
    return run


def find_names(
    text: str, known: Sequence[Candidate], gazetteer: Gazetteer, *, headline: bool = False
) -> list[Candidate]:
    """The text's candidates: the gazetteer's, plus the names recognised from cues.

    Args:
        text: One paragraph or the title.
        known: The gazetteer candidates of `text` read in context, in order.
        gazetteer: For the states' demonyms and the gazetteer's own office names.
        headline: A Title Case headline: capitalisation says nothing there, so its
            capitalised words are only bare words (see the module docstring).

    Returns:
        All candidates in text order; a new organisation replaces the state, place or
        demonym candidates inside it ("Thai foreign ministry").
    """
    if headline:
        return list(known)
    found = _lower_head_orgs(text, known, gazetteer) if known else []
    added: list[Candidate] = []
    runs = _run_table(gazetteer)
    media_ends = {c.end for c in known if c.kind is MentionKind.MEDIA}
    for match in _CHUNK.finditer(text):
        chunk = match.group()
        run = runs.get(chunk, _UNSEEN)
        if run is _UNSEEN:
            run = _remember_run(runs, chunk, gazetteer)
        if run is None:
            continue
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in _INSIDE_A_WORD):
            continue
        end = match.end()
        words = run.words
        cues = _cues(text, start, end, run)
        if cues is None and media_ends and len(words) > 1 and words[0] not in ("The", "A"):
            possessive = _POSSESSIVE_BEFORE.search(text, max(0, start - 4), start)
            if (
                possessive is not None
                and possessive.start() in media_ends
                and _PROGRAMME_AFTER.match(text, end) is None
            ):
                cues = _Cues(False, False, False, True)  # "the BBC's Lucy Williamson"
        if cues is None:
            continue
        simple = _simple_organisation(text, start, end, words, found) if cues.inside else None
        if simple is not None:
            added.append(_owned_office(text, simple, found, gazetteer))
            continue
        tokens = _tokens(start, end, run, found)
        names = _read_chunk(text, tokens, found, gazetteer, cues)
        if names and _last_word(text, start).lower() in _COMPANY_NOUNS:
            names = [_as_company(name) for name in names]
        added.extend(names)
    merged = _merge(found, added) if added else found
    if "ministry" in text or "Ministry" in text:
        merged = _offices_with_their_place(text, merged, gazetteer)
    if "(" in text:
        merged = _with_acronyms(text, merged)
    if " X" in text:
        merged = _with_platform_x(text, merged)
    return merged


_PLATFORM_X_RE = re.compile(
    r"(?<=\bon )X\b(?=[,.;:)]| \(| said| post)|\bX\b(?=,? \(?formerly (?:known as )?Twitter)"
)
"""The social network X where the text says so: "posted on X, formerly Twitter", "wrote on
X." (a bare "X" elsewhere is a letter: "Malcolm X", "X-ray", "Generation X")."""


def _with_platform_x(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """The candidates with each mention of the social network X added."""
    added = [
        Candidate(m.start(), m.end(), "X", MentionKind.ORGANIZATION, None, FormRole.NAME)
        for m in _PLATFORM_X_RE.finditer(text)
        if not any(c.start < m.end() and m.start() < c.end for c in candidates)
    ]
    if not added:
        return candidates
    return sorted(candidates + added, key=lambda c: (c.start, -c.end))


_IN_PLACE_AFTER = re.compile(r" in (?:(?:Hamas|Israeli)[ -](?:run|governed|controlled|led) )?")
"""Between a ministry and its place: "the Ministry of Health in Hamas-run Gaza"."""


def _offices_with_their_place(
    text: str, candidates: list[Candidate], gazetteer: Gazetteer
) -> list[Candidate]:
    """A ministry written with its place is one mention.

    "Gaza's Hamas-run health ministry", "the Hamas-run Ministry of Health in Gaza": the place
    there is part of the name and locates no event.
    """
    out: list[Candidate] = []
    for candidate in candidates:
        if out and _is_ministry(text, candidate):
            owner = out[-1]
            if owner.kind in (MentionKind.PLACE, MentionKind.STATE) and text[
                owner.end : candidate.start
            ] in ("'s ", "’s "):
                # "Qatar's Ministry of Foreign Affairs" is Qatar's (`_owned_office`); a named
                # one ("Gaza's Hamas-run health ministry") keeps its name, with its place
                owned = _owned_office(text, candidate, [owner], gazetteer)
                out[-1] = owned if owned is not candidate else replace(candidate, start=owner.start)
                continue
        if out and candidate.kind is MentionKind.PLACE:
            office = out[-2] if len(out) > 1 and out[-1].party == "Hamas" else out[-1]
            between = _IN_PLACE_AFTER.fullmatch(text, office.end, candidate.start)
            if between is not None and _is_ministry(text, office):
                del out[out.index(office) + 1 :]
                out[-1] = replace(office, end=candidate.end)
                continue
        out.append(candidate)
    return out


def _is_ministry(text: str, candidate: Candidate) -> bool:
    """An organisation whose mention names a ministry ("Hamas-run Ministry of Health")."""
    return (
        candidate.kind is MentionKind.ORGANIZATION
        and "inistry" in text[candidate.start : candidate.end]
    )


class _Cues(NamedTuple):
    """What surrounds a run of capitalised words."""

    inside: bool
    """A head noun or a title among its words ("Ministry", "President")."""
    strong_before: bool
    """A role, kinship word, age or byline before it ("spokesman", "her brother")."""
    weak_before: bool
    """ "said" or "according to" before it."""
    weak_after: bool
    """An age, an apposition or a speech verb after it ("X, 85,", "X told")."""


def _cues(text: str, start: int, end: int, run: _Run) -> _Cues | None:
    """What could make the run a name (`_person` and `_organisation` decide), or None."""
    words, inside = run.words, run.inside
    first = words[0]
    strong_before = weak_before = False
    # The word before the run (with its trailing punctuation), as `_last_word` reads it.
    before = text[max(0, start - 40) : start].rsplit(None, 1) if start else None
    if before:
        word = before[-1]
        cue = _before_cue(word)
        strong_before = (
            cue is _BeforeCue.CUE
            or (word[-1] == "," and _role_before_comma(text, start))
            or ((cue is _BeforeCue.BY_OR_AS or first == "By") and _byline(text, start, cue, first))
        )
        weak_before = word in _SAID_WORDS or (
            word == "to" and text[max(0, start - 13) : start].startswith("according")
        )
    elif first == "By" and len(words) > 1:
        strong_before = True
    if len(words) > 1 and text[start - 1 : start] == "(" and text.startswith("/", end):
        strong_before = True  # a photo credit: "(Samar Abu Elouf/The New York Times)"
    # The cheap regexes first: most runs are followed by neither a verb nor an apposition.
    if len(words) == 1:
        weak_after = False
        if (
            not inside
            and _VERB_AHEAD.match(text, end) is not None
            and _speaks_alone(text, start, end, first)
        ):
            strong_before = True  # "…," Tajani wrote; Rutte said he had spoken with Netanyahu
    else:
        weak_after = (
            not inside
            and _WEAK_AFTER_HINT.match(text, end) is not None
            and _weak_cue_after(text, start, end)
        )
    if not (inside or strong_before or weak_before or weak_after):
        return None
    return _Cues(inside, strong_before, weak_before, weak_after)


class _BeforeCue(Enum):
    """What the word before a run says by itself (`_cues` adds what its context says)."""

    NONE = 0
    CUE = 1
    """A role, kinship word or age ("spokesman", "brother,", "27-year-old")."""
    BY_OR_AS = 2
    """ "by" or "as": a byline when the word before it says so ("reporting by X")."""


@lru_cache(maxsize=4096)
def _before_cue(word: str) -> _BeforeCue:
    """The cue of the word before a run, cached: few distinct words stand before runs."""
    low = word.rstrip(",").lower()
    if _cue_word(low.rpartition("-")[2]) or low.endswith("-year-old"):
        return _BeforeCue.CUE
    return _BeforeCue.BY_OR_AS if low in ("by", "as") else _BeforeCue.NONE


_NOBODY = frozenset(
    """Everyone Everybody Someone Somebody Anyone Anybody Nobody No-one Noone Each Both
    Neither Either All Many Most Few Several Others Another Somebody Whoever Officials
    Authorities Police Spokesman Spokeswoman Witnesses""".split()  # noqa: SIM905
)
"""Sentence-initial words before "said" that are nobody's name."""
_CAMEL_CASE = re.compile(r"[a-z][A-Z]")
_NAME_PREFIXES = ("Mc", "Mac", "De", "Di", "Da", "La", "Le", "Van", "Von", "Al", "El")
_SENTENCE_START = re.compile(r"(?:^|[.!?][\"”’']?\s+|[\"“‘]\s*)$")


def _speaks_alone(text: str, start: int, end: int, word: str) -> bool:
    """A lone surname that speaks: "Blair said", "…,’ Tajani wrote" (not "Officials said").

    Not an acronym or a word with digits; a sentence's first word may be any capitalised
    noun, so there a plural ("Witnesses said") is no name.
    """
    if _VERB_AHEAD.match(text, end) is None:
        return False
    following = text[end + 1 : end + 40].split(maxsplit=2)
    if not following:
        return False
    verb = following[0]
    if verb in _ALONE_ADVERBS:
        verb = following[1] if len(following) > 1 else ""
    if verb.rstrip(",.;:") not in _ALONE_SPEECH:
        return False  # the cheap test first: most capitalised words are followed by no verb
    if (
        word.isupper()
        or word in _NOBODY
        or word.lower() in HEAD_NOUNS
        or _NOT_A_NAME_WORD.search(word)
        or (_CAMEL_CASE.search(word) and not word.startswith(_NAME_PREFIXES))
        or _plural_role(word)
    ):
        return False
    before = _last_word(text, start)
    if before.lower() == "the" or (before[:1].isupper() and not before.endswith((",", "."))):
        return False  # "the Met said"; "BBC Verify has asked": part of a longer name
    initial = _SENTENCE_START.search(text, max(0, start - 4), start) is not None
    return not (initial and word.endswith("s"))


def _byline(text: str, start: int, cue: _BeforeCue, first: str) -> bool:
    """A byline before the name: "reporting by X", "named as X", "— By X"."""
    if cue is _BeforeCue.BY_OR_AS:
        previous = text[max(0, start - 30) : start].lower().split()[-2:-1]
        return bool(previous) and previous[0] in _BEFORE_BY_OR_AS
    return first == "By" and _BYLINE_START.match(text[:start]) is not None


def _last_word(text: str, start: int) -> str:
    """The word before `start` (with its trailing punctuation), or ""."""
    words = text[max(0, start - 40) : start].rsplit(None, 1)
    return words[-1] if words and start else ""


def _chunk_ending(text: str, end: int) -> tuple[int, int] | None:
    """The run of capitalised words that ends at `end` (before a comma or a verb)."""
    word_start = max(text.rfind(" ", 0, end), text.rfind("\n", 0, end)) + 1
    if not text[word_start : word_start + 1].isupper():
        return None
    for match in _CHUNK.finditer(text, _run_start(text, word_start), end):
        if match.end() == end:
            return _whole_word_span(text, match.start(), end)
    return None


def _run_start(text: str, position: int) -> int:
    """Where to look for the run that holds `position` from: a word start before it."""
    begin = max(0, position - _REACH)
    if begin:
        space = text.find(" ", begin, position)
        begin = position if space < 0 else space + 1
    return begin


def _whole_word_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span, unless it starts inside a word ("eBay" is no run "Bay")."""
    if start and (text[start - 1].isalnum() or text[start - 1] in _INSIDE_A_WORD):
        return None
    return start, end


def _simple_organisation(
    text: str, start: int, end: int, words: Sequence[str], found: Sequence[Candidate]
) -> Candidate | None:
    """The common organisation, read fast ("Texaco Inc", "Far Western University").

    Capitalised words ending with a head noun, nothing known inside; None for anything else.
    """
    if words[-1] not in ORG_HEADS or len(words) < 2 or not _JOINERS.isdisjoint(words):
        return None
    if any(c.start < end and c.end > start for c in found):
        return None
    skipped = 0
    while skipped < len(words) - 1 and (
        words[skipped].lower() in STOP_WORDS or words[skipped] in HONORIFICS
    ):
        skipped += 1
    if len(words) - skipped < 2 or not _TITLES_AND_HEADS.isdisjoint(words[skipped:-1]):
        return None
    if _CREDIT_AFTER.match(text, end):
        return None
    first = text.find(words[skipped], start) if skipped else start
    name = " ".join(words[skipped:])
    return Candidate(first, end, name, _org_kind(words), None, FormRole.FULL_NAME)


_COMPANY_NOUNS = frozenset(
    """company firm operator provider carrier charity group organisation organization
    network broadcaster manufacturer contractor startup ngo""".split()  # noqa: SIM905
)
"""A common noun right before a name that makes the name an organisation's ("the
telecommunications company Paltel said")."""


def _as_company(name: Candidate) -> Candidate:
    """A one-word person read from a speech verb after a company noun is the company."""
    if name.kind is not MentionKind.PERSON or " " in name.party:
        return name
    return replace(name, kind=MentionKind.ORGANIZATION, affiliation=None)


def _owned_office(
    text: str, office: Candidate, found: Sequence[Candidate], gazetteer: Gazetteer
) -> Candidate:
    """A state's generic office named with its possessive ("Thailand's Foreign Ministry").

    It is the Thai Foreign Ministry (affiliation Thailand), not Thailand and a "Foreign
    Ministry" shared by every state.
    """
    at = office.start
    if at < 3 or text[at - 3 : at] not in ("'s ", "’s ") or not _generic(office.party.split()):
        return office
    owner = next(
        (c for c in found if c.end == at - 3 and c.kind in (MentionKind.STATE, MentionKind.PLACE)),
        None,
    )
    if owner is None:
        return office
    if owner.kind is MentionKind.PLACE:  # "Gaza's Interior Ministry": the place as written
        written = text[owner.start : owner.end]
        return Candidate(
            owner.start, office.end, f"{written} {office.party}", office.kind, None, office.role
        )
    name = f"{_demonym(owner, gazetteer)} {office.party}"
    known = gazetteer.surfaces.get(name)
    if known is not None:  # the gazetteer's own name for it
        entry = gazetteer.entry(known)
        return Candidate(
            owner.start, office.end, entry.name, entry.kind, entry.affiliation, office.role
        )
    return Candidate(owner.start, office.end, name, office.kind, owner.party, office.role)


def _org_kind(words: Sequence[str]) -> MentionKind:
    """A new organisation is a news outlet when its name says so ("… Broadcasting …")."""
    return MentionKind.ORGANIZATION if MEDIA_WORDS.isdisjoint(words) else MentionKind.MEDIA


def _tokens(start: int, end: int, run: _Run, found: Sequence[Candidate]) -> list[_Token]:
    """The words of a run at `start`, with their offsets and the candidate covering each."""
    inside = [c for c in found if c.start < end and c.end > start]
    if not inside:
        return [(start + begin, start + stop, None) for begin, stop in run.offsets]
    tokens: list[_Token] = []
    for begin, stop in run.offsets:
        begin += start
        stop += start
        covering = None
        for candidate in inside:
            if candidate.start < stop and candidate.end > begin:
                covering = candidate
                break
        tokens.append((begin, stop, covering))
    return tokens


def _role_before_comma(text: str, start: int) -> bool:
    """A role, then a comma before the name ("another doctor, X", "the envoy to the UN, X")."""
    before = text[max(0, start - _WINDOW) : start].split()
    if not before or not before[-1].endswith(","):
        return False
    if _cue_word(before[-1][:-1].lower()):
        return True  # "another doctor, X"; "Two Israeli reporters, X and Y"
    for index in range(len(before) - 2, max(0, len(before) - 7), -1):
        if before[index].lower() in _PREPOSITIONS and before[index - 1].lower() in _CUE_WORDS:
            return True
    return False


def _weak_cue_after(text: str, start: int, end: int) -> bool:
    """An age, apposition or speech verb after a name: "X, 85,", "X, her mother,", "X told"."""
    after = text[end : end + 1]
    if after in (",", "("):
        return (
            _AGE_AFTER.match(text, end) is not None
            or _APPOSITION_AFTER.match(text, end) is not None
            or (
                text.startswith(_SAID_AFTER_COMMA, end)
                and _PREPOSITION_BEFORE.search(text, max(0, start - 10), start) is None
            )  # not "who lives in Mill Hill, told"
        )
    if after in ("'", "’"):
        return _FAMILY_AFTER.match(text, end) is not None  # "Yousef al-Syersawi's family"
    if after != " ":
        return False
    if text.startswith((" -", " –", " —"), end):
        return _APPOSITION_AFTER.match(text, end) is not None
    if text.startswith(" and ", end):  # "Eve Guterman and Alon Avital contributed"
        return _AND_SPEAKER.match(text, end) is not None
    if _VERB_AHEAD.match(text, end) is None:
        return False
    following = text[end + 1 : end + 40].split(maxsplit=2)
    if not following:
        return False
    verb = following[0].rstrip(",.;:")
    if verb in _ADVERBS and len(following) > 1:
        verb = following[1].rstrip(",.;:")
    return verb in _SPEECH_WORDS


def _merge(found: list[Candidate], added: list[Candidate]) -> list[Candidate]:
    """The candidates with the new names; a new organisation absorbs the ones inside it."""
    absorbed = {
        id(c)
        for new in added
        if new.role is not FormRole.BARE_WORDS
        for c in found
        if c.start >= new.start and c.end <= new.end
    }
    merged = [c for c in found if id(c) not in absorbed] + added
    merged.sort(key=lambda c: (c.start, -c.end))
    return merged


def _lower_head_orgs(
    text: str, known: Sequence[Candidate], gazetteer: Gazetteer
) -> list[Candidate]:
    """Replace "Thai" in "Thai foreign ministry" (or "Thailand's …") by the ministry."""
    if not known or not any(head in text for head in _LOWER_HEAD_WORDS):
        return list(known)
    out: list[Candidate] = []
    for number, candidate in enumerate(known):
        match = (
            _LOWER_HEADS.match(text, candidate.end)
            if candidate.kind in (MentionKind.STATE, MentionKind.PLACE)
            else None
        )
        following = known[number + 1] if number + 1 < len(known) else None
        if match is None or (following is not None and following.start < match.end()):
            out.append(candidate)
            continue
        phrase = " ".join(match.group(1).split())
        written = text[candidate.start : candidate.end]
        name, kind, affiliation = _office_name(written, phrase, candidate, gazetteer)
        out.append(
            Candidate(candidate.start, match.end(), name, kind, affiliation, FormRole.FULL_NAME)
        )
    return out


def _office_name(
    written: str, phrase: str, state: Candidate, gazetteer: Gazetteer
) -> tuple[str, MentionKind, str | None]:
    """The name of a state's office.

    The gazetteer's when it has one ("Gaza health ministry"), else the state's demonym and
    the office title-cased ("Thai Foreign Ministry").
    """
    for form in (f"{written} {phrase}", f"{written} {phrase.title()}"):
        party = gazetteer.surfaces.get(form)
        if party is not None:
            entry = gazetteer.entry(party)
            return entry.name, entry.kind, entry.affiliation
    affiliation = state.party if state.kind is MentionKind.STATE else None
    return f"{_demonym(state, gazetteer)} {phrase.title()}", MentionKind.ORGANIZATION, affiliation


def _demonym(party: Candidate, gazetteer: Gazetteer) -> str:
    """The usual demonym of a state ("Thai"), else its name ("Gaza").

    "US" for the United States, as its offices are named ("US Embassy").
    """
    if party.party == "United States":
        return "US"
    demonyms = gazetteer.demonyms_of(party.party)
    return demonyms[0] if demonyms else party.party


def _read_chunk(
    text: str,
    tokens: list[_Token],
    known: Sequence[Candidate],
    gazetteer: Gazetteer,
    cues: _Cues,
) -> list[Candidate]:
    """The names in one run of capitalised words (see the module docstring)."""
    if not tokens or (len(tokens) == 1 and tokens[0][2] is not None):
        return []
    found = _organisation(text, tokens, gazetteer) if cues.inside else None
    if found is not None:
        organisation, first, last = found
        before = tokens[:first]
        while before and text[before[-1][0] : before[-1][1]] in _JOINERS:
            before.pop()
        after = tokens[last + 1 :]
        while after and text[after[0][0] : after[0][1]] in _JOINERS:
            after.pop(0)
        return [
            *_read_chunk(text, before, known, gazetteer, cues._replace(weak_after=False)),
            organisation,
            *_read_chunk(text, after, known, gazetteer, _Cues(True, False, False, cues.weak_after)),
        ]
    names: list[Candidate] = []
    carried = cues.strong_before
    segments = _segments(text, tokens)
    for number, segment in enumerate(segments):
        weak = (number == 0 and cues.weak_before) or (
            number == len(segments) - 1 and cues.weak_after
        )
        if not weak and cues.weak_after and number == len(segments) - 2 and len(segment) > 1:
            # "Eve Guterman and Alon Avital contributed": both full names speak; "Khamis
            # al-Burdainy of Gaza City said": the name before a known place speaks
            final = segments[-1]
            joiner = text[segment[-1][1] : final[0][0]].strip()
            weak = (joiner == "and" and len(final) > 1) or (
                joiner in ("of", "from")
                and all(token[2] is not None for token in final)
                and _personal(text, segment)
            )
        person, carried = _person(text, segment, known, carried, weak, gazetteer)
        if person is not None:
            names.append(person)
    return names


def _personal(text: str, segment: list[_Token]) -> bool:
    """Words that can be a person's name: no "the" before, no people noun ("Glasgow Friends")."""
    if _last_word(text, segment[0][0]).lower() == "the":
        return False
    return not any(text[a:b].lower() in _GROUP_NOUNS for a, b, _c in segment)


def _organisation(
    text: str, tokens: list[_Token], gazetteer: Gazetteer
) -> tuple[Candidate, int, int] | None:
    """An organisation named by a head noun, its modifiers and its "of …" complement.

    Returns it with the indexes of its first and last token, or None.
    """
    words = [text[s:e] for s, e, _ in tokens]
    covered = [c for _, _, c in tokens]
    for head, word in enumerate(words):
        if word in ORG_HEADS and covered[head] is None:
            break
    else:
        return None
    if _CREDIT_AFTER.match(text, tokens[-1][1]):
        return None
    first = head
    named_after = words[head] in _NAMED_AFTER_HEADS  # "Al-Rantisi Paediatric Hospital"
    while (
        first > 0
        and words[first - 1] not in _JOINERS
        and (_org_word(covered[first - 1]) or (named_after and _named_after(covered[first - 1])))
    ):
        first -= 1
    while first < head and (words[first].lower() in STOP_WORDS or words[first] in HONORIFICS):
        first += 1
    last = _complement_end(words, covered, head)
    if first == last:
        return None
    start, end = tokens[first][0], tokens[last][1]
    inside = [c for c in covered[first : last + 1] if c is not None]
    if inside and inside[0].start <= start and inside[0].end >= end:
        return None
    name = " ".join(words[first : last + 1])
    affiliation = next((c.party for c in inside if c.kind is not MentionKind.PLACE), None)
    leading = covered[first]
    if leading is not None and _generic(words[first + 1 : last + 1]):
        name = " ".join([_demonym(leading, gazetteer), *words[first + 1 : last + 1]])
    kind = _org_kind(words[first : last + 1])
    candidate = Candidate(start, end, name, kind, affiliation, FormRole.FULL_NAME)
    return candidate, first, last


def _complement_end(words: list[str], covered: list[Candidate | None], head: int) -> int:
    """The last word of an organisation's name after its head.

    More heads ("Police Department") or joiners and words ("Ministry of Foreign Affairs",
    "General Authority for Crossings and Borders"), but not across "and" into another name.
    """
    last = head
    index = head + 1
    while index < len(words):
        if words[index] in ORG_HEADS and _org_word(covered[index]):
            last = index
            index += 1
            continue
        joined = index
        while joined < len(words) and words[joined] in _JOINERS:
            joined += 1
        if joined == index or joined >= len(words):
            break
        rest = joined
        while rest < len(words) and words[rest] not in _JOINERS and _org_word(covered[rest]):
            rest += 1
        if rest == joined:
            break
        if "and" in words[index:joined] and (rest < len(words) or rest - joined > 2):
            break
        last = rest - 1
        index = rest
    return last


_NAMED_AFTER_HEADS = frozenset({"Hospital", "School", "University", "Clinic", "Centre", "Center"})
"""Heads of places named after a person: the person's name is part of the organisation's."""


def _named_after(candidate: Candidate | None) -> bool:
    """A person's name at the front of a facility's name ("Kamal Adwan Hospital")."""
    return candidate is not None and candidate.kind is MentionKind.PERSON


def _org_word(candidate: Candidate | None) -> bool:
    """Whether a word may be part of a new organisation's name (not a person or media)."""
    return candidate is None or candidate.kind in (
        MentionKind.STATE,
        MentionKind.PLACE,
        MentionKind.ORGANIZATION,
    )


def _generic(words: Sequence[str]) -> bool:
    """Whether the words name a generic office ("Foreign Ministry", "Ministry of Health")."""
    return bool(words) and all(w.lower() in GENERIC_OFFICE for w in words)


def _segments(text: str, tokens: list[_Token]) -> list[list[_Token]]:
    """The chunk cut at its joiners ("of", "and", …) other than name particles."""
    segments: list[list[_Token]] = [[]]
    for token in tokens:
        if text[token[0] : token[1]] in _BREAKS:
            segments.append([])
            continue
        segments[-1].append(token)
    return [s for s in segments if s]


def _person(
    text: str,
    segment: list[_Token],
    known: Sequence[Candidate],
    strong: bool,
    weak: bool,
    gazetteer: Gazetteer,
) -> tuple[Candidate | None, bool]:
    """A person named in one segment, and whether its cue carries on to the next one.

    `strong` says a title, role or kinship word stands before the segment (or carries on
    from the one before: "mother and daughter Judith and Natalie Raanan", "Secretary of
    State X"); `weak` that a verb or an apposition stands around it.
    """
    titled, index = _strip_titles(text, segment)
    if strong and not titled:
        # carried from "Minister of": the office's words come first ("International Development")
        while (
            index < len(segment)
            and text[segment[index][0] : segment[index][1]].lower() in OFFICE_WORDS
        ):
            index += 1
    strong = strong or titled
    name_words = segment[index:]
    for stop, (_, _, covering) in enumerate(name_words):
        if covering is not None:
            name_words = name_words[:stop]
            break
    while name_words and text[name_words[-1][0] : name_words[-1][1]] in TITLES:
        name_words = name_words[:-1]
    if not name_words:
        return None, titled and index == len(segment)
    if len(name_words) > 5:
        return None, False
    words = [text[s:e] for s, e, _ in name_words]
    if not _NEVER_IN_A_NAME.isdisjoint(words):
        return None, False
    party_words = _party_words(gazetteer)
    for w in words:
        if (
            w in party_words
            or _NOT_A_NAME_WORD.search(w)
            or ("-" in w and not party_words.isdisjoint(w.split("-")))
        ):
            return None, False
    if not strong and not (weak and len(words) >= 2):
        return None, False
    if strong:
        role = FormRole.FULL_NAME if len(words) >= 2 else FormRole.SHORT_NAME
    else:
        role = FormRole.WEAK_NAME
    start, end = name_words[0][0], name_words[-1][1]
    affiliation = _affiliation(known, segment[0][0], start, end, text)
    carries = strong and text.startswith(" and ", end)
    person = Candidate(start, end, " ".join(words), MentionKind.PERSON, affiliation, role)
    return person, carries


@lru_cache(maxsize=8)
def _known_words(gazetteer: Gazetteer) -> frozenset[str]:
    """Words that, however many, make no new name ("Prime Minister Netanyahu").

    The gazetteer's one-word forms (people's too), titles and words that never name anyone;
    never a head noun ("Health Ministry" is a name).
    """
    one_word = (form for form, name in gazetteer.surfaces.items() if name and " " not in form)
    return (frozenset(one_word) | TITLES | TITLE_MODIFIERS | _ALONE_NOTHING) - ORG_HEADS


@lru_cache(maxsize=8)
def _party_words(gazetteer: Gazetteer) -> frozenset[str]:
    """The gazetteer's one-word forms of states, places, organisations and media.

    They are never part of a new person's name ("Two American-Israelis"); a person's
    surname may be ("Medhat Abbas").
    """
    return frozenset(
        form
        for form, name in gazetteer.surfaces.items()
        if name is not None
        and " " not in form
        and gazetteer.kind_of(name) is not MentionKind.PERSON
    )


def _strip_titles(text: str, segment: list[_Token]) -> tuple[bool, int]:
    """Skip the segment's leading titles, known parties and function words.

    Returns whether a title (not only its modifiers: "Deputy Foreign …") was among them,
    and where the name starts.
    """
    titled = False
    index = 0
    for start, end, candidate in segment:
        kind = _lead_word(text[start:end])
        if kind is _LeadWord.TITLE:
            titled = True
        elif candidate is not None or kind is _LeadWord.MODIFIER:
            titled = False  # "Aid Worker Security Database": a title, then no name
        elif kind is not _LeadWord.SKIPPED:
            break
        index += 1
    return titled, index


class _LeadWord(Enum):
    """What a word at the start of a segment is to `_strip_titles`."""

    TITLE = 0
    """A title, an age or a plural role ("President", "27-year-old", "Councillors")."""
    MODIFIER = 1
    """A title's modifier ("Deputy", "Foreign")."""
    SKIPPED = 2
    """A function word or a word that never names ("The", "That's")."""
    NAME = 3
    """Anything else: where the name may start."""


@lru_cache(maxsize=4096)
def _lead_word(word: str) -> _LeadWord:
    """The class of a segment's word, cached: the same few words lead most segments."""
    if word in TITLES or word.endswith("-year-old") or _plural_role(word):
        return _LeadWord.TITLE
    if word in TITLE_MODIFIERS:
        return _LeadWord.MODIFIER
    if _function_word(word) or word in NOT_NAMES:
        return _LeadWord.SKIPPED
    return _LeadWord.NAME


def _cue_word(lower: str) -> bool:
    """A lower-case role or kinship word, singular or plural ("reporter", "photographers")."""
    return lower in _CUE_WORDS or (
        lower[-1:] == "s" and (lower[:-1] in _CUE_WORDS or lower[:-2] in _CUE_WORDS)
    )


def _plural_role(word: str) -> bool:
    """A capitalised role in the plural ("Actresses", "Councillors")."""
    lower = word.lower()
    return lower.endswith("s") and (lower[:-1] in _CUE_WORDS or lower[:-2] in _CUE_WORDS)


def _function_word(word: str) -> bool:
    """A function word, or its contraction ("The", "That's", "It’s")."""
    lower = word.lower()
    return lower in STOP_WORDS or lower.partition("'")[0].partition("’")[0] in STOP_WORDS


def _affiliation(
    known: Sequence[Candidate], chunk_start: int, start: int, end: int, text: str
) -> str | None:
    """The state or organisation the cue names with the person.

    In the noun phrase before the name ("Thailand's labour minister X", "WHO regional
    director X") or in its apposition ("X, a spokesman for the WHO").
    """
    for candidate in reversed(known):
        if candidate.end > start:
            continue
        if candidate.start < chunk_start - _WINDOW or candidate.kind not in (
            MentionKind.STATE,
            MentionKind.ORGANIZATION,
        ):
            break
        if _describes(text, candidate, start):
            return candidate.party
        break
    apposition = _APPOSITION_AFTER.match(text, end)
    if apposition is not None:
        stop = text.find(",", apposition.end())
        stop = len(text) if stop < 0 else stop
        for candidate in known:
            if end < candidate.start < stop and candidate.kind in (
                MentionKind.STATE,
                MentionKind.ORGANIZATION,
            ):
                return candidate.party
    return None


def _describes(text: str, party: Candidate, start: int) -> bool:
    """Whether a party before a name is in the name's own noun phrase.

    "Thailand's labour minister", "WHO regional director"; not "released by Israel but"
    nor "ambassador to Israel,".
    """
    if _PREPOSITION_BEFORE.search(text, max(0, party.start - 12), party.start):
        return False
    if party.start > 0 and text[party.start - 1] == "-":
        return False  # "anti-Israel host X"
    between = _NOUN_PHRASE.fullmatch(text, party.end, start)
    if between is None:
        return False
    words = between.group(1).split()
    return len(words) <= 5 and not any(
        w.lower() in STOP_WORDS and w.lower() not in ("of", "the") for w in words
    )


def _with_acronyms(text: str, found: list[Candidate]) -> list[Candidate]:
    """Acronyms defined after a name: "Palestine Red Crescent Society (PRCS)".

    The acronym names the organisation before it; a run of capitalised words whose
    initials it spells becomes that organisation when nothing else named it
    ("Committee to Protect Journalists (CPJ)").
    """
    for match in _ACRONYM_AFTER.finditer(text):
        acronym, start, end = match.group(1), match.start(1), match.end(1)
        if any(c.start < end and start < c.end for c in found):
            continue  # the gazetteer knows it
        before = next((c for c in found if c.end == match.start()), None)
        if before is not None and before.kind is not MentionKind.PERSON:
            named = before
        else:
            chunk = _chunk_ending(text, match.start())
            spelt = None if chunk is None else _spelt_by(text, chunk, acronym)
            if spelt is None:
                continue
            named = spelt
            found = _merge(found, [named])
        found = _merge(
            found,
            [Candidate(start, end, named.party, named.kind, named.affiliation, FormRole.ACRONYM)],
        )
    return found


def _spelt_by(text: str, chunk: tuple[int, int], acronym: str) -> Candidate | None:
    """The organisation at the chunk's end whose initials spell `acronym`, if any.

    "the Committee to Protect Journalists" for CPJ.
    """
    tokens = [m.span() for m in _TOKEN.finditer(text, *chunk)]
    letters = acronym.replace("&", "")
    for first in range(len(tokens) - 1):
        words = [text[s:e] for s, e in tokens[first:]]
        if words[0] in _JOINERS:
            continue
        if words[-1] in _NOT_ORGANISATIONS:
            return None  # "International Humanitarian Law (IHL)" is no organisation
        if "".join(w[0] for w in words if w not in _JOINERS) == letters:
            return Candidate(
                tokens[first][0],
                chunk[1],
                " ".join(words),
                MentionKind.ORGANIZATION,
                None,
                FormRole.FULL_NAME,
            )
    return None
