"""Main text and metadata of an HTML page with the standard library's `html.parser`.

A readability-style heuristic: text blocks (<p>, <h2>, <li>, <blockquote> ...) are scored by
their length, commas and link density; each block's score goes to its container and half of it
to the grandparent container; the best container (an <article> or <main> gets a bonus) holds the
article. Subtrees that are never article text are skipped: script, style, nav, header, footer,
aside, form, figure captions and elements whose class, id, data-component, data-testid or role
says menu, share, comment, related, advert, cookie, newsletter, byline, tags ... An <article>'s
own <header> is skipped too, except its standfirst (class standfirst, dek, summary ...).
Items of a topic list (class "tags", "topics" ...) become tags. The <title>, og:title,
og:site_name, og:url / canonical link, article:published_time / <time datetime> and keywords
come from the head.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from typing import NamedTuple

_SKIP_TAGS_TEXT = (
    "script style noscript template svg nav footer aside form button select textarea "
    "iframe figcaption header menu dialog object canvas"
)
_SKIP_TAGS = frozenset(_SKIP_TAGS_TEXT.split())
_BLOCK_TAGS_TEXT = (
    "p h1 h2 h3 h4 h5 h6 li blockquote pre td th dd dt div section article main body ul "
    "ol table tr figure address summary details center"
)
_BLOCK_TAGS = frozenset(_BLOCK_TAGS_TEXT.split())
_TEXT_TAGS_TEXT = "p h2 h3 h4 h5 h6 li blockquote pre dd"
_TEXT_TAGS = frozenset(_TEXT_TAGS_TEXT.split())
_CONTAINERS_TEXT = "div section article main body td blockquote center"
_CONTAINERS = frozenset(_CONTAINERS_TEXT.split())
_VOID_TEXT = "br img meta link input hr source col area base embed wbr track param"
_VOID = frozenset(_VOID_TEXT.split())
_TAG_WORDS = r"tags?|tags?-list|topics|keywords"
"""Labels of a list of the article's topics: never article text, its items become tags."""
_NOISE = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|footer|sidebar|share|sharing|social|comments?|"
    r"related|promo|advert|ads?|cookie|newsletter|subscribe|breadcrumbs?|popup|modal|widget|"
    rf"masthead|banner|toolbar|pagination|{_TAG_WORDS}|most-read|trending|"
    r"recommend\w*|byline|author|links-block|link-list|read-more|more-on|complementary|"
    r"contentinfo)(?:$|[\s_-])",
    re.IGNORECASE,
)
_TAG_LIST = re.compile(rf"(?:^|[\s_-])(?:{_TAG_WORDS})(?:$|[\s_-])", re.IGNORECASE)
"""An element listing the article's topics: its short items become tags."""
_STANDFIRST = re.compile(
    r"(?:^|[\s_-])(?:standfirst|subhead|subheadline|sub-?title|dek|summary|lede|intro|"
    r"strapline|excerpt|description)(?:$|[\s_-])",
    re.IGNORECASE,
)
"""The summary under the headline, kept even inside the article's <header>."""
_LABELS = ("class", "id", "data-component", "data-testid", "role")
"""Attributes whose words say what an element is."""
_SPACE = re.compile(r"\s+")


class _Open(NamedTuple):
    """An open element and what it says about the text inside it."""

    tag: str
    node: int
    skip: bool
    noisy: bool
    gate: bool
    """An <article>'s own <header>: only a standfirst's text inside it is kept."""
    standfirst: bool
    tagging: bool


@dataclass(slots=True)
class _Block:
    """A run of text inside one block element."""

    tag: str
    containers: tuple[int, ...]
    noisy: bool = False
    """Inside an element whose class or id says menu, share, related ... (kept as a fallback)."""
    tagging: bool = False
    """Inside a list of the article's topics."""
    parts: list[str] = field(default_factory=list)
    link_chars: int = 0

    @property
    def text(self) -> str:
        return _SPACE.sub(" ", "".join(self.parts)).strip()


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """What an HTML page says about itself, and its main text as paragraphs."""

    paragraphs: tuple[str, ...]
    title: str | None = None
    headline: str | None = None
    date: str | None = None
    url: str | None = None
    site_name: str | None = None
    tags: tuple[str, ...] = ()


class _Extractor(HTMLParser):
    """Collects text blocks with their container chain, and head metadata."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[_Block] = []
        self.meta: dict[str, str] = {}
        self.bonus: dict[int, float] = {}
        self._stack: list[_Open] = []
        self._containers: list[int] = []
        self._skip = 0
        self._noisy = 0
        self._article = 0
        self._gate = 0
        """Inside an <article>'s <header>: only a standfirst's text is kept."""
        self._standfirst = 0
        self._tagging = 0
        self._link = 0
        self._title: list[str] | None = None
        self._block: _Block | None = None
        self._next_id = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag in ("meta", "link", "time"):
            self._head(tag, values)
        if tag in _VOID:
            if tag == "br" and self._block is not None:
                self._block.parts.append(" ")
            return
        if tag in ("p", "li") and self._stack and self._stack[-1].tag == tag:
            self.handle_endtag(tag)
        labels = " ".join(values.get(name, "") for name in _LABELS)
        gate = tag == "header" and self._article > 0
        skip = tag in _SKIP_TAGS and not gate
        noisy = tag not in ("body", "main", "article") and bool(_NOISE.search(labels))
        standfirst = bool(_STANDFIRST.search(labels))
        tagging = bool(_TAG_LIST.search(labels))
        self._next_id += 1
        self._stack.append(_Open(tag, self._next_id, skip, noisy, gate, standfirst, tagging))
        self._skip += skip
        self._noisy += noisy
        self._gate += gate
        self._standfirst += standfirst
        self._tagging += tagging
        self._article += tag == "article"
        if tag == "title":
            self._title = []
        if tag == "a":
            self._link += 1
        if tag in _CONTAINERS:
            self._containers.append(self._next_id)
            if tag in ("article", "main"):
                self.bonus[self._next_id] = 25.0 if tag == "article" else 10.0
        if tag in _BLOCK_TAGS or tag == "h1":
            self._flush()
            if not self._skipping():
                self._block = self._new_block(tag)

    def handle_endtag(self, tag: str) -> None:
        if not any(entry.tag == tag for entry in self._stack):
            return
        while self._stack:
            entry = self._stack.pop()
            open_tag, node = entry.tag, entry.node
            self._skip -= entry.skip
            self._noisy -= entry.noisy
            self._gate -= entry.gate
            self._standfirst -= entry.standfirst
            self._tagging -= entry.tagging
            self._article -= open_tag == "article"
            if open_tag == "a":
                self._link -= 1
            if open_tag in _CONTAINERS and self._containers and self._containers[-1] == node:
                self._containers.pop()
            if open_tag == "title" and self._title is not None:
                self.meta.setdefault("title", "".join(self._title))
                self._title = None
            if open_tag in _BLOCK_TAGS or open_tag == "h1":
                self._flush()
            if open_tag == tag:
                return

    def handle_data(self, data: str) -> None:
        if self._title is not None:
            self._title.append(data)
            return
        if self._skipping():
            return
        if self._block is None:
            self._block = self._new_block("text")
        self._block.parts.append(data)
        if self._link:
            self._block.link_chars += len(data.strip())

    def close(self) -> None:
        """Finish parsing and keep the last open block."""
        super().close()
        self._flush()

    def _skipping(self) -> bool:
        """Whether text here is never article text."""
        return bool(self._skip) or (self._gate > 0 and not self._standfirst)

    def _new_block(self, tag: str) -> _Block:
        return _Block(tag, tuple(self._containers), self._noisy > 0, self._tagging > 0)

    def _flush(self) -> None:
        block, self._block = self._block, None
        if block is not None and block.text:
            if block.tag == "h1":
                self.meta.setdefault("h1", block.text)
            self.blocks.append(block)

    def _head(self, tag: str, values: dict[str, str]) -> None:
        key = (values.get("property") or values.get("name") or values.get("itemprop") or "").lower()
        content = values.get("content", "").strip()
        if tag == "meta" and key and content:
            self.meta.setdefault(key, content)
        elif tag == "link" and "canonical" in values.get("rel", "").lower() and values.get("href"):
            self.meta.setdefault("canonical", values["href"])
        elif tag == "time" and values.get("datetime"):
            self.meta.setdefault("time", values["datetime"])


def _score(block: _Block) -> float:
    """A block's contribution: length and commas, cut by the share of link text."""
    text = block.text
    if len(text) < 25 or block.tag not in _TEXT_TAGS | {"text", "div", "td"}:
        return 0.0
    density = block.link_chars / max(1, len(text))
    return (1 + text.count(",") + min(len(text) / 100, 3)) * (1 - density)


def _scores(blocks: list[_Block], bonus: dict[int, float]) -> dict[int, float]:
    """Container id -> score: each block's score to its container, half to the grandparent."""
    scores: dict[int, float] = {}
    for block in blocks:
        score = _score(block)
        if score and block.containers:
            scores[block.containers[-1]] = scores.get(block.containers[-1], 0.0) + score
            if len(block.containers) > 1:
                grand = block.containers[-2]
                scores[grand] = scores.get(grand, 0.0) + score / 2
    return {node: score + bonus.get(node, 0.0) for node, score in scores.items()}


def _main_blocks(extractor: _Extractor) -> list[_Block]:
    """The blocks of the best-scoring container (blocks in noisy elements only as fallback)."""
    clean = [block for block in extractor.blocks if not block.noisy]
    scores = _scores(clean, extractor.bonus) or _scores(extractor.blocks, extractor.bonus)
    if not scores:
        return clean or extractor.blocks
    best = max(scores, key=lambda node: scores[node])
    inside = [block for block in extractor.blocks if best in block.containers]
    return [block for block in inside if not block.noisy] or inside


_META_DATES = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
    "dc.date.issued",
    "parsely-pub-date",
    "sailthru.date",
    "time",
)


@lru_cache(maxsize=16)
def extract_html(markup: str) -> HtmlPage:
    """The main text and metadata of an HTML page (cached: readers and parsing share it)."""
    extractor = _Extractor()
    extractor.feed(markup)
    extractor.close()
    meta = extractor.meta
    paragraphs = []
    for block in _main_blocks(extractor):
        text = block.text
        if text and block.link_chars / max(1, len(text)) < 0.5:
            paragraphs.append(text)
    keywords = meta.get("keywords") or meta.get("news_keywords") or meta.get("article:tag") or ""
    listed = [b.text for b in extractor.blocks if b.tagging and 0 < len(b.text.split()) <= 5]
    words = [*keywords.split(","), *listed]
    tags = tuple(dict.fromkeys(t.strip().lower() for t in words if t.strip()))
    return HtmlPage(
        paragraphs=tuple(paragraphs),
        title=_clean(meta.get("og:title") or meta.get("title")),
        headline=_clean(meta.get("h1")),
        date=next((meta[key] for key in _META_DATES if meta.get(key)), None),
        url=meta.get("og:url") or meta.get("canonical") or None,
        site_name=_clean(meta.get("og:site_name")),
        tags=tags,
    )


def _clean(value: str | None) -> str | None:
    """Whitespace-normalised text, or None when empty."""
    if value is None:
        return None
    return _SPACE.sub(" ", value).strip() or None
