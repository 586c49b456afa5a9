"""Two reports side by side: aligned passages, figures by measure, parties and their sources.

A pure function of two `Article`s (no I/O, no index): `compare_articles(a, b)`. The passage
alignment is in `index.compare.alignment`, the figure pairing in
`index.compare.figure_pairing`; this module chains them (align sentences, pair figures using
the alignment, then realign with a bonus for sentence pairs whose figures were paired) and
adds the party comparison and the PRODUCT.md JSON shape. `benchmarks/bench_compare.py` times it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from index.compare.alignment import SentenceAlignment, align_sentences
from index.compare.figure_pairing import pair_figures
from index.compare.models import Comparison, FigureRow, PartyComparison
from index.models import Article, JsonValue, Mention
from index.text.attribution import cites_before, speaks_after

_BEFORE_WINDOW = 60
_AFTER_WINDOW = 50


def compare_articles(a: Article, b: Article) -> Comparison:
    """Compare two articles: aligned passages, figures by measure, parties.

    Args:
        a: Report A (left).
        b: Report B (right).

    Returns:
        The comparison; deterministic for the same two articles.
    """
    alignment = align_sentences(
        a.paragraphs, b.paragraphs, a.mentions, b.mentions, a.figures, b.figures
    )
    figures = pair_figures(a, b, alignment)
    passages = alignment.relink(_figure_links(figures, alignment)).passages
    return Comparison(a.id, b.id, passages, figures, compare_parties(a, b))


def _figure_links(rows: Sequence[FigureRow], alignment: SentenceAlignment) -> set[tuple[int, int]]:
    """(A sentence, B sentence) pairs that state figures of one paired row."""
    links: set[tuple[int, int]] = set()
    for row in rows:
        for fa in row.a:
            if fa.paragraph is None:
                continue
            i = alignment.sentence_at("a", fa.paragraph, fa.start)
            for fb in row.b:
                if fb.paragraph is None:
                    continue
                j = alignment.sentence_at("b", fb.paragraph, fb.start)
                if i is not None and j is not None:
                    links.add((i, j))
    return links


def compare_parties(a: Article, b: Article) -> PartyComparison:
    """Parties mentioned by both reports, only by A or only by B, and each side's sources."""
    count_a = Counter(m.party for m in a.mentions)
    count_b = Counter(m.party for m in b.mentions)

    def ranked(counter: Counter[str], names: set[str]) -> list[str]:
        return sorted(names, key=lambda name: (-counter[name], name))

    both = ranked(count_a + count_b, set(count_a) & set(count_b))
    return PartyComparison(
        both=tuple((name, count_a[name], count_b[name]) for name in both),
        a_only=tuple((n, count_a[n]) for n in ranked(count_a, set(count_a) - set(count_b))),
        b_only=tuple((n, count_b[n]) for n in ranked(count_b, set(count_b) - set(count_a))),
        a_sources=find_sources(a),
        b_sources=find_sources(b),
    )


def find_sources(article: Article) -> tuple[str, ...]:
    """Parties quoted or cited as a source: "according to X", "X said", "told X", ...

    When several parties precede one speech verb ("the Palestinian movement Hamas said"), only
    the last, the speaker, counts. Mentions inside a figure's attribution ("according to the
    Hamas Ministry of Health") count too. Returned in order of first appearance.
    """
    attributed = _attribution_ranges(article)
    ordered = sorted(article.mentions, key=lambda m: m.position)
    sources: dict[str, None] = {}
    for number, mention in enumerate(ordered):
        if (mention.paragraph or 0) >= len(article.paragraphs):
            continue
        following = ordered[number + 1] if number + 1 < len(ordered) else None
        next_start = (
            following.start
            if following is not None and following.paragraph == mention.paragraph
            else None
        )
        if _is_source(article.text_of(mention.paragraph), mention, next_start) or any(
            p == mention.paragraph and s <= mention.start < e for p, s, e in attributed
        ):
            sources.setdefault(mention.party, None)
    return tuple(sources)


def _is_source(paragraph: str, mention: Mention, next_start: int | None) -> bool:
    """True when a citing phrase precedes the mention or a speech verb follows it first."""
    if cites_before(paragraph[max(0, mention.start - _BEFORE_WINDOW) : mention.start]):
        return True
    after = paragraph[mention.end : mention.end + _AFTER_WINDOW]
    verb_end = speaks_after(re.split(r"[.;:!?“”\"]", after, maxsplit=1)[0])
    if verb_end is None:
        return False
    return next_start is None or mention.end + verb_end <= next_start


def _attribution_ranges(article: Article) -> list[tuple[int | None, int, int]]:
    """(paragraph, start, end) of every figure attribution found in its paragraph."""
    ranges: list[tuple[int | None, int, int]] = []
    for figure in article.figures:
        if not figure.attribution or (figure.paragraph or 0) >= len(article.paragraphs):
            continue
        paragraph = article.text_of(figure.paragraph)
        at = paragraph.find(figure.attribution)
        if at >= 0:
            ranges.append((figure.paragraph, at, at + len(figure.attribution)))
    return ranges


def comparison_as_json(comparison: Comparison) -> dict[str, JsonValue]:
    """The PRODUCT.md comparison shape, with a few extra keys.

    `alignment` rows carry `a_sentence`/`b_sentence` ([start, end] in the paragraph, or
    null); figure rows carry `difference` (b - a); `parties` carries `a_sources` and
    `b_sources`.
    """
    parties = comparison.parties
    return {
        "a": comparison.a,
        "b": comparison.b,
        "alignment": [
            {
                "a": row.a,
                "b": row.b,
                "kind": str(row.kind),
                "similarity": row.similarity,
                "a_sentence": list(row.a_sentence) if row.a_sentence else None,
                "b_sentence": list(row.b_sentence) if row.b_sentence else None,
            }
            for row in comparison.alignment
        ],
        "figures": [_figure_row_json(row) for row in comparison.figures],
        "parties": {
            "both": [{"party": p, "a": na, "b": nb} for p, na, nb in parties.both],
            "a_only": [{"party": p, "a": n} for p, n in parties.a_only],
            "b_only": [{"party": p, "b": n} for p, n in parties.b_only],
            "a_sources": list(parties.a_sources),
            "b_sources": list(parties.b_sources),
        },
    }


def _figure_row_json(row: FigureRow) -> dict[str, JsonValue]:
    """One row of the figure table as JSON."""
    difference: JsonValue = None
    if row.difference is not None:
        difference = int(row.difference) if float(row.difference).is_integer() else row.difference
    return {
        "measure": row.measure,
        "counted": row.counted,
        "group": row.group,
        "place": row.place,
        "a": [f.as_json() for f in row.a],
        "b": [f.as_json() for f in row.b],
        "status": str(row.status),
        "note": row.note,
        "difference": difference,
    }
