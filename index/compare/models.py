"""The result of comparing two reports: aligned passages, figure rows, parties."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from index.models import Article, ArticleId, Figure, format_number


class AlignKind(StrEnum):
    """How two aligned passages relate."""

    SAME = "same"
    SIMILAR = "similar"
    A_ONLY = "a_only"
    B_ONLY = "b_only"


class FigureStatus(StrEnum):
    """Whether two reports agree on a measure."""

    AGREE = "agree"
    DIFFER = "differ"
    A_ONLY = "a_only"
    B_ONLY = "b_only"


@dataclass(frozen=True, slots=True)
class AlignedPassage:
    """One row of the alignment: paragraph indexes, None on the missing side."""

    a: int | None
    b: int | None
    kind: AlignKind
    similarity: float
    a_sentence: tuple[int, int] | None = None
    """(start, end) of the aligned sentence inside paragraph `a`, when sentence-level."""
    b_sentence: tuple[int, int] | None = None


@dataclass(frozen=True, slots=True)
class FigureRow:
    """Figures of A and B that count the same thing, and whether they agree."""

    measure: str
    a: tuple[Figure, ...]
    b: tuple[Figure, ...]
    status: FigureStatus
    difference: float | None = None
    """b - a for single values that differ, else None."""

    @property
    def difference_text(self) -> str | None:
        """`difference` signed for people ("+40", "−1,200"), or None."""
        if self.difference is None:
            return None
        sign = "+" if self.difference > 0 else "−"
        return f"{sign}{format_number(abs(self.difference))}"


@dataclass(frozen=True, slots=True)
class PartyComparison:
    """Parties mentioned by both reports or by one, with mention counts."""

    both: tuple[tuple[str, int, int], ...]
    """(party, count in A, count in B)."""
    a_only: tuple[tuple[str, int], ...]
    b_only: tuple[tuple[str, int], ...]
    a_sources: tuple[str, ...] = ()
    """Parties quoted or cited as a source in A."""
    b_sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two reports side by side."""

    a: ArticleId
    b: ArticleId
    alignment: tuple[AlignedPassage, ...]
    figures: tuple[FigureRow, ...]
    parties: PartyComparison


@dataclass(frozen=True, slots=True)
class ComparedArticles:
    """A comparison together with the two articles it compares, read once."""

    a: Article
    """Report A (left)."""
    b: Article
    """Report B (right)."""
    comparison: Comparison
