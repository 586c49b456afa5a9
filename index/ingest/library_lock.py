"""The library's write lock: one writer (index + manifest) for a whole run.

Whoosh's own lock is held per commit and SQLite's per transaction, so two runs could
interleave: an `index --rebuild` started during another `index` deleted the other run's
articles, or left the manifest and the index disagreeing. `library_lock` is held for the
whole of `Library.index_paths`, a rebuild included, and is taken before anything is
deleted; the second run exits at once with `IndexBusy`, having changed nothing.

`flock` is released by the kernel when the holder dies (even by kill -9), so a crashed run
never leaves the library locked.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from index.errors import IndexBusy

LOCK_FILE = "newsdesk.lock"
"""In the index folder; holds the pid of the run that has the lock (for the message)."""


@contextmanager
def library_lock(index_dir: Path | None) -> Iterator[None]:
    """Hold the library's write lock (nothing to lock for an in-memory library).

    Raises:
        IndexBusy: another run holds it.
        OSError: the lock file cannot be created (a read-only data folder).
    """
    if index_dir is None:
        yield
        return
    index_dir.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(index_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip()
            who = f" (pid {holder})" if holder.isdigit() else ""
            raise IndexBusy(
                f"Another newsdesk{who} is indexing this library ({index_dir}); "
                "this run changed nothing.",
                "wait for it to finish, then run the command again",
            ) from None
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, str(os.getpid()).encode("ascii"), 0)
        yield
    finally:
        os.close(descriptor)
