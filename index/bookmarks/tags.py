"""Bookmark tags: the one normaliser the store, the CLI and the app's dialog share.

A tag is stripped, loses any leading `#` ("#truce" and "truce" are one tag), has its inner
whitespace folded to single spaces, and keeps its case; empty tags and repeats are dropped,
the first spelling and the order given are kept.
"""

from __future__ import annotations

from collections.abc import Iterable


def normalize_tag(tag: str) -> str:
    """One tag as stored: no leading `#`, single inner spaces ("" when nothing is left)."""
    return " ".join(tag.strip().lstrip("#").split())


def normalize_tags(tags: Iterable[str]) -> tuple[str, ...]:
    """Normalise each tag, drop empty ones and repeats, keep the order given."""
    seen: dict[str, None] = {}
    for tag in tags:
        cleaned = normalize_tag(tag)
        if cleaned:
            seen.setdefault(cleaned, None)
    return tuple(seen)


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags typed in one field ("war, talks #truce"): commas and spaces separate them."""
    return normalize_tags(text.replace(",", " ").split())
