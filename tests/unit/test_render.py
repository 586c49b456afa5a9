"""Unit tests of tui.render: untrusted text stays literal, spans land where they should."""

from __future__ import annotations

from datetime import date

import pytest

from index import (
    AnchorStatus,
    ArticleId,
    ArticleSummary,
    Bookmark,
    PublishedHow,
    SearchHit,
    Snippet,
    Span,
    SpanKind,
)
from tui.render import (
    bookmark_content,
    chips,
    date_label,
    find_occurrences,
    hit_content,
    paragraph_content,
    sentence_bounds,
    styled_text,
)

STYLES = {SpanKind.FIGURE: "bold", SpanKind.PARTY: "italic", SpanKind.MATCH: "reverse"}


def test_styled_text_keeps_markup_literal() -> None:
    """Square brackets in text are never parsed as markup."""
    content = styled_text("[bold]Truce[/bold] [red]", [(0, 6, "bold")])
    assert content.plain == "[bold]Truce[/bold] [red]"


def test_paragraph_content_applies_spans_by_kind() -> None:
    """Each span kind gets its style on exactly its characters."""
    text = "Hamas said 1,200 people died."
    spans = [Span(0, 0, 5, SpanKind.PARTY), Span(0, 11, 23, SpanKind.FIGURE)]
    content = paragraph_content(text, spans, STYLES)
    styled = {(s.start, s.end, str(s.style)) for s in content.spans}
    assert (0, 5, "italic") in styled
    assert (11, 23, "bold") in styled


def test_paragraph_content_hides_toggled_kinds() -> None:
    """Hidden kinds are not drawn; extra ranges are drawn last."""
    spans = [Span(0, 0, 5, SpanKind.PARTY)]
    content = paragraph_content(
        "Hamas agreed.", spans, STYLES, hidden={SpanKind.PARTY}, extra=[(6, 12, "underline")]
    )
    assert [(s.start, s.end) for s in content.spans] == [(6, 12)]


def test_hit_content_shows_title_meta_snippet_and_chips() -> None:
    """A result shows title, outlet and date, snippet and party/measure chips."""
    summary = ArticleSummary(
        ArticleId("a1"),
        "[i]Talks[/i]",
        "Example",
        date(2024, 4, 1),
        "a.txt",
        ("Hamas",),
        ("killed",),
    )
    hit = SearchHit(summary, 1.0, Snippet("talks in Cairo", ((0, 5),)), 0)
    content = hit_content(hit, STYLES)
    lines = content.plain.splitlines()
    assert lines[0] == "[i]Talks[/i]"
    assert lines[1] == "Example · 2024-04-01"
    assert lines[2] == "talks in Cairo"
    assert "‹Hamas›" in lines[3]
    assert "‹killed›" in lines[3]


def test_chips_truncates_with_count() -> None:
    """More chips than the limit end with +N."""
    assert chips(["a", "b", "c"], "bold", limit=2).plain == "‹a› ‹b› +1"


@pytest.mark.parametrize(
    ("published", "how", "expected"),
    [
        (None, PublishedHow.UNKNOWN, "undated"),
        (date(2024, 4, 21), PublishedHow.STATED, "2024-04-21"),
        (date(2024, 4, 21), PublishedHow.URL, "2024-04-21 (from URL)"),
        (date(2024, 4, 21), PublishedHow.INFERRED, "2024-04-21 (inferred)"),
    ],
)
def test_date_label_says_how_known(
    published: date | None, how: PublishedHow, expected: str
) -> None:
    """Dates say how they were found unless stated."""
    assert date_label(published, how) == expected


def test_bookmark_content_shows_status_quote_note() -> None:
    """A bookmark entry shows its status, title, quote, note and tags literally."""
    mark = Bookmark(
        1,
        ArticleId("a1"),
        "[b]quote[/b]",
        "",
        "",
        None,
        None,
        None,
        "a [note]",
        ("t1",),
        "2024-01-01T00:00:00Z",
        "2024-01-01T00:00:00Z",
        AnchorStatus.ORPHAN,
        "Title",
    )
    plain = bookmark_content(mark).plain
    assert "[orphan] Title" in plain
    assert "“[b]quote[/b]”" in plain
    assert "note: a [note]" in plain
    assert "‹t1›" in plain


def test_sentence_bounds_uses_library_splitter() -> None:
    """Sentences end at . ! ? before a capital; quotes stay with their sentence."""
    text = 'He said no. Then 34 more came! "We are ready," he said. U.S. officials agreed.'
    parts = [text[s:e] for s, e in sentence_bounds(text)]
    assert parts == [
        "He said no.",
        "Then 34 more came!",
        '"We are ready," he said.',
        "U.S. officials agreed.",
    ]


def test_sentence_bounds_single_sentence() -> None:
    """A paragraph without a sentence end is one sentence."""
    assert sentence_bounds("no full stop") == [(0, 12)]


def test_find_occurrences_case_insensitive() -> None:
    """Find-in-page matches case-insensitively across paragraphs."""
    spans = find_occurrences(["Hamas and HAMAS", "no", "hamas"], "hamas")
    assert [(s.paragraph, s.start, s.end) for s in spans] == [(0, 0, 5), (0, 10, 15), (2, 0, 5)]
    assert find_occurrences(["x"], "  ") == []
