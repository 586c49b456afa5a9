"""Ingest at scale: the whole `newsdesk index` command against a plain Whoosh writer, same run.

Not a test: a script that prints numbers (and `--json`). See benchmarks/README.md.

    python /work/shared/corpora/make-100k.py /tmp/100k.jsonl
    python benchmarks/bench_100k.py --corpus /tmp/100k.jsonl --work /tmp/bench-100k

The corpus (one JSONL file of `{id, title, text, source, url, date}` records) is split
into files of `--per-file` records (the issue's protocol: ten 10k-record JSONL files), then:

1. `newsdesk index DIR` runs in a fresh process with its own NEWSDESK_HOME: the whole
   command a user waits for (walk, hash, read, parse and extract in the worker processes,
   near-duplicates, index batches, the figure store, the manifest);
2. in the same run, a plain Whoosh index of the same records (`StemmingAnalyzer` title and
   body, stored id and title, one `writer()` with Whoosh's default merging) is built in a
   fresh process from the same files;
3. sizes: the library's `index/` folder (segments, manifest, figure store) and Whoosh's,
   against the bytes of record text (title + text, UTF-8).

Wall seconds, CPU seconds (the process and its workers) and the largest process's peak
RSS are reported for both. Then, on the library just built (kept in `--work`):

4. cold open + first query in a fresh process, and query p50/p95 by family
   (`bench_index.measure_queries`: terms, phrases, boolean, filtered, typing prefixes);
5. the 20 judged news queries as typed through `Library.search` (`bench_queries.measure`):
   as `newsdesk search --batch` runs them (the bar), then as a full page (facets, snippets);
6. the app (`bench_app`): launch to first paint and to the article list, and per keystroke
   with the debounce off (`--skip-app` leaves these out).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

_WHOOSH_BUILD = f"""
import json, sys
from pathlib import Path
sys.path.insert(0, {str(REPO)!r})
from whoosh.filedb.filestore import FileStorage
from benchmarks.plain_whoosh import plain_schema
ix = FileStorage(sys.argv[1]).create().create_index(plain_schema())
writer = ix.writer()
for path in sorted(Path(sys.argv[2]).glob("*.jsonl")):
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            writer.add_document(
                id=str(record["id"]), title=record.get("title") or "", body=record.get("text") or ""
            )
writer.commit()
"""


def split_corpus(corpus: Path, folder: Path, per_file: int) -> tuple[int, int]:
    """Write the corpus as files of `per_file` records; return (records, text bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    records = text_bytes = 0
    chunk: list[str] = []

    def flush() -> None:
        part = folder / f"part-{(records - 1) // per_file:03d}.jsonl"
        part.write_text("".join(chunk), encoding="utf-8")
        chunk.clear()

    with corpus.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            record = json.loads(line)
            title, text = record.get("title") or "", record.get("text") or ""
            text_bytes += len(title.encode()) + len(text.encode())
            chunk.append(line if line.endswith("\n") else line + "\n")
            records += 1
            if records % per_file == 0:
                flush()
    if chunk:
        flush()
    return records, text_bytes


_MEASURE = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
"""
"""Runs a command in its own process, so the peak RSS is that command's (and its workers')."""


def timed_process(command: Sequence[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Wall and CPU seconds (with its workers) and peak RSS (MB, largest process) of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", _MEASURE, *command],
        check=True,
        env=env,
        capture_output=True,
        text=True,
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    peak_mb = int(done.stdout.split()[-1]) / 1024
    return {"wall_s": round(wall, 1), "cpu_s": round(cpu, 1), "peak_rss_mb": round(peak_mb)}


def dir_bytes(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def run(args: argparse.Namespace) -> dict[str, object]:
    work: Path = args.work
    if work.exists():
        shutil.rmtree(work)
    parts, home, whoosh_dir = work / "parts", work / "home", work / "whoosh"
    records, text_bytes = split_corpus(args.corpus, parts, args.per_file)
    env = {**os.environ, "NEWSDESK_HOME": str(home)}
    newsdesk = Path(sys.executable).with_name("newsdesk")
    ours = timed_process([str(newsdesk), "index", str(parts)], env)
    whoosh_dir.mkdir(parents=True)
    plain = timed_process([sys.executable, "-c", _WHOOSH_BUILD, str(whoosh_dir), str(parts)])
    index_bytes, whoosh_bytes = dir_bytes(home / "index"), dir_bytes(whoosh_dir)
    report: dict[str, object] = {
        "records": records,
        "files": len(list(parts.glob("*.jsonl"))),
        "text_mb": round(text_bytes / 1e6, 1),
        "newsdesk_index": ours,
        "plain_whoosh": plain,
        "ingest_ratio_whoosh_over_newsdesk_wall": round(plain["wall_s"] / ours["wall_s"], 2),
        "index_mb": round(index_bytes / 1e6, 1),
        "index_x_text": round(index_bytes / text_bytes, 2),
        "whoosh_mb": round(whoosh_bytes / 1e6, 1),
        "whoosh_x_text": round(whoosh_bytes / text_bytes, 2),
        "library": str(home),
    }
    report.update(_searches(home, args.rounds))
    if not args.skip_app:
        report.update(_app(home, args.runs))
    return report


def _searches(home: Path, rounds: int) -> dict[str, object]:
    """Cold open + first query, query families, and the news queries as typed."""
    from benchmarks.bench_index import cold_open, measure_queries, query_mix
    from benchmarks.bench_queries import QUERIES, measure
    from index import DataPaths, Library
    from index.store.article_store import ArticleStore

    store = ArticleStore.open(home / "index")
    try:
        first = query_mix(store)["1-3 terms"][0][0]
        families = measure_queries(store, rounds)
    finally:
        store.close()
    library = Library.open(DataPaths(home, home))
    try:
        library.warm()
        lines = QUERIES.read_text(encoding="utf-8").splitlines()
        queries = [json.loads(line)["query"] for line in lines if line]
        news = measure(library, queries, rounds)
        full_page = measure(library, queries, rounds, batch=False)
    finally:
        library.close()
    return {
        "cold_open_first_query_s": round(cold_open(home / "index", first), 3),
        "query_families": families,
        "news_queries_as_typed": news,
        "news_queries_full_page": full_page,
    }


def _app(home: Path, runs: int) -> dict[str, object]:
    """Launch (fresh processes) and per-keystroke latency of the app on the library."""
    import asyncio
    import statistics

    from benchmarks.bench_app import measure_launch, measure_typing

    def p50_p95(values: list[float]) -> str:
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
        return f"p50 {statistics.median(ordered) * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms"

    launch = measure_launch(home, runs)
    typing = asyncio.run(measure_typing(home))
    return {
        "launch_first_paint": p50_p95(launch["first_paint"]),
        "launch_list_shown": p50_p95(launch["list_shown"]),
        "typing_per_key_no_debounce": p50_p95(typing["per_keystroke_no_debounce"]),
        "typing_library_search": p50_p95(typing["  of which Library.search"]),
        "typing_after_last_key_debounced": p50_p95(typing["after_last_key_debounced"]),
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--corpus", type=Path, required=True, help="one JSONL file of records")
    parser.add_argument("--work", type=Path, default=Path("/tmp/bench-100k"))
    parser.add_argument("--per-file", type=int, default=10_000, help="records per JSONL file")
    parser.add_argument("--rounds", type=int, default=3, help="times each query runs")
    parser.add_argument("--runs", type=int, default=5, help="app launches")
    parser.add_argument("--skip-app", action="store_true", help="no launch or typing runs")
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args(argv)
    report = run(args)
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    for key, value in report.items():
        print(f"  {key:42} {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
