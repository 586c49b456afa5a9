"""Shape rules for lines that are never article text."""

from __future__ import annotations

import pytest

from index.parse.boilerplate import is_boilerplate_line


@pytest.mark.parametrize(
    "line",
    [
        "https://example.com/a https://example.com/b",
        "1920 1440 true",
        "en_EN",
        "Middle East",
        "Also Read:  Another story",
        "Your email address will not be published. Required fields are marked *",
        "O seu endereço de email não será publicado.",
        "By Jane Smith",
        "# Comments: 54",
        "Israel-Hamas war: live updates",
    ],
)
def test_is_boilerplate_line_true(line: str) -> None:
    """Link lines, sizes, locales, sections, teasers, forms, bylines, counters are boilerplate."""
    assert is_boilerplate_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Netanyahu reiterated on Sunday that Israel is “not capitulating”.",
        "“Positive” indicators.",
        "By the end of the day, 40 hostages had been released.",
        "Death toll: 1,200",
        "Read the statement below.",
        "Watching the watchdogs: America’s reckoning with media manipulation",
    ],
)
def test_is_boilerplate_line_false(line: str) -> None:
    """Sentences, subheadings and fact lines are not boilerplate."""
    assert not is_boilerplate_line(line)
