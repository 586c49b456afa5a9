"""The README documents every key binding of the app."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from textual.binding import Binding

import tui.screens
import tui.widgets

README = Path(__file__).resolve().parents[2] / "README.md"
SHOWN = {
    "slash": "/",
    "question_mark": "?",
    "left_square_bracket": "[",
    "right_square_bracket": "]",
    "left_curly_bracket": "{",
    "right_curly_bracket": "}",
    "escape": "Esc",
    "f1": "F1",
    "enter": "Enter",
}
"""How a Textual key name is written in the README."""


def _bindings() -> list[tuple[str, str]]:
    found = [("tui.app", key) for key in _keys_of(importlib.import_module("tui.app"))]
    for package in (tui.screens, tui.widgets):
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            found += [(module.__name__, key) for key in _keys_of(module)]
    return sorted(set(found))


def _keys_of(module: object) -> list[str]:
    keys: list[str] = []
    for value in vars(module).values():
        if isinstance(value, type) and value.__module__ == getattr(module, "__name__", None):
            for binding in vars(value).get("BINDINGS", []):
                if isinstance(binding, Binding):
                    keys += [key.strip() for key in binding.key.split(",")]
    return keys


def test_docs_every_binding_is_in_the_readme() -> None:
    """Each key bound anywhere in the app appears in the README's key table."""
    table = [
        line for line in README.read_text(encoding="utf-8").splitlines() if line.startswith("|")
    ]
    documented = {key for line in table for key in re.findall(r"`([^`]+)`", line)}
    # Table cells group keys as `j`/`k`: split those too.
    documented |= {part for cell in documented for part in re.split(r"[/,]\s*", cell)}
    missing = [
        f"{module}: {key}" for module, key in _bindings() if SHOWN.get(key, key) not in documented
    ]
    assert not missing, f"keys missing from README.md: {missing}"


@pytest.mark.parametrize("key", ["q", "ctrl+q", "?", "/", "m", "c", "]", "["])
def test_docs_core_keys_listed(key: str) -> None:
    """The product brief's core keys are in the README."""
    assert f"`{key}`" in README.read_text(encoding="utf-8")
