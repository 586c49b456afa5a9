"""Score figures, parties and comparison statuses against the hand-labelled set.

The labels (tests/data/eval/*-articles.jsonl, *-pairs.jsonl, written by reading before the
program saw the texts; GUIDELINES.md says how) name articles of ../shared/corpora by corpus
and record id. Each record is parsed as `newsdesk index` would parse it, and its figures,
mentions and (for pairs) comparison are scored against the labels:

- figures: recall (title figures count), the share of reported figures that are not
  figures, and on the figures found: measure, value, unit, group, place and attribution;
- parties: recall per kind (state, media, organization, person) and precision, with how
  many wrong mentions name the labelled actor at another grain (an agency for its state);
- comparison: the share of labelled rows whose status the program gets right.

Usage: python benchmarks/eval_extraction.py [--split SPLIT[,SPLIT...]] [--corpora DIR] [-v]
(SPLIT: one of `SPLITS`, or all; several, comma-separated, are scored as one set.)
GUIDELINES.md (the `split` field of "articles") says which splits have been read and
tuned on and which are kept aside to report: those were labelled by reading before the
program saw them and are only ever scored, never read miss by miss.
"""

from __future__ import annotations

import argparse
import itertools
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from index.compare.comparison import compare_articles  # noqa: E402
from index.models import Article, ArticleId, Figure, Mention  # noqa: E402
from index.parse.document import parse_document  # noqa: E402
from index.readers.records import record_document  # noqa: E402

LABELS = REPO / "tests" / "data" / "eval"
DEFAULT_CORPORA = Path("/tmp/corpora")
SPLITS = (
    "dev",
    "test",
    "holdout",
    "holdout2",
    "holdout3",
    "holdout4",
    "holdout5",
    "holdout6",
    "holdout7",
    "holdout8",
    "holdout9",
    "holdout10",
    "holdout11",
    "holdout12",
    "holdout13",
    "holdout14",
    "holdout15",
    "holdout16",
    "holdout17",
    "holdout18",
    "holdout19",
    "holdout20",
    "holdout21",
    "holdout22",
    "holdout23",
    "holdout24",
    "holdout25",
    "holdout26",
    "holdout27",
    "holdout28",
    "holdout29",
    "holdout30",
    "holdout31",
)
"""The labelled splits, in the order they were made (GUIDELINES.md says which are tuned on)."""
SHARED_CORPORA = REPO.parent / "shared" / "corpora"
PARTY_CLASSES = ("state", "media", "organization", "person")

Where = tuple[int | None, int, int]
"""(paragraph or None for the title, start, end)."""
Label = dict[str, Any]
"""One JSON object of the label files."""


@dataclass
class Tally:
    """Counts for one evaluation run."""

    figures: int = 0
    found: int = 0
    unlocated: int = 0
    predicted: int = 0
    false_figures: int = 0
    fields_right: Counter[str] = field(default_factory=Counter)
    fields_total: Counter[str] = field(default_factory=Counter)
    parties: Counter[str] = field(default_factory=Counter)
    parties_found: Counter[str] = field(default_factory=Counter)
    mentions: int = 0
    mentions_right: int = 0
    mentions_agency: int = 0
    rows: int = 0
    rows_right: int = 0
    rows_by_status: Counter[str] = field(default_factory=Counter)
    rows_right_by_status: Counter[str] = field(default_factory=Counter)
    row_misses: Counter[str] = field(default_factory=Counter)
    rows_out_of_contract: int = 0
    """Labelled rows of a measure-less figure in one report only: the compare table lists
    figures by measure, and a figure without one only beside its partner in the other report
    (PRODUCT.md; GUIDELINES.md since 2026-12-05), so these rows are not scored."""
    """Wrong rows by cause: a labelled figure missed, its figures in no row, a wrong status."""
    notes: list[str] = field(default_factory=list)


def _read_jsonl(path: Path) -> list[Label]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def _records(corpora: Path, wanted: dict[str, set[str]]) -> dict[str, Label]:
    """The labelled records, by record id, from each corpus's records.jsonl."""
    found: dict[str, Label] = {}
    for corpus, ids in wanted.items():
        with (corpora / corpus / "records.jsonl").open(encoding="utf-8") as handle:
            for line in handle:
                if any(f'"{rid}"' in line for rid in ids):
                    record = json.loads(line)
                    if record["id"] in ids:
                        found[str(record["id"])] = record
    return found


def parse_record(record: Label, key: str) -> Article:
    """The article newsdesk would index for one record."""
    document = record_document(record, f"{key}.jsonl")
    assert document is not None, key
    return parse_document(document, ArticleId(key))


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def _pattern(needle: str) -> str:
    """`needle` as a regex: any whitespace between words, and none needed after a period.

    Labels quote the record as written; cleaning repairs a scraped "2. 3 million" into
    "2.3 million" and "U. N." into "U.N." (index/parse/clean.py), so a label's ". " may be
    "." in the parsed text.
    """
    parts = needle.split()
    pattern = re.escape(parts[0]) if parts else ""
    for before, part in itertools.pairwise(parts):
        pattern += (r"\s*" if before.endswith(".") else r"\s+") + re.escape(part)
    return pattern


def _occurrences(haystack: str, needle: str, *, whole_word: bool) -> list[tuple[int, int]]:
    """(start, end) of each `needle` in `haystack` (whitespace-tolerant, optionally whole word)."""
    pattern = _pattern(needle)
    if whole_word:
        pattern = rf"(?<!\w){pattern}(?!\w)"
    return [m.span() for m in re.finditer(pattern, haystack)]


def _fields(article: Article, where: str) -> list[tuple[int | None, str]]:
    """The texts a label may sit in: the title, or the paragraphs in order."""
    if where == "title":
        return [(None, article.title)]
    return list(enumerate(article.paragraphs))


def locate(article: Article, where: str, text: str, occurrence: int = 0) -> Where | None:
    """Where a labelled string is in the parsed article, or None when cleaning lost it."""
    seen = 0
    for number, body in _fields(article, where):
        for start, end in _occurrences(body, text, whole_word=True):
            if seen == occurrence:
                return (number, start, end)
            seen += 1
    return None


def locate_all(article: Article, form: str | dict[str, str]) -> list[Where]:
    """Every whole-word occurrence of a party form (or of it inside its context)."""
    spots: list[Where] = []
    text, context = (form, None) if isinstance(form, str) else (form["text"], form["context"])
    for where in ("title", "body"):
        for number, body in _fields(article, where):
            if context is None:
                spots += [(number, s, e) for s, e in _occurrences(body, text, whole_word=True)]
                continue
            for c_start, _ in _occurrences(body, context, whole_word=False):
                inner = _occurrences(body[c_start:], text, whole_word=True)
                if inner:
                    spots.append((number, c_start + inner[0][0], c_start + inner[0][1]))
    return spots


def _overlaps(a: Where, b: Where) -> bool:
    return a[0] == b[0] and a[1] < b[2] and b[1] < a[2]


def _where_of(item: Figure | Mention) -> Where:
    return (getattr(item, "paragraph", None), item.start, item.end)


def _source_words(text: str) -> set[str]:
    stop = {"the", "a", "an", "of", "according", "to", "said", "says", "told", "and", "in"}
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in stop}


def _value_right(label: Label, figure: Figure) -> bool:
    def close(a: float | None, b: float | None) -> bool:
        if a is None or b is None:
            return a is None and b is None
        return abs(float(a) - b) <= max(0.01 * abs(float(a)), 0.01)

    if label.get("value") is not None:
        return close(label["value"], figure.value)
    return close(label.get("low"), figure.low) and close(label.get("high"), figure.high)


_PRONOUN_SOURCES = frozenset({"it", "they", "he", "she", "we"})
"""Sources labelled by a pronoun alone ("For example, it said, …"): the label does not say
whom the pronoun stands for, and newsdesk names the antecedent when it finds one, so any
attribution counts as found (GUIDELINES.md, 2026-12-05)."""


def _source_right(label: Label, figure: Figure) -> bool:
    """Whether the figure's attribution names the labelled source (half its words at least)."""
    if str(label["source"]).strip().lower() in _PRONOUN_SOURCES:
        return bool(figure.attribution)
    wanted = _source_words(str(label["source"]))
    got = _source_words(figure.attribution or "")
    return bool(wanted) and len(wanted & got) >= max(1, len(wanted) // 2)


def _group_key(name: str) -> str:
    """A group or place compared up to case and the synonyms GUIDELINES.md uses for one group
    ("US troops" and "US soldiers", "American soldiers")."""
    key = " ".join(name.lower().split()).replace("troops", "soldiers")
    return key.replace("american soldiers", "us soldiers")


def _figure_fields(label: Label, figure: Figure, tally: Tally) -> None:
    checks: dict[str, bool] = {
        "measure": label.get("measure") == figure.measure,
        "value": _value_right(label, figure),
        "unit": label.get("unit") == getattr(figure, "unit", None),
        "qualifier": label.get("qualifier") == figure.qualifier,
    }
    for name in ("group", "place"):
        if label.get(name) is not None:
            got = getattr(figure, name, None)
            checks[name] = got is not None and _group_key(str(got)) == _group_key(str(label[name]))
    if label.get("source"):
        checks["attribution"] = _source_right(label, figure)
    for name, right in checks.items():
        tally.fields_total[name] += 1
        tally.fields_right[name] += right


def _all_figures(article: Article) -> list[Figure]:
    return list(article.figures) + list(getattr(article, "title_figures", ()))


def _all_mentions(article: Article) -> list[Mention]:
    return list(article.mentions) + list(getattr(article, "title_mentions", ()))


def _figure_labels(label: Label, article: Article) -> list[Label]:
    """The figure labels to score: one per figure the article shows.

    A record whose text is only its headline is read once, as its one paragraph (newsdesk
    does not show the same words twice): a label in the title that the labeller also gave in
    the body is that one figure, so only the body's is scored; a title label without a body
    twin is looked for in that paragraph.
    """
    figures: list[Label] = label["figures"]
    if article.paragraphs != (article.title,):
        return figures
    body = {(f["text"], f.get("occurrence", 0)) for f in figures if f["where"] != "title"}
    return [
        f if f["where"] != "title" else {**f, "where": "body"}
        for f in figures
        if f["where"] != "title" or (f["text"], f.get("occurrence", 0)) not in body
    ]


def score_article(
    label: Label, article: Article, tally: Tally, verbose: bool
) -> dict[str, list[Where]]:
    """Score one article's figures and parties; return where each labelled figure text is."""
    key = str(label["key"])
    optional = [
        spot
        for item in label.get("optional", [])
        if (spot := locate(article, item["where"], item["text"])) is not None
    ]
    figures = _all_figures(article)
    labelled: list[Where] = []
    placed: dict[str, list[Where]] = defaultdict(list)
    for item in _figure_labels(label, article):
        spot = locate(article, item["where"], item["text"], item.get("occurrence", 0))
        tally.figures += 1
        if spot is None:
            tally.unlocated += 1
            tally.notes.append(f"{key}: label not in parsed text: {item['text']!r}")
            continue
        labelled.append(spot)
        placed[item["text"]].append(spot)
        hits = [f for f in figures if _overlaps(_where_of(f), spot)]
        if not hits:
            if verbose:
                tally.notes.append(f"{key}: missed {item['text']!r} ({item.get('measure')})")
            continue
        tally.found += 1
        best = min(hits, key=lambda f: abs(f.start - spot[1]))
        _figure_fields(item, best, tally)
        if verbose and item.get("source") and not _source_right(item, best):
            got, want = best.attribution, item["source"]
            tally.notes.append(f"{key}: {item['text']!r} attribution {got!r} (want {want!r})")
        for name in ("group", "place"):
            want_value = item.get(name)
            got_value = getattr(best, name, None)
            if verbose and want_value and str(want_value).lower() != str(got_value).lower():
                wrong = f"{name} {got_value} (want {want_value}; got {best.text!r})"
                tally.notes.append(f"{key}: {item['text']!r} {wrong}")
        if verbose and item.get("measure") != best.measure:
            tally.notes.append(
                f"{key}: {item['text']!r} measure {best.measure} (want {item.get('measure')})"
            )
    for figure in figures:
        where = _where_of(figure)
        right = any(_overlaps(where, s) for s in labelled)
        if not right and any(_overlaps(where, s) for s in optional):
            continue
        tally.predicted += 1
        if not right:
            tally.false_figures += 1
            if verbose:
                tally.notes.append(f"{key}: not a figure: {figure.text!r} ({figure.measure})")
    _score_parties(label, article, tally, optional, verbose)
    return placed


def _score_parties(
    label: Label,
    article: Article,
    tally: Tally,
    optional: Sequence[Where],
    verbose: bool,
) -> None:
    key = str(label["key"])
    spots: list[tuple[Where, str, str, bool]] = []  # (where, party, kind, has a context)
    affiliations = {str(p["name"]): p.get("affiliation") for p in label["parties"]}
    for party in label["parties"]:
        for form in party["forms"]:
            spots += [
                (s, party["name"], party["kind"], isinstance(form, dict))
                for s in locate_all(article, form)
            ]
    # A form given with its context marks an exception to the plain form ("Israel" in
    # "southern Israel" is the place, elsewhere the state): it wins. Otherwise a longer
    # form wins over a shorter one inside it ("Gaza Strip" over "Gaza").
    spots.sort(key=lambda s: (not s[3], -(s[0][2] - s[0][1])))
    kept: list[tuple[Where, str, str]] = []
    for where, name, kind, _ in spots:
        if not any(_overlaps(where, other[0]) for other in kept):
            kept.append((where, name, kind))
    mentions = _all_mentions(article)
    found: set[str] = set()
    for mention in mentions:
        where = _where_of(mention)
        match = next((s for s in kept if _overlaps(where, s[0])), None)
        right = match is not None and match[2] == str(mention.kind)
        # An optional span accepts either answer ("Israel" as the target of an attack: state
        # or place), even where a form of a labelled party covers it: no false positive.
        if not right and any(_overlaps(where, s) for s in optional):
            continue
        tally.mentions += 1
        if right:
            assert match is not None
            tally.mentions_right += 1
            found.add(match[1])
            continue
        if match is not None and mention.party != match[1]:
            # The same actor at another grain: an agency for its state ("Israeli military"
            # read as the IDF, labelled Israel) or a state for its agency (White House).
            tally.mentions_agency += (
                match[1] == mention.affiliation or affiliations.get(match[1]) == mention.party
            )
        if verbose:
            want = f"{match[1]} ({match[2]})" if match else "nothing"
            tally.notes.append(
                f"{key}: mention {mention.text!r} as {mention.party} ({mention.kind}), want {want}"
            )
    for party in label["parties"]:
        kind = party["kind"]
        if kind not in PARTY_CLASSES:
            continue
        if not any(s[1] == party["name"] for s in kept):
            continue  # none of its forms survived cleaning
        tally.parties[kind] += 1
        if party["name"] in found:
            tally.parties_found[kind] += 1
        elif verbose:
            tally.notes.append(f"{key}: missed party {party['name']} ({kind})")


def score_pair(
    pair: Label,
    articles: dict[str, Article],
    placed: dict[str, dict[str, list[Where]]],
    tally: Tally,
    verbose: bool,
) -> None:
    """Score one pair's labelled rows against the program's comparison."""
    a, b = str(pair["a"]), str(pair["b"])
    comparison = compare_articles(articles[a], articles[b])
    for row in pair["rows"]:
        status = row["status"]
        if row["measure"] is None and status in ("a_only", "b_only"):
            tally.rows_out_of_contract += 1
            continue
        tally.rows += 1
        tally.rows_by_status[status] += 1
        spots_a = [s for t in row["a"] for s in placed[a].get(t, [])]
        spots_b = [s for t in row["b"] for s in placed[b].get(t, [])]
        got = None
        for program_row in comparison.figures:
            in_a = any(_overlaps(_where_of(f), s) for f in program_row.a for s in spots_a)
            in_b = any(_overlaps(_where_of(f), s) for f in program_row.b for s in spots_b)
            if in_a or in_b:
                got = str(program_row.status)
                if got == status:
                    break
        if got == status:
            tally.rows_right += 1
            tally.rows_right_by_status[status] += 1
        else:
            found = [f for side in (articles[a], articles[b]) for f in _all_figures(side)]
            spots = spots_a + spots_b
            missed = len(spots) < len(row["a"]) + len(row["b"]) or not all(
                any(_overlaps(_where_of(f), s) for f in found) for s in spots
            )
            cause = "a figure missed" if missed else "in no row" if got is None else "status"
            tally.row_misses[cause] += 1
        if got != status and verbose:
            tally.notes.append(
                f"{a}~{b}: {row['measure']} {row['a']} vs {row['b']}: {got} ({status})"
            )


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f} ({part}/{whole})" if whole else "n/a"


def report(tally: Tally, split: str) -> Iterator[str]:
    """The scores as printable lines."""
    yield f"split: {split}"
    yield f"figure recall: {_ratio(tally.found, tally.figures)}"
    yield f"  labels lost in cleaning: {tally.unlocated}"
    yield f"non-figures reported as figures: {_ratio(tally.false_figures, tally.predicted)}"
    for name in ("measure", "value", "unit", "qualifier", "group", "place", "attribution"):
        right = _ratio(tally.fields_right[name], tally.fields_total[name])
        yield f"  {name} right, on figures found: {right}"
    parts = [f"{k} {_ratio(tally.parties_found[k], tally.parties[k])}" for k in PARTY_CLASSES]
    yield "party recall: " + " / ".join(parts)
    yield f"  all: {_ratio(sum(tally.parties_found.values()), sum(tally.parties.values()))}"
    yield f"party precision (kind right): {_ratio(tally.mentions_right, tally.mentions)}"
    yield f"  wrong as an agency for its state or back: {tally.mentions_agency}"
    # The gazetteer's reading of "the Israeli military" is the IDF (an agency of Israel);
    # GUIDELINES.md labels it the state. The issue counts gazetteer hits as right, so the
    # same actor at the other grain is also reported as right (both lines are printed).
    grain = _ratio(tally.mentions_right + tally.mentions_agency, tally.mentions)
    yield f"party precision, an agency for its state counted right: {grain}"
    yield f"comparison statuses right: {_ratio(tally.rows_right, tally.rows)}"
    for status, count in sorted(tally.rows_by_status.items()):
        yield f"  {status}: {_ratio(tally.rows_right_by_status[status], count)}"
    causes = ", ".join(f"{cause} {n}" for cause, n in sorted(tally.row_misses.items()))
    yield f"  rows wrong, by cause: {causes or 'none'}"
    if tally.rows_out_of_contract:
        yield (
            f"  not scored: {tally.rows_out_of_contract} rows of a measure-less figure in one"
            " report only (the table shows such a figure only with its partner)"
        )


def evaluate(corpora: Path, split: str, verbose: bool = False) -> Tally:
    """Score every labelled article and pair of a split (one of `SPLITS`, or "all").

    Several splits, comma-separated ("holdout20,holdout21"), are scored as one set.
    """
    chosen = set(split.split(","))
    labels = [
        item
        for path in sorted(LABELS.glob("*-articles.jsonl"))
        for item in _read_jsonl(path)
        if split == "all" or item["split"] in chosen
    ]
    pairs = [
        item
        for path in sorted(LABELS.glob("*-pairs.jsonl"))
        for item in _read_jsonl(path)
        if split == "all" or item["split"] in chosen
    ]
    wanted: dict[str, set[str]] = defaultdict(set)
    for item in labels:
        wanted[str(item["corpus"])].add(str(item["record_id"]))
    records = _records(corpora, wanted)
    tally = Tally()
    articles: dict[str, Article] = {}
    placed: dict[str, dict[str, list[Where]]] = {}
    for item in labels:
        key = str(item["key"])
        articles[key] = parse_record(records[str(item["record_id"])], key)
        placed[key] = score_article(item, articles[key], tally, verbose)
    for pair in pairs:
        score_pair(pair, articles, placed, tally, verbose)
    return tally


def _corpora(given: Path | None) -> Path:
    for candidate in (given, DEFAULT_CORPORA, SHARED_CORPORA):
        if candidate is not None and (candidate / "gaza-rss-2023" / "records.jsonl").is_file():
            return candidate
    raise SystemExit(
        "eval_extraction: unpack ../shared/corpora/gaza-*.tar.gz into /tmp/corpora "
        "(or pass --corpora DIR)"
    )


def _split(text: str) -> str:
    """A `--split` value: "all", or known splits separated by commas."""
    unknown = [name for name in text.split(",") if name not in SPLITS]
    if text != "all" and unknown:
        raise argparse.ArgumentTypeError(f"unknown split {', '.join(unknown)}")
    return text


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--split",
        type=_split,
        default="dev",
        help=f"all, or one or more (comma-separated) of: {', '.join(SPLITS)}",
    )
    parser.add_argument("--corpora", type=Path, default=None)
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error")
    args = parser.parse_args(None if argv is None else list(argv))
    tally = evaluate(_corpora(args.corpora), args.split, args.verbose)
    for note in tally.notes:
        print(note)
    for line in report(tally, args.split):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
