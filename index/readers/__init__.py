"""Readers: one file -> the `SourceDocument`s in it, picked by file extension.

`read_documents(path)` raises `UnreadableFile` when the whole file cannot be used (binary,
empty, over 20 MB, malformed JSON, unsupported type). `read_documents_with_problems(path)`
also returns the records it had to skip inside an otherwise good file (a bad JSONL line, a
CSV row without text), one message each, for the ingest summary.
"""

from __future__ import annotations

from pathlib import Path

from index.errors import UnreadableFile
from index.models import SourceDocument
from index.readers.decode import MAX_BYTES, read_text
from index.readers.html import HtmlPage, extract_html
from index.readers.records import read_json, read_jsonl
from index.readers.sgml import read_sgml
from index.readers.tabular import DELIMITERS, read_table
from index.readers.text import read_plain

__all__ = [
    "MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "HtmlPage",
    "extract_html",
    "read_documents",
    "read_documents_with_problems",
]

SUPPORTED_SUFFIXES = frozenset(
    {".txt", ".text", ".md", ".markdown", ".html", ".htm", ".json", ".jsonl", ".ndjson"}
    | {".csv", ".tsv", ".sgm", ".sgml"}
)
"""File extensions `read_documents` accepts (lower case)."""


def _html_document(text: str, name: str) -> SourceDocument:
    """An HTML page as a document: the raw markup plus what its head says."""
    page = extract_html(text)
    if not page.paragraphs:
        raise UnreadableFile(f"{name}: no article text found in the HTML", "is it an article page?")
    return SourceDocument(
        path=name,
        text=text,
        format="html",
        title=page.title or page.headline,
        date=page.date,
        source=page.site_name,
        url=page.url,
        tags=page.tags,
    )


def _looks_like_html(text: str) -> bool:
    """Whether a text file is really an HTML page (saved with the wrong extension)."""
    head = text.lstrip()[:15].lower()
    return head.startswith(("<!doctype html", "<html"))


def read_documents_with_problems(path: Path) -> tuple[list[SourceDocument], list[str]]:
    """The documents of one file, and a message for each record that had to be skipped.

    Raises:
        UnreadableFile: The file as a whole cannot be read (see the module docstring).
    """
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise UnreadableFile(
            f"{path}: unsupported file type {suffix or '(no extension)'}",
            "newsdesk reads .txt, .md, .html, .json, .jsonl, .csv, .tsv and .sgm files",
        )
    text = read_text(path)
    name = str(path)
    documents: list[SourceDocument]
    problems: list[str] = []
    if suffix in (".json",):
        documents, problems = read_json(text, name)
    elif suffix in (".jsonl", ".ndjson"):
        documents, problems = read_jsonl(text, name)
    elif suffix in DELIMITERS:
        documents, problems = read_table(text, name, DELIMITERS[suffix])
    elif suffix in (".sgm", ".sgml"):
        documents, problems = read_sgml(text, name)
    elif suffix in (".html", ".htm") or _looks_like_html(text):
        documents = [_html_document(text, name)]
    else:
        documents = read_plain(text, name, markdown=suffix in (".md", ".markdown"))
    if not documents:
        detail = f" ({problems[0]})" if problems else ""
        raise UnreadableFile(f"{name}: no usable records{detail}", "check the file's contents")
    return documents, problems


def read_documents(path: Path) -> list[SourceDocument]:
    """The documents of one file (records that had to be skipped are left out silently).

    Raises:
        UnreadableFile: The file as a whole cannot be read.
    """
    return read_documents_with_problems(path)[0]
