"""Structured records (JSON, JSONL, CSV rows) -> SourceDocument, by well-known key names."""

from __future__ import annotations

import ast
import json
import re
from collections.abc import Mapping

from index.errors import UnreadableFile
from index.models import SourceDocument

TITLE_KEYS = ("title", "headline", "article_title", "name", "subject")
TEXT_KEYS = (
    "text",
    "body",
    "content",
    "article",
    "full_text",
    "fulltext",
    "description",
    "summary",
    "abstract",
    "sentence",
    "english mt",
    "lead",
)
DATE_KEYS = (
    "date",
    "published",
    "pubdate",
    "date_published",
    "published_at",
    "publishdate",
    "article_date",
    "datetime",
    "created",
    "created_at",
    "time",
    "timestamp",
    "updated",
)
SOURCE_KEYS = ("source", "outlet", "site", "site_name", "publisher", "source_name", "feed_title")
URL_KEYS = ("url", "link", "href", "permalink", "canonical_url", "article_url")
ID_KEYS = ("id", "guid", "_id", "doc_id", "article_id")
TAG_KEYS = ("tags", "keywords", "categories", "topics")
_INNER_KEYS = ("name", "title", "href", "url", "value", "text", "#text", "$t")
_LIST_LITERAL = re.compile(r"\[\s*['\"]")
_WRAPPERS = ("entry", "item", "article", "record", "data", "document", "doc")
_A_WORD = re.compile(r"[^\W\d_]{2}")
"""Two letters in a row (any script): a text without them ("x", "42", "-") says nothing."""


def _lower_keys(record: Mapping[str, object]) -> dict[str, object]:
    """The record with lower-case keys (first spelling wins)."""
    lowered: dict[str, object] = {}
    for key, value in record.items():
        lowered.setdefault(str(key).strip().lower(), value)
    return lowered


def unwrap(record: dict[str, object]) -> dict[str, object]:
    """The record itself, or the nested one (`{"entry": {...}}`) that holds the article."""
    if any(key in record for key in TITLE_KEYS + TEXT_KEYS[:4]):
        return record
    for key in _WRAPPERS:
        inner = record.get(key)
        if isinstance(inner, dict):
            return _lower_keys(inner)
    return record


def _as_text(value: object) -> str | None:
    """The text of a value: a string, a list of strings joined as paragraphs, or the name.

    Lists may also be written as a Python list literal; a small object gives its
    name/href/value ({"name": "BBC News"}, {"href": "https://..."}).
    """
    if isinstance(value, str):
        stripped = value.strip()
        if stripped.endswith("]") and _LIST_LITERAL.match(stripped):
            try:
                literal = ast.literal_eval(stripped)
            except (ValueError, SyntaxError, MemoryError, RecursionError):
                return stripped or None
            return _as_text(literal)
        return stripped or None
    if isinstance(value, list):
        parts = [part.strip() for part in value if isinstance(part, str) and part.strip()]
        return "\n\n".join(parts) or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, dict):
        for key in _INNER_KEYS:
            inner = value.get(key)
            if isinstance(inner, str) and inner.strip():
                return inner.strip()
    return None


def _first(record: Mapping[str, object], keys: tuple[str, ...]) -> str | None:
    """The first non-empty text among the keys."""
    for key in keys:
        value = _as_text(record.get(key))
        if value:
            return value
    return None


def _tags(record: Mapping[str, object]) -> tuple[str, ...]:
    """Tags from a list or a comma-separated string, lower-case, deduplicated."""
    for key in TAG_KEYS:
        value = record.get(key)
        items: list[str] = []
        if isinstance(value, str):
            items = value.split(",")
        elif isinstance(value, list):
            items = [item for item in value if isinstance(item, str)]
        found = tuple(dict.fromkeys(t.strip().lower() for t in items if t.strip()))
        if found:
            return found
    return ()


def record_document(record: Mapping[str, object], path: str) -> SourceDocument | None:
    """A document from one record, or None when it has no text (see `missing_text`).

    A title alone is not an article: exports hold metadata-only rows by the thousand, and
    indexing them filled libraries with articles that are one line of nothing. Nor is a
    text without a word ("x", "0"): a million such records were once a million articles.
    """
    fields = unwrap(_lower_keys(record))
    title = _first(fields, TITLE_KEYS)
    text = _first(fields, TEXT_KEYS)
    if not text or _A_WORD.search(text) is None:
        return None
    raw_id = fields.get("id") if "id" in fields else _first(fields, ID_KEYS[1:])
    record_id = (
        str(raw_id).strip() if isinstance(raw_id, str | int) and str(raw_id).strip() else None
    )
    return SourceDocument(
        path=path,
        text=text,
        format="record",
        title=title,
        date=_first(fields, DATE_KEYS),
        source=_first(fields, SOURCE_KEYS),
        url=_first(fields, URL_KEYS),
        record_id=record_id,
        tags=_tags(fields),
    )


def missing_text(record: object, what: str = "record") -> str:
    """Why a record gave no document: no text, a text without a word, or metadata only."""
    fields = unwrap(_lower_keys(record)) if isinstance(record, Mapping) else {}
    text = _first(fields, TEXT_KEYS)
    if text:
        return f"{what}'s text has no word in it ({text[:20]!r})"
    if _first(fields, TITLE_KEYS):
        return f"{what} has a title but no text (metadata only)"
    return f"{what} has no title or text"


def _feed_records(data: object) -> list[object] | None:
    """The list of records in a JSON document: a list, or a dict wrapping one list."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if _first(unwrap(_lower_keys(data)), TITLE_KEYS + TEXT_KEYS):
            return [data]
        lists = [value for value in data.values() if isinstance(value, list) and value]
        if len(lists) == 1 and all(isinstance(item, dict) for item in lists[0]):
            return lists[0]
        return [data]
    return None


def read_json(text: str, name: str) -> tuple[list[SourceDocument], list[str]]:
    """Documents of a .json file: one record, a list of them, or a feed object with a list.

    A .json file that really holds one object per line is read as JSONL.
    """
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data" and text.lstrip().startswith("{"):
            return read_jsonl(text, name)
        raise UnreadableFile(
            f"{name}: malformed JSON at line {error.lineno}, column {error.colno} ({error.msg})",
            "the file is truncated or damaged; re-export it",
        ) from error
    records = _feed_records(data)
    if records is None:
        raise UnreadableFile(f"{name}: JSON holds no records", "expected an object or a list")
    single = len(records) == 1 and not isinstance(data, list)
    documents, problems = [], []
    for index, item in enumerate(records):
        path = name if single else f"{name}#{index}"
        document = record_document(item, path) if isinstance(item, dict) else None
        if document is None:
            problems.append(f"{path}: {missing_text(item)}")
        else:
            documents.append(document)
    return documents, problems


def read_jsonl(text: str, name: str) -> tuple[list[SourceDocument], list[str]]:
    """Documents of a .jsonl file; a bad line skips only its record (reported in problems)."""
    documents, problems = [], []
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        path = f"{name}#{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            problems.append(f"{path}: malformed JSON at line {number} ({error.msg})")
            continue
        document = record_document(item, path) if isinstance(item, dict) else None
        if document is None:
            problems.append(f"{path}: {missing_text(item)}")
        else:
            documents.append(document)
    return documents, problems
