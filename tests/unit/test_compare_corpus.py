"""Figure pairing on real pairs of reports of the same day, read and labelled by hand.

Only ids and expected statuses live here (the texts are third-party): the articles are
extracted from ../shared/corpora/*.tar.gz into a temporary folder and run through the real
pipeline (readers, parse, figures, parties, compare). The reading notes behind every label are
in the project notes (compare_eval.md).
"""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest

from index.compare.comparison import compare_articles
from index.compare.models import Comparison, FigureRow
from index.models import Article, ArticleId, Figure
from index.parse.document import parse_document
from index.readers import read_documents

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

Expectation = tuple[str, str, str, str, float | None, float | None, str]
"""(corpus, id A, id B, measure, a value, b value, status); None = that side has no figure."""

# Statuses follow index.compare.figure_status: qualifiers are read as intervals, so "nearly
# 2,400" and "about 2,600", or "at least 3,700" and "about 3,700", are consistent (compatible
# once read as intervals), not a contradiction; agree is the same number as stated.
EXPECTED: list[Expectation] = [
    # 9 Oct: NYT vs Washington Post, same day, each toll stated differently.
    ("gaza-excerpts", "nyt-0110", "wp-0164", "killed", 800, 900, "differ"),
    ("gaza-excerpts", "nyt-0110", "wp-0164", "injured", 2400, 2600, "consistent"),
    ("gaza-excerpts", "nyt-0110", "wp-0164", "killed", 687, 680, "consistent"),
    ("gaza-excerpts", "nyt-0110", "wp-0164", "injured", 3700, 3700, "agree"),
    ("gaza-excerpts", "nyt-0110", "wp-0164", "hostages_taken", 150, 100, "consistent"),
    ("gaza-excerpts", "nyt-0110", "wp-0164", "killed", None, 73, "b_only"),
    # National Post vs Washington Post: the Israeli toll and soldiers agree, Gaza differs.
    ("gaza-excerpts", "natpost-0097", "wp-0164", "killed", 900, 900, "agree"),
    ("gaza-excerpts", "natpost-0097", "wp-0164", "killed", 73, 73, "agree"),
    ("gaza-excerpts", "natpost-0097", "wp-0164", "killed", 493, 680, "differ"),
    ("gaza-excerpts", "natpost-0097", "wp-0164", "killed", 19, None, "a_only"),
    # ... vs a later chronology: tolls rose; "four of them" (captives) pairs with nothing.
    ("gaza-excerpts", "natpost-0097", "wp-0166", "killed", 900, 1400, "differ"),
    ("gaza-excerpts", "natpost-0097", "wp-0166", "killed", 493, 2778, "differ"),
    ("gaza-excerpts", "natpost-0097", "wp-0166", "killed", 4, None, "a_only"),
    ("gaza-excerpts", "natpost-0103", "nyt-0119", "killed", 11, 11, "consistent"),
    ("gaza-excerpts", "natpost-0103", "nyt-0119", "killed", 765, 687, "consistent"),
    ("gaza-excerpts", "natpost-0103", "nyt-0119", "killed", 900, 800, "differ"),
    # 18 Oct, the Gaza hospital blast (A: hundreds, 500 revised to 471; B: 471); totals apart.
    ("gaza-excerpts", "natpost-1216", "wp-1315", "killed", 1400, 1400, "agree"),
    ("gaza-excerpts", "natpost-1216", "wp-1315", "killed", 3478, 3400, "consistent"),
    ("gaza-excerpts", "natpost-1216", "wp-1315", "injured", 12000, 12000, "agree"),
    # A's own "471" pairs with B's "471 people" (A's "hundreds" are a row of their own):
    # agree. Before, B's 471 was paired with A's "hundreds" (consistent) and A's 471 was left
    # alone as a_only.
    ("gaza-excerpts", "natpost-1216", "wp-1315", "killed", 471, 471, "agree"),
    ("gaza-excerpts", "natpost-1211", "wp-1325", "killed", 500, 500, "agree"),
    ("gaza-excerpts", "natpost-1211", "wp-1325", "killed", 1400, 1400, "consistent"),
    ("gaza-excerpts", "natpost-1211", "wp-1325", "hostages_taken", 200, 200, "agree"),
    ("gaza-excerpts", "natpost-1211", "wp-1325", "injured", 12000, 10000, "differ"),
    ("gaza-excerpts", "natpost-1211", "wp-1325", "killed", 3478, 2778, "consistent"),
    # 12 Oct RSS summaries: the Israeli and Gaza tolls kept apart; a festival toll is its own.
    ("gaza-rss-2023", "rss23-01483", "rss23-01806", "killed", 1200, 1300, "consistent"),
    ("gaza-rss-2023", "rss23-01483", "rss23-01806", "killed", None, 27, "b_only"),
    ("gaza-rss-2023", "rss23-01483", "rss23-01667", "killed", 1200, 1100, "consistent"),
    ("gaza-rss-2023", "rss23-01444", "rss23-01667", "killed", 1000, 1100, "differ"),
    ("gaza-rss-2023", "rss23-01444", "rss23-01929", "killed", None, 260, "b_only"),
    ("gaza-rss-2023", "rss23-01444", "rss23-01546", "killed", None, 200, "b_only"),
    # 22 Nov, the first truce deal as announced by several outlets: mostly agreement.
    ("gaza-rss-2023", "rss23-12810", "rss23-12935", "hostages_released", 50, 50, "agree"),
    ("gaza-rss-2023", "rss23-12810", "rss23-12935", "truce_duration", 4, 4, "consistent"),
    ("gaza-rss-2023", "rss23-12813", "rss23-12826", "hostages_released", 50, 50, "agree"),
    ("gaza-rss-2023", "rss23-12813", "rss23-12826", "prisoners_released", 150, 150, "agree"),
    ("gaza-rss-2023", "rss23-12813", "rss23-12826", "truce_duration", 5, 4, "differ"),
    ("gaza-rss-2023", "rss23-12815", "rss23-12922", "hostages_released", 50, 50, "agree"),
    ("gaza-rss-2023", "rss23-12815", "rss23-12922", "truce_duration", 4, 4, "agree"),
    # "an initial 10 hostages expected to be released" is not the deal's total of 50.
    ("gaza-rss-2023", "rss23-12815", "rss23-12995", "hostages_released", 50, None, "a_only"),
]

KNOWN_MISSES: dict[tuple[str, str, str, float | None, float | None], str] = {
    ("natpost-1211", "wp-1325", "killed", 40, None): (
        "a strike killing 40 pairs with another incident's 'about 80': two incidents, one measure"
    ),
}
"""Labelled rows the pairing still gets wrong, with the reason; the test checks that they still
fail, so that a fix is noticed and the row moves to EXPECTED."""

MISSED: list[Expectation] = [
    ("gaza-excerpts", "natpost-1211", "wp-1325", "killed", 40, None, "a_only"),
]


@pytest.fixture(scope="module")
def corpus_root(corpora_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The labelled articles extracted from the tarballs, or skip when they are absent."""
    root = tmp_path_factory.mktemp("compare-corpus")
    wanted: dict[str, set[str]] = {}
    for corpus, a, b, *_ in (*EXPECTED, *MISSED):
        wanted.setdefault(corpus, set()).update({a, b})
    for corpus, ids in wanted.items():
        archive = corpora_dir / f"{corpus}.tar.gz"
        if not archive.is_file():
            pytest.skip(f"{archive.name} is not present")
        names = {f"{corpus}/articles/{i}.txt" for i in ids}
        with tarfile.open(archive) as tar:
            members = [m for m in tar.getmembers() if m.name in names]
            tar.extractall(root, members=members, filter="data")
    return root


_CACHE: dict[tuple[str, str, str], Comparison] = {}


def _article(root: Path, corpus: str, article_id: str) -> Article:
    path = root / corpus / "articles" / f"{article_id}.txt"
    return parse_document(read_documents(path)[0], ArticleId(article_id))


def _comparison(root: Path, corpus: str, a: str, b: str) -> Comparison:
    key = (corpus, a, b)
    if key not in _CACHE:
        _CACHE[key] = compare_articles(_article(root, corpus, a), _article(root, corpus, b))
    return _CACHE[key]


def _has(figures: tuple[Figure, ...], value: float) -> bool:
    return any(f.bounds[0] <= value <= f.bounds[1] for f in figures)


def _row(comparison: Comparison, measure: str, a: float | None, b: float | None) -> FigureRow:
    for row in comparison.figures:
        if row.measure != measure:
            continue
        a_ok = _has(row.a, a) if a is not None else not row.a
        b_ok = _has(row.b, b) if b is not None else not row.b
        if a_ok and b_ok:
            return row
    found = [(r.measure, [f.text for f in r.a], [f.text for f in r.b]) for r in comparison.figures]
    raise AssertionError(f"no {measure} row with A={a} B={b}; rows: {found}")


def _check(root: Path, expectation: Expectation) -> None:
    corpus, a, b, measure, value_a, value_b, status = expectation
    row = _row(_comparison(root, corpus, a, b), measure, value_a, value_b)
    assert str(row.status) == status


@pytest.mark.parametrize(
    "expectation", EXPECTED, ids=[f"{e[1]}-{e[2]}-{e[3]}-{e[4]}-{e[5]}" for e in EXPECTED]
)
def test_compare_corpus_pairs_match_labels(corpus_root: Path, expectation: Expectation) -> None:
    """Each hand-labelled figure row of a real pair has the status a careful reader gives."""
    _check(corpus_root, expectation)


@pytest.mark.parametrize("expectation", MISSED, ids=[f"{e[1]}-{e[2]}-{e[3]}" for e in MISSED])
def test_compare_corpus_known_misses(corpus_root: Path, expectation: Expectation) -> None:
    """Rows still paired wrongly (reason in KNOWN_MISSES) keep failing, so a fix is noticed."""
    _, a, b, measure, value_a, value_b, _ = expectation
    assert KNOWN_MISSES[(a, b, measure, value_a, value_b)]
    with pytest.raises(AssertionError):
        _check(corpus_root, expectation)
