"""Who says a figure: attribution phrases named by the source they cite."""

from __future__ import annotations

import pytest

from index.story.sources import UNATTRIBUTED, source_of


@pytest.mark.parametrize(
    ("attribution", "source"),
    [
        ("according to the Hamas-run health ministry", "Gaza health ministry"),
        ("the Gaza Health Ministry said", "Gaza health ministry"),
        ("Palestinian health officials say", "Gaza health ministry"),
        ("IDF says", "Israeli officials"),
        ("according to Israeli officials", "Israeli officials"),
        ("the UN confirms", "UN"),
        ("according to OCHA", "UN"),
        ("Hamas said", "Hamas"),
        ("according to Palestinian authorities", "Gaza authorities"),
        ("the White House said", "US officials"),
        ("according to an AFP tally", "AFP tally"),
        ("Friday said", UNATTRIBUTED),
        ("Hundreds reported", UNATTRIBUTED),
        (None, UNATTRIBUTED),
        ("  ", UNATTRIBUTED),
    ],
)
def test_source_of_names_the_source(attribution: str | None, source: str) -> None:
    """Attribution phrases are grouped under the source they cite."""
    assert source_of(attribution) == source


def test_source_of_does_not_read_us_inside_words() -> None:
    """'US' is a source only as a word in capitals, not inside "us" or "bus"."""
    assert source_of("told us") != "US officials"
