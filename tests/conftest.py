"""Fixtures shared by every test: isolation, the bundled folders, the test libraries, the app.

The articles of tests/data/articles and of seeds/, and SEARCH_ARTICLES, are indexed once
per session (once per xdist worker). Each test gets its own `Library` over such an index,
with its own empty bookmarks and manifest, and a check on teardown that it left the shared
index as it found it. A test that indexes more files takes `private_library`, which it
alone holds.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.reactive import reactive
from textual.widgets import Input

from index import Library
from index.models import Article, ArticleId
from index.parse.document import parse_document
from index.readers import read_documents
from index.store.article_store import ArticleStore
from tests.builders import SEARCH_ARTICLES, STORY_ARTICLES
from tests.pilot import MakeApp, Notes
from tui import app as app_module
from tui.app import NewsdeskApp

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
DATA = REPO / "tests" / "data" / "articles"
CORPORA = REPO.parent / "shared" / "corpora"


UI_FOLDERS = (REPO / "tests" / "ui", REPO / "tests" / "snapshots")
"""Pilot and snapshot tests: each starts a Textual app (about 2 s of CPU), marked `ui`."""


FAULTS_FOLDER = REPO / "tests" / "faults"
"""The fault suite (subprocesses, kill -9, mounts), marked `faults`."""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the Pilot and snapshot tests `ui` and the fault suite `faults` (not run by default)."""
    for item in items:
        if any(item.path.is_relative_to(folder) for folder in UI_FOLDERS):
            item.add_marker(pytest.mark.ui)
        if item.path.is_relative_to(FAULTS_FOLDER):
            item.add_marker(pytest.mark.faults)


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point NEWSDESK_HOME (and XDG dirs) at a fresh temporary folder."""
    home = tmp_path / "newsdesk-home"
    monkeypatch.setenv("NEWSDESK_HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    return home


@pytest.fixture(autouse=True)
def steady_ui(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pin the theme, stop the cursor blinking and unset NO_COLOR, so UI runs are stable."""
    monkeypatch.setattr(app_module, "DARK_THEME", "textual-dark")
    steady = reactive(False, init=False)
    steady.__set_name__(Input, "cursor_blink")
    monkeypatch.setattr(Input, "cursor_blink", steady)
    monkeypatch.delenv("NO_COLOR", raising=False)


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The bundled seed articles."""
    return SEEDS


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The hand-written test articles."""
    return DATA


@pytest.fixture(scope="session")
def corpora_dir() -> Path:
    """../shared/corpora, or skip the test when it is absent."""
    if not CORPORA.is_dir():
        pytest.skip("../shared/corpora is not present")
    return CORPORA


@pytest.fixture(scope="session")
def seed_articles() -> dict[str, Article]:
    """The five seeds parsed once per session, by file-name prefix ("000"), each with that id."""
    articles = {}
    for path in sorted(SEEDS.glob("*.txt")):
        prefix = path.name[:3]
        (document,) = read_documents(path)
        articles[prefix] = parse_document(document, ArticleId(prefix))
    return articles


def _index_once(folder: Path) -> Iterator[ArticleStore]:
    """A RAM index of one folder, built by a Library that stays open while it is used."""
    store = ArticleStore.in_memory()
    builder = Library(store, None)
    builder.index_paths([folder])
    yield store
    builder.close()


@pytest.fixture(scope="session")
def data_index() -> Iterator[ArticleStore]:
    """The test articles, indexed once per session (never written to by a test)."""
    yield from _index_once(DATA)


@pytest.fixture(scope="session")
def seeds_index() -> Iterator[ArticleStore]:
    """The five seeds, indexed once per session (never written to by a test)."""
    yield from _index_once(SEEDS)


def _contents(store: ArticleStore) -> tuple[int, tuple[tuple[str, str], ...]]:
    """The article count and every id with its content hash: what a test must leave alone."""
    return store.count(), tuple(sorted((i, store.get(i).content_hash) for i in store.ids()))


def _over(store: ArticleStore) -> Iterator[Library]:
    """A Library of its own (bookmarks, manifest) over a shared index, checked on teardown."""
    library = Library(store, None)
    before = _contents(store)
    yield library
    assert _contents(store) == before, "a test changed a shared index: use private_library"
    # Closing a Library closes its store too; a RAM Whoosh index holds nothing to release,
    # so the shared index stays usable (the next test would fail loudly if that changed).
    library.close()


@pytest.fixture
def library(data_index: ArticleStore) -> Iterator[Library]:
    """The test articles (shared index), with this test's own empty bookmarks."""
    yield from _over(data_index)


@pytest.fixture
def seeds_library(seeds_index: ArticleStore) -> Iterator[Library]:
    """The five seeds (shared index), with this test's own empty bookmarks."""
    yield from _over(seeds_index)


@pytest.fixture(scope="session")
def search_index() -> Iterator[ArticleStore]:
    """SEARCH_ARTICLES (tests/builders.py) in a RAM index, written once per session."""
    store = ArticleStore.in_memory()
    store.write(SEARCH_ARTICLES)
    yield store
    store.close()


@pytest.fixture
def search_store(search_index: ArticleStore) -> Iterator[ArticleStore]:
    """The shared SEARCH_ARTICLES index; a test only reads it (checked on teardown)."""
    before = _contents(search_index)
    yield search_index
    assert _contents(search_index) == before, "a test wrote to the shared search index"


@pytest.fixture
def private_library() -> Iterator[Library]:
    """A RAM library of the test articles that this test alone holds (it may index more)."""
    library = Library.in_memory()
    library.index_paths([DATA])
    yield library
    library.close()


@pytest.fixture
def story_library() -> Iterator[Library]:
    """STORY_ARTICLES (a Gaza toll over two days, five outlets) in a RAM library of its own."""
    library = Library.in_memory(STORY_ARTICLES)
    yield library
    library.close()


@pytest.fixture
def make_app(library: Library) -> MakeApp:
    """Build an app over the test library (or another one)."""

    def build(lib: Library | None = None, seed_dir: Path | None = None) -> NewsdeskApp:
        return NewsdeskApp(lib if lib is not None else library, seed_dir=seed_dir)

    return build


@pytest.fixture
def notes() -> Notes:
    """A message hook that records notifications."""
    return Notes()
