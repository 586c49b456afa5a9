"""Publication dates: stated values, URL dates and datelines; never a guessed year."""

from __future__ import annotations

from datetime import date

import pytest

from index.models import PublishedHow
from index.parse.dates import date_from_url, find_dateline, parse_date_value, resolve_date


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-04-21", date(2024, 4, 21)),
        ("2024-04-21T08:17+0000", date(2024, 4, 21)),
        ("26-FEB-1987 15:03:27.51", date(1987, 2, 26)),
        ("Wed, 22 Nov 2023 21:43:13 +0000", date(2023, 11, 22)),
        ("November 21, 2023", date(2023, 11, 21)),
        ("21 de noviembre de 2023", date(2023, 11, 21)),
        ("10/13/2023", date(2023, 10, 13)),
        ("20240421", date(2024, 4, 21)),
    ],
)
def test_parse_date_value_formats(value: str, expected: date) -> None:
    """Common stated date formats are understood."""
    assert parse_date_value(value) == expected


@pytest.mark.parametrize("value", ["Nov 21", "on Sunday", "2024", "2024-02-31", "yesterday"])
def test_parse_date_value_needs_a_full_date(value: str) -> None:
    """No year, relative days, lone years and impossible dates give None."""
    assert parse_date_value(value) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://sputnikglobe.com/20240421/story-1118038663.html", date(2024, 4, 21)),
        ("https://www.theguardian.com/world/2023/nov/22/x", None),
        ("https://www.aljazeera.com/news/2023/11/22/dozens-killed", date(2023, 11, 22)),
        ("https://www.noticiasaominuto.com/mundo/2498195/hamas-ainda", None),
        ("https://example.com/2023-10-07-attack", date(2023, 10, 7)),
    ],
)
def test_date_from_url(url: str, expected: date | None) -> None:
    """Dates written in URL paths are found; article ids are not dates."""
    assert date_from_url(url) == expected


def test_find_dateline_without_year_has_no_date() -> None:
    """ "Moscow, Nov 21.-" is kept as a dateline but gives no date (no year written)."""
    dateline = find_dateline("Moscow, Nov 21.- Hamas and Israel are close to a truce.")
    assert dateline is not None
    assert (dateline.text, dateline.published) == ("Moscow, Nov 21.-", None)


def test_find_dateline_with_year_and_agency() -> None:
    """A dateline with a year gives its date."""
    dateline = find_dateline("GAZA CITY, Oct 12, 2023 (Reuters) - Strikes continued.")
    assert dateline is not None
    assert dateline.published == date(2023, 10, 12)


@pytest.mark.parametrize(
    "paragraph",
    ["Israel, Hamas agree - sources say", "In Cairo, talks - of a sort - resumed.", "Hello world"],
)
def test_find_dateline_ignores_ordinary_sentences(paragraph: str) -> None:
    """Sentences with commas and dashes are not datelines."""
    assert find_dateline(paragraph) is None


def test_resolve_date_priority() -> None:
    """Stated beats URL, URL beats dateline; nothing gives unknown."""
    url = "https://ex.com/2024/01/02/x"
    dated = find_dateline("PARIS, Jan 3, 2024 - Text.")
    assert resolve_date(["2024-01-01"], url, dated).how is PublishedHow.STATED
    assert resolve_date([], url, dated).published == date(2024, 1, 2)
    assert resolve_date([], None, dated).how is PublishedHow.DATELINE
    unknown = resolve_date(["on Sunday"], None, find_dateline("Moscow, Nov 21.- Text"))
    assert (unknown.published, unknown.how, unknown.dateline) == (
        None,
        PublishedHow.UNKNOWN,
        "Moscow, Nov 21.-",
    )
