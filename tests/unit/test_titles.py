"""Headline choice, shortening and site-suffix removal."""

from __future__ import annotations

import pytest

from index.parse.outlets import default_outlets
from index.parse.titles import (
    is_headline,
    shorten,
    strip_site_suffix,
    title_from_body,
    usable_title,
)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Truce talks resume | Example Times", "Truce talks resume"),
        ("Truce talks resume in Cairo - Al Jazeera", "Truce talks resume in Cairo"),
        ("Truce talks resume in Cairo - BBC News", "Truce talks resume in Cairo"),
        ("No vote yet on British troops - Cameron.", "No vote yet on British troops - Cameron."),
        (
            "Hamas head in Cairo as talks grow between Israel and Hamas Gaza News",
            "Hamas head in Cairo as talks grow between Israel and Hamas",
        ),
        ("Trump attacks coverage on Fox News", "Trump attacks coverage on Fox News"),
        ("Minister interviewed by Sky News", "Minister interviewed by Sky News"),
    ],
)
def test_strip_site_suffix_general_rules(title: str, expected: str) -> None:
    """Pipes, known outlets and bare section labels go; ordinary words stay."""
    assert strip_site_suffix(title, default_outlets()) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Proximity of a truce between Hamas and Israel", True),
        ("Has the UK told Israel to refrain from going further?", True),
        ("No vote yet on British troops going to Middle East - Cameron.", True),
        (
            "A A new round of negotiations between Hamas and the Israelis, with the mediation "
            "of Egypt and Qatar, is expected to begin this morning in Cairo. .",
            False,
        ),
        ("Talks ended. Both sides left Cairo.", False),
    ],
)
def test_is_headline_shapes(line: str, expected: bool) -> None:
    """Headline-shaped first lines are told from opening body sentences."""
    assert is_headline(line, followed=True) is expected


def test_is_headline_needs_following_text() -> None:
    """A lone line is the body, not a headline."""
    assert not is_headline("Proximity of a truce", followed=False)


def test_title_from_body_shortens_first_sentence() -> None:
    """The first sentence is cut at a word boundary with an ellipsis."""
    text = (
        "A new round of negotiations between Hamas and the Israelis, with the mediation of "
        "Egypt and Qatar, is expected to begin. Second sentence."
    )
    title = title_from_body(text)
    assert title == (
        "A new round of negotiations between Hamas and the Israelis, with the mediation of Egypt…"
    )
    assert len(title) <= 90


def test_title_from_body_skips_dateline() -> None:
    """A dateline is not part of a title made from the body."""
    assert title_from_body("HEBRON, West Bank — It is a cold day in Hebron. More.") == (
        "It is a cold day in Hebron."
    )


def test_shorten_keeps_short_text() -> None:
    """Text within the limit is unchanged."""
    assert shorten("Short title") == "Short title"


@pytest.mark.parametrize(
    ("title", "usable"),
    [
        ("More »", False),
        ("https://x.com/a", False),
        ("2024-01-02", False),
        ("---", False),
        ("Gaza’s humanitarian crisis", True),
    ],
)
def test_usable_title(title: str, usable: bool) -> None:
    """Teasers, URLs, dates and symbols are not titles."""
    assert usable_title(title) is usable


def test_strip_site_suffix_keeps_cited_outlet() -> None:
    """When the publisher is known, a dash suffix naming another outlet is a citation."""
    title = "Israel mulls flooding tunnels – WSJ"
    assert strip_site_suffix(title, default_outlets(), publisher="RT") == title
    assert strip_site_suffix(title, default_outlets(), publisher="The Wall Street Journal") == (
        "Israel mulls flooding tunnels"
    )


def test_is_headline_title_case_with_sentences() -> None:
    """A Title Case line is a headline even when it holds two sentences."""
    line = "Trudeau Slams Israel Over Hospital Raid. Netanyahu Fires Back Hard."
    assert is_headline(line, followed=True)
