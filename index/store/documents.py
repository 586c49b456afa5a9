"""The Whoosh fields of one article (analysed ahead of time or not), and the facet column."""

from __future__ import annotations

import heapq
from array import array
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from itertools import chain, pairwise
from typing import TypeVar, overload

from whoosh.fields import Schema

from index.models import Article
from index.store.payload import encode_article, parties_by_count
from index.store.schema import FACET_SEPARATOR, LIST_SEPARATOR, TEXT_FIELDS, build_schema
from index.store.segment_writer import AnalysedText, analysed


@cache
def _schema() -> Schema:
    """The article schema (its text fields do the analysis), built once per process."""
    return build_schema()


def analysed_text_fields(article: Article) -> dict[str, AnalysedText]:
    """The article's title and body with their analysed terms (see `document_fields`).

    Ingest workers call this where they parsed the article, so the single writer only
    files postings.
    """
    schema = _schema()
    values = {"title": article.title, "body": article.text}
    return {name: analysed(schema[name], values[name]) for name in TEXT_FIELDS}


class PartyRows(Sequence[tuple[str, ...]]):
    """Each document's parties, decoded from their codes when asked for.

    A facet count reads the matching documents' rows only; building all 100k tuples at
    load took ~1 s.
    """

    __slots__ = ("_codes", "_names", "_offsets", "_rows")

    def __init__(self, names: list[str], offsets: array[int], codes: array[int]) -> None:
        self._names = names
        self._offsets = offsets
        self._codes = codes
        self._rows: list[tuple[int, ...]] | None = None

    @classmethod
    def from_rows(cls, rows: Sequence[tuple[str, ...]]) -> PartyRows:
        """The rows as codes into a table of distinct names."""
        table: dict[str, int] = {}
        offsets, codes = array("I", [0]), array("I")
        for row in rows:
            codes.extend(table.setdefault(name, len(table)) for name in row)
            offsets.append(len(codes))
        return cls(list(table), offsets, codes)

    def __len__(self) -> int:
        return len(self._offsets) - 1

    @overload
    def __getitem__(self, row: int) -> tuple[str, ...]: ...

    @overload
    def __getitem__(self, row: slice) -> list[tuple[str, ...]]: ...

    def __getitem__(self, row: int | slice) -> tuple[str, ...] | list[tuple[str, ...]]:
        if isinstance(row, slice):
            return [self[i] for i in range(*row.indices(len(self)))]
        if row < 0:
            row += len(self)
        if not 0 <= row < len(self):
            raise IndexError(row)
        names, start, end = self._names, self._offsets[row], self._offsets[row + 1]
        return tuple(names[code] for code in self._codes[start:end])

    def counts(self, docnums: Sequence[int]) -> Counter[str]:
        """How many of `docnums` name each party, counted on the codes."""
        names = self._names
        return Counter({names[code]: n for code, n in self._code_counts(docnums).items()})

    def most_named(self, docnums: Sequence[int], top: int) -> list[tuple[str, int]]:
        """(party, count) of the parties `docnums` name at least as often as the `top`-th.

        In no order; ties at the `top`-th count are all in. Only these can be among a
        facet's first `top` values, and naming the others was most of a facet's cost: a
        query matching 25k of 100k articles names ~10k parties.
        """
        counted = self._code_counts(docnums)
        items: Iterable[tuple[int, int]] = counted.items()
        if len(counted) > top > 0:
            least = heapq.nlargest(top, counted.values())[-1]
            items = [item for item in items if item[1] >= least]
        names = self._names
        return [(names[code], count) for code, count in items]

    def _code_counts(self, docnums: Sequence[int]) -> Counter[int]:
        if len(docnums) == len(self):  # every document (the empty query's facets)
            return Counter(self._codes)
        return Counter(chain.from_iterable(map(self._code_rows().__getitem__, docnums)))

    def _code_rows(self) -> list[tuple[int, ...]]:
        """Each document's party codes as a tuple, made on first use (~0.1 s at 100k).

        A query's facets then count with `map` and `chain` in C: slicing the code array
        per document in a generator cost ~5 us a document (150 ms for 30k matches).
        """
        rows = self._rows
        if rows is None:
            codes, offsets = self._codes, self._offsets
            rows = self._rows = [tuple(codes[start:end]) for start, end in pairwise(offsets)]
        return rows


_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class FacetColumns:
    """Display values per docnum ("" or () for deleted documents and missing values)."""

    ids: list[str]
    sources: list[str]
    months: list[str]
    parties: PartyRows
    _kept: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    def kept(self, key: str, compute: Callable[[], _T]) -> _T:
        """`compute()`, once for these columns (that is, once per index generation).

        For values of every document, such as the empty query's facets (~40 ms at 100k
        articles), which the search-as-you-type list asks for at each one-letter prefix.
        The result must not be changed by the caller.
        """
        if key not in self._kept:
            self._kept[key] = compute()
        return self._kept[key]  # type: ignore[return-value]


def document_fields(
    article: Article, analysed: Mapping[str, AnalysedText] | None = None
) -> dict[str, object]:
    """The Whoosh fields of one article.

    Args:
        article: The article.
        analysed: Text fields already analysed (for `InMemorySegmentWriter` only); each
            is used only when its text is the article's, so a stale one is never indexed.
    """
    parties = parties_by_count(article)
    measures = sorted({f.measure for f in article.figures if f.measure})
    month = article.published.strftime("%Y-%m") if article.published else ""
    facets = FACET_SEPARATOR.join(
        (article.id, article.source or "", month, LIST_SEPARATOR.join(parties))
    )
    fields: dict[str, object] = {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "body": article.text,
        "facets": facets.encode("utf-8"),
        "payload": encode_article(article),
    }
    optional: dict[str, object] = {
        "source": (article.source or "").lower(),
        "party": _keywords(parties),
        "measure": _keywords(measures),
        "tag": _keywords(article.tags),
        "month": month,
    }
    fields.update({name: value for name, value in optional.items() if value})
    for name, value in (analysed or {}).items():
        if fields.get(name) == value.text:
            fields[name] = value
    if article.published:
        published = article.published
        fields["date"] = datetime(published.year, published.month, published.day)
    return fields


def _keywords(values: Sequence[str]) -> str:
    return ",".join(v.replace(",", " ").strip().lower() for v in values if v.strip())


def facet_row(value: bytes | None) -> tuple[str, ...]:
    """(id, source, month, *parties) from a `facets` column value; () when absent."""
    if not value:
        return ()
    parts = value.decode("utf-8").split(FACET_SEPARATOR)
    parties = tuple(p for p in parts[3].split(LIST_SEPARATOR) if p) if len(parts) > 3 else ()
    return (parts[0], parts[1], parts[2] if len(parts) > 2 else "", *parties)
