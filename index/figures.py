"""Placeholder: being replaced by the figures extractor (find_figures)."""

from __future__ import annotations

from collections.abc import Sequence

from index.models import Figure


def find_figures(paragraphs: Sequence[str]) -> list[Figure]:
    """Return the figures found in the paragraphs (placeholder: none yet)."""
    return []
