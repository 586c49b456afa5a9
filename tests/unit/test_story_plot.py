"""Tests for tui.widgets.story_plot's axis: round values beside a linear plot."""

from __future__ import annotations

from tui.widgets.story_plot import linear_ticks


def test_linear_ticks_are_round_values_covering_the_span() -> None:
    """Steps of 1, 2 or 5 times a power of ten, from at or below the lowest value to at
    or above the highest (plotext's own labels were the span cut in parts: "35133.3")."""
    assert linear_ticks(700, 20_000) == [0, 5_000, 10_000, 15_000, 20_000]
    assert linear_ticks(1_160, 1_200) == [1_160, 1_170, 1_180, 1_190, 1_200]


def test_linear_ticks_of_one_value_centre_it() -> None:
    """One report alone: a span of a fifth of its value around it, still round."""
    assert linear_ticks(34_000, 34_000) == [30_000, 32_000, 34_000, 36_000, 38_000]
