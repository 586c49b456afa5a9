"""The figures extractor: numbers that count something, with what they count and who says so.

Approach, one paragraph at a time:

1. **Quantities.** `index.extract.numbers.QUANTITY_RE` (precompiled) finds qualifier + number:
   digits with separators/decimals and scale words, number words, ranges, vague amounts.
2. **Exclusions.** A quantity is dropped when it sits in a URL, e-mail, phone number, ISO
   timestamp or clock time; is a date ("October 7", "7 Oct."), a bare year (1900-2099 with
   no counted noun), an age ("24-year-old", "aged 24"), a percentage, a distance or other
   unit, a designator ("Resolution 2720", "Article 51", "Route 60"), an id (7+ plain
   digits), or the first half of a hyphenated compound ("three-stage plan"). Durations
   ("10 weeks of attacks") are dropped too, except the length of a truce or pause
   ("a five-day pause", "a truce of four days"), kept with measure ``truce_duration``.
3. **Counted noun phrase.** `index.extract.counted.counted_phrase` reads the noun phrase after the
   number ("Thai nationals", "displaced Palestinians"). Without one, the counted noun is
   inherited: from "29 of whom" / "250 were taken hostage" the previous figure of the
   sentence, from "the number of hostages" the noun, from "their number" the last counted
   noun of the previous sentence.
4. **Measure.** `index.extract.measures` cue words, looked for in this order: the noun phrase itself
   ("27,840 deaths"); a verb governing the number just before it ("Hamas returned 100
   Israelis"); the figure's own clause after it ("were killed"), then before it; the figure
   it is coordinated with or included in ("including 7,729 children"); finally any cue of
   the sentence that no other figure used. Captive events are split into hostages (held by
   Hamas, even when a translation says "Israeli prisoners") and prisoners (Palestinians
   held by Israel).
5. **Attribution.** The nearest "according to ...", "X said", "Israel says" phrase of the
   same sentence (`index.text.attribution.attribution_spans`).

A bare number with neither counted noun nor measure is not a figure. Money ("$100
million") is a figure counted in "dollars" with measure ``aid_money`` when the sentence
speaks of aid, else None. Percentages are never figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from index.extract.counted import (
    HEAD_NOUNS,
    KIN_HEADS,
    TIME_UNITS,
    CountedPhrase,
    counted_phrase,
)
from index.extract.figure_context import Classifier
from index.extract.numbers import Quantity, find_quantities, quantity_from_match
from index.extract.scope import (
    NATIONALITY_GROUPS,
    category_of,
    figure_group,
    figure_place,
    sentence_group,
)
from index.extract.shares import Share, find_shares
from index.models import Figure
from index.text.attribution import (
    attribution_spans,
    headline_source,
    opens_with_pronoun_speech,
    pronoun_subject,
    speaks_by_pronoun,
)
from index.text.sentences import split_sentences


def _words(text: str) -> frozenset[str]:
    """A set of the space-separated words of a text (for the word lists below)."""
    return frozenset(text.split())


_MONTHS = (
    r"January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_ZONE_RES = (
    ("/", re.compile(r"https?://\S+|\b\d{1,2}/\d{1,2}/\d{2,4}\b")),
    ("www.", re.compile(r"www\.\S+")),
    ("@", re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")),
    ("+", re.compile(r"\+\d[\d \-().]{6,}\d")),
    # These two start with \d (the word boundary a look-behind after it): the engine skips
    # to the next digit in C instead of trying the pattern at every position.
    ("-", re.compile(r"\d(?<!\w\d)\d{3}-\d{2}-\d{2}(?:T[\d:+\-.Z]*)?")),
    (":", re.compile(r"\d(?<!\w\d)\d?:\d{2}(?::\d{2})?\b")),
)
"""Stretches whose numbers are never figures (URLs, e-mails, phones, timestamps, times),
each with a character the text must contain for the pattern to be worth running."""
_BEFORE_WORDS = _words(
    """January February March April May June July August September October November December
    Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec aged age ages Aged Age Resolution
    Article Route Highway Road Flight No Number Chapter Section Gate Building Unit Brigade
    Division Battalion Channel Kan Room Page Paragraph Platform Block Phase Stage Line Bus
    Terminal Tower Level Act Law Bill Protocol Sector Zone Point Street Avenue Apartment
    Floor Exit Item Clause Rule Decree Case Volume Vol Issue Episode Season Part Grade
    Class Category Type Model Version Tier Game Day Round Hall Ward Psalm Sura Boeing
    Airbus Apollo Galaxy G Camp turned turns turning january february april june july
    august september october november december jan feb mar apr jun jul aug sep sept oct nov
    dec"""
)
"""A word just before a number that makes it a date, an age or a designator (months also in
lower case, as in URL-slug titles: "death toll hamas attacks oct 7"; not "may" or "march")."""


def _led(words: str) -> str:
    """An alternation behind a look-ahead on its first characters (a superset of them).

    Case-insensitive alternatives are each tried in turn by the regex engine; one look at
    the next character skips them all where none can start.
    """
    firsts = sorted({re.escape(word[0]) for word in words.split("|")})
    return f"(?=[{''.join(firsts)}])(?:{words})"


_AGE_UNITS = "year|month|week|day"
_CLOCK = r"a\.m\.|p\.m\.|am\b|pm\b|GMT\b|UTC\b|o'clock"
_UNITS = (
    "km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|feet|foot|kg|kilograms?"
    "|inches|mm|cm|hectares|acres|dunams?|square|sq|degrees|mph|knots"
)
_AFTER_RE = re.compile(
    rf"(?:st|nd|rd|th)?[ \u00a0]+(?:of[ \u00a0]+)?{_led(_MONTHS)}\b"
    r"|[ \u00a0]*(?:%|percent\b|per[ \u00a0]cent\b|pc\b)"
    rf"|[-‐ ](?:{_AGE_UNITS})s?[-‐ ]old\b|[ \u00a0]+{_led(_AGE_UNITS)}s?[ \u00a0]+old\b"
    rf"|[ \u00a0]*{_led(_CLOCK)}|[ \u00a0]*{_led(_UNITS)}\b|[ \u00a0]*°",
    re.IGNORECASE,
)
_TRUCE_WORDS = r"truce|pause|ceasefire|cease-fire|lull|halt|break|respite|extension|hudna"
_COMPOUND_RE = re.compile(
    rf"[-‐](?P<unit>day|week|hour|month)s?(?:[-‐]long)?[ \u00a0]+[\"\u201c']?"
    rf"(?:(?:humanitarian|temporary|new|further|second|first|daily|military|fighting"
    rf"|tactical|localised|localized)[ \u00a0]+)?"
    rf"(?P<noun>{_TRUCE_WORDS})s?\b[\"\u201d']?|[-‐][A-Za-z]",
    re.IGNORECASE,
)
_OF_WAR_RE = re.compile(
    r"[ \u00a0]+(?:of|in|by)[ \u00a0]+(?:(?:a|an|the)[ \u00a0]+)?(?:\w+[ \u00a0]+){0,2}"
    r"(?:war|fighting|conflict|bombardment"
    r"|air\s?strikes|strikes|bombing|shelling|siege|offensive|captivity|detention|jail|prison"
    r"|custody)\b"
)
"""A duration of the war or of captivity ("seven weeks of Israeli airstrikes", "52 days in
captivity"), never a truce's length."""
_TRUCE_RE = re.compile(rf"\b(?:{_TRUCE_WORDS}|lasting|lasted)\b", re.IGNORECASE)
_MONEY_AFTER_RE = re.compile(r"[ \u00a0]+(?P<unit>dollars|euros|shekels)\b", re.IGNORECASE)
_AID_RE = re.compile(r"\b(?:aid|assistance|humanitarian|relief|donat\w*|pledg\w*)\b", re.I)
_CURRENCY = {"$": "dollars", "US$": "dollars", "€": "euros", "£": "pounds"}
_DEMONYM_ENDINGS = ("is", "ians", "ans", "ese", "ais", "ites")
_ID_RE = re.compile(r"\d{7,}")
_RELATION_BEFORE_RE = re.compile(
    r"(?i:\b(?:father|mother|parent|dad|mom|mum|grand(?:father|mother|parent))s?"
    r"[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+|his[ \u00a0]+|her[ \u00a0]+|their[ \u00a0]+)?)$"
)
"""A family relation before a number ("father of the two girls", "a mother of three")."""
_RELATION_ENDINGS = (" of ", " of the ", " of his ", " of her ", " of their ")
_EMPHASIS_BEFORE_RE = re.compile(
    r"(?i:\b(?:not|no|even|every|single|any|each|only|just)[ \u00a0]+)$"
)
"""A word that makes "one" rhetorical ("not one person", "even one child")."""
_NAME_COMMA_RE = re.compile(r"[A-Z][\w'’-]+,[ \u00a0]*$")
_NAME_PAREN_RE = re.compile(r"[A-Z][a-z][\w'’-]*[ \u00a0]+\($")
_AGE_VERB_RE = re.compile(
    r"(?i:\b(?:was|were|is|are|['’]re)[ \u00a0]+(?:only|just|barely)?[ \u00a0]*)$"
)
_WHEN_AFTER_RE = re.compile(r"[ \u00a0]+(?:years?[ \u00a0]+old[ \u00a0]+)?when\b")
_AGE_AFTER_RE = re.compile(r"[ \u00a0]*(?:[,);]|[—–-][ \u00a0]|and[ \u00a0]+[A-Z])")
"""What ends an age after a name: "Lifschitz, 85,", "Alon Shamriz, 26 - were killed",
"Mazen, 17 and Ahmed, 13"."""
_ONE_SUFFERED_RE = re.compile(
    r"[ \u00a0]+(?:was|is|has[ \u00a0]+been|had[ \u00a0]+been|remains|remained)[ \u00a0]+"
    r"(?:still[ \u00a0]+)?(?:[a-z]+ly[ \u00a0]+)?"
    r"(?:killed|injured|wounded|hurt|missing|dead|released|freed|abducted|kidnapped)\b"
)
"""A lone "one" as the subject of what happened to it ("one was moderately injured")."""
_AGE_AT_RE = re.compile(
    r"(?i:\b(?:die|died|dies|dying|killed|born|married|retired|left|arrived|emigrated)"
    r"[ \u00a0]+at[ \u00a0]+(?:the[ \u00a0]+age[ \u00a0]+of[ \u00a0]+)?)$"
)
"""An age after "died at" ("To die at 29, …", "killed at the age of 19")."""
_OLDEST_IS_RE = re.compile(
    r"(?i:\b(?:the[ \u00a0]+)?(?:oldest|youngest|eldest)\b[^.;:,]{0,30}?"
    r"[ \u00a0]+(?:is|was|being|aged)[ \u00a0]+"
    r"|\b(?:boy|girl|man|woman|child|teen(?:ager)?|son|daughter|baby|toddler|youth)"
    r"[ \u00a0]+of[ \u00a0]+)$"
)
"""An age after a superlative or a person "of": "Five of the captives are in their 70s and the
oldest is 85", "also killed boy of 15"."""
_AGE_OF_RE = re.compile(
    r"(?i:\b(?:(?:the[ \u00a0]+)?ages?[ \u00a0]+of[ \u00a0]+"
    r"(?:\d{1,3}[ \u00a0]+(?:and|to|or)[ \u00a0]+)?"
    r"|age[ds]?[ \u00a0]+"
    r"(?:\d{1,3}(?:,[ \u00a0]*(?:and[ \u00a0]+)?|[ \u00a0]+(?:and|to|or)[ \u00a0]+))+))$"
)
"""An age limit or a list of ages, not a count: "over the age of 60", "between the ages of 18
and 50", "two boys aged 16 and 17", "Two children, ages 8 and 15", "aged 3, 5 and 9"."""
_TRAILING_AFTER_NAME_RE = re.compile(r"[a-z,][ \u00a0]+[A-Z][\w'’-]+[ \u00a0]+$")
"""A capitalised word (not a sentence's first) before a bare number that ends the paragraph:
a caption's or gallery's stray index ("… in the Gaza Strip 5."), not a count."""
_DIGIT_START_RE = re.compile(r"[\d$€£]|US\$")
_COUNTED_NOT_TIME = HEAD_NOUNS - TIME_UNITS
_NOT_PEOPLE_MEASURES = frozenset({"truce_duration", "aid_money"})
"""Measures of time and money: they have no group and no place."""


@dataclass(slots=True)
class Candidate:
    """A quantity that passed the exclusions, before measure and attribution."""

    start: int
    end: int
    """End of the figure's text (number plus counted phrase)."""
    context_end: int
    """Where the words after the figure start ("of whom" is skipped)."""
    quantity: Quantity
    phrase: CountedPhrase
    counted: str | None
    measure: str | None = None
    event: str | None = None
    child: bool = False
    """True when the figure is part of the one before ("including 7,729 children")."""
    unit: str | None = None
    """"percent" or "share" for a share of a population; None for a count."""
    speaker: bool = False
    """True when the figure is the subject of a speech verb ("One person inside … told")."""


def find_figures(paragraphs: Sequence[str], title: str | None = None) -> list[Figure]:
    """Find the figures in an article's title and paragraphs.

    Args:
        paragraphs: The cleaned paragraphs; offsets in the result index into them.
        title: The headline, read like a paragraph: RSS items and many articles put their
            main figure there. Its figures have `paragraph` None.

    Returns:
        The figures in reading order, the title's first; `f.text` is the text at
        `f.start:f.end` of `paragraphs[f.paragraph]` (of the title when it is None).
    """
    figures: list[Figure] = _title_figures(title) if title else []
    # the last figure with a measure, in reading order (the headline's first: "68 killed in
    # single Israeli airstrike" then "The victims include 12 women and seven children")
    measured: Figure | None = next((f for f in reversed(figures) if f.measure), None)
    named: dict[str, str] = {}  # a source's head noun -> the last source named with it
    if figures:
        figures = _named_sources(figures, named, [title or ""])
    for index, text in enumerate(paragraphs):
        found = _paragraph_figures(index, text)
        if found and any(f.attribution is _FROM_BEFORE for f in found):
            source = _last_source(paragraphs[index - 1]) if index else None
            found = [
                replace(f, attribution=source) if f.attribution is _FROM_BEFORE else f
                for f in found
            ]
        if found:
            found = _named_sources(found, named, [title or "", *paragraphs[:index], text])
        for number, figure in enumerate(found):
            if (
                number
                and figure.measure == "killed"
                and _dead_captives(text, found[number - 1], figure)
            ):
                found[number] = figure = replace(figure, measure="dead_hostages")
            if (
                measured is not None
                and (figure.measure is None or figure.attribution is None)
                and _refers_back(text, figure)
            ):
                # "That figure includes more than 6,000 children": the figure before's
                # measure, and its source when the sentence names none.
                found[number] = replace(
                    figure,
                    measure=figure.measure or measured.measure,
                    attribution=figure.attribution or measured.attribution,
                )
            if found[number].measure is not None:
                measured = found[number]
        figures.extend(f for f in found if not _own_family(text, f))
    return figures


_SOURCE_HEADS = {
    "ministry": "ministry",
    "agency": "agency",
    "military": "military",
    "army": "army",
    "spokesman": "spokes",
    "spokeswoman": "spokes",
    "spokesperson": "spokes",
    "office": "office",
    "department": "department",
    "government": "government",
    "police": "police",
    "charity": "charity",
    "organisation": "organisation",
    "organization": "organisation",
}
"""Head nouns of sources that "the <noun>" refers back to, with the noun's key (one for the
spokesman, spokeswoman and spokesperson)."""
_SOURCE_HEAD_RE = re.compile(rf"\b(?:{'|'.join(_SOURCE_HEADS)})\b", re.IGNORECASE)
_DEFINITE_SOURCE_RE = re.compile(
    rf"(?:[Aa]ccording\s+to\s+)?[Tt]he\s+(?P<head>{'|'.join(_SOURCE_HEADS)})"
    r"(?:\s+(?:also|further|later|then|meanwhile|separately|earlier|now|again))?"
    r"(?:\s+(?:has|have|had))?(?:\s+[a-z]+)?"
)
"""A source that names no one: "the ministry said", "The spokesperson further said"."""


def _named_sources(found: list[Figure], named: dict[str, str], texts: list[str]) -> list[Figure]:
    """Name "the ministry said" by the last source the article named with that noun.

    "…, Russia's emergencies ministry said. … the ministry said the group, including 55
    children, …": the second figure's source is Russia's emergencies ministry. `named` holds
    the figures' sources so far, by head noun, and is updated in reading order; when it has
    none for the noun, the text before is read (`texts`: the title, the paragraphs before and
    the figures' own, whose text counts up to the figure).
    """
    out: list[Figure] = []
    for figure in found:
        source = figure.attribution
        if source:
            definite = _DEFINITE_SOURCE_RE.fullmatch(source)
            if definite is not None:
                key = _SOURCE_HEADS[definite.group("head").lower()]
                earlier = named.get(key) or _source_before(texts, figure.start, key)
                if earlier is not None:
                    figure = replace(figure, attribution=earlier)
            else:
                for head in _SOURCE_HEAD_RE.findall(source):
                    named[_SOURCE_HEADS[head.lower()]] = source
        out.append(figure)
    return out


_SOURCE_LOOKBACK = 3
"""Paragraphs before a figure's own searched for the source "the ministry" stands for."""


def _source_before(texts: list[str], end: int, key: str) -> str | None:
    """The last source named with the head noun `key` in the text before (None if none)."""
    last = texts[-1][:end]
    for text in [last, *reversed(texts[-1 - _SOURCE_LOOKBACK : -1])]:
        if not any(_SOURCE_HEADS[h.lower()] == key for h in _SOURCE_HEAD_RE.findall(text)):
            continue
        for s_start, s_end in reversed(split_sentences(text)):
            sentence = text[s_start:s_end]
            for a, b in reversed(attribution_spans(sentence)):
                phrase = sentence[a:b]
                heads = {_SOURCE_HEADS[h.lower()] for h in _SOURCE_HEAD_RE.findall(phrase)}
                if key in heads and _DEFINITE_SOURCE_RE.fullmatch(phrase) is None:
                    return phrase
    return None


_AND_A_HALF_RE = re.compile(
    r"[ \u00a0]+and[ \u00a0]+a[ \u00a0]+half[ \u00a0]+(?:hours?|days?|weeks?|months?|years?)\b"
)
"""A span of time ("abducted them two and a half weeks ago"), not a count of its number."""
_ACTS_OF_WAR = frozenset({"killed", "injured", "hostages_taken"})
"""Measures whose place is where an attack went ("crossed from Gaza into Israel, killing …"),
unlike people moved ("76 patients were taken from Gaza into Egypt" are Gaza's)."""
_PAST_SPAN_RE = re.compile(
    r"\b(?:past|(?<!\bto )(?<!\bwill )(?<!\bwould )(?<!\bmay )(?<!\bcould )last|previous|recent)"
    r"[ \u00a0]+\Z",
    re.I,
)
"""A stretch already lived ("over the past three weeks"); not the verb ("set to last four days")."""
_TIME_POINT_RE = re.compile(r"[ \u00a0]+(?:after|before|since|ago|later|earlier|into)\b")
_UNKNOWN_PLACE_RE = re.compile(
    r"[ \u00a0](?:in|at|near)[ \u00a0]+(?:the[ \u00a0]+)?(?:(?:[a-z]+ern)[ \u00a0]+)?"
    r"(?P<name>[A-Z][a-z’'-]{2,}(?:[ \u00a0-][A-Z][a-z’'-]+)*)(?![ \u00a0-]?[A-Za-z0-9’'])"
)
"""A place named right after a figure that the place patterns do not know ("were killed in
Souaneh", "in Nabatieh")."""
_NOT_PLACE_NAMES = _words(
    """January February March April May June July August September October November December
    Monday Tuesday Wednesday Thursday Friday Saturday Sunday Hamas Hezbollah Israel Israeli
    Israelis Palestinian Palestinians Gaza Arabic English Hebrew Christmas Ramadan"""
)


def _elsewhere(text: str, after: int, end: int) -> bool:
    """Whether the figure's clause names a place the patterns do not know, just after it.

    "A woman and two children were killed in Souaneh": not the paragraph's Israel (named in
    the sentence before for another attack); its place stays unsaid.
    """
    match = _UNKNOWN_PLACE_RE.search(text, after, min(end, after + 60))
    if match is None or match.group("name").split()[0] in _NOT_PLACE_NAMES:
        return False
    return figure_place(match.group(), 0, 0) is None  # "in Khan Younis" is Gaza's


_HELD_IN_GAZA_RE = re.compile(r"\b(?:in|inside)\s+(?:the\s+)?Gaza\b")
_PART_OF_RE = re.compile(r"[,—–-][ \u00a0]*(?:including|among\s+them|of\s+whom)[ \u00a0]*\Z")
"""The words that make the next figure part of the one before, right before it."""


def _dead_captives(text: str, whole: Figure, part: Figure) -> bool:
    """A dead part of hostages held ("129 people remain in Gaza, including 22 who are dead")."""
    between = text[whole.end : part.start]
    return (
        (whole.measure or "").startswith("hostages")
        and len(between) < 60
        and ". " not in between
        and _PART_OF_RE.search(between) is not None
    )


_REFERS_BACK_RE = re.compile(
    r"(?:(?:These|Those|They)(?:\s+\w+)?\s+(?:include[sd]?|were|are)"
    r"|The\s+(?:victims|dead)\s+include[sd]?"
    r"|Among\s+(?:them|those|these|the\s+dead)|Of\s+(?:them|these|those)"
    r"|(?:[\w’']+\s+){0,3}?(?:[Tt]hat|[Tt]his|[Tt]he)\s+(?:figure|toll|number|total|tally)\s+includes?)"
    r"\b[^.;:]{0,60}\Z"
)
"""A sentence opening on what the one before counted: "These include 32 Palestinians, …", "It
says that figure includes more than 4,500 children" (the figure within 60 characters: "They
are from a department that … enabled Qatar to pay millions of dollars" counts nothing)."""
_PEOPLE_NOUNS = HEAD_NOUNS - TIME_UNITS


def _refers_back(text: str, figure: Figure) -> bool:
    """Whether a figure's sentence opens by referring to the figure before it (people only)."""
    counted = figure.counted or ""
    people = counted.lower() in _PEOPLE_NOUNS or counted[:1].isupper()  # or "four Israelis"
    if not people:
        return False
    stop = text.rfind(". ", 0, figure.start)
    opening = 0 if stop < 0 else stop + 2
    return _REFERS_BACK_RE.match(text, opening, figure.start) is not None


_RELATIVE_BEFORE_RE = re.compile(r"\b(?:which|who|whom|that)\s+(?:\w+\s+)?\Z")
"""A relative pronoun right before an attribution ("…, which residents said …")."""
_FROM_BEFORE = "\0from the paragraph before"
"""A figure's attribution while it waits for the paragraph before's last source."""


def _last_source(text: str) -> str | None:
    """The last attribution phrase of a paragraph ("…, the Palestinian health ministry says")."""
    for s_start, s_end in reversed(split_sentences(text)):
        spans = attribution_spans(text[s_start:s_end])
        if spans:
            return text[spans[-1][0] + s_start : spans[-1][1] + s_start]
    return None


def _title_figures(title: str) -> list[Figure]:
    """The title's figures; a headline's source tag ("…: Qatar") attributes the unsourced."""
    figures = _paragraph_figures(None, title)
    tag = headline_source(title)
    if tag is None:
        return figures
    source = title[tag[0] : tag[1]]
    return [
        f if f.attribution or tag[0] < f.end <= tag[1] else replace(f, attribution=source)
        for f in figures
    ]


def _paragraph_figures(index: int | None, text: str) -> list[Figure]:
    """The figures of one paragraph."""
    matches = find_quantities(text)
    shares = find_shares(text)
    lengths = _word_lengths(text) if "long" in text else []
    if not matches and not shares and not lengths:
        return []
    zones = [
        (m.start(), m.end()) for key, rx in _ZONE_RES if key in text for m in rx.finditer(text)
    ]
    candidates = [c for m in matches if (c := _candidate(text, m, zones)) is not None]
    if shares:
        candidates = _with_shares(candidates, shares)
    if lengths:
        candidates = sorted(candidates + lengths, key=lambda c: c.start)
    if not candidates:
        return []
    figures: list[Figure] = []
    sentences = split_sentences(text)
    classifier = Classifier(text, sentences)
    for s_start, s_end in sentences:
        group = [c for c in candidates if s_start <= c.start < s_end]
        if not group:
            continue
        classifier.classify(group, s_start, s_end)
        kept = _without_breakdowns(text, [c for c in group if _is_figure(c)])
        if kept:
            words = text[s_start:s_end]
            spans = attribution_spans(words)
            # A figure's own words are no source ("1,099 workers have registered").
            own = [
                (a + s_start, b + s_start)
                for a, b in spans
                if not any(c.start <= a + s_start < c.end for c in kept)
            ]
            # "It said …, which residents said …": an opening pronoun's source governs unless
            # the sentence gives its own outside a relative clause ("…, according to X").
            main_own = [
                span
                for span in own
                if not _RELATIVE_BEFORE_RE.search(text, max(0, span[0] - 30), span[0])
            ]
            opening = opens_with_pronoun_speech(words) and not main_own
            by_pronoun = opening or (not own and speaks_by_pronoun(words))
            subject = pronoun_subject(words) if by_pronoun and not opening else None
            if subject is not None:
                # "The ministry released names of 86 people … it says were killed"
                earlier = [(subject[0] + s_start, subject[1] + s_start)]
            else:
                earlier = _earlier_source(text, sentences, s_start) if by_pronoun else []
            sentence = (s_start, s_end)
            before: Figure | None = None
            for cand in kept:
                # "It said 20 others were injured, which residents said involved two drone
                # strikes": the opening pronoun's source governs up to the sentence's own.
                later_own = [span for span in own if span[0] < cand.start]
                sources = later_own if opening and later_own else earlier if by_pronoun else own
                figure = _figure(index, text, cand, sources, sentence)
                if by_pronoun and not sources and index is not None:
                    # "It said a total of 6,547 people…" opening a paragraph: the source is
                    # the last one of the paragraph before (find_figures fills it in).
                    figure = replace(figure, attribution=_FROM_BEFORE)
                if before is not None and _others_of(figure, before):
                    # "killed 21,800 Palestinians and wounded 56,000 others": the same people
                    figure = replace(figure, group=before.group)
                figures.append(figure)
                before = figure
    return _with_breakdown_measures(figures, sentences) if len(figures) > 2 else figures


_OTHERS_END_RE = re.compile(r"\bothers$")
"""A figure of "others" ("56,000 others") counts more of the people named before it."""


def _others_of(figure: Figure, before: Figure) -> bool:
    """Whether `figure` counts "others" of the nationality `before` (its sentence's) names.

    Only under another measure: "killed 21,800 Palestinians and wounded 56,000 others" are
    Palestinians too, but "nine Americans were killed, along with 1,000 others" are others
    besides the Americans. Never captives ("1,200 Israelis killed and 253 others taken
    hostage": foreigners among them).
    """
    return (
        figure.group is None
        and before.group in NATIONALITY_GROUPS
        and figure.measure is not None
        and figure.measure != before.measure
        and not figure.measure.startswith(("hostages", "prisoners", "dead_hostages"))
        and _OTHERS_END_RE.search(figure.text) is not None
    )


def _with_breakdown_measures(
    figures: list[Figure], sentences: list[tuple[int, int]]
) -> list[Figure]:
    """Give a sentence's list of parts the measure of the total they add up to before it.

    "24 hostages were released … Qatar said there were 13 Israelis, 10 Thais, and one
    Filipino": 13 + 10 + 1 is the 24 of the sentence before, so they were released too.
    """
    by_sentence: dict[int, list[int]] = {}
    for i, figure in enumerate(figures):
        k = next(n for n, (_a, b) in enumerate(sentences) if figure.start < b)
        by_sentence.setdefault(k, []).append(i)
    out = list(figures)
    for k, in_sentence in by_sentence.items():
        indices = [
            i for i in in_sentence if not (f := figures[i]).measure and f.value and not f.unit
        ]
        parts = [figures[i] for i in indices]
        if len(parts) < 2:
            continue
        total = sum(f.value or 0.0 for f in parts)
        wholes = [
            f for i in by_sentence.get(k - 1, []) if (f := figures[i]).measure and f.value == total
        ]
        if wholes:
            for i in indices:
                out[i] = replace(figures[i], measure=wholes[-1].measure)
    return out


def _earlier_source(
    text: str, sentences: list[tuple[int, int]], before: int
) -> list[tuple[int, int]]:
    """The source of "He added that 1,099 workers…": the paragraph's last attribution."""
    for s_start, s_end in reversed([s for s in sentences if s[1] <= before]):
        spans = attribution_spans(text[s_start:s_end])
        if spans:
            return [(spans[-1][0] + s_start, spans[-1][1] + s_start)]
    return []


_LIST_GAP_RE = re.compile(r"[ \u00a0]*,?[ \u00a0]*(?:and[ \u00a0]+)?")


def _without_breakdowns(text: str, group: list[Candidate]) -> list[Candidate]:
    """Drop the parts of a group counted once ("three Russian-Israelis, two women and one man").

    Figures right after another one, joined only by commas and "and", whose values add up to
    its value are its breakdown, not more of the same event.
    """
    dropped: set[int] = set()
    for i, head in enumerate(group):
        total = head.quantity.value
        if total is None or total < 2 or i in dropped:
            continue
        parts, running, at = [], 0.0, head.context_end
        for j in range(i + 1, len(group)):
            part = group[j]
            if part.quantity.value is None or not _LIST_GAP_RE.fullmatch(text, at, part.start):
                break
            parts.append(j)
            running += part.quantity.value
            at = part.context_end
            if running >= total:
                break
        if len(parts) >= 2 and running == total and not _nationalities(head, group, parts):
            dropped.update(parts)
    return [c for n, c in enumerate(group) if n not in dropped]


def _nationalities(head: Candidate, group: list[Candidate], parts: list[int]) -> bool:
    """Whether the parts name other nationalities: a list, not a breakdown.

    "two Peruvians, one Colombian and one Paraguayan": the last two are not the two Peruvians.
    """
    return _capitalised(head) and any(_capitalised(group[j]) for j in parts)


def _capitalised(cand: Candidate) -> bool:
    """Whether the figure's noun is written with a capital (a demonym: "Peruvians")."""
    return (cand.phrase.head or "")[:1].isupper()


_WORD_LENGTH_RE = re.compile(
    r"\b(?P<unit>week|month|day)[- ]?long[ \u00a0]+(?:[\w-]+[ \u00a0]+)?"
    r"(?:truce|cease-?fire|pause|lull)s?\b",
    re.IGNORECASE,
)
_UNIT_DAYS = {"day": 1.0, "week": 7.0, "month": 30.0}


def _word_lengths(text: str) -> list[Candidate]:
    """A truce's length written as a word: "a week-long truce" lasts 7 days."""
    found = []
    for match in _WORD_LENGTH_RE.finditer(text):
        days = _UNIT_DAYS[match.group("unit").lower()]
        phrase = CountedPhrase(match.end(), "days", "")
        quantity = Quantity(days, None, None, None)
        end = match.end()
        found.append(Candidate(match.start(), end, end, quantity, phrase, "days", "truce_duration"))
    return found


def _with_shares(candidates: list[Candidate], shares: list[Share]) -> list[Candidate]:
    """Add the shares of a population, dropping numbers that are part of one ("80" of 80%)."""
    kept = [c for c in candidates if not any(s.start < c.end and c.start < s.end for s in shares)]
    for share in shares:
        quantity = Quantity(share.value, None, None, share.qualifier)
        phrase = CountedPhrase(share.end, share.counted, "", partitive=share.counted is None)
        kept.append(
            Candidate(
                share.start, share.end, share.end, quantity, phrase, share.counted, unit=share.unit
            )
        )
    return sorted(kept, key=lambda c: c.start)


_POSSESSIVES = frozenset({"my", "his", "her", "their", "our", "your"})


def _own_family(text: str, figure: Figure) -> bool:
    """Someone's own family ("my two little children"), not a count of the story's.

    Unless something happened to them: then the figure has a measure.
    """
    return (
        figure.measure is None
        and figure.qualifier is None
        and figure.value is not None
        and figure.value <= 12
        and (figure.counted or "").lower() in _PEOPLE_NOUNS
        and _word_before(text, figure.start).lower() in _POSSESSIVES
    )


def _is_figure(cand: Candidate) -> bool:
    """A number is a figure when it counts a noun, has a measure, or is "N of the M ..."."""
    phrase = cand.phrase
    if cand.speaker and cand.quantity.value == 1:
        return False  # "One person inside the hospital told the BBC": a speaker, not a count
    if phrase.head is not None and not cand.measure:
        head = phrase.head.lower()
        if head == "times":
            return False  # a multiplier ("stabbed 26 times", "up to 10 times what …")
        if head in KIN_HEADS:
            return False  # "he has two sons": family counted only as victims
        if head in _VOTE_WORDS:
            return False  # "121 votes to 14, with 44 abstentions": a vote count
        if cand.quantity.value == 1 and not head.endswith("s") and phrase.head.islower():
            # "he is one patient among many", "One man in northern Gaza said": one person,
            # nothing counted ("one Lebanese" in a list of the dead is a nationality: kept)
            return False
    return bool(
        phrase.head
        or cand.unit
        or cand.measure
        or phrase.nominal is not None
        or (phrase.partitive and cand.counted and cand.quantity.value != 1)
    )


_ISRAELI_CASUALTIES = frozenset(["killed", "injured", "casualties"])
"""Measures whose Israelis are not Gaza's: its dead and wounded are Palestinians."""


def sentence_place(
    text: str, start: int, end: int, measure: str | None, group: str | None
) -> str | None:
    """Where `text` (a figure's sentence, or its paragraph) puts the figure at [start, end).

    Captives are not placed by a bare name or an event ("Israel says 129 hostages remain");
    acts of war by their destination; Israelis killed or wounded are not placed in Gaza by a
    Gaza word elsewhere ("the Gaza toll stands at 700 dead … the attack that has killed over
    900 Israelis": Israeli soldiers killed in Gaza have their own group).
    """
    captives = (measure or "").startswith(("hostages", "prisoners", "dead_hostages"))
    place = figure_place(
        text,
        start,
        end,
        bare_names=not captives,
        events=not captives or measure == "hostages_taken",
        destinations=measure in _ACTS_OF_WAR,
    )
    if place == "Gaza" and group == "Israelis" and measure in _ISRAELI_CASUALTIES:
        return None
    return place


def _figure(
    index: int | None,
    text: str,
    cand: Candidate,
    attributions: list[tuple[int, int]],
    sentence: tuple[int, int],
) -> Figure:
    """Build the public Figure from a classified candidate."""
    counts_people = cand.measure not in _NOT_PEOPLE_MEASURES and (
        cand.measure is not None or _counts_a_war_noun(cand)
    )
    group = _group(text, cand, sentence) if counts_people else None
    place = None
    if counts_people:
        start, end = _within(cand, sentence)
        place = sentence_place(text[sentence[0] : sentence[1]], start, end, cand.measure, group)
        if (
            place == "Israel"
            and cand.measure == "hostages_held"
            and _HELD_IN_GAZA_RE.search(text, cand.end, sentence[1])
        ):
            place = "Gaza"  # "120 people abducted from Israel … still in captivity in Gaza"
        if (
            place is None
            and (sentence[0] > 0 or sentence[1] < len(text))
            and not _elsewhere(text, cand.end, sentence[1])
        ):
            # where the text says it: "the sentence, its paragraph" (the paragraph's other
            # sentences, nearest first); the comparison pairs on the sentence's alone
            place = sentence_place(text, cand.start, cand.end, cand.measure, group)
        if place is None and _gaza_war_toll(cand, group):
            place = "Gaza"  # "more than 4,300 Palestinians … have been killed": the war's toll
    attribution = None
    if attributions:  # the nearest one: 0 when it touches the figure
        a, b = min(attributions, key=lambda s: max(s[0] - cand.end, cand.start - s[1], 0))
        attribution = text[a:b]
    qty = cand.quantity
    return Figure(
        text=text[cand.start : cand.end],
        value=qty.value,
        low=qty.low,
        high=qty.high,
        qualifier=qty.qualifier,
        counted=cand.counted,
        measure=cand.measure,
        attribution=attribution,
        paragraph=index,
        start=cand.start,
        end=cand.end,
        unit=cand.unit,
        group=group,
        place=place,
    )


GAZA_TOLL_FLOOR = 1000.0
"""Palestinians killed or wounded in their thousands, with no place said, are Gaza's war
toll (the West Bank's counts are in the hundreds)."""


def _gaza_war_toll(cand: Candidate, group: str | None) -> bool:
    """Whether the figure is Palestinians killed or wounded at the scale of Gaza's war toll."""
    low = cand.quantity.value if cand.quantity.value is not None else cand.quantity.low
    return (
        group == "Palestinians"
        and cand.measure in ("killed", "injured")
        # "1,500 Palestinian assailants" were killed in Israel on 7 October
        and category_of(cand.counted) != "militants"
        and low is not None
        and low >= GAZA_TOLL_FLOOR
    )


def _counts_a_war_noun(cand: Candidate) -> bool:
    """Whether a figure without a measure counts people or things a war report counts.

    Only those have a group and a place: "28 premature babies", "450 targets", "40 launches"
    do; "500 tonnes", "3.5 pct" and "dlrs" do not (and their sentences are not read again).
    """
    counted = (cand.counted or "").lower()
    return (
        cand.unit is not None or counted in _COUNTED_NOT_TIME or counted.endswith(_DEMONYM_ENDINGS)
    )


def _group(text: str, cand: Candidate, sentence: tuple[int, int]) -> str | None:
    """Whom the figure counts: from its phrase and the words after it, else its counted noun.

    Then its sentence may say whose they are (`sentence_group`: Israel's soldiers, UN staff).
    """
    end = max(cand.end, cand.context_end)
    found = figure_group(text[cand.start : end], text[end : end + 60])
    if (
        found is None
        and cand.counted
        and cand.counted.lower() not in text[cand.start : end].lower()
    ):
        found = figure_group(cand.counted)  # inherited: "12 Thais killed and 11 kidnapped"
    before = text[max(sentence[0], cand.start - 100) : cand.start]
    return sentence_group(found, cand.counted, text[sentence[0] : sentence[1]], before)


def _within(cand: Candidate, sentence: tuple[int, int]) -> tuple[int, int]:
    """The candidate's offsets relative to its sentence."""
    return cand.start - sentence[0], cand.end - sentence[0]


_VOTE_WORDS = frozenset({"votes", "abstentions", "ballots", "abstained", "vetoes"})
"""Heads of a vote count, which is no figure (GUIDELINES.md)."""
_PAPERS_RE = re.compile(
    r"[ \u00a0]+with[ \u00a0]+(?:[A-Z][a-z]+|dual|foreign)[ \u00a0]+"
    r"(?:citizenship|nationality|passports?)\b"
)
"""Whom the people counted are by their papers: part of the figure's phrase for its context."""
_COORDINATED_PEOPLE = frozenset(
    (
        "women", "children", "men", "minors", "teenagers", "girls", "boys", "elderly", "babies",
        "civilians", "soldiers", "troops",
    )
)  # fmt: skip
_AND_PEOPLE_RE = re.compile(
    rf"[ \u00a0]+and[ \u00a0]+(?:the[ \u00a0]+)?(?:{'|'.join(sorted(_COORDINATED_PEOPLE))})\b"
)
"""A second noun of the same people ("women and children"): the words after it are both's."""
_VAGUE_SUBJECT_RE = re.compile(
    r" (?:attend(?:ed)?|gather(?:ed)?|march(?:ed)?|rall(?:y|ied)|protest(?:ed)?|join(?:ed)?"
    r"|participat(?:e|ed)|took\s+part"
    r"|flock(?:ed)?|fled|flee|queue[d]?|took\s+to\s+the\s+streets|turned\s+out|demonstrat(?:e|ed))\b"
)
"""A vague amount as the subject of a crowd's verb counts people ("Hundreds attend rally")."""


def _candidate(text: str, match: re.Match[str], zones: list[tuple[int, int]]) -> Candidate | None:
    """Apply the exclusion rules to one quantity match; None when it is not a figure."""
    start, end = match.start(), match.end()
    if zones and any(a < end and start < b for a, b in zones):
        return None
    qual, num, vague = match.group("qual", "num", "vague")
    number_start = match.end("qual") if qual else start
    if _word_before(text, number_start) in _BEFORE_WORDS or _not_a_count(text, match, start):
        return None
    if _AFTER_RE.match(text, end) or _AND_A_HALF_RE.match(text, end):
        return None
    quantity = quantity_from_match(match)
    if quantity is None:
        return None
    digits = bool(_DIGIT_START_RE.match(text, number_start, end))
    compound = _COMPOUND_RE.match(text, end)
    if compound is not None:
        if compound.group("noun") is None:
            return None
        counted = compound.group("unit").lower() + "s"
        phrase = CountedPhrase(compound.end(), counted, "")
        return Candidate(
            start, compound.end(), compound.end(), quantity, phrase, counted, "truce_duration"
        )
    if num is not None and _ID_RE.fullmatch(num):
        return None  # an id or a phone number, not a count
    loose = digits or quantity.qualifier is not None or (quantity.value or 10) >= 10
    # "hundreds of people" reads its noun after "of"; "several thousand militants" as a number
    plural = vague is not None and not vague.lower().startswith("several")
    phrase = counted_phrase(text, end, loose, vague=plural)
    if (
        phrase.head is None
        and not phrase.partitive
        and phrase.nominal is None
        and text.endswith(("population of ", "populations of "), max(0, start - 16), start)
    ):
        # "Gaza's entire population of 2.2 million": the number counts the population
        phrase = CountedPhrase(phrase.end, "population", "")
    head = phrase.head.lower() if phrase.head else None
    if _is_year(quantity, num) and head not in _COUNTED_NOT_TIME:
        return None
    if quantity.low is not None and _is_year_range(quantity):
        return None
    counted = _counted(phrase.head)
    if vague is not None and phrase.head is None and _VAGUE_SUBJECT_RE.match(text, end):
        counted = "people"  # "Hundreds attend rally", "Thousands marched": people, unsaid
    cand = Candidate(start, phrase.end, phrase.end, quantity, phrase, counted)
    if " and " in text[phrase.end : phrase.end + 5] and head in _COORDINATED_PEOPLE:
        also = _AND_PEOPLE_RE.match(text, phrase.end)
        if also is not None:  # "39 women and children held in jails were released"
            cand.context_end = also.end()
    if " with " in text[phrase.end : phrase.end + 6]:
        papers = _PAPERS_RE.match(text, phrase.end)
        if papers is not None:  # "three with French citizenship, two with German …"
            cand.context_end = papers.end()
    if phrase.partitive:
        cand.end = end
        cand.context_end = phrase.end
    elif phrase.head is None:
        cand.end = phrase.end
    if head in TIME_UNITS:
        return _duration(text, cand)
    lone_one = not digits and phrase.head is None and quantity.value == 1
    suffered = _ONE_SUFFERED_RE.match(text, end) and _word_before(text, start).lower() != "no"
    if lone_one and not suffered:
        return None  # "one of", "no one", "one"; but "one was moderately injured" counts
    return _money(text, match, cand)


_OF_AFTER_RE = re.compile(r"[ \u00a0]+of\b")
"""After "one": "one of the gunmen" picks out one of a group, it counts nothing."""


def _not_a_count(text: str, match: re.Match[str], start: int) -> bool:
    """An age after a name ("Lifschitz, 85,"), "one of", a rhetorical one, a family relation."""
    if text.endswith(_RELATION_ENDINGS, 0, start) and _RELATION_BEFORE_RE.search(
        text[max(0, start - 40) : start]
    ):
        return True
    num = match.group("num")
    if num is None or match.group("post"):
        return False
    word = num.strip().lower()
    if match.group("qual"):
        # "at least one of the schools" picks one out as "one of" does: no count either
        return word == "one" and _OF_AFTER_RE.match(text, match.end()) is not None
    before = text[max(0, start - 40) : start]
    if word == "one":
        return bool(_EMPHASIS_BEFORE_RE.search(before) or _OF_AFTER_RE.match(text, match.end()))
    if not word.isdigit() or int(word) > 120:
        return False
    if _WHEN_AFTER_RE.match(text, match.end()) and _AGE_VERB_RE.search(before):
        return True  # "you were only 19 when you died"
    if _AGE_AT_RE.search(before) or _AGE_OF_RE.search(before) or _OLDEST_IS_RE.search(before):
        return True  # "to die at 29", "some 10 or 20 over the age of 60", "the oldest is 85"
    if (
        before.endswith("(")
        and _NAME_PAREN_RE.search(before)
        and text[match.end() : match.end() + 1] == ")"
    ):
        return True  # "Fernando Simon Marman (60)"
    if text[match.end() :].strip(" \u00a0.") == "" and _TRAILING_AFTER_NAME_RE.search(before):
        return True
    return (
        bool(_NAME_COMMA_RE.search(before)) and _AGE_AFTER_RE.match(text, match.end()) is not None
    )


def _word_before(text: str, pos: int) -> str:
    """The word just before `pos` (separated by spaces), without a final full stop."""
    window = text[max(0, pos - 16) : pos]
    if not window or window[-1] not in " \u00a0":
        return ""
    parts = window.split()
    return parts[-1].rstrip(".") if parts else ""


def _counted(head: str | None) -> str | None:
    """The counted noun: as written for demonyms ("Palestinians"), else lower case."""
    if head is None:
        return None
    if head[0].isupper() and head.lower().endswith(_DEMONYM_ENDINGS):
        return head
    return head.lower()


def _duration(text: str, cand: Candidate) -> Candidate | None:
    """Keep a duration only when it is the length of a truce or pause."""
    stop = text.rfind(". ", max(0, cand.start - 160), cand.start)
    lo = stop + 1 if stop >= 0 else max(0, cand.start - 160)
    hi = text.find(". ", cand.end, cand.end + 80)
    if _PAST_SPAN_RE.search(text, max(0, cand.start - 20), cand.start):
        return None  # "over the past three weeks": a stretch of the war, not a truce
    if _TIME_POINT_RE.match(text, cand.end):
        return None  # "49 days after Hamas kidnapped them": when, not how long a truce lasts
    if _OF_WAR_RE.match(text, cand.end) or not _TRUCE_RE.search(
        text, lo, hi if hi >= 0 else cand.end + 80
    ):
        return None  # a truce's length is said in the truce's own sentence
    cand.measure = "truce_duration"
    unit = cand.counted or "days"
    cand.counted = unit if unit.endswith("s") else unit + "s"
    return cand


def _money(text: str, match: re.Match[str], cand: Candidate) -> Candidate:
    """Mark money amounts ("$100 million", "5 million dollars") as counted in a currency."""
    currency = match.group("cur")
    unit = _CURRENCY.get(currency) if currency else None
    if unit is None and cand.counted in ("dollars", "euros", "shekels"):
        unit = cand.counted
    if unit is None:
        after = _MONEY_AFTER_RE.match(text, cand.end)
        if after is None:
            return cand
        unit = after.group("unit").lower()
        cand.end = cand.context_end = after.end()
    cand.counted = unit
    lo, hi = max(0, cand.start - 200), min(len(text), cand.end + 200)
    cand.measure = "aid_money" if _AID_RE.search(text, lo, hi) else None
    cand.phrase = CountedPhrase(cand.end, unit, "")
    return cand


def _is_year(quantity: Quantity, num: str | None) -> bool:
    """True for a bare four-digit number between 1900 and 2099 ("in 2023", "the 1967 borders")."""
    if num is None or quantity.value is None or quantity.qualifier is not None:
        return False
    stripped = num.strip()
    return len(stripped) == 4 and stripped.isdigit() and 1900 <= quantity.value <= 2099


def _is_year_range(quantity: Quantity) -> bool:
    """True for a range of years ("1967-1973")."""
    low, high = float(quantity.low or 0), float(quantity.high or 0)
    return low.is_integer() and 1900 <= low <= 2099 and 1900 <= high <= 2099
