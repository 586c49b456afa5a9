"""Tests for index.store.schema."""

from __future__ import annotations

from whoosh import scoring

from index.store.documents import document_fields
from index.store.schema import SCHEMA_VERSION, TEXT_FIELDS, build_schema, scoring_model
from tests.builders import article


def test_build_schema_has_the_documented_fields() -> None:
    """Every field the store writes exists."""
    names = set(build_schema().names())
    expected = {"id", "path", "title", "body", "source", "party", "measure", "tag"}
    assert expected | {"date", "month", "facets", "payload"} <= names


def test_every_field_the_store_writes_is_in_the_schema() -> None:
    """`document_fields` writes only schema fields; the content hash is not indexed (v3)."""
    written = set(document_fields(article(["Gaza said 10 people were killed."])))
    assert written <= set(build_schema().names())
    assert "content_hash" not in build_schema().names()


def test_build_schema_body_keeps_positions_for_phrases() -> None:
    """The body supports phrase queries; the title is boosted."""
    schema = build_schema()
    assert schema["body"].format.supports("positions")
    assert schema["title"].format.field_boost > 1.0
    assert set(TEXT_FIELDS) == {"title", "body"}


def test_build_schema_ids_are_unique_and_stored() -> None:
    """Articles are keyed by a unique stored id."""
    field = build_schema()["id"]
    assert field.unique
    assert field.stored


def test_scoring_model_is_bm25f() -> None:
    """Ranking uses BM25F; the version is a positive integer."""
    assert isinstance(scoring_model(), scoring.BM25F)
    assert SCHEMA_VERSION >= 1
