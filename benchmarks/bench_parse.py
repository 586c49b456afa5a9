"""Parse cost per article: newsdesk's parser on Reuters, this checkout against another.

Not a test: a script that prints numbers. Issue 10's cost bar ("parsing may not get slower
per article by more than 15%") compares two checkouts of the code on the same documents in
the same run, so `--against DIR` parses with the code of another checkout (a `git worktree`
of the commit before) in a child process, after this one.

Two measures, because wall time on a shared two-core machine moves by ±10% between runs:

* CPU time (`time.process_time`), best of `--repeat` passes after a warm-up pass;
* with `--callgrind`, the instruction count of one pass under valgrind (exact and repeatable;
  valgrind must be installed), which is how the numbers in benchmarks/README.md were taken.

    python benchmarks/bench_parse.py --corpus /tmp/corpora/reuters21578 --against /tmp/wt-before
    python benchmarks/bench_parse.py --callgrind --against /tmp/wt-before --docs 300
    python benchmarks/bench_parse.py --corpus /tmp/corpora/gaza-fulltext/records.jsonl --docs 600

`--corpus` is Reuters' folder of `.txt` files by default; a JSON Lines file of records is
read as the app reads one (the product's own texts, where place and party cues abound).
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = Path("/tmp/corpora/reuters21578")


def _measure(root: Path, corpus: Path, docs: int, repeat: int) -> dict[str, float]:
    """Parse `docs` documents with the code at `root`: CPU seconds per pass (best of `repeat`)."""
    sys.path.insert(0, str(root))
    from index.models import ArticleId
    from index.parse.document import parse_document
    from index.readers import read_documents

    if corpus.is_file():  # a JSON Lines file of records (a Gaza corpus's records.jsonl)
        files = [corpus]
    else:
        files = sorted((corpus / "articles").glob("*.txt")) or sorted(corpus.glob("*.txt"))
    texts = [d for f in files for d in read_documents(f)][:docs]
    pairs = [(d, ArticleId(str(i))) for i, d in enumerate(texts)]
    for document, article_id in pairs:  # warm-up (no starmap: callgrind counts starmap only)
        parse_document(document, article_id)
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        collections.deque(itertools.starmap(parse_document, pairs), maxlen=0)
        best = min(best, time.process_time() - started)
    return {"docs": len(pairs), "cpu_s": best, "cpu_ms_per_doc": 1000 * best / len(pairs)}


def _child(root: Path, corpus: Path, docs: int, repeat: int, callgrind: bool) -> dict[str, float]:
    """Run the measurement for `root` in a fresh interpreter (optionally under callgrind)."""
    command = [
        sys.executable,
        __file__,
        "--child",
        str(root),
        "--corpus",
        str(corpus),
        "--docs",
        str(docs),
        "--repeat",
        str(repeat),
    ]
    if not callgrind:
        output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
        return dict(json.loads(output.splitlines()[-1]))
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "cg.out"
        done = subprocess.run(
            [
                "valgrind",
                "--tool=callgrind",
                "--collect-atstart=no",
                "--toggle-collect=starmap_next",
                f"--callgrind-out-file={out}",
                *command,
                "--repeat",
                "1",
            ],
            check=True,
            capture_output=True,
            text=True,
            env={**os.environ, "PYTHONHASHSEED": "0"},
        )
        found = re.search(r"Collected : (\d+)", done.stderr)
        result = dict(json.loads(done.stdout.splitlines()[-1]))
        result["instructions"] = int(found.group(1)) if found else float("nan")
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--against", type=Path, help="another checkout to compare with")
    parser.add_argument("--callgrind", action="store_true", help="count instructions")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child is not None:
        print(json.dumps(_measure(args.child, args.corpus, args.docs, args.repeat)))
        return
    if args.callgrind and shutil.which("valgrind") is None:
        raise SystemExit("--callgrind needs valgrind (apt-get install valgrind)")
    roots = [REPO, *([args.against] if args.against else [])]
    results = {
        str(root): _child(root, args.corpus, args.docs, args.repeat, args.callgrind)
        for root in roots
    }
    for root, result in results.items():
        line = f"{root}: {result['docs']:.0f} docs, {result['cpu_ms_per_doc']:.3f} CPU-ms per doc"
        if "instructions" in result:
            line += f", {result['instructions'] / 1e6:,.1f}M instructions per pass"
        print(line)
    if args.against:
        now, before = results[str(REPO)], results[str(args.against)]
        key = "instructions" if args.callgrind else "cpu_ms_per_doc"
        print(f"this checkout / {args.against}: {now[key] / before[key]:.3f} ({key})")


if __name__ == "__main__":
    main()
