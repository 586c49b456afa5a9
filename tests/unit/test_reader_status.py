"""Tests for tui.screens.reader_status: what the reader's status line says."""

from __future__ import annotations

from index import Span, SpanKind
from tests.builders import article, figure_in, mentions_in
from tui.screens.reader_status import reader_status

PARAGRAPHS = (
    "Nearly 1,200 people were killed, according to Israeli officials.",
    "Hamas released 24 hostages. Hamas said more would follow.",
)
FIGURES = (
    figure_in(
        PARAGRAPHS,
        "Nearly 1,200 people",
        measure="killed",
        place="Israel",
        attribution="according to Israeli officials",
    ),
    figure_in(PARAGRAPHS, "24 hostages", measure="released"),
)
STORY = article(PARAGRAPHS, figures=FIGURES, mentions=mentions_in(PARAGRAPHS, {"Hamas": "Hamas"}))


def span_of(paragraph: int, phrase: str, kind: SpanKind) -> Span:
    start = PARAGRAPHS[paragraph].index(phrase)
    return Span(paragraph, start, start + len(phrase), kind)


def test_reader_status_figure_with_measure_and_attribution() -> None:
    """On a figure: its number among the figures, measure, place, phrase, attribution."""
    status = reader_status(STORY, 0, span_of(0, "Nearly 1,200 people", SpanKind.FIGURE)).plain
    assert status == (
        "figure 1 / 2 · killed (Israel) · Nearly 1,200 people · according to Israeli officials"
    )


def test_reader_status_figure_without_attribution_says_so() -> None:
    """A figure nobody is credited with says "no attribution"."""
    status = reader_status(STORY, 1, span_of(1, "24 hostages", SpanKind.FIGURE)).plain
    assert status.startswith("figure 2 / 2 · released · 24 hostages")
    assert status.endswith("no attribution")


def test_reader_status_party_counts_mentions() -> None:
    """On a party: its number among the mentions, the party and its kind."""
    second = PARAGRAPHS[1].index("Hamas said")
    status = reader_status(STORY, 1, Span(1, second, second + 5, SpanKind.PARTY)).plain
    assert status == "party 2 / 2 · Hamas (organization)"


def test_reader_status_find_hit_counts_from_one() -> None:
    """After `/`: "hit 2 / 2 for “Hamas”"."""
    hits = [span_of(1, "Hamas released", SpanKind.MATCH), span_of(1, "Hamas said", SpanKind.MATCH)]
    hits = [Span(h.paragraph, h.start, h.start + 5, SpanKind.MATCH) for h in hits]
    status = reader_status(STORY, 1, hits[1], hits, "Hamas").plain
    assert status == "hit 2 / 2 for “Hamas”"


def test_reader_status_paragraph_when_on_nothing() -> None:
    """Elsewhere: the paragraph, counted from 1."""
    assert reader_status(STORY, 1, None).plain == "paragraph 2 / 2"


def test_reader_status_article_text_is_not_markup() -> None:
    """A find needle with brackets is shown as typed."""
    hit = Span(0, 0, 6, SpanKind.MATCH)
    assert reader_status(STORY, 0, hit, [hit], "[bold]").plain == "hit 1 / 1 for “[bold]”"
