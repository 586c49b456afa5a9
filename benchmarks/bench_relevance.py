"""Ranking quality as users get it: Cranfield as typed and the judged news set, vs Whoosh OR.

Not a test: a script that prints numbers (and `--json`). See benchmarks/README.md.

    python benchmarks/bench_relevance.py
    python benchmarks/bench_relevance.py --cranfield /tmp/corpora/ir-cranfield \
        --news /tmp/corpora/gaza-rss-2023/records.jsonl --work /tmp/relevance

Both collections are indexed with `Library.index_paths` (what `newsdesk index` runs) and
every query runs as typed through `Library.search` (what `newsdesk search --batch` runs),
top 100. In the same run, a default Whoosh index (`StemmingAnalyzer`, BM25F) of the same
titles and texts answers the words OR-ed. Cranfield: MAP with relevant = grade >= 1 (the
convention of ../shared/corpora/README.md) and nDCG@10. News (`benchmarks/news/`): P@10
(grade >= 1), nDCG@10 (graded), and how many of the top 10 were never judged (counted as
not relevant), for all queries and for the short (<= 3 words) and long ones apart; once with
the judgements made before the long-query ranking ran (`round1`), once with those added
after it (`round2`, see benchmarks/news/README.md).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from whoosh import qparser  # noqa: E402
from whoosh.analysis import StemmingAnalyzer  # noqa: E402
from whoosh.fields import ID, TEXT, Schema  # noqa: E402
from whoosh.filedb.filestore import RamStorage  # noqa: E402
from whoosh.index import Index  # noqa: E402

from benchmarks.bench_corpus import load_cranfield  # noqa: E402
from benchmarks.bench_cranfield import average_precision, ndcg_at  # noqa: E402
from index import DataPaths, Library  # noqa: E402

NEWS_DIR = REPO / "benchmarks" / "news"
TOP = 100
SHORT_WORDS = 3

Ranker = Callable[[str], list[str]]
Report = dict[str, float | int | str]


def library_over(source: Path, home: Path) -> Library:
    """A library of `source` in `home`, indexed once (an unchanged source costs nothing)."""
    library = Library.open(DataPaths(home, home))
    library.index_paths([source])
    return library


def whoosh_or(records: Sequence[tuple[str, str, str]]) -> Ranker:
    """A default Whoosh index of (id, title, text) in RAM, queried with the words OR-ed."""
    schema = Schema(
        id=ID(stored=True, unique=True),
        title=TEXT(analyzer=StemmingAnalyzer()),
        body=TEXT(analyzer=StemmingAnalyzer()),
    )
    ix: Index = RamStorage().create_index(schema)
    writer = ix.writer()
    for record_id, title, text in records:
        writer.add_document(id=record_id, title=title, body=text)
    writer.commit()
    parser = qparser.MultifieldParser(["title", "body"], ix.schema, group=qparser.OrGroup)

    def rank(text: str) -> list[str]:
        with ix.searcher() as searcher:
            return [hit["id"] for hit in searcher.search(parser.parse(text), limit=TOP)]

    return rank


def newsdesk(library: Library, timings: list[float]) -> Ranker:
    """Rank as `newsdesk search --batch` does, timing each query."""

    def rank(text: str) -> list[str]:
        started = time.perf_counter()
        page = library.search(text, limit=TOP)
        timings.append((time.perf_counter() - started) * 1000)
        return [hit.article.id for hit in page.hits]

    return rank


def _jsonl(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def cranfield(directory: Path, work: Path) -> Report:
    """MAP (grade >= 1) and nDCG@10 of Cranfield's queries as typed, newsdesk and Whoosh OR."""
    docs, queries, qrels = load_cranfield(directory)
    library = library_over(directory / "docs.jsonl", work / "cranfield")
    timings: list[float] = []
    rankers = {
        "newsdesk": newsdesk(library, timings),
        "whoosh_or": whoosh_or([(d["id"], d.get("title") or "", d["text"]) for d in docs]),
    }
    report: Report = {"queries": len(queries)}
    for name, rank in rankers.items():
        aps, ndcgs = [], []
        for item in queries:
            ranked = rank(item["text"])
            relevant = qrels.get(item["id"], {})
            aps.append(average_precision(ranked, relevant))
            ndcgs.append(ndcg_at(ranked, relevant))
        report[f"MAP_{name}"] = round(statistics.fmean(aps), 4)
        report[f"nDCG@10_{name}"] = round(statistics.fmean(ndcgs), 4)
    report.update(_latency(timings))
    library.close()
    return report


def _grades(path: Path, last_round: int) -> dict[str, dict[str, int]]:
    """{query id: {record id: grade}} of the judgements made up to `last_round`."""
    grades: dict[str, dict[str, int]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines()):
        parts = line.split("\t")
        if number == 0 or len(parts) != 4 or int(parts[3]) > last_round:
            continue
        grades.setdefault(parts[0], {})[parts[1]] = int(parts[2])
    return grades


def news(records_path: Path, work: Path) -> Report:
    """P@10, nDCG@10 and unjudged@10 of the judged news queries, newsdesk and Whoosh OR."""
    queries = _jsonl(NEWS_DIR / "queries.jsonl")
    records = _jsonl(records_path)
    library = library_over(records_path, work / "news")
    timings: list[float] = []
    rankers = {
        "newsdesk": newsdesk(library, timings),
        "whoosh_or": whoosh_or([(r["id"], r["title"] or "", r["text"] or "") for r in records]),
    }
    report: Report = {"queries": len(queries)}
    tops = {
        name: {q["id"]: rank(q["query"])[:10] for q in queries} for name, rank in rankers.items()
    }
    for last_round in (1, 2):
        grades = _grades(NEWS_DIR / "qrels.tsv", last_round)
        for name, found in tops.items():
            report.update(_news_scores(queries, found, grades, f"{name}_round{last_round}"))
    report.update(_latency(timings))
    library.close()
    return report


def _news_scores(
    queries: list[dict[str, str]],
    tops: dict[str, list[str]],
    grades: dict[str, dict[str, int]],
    label: str,
) -> Report:
    """P@10, nDCG@10 and unjudged@10 of one run, for all, short and long queries."""
    rows: dict[str, list[tuple[float, float, int]]] = {"all": [], "short": [], "long": []}
    for item in queries:
        judged = grades.get(item["id"], {})
        top = tops[item["id"]]
        precision = sum(1 for d in top if judged.get(d, 0) >= 1) / 10
        unjudged = sum(1 for d in top if d not in judged)
        row = (precision, ndcg_at(top, judged), unjudged)
        kind = "short" if len(item["query"].split()) <= SHORT_WORDS else "long"
        rows["all"].append(row)
        rows[kind].append(row)
    report: Report = {}
    for kind, found in rows.items():
        if found:
            report[f"P@10_{label}_{kind}"] = round(statistics.fmean(r[0] for r in found), 4)
            report[f"nDCG@10_{label}_{kind}"] = round(statistics.fmean(r[1] for r in found), 4)
            report[f"unjudged@10_{label}_{kind}"] = sum(r[2] for r in found)
    return report


def _latency(timings: list[float]) -> Report:
    ordered = sorted(timings)
    return {
        "newsdesk_ms_p50": round(statistics.median(ordered), 1),
        "newsdesk_ms_p95": round(ordered[int(0.95 * (len(ordered) - 1))], 1),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--cranfield", type=Path, default=Path("/tmp/corpora/ir-cranfield"))
    parser.add_argument(
        "--news", type=Path, default=Path("/tmp/corpora/gaza-rss-2023/records.jsonl")
    )
    parser.add_argument("--work", type=Path, help="keep the libraries here (reused next time)")
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        work = args.work or Path(scratch)
        report = {
            "cranfield": cranfield(args.cranfield, work),
            "news": news(args.news, work),
        }
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for section, values in report.items():
            print(section)
            for key, value in values.items():
                print(f"  {key:<32} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
