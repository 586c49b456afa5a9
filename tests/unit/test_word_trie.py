"""Tests for index.extract.word_trie: one regex for many words."""

from __future__ import annotations

import re

from index.extract.word_trie import form_pattern, trie_branches, trie_pattern


def test_trie_pattern_matches_every_form_longest_first() -> None:
    """Each form matches; of two forms sharing a prefix the longer wins when it fits."""
    pattern = re.compile(rf"\b(?:{trie_pattern(['Gaza', 'Gaza Strip', 'Hamas', 'Ham'])})\b")
    text = "Hamas and Ham left the Gaza Strip for Gaza."
    assert [m.group() for m in pattern.finditer(text)] == ["Hamas", "Ham", "Gaza Strip", "Gaza"]


def test_trie_pattern_space_matches_any_whitespace() -> None:
    """A space in a form matches a line break or a no-break space too."""
    pattern = re.compile(trie_pattern(["Gaza Strip"]))
    assert pattern.search("the Gaza\nStrip") is not None
    assert pattern.search("the Gaza\u00a0Strip") is not None


def test_trie_pattern_escapes_and_empty() -> None:
    """Regex characters are literal ("U.S." is no "UXS"); no forms match nothing."""
    pattern = re.compile(trie_pattern(["U.S."]))
    assert pattern.search("UXSX") is None
    assert pattern.search("the U.S. said") is not None
    assert re.compile(trie_pattern([])).search("anything") is None


def test_trie_branches_and_form_pattern() -> None:
    """Each first character's branch matches what `trie_pattern` matches after it."""
    branches = trie_branches(["Gaza", "Gaza Strip", "Hamas", "H"])
    assert sorted(branches) == ["G", "H"]
    assert re.fullmatch("G" + branches["G"], "Gaza\nStrip") is not None
    assert re.fullmatch("H" + branches["H"], "H") is not None
    assert re.fullmatch(form_pattern("U.S. Army"), "U.S.  Army") is not None
