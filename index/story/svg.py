"""The story's chart as a standalone SVG: the same points, letters and consensus as the screen.

Every text that comes from an article (outlet names, the count's label) is XML-escaped;
nothing else from an article reaches the file.
"""

from __future__ import annotations

import math
from datetime import date
from xml.sax.saxutils import escape

from index.models import format_number
from index.story.chart import ChartData, ChartPoint, chart_data
from index.story.models import Story

WIDTH, HEIGHT = 960, 540
_LEFT, _RIGHT, _TOP, _BOTTOM = 80, 200, 40, 50
_TICKS = 6


class _Frame:
    """Maps (day, value) to SVG coordinates."""

    def __init__(self, chart: ChartData) -> None:
        self.log = chart.log_scale
        first = chart.first or date.today()
        last = chart.last or first
        self.first, self.days = first.toordinal(), max(1, last.toordinal() - first.toordinal())
        low, high = max(chart.low, 1e-9) if self.log else min(chart.low, 0.0), chart.high
        self.low, self.high = self._scale(low), self._scale(high)
        if self.high <= self.low:
            self.high = self.low + 1

    def _scale(self, value: float) -> float:
        return math.log10(max(value, 1e-9)) if self.log else value

    def x(self, day: date) -> float:
        span = WIDTH - _LEFT - _RIGHT
        return _LEFT + span * (day.toordinal() - self.first) / self.days

    def y(self, value: float) -> float:
        span = HEIGHT - _TOP - _BOTTOM
        share = (self._scale(value) - self.low) / (self.high - self.low)
        return HEIGHT - _BOTTOM - span * min(max(share, 0.0), 1.0)

    def value_ticks(self) -> list[float]:
        if self.log:
            return [10.0**p for p in range(math.floor(self.low), math.ceil(self.high) + 1)]
        step = (self.high - self.low) / (_TICKS - 1)
        return [self.low + step * i for i in range(_TICKS)]


def story_as_svg(story: Story) -> str:
    """The chart of one story as an SVG document (letters per outlet, consensus line)."""
    chart = chart_data(story)
    frame = _Frame(chart)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="monospace" font-size="12">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="white"/>',
        f'<text x="{_LEFT}" y="24" font-size="16">{escape(story.key.label)}'
        f"{' (log scale)' if chart.log_scale else ''}</text>",
        *_axes(frame, chart),
    ]
    if chart.consensus:
        line = " ".join(f"{frame.x(d):.1f},{frame.y(v):.1f}" for d, v in chart.consensus)
        parts.append(f'<polyline points="{line}" fill="none" stroke="#888" stroke-width="2"/>')
    parts += [_point(frame, point) for point in chart.points]
    parts += _legend(chart, len(story.undated))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _axes(frame: _Frame, chart: ChartData) -> list[str]:
    bottom, right = HEIGHT - _BOTTOM, WIDTH - _RIGHT
    out = [
        f'<line x1="{_LEFT}" y1="{bottom}" x2="{right}" y2="{bottom}" stroke="black"/>',
        f'<line x1="{_LEFT}" y1="{_TOP}" x2="{_LEFT}" y2="{bottom}" stroke="black"/>',
    ]
    for value in frame.value_ticks():
        y = frame.y(value)
        out.append(
            f'<text x="{_LEFT - 6}" y="{y + 4:.1f}" text-anchor="end">'
            f"{format_number(round(value))}</text>"
        )
    if chart.first is not None and chart.last is not None:
        for day in {chart.first, chart.last}:
            out.append(
                f'<text x="{frame.x(day):.1f}" y="{bottom + 20}" text-anchor="middle">'
                f"{day.isoformat()}</text>"
            )
    return out


def _point(frame: _Frame, point: ChartPoint) -> str:
    x, y = frame.x(point.day), frame.y(point.value)
    colour = "#c00" if point.flagged else "#035"
    marks = []
    if point.high > point.low:
        top, foot = frame.y(point.high), frame.y(point.low)
        marks.append(
            f'<line x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{foot:.1f}" stroke="{colour}"/>'
        )
    if point.direction:
        tip = y - 14 * point.direction
        marks.append(
            f'<line x1="{x:.1f}" y1="{y:.1f}" x2="{x:.1f}" y2="{tip:.1f}" stroke="{colour}"/>'
        )
    marks.append(
        f'<text x="{x:.1f}" y="{y + 4:.1f}" text-anchor="middle" fill="{colour}" '
        f'font-weight="bold">{escape(point.letter)}</text>'
    )
    return "".join(marks)


def _legend(chart: ChartData, undated: int) -> list[str]:
    x = WIDTH - _RIGHT + 16
    out = [f'<text x="{x}" y="{_TOP}">— consensus (median of the day)</text>']
    for number, (letter, outlet) in enumerate(chart.letters[:30], start=1):
        out.append(
            f'<text x="{x}" y="{_TOP + 16 * number}">{escape(letter)} {escape(outlet)}</text>'
        )
    out.append(
        f'<text x="{x}" y="{HEIGHT - 28}">parts of the toll: {chart.parts} (not plotted)</text>'
    )
    out.append(f'<text x="{x}" y="{HEIGHT - 12}">undated: {undated} (not plotted)</text>')
    return out
