"""Plain text and Markdown files, including two multi-article shapes.

- Scraper output whose fields are wrapped in spelled-out markers
  (`T-I-T-L-E-S-T-A-R-T. ... T-I-T-L-E-E-N-D.`): the fields become the document's title,
  date and text; a run of two or more spaces after a sentence is a paragraph break.
- A Markdown feed digest: two or more `#`/`##` sections that each start with a link line
  (` - [https://...](https://...)`) is one document per section, titled by its heading, with
  the section's link as URL and its "date published:" value as date.
"""

from __future__ import annotations

import re

from index.models import SourceDocument

_MARKER = re.compile(r"((?:[A-Z]-){1,12})S-T-A-R-T\.\s*(.*?)\s*\1E-N-D\.", re.DOTALL)
_FLAT_BREAK = re.compile(r"(?<=[.!?\"”’])[ \t]{2,}(?=[\"“‘A-Z0-9])")
_HEADING = re.compile(r"^(#{1,3})[ \t]+(.+?)[ \t]*#*$", re.MULTILINE)
_LINK_LINE = re.compile(r"^\s*[-*]?\s*\[?<?(https?://[^\s\])>]+)")
_DATE_LINE = re.compile(r"^\s*[-*]?\s*(?:date(?: published)?|published|pubdate)\s*:\s*(.+)$", re.I)


def _marker_document(text: str, name: str) -> SourceDocument | None:
    """The document of marker-delimited scraper text, or None when there are no markers."""
    fields: dict[str, str] = {}
    for match in _MARKER.finditer(text):
        fields.setdefault(match.group(1).replace("-", "").lower(), match.group(2).strip())
    body = fields.get("text") or fields.get("body")
    if not body:
        return None
    return SourceDocument(
        path=name,
        text=_FLAT_BREAK.sub("\n\n", body),
        format="text",
        title=fields.get("title") or None,
        date=fields.get("date") or None,
        url=fields.get("url") or fields.get("link") or None,
        source=fields.get("source") or None,
    )


def _feed_sections(text: str) -> list[tuple[str, str]]:
    """(heading, section text) of a Markdown feed digest; [] when the file is not one."""
    headings = list(_HEADING.finditer(text))
    sections = []
    for index, match in enumerate(headings):
        end = headings[index + 1].start() if index + 1 < len(headings) else len(text)
        body = text[match.end() : end].strip("\n")
        first = body.split("\n", 1)[0] if body else ""
        if _LINK_LINE.match(first):
            sections.append((match.group(2).strip(), body))
    return sections if len(sections) >= 2 else []


def _section_document(heading: str, body: str, path: str) -> SourceDocument:
    """One article of a feed digest: its link and date lines are metadata, the rest text."""
    url = date = None
    kept = []
    for line in body.split("\n"):
        link = _LINK_LINE.match(line)
        dated = _DATE_LINE.match(line)
        if link and url is None:
            url = link.group(1)
        elif dated and date is None:
            date = dated.group(1).strip()
        elif not (link or line.lstrip().startswith(("- RSS feed:", "- feed:"))):
            kept.append(line)
    text = "\n".join(kept).strip() or heading
    return SourceDocument(
        path=path, text=text, format="markdown", title=heading, date=date, url=url
    )


def read_plain(text: str, name: str, markdown: bool) -> list[SourceDocument]:
    """Documents of a .txt or .md file (usually exactly one)."""
    if "S-T-A-R-T." in text:
        marked = _marker_document(text, name)
        if marked is not None:
            return [marked]
    if markdown:
        sections = _feed_sections(text)
        if sections:
            return [
                _section_document(heading, body, f"{name}#{number}")
                for number, (heading, body) in enumerate(sections, 1)
            ]
    return [SourceDocument(path=name, text=text, format="markdown" if markdown else "text")]
