"""Corpora for the benchmarks: a generated one (no files needed) or files on disk.

`--corpus` may name an unpacked shared corpus (a folder with `manifest.jsonl`), any folder
of article files (walked as `newsdesk index` walks it), or one file, such as a JSONL export
or the output of `../shared/corpora/make-100k.py`.
"""

from __future__ import annotations

import itertools
import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from index.models import SourceDocument

NEWS_WORDS = """hamas israel gaza hostages hostage ceasefire truce qatar egypt released
prisoners killed wounded ministry health officials said according talks negotiations deal
mediators humanitarian aid trucks rafah crossing strip military army soldiers civilians
displaced hospital attack rocket strikes bombardment families children women release
exchange pause extended agreement sources statement spokesman president minister
government international united nations red cross""".split()  # noqa: SIM905
SOURCES = ("Sputnik", "Al Jazeera", "AFP", "Reuters", "BBC", "NPR", "Times of Israel")
SYLLABLES = [c + v for c in "bdklmnrst" for v in "aeiou"]


def _vocabulary(rng: random.Random, size: int) -> list[str]:
    words = set(NEWS_WORDS)
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    ordered = sorted(words)
    rng.shuffle(ordered)
    return ordered


def generate(count: int, seed: int = 7) -> list[SourceDocument]:
    """`count` synthetic articles with Zipf-distributed words, news vocabulary included."""
    rng = random.Random(seed)
    vocab = _vocabulary(rng, 20_000)
    cumulative = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(vocab))))
    start = date(2023, 10, 7)
    docs = []
    for number in range(count):
        words = rng.choices(vocab, cum_weights=cumulative, k=rng.randint(150, 600))
        title = " ".join(
            rng.choices(vocab, cum_weights=cumulative, k=rng.randint(5, 10))
        ).capitalize()
        paragraphs, pos = [], 0
        while pos < len(words):
            size = rng.randint(30, 80)
            paragraphs.append(" ".join(words[pos : pos + size]).capitalize() + ".")
            pos += size
        published = start + timedelta(days=rng.randint(0, 270))
        docs.append(
            SourceDocument(
                path=f"generated/{number:06d}.txt",
                text=title + "\n\n" + "\n\n".join(paragraphs),
                format="text",
                title=title,
                date=published.isoformat(),
                source=rng.choice(SOURCES),
            )
        )
    return docs


def load_corpus(directory: Path, limit: int | None = None) -> Iterator[tuple[Path, dict[str, str]]]:
    """(article file, manifest record) pairs of an unpacked shared corpus."""
    with (directory / "manifest.jsonl").open(encoding="utf-8") as manifest:
        for count, line in enumerate(manifest):
            if limit is not None and count >= limit:
                return
            record = json.loads(line)
            yield directory / record["path"], record


def corpus_files(corpus: Path, limit: int | None = None) -> list[Path]:
    """The files of a corpus: a manifest's articles (the first `limit`), a folder's, or one file.

    `limit` counts articles only for a manifest; a folder or file is taken whole (the
    benchmark then keeps the first `limit` documents it reads).
    """
    if corpus.is_file():
        return [corpus]
    if (corpus / "manifest.jsonl").is_file():
        return list(dict.fromkeys(path for path, _record in load_corpus(corpus, limit)))
    from index.readers import SUPPORTED_SUFFIXES

    return sorted(
        path
        for path in corpus.rglob("*")
        if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES
    )


def load_cranfield(
    directory: Path,
) -> tuple[list[dict[str, str]], list[dict[str, str]], dict[str, dict[str, int]]]:
    """(docs, queries, qrels {qid: {docid: rel}}) of the unpacked Cranfield collection."""
    docs = [json.loads(line) for line in (directory / "docs.jsonl").open(encoding="utf-8")]
    queries = [json.loads(line) for line in (directory / "queries.jsonl").open(encoding="utf-8")]
    qrels: dict[str, dict[str, int]] = {}
    for number, line in enumerate((directory / "qrels.tsv").open(encoding="utf-8")):
        parts = line.split("\t")
        if number == 0 and not parts[2].strip().lstrip("-").isdigit():
            continue
        qrels.setdefault(parts[0], {})[parts[1]] = int(parts[2])
    return docs, queries, qrels
