"""Write the preset deflate dictionary of stored articles (`index/data/payload-1.zdict`).

Not run by the app: the dictionary is part of payload format 1 and never changes (a payload
is only readable with the dictionary it was deflated with; a new one is a new format and a
schema bump). It was made once, from what newsdesk itself ships, so it holds no outside text:
the bundled seed articles as `index.store.payload` encodes them, after the gazetteer's party
names written as mentions; deflate looks back from the end, so the seeds come last.

    python benchmarks/make_payload_dict.py index/data/payload-1.zdict
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index.ingest.ids import content_hash_of  # noqa: E402
from index.models import ArticleId  # noqa: E402
from index.parse.document import parse_document  # noqa: E402
from index.readers import read_documents  # noqa: E402
from index.store.payload import payload_json  # noqa: E402

SIZE = 32_768
"""Deflate's window: a longer dictionary is cut to its last 32 KiB."""
PARTIES = 400


def build() -> bytes:
    """The dictionary: party mentions, then the seeds' payloads, cut to `SIZE`."""
    gazetteer = json.loads((REPO / "index" / "data" / "parties.json").read_text("utf-8"))
    mentions = [
        json.dumps(
            [p.get("name"), p.get("kind"), p.get("affiliation"), p.get("name"), 0, 0, 5],
            ensure_ascii=False,
            separators=(",", ":"),
        )
        for p in gazetteer["parties"][:PARTIES]
    ]
    seeds = []
    for path in sorted((REPO / "seeds").glob("*.txt")):
        for document in read_documents(path):
            article = parse_document(document, ArticleId("x"))
            article = dataclasses.replace(article, content_hash=content_hash_of(article))
            seeds.append(payload_json(article))
    return (",".join(mentions).encode("utf-8") + b"".join(seeds))[-SIZE:]


def main() -> None:
    """Write the dictionary to the path given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    args = parser.parse_args()
    args.out.write_bytes(build())


if __name__ == "__main__":
    main()
