"""Time `compare_articles` on 2,000-word pairs (target: <= 100 ms per pair).

Two workloads, extraction (figures, mentions) done before timing, only the comparison timed:

* synthetic: 2,000-word articles built from the seeds' sentences, shuffled and lightly
  perturbed with a fixed random seed, so A and B share many claims in different orders;
* real: the longest BBC full-text articles of /tmp/corpora/gaza-fulltext (or a folder given
  with --corpus), paired with each other, cut to 2,000 words and also at full length.

Usage: python benchmarks/bench_compare.py [--pairs 20] [--repeat 5] [--corpus DIR]
Prints wall-clock and CPU p50 / p95 / max in milliseconds per workload.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index.compare.comparison import compare_articles  # noqa: E402
from index.extract.figures import find_figures  # noqa: E402
from index.extract.parties import find_mentions  # noqa: E402
from index.models import Article, ArticleId, PublishedHow  # noqa: E402
from index.text.sentences import split_sentences  # noqa: E402

WORDS = 2000
DEFAULT_CORPUS = Path("/tmp/corpora/gaza-fulltext")


def make_article(name: str, paragraphs: Sequence[str]) -> Article:
    """An Article with real figures and mentions extracted from the paragraphs."""
    paras = tuple(paragraphs)
    return Article(
        ArticleId(name),
        f"{name}.txt",
        name,
        None,
        None,
        None,
        PublishedHow.UNKNOWN,
        (),
        paras,
        tuple(find_figures(paras)),
        tuple(find_mentions(paras)),
    )


def cut(paragraphs: Sequence[str], words: int) -> list[str]:
    """The first paragraphs holding about `words` words."""
    kept: list[str] = []
    total = 0
    for paragraph in paragraphs:
        if total >= words:
            break
        kept.append(paragraph)
        total += len(paragraph.split())
    return kept


def synthetic_pairs(count: int, rng: random.Random) -> list[tuple[Article, Article]]:
    """Pairs of 2,000-word articles made of the seeds' sentences, shuffled and perturbed."""
    sentences: list[str] = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        for block in path.read_text(encoding="utf-8").split("\n\n"):
            sentences += [block[s:e] for s, e in split_sentences(block) if len(block[s:e]) > 40]
    pairs = []
    for number in range(count):
        sides = []
        for side in "ab":
            words = 0
            paragraphs: list[str] = []
            while words < WORDS:
                chosen = rng.sample(sentences, 3)
                text = " ".join(_perturb(s, rng) for s in chosen)
                paragraphs.append(text)
                words += len(text.split())
            sides.append(make_article(f"syn{number}{side}", paragraphs))
        pairs.append((sides[0], sides[1]))
    return pairs


def _perturb(sentence: str, rng: random.Random) -> str:
    """Drop a word now and then, as a rewrite would."""
    words = sentence.split()
    return " ".join(w for w in words if rng.random() > 0.08) or sentence


def real_pairs(corpus: Path, count: int, words: int | None) -> list[tuple[Article, Article]]:
    """The longest full-text articles of the corpus, paired in order of length."""
    manifest = corpus / "manifest.jsonl"
    rows = [json.loads(line) for line in manifest.read_text(encoding="utf-8").splitlines()]
    bodies = []
    for row in rows:
        if row.get("body_kind") != "full-text":
            continue
        text = (corpus / row["path"]).read_text(encoding="utf-8")
        paragraphs = [p.strip() for p in text.split("\n\n")[1:] if p.strip()]
        bodies.append((-len(text.split()), row["id"], paragraphs))
    bodies.sort()
    chosen = bodies[: 2 * count]
    articles = [make_article(i, cut(p, words) if words else p) for _, i, p in chosen]
    return [(articles[k], articles[k + 1]) for k in range(0, len(articles) - 1, 2)]


def time_pairs(
    pairs: Sequence[tuple[Article, Article]], repeat: int
) -> tuple[list[float], list[float]]:
    """Wall and CPU milliseconds per comparison, every pair `repeat` times.

    CPU time is printed too because the machine is shared: wall time grows with other
    people's load, CPU time much less.
    """
    wall: list[float] = []
    cpu: list[float] = []
    for _ in range(repeat):
        for a, b in pairs:
            start, start_cpu = time.perf_counter(), time.process_time()
            compare_articles(a, b)
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def _percentiles(timings: list[float]) -> str:
    """ "p50=… p95=… max=…" of a list of milliseconds."""
    ordered = sorted(timings)
    p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
    return f"p50={statistics.median(ordered):6.1f} p95={p95:6.1f} max={ordered[-1]:6.1f} ms"


def report(
    name: str, pairs: Sequence[tuple[Article, Article]], timings: tuple[list[float], list[float]]
) -> None:
    """Print wall and CPU p50 / p95 / max for one workload."""
    words = statistics.mean(len(a.text.split()) + len(b.text.split()) for a, b in pairs) / 2
    wall, cpu = timings
    print(
        f"{name:28s} pairs={len(pairs):3d} words/article={words:5.0f}  "
        f"wall {_percentiles(wall)}  cpu {_percentiles(cpu)}"
    )


def main() -> None:
    """Run both workloads and print the numbers."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    rng = random.Random(20240421)
    synthetic = synthetic_pairs(args.pairs, rng)
    report("synthetic 2,000 words", synthetic, time_pairs(synthetic, args.repeat))
    if (args.corpus / "manifest.jsonl").is_file():
        for label, words in (
            ("real BBC cut to 2,000 words", WORDS),
            ("real BBC full length", None),
        ):
            pairs = real_pairs(args.corpus, args.pairs, words)
            report(label, pairs, time_pairs(pairs, args.repeat))
    else:
        print(f"no corpus at {args.corpus}: real pairs skipped")


if __name__ == "__main__":
    main()
