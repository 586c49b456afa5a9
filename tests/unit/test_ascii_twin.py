"""Tests for index.text.ascii_twin: one pattern compiled for any text and for ASCII texts."""

from __future__ import annotations

import re

import pytest

from index.text.ascii_twin import ascii_twin


def test_twin_picks_the_ascii_compilation_for_ascii_text() -> None:
    """An ASCII text gets the `re.ASCII` compilation; any other the Unicode one."""
    twin = ascii_twin(r"\b\w+\b")
    assert twin.on("plain words") is twin.ascii
    assert twin.ascii.flags & re.ASCII
    assert twin.on("Gaza\u00a0Strip") is twin.unicode
    assert not twin.unicode.flags & re.ASCII


def test_twins_agree_on_ascii_text() -> None:
    """On ASCII text both compilations find the same spans, case-insensitively too."""
    twin = ascii_twin(r"(?<=\W)(?i:three|ten)\b|\d+", re.IGNORECASE)
    text = "THREE said, 10 of ten, not often; (Ten) 2024"
    spans = [m.span() for m in twin.unicode.finditer(text)]
    assert spans == [m.span() for m in twin.ascii.finditer(text)]
    assert len(spans) == 4


def test_twin_refuses_letters_that_fold_to_ascii() -> None:
    """The long s matches "s" ignoring case only under Unicode rules: no twin for it."""
    with pytest.raises(ValueError, match="folds to ASCII"):
        ascii_twin("(?i)\u017fix")
