"""Article <-> stored payload (deflated compact JSON) and summaries.

The index stores the whole `Article` so it can be shown without its source file. JSON (not
pickle) keeps the stored data inert: reading it can never construct arbitrary objects.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections import Counter, OrderedDict
from collections.abc import Callable
from datetime import date
from functools import cache
from importlib import resources
from threading import Lock
from typing import Any

from index.models import (
    Article,
    ArticleId,
    ArticleSummary,
    Figure,
    JsonValue,
    Mention,
    MentionKind,
    PublishedHow,
)
from index.text.controls import visible_controls

DECODED_CACHE_SIZE = 512
"""Most decoded articles a `DecodedArticles` keeps (a few pages of hits for each query)."""


class DecodedArticles:
    """Recently decoded articles by docnum, for ONE index generation (LRU, thread-safe).

    A page of hits otherwise reads and decodes every article again on each keystroke or
    page turn; `Article` is frozen, so sharing one between calls is safe.
    """

    def __init__(self, capacity: int = DECODED_CACHE_SIZE) -> None:
        """An empty cache holding at most `capacity` articles."""
        self._capacity = capacity
        self._entries: OrderedDict[int, Article] = OrderedDict()
        self._lock = Lock()

    def get(self, docnum: int, payload: Callable[[], bytes]) -> Article:
        """The article at `docnum`, decoding `payload()` only when it is not cached.

        Raises:
            ValueError: the payload is not a valid article.
        """
        with self._lock:
            article = self._entries.get(docnum)
            if article is not None:
                self._entries.move_to_end(docnum)
                return article
        article = decode_article(payload())
        with self._lock:
            self._entries[docnum] = article
            while len(self._entries) > self._capacity:
                self._entries.popitem(last=False)
        return article


FORMAT_1 = b"\x01"
"""First byte of a format-1 payload: compact JSON deflated with `payload-1.zdict`."""

FIGURE_KEYS: tuple[str, ...] = (
    "text", "value", "low", "high", "qualifier", "counted", "measure",
    "attribution", "paragraph", "start", "end", "unit", "group", "place",
)  # fmt: skip
"""A figure's fields in the order a format-1 payload lists them."""

MENTION_KEYS: tuple[str, ...] = (
    "party", "kind", "affiliation", "text", "paragraph", "start", "end",
)  # fmt: skip
"""A mention's fields in the order a format-1 payload lists them."""

_LEVEL = 6
"""Deflate level (with the dictionary, level 6 is ~5% smaller than 3 for ~0.02 ms more)."""
_MEMORY_LEVEL = 8
"""zlib's default memLevel: 9 made 10k payloads 330 bytes larger and took ~15% longer to
deflate (0.86-0.88 against 0.76 CPU-s; ~1.8 KB of JSON gains nothing from a larger table)."""


@cache
def _dictionary() -> bytes:
    """The preset dictionary of format 1 (made by benchmarks/make_payload_dict.py)."""
    return resources.files("index").joinpath("data/payload-1.zdict").read_bytes()


@cache
def _deflater() -> Any:  # zlib's Compress type is not public
    """A raw-deflate compressor primed with the dictionary (copied for each payload)."""
    return zlib.compressobj(
        _LEVEL, zlib.DEFLATED, -15, _MEMORY_LEVEL, zlib.Z_DEFAULT_STRATEGY, _dictionary()
    )


@cache
def _inflater() -> Any:  # zlib's Decompress type is not public
    """A raw-deflate decompressor primed with the dictionary (copied for each payload)."""
    return zlib.decompressobj(-15, _dictionary())


def payload_json(article: Article) -> bytes:
    """The compact JSON of format 1, before deflating.

    Figures and mentions are arrays in `FIGURE_KEYS` / `MENTION_KEYS` order instead of
    objects (their keys were a third of the JSON); `raw` is null when it equals the
    cleaned text and `content_hash` when it is the text's sha256, both derived on reading.
    """
    data: dict[str, JsonValue] = article.as_json()
    data["figures"] = [[f.get(k) for k in FIGURE_KEYS] for f in _objects(data["figures"])]
    data["mentions"] = [[m.get(k) for k in MENTION_KEYS] for m in _objects(data["mentions"])]
    text = article.text
    data["raw"] = None if article.raw == text else article.raw
    derived = article.content_hash == _text_hash(text)
    data["content_hash"] = None if derived else article.content_hash
    data["extra"] = [[key, value] for key, value in article.extra]
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def encode_article(article: Article) -> bytes:
    """Return the stored payload of an article (format 1).

    Compact JSON (`payload_json`) deflated with a preset dictionary of newsdesk's own JSON
    shape, party names and seed articles: an article is a few KB, too short for deflate to
    learn much from itself; with the dictionary it is ~30% (Reuters 22%) smaller than the
    compact JSON deflated alone. Whoosh deflates the stored row again (level 3).
    """
    deflater = _deflater().copy()
    body: bytes = deflater.compress(payload_json(article)) + deflater.flush()
    return FORMAT_1 + body


def decode_article(payload: bytes) -> Article:
    """Rebuild an article from its stored payload (format 1, JSON, or zlib-compressed JSON).

    Indexes written before 2026-12 hold compressed payloads, and schema 2 plain JSON; they
    are read the same.

    Raises:
        ValueError: the payload is not a valid article (zlib, JSON or a missing key).
    """
    try:
        if payload.startswith(FORMAT_1):
            inflater = _inflater().copy()
            payload = inflater.decompress(payload[1:]) + inflater.flush()
        elif not payload.startswith(b"{"):
            payload = zlib.decompress(payload)
        data = json.loads(payload.decode("utf-8"))
        return _article_from_json(data)
    except (zlib.error, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as error:
        raise ValueError(f"unreadable stored article: {error}") from error


def _objects(values: JsonValue) -> list[dict[str, JsonValue]]:
    return [v for v in _list(values) if isinstance(v, dict)]


def _text_hash(text: str) -> str:
    """sha256 (hex) of the cleaned text: `index.ingest.ids.content_hash_of`'s value."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _article_from_json(data: dict[str, JsonValue]) -> Article:
    """The article a payload holds; controls in its text are made visible (length kept).

    Ingest already does that; doing it again here covers indexes written before it did.
    """
    published = data["published"]
    paragraphs = tuple(visible_controls(str(p)) for p in _list(data["paragraphs"]))
    raw = data.get("raw")
    content_hash = data.get("content_hash")
    text = "\n\n".join(str(p) for p in _list(data["paragraphs"]))
    return Article(
        id=ArticleId(str(data["id"])),
        path=str(data["path"]),
        title=visible_controls(str(data["title"])),
        source=_opt_visible(data["source"]),
        url=_opt_visible(data["url"]),
        published=date.fromisoformat(published) if isinstance(published, str) else None,
        published_how=PublishedHow(str(data["published_how"])),
        tags=tuple(visible_controls(str(t)) for t in _list(data["tags"])),
        paragraphs=paragraphs,
        figures=tuple(_figure(_keyed(f, FIGURE_KEYS)) for f in _list(data["figures"])),
        mentions=tuple(_mention(_keyed(m, MENTION_KEYS)) for m in _list(data["mentions"])),
        raw=visible_controls(text if raw is None and "raw" in data else str(raw or "")),
        content_hash=_text_hash(text)
        if content_hash is None and "content_hash" in data
        else str(content_hash or ""),
        dateline=_opt_visible(data.get("dateline")),
        extra=tuple(_pair(p) for p in _list(data.get("extra") or [])),
    )


def _keyed(value: JsonValue, keys: tuple[str, ...]) -> JsonValue:
    """A figure or mention as an object: format 1 lists the values in `keys` order."""
    if isinstance(value, list):
        return dict(zip(keys, value, strict=True))
    return value


def _opt_visible(value: JsonValue) -> str | None:
    text = _opt_str(value)
    return None if text is None else visible_controls(text)


def _figure(data: JsonValue) -> Figure:
    if not isinstance(data, dict):
        raise TypeError("figure is not an object")
    return Figure(
        text=str(data["text"]),
        value=_opt_float(data["value"]),
        low=_opt_float(data["low"]),
        high=_opt_float(data["high"]),
        qualifier=_opt_str(data["qualifier"]),
        counted=_opt_str(data["counted"]),
        measure=_opt_str(data["measure"]),
        attribution=_opt_str(data["attribution"]),
        paragraph=_opt_int(data["paragraph"]),
        start=int(str(data["start"])),
        end=int(str(data["end"])),
        unit=_opt_str(data.get("unit")),
        group=_opt_str(data.get("group")),
        place=_opt_str(data.get("place")),
    )


def _mention(data: JsonValue) -> Mention:
    if not isinstance(data, dict):
        raise TypeError("mention is not an object")
    return Mention(
        party=str(data["party"]),
        kind=MentionKind(str(data["kind"])),
        affiliation=_opt_str(data["affiliation"]),
        text=str(data["text"]),
        paragraph=_opt_int(data["paragraph"]),
        start=int(str(data["start"])),
        end=int(str(data["end"])),
    )


def _list(value: JsonValue) -> list[JsonValue]:
    if not isinstance(value, list):
        raise TypeError("expected a list")
    return value


def _pair(value: JsonValue) -> tuple[str, str]:
    if not isinstance(value, list) or len(value) != 2:
        raise TypeError("expected a [key, value] pair")
    return (str(value[0]), str(value[1]))


def _opt_str(value: JsonValue) -> str | None:
    return None if value is None else str(value)


def _opt_int(value: JsonValue) -> int | None:
    return None if value is None else int(str(value))


def _opt_float(value: JsonValue) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    raise TypeError("expected a number")


def parties_by_count(article: Article) -> tuple[str, ...]:
    """Canonical parties of an article, most mentioned first."""
    counts = Counter(m.party for m in article.mentions)
    return tuple(party for party, _ in counts.most_common())


def measures_by_count(article: Article) -> tuple[str, ...]:
    """Measures of an article's figures, most frequent first."""
    counts = Counter(f.measure for f in article.figures if f.measure)
    return tuple(measure for measure, _ in counts.most_common())


def summarise(article: Article) -> ArticleSummary:
    """The list-row view of an article."""
    return ArticleSummary(
        id=article.id,
        title=article.title,
        source=article.source,
        published=article.published,
        path=article.path,
        parties=parties_by_count(article),
        measures=measures_by_count(article),
    )
