"""Tests for index.text.stopwords: one list of function words, one of reporting words."""

from __future__ import annotations

from index.store.analysis import analyse
from index.text.stopwords import REPORTING_WORDS, STOP_WORDS


def test_stop_words_are_lower_case_function_words() -> None:
    """The list holds function words only, in lower case; topic words are not in it."""
    assert {"the", "and", "of", "were"} <= STOP_WORDS
    assert all(word == word.lower() for word in STOP_WORDS)
    assert not {"hostages", "killed", "ceasefire", "gaza"} & STOP_WORDS


def test_reporting_words_are_not_index_stop_words() -> None:
    """'said' is searchable ('said' is a stop word only for aligning sentences)."""
    assert "said" in REPORTING_WORDS
    assert "said" not in STOP_WORDS
    assert analyse("Officials said") == ["offici", "said"]
