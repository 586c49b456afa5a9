"""CSV/TSV files: one document per row, or per run of rows that are sentences of one article.

Columns are found by the same key names as JSON records (title, text/body/sentence, date,
url/link ...). Sentence-level exports repeat an article's title, URL and date on every row;
consecutive rows with the same (title, url, date) are joined into one document. A text cell
holding a Python list literal (`['First paragraph.', 'Second.']`) is parsed with
`ast.literal_eval` (never `eval`) and joined as paragraphs.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import replace

from index.errors import UnreadableFile
from index.models import SourceDocument
from index.readers.records import missing_text, record_document

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def _rows(text: str, delimiter: str, name: str) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of a delimited file."""
    try:
        table = list(csv.reader(text.splitlines(keepends=True), delimiter=delimiter))
    except csv.Error as error:
        raise UnreadableFile(f"{name}: malformed CSV ({error})", "re-export the table") from error
    if len(table) < 2:
        raise UnreadableFile(f"{name}: no rows under the header", "expected a header and rows")
    return [cell.strip() for cell in table[0]], table[1:]


def _merge(group: list[SourceDocument]) -> SourceDocument:
    """One document from consecutive sentence rows of the same article."""
    first = group[0]
    if len(group) == 1:
        return first
    text = "\n\n".join(doc.text for doc in group if doc.text)
    return replace(first, text=text)


def read_table(text: str, name: str, delimiter: str) -> tuple[list[SourceDocument], list[str]]:
    """Documents of a CSV or TSV file (by `delimiter`), with per-row problems."""
    header, rows = _rows(text, delimiter, name)
    groups: list[list[SourceDocument]] = []
    problems: list[str] = []
    last_key: tuple[str | None, ...] | None = None
    for number, row in enumerate(rows, 2):
        if not any(cell.strip() for cell in row):
            continue
        record = dict(zip(header, row, strict=False))
        document = record_document(record, f"{name}#{number}")
        if document is None:
            problems.append(f"{name}#{number}: {missing_text(record, 'row')}")
            continue
        document = replace(document, record_id=None)
        key = (document.title, document.url, document.date)
        if key == last_key and document.title is not None:
            groups[-1].append(document)
        else:
            groups.append([document])
        last_key = key
    return [_merge(group) for group in groups], problems
