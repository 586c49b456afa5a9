"""The story's plot data: letters per outlet, votes only, parts left out, log scale, SVG."""

from __future__ import annotations

from index.story.chart import ChartData, chart_data, outlet_letters
from index.story.consensus import build_story
from index.story.models import StoredFigure
from index.story.svg import story_as_svg
from tests.unit.test_consensus import KILLED, report


def _chart(figures: list[StoredFigure]) -> ChartData:
    return chart_data(build_story(KILLED, figures))


def test_outlet_letters_run_a_to_z_then_star() -> None:
    """Outlets get A, B, C… in the order given, and `*` past Z."""
    letters = outlet_letters(tuple(f"outlet {i}" for i in range(28)))
    assert (letters["outlet 0"], letters["outlet 25"], letters["outlet 27"]) == ("A", "Z", "*")


def test_chart_data_plots_dated_votes_with_outlet_letters() -> None:
    """One point per dated report, lettered by outlet; undated reports are not plotted."""
    chart = _chart(
        [
            report("a", 1, 100, outlet="BBC"),
            report("b", 1, 110, outlet="RT"),
            report("c", 2, 120, outlet="BBC"),
            report("u", None, 500, outlet="RT"),
        ]
    )
    assert sorted((p.day.day, p.letter) for p in chart.points) == [(1, "A"), (1, "B"), (2, "A")]
    assert dict(chart.letters) == {"A": "BBC", "B": "RT"}
    assert not chart.log_scale


def test_chart_data_marks_ranges_and_qualifiers() -> None:
    """A range keeps its bounds; "more than" points up, "nearly" down."""
    chart = _chart(
        [
            report("r", 1, 0, text="200-300 people", low=200, high=300),
            report("m", 1, 250, qualifier="more than"),
            report("n", 1, 260, qualifier="nearly"),
        ]
    )
    by_value = {p.value: p for p in chart.points}
    assert (by_value[250].low, by_value[250].high) == (200, 300)
    assert by_value[250].direction == 0
    directions = sorted(p.direction for p in chart.points)
    assert directions == [-1, 0, 1]


def test_chart_data_leaves_parts_out_and_counts_them() -> None:
    """A strike's dead under a toll is counted in `parts`, not plotted."""
    chart = _chart([report("a", 1, 5000), report("b", 1, 5100), report("s", 1, 40)])
    assert chart.parts == 1
    assert all(p.value > 1000 for p in chart.points)


def test_chart_data_log_scale_over_two_orders_drops_zeros() -> None:
    """Values spanning more than ×100 plot on a log scale, where zeros have no place."""
    chart = _chart([report("a", 1, 10), report("b", 2, 5000), report("z", 3, 0)])
    assert chart.log_scale
    assert all(p.value > 0 and p.low > 0 for p in chart.points)
    assert all(value > 0 for _, value in chart.consensus)


def test_story_as_svg_escapes_outlet_names() -> None:
    """The SVG holds each outlet's letter and escaped name, and the count's label."""
    svg = story_as_svg(
        build_story(KILLED, [report("a", 1, 100, outlet="<script>&"), report("b", 2, 200)])
    )
    assert svg.startswith("<svg")
    assert "&lt;script&gt;&amp;" in svg
    assert "<script>" not in svg
    assert "killed · Gaza" in svg
