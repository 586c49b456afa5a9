"""Where an indexed library's bytes are, beside a plain Whoosh index of the same texts.

Not a test: a script that prints numbers (and `--json`). See benchmarks/README.md,
"Index size".

    NEWSDESK_HOME=/tmp/size100k newsdesk index /tmp/100k.jsonl
    python benchmarks/bench_size.py --home /tmp/size100k --text /tmp/100k.jsonl \
        [--plain /tmp/plain100k]

The library's index folder is summed by kind (every segment's `.pst`, `.trm`, each column,
the manifest, the figure store), against the size of `--text`. With `--plain`, a default
Whoosh index (`StemmingAnalyzer`, id / title / body, one writer, one commit, separate files,
W3's own block compression) of the library's article titles and texts is built there first,
in a child process that never imports newsdesk's store (whose import changes how Whoosh
pickles).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

_PLAIN_WRITER = f"""
import json, sys
sys.path.insert(0, {str(REPO)!r})
from whoosh.filedb.filestore import FileStorage
from benchmarks.plain_whoosh import plain_schema
ix = FileStorage(sys.argv[2]).create().create_index(plain_schema())
writer = ix.writer(limitmb=256, compound=False)
with open(sys.argv[1], encoding="utf-8") as texts:
    for line in texts:
        row = json.loads(line)
        writer.add_document(id=row["id"], title=row["title"], body=row["body"])
writer.commit()
"""


def sizes_by_kind(directory: Path) -> Counter[str]:
    """Bytes per kind of file: the part after the segment name (`pst`, `_stored.col`…)."""
    found: Counter[str] = Counter()
    for path in directory.iterdir():
        if path.is_file():
            name = path.name
            kind = name.split(".", 1)[-1] if name.startswith(("MAIN_", "_MAIN_")) else name
            found[kind] += path.stat().st_size
    return found


def build_plain(home: Path, out: Path) -> float:
    """Write the plain Whoosh index of the library's articles to `out`; its seconds."""
    from index.store.article_store import ArticleStore

    store = ArticleStore.open(home / "index")
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8") as texts:
        for article in store.articles():
            row = {"id": article.id, "title": article.title, "body": article.text}
            texts.write(json.dumps(row, ensure_ascii=False) + "\n")
        texts.flush()
        store.close()
        out.mkdir(parents=True, exist_ok=True)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", _PLAIN_WRITER, texts.name, str(out)], check=True)
        return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    """Print the size table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", type=Path, required=True, help="an indexed NEWSDESK_HOME")
    parser.add_argument("--text", type=Path, required=True, help="the indexed text (its bytes)")
    parser.add_argument("--plain", type=Path, help="build a plain Whoosh index here first")
    parser.add_argument("--json", action="store_true", help="print JSON only")
    args = parser.parse_args(argv)
    report: dict[str, object] = {"text_bytes": args.text.stat().st_size}
    if args.plain is not None:
        if not any(args.plain.glob("*.toc")):
            report["plain_seconds"] = round(build_plain(args.home, args.plain), 1)
        report["plain"] = dict(sizes_by_kind(args.plain).most_common())
    report["library"] = dict(sizes_by_kind(args.home / "index").most_common())
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    text = args.text.stat().st_size
    for name in ("library", "plain"):
        kinds = report.get(name)
        if not isinstance(kinds, dict):
            continue
        total = sum(kinds.values())
        print(f"{name}: {total / 1e6:.1f} MB = {total / text:.2f}x the text")
        for kind, size in kinds.items():
            if size >= 100_000:
                print(f"  {kind:28} {size / 1e6:8.1f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
