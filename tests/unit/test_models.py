"""Figure text for people: format_number, Figure.stated_value, FigureRow.difference_text."""

from __future__ import annotations

import pytest

from index import Figure, FigureRow, FigureStatus, format_number


def figure(
    value: float | None, low: float | None = None, high: float | None = None, qualifier: str = ""
) -> Figure:
    return Figure(
        "x people", value, low, high, qualifier or None, "people", "killed", None, 0, 0, 8
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [(1200.0, "1,200"), (1.5, "1.5"), (0.0, "0"), (2_500_000.0, "2,500,000"), (12.25, "12.25")],
)
def test_format_number_separates_thousands_without_trailing_zero(
    value: float, expected: str
) -> None:
    """Whole numbers get thousands separators and no ".0"; others keep their digits."""
    assert format_number(value) == expected


@pytest.mark.parametrize(
    ("made", "value_text", "stated"),
    [
        (figure(1160.0, qualifier="more than"), "1,160", "more than 1,160"),
        (figure(None, 200.0, 300.0), "200–300", "200–300"),
        (figure(None, 1500.0, None, "at least"), "1,500", "at least 1,500"),
    ],
)
def test_figure_value_text_and_stated_value(made: Figure, value_text: str, stated: str) -> None:
    """A single value or a range, with the qualifier in front for `stated_value`."""
    assert (made.value_text, made.stated_value) == (value_text, stated)


@pytest.mark.parametrize(
    ("difference", "expected"), [(40.0, "+40"), (-1200.0, "−1,200"), (None, None)]
)
def test_figure_row_difference_text_is_signed(
    difference: float | None, expected: str | None
) -> None:
    """B minus A with its sign (a real minus), or None when the values are not single."""
    row = FigureRow("killed", (), (), FigureStatus.DIFFER, difference)
    assert row.difference_text == expected
