"""Where newsdesk keeps its data: resolved once, then injected.

`NEWSDESK_HOME`, when set, holds everything (index, bookmarks, config). Otherwise data goes
to the platform data directory and config to the platform config directory (XDG on Linux).
Nothing here touches the disk at import time. The bundled sample articles (`seeds/`) are
found here too: inside the wheel, or in a source checkout.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "newsdesk"
HOME_VARIABLE = "NEWSDESK_HOME"


@dataclass(frozen=True, slots=True)
class DataPaths:
    """The files and folders newsdesk reads and writes."""

    data_dir: Path
    config_dir: Path

    @property
    def index_dir(self) -> Path:
        """The Whoosh index folder."""
        return self.data_dir / "index"

    @property
    def bookmarks_file(self) -> Path:
        """The SQLite bookmarks database."""
        return self.data_dir / "bookmarks.sqlite3"

    @property
    def config_file(self) -> Path:
        """The user's config file (optional)."""
        return self.config_dir / "config.toml"

    @property
    def parties_file(self) -> Path:
        """The user's own gazetteer additions (optional JSON)."""
        return self.config_dir / "parties.json"

    @property
    def outlets_file(self) -> Path:
        """The user's own outlet table additions (optional JSON)."""
        return self.config_dir / "outlets.json"


def default_paths(environ: Mapping[str, str] | None = None) -> DataPaths:
    """Resolve the data and config directories from the environment.

    Args:
        environ: The environment to read; `os.environ` when None.

    Returns:
        `NEWSDESK_HOME` for both when set, else the platform's user data/config dirs.
    """
    env = os.environ if environ is None else environ
    home = env.get(HOME_VARIABLE, "").strip()
    if home:
        root = Path(home).expanduser()
        return DataPaths(data_dir=root, config_dir=root)
    return DataPaths(
        data_dir=Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
        config_dir=Path(platformdirs.user_config_dir(APP_NAME, appauthor=False)),
    )


_PACKAGE_DIR = Path(__file__).resolve().parent


def bundled_seeds_dir(package_dir: Path | None = None) -> Path | None:
    """Find the bundled `seeds/` folder.

    The wheel ships the repository's `seeds/` as `index/bundled_seeds` (a hatch
    force-include); in a source checkout the folder is `<repo>/seeds`, next to `index/`.

    Args:
        package_dir: The `index` package folder; this module's folder when None (tests pass
            another one).

    Returns:
        The folder, or None when neither location holds any seed file.
    """
    base = _PACKAGE_DIR if package_dir is None else package_dir
    for candidate in (base / "bundled_seeds", base.parent / "seeds"):
        if candidate.is_dir() and any(candidate.glob("*.txt")):
            return candidate
    return None


def bundled_seed(ref: str) -> Path | None:
    """The bundled copy of `seeds/NAME` (the README's example after a first run).

    The first run indexes the seeds shipped with the package, wherever pip put them, so
    the repository's `seeds/NAME` (or no such file at all, on a machine without the
    repository) is another path than the one indexed.
    """
    parts = Path(ref).parts
    if len(parts) < 2 or parts[-2] != "seeds":
        return None
    folder = bundled_seeds_dir()
    if folder is None or not (folder / parts[-1]).is_file():
        return None
    return folder / parts[-1]
