"""CSV/TSV files: one document per row, or per run of rows that are sentences of one article.

Columns are found by the same key names as JSON records (title, text/body/sentence, date,
url/link ...). Sentence-level exports repeat an article's title, URL and date on every row;
consecutive rows with the same (title, url, date) are joined into one document. A text cell
holding a Python list literal (`['First paragraph.', 'Second.']`) is parsed with
`ast.literal_eval` (never `eval`) and joined as paragraphs.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import BinaryIO

from index.errors import UnreadableFile
from index.models import SourceDocument
from index.readers.records import missing_text, record_document

csv.field_size_limit(min(sys.maxsize, 2**31 - 1))

DELIMITERS = {".csv": ",", ".tsv": "\t"}
"""The table formats, by suffix, and their delimiters."""


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
    documents: list[SourceDocument] = []
    problems: list[str] = []
    for document, problem in _documents(header, enumerate(rows, 2), name):
        if document is not None:
            documents.append(document)
        elif problem is not None:
            problems.append(problem)
    return documents, problems


def table_records(
    stream: BinaryIO, name: str, delimiter: str
) -> Iterator[tuple[SourceDocument | None, str | None]]:
    """A large CSV/TSV file, row by row: each document, or None and why a row was skipped.

    Used by `index.readers.streaming`; a malformed row ends the file with its reason.

    Raises:
        UnreadableFile: The file has no rows under its header.
    """
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="replace", newline="")
    try:
        reader = csv.reader(text, delimiter=delimiter)
        try:
            header = [cell.strip() for cell in next(reader)]
        except (StopIteration, csv.Error) as error:
            raise UnreadableFile(
                f"{name}: no rows under the header", "expected a header and rows"
            ) from error
        try:
            yield from _documents(header, enumerate(reader, 2), name)
        except csv.Error as error:
            yield None, f"{name}: malformed CSV ({error}); the rest was skipped"
    finally:
        text.detach()  # the caller owns (and closes) the binary stream


def _documents(
    header: list[str], rows: Iterable[tuple[int, list[str]]], name: str
) -> Iterator[tuple[SourceDocument | None, str | None]]:
    """The documents of numbered rows: consecutive sentence rows of one article joined."""
    group: list[SourceDocument] = []
    last_key: tuple[str | None, ...] | None = None
    for number, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        record = dict(zip(header, row, strict=False))
        document = record_document(record, f"{name}#{number}")
        if document is None:
            yield None, f"{name}#{number}: {missing_text(record, 'row')}"
            continue
        document = replace(document, record_id=None)
        key = (document.title, document.url, document.date)
        if key == last_key and document.title is not None:
            group.append(document)
        else:
            if group:
                yield _merge(group), None
            group = [document]
        last_key = key
    if group:
        yield _merge(group), None
