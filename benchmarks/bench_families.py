"""Filtered and prefix queries of a built library, each query new to the process (issue 14).

Not a test: a script that prints numbers (and `--json`). See benchmarks/README.md.

    python benchmarks/bench_families.py --home /tmp/lib100k [--warm] [--rounds 3]

Opens the library's index as `bench_100k.py` does (`ArticleStore.open`, the column sidecar
loaded untimed before the first query; `--warm` also runs `ArticleStore.warm`, as the app
does at launch), then times `run_search` (20 hits, snippets, facets) for two families
built from the index's own lexicon, wall and CPU:

- filtered: frequent words with `date:YEAR`, `date:[1987-01-01 to 2024-12-31]`,
  `source:OUTLET` and `party:hamas`;
- prefix: `xy*` and `xyz*` of frequent words.

Every query is distinct, so its first run (*cold*) finds nothing in the match cache;
`--rounds` runs after that are *warm*. Also prints `bench_index.measure_queries` for the
two families (the numbers of the 100k table).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from benchmarks.bench_index import measure_queries  # noqa: E402
from index.search.engine import run_search  # noqa: E402
from index.store.article_store import ArticleStore  # noqa: E402

Report = dict[str, object]


def families(store: ArticleStore) -> dict[str, list[str]]:
    """The queries of each family, from the index's most frequent body words and its outlets."""
    with store.searcher() as searcher:
        reader = searcher.reader()
        ranked = sorted(
            ((info.doc_frequency(), term) for term, info in reader.iter_field("body")),
            reverse=True,
        )
        sources = sorted(
            ((info.doc_frequency(), term) for term, info in reader.iter_field("source")),
            reverse=True,
        )
    words = [t.decode() if isinstance(t, bytes) else t for _, t in ranked]
    words = [w for w in words if len(w) > 3 and w.isalpha()]
    picks = [words[i] for i in (2, 7, 30, 60, 120, 250, 500, 1000) if i < len(words)]
    outlet = sources[0][1] if sources else b"none"
    outlet = outlet.decode() if isinstance(outlet, bytes) else outlet
    filtered = [
        query
        for word in picks
        for query in (
            f"{word} date:2023",
            f"{word} date:[1987-01-01 to 2024-12-31]",
            f"{word} source:{outlet.split()[0]}",
            f"{word} party:hamas",
        )
    ]
    prefixes = dict.fromkeys(w[:n] for w in words[:40] for n in (2, 3))
    return {"filtered": filtered, "prefix": [f"{p}*" for p in list(prefixes)[:24]]}


def _summary(values: list[float]) -> dict[str, float]:
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return {"p50": round(statistics.median(ordered), 1), "p95": round(p95, 1)}


def measure(store: ArticleStore, queries: list[str], rounds: int) -> Report:
    """Cold and warm p50/p95 wall and CPU milliseconds of `queries`."""
    times: dict[str, list[float]] = {
        "cold_wall": [],
        "cold_cpu": [],
        "warm_wall": [],
        "warm_cpu": [],
    }
    for phase in ["cold"] + ["warm"] * rounds:
        for text in queries:
            started, started_cpu = time.perf_counter(), time.process_time()
            run_search(store, text, limit=20)
            times[f"{phase}_wall"].append((time.perf_counter() - started) * 1000)
            times[f"{phase}_cpu"].append((time.process_time() - started_cpu) * 1000)
    return {name: _summary(values) for name, values in times.items() if values}


def run(args: argparse.Namespace) -> Report:
    store = ArticleStore.open(args.home / "index")
    report: Report = {"home": str(args.home)}
    try:
        started = time.process_time()
        store.prepare_columns()
        if args.warm:
            store.warm()
        report["setup_cpu_s"] = round(time.process_time() - started, 2)
        mix = families(store)
        report["queries"] = mix
        for family, queries in mix.items():
            report[family] = measure(store, queries, args.rounds)
        report["measure_queries"] = {
            family: found
            for family, found in measure_queries(store, args.rounds).items()
            if family in ("filtered", "prefix")
        }
    finally:
        store.close()
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True, help="a NEWSDESK_HOME library")
    parser.add_argument("--rounds", type=int, default=3, help="warm runs of each query")
    parser.add_argument("--warm", action="store_true", help="run ArticleStore.warm first")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    args = parser.parse_args()
    report = run(args)
    if args.json:
        print(json.dumps(report, indent=2))
        return
    for family in ("filtered", "prefix"):
        found = report[family]
        assert isinstance(found, dict)
        for name, value in found.items():
            print(f"{family:9} {name:10} p50 {value['p50']:8.1f} ms   p95 {value['p95']:8.1f} ms")
    print("measure_queries:", json.dumps(report["measure_queries"]))
    print("setup CPU s:", report["setup_cpu_s"])


if __name__ == "__main__":
    main()
