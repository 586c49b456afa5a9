"""Shared fixtures for the Pilot tests: a RAM library of tests/data, a pinned app."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest
from textual.message import Message
from textual.notifications import Notify
from textual.pilot import Pilot
from textual.reactive import reactive
from textual.widgets import Input

from index import Library
from tui import app as app_module
from tui.app import NewsdeskApp

DATA = Path(__file__).resolve().parent.parent / "data" / "articles"
SIZE = (100, 30)


@pytest.fixture(autouse=True)
def steady_ui(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pin the theme and stop the cursor blinking, so runs are deterministic."""
    monkeypatch.setattr(app_module, "DARK_THEME", "textual-dark")
    steady = reactive(False, init=False)
    steady.__set_name__(Input, "cursor_blink")
    monkeypatch.setattr(Input, "cursor_blink", steady)


@pytest.fixture
def data_dir() -> Path:
    """The hand-written test articles."""
    return DATA


@pytest.fixture
def library() -> Iterator[Library]:
    """A RAM library holding the test articles."""
    lib = Library.in_memory()
    lib.index_paths([DATA])
    yield lib
    lib.close()


@pytest.fixture
def make_app(library: Library) -> Callable[..., NewsdeskApp]:
    """Build an app over the test library (or another one)."""

    def build(lib: Library | None = None, seed_dir: Path | None = None) -> NewsdeskApp:
        return NewsdeskApp(lib if lib is not None else library, seed_dir=seed_dir)

    return build


class Notes:
    """Collects the notifications an app shows (via run_test's message_hook)."""

    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []

    def __call__(self, message: Message) -> None:
        if isinstance(message, Notify):
            self.items.append((message.notification.severity, message.notification.message))

    def texts(self, severity: str | None = None) -> list[str]:
        return [text for sev, text in self.items if severity is None or sev == severity]


@pytest.fixture
def notes() -> Notes:
    """A message hook that records notifications."""
    return Notes()


Settle = Callable[[Pilot[int]], Awaitable[None]]
"""The type of the `settle` fixture."""


@pytest.fixture
def settle() -> Settle:
    """Wait until workers are done and the messages they posted are handled."""

    async def wait(pilot: Pilot[int]) -> None:
        for _ in range(3):
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

    return wait
