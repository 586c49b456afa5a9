"""Checksums of the index files a commit writes, and the checks that name a damaged file.

After each commit `record_checksums` writes `newsdesk-checksums` (JSON): the size and SHA-256
of the table of contents (TOC) and of every file of its segments. Segment files are written
once, so a file already recorded with the same size and mtime is not hashed again.

`damaged_files` compares the folder with that record: a missing or empty TOC, a missing,
empty, resized or (for the files it hashes) changed segment file. On open it hashes only the
small files (the TOC, the length and date columns: garbling them silently changes rankings)
and checks the sizes of the others; `newsdesk check` hashes every file. A record older than
the TOC (a kill between the commit and the record) is used for the segments it names.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC

CHECKSUM_FILE = "newsdesk-checksums"
"""The record, next to Whoosh's files."""
CHEAP_HASH_LIMIT = 1 << 20
"""On open, files up to this size (1 MiB) are hashed; larger ones only have their size checked."""

_TOC = re.compile(r"_MAIN_(\d+)\.toc")
_SEGMENT_FILE = re.compile(r"(MAIN_[a-z0-9]+)\.")


@dataclass(frozen=True, slots=True)
class Damage:
    """One damaged index file and what is wrong with it."""

    name: str
    """The file name inside the index folder."""
    problem: str
    """"is missing", "is empty (0 bytes)", "has changed size", "does not match its checksum"."""


def latest_toc(index_dir: Path) -> str | None:
    """The newest table-of-contents file name in `index_dir`, or None."""
    best: tuple[int, str] | None = None
    for name in _names(index_dir):
        match = _TOC.fullmatch(name)
        if match and (best is None or int(match.group(1)) > best[0]):
            best = (int(match.group(1)), name)
    return None if best is None else best[1]


def segment_files_present(index_dir: Path) -> list[str]:
    """Whoosh segment files in `index_dir` (what a library with articles holds)."""
    return sorted(n for n in _names(index_dir) if _SEGMENT_FILE.match(n) and n != "MAIN_WRITELOCK")


def _names(index_dir: Path) -> list[str]:
    try:
        return [entry.name for entry in index_dir.iterdir()]
    except FileNotFoundError:
        return []


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _load(index_dir: Path) -> tuple[str | None, dict[str, object]]:
    """The recorded TOC and files ({name: {size, mtime_ns, sha256}}); (None, {}) if none."""
    try:
        data = json.loads((index_dir / CHECKSUM_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None, {}
    if not isinstance(data, dict):
        return None, {}
    files = data.get("files")
    toc = data.get("toc")
    return (toc if isinstance(toc, str) else None), (files if isinstance(files, dict) else {})


def record_checksums(index_dir: Path) -> None:
    """Record the newest TOC and the files of its segments (called after each commit).

    Raises:
        OSError: the record cannot be written (a full disk); the index itself is committed.
    """
    toc = latest_toc(index_dir)
    if toc is None:
        return
    segment_ids = [
        segment.segment_id() for segment in TOC.read(FileStorage(str(index_dir)), "MAIN").segments
    ]
    _, old = _load(index_dir)
    names = [toc] + [
        n for n in _names(index_dir) if any(n.startswith(f"{s}.") for s in segment_ids)
    ]
    files: dict[str, dict[str, object]] = {}
    for name in sorted(names):
        stat = (index_dir / name).stat()
        known = old.get(name)
        if (
            isinstance(known, dict)
            and known.get("size") == stat.st_size
            and known.get("mtime_ns") == stat.st_mtime_ns
            and name != toc
        ):
            files[name] = known
            continue
        files[name] = {
            "size": stat.st_size,
            "mtime_ns": stat.st_mtime_ns,
            "sha256": _sha256(index_dir / name),
        }
    data = {"toc": toc, "segments": sorted(segment_ids), "files": files}
    temporary = index_dir / f".{CHECKSUM_FILE}.tmp"
    with temporary.open("w", encoding="utf-8") as stream:
        json.dump(data, stream)
        stream.flush()
        os.fsync(stream.fileno())
    temporary.replace(index_dir / CHECKSUM_FILE)


def damaged_files(index_dir: Path, *, full: bool = False) -> list[Damage]:
    """The index files that are missing, empty or changed (see the module docstring).

    Args:
        index_dir: The index folder.
        full: Hash every recorded file (`newsdesk check`), not only the small ones.
    """
    toc = latest_toc(index_dir)
    if toc is None:
        return []
    damage: list[Damage] = []
    if (index_dir / toc).stat().st_size == 0:
        damage.append(Damage(toc, "is empty (0 bytes)"))
    recorded_toc, recorded = _load(index_dir)
    # A record older than the TOC (killed between commit and record) may name segments a
    # merge has since deleted: then only the files still there are checked.
    current = recorded_toc == toc
    for name, entry in sorted(recorded.items()):
        if name.endswith(".toc") and name != toc:
            continue  # an older generation: replaced by the newer TOC
        if not current and not (index_dir / name).exists():
            continue
        problem = _problem(index_dir / name, entry, full=full)
        if problem is not None and not (name == toc and damage):
            damage.append(Damage(name, problem))
    return damage


def _problem(path: Path, entry: object, *, full: bool) -> str | None:
    if not isinstance(entry, dict):
        return None
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return "is missing"
    if size == 0 and entry.get("size") != 0:
        return "is empty (0 bytes)"
    if size != entry.get("size"):
        return "has changed size"
    if (full or size <= CHEAP_HASH_LIMIT) and _sha256(path) != entry.get("sha256"):
        return "does not match its checksum"
    return None
