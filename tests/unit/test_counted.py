"""Tests for index.extract.counted: the noun phrase a number counts."""

from __future__ import annotations

import pytest

from index.extract.counted import HEAD_NOUNS, MODIFIERS, CountedPhrase, counted_phrase


def _after(text: str, number: str, *, digits: bool = True, vague: bool = False) -> CountedPhrase:
    """The phrase read just after the first `number` in `text`."""
    return counted_phrase(text, text.index(number) + len(number), digits, vague)


def _read(text: str, number: str, phrase: CountedPhrase) -> str:
    """The words the phrase covers, after the number."""
    return text[text.index(number) + len(number) : phrase.end].strip()


@pytest.mark.parametrize(
    ("text", "number", "head", "modifiers", "covered"),
    [
        ("1,200 people were killed", "1,200", "people", "", "people"),
        ("23 Thai nationals were freed", "23", "nationals", "Thai", "Thai nationals"),
        ("12 Hamas fighters surrendered", "12", "fighters", "Hamas", "Hamas fighters"),
        ("3 UN staff were hurt", "3", "staff", "UN", "UN staff"),
        ("40 dead Palestinians were found", "40", "Palestinians", "dead", "dead Palestinians"),
        ("1,000 Gazans fled south", "1,000", "Gazans", "", "Gazans"),
        ("100 Israelis were returned", "100", "Israelis", "", "Israelis"),
        ("30 student groups protested", "30", "groups", "student", "student groups"),
        ("5 days of fighting", "5", "days", "", "days"),
    ],
)
def test_counted_phrase_reads_modifiers_and_head(
    text: str, number: str, head: str, modifiers: str, covered: str
) -> None:
    """Capitalised words and listed adjectives modify the head noun, which ends the phrase."""
    phrase = _after(text, number)
    assert (phrase.head, phrase.modifiers) == (head, modifiers)
    assert _read(text, number, phrase) == covered
    assert phrase.nominal is None
    assert not phrase.partitive


def test_counted_phrase_and_joins_modifiers_and_a_compound_head() -> None:
    """ "Israeli and other nationalities hostages": "and" joins modifiers; two heads compound."""
    text = "105 Israeli and other nationalities hostages were freed"
    phrase = _after(text, "105")
    assert (phrase.head, phrase.modifiers) == ("hostages", "Israeli other")
    assert _read(text, "105", phrase) == "Israeli and other nationalities hostages"


def test_counted_phrase_predicative_noun_does_not_compound() -> None:
    """In "took 240 citizens hostage" the head is "citizens"; "hostage" is the predicate."""
    text = "Hamas took 240 citizens hostage"
    phrase = _after(text, "240")
    assert phrase.head == "citizens"
    assert _read(text, "240", phrase) == "citizens"


@pytest.mark.parametrize(
    ("text", "number", "nominal"),
    [
        ("1.9 million displaced in Gaza", "1.9 million", "displaced"),
        ("9,700 wounded in the strikes", "9,700", "wounded"),
        ("at least 30 dead after the blast", "30", "dead"),
    ],
)
def test_counted_phrase_nominal_adjective_has_no_head(text: str, number: str, nominal: str) -> None:
    """ "9,700 wounded": the adjective stands for the noun, which the caller inherits."""
    phrase = _after(text, number)
    assert (phrase.head, phrase.nominal) == (None, nominal)
    assert _read(text, number, phrase) == nominal


def test_counted_phrase_digits_accept_any_plural() -> None:
    """Digits count any lower-case plural ("14 countries"); number words need a known head."""
    assert _after("14 countries signed", "14").head == "countries"
    assert "countries" not in HEAD_NOUNS
    words = _after("fourteen countries signed", "fourteen", digits=False)
    assert words == CountedPhrase(len("fourteen"), None, "")
    assert _after("fourteen hostages were held", "fourteen", digits=False).head == "hostages"


@pytest.mark.parametrize(
    ("text", "number", "digits"),
    [
        ("the two sides met", "two", False),
        ("250 were taken hostage", "250", True),
        ("Strikes killed 40 and wounded dozens", "40", True),
        ("the 2 company's trucks", "2", True),
        ("in 7 previous rounds", "7", False),
    ],
)
def test_counted_phrase_none_ends_at_the_number(text: str, number: str, digits: bool) -> None:
    """No counted noun (a verb, "and", a possessive, an unknown noun): the phrase is empty."""
    phrase = _after(text, number, digits=digits)
    assert phrase == CountedPhrase(text.index(number) + len(number), None, "")


@pytest.mark.parametrize(
    ("text", "number", "covered"),
    [
        ("29 of whom were children", "29", "of whom"),
        ("four of them were soldiers", "four", "of them"),
    ],
)
def test_counted_phrase_partitive_pronoun(text: str, number: str, covered: str) -> None:
    """ "29 of whom": the counted noun is in an earlier phrase; the pronoun is skipped."""
    phrase = _after(text, number, digits=number.isdigit())
    assert phrase.partitive
    assert phrase.head is None
    assert _read(text, number, phrase) == covered


def test_counted_phrase_partitive_noun_phrase() -> None:
    """ "20 of the hostages" counts hostages; "20 of the 240 hostages" leaves it to the 240."""
    text = "20 of the hostages were freed"
    phrase = _after(text, "20")
    assert (phrase.head, phrase.partitive) == ("hostages", False)
    assert _read(text, "20", phrase) == "of the hostages"
    assert _after("20 of the 240 hostages were freed", "20") == CountedPhrase(
        2, None, "", None, True
    )


def test_counted_phrase_one_of_the_is_not_partitive_count() -> None:
    """ "one of the hostages" still reads the noun (the caller decides what "one" is)."""
    assert _after("one of the hostages died", "one", digits=False).head == "hostages"


@pytest.mark.parametrize(
    ("text", "head", "partitive"),
    [
        ("hundreds of Palestinians fled", "Palestinians", False),
        ("thousands of displaced people", "people", False),
        ("hundreds were hurt", None, True),
    ],
)
def test_counted_phrase_vague_amount_starts_with_of(
    text: str, head: str | None, partitive: bool
) -> None:
    """ "hundreds of Palestinians": a vague amount's phrase starts with "of"; without it, none."""
    number = text.split()[0]
    phrase = _after(text, number, digits=False, vague=True)
    assert (phrase.head, phrase.partitive) == (head, partitive)


def test_counted_phrase_reads_at_most_seven_words() -> None:
    """A run of modifiers longer than the window gives no head rather than a far-off noun."""
    words = ["other", "additional", "further", "foreign", "young", "innocent", "unarmed"]
    assert set(words) <= MODIFIERS - HEAD_NOUNS
    assert _after(f"12 {' '.join(words)} people", "12").head is None
    assert _after(f"12 {' '.join(words[:6])} people", "12").head == "people"


def test_counted_phrase_no_break_space_and_curly_apostrophe() -> None:
    """A no-break space separates words like a space; "company’s" is a possessive, not a head."""
    assert _after("1,200\u00a0people", "1,200").head == "people"
    assert _after("2 company’s trucks", "2").head is None


@pytest.mark.parametrize(
    ("text", "number", "head"),
    [
        ("Israel struck three militant cells that fired.", "three", "cells"),
        ("Troops raided five militant positions overnight.", "five", "positions"),
        ("Three militants were killed.", "Three", "militants"),
    ],
)
def test_counted_phrase_a_singular_people_word_modifies_a_thing(
    text: str, number: str, head: str
) -> None:
    """ "three militant cells" counts cells, not militants."""
    assert _after(text, number).head == head


def test_counted_phrase_a_part_of_an_owners_noun() -> None:
    """ "five of the group's senior fighters": the counted noun comes after the owner's."""
    text = "killed five of the group’s senior fighters."
    phrase = counted_phrase(text, text.index("five") + len("five"), digits=False)
    assert (phrase.head, phrase.modifiers) == ("fighters", "senior")
