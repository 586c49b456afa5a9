"""Long queries of plain words: any two of the words match, ranked with feedback.

Words typed without syntax are joined by an implicit AND while they are few (at most
`SHORT_QUERY_WORDS`): "rafah crossing aid" finds the articles with all three words. A
longer query is a description or a question ("israeli strikes on refugee camps in northern
gaza", "what similarity laws must be obeyed…"): requiring every word leaves only the
articles that happen to use all of them, or none. Such a query matches an article with at
least `MIN_SHOULD_MATCH` of its words, and `index.search.engine` ranks it in two passes:
BM25F over the words, then again with the words of the best hits added
(`index.search.feedback`). Stop words do not count as words.

Quotes, AND/OR/NOT, `*`, `~` and `field:word` are syntax: a query with any of them runs
exactly as written. Without them, balanced brackets and question marks are punctuation (a
bracket without an operator does not change an AND; "were hostages released?" is a question, not a
one-letter wildcard). Filters (`source:`, `date:`…) narrow either kind of query and do
not change how its words are read (picking a facet must not change the results' words).

Measured on Cranfield as typed, top 100, relevant = grade >= 1 (benchmarks/README.md): the
implicit AND 0.258; any word (OR) 0.307; any two words 0.306; any two with feedback 0.336.
"""

from __future__ import annotations

import re

from whoosh import query

SHORT_QUERY_WORDS = 3
"""Plain-word queries of at most this many words need every word."""

MIN_SHOULD_MATCH = 2
"""Words of a longer query an article must contain (any of them)."""

_SYNTAX = re.compile(r"[\"*~]|\b(?:AND|OR|NOT|ANDNOT|ANDMAYBE)\b|\w:")
"""What makes typed text a query written with syntax, which then runs as written."""

_QUESTION_MARK = re.compile(r"\?")
_BRACKET = re.compile(r"[()]")


def plain_words(text: str) -> str | None:
    """The text with its question marks and balanced brackets as spaces; None for syntax.

    Args:
        text: The query without its filters (and before search-as-you-type adds a `*`).

    Returns:
        None when the user wrote quotes, operators, `*`, `~` or `field:word` (the query
        then runs as written); else the text, punctuation blanked. Unbalanced brackets
        are kept, so that the query's notice says what is wrong.
    """
    if _SYNTAX.search(text) is not None:
        return None
    text = _QUESTION_MARK.sub(" ", text)
    return _BRACKET.sub(" ", text) if _balanced(text) else text


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0


def loosen(words: query.Query) -> query.Query | None:
    """An implicit AND of more than `SHORT_QUERY_WORDS` words as "at least two of them".

    Args:
        words: The parsed words: an `And` with one subquery per word (each an Or of the
            text fields) for plain words.

    Returns:
        An `Or` with `minmatch=MIN_SHOULD_MATCH` over the same subqueries, or None when
        the query is short or not an implicit AND.
    """
    if not isinstance(words, query.And) or len(words.subqueries) <= SHORT_QUERY_WORDS:
        return None
    return query.Or(list(words.subqueries), boost=words.boost, minmatch=MIN_SHOULD_MATCH)


def widen(words: query.Query) -> query.Query | None:
    """The loosened query as "any of the words" (when no article has two), or None."""
    if isinstance(words, query.Or) and words.minmatch > 1:
        return query.Or(list(words.subqueries), boost=words.boost)
    return None
