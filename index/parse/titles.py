"""Choosing and tidying an article's headline.

A document's first body line is its headline when it is shaped like one: at most 250
characters and either without closing punctuation, or a short question/exclamation, or a
single short sentence (≤ 120 characters) — and more text follows. Otherwise the article has no
headline (it starts with the body) and its title is the first sentence, shortened at a word
boundary to about 90 characters with "…".

Site suffixes are removed only by general rules:
- " | Anything short" (≤ 6 words) at the end: a site or section name;
- " - Outlet" / " — Outlet" when the part after the dash is a known outlet or ends in "News"
  (unless the article's publisher is known and differs: "… – NYT" on RT cites the NYT);
- a bare trailing "<Word> News" section label ("… between Israel and Hamas Gaza News"), when
  <Word> is capitalised, is not itself part of a known outlet's name ("Fox News" may be what
  the headline is about) and the word before it is not a function word ("told Gaza News").
"""

from __future__ import annotations

import re

from index.parse.dates import find_dateline, parse_date_value
from index.parse.outlets import OutletTable

MAX_SHORT_TITLE = 90
MAX_TITLE = 200
_URLISH = re.compile(r"^(?:https?://|www\.)\S*$")
_LETTER = re.compile(r"[^\W\d_]")
_TEASERS = frozenset(
    ["more", "read more", "untitled", "no title", "home", "news", "continue reading", "click here"]
)
_PIPE_SUFFIX = re.compile(r"\s+[|｜]\s+[^|｜]{1,60}$")
_DASH_SUFFIX = re.compile(r"\s+[-–—]\s+([^-–—]{2,60})$")
_NEWS_LABEL = re.compile(r"^(?P<head>.*\S)\s+(?P<word>[A-Z][a-z]+)\s+News$")
_SENTENCE_END = re.compile(
    r"(?<![A-Z])(?<!Mr)(?<!Ms)(?<!Dr)(?<!St)(?<!Mt)(?<!No)(?<!vs)(?<!Jr)(?<!Sr)(?<!Mrs)(?<!Gen)"
    r"[.!?…]+[\"”’)]?(?=\s+[\"“‘(]?[A-Z0-9])"
)
_FUNCTION_WORDS_TEXT = (
    "a an the of in on at to by for from with and or but as about into over via per told "
    "tells said says say join joins watch on"
)
_FUNCTION_WORDS = frozenset(_FUNCTION_WORDS_TEXT.split())


def is_headline(line: str, followed: bool) -> bool:
    """Whether the first line of a text is shaped like a headline (see the module doc)."""
    if not followed or len(line) > 250:
        return False
    end = line.rstrip('"”’)')[-1:]
    if end not in ".!?…":
        return True
    if (end in "!?" and len(line) <= 150) or _title_case(line):
        return True
    return len(line) <= 120 and _SENTENCE_END.search(line) is None and ". ." not in line


def _title_case(line: str) -> bool:
    """Whether most longer words are capitalised, as in "Trudeau Slams Israel For Raiding"."""
    words = [word for word in line.split() if len(word) > 3 and word[0].isalpha()]
    return len(words) >= 4 and sum(word[0].isupper() for word in words) >= 0.8 * len(words)


def first_sentence(text: str) -> str:
    """The first sentence of a paragraph."""
    match = _SENTENCE_END.search(text)
    return text[: match.end()].strip() if match else text.strip()


def shorten(text: str, limit: int = MAX_SHORT_TITLE) -> str:
    """The text cut at a word boundary to at most `limit` characters, with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:-–—") + "…"


def strip_site_suffix(title: str, outlets: OutletTable, publisher: str | None = None) -> str:
    """The title without a trailing site/section name (general rules, see the module doc).

    Args:
        title: The headline as found.
        outlets: The outlet table.
        publisher: The article's outlet when already known: a dash suffix naming another
            outlet is then a citation ("… one year in advance – NYT") and stays.
    """
    title = " ".join(title.split())
    while True:
        # Each suffix needs its mark: without it, the search (tried at every space) is skipped.
        pipe = _PIPE_SUFFIX.search(title) if "|" in title or "｜" in title else None
        if pipe and len(pipe.group(0).split()) <= 7 and pipe.start() >= 10:
            title = title[: pipe.start()]
            continue
        dashed = "-" in title or "–" in title or "—" in title
        dash = _DASH_SUFFIX.search(title) if dashed else None
        if dash and dash.start() >= 10:
            tail = dash.group(1).strip()
            named = outlets.by_name(tail)
            cited = named is not None and publisher is not None and named != publisher
            if (named or tail.endswith("News")) and not cited:
                title = title[: dash.start()]
                continue
        break
    label = _NEWS_LABEL.match(title) if title.endswith("News") else None
    if label is not None:
        head, word = label["head"], label["word"]
        previous = head.rsplit(" ", 1)[-1].lower()
        known = outlets.by_name(f"{word} News") is not None
        if len(head.split()) >= 4 and previous not in _FUNCTION_WORDS and not known:
            title = head
    return title.strip()


def title_from_body(paragraph: str) -> str:
    """A title for a text without a headline: its first sentence (after any dateline), shortened."""
    dateline = find_dateline(paragraph)
    if dateline is not None and len(paragraph) > len(dateline.text) + 20:
        paragraph = paragraph[len(dateline.text) :].lstrip()
    return shorten(first_sentence(paragraph))


def usable_title(title: str) -> bool:
    """Whether a stated title says something: not a URL, a date, a teaser or bare symbols."""
    bare = title.strip(" .:|»«>-–—…").casefold()
    if len(bare) < 2 or _URLISH.match(bare) or not _LETTER.search(bare):
        return False
    return len(bare) > 40 or (bare not in _TEASERS and parse_date_value(bare) is None)
