"""Helpers for the Pilot and snapshot tests: wait until the app settles, record notifications.

The fixtures that use them (`make_app`, `notes`, the libraries) are in tests/conftest.py.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot
from textual.widgets import DataTable
from textual.worker import WorkerCancelled

from tui.app import NewsdeskApp

MakeApp = Callable[..., NewsdeskApp]
"""The type of the `make_app` fixture: `make_app(library=None, seed_dir=None)`."""

SETTLE_ROUNDS = 3
"""A worker's reply may start another worker (search → facets → preview): wait this deep."""
IDLE_WAITS = 40
IDLE_STEP = 0.05
"""How long `settle` waits, at most, for the tables to size their columns (2 s in steps)."""


async def settle(pilot: Pilot[int]) -> None:
    """Wait until the workers are done and the messages they posted are handled."""
    for _ in range(SETTLE_ROUNDS):
        for worker in list(pilot.app.workers):
            # An exclusive worker cancels the one it replaces (a stale search): not a failure.
            with contextlib.suppress(WorkerCancelled):
                await worker.wait()
        await pilot.pause()
    # A DataTable sizes its columns to new rows on its next Idle event; under load that may
    # come after the pauses above, and a snapshot would show the header widths.
    for _ in range(IDLE_WAITS):
        if not any(_sizing(table) for table in pilot.app.screen.query(DataTable)):
            break
        await pilot.pause(IDLE_STEP)
    # The new widths take effect at the next layout refresh, which a pause lets happen.
    await pilot.pause(IDLE_STEP)
    await pilot.pause()


def _sizing(table: DataTable[object]) -> bool:
    """Whether a table still has rows or cells to measure (Textual does it when idle)."""
    return bool(
        getattr(table, "_require_update_dimensions", False)
        or getattr(table, "_updated_cells", None)
    )


class Notes:
    """Collects the notifications an app shows (pass it as run_test's message_hook)."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []

    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.items.append((message.notification.severity, message.notification.message))

    def texts(self, severity: str | None = None) -> list[str]:
        """The messages shown, optionally only those of one severity."""
        return [text for sev, text in self.items if severity is None or sev == severity]
