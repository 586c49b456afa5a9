"""The first page of the newest articles, kept beside the index for the next launch.

The app opens on the library's newest articles with their facets. Computing that page means
importing Whoosh, opening every segment and decoding each hit's stored article: ~1 s at
100k articles, after the first paint, before the user sees anything. This file holds the
page as it was last computed, for one index generation, in a form read in milliseconds
without Whoosh: the app shows it at once and opens the index behind it.

The file is derived data (`first-page.json`), written atomically. It names the generation
it describes by the bytes of that generation's table of contents (`_MAIN_<n>.toc`, which
lists the segments' random ids: a rebuilt index counting its generations from 1 again
never matches an older file). It is ignored when missing, damaged, from another format or
of another generation or page size; nothing is lost by deleting it.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

from index.models.article import ArticleId, ArticleSummary, JsonValue
from index.models.results import FacetValue, SearchHit, SearchPage, Snippet

FILENAME = "first-page.json"
_FORMAT = 1
_TOC_RE = re.compile(r"_MAIN_(\d+)\.toc\Z")

logger = logging.getLogger(__name__)


def generation_key(index_dir: Path) -> str | None:
    """What names the index's current generation: its number and a digest of its TOC.

    None when the folder holds no index (or cannot be listed).
    """
    try:
        numbers = [
            int(found.group(1))
            for entry in index_dir.iterdir()
            if (found := _TOC_RE.match(entry.name)) is not None
        ]
        if not numbers:
            return None
        latest = max(numbers)
        toc = (index_dir / f"_MAIN_{latest}.toc").read_bytes()
    except OSError:
        return None
    return f"{latest}:{hashlib.sha256(toc).hexdigest()}"


def load(index_dir: Path, limit: int) -> tuple[int, SearchPage] | None:
    """The article count and first page saved for the current generation, or None.

    Args:
        index_dir: The index folder.
        limit: The page size wanted; a page saved with another size is not used.
    """
    path = index_dir / FILENAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as error:
        logger.info("first page %s unreadable (%s): the index is read instead", path, error)
        return None
    key = generation_key(index_dir)
    try:
        if (
            data["format"] != _FORMAT
            or key is None
            or data["generation"] != key
            or data["limit"] != limit
        ):
            return None
        return int(data["count"]), _page_from_json(data["page"])
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        logger.info("first page %s damaged (%s): the index is read instead", path, error)
        return None


def save(index_dir: Path, key: str, count: int, limit: int, page: SearchPage) -> None:
    """Save the first page of generation `key` (errors are logged: the file is optional)."""
    data = {
        "format": _FORMAT,
        "generation": key,
        "count": count,
        "limit": limit,
        "page": _page_as_json(page),
    }
    try:
        handle, temporary = tempfile.mkstemp(dir=index_dir, prefix=".first-page-")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
            Path(temporary).chmod(0o644)
            Path(temporary).replace(index_dir / FILENAME)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        logger.info("first page not saved in %s (%s)", index_dir, error)


def _page_as_json(page: SearchPage) -> dict[str, JsonValue]:
    """Everything the search screen reads of a page."""
    hits: list[JsonValue] = [
        {
            "article": hit.article.as_json(),
            "score": hit.score,
            "snippet": hit.snippet.text,
            "matches": [list(span) for span in hit.snippet.matches],
            "rank": hit.rank,
        }
        for hit in page.hits
    ]
    facets: dict[str, JsonValue] = {
        name: [[v.value, v.count] for v in values] for name, values in page.facets.items()
    }
    return {
        "query": page.query,
        "total": page.total,
        "took_ms": page.took_ms,
        "sort": page.sort,
        "hits": hits,
        "facets": facets,
        "terms": list(page.terms),
    }


def _page_from_json(data: dict[str, Any]) -> SearchPage:
    """`_page_as_json` read back (KeyError, TypeError or ValueError when damaged)."""
    hits = tuple(
        SearchHit(
            article=_summary(hit["article"]),
            score=float(hit["score"]),
            snippet=Snippet(
                str(hit["snippet"]), tuple((int(a), int(b)) for a, b in hit["matches"])
            ),
            rank=int(hit["rank"]),
        )
        for hit in data["hits"]
    )
    facets = {
        str(name): tuple(FacetValue(str(value), int(count)) for value, count in values)
        for name, values in data["facets"].items()
    }
    return SearchPage(
        query=str(data["query"]),
        hits=hits,
        total=int(data["total"]),
        took_ms=float(data["took_ms"]),
        sort=str(data["sort"]),
        facets=facets,
        terms=tuple(str(term) for term in data["terms"]),
    )


def _summary(data: dict[str, Any]) -> ArticleSummary:
    """`ArticleSummary.as_json` read back."""
    published = data["published"]
    return ArticleSummary(
        id=ArticleId(str(data["id"])),
        title=str(data["title"]),
        source=None if data["source"] is None else str(data["source"]),
        published=None if published is None else date.fromisoformat(published),
        path=str(data["path"]),
        parties=tuple(str(p) for p in data["parties"]),
        measures=tuple(str(m) for m in data["measures"]),
    )
