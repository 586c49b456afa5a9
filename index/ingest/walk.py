"""Find the files `newsdesk index PATH…` should read: recursive, symlink-loop safe."""

from __future__ import annotations

import os
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from index.models import SkippedFile


@dataclass(slots=True)
class Discovery:
    """What a walk over the named paths found."""

    files: list[Path] = field(default_factory=list)
    """Readable candidates, resolved, each once, in a stable order."""
    folders: list[Path] = field(default_factory=list)
    """The named folders (resolved): their vanished files are removed from the library."""
    missing: list[Path] = field(default_factory=list)
    """Named files that do not exist (absolute)."""
    skipped: list[SkippedFile] = field(default_factory=list)
    """Named paths that cannot be indexed, with the reason."""


def _hidden(name: str) -> bool:
    """True for dot-files and dot-folders (.git, .venv, .DS_Store)."""
    return name.startswith(".")


def _suffix(name: str) -> str:
    """A file name's lower-case suffix with the dot, like `Path.suffix` but without a Path."""
    dot = name.rfind(".")
    return name[dot:].lower() if dot > 0 else ""


def _walk_folder(folder: Path, suffixes: Collection[str], seen_dirs: set[str]) -> list[Path]:
    """Every supported, non-hidden file below a folder; each real folder visited once.

    Uses `os.scandir` (file types come with the listing) and resolves only symlinks, so a
    large folder costs one `readdir` per folder rather than a `realpath` per file.
    """
    found: list[Path] = []
    stack = [os.path.realpath(folder)]
    while stack:
        real = stack.pop()
        if real in seen_dirs:
            continue  # a symlink loop, or a folder reached twice: do not descend again
        seen_dirs.add(real)
        try:
            with os.scandir(real) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError:
            continue
        subfolders = []
        for entry in entries:
            if _hidden(entry.name):
                continue
            target = os.path.realpath(entry.path) if entry.is_symlink() else entry.path
            if entry.is_dir():
                subfolders.append(target)
            elif entry.is_file() and _suffix(entry.name) in suffixes:
                found.append(Path(target))
        stack.extend(reversed(subfolders))
    return found


def _supported_list(suffixes: Collection[str]) -> str:
    """The supported suffixes as a short human list."""
    return ", ".join(sorted(suffixes))


def discover(sources: Sequence[Path], suffixes: Collection[str]) -> Discovery:
    """Walk the named files and folders.

    Folders are walked recursively, following symlinks but never entering the same real
    folder twice (so loops end); hidden files and folders are left out, and so are files
    with unsupported suffixes. A file named directly with an unsupported suffix, or a path
    that is neither file nor folder, is reported in `skipped` with a reason.

    Args:
        sources: Files and folders as the user named them.
        suffixes: Lower-case suffixes with the dot (".txt").

    Returns:
        The discovery; `files` holds real paths, de-duplicated, in the order found.
    """
    result = Discovery()
    seen_dirs: set[str] = set()
    seen_files: set[Path] = set()
    for source in sources:
        for candidate in _candidates(Path(source).expanduser(), suffixes, seen_dirs, result):
            if candidate not in seen_files:
                seen_files.add(candidate)
                result.files.append(candidate)
    return result


def _candidates(
    path: Path, suffixes: Collection[str], seen_dirs: set[str], result: Discovery
) -> list[Path]:
    """The files one named path stands for; folders and skips are noted in `result`."""
    if path.is_dir():
        real = Path(os.path.realpath(path))
        result.folders.append(real)
        return _walk_folder(real, suffixes, seen_dirs)
    if path.is_file() and path.suffix.lower() in suffixes:
        return [Path(os.path.realpath(path))]
    if path.is_file():
        reason = f"unsupported file type (supported: {_supported_list(suffixes)})"
        result.skipped.append(SkippedFile(str(path), reason))
    elif path.exists():
        result.skipped.append(SkippedFile(str(path), "not a regular file or folder"))
    else:
        result.missing.append(Path(os.path.realpath(path)))
        result.skipped.append(SkippedFile(str(path), "no such file or folder"))
    return []
