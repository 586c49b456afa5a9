"""Tests for index.bookmarks.anchoring: selectors and re-anchoring after the text changed."""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

from index.bookmarks.anchoring import (
    CONTEXT_CHARS,
    Anchor,
    Location,
    locate,
    make_anchor,
    paragraph_offsets,
)
from index.bookmarks.quote_match import SIMILARITY_THRESHOLD, normalize, similarity
from index.errors import InvalidRequest
from index.models import AnchorStatus
from index.text.sentences import split_sentences

# Measured edits of short news sentences: (kind, bookmarked, edited, similarity, re-anchors).
# The similarity is difflib's ratio after `normalize`; the threshold (0.95) sits above the
# one-word-substitution band (0.89-0.92), where benign rewording and changed claims mix.
EDIT_TABLE = [
    ("typo: dropped dot", "Hamas released 13 Israeli hostages on Friday.",
     "Hamas released 13 Israeli hostages on Friday", 0.99, True),
    ("typo: swapped letters", "The talks resumed in Doha on Tuesday after a pause.",
     "The talks resumed in Doha on Tuesday after a pasue.", 0.98, True),
    ("typo: fixed", "Qatar and Egypt mediated the agreemnet between the sides.",
     "Qatar and Egypt mediated the agreement between the sides.", 0.98, True),
    ("punctuation", "Officials said the truce would hold, for now.",
     "Officials said the truce would hold for now.", 0.99, True),
    ("transliteration", "Ismail Haniyeh said the group accepted the proposal.",
     "Ismail Haniya said the group accepted the proposal.", 0.97, True),
    ("synonym", "The talks resumed in Doha on Tuesday after a pause.",
     "The talks resumed in Doha on Tuesday after a break.", 0.92, False),
    ("word inserted", "The army said the operation would continue.",
     "The Israeli army said the operation would continue.", 0.92, False),
    ("word deleted", "The army said on Sunday that the operation would continue.",
     "The army said that the operation would continue.", 0.91, False),
    ("other city", "The talks resumed in Doha on Tuesday.",
     "The talks resumed in Cairo on Tuesday.", 0.91, False),
    ("other actor", "Egypt said the crossing would open on Monday.",
     "Qatar said the crossing would open on Monday.", 0.91, False),
    ("other day", "The cabinet approved the deal late on Wednesday.",
     "The cabinet approved the deal late on Thursday.", 0.91, False),
    ("opposite verb", "The cabinet approved the deal late on Wednesday.",
     "The cabinet rejected the deal late on Wednesday.", 0.90, False),
    ("other count and day", "Hamas released 13 Israeli hostages on Friday.",
     "Hamas released 12 Israeli hostages on Saturday.", 0.91, False),
    ("reordered", "More than 100 hostages remain in Gaza, officials said.",
     "Officials said more than 100 hostages remain in Gaza.", 0.71, False),
]  # fmt: skip

PARAGRAPHS = (
    "Mediators from Qatar and Egypt met in Doha on Thursday to extend the truce.",
    "Hamas released 13 Israeli hostages on Friday. The Red Cross took them to Egypt. "
    "Israel freed 39 Palestinian prisoners the same day.",
    "The army said the pause would end on Monday unless more hostages were freed.",
)
QUOTE = "Hamas released 13 Israeli hostages on Friday."


def anchor_quote(paragraphs: tuple[str, ...], quote: str, paragraph: int) -> Anchor:
    """Bookmark the first occurrence of `quote` in one paragraph."""
    start = paragraphs[paragraph].index(quote)
    return make_anchor(paragraphs, paragraph, start, start + len(quote))


def found_text(location: Location | None, paragraphs: tuple[str, ...]) -> str | None:
    """The text a location points at, or None for an orphan."""
    if location is None:
        return None
    return paragraphs[location.paragraph][location.start : location.end]


def test_make_anchor_keeps_quote_context_and_offsets() -> None:
    """The selectors hold the exact text, 32 chars of context and both offsets."""
    anchor = anchor_quote(PARAGRAPHS, "The Red Cross took them to Egypt.", 1)
    text = "\n\n".join(PARAGRAPHS)
    position = anchor.position
    assert anchor.quote.exact == "The Red Cross took them to Egypt."
    assert text[position.global_start : position.global_end] == anchor.quote.exact
    assert len(anchor.quote.prefix) == CONTEXT_CHARS
    assert (
        anchor.quote.prefix == text[position.global_start - CONTEXT_CHARS : position.global_start]
    )
    assert anchor.quote.suffix == text[position.global_end : position.global_end + CONTEXT_CHARS]
    assert position.global_start == paragraph_offsets(PARAGRAPHS)[1] + position.start


def test_make_anchor_context_crosses_paragraphs_and_stops_at_the_ends() -> None:
    """Prefix/suffix span the blank line between paragraphs and are short at the text's ends."""
    first = make_anchor(PARAGRAPHS, 0, 0, 9)
    assert first.quote.prefix == ""
    last_len = len(PARAGRAPHS[2])
    last = make_anchor(PARAGRAPHS, 2, last_len - 6, last_len)
    assert last.quote.suffix == ""
    assert len(last.quote.prefix) == CONTEXT_CHARS
    head = make_anchor(PARAGRAPHS, 1, 0, 5)
    assert head.quote.prefix.endswith("truce.\n\n")


def test_make_anchor_trims_whitespace() -> None:
    """Spaces at the ends of the selected range are not part of the quote."""
    paragraph = PARAGRAPHS[1]
    end_of_first = paragraph.index(".") + 1
    anchor = make_anchor(PARAGRAPHS, 1, 0, end_of_first + 1)
    assert anchor.quote.exact == QUOTE
    assert (anchor.position.start, anchor.position.end) == (0, len(QUOTE))


@pytest.mark.parametrize(
    ("paragraph", "start", "end"),
    [(3, 0, 1), (-1, 0, 1), (0, 5, 5), (0, 6, 2), (0, 0, 10_000), (0, -1, 3)],
)
def test_make_anchor_rejects_out_of_range(paragraph: int, start: int, end: int) -> None:
    """Bad paragraph numbers and offsets raise InvalidRequest."""
    with pytest.raises(InvalidRequest):
        make_anchor(PARAGRAPHS, paragraph, start, end)


def test_make_anchor_rejects_blank_passage() -> None:
    """A passage of only whitespace cannot be bookmarked."""
    with pytest.raises(InvalidRequest, match="blank"):
        make_anchor(("a    b",), 0, 1, 4)


def test_locate_unchanged_text_is_anchored() -> None:
    """Same content hash: the stored position, status anchored."""
    anchor = anchor_quote(PARAGRAPHS, QUOTE, 1)
    location = locate(anchor, PARAGRAPHS, unchanged=True)
    assert location == Location(1, 0, len(QUOTE), AnchorStatus.ANCHORED, "position")


def test_locate_changed_elsewhere_same_position_is_anchored() -> None:
    """An edit after the quote leaves it where it was: still anchored."""
    anchor = anchor_quote(PARAGRAPHS, QUOTE, 1)
    edited = (*PARAGRAPHS[:2], "The army said the pause was over.")
    location = locate(anchor, edited)
    assert location is not None
    assert location.status is AnchorStatus.ANCHORED
    assert found_text(location, edited) == QUOTE


def test_locate_paragraph_inserted_before_is_moved() -> None:
    """A new paragraph before the quote: found one paragraph later, status moved."""
    anchor = anchor_quote(PARAGRAPHS, QUOTE, 1)
    edited = ("UPDATE: this story has been updated.", *PARAGRAPHS)
    location = locate(anchor, edited)
    assert location == Location(2, 0, len(QUOTE), AnchorStatus.MOVED, "quote")


def test_locate_hash_unchanged_but_text_differs_searches_again() -> None:
    """A stale 'unchanged' claim is checked against the text, not trusted blindly."""
    anchor = anchor_quote(PARAGRAPHS, QUOTE, 1)
    edited = ("Inserted.", *PARAGRAPHS)
    location = locate(anchor, edited, unchanged=True)
    assert location is not None
    assert (location.paragraph, location.status) == (2, AnchorStatus.MOVED)


def test_locate_typo_fixed_in_sentence_is_moved() -> None:
    """A small correction inside the quote re-anchors fuzzily onto the corrected sentence."""
    original = (PARAGRAPHS[0], PARAGRAPHS[1].replace("hostages", "hostagse"), PARAGRAPHS[2])
    anchor = anchor_quote(original, "Hamas released 13 Israeli hostagse on Friday.", 1)
    location = locate(anchor, PARAGRAPHS)
    assert location is not None
    assert location.status is AnchorStatus.MOVED
    assert location.method == "fuzzy"
    assert found_text(location, PARAGRAPHS) == QUOTE


def test_locate_deleted_passage_is_orphan() -> None:
    """When the quoted sentence is gone, the bookmark becomes an orphan."""
    anchor = anchor_quote(PARAGRAPHS, QUOTE, 1)
    rest = PARAGRAPHS[1].replace(QUOTE + " ", "")
    edited = (PARAGRAPHS[0], rest, PARAGRAPHS[2])
    assert locate(anchor, edited) is None


def test_locate_near_identical_sentence_elsewhere_is_orphan() -> None:
    """The quote is deleted; a look-alike with another count and day must not be chosen."""
    anchor = anchor_quote(PARAGRAPHS, QUOTE, 1)
    rest = PARAGRAPHS[1].replace(QUOTE + " ", "")
    edited = (
        PARAGRAPHS[0],
        rest,
        PARAGRAPHS[2],
        "Hamas released 12 Israeli hostages on Saturday.",
    )
    assert locate(anchor, edited) is None


def test_locate_near_identical_sentence_in_same_place_is_orphan() -> None:
    """Even in the quote's own slot (same context), a changed claim is not re-attached."""
    anchor = anchor_quote(PARAGRAPHS, QUOTE, 1)
    replaced = PARAGRAPHS[1].replace(QUOTE, "Hamas released 12 Israeli hostages on Saturday.")
    edited = (PARAGRAPHS[0], replaced, PARAGRAPHS[2])
    assert locate(anchor, edited) is None


def test_locate_near_identical_without_numbers_is_orphan() -> None:
    """A one-word change in a short sentence (another weekday) scores below the threshold."""
    paragraphs = ("Intro text here.", "The cabinet approved the deal late on Wednesday. More.")
    anchor = anchor_quote(paragraphs, "The cabinet approved the deal late on Wednesday.", 1)
    edited = ("Intro text here.", "The cabinet approved the deal late on Thursday. More.")
    assert locate(anchor, edited) is None


def test_locate_repeated_quote_picks_by_context() -> None:
    """A quote that occurs twice re-anchors to the occurrence whose context matches."""
    paragraphs = (
        "Negotiators met in Cairo. Talks continue. Egypt hosted them.",
        "A long middle paragraph about the aid convoys entering through Rafah.",
        "Qatar said the gap had narrowed. Talks continue. A deal may come soon.",
    )
    anchor = anchor_quote(paragraphs, "Talks continue.", 2)
    edited = ("A much longer introduction was added at the very top of the report.", *paragraphs)
    location = locate(anchor, edited)
    assert location is not None
    assert (location.paragraph, location.status) == (3, AnchorStatus.MOVED)
    assert location.start == paragraphs[2].index("Talks continue.")


def test_locate_repeated_quote_at_stored_position_stays() -> None:
    """Two equal occurrences with equal context: the stored position wins."""
    paragraphs = ("Talks continue. Talks continue.",)
    anchor = make_anchor(paragraphs, 0, 16, 31)
    location = locate(anchor, ("Talks continue. Talks continue.",))
    assert location == Location(0, 16, 31, AnchorStatus.ANCHORED, "quote")


def test_locate_unicode_text() -> None:
    """Accented and non-Latin text re-anchors with offsets in characters."""
    paragraphs = (
        "Izraelská armáda oznámila, že operace bude pokračovat.",
        "«Hamás liberó a 13 rehenes israelíes el viernes», dijo el mediador qatarí. 🕊️ Fin.",
    )
    quote = "«Hamás liberó a 13 rehenes israelíes el viernes», dijo el mediador qatarí."
    anchor = anchor_quote(paragraphs, quote, 1)
    edited = ("Nový odstavec: Egypt a Katar jednají.", *paragraphs)
    location = locate(anchor, edited)
    assert found_text(location, edited) == quote
    typo = (paragraphs[0], paragraphs[1].replace("israelíes", "israelies"))
    assert found_text(locate(anchor, typo), typo) == quote.replace("israelíes", "israelies")


def test_locate_whole_paragraph_with_appended_sentence() -> None:
    """A bookmarked paragraph that grew by a sentence re-anchors to its old part."""
    paragraphs = (PARAGRAPHS[0], PARAGRAPHS[2])
    anchor = make_anchor(paragraphs, 1, 0, len(paragraphs[1]))
    edited = (
        PARAGRAPHS[0],
        PARAGRAPHS[2].replace("Monday", "Monday,") + " It gave no further details.",
    )
    location = locate(anchor, edited)
    assert location is not None
    assert location.status is AnchorStatus.MOVED
    assert found_text(location, edited) == PARAGRAPHS[2].replace("Monday", "Monday,")


@pytest.mark.parametrize(
    ("kind", "bookmarked", "edited", "score", "reanchors"),
    EDIT_TABLE,
    ids=[row[0] for row in EDIT_TABLE],
)
def test_locate_edit_table_matches_measured_scores(
    kind: str, bookmarked: str, edited: str, score: float, reanchors: bool
) -> None:
    """Each measured edit scores as recorded and re-anchors only above the threshold."""
    assert similarity(normalize(bookmarked), normalize(edited)) == pytest.approx(score, abs=0.006)
    assert (score >= SIMILARITY_THRESHOLD) is reanchors, kind
    before = ("The first paragraph sets the scene.", f"Opening words. {bookmarked} Closing words.")
    after = ("The first paragraph sets the scene.", f"Opening words. {edited} Closing words.")
    location = locate(anchor_quote(before, bookmarked, 1), after)
    assert found_text(location, after) == (edited if reanchors else None)


def _bbc_articles(archive: Path, count: int) -> list[tuple[str, ...]]:
    """Paragraphs of the first `count` BBC articles with at least 5 paragraphs."""
    found: list[tuple[str, ...]] = []
    with tarfile.open(archive) as tar:
        for member in tar:
            name = member.name.rsplit("/", 1)[-1]
            if not (member.isfile() and name.startswith("bbc-a") and name.endswith(".txt")):
                continue
            handle = tar.extractfile(member)
            assert handle is not None
            body = handle.read().decode("utf-8").split("\n\n")[1:]
            paragraphs = tuple(p.strip() for p in body if p.strip())
            if len(paragraphs) >= 5:
                found.append(paragraphs)
            if len(found) == count:
                break
    return found


@pytest.mark.corpus
@pytest.mark.slow
def test_locate_real_articles_never_attach_a_deleted_sentence(corpora_dir: Path) -> None:
    """On real BBC articles: deleted sentences orphan, typo-fixed ones re-anchor exactly."""
    checked = 0
    for paragraphs in _bbc_articles(corpora_dir / "gaza-fulltext.tar.gz", 8):
        for number, paragraph in enumerate(paragraphs):
            for start, end in split_sentences(paragraph)[::4]:
                if end - start < 30:
                    continue
                anchor = make_anchor(paragraphs, number, start, end)
                gone = (*paragraphs[:number], paragraph[:start] + paragraph[end:])
                assert locate(anchor, (*gone, *paragraphs[number + 1 :])) is None
                quote = paragraph[start:end]
                # A typo fix swaps two letters; a changed digit changes the claim (orphans).
                at = next(i for i in range(5, len(quote) - 1) if quote[i : i + 2].isalpha())
                fixed = quote[:at] + quote[at + 1] + quote[at] + quote[at + 2 :]
                edited = (
                    *paragraphs[:number],
                    paragraph[:start] + fixed + paragraph[end:],
                    *paragraphs[number + 1 :],
                )
                assert found_text(locate(anchor, edited), edited) == fixed
                checked += 1
    assert checked > 30
