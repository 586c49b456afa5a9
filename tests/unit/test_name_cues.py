"""Tests for index.extract.name_cues: the word lists that mark a name."""

from __future__ import annotations

from index.extract.name_cues import (
    GENERIC_OFFICE,
    HONORIFICS,
    KIN_WORDS,
    NOT_NAMES,
    ORG_HEADS,
    ROLE_WORDS,
    TITLE_MODIFIERS,
    TITLES,
)


def test_name_cues_cases() -> None:
    """Heads, titles and never-names are capitalised as in text; roles, kinship words and
    office words are lower case (they are matched lower-cased)."""
    for word in ORG_HEADS | TITLES | TITLE_MODIFIERS | NOT_NAMES:
        assert word[0].isupper(), word
    for word in ROLE_WORDS | KIN_WORDS | GENERIC_OFFICE:
        assert word == word.lower(), word


def test_name_cues_titles_include_honorifics_and_roles() -> None:
    """Every honorific and every role, capitalised, is a title ("Mr", "Spokesman")."""
    assert HONORIFICS <= TITLES
    assert {word.capitalize() for word in ROLE_WORDS} <= TITLES


def test_name_cues_given_names_are_not_excluded() -> None:
    """Common given and family names never sit in the never-a-name list."""
    assert not {"Mohammed", "Ahmed", "Sarah", "David", "Khan", "Cohen", "Green"} & NOT_NAMES
    assert {"Monday", "October", "Street", "Kibbutz", "War"} <= NOT_NAMES
