"""The story rules on hand-made series: votes, consensus, outliers, stale and part figures."""

from __future__ import annotations

from datetime import date

import pytest

from index.models import ArticleId
from index.story.consensus import build_story, day_consensus, filter_story, is_vague
from index.story.models import CountKey, FlagKind, StoredFigure, Story, StoryRow
from tests.builders import figure

KILLED = CountKey("killed", None, "Gaza")
HELD = CountKey("hostages_held")


def report(
    article_id: str,
    day: int | None,
    value: float,
    *,
    outlet: str = "Outlet",
    qualifier: str | None = None,
    attribution: str | None = None,
    month: int = 10,
    text: str | None = None,
    low: float | None = None,
    high: float | None = None,
) -> StoredFigure:
    """One report's figure: `value` on 2023-`month`-`day` (None: undated)."""
    written = text if text is not None else f"{value:,.0f} people"
    return StoredFigure(
        article_id=ArticleId(article_id),
        published=None if day is None else date(2023, month, day),
        outlet=outlet,
        title=f"Report {article_id}",
        figure=figure(
            written,
            value=None if low is not None else value,
            low=low,
            high=high,
            qualifier=qualifier,
            measure="killed",
            place="Gaza",
            attribution=attribution,
        ),
    )


def row_of(story: Story, article_id: str) -> StoryRow:
    """The plotted row of one report."""
    return next(r for r in story.all_rows if r.article_id == article_id and r.plotted)


def test_build_story_consensus_is_median_of_each_day() -> None:
    """Each day's consensus is the median of that day's reports."""
    story = build_story(
        HELD,
        [report("a", 1, 200), report("b", 1, 220), report("c", 1, 240), report("d", 2, 230)],
    )
    assert [(d.day.day, d.value, d.reports) for d in story.days] == [(1, 220, 3), (2, 230, 1)]


def test_build_story_report_votes_once_with_its_largest_figure() -> None:
    """A report giving the toll and one strike's dead votes with the toll."""
    story = build_story(KILLED, [report("a", 1, 5000), report("a", 1, 45), report("b", 1, 5100)])
    plotted = [(r.article_id, r.number) for r in story.rows if r.plotted]
    assert sorted(plotted) == [("a", 5000), ("b", 5100)]
    assert story.days[0].value == 5050


def test_build_story_vague_amounts_never_vote() -> None:
    """ "Thousands" is shown but neither plotted nor counted in the consensus."""
    vague = report("v", 1, 0, text="thousands of people", low=2000, high=9999)
    story = build_story(KILLED, [vague, report("a", 1, 3000)])
    assert is_vague(vague.figure)
    assert not row_of_any(story, "v").plotted
    assert story.days[0].value == 3000


def row_of_any(story: Story, article_id: str) -> StoryRow:
    """The first row of one report, plotted or not."""
    return next(r for r in story.all_rows if r.article_id == article_id)


def test_build_story_undated_reports_are_listed_apart() -> None:
    """Undated reports are kept apart, never placed on a date nor voting."""
    story = build_story(KILLED, [report("a", 1, 3000), report("u", None, 9000)])
    assert [r.article_id for r in story.undated] == ["u"]
    assert [r.article_id for r in story.rows] == ["a"]
    assert [d.value for d in story.days] == [3000]
    assert story.undated[0].flags == ()


def test_build_story_flags_outlier_with_how_far() -> None:
    """A report three times the day's consensus is an outlier, with the ratio in its note."""
    story = build_story(
        HELD,
        [report("a", 1, 100), report("b", 1, 110), report("c", 1, 105), report("x", 1, 330)],
    )
    (flag,) = row_of(story, "x").flags
    assert flag.kind is FlagKind.OUTLIER
    assert flag.note.startswith("×3.")
    assert "consensus" in flag.note
    assert row_of(story, "a").flags == ()


def test_build_story_outlier_below_consensus_gives_a_share() -> None:
    """A figure far below the consensus (not a running total) says what share it is."""
    story = build_story(
        HELD, [report("a", 1, 200), report("b", 1, 210), report("c", 1, 205), report("x", 1, 50)]
    )
    (flag,) = row_of(story, "x").flags
    assert flag.kind is FlagKind.OUTLIER
    assert flag.note == "25% of the consensus 202.5"


def test_build_story_qualified_figure_within_reach_is_not_an_outlier() -> None:
    """ "More than 100" against a consensus of 140 is compatible, not an outlier."""
    story = build_story(
        HELD,
        [report("a", 1, 140), report("b", 1, 140), report("q", 1, 100, qualifier="more than")],
    )
    assert row_of(story, "q").flags == ()


def test_build_story_lone_report_is_never_its_own_outlier() -> None:
    """A day's only report makes its consensus and flags nothing."""
    story = build_story(HELD, [report("a", 1, 999)])
    assert story.rows[0].flags == ()


def test_build_story_flags_stale_running_total_with_its_day() -> None:
    """A toll repeating an earlier day's consensus while others cite more is stale."""
    story = build_story(
        KILLED,
        [
            report("a", 1, 1000),
            report("b", 1, 1010),
            report("c", 5, 2000),
            report("d", 5, 2100),
            report("old", 5, 1000),
        ],
    )
    (flag,) = row_of(story, "old").flags
    assert flag.kind is FlagKind.STALE
    assert "2023-10-01, 4 days earlier" in flag.note
    assert "today 2,000" in flag.note


def test_build_story_not_stale_when_measure_is_not_running_total() -> None:
    """Hostages held falls over time: an older value is an outlier at most, never stale."""
    story = build_story(
        HELD,
        [report("a", 1, 240), report("b", 5, 130), report("c", 5, 132), report("d", 5, 240)],
    )
    assert all(f.kind is not FlagKind.STALE for r in story.rows for f in r.flags)
    assert not story.running_total


def test_build_story_part_of_toll_is_neither_outlier_nor_vote_of_track() -> None:
    """A strike's dead reported alone under a toll is a part, and does not pull the consensus."""
    story = build_story(
        KILLED,
        [
            report("a", 1, 5000),
            report("b", 1, 5200),
            report("strike", 2, 45),
            report("c", 2, 5400),
            report("d", 2, 5500),
        ],
    )
    (flag,) = row_of(story, "strike").flags
    assert flag.kind is FlagKind.PART
    assert story.days[-1].value == 5450


def test_day_consensus_running_total_ignores_lone_leap() -> None:
    """A lone figure over three times yesterday's toll does not move the consensus."""
    story = build_story(KILLED, [report("a", 1, 5000), report("b", 2, 2_300_000)])
    assert [d.day.day for d in story.days] == [1]
    (flag,) = row_of(story, "b").flags
    assert flag.kind is FlagKind.OUTLIER
    assert "consensus 5,000" in flag.note


def test_day_consensus_rising_toll_follows_the_reports() -> None:
    """A toll that rises day by day has a consensus that rises with it, and no flags."""
    rows = [report(f"r{day}", day, 1000 * day) for day in range(1, 8)]
    story = build_story(KILLED, rows)
    assert [d.value for d in story.days] == [1000 * day for day in range(1, 8)]
    assert all(r.flags == () for r in story.rows)


def test_day_consensus_without_votes_is_empty() -> None:
    """No votes, no consensus."""
    assert day_consensus([], running=True) == []


def test_build_story_groups_values_by_who_says_them() -> None:
    """Who says what: values grouped by the source their attribution cites."""
    story = build_story(
        KILLED,
        [
            report("a", 1, 5000, attribution="according to the Hamas-run health ministry"),
            report("b", 2, 5200, attribution="the Gaza Health Ministry said"),
            report("c", 2, 4800, attribution="Israeli officials say"),
            report("d", 2, 5100),
        ],
    )
    sources = {s.says: s for s in story.sources}
    assert set(sources) == {"Gaza health ministry", "Israeli officials", "unattributed"}
    ministry = sources["Gaza health ministry"]
    assert (ministry.reports, ministry.range_text) == (2, "5,000–5,200")
    assert ministry.latest is not None
    assert ministry.latest.article_id == "b"


def test_build_story_outlets_ordered_by_rows() -> None:
    """Outlets come most rows first (the plot's letters follow this order)."""
    story = build_story(
        KILLED,
        [report("a", 1, 1, outlet="BBC"), report("b", 1, 1, outlet="RT"), report("c", 2, 1)],
    )
    assert story.outlets[0] in {"BBC", "RT", "Outlet"}
    assert len(story.outlets) == 3


@pytest.mark.parametrize(
    ("kwargs", "kept"),
    [
        ({"outlet": "bbc"}, ["a"]),
        ({"says": "ministry"}, ["b"]),
        ({"start": date(2023, 10, 2)}, ["b"]),
        ({}, ["a", "b", "u"]),
    ],
)
def test_filter_story_by_outlet_source_or_dates(kwargs: dict[str, object], kept: list[str]) -> None:
    """Filters keep matching rows; undated rows only when no date bound is given."""
    story = build_story(
        KILLED,
        [
            report("a", 1, 1000, outlet="BBC"),
            report("b", 2, 1100, outlet="RT", attribution="health ministry says"),
            report("u", None, 1200, outlet="RT"),
        ],
    )
    filtered = filter_story(story, **kwargs)  # type: ignore[arg-type]  # parametrized keywords
    assert [r.article_id for r in filtered.all_rows] == kept
