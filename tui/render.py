"""Pure rendering: models and spans -> Textual `Content`. Never builds markup.

Article text, titles, notes and tags are untrusted: they are always wrapped with
`Content(text)` and styled with `Content.stylize`, so a title such as "[bold]" shows
literally. Every function here is pure (no widgets, no I/O), which keeps it unit-testable.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date

from textual.content import Content
from textual.css.styles import StylesBase
from textual.style import Style

from index import (
    ArticleSummary,
    Bookmark,
    PublishedHow,
    SearchHit,
    Snippet,
    Span,
    SpanKind,
    split_sentences,
    visible_controls,
)

SpanStyles = Mapping[SpanKind, Style | str]
"""How each kind of span is drawn (looked up from component classes by the widget)."""

FALLBACK_STYLES: dict[SpanKind, str] = {
    SpanKind.FIGURE: "bold underline",
    SpanKind.PARTY: "italic",
    SpanKind.MATCH: "reverse",
    SpanKind.BOOKMARK: "underline",
}
"""Styles used when a widget offers none: each one readable without colour."""

LAYER_ORDER: tuple[SpanKind, ...] = (
    SpanKind.BOOKMARK,
    SpanKind.PARTY,
    SpanKind.FIGURE,
    SpanKind.DIFFERENCE,
    SpanKind.MATCH,
)
"""Later kinds are drawn on top of earlier ones where spans overlap."""


def component_style(styles: StylesBase) -> Style:
    """A span style from a component class's rules, keeping only what the rules set.

    `Widget.get_visual_style` drops `reverse` and, for partial styles, an opaque background
    (textual 8.2.8), and both are cues we rely on; this keeps every text-style flag.
    """
    text = styles.text_style
    return Style(
        background=styles.background if styles.has_rule("background") else None,
        foreground=styles.color if styles.has_rule("color") else None,
        bold=text.bold,
        dim=text.dim,
        italic=text.italic,
        underline=text.underline,
        reverse=text.reverse,
        strike=text.strike,
    )


def text_content(text: str, style: Style | str = "") -> Content:
    """Untrusted text as Content: never parsed as markup, its control characters visible.

    Every string from an article, a bookmark or a file name that reaches the screen goes
    through here (or `styled_text`): ESC, CSI, OSC and the 8-bit C1 controls are shown as
    symbols instead of being sent to the terminal. The length is kept, so spans still fit.
    """
    return (
        Content.styled(visible_controls(text), style) if style else Content(visible_controls(text))
    )


def styled_text(
    text: str,
    spans: Iterable[tuple[int, int, Style | str]],
) -> Content:
    """Wrap plain text in Content and apply (start, end, style) spans in order.

    Args:
        text: Untrusted plain text; never parsed as markup.
        spans: Character ranges with their style; later ones are drawn on top.

    Returns:
        The styled content.
    """
    content = text_content(text)
    for start, end, style in spans:
        content = content.stylize(style, start, end)
    return content


def paragraph_content(
    text: str,
    spans: Sequence[Span],
    styles: SpanStyles,
    *,
    hidden: Collection[SpanKind] = (),
    extra: Sequence[tuple[int, int, Style | str]] = (),
) -> Content:
    """Render one paragraph with its highlight spans.

    Args:
        text: The paragraph.
        spans: Spans of this paragraph (offsets into `text`).
        styles: Style per span kind.
        hidden: Kinds the user toggled off.
        extra: Further (start, end, style) ranges drawn last (find hits, sentence cursor).

    Returns:
        The styled paragraph.
    """
    ordered: list[tuple[int, int, Style | str]] = []
    for kind in LAYER_ORDER:
        if kind in hidden:
            continue
        style = styles.get(kind, FALLBACK_STYLES.get(kind, ""))
        ordered.extend((span.start, span.end, style) for span in spans if span.kind is kind)
    ordered.extend(extra)
    return styled_text(text, ordered)


def snippet_content(snippet: Snippet, match_style: Style | str) -> Content:
    """Render a search snippet with its matched words highlighted."""
    return styled_text(snippet.text, ((s, e, match_style) for s, e in snippet.matches))


def date_label(published: date | None, how: PublishedHow | None = None) -> str:
    """A short date for lists and metadata lines ("2024-04-21 (from URL)")."""
    if published is None:
        return "undated"
    text = published.isoformat()
    if how is None or how is PublishedHow.STATED:
        return text
    notes = {PublishedHow.URL: "from URL", PublishedHow.DATELINE: "from dateline"}
    return f"{text} ({notes.get(how, str(how))})"


def chips(values: Sequence[str], style: Style | str, *, limit: int = 4) -> Content:
    """Small bracketed chips ("‹Hamas› ‹Qatar›"), the brackets being the colourless cue."""
    parts: list[Content] = [text_content(f"‹{value}›", style) for value in values[:limit] if value]
    if len(values) > limit:
        parts.append(Content(f"+{len(values) - limit}"))
    return Content(" ").join(parts)


def summary_content(
    summary: ArticleSummary,
    snippet: Content | None,
    styles: SpanStyles,
    *,
    title_style: Style | str = "bold",
) -> Content:
    """A results-list entry: title, outlet and date, snippet, parties and measures."""
    meta = f"{summary.source or 'unknown outlet'} · {date_label(summary.published)}"
    lines: list[Content] = [
        text_content(summary.title or "(untitled)", title_style),
        text_content(meta, "dim"),
    ]
    if snippet is not None and snippet.plain:
        lines.append(snippet)
    tags = chips(summary.parties, styles.get(SpanKind.PARTY, "italic"))
    measures = chips(summary.measures, styles.get(SpanKind.FIGURE, "bold underline"))
    if tags.plain or measures.plain:
        lines.append(Content(" ").join([part for part in (tags, measures) if part.plain]))
    return Content("\n").join(lines)


def hit_content(hit: SearchHit, styles: SpanStyles) -> Content:
    """A results-list entry for a search hit."""
    snippet = snippet_content(hit.snippet, styles.get(SpanKind.MATCH, "reverse"))
    return summary_content(hit.article, snippet, styles)


def bookmark_content(bookmark: Bookmark, quote_style: Style | str = "italic") -> Content:
    """A bookmarks-list entry: status, article title, quote, note and tags."""
    status = f"[{bookmark.status}]"
    head = Content.assemble(
        (status, "bold"), " ", text_content(bookmark.article_title or bookmark.article_id)
    )
    quote = bookmark.quote if len(bookmark.quote) <= 200 else bookmark.quote[:199] + "…"
    lines = [head, text_content(f"“{quote}”", quote_style)]
    if bookmark.note:
        lines.append(Content.assemble(("note: ", "dim"), text_content(bookmark.note)))
    if bookmark.tags:
        lines.append(chips(bookmark.tags, "dim", limit=8))
    return Content("\n").join(lines)


def sentence_bounds(paragraph: str) -> list[tuple[int, int]]:
    """A paragraph's sentences as (start, end) offsets, by the library's splitter.

    The same sentences `newsdesk bookmarks add --sentence K` counts; a paragraph without a
    sentence end is one sentence.
    """
    return split_sentences(paragraph) or [(0, len(paragraph))]


def find_occurrences(paragraphs: Sequence[str], needle: str) -> list[Span]:
    """Case-insensitive occurrences of `needle` in each paragraph, as MATCH spans."""
    needle = needle.strip()
    if not needle:
        return []
    pattern = re.compile(re.escape(needle), re.IGNORECASE)
    return [
        Span(index, match.start(), match.end(), SpanKind.MATCH)
        for index, text in enumerate(paragraphs)
        for match in pattern.finditer(text)
    ]
