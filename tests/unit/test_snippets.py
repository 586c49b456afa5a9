"""Tests for index.search.snippets: the excerpt shown under a result, and its match offsets."""

from __future__ import annotations

from index.models import Article
from index.search.snippets import SNIPPET_CHARS, make_snippet
from index.store.analysis import analyse
from tests.builders import article


def _article(*paragraphs: str) -> Article:
    return article(paragraphs, title="Talks")


def _matched(text: str, matches: tuple[tuple[int, int], ...]) -> list[str]:
    return [text[start:end] for start, end in matches]


def test_snippet_picks_the_paragraph_with_most_distinct_terms() -> None:
    """The paragraph naming both query words wins over one naming one word often."""
    article = _article(
        "Hostages were discussed. Hostages again. Hostages once more.",
        "Qatar said the hostages could be freed within days.",
    )
    snippet = make_snippet(article, analyse("qatar hostages"))
    assert snippet.text.startswith("Qatar said")
    assert _matched(snippet.text, snippet.matches) == ["Qatar", "hostages"]


def test_snippet_windows_the_densest_run_of_matches() -> None:
    """In a long paragraph the excerpt sits on the cluster of matches, marked with …."""
    filler = "The weather was mild and markets were calm that week. " * 12
    paragraph = filler + "Egypt and Qatar brokered a truce; the truce held. " + filler
    snippet = make_snippet(_article(paragraph), analyse("truce"))
    assert snippet.text.startswith("…")
    assert snippet.text.endswith("…")
    assert len(snippet.text) <= SNIPPET_CHARS + 40
    assert _matched(snippet.text, snippet.matches) == ["truce", "truce"]


def test_snippet_of_a_huge_paragraph_is_quick_and_lines_up() -> None:
    """A multi-megabyte paragraph: only the part around the first match is analysed."""
    paragraph = "word " * 400_000 + "The hostages were freed. " + "word " * 400_000
    snippet = make_snippet(_article(paragraph), analyse("hostages"))
    assert _matched(snippet.text, snippet.matches) == ["hostages"]
    words = make_snippet(_article(paragraph), analyse("word"))
    assert len(words.matches) > 10
    assert set(_matched(words.text, words.matches)) == {"word"}


def test_snippet_without_matches_is_the_opening() -> None:
    """No query term in the text: the first paragraph's opening."""
    snippet = make_snippet(_article("Talks resumed in Cairo on Sunday.", "More."), ["zebra"])
    assert snippet.text == "Talks resumed in Cairo on Sunday."
    assert snippet.matches == ()
