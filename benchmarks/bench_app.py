"""Benchmark the app: launch to first paint, and keystroke-to-results latency while typing.

Not a test: a script that prints numbers. Libraries are built once with `Library.index_paths`
into a cache folder and reused by later runs.

    python benchmarks/bench_app.py                         # seeds + reuters21578 (~21.5k)
    python benchmarks/bench_app.py --corpus /tmp/corpora/gaza-rss-2023/articles
    python benchmarks/bench_app.py --skip-corpus           # seeds only

Launch: a fresh `python` process per run (interpreter start and imports count) is timed from
just before it is spawned to (a) the first frame of the search screen and (b) the article list
shown. Typing: the app runs under Pilot on the big library; each prefix of a query is put in
the input as a keystroke would, and the time to the results on screen is taken (1) with the
debounce set to 0 (the cost of a search per keystroke) and (2) with the normal debounce while
typing at 40 ms per key (what a user waits after the last key).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from index import SearchPage

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

DEFAULT_CACHE = Path("/tmp/newsdesk-bench-app")
DEFAULT_CORPUS = Path("/tmp/corpora/reuters21578/articles")
QUERIES = ("oil prices", "interest rates", "hostages released", "gaza ceasefire", "wheat exports")
TYPING_GAP = 0.04
"""Seconds between keys in the "fast typist" run."""


def build(home: Path, source: Path) -> int:
    """Index `source` into `home` unless it is already there; return the article count."""
    from index import DataPaths, Library

    library = Library.open(DataPaths(home, home))
    try:
        if library.count() == 0:
            started = time.perf_counter()
            report = library.index_paths([source])
            print(
                f"  built {home.name}: {library.count()} articles in "
                f"{time.perf_counter() - started:.1f} s ({len(report.skipped)} skipped)"
            )
        return library.count()
    finally:
        library.close()


# --- launch (child process) -------------------------------------------------------------


def child_launch(home: Path, spawned_at: float) -> None:
    """Run in a fresh process: open the app and report times since `spawned_at`."""
    imported = time.time()
    from index import DataPaths, Library
    from tui.app import NewsdeskApp
    from tui.screens.search import SearchScreen

    imported = time.time()
    # As `newsdesk` does: the index is opened by the app's first worker, after the first paint.
    library = Library.open(DataPaths(home, home), lazy=True)
    opened = time.time()
    app = NewsdeskApp(library)

    async def run() -> dict[str, float]:
        async with app.run_test(size=(100, 30)) as pilot:
            painted = time.time()
            screen = app.screen
            while not (isinstance(screen, SearchScreen) and screen.count > 0):
                await pilot.pause(0.002)
                screen = app.screen
            listed = time.time()
        return {
            "imports": imported - spawned_at,
            "library_open": opened - spawned_at,
            "first_paint": painted - spawned_at,
            "list_shown": listed - spawned_at,
        }

    times = asyncio.run(run())
    library.close()
    print(json.dumps(times))


def measure_launch(home: Path, runs: int) -> dict[str, list[float]]:
    """Spawn `runs` fresh processes and collect their launch times."""
    results: dict[str, list[float]] = {}
    for _ in range(runs):
        spawned_at = time.time()
        done = subprocess.run(
            [sys.executable, __file__, "--child-launch", str(home), repr(spawned_at)],
            capture_output=True,
            text=True,
            check=True,
            cwd=REPO,
        )
        for key, value in json.loads(done.stdout.strip().splitlines()[-1]).items():
            results.setdefault(key, []).append(value)
    return results


# --- typing ---------------------------------------------------------------------------------


async def measure_typing(home: Path) -> dict[str, list[float]]:
    """Keystroke-to-results latencies on the library in `home`."""
    from textual.widgets import Input

    from index import DataPaths, Library
    from tui.app import NewsdeskApp
    from tui.screens.search import SearchScreen
    from tui.widgets.search_bar import DEBOUNCE_SECONDS, SearchBar

    library = Library.open(DataPaths(home, home))
    per_key: list[float] = []
    in_library: list[float] = []
    after_last: list[float] = []
    search = library.search

    def timed_search(query: str, **options: Any) -> SearchPage:
        started = time.perf_counter()
        try:
            return search(query, **options)
        finally:
            in_library.append(time.perf_counter() - started)

    library.search = timed_search  # type: ignore[method-assign]  # measure the call's wall time
    app = NewsdeskApp(library)
    async with app.run_test(size=(100, 30)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SearchScreen)
        field = screen.query_one("#search-input", Input)

        async def shown(query: str) -> None:
            # Polling (not an Event) so the app code stays free of benchmark hooks.
            while not (screen.page is not None and screen.page.query == query):  # noqa: ASYNC110
                await asyncio.sleep(0.0005)

        bar = screen.query_one(SearchBar)
        bar.debounce = 0.0
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                prefix = query[:end]
                if not prefix.strip() or prefix != prefix.strip():
                    continue
                started = time.perf_counter()
                field.value = prefix
                await shown(prefix)
                per_key.append(time.perf_counter() - started)
            field.value = ""
            await pilot.pause(0.05)
        bar.debounce = DEBOUNCE_SECONDS
        searches = len(in_library)
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                field.value = query[:end]
                last = time.perf_counter()
                await asyncio.sleep(TYPING_GAP)
            await shown(query.strip())
            after_last.append(time.perf_counter() - last)
            field.value = ""
            await pilot.pause(0.3)
    library.close()
    return {
        "per_keystroke_no_debounce": per_key,
        "  of which Library.search": in_library[:searches],
        "after_last_key_debounced": after_last,
    }


def summary(label: str, values: list[float]) -> str:
    """`label: p50 … ms  p95 … ms  (n=…)`."""
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"  {label:28} p50 {statistics.median(ordered) * 1000:7.1f} ms"
        f"  p95 {p95 * 1000:7.1f} ms  (n={len(ordered)})"
    )


def main() -> None:
    """Parse arguments, build the libraries if needed, print the measurements."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--cache", type=Path, default=DEFAULT_CACHE)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--skip-corpus", action="store_true")
    parser.add_argument("--runs", type=int, default=5, help="launches per library")
    parser.add_argument(
        "--typing-only", action="store_true", help="only keystroke latencies, with each key's"
    )
    parser.add_argument("--child-launch", nargs=2, metavar=("HOME", "T0"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_launch:
        child_launch(Path(args.child_launch[0]), float(args.child_launch[1]))
        return
    if args.typing_only:
        home = args.cache / args.corpus.parent.name
        build(home, args.corpus)
        print_typing(asyncio.run(measure_typing(home)), per_key=True)
        return
    libraries = [("seeds", REPO / "seeds")]
    if not args.skip_corpus:
        libraries.append((args.corpus.parent.name, args.corpus))
    for name, source in libraries:
        home = args.cache / name
        count = build(home, source)
        print(f"{name}: {count} articles ({home})")
        for key, values in measure_launch(home, args.runs).items():
            print(summary(f"launch → {key}", values))
    if not args.skip_corpus:
        home = args.cache / libraries[-1][0]
        print_typing(asyncio.run(measure_typing(home)), per_key=False)


def print_typing(results: dict[str, list[float]], *, per_key: bool) -> None:
    """The typing summaries, and with `per_key` each prefix's time (and its search's)."""
    if per_key:
        typed = [q[:end] for q in QUERIES for end in range(1, len(q) + 1)]
        prefixes = [p for p in typed if p.strip() and p == p.strip()]
        rows = zip(
            prefixes,
            results["per_keystroke_no_debounce"],
            results["  of which Library.search"],
            strict=False,
        )
        for prefix, total, search in rows:
            print(f"  {prefix!r:22} {total * 1000:6.1f} ms  (search {search * 1000:5.1f} ms)")
    for key, values in results.items():
        print(summary(key, values))


if __name__ == "__main__":
    main()
