"""Tests for index.text.sentences: the rule-based sentence splitter."""

from __future__ import annotations

import pytest

from index.text.sentences import sentence_span, split_sentences


def sentences(paragraph: str) -> list[str]:
    """The sentences of a paragraph as strings."""
    return [paragraph[start:end] for start, end in split_sentences(paragraph)]


@pytest.mark.parametrize(
    ("paragraph", "expected"),
    [
        ("One. Two! Three?", ["One.", "Two!", "Three?"]),
        (
            "Dr. Smith flew to the U.S. on Nov. 3. He landed.",
            ["Dr. Smith flew to the U.S. on Nov. 3.", "He landed."],
        ),
        ("Gen. Halevi spoke. J. Biden replied.", ["Gen. Halevi spoke.", "J. Biden replied."]),
        ('He said "no." Then he left.', ['He said "no."', "Then he left."]),
        ("It rose 3.5 percent. No. 5 fell.", ["It rose 3.5 percent.", "No. 5 fell."]),
        ("Wait... Then go.", ["Wait...", "Then go."]),
        (
            "¿Qué pasó? Nadie sabe. Dijo: «basta.» Fin",
            ["¿Qué pasó?", "Nadie sabe.", "Dijo: «basta.»", "Fin"],
        ),
        ("Úřady to potvrdily. Život jde dál.", ["Úřady to potvrdily.", "Život jde dál."]),
        ("lower case after a stop. stays together", ["lower case after a stop. stays together"]),
        ("  no full stop at all  ", ["no full stop at all"]),
        ("", []),
    ],
)
def test_split_sentences_cases(paragraph: str, expected: list[str]) -> None:
    """Abbreviations, initials, decimals, quotes and unicode split as a reader would."""
    assert sentences(paragraph) == expected


def test_split_sentences_spans_line_up_with_the_text() -> None:
    """Spans are offsets into the paragraph, increasing and non-overlapping."""
    paragraph = "First one.   Second one?  Third."
    spans = split_sentences(paragraph)
    assert spans == [(0, 10), (13, 24), (26, 32)]


def test_sentence_span_picks_by_index() -> None:
    """sentence_span returns the K-th sentence, or None out of range."""
    assert sentence_span("Ab cd. Ef gh.", 1) == (7, 13)
    assert sentence_span("Ab cd. Ef gh.", 2) is None
    assert sentence_span("Ab cd. Ef gh.", -1) is None


def test_split_sentences_splits_on_end_marks_and_keep_abbreviations() -> None:
    """Full stops, ! and ? end sentences; "U.S." and "Oct." do not."""
    text = "Talks ended on Oct. 7 in the U.S. capital. Did they fail? Yes! Officials said so."
    assert sentences(text) == [
        "Talks ended on Oct. 7 in the U.S. capital.",
        "Did they fail?",
        "Yes!",
        "Officials said so.",
    ]


def test_split_sentences_splits_sentences_glued_by_a_lost_space() -> None:
    """ "civilians.Yaakov Peri said" is two sentences; "U.S.Army" and "3.5" are not split."""
    text = "It killed thousands of civilians.Yaakov Peri said the hostages' release came first."
    assert sentences(text) == [
        "It killed thousands of civilians.",
        "Yaakov Peri said the hostages' release came first.",
    ]
    for whole in ("The U.S.Army said 5 soldiers died.", "Prices rose 3.5 percent on Monday."):
        assert sentences(whole) == [whole]


def test_split_sentences_plain() -> None:
    """Three sentences split at their full stops, ranges trimmed."""
    assert sentences(" One thing. Another thing!  A third? ") == [
        "One thing.",
        "Another thing!",
        "A third?",
    ]


def test_split_sentences_keeps_abbreviations_and_decimals() -> None:
    """ "Mr.", "U.S." and "1.9" do not end a sentence."""
    text = "Mr. Blinken met U.S. officials. It left 1.9 million displaced."
    assert sentences(text) == ["Mr. Blinken met U.S. officials.", "It left 1.9 million displaced."]


def test_split_sentences_closing_quote_stays_with_sentence() -> None:
    """A closing quote after the full stop belongs to the sentence."""
    text = "He said: “We will not play this game.” Talks resume today."
    assert sentences(text) == ["He said: “We will not play this game.”", "Talks resume today."]


def test_split_sentences_empty_paragraph() -> None:
    """An empty or blank paragraph has no sentence."""
    assert split_sentences("   ") == []


@pytest.mark.parametrize(
    ("paragraph", "sentences"),
    [
        (
            "He posted on X. An Israeli minister said 86 people died.",
            ["He posted on X.", "An Israeli minister said 86 people died."],
        ),
        (
            "Aid came from the U.S. The ministry said so.",
            ["Aid came from the U.S.", "The ministry said so."],
        ),
        ("George W. Bush said so.", ["George W. Bush said so."]),
        ("The U.S. Army said three died.", ["The U.S. Army said three died."]),
    ],
)
def test_an_initial_before_a_sentence_opener_ends_the_sentence(
    paragraph: str, sentences: list[str]
) -> None:
    """ "posted on X. An Israeli minister said": "An" opens a sentence, no name follows."""
    assert [paragraph[a:b] for a, b in split_sentences(paragraph)] == sentences
