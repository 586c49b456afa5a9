"""Tests for index.extract.figure_context: the Classifier's measures and inherited nouns.

Each case hands the Classifier the candidates of the named numbers, as the figures
extractor builds them for a plain number (its counted phrase read by `counted_phrase`), and
checks the (counted, measure) it gives each one.
"""

from __future__ import annotations

import pytest

from index.extract.counted import counted_phrase
from index.extract.figure_context import Classifier
from index.extract.figures import Candidate
from index.extract.numbers import Quantity, parse_number
from index.text.sentences import split_sentences

Reading = tuple[str | None, str | None]
"""What the Classifier gave a number: (counted noun, measure)."""


def _candidate(paragraph: str, number: str) -> Candidate:
    """The candidate of the first `number` in the paragraph (no qualifier, no money)."""
    start = paragraph.index(number)
    end = start + len(number)
    phrase = counted_phrase(paragraph, end, digits=number[0].isdigit())
    head = phrase.head
    counted = head if head is None or head[0].isupper() else head.lower()
    quantity = Quantity(parse_number(number), None, None, None)
    figure_end = end if phrase.partitive else phrase.end
    return Candidate(start, figure_end, phrase.end, quantity, phrase, counted)


def _classify(paragraph: str, *numbers: str) -> list[Reading]:
    """Classify the candidates of `numbers`, sentence by sentence as the extractor does."""
    candidates = [_candidate(paragraph, number) for number in numbers]
    sentences = split_sentences(paragraph)
    classifier = Classifier(paragraph, sentences)
    for s_start, s_end in sentences:
        group = [c for c in candidates if s_start <= c.start < s_end]
        if group:
            classifier.classify(group, s_start, s_end)
    return [(c.counted, c.measure) for c in candidates]


@pytest.mark.parametrize(
    ("paragraph", "number", "reading"),
    [
        ("The ministry reported 27,840 deaths.", "27,840", ("deaths", "killed")),
        ("Aid groups say 1.9 million displaced.", "1.9 million", (None, "displaced")),
        ("Israel let 200 aid trucks in on Sunday.", "200", ("trucks", "aid_trucks")),
        ("Officials said 9,700 wounded were treated.", "9,700", (None, "injured")),
    ],
)
def test_classify_step1_the_noun_phrase(paragraph: str, number: str, reading: Reading) -> None:
    """Step 1: the figure's own phrase ("27,840 deaths", "aid trucks") gives the measure."""
    assert _classify(paragraph, number) == [reading]


@pytest.mark.parametrize(
    ("paragraph", "number", "reading"),
    [
        ("Hamas returned 100 Israelis on Friday.", "100", ("Israelis", "hostages_released")),
        ("It led to the deaths of 1,200 people.", "1,200", ("people", "killed")),
        (
            "The deal foresees the release of 40 Israeli hostages.",
            "40",
            ("hostages", "hostages_released"),
        ),
        ("Israel freed 150 Palestinian prisoners.", "150", ("prisoners", "prisoners_released")),
    ],
)
def test_classify_step2_a_verb_just_before(paragraph: str, number: str, reading: Reading) -> None:
    """Step 2: a cue at most four words before the number governs it."""
    assert _classify(paragraph, number) == [reading]


@pytest.mark.parametrize(
    ("paragraph", "number", "reading"),
    [
        ("About 1,200 people died in the attack.", "1,200", ("people", "killed")),
        ("Hamas said 129 hostages are still held.", "129", ("hostages", "hostages_held")),
        ("In Rafah 40 people were reported missing.", "40", ("people", "missing")),
    ],
)
def test_classify_step3_the_clause_after(paragraph: str, number: str, reading: Reading) -> None:
    """Step 3: the first cue after the figure in its clause."""
    assert _classify(paragraph, number) == [reading]


def test_classify_step3_a_relative_clause_defers_to_the_main_verb() -> None:
    """ "Two citizens that were held in Gaza were released": the main verb (last cue) wins."""
    paragraph = "Two citizens that were being held in Gaza were released."
    assert _classify(paragraph, "Two") == [("citizens", "hostages_released")]


def test_classify_step4_a_cue_earlier_in_the_clause() -> None:
    """Step 4: with nothing after it, a cue further back in the clause (over four words) counts."""
    paragraph = "Those killed in the war so far number 34,000 people."
    assert _classify(paragraph, "34,000") == [("people", "killed")]


def test_classify_step4_stops_at_a_clause_boundary() -> None:
    """A cue before a clause boundary ("since" starting a clause) is not the figure's."""
    paragraph = "Many were killed in Gaza since they stayed, whereas 34,000 people live there."
    assert _classify(paragraph, "34,000") == [("people", None)]


def test_classify_step4_a_phrase_of_time_is_no_clause_boundary() -> None:
    """ "since October" is a phrase of time: the cue before it is still the figure's."""
    paragraph = "Those killed in Gaza since October number 34,000 people."
    assert _classify(paragraph, "34,000") == [("people", "killed")]


@pytest.mark.parametrize(
    ("paragraph", "numbers", "readings"),
    [
        (
            "Strikes killed 100 people, including 40 children.",
            ("100", "40"),
            [("people", "killed"), ("children", "killed")],
        ),
        (
            "12 women and seven children were killed.",
            ("12", "seven"),
            [("women", "killed"), ("children", "killed")],
        ),
        (
            "About 1,200 people died and 250 were taken hostage.",
            ("1,200", "250"),
            [("people", "killed"), ("people", "hostages_taken")],
        ),
    ],
)
def test_classify_step5_linked_figures(
    paragraph: str, numbers: tuple[str, ...], readings: list[Reading]
) -> None:
    """Step 5: a figure included in or coordinated with another shares its event (and noun)."""
    assert _classify(paragraph, *numbers) == readings


def test_classify_step6_a_cue_beyond_the_clause() -> None:
    """Step 6: the nearest unused cue of the sentence, past a clause boundary."""
    paragraph = "The army named 21 soldiers; all of them died on Monday."
    assert _classify(paragraph, "21") == [("soldiers", "killed")]


@pytest.mark.parametrize(
    ("paragraph", "number", "reading"),
    [
        ("The dead include 12 women.", "12", ("women", "killed")),
        ("The hostages include nine children.", "nine", ("children", "hostages_held")),
    ],
)
def test_classify_step7_what_the_subject_includes(
    paragraph: str, number: str, reading: Reading
) -> None:
    """Step 7: "the dead include 12 women" takes the subject's cue; captives with none are held."""
    assert _classify(paragraph, number) == [reading]


def test_classify_step7_same_noun_in_the_previous_sentence() -> None:
    """A sentence that refers back takes its noun's measure from the sentence before."""
    paragraph = (
        "Hamas demanded the release of Palestinian prisoners. "
        "Such a group would include 30 prisoners."
    )
    assert _classify(paragraph, "30") == [("prisoners", "prisoners_released")]


def test_classify_no_reference_back_no_borrowed_measure() -> None:
    """Without "such a group" or "they", a noun does not borrow the previous sentence's cue."""
    paragraph = "Hamas demanded the release of Palestinian prisoners. Egypt hosts 30 prisoners."
    assert _classify(paragraph, "30") == [("prisoners", None)]


def test_classify_their_number_inherits_the_previous_noun() -> None:
    """ "Their number stands at 132": the counted noun and measure of the sentence before."""
    paragraph = "Israel says Hamas holds hostages in Gaza. Their number stands at 132."
    assert _classify(paragraph, "132") == [("hostages", "hostages_held")]


def test_classify_the_number_of_names_the_noun() -> None:
    """ "The number of hostages is 240": the noun comes from "number of", captives are held."""
    assert _classify("The number of hostages is 240.", "240") == [("hostages", "hostages_held")]


def test_classify_keeps_a_measure_already_set() -> None:
    """A candidate that comes with a measure (a truce's length) is left as it is."""
    paragraph = "The truce lasted 4 days, and 50 hostages were freed."
    truce, freed = _candidate(paragraph, "4"), _candidate(paragraph, "50")
    truce.measure = "truce_duration"
    Classifier(paragraph, split_sentences(paragraph)).classify([truce, freed], 0, len(paragraph))
    assert (truce.counted, truce.measure) == ("days", "truce_duration")
    assert (freed.counted, freed.measure) == ("hostages", "hostages_released")


def test_classify_things_get_no_casualty_measure() -> None:
    """Counted things (hospitals) are never killed or held, whatever the cue."""
    paragraph = "Strikes killed dozens and hit 12 hospitals."
    assert _classify(paragraph, "12") == [("hospitals", None)]
