"""Import hygiene: `index` never loads the UI stack; `tui` and the CLI import cheaply."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent


def loaded_after(statement: str) -> set[str]:
    """The top-level modules loaded by running `statement` in a fresh interpreter."""
    listing = "print(' '.join(sorted({m.split('.')[0] for m in sys.modules})))"
    code = f"import sys\n{statement}\n{listing}"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def test_import_index_loads_no_ui() -> None:
    """`import index` and the whole facade load neither textual, rich nor tui."""
    loaded = loaded_after(
        "import index\nfrom index import Library\nimport index.library\n"
        "import index.ingest.ingester, index.search.engine, index.compare.comparison\n"
        "import index.bookmarks.store, index.store.article_store\n"
        "import index.story.store, index.story.consensus, index.story.svg"
    )
    assert not loaded & {"textual", "rich", "tui"}


def test_import_tui_is_cheap() -> None:
    """`import tui` loads neither textual, rich, whoosh nor the index."""
    loaded = loaded_after("import tui")
    assert not loaded & {"textual", "rich", "whoosh", "index"}


def test_import_cli_does_not_load_textual() -> None:
    """The CLI module (what `newsdesk search` imports) leaves Textual and rich unloaded."""
    loaded = loaded_after("import tui.cli.main")
    assert not loaded & {"textual", "rich"}


def loaded_of(statement: str, modules: tuple[str, ...]) -> list[str]:
    """Which of `modules` running `statement` in a fresh interpreter loads."""
    code = f"import sys\n{statement}\nprint(' '.join(m for m in {modules!r} if m in sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    return result.stdout.split()


def test_import_library_leaves_the_parsers_unloaded() -> None:
    """Opening the facade for searching does not import the ingest pipeline."""
    heavy = ("index.parse.document", "index.ingest.ingester")
    assert loaded_of("from index import Library", heavy) == []


def test_import_app_leaves_the_story_unloaded() -> None:
    """The app starts without the plotting library and the story's models (~125 ms of CPU):
    they load when the story screen first opens."""
    late = ("textual_plotext", "plotext", "index.story.models", "tui.screens.story")
    assert loaded_of("import tui.app", late) == []
