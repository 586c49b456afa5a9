"""Helpers for the Pilot and snapshot tests: wait until the app settles, record notifications.

The fixtures that use them (`make_app`, `notes`, the libraries) are in tests/conftest.py.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot
from textual.worker import WorkerCancelled

from tui.app import NewsdeskApp

MakeApp = Callable[..., NewsdeskApp]
"""The type of the `make_app` fixture: `make_app(library=None, seed_dir=None)`."""

SETTLE_ROUNDS = 3
"""A worker's reply may start another worker (search → facets → preview): wait this deep."""


async def settle(pilot: Pilot[int]) -> None:
    """Wait until the workers are done and the messages they posted are handled."""
    for _ in range(SETTLE_ROUNDS):
        for worker in list(pilot.app.workers):
            # An exclusive worker cancels the one it replaces (a stale search): not a failure.
            with contextlib.suppress(WorkerCancelled):
                await worker.wait()
        await pilot.pause()


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
