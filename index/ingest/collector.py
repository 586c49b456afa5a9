"""Pausing Python's cyclic garbage collector during a large ingest run."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(pause: bool) -> Iterator[None]:
    """Pause Python's cyclic garbage collector for a large run from a single thread.

    A batch holds thousands of articles and millions of posting tuples, all long-lived and
    acyclic: every full collection walked them again, ~1.4 s of a 21k-article run. The
    collector is left alone while other threads run (the app's UI) and resumes after.
    """
    if not pause or threading.active_count() > 1 or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def collect_while_paused() -> None:
    """Free the reference cycles a written batch left behind, when the collector is paused.

    Writing a batch leaves cycles (Whoosh's writer, segment and reader objects, ...) that
    only the collector frees: over a 100k-record run with the collector paused the main
    process grew from ~340 to ~850 MB. One full collection after each batch written keeps
    it near the unpaused size and costs a fraction of the collections it replaces.
    """
    if not gc.isenabled():
        gc.collect()
