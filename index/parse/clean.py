"""Boilerplate removal by general rules, tag extraction and small text repairs.

`clean_paragraphs` walks the candidate paragraphs of one document and sorts each into body
text, tags, metadata (dates, URLs, outlet hints) or boilerplate to drop. The rules are about
the *shape* of a line, never about particular articles (the stateless ones live in
`index.parse.boilerplate`):

- lines that are only URLs, e-mails, phone numbers, numbers (years, image sizes such as
  "1920 1080 true"), punctuation, locale codes ("en_EN") or section words ("News", "world");
- publisher contact blocks (an e-mail or phone number with a few words around it);
- link teasers ("See also …", "Also Read: …", "Read more", "Lee también …"), "Source: …" lines
  (their URL and outlet are kept as metadata), comment forms and footers in English, Spanish,
  Portuguese and French, photo credits, bylines, a line that is only an outlet's name;
- tag lists: "#a #b #c", comma-separated keyword lines, and short lower-case keyword lines;
- header lines made of metadata ("date 2024-04-21 https://…") and lines that are only a date.

Body paragraphs are repaired: a duplicated drop cap ("A A new round"), stray " ." and " ,",
and trailing agency/photo credits ("… Paris. (Sputnik) (Photo: AP)", the agency kept as an
outlet hint).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from index.extract.parties import default_gazetteer
from index.models import MentionKind
from index.parse.boilerplate import EMAIL, SECTION_WORDS, SOURCE_LINE, URL, is_boilerplate_line
from index.parse.dates import parse_date_value
from index.parse.link_runs import link_run_start
from index.parse.outlets import OutletTable

_PHONE = re.compile(r"(?<![\w/])\+?\d[\d ().-]{7,}\d(?!\w)")
_META_LINE = re.compile(
    r"^(?P<key>date|published|updated|posted|url|link|author|tags?|keywords|categor(?:y|ies)|"
    r"section|fecha|data)\s*:\s*(?P<value>.+)$",
    re.IGNORECASE,
)
_META_TOKEN = (
    r"(?:date|published|updated|posted|on|at|url|link|by|\d{4}-\d\d-\d\d(?:T[\d:.+-]+Z?)?|"
    r"\d{1,2}:\d\d(?::\d\d)?|[+-]\d{4}|utc|gmt|z|(?:https?://|www\.)\S+)(?!\S)"
)
_META_TOKENS = re.compile(rf"{_META_TOKEN}(?:\s+{_META_TOKEN}){{0,7}}\Z", re.IGNORECASE)
"""A line of one to eight words that are all metadata ("Published on 2024-04-21 10:00 UTC").

One match for the whole line (its words are the runs of non-space, as `str.split` makes them):
most lines fail at their first word, without being split."""
_DATE_RESIDUE = re.compile(
    r"\d{4}-\d\d-\d\dT[\d:.]+(?:Z|[+-]\d\d:?\d\d)?|\d{1,2}:\d\d(?::\d\d)?(?:\.\d+)?|"
    r"\b(?:[+-]\d{4}|utc|gmt|est|edt|bst|cet|cest|am|pm|updated|published|posted|on|at|de|"
    r"mon|tue|wed|thu|fri|sat|sun)\w*\b|[\d/.,:-]|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|"
    r"nov|dec)[a-z]*\b",
    re.IGNORECASE,
)
_HASHTAGS = re.compile(r"^(?:#[\w-]+[\s,]*)+$")
_KEYWORD_LINE = re.compile(r"^[a-z0-9][a-z0-9' -]*[a-z0-9]$")
_TRAILING_CREDITS = re.compile(r"(?<=[.!?\"”’])((?:\s*\([^()]{1,40}\))+)\s*$")
_CREDIT_GROUP = re.compile(r"\(([^()]{1,40})\)")
_PHOTO_CREDIT = re.compile(r"^(?:photo|foto|image|video|picture)s?\s*:", re.IGNORECASE)
_DROP_CAP = re.compile(r"^(?:[*=~#]{2,}\s*|([A-Z]) (?=\1\b|\1[a-z]))")
_ISO_DAY = re.compile(r"(?:19|20)\d\d-\d\d-\d\d")
_YEARISH = re.compile(r"(?:19|20)\d\d")
_CUT_TAG = re.compile(r"</?[a-zA-Z][^<>]*$")
"""A tag cut off by the end of the text (the space before it goes too). The pattern opens with
the "<", which the regex engine finds in C, not with the spaces, tried at every position."""
# A scraper's end-of-title marker spelt letter by letter ("… Gaza Hospital T-I-T-L-E-E-N-D.").
_SPELT_MARKER = re.compile(r"\s+(?:[A-Z]-){4,}[A-Z]\.?$")
_GLUED_SENTENCE = re.compile(
    r"[.!?](?:(?<=[a-z0-9][a-z0-9][.!?])|(?<=[a-z0-9][.!?])[\"”])(?=[A-Z][a-z])"
)
"""Two sentences scraped together with no space ("on 7 October.Ayesha Abbasi said")."""
_GLUED_HEADING = re.compile(r"[A-Z](?<=[a-z]{3}[A-Z])(?=[a-z])")
"""Link headings scraped together with no stop ("who lost 103 relativesHamas hostages:
Stories…", "more externalPlease …"): a word in lower case running into a capitalised one."""
_MAYBE_GLUED = re.compile(r"[A-Z](?<=[a-z0-9.!?\"”][A-Z])(?=[a-z])")
"""A capitalised word glued to what comes before it: every match of `_GLUED_SENTENCE` (after
its stop or quote) and of `_GLUED_HEADING` (after a lower-case letter) has one."""
_STRAY_DOT = re.compile(r"([.!?…])(?:\s+\.)+(?=\s|$)")
_SPACE_PUNCT = re.compile(r"(?<=[\w”\"’)]) ([,;])(?= )")
_STOPWORDS_TEXT = "the and or of to in is was a an for with said says that this"
_STOPWORDS = frozenset(_STOPWORDS_TEXT.split())


@dataclass(slots=True)
class Cleaned:
    """Body paragraphs and the metadata found among the lines."""

    paragraphs: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    header_urls: list[str] = field(default_factory=list)
    """URLs on header metadata lines (before the body): the article's own URL."""
    source_urls: list[str] = field(default_factory=list)
    """URLs of "Source: …" lines."""
    outlet_hints: list[str] = field(default_factory=list)
    """Canonical outlet names from credits, name lines, contact blocks and Source: lines."""
    dates: list[str] = field(default_factory=list)
    """Stated date values: header metadata first, then lines that are only a date."""


def _comma_tags(line: str) -> list[str] | None:
    """The items of a comma-separated keyword line, or None when it reads as a sentence."""
    if line[-1] in '.!?:;"”' or "," not in line:
        return None
    items = [item.strip() for item in line.split(",")]
    if any(not item or len(item) > 40 for item in items):
        return None
    words = [item.split() for item in items]
    if any(w.lower() in _STOPWORDS for ws in words for w in ws[1:]):
        return None
    if line == line.lower():
        return items if len(items) >= 2 and all(len(ws) <= 4 for ws in words) else None
    longest = max(len(ws) for ws in words)
    average = sum(len(ws) for ws in words) / len(words)
    enough = len(items) >= (4 if longest == 3 else 3)
    return items if enough and longest <= 3 and average <= 2.0 else None


def tags_of_line(line: str) -> list[str] | None:
    """The tags a tag-list line holds ("#a #b", "a, b, c", "gaza strip"), or None."""
    if len(line) > 300:
        return None
    if line.startswith("#") and _HASHTAGS.match(line):
        return [t.lstrip("#") for t in re.split(r"[\s,]+", line) if t.strip("#")]
    items = _comma_tags(line)
    if items is not None:
        return items
    if len(line) <= 40 and _KEYWORD_LINE.match(line) and len(line.split()) <= 4:
        return [line]
    return None


def _is_date_line(line: str) -> bool:
    """Whether a short line is nothing but a date or timestamp."""
    if len(line) > 60 or not _YEARISH.search(line) or parse_date_value(line) is None:
        return False
    return not _DATE_RESIDUE.sub(" ", line).strip(" ,.|-–—")


def _contact_owner(line: str, outlets: OutletTable) -> str | bool | None:
    """For a contact block line: its outlet (or True when unknown); False when not one."""
    if len(line) > 200 or ("@" not in line and "+" not in line) or line.count(" ") > 20:
        return False  # (the cheap tests first: most lines have neither sign)
    if not (("@" in line and EMAIL.search(line)) or ("+" in line and _PHONE.search(line))):
        return False
    head = re.split(r"\s+\S*@|\s+\+?\d", line, maxsplit=1)[0]
    rest = _PHONE.sub(" ", EMAIL.sub(" ", URL.sub(" ", line)))
    if len(rest.split()) > 10:
        return False
    return outlets.by_name(head) or True


_BROKEN_DECIMAL = re.compile(
    r"(?<![\d.,])(\d{1,3})\. (\d{1,3})"
    r"(?=[ \u00a0]*(?:million|billion|trillion|thousand|per ?cent|%))"
)
"""A decimal broken by scraping: "1. 7 million" is 1.7 million."""
_BROKEN_INITIALS = re.compile(r"\b([A-Z])\. ([A-Z])\.(?= |,|$)")
"""Initials broken by scraping: "U. S." is "U.S.", "U. N." is "U.N."."""
# Quick tests before the two: "\d\. \d" and "[A-Z]\. [A-Z]\.", written to open with the
# literal ". " (which the regex engine finds in C) and look behind at the character before.
_DIGIT_DOT_DIGIT = re.compile(r"\. (?<=\d\. )\d")
_LETTER_DOT_LETTER = re.compile(r"\. (?<=[A-Z]\. )[A-Z]\.")
_GALLERY_COUNTER = re.compile(r"(/[A-Z][^/\n]{1,40}?)[ \u00a0]+\d{1,3} of \d{1,3}\.?$")
"""A photo gallery's counter after a caption's credit: "…RONEN ZVULUN/Reuters 17 of 24."."""
_BROKEN_CLOCK = re.compile(r"(?<=\d )([ap])\. m\.")
"""A clock's "p.m." broken by scraping: "by 7 p. m. local time"."""
_ENDS_WITH_ABBREVIATION = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|No|Nos|Mr|Mrs|Ms|Dr|St|Gen|Lt|Col)\.$"
)
"""A paragraph that a scraper cut after an abbreviation ("… since Oct." / "7 attacks. …")."""


def repair(paragraph: str) -> str:
    """Fix a drop cap, stray punctuation, glued sentences and headings, scraped decimals, tags.

    A marker spelt letter by letter at the end ("T-I-T-L-E-E-N-D.", which some scrapers put
    after the headline they copy into the body) is removed, so the copy is seen as the title's.

    Scraping glues "October.Ayesha" (a space is put back) and breaks "1.7 million" into
    "1. 7 million" and "U.S." into "U. S." (both are joined again).
    """
    text = (
        _DROP_CAP.sub("", paragraph)
        if paragraph[1:2] == " " or paragraph[:1] in "*=~#"
        else paragraph
    )
    if "<" in text and (cut := _CUT_TAG.search(text)) is not None:
        text = text[: cut.start()].rstrip()
    if "-" in text[-3:]:
        text = _SPELT_MARKER.sub("", text)
    if " ." in text:
        text = _STRAY_DOT.sub(r"\1", text)
    if " ," in text or " ;" in text:
        text = _SPACE_PUNCT.sub(r"\1", text)
    if _MAYBE_GLUED.search(text) is not None:  # one scan for the two rare repairs below
        if _GLUED_SENTENCE.search(text) is not None:  # rare: sub with a template costs more
            text = _GLUED_SENTENCE.sub(r"\g<0> ", text)
        if _GLUED_HEADING.search(text) is not None:
            text = _unglue_headings(text)
    if " of " in text[-12:] and "/" in text:
        text = _GALLERY_COUNTER.sub(r"\1", text)  # "…TOMASEVIC/The Globe and Mail 10 of 24."
    if ". " in text:
        # Cheap searches first: the full patterns are costly to scan every paragraph with.
        if _DIGIT_DOT_DIGIT.search(text):
            text = _BROKEN_DECIMAL.sub(r"\1.\2", text)
        if _LETTER_DOT_LETTER.search(text):
            text = _BROKEN_INITIALS.sub(r"\1.\2.", text)
        if " m." in text:
            text = _BROKEN_CLOCK.sub(r"\1.m.", text)  # "7 p. m." is 7 p.m.
    return text


def _unglue_headings(text: str) -> str:
    """Put a stop between a heading and the capitalised word glued to it.

    When the whole word before is lower case ("relativesHamas", not "WhatsApp", "LinkedIn",
    "al-Qassam"), or when the paragraph opens with a state's or place's name glued to its
    first sentence ("United StatesAt least 25 Americans…", "UkraineOleg Nikolenko, a
    spokesman…": a country-by-country list whose headings lost their line breaks).
    """
    pieces, last = [], 0
    for match in _GLUED_HEADING.finditer(text):
        at = match.start()
        start = at
        while start and text[start - 1].isalpha():
            start -= 1
        if (text[start:at].islower() and (not start or text[start - 1] not in "'’-")) or (
            at <= _LONGEST_HEADING and text[:at] in _place_headings()
        ):
            pieces += [text[last:at], ". "]
            last = at
    return "".join([*pieces, text[last:]]) if pieces else text


_LONGEST_HEADING = 40


@lru_cache(maxsize=1)
def _place_headings() -> frozenset[str]:
    """The bundled gazetteer's states and places as written in Title Case (no demonyms)."""
    gazetteer = default_gazetteer()
    places = (MentionKind.STATE, MentionKind.PLACE)
    return frozenset(
        form
        for form, name in gazetteer.surfaces.items()
        if name is not None
        and len(form) <= _LONGEST_HEADING
        and form[:1].isupper()
        and not form.isupper()
        and gazetteer.kind_of(name) in places
        and not gazetteer.is_demonym(form)
    )


def strip_credits(paragraph: str, outlets: OutletTable) -> tuple[str, list[str]]:
    """Remove trailing "(Agency) (Photo: X)" credits; return the text and the agencies."""
    match = _TRAILING_CREDITS.search(paragraph) if paragraph.endswith(")") else None
    if match is None:
        return paragraph, []
    found = []
    for group in _CREDIT_GROUP.findall(match.group(1)):
        outlet = outlets.by_name(group)
        if outlet is not None:
            found.append(outlet)
        elif not _PHOTO_CREDIT.match(group):
            return paragraph, []
    return paragraph[: match.start(1)].rstrip(), found


class _Walker:
    """Sorts lines one by one into a `Cleaned`."""

    def __init__(self, outlets: OutletTable) -> None:
        self.outlets = outlets
        self.out = Cleaned()
        self.line_dates: list[str] = []

    def take(self, line: str) -> None:
        """Sort one stripped, non-empty line."""
        if self._metadata(line) or self._boilerplate(line):
            return
        tags = tags_of_line(line)
        if tags is not None and line.lower() not in SECTION_WORDS:
            self.out.tags.extend(t.strip().lower() for t in tags if t.strip())
            return
        run = link_run_start(line)
        if run == 0:
            return  # a line of other stories' headlines, glued together
        if run is not None:
            line = line[:run].rstrip()
        text, agencies = strip_credits(repair(line), self.outlets)
        self.out.outlet_hints.extend(agencies)
        paragraphs = self.out.paragraphs
        if (
            text
            and text[0].isdigit()
            and paragraphs
            and _ENDS_WITH_ABBREVIATION.search(paragraphs[-1])
        ):
            paragraphs[-1] = f"{paragraphs[-1]} {text}"  # "… since Oct." + "7 attacks …"
        elif text:
            paragraphs.append(text)

    def _metadata(self, line: str) -> bool:
        """Header metadata, Source: lines, and date-only lines (kept as metadata)."""
        # Both patterns need a colon: most lines have none, and a search for it costs less.
        source = SOURCE_LINE.match(line) if ":" in line else None
        if source is not None:
            self._source(source.group(1))
            return True
        meta = _META_LINE.match(line) if len(line) < 200 and ":" in line else None
        if meta is not None:
            key, value = meta["key"].lower(), meta["value"].strip()
            if key in ("url", "link"):
                self.out.header_urls.extend(URL.findall(value))
            elif key.startswith(("tag", "keyword", "categor")):
                self.out.tags.extend(t.strip().lower() for t in value.split(",") if t.strip())
            elif key not in ("author", "section"):
                (self.out.dates if not self.out.paragraphs else self.line_dates).append(value)
            return True
        if _META_TOKENS.match(line):
            dates = [t for t in line.split() if parse_date_value(t)]
            if not self.out.paragraphs:
                self.out.header_urls.extend(URL.findall(line))
                self.out.dates.extend(dates)
            else:
                self.line_dates.extend(dates)
            return True
        # A date alone on a line is metadata near the top, or anywhere when it is a machine
        # timestamp; further down, "October 7, 2023" is a timeline subheading, kept as text.
        header = len(self.out.paragraphs) <= 1
        if (header or _ISO_DAY.match(line)) and _is_date_line(line):
            self.line_dates.append(line)
            return True
        return False

    def _source(self, value: str) -> None:
        """Keep the URL and the outlet of a "Source: …" line."""
        urls = URL.findall(value)
        self.out.source_urls.extend(urls)
        name = URL.sub(" ", value).strip(" .,;()[]-")
        outlet = self.outlets.by_name(name) if name else None
        if outlet is not None:
            self.out.outlet_hints.append(outlet)

    def _boilerplate(self, line: str) -> bool:
        """Lines that are never article text."""
        if is_boilerplate_line(line) or (len(line) <= 60 and self._outlet_line(line)):
            return True
        owner = _contact_owner(line, self.outlets)
        if isinstance(owner, str):
            self.out.outlet_hints.append(owner)
        return owner is not False

    def _outlet_line(self, line: str) -> bool:
        """A line that is only an outlet's name ("Sputnik International"): a hint."""
        name = line.strip(" .|")
        if len(name) < 5 or name.count(" ") > 5 or not name[0].isupper():
            return False
        outlet = self.outlets.by_name(name)
        if outlet is None:
            return False
        self.out.outlet_hints.append(outlet)
        return True


def clean_paragraphs(candidates: Sequence[str], outlets: OutletTable) -> Cleaned:
    """Sort candidate paragraphs (one line each) into body, tags and metadata."""
    walker = _Walker(outlets)
    for candidate in candidates:
        line = candidate.strip()
        if line:
            walker.take(line)
    out = walker.out
    out.dates.extend(walker.line_dates)
    out.tags = list(dict.fromkeys(out.tags))
    return out
