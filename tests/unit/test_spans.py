"""Tests for index.extract.spans."""

from __future__ import annotations

from index.extract.spans import article_spans, figure_spans, party_spans, sort_spans
from index.models import MentionKind, Span, SpanKind
from tests.builders import article, figure_in, mention

PARAGRAPHS = (
    "Nearly 1,200 people were killed, Israel said.",
    "Hamas holds 129 prisoners.",
)


FIG_KILLED = figure_in(
    PARAGRAPHS, "Nearly 1,200 people", value=1.0, counted="people", measure="killed"
)
FIG_HELD = figure_in(PARAGRAPHS, "129 prisoners", value=1.0, counted="prisoners")
ISRAEL = mention("Israel", kind=MentionKind.STATE, start=33)
HAMAS = mention("Hamas", paragraph=1)


def test_figure_spans_label_measure_else_counted() -> None:
    """A figure's label is its measure, or its counted noun when it has no measure."""
    spans = figure_spans(article(PARAGRAPHS, figures=(FIG_KILLED, FIG_HELD)))
    assert [(s.label, s.kind) for s in spans] == [
        ("killed", SpanKind.FIGURE),
        ("prisoners", SpanKind.FIGURE),
    ]
    assert PARAGRAPHS[0][spans[0].start : spans[0].end] == "Nearly 1,200 people"


def test_party_spans_label_is_canonical_party() -> None:
    """A mention's label is the canonical party."""
    spans = party_spans(article(PARAGRAPHS, mentions=(ISRAEL,)))
    assert spans == [Span(0, 33, 39, SpanKind.PARTY, "Israel")]


def test_article_spans_merges_and_sorts_all_kinds() -> None:
    """Figures, parties and matches come back sorted by paragraph then offset."""
    report = article(PARAGRAPHS, figures=(FIG_HELD, FIG_KILLED), mentions=(HAMAS, ISRAEL))
    match = Span(0, 7, 12, SpanKind.MATCH, "1200")
    spans = article_spans(report, [match])
    assert [(s.paragraph, s.start, s.kind) for s in spans] == [
        (0, 0, SpanKind.FIGURE),
        (0, 7, SpanKind.MATCH),
        (0, 33, SpanKind.PARTY),
        (1, 0, SpanKind.PARTY),
        (1, 12, SpanKind.FIGURE),
    ]


def test_article_spans_drops_spans_outside_the_text() -> None:
    """Spans past a paragraph's end, empty spans or bad paragraph numbers are dropped."""
    bad = [
        Span(0, 10, 500, SpanKind.MATCH),
        Span(5, 0, 1, SpanKind.MATCH),
        Span(1, 3, 3, SpanKind.MATCH),
    ]
    assert article_spans(article(PARAGRAPHS), bad) == []


def test_sort_spans_longest_first_and_deduplicated() -> None:
    """At the same start the longer span comes first; duplicates collapse."""
    short = Span(0, 0, 3, SpanKind.MATCH)
    long = Span(0, 0, 9, SpanKind.FIGURE)
    assert sort_spans([short, long, short]) == [long, short]
