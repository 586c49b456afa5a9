"""Tests for index.text.attribution: attribution phrases and source cues."""

from __future__ import annotations

from index.text.attribution import attribution_spans, cites_before, speaks_after


def test_attribution_spans_find_according_to_and_said() -> None:
    """ "according to …" and "<source> said" are attribution phrases of their sentence."""
    text = "More than 34,000 people were killed, according to local authorities."
    assert [text[a:b] for a, b in attribution_spans(text)] == ["according to local authorities"]
    said = "Nearly 1,200 people were killed, Israeli officials said."
    assert [said[a:b] for a, b in attribution_spans(said)] == ["Israeli officials said"]


def test_attribution_spans_start_on_a_word() -> None:
    """ "the 1,200 people that Israel says were killed": "Israel says", not "at Israel says"."""
    text = "Dozens were among the 1,200 people that Israel says were killed in the Oct. 7 attack."
    assert [text[a:b] for a, b in attribution_spans(text)] == ["Israel says"]


def test_cites_before_reads_citing_phrases() -> None:
    """ "according to the", "told", "a count by" cite the name that follows."""
    assert cites_before("The toll rose to 1,200, according to the ")
    assert cites_before("the figure was given in a count by ")
    assert not cites_before("Talks in Doha brought ")


def test_speaks_after_finds_the_speech_verb() -> None:
    """ "'s foreign ministry said" and " later announced" make the name a source."""
    after = "'s foreign ministry said on Sunday"
    end = speaks_after(after)
    assert end is not None
    assert after[:end] == "'s foreign ministry said"
    assert speaks_after(" later announced the deal") is not None
    assert speaks_after(" and the hostages were freed") is None
