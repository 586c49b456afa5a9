"""Tests for index.text.clauses: sentence offsets and attribution phrases inside a paragraph."""

from __future__ import annotations

from index.text.clauses import attribution_spans, sentence_spans


def _sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in sentence_spans(text)]


def test_sentence_spans_split_on_end_marks_and_keep_abbreviations() -> None:
    """Full stops, ! and ? end sentences; "U.S." and "Oct." do not."""
    text = "Talks ended on Oct. 7 in the U.S. capital. Did they fail? Yes! Officials said so."
    assert _sentences(text) == [
        "Talks ended on Oct. 7 in the U.S. capital.",
        "Did they fail?",
        "Yes!",
        "Officials said so.",
    ]


def test_sentence_spans_split_sentences_glued_by_a_lost_space() -> None:
    """ "civilians.Yaakov Peri said" is two sentences; "U.S.Army" and "3.5" are not split."""
    text = "It killed thousands of civilians.Yaakov Peri said the hostages' release came first."
    assert _sentences(text) == [
        "It killed thousands of civilians.",
        "Yaakov Peri said the hostages' release came first.",
    ]
    for whole in ("The U.S.Army said 5 soldiers died.", "Prices rose 3.5 percent on Monday."):
        assert _sentences(whole) == [whole]


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
