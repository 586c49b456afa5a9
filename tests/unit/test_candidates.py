"""Tests for index.extract.candidates: a candidate mention before the article decides."""

from __future__ import annotations

import pytest

from index.extract.candidates import Candidate, FormRole
from index.models import MentionKind


def test_candidate_is_read_in_place() -> None:
    """A candidate is changed in place as its sentence and article are read (a city becomes
    a place under its own name); it has no other attributes."""
    doha = Candidate(9, 13, "Qatar", MentionKind.STATE, None, FormRole.CITY)
    doha.kind, doha.party = MentionKind.PLACE, "Doha"
    assert (doha.start, doha.end, doha.party, doha.kind) == (9, 13, "Doha", MentionKind.PLACE)
    with pytest.raises(AttributeError):
        doha.text = "Doha"  # type: ignore[attr-defined]


def test_form_roles_are_distinct() -> None:
    """Each way a form names its party has its own role."""
    assert len({role.value for role in FormRole}) == len(FormRole)
