"""Benchmark the index: ingest rate vs a default Whoosh writer, size, cold open, query latency.

Not a test: a script that prints numbers (and `--json`). See benchmarks/README.md.

    python benchmarks/bench_index.py --generate 5000
    python benchmarks/bench_index.py --corpus /tmp/corpora/reuters21578
    python benchmarks/bench_index.py --generate 200 --cranfield /tmp/corpora/ir-cranfield
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import io
import json
import pstats
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from whoosh.filedb.filestore import FileStorage  # noqa: E402

from benchmarks.bench_corpus import corpus_files, generate  # noqa: E402
from benchmarks.bench_cranfield import evaluate_cranfield  # noqa: E402
from benchmarks.plain_whoosh import plain_schema  # noqa: E402
from index.models import Article, ArticleId, SourceDocument  # noqa: E402
from index.parse.document import parse_document  # noqa: E402
from index.readers import read_documents  # noqa: E402
from index.search.engine import run_search  # noqa: E402
from index.store.article_store import ArticleStore  # noqa: E402

Result = dict[str, float | int | str]


def _timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _cpu_split() -> tuple[float, float]:
    """CPU seconds of this process, and of its finished children (the loading workers)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _cpu_seconds() -> float:
    """CPU seconds of this process and its finished children."""
    return sum(_cpu_split())


def _timed_cpu(action: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds incl. child processes) of an action."""
    cpu = _cpu_seconds()
    wall = _timed(action)
    return wall, _cpu_seconds() - cpu


def _article_id(doc: SourceDocument) -> ArticleId:
    return ArticleId(doc.record_id or hashlib.sha1(doc.path.encode()).hexdigest()[:12])


def read_sources(args: argparse.Namespace) -> tuple[list[SourceDocument], float]:
    """The source documents and the seconds spent reading them (the real readers)."""
    started = time.perf_counter()
    if args.corpus:
        docs = []
        for path in corpus_files(Path(args.corpus), args.limit):
            docs.extend(read_documents(path))
            if args.limit is not None and len(docs) >= args.limit:
                docs = docs[: args.limit]
                break
    else:
        docs = generate(args.generate)
    return docs, time.perf_counter() - started


def parse_all(docs: Sequence[SourceDocument], profile: bool) -> tuple[list[Article], float, str]:
    """Articles from the real parser, the seconds it took, and an optional profile."""
    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    articles = [parse_document(doc, _article_id(doc)) for doc in docs]
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - started
    report = ""
    if profiler:
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(25)
        report = out.getvalue()
    return articles, seconds, report


def baseline_write(articles: Sequence[Article], directory: Path) -> float:
    """Seconds for a default Whoosh StemmingAnalyzer writer (single process) on the same text."""
    schema = plain_schema()
    ix = FileStorage(str(directory)).create().create_index(schema)

    def write() -> None:
        writer = ix.writer()
        for article in articles:
            writer.add_document(id=article.id, title=article.title, body=article.text)
        writer.commit()

    seconds = _timed(write)
    ix.close()
    return seconds


def real_ingest(corpus: Path, limit: int | None, home: Path) -> tuple[float, int, Result]:
    """Seconds, article count and CPU split of `Library.index_paths` over the corpus files.

    That is what `newsdesk index` runs: walk, hash, read and parse in worker processes,
    de-duplicate, write batches and commit the manifest.
    """
    from index import DataPaths, Library

    paths = corpus_files(corpus, limit)
    library = Library.open(DataPaths(home, home))
    try:
        own, children = _cpu_split()
        seconds = _timed(lambda: library.index_paths(paths))
        own_after, children_after = _cpu_split()
        cpu: Result = {
            "newsdesk_index_main_cpu_s": round(own_after - own, 2),
            "newsdesk_index_workers_cpu_s": round(children_after - children, 2),
        }
        return seconds, library.count(), cpu
    finally:
        library.close()


def dir_size(directory: Path) -> int:
    return sum(p.stat().st_size for p in directory.rglob("*") if p.is_file())


def cold_open(directory: Path, query: str) -> float:
    """Seconds to import, open the index and answer one query, in a fresh process."""
    code = (
        "import sys, time; t = time.perf_counter(); sys.path.insert(0, sys.argv[1]);"
        "from pathlib import Path; from index.store.article_store import ArticleStore;"
        "from index.search.engine import run_search;"
        "s = ArticleStore.open(Path(sys.argv[2])); run_search(s, sys.argv[3]);"
        "print(time.perf_counter() - t)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(REPO), str(directory), query],
        check=True,
        capture_output=True,
        text=True,
    )
    return float(out.stdout.strip())


def query_mix(store: ArticleStore) -> dict[str, list[tuple[str, bool]]]:
    """Fixed query families built from the index's own lexicon (so any corpus works)."""
    with store.searcher() as searcher:
        reader = searcher.reader()
        ranked = sorted(
            ((info.doc_frequency(), term) for term, info in reader.iter_field("body")),
            reverse=True,
        )
        sources = list(reader.lexicon("source"))[:3]
        has_hamas = ("body", "hama") in reader
    words = [t.decode() if isinstance(t, bytes) else t for _, t in ranked if len(t) > 3]
    words = [w for w in words if w.isalpha()]
    pick = [words[i] for i in (0, 5, 20, 50, 100, 200, 400, 800, 1600) if i < len(words)]
    source = (
        (sources[0].decode() if isinstance(sources[0], bytes) else sources[0]) if sources else ""
    )
    typing_word = "hamas" if has_hamas else max(pick[:6], key=len)
    mix: dict[str, list[tuple[str, bool]]] = {
        "1-3 terms": [(pick[i], False) for i in range(len(pick))]
        + [(f"{pick[i]} {pick[i + 2]}", False) for i in range(len(pick) - 2)]
        + [(f"{pick[i]} {pick[i + 1]} {pick[i + 3]}", False) for i in range(len(pick) - 3)],
        "phrase": [(f'"{pick[i]} {pick[i + 1]}"', False) for i in range(4)],
        "boolean": [
            (f"{pick[1]} AND {pick[4]}", False),
            (f"{pick[2]} OR {pick[6]}", False),
            (f"{pick[0]} NOT {pick[3]}", False),
            (f"({pick[1]} OR {pick[5]}) AND {pick[7]}", False),
        ],
        "filtered": [(f"{pick[2]} source:{source.split()[0]}", False)] if source else [],
        "typing": [(typing_word[:n], True) for n in range(1, len(typing_word) + 1)],
        "prefix": [(f"{pick[3][:3]}*", False), (f"{pick[6][:2]}*", False)],
    }
    mix["filtered"] += [
        (f"{pick[4]} date:2023", False),
        (f"{pick[1]} date:[1987-01-01 to 2024-12-31]", False),
    ]
    return mix


def _p95(values: list[float]) -> float:
    return round(values[min(len(values) - 1, int(0.95 * len(values)))], 1)


def measure_queries(store: ArticleStore, rounds: int) -> dict[str, Result]:
    """p50/p95 milliseconds per query family (each query run `rounds` times, new searcher each)."""
    results: dict[str, Result] = {}
    for family, queries in query_mix(store).items():
        if not queries:
            continue
        run_search(store, queries[0][0], as_you_type=queries[0][1])  # warm caches once
        times, cpu = [], []
        for _ in range(rounds):
            for text, typing in queries:
                started, started_cpu = time.perf_counter(), time.process_time()
                run_search(store, text, as_you_type=typing, limit=20)
                times.append((time.perf_counter() - started) * 1000)
                cpu.append((time.process_time() - started_cpu) * 1000)
        times.sort()
        cpu.sort()
        results[family] = {
            "queries": len(queries),
            "p50_ms": round(statistics.median(times), 1),
            "p95_ms": _p95(times),
            "max_ms": round(times[-1], 1),
            "cpu_p95_ms": _p95(cpu),
            "example": queries[-1][0],
        }
    return results


def run(args: argparse.Namespace) -> dict[str, object]:
    work = Path(tempfile.mkdtemp(prefix="bench-index-"))
    report: dict[str, object] = {}
    try:
        docs, read_s = read_sources(args)
        articles, parse_s, profile = parse_all(docs, args.profile)
        count = len(articles)
        store = ArticleStore.create(work / "ours")
        write_s, write_cpu = _timed_cpu(lambda: store.write(articles))
        warm_s = _timed(store.warm)
        base_cpu = _cpu_seconds()
        base_s = baseline_write(articles, work / "baseline")
        base_cpu = _cpu_seconds() - base_cpu
        ingest: Result = {
            "articles": count,
            "read_s": round(read_s, 2),
            "parse_s": round(parse_s, 2),
            "our_write_s": round(write_s, 2),
            "baseline_write_s": round(base_s, 2),
            "ours_pipeline_docs_s": round(count / (read_s + parse_s + write_s), 1),
            "ours_store_docs_s": round(count / write_s, 1),
            "baseline_docs_s": round(count / base_s, 1),
            "ratio_store_vs_baseline": round(base_s / write_s, 2),
            "our_write_cpu_s": round(write_cpu, 2),
            "baseline_write_cpu_s": round(base_cpu, 2),
            "cpu_ratio_store_vs_baseline": round(base_cpu / write_cpu, 2),
            "ratio_pipeline_vs_baseline": round(base_s / (read_s + parse_s + write_s), 2),
            "index_mb": round(dir_size(work / "ours") / 1e6, 1),
            "warm_caches_s": round(warm_s, 2),
            "baseline_index_mb": round(dir_size(work / "baseline") / 1e6, 1),
        }
        if args.corpus:
            real_s, real_count, real_cpu = real_ingest(Path(args.corpus), args.limit, work / "home")
            ingest.update(
                {
                    "newsdesk_index_articles": real_count,
                    "newsdesk_index_s": round(real_s, 2),
                    "newsdesk_index_docs_s": round(real_count / real_s, 1),
                    "ratio_newsdesk_index_vs_baseline": round(
                        (base_s / count) / (real_s / real_count), 2
                    ),
                    **real_cpu,
                }
            )
        report["ingest"] = ingest
        # As the app does once its caches are warm: the 21k parsed articles held above
        # otherwise make each full collection take ~100 ms in the middle of a query.
        gc.collect()
        gc.freeze()
        report["queries"] = measure_queries(store, args.rounds)
        store.close()
        first = next(iter(query_mix(ArticleStore.open(work / "ours"))["1-3 terms"]))[0]
        report["cold_open_first_query_s"] = round(cold_open(work / "ours", first), 3)
        if args.cranfield:
            report["cranfield"] = evaluate_cranfield(Path(args.cranfield))
        if profile:
            report["parse_profile"] = profile
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return report


def print_report(report: dict[str, object]) -> None:
    ingest = report["ingest"]
    assert isinstance(ingest, dict)
    print(f"\nIngest ({ingest['articles']} articles)")
    for key, value in ingest.items():
        print(f"  {key:<28} {value}")
    print("\nQueries (ms, run_search incl. facets + snippets, new Searcher per call)")
    print(f"  {'family':<12} {'n':>3} {'p50':>8} {'p95':>8} {'max':>8} {'cpu p95':>8}  example")
    queries = report["queries"]
    assert isinstance(queries, dict)
    for family, row in queries.items():
        print(
            f"  {family:<12} {row['queries']:>3} {row['p50_ms']:>8} {row['p95_ms']:>8} "
            f"{row['max_ms']:>8} {row['cpu_p95_ms']:>8}  {row['example']!r}"
        )
    print(f"\nCold open + first query (fresh process): {report['cold_open_first_query_s']} s")
    if "cranfield" in report:
        print("\nCranfield")
        cranfield = report["cranfield"]
        assert isinstance(cranfield, dict)
        for key, value in cranfield.items():
            print(f"  {key:<28} {value}")
    if "parse_profile" in report:
        print("\nParse profile (cumulative)\n" + str(report["parse_profile"]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--generate", type=int, default=2000, metavar="N")
    source.add_argument(
        "--corpus",
        metavar="PATH",
        help="an unpacked shared corpus, a folder of article files, or one file (e.g. JSONL)",
    )
    parser.add_argument("--limit", type=int, default=None, help="at most N corpus articles")
    parser.add_argument("--cranfield", metavar="DIR", help="unpacked ir-cranfield")
    parser.add_argument("--rounds", type=int, default=5, help="times each query runs")
    parser.add_argument("--profile", action="store_true", help="profile parsing")
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args(argv)
    report = run(args)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print_report(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
