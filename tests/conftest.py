"""Test isolation shared by every test: a private NEWSDESK_HOME per test."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"
CORPORA = SHARED / "corpora"


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point NEWSDESK_HOME (and XDG dirs) at a fresh temporary folder."""
    home = tmp_path / "newsdesk-home"
    monkeypatch.setenv("NEWSDESK_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    return home


@pytest.fixture
def seeds_dir() -> Path:
    """The bundled seed articles."""
    return SEEDS


@pytest.fixture
def corpora_dir() -> Path:
    """../shared/corpora, or skip the test when it is absent."""
    if not CORPORA.is_dir():
        pytest.skip("../shared/corpora is not present")
    return CORPORA
