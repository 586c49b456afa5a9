"""Candidate mentions: a span of one text that names a party, before the article decides.

`index.extract.parties` finds them with the gazetteer, `index.extract.mention_context`
reads each in its sentence (the city or its state, people or the state), `index.extract.names`
adds the names the gazetteer cannot know and `index.extract.name_links` ties short forms to
the full names of the same article. What is left becomes a `Mention`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from index.models import MentionKind


class FormRole(StrEnum):
    """How a candidate's words name its party, which decides how its sentence is read."""

    NAME = "name"
    """A name or alias: it names its party wherever it stands ("Hamas", "Qatar")."""
    METONYM = "metonym"
    """A seat standing for its government ("the Kremlin"): never a place."""
    SURNAME = "surname"
    """A person's bare surname in the gazetteer ("Burns")."""
    DEMONYM = "demonym"
    """"Thai", "Israelis": the state, or people, as the sentence says."""
    CITY = "city"
    """"Doha": the city, or its state when it acts ("Doha said")."""
    FULL_NAME = "full_name"
    """A name the text itself shows to be one ("spokesman Mahmoud Basal said")."""
    WEAK_NAME = "weak_name"
    """Two words or more that only an apposition or a verb marks ("X Y told the BBC"): a
    person unless one of its words is a common word of the article ("Wizz Air said")."""
    SHORT_NAME = "short_name"
    """One word a cue marks as a person ("Mr Udomporn", "her brother Mukesh")."""
    BARE_WORDS = "bare_words"
    """Capitalised words without a cue: a mention only when they repeat a full name."""
    ACRONYM = "acronym"
    """An acronym the text defines after a full name ("... Society (PRCS)")."""
    LINKED = "linked"
    """A short form tied to a full name of the article ("Lifschitz", "PRCS")."""


@dataclass(slots=True)
class Candidate:
    """A span of one text (a paragraph or the title) that may name a party."""

    start: int
    end: int
    party: str
    """Canonical name ("Ismail Haniyeh"); for a new name, as first written in full."""
    kind: MentionKind
    affiliation: str | None
    role: FormRole
