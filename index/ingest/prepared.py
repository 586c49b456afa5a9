"""What ingest computes for a parsed article besides the article itself, off the main process.

The main process of an ingest is the single writer of the manifest and the index, so the
id-independent work on an article is done where it was parsed (in the loading workers of a
large run): its near-duplicate signature and LSH bands, and the analysed terms of its title
and body. The writer then only files postings.
"""

from __future__ import annotations

from dataclasses import dataclass

from index.ingest import neardup
from index.models import Article
from index.store.documents import analysed_text_fields
from index.store.segment_writer import AnalysedText


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article's near-duplicate signature and its analysed text fields."""

    signature: bytes | None
    bands: tuple[int, ...]
    fields: dict[str, AnalysedText]
    """Field name ("title", "body") -> the value with its terms; see `document_fields`."""


def near_signature(article: Article) -> tuple[bytes | None, tuple[int, ...]]:
    """The article's near-duplicate signature and its band keys (none when too short)."""
    signature = neardup.signature(neardup.body_text(article.paragraphs))
    return signature, tuple(neardup.band_keys(signature)) if signature else ()


def prepare(article: Article) -> Prepared:
    """Everything the ingest needs of a parsed article that does not depend on its id."""
    signature, bands = near_signature(article)
    return Prepared(signature, bands, analysed_text_fields(article))
