"""Short forms tied to the full names of the same article.

A person is named in full once and by one name after ("Burns", "Mr Udomporn", "Sharone"),
an organisation by its acronym ("PRCS", defined as "Palestine Red Crescent Society (PRCS)").
`link_names` reads the whole article (title first, then the paragraphs):

- a name shown only by a verb or an apposition ("Wizz Air said") stays a person only if
  none of its words is used in lower case in the article ("air strikes");
- every person named in full (from the gazetteer or from the text's cues) lends each of its
  words (given name, surname) and its whole name to the short forms;
- a short form takes that person's canonical name: a cued one ("Ms Lifschitz", from
  `index.extract.names`), or the same words standing alone anywhere in the article, the
  headline included ("Sharone has faith", "Yocheved Lifschitz can be heard"). Standing
  alone means not next to other capitalised words: "Mohammed" in "Mohammed Abu Selmia" is
  not Mohammed Zaqout. When two people share the word ("Lifschitz"), the nearest full
  name before it wins; a short form before any (in the headline) takes the first after it;
- a cued word that no full name explains makes a full name of capitalised words ending with
  it ("Mr El-Nakla" names "Elizabeth El-Nakla"), else it is a person of its own ("her
  brother Mukesh");
- an acronym defined after an organisation names it wherever it recurs.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from index.extract.candidates import Candidate, FormRole
from index.extract.name_cues import HONORIFICS
from index.models import MentionKind
from index.text.stopwords import STOP_WORDS

Field = tuple[int | None, str, list[Candidate]]
"""(paragraph index or None for the title, its text, its candidates in order)."""
Position = tuple[int, int]
"""(field in reading order, the title -1; start offset)."""

_JOINING = "'’-_"
_NAME_WORD = r"[A-Z](?:[\w-]|['’](?!s\b))*"
_WORD_BEFORE = re.compile(r"([A-Z][\w'’.-]*)[ \t]+\Z")
_WORD_AFTER = re.compile(r"[ \t]+([A-Z][\w'’-]*)")
_WORD_EDGE = re.compile(r"(?![\w-]|\.\w)")
_WORD_CHAR = re.compile(r"[\w'’.-]")
_RUN_BEFORE = re.compile(r"(?<![\w'’.-])(?:[A-Z][\w'’-]+[ \t]+){1,3}\Z")
_RUN = re.compile(r"(?:[A-Z][\w'’-]+[ \t]+){1,3}\S+")
_HEADLINE_WORD = re.compile(rf"(?<![\w'’.-]){_NAME_WORD}")
_SENTENCE_START = re.compile(r"(?:\A|[.!?:;\"“”]\s+)\Z")
_PERSON_ROLES = frozenset({FormRole.NAME, FormRole.FULL_NAME, FormRole.SHORT_NAME})


@dataclass(frozen=True, slots=True)
class _Named:
    """A person named in full, at a place in the article."""

    position: Position
    party: str
    affiliation: str | None
    words: int


class _Article:
    """The article's fields, and whether a word is used in lower case in it."""

    def __init__(self, fields: Sequence[Field]) -> None:
        self.fields = fields
        self._text: str | None = None
        self._common: dict[str, bool] = {}

    def text(self) -> str:
        """The article's texts, joined."""
        if self._text is None:
            self._text = "\n".join(text for _, text, _ in self.fields)
        return self._text

    def common(self, word: str) -> bool:
        """Whether `word`, lower-cased, is used in lower case somewhere in the article."""
        lower = word.lower()
        if lower not in self._common:
            self._common[lower] = _has_word(self.text(), lower)
        return self._common[lower]


def _has_word(text: str, word: str) -> bool:
    """Whether `word` occurs in `text` as a whole word (case-sensitive)."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before in _JOINING) and not (
            after.isalnum() or after in _JOINING
        ):
            return True
        start = text.find(word, end)
    return False


def link_names(fields: Sequence[Field]) -> None:
    """Tie the article's short forms to its full names, in place (see the module docstring).

    Args:
        fields: The title (index None) and the paragraphs, each with its candidates; the
            candidates' lists are changed in place, and stay in text order.
    """
    article = _Article(fields)
    by_word: dict[str, list[_Named]] = {}
    acronyms: dict[str, Candidate] = {}
    shorts: list[tuple[Position, str, Candidate]] = []
    demoted = False
    for index, text, found in fields:
        for candidate in found:
            if candidate.kind is not MentionKind.PERSON and candidate.role is not FormRole.ACRONYM:
                continue
            written = text[candidate.start : candidate.end]
            position = (_order(index), candidate.start)
            if candidate.role is FormRole.WEAK_NAME:
                if any(article.common(w) for w in written.split()):
                    candidate.role = FormRole.BARE_WORDS
                    demoted = True
                    continue
                candidate.role = FormRole.FULL_NAME
            if candidate.role is FormRole.ACRONYM:
                acronyms.setdefault(written, candidate)
            elif candidate.role is FormRole.SHORT_NAME:
                shorts.append((position, written, candidate))
            if candidate.kind is MentionKind.PERSON and candidate.role in _PERSON_ROLES:
                _register(by_word, written, position, candidate)
    if demoted:
        for _, _, found in fields:
            found[:] = [c for c in found if c.role is not FormRole.BARE_WORDS]
    if not by_word and not acronyms:
        return
    repeats = _repeats(article, by_word, acronyms)
    for (index, start, _), written in repeats:
        if " " in written:
            for first in by_word.get(written, ())[:1]:
                _register(by_word, written, (_order(index), start), first)
    for position, written, candidate in shorts:
        fuller = [n for n in by_word.get(written, ()) if n.words > 1]
        if fuller:
            named = _nearest(fuller, position)
        else:
            named = _full_name_ending(article, written, by_word)
        if named is not None and named.position != position:
            _tie(candidate, named)
    added: dict[int | None, list[Candidate]] = {}
    for (index, start, end), written in repeats:
        if written in acronyms:
            known = acronyms[written]
            linked = Candidate(
                start, end, known.party, known.kind, known.affiliation, FormRole.LINKED
            )
        else:
            named = _nearest(by_word[written], (_order(index), start))
            if named is None:
                continue
            linked = Candidate(start, end, named.party, MentionKind.PERSON, None, FormRole.LINKED)
            _tie(linked, named)
        added.setdefault(index, []).append(linked)
    for index, _, found in fields:
        if index in added:
            found[:] = sorted(found + added[index], key=lambda c: (c.start, -c.end))


def _repeats(
    article: _Article, by_word: dict[str, list[_Named]], acronyms: dict[str, Candidate]
) -> list[tuple[tuple[int | None, int, int], str]]:
    """Where a registered word, full name or acronym stands alone outside any candidate.

    In a paragraph, a run of capitalised words must be the registered words and nothing
    else (after a title or a sentence-initial function word: "Ms", "When"); in the
    headline, where every word may be capitalised, any registered words count.
    """
    found: list[tuple[tuple[int | None, int, int], str]] = []
    whole = article.text()
    needles = sorted((n for n in (*by_word, *acronyms) if n in whole), key=len, reverse=True)
    for index, text, candidates in article.fields:
        present = [needle for needle in needles if needle in text]
        if not present:
            continue
        if index is None:
            spots = [
                (start, end, written)
                for start, end, written in _headline_spots(text, by_word, acronyms)
                if not any(c.start < end and start < c.end for c in candidates)
            ]
        else:
            spots = _paragraph_spots(article, text, present, acronyms, candidates)
        found.extend(((index, start, end), written) for start, end, written in spots)
    return found


def _paragraph_spots(
    article: _Article,
    text: str,
    present: Sequence[str],
    acronyms: dict[str, Candidate],
    candidates: Sequence[Candidate],
) -> list[tuple[int, int, str]]:
    """The registered forms (`present` in the text, longest first) standing alone in it.

    Whole full names, or single words with no other capitalised name word beside them;
    never inside a candidate.
    """
    spots: list[tuple[int, int, str]] = []
    taken: list[tuple[int, int]] = [(c.start, c.end) for c in candidates]
    for needle in present:
        start = text.find(needle)
        while start >= 0:
            end = start + len(needle)
            if (
                _WORD_EDGE.match(text, end) is not None
                and (start == 0 or not _WORD_CHAR.match(text, start - 1))
                and not any(a < end and start < b for a, b in taken)
                and _alone(article, text, start, end, needle, needle in acronyms)
            ):
                spots.append((start, end, needle))
                taken.append((start, end))
            start = text.find(needle, end)
    spots.sort()
    return spots


def _alone(article: _Article, text: str, start: int, end: int, written: str, acronym: bool) -> bool:
    """Whether a form stands alone (an acronym always does).

    No capitalised name word right before it (a title or a function word may be) or right
    after it; a single word at a sentence start must not be a word the article also uses
    in lower case ("Hope").
    """
    if acronym:
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 30), start)
    if before is not None and not _skippable(before.group(1)):
        return False
    after = _WORD_AFTER.match(text, end)
    if after is not None and after.group(1).lower() not in STOP_WORDS:
        return False
    if " " in written:
        return True
    at_start = _SENTENCE_START.search(text, max(0, start - 3), start) is not None
    return not (at_start and article.common(written))


def _skippable(word: str) -> bool:
    """A title or a function word before a name ("Ms Lifschitz", "When Zechariah")."""
    return word in HONORIFICS or word.lower() in STOP_WORDS


def _headline_spots(
    text: str, by_word: dict[str, list[_Named]], acronyms: dict[str, Candidate]
) -> list[tuple[int, int, str]]:
    """Registered forms among a headline's capitalised words, the longest first."""
    words = [(m.start(), m.end(), m.group()) for m in _HEADLINE_WORD.finditer(text)]
    spots: list[tuple[int, int, str]] = []
    index = 0
    while index < len(words):
        for size in (3, 2, 1):
            part = words[index : index + size]
            if len(part) < size:
                continue
            written = " ".join(w for _, _, w in part)
            spaced = all(text[a[1] : b[0]].isspace() for a, b in pairwise(part))
            if spaced and (written in by_word or written in acronyms):
                spots.append((part[0][0], part[-1][1], written))
                index += size
                break
        else:
            index += 1
    return spots


def _full_name_ending(
    article: _Article, word: str, by_word: dict[str, list[_Named]]
) -> _Named | None:
    """A run of capitalised words ending with `word`, registered as a full name.

    "Elizabeth El-Nakla" for "Mr El-Nakla"; None when the article has none.
    """
    for index, text, candidates in article.fields:
        for match in _runs_ending(text, word):
            start, end = match.span()
            first = match.group().split()[0]
            if first in HONORIFICS or first.lower() in STOP_WORDS:
                continue
            if any(c.start < end and start < c.end for c in candidates):
                continue
            written = " ".join(match.group().split())
            named = _Named((_order(index), start), written, None, len(written.split()))
            candidates.append(
                Candidate(start, end, written, MentionKind.PERSON, None, FormRole.FULL_NAME)
            )
            candidates.sort(key=lambda c: (c.start, -c.end))
            for part in {written, *written.split()}:
                by_word.setdefault(part, []).append(named)
            return named
    return None


def _runs_ending(text: str, word: str) -> list[re.Match[str]]:
    """The runs of two to four capitalised words in `text` that end with `word`."""
    runs: list[re.Match[str]] = []
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if _WORD_EDGE.match(text, end) is not None:
            run = _RUN_BEFORE.search(text, max(0, start - 80), start)
            if run is not None:
                found = _RUN.match(text, run.start(), end)
                if found is not None and found.end() == end:
                    runs.append(found)
        start = text.find(word, end)
    return runs


def _tie(candidate: Candidate, named: _Named) -> None:
    """Make a short form a mention of the named person."""
    candidate.party, candidate.affiliation = named.party, named.affiliation
    candidate.kind, candidate.role = MentionKind.PERSON, FormRole.LINKED


def _register(
    by_word: dict[str, list[_Named]], written: str, position: Position, person: Candidate | _Named
) -> None:
    """Lend a full name's words (and the whole name) to the short forms."""
    words = written.split()
    named = _Named(position, person.party, person.affiliation, len(words))
    for word in {" ".join(words), *words}:
        if word.lower() not in STOP_WORDS:
            by_word.setdefault(word, []).append(named)


def _order(index: int | None) -> int:
    """A field's place in reading order: the title first."""
    return -1 if index is None else index


def _nearest(named: Sequence[_Named], position: Position) -> _Named | None:
    """The full name nearest before `position`, else the only one after it.

    Several words first: "Lifschitz" is Yocheved Lifschitz, not a one-word "Lifschitz"
    seen earlier. A short form before two different full names that share it ("Mr Rapoport
    …", then Noelle and Adam Rapoport) is ambiguous: None.
    """
    if not named:
        return None
    fuller = [n for n in named if n.words > 1] or list(named)
    before = [n for n in fuller if n.position <= position]
    if before:
        return max(before, key=lambda n: n.position)
    if len({n.party for n in fuller}) > 1:
        return None
    return min(fuller, key=lambda n: n.position)
