"""Pure re-anchoring of bookmarked passages: W3C-style selectors and matching.

A bookmark remembers its passage twice, as in the W3C Web Annotation model: a
TextQuote selector (`exact` text plus ~32 characters of `prefix`/`suffix` context) and a
TextPosition (paragraph + offsets in it, and the global offsets in `Article.text`, the
paragraphs joined by blank lines). When the article's text changes, `locate` finds the
passage again, in this order:

1. the exact quote at the stored position, unless another occurrence fits the context better;
2. the occurrence of the exact quote whose prefix/suffix fit best (ties: nearest to the
   old position);
3. a fuzzy match (see `index.bookmarks.quote_match`), accepted only above a strict threshold;
4. otherwise nothing: the bookmark is an orphan. It is never attached to a passage that
   merely looks like it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from index.bookmarks.quote_match import best_fuzzy_match, context_similarity
from index.errors import InvalidRequest
from index.models import AnchorStatus

CONTEXT_CHARS = 32
"""How many characters of prefix and suffix a TextQuote selector keeps."""

PARAGRAPH_SEPARATOR = "\n\n"
"""How `Article.text` joins paragraphs; global offsets count it."""


@dataclass(frozen=True, slots=True)
class TextQuote:
    """The W3C TextQuoteSelector: the passage and its surrounding context."""

    exact: str
    prefix: str
    suffix: str


@dataclass(frozen=True, slots=True)
class TextPosition:
    """Where the passage was: in its paragraph and in the whole text."""

    paragraph: int
    start: int
    end: int
    global_start: int
    """Offset in `Article.text` (the W3C TextPositionSelector `start`)."""
    global_end: int


@dataclass(frozen=True, slots=True)
class Anchor:
    """Both selectors of one bookmarked passage."""

    quote: TextQuote
    position: TextPosition


@dataclass(frozen=True, slots=True)
class Location:
    """Where a passage is now, and how it was found."""

    paragraph: int
    start: int
    end: int
    status: AnchorStatus
    """ANCHORED (same place) or MOVED (found elsewhere, or fuzzily)."""
    method: str
    """"position", "quote" or "fuzzy": which step found it."""


def paragraph_offsets(paragraphs: Sequence[str]) -> list[int]:
    """The global offset in `Article.text` where each paragraph starts."""
    offsets: list[int] = []
    position = 0
    for paragraph in paragraphs:
        offsets.append(position)
        position += len(paragraph) + len(PARAGRAPH_SEPARATOR)
    return offsets


def make_anchor(paragraphs: Sequence[str], paragraph: int, start: int, end: int) -> Anchor:
    """Build the selectors for a passage, trimming whitespace at its ends.

    Args:
        paragraphs: The article's paragraphs.
        paragraph: Index of the paragraph holding the passage.
        start: Offset of the passage's first character in the paragraph.
        end: Offset after its last character.

    Returns:
        The TextQuote and TextPosition selectors of the (trimmed) passage.

    Raises:
        InvalidRequest: The paragraph or offsets are out of range, or the passage is blank.
    """
    if not 0 <= paragraph < len(paragraphs):
        raise InvalidRequest(
            f"Paragraph {paragraph} does not exist: the article has {len(paragraphs)}.",
            f"Pick a paragraph from 0 to {len(paragraphs) - 1}.",
        )
    body = paragraphs[paragraph]
    if not 0 <= start < end <= len(body):
        raise InvalidRequest(
            f"Offsets {start}-{end} are outside paragraph {paragraph} ({len(body)} characters).",
            "Give 0 <= start < end <= the paragraph's length.",
        )
    exact = body[start:end]
    if not exact.strip():
        raise InvalidRequest("The passage to bookmark is blank.", "Select some text.")
    start += len(exact) - len(exact.lstrip())
    end -= len(exact) - len(exact.rstrip())
    text = PARAGRAPH_SEPARATOR.join(paragraphs)
    global_start = paragraph_offsets(paragraphs)[paragraph] + start
    global_end = global_start + (end - start)
    quote = TextQuote(
        exact=text[global_start:global_end],
        prefix=text[max(0, global_start - CONTEXT_CHARS) : global_start],
        suffix=text[global_end : global_end + CONTEXT_CHARS],
    )
    return Anchor(quote, TextPosition(paragraph, start, end, global_start, global_end))


def locate(
    anchor: Anchor, paragraphs: Sequence[str], *, unchanged: bool = False
) -> Location | None:
    """Find a bookmarked passage in an article's current paragraphs.

    Args:
        anchor: The stored selectors.
        paragraphs: The article's current paragraphs.
        unchanged: True when the article's content hash equals the stored one.

    Returns:
        The current location, or None when the passage cannot be found with confidence
        (the bookmark is an orphan).
    """
    position, quote = anchor.position, anchor.quote
    if unchanged and _quote_at(paragraphs, position.paragraph, position.start, quote.exact):
        return Location(
            position.paragraph, position.start, position.end, AnchorStatus.ANCHORED, "position"
        )
    text = PARAGRAPH_SEPARATOR.join(paragraphs)
    offsets = paragraph_offsets(paragraphs)
    found = _locate_exact(quote, text, position.global_start)
    method = "quote"
    if found is None:
        fuzzy = best_fuzzy_match(quote.exact, quote.prefix, quote.suffix, paragraphs)
        found = None if fuzzy is None else offsets[fuzzy.paragraph] + fuzzy.start
        end = None if fuzzy is None else offsets[fuzzy.paragraph] + fuzzy.end
        method = "fuzzy"
    else:
        end = found + len(quote.exact)
    if found is None or end is None:
        return None
    paragraph = _paragraph_at(offsets, found)
    start = found - offsets[paragraph]
    same = (paragraph, start, start + end - found) == (
        position.paragraph,
        position.start,
        position.end,
    )
    status = AnchorStatus.ANCHORED if same and method != "fuzzy" else AnchorStatus.MOVED
    return Location(paragraph, start, start + end - found, status, method)


def _locate_exact(quote: TextQuote, text: str, old_start: int) -> int | None:
    """Steps 1 and 2: the best-fitting occurrence of the exact quote, or None."""
    occurrences = _occurrences(text, quote.exact)
    if not occurrences:
        return None
    scored = [
        (
            context_similarity(quote.prefix, quote.suffix, text, at, at + len(quote.exact)),
            -abs(at - old_start),
            at,
        )
        for at in occurrences
    ]
    best = max(scored)
    # Step 1: the stored position wins unless another occurrence fits the context better.
    for score, _distance, at in scored:
        if at == old_start and score >= best[0]:
            return at
    return best[2]


def _occurrences(text: str, exact: str) -> list[int]:
    """Every start offset of `exact` in `text` (overlapping ones too)."""
    found: list[int] = []
    at = text.find(exact)
    while at >= 0:
        found.append(at)
        at = text.find(exact, at + 1)
    return found


def _quote_at(paragraphs: Sequence[str], paragraph: int, start: int, exact: str) -> bool:
    """Whether `exact` stands at `start` in `paragraphs[paragraph]`."""
    if not 0 <= paragraph < len(paragraphs):
        return False
    return paragraphs[paragraph][start : start + len(exact)] == exact


def _paragraph_at(offsets: Sequence[int], position: int) -> int:
    """The index of the paragraph containing global offset `position`."""
    index = 0
    for number, offset in enumerate(offsets):
        if offset > position:
            break
        index = number
    return index
