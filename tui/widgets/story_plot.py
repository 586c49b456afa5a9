"""StoryPlot: one count's reports over time, drawn with plotext (textual-plotext).

Only letters, digits and dates reach plotext (whose output is read back as ANSI): each
report is its outlet's letter (`index.chart_data`), never a name from an article. Ranges are
a column of `|` from low to high, "more than" an `↑` above the letter and "nearly / up to"
a `↓` below, the consensus a dotted line; flagged reports are red (and worded in the
table). This module imports textual-plotext: only the story screen imports it.
"""

from __future__ import annotations

import math
from datetime import date

from textual_plotext import PlotextPlot

from index import ChartData, ChartPoint, format_number

RANGE_STEPS = 6
"""Marks drawn along a range's bar."""
X_TICKS = 5


class StoryPlot(PlotextPlot):
    """Value over publication date, a letter per outlet, the day's consensus as a line."""

    def show_chart(self, chart: ChartData) -> None:
        """Draw a chart (an empty one clears the plot)."""
        plt = self.plt
        plt.clear_figure()
        plt.frame(True)
        if not chart.points or chart.first is None:
            plt.title("no dated report")
            self.refresh()
            return
        origin = chart.first.toordinal()
        plt.yscale("log" if chart.log_scale else "linear")
        if chart.consensus:
            xs = [day.toordinal() - origin for day, _ in chart.consensus]
            plt.plot(xs, [value for _, value in chart.consensus], marker="dot", color="gray")
        self._draw_bounds(chart, origin)
        for flagged, colour in ((False, "cyan"), (True, "red")):
            for letter in sorted({p.letter for p in chart.points if p.flagged is flagged}):
                points = [p for p in chart.points if p.letter == letter and p.flagged is flagged]
                xs = [p.day.toordinal() - origin for p in points]
                plt.scatter(xs, [p.value for p in points], marker=letter, color=colour)
        self._ticks(chart, origin)
        self.refresh()

    def _draw_bounds(self, chart: ChartData, origin: int) -> None:
        """Range bars and the arrows of "more than" and "nearly"."""
        plt = self.plt
        bars: list[tuple[int, float]] = []
        for point in chart.points:
            if point.high > point.low:
                bars += [
                    (point.day.toordinal() - origin, v) for v in _steps(point, chart.log_scale)
                ]
        if bars:
            plt.scatter([x for x, _ in bars], [y for _, y in bars], marker="|", color="gray")
        for direction, marker in ((1, "↑"), (-1, "↓")):
            arrows = [p for p in chart.points if p.direction == direction]
            if arrows:
                xs = [p.day.toordinal() - origin for p in arrows]
                rows = max(self.size.height - 4, 3)  # the frame and the dates take four
                ys = [_nudge(p.value, direction, chart, rows) for p in arrows]
                plt.scatter(xs, ys, marker=marker, color="gray")

    def _ticks(self, chart: ChartData, origin: int) -> None:
        """Dates under the plot; round numbers beside it (powers of ten on a log scale)."""
        assert chart.first is not None
        assert chart.last is not None
        span = chart.last.toordinal() - origin
        steps = max(1, min(X_TICKS, span))
        ticks = sorted({float(round(span * i / steps)) for i in range(steps + 1)})
        wide = self.size.width >= 100
        # plotext centres the first date under the y labels: it stays short.
        labels = [_day_label(date.fromordinal(origin + int(t)), wide=wide and t > 0) for t in ticks]
        self.plt.xticks(ticks, labels)
        if chart.log_scale:
            low, high = max(chart.low, 1.0), max(chart.high, 1.0)
            # Powers of ten inside the values' span (one below it lands on the dates' row).
            powers = range(math.ceil(math.log10(low)), math.floor(math.log10(high)) + 1)
            values = [10.0**p for p in powers]
        else:
            values = linear_ticks(chart.low, chart.high)
            self.plt.ylim(values[0], values[-1])
        self.plt.yticks(values, [format_number(v) for v in values])


def linear_ticks(low: float, high: float, intervals: int = 4) -> list[float]:
    """Round values (1, 2 or 5 times a power of ten apart) covering `low`..`high`.

    plotext's own labels are the span cut in equal parts ("35133.3"); one value alone gets
    a span of a tenth of itself around it.
    """
    span = high - low or max(abs(high) * 0.2, 1.0)
    raw = span / intervals
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    centre = (low + high) / 2
    start = math.floor((min(low, centre - span / 2)) / step) * step
    stop = math.ceil((max(high, centre + span / 2)) / step) * step
    count = round((stop - start) / step)
    return [start + step * i for i in range(count + 1)]


def _steps(point: ChartPoint, log_scale: bool) -> list[float]:
    """Values along a range's bar, evenly spaced (in log space on a log scale)."""
    low, high = point.low, point.high
    if log_scale and low > 0:
        low_log, high_log = math.log10(low), math.log10(high)
        return [
            10 ** (low_log + (high_log - low_log) * i / RANGE_STEPS) for i in range(RANGE_STEPS + 1)
        ]
    return [low + (high - low) * i / RANGE_STEPS for i in range(RANGE_STEPS + 1)]


def _nudge(value: float, direction: int, chart: ChartData, rows: int) -> float:
    """A value a row above (direction 1) or below (-1) `value`, where its arrow goes.

    Less than a row would put the arrow in the letter's own cell, under the letter.
    """
    if chart.log_scale:
        return value * (1.25 if direction > 0 else 0.8)
    ticks = linear_ticks(chart.low, chart.high)
    return value + direction * 1.2 * (ticks[-1] - ticks[0]) / rows


def _day_label(day: date, *, wide: bool) -> str:
    """The ISO date on a wide plot, month-day otherwise (the caller keeps the first short)."""
    return day.isoformat() if wide else day.strftime("%m-%d")
