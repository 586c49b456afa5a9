"""Sentence splitting and sentence-level alignment."""

from __future__ import annotations

from index.compare.alignment import (
    align_sentences,
    article_sentences,
    sentence_tokens,
)
from index.compare.models import AlignKind
from index.models import MentionKind
from tests.builders import figure_in, mention


def test_sentence_tokens_fold_synonyms_and_numbers() -> None:
    """Kidnapped/taken hostage share a token; died/deaths share one; numbers are tokens."""
    left = sentence_tokens("Around 1,200 people died and 250 were kidnapped.")
    right = sentence_tokens("The attack caused 1,200 deaths; 240 people were taken hostage.")
    assert {"hostag", "kill", "#1200", "peopl"} <= left & right
    assert "the" not in right


def test_article_sentences_add_party_and_measure_tokens() -> None:
    """Mentions add "@party" and figures add "%measure" to their sentence only."""
    paragraphs = ("Haniya spoke. The toll rose to 100 people.",)
    haniya = mention("Ismail Haniyeh", kind=MentionKind.PERSON, affiliation="Hamas", text="Haniya")
    toll = figure_in(paragraphs, "100 people", value=100, counted="people", measure="killed")
    first, second = article_sentences(paragraphs, [haniya], [toll])
    assert "@ismail haniyeh" in first.tokens
    assert "%killed" in second.tokens
    assert "%killed" not in first.tokens


def test_align_sentences_identical_is_same() -> None:
    """Identical sentences align as `same` with similarity 1."""
    text = ("Ceasefire talks in Cairo ended on Sunday without a result.",)
    result = align_sentences(text, text)
    assert [(r.a, r.b, r.kind, r.similarity) for r in result.passages] == [
        (0, 0, AlignKind.SAME, 1.0)
    ]


def test_align_sentences_allows_reordering() -> None:
    """Claims given in the opposite order still pair (the alignment crosses)."""
    a = (
        "Negotiators met in Cairo on Sunday to discuss a ceasefire.",
        "The Gaza health ministry says 27,840 people have been killed.",
    )
    b = (
        "More than 34,000 people have been killed in Gaza, the health ministry says.",
        "Negotiators gathered in Cairo on Sunday to discuss a ceasefire deal.",
    )
    result = align_sentences(a, b)
    pairs = {(r.a, r.b) for r in result.passages if r.a is not None and r.b is not None}
    assert pairs == {(0, 1), (1, 0)}


def test_align_sentences_marks_one_sided_passages() -> None:
    """Unrelated sentences are `a_only`/`b_only`; a B-only row follows its B predecessor."""
    a = ("Talks on a truce in Cairo ended on Sunday.", "Macron called for calm.")
    b = ("Talks on a truce in Cairo ended Sunday.", "Rafah crossing stayed shut for trucks.")
    kinds = [(r.a, r.b, r.kind) for r in align_sentences(a, b).passages]
    assert kinds == [
        (0, 0, AlignKind.SAME),
        (None, 1, AlignKind.B_ONLY),
        (1, None, AlignKind.A_ONLY),
    ]


def test_align_sentences_paraphrase_is_similar() -> None:
    """A reworded claim (synonyms, different numbers) is `similar`, not `same`."""
    a = ("Nearly 1,200 people in Israel were killed and some 240 others abducted.",)
    b = ("During the attack 1,200 people died in Israel and 250 were taken hostage.",)
    (row,) = align_sentences(a, b).passages
    assert row.kind is AlignKind.SIMILAR
    assert 0.25 <= row.similarity < 0.8


def test_align_sentences_sentence_ranges_point_into_paragraphs() -> None:
    """a_sentence/b_sentence are char ranges inside the paragraphs they name."""
    a = ("Intro here. The truce lasted one week in November.",)
    b = ("The truce in November lasted one week.",)
    row = next(r for r in align_sentences(a, b).passages if r.b is not None and r.a is not None)
    assert row.a_sentence is not None
    assert row.b_sentence is not None
    assert a[0][row.a_sentence[0] : row.a_sentence[1]] == "The truce lasted one week in November."
    assert b[0][row.b_sentence[0] : row.b_sentence[1]] == b[0]


def test_align_sentences_is_deterministic() -> None:
    """The same inputs give the same alignment (ties broken by position)."""
    a = ("Talks resumed.", "Talks resumed.", "Aid entered Gaza.")
    b = ("Talks resumed.", "Aid entered Gaza.", "Talks resumed.")
    assert align_sentences(a, b).passages == align_sentences(a, b).passages
    rows = [(r.a, r.b) for r in align_sentences(a, b).passages if r.a is not None]
    assert len({b for _, b in rows if b is not None}) == 3


def test_article_sentences_canonical_name_adds_no_party_token() -> None:
    """A party written as its canonical name adds no "@party" token (its words are there)."""
    paragraphs = ("Hamas spoke.",)
    (sentence,) = article_sentences(paragraphs, [mention("Hamas")])
    assert "@hamas" not in sentence.tokens


def test_relink_pairs_sentences_sharing_a_paired_figure() -> None:
    """A link from figure pairing lets two loosely worded sentences align as `similar`."""
    a = ("Pressure grows to return the 129 prisoners still held by Hamas.", "Talks go on.")
    b = ("According to Israel, 132 hostages remain detained in Gaza.", "Talks go on.")
    first = align_sentences(a, b)
    assert 0 not in first.pairs
    linked = first.relink({(0, 0)})
    assert linked.pairs[0] == 0
    row = next(r for r in linked.passages if r.a == 0)
    assert row.kind is AlignKind.SIMILAR
    assert row.similarity < 0.25
