"""Fixtures for the snapshot tests: a RAM library of tests/data and a steady UI."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.reactive import reactive
from textual.widgets import Input

from index import Library
from tui import app as app_module

DATA = Path(__file__).resolve().parent.parent / "data" / "articles"


@pytest.fixture(autouse=True)
def steady_ui(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pin the theme and stop the cursor blinking, so screenshots are stable."""
    monkeypatch.setattr(app_module, "DARK_THEME", "textual-dark")
    steady = reactive(False, init=False)
    steady.__set_name__(Input, "cursor_blink")
    monkeypatch.setattr(Input, "cursor_blink", steady)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture
def library() -> Iterator[Library]:
    """A RAM library holding the test articles."""
    lib = Library.in_memory()
    lib.index_paths([DATA])
    yield lib
    lib.close()
