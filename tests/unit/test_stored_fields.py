from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from index.models import ArticleId
from index.store.article_store import BULK_THRESHOLD, ArticleStore
from index.store.payload import encode_article
from index.store.posting_blocks import compact_dumps
from index.store.stored_fields import use_compact_stored_fields
from tests.unit.test_segment_writer import _articles


@pytest.mark.parametrize("bulk", [False, True])
def test_stored_fields_read_back_from_either_writer(tmp_path: Path, bulk: bool) -> None:
    """Articles written by the bulk writer or Whoosh's come back the same, payload included."""
    articles = _articles(400 if bulk else 1)  # 5 articles each: BULK_THRESHOLD is 2,000
    assert (len(articles) >= BULK_THRESHOLD) is bulk
    store = ArticleStore.create(tmp_path / "ix")
    store.write(articles)
    first = articles[0]
    assert store.get(first.id) == first
    with store.searcher() as searcher:
        fields = searcher.document(id=first.id)
    assert fields == {"id": first.id, "payload": encode_article(first)}
    assert store.get(ArticleId(articles[-1].id)) == articles[-1]
    store.close()


def test_stored_fields_rows_are_stored_blocks(tmp_path: Path) -> None:
    """The column file holds each row deflated at level 0 (a zlib stream any reader inflates)."""
    store = ArticleStore.create(tmp_path / "ix")
    article = _articles(1)[0]
    store.write([article])
    store.close()
    row = compact_dumps({"id": article.id, "payload": encode_article(article)})
    (column,) = (tmp_path / "ix").glob("*._stored.col")
    assert zlib.compress(row, 0) in column.read_bytes()
    assert zlib.compress(row, 3) not in column.read_bytes()


def test_stored_fields_refuse_a_writer_in_use(tmp_path: Path) -> None:
    """Swapping the column after a document was added would lose that row: refused."""
    store = ArticleStore.create(tmp_path / "ix")
    writer = store._ix.writer()
    try:
        writer.add_document(id="a")
        with pytest.raises(ValueError, match="fresh"):
            use_compact_stored_fields(writer.perdocwriter)
    finally:
        writer.cancel()
        store.close()
