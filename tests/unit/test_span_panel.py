"""Unit tests of the reader's side-panel rows (tui.widgets.span_panel)."""

from __future__ import annotations

from index import MentionKind
from tests.builders import figure, mention
from tui.widgets.span_panel import figure_row, party_row


def test_figure_row_shows_measure_text_attribution() -> None:
    """A figure row reads "measure: text" with the attribution on its own line."""
    toll = figure(
        "nearly 1,200 people",
        value=1200,
        qualifier="nearly",
        counted="people",
        measure="killed",
        attribution="according to Israeli figures",
        paragraph=2,
        start=10,
    )
    assert figure_row(toll).plain == "killed: nearly 1,200 people\n  according to Israeli figures"


def test_figure_row_without_measure() -> None:
    """A figure without a measure is labelled "figure"; underscores become spaces."""
    plain = figure("33 hostages", value=33, counted="hostages")
    held = figure("129 hostages", value=129, counted="hostages", measure="hostages_held")
    assert figure_row(plain).plain == "figure: 33 hostages"
    assert figure_row(held).plain.startswith("hostages held: ")


def test_party_row_kind_affiliation_count() -> None:
    """A party row shows kind, affiliation and how often it is mentioned."""
    haniya = mention("Ismail Haniyeh", kind=MentionKind.PERSON, affiliation="Hamas", text="Haniya")
    assert party_row("Ismail Haniyeh", 3, haniya).plain == "Ismail Haniyeh  person, Hamas ×3"
