"""Fuzzy matching of a bookmarked quote against edited text, with a strict threshold.

Re-anchoring uses this only after the exact quote is gone. Candidates are runs of whole
sentences of similar length, plus one window per paragraph seeded at the longest run of
characters it shares with the quote. A candidate is accepted only when ALL of these hold:

- its text similarity to the quote (difflib ratio after case-folding and collapsing
  whitespace) is at least `SIMILARITY_THRESHOLD` = 0.95;
- it keeps the quote's numbers (same multiset of digit groups): in news a changed figure
  changes the claim, so "released 13 hostages" never re-attaches to "released 12 hostages";
- its surroundings agree with the stored prefix/suffix: the mean context similarity is at
  least `CONTEXT_THRESHOLD` = 0.5 (an unrelated place scores about 0.2-0.4);
- it beats the best candidate that does not overlap it by `MARGIN` = 0.03 in similarity,
  so a sentence that merely resembles a deleted one is not chosen when two such remain.

Why 0.95: measured on 40-60 character news sentences (the table and its test are in
`tests/unit/test_anchoring.py`), typo fixes, punctuation and transliteration changes
("Haniyeh" -> "Haniya") score 0.97-0.99, while replacing a single word — which in news often
changes the claim: another day, city, actor, "approved" -> "rejected" — scores 0.89-0.92,
the same band as a benign rewording. Character similarity cannot tell those apart, so the
threshold sits above the whole one-word band: in a short sentence only spelling-level edits
re-anchor, in a long passage (where one word is a small share) a one-word edit does too.
Everything else becomes an orphan that still shows its quote, which the user can re-bookmark.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from index.text.sentences import split_sentences

SIMILARITY_THRESHOLD = 0.95
"""Minimum normalised similarity between the quote and a candidate."""

CONTEXT_THRESHOLD = 0.5
"""Minimum mean similarity of the stored prefix/suffix to the candidate's surroundings."""

MARGIN = 0.03
"""Minimum lead in similarity over the best candidate that does not overlap."""

_GRAM = 5
"""Character n-gram size used to find the paragraphs worth comparing."""

_MIN_GRAM_SHARE = 0.25
"""Share of the quote's n-grams a paragraph must hold along one diagonal band."""

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})


@dataclass(frozen=True, slots=True)
class Candidate:
    """A scored stretch of one paragraph that might be the edited quote."""

    paragraph: int
    start: int
    end: int
    similarity: float
    """Normalised text similarity to the quote, 0..1."""
    context: float
    """Mean similarity of the surroundings to the stored prefix/suffix, 0..1."""
    numbers_kept: bool
    """Whether the candidate has exactly the quote's numbers."""


def normalize(text: str) -> str:
    """NFKC, case-fold, unify curly quotes and collapse whitespace, for comparing passages."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_QUOTES).casefold().split())


def similarity(left: str, right: str) -> float:
    """The difflib ratio of two strings (1.0 for two empty strings)."""
    return SequenceMatcher(None, left, right, autojunk=False).ratio()


def context_similarity(prefix: str, suffix: str, text: str, start: int, end: int) -> float:
    """How well the text around `text[start:end]` matches a stored prefix and suffix.

    Returns:
        The mean of the prefix and suffix similarities, each 0..1.
    """
    before = text[max(0, start - len(prefix)) : start]
    after = text[end : end + len(suffix)]
    return (similarity(prefix, before) + similarity(suffix, after)) / 2


def score_candidates(
    exact: str, prefix: str, suffix: str, paragraphs: Sequence[str]
) -> list[Candidate]:
    """Every plausible candidate for `exact` in `paragraphs`, best similarity first."""
    text = "\n\n".join(paragraphs)
    wanted = normalize(exact)
    numbers = Counter(_NUMBER.findall(exact))
    scored: dict[tuple[int, int, int], Candidate] = {}
    offset = 0
    for number, paragraph in enumerate(paragraphs):
        for start, end in _spans(exact, paragraph):
            key = (number, start, end)
            value = _ratio(wanted, normalize(paragraph[start:end]))
            if key in scored or value is None:
                continue
            scored[key] = Candidate(
                number,
                start,
                end,
                value,
                context_similarity(prefix, suffix, text, offset + start, offset + end),
                Counter(_NUMBER.findall(paragraph[start:end])) == numbers,
            )
        offset += len(paragraph) + 2
    return sorted(scored.values(), key=lambda c: (-c.similarity, -c.context))


def best_fuzzy_match(
    exact: str, prefix: str, suffix: str, paragraphs: Sequence[str]
) -> Candidate | None:
    """The candidate that passes every rule in the module docstring, or None (orphan)."""
    candidates = score_candidates(exact, prefix, suffix, paragraphs)
    if not candidates:
        return None
    best = candidates[0]
    if (
        best.similarity < SIMILARITY_THRESHOLD
        or not best.numbers_kept
        or best.context < CONTEXT_THRESHOLD
    ):
        return None
    rivals = [c.similarity for c in candidates[1:] if not _overlaps(best, c)]
    if rivals and best.similarity - max(rivals) < MARGIN:
        return None
    return best


def _spans(exact: str, paragraph: str) -> list[tuple[int, int]]:
    """Candidate spans in one paragraph: sentence runs of a compatible length + windows.

    Only a paragraph that shares enough of the quote's character 5-grams along one
    diagonal (see `_diagonal`) can hold a match; others are skipped before any costly
    comparison (they cannot reach the rival threshold either).
    """
    diagonal = _diagonal(exact, paragraph)
    if diagonal is None:
        return []
    slack = len(exact) // 10 + 2
    low, high = max(0, diagonal - slack), min(len(paragraph), diagonal + len(exact) + slack)
    # ratio <= 2*min/(a+b), so a length ratio below this can never reach the threshold.
    min_ratio = (SIMILARITY_THRESHOLD - MARGIN) / (2 - SIMILARITY_THRESHOLD + MARGIN)
    sentences = [(a, b) for a, b in split_sentences(paragraph) if b > low and a < high]
    spans: list[tuple[int, int]] = []
    for first in range(len(sentences)):
        for last in range(first, len(sentences)):
            start, end = sentences[first][0], sentences[last][1]
            shorter, longer = sorted((end - start, len(exact)))
            if longer and shorter / longer >= min_ratio:
                spans.append((start, end))
            if end - start > len(exact):
                break
    spans.extend(_windows(exact, paragraph, low, high))
    return spans


def _diagonal(exact: str, paragraph: str) -> int | None:
    """Where in `paragraph` the quote would start, if it shares enough of its n-grams.

    Every character 5-gram of the quote found in the paragraph votes for the offset
    `paragraph position - quote position`. A match scoring >= 0.92 leaves at least about a
    quarter of the n-grams intact within a band of +-slack offsets; with fewer, the
    paragraph is skipped. This costs a few `str.find` calls per n-gram.
    """
    quote, body = _fold(exact), _fold(paragraph)
    size = min(_GRAM, len(quote))
    grams = len(quote) - size + 1
    votes: Counter[int] = Counter()
    for position in range(grams):
        gram = quote[position : position + size]
        found = body.find(gram)
        while found >= 0:
            votes[found - position] += 1
            found = body.find(gram, found + 1)
    if not votes:
        return None
    slack = len(exact) // 10 + 2
    best, support = 0, 0
    for offset, _count in votes.most_common(8):
        band = sum(votes.get(offset + shift, 0) for shift in range(-slack, slack + 1))
        if band > support:
            best, support = offset, band
    return best if support >= _MIN_GRAM_SHARE * grams else None


def _windows(exact: str, paragraph: str, low: int, high: int) -> list[tuple[int, int]]:
    """Windows inside `paragraph[low:high]` (the band around the diagonal).

    One runs from the first to the last character matched with the quote; the other is
    quote-sized from the first match, which fits better when the edit is at an end.
    """
    local = SequenceMatcher(None, exact, paragraph[low:high], autojunk=False)
    blocks = [b for b in local.get_matching_blocks() if b.size > 0]
    if not blocks:
        return []
    first = low + blocks[0].b - blocks[0].a
    windows = [
        (low + blocks[0].b, low + blocks[-1].b + blocks[-1].size),
        (max(0, first), min(len(paragraph), max(0, first) + len(exact))),
    ]
    snapped = [_snap(paragraph, start, end) for start, end in windows]
    return [span for span in snapped if span is not None]


def _fold(text: str) -> str:
    """Lower case when that keeps every offset (it almost always does), else the text."""
    lowered = text.lower()
    return lowered if len(lowered) == len(text) else text


def _snap(paragraph: str, start: int, end: int) -> tuple[int, int] | None:
    """Widen a window to whole words and drop spaces at its ends (None when blank)."""
    while (
        0 < start < len(paragraph) and paragraph[start - 1].isalnum() and paragraph[start].isalnum()
    ):
        start -= 1
    while (
        end < len(paragraph)
        and end > 0
        and paragraph[end].isalnum()
        and paragraph[end - 1].isalnum()
    ):
        end += 1
    while start < end and paragraph[start].isspace():
        start += 1
    while end > start and paragraph[end - 1].isspace():
        end -= 1
    return (start, end) if end > start else None


def _ratio(wanted: str, found: str) -> float | None:
    """The similarity, or None when the cheap upper bounds already rule it out."""
    matcher = SequenceMatcher(None, wanted, found, autojunk=False)
    if matcher.real_quick_ratio() < SIMILARITY_THRESHOLD - MARGIN:
        return None
    if matcher.quick_ratio() < SIMILARITY_THRESHOLD - MARGIN:
        return None
    return matcher.ratio()


def _overlaps(one: Candidate, other: Candidate) -> bool:
    """Whether two candidates share characters of the same paragraph."""
    return one.paragraph == other.paragraph and one.start < other.end and other.start < one.end
