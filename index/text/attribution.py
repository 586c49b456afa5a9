"""Attribution: who a sentence says its claim comes from. One set of cues for all of newsdesk.

* `attribution_spans` (the figures extractor: a figure's source) finds the phrases that
  source a claim: "according to X" (to the next comma or full stop), "X said/says/reported/
  told/estimates ..." with X a short noun phrase (capitalised words, or officials,
  authorities, the ministry ...), "said X", "citing X" and "per X".
* `cites_before` / `speaks_after` (the comparison: which parties are quoted) tell whether
  the words before a name cite it ("according to", "told", "a count by") or the words after
  it are its speech verb ("Hamas said", "Qatar's foreign ministry announced").

Both read the same `SPEECH_VERBS`.
"""

from __future__ import annotations

import re

_SOURCE_NOUNS = (
    r"officials|official|authorities|ministry|ministries|military|army|government|spokesman"
    r"|spokeswoman|spokesperson|sources|source|medics|doctors|witnesses|agency|office|media"
    r"|police|group|count|figures|statement|estimates|data|officers|officer|services|rescuers"
    r"|residents|minister|commander|director|chief|head|forces|service|department|council"
    r"|agencies|groups|organi[sz]ations|charities|experts|analysts|monitors|activists"
    r"|paramedics|workers|team|teams|rapporteurs|envoys|mediators|negotiators|diplomats"
    r"|investigators|observers|inspectors|researchers|outlets|watchdog|watchdogs|broadcasters"
    r"|newspapers|sides|forum|journalists?|reporters?|correspondents?|photographers?"
    r"|embassy|embassies|consulate|organi[sz]ation|wing|force|paramedic|medic|resident|rescuer"
    r"|witness|doctor|nurse|survivor|records|statistics"
)
_ROLE_WORDS = (
    r"prime|minister|president|foreign|defen[cs]e|interior|civil|security|emergency|rescue"
    r"|medical|hospital|senior|top|chief|deputy|general|health|army|military|police|border"
    r"|government|spokes(?:man|woman|person)|official|director|head|commander|secretary|envoy"
    r"|ambassador|leader|doctor|witness|agency|ministry|office|UN|U\.N\.|wing"
)
"""Lower-case words of a source's title: "civil defence spokesman", "prime minister's office"."""
_PERSON_ROLES = (
    r"spokes(?:man|woman|person)|official|director|head|commander|secretary|envoy|ambassador"
    r"|leader|doctor|minister|chief|president|researcher|professor|surgeon|nurse|paramedic"
    r"|coordinator|representative|adviser|advisor|officer|member|mayor|governor"
)
"""The role nouns of a person's apposition ("Ashraf al-Qudra, a spokesman for …")."""
SPEECH_VERBS = (
    r"said|says|say|told|tells|reported|reports|report|stated|announced|announces"
    r"|added|claimed(?!\s+(?:the\s+)?lives\b)|claims(?!\s+(?:the\s+)?lives\b)|revealed|reveals"
    r"|confirmed|confirms|explained|noted|declared|indicated|warned"
    r"|insisted|estimated|estimates|quoted|cited|wrote|tweeted|posted|counted|tallied"
    r"|saying|reporting|reported|recorded|registered|documented|recounted"
    r"|recalled(?!\s+(?:its|their|his|her|the)\s+(?:\w+\s+)?(?:ambassadors?|envoys?|troops"
    r"|forces|diplomats|staff))"
    r"|claiming|insisting|adding|stating|noting|revised|revises|warning"
    r"|admit(?:ted|s)(?=\s+(?:that|to|it|responsibility|killing)\b)"
    r"|acknowledged|acknowledges"
    r"|(?:puts?|gave|gives|give)(?=\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,3}?(?:toll|number|figure|count"
    r"|tally|total)\b)"
    r"|believes?(?=\s+that\b)|understands?(?=\s+that\b)"
    # "…, hospital records showed on Thursday": records and data show, people do not
    r"|show(?:(?<=records show)|(?<=data show)|(?<=figures show)|(?<=statistics show))(?:ed|s)?"
    # a Title Case headline's verb ("State Dept Confirms At Least 22 Americans Killed"), not
    # one quoted in a sentence ("as Netanyahu Warns of a Long War")
    r"|(?:Says|Said|Confirms|Claims|Warns|Announces|Reveals|Estimates)"
    r"(?=\s+[A-Z0-9$‘'\"“]|\s*[,.:;]|\s*$)"
    # "…, Palestinian officials claim": after a plural, not "the Israeli claim that …" (the word
    # first, looked behind from: the regex engine then skips this form at once at other words)
    r"|claim(?<=[^'’\s]s\sclaim)"
)
"""Verbs that attribute a claim to whoever comes before them ("officials said")."""
_NOT_NAMES_EARLY = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
    r"|June|July|August|September|October|November|December)"
)
"""Weekdays and months, which start no source's words ("On Thursday the UN agency said"); not
"May", a given name too ("Minister May Golan told")."""
_NP_WORD = (
    rf"(?:(?!{_NOT_NAMES_EARLY}\b|SAYS\b|SAID\b)[A-Z][\w’'.\-]*|al-[A-Z][\w’'.\-]*|of|for|in|at|from"
    rf"|and|the|local|health|military"
    rf"|news|press|state|region|area|city|country|territory|enclave|town|camp|\([A-Z]{{2,6}}\)"
    rf"|official|special|number|several|independent|civilian|humanitarian|aid|relief|nearby"
    rf"|central|southern|northern|eastern|western"
    rf"|refugee|refugees|both|besieged|occupied|coastal|blockaded|embattled|war-torn"
    rf"|intelligence|diplomatic|regional|international|air|naval|armed|{_SOURCE_NOUNS}|{_ROLE_WORDS}"
    r"|[a-z]+['’]s"
    r"|[a-z]+-(?:run|owned|backed|controlled|affiliated|based|led|funded)"
    r"|(?<=[A-Z][a-z]['’]s )[a-z]+|(?<=[A-Z][a-z]{2}['’]s )[a-z]+|(?<=[a-z]{3}['’]s )[a-z]+"
    rf"|(?<=[a-z] )[a-z]{{4,}}(?=\s+(?:{_SOURCE_NOUNS})\b))"
)
"""A word of a source's noun phrase. Lower-case words are the listed ones, "state-run" and its
kind, any one word right after a possessive ("Russia's emergencies ministry said") and one of
four letters or more right before the source noun, after another word ("the Red Crescent
ambulance service said", "the labour ministry has said")."""
_ADVERBS = (
    r"also|now|just|meanwhile|separately|later|earlier|previously|again|further|initially|already"
    r"|repeatedly|then"
)
"""Adverbs between a source and its verb ("the ministry in Gaza meanwhile says")."""
_NOT_NAMES = (
    r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
    r"|May|June|July|August|September|October|November|December)"
)
"""Capitalised words that are no source ("said on Sunday")."""
_FINAL = (
    rf"(?:(?!{_NOT_NAMES}\b)[A-Z][\w’'.\-]*|al-[A-Z][\w’'.\-]*|{_SOURCE_NOUNS}"
    rf"|\([A-Z]{{2,6}}\)|region|area|hospital|enclave|territory|strip"
    r"|(?<=of )(?:health|defen[cs]e|interior|information|education)|(?<=civil )defen[cs]e)"
)
_SPEECH_RE = re.compile(
    rf"\b(?=[A-Za-z])(?:(?:has|have|had|is|are|was|were)\s+)?(?:(?:{_ADVERBS})\s+)?"
    rf"(?:{SPEECH_VERBS})\b"
)
"""A speech verb with its auxiliaries: every "<source> said" phrase ends with one.

Every form starts with a letter: the look-ahead rejects the word boundaries before a space
or a sign at once (the optional words that open the pattern are no quick test)."""
_SOURCE_BEFORE_VERB_RE = re.compile(
    rf"(?:(?:[Tt]he|[Aa]n?)\s+)?(?:{_NP_WORD}\s+){{0,7}}{_FINAL}\s+(?:{_NOT_NAMES}\s+)?"
    r"(?:(?:there|here)\s+)?"
)
"""The source before a speech verb: a short noun phrase ("the Israeli military said")."""
_APPOSITION_BEFORE_VERB_RE = re.compile(
    r"[A-Z][\w’'.\-]*(?:\s+(?:[A-Z][\w’'.\-]*|al-[A-Z][\w’'.\-]*)){0,3},\s+(?:\d{1,3},\s+)?"
    r"(?:(?:the|a|an|in|at|near|based\s+in|one\s+of)\s+|[A-Z][\w’'\-]*['’]s?\s+"
    rf"|(?:{_PERSON_ROLES})\s+(?:of|for|at|to|in)\s+)[^,.;:]{{3,140}},\s+"
    # "France's foreign minister, Catherine Colonna, said"
    rf"|(?:[A-Z][\w’'\-]*['’]s?\s+|(?:[Tt]he|[Aa]n?)\s+)(?:[\w’'-]+\s+){{0,4}}?(?:{_ROLE_WORDS})"
    r"(?:\s+in\s+the\s+[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*)?)?,\s+(?:the\s+)?"
    r"(?:[A-Z][\w’'.\-]*|al-[A-Z][\w’'.\-]*)(?:\s+(?:[A-Z][\w’'.\-]*|al-[A-Z][\w’'.\-]*)){0,3},\s+"
    # "Global Affairs Canada, meanwhile, said"
    rf"|(?:(?:[Tt]he|[Aa]n?)\s+)?(?:{_NP_WORD}\s+){{0,6}}{_FINAL},\s+"
    r"(?:meanwhile|however|too|also|separately|though|for\s+(?:its|his|her|their)\s+part),\s+"
    rf"|(?:(?:[Tt]he|[Aa]n?)\s+)?(?:{_NP_WORD}\s+){{0,6}}{_FINAL},\s+"
    r"(?:who|which|also\s+citing|citing|quoting)\s+[^,.;:]{3,120},\s+"
    # "The ministry, in the Hamas-run Gaza Strip, said"
    rf"|(?:(?:[Tt]he|[Aa]n?)\s+)?(?:{_NP_WORD}\s+){{0,4}}{_FINAL},\s+"
    r"(?:in|at|near|based\s+in)\s+[^,.;:]{3,60},\s+"
)
"""A name with its apposition before the verb: "Mohammed Zaqout, the head of …, said"."""
_DASHED_BEFORE_VERB_RE = re.compile(
    r"(?:(?:[Tt]he|[Aa]n?)\s+)?[A-Z][\w’'.\-]*(?:\s+(?:[A-Z][\w’'.\-]*|al-[A-Z][\w’'.\-]*)){0,3}"
    r"\s+[-–—]\s+(?:[^-–—.;:]|(?<=\d)\.(?=\d)){3,100}\s+[-–—]\s+"
)
"""A name with a dashed aside before the verb: "The UN - which is housing many … - says"."""
_PARTICIPLE_SPEECH = frozenset(
    {"saying", "claiming", "insisting", "adding", "stating", "noting", "reporting"}
)
"""Speech verbs that take the sentence's subject as their source after a comma ("Hamas rushed
to blame Israel, claiming that more than 500 had been killed")."""
_SUBJECT_RE = re.compile(
    rf"(?:(?:[Tt]he|[Aa]n?)\s+)?(?:{_NP_WORD}\s+){{0,6}}{_FINAL}"
    r"(?=\s+(?:(?:has|have|had|also|then|later)\s+)?[a-z]+\b)"
)
"""A sentence's opening noun phrase, followed by its verb."""
_CLAIM_AFTER_RE = re.compile(r"\s+(?:that\b|(?:[\w’'-]+\s+){0,2}\d)")
"""What a participle's claim starts with: "that", or a number within three words."""
_THAT_RE = re.compile(r"\s+that\b")
_NUMBER_SPEECH = frozenset({"saying", "claiming", "stating", "reporting"})
"""Participles whose claim may start without "that" ("adding 14 more" adds, says nothing)."""
_RELATIVE_VERB_RE = re.compile(
    r"(?:(?:has|have|had)\s+)?(?:said|says|say|told|tells|reported|reports|stated|announced"
    r"|claimed|claims|confirmed|confirms|estimated|estimates)"
)
"""The speech verbs of "X, which has said …" (no passive "who was said to be")."""
_RELATIVE_SPEAKER_RE = re.compile(
    r"(?P<src>(?:(?:[Tt]he|[Aa]n?)\s+)?[A-Z][\w’'.\-]*(?:\s+(?:[A-Z][\w’'.\-]*|al-[A-Z][\w’'.\-]*"
    r"|of|for|and)){0,5})(?:,\s+(?:a|an|the)\s+[^,.;:]{3,70}?)?,?\s+(?:which|who)\s+\Z"
)
"""A name, with its apposition, before "which/who said" ("Hezbollah, a heavily armed group
which has said that …"): the name is the source."""
SOURCE_WORDS = 9
"""How many words before a speech verb a noun-phrase source may start."""
_WORD_START_RE = re.compile(r"(?<![\w’'.\-])[\w(]")
SOURCE_REACH = 160
"""How many characters before a speech verb a source may start."""
_ATTRIBUTION_RE = re.compile(
    # Every form starts with a word: a word boundary before a letter, tested once up front.
    r"(?<!\w)(?=[A-Za-z])(?:"
    r"\b[Aa]ccording\s+to\s+(?:[^,.;:!?()\[\]\"“”–—]|(?<=\b[A-Z])\.){2,120}?"
    r"(?=\s*(?:[,;:!?()\[\]\"“”–—]|(?<!\b[A-Z])\.)|\s+that\b|$)"
    # "according to Ashraf al-Qudra, a spokesman for Gaza's Health Ministry": the role too
    r"(?:(?<=[a-z])(?=,\s)"
    rf",\s+(?:(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,3}}?)?(?:{_PERSON_ROLES})"
    r"(?:\s+(?:of|for|at|in|with|to)\s+(?:(?!\b(?:said|says|told)\b)[^,.;:()\"“”]){1,60})?"
    r"(?=\s*[,.;]|$))?"
    rf"|\b(?:said|says|citing|per)\s+(?:the\s+|an?\s+)?(?:(?:{_ROLE_WORDS}|[a-z]+['’]s)\s+){{0,4}}"
    rf"(?!{_NOT_NAMES}\b)[A-Z][\w’'.\-]*(?:\s+(?:[A-Z][\w’'.\-]*|al-[A-Z][\w’'.\-]*|of|for"
    r"|(?:spokes(?:man|woman|person)|official|director|chief|envoy|ambassador|minister|head)"
    r"(?=\s+[A-Z])))*"
    # "said Mahmoud Bassal, a spokesman for Gaza's Civil Defense department"
    rf"(?:,\s+(?:(?:a|an|the)\s+(?:[\w’'-]+\s+){{0,3}}?(?:{_ROLE_WORDS})|(?:{_PERSON_ROLES}))\b"
    r"[^,.;:()\"“”]{0,60})?"
    r"(?=\s*[,.;]|$)"
    # "…, says the Hamas-run health ministry"
    rf"|\b(?:said|says)\s+(?:the|a|an)\s+(?:[A-Z][\w.\-]*\s+)?(?:[a-z][\w'’\-]*\s+){{0,3}}"
    rf"(?:{_SOURCE_NOUNS})\b(?=\s*[,.;]|\s+in\s+[A-Z]|$)(?:\s+in\s+[A-Z][\w’'\-]*)?"
    rf"|\b(?:said|says)\s+(?:the\s+)?[A-Z][\w.\-]*['’]s?\s+(?:(?:{_ROLE_WORDS})\s+){{0,3}}"
    rf"(?:{_SOURCE_NOUNS})\b"
    rf"|\b(?:the\s+)?(?!{_NOT_NAMES}['’])[A-Z][\w.]*['’]s\s+(?:own\s+|latest\s+|official\s+)?"
    r"(?:figures?|count|tally|estimates?|toll|data)\b"
    # "By Palestinian officials' tally, …"
    r"|\b[Bb]y\s+(?:the\s+)?(?:[\w’'-]+\s+){0,3}?"
    rf"(?!{_NOT_NAMES}['’]|(?:today|yesterday|week|month|year|night)['’])"
    r"[\w-]+(?:['’]s|s['’])\s+(?:own\s+|latest\s+|official\s+)?"
    r"(?:tally|count|figures?|estimates?|toll|data)\b"
    r"|\b(?:reported|recorded|counted|confirmed|registered|documented|compiled|provided|issued)"
    r"\s+by\s+(?:the\s+)?(?:[\w’'-]+\s+)?[A-Z][^,.;:!?()\[\]\"“”–—]{1,80}?"
    r"(?=\s*[,.;:!?()\[\]\"“”–—]|\s+(?:are|is|was|were|have|has|had|and|but|since|after|on"
    rf"|{SPEECH_VERBS})\b|$)"
    # "Haaretz newspaper quoted an eyewitness as saying"
    r"|\b(?:quotes|quoted|quoting)\s+[^,.;:!?()\"“”]{2,80}?\s+as\s+saying\b"
    r"|\b(?:[Ff]igures|[Dd]ata|[Ss]tatistics|[Nn]umbers|[Cc]ounts?|[Tt]ally)\s+"
    r"(?:released\s+|published\s+|shared\s+|provided\s+|compiled\s+)?"
    r"(?:from|by)\s+(?:the\s+)?[A-Z][^,.;:!?()\[\]\"“”–—]{2,100}?"
    r"(?=\s*[,.;:!?()\[\]\"“”–—]|\s+(?:this|last|on|show|shows|showed|suggest|suggests"
    rf"|indicate|indicates|are|is|was|were|have|has|had|and|but|{SPEECH_VERBS})\b|$)"
    r")"
)
"""Sources that do not end with a speech verb: "according to X", "said X", "X's figures"."""
_LEADING_FILLER_RE = re.compile(
    r"^(?:(?:In|On|At|After|But|And|Meanwhile|However|Also|So|Yet|Then|Since|While|As|Now"
    r"|Earlier|Later|Separately|Still|Today|Yesterday|Although|Though|When)\s+)+"
)
_DETERMINERS = frozenset({"A", "An", "The", "a", "an", "the"})
_NOT_A_SOURCE_RE = re.compile(r"^(?:It|He|She|They|We|I|This|That|There)\s", re.IGNORECASE)


_CUE_RE = re.compile(
    rf"\b(?=[A-Za-z])(?:[Aa]ccording|{SPEECH_VERBS}|citing|per|[Ff]igures?|count|tally"
    r"|estimates?|toll|[Dd]ata)\b"
)
"""A word without which no attribution is found (the look-ahead as in `_SPEECH_RE`)."""


def attribution_spans(sentence: str) -> list[tuple[int, int]]:
    """The attribution phrases of one sentence as (start, end) offsets into it."""
    spans: list[tuple[int, int]] = []
    if _CUE_RE.search(sentence) is None:
        return spans
    for start, end in _candidates(sentence):
        phrase = sentence[start:end]
        filler = _LEADING_FILLER_RE.match(phrase)
        if filler and not phrase.lower().startswith("according"):
            start += filler.end()
            phrase = sentence[start:end]
        words = phrase.split()
        only_determiner = words[0] in _DETERMINERS and len(words) < 3
        bare_name = len(words) == 1 and phrase[:1].isupper()  # "Hamas" (…, claiming that …)
        if _NOT_A_SOURCE_RE.match(phrase) or (len(words) < 2 and not bare_name):
            continue
        if only_determiner and _SPEECH_RE.search(phrase) is not None:
            continue  # "The said" is no source; "The ministry" (…, saying that …) is
        if sentence[end - 1] == "." and sentence[end - 2 : end - 1].islower():
            end -= 1  # the sentence's full stop after a name ("… spokesman Mahmud Basal.")
        spans.append((start, end))
    return spans


def _word_starts(text: str, start: int, end: int) -> list[int]:
    """Where the words of `text[start:end]` start (the character before `start` counts)."""
    return [word.start() for word in _WORD_START_RE.finditer(text, start, end)]


_NOT_IN_SOURCE = ',;:"“”'
"""Marks that `_SOURCE_BEFORE_VERB_RE` never matches (its words, spaces and "(AP)" hold none)."""
_QUOTED = ("quotes ", "quoted ", "quoting ")
"""A span starting with one of these ("quoted X as saying") joins the speaker before it."""


def _candidates(sentence: str) -> list[tuple[int, int]]:
    """Candidate attribution phrases, leftmost first, not overlapping.

    "<source> said" phrases are found from their verb backwards (trying the word starts
    before it, farthest first), so the long source pattern is tried a few times per verb
    rather than at every word of the sentence.
    """
    found = [m.span() for m in _ATTRIBUTION_RE.finditer(sentence)]
    found_verb = False
    for verb in _SPEECH_RE.finditer(sentence):
        lo = max(0, verb.start() - SOURCE_REACH)
        ending = sentence[: verb.start()].rstrip()[-1:]
        appositive = ending == ","
        dashed = ending in "-–—" and ending != ""
        aside = _APPOSITION_BEFORE_VERB_RE if appositive else _DASHED_BEFORE_VERB_RE
        if (
            appositive
            and not found_verb
            and verb.group() in _PARTICIPLE_SPEECH
            and (_CLAIM_AFTER_RE if verb.group() in _NUMBER_SPEECH else _THAT_RE).match(
                sentence, verb.end()
            )
        ):
            opening = _LEADING_FILLER_RE.match(sentence)
            subject = _SUBJECT_RE.match(sentence, opening.end() if opening else 0)
            if subject is not None and subject.end() < verb.start():
                found.append(subject.span())
                continue
        found_verb = True
        if _RELATIVE_VERB_RE.fullmatch(verb.group()) and sentence.endswith(
            ("which ", "who "), 0, verb.start()
        ):
            speaker = _RELATIVE_SPEAKER_RE.search(sentence, lo, verb.start())
            if speaker is not None:
                found.append(speaker.span("src"))
                continue
        if appositive:
            # Every apposition holds two commas ("X, the head of Y, said"): a start after the
            # comma before the last one cannot match; and no noun phrase ends with a comma.
            second = sentence.rfind(",", 0, sentence.rfind(",", 0, verb.start()))
            tried = _word_starts(sentence, lo, second + 1)
        elif dashed:
            tried = _word_starts(sentence, lo, verb.start())
        else:
            # A noun phrase holds no comma, colon or quote: only starts after the last one.
            stop = max(sentence.rfind(mark, lo, verb.start()) for mark in _NOT_IN_SOURCE)
            tried = _word_starts(sentence, max(lo, stop + 1), verb.start())[-SOURCE_WORDS:]
        for at in tried:
            if (
                not appositive and _SOURCE_BEFORE_VERB_RE.fullmatch(sentence, at, verb.start())
            ) or ((appositive or dashed) and aside.fullmatch(sentence, at, verb.start())):
                found.append((at, verb.end()))
                break
        else:
            # "X blamed the strike on Israel and said …", "X issued its update, which says …"
            if sentence.endswith(" and ", 0, verb.start()) and not sentence.startswith(
                " to ", verb.end()
            ):
                subject_of = _COORDINATED_SPEAKER_RE
            elif sentence.endswith(" which ", 0, verb.start()):
                subject_of = _PUBLISHER_RE
            else:
                continue
            opening = _LEADING_FILLER_RE.match(sentence)
            at = opening.end() if opening else 0
            if subject_of.fullmatch(sentence, at, verb.start()):
                found.append((at, verb.end()))
    found.sort(key=lambda span: (span[0], -span[1]))
    kept: list[tuple[int, int]] = []
    for span in found:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
        elif span[1] > kept[-1][1] and sentence.startswith(_QUOTED, span[0]):
            kept[-1] = (kept[-1][0], span[1])  # "Haaretz quoted" + "quoted X as saying"
    return kept


_SUBJECT_NP = (
    rf"(?:(?:[Tt]he|[Aa]n?)\s+)?(?:{_NP_WORD}\s+){{0,5}}"
    rf"(?!(?:The|An?|This|That|These|Those|It|They|He|She|We)\b){_FINAL}\s+"
)
"""A sentence's opening noun phrase that can be a source (no determiner or pronoun heads it)."""
_COORDINATED_SPEAKER_RE = re.compile(
    rf"{_SUBJECT_NP}(?:(?:had|has|have)\s+)?[a-z]+ed\b[^,;:.!?\"“”]{{0,80}}?\s+and\s+"
)
"""The subject of a sentence whose second verb speaks: "Palestinian authorities blamed the
strike on Israel and said it killed 471 people"."""


_PUBLISHER_RE = re.compile(
    rf"{_SUBJECT_NP}(?:(?:has|have|had)\s+)?(?:(?:just|also|now)\s+)?"
    r"(?:issued|released|published|put\s+out|posted|shared|issues|releases|publishes)\s+"
    r"[^,;:.!?\"“”]{0,60}?"
    r"\b(?:update|report|statement|figures|data|tally|list|count|assessment|study|survey"
    r"|bulletin|toll)s?,?\s+which\s+"
)
"""The subject that put out what speaks: "Gaza's health ministry has just issued its regular
casualty update, which says 28,340 Palestinians have been killed"."""


_AFTER_SOURCE = re.compile(
    r"^(?:['’]s?)?(?:\s+(?!(?:the|a|an|with|of|in|on|to|for|by|and|from|that)\b)[\w'’-]+){0,4}?"
    rf",?\s+(?:has |have |had |also |then |later )?(?:{SPEECH_VERBS})\b",
    re.IGNORECASE,
)
_BEFORE_SOURCE = re.compile(
    r"(?:according to|told|cited by|quoted by|reported by|said by|data from|figures from|"
    r"count by|a count by|statement from|quoting)"
    r"\s+(?:an?\s+|the\s+)?(?:[\w'’-]+\s+){0,3}$",
    re.IGNORECASE,
)
_BEFORE_HINT = re.compile(r"accord|told|by|from|quot|statement", re.IGNORECASE)
"""A cheap test run before `_BEFORE_SOURCE`, whose end-anchored search is slow."""


def cites_before(before: str) -> bool:
    """Whether `before` (the text up to a name) ends by citing it: "according to (the) X"."""
    return bool(_BEFORE_HINT.search(before) and _BEFORE_SOURCE.search(before))


def speaks_after(after: str) -> int | None:
    """Where the speech verb that follows a name ends ("'s foreign ministry said"), or None.

    Args:
        after: The text right after the name, up to the end of its clause.
    """
    found = _AFTER_SOURCE.match(after)
    return None if found is None else found.end()


_HEADLINE_PREFIX_RE = re.compile(
    rf"^(?P<src>(?:[A-Z][\w’'.\-]*|al-[A-Z][\w’'.\-]*|{_NP_WORD})(?:\s+{_NP_WORD}){{0,5}}):\s+\S"
)
_HEADLINE_SUFFIX_RE = re.compile(
    r"(?:[:–—]|\s-)\s+(?P<src>(?:[A-Z][\w’'.\-]*|[a-z]+)"
    rf"(?:\s+(?:[A-Z][\w’'.\-]*|{_SOURCE_NOUNS}|soldiers|troops)){{0,3}})\s*$"
)
_NOT_HEADLINE_SOURCE_RE = re.compile(
    r"^(?:live|watch|video|analysis|explainer|opinion|update|latest|breaking|report|exclusive"
    r"|photos?|in pictures|what we know|timeline)\b",
    re.IGNORECASE,
)


_SUFFIX_ONLY = (_HEADLINE_SUFFIX_RE,)
"""The headline tags a title without a colon can have (a prefix tag ends with one)."""


def headline_source(title: str) -> tuple[int, int] | None:
    """The source tag of a headline ("Gaza health ministry: 5,000 killed", "…: Qatar").

    Headlines attribute with a colon or a dash instead of a verb; the tag is the figure's
    attribution when its own words give none. None when the title has no such tag.
    """
    # A prefix tag ends with a colon: without one, its search (costly on every title) is skipped.
    prefixed = ":" in title
    for pattern in (_HEADLINE_PREFIX_RE, _HEADLINE_SUFFIX_RE) if prefixed else _SUFFIX_ONLY:
        found = pattern.search(title)
        if found is not None and not _NOT_HEADLINE_SOURCE_RE.match(found.group("src")):
            return found.span("src")
    return None


_PRONOUN_SPEECH_RE = re.compile(
    rf"\b(?=[HhSsTtIi])(?:[Hh]e|[Ss]he|[Tt]hey|[Ii]t)\s+(?:also\s+|later\s+)?"
    rf"(?:{SPEECH_VERBS}|added)\b"
)
"""A pronoun and its speech verb anywhere in a sentence (at its start or after a comma too:
a word boundary is there), found from a look at the pronoun's first letter."""
_OPENING_PRONOUN_SPEECH_RE = re.compile(
    rf"(?:(?:But|And|Meanwhile|However|Separately),?\s+)?(?:He|She|They|It"
    r"|(?:Its|Their|His|Her)\s+(?:latest\s+|new\s+|daily\s+|updated\s+)?"
    r"(?:update|figures?|statement|report|count|tally|data|toll)(?:\s+on\s+[A-Z]\w+)?)\s+"
    rf"(?:(?:{_ADVERBS})\s+)?(?:{SPEECH_VERBS}|added)\b"
)
"""A pronoun, or a pronoun's statement ("Its latest update said"), opening the sentence."""


def speaks_by_pronoun(sentence: str) -> bool:
    """Whether a pronoun is the sentence's source ("He added that…", "…, she said.")."""
    return _PRONOUN_SPEECH_RE.search(sentence) is not None


_SOURCE_NOUN_RE = re.compile(_SOURCE_NOUNS)
_MID_PRONOUN_SPEECH_RE = re.compile(
    rf"\b(?P<pronoun>it|they)\s+(?:also\s+|later\s+)?(?:{SPEECH_VERBS})\b"
)
"""A lower-case "it says" / "they said" inside a sentence (after its opening)."""


def pronoun_subject(sentence: str) -> tuple[int, int] | None:
    """The sentence's own subject when a later "it says" / "they said" refers to it.

    "The Hamas-run health ministry released names of 86 people out of the 274 Palestinians it
    says were killed": the ministry speaks. Only a source noun (ministry, officials, military…)
    or an acronym ("The IDF") heads it, "it" for a singular one and "they" for a plural one,
    and the pronoun is inside the sentence, not its closing "…, it added".
    """
    speech = _MID_PRONOUN_SPEECH_RE.search(sentence)
    if speech is None:
        return None
    opening = _LEADING_FILLER_RE.match(sentence)
    subject = _SUBJECT_RE.match(sentence, opening.end() if opening else 0)
    if subject is None or subject.end() >= speech.start():
        return None
    if sentence[: speech.start()].rstrip().endswith(","):
        return None  # "…, it added.": the source of the sentence before
    head = subject.group().split()[-1]
    acronym = len(head) > 1 and head.isupper() and head.isalpha()
    if not acronym and _SOURCE_NOUN_RE.fullmatch(head) is None:
        return None  # a capitalised opening ("Days earlier it announced") names nobody
    plural = head.endswith("s") and not head.endswith("ss") and not acronym
    if (speech.group("pronoun") == "they") != plural:
        return None
    return subject.span()


def opens_with_pronoun_speech(sentence: str) -> bool:
    """Whether the sentence opens with its pronoun source ("It said at least 20 others…").

    That source governs the whole sentence, over a speech verb in a later clause
    ("…, which residents said involved two drone strikes").
    """
    return _OPENING_PRONOUN_SPEECH_RE.match(sentence.lstrip()) is not None
