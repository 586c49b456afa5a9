"""Tests for index.store.documents."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from index.store.documents import document_fields, facet_row
from tests.builders import stored_article


def test_document_fields_lower_case_filters_and_month() -> None:
    """Filter fields are lower-cased; the month and date come from `published`."""
    fields = document_fields(stored_article(1, published=date(2023, 11, 21)))
    assert fields["source"] == "sputnik"
    assert fields["party"] == "hamas"
    assert fields["measure"] == "killed"
    assert fields["month"] == "2023-11"
    assert fields["date"] == datetime(2023, 11, 21)


def test_document_fields_skip_empty_values() -> None:
    """An undated article without source has no date, month or source field."""
    fields = document_fields(replace(stored_article(2), source=None))
    assert "date" not in fields
    assert "month" not in fields
    assert "source" not in fields


def test_facet_row_round_trips_display_values() -> None:
    """The facets column keeps display names (case, spaces) for the facet panel."""
    article = replace(stored_article(5, published=date(2024, 4, 2)), source="Al Jazeera")
    value = document_fields(article)["facets"]
    assert isinstance(value, bytes)
    assert facet_row(value) == ("art0005", "Al Jazeera", "2024-04", "Hamas")
    assert facet_row(None) == ()
