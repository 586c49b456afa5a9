"""The result of comparing two reports: aligned passages, figure rows, parties."""

from __future__ import annotations

from dataclasses import dataclass, replace
from enum import StrEnum

from index.models import Article, ArticleId, Figure, format_number


class AlignKind(StrEnum):
    """How two aligned passages relate."""

    SAME = "same"
    SIMILAR = "similar"
    A_ONLY = "a_only"
    B_ONLY = "b_only"

    @property
    def mirrored(self) -> AlignKind:
        """The kind seen from the other side (only in A becomes only in B)."""
        return {AlignKind.A_ONLY: AlignKind.B_ONLY, AlignKind.B_ONLY: AlignKind.A_ONLY}.get(
            self, self
        )


class FigureStatus(StrEnum):
    """Whether two reports agree on a quantity (see `index.compare.figure_status`)."""

    AGREE = "agree"
    CONSISTENT = "consistent"
    """Different as written, compatible once qualifiers are read as intervals."""
    UPDATED = "updated"
    """A running total from reports of different dates."""
    DIFFER = "differ"
    A_ONLY = "a_only"
    B_ONLY = "b_only"

    @property
    def cue(self) -> str:
        """The status as a reader sees it, a sign and a word (reads under NO_COLOR)."""
        return _CUES[self]

    @property
    def mirrored(self) -> FigureStatus:
        """The status seen from the other side (A only becomes B only)."""
        return _MIRRORED.get(self, self)

    @property
    def is_difference(self) -> bool:
        """Whether the two reports' numbers part ways: differ, or a later count."""
        return self in (FigureStatus.DIFFER, FigureStatus.UPDATED)


_CUES = {
    FigureStatus.AGREE: "✓ agree",
    FigureStatus.CONSISTENT: "≈ consistent",
    FigureStatus.UPDATED: "↻ updated",
    FigureStatus.DIFFER: "≠ differ",
    FigureStatus.A_ONLY: "A only",
    FigureStatus.B_ONLY: "B only",
}
_MIRRORED = {FigureStatus.A_ONLY: FigureStatus.B_ONLY, FigureStatus.B_ONLY: FigureStatus.A_ONLY}


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

    measure: str | None
    """The measure both sides count; None for figures paired by their counted noun."""
    a: tuple[Figure, ...]
    b: tuple[Figure, ...]
    status: FigureStatus
    difference: float | None = None
    """b - a for single values that differ, else None."""
    group: str | None = None
    """Whom the row counts, when either side says (Israelis, children…)."""
    place: str | None = None
    """Where, when either side says (Gaza, Israel…)."""
    note: str = ""
    """Why the status: the date gap of an update, the intervals of a consistent pair."""
    counted: str | None = None
    """The counted noun of a row without a measure ("babies")."""

    def swapped(self) -> FigureRow:
        """The row seen from the other side."""
        note = self.note
        if self.status is FigureStatus.UPDATED:
            note = note.replace("later", "_").replace("earlier", "later").replace("_", "earlier")
        return replace(
            self,
            a=self.b,
            b=self.a,
            status=self.status.mirrored,
            difference=-self.difference if self.difference is not None else None,
            note=note,
        )

    @property
    def label(self) -> str:
        """The quantity for people: "killed · Gaza", "hostages released · Israelis"."""
        name = self.measure.replace("_", " ") if self.measure else (self.counted or "count")
        return " · ".join(part for part in (name, self.group, self.place) if part)

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

    def swapped(self) -> Comparison:
        """The same comparison seen from the other side (B becomes A); twice is the identity."""
        alignment = tuple(
            AlignedPassage(p.b, p.a, p.kind.mirrored, p.similarity, p.b_sentence, p.a_sentence)
            for p in self.alignment
        )
        parties = self.parties
        mirrored = PartyComparison(
            both=tuple((name, count_b, count_a) for name, count_a, count_b in parties.both),
            a_only=parties.b_only,
            b_only=parties.a_only,
            a_sources=parties.b_sources,
            b_sources=parties.a_sources,
        )
        figures = tuple(row.swapped() for row in self.figures)
        return Comparison(self.b, self.a, alignment, figures, mirrored)


@dataclass(frozen=True, slots=True)
class ComparedArticles:
    """A comparison together with the two articles it compares, read once."""

    a: Article
    """Report A (left)."""
    b: Article
    """Report B (right)."""
    comparison: Comparison
