"""Full garbage collections while the reader types: only when the app is idle.

Python's collector runs a full collection (every tracked object) every so often, whatever
the app is doing. At 100k articles the search caches built while typing (posting lists,
decoded articles) make one take 25-40 ms, and three of them landed on keystrokes in a run of
63 (`gc.callbacks` under benchmarks/bench_app.py): the slowest keystrokes were those.

So, once the caches are warm, what is alive is frozen out of the collector's sight (as
before), automatic full collections are held back (young generations still run), and the
search screen asks for a full collection when the typing has paused for `IDLE_SECONDS`.
Automatic full collections still happen after `HELD_FULL_AFTER` young collections, so
memory stays bounded on screens that never ask.
"""

from __future__ import annotations

import gc

IDLE_SECONDS = 1.5
"""Quiet time after the last keystroke before a full collection runs."""
HELD_FULL_AFTER = 200
"""Generation-1 collections before an automatic full one (Python's default is 10)."""


def freeze_and_hold() -> None:
    """Collect, freeze what is alive, and hold back automatic full collections.

    Collecting first keeps garbage from being frozen. Called once the caches are warm.
    """
    gc.collect()
    gc.freeze()
    young, middle, _ = gc.get_threshold()
    gc.set_threshold(young, middle, HELD_FULL_AFTER)


def collect_when_idle() -> None:
    """A full collection, now that the reader has stopped typing."""
    gc.collect()
