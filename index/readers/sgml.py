"""Reuters-21578 style SGML (`.sgm`): one document per <REUTERS> element.

Each element has <DATE>, and inside <TEXT> a <TITLE>, a <DATELINE> and a <BODY>. Text uses
SGML character references (`&lt;`, `&#3;`); control characters that the references encode
are dropped, as is the closing "Reuter" signature (which names the outlet).
"""

from __future__ import annotations

import html
import re

from index.errors import UnreadableFile
from index.models import SourceDocument

_ARTICLE = re.compile(r"<REUTERS\b([^>]*)>(.*?)</REUTERS>", re.DOTALL | re.IGNORECASE)
_FIELD = {
    name: re.compile(rf"<{name}\b[^>]*>(.*?)</{name}>", re.DOTALL | re.IGNORECASE)
    for name in ("DATE", "TITLE", "DATELINE", "BODY", "TEXT")
}
_TOPIC = re.compile(r"<TOPICS>(.*?)</TOPICS>", re.DOTALL | re.IGNORECASE)
_D = re.compile(r"<D>(.*?)</D>", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]+>")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SIGNATURE = re.compile(r"\s*\bReuter\s*$")
_NEWID = re.compile(r'NEWID="(\d+)"')


def _field(name: str, chunk: str) -> str | None:
    """The unescaped text of one element, or None."""
    match = _FIELD[name].search(chunk)
    if match is None:
        return None
    text = _CONTROL.sub("", html.unescape(_TAGS.sub("", match.group(1))))
    return text.strip() or None


def read_sgml(text: str, name: str) -> tuple[list[SourceDocument], list[str]]:
    """Documents of an SGML file of <REUTERS> elements."""
    matches = list(_ARTICLE.finditer(text))
    if not matches:
        raise UnreadableFile(
            f"{name}: no <REUTERS> elements found", "only Reuters-21578 style SGML is supported"
        )
    documents, problems = [], []
    for index, match in enumerate(matches):
        attributes, chunk = match.group(1), match.group(2)
        number = _NEWID.search(attributes)
        path = f"{name}#{number.group(1) if number else index}"
        title = _field("TITLE", chunk)
        body = _field("BODY", chunk) or _field("TEXT", chunk)
        if body is None and title is None:
            problems.append(f"{path}: no title or body")
            continue
        source = None
        if body and _SIGNATURE.search(body):
            body, source = _SIGNATURE.sub("", body), "Reuters"
        dateline = _field("DATELINE", chunk)
        topics = _TOPIC.search(chunk)
        tags = tuple(_D.findall(topics.group(1))) if topics else ()
        documents.append(
            SourceDocument(
                path=path,
                text=_with_dateline(dateline, body or title or ""),
                format="record",
                title=title,
                date=_field("DATE", chunk),
                source=source,
                tags=tags,
            )
        )
    return documents, problems


def _with_dateline(dateline: str | None, body: str) -> str:
    """The body with its dateline put back in front ("HOUSTON, Feb 26 - Texas ...")."""
    if not dateline or body.startswith(dateline):
        return body
    return f"{dateline} {body}"
