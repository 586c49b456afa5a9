"""Apply the agency convention of tests/data/eval/GUIDELINES.md to labels written before it.

The convention (issue 10: "the gazetteer is right when it fires"): an agency named through
its state's demonym ("the Israeli military", "Israeli police") is the agency, not the state.
Sets labelled before 2026-12-05 gave such phrases to the state through its form "Israeli".

The rule is mechanical and reads only the labels and the record text, never newsdesk's
output: for every gazetteer organisation whose affiliation is a state, each of its names that
occurs (whole word, case as written in the gazetteer) in a labelled article's title or text,
where the label gives that name or a word of it to the state (and no other party has the name
as a form), becomes a form of the agency (added to the article's parties if absent). The scorer
lets a longer form win over a shorter one inside it, so "Israeli military" now scores as the
IDF and a lone "Israeli" still as Israel.

Usage: python benchmarks/relabel_agencies.py [--corpora DIR] FILE.jsonl...   (rewrites FILEs)
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
GAZETTEER = REPO / "index" / "data" / "parties.json"
DEFAULT_CORPORA = Path("/tmp/corpora")

Label = dict[str, Any]


def agencies() -> list[tuple[str, str, list[str]]]:
    """(agency, its state, its names) for every gazetteer organisation of a state."""
    entries = json.loads(GAZETTEER.read_text(encoding="utf-8"))["parties"]
    states = {e["name"] for e in entries if e["kind"] == "state"}
    return [
        (e["name"], e["affiliation"], [e["name"], *e.get("aliases", [])])
        for e in entries
        if e["kind"] == "organization" and e.get("affiliation") in states
    ]


def _record_text(corpora: Path, label: Label) -> str:
    with (corpora / label["corpus"] / "records.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            if f'"{label["record_id"]}"' in line:
                record = json.loads(line)
                if record["id"] == label["record_id"]:
                    return f"{record.get('title') or ''}\n{record.get('text') or ''}"
    raise SystemExit(f"{label['key']}: record {label['record_id']} not found")


def _form_text(form: str | dict[str, str]) -> str:
    return form if isinstance(form, str) else form["text"]


def relabel(label: Label, text: str, known: list[tuple[str, str, list[str]]]) -> list[str]:
    """Move agency phrases from their state to the agency in one label; what changed."""
    parties: list[Label] = label["parties"]
    by_name = {p["name"]: p for p in parties}
    taken = {_form_text(f) for p in parties for f in p["forms"]}
    changes: list[str] = []
    for agency, state, names in known:
        owner = next((p for p in parties if p["name"] == state and p["kind"] == "state"), None)
        if owner is None:  # (a label may also name the state's territory, as a place)
            continue
        state_words = {_form_text(f) for f in owner["forms"]}
        for name in names:
            if not re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text):
                continue
            if name in state_words:  # the label gave the whole phrase to the state
                owner["forms"] = [f for f in owner["forms"] if _form_text(f) != name]
                taken.discard(name)
            elif name in taken:
                continue  # some other party has it already
            elif not any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", name) for w in state_words):
                continue  # the label never gave this phrase to the state
            party = by_name.get(agency)
            if party is None:
                party = {"name": agency, "kind": "organization", "affiliation": state, "forms": []}
                parties.append(party)
                by_name[agency] = party
            party["forms"].append(name)
            taken.add(name)
            changes.append(f"{label['key']}: {name!r} {state} -> {agency}")
    return changes


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    args = parser.parse_args()
    known = agencies()
    for path in args.files:
        labels = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        changes: list[str] = []
        for label in labels:
            changes += relabel(label, _record_text(args.corpora, label), known)
        path.write_text(
            "".join(json.dumps(lab, ensure_ascii=False) + "\n" for lab in labels), encoding="utf-8"
        )
        print(f"{path}: {len(changes)} forms moved")
        for change in changes:
            print(f"  {change}")


if __name__ == "__main__":
    main()
