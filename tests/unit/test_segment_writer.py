"""Tests for index.store.segment_writer: Whoosh's own files, byte for byte, from memory."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from pathlib import Path

import pytest
from whoosh.codec.whoosh3 import W3Codec
from whoosh.filedb.filestore import RamStorage
from whoosh.filedb.filetables import OrderedHashWriter, _hash_functions

from index.ingest.ids import content_hash_of
from index.ingest.prepared import prepare
from index.models import Article, ArticleId
from index.parse.document import parse_document
from index.readers import read_documents
from index.store.article_store import COMPOUND, ArticleStore, codec
from index.store.documents import document_fields
from index.store.schema import REPEATING_FIELDS
from index.store.segment_writer import MAX_INLINE_LIMIT, InMemorySegmentWriter, _add_term_rows
from index.store.stored_fields import use_compact_stored_fields

DATA = Path(__file__).resolve().parent.parent / "data" / "articles"


def _articles(copies: int) -> list[Article]:
    """The test articles parsed, each repeated with a distinct id and one varying word.

    Repeats make the common terms span several 128-posting blocks; the varying word adds
    rare terms. Dates, parties, measures and tags come from the real parser.
    """
    parsed = []
    for path in sorted(DATA.glob("*.txt")):
        for document in read_documents(path):
            article = parse_document(document, ArticleId("x"))
            parsed.append(dataclasses.replace(article, content_hash=content_hash_of(article)))
    out = []
    for number in range(copies):
        for index, article in enumerate(parsed):
            extra = f"Note {number} mentions word{number % 11} and rarity{number}."
            out.append(
                dataclasses.replace(
                    article,
                    id=ArticleId(f"a{index}-{number}"),
                    paragraphs=(*article.paragraphs, extra),
                )
            )
    return out


def _segment_files(directory: Path) -> dict[str, bytes]:
    """The new segment's files by name (the random segment id replaced)."""
    return {
        re.sub(r"MAIN_[a-z0-9]+", "MAIN_x", path.name): path.read_bytes()
        for path in directory.iterdir()
        if path.name.startswith("MAIN_") and path.name != "MAIN_WRITELOCK"
    }


def _write(
    directory: Path,
    articles: Sequence[Article],
    *,
    in_memory: bool,
    analysed: bool,
    repeating: Sequence[str] = REPEATING_FIELDS,
) -> dict[str, bytes]:
    """Write the articles as one segment with either writer; return its files."""
    store = ArticleStore.create(directory)
    options = {"codec": codec(), "compound": COMPOUND}
    ix = store._ix
    if in_memory:
        writer = InMemorySegmentWriter(ix, repeating=repeating, **options)
    else:
        writer = ix.writer(**options)
        use_compact_stored_fields(writer.perdocwriter)  # as ArticleStore's small writes do
    for article in articles:
        fields = prepare(article).fields if analysed else None
        writer.add_document(**document_fields(article, fields))
    writer.commit(merge=False)
    store.close()
    return _segment_files(directory)


@pytest.mark.slow  # two real Whoosh indexes of 60 articles: ~4 s of CPU each
@pytest.mark.parametrize(
    ("analysed", "repeating"), [(False, REPEATING_FIELDS), (True, REPEATING_FIELDS), (True, ())]
)
def test_in_memory_writer_writes_whooshs_files_byte_for_byte(
    tmp_path: Path, analysed: bool, repeating: Sequence[str]
) -> None:
    """Postings, term table, lengths, columns and stored fields are Whoosh's exactly, with
    the repeating fields' terms made once per value or not."""
    articles = _articles(60)
    expected = _write(tmp_path / "whoosh", articles, in_memory=False, analysed=False)
    got = _write(
        tmp_path / "ours", articles, in_memory=True, analysed=analysed, repeating=repeating
    )
    assert sorted(got) == sorted(expected)
    assert {".pst", ".trm"} <= {Path(name).suffix for name in got}
    for name, data in expected.items():
        assert got[name] == data, name


def test_in_memory_writer_index_searches_like_whooshs(tmp_path: Path) -> None:
    """A store written through the bulk path answers queries (multi-block terms included)."""
    articles = _articles(60)
    store = ArticleStore.create(tmp_path / "ix")
    store.write(articles)
    assert store.count() == len(articles)
    with store.searcher() as searcher:
        reader = searcher.reader()
        (body_term,) = [t for t in reader.lexicon("body") if t == b"hostag"]
        postings = list(reader.postings("body", body_term).all_ids())
    assert len(postings) > 128
    assert store.get(ArticleId("a0-59")).paragraphs[-1].startswith("Note 59")


def test_in_memory_writer_refuses_merges_and_boosts(tmp_path: Path) -> None:
    """What it cannot do the way SegmentWriter does is an error, never a silent difference."""
    store = ArticleStore.create(tmp_path / "ix")
    writer = InMemorySegmentWriter(store._ix)
    with pytest.raises(ValueError, match="_boost"):
        writer.add_document(id="a", _boost=2.0)
    with pytest.raises(ValueError, match="inlined"):
        InMemorySegmentWriter(store._ix, codec=W3Codec(inlinelimit=MAX_INLINE_LIMIT + 1))
    writer.add_document(id="a", title="Truce")
    with pytest.raises(ValueError, match="merge=False"):
        writer.commit(merge=True)
    writer.commit()
    assert store.count() == 1


def test_stale_analysed_text_is_not_indexed() -> None:
    """An analysed value whose text is not the article's is ignored (the field is analysed)."""
    (article, other) = _articles(1)[:2]
    fields = document_fields(article, prepare(other).fields)
    assert fields["title"] == article.title
    assert fields["body"] == article.text


@pytest.mark.parametrize("hashtype", [0, 1])
def test_term_rows_are_written_as_ordered_hash_writer_adds_them(hashtype: int) -> None:
    """One write of many rows gives OrderedHashWriter's file byte for byte (MD5 or CRC)."""
    rows = [(f"term{n:06d}".encode(), bytes([n % 256]) * (n % 7)) for n in range(20_000)]

    def written(batched: bool) -> bytes:
        storage = RamStorage()
        table = OrderedHashWriter(storage.create_file("t"))
        table.hashtype, table.hashfn = hashtype, _hash_functions[hashtype]
        if batched:
            _add_term_rows(table, rows[:5])
            _add_term_rows(table, rows[5:])
        else:
            for key, value in rows:
                table.add(key, value)
        table.close()
        data: bytes = storage.files["t"]
        return data

    assert written(batched=True) == written(batched=False)


def test_term_rows_must_increase() -> None:
    """Rows out of order are refused, as OrderedHashWriter.add refuses them."""
    table = OrderedHashWriter(RamStorage().create_file("t"))
    with pytest.raises(ValueError, match="increase"):
        _add_term_rows(table, [(b"b", b""), (b"a", b"")])
