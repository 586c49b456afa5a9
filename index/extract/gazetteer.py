"""The party gazetteer: named parties and every surface form that names them.

A gazetteer maps every surface form (alias, spelling variant, demonym, metonym, city) to one
canonical party, or to nothing for a stop-phrase ("Michael Jordan" is not Jordan). It is
read from JSON: the built-in `index/data/parties.json`, then the user's files in the same
shape. `index.extract.parties` compiles the forms into a matcher.

Two kinds of form are kept apart because their sentence decides what they name: demonyms
("Thai hostages" are people, "the Thai prime minister" is Thailand) and cities ("Paris
condemned the strike" is France, "protests in Paris" is the city). A party whose demonym
never names it acting says `"demonym_acts": false` ("Palestinian officials" speak for Gaza's
or the West Bank's authorities, not for a state).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType

from index.errors import GazetteerError
from index.models import MentionKind

_SCHEMA_HINT = (
    'the file must be a JSON object like {"parties": [{"name": "Hamas", "kind": "organization", '
    '"aliases": ["Islamic Resistance Movement"]}], "stop_phrases": ["Michael Jordan"]}'
)
_PARTY_KEYS = frozenset(
    {
        "name",
        "kind",
        "affiliation",
        "aliases",
        "demonyms",
        "demonym_acts",
        "metonyms",
        "cities",
        "note",
    }
)
_TOP_KEYS = frozenset({"version", "description", "parties", "stop_phrases"})
_KINDS = ", ".join(kind.value for kind in MentionKind)
_ARTICLE = re.compile(r"(?<!\w)([Aa]l|[Ee]l)([- ])(?=\w)")
_APOSTROPHES = "'’‘"
_INITIAL_DOT = re.compile(r"(?<=\b[A-Z]\.)(?=[A-Z]\.)")


@dataclass(frozen=True, slots=True)
class PartyEntry:
    """One canonical party and the forms that name it."""

    name: str
    """Canonical name, as shown to users ("Ismail Haniyeh")."""
    kind: MentionKind
    affiliation: str | None
    """A person's party, an agency's state ("Hamas", "Israel"); None for most."""
    aliases: tuple[str, ...]
    """Every explicit surface form, the name first (demonyms and metonyms included)."""
    demonym_acts: bool = True
    """Whether its demonym before an actor is the party acting ("Israeli officials" are
    Israel). False when the demonym only describes people and their own authorities:
    "Palestinian officials" speak for Gaza's or the West Bank's authorities, not a state."""


class Gazetteer:
    """An immutable table of parties and of every surface form that names one."""

    __slots__ = (
        "_cities",
        "_demonym_forms",
        "_demonyms",
        "_entries",
        "_metonym_forms",
        "_surfaces",
    )

    def __init__(
        self,
        entries: Mapping[str, PartyEntry],
        surfaces: Mapping[str, str | None],
        *,
        demonyms: Mapping[str, tuple[str, ...]] | None = None,
        metonyms: Collection[str] = (),
        cities: Mapping[str, str] | None = None,
    ) -> None:
        """Build the gazetteer.

        Args:
            entries: Canonical name -> entry.
            surfaces: Every exact surface form -> canonical name, or None for a stop-phrase.
            demonyms: Canonical name -> its demonyms as listed ("Thai"), the first the usual.
            metonyms: The seats listed as standing for their party ("Kremlin").
            cities: Every surface form of a city that stands for its party -> the city's
                own name ("DOHA" -> "Doha").
        """
        unknown = {name for name in surfaces.values() if name is not None} - entries.keys()
        if unknown:
            raise ValueError(f"surface forms name unknown parties: {sorted(unknown)}")
        self._entries = MappingProxyType(dict(entries))
        self._surfaces = MappingProxyType(dict(surfaces))
        self._demonyms = MappingProxyType(dict(demonyms or {}))
        self._cities = MappingProxyType(dict(cities or {}))
        self._demonym_forms = frozenset(
            form
            for name, listed in self._demonyms.items()
            for demonym in listed
            for form in (demonym, *surface_variants(demonym, plural=True))
            if self._surfaces.get(form) == name
        )
        self._metonym_forms = frozenset(
            form
            for metonym in metonyms
            for form in (metonym, *surface_variants(metonym))
            if self._surfaces.get(form) is not None
            and self._surfaces.get(form) == self._surfaces.get(metonym)
        )

    def __len__(self) -> int:
        """The number of canonical parties."""
        return len(self._entries)

    def __contains__(self, name: object) -> bool:
        """Whether `name` is a canonical party name."""
        return name in self._entries

    @property
    def parties(self) -> tuple[str, ...]:
        """Every canonical party name, sorted."""
        return tuple(sorted(self._entries))

    def entry(self, name: str) -> PartyEntry:
        """The entry of a canonical name or of any surface form naming it.

        Raises:
            KeyError: Nothing in the gazetteer has that name.
        """
        found = self._entries.get(name)
        if found is None:
            canonical = self._surfaces.get(name)
            if canonical is None:
                raise KeyError(name)
            found = self._entries[canonical]
        return found

    def kind_of(self, name: str) -> MentionKind:
        """The kind of a party (canonical name or surface form); KeyError if unknown."""
        return self.entry(name).kind

    def affiliation_of(self, name: str) -> str | None:
        """A party's affiliation (canonical name or surface form); KeyError if unknown."""
        return self.entry(name).affiliation

    @property
    def surfaces(self) -> Mapping[str, str | None]:
        """Every exact surface form -> its canonical party, or None for a stop-phrase."""
        return self._surfaces

    @property
    def cities(self) -> Mapping[str, str]:
        """Every surface form of a city standing for its party -> the city's own name."""
        return self._cities

    def demonyms_of(self, name: str) -> tuple[str, ...]:
        """The demonyms listed for a canonical party ("Thai" for Thailand), the usual first."""
        return self._demonyms.get(name, ())

    def is_demonym(self, form: str) -> bool:
        """Whether a surface form is a demonym or one of its variants ("Qataris")."""
        return form in self._demonym_forms

    def is_metonym(self, form: str) -> bool:
        """Whether a surface form is a seat standing for its party ("Kremlin")."""
        return form in self._metonym_forms


def load_gazetteer(extra_files: Sequence[Path] = ()) -> Gazetteer:
    """Load the built-in gazetteer, extended by the given files in order.

    A later file extends or overrides an earlier one: a party with a known name gets the new
    aliases (and its kind/affiliation replaced when given); a surface form defined again
    belongs to the later party or stop-phrase. Files that do not exist are skipped (the
    user's `parties.json` is optional).

    Raises:
        GazetteerError: A file is unreadable, not JSON, or not in the gazetteer shape.
    """
    builder = _Builder()
    builtin = resources.files("index").joinpath("data/parties.json")
    builder.add(*_parse(builtin.read_text(encoding="utf-8"), "built-in parties.json"))
    for path in extra_files:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except FileNotFoundError:
            continue
        except UnicodeDecodeError as error:
            raise GazetteerError(
                f"Gazetteer file {path} is not UTF-8 text ({error.reason})", _SCHEMA_HINT
            ) from error
        except OSError as error:
            raise GazetteerError(
                f"Gazetteer file {path} cannot be read: {error.strerror or error}",
                "check the file's permissions, or remove it",
            ) from error
        builder.add(*_parse(text, str(path)))
    return builder.build()


@dataclass(frozen=True, slots=True)
class _PartyData:
    """One party as a file states it (kind may be omitted when extending a known party)."""

    name: str
    kind: MentionKind | None
    affiliation: str | None
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    metonyms: tuple[str, ...]
    cities: tuple[str, ...]
    where: str
    demonym_acts: bool | None = None
    """As the file says it; None keeps a known party's (True for a new one)."""


class _Builder:
    """Merges gazetteer files in order into one Gazetteer."""

    def __init__(self) -> None:
        self.entries: dict[str, PartyEntry] = {}
        self.explicit: dict[str, str | None] = {}
        self.demonyms: dict[str, tuple[str, ...]] = {}
        self.metonyms: set[str] = set()
        self.cities: dict[str, str] = {}

    def add(self, parties: Sequence[_PartyData], stop_phrases: Sequence[str]) -> None:
        """Merge one file: new parties are added, known ones extended or overridden."""
        for party in parties:
            old = self.entries.get(party.name)
            kind = party.kind or (old.kind if old else None)
            if kind is None:
                raise GazetteerError(
                    f'{party.where}: new party "{party.name}" has no "kind"',
                    f"add a kind: one of {_KINDS}",
                )
            aliases = old.aliases if old else ()
            aliases += tuple(a for a in party.aliases if a not in aliases)
            affiliation = party.affiliation or (old.affiliation if old else None)
            acts = party.demonym_acts
            if acts is None:
                acts = old.demonym_acts if old else True
            self.entries[party.name] = PartyEntry(party.name, kind, affiliation, aliases, acts)
            for alias in party.aliases:
                self.explicit[alias] = party.name
            listed = self.demonyms.get(party.name, ())
            self.demonyms[party.name] = listed + tuple(d for d in party.demonyms if d not in listed)
            self.metonyms.update(party.metonyms)
            for city in party.cities:
                self.cities[city] = _city_name(city, party.cities)
                self.cities.setdefault(city.upper(), self.cities[city])
                self.explicit.setdefault(city.upper(), party.name)
        for phrase in stop_phrases:
            self.explicit[phrase] = None
            self.cities.pop(phrase, None)

    def build(self) -> Gazetteer:
        """Add the generated spelling variants (explicit forms win) and compile."""
        surfaces = dict(self.explicit)
        demonyms = {d for listed in self.demonyms.values() for d in listed}
        cities = dict(self.cities)
        for form, canonical in self.explicit.items():
            for variant in surface_variants(form, plural=form in demonyms):
                surfaces.setdefault(variant, canonical)
                if form in self.cities and surfaces[variant] == canonical:
                    cities.setdefault(variant, self.cities[form])
        cities = {form: city for form, city in cities.items() if surfaces.get(form) is not None}
        return Gazetteer(
            self.entries,
            surfaces,
            demonyms=self.demonyms,
            metonyms=self.metonyms,
            cities=cities,
        )


def _city_name(form: str, forms: Sequence[str]) -> str:
    """A city's own name for one of its forms: "DOHA" -> "Doha" (a listed spelling if any)."""
    if not form.isupper():
        return form
    listed = next((f for f in forms if f.casefold() == form.casefold() and not f.isupper()), None)
    return listed or form.title()


def _parse(text: str, origin: str) -> tuple[tuple[_PartyData, ...], tuple[str, ...]]:
    """Parse and validate one gazetteer file's text: its parties and stop-phrases."""
    try:
        raw: object = json.loads(text)
    except json.JSONDecodeError as error:
        raise GazetteerError(
            f"Gazetteer file {origin} is not valid JSON: {error.msg} "
            f"(line {error.lineno}, column {error.colno})",
            _SCHEMA_HINT,
        ) from error
    if not isinstance(raw, dict):
        raise GazetteerError(
            f"Gazetteer file {origin}: the top level is not an object", _SCHEMA_HINT
        )
    _check_keys(raw, _TOP_KEYS, f"Gazetteer file {origin}")
    parties = raw.get("parties", [])
    if not isinstance(parties, list):
        raise GazetteerError(f'Gazetteer file {origin}: "parties" is not a list', _SCHEMA_HINT)
    stops = _strings(raw, "stop_phrases", f"Gazetteer file {origin}")
    parsed = tuple(
        _parse_party(item, f"Gazetteer file {origin}, parties[{i}]")
        for i, item in enumerate(parties)
    )
    return parsed, stops


def _parse_party(item: object, where: str) -> _PartyData:
    """Validate one party object."""
    if not isinstance(item, dict):
        raise GazetteerError(f"{where} is not an object", _SCHEMA_HINT)
    _check_keys(item, _PARTY_KEYS, where)
    name = item.get("name")
    if not isinstance(name, str) or not name.strip():
        raise GazetteerError(f'{where} has no "name" (a non-empty string)', _SCHEMA_HINT)
    name = " ".join(name.split())
    where = f'{where} ("{name}")'
    kind_text = item.get("kind")
    kind: MentionKind | None = None
    if kind_text is not None:
        try:
            kind = MentionKind(kind_text)
        except ValueError:
            raise GazetteerError(
                f'{where}: "kind" is {kind_text!r}', f"use one of {_KINDS}"
            ) from None
    affiliation = item.get("affiliation")
    if affiliation is not None and (not isinstance(affiliation, str) or not affiliation.strip()):
        raise GazetteerError(
            f'{where}: "affiliation" is not a non-empty string or null', _SCHEMA_HINT
        )
    demonyms = _strings(item, "demonyms", where)
    metonyms = _strings(item, "metonyms", where)
    cities = _strings(item, "cities", where)
    acts = item.get("demonym_acts")
    if acts is not None and not isinstance(acts, bool):
        raise GazetteerError(f'{where}: "demonym_acts" is not true or false', _SCHEMA_HINT)
    forms = (name, *_strings(item, "aliases", where), *demonyms, *metonyms, *cities)
    aliases = tuple(dict.fromkeys(forms))
    return _PartyData(
        name, kind, affiliation, aliases, demonyms, metonyms, cities, where, demonym_acts=acts
    )


def _strings(obj: Mapping[str, object], key: str, where: str) -> tuple[str, ...]:
    """The list of non-empty strings under `key` (empty when absent), spaces normalised."""
    value = obj.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise GazetteerError(f'{where}: "{key}" is not a list of non-empty strings', _SCHEMA_HINT)
    return tuple(" ".join(v.split()) for v in value)


def _check_keys(obj: Mapping[str, object], allowed: frozenset[str], where: str) -> None:
    """Reject unknown keys (usually typos that would otherwise be ignored silently)."""
    unknown = sorted(set(obj) - allowed)
    if unknown:
        raise GazetteerError(
            f"{where}: unknown key(s) {', '.join(map(repr, unknown))}",
            f"allowed keys: {', '.join(sorted(allowed))}",
        )


def surface_variants(form: str, *, plural: bool = False) -> set[str]:
    """Spelling variants of a surface form that writers use interchangeably.

    Apostrophe styles (' ’ ‘), the Arabic article as "al-"/"Al-"/"al "/"Al ", a hyphen as a
    space, the form without diacritics ("Erdoğan" -> "Erdogan"), initials spaced out
    ("U.S." -> "U. S."), a phrase in Title Case as headlines write it ("Israeli forces" ->
    "Israeli Forces"), and for demonyms the plural ("Qatari" -> "Qataris").
    """
    forms = {form}
    if "." in form:
        forms.add(_INITIAL_DOT.sub(" ", form))
    if plural and not form.endswith(("s", "sh", "ch", "ese", "man")):
        forms.add(form + "s")
    forms |= {_strip_accents(f) for f in forms}
    forms |= {_ARTICLE.sub(r"\1 ", f) for f in forms} | {_ARTICLE.sub(r"\1-", f) for f in forms}
    forms |= {_swap_article_case(f) for f in forms}
    forms |= {re.sub(r"(?<=\w)-(?=\w)", " ", f) for f in forms if not _ARTICLE.search(f)}
    forms |= {_title_case(f) for f in forms if " " in f}
    for quote in _APOSTROPHES:
        forms |= {re.sub(f"[{_APOSTROPHES}]", quote, f) for f in forms}
    forms.discard(form)
    return {f for f in forms if f}


_SMALL_WORDS = frozenset({"of", "the", "and", "for", "in", "on", "at", "to", "al", "el", "a", "an"})


def _title_case(text: str) -> str:
    """Each word and hyphened part capitalised but small words ("Hamas-Run Health Ministry")."""
    return " ".join(
        "-".join(
            w if w in _SMALL_WORDS or not w[:1].islower() else w[0].upper() + w[1:]
            for w in word.split("-")
        )
        for word in text.split(" ")
    )


def _strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


def _swap_article_case(text: str) -> str:
    """Flip the case of a leading "al"/"el" article ("al-Qassam" <-> "Al-Qassam")."""
    match = _ARTICLE.match(text)
    if match is None:
        return text
    return text[0].swapcase() + text[1:]
