"""Named-party mentions: every state, organization, person, outlet and place a text names.

`find_article_mentions` reads a whole article, its title included: the gazetteer's forms,
read in their sentence (`index.extract.mention_context`: "in Israel" is the place, "Doha
said" is Qatar, "Thai hostages" are people), the names it cannot know (`index.extract.names`:
"spokesman Mahmoud Basal", "Far Western University") and the short forms that repeat a full
name of the same article (`index.extract.name_links`: "Lifschitz", "PRCS"). A Title Case
headline names nobody new by its capitals alone.

`find_mentions` is the gazetteer's reading alone: it runs a `Gazetteer` (see
`index.extract.gazetteer`) over each paragraph and returns `Mention`s with exact character
offsets. All of a gazetteer's surface forms are compiled into one regular expression shaped
like a character trie (`index.extract.word_trie`), so each paragraph is scanned once, in C:
case-sensitively, on word boundaries, the longest form first (a second form of the regex
finds the same matches faster: `_scan_pattern`). A stop-phrase ("Washington Post" is media,
"Michael Jordan" is nobody here) wins over the shorter forms inside it.

The gazetteer's reading (documented in `index/data/parties.json` too):
- Demonyms and adjectives name their state: "Qatari" -> Qatar, "Israelis" -> Israel,
  "Palestinian(s)" -> Palestine (the Palestinian people and territories).
- Metonyms and cities name the party they stand for, with that party's kind: "Doha" -> Qatar
  (state), "the Kremlin" -> Russia, "Ramallah" -> Palestinian Authority. The mention's
  `text` keeps what was written, so a reader still sees "Doha".
- A person's `affiliation` is their party or state (Haniyeh -> Hamas, Netanyahu -> Israel);
  an organization tied to a party has it too (IDF -> Israel, Hamas Ministry of Health -> Hamas).
- Text inside URLs is never a mention.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Sequence
from functools import cache, lru_cache
from typing import NamedTuple

from index.extract.candidates import Candidate, FormRole
from index.extract.gazetteer import Gazetteer, PartyEntry, load_gazetteer
from index.extract.mention_context import read_in_context
from index.extract.name_links import link_names
from index.extract.names import find_names
from index.extract.word_trie import form_pattern, trie_branches, trie_pattern
from index.models import Mention, MentionKind
from index.text.stopwords import STOP_WORDS

__all__ = [
    "Gazetteer",
    "PartyEntry",
    "default_gazetteer",
    "find_article_mentions",
    "find_mentions",
    "load_gazetteer",
]

_URL = re.compile(r"(?:https?://|www\.)\S+|[\w.-]+\.(?:com|org|net|html?|php)\b\S*", re.IGNORECASE)
_URL_HINT = re.compile(r"://|www\.|\.(?:com|org|net|htm|php)")
_Party = tuple[str, MentionKind, str | None, FormRole]
"""(canonical name, kind, affiliation, how the form names it)."""
_WORD_BEFORE = re.compile(r"(?<![\w'’.-])([A-Z][a-z][\w'’-]*)\s+\Z")
_NOT_GIVEN_NAMES = frozenset(
    """mr mrs ms miss dr prof professor president minister secretary chancellor premier sheikh
    emir king queen prince princess general gen lt col colonel major maj captain capt sgt brig
    adm admiral commander ambassador senator sen rep congressman congresswoman speaker director
    chief spokesman spokeswoman spokesperson leader ayatollah pope envoy judge justice sir lord
    dame governor gov mayor rabbi imam father vice deputy foreign defence defense prime interior
    finance chairman chairwoman head official commissioner taoiseach crown sultan sayyed state
    messrs baroness no suddenly perhaps indeed instead nevertheless team
    then but and when after while as if so now yet still meanwhile later earlier since because
    though although with without for from to by at in on of the a an that this also both even
    only says said tells told asked thanked called met under before during until unlike like
    whether where who what why how once today here there let dear thanks including against
    monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december""".split()  # noqa: SIM905 (a word list)
)


@cache
def default_gazetteer() -> Gazetteer:
    """The built-in gazetteer, loaded once per process."""
    return load_gazetteer()


def find_mentions(paragraphs: Sequence[str], gazetteer: Gazetteer | None = None) -> list[Mention]:
    """Find the gazetteer's party mentions in each paragraph, as the gazetteer reads them.

    Args:
        paragraphs: The article's paragraphs; offsets are relative to each one.
        gazetteer: The parties to look for; the built-in gazetteer when None. Pass
            `load_gazetteer([paths.parties_file])` to include the user's own file.

    Returns:
        Mentions in paragraph order, then by start offset; `paragraphs[p][start:end] == text`.
    """
    matcher = _matcher(default_gazetteer() if gazetteer is None else gazetteer)
    return [
        Mention(c.party, c.kind, c.affiliation, text[c.start : c.end], index, c.start, c.end)
        for index, text in enumerate(paragraphs)
        for c in _gazetteer_candidates(text, matcher)
    ]


def find_article_mentions(
    title: str, paragraphs: Sequence[str], gazetteer: Gazetteer | None = None
) -> list[Mention]:
    """Find every party an article names, in its title and its paragraphs.

    Args:
        title: The headline; its mentions have `paragraph=None` and offsets into it.
        paragraphs: The article's paragraphs; offsets are relative to each one.
        gazetteer: The parties to look for; the built-in gazetteer when None.

    Returns:
        Mentions in reading order (the title first); `Article.text_of(m.paragraph)[m.start:
        m.end] == m.text`. Gazetteer forms keep their canonical names, kinds and
        affiliations; a name found from the text is named as first written in full.
    """
    table = default_gazetteer() if gazetteer is None else gazetteer
    matcher = _matcher(table)
    headline = _is_title_case(title)
    fields: list[tuple[int | None, str, list[Candidate]]] = [
        (None, title, _candidates(title, matcher, table, headline=headline))
    ]
    fields.extend(
        (index, text, _candidates(text, matcher, table, headline=False))
        for index, text in enumerate(paragraphs)
    )
    link_names(fields)
    quiet = _quiet_demonyms(table)
    return [
        Mention(c.party, c.kind, c.affiliation, text[c.start : c.end], index, c.start, c.end)
        for index, text, found in fields
        for c in found
        if not (quiet and c.role is FormRole.DEMONYM and c.party in quiet)
    ]


@lru_cache(maxsize=8)
def _quiet_demonyms(gazetteer: Gazetteer) -> frozenset[str]:
    """The parties whose demonym never names them acting (`PartyEntry.demonym_acts`).

    Their demonym still builds names ("Palestinian Health Ministry", found from it); alone
    it is no mention of the party ("Palestinian officials said").
    """
    return frozenset(
        name
        for name in set(gazetteer.surfaces.values())
        if name is not None and not gazetteer.entry(name).demonym_acts
    )


def _candidates(
    text: str, matcher: _Matcher, gazetteer: Gazetteer, *, headline: bool
) -> list[Candidate]:
    """One text's candidates: the gazetteer's read in context, then the names from cues."""
    known = _gazetteer_candidates(text, matcher)
    if known:
        known = read_in_context(text, known, gazetteer, headline=headline)
    return find_names(text, known, gazetteer, headline=headline)


def _gazetteer_candidates(text: str, matcher: _Matcher) -> list[Candidate]:
    """The gazetteer's forms in one text, stop-phrases, URLs and other people's surnames out."""
    first = matcher.scan.search(text)
    if first is None:  # most texts: no form, so no URL to look for either
        return []
    hits: list[Candidate] = []
    urls = _url_spans(text)
    lookup = matcher.lookup
    for match in _matches(text, matcher, first):
        found = match.group()
        party = lookup[found] if found in lookup else lookup[" ".join(found.split())]
        if party is None:
            continue
        start, end = match.span()
        if urls and any(low <= start < high for low, high in urls):
            continue
        name, kind, affiliation, role = party
        if role is FormRole.SURNAME and _after_other_given_name(text, start, lookup):
            continue
        hits.append(Candidate(start, end, name, kind, affiliation, role))
    return hits


def _is_title_case(text: str) -> bool:
    """Whether a headline capitalises its words ("A Sudden Blast, Then Carnage …")."""
    words = [w for w in text.split() if len(w) > 3 and w.lower() not in STOP_WORDS]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= 0.75 * len(words)


def _after_other_given_name(text: str, start: int, lookup: dict[str, _Party | None]) -> bool:
    """Whether a bare surname at `start` follows someone else's given name ("Margaret Harris").

    Titles ("Vice-President Harris"), function words, dates, possessives ("Egypt's Sisi"),
    gerunds ("Killing Haniyeh") and the gazetteer's own forms ("Israeli Netanyahu") do not
    count as given names.
    """
    match = _WORD_BEFORE.search(text, max(0, start - 40), start)
    if match is None:
        return False
    word = match.group(1)
    return not (
        word.lower().rpartition("-")[2] in _NOT_GIVEN_NAMES
        or word in lookup
        or word.endswith(("'s", "’s", "'", "’", "ing"))
    )


def _url_spans(text: str) -> list[tuple[int, int]]:
    """Character ranges of URL-like tokens (a cheap pre-check first: most text has none)."""
    if _URL_HINT.search(text) is None:
        return []
    return [match.span() for match in _URL.finditer(text)]


class _Matcher(NamedTuple):
    """A gazetteer's forms compiled (see `_matches`), and what each one names."""

    pattern: re.Pattern[str]
    """Every form on word boundaries (`_trie_pattern`): what the text's mentions are."""
    scan: re.Pattern[str]
    """The same matches found faster, or a hint to ask `pattern` (`_scan_pattern`)."""
    lookup: dict[str, _Party | None]


def _matches(text: str, matcher: _Matcher, first: re.Match[str] | None) -> Iterator[re.Match[str]]:
    """The matches of `matcher.pattern.finditer(text)`, mostly found by `matcher.scan`.

    `first` is the scan's first match in `text` (or None). Where the scan gives a hint (a
    lower-case form may start before it), `pattern` finds the next match from the same
    position instead.
    """
    search = matcher.scan.search
    position = 0
    match = first
    while match is not None:
        if match.lastindex is not None:
            match = matcher.pattern.search(text, position)
            if match is None:
                return
        yield match
        position = match.end()
        match = search(text, position)


@lru_cache(maxsize=8)
def _matcher(gazetteer: Gazetteer) -> _Matcher:
    """A gazetteer's compiled regexes, and what each surface form names."""
    lookup: dict[str, _Party | None] = {}
    for form, name in gazetteer.surfaces.items():
        entry = None if name is None else gazetteer.entry(name)
        if entry is None:
            lookup[form] = None
            continue
        lookup[form] = (entry.name, entry.kind, entry.affiliation, _role(form, entry, gazetteer))
    return _Matcher(re.compile(_trie_pattern(lookup)), re.compile(_scan_pattern(lookup)), lookup)


def _role(form: str, entry: PartyEntry, gazetteer: Gazetteer) -> FormRole:
    """How a surface form names its party."""
    if entry.kind is MentionKind.PERSON and " " not in form and form != entry.name:
        return FormRole.SURNAME
    if gazetteer.is_demonym(form):
        return FormRole.DEMONYM
    if form in gazetteer.cities:
        return FormRole.CITY
    if gazetteer.is_metonym(form):
        return FormRole.METONYM
    return FormRole.NAME


def _trie_pattern(forms: Iterable[str]) -> str:
    r"""One regex that matches any of `forms` on word boundaries (see `word_trie`).

    The look-behinds skip positions inside a word or a ticker ("<CBS>", "RHON.PA") yet keep
    "truce.Hamas said" (a space lost after a full stop).
    """
    return r"(?<![\w<])(?<![A-Z0-9]\.)" + trie_pattern(forms) + r"(?!\w)"


_LOOKBEHIND = r"(?<![\w<].)(?<![A-Z0-9]\..)"
"""`_trie_pattern`'s look-behinds, tested after the first character of a form."""
_COMMON_LETTERS = "etaoinsrhldcumfpgwybvkxjqz"
"""Lower-case letters from the most to the least common in English text."""


def _scan_pattern(forms: Collection[str]) -> str:
    r"""A regex that finds `_trie_pattern`'s matches faster, or hints where to look closer.

    `_trie_pattern` runs its look-behinds at every position of a text. Here each branch
    starts with its form's first character, so `re` skips in C to the next character that
    starts a form, and tests the look-behinds there only. That is fast only when the first
    characters are rare, so it is done for the forms that do not start in lower case
    ("Hamas", "U.S."); a lower-case form ("al-Aqsa", "health ministry in Gaza") is found
    by its first character that starts another form instead (its anchor, "A", "G"), or, when
    it has none ("dpa"), by its rarest letter with the letters before it ("(?<=dp)"): the
    rest of the form after the anchor, in a group, is a hint tried before the other forms.
    No other form starts between a lower-case form's start and its anchor, so a match with
    no group is `_trie_pattern`'s next match; after a hint `_matches` asks `_trie_pattern`.
    """
    lower = [form for form in forms if form[:1].islower()]
    branches = trie_branches(form for form in forms if not form[:1].islower())
    anchored: list[str] = []
    loose: defaultdict[str, list[str]] = defaultdict(list)
    for form in lower:
        at = next((i for i, char in enumerate(form) if char in branches), None)
        if at is not None:
            anchored.append(form[at:])
            continue
        token = form.split(" ", 1)[0]
        at = max(range(len(token)), key=lambda i: _rarity(token[i]))
        before = re.escape(token[: at + 1])
        loose[token[at]].append(rf"(?<={before})({form_pattern(form[at + 1 :])})")
    hints = trie_branches(anchored)
    alternatives = [
        re.escape(char) + "(?:" + "|".join(found) + ")" for char, found in loose.items()
    ]
    for char, rest in branches.items():
        upper = _LOOKBEHIND + rest
        hint = hints.get(char)
        alternatives.append(re.escape(char) + (upper if hint is None else f"(?:({hint})|{upper})"))
    if not alternatives:
        return r"(?!)"
    return "(?:" + "|".join(alternatives) + r")(?!\w)"


def _rarity(char: str) -> int:
    """How rare a character is in English text: a letter by its rank, any other the rarest."""
    rank = _COMMON_LETTERS.find(char)
    return len(_COMMON_LETTERS) if rank < 0 else rank
