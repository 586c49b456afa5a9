"""Article <-> stored payload (UTF-8 JSON) and summaries.

The index stores the whole `Article` so it can be shown without its source file. JSON (not
pickle) keeps the stored data inert: reading it can never construct arbitrary objects.
"""

from __future__ import annotations

import json
import zlib
from collections import Counter, OrderedDict
from collections.abc import Callable
from datetime import date
from threading import Lock

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


def encode_article(article: Article) -> bytes:
    """Return the stored payload of an article."""
    data: dict[str, JsonValue] = article.as_json()
    data["raw"] = article.raw
    data["content_hash"] = article.content_hash
    data["extra"] = [[key, value] for key, value in article.extra]
    # Not compressed here: Whoosh deflates every document's stored fields (level 3), and
    # deflating them a second time cost ~1 s of the main process per 20k articles.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def decode_article(payload: bytes) -> Article:
    """Rebuild an article from its stored payload (JSON, or zlib-compressed JSON).

    Indexes written before 2026-12 hold compressed payloads; they are read the same.

    Raises:
        ValueError: the payload is not a valid article (zlib, JSON or a missing key).
    """
    try:
        if not payload.startswith(b"{"):
            payload = zlib.decompress(payload)
        data = json.loads(payload.decode("utf-8"))
        return _article_from_json(data)
    except (zlib.error, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as error:
        raise ValueError(f"unreadable stored article: {error}") from error


def _article_from_json(data: dict[str, JsonValue]) -> Article:
    """The article a payload holds; controls in its text are made visible (length kept).

    Ingest already does that; doing it again here covers indexes written before it did.
    """
    published = data["published"]
    return Article(
        id=ArticleId(str(data["id"])),
        path=str(data["path"]),
        title=visible_controls(str(data["title"])),
        source=_opt_visible(data["source"]),
        url=_opt_visible(data["url"]),
        published=date.fromisoformat(published) if isinstance(published, str) else None,
        published_how=PublishedHow(str(data["published_how"])),
        tags=tuple(visible_controls(str(t)) for t in _list(data["tags"])),
        paragraphs=tuple(visible_controls(str(p)) for p in _list(data["paragraphs"])),
        figures=tuple(_figure(f) for f in _list(data["figures"])),
        mentions=tuple(_mention(m) for m in _list(data["mentions"])),
        raw=visible_controls(str(data.get("raw") or "")),
        content_hash=str(data.get("content_hash") or ""),
        dateline=_opt_visible(data.get("dateline")),
        extra=tuple(_pair(p) for p in _list(data.get("extra") or [])),
    )


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
