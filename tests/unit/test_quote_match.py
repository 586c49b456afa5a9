"""Tests for index.bookmarks.quote_match: the strict fuzzy matcher behind re-anchoring."""

from __future__ import annotations

from index.bookmarks.quote_match import (
    CONTEXT_THRESHOLD,
    best_fuzzy_match,
    context_similarity,
    normalize,
    score_candidates,
    similarity,
)

PREFIX = "Mediators met in Doha on Thursday. "
SUFFIX = " The Red Cross took them to Egypt."
QUOTE = "Hamas released 13 Israeli hostages on Friday."


def test_normalize_folds_case_quotes_and_spaces() -> None:
    """Case, curly quotes and runs of whitespace do not count as differences."""
    assert normalize("  “Hamas”  SAID\n‘no’ ") == "\"hamas\" said 'no'"
    assert normalize("Praha\u0301") == normalize("Prahá")  # decomposed vs composed accent


def test_similarity_of_empty_strings_is_one() -> None:
    """Two empty contexts agree fully (a quote at the very start of the text)."""
    assert similarity("", "") == 1.0
    assert similarity("", "abc") == 0.0


def test_context_similarity_compares_both_sides() -> None:
    """The score is the mean of the prefix and the suffix agreement."""
    text = PREFIX + QUOTE + SUFFIX
    start = len(PREFIX)
    assert context_similarity(PREFIX, SUFFIX, text, start, start + len(QUOTE)) == 1.0
    other = "Unrelated words stand right here. " + QUOTE + " Nothing else follows it now."
    start = other.index(QUOTE)
    assert context_similarity(PREFIX, SUFFIX, other, start, start + len(QUOTE)) < CONTEXT_THRESHOLD


def test_best_fuzzy_match_accepts_a_typo_fix_in_place() -> None:
    """A corrected typo with the same surroundings is found, with its new span."""
    paragraph = PREFIX + QUOTE.replace("Israeli", "Isreali") + SUFFIX
    match = best_fuzzy_match(QUOTE, PREFIX, SUFFIX, [paragraph])
    assert match is not None
    assert paragraph[match.start : match.end] == QUOTE.replace("Israeli", "Isreali")
    assert match.numbers_kept


def test_best_fuzzy_match_rejects_changed_numbers() -> None:
    """A changed figure is a different claim, even when the text is otherwise equal."""
    paragraph = PREFIX + QUOTE.replace("13", "18") + SUFFIX
    [best, *_rest] = score_candidates(QUOTE, PREFIX, SUFFIX, [paragraph])
    assert best.similarity > 0.95
    assert not best.numbers_kept
    assert best_fuzzy_match(QUOTE, PREFIX, SUFFIX, [paragraph]) is None


def test_best_fuzzy_match_rejects_wrong_context() -> None:
    """A close match in an unrelated place is not taken."""
    paragraph = "Unrelated words stand right here. " + QUOTE.replace("Israeli", "Isreali") + " End."
    assert best_fuzzy_match(QUOTE, PREFIX, SUFFIX, [paragraph]) is None


def test_best_fuzzy_match_needs_a_margin_over_rivals() -> None:
    """Two equally close candidates: neither is chosen."""
    first = QUOTE.replace("Israeli", "Isreali")
    second = QUOTE.replace("hostages", "hostagse")
    paragraph = PREFIX + first + " " + second + SUFFIX
    candidates = score_candidates(QUOTE, PREFIX, SUFFIX, [paragraph])
    assert sum(1 for c in candidates if c.similarity > 0.95) >= 2
    assert best_fuzzy_match(QUOTE, PREFIX, SUFFIX, [paragraph]) is None


def test_best_fuzzy_match_without_candidates_is_none() -> None:
    """Nothing similar at all gives None."""
    assert best_fuzzy_match(QUOTE, PREFIX, SUFFIX, ["Completely different text."]) is None
    assert best_fuzzy_match(QUOTE, PREFIX, SUFFIX, []) is None
