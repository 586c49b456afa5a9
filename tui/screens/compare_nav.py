"""Pure layout of a `Comparison` for the compare screen: shading, differences, correspondence.

No widgets and no I/O: the CompareScreen asks these functions where each side's passages
are, which paragraph of one side corresponds to a paragraph of the other (for synchronised
scrolling), and which places `]`/`[` visit. Everything is derived from the comparison that
`index.compare.comparison` computed; nothing here re-compares text.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from index import (
    AlignedPassage,
    AlignKind,
    Article,
    Comparison,
    Figure,
    FigureRow,
    FigureStatus,
    Span,
    SpanKind,
)
from tui.render import sentence_bounds
from tui.widgets.compare_pane import Shade


class Side(StrEnum):
    """One side of a comparison."""

    A = "a"
    B = "b"

    @property
    def other(self) -> Side:
        """The opposite side."""
        return Side.B if self is Side.A else Side.A


@dataclass(frozen=True)
class Place:
    """Where a difference sits on one side: a paragraph and a range inside it."""

    paragraph: int
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Difference:
    """One stop of `]`/`[`: a differing figure row or an only-in-one passage."""

    label: str
    """What the status line says, e.g. "killed — more than 1,160 vs 1,200 (… / —)"."""
    a: Place
    b: Place


_SWAPPED_KIND = {AlignKind.A_ONLY: AlignKind.B_ONLY, AlignKind.B_ONLY: AlignKind.A_ONLY}
_SWAPPED_STATUS = {
    FigureStatus.A_ONLY: FigureStatus.B_ONLY,
    FigureStatus.B_ONLY: FigureStatus.A_ONLY,
}


def _paragraph(passage: AlignedPassage, side: Side) -> int | None:
    return passage.a if side is Side.A else passage.b


def _sentence(passage: AlignedPassage, side: Side) -> tuple[int, int] | None:
    return passage.a_sentence if side is Side.A else passage.b_sentence


def _figures(row: FigureRow, side: Side) -> tuple[Figure, ...]:
    return row.a if side is Side.A else row.b


def shading(comparison: Comparison, article: Article, side: Side) -> list[Shade]:
    """The aligned stretches of one side's paragraphs, each with its alignment kind."""
    shades: list[Shade] = []
    for passage in comparison.alignment:
        paragraph = _paragraph(passage, side)
        if paragraph is None or not 0 <= paragraph < len(article.paragraphs):
            continue
        start, end = _sentence(passage, side) or (0, len(article.paragraphs[paragraph]))
        shades.append(Shade(paragraph, start, end, passage.kind))
    return shades


def differing_spans(comparison: Comparison, side: Side) -> list[Span]:
    """DIFFERENCE spans over one side's figures that disagree with the other report."""
    return [
        Span(figure.paragraph, figure.start, figure.end, SpanKind.DIFFERENCE, row.label)
        for row in comparison.figures
        if row.status.is_difference
        for figure in _figures(row, side)
        if figure.paragraph is not None
    ]


def correspondence(comparison: Comparison, side: Side, paragraphs: int) -> list[int | None]:
    """For each paragraph of `side`, the paragraph of the other side shown next to it.

    A paragraph aligned (same/similar) with the other side maps to its best-scoring partner;
    an unaligned one maps to the partner of the nearest aligned paragraph before it (or,
    at the top, after it), so scrolling past an only-in-one passage keeps the other side
    still. None when nothing in the two reports is aligned.
    """
    best: dict[int, tuple[float, int]] = {}
    for passage in comparison.alignment:
        mine, theirs = _paragraph(passage, side), _paragraph(passage, side.other)
        if mine is None or theirs is None:
            continue
        if mine not in best or passage.similarity > best[mine][0]:
            best[mine] = (passage.similarity, theirs)
    mapping: list[int | None] = [best[p][1] if p in best else None for p in range(paragraphs)]
    previous: int | None = None
    for index, value in enumerate(mapping):
        if value is None:
            mapping[index] = previous
        previous = mapping[index]
    following: int | None = None
    for index in range(paragraphs - 1, -1, -1):
        if mapping[index] is None:
            mapping[index] = following
        following = mapping[index]
    return mapping


def figure_differences(comparison: Comparison, a: Article, b: Article) -> list[Difference]:
    """The stops of `}`/`{`: the figure rows whose numbers part ways (differ, updated)."""
    return [_figure_stop(row, a, b) for row in comparison.figures if row.status.is_difference]


def differences(comparison: Comparison, a: Article, b: Article) -> list[Difference]:
    """The stops of `]`/`[`, differing figures first, then only-in-one passages.

    Figures come first because the numbers are the point of comparing; the passages follow
    in reading order, consecutive sentences of one paragraph grouped into one stop.
    """
    a_map = correspondence(comparison, Side.A, len(a.paragraphs))
    b_map = correspondence(comparison, Side.B, len(b.paragraphs))
    stops = figure_differences(comparison, a, b)
    groups: dict[tuple[Side, int], list[tuple[int, int]]] = {}
    for passage in comparison.alignment:
        if passage.kind not in (AlignKind.A_ONLY, AlignKind.B_ONLY):
            continue
        side = Side.A if passage.kind is AlignKind.A_ONLY else Side.B
        paragraph = _paragraph(passage, side)
        if paragraph is None:
            continue
        article = a if side is Side.A else b
        sentence = _sentence(passage, side) or (0, len(article.paragraphs[paragraph]))
        groups.setdefault((side, paragraph), []).append(sentence)
    passages: list[tuple[tuple[int, int], Difference]] = []
    for (side, paragraph), bounds in groups.items():
        mine = Place(paragraph, min(s for s, _ in bounds), max(e for _, e in bounds))
        mapping = a_map if side is Side.A else b_map
        theirs = Place(mapping[paragraph] or 0) if paragraph < len(mapping) else Place(0)
        article = a if side is Side.A else b
        label = _passage_label(side, article.paragraphs[paragraph][mine.start : mine.end])
        if side is Side.A:
            passages.append(((mine.paragraph, theirs.paragraph), Difference(label, mine, theirs)))
        else:
            passages.append(((theirs.paragraph, mine.paragraph), Difference(label, theirs, mine)))
    passages.sort(key=lambda item: item[0])
    return stops + [difference for _, difference in passages]


def _figure_stop(row: FigureRow, a: Article, b: Article) -> Difference:
    first_a, first_b = row.a[0], row.b[0]
    a_attr, b_attr = first_a.attribution or "—", first_b.attribution or "—"
    measure = row.label
    label = f"{measure} — {first_a.stated_value} vs {first_b.stated_value} ({a_attr} / {b_attr})"
    if row.status is FigureStatus.UPDATED:
        label = f"{label} · {row.status.cue}: {row.note}"
    return Difference(label, _sentence_place(a, first_a), _sentence_place(b, first_b))


def _sentence_place(article: Article, figure: Figure) -> Place:
    """The sentence holding a figure (the passage `m` bookmarks after a jump)."""
    if figure.paragraph is None or figure.paragraph >= len(article.paragraphs):
        return Place(0)  # a title figure: the top of the report
    for start, end in sentence_bounds(article.paragraphs[figure.paragraph]):
        if start <= figure.start < end:
            return Place(figure.paragraph, start, max(end, figure.end))
    return Place(figure.paragraph, figure.start, figure.end)


def _passage_label(side: Side, text: str) -> str:
    quote = " ".join(text.split())
    quote = quote if len(quote) <= 90 else quote[:89] + "…"
    return f"only in {side.name} — “{quote}”"


def place_of(difference: Difference, side: Side) -> Place:
    """Where a difference sits on one side."""
    return difference.a if side is Side.A else difference.b
