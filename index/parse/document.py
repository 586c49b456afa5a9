"""One `SourceDocument` -> one cleaned `Article` (title, outlet, URL, date, tags, paragraphs).

Steps: split the text into candidate paragraphs (per format: blank-line blocks with hard wraps
joined, Markdown syntax removed, HTML main text, HTML-ish record text stripped), sort them with
`index.parse.clean`, choose the headline (`index.parse.titles`), drop repeats of it, then
resolve outlet and date from the metadata found. Figures and mentions come from
`index.extract.figures` and `index.extract.parties`.
"""

from __future__ import annotations

import hashlib
import html
import operator
import re
from dataclasses import replace

from index.extract.figures import find_figures
from index.extract.gazetteer import Gazetteer
from index.extract.parties import find_article_mentions
from index.models import Article, ArticleId, SourceDocument
from index.parse.clean import Cleaned, clean_paragraphs, repair
from index.parse.dates import find_dateline, resolve_date
from index.parse.outlets import OutletTable, default_outlets
from index.parse.titles import (
    MAX_TITLE,
    is_headline,
    shorten,
    strip_site_suffix,
    title_from_body,
    usable_title,
)
from index.readers.html import extract_html
from index.text.controls import clean_controls

_BLANK = re.compile(r"\n[ \t]*\n+")
_INDENT = re.compile(r"^(?:[ \t]{2,}|[-*•]\s|\d+[.)]\s|>)")
_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]*)\]\((?:[^()\s]|\([^)]*\))*\)")
_MD_PREFIX = re.compile(r"^\s*(?:#{1,6}\s+|>\s*|[-*+]\s+(?=\S))")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_TAG = re.compile(r"<[^>]{0,2000}>")
_HTMLISH = re.compile(r"</?(?:p|br|div|a|span|strong|em|b|i|img|ul|ol|li|h[1-6])\b[^>]*>", re.I)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});", re.I)
_SPACES = re.compile(r"[ \t\u00a0]{2,}|[\t\u00a0]")


def _unwrap(block: str) -> list[str]:
    """The paragraphs of one blank-line-separated block: hard-wrapped lines joined."""
    lines = [line for line in block.split("\n") if line.strip()]
    if len(lines) <= 1:
        return [line.strip() for line in lines]
    lengths = [len(line.strip()) for line in lines[:-1]]
    wrapped = max(lengths) <= 100 and sum(n >= 35 for n in lengths) >= 0.8 * len(lengths)
    if not wrapped:
        return [line.strip() for line in lines]
    out: list[str] = []
    for line in lines:
        if out and not _INDENT.match(line):
            out[-1] = f"{out[-1]} {line.strip()}"
        else:
            out.append(line.strip())
    return out


def split_text(text: str) -> list[str]:
    """Candidate paragraphs of plain text: blank-line blocks, hard wraps joined."""
    candidates: list[str] = []
    for block in _BLANK.split(text.strip("\n")):
        for line in _unwrap(block):
            spaced = "  " in line or "\t" in line or "\xa0" in line
            candidates.append(_SPACES.sub(" ", line) if spaced else line)
    return candidates


def _markdown_line(line: str) -> str:
    """A Markdown line as plain text: no heading/quote/list markers, images, link syntax."""
    line = _MD_IMAGE.sub("", line)
    line = _MD_LINK.sub(lambda m: m.group(1) or "", line)
    line = _MD_PREFIX.sub("", line)
    return _MD_EMPHASIS.sub(r"\2", line)


def _unescape(text: str) -> str:
    """HTML entities decoded, twice when the feed escaped them twice ("&amp;#x27;")."""
    if "&" not in text:
        return text
    text = html.unescape(text)
    return html.unescape(text) if _ENTITY.search(text) else text


def _html_lines(text: str) -> list[str]:
    """Paragraphs of text that may hold HTML: link-heavy blocks dropped, entities decoded."""
    lines: list[str] = []
    for line in split_text(text):
        if "<" in line and _HTMLISH.search(line):
            lines.extend(extract_html(line).paragraphs)
        else:
            lines.append(line)
    return [_unescape(line) for line in lines]


def _record_text(text: str) -> str:
    """A one-line record value (a title) with tags removed and entities decoded."""
    return _unescape(_TAG.sub("", text) if _HTMLISH.search(text) else text).strip()


def candidates_of(doc: SourceDocument) -> list[str]:
    """The candidate paragraphs of a document, by its format."""
    if doc.format == "html":
        return list(extract_html(doc.text).paragraphs)
    if doc.format == "record":
        return _html_lines(doc.text)
    if doc.format == "markdown":
        return [_markdown_line(line) for line in _html_lines(doc.text)]
    return split_text(doc.text)


def _key(line: str) -> str:
    """A line compared up to case, spacing, quote style and closing punctuation."""
    if not line.isascii():  # the curly quotes are not ASCII
        # `str.replace`, not `str.translate`, which looks every character up in its table.
        line = line.replace("‘", "'").replace("’", "'").replace("“", '"').replace("”", '"')
    return " ".join(line.split()).strip(" .").casefold()


def _repeated(paragraphs: list[str]) -> bool:
    """Whether the first line comes again just below (a title repeated as the lead)."""
    first = _key(paragraphs[0])
    return len(paragraphs[0]) <= 250 and any(_key(p) == first for p in paragraphs[1:4])


def _title(
    doc: SourceDocument, cleaned: Cleaned, outlets: OutletTable, publisher: str | None
) -> str:
    """Choose the title; removes the headline line (and its repeats) from the paragraphs."""
    paragraphs = cleaned.paragraphs
    given = _record_text(doc.title) if doc.title else None
    if given and usable_title(given):
        title = shorten(strip_site_suffix(repair(given), outlets, publisher), MAX_TITLE)
        raw_line = given
    elif paragraphs and (  # the shape first: it costs less than comparing paragraphs
        is_headline(paragraphs[0], followed=len(paragraphs) > 1) or _repeated(paragraphs)
    ):
        raw_line = paragraphs.pop(0)
        title = shorten(strip_site_suffix(raw_line, outlets, publisher), MAX_TITLE)
    else:
        first = paragraphs[0] if paragraphs else doc.path.rsplit("/", 1)[-1]
        return title_from_body(first)
    keys = {_key(title), _key(raw_line)}
    longest = max(len(title), len(raw_line)) + 8
    kept = [p for p in paragraphs if len(p) > longest or _key(p) not in keys]
    if kept:
        cleaned.paragraphs = kept
    return title or title_from_body(paragraphs[0] if paragraphs else raw_line)


def _outlet(
    doc: SourceDocument, url: str | None, cleaned: Cleaned, table: OutletTable
) -> str | None:
    """The publisher: URL domain, the record's source, Source: line, credits, else the domain."""
    stated = doc.source.strip() if doc.source else ""
    stated_is_url = "://" in stated or stated.startswith("www.")
    candidates = [
        table.by_url(url) if url else None,
        None if not stated or stated_is_url else table.by_name(stated),
        None if not stated or stated_is_url else stated,
        *(table.by_url(u) for u in cleaned.source_urls),
        *cleaned.outlet_hints,
        table.by_url(stated) if stated and stated_is_url else None,
        table.name_for_url(url) if url else None,
        table.name_for_url(stated) if stated_is_url else None,
    ]
    return next((c for c in candidates if c), None)


def _opt_clean(value: str | None) -> str | None:
    return None if value is None else clean_controls(value)


def _without_controls(doc: SourceDocument) -> SourceDocument:
    """`doc` with every control character but newline and tab made visible (see controls)."""
    text = clean_controls(doc.text)
    title, date = _opt_clean(doc.title), _opt_clean(doc.date)
    source, url = _opt_clean(doc.source), _opt_clean(doc.url)
    tags = tuple(clean_controls(tag) for tag in doc.tags)
    if (
        text is doc.text
        and title is doc.title
        and date is doc.date
        and source is doc.source
        and url is doc.url
        and all(map(operator.is_, tags, doc.tags))
    ):
        return doc  # nothing to clean (the usual case): `replace` costs more than the checks
    return replace(doc, text=text, title=title, date=date, source=source, url=url, tags=tags)


def parse_document(
    doc: SourceDocument,
    article_id: ArticleId,
    *,
    outlets: OutletTable | None = None,
    gazetteer: Gazetteer | None = None,
) -> Article:
    """Clean and extract one document into an `Article` (see the module docstring).

    `outlets` and `gazetteer` default to the bundled tables; the library passes tables
    extended with the user's own files.
    """
    table = outlets or default_outlets()
    doc = _without_controls(doc)
    cleaned = clean_paragraphs(candidates_of(doc), table)
    url = doc.url or next(iter(cleaned.header_urls + cleaned.source_urls), None)
    source = _outlet(doc, url, cleaned, table)
    title = _title(doc, cleaned, table, source)
    paragraphs = tuple(cleaned.paragraphs) or (title,)
    stated = ([doc.date] if doc.date else []) + cleaned.dates
    found = resolve_date(stated, url, find_dateline(paragraphs[0]))
    tags = tuple(dict.fromkeys((*(t.lower() for t in doc.tags), *cleaned.tags)))
    text = "\n\n".join(paragraphs)
    return Article(
        id=article_id,
        path=doc.path,
        title=title,
        source=source,
        url=url,
        published=found.published,
        published_how=found.how,
        tags=tags,
        paragraphs=paragraphs,
        figures=tuple(find_figures(paragraphs, title if paragraphs != (title,) else None)),
        mentions=tuple(
            find_article_mentions(title if paragraphs != (title,) else "", paragraphs, gazetteer)
        ),
        raw=doc.text,
        content_hash=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        dateline=found.dateline,
    )
