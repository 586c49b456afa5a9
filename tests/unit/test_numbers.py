"""Tests for index.extract.numbers: number parsing, qualifiers, ranges and vague amounts."""

from __future__ import annotations

import pytest

from index.extract.numbers import (
    Quantity,
    find_quantities,
    normalise_qualifier,
    parse_number,
    quantity_from_match,
)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,200", 1200),
        ("34,600", 34600),
        ("1.9 million", 1_900_000),
        ("2 billion", 2_000_000_000),
        ("1\u00a0200", 1200),
        ("Thirteen", 13),
        ("four", 4),
        ("twenty-five", 25),
        ("a dozen", 12),
        ("two dozen", 24),
        ("two hundred", 200),
        ("half a million", 500_000),
        ("three thousand", 3000),
    ],
)
def test_parse_number_reads_digits_and_words(text: str, value: float) -> None:
    """Digits with separators, decimals, scale words and number words parse to their value."""
    assert parse_number(text) == value


def test_parse_number_rejects_non_numbers() -> None:
    """Words that are not numbers give None."""
    assert parse_number("several") is None


@pytest.mark.parametrize(
    ("written", "normal"),
    [
        ("Nearly", "nearly"),
        ("almost", "nearly"),
        ("over", "more than"),
        ("More than", "more than"),
        ("exceeds", "more than"),
        ("some", "about"),
        ("an estimated", "about"),
        ("approximately", "about"),
        ("At least", "at least"),
        ("as many as", "up to"),
        ("fewer than", "less than"),
        (None, None),
        ("only", None),
    ],
)
def test_normalise_qualifier_folds_synonyms(written: str | None, normal: str | None) -> None:
    """Qualifier synonyms fold to one normal form."""
    assert normalise_qualifier(written) == normal


def _quantities(text: str) -> list[tuple[str, Quantity | None]]:
    """(matched text, parsed quantity) for every quantity in a text."""
    return [(m.group(0), quantity_from_match(m)) for m in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "matched", "quantity"),
    [
        ("between 30 and 40 prisoners", "between 30 and 40", Quantity(None, 30, 40, None)),
        ("200 to 300 people", "200 to 300", Quantity(None, 200, 300, None)),
        ("100-300 people", "100-300", Quantity(None, 100, 300, None)),
        ("100–300 people", "100–300", Quantity(None, 100, 300, None)),
        ("two or three", "two or three", Quantity(None, 2, 3, None)),
        (
            "between 1.5 and 2 million",
            "between 1.5 and 2 million",
            Quantity(None, 1_500_000, 2_000_000, None),
        ),
        ("some 240 others", "some 240", Quantity(240, None, None, "about")),
        ("Nearly 1,200 people", "Nearly 1,200", Quantity(1200, None, None, "nearly")),
        ("exceeds 130", "exceeds 130", Quantity(130, None, None, "more than")),
        ("1,200-plus dead", "1,200-plus", Quantity(1200, None, None, "more than")),
        ("30 or more", "30 or more", Quantity(30, None, None, "more than")),
        ("$100 million", "$100 million", Quantity(100_000_000, None, None, None, "$")),
        (
            "hundreds of thousands of displaced",
            "hundreds of thousands",
            Quantity(None, 200_000, 999_999, None),
        ),
        ("dozens of people", "dozens", Quantity(None, 24, 99, None)),
        ("the toll nears 20,000", "nears 20,000", Quantity(20_000, None, None, "nearly")),
        ("death toll approaches 7,000", "approaches 7,000", Quantity(7000, None, None, "nearly")),
        ("toll tops 10,000", "tops 10,000", Quantity(10_000, None, None, "more than")),
        ("several thousand militants", "several thousand", Quantity(None, 2000, 9999, None)),
        (
            "several hundred thousand people",
            "several hundred thousand",
            Quantity(None, 200_000, 999_999, None),
        ),
        # a verb qualifies only a number right after it, never another qualifier's
        (
            "as Ramadan approaches More than a million",
            "More than a million",
            Quantity(1_000_000, None, None, "more than"),
        ),
    ],
)
def test_find_quantities_reads_ranges_qualifiers_and_vague_amounts(
    text: str, matched: str, quantity: Quantity
) -> None:
    """Ranges, qualifiers before and after, currency and vague amounts are read whole."""
    assert _quantities(text)[0] == (matched, quantity)


@pytest.mark.parametrize(
    "text", ["08:17", "2024-04-21", "F-16", "3rd", "COVID-19", "+74956456601", "ver.2.1"]
)
def test_find_quantities_skips_times_dates_and_codes(text: str) -> None:
    """Clock times, ISO dates, model codes, ordinals and phone numbers are not quantities."""
    assert [m for m, _ in _quantities(text) if m.strip()] == []


def test_find_quantities_leaves_phrasal_over_to_the_verb() -> None:
    """In "handed over 12 hostages", "over" is not a qualifier."""
    assert _quantities("Hamas handed over 12 hostages") == [("12", Quantity(12, None, None, None))]


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("A quarter-million Israelis were displaced.", 250_000.0, None),
        ("Some quarter-million displaced Israelis", 250_000.0, "about"),
        ("More than a quarter-million people fled.", 250_000.0, "more than"),
        ("A half-million people fled.", 500_000.0, None),
        ("Half a million people fled.", 500_000.0, None),
    ],
)
def test_find_quantities_a_quarter_or_half_million(
    text: str, value: float, qualifier: str | None
) -> None:
    """ "a quarter-million" is 250,000 and "a half-million" 500,000, with their qualifiers."""
    (match,) = find_quantities(text)
    quantity = quantity_from_match(match)
    assert quantity is not None
    assert (quantity.value, quantity.qualifier) == (value, qualifier)
