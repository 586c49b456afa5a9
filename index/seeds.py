"""Where the bundled sample articles live: inside the wheel, or in a source checkout."""

from __future__ import annotations

from pathlib import Path

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
