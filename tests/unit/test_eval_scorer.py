"""Tests for benchmarks/eval_extraction.py's comparison scoring (the accuracy report's rules)."""

from __future__ import annotations

import sys
from pathlib import Path

from index.extract.figures import find_figures
from tests.builders import article

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

import eval_extraction as scorer  # type: ignore[import-not-found]


def _placed(paragraphs: list[str], *texts: str) -> dict[str, list[scorer.Where]]:
    return {t: [(0, paragraphs[0].index(t), paragraphs[0].index(t) + len(t))] for t in texts}


def test_a_measureless_figure_in_one_report_only_is_not_scored() -> None:
    """The table shows a figure without a measure only beside its partner: such rows are
    counted apart, never as right or wrong; rows with a measure are scored as before."""
    text_a = ["Twenty people were killed in the strike. Nine countries paused funding."]
    text_b = ["The strike killed 20 people, officials said."]
    a = article(text_a, article_id="a", figures=find_figures(text_a))
    b = article(text_b, article_id="b", figures=find_figures(text_b))
    pair = {
        "a": "a",
        "b": "b",
        "rows": [
            {
                "measure": "killed",
                "a": ["Twenty people"],
                "b": ["20 people"],
                "status": "agree",
            },
            {"measure": None, "a": ["Nine countries"], "b": [], "status": "a_only"},
        ],
    }
    placed = {
        "a": _placed(text_a, "Twenty people", "Nine countries"),
        "b": _placed(text_b, "20 people"),
    }
    tally = scorer.Tally()
    scorer.score_pair(pair, {"a": a, "b": b}, placed, tally, verbose=False)
    assert (tally.rows, tally.rows_right, tally.rows_out_of_contract) == (1, 1, 1)
    assert any("not scored: 1 rows" in line for line in scorer.report(tally, "x"))


def test_a_source_labelled_by_a_pronoun_counts_when_the_figure_has_an_attribution() -> None:
    """The label "it" cannot say whom it stands for: any attribution is found, none is not."""
    sourced, bare = find_figures(
        [
            "At least 20 people were killed, according to the ministry. Later 30 people died.",
        ]
    )
    assert scorer._source_right({"source": "it"}, sourced)
    assert scorer._source_right({"source": "They"}, sourced)
    assert not scorer._source_right({"source": "it"}, bare)
    assert not scorer._source_right({"source": "the army"}, sourced)


def test_troops_and_soldiers_are_one_group_for_the_scorer() -> None:
    """GUIDELINES.md names the category both ways ("US troops", "Israeli soldiers")."""
    assert scorer._group_key("US troops") == scorer._group_key("US soldiers")
    assert scorer._group_key("American troops") == scorer._group_key("US soldiers")
    assert scorer._group_key("Israeli soldiers") != scorer._group_key("US soldiers")


def test_a_headline_only_record_scores_each_figure_once() -> None:
    """A record whose text is its headline is one paragraph: the title label and its body
    twin are one figure (found once), not a found one and a missed one."""
    title = "Qatar seeking deal to free 50 hostages and 3-day truce, sources say"
    text = [title]
    parsed = article(text, article_id="h", title=title, figures=find_figures(text))
    label = {
        "key": "h",
        "figures": [
            {"where": where, "text": figure, "measure": measure}
            for where in ("title", "body")
            for figure, measure in (
                ("50 hostages", "hostages_released"),
                ("3-day truce", "truce_duration"),
            )
        ],
        "parties": [],
    }
    tally = scorer.Tally()
    scorer.score_article(label, parsed, tally, verbose=False)
    assert (tally.figures, tally.found, tally.false_figures) == (2, 2, 0)
