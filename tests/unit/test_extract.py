"""Tests for index.extract.spans."""

from __future__ import annotations

from index.extract.spans import article_spans, figure_spans, party_spans, sort_spans
from index.models import (
    Article,
    ArticleId,
    Figure,
    Mention,
    MentionKind,
    PublishedHow,
    Span,
    SpanKind,
)

PARAGRAPHS = (
    "Nearly 1,200 people were killed, Israel said.",
    "Hamas holds 129 prisoners.",
)


def _figure(text: str, paragraph: int, start: int, measure: str | None, counted: str) -> Figure:
    return Figure(
        text, 1.0, None, None, None, counted, measure, None, paragraph, start, start + len(text)
    )


def _article(*, figures: tuple[Figure, ...] = (), mentions: tuple[Mention, ...] = ()) -> Article:
    return Article(
        ArticleId("a1"),
        "/a.txt",
        "T",
        None,
        None,
        None,
        PublishedHow.UNKNOWN,
        (),
        PARAGRAPHS,
        figures,
        mentions,
    )


FIG_KILLED = _figure("Nearly 1,200 people", 0, 0, "killed", "people")
FIG_HELD = _figure("129 prisoners", 1, 12, None, "prisoners")
ISRAEL = Mention("Israel", MentionKind.STATE, None, "Israel", 0, 33, 39)
HAMAS = Mention("Hamas", MentionKind.ORGANIZATION, None, "Hamas", 1, 0, 5)


def test_figure_spans_label_measure_else_counted() -> None:
    """A figure's label is its measure, or its counted noun when it has no measure."""
    spans = figure_spans(_article(figures=(FIG_KILLED, FIG_HELD)))
    assert [(s.label, s.kind) for s in spans] == [
        ("killed", SpanKind.FIGURE),
        ("prisoners", SpanKind.FIGURE),
    ]
    assert PARAGRAPHS[0][spans[0].start : spans[0].end] == "Nearly 1,200 people"


def test_party_spans_label_is_canonical_party() -> None:
    """A mention's label is the canonical party."""
    spans = party_spans(_article(mentions=(ISRAEL,)))
    assert spans == [Span(0, 33, 39, SpanKind.PARTY, "Israel")]


def test_article_spans_merges_and_sorts_all_kinds() -> None:
    """Figures, parties and matches come back sorted by paragraph then offset."""
    article = _article(figures=(FIG_HELD, FIG_KILLED), mentions=(HAMAS, ISRAEL))
    match = Span(0, 7, 12, SpanKind.MATCH, "1200")
    spans = article_spans(article, [match])
    assert [(s.paragraph, s.start, s.kind) for s in spans] == [
        (0, 0, SpanKind.FIGURE),
        (0, 7, SpanKind.MATCH),
        (0, 33, SpanKind.PARTY),
        (1, 0, SpanKind.PARTY),
        (1, 12, SpanKind.FIGURE),
    ]


def test_article_spans_drops_spans_outside_the_text() -> None:
    """Spans past a paragraph's end, empty spans or bad paragraph numbers are dropped."""
    article = _article()
    bad = [
        Span(0, 10, 500, SpanKind.MATCH),
        Span(5, 0, 1, SpanKind.MATCH),
        Span(1, 3, 3, SpanKind.MATCH),
    ]
    assert article_spans(article, bad) == []


def test_sort_spans_longest_first_and_deduplicated() -> None:
    """At the same start the longer span comes first; duplicates collapse."""
    short = Span(0, 0, 3, SpanKind.MATCH)
    long = Span(0, 0, 9, SpanKind.FIGURE)
    assert sort_spans([short, long, short]) == [long, short]
