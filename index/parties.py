"""Placeholder: being replaced by the gazetteer-based party finder (find_mentions)."""

from __future__ import annotations

from collections.abc import Sequence

from index.models import Mention


def find_mentions(paragraphs: Sequence[str]) -> list[Mention]:
    """Return the party mentions found in the paragraphs (placeholder: none yet)."""
    return []
