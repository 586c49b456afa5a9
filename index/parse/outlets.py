"""The outlet table: web domains and names of news outlets -> one canonical outlet name.

The bundled table lives in `index/data/outlets.json`; a user adds or overrides entries with a
file of the same shape at `DataPaths.outlets_file`:

    {"outlets": [{"name": "Sputnik", "domains": ["sputnikglobe.com"],
                  "aliases": ["Sputnik International"], "agency": true}]}

Lookups are case-insensitive. A domain matches itself and its subdomains ("www.", "edition.",
"feeds." ...). Names also match after dropping a trailing feed section ("The Guardian - World").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit

from index.errors import OutletTableError

_SECTION_SUFFIX = re.compile(r"\s+(?:[-–—|>:]|--)\s+.*$")


def _name_key(name: str) -> str:
    """Normalise an outlet name for lookup: case, spaces and quote style."""
    return " ".join(name.replace("’", "'").split()).casefold()


def host_of(url: str) -> str | None:
    """The lower-case host of a URL without "www.", or None when it has none."""
    text = url.strip()
    if "//" not in text[:12]:
        text = "//" + text
    try:
        host = urlsplit(text).hostname
    except ValueError:
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


@dataclass(frozen=True, slots=True)
class OutletTable:
    """Known outlets by domain and by name."""

    domains: dict[str, str]
    """Domain (no "www.") -> canonical name."""
    names: dict[str, str]
    """Normalised name or alias -> canonical name."""
    agencies: frozenset[str]
    """Canonical names of wire agencies (AFP, Reuters, Sputnik ...)."""

    def by_domain(self, host: str) -> str | None:
        """The outlet of a host name or any parent domain of it, or None."""
        host = host.lower().removeprefix("www.")
        while host:
            found = self.domains.get(host)
            if found is not None:
                return found
            _, _, host = host.partition(".")
            if "." not in host:
                return None
        return None

    def by_name(self, name: str) -> str | None:
        """The canonical outlet for a name or alias ("Aljazeera" -> "Al Jazeera"), or None."""
        key = _name_key(name)
        found = self.names.get(key)
        if found is None:
            section = _SECTION_SUFFIX.search(key)
            found = self.names.get(key[: section.start()]) if section is not None else None
        if found is None and "." in key and " " not in key:
            found = self.by_domain(key)
        return found

    def by_url(self, url: str) -> str | None:
        """The known outlet of a URL's domain, or None."""
        host = host_of(url)
        return self.by_domain(host) if host else None

    def name_for_url(self, url: str) -> str | None:
        """The known outlet of a URL, else a readable name made from its domain."""
        host = host_of(url)
        if host is None:
            return None
        return self.by_domain(host) or host

    def is_agency(self, name: str) -> bool:
        """Whether a canonical outlet name is a wire agency."""
        return name in self.agencies


def _entries(data: object, origin: str) -> list[dict[str, object]]:
    """The outlet entries of a parsed table, checked for shape."""
    outlets = data.get("outlets") if isinstance(data, dict) else None
    if not isinstance(outlets, list):
        raise OutletTableError(
            f'{origin}: expected an object with an "outlets" list',
            'use {"outlets": [{"name": ..., "domains": [...], "aliases": [...]}]}',
        )
    for number, entry in enumerate(outlets, 1):
        ok = isinstance(entry, dict) and isinstance(entry.get("name"), str) and entry["name"]
        lists = ok and all(
            isinstance(entry.get(key, []), list)
            and all(isinstance(v, str) for v in entry.get(key, []))
            for key in ("domains", "aliases")
        )
        if not lists:
            raise OutletTableError(
                f"{origin}: outlet entry {number} is malformed",
                'each entry needs a "name" string and optional "domains"/"aliases" string lists',
            )
    return outlets


def _strings(entry: dict[str, object], key: str) -> list[str]:
    """The strings of one list field of an entry (absent -> empty)."""
    value = entry.get(key, [])
    return [v for v in value if isinstance(v, str)] if isinstance(value, list) else []


def _merge(table: OutletTable, entries: list[dict[str, object]]) -> OutletTable:
    """A table with the entries added (later entries override earlier ones)."""
    domains, names, agencies = dict(table.domains), dict(table.names), set(table.agencies)
    for entry in entries:
        name = str(entry["name"])
        names[_name_key(name)] = name
        for alias in _strings(entry, "aliases"):
            names[_name_key(alias)] = name
        for domain in _strings(entry, "domains"):
            domains[domain.lower().removeprefix("www.")] = name
        if entry.get("agency") is True:
            agencies.add(name)
    return OutletTable(domains=domains, names=names, agencies=frozenset(agencies))


def _parse(text: str, origin: str) -> list[dict[str, object]]:
    """Parse a table file's text into checked entries."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise OutletTableError(
            f"{origin}: not valid JSON (line {error.lineno}: {error.msg})",
            "fix the file or remove it",
        ) from error
    return _entries(data, origin)


@lru_cache(maxsize=1)
def default_outlets() -> OutletTable:
    """The bundled outlet table (read once)."""
    text = resources.files("index").joinpath("data/outlets.json").read_text(encoding="utf-8")
    empty = OutletTable(domains={}, names={}, agencies=frozenset())
    return _merge(empty, _parse(text, "bundled outlets.json"))


def load_outlets(user_file: Path | None = None) -> OutletTable:
    """The bundled table extended by the user's file, when it exists.

    Args:
        user_file: Usually `DataPaths.outlets_file`; a missing file is fine.

    Raises:
        OutletTableError: The user's file cannot be read or has the wrong shape.
    """
    table = default_outlets()
    if user_file is None or not user_file.exists():
        return table
    try:
        text = user_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise OutletTableError(
            f"cannot read the outlet table {user_file}: {error}", "fix or remove the file"
        ) from error
    return _merge(table, _parse(text, str(user_file)))
