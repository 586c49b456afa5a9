"""Robustness over real messy inputs (../shared/corpora): no crash, no junk titles."""

from __future__ import annotations

import re
import tarfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from index.errors import UnreadableFile
from index.models import Article, ArticleId
from index.parse.document import parse_document
from index.readers import read_documents_with_problems

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

JUNK_TITLE = re.compile(
    r"^(?:(?:https?://|www\.)\S*|[\W\d_]*|\d{4}-\d\d-\d\d\S*|\d{1,2}/\d{1,2}/\d{4})$"
)
SAMPLE_ARTICLES = 150
"""Articles taken from each full corpus (every n-th file, for variety)."""


def _extract(archive: Path, destination: Path, members: int | None = None) -> Path:
    """Unpack an archive (or every n-th article of it) into destination."""
    with tarfile.open(archive) as tar:
        chosen = [m for m in tar.getmembers() if m.isfile()]
        if members is not None:
            articles = [m for m in chosen if m.name.endswith(".txt")]
            step = max(1, len(articles) // members)
            chosen = articles[::step][:members]
        tar.extractall(destination, members=chosen, filter="data")
    return destination


def _articles(root: Path) -> Iterator[tuple[Path, Article | UnreadableFile]]:
    """Every file under root, parsed (or the UnreadableFile it raised)."""
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        try:
            documents, _problems = read_documents_with_problems(path)
        except UnreadableFile as error:
            yield path, error
            continue
        for number, document in enumerate(documents):
            yield path, parse_document(document, ArticleId(f"{path.stem}-{number}"))


def _check(path: Path, result: Article | UnreadableFile) -> None:
    """The no-crash, no-junk-title, non-empty-body bar for one result."""
    if isinstance(result, UnreadableFile):
        assert result.message, path
        return
    title = result.title
    assert title, path
    assert title.strip() == title, (path, title)
    assert not JUNK_TITLE.match(title), (path, title)
    assert len(title) < 300, (path, title)
    assert result.paragraphs, path
    assert all(p.strip() for p in result.paragraphs), path


def test_raw_samples_parse_cleanly(corpora_dir: Path, tmp_path: Path) -> None:
    """Every raw sample (RSS JSON, feeds, scraper text, CSV, TSV, SGML) parses cleanly."""
    root = _extract(corpora_dir / "raw-samples.tar.gz", tmp_path)
    results = list(_articles(root))
    for path, result in results:
        _check(path, result)
    articles = [r for _, r in results if isinstance(r, Article)]
    assert len(articles) > 300
    assert sum(a.published is not None for a in articles) > 0.8 * len(articles)


@pytest.mark.parametrize("corpus", ["gaza-fulltext", "gaza-rss-2023", "reuters21578"])
def test_real_articles_parse_cleanly(corpora_dir: Path, tmp_path: Path, corpus: str) -> None:
    """A sample of real articles from each corpus: no crash, no junk titles, no leaks."""
    root = _extract(corpora_dir / f"{corpus}.tar.gz", tmp_path, SAMPLE_ARTICLES)
    results = list(_articles(root))
    assert len(results) >= SAMPLE_ARTICLES // 2
    for path, result in results:
        _check(path, result)
        assert isinstance(result, Article)
        leaks = [p for p in result.paragraphs if re.search(r"Leave a Reply|Also Read:", p)]
        assert leaks == [], path
