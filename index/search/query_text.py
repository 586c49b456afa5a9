"""Editing the text of a query: words and phrases, facet filters added and removed.

Pure string functions (no Whoosh), so the app can rewrite what the user typed, e.g. add
`source:"Al Jazeera"` when a facet is picked or drop every `field:value` filter. What the
text means when it runs is `index.search.query`'s business.
"""

from __future__ import annotations


def split_query(query: str) -> list[str]:
    """Split a query into words, keeping quoted phrases (and field:"a b") whole."""
    words: list[str] = []
    current = ""
    quoted = False
    for char in query:
        if char == '"':
            quoted = not quoted
        if char.isspace() and not quoted:
            if current:
                words.append(current)
            current = ""
        else:
            current += char
    if current:
        words.append(current)
    return words


def facet_filter(field: str, value: str) -> str:
    """The query clause that filters on one facet value (a "month" facet is a date)."""
    if field == "month":
        return f"date:{value}"
    return f'{field}:"{value}"'


def add_facet_filter(query: str, field: str, value: str) -> str:
    """The query with the facet's filter appended (unchanged when it is already there)."""
    clause = facet_filter(field, value)
    if clause in query:
        return query
    return f"{query} {clause}".strip()


def remove_filters(query: str) -> str:
    """The query without its field:value filters (the words and phrases stay)."""
    return " ".join(word for word in split_query(query) if ":" not in word)
