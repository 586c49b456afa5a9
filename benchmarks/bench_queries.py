"""Query latency of an indexed library, and what `newsdesk index --optimize` does to it.

Not a test: a script that prints numbers (and `--json`). See benchmarks/README.md.

    NEWSDESK_HOME=/tmp/lib100k newsdesk index /tmp/c100k/ten
    python benchmarks/bench_queries.py --home /tmp/lib100k --rounds 5 [--optimize]

The journalist queries of `benchmarks/news/queries.jsonl` (8 of at most three words, 12
longer) run as typed through `Library.search` after `Library.warm` (timed), once cold (each
query's first run in this process) and then `--rounds` times warm (the library's memory of
recent queries cleared before each run: no run is served from it), wall and CPU time: as
`newsdesk search --batch` runs them (20 hits ranked, no facets or snippets: a batch line
prints ids, titles and scores), and as a full page (`search --json` and the app: snippets
and facets too). With `--optimize` the library's segments are then merged (timed) and the
queries run again.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index import DataPaths, Library  # noqa: E402
from index.search.match_cache import forget_recent  # noqa: E402

QUERIES = REPO / "benchmarks" / "news" / "queries.jsonl"
SHORT_WORDS = 3

Report = dict[str, float | int]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return round(ordered[int(share * (len(ordered) - 1))], 1)


def measure(library: Library, queries: list[str], rounds: int, *, batch: bool = True) -> Report:
    """p50/p95 wall and CPU milliseconds per query, cold and warm, all and by length.

    Cold is each query's first run in this process (after `warm`, and after the queries
    before it: what a user's new query costs); warm is the `rounds` runs after that. With
    `batch`, the call `newsdesk search --batch` makes (no facets, no snippets); else a full
    page.
    """
    times: dict[str, dict[str, list[float]]] = {}

    def timed(phase: str, text: str) -> None:
        # The library remembers its last 32 queries' matches: the same 20 queries run five
        # times over would be served from that memory, which a batch of 20 distinct queries
        # is not. Each run is timed as the library's first run of that query.
        forget_recent()
        started, started_cpu = time.perf_counter(), time.process_time()
        library.search(text, facets=not batch, snippets=not batch)
        wall = (time.perf_counter() - started) * 1000
        cpu = (time.process_time() - started_cpu) * 1000
        for kind in ("all", "short" if len(text.split()) <= SHORT_WORDS else "long"):
            found = times.setdefault(f"{phase}_{kind}", {"wall": [], "cpu": []})
            found["wall"].append(wall)
            found["cpu"].append(cpu)

    for text in queries:
        timed("cold", text)
    for _ in range(rounds):
        for text in queries:
            timed("warm", text)
    report: Report = {}
    for name, found in times.items():
        for clock, values in found.items():
            report[f"{name}_p50_{clock}_ms"] = _percentile(values, 0.5)
            report[f"{name}_p95_{clock}_ms"] = _percentile(values, 0.95)
    return report


def _warmed(library: Library) -> Report:
    """`Library.warm`'s wall and CPU seconds."""
    started, started_cpu = time.perf_counter(), time.process_time()
    library.warm()
    return {
        "warm_s": round(time.perf_counter() - started, 2),
        "warm_cpu_s": round(time.process_time() - started_cpu, 2),
    }


def run(home: Path, rounds: int, optimize: bool) -> dict[str, Report]:
    """Open the library, warm it, measure; optionally optimise, warm again and measure."""
    queries = [json.loads(line)["query"] for line in QUERIES.read_text().splitlines() if line]
    library = Library.open(DataPaths(home, home))
    report: dict[str, Report] = {}
    try:
        warmed = _warmed(library)
        report["before"] = {**warmed, **measure(library, queries, rounds)}
        report["before_full_page"] = measure(library, queries, rounds, batch=False)
        if optimize:
            started = time.perf_counter()
            segments = library.optimize()
            merge_s = time.perf_counter() - started
            warmed = _warmed(library)
            report["optimize"] = {"segments_before": segments, "seconds": round(merge_s, 1)}
            report["after"] = {**warmed, **measure(library, queries, rounds)}
            report["after_full_page"] = measure(library, queries, rounds, batch=False)
    finally:
        library.close()
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--home", type=Path, required=True, help="an indexed NEWSDESK_HOME")
    parser.add_argument("--rounds", type=int, default=5, help="times each query runs")
    parser.add_argument("--optimize", action="store_true", help="then merge and measure again")
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args(argv)
    report = run(args.home, args.rounds, args.optimize)
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for section, values in report.items():
            print(section)
            for key, value in values.items():
                print(f"  {key:<20} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
