"""The fault suite at scale (issue 11): many seeded runs of each fault class, one table.

Runs the fault classes of `tests/faults/harness.py` against a generated library (20
articles indexed, 3 bookmarks, 450 more articles to index), each in its own copy:

* kill -9 index / kill -9 index --rebuild   the run is killed at a random point of its
  first `--window` seconds; its workers must die with it; nothing committed is lost (a
  killed rebuild is run again first: starting over is what a rebuild does)
* kill -9 bookmarks    a process saving bookmarks is killed; every one it reported saved
  must be there
* truncated/zeroed/garbled/deleted index file    every index file in turn
* concurrent index/--rebuild, full disk (ulimit -f), read-only home (needs root)

"survived" means no traceback, every failure one `newsdesk:` line with its way out, and
the library usable after that step; "lost" counts committed articles and saved bookmarks
missing at the end.

Usage: python benchmarks/faults.py [--kills 150] [--bookmark-kills 50] [--jobs 2]
       [--seed 1] [--window 5] [--no-damage]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.faults import harness  # noqa: E402
from tests.faults.harness import Outcome, Template  # noqa: E402

Job = Callable[[Path], Outcome | None]


def jobs(base: Template, args: argparse.Namespace) -> list[Job]:
    """Every run, as a function of its home folder."""
    runs: list[Job] = []
    for number in range(args.kills):
        rng = random.Random(args.seed * 100_003 + number)
        runs.append(partial(_kill_index, base, rng, args.window))
    for number in range(args.bookmark_kills):
        rng = random.Random(args.seed * 200_003 + number)
        runs.append(partial(_kill_bookmarks, base, rng))
    if args.damage:
        for name in harness.index_files(base.home):
            for how in harness.DAMAGES:
                runs.append(partial(_damage, base, name, how))
    runs.append(partial(harness.concurrent_rebuild, base))
    runs.append(partial(_full_disk, base, random.Random(args.seed)))
    runs.append(partial(harness.read_only_home, base))
    return runs


def _kill_index(base: Template, rng: random.Random, window: float, home: Path) -> Outcome:
    return harness.kill_index(base, home, rng, window)


def _kill_bookmarks(base: Template, rng: random.Random, home: Path) -> Outcome:
    return harness.kill_bookmarks(base, home, rng, 1.5)


def _damage(base: Template, name: str, how: str, home: Path) -> Outcome:
    return harness.damage_file(base, home, name, how)


def _full_disk(base: Template, rng: random.Random, home: Path) -> Outcome:
    return harness.full_disk(base, home, rng)


def main() -> int:
    """Run everything and print the table (and each failure's notes)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=150, help="kill -9 points in index runs")
    parser.add_argument("--bookmark-kills", type=int, default=50, help="kill -9 bookmark runs")
    parser.add_argument("--jobs", type=int, default=2, help="runs at a time")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--window", type=float, default=5.0, help="seconds to kill within")
    parser.add_argument("--no-damage", dest="damage", action="store_false")
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="newsdesk-faults-") as folder:
        root = Path(folder)
        base = harness.template(root)
        todo = jobs(base, args)

        def one(number: int) -> Outcome | None:
            return todo[number](root / f"run{number}")

        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            outcomes = [o for o in pool.map(one, range(len(todo))) if o is not None]
    table = harness.summary(outcomes)
    print(f"{'class':32} {'runs':>5} {'survived':>9} {'lost':>5}")
    for fault, (runs, survived, lost) in sorted(table.items()):
        print(f"{fault:32} {runs:5d} {survived:9d} {lost:5d}")
    total = [sum(column) for column in zip(*table.values(), strict=True)]
    print(f"{'total':32} {total[0]:5d} {total[1]:9d} {total[2]:5d}")
    kills = sum(runs for fault, (runs, _s, _l) in table.items() if fault.startswith("kill"))
    print(f"kill points: {kills}; {time.monotonic() - started:.0f} s")
    for outcome in outcomes:
        if not outcome.survived:
            print(f"FAILED {outcome.fault}: {'; '.join(outcome.notes)}")
    return 0 if total[1] == total[0] and total[2] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
