"""Field filters in a query: `source:`, `party:`, `measure:`/`figure:`, `tag:`, `date:`.

Keyword filters match case-insensitively against the indexed values, whole value or one of
its words (`party:haniyeh` finds "Ismail Haniyeh", `source:"al jazeera"` finds "Al
Jazeera"; `index.search.filter_values`). `source:none` and `date:none` keep the articles
without an outlet or a date (the facets' "unknown outlet" and "undated"). Dates accept
`2024`, `2024-04`, `2024-04-12` and ranges `[2023-11-01 to 2023-11-30]` with either end
open.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from whoosh import query
from whoosh.reading import IndexReader

from index.models import MISSING
from index.search.filter_values import FilterValues, ValuesOf

FILTER_PATTERN = re.compile(
    r"(?<![\w:])(source|party|measure|figure|tag|date):"
    r"(\"[^\"]*\"?|\[[^\]]*\]?|[^\s()]*)",
    re.IGNORECASE,
)
"""`field:value`, `field:"two words"` or `field:[range]` for the filter fields."""

_FIELD_ALIASES = {"figure": "measure"}
_MISSING_FIELDS = {"source": "source", "date": "month"}
"""Filter -> the indexed field whose absence `filter:none` matches."""
_RANGE = re.compile(r"^\s*(\S*?)\s*\bto\b\s*(\S*)\s*$", re.IGNORECASE)
_DAY = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def filter_query(
    name: str, raw: str, reader: IndexReader, values_of: ValuesOf | None = None
) -> query.Query | str:
    """The filter query for `name:raw`, or a notice (str) saying why it was ignored.

    `values_of` gives a keyword field's values (`filter_values.store_values`: cached per
    index generation); without it they are read from `reader`.
    """
    fieldname = _FIELD_ALIASES.get(name, name)
    value = raw.strip().strip('"').strip()
    if not value:
        return f"The filter {name}: has no value and was ignored."
    if value.lower() == MISSING and fieldname in _MISSING_FIELDS:
        # Articles without an outlet (or a date): those with no term in the field.
        return query.Not(query.Every(_MISSING_FIELDS[fieldname]))
    if fieldname == "date":
        return _date_filter(raw.strip(), name)
    values = values_of(fieldname) if values_of is not None else FilterValues.read(reader, fieldname)
    return _keyword_filter(fieldname, value, values)


def _keyword_filter(fieldname: str, value: str, values: FilterValues) -> query.Query:
    matches = values.find(value)
    if not matches:
        return query.Term(fieldname, value.lower())
    if len(matches) == 1:
        return query.Term(fieldname, matches[0])
    return query.Or([query.Term(fieldname, text) for text in matches])


def _date_filter(raw: str, name: str) -> query.Query | str:
    invalid = (
        f"The date filter {name}:{raw} was not understood and was ignored "
        "(use 2024, 2024-04, 2024-04-12 or [2023-11-01 to 2023-11-30])."
    )
    if raw.startswith("["):
        if not raw.endswith("]"):
            return invalid
        match = _RANGE.match(raw[1:-1])
        if match is None:
            return invalid
        parts = [match.group(1) or "", match.group(2) or ""]
        low = _bounds(parts[0]) if parts[0].strip() else (None, None)
        high = _bounds(parts[1]) if parts[1].strip() else (None, None)
        if low is None or high is None or (low[0] is None and high[1] is None):
            return invalid
        return query.DateRange("date", low[0], high[1])
    bounds = _bounds(raw)
    if bounds is None:
        return invalid
    return query.DateRange("date", bounds[0], bounds[1])


def _bounds(text: str) -> tuple[datetime | None, datetime | None] | None:
    """(first, last) instant of a year, month or day written as text, or None."""
    match = _DAY.match(text.strip())
    if match is None:
        return None
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if month is None:
            first, after = date(year or 1, 1, 1), date((year or 1) + 1, 1, 1)
        elif day is None:
            first = date(year or 1, month, 1)
            after = date(first.year + (month == 12), month % 12 + 1, 1)
        else:
            first = date(year or 1, month, day)
            after = first + timedelta(days=1)
    except (ValueError, OverflowError):
        return None
    start = datetime(first.year, first.month, first.day)
    end = datetime(after.year, after.month, after.day) - timedelta(microseconds=1)
    return start, end
