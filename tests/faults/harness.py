"""The fault classes of issue 11, each one run that says whether the library survived.

Shared by the fault suite (`tests/faults/`, a few seeded runs of each class) and by
`benchmarks/faults.py` (many runs, a table). Every run drives the real command line in
subprocesses (`python -m tui …`) against its own NEWSDESK_HOME and returns an `Outcome`:
whether it survived (no traceback, every error one `newsdesk:` line, the library usable
after the step that line suggests) and how many committed articles or saved bookmarks
were lost.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent.parent
SENTENCE_SOURCES = (REPO / "tests" / "data" / "articles", REPO / "seeds")
COMMAND_TIMEOUT = 120.0
"""Seconds any one command may take before the run counts as hung (a failure)."""
_SENTENCE = re.compile(r"[^.!?\n]{40,300}[.!?]")


@dataclass
class Outcome:
    """What one fault run found."""

    fault: str
    survived: bool = True
    lost: int = 0
    """Committed articles or saved bookmarks missing afterwards."""
    notes: list[str] = field(default_factory=list)

    def fail(self, note: str) -> None:
        """Record why the run did not survive."""
        self.survived = False
        self.notes.append(note)


@dataclass(frozen=True)
class Result:
    """One finished command."""

    status: int
    out: str
    err: str


def make_corpus(folder: Path, count: int, seed: int) -> list[Path]:
    """`count` distinct article files made of shuffled sentences of the test articles."""
    rng = random.Random(seed)
    sentences: list[str] = []
    for source in SENTENCE_SOURCES:
        for path in sorted(source.glob("*.txt")):
            sentences += [m.group().strip() for m in _SENTENCE.finditer(path.read_text())]
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(count):
        picked = rng.sample(sentences, 8)
        title = f"Report {number} on the talks in Doha, {rng.randint(2, 999)} released"
        body = "\n\n".join(" ".join(picked[i : i + 2]) for i in range(0, 8, 2))
        path = folder / f"article_{number:05d}.txt"
        path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")
        paths.append(path)
    return paths


def environment(home: Path) -> dict[str, str]:
    """The environment of a command: its own home, no colour, no debug re-raise."""
    env = {k: v for k, v in os.environ.items() if k != "NEWSDESK_DEBUG"}
    env.update(NEWSDESK_HOME=str(home), NO_COLOR="1", COLUMNS="200", PYTHONPATH=str(REPO))
    return env


def command(*argv: str) -> list[str]:
    """The argv of `newsdesk ARGV` run from this checkout."""
    return [sys.executable, "-m", "tui", *argv]


def run(home: Path, *argv: str, limits: Callable[[], None] | None = None) -> Result:
    """Run `newsdesk ARGV` to the end (a hang past COMMAND_TIMEOUT raises TimeoutExpired)."""
    done = subprocess.run(
        command(*argv),
        env=environment(home),
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
        preexec_fn=limits,
        check=False,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def clean_error(result: Result, outcome: Outcome, what: str) -> None:
    """No traceback; a failure is one `newsdesk:` line (plus an optional hint line)."""
    if "Traceback" in result.err:
        outcome.fail(f"{what}: traceback: {result.err.strip().splitlines()[-1]}")
        return
    if result.status != 0:
        lines = [line for line in result.err.splitlines() if line.strip()]
        first = [line for line in lines if line.startswith("newsdesk:")]
        if len(first) != 1:
            outcome.fail(f"{what}: exit {result.status} without one clear line: {lines[:3]}")


def article_ids(home: Path, outcome: Outcome) -> set[str] | None:
    """The ids the library holds (None when it cannot be read; the way out is then tried)."""
    probe = (
        "import json,sys\n"
        "from index import Library, default_paths\n"
        "lib = Library.open(default_paths())\n"
        "print(json.dumps(sorted(lib._store.ids())))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        env=environment(home),
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
        check=False,
    )
    if done.returncode != 0:
        return None
    return set(json.loads(done.stdout))


def bookmark_notes(home: Path, outcome: Outcome) -> set[str]:
    """The notes of every bookmark (`bookmarks list --json`, which must work)."""
    result = run(home, "bookmarks", "list", "--json")
    clean_error(result, outcome, "bookmarks list")
    if result.status != 0:
        outcome.fail(f"bookmarks list failed: {result.err.strip()}")
        return set()
    return {mark["note"] for mark in json.loads(result.out)}


def follow_advice(home: Path, result: Result, outcome: Outcome, sources: Sequence[Path]) -> None:
    """Take the way out a failed command's line names: check --repair, or index --rebuild."""
    if result.status == 0:
        return
    steps: list[list[str]] = []
    if "check --repair" in result.err:
        steps.append(["check", "--repair"])
    if "index --rebuild" in result.err or "--rebuild" in result.err:
        steps.append(["index", "--rebuild", *map(str, sources)])
    if not steps:
        outcome.fail(f"failed without a way out: {result.err.strip()}")
        return
    for step in steps:
        done = run(home, *step)
        if step[0] == "check":
            # `check` reports on stdout: one problem and one hint line each, exit 1.
            if "Traceback" in done.err or (done.status != 0 and "hint:" not in done.out):
                outcome.fail(f"check --repair: exit {done.status}: {(done.out + done.err)[-300:]}")
        else:
            clean_error(done, outcome, " ".join(step[:2]))
        if done.status == 0:
            return


def usable(home: Path, outcome: Outcome, sources: Sequence[Path]) -> set[str]:
    """The library's ids after following the advice of a failing search (and index run)."""
    runs = [["search", "Doha", "--json"]] + ([["index", *map(str, sources)]] if sources else [])
    for argv in runs:
        result = run(home, *argv)
        clean_error(result, outcome, argv[0])
        follow_advice(home, result, outcome, sources)
    result = run(home, "search", "Doha", "--json")
    if result.status != 0:
        outcome.fail(f"search still fails after the suggested step: {result.err.strip()}")
    ids = article_ids(home, outcome)
    if ids is None:
        outcome.fail("the index cannot be opened after the suggested step")
        return set()
    return ids


def workers_gone(group: int, outcome: Outcome) -> None:
    """Every process of the killed run's group has ended (workers die with their parent)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.killpg(group, 0)
        except ProcessLookupError:
            return
        time.sleep(0.05)
    outcome.fail("worker processes outlived the killed run")
    with contextlib.suppress(ProcessLookupError):
        os.killpg(group, signal.SIGKILL)


def start(home: Path, *argv: str) -> subprocess.Popen[str]:
    """Start `newsdesk ARGV` in its own process group (so its workers can be counted)."""
    return subprocess.Popen(
        command(*argv),
        env=environment(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )


@dataclass(frozen=True)
class Template:
    """A library set up once (first part indexed, bookmarks saved) and copied per run."""

    home: Path
    corpus: Path
    committed: set[str]
    notes: set[str]

    def copy(self, target: Path) -> Path:
        """A fresh copy of the library at `target`."""
        return copy_home(self.home, target)


def template(root: Path, seed: int = 1, first: int = 20, second: int = 450) -> Template:
    """Generate the corpus and the library every run starts from."""
    corpus = split_corpus(root / "corpus", seed, first, second)
    home = fresh_home(root, "template")
    committed, notes = prepared_library(home, corpus)
    return Template(home, corpus, committed, notes)


def prepared_library(home: Path, corpus: Path, *, bookmarks: int = 3) -> tuple[set[str], set[str]]:
    """Index the first part of `corpus` (committed) and save bookmarks; (ids, notes)."""
    first = corpus / "first"
    result = run(home, "index", str(first), "--json")
    if result.status != 0:
        raise RuntimeError(f"setting up the library failed: {result.err}")
    ids = set(json.loads(result.out)["added"])
    notes = set()
    for number, article_id in enumerate(sorted(ids)[:bookmarks]):
        note = f"note {number}"
        done = run(home, "bookmarks", "add", article_id, "--paragraph", "1", "--note", note)
        if done.status != 0:
            raise RuntimeError(f"setting up a bookmark failed: {done.err}")
        notes.add(note)
    return ids, notes


def split_corpus(folder: Path, seed: int, first: int, second: int) -> Path:
    """`folder/first` and `folder/second` of distinct generated articles."""
    make_corpus(folder / "first", first, seed)
    made = make_corpus(folder / "second", first + second, seed + 1)
    for path in made[:first]:
        path.unlink()
    return folder


def survived_ids(
    outcome: Outcome, committed: set[str], notes: set[str], home: Path, sources: Sequence[Path]
) -> None:
    """Committed articles and saved bookmarks are all still there (counted as lost)."""
    ids = usable(home, outcome, sources)
    missing = committed - ids
    missing_notes = notes - bookmark_notes(home, outcome)
    outcome.lost += len(missing) + len(missing_notes)
    if missing or missing_notes:
        outcome.fail(f"lost {len(missing)} articles and {len(missing_notes)} bookmarks")


# --- the fault classes ------------------------------------------------------------


def kill_index(base: Template, home: Path, rng: random.Random, window: float) -> Outcome:
    """kill -9 an `index` (or `--rebuild`) run at a random point of `window` seconds.

    After a plain run nothing committed may be missing. A rebuild starts from an empty
    index, so its way out is running it again: that is done before counting.
    """
    rebuild = rng.random() < 0.3
    outcome = Outcome("kill -9 index --rebuild" if rebuild else "kill -9 index")
    base.copy(home)
    argv = ["index", str(base.corpus)] + (["--rebuild"] if rebuild else [])
    process = start(home, *argv)
    time.sleep(rng.uniform(0, window))
    with contextlib.suppress(ProcessLookupError):
        os.kill(process.pid, signal.SIGKILL)
    process.communicate(timeout=COMMAND_TIMEOUT)
    workers_gone(process.pid, outcome)
    if rebuild:
        again = run(home, *argv)
        clean_error(again, outcome, "index --rebuild again")
        follow_advice(home, again, outcome, [base.corpus])
    survived_ids(outcome, base.committed, base.notes, home, [])
    return outcome


def interrupt_index(
    base: Template, home: Path, rng: random.Random, window: float, sig: int
) -> Outcome:
    """SIGINT or SIGTERM to an `index` run at a random point: it ends soon, its workers with
    it, with no traceback, and nothing committed is lost."""
    outcome = Outcome(f"{signal.Signals(sig).name} index")
    base.copy(home)
    process = start(home, "index", str(base.corpus))
    time.sleep(rng.uniform(0.5, window))
    with contextlib.suppress(ProcessLookupError):
        os.kill(process.pid, sig)
    try:
        _out, err = process.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        outcome.fail(f"the run went on 30 s after {signal.Signals(sig).name}")
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        _out, err = process.communicate()
    if "Traceback" in err:
        outcome.fail(f"a traceback after {signal.Signals(sig).name}: {err[-400:]}")
    workers_gone(process.pid, outcome)
    survived_ids(outcome, base.committed, base.notes, home, [])
    return outcome


BOOKMARK_WRITER = """
import sys
from index import Library, default_paths
lib = Library.open(default_paths(), lazy=True)
ids = sys.argv[1:]
for number in range(10_000):
    lib.add_bookmark(ids[number % len(ids)], 0, note=f"k{number}")
    print(f"k{number}", flush=True)
"""


def kill_bookmarks(base: Template, home: Path, rng: random.Random, window: float) -> Outcome:
    """kill -9 a process saving bookmarks; every bookmark it reported saved is there."""
    outcome = Outcome("kill -9 bookmarks")
    base.copy(home)
    committed, notes = base.committed, base.notes
    process = subprocess.Popen(
        [sys.executable, "-c", BOOKMARK_WRITER, *sorted(committed)[:5]],
        env=environment(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(rng.uniform(0.3, 0.3 + window))
    process.kill()
    out, _ = process.communicate(timeout=COMMAND_TIMEOUT)
    saved = set(out.split()) | notes
    survived_ids(outcome, committed, saved, home, [])
    return outcome


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _zero(path: Path) -> None:
    path.write_bytes(b"")


def _garble(path: Path) -> None:
    data = bytearray(path.read_bytes())
    for i in range(0, len(data), 7):
        data[i] ^= 0xA5
    path.write_bytes(bytes(data))


DAMAGES: dict[str, Callable[[Path], None]] = {
    "truncated": _truncate,
    "zeroed": _zero,
    "garbled": _garble,
    "deleted": Path.unlink,
}
"""What is done to one index file."""


def index_files(home: Path) -> list[str]:
    """The names of the files of an index (the manifest and the lock file included)."""
    skip = {"MAIN_WRITELOCK", "newsdesk.lock"}
    return sorted(
        p.name
        for p in (home / "index").iterdir()
        if p.name not in skip and not p.name.endswith(("-wal", "-shm"))
    )


def damage_file(base: Template, home: Path, name: str, how: str) -> Outcome:
    """Damage one index file; every command fails cleanly and the advice restores all."""
    base.copy(home)
    committed, notes, first = base.committed, base.notes, base.corpus / "first"
    outcome = Outcome(f"{how} index file")
    path = home / "index" / name
    if path.exists():
        DAMAGES[how](path)
    for argv in (["search", "Doha"], ["show", sorted(committed)[0]], ["bookmarks", "list"]):
        clean_error(run(home, *argv), outcome, " ".join(argv[:1]))
    survived_ids(outcome, committed, notes, home, [first])
    return outcome


def concurrent_rebuild(base: Template, home: Path) -> Outcome:
    """`index --rebuild` while an `index` runs: it changes nothing and says so in one line."""
    outcome = Outcome("concurrent index/--rebuild")
    base.copy(home)
    committed, notes, corpus = base.committed, base.notes, base.corpus
    first = start(home, "index", str(corpus))
    lock = home / "index" / "newsdesk.lock"
    deadline = time.monotonic() + COMMAND_TIMEOUT
    while time.monotonic() < deadline and first.poll() is None:
        with contextlib.suppress(OSError):
            if lock.read_text().strip() == str(first.pid):
                break
        time.sleep(0.01)
    second = run(home, "index", "--rebuild", str(corpus))
    clean_error(second, outcome, "index --rebuild")
    _, err = first.communicate(timeout=COMMAND_TIMEOUT)
    if first.returncode != 0:
        outcome.fail(f"the first run failed: {err.strip()[-300:]}")
    if second.status == 0 and first.returncode == 0 and "Another newsdesk" not in second.err:
        outcome.notes.append("the runs did not overlap")
    survived_ids(outcome, committed, notes, home, [corpus])
    return outcome


def full_disk(base: Template, home: Path, rng: random.Random) -> Outcome:
    """`index` with `ulimit -f` (files may not grow past a few hundred KB): a clean line."""
    outcome = Outcome("full disk (ulimit -f)")
    base.copy(home)
    committed, notes, corpus = base.committed, base.notes, base.corpus
    size = rng.randint(64, 2048) * 1024

    def limit() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails: EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    result = run(home, "index", str(corpus), limits=limit)
    clean_error(result, outcome, "index under ulimit -f")
    survived_ids(outcome, committed, notes, home, [])
    again = run(home, "index", str(corpus))
    clean_error(again, outcome, "index once space is back")
    return outcome


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[bool]:
    """`folder` bind-mounted read-only on itself (False when mounting is not allowed)."""
    try:
        subprocess.run(
            ["mount", "--bind", str(folder), str(folder)], check=True, capture_output=True
        )
    except (OSError, subprocess.CalledProcessError):
        yield False
        return
    try:
        subprocess.run(
            ["mount", "-o", "remount,bind,ro", str(folder)], check=True, capture_output=True
        )
        yield True
    finally:
        subprocess.run(["umount", str(folder)], check=False, capture_output=True)


def read_only_home(base: Template, home: Path) -> Outcome | None:
    """A read-only home: reading works, each change is refused with a read-only line."""
    outcome = Outcome("read-only home")
    base.copy(home)
    committed, notes, corpus = base.committed, base.notes, base.corpus
    with read_only(home) as mounted:
        if not mounted:
            return None
        if bookmark_notes(home, outcome) != notes:
            outcome.fail("bookmarks cannot be listed from a read-only home")
        for argv in (
            ["search", "Doha"],
            ["show", sorted(committed)[0]],
            ["bookmarks", "export", "--format", "json"],
        ):
            result = run(home, *argv)
            clean_error(result, outcome, argv[0])
            if result.status != 0:
                outcome.fail(f"{argv[0]} fails in a read-only home: {result.err.strip()}")
        for argv in (
            ["bookmarks", "add", sorted(committed)[0], "--paragraph", "1"],
            ["index", str(corpus)],
        ):
            result = run(home, *argv)
            clean_error(result, outcome, argv[0])
            if result.status == 0 or "read-only" not in result.err:
                outcome.fail(f"{argv[0]}: not refused as read-only: {result.err.strip()}")
            if "move it aside" in result.err:
                outcome.fail(f"{argv[0]}: advises moving the file aside")
    survived_ids(outcome, committed, notes, home, [corpus / "first"])
    return outcome


def fresh_home(root: Path, name: str) -> Path:
    """An empty NEWSDESK_HOME under `root`."""
    home = root / name
    shutil.rmtree(home, ignore_errors=True)
    home.mkdir(parents=True)
    return home


def copy_home(source: Path, target: Path) -> Path:
    """A copy of a library (to damage without setting one up each time)."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source, target)
    return target


def summary(outcomes: Sequence[Outcome]) -> dict[str, tuple[int, int, int]]:
    """(runs, survived, lost) per fault class."""
    table: dict[str, tuple[int, int, int]] = {}
    for outcome in outcomes:
        runs, survived, lost = table.get(outcome.fault, (0, 0, 0))
        table[outcome.fault] = (runs + 1, survived + outcome.survived, lost + outcome.lost)
    return table
