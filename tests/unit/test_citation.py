"""Tests for index.bookmarks.citation: a passage with its outlet, date and URL."""

from __future__ import annotations

from datetime import date

from index import cite_passage
from tests.builders import article

STORY = article(
    ("Talks resumed in Cairo.", "Nearly 1,200 people were killed. The truce  held."),
    title="Truce holds",
    source="Sputnik",
    url="https://example.org/truce",
    published=date(2023, 11, 24),
)


def test_cite_passage_quotes_a_sentence_with_its_source() -> None:
    """The quote, then title, outlet, date, URL and the paragraph counted from 1."""
    text = cite_passage(STORY, 1, 0, 32)
    assert text == (
        "“Nearly 1,200 people were killed.”\n"
        "— Truce holds. Sputnik, 2023-11-24, https://example.org/truce (paragraph 2)"
    )


def test_cite_passage_whole_paragraph_spaces_folded() -> None:
    """Without a range the whole paragraph is quoted, its runs of spaces folded."""
    assert cite_passage(STORY, 1).startswith("“Nearly 1,200 people were killed. The truce held.”")


def test_cite_passage_unknown_outlet_and_date() -> None:
    """Missing metadata is named, never left blank."""
    bare = article(("Talks resumed.",), title="")
    assert (
        cite_passage(bare, 0)
        == "“Talks resumed.”\n— (untitled). Unknown outlet, undated (paragraph 1)"
    )
