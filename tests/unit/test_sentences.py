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
