"""Time opening the story screen's data: `Library.story(count)` plus `chart_data` (goal <= 200 ms).

Needs a library already indexed (e.g. the 100k corpus of ../shared/corpora/make-100k.py,
split into 10k-record files and indexed with `NEWSDESK_HOME=DIR newsdesk index PARTS/`).
The first call builds the figure store from the index when it is behind (timed apart as
"fill"); then each count runs `--rounds` times, a story and its plot data per round, as the
story screen's worker does, each round in a newly opened `Library` (it keeps recent
stories: what is timed is a count's first opening). `list` is `Library.figure_counts`
(the count chooser).

Usage: python benchmarks/bench_story.py HOME [--rounds 7] [--counts 5] [--json]
Prints wall-clock and CPU p50 / max in milliseconds per count, with its reports and rows.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index import DataPaths, Library, chart_data  # noqa: E402


def _timed(call: object) -> tuple[float, float, object]:
    """(wall ms, CPU ms, result) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = call()  # type: ignore[operator]  # a zero-argument callable
    return (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000, result


def main() -> None:
    """Run the benchmark and print its numbers."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("home", type=Path, help="the library's data folder (NEWSDESK_HOME)")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--counts", type=int, default=5, help="the N counts with most reports")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    library = Library.open(DataPaths(args.home, args.home))
    results: dict[str, object] = {"articles": library.count()}
    in_step = library.figures_in_step()
    fill_wall, fill_cpu, counts = _timed(library.figure_counts)
    results["fill_ms" if not in_step else "first_list_ms"] = round(fill_wall)
    results["fill_cpu_ms" if not in_step else "first_list_cpu_ms"] = round(fill_cpu)
    list_times = [_timed(library.figure_counts)[0] for _ in range(args.rounds)]
    results["list_ms_p50"] = round(statistics.median(list_times), 1)
    rows = []
    for summary in counts[: args.counts]:  # type: ignore[index]  # list[CountSummary]
        walls, cpus = [], []
        story = None
        for _ in range(args.rounds):
            # A library of its own each round: `Library.story` keeps recent stories, and
            # what is timed is a count's first opening.
            fresh = Library.open(DataPaths(args.home, args.home))
            fresh.figure_counts()
            wall, cpu, story = _timed(lambda lib=fresh, key=summary.key: chart_data(lib.story(key)))
            fresh.close()
            walls.append(wall)
            cpus.append(cpu)
        rows.append(
            {
                "count": summary.key.label,
                "reports": summary.reports,
                "figures": summary.figures,
                "points": len(story.points) if story is not None else 0,  # type: ignore[attr-defined]
                "wall_ms_p50": round(statistics.median(walls), 1),
                "wall_ms_max": round(max(walls), 1),
                "cpu_ms_p50": round(statistics.median(cpus), 1),
            }
        )
    results["stories"] = rows
    library.close()
    if args.json:
        print(json.dumps(results))
        return
    for key, value in results.items():
        if key != "stories":
            print(f"{key}: {value}")
    for row in rows:
        print(
            f"{row['count']:<34} {row['reports']:>6} reports {row['points']:>6} points  "
            f"p50 {row['wall_ms_p50']:>7} ms  max {row['wall_ms_max']:>7} ms  "
            f"cpu p50 {row['cpu_ms_p50']:>7} ms"
        )


if __name__ == "__main__":
    main()
