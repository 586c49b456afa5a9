"""Tests for index.parse.link_runs: headlines of other stories glued into the text."""

from __future__ import annotations

import pytest

from index.parse.link_runs import link_run_start

BBC_NAV = (
    "Follow live: Latest updatesHostages: Who are the people taken from Israel?From Gaza: "
    "Stories of those killed in GazaGaza: 'My wife died in five minutes, she was my life'"
    "Explained: Ros Atkins on... Calls for a ceasefire in GazaHistory behind the story: The "
    "Israel-Palestinian conflict"
)
PROSE = (
    "Qatar - which has played a major mediating role in truce talks - said earlier that "
    "ceasefire negotiations had stalled. "
)
TAIL = (
    "Netanyahu sets Rafah attack date as pressure growsBowen: Israel denies famine looms in "
    "GazaWatch: Moment UN Security Council passes ceasefire resolution"
)


def test_link_run_start_whole_line_of_glued_headlines() -> None:
    """A line made of glued headlines is navigation from its first character."""
    assert link_run_start(BBC_NAV) == 0


def test_link_run_start_cuts_a_run_that_ends_a_paragraph() -> None:
    """Headlines glued after the last sentence are cut there; the prose stays."""
    line = PROSE + TAIL
    assert link_run_start(line) == len(PROSE)


@pytest.mark.parametrize(
    "line",
    [
        "He also rejected any assertion that Ireland may expel the Israeli ambassador.On "
        "Friday, the main opposition party labelled the ambassador's position as untenable.",
        "The computers, the PowerMate 1, PowerMate 2 and",
        "Residents shared videos on WhatsApp and TikTok showing the damage to the YouTube "
        "offices, the agency said, adding that more than 100 people were hurt.",
        "Hostages: Who are the people taken from Israel?From Gaza: Stories of those killed",
        "",
    ],
)
def test_link_run_start_leaves_prose_alone(line: str) -> None:
    """Sentence glue, brand names and a single seam are not navigation."""
    assert link_run_start(line) is None


def test_link_run_start_keeps_the_closing_quote_with_its_sentence() -> None:
    """A quote scraped apart from its sentence ("differently. " No let-up…) stays in the prose."""
    prose = 'One diplomat told me. "It could have gone so differently. " '
    assert link_run_start(prose + TAIL) == len(prose)


def test_clean_paragraphs_drops_and_cuts_glued_headlines() -> None:
    """The cleaner drops a line of glued headlines and cuts a run off the end of prose."""
    from index.parse.clean import clean_paragraphs
    from index.parse.outlets import default_outlets

    cleaned = clean_paragraphs(
        [PROSE + TAIL, BBC_NAV, "The talks resume on Monday."], default_outlets()
    )
    assert cleaned.paragraphs == [PROSE.strip(), "The talks resume on Monday."]
