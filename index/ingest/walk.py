"""Find the files `newsdesk index PATH…` should read: recursive, symlink-loop safe."""

from __future__ import annotations

import errno
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


def _entry_problem(entry: os.DirEntry[str], suffixes: Collection[str]) -> str | None:
    """Why a listed entry cannot be indexed (None: it is a folder, a candidate or ignored).

    Only entries that look like articles (a supported suffix) or folders are reported: a
    broken link, a link loop, a FIFO, a name that is not UTF-8.
    """
    wanted = _suffix(entry.name) in suffixes
    try:
        entry.name.encode("utf-8")
    except UnicodeEncodeError:
        return "its name is not valid UTF-8: rename it" if wanted else None
    try:
        if entry.is_dir() or (entry.is_file() and not wanted):
            return None
        if entry.is_file():
            return None
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a symbolic link loop" if wanted else None
        return f"cannot be read ({error.strerror or error})" if wanted else None
    if not wanted:
        return None
    if entry.is_symlink() and not Path(entry.path).exists():
        return "a broken symbolic link (its target does not exist)"
    return "not a regular file (a FIFO, socket or device)"


def _walk_folder(
    folder: Path, suffixes: Collection[str], seen_dirs: set[str], result: Discovery
) -> list[Path]:
    """Every supported, non-hidden file below a folder; each real folder visited once.

    Uses `os.scandir` (file types come with the listing) and resolves only symlinks, so a
    large folder costs one `readdir` per folder rather than a `realpath` per file. A bad
    entry (see `_entry_problem`) or a folder that cannot be listed gets its skip line in
    `result` and the walk goes on.
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
        except OSError as error:
            reason = f"folder cannot be read ({error.strerror or error}): it was skipped"
            result.skipped.append(SkippedFile(_shown(real), reason))
            continue
        subfolders = []
        for entry in entries:
            if _hidden(entry.name):
                continue
            problem = _entry_problem(entry, suffixes)
            if problem is not None:
                result.skipped.append(SkippedFile(_shown(entry.path), problem))
                continue
            target = os.path.realpath(entry.path) if entry.is_symlink() else entry.path
            if entry.is_dir():
                subfolders.append(target)
            elif entry.is_file() and _suffix(entry.name) in suffixes:
                found.append(Path(target))
        stack.extend(reversed(subfolders))
    return found


def _shown(path: str) -> str:
    """A path for a message: bytes that are not UTF-8 written as backslash escapes."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


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
        return _walk_folder(real, suffixes, seen_dirs, result)
    if path.is_file() and path.suffix.lower() in suffixes:
        try:
            str(path).encode("utf-8")
        except UnicodeEncodeError:
            reason = "its name is not valid UTF-8: rename it"
            result.skipped.append(SkippedFile(_shown(str(path)), reason))
            return []
        return [Path(os.path.realpath(path))]
    if path.is_file():
        reason = f"unsupported file type (supported: {_supported_list(suffixes)})"
        result.skipped.append(SkippedFile(str(path), reason))
    elif path.exists():
        result.skipped.append(SkippedFile(str(path), "not a regular file or folder"))
    elif path.is_symlink():
        reason = "a broken symbolic link or a symbolic link loop"
        result.skipped.append(SkippedFile(_shown(str(path)), reason))
    else:
        result.missing.append(Path(os.path.realpath(path)))
        result.skipped.append(SkippedFile(str(path), "no such file or folder"))
    return []
