"""Named-party mentions: every state, organization, person, outlet and place a text names.

`find_mentions` runs a `Gazetteer` (see `index.extract.gazetteer`) over each paragraph and returns
`Mention`s with exact character offsets. All of a gazetteer's surface forms are compiled
into one regular expression shaped like a character trie, so each paragraph is scanned once,
in C: case-sensitively, on word boundaries, the longest form first. A stop-phrase
("Washington Post" is media, "Michael Jordan" is nobody here) wins over the shorter forms
inside it.

Reading choices (documented in `index/data/parties.json` too):
- Demonyms and adjectives name their state: "Qatari" -> Qatar, "Israelis" -> Israel,
  "Palestinian(s)" -> Palestine (the Palestinian people and territories).
- Metonyms name the party they stand for, with that party's kind: "Doha" -> Qatar (state),
  "the Kremlin" -> Russia, "Ramallah" -> Palestinian Authority. The mention's `text` keeps
  what was written, so a reader still sees "Doha".
- A person's `affiliation` is their party or state (Haniyeh -> Hamas, Netanyahu -> Israel);
  an organization tied to a party has it too (IDF -> Israel, Hamas Ministry of Health -> Hamas).
- Text inside URLs is never a mention.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

from index.extract.gazetteer import Gazetteer, PartyEntry, load_gazetteer
from index.models import Mention, MentionKind

__all__ = ["Gazetteer", "PartyEntry", "default_gazetteer", "find_mentions", "load_gazetteer"]

_URL = re.compile(r"(?:https?://|www\.)\S+|[\w.-]+\.(?:com|org|net|html?|php)\b\S*", re.IGNORECASE)
_URL_HINTS = ("://", "www.", ".com", ".org", ".net", ".htm", ".php")
_Trie = dict[str, "_Trie"]
_Party = tuple[str, MentionKind, str | None, bool]
"""(canonical name, kind, affiliation, whether the form is a person's bare surname)."""
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
    """Find the party mentions in each paragraph.

    Args:
        paragraphs: The article's paragraphs; offsets are relative to each one.
        gazetteer: The parties to look for; the built-in gazetteer when None. Pass
            `load_gazetteer([paths.parties_file])` to include the user's own file.

    Returns:
        Mentions in paragraph order, then by start offset; `paragraphs[p][start:end] == text`.
    """
    pattern, lookup = _matcher(default_gazetteer() if gazetteer is None else gazetteer)
    mentions: list[Mention] = []
    for index, text in enumerate(paragraphs):
        urls = _url_spans(text)
        for match in pattern.finditer(text):
            found = match.group()
            party = lookup[found] if found in lookup else lookup[" ".join(found.split())]
            if party is None:
                continue
            start, end = match.span()
            if urls and any(low <= start < high for low, high in urls):
                continue
            name, kind, affiliation, bare_surname = party
            if bare_surname and _after_other_given_name(text, start, lookup):
                continue
            mentions.append(
                Mention(
                    party=name,
                    kind=kind,
                    affiliation=affiliation,
                    text=found,
                    paragraph=index,
                    start=start,
                    end=end,
                )
            )
    return mentions


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
    if not any(hint in text for hint in _URL_HINTS):
        return []
    return [match.span() for match in _URL.finditer(text)]


@lru_cache(maxsize=8)
def _matcher(gazetteer: Gazetteer) -> tuple[re.Pattern[str], dict[str, _Party | None]]:
    """A gazetteer's compiled trie regex, and what each surface form names."""
    lookup: dict[str, _Party | None] = {}
    for form, name in gazetteer.surfaces.items():
        entry = None if name is None else gazetteer.entry(name)
        if entry is None:
            lookup[form] = None
            continue
        bare = entry.kind is MentionKind.PERSON and " " not in form and form != entry.name
        lookup[form] = (entry.name, entry.kind, entry.affiliation, bare)
    return re.compile(_trie_pattern(lookup)), lookup


def _trie_pattern(forms: Iterable[str]) -> str:
    r"""One regex that matches any of `forms`, shaped as a character trie.

    Greedy optional groups make the longest form win (backtracking to a shorter one when
    the longer is not followed by a word boundary). A space in a form matches any run of
    whitespace (a line break, a no-break space). The look-behinds skip positions inside a
    word or a ticker ("<CBS>", "RHON.PA") yet keep "truce.Hamas said" (a space lost after
    a full stop); the look-ahead on first characters rejects most positions cheaply.
    """
    root: _Trie = {}
    for form in forms:
        node = root
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    if not root:
        return r"(?!)"
    firsts = "".join(re.escape(char) for char in sorted(root))
    return rf"(?<![\w<])(?<![A-Z0-9]\.)(?=[{firsts}])" + _render(root) + r"(?!\w)"


def _render(node: _Trie) -> str:
    """The regex for the forms below one trie node (longest first via greedy `?`)."""
    branches = [_char(ch) + _render(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return (body if len(branches) > 1 else "(?:" + body + ")") + "?"


def _char(char: str) -> str:
    """The regex for one character of a form: a space stands for any whitespace run."""
    return r"\s+" if char == " " else re.escape(char)
