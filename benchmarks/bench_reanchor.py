"""Measure bookmark re-anchoring on real articles: outcome counts and time per bookmark.

Bookmarks every 3rd sentence of the first N BBC full-text articles of
/tmp/corpora/gaza-fulltext (or --corpus DIR: `articles/*.txt`, title line, blank line,
paragraphs separated by blank lines), then edits each article and re-anchors:

* unchanged      same text and hash         -> expect anchored
* inserted       a paragraph added on top   -> expect moved, same quote
* typo           two letters swapped inside the quote -> expect moved onto the edited sentence
* deleted        the quoted sentence removed -> expect orphan (any hit is a WRONG attachment)
* number         a digit in the quote changed -> expect orphan (a different claim)

Usage: python benchmarks/bench_reanchor.py [--articles 200] [--corpus DIR]
Prints, per scenario: count, expected outcome rate, wrong attachments, p50/p95/max ms.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index.bookmarks.anchoring import Location, locate, make_anchor  # noqa: E402
from index.models import AnchorStatus  # noqa: E402
from index.text.sentences import split_sentences  # noqa: E402

DEFAULT_CORPUS = Path("/tmp/corpora/gaza-fulltext")
Paragraphs = tuple[str, ...]
Edit = Callable[[Paragraphs, int, int, int], tuple[Paragraphs, str | None]]


def load(corpus: Path, limit: int) -> list[Paragraphs]:
    """The longest-bodied articles first (full text, not live posts), as paragraphs."""
    bodies = []
    for path in sorted((corpus / "articles").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        parts = [p.strip() for p in text.split("\n\n")[1:] if p.strip()]
        if len(parts) >= 5:
            bodies.append(tuple(parts))
    return bodies[:limit]


def unchanged(paras: Paragraphs, p: int, s: int, e: int) -> tuple[Paragraphs, str | None]:
    """No edit."""
    return paras, paras[p][s:e]


def inserted(paras: Paragraphs, p: int, s: int, e: int) -> tuple[Paragraphs, str | None]:
    """A new first paragraph."""
    return ("This article has been updated with new information.", *paras), paras[p][s:e]


def typo(paras: Paragraphs, p: int, s: int, e: int) -> tuple[Paragraphs, str | None]:
    """Swap two letters in the middle of the longest word of the quote (skip if none)."""
    quote = paras[p][s:e]
    word = max(re.findall(r"[A-Za-z]{5,}", quote) or [""], key=len)
    if not word:
        return paras, "skip"
    middle = len(word) // 2
    swapped = word[: middle - 1] + word[middle] + word[middle - 1] + word[middle + 1 :]
    edited = quote.replace(word, swapped, 1)
    body = paras[p][:s] + edited + paras[p][e:]
    return (*paras[:p], body, *paras[p + 1 :]), edited


def deleted(paras: Paragraphs, p: int, s: int, e: int) -> tuple[Paragraphs, str | None]:
    """Remove the quoted sentence."""
    body = (paras[p][:s] + paras[p][e:]).strip()
    rest = (*paras[:p], body, *paras[p + 1 :]) if body else (*paras[:p], *paras[p + 1 :])
    return rest, None


def number(paras: Paragraphs, p: int, s: int, e: int) -> tuple[Paragraphs, str | None]:
    """Change the first digit of the quote (only quotes with digits are counted)."""
    quote = paras[p][s:e]
    found = re.search(r"\d", quote)
    if found is None:
        return paras, "skip"
    digit = str((int(found.group()) + 1) % 10)
    edited = quote[: found.start()] + digit + quote[found.end() :]
    body = paras[p][:s] + edited + paras[p][e:]
    return (*paras[:p], body, *paras[p + 1 :]), None


SCENARIOS: dict[str, Edit] = {
    "unchanged": unchanged,
    "inserted": inserted,
    "typo": typo,
    "deleted": deleted,
    "number": number,
}


def run(articles: Sequence[Paragraphs], name: str, edit: Edit) -> None:
    """Re-anchor every bookmark after one kind of edit; print the outcome and timing."""
    times: list[float] = []
    good = wrong = total = 0
    for paras in articles:
        for p, paragraph in enumerate(paras):
            for s, e in split_sentences(paragraph)[::3]:
                if e - s < 20:
                    continue
                after, expected = edit(paras, p, s, e)
                if expected == "skip":
                    continue
                anchor = make_anchor(paras, p, s, e)
                started = time.perf_counter()
                found = locate(anchor, after, unchanged=name == "unchanged")
                times.append((time.perf_counter() - started) * 1000)
                total += 1
                ok, bad = _judge(found, after, expected)
                good += ok
                wrong += bad
    times.sort()
    p95 = times[int(len(times) * 0.95)] if times else 0.0
    print(
        f"{name:10s} n={total:5d} expected={good / max(total, 1):6.1%} wrong={wrong:3d} "
        f"p50={statistics.median(times or [0]):6.2f} ms p95={p95:6.2f} ms "
        f"max={max(times or [0]):7.2f} ms"
    )


def _judge(found: Location | None, after: Paragraphs, expected: str | None) -> tuple[int, int]:
    """(1, 0) when the outcome is the expected one, (0, 1) for a wrong attachment."""
    if expected is None:
        return (1, 0) if found is None else (0, 1)
    if found is None:
        return 0, 0  # orphaned although it could have been found: safe, but a miss
    text = after[found.paragraph][found.start : found.end]
    if text == expected and found.status in (AnchorStatus.ANCHORED, AnchorStatus.MOVED):
        return 1, 0
    return 0, 1


def main() -> None:
    """Parse the options and run every scenario."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    if not (args.corpus / "articles").is_dir():
        print(f"no corpus at {args.corpus}; unpack ../shared/corpora/gaza-fulltext.tar.gz")
        return
    articles = load(args.corpus, args.articles)
    print(f"{len(articles)} articles from {args.corpus}")
    for name, edit in SCENARIOS.items():
        run(articles, name, edit)


if __name__ == "__main__":
    main()
