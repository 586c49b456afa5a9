"""Unit tests of index.search.query_text (rewriting query text: words, facet filters)."""

from __future__ import annotations

import pytest

from index import add_facet_filter, remove_filters, split_query
from index.search.query_text import facet_filter


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", []),
        ("  truce   talks ", ["truce", "talks"]),
        ('"first phase" deal', ['"first phase"', "deal"]),
        ('source:"Al Jazeera" truce', ['source:"Al Jazeera"', "truce"]),
        ('open "quote never closed', ["open", '"quote never closed']),
    ],
)
def test_split_query_keeps_phrases_whole(query: str, expected: list[str]) -> None:
    """Whitespace separates words, except inside double quotes."""
    assert split_query(query) == expected


@pytest.mark.parametrize(
    ("field", "value", "expected"),
    [
        ("source", "Al Jazeera", 'source:"Al Jazeera"'),
        ("party", "Hamas", 'party:"Hamas"'),
        ("month", "2024-04", "date:2024-04"),
    ],
)
def test_facet_filter_quotes_values_and_maps_month_to_date(
    field: str, value: str, expected: str
) -> None:
    """Keyword facets are quoted phrases; a month facet is a date filter."""
    assert facet_filter(field, value) == expected


def test_add_facet_filter_appends_once() -> None:
    """The clause is appended to the query, and not a second time."""
    query = add_facet_filter("truce", "source", "Al Jazeera")
    assert query == 'truce source:"Al Jazeera"'
    assert add_facet_filter(query, "source", "Al Jazeera") == query
    assert add_facet_filter("", "month", "2024-04") == "date:2024-04"


def test_remove_filters_keeps_words_and_phrases() -> None:
    """Every field:value filter goes, quoted ones included; words and phrases stay."""
    query = 'truce source:"Al Jazeera" "first phase" date:2024-04 party:Hamas'
    assert remove_filters(query) == 'truce "first phase"'
