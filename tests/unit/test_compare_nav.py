"""Unit tests of the compare screen's pure layout: correspondence, differences, swap."""

from __future__ import annotations

from index import (
    AlignedPassage,
    AlignKind,
    ArticleId,
    Comparison,
    FigureStatus,
    Library,
    PartyComparison,
)
from tui.screens.compare_nav import Side, correspondence, differences


def test_correspondence_fills_unaligned_paragraphs() -> None:
    """Unaligned paragraphs take the partner of the nearest aligned one before (or after) them."""
    comparison = Comparison(
        ArticleId("a"),
        ArticleId("b"),
        (
            AlignedPassage(0, None, AlignKind.A_ONLY, 0.0),
            AlignedPassage(1, 3, AlignKind.SIMILAR, 0.4),
            AlignedPassage(1, 2, AlignKind.SAME, 0.9),
            AlignedPassage(3, 5, AlignKind.SIMILAR, 0.3),
        ),
        (),
        PartyComparison((), (), ()),
    )
    assert correspondence(comparison, Side.A, 5) == [2, 2, 2, 5, 5]
    assert correspondence(comparison, Side.B, 6) == [1, 1, 1, 1, 1, 3]


def test_differences_put_differing_figures_first(seeds_library: Library) -> None:
    """004 vs 002: the first stop is the Gaza toll, 27,840 vs more than 34,600, sourced.

    The Israeli toll (more than 1,160 vs 1,200) is consistent once read as intervals, so it
    is no stop.
    """
    a, b = seeds_library.article("4728"), seeds_library.article("15b3")
    stops = differences(seeds_library.compare(a.id, b.id), a, b)
    assert stops[0].label.startswith("killed · Palestinians · Gaza — 27,840 vs more than 34,600")
    assert "according to the Hamas Ministry of Health" in stops[0].label
    assert (
        a.paragraphs[stops[0].a.paragraph][stops[0].a.start : stops[0].a.end].count("27,840") == 1
    )
    assert not any("1,160" in stop.label for stop in stops)
    assert any(stop.label.startswith("only in B") for stop in stops)


def test_swap_mirrors_the_comparison(seeds_library: Library) -> None:
    """Swapping exchanges sides, only-kinds and statuses; swapping twice is the identity."""
    comparison = seeds_library.compare("4728", "15b3")
    mirrored = comparison.swapped()
    assert (mirrored.a, mirrored.b) == (comparison.b, comparison.a)
    assert [p.kind for p in mirrored.alignment].count(AlignKind.B_ONLY) == [
        p.kind for p in comparison.alignment
    ].count(AlignKind.A_ONLY)
    assert [r.status for r in mirrored.figures].count(FigureStatus.B_ONLY) == [
        r.status for r in comparison.figures
    ].count(FigureStatus.A_ONLY)
    assert mirrored.swapped() == comparison
