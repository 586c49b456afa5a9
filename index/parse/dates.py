"""Publication dates: stated values, dates in URLs, datelines — never guessed.

Everything here is plain regexes. A date needs a year, a month and a day written down: a
missing year is never filled from today's date, relative days ("on Sunday") are not dates, and
dates inside the prose ("On October 7, 2023, Hamas ...") are event dates, so callers only pass
metadata positions (record fields, header lines, lines that are only a date), the URL and the
dateline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from index.models import PublishedHow

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january", "ene", "enero", "janv", "janvier", "janeiro"),
            ("feb", "february", "febrero", "fev", "fevereiro", "fevr", "février"),
            ("mar", "march", "marzo", "mars", "março", "marco"),
            ("apr", "april", "abr", "abril", "avr", "avril"),
            ("may", "mayo", "mai", "maio"),
            ("jun", "june", "junio", "juin", "junho"),
            ("jul", "july", "julio", "juil", "juillet", "julho"),
            ("aug", "august", "ago", "agosto", "août", "aout"),
            ("sep", "sept", "september", "septiembre", "set", "setembro", "septembre"),
            ("oct", "october", "octubre", "outubro", "octobre"),
            ("nov", "november", "noviembre", "novembro", "novembre"),
            ("dec", "december", "dic", "diciembre", "dez", "dezembro", "déc", "décembre"),
        ),
        1,
    )
    for name in names
}
_MONTH = r"(?P<mon>[A-Za-zéûçÉ]{3,10})\.?"
_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})(?!\d)")
_COMPACT = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?!\d)")
_DAY_MONTH_YEAR = re.compile(
    rf"(?<!\d)(?P<d>\d{{1,2}})(?:st|nd|rd|th)?[-\s]+(?:de\s+)?{_MONTH}[-\s,]+(?:de\s+)?"
    r"(?P<y>(?:19|20)\d\d)(?!\d)"
)
_MONTH_DAY_YEAR = re.compile(
    rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d\d)(?!\d)"
)
_YEAR = re.compile(r"(?:19|20)\d\d")
_US_NUMERIC = re.compile(r"(?<!\d)(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>(?:19|20)\d\d)(?!\d)")
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)(?:/(?P<m>[01]?\d)/(?P<d>[0-3]?\d)|(?P<m2>[01]\d)(?P<d2>[0-3]\d)|"
    r"-(?P<m3>[01]\d)-(?P<d3>[0-3]\d))(?=[/_-]|$|\.)"
)
_DATELINE = re.compile(
    r"^(?P<place>[A-ZÀ-Ý][\w'’.-]*(?:[ -][A-ZÀ-Ý][\w'’.-]*){0,3}"
    r"(?:,[ ][A-ZÀ-Ý][\w'’.]*(?:[ ][A-ZÀ-Ý][\w'’.]*){0,2})?)"
    r",?[ ]+(?:\((?P<agency>[A-Za-z ]{2,20})\)[ ]*)?"
    r"(?P<when>(?P<mon>[A-Z][a-z]{2,8})\.?[ ](?P<day>\d{1,2})(?:,?[ ](?P<year>(?:19|20)\d\d))?)?"
    r"[ ]*(?:\((?P<agency2>[A-Za-z ]{2,20})\))?[ ]*(?P<dash>\.-|-+|–|—)[ ]"
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    """A publication date and how it was found."""

    published: date | None
    how: PublishedHow
    dateline: str | None = None


@dataclass(frozen=True, slots=True)
class Dateline:
    """A dateline opening a paragraph: "Moscow, Nov 21.-" (date only when a year is written)."""

    text: str
    published: date | None


def _make(year: str, month: str | int, day: str) -> date | None:
    """A date from parts, or None when the parts are not a calendar date."""
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def _month(name: str) -> int | None:
    """The month number of an English/Spanish/Portuguese/French month name or abbreviation."""
    return _MONTHS.get(name.lower().rstrip("."))


def parse_date_value(text: str) -> date | None:
    """The first complete date (year, month, day) written in a short metadata value.

    Understands ISO dates and timestamps ("2024-04-21T08:17+0000"), "2024/04/21",
    "26-FEB-1987", "21 Nov 2023", "Wed, 22 Nov 2023 21:43:13 +0000", "November 21, 2023",
    "21 de noviembre de 2023" and US "10/13/2023". A value without a year gives None.
    """
    if _YEAR.search(text) is None:
        return None  # every form below has one (a quick search: most values have no date)
    match = _ISO.search(text)
    if match:
        return _make(match["y"], match["m"], match["d"])
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        for match in pattern.finditer(text):
            month = _month(match["mon"])
            if month is not None:
                return _make(match["y"], month, match["d"])
    match = _US_NUMERIC.search(text)
    if match:
        return _make(match["y"], match["m"], match["d"])
    match = _COMPACT.fullmatch(text.strip())
    return _make(match["y"], match["m"], match["d"]) if match else None


def date_from_url(url: str) -> date | None:
    """A date written in a URL path: "/20240421/", "/2024/04/21/", "/2023-11-22-..."."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    for match in _URL_DATE.finditer(path):
        month = match["m"] or match["m2"] or match["m3"]
        day = match["d"] or match["d2"] or match["d3"]
        found = _make(match["y"], month, day)
        if found is not None and found.year >= 1990:
            return found
    return None


def find_dateline(paragraph: str) -> Dateline | None:
    """The dateline opening a paragraph, if any.

    "Moscow, Nov 21.- Hamas ..." gives ("Moscow, Nov 21.-", no date: the year is missing);
    "HOUSTON, Feb 26, 1987 - ..." gives a date. Without a month and day, only an all-capitals
    place counts ("TEL AVIV, Israel – ..."), so ordinary sentences are not taken for datelines.
    """
    match = _DATELINE.match(paragraph)
    if match is None:
        return None
    place = match["place"]
    if match["when"] is None:
        head = place.split(",", 1)[0]
        if not head.isupper() or len(head) < 3:
            return None
    elif _month(match["mon"]) is None:
        return None
    published = None
    if match["year"]:
        published = _make(match["year"], _month(match["mon"]) or 0, match["day"])
    return Dateline(text=match.group(0).strip(), published=published)


def resolve_date(stated: list[str], url: str | None, dateline: Dateline | None) -> FoundDate:
    """Choose the publication date: stated, else from the URL, else a dateline with a year.

    Args:
        stated: Metadata values in order of trust (record/meta field, header lines, lines that
            are only a date or timestamp).
        url: The article URL, if known.
        dateline: The dateline of the first paragraph, if any.
    """
    line = dateline.text if dateline else None
    for value in stated:
        found = parse_date_value(value)
        if found is not None:
            return FoundDate(found, PublishedHow.STATED, line)
    if url:
        found = date_from_url(url)
        if found is not None:
            return FoundDate(found, PublishedHow.URL, line)
    if dateline is not None and dateline.published is not None:
        return FoundDate(dateline.published, PublishedHow.DATELINE, line)
    return FoundDate(None, PublishedHow.UNKNOWN, line)
