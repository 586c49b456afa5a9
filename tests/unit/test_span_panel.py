"""Unit tests of the reader's side-panel rows (tui.widgets.span_panel)."""

from __future__ import annotations

from index import Figure, Mention, MentionKind
from tui.widgets.span_panel import figure_row, party_row


def test_figure_row_shows_measure_text_attribution() -> None:
    """A figure row reads "measure: text" with the attribution on its own line."""
    figure = Figure(
        "nearly 1,200 people",
        1200,
        None,
        None,
        "nearly",
        "people",
        "killed",
        "according to Israeli figures",
        2,
        10,
        29,
    )
    assert figure_row(figure).plain == "killed: nearly 1,200 people\n  according to Israeli figures"


def test_figure_row_without_measure() -> None:
    """A figure without a measure is labelled "figure"; underscores become spaces."""
    plain = Figure("33 hostages", 33, None, None, None, "hostages", None, None, 0, 0, 11)
    held = Figure(
        "129 hostages", 129, None, None, None, "hostages", "hostages_held", None, 0, 0, 12
    )
    assert figure_row(plain).plain == "figure: 33 hostages"
    assert figure_row(held).plain.startswith("hostages held: ")


def test_party_row_kind_affiliation_count() -> None:
    """A party row shows kind, affiliation and how often it is mentioned."""
    mention = Mention("Ismail Haniyeh", MentionKind.PERSON, "Hamas", "Haniya", 0, 0, 6)
    assert party_row("Ismail Haniyeh", 3, mention).plain == "Ismail Haniyeh  person, Hamas ×3"
