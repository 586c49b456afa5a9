"""The plain Whoosh index newsdesk's benchmarks compare against: Whoosh's own defaults.

One schema for every "plain Whoosh, same run" column: a unique stored id, the title (stored)
and the body, both with `StemmingAnalyzer`.
"""

from __future__ import annotations

from whoosh.analysis import StemmingAnalyzer
from whoosh.fields import ID, TEXT, Schema


def plain_schema() -> Schema:
    """id (stored, unique), title (stored) and body, stemmed: a default Whoosh setup."""
    return Schema(
        id=ID(stored=True, unique=True),
        title=TEXT(analyzer=StemmingAnalyzer(), stored=True),
        body=TEXT(analyzer=StemmingAnalyzer()),
    )
