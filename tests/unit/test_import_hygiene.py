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


def test_import_library_leaves_the_parsers_unloaded() -> None:
    """Opening the facade for searching does not import the ingest pipeline."""
    code = (
        "import sys\nfrom index import Library\n"
        "heavy = ('index.parse.document', 'index.ingest.ingester')\n"
        "print(' '.join(m for m in heavy if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""


def test_import_app_leaves_the_story_unloaded() -> None:
    """The app starts without the plotting library and the story's models (~125 ms of CPU):
    they load when the story screen first opens."""
    code = (
        "import sys\nimport tui.app\n"
        "late = ('textual_plotext', 'plotext', 'index.story.models', 'tui.screens.story')\n"
        "print(' '.join(m for m in late if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == ""
