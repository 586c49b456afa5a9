"""Figure pairing by measure and event, on hand-made figures."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

import pytest

from index.compare.alignment import align_sentences
from index.compare.figure_pairing import (
    counted_compatible,
    figure_scope,
    figure_side,
    groups_compatible,
    pair_figures,
)
from index.compare.figure_status import figures_status
from index.compare.models import FigureRow, FigureStatus
from index.extract.figures import find_figures
from index.models import Article, Figure
from tests.builders import article, figure_in


def _one_figure(
    name: str,
    paragraphs: tuple[str, ...],
    phrase: str,
    *,
    value: float,
    measure: str,
    counted: str = "people",
    qualifier: str | None = None,
    group: str | None = None,
    place: str | None = None,
) -> Article:
    """Article `name` whose only figure is `phrase`."""
    found = figure_in(
        paragraphs,
        phrase,
        value=value,
        measure=measure,
        counted=counted,
        qualifier=qualifier,
        group=group,
        place=place,
    )
    return article(paragraphs, article_id=name, figures=[found])


def _pair(a: Article, b: Article) -> tuple[FigureRow, ...]:
    alignment = align_sentences(a.paragraphs, b.paragraphs, (), (), a.figures, b.figures)
    return pair_figures(a, b, alignment)


A_TEXT = (
    "Talks in Cairo ended on Sunday without a deal.",
    "The war began with a Hamas attack on Israeli territory on October 7, during which "
    "1,200 people died and 250 were taken hostage.",
    "Israeli bombing has claimed more than 34,600 Palestinian lives since October, "
    "according to Hamas-controlled authorities.",
)
B_TEXT = (
    "In response, Israel launched an offensive in the Gaza Strip that caused 27,840 deaths, "
    "according to the Hamas Ministry of Health.",
    "The October 7 Hamas attack caused the deaths of more than 1,160 people on the Israeli "
    "side, according to an AFP count.",
    "Around 250 people were kidnapped.",
)


def _seed_like() -> tuple[Article, Article]:
    a = article(
        A_TEXT,
        article_id="a",
        figures=[
            figure_in(A_TEXT, "1,200 people", value=1200, counted="people", measure="killed"),
            figure_in(A_TEXT, "250", value=250, measure="hostages_taken"),
            figure_in(
                A_TEXT,
                "more than 34,600 Palestinian lives",
                value=34600,
                qualifier="more than",
                counted="lives",
                measure="killed",
                attribution="according to Hamas-controlled authorities",
            ),
        ],
    )
    b = article(
        B_TEXT,
        article_id="b",
        figures=[
            figure_in(
                B_TEXT,
                "27,840 deaths",
                value=27840,
                counted="deaths",
                measure="killed",
                attribution="according to the Hamas Ministry of Health",
            ),
            figure_in(
                B_TEXT,
                "more than 1,160 people",
                value=1160,
                qualifier="more than",
                counted="people",
                measure="killed",
                attribution="according to an AFP count",
            ),
            figure_in(
                B_TEXT,
                "Around 250 people",
                value=250,
                qualifier="about",
                counted="people",
                measure="hostages_taken",
            ),
        ],
    )
    return a, b


def _row_with(rows: Sequence[FigureRow], text_a: str) -> FigureRow:
    return next(row for row in rows if any(f.text == text_a for f in row.a))


def test_pair_figures_israel_toll_differs() -> None:
    """1,200 vs more than 1,160 killed in Israel pair, are consistent, carry the difference."""
    rows = _pair(*_seed_like())
    row = _row_with(rows, "1,200 people")
    assert [f.text for f in row.b] == ["more than 1,160 people"]
    assert row.status is FigureStatus.CONSISTENT
    assert row.note == "1,200 (1,200) and more than 1,160 (1,160–1,740) overlap"
    assert row.difference == -40


def test_pair_figures_gaza_toll_pairs_with_gaza_toll() -> None:
    """The Gaza toll pairs with the Gaza toll (rising over time: differ), not the Israel one."""
    rows = _pair(*_seed_like())
    row = _row_with(rows, "more than 34,600 Palestinian lives")
    assert [f.text for f in row.b] == ["27,840 deaths"]
    assert row.status is FigureStatus.DIFFER


def test_pair_figures_hostages_taken_agree() -> None:
    """250 and "around 250" hostages taken agree."""
    rows = _pair(*_seed_like())
    row = _row_with(rows, "250")
    assert row.measure == "hostages_taken"
    assert row.status is FigureStatus.AGREE
    assert row.difference is None


def test_pair_figures_other_event_is_one_sided() -> None:
    """A toll killed in Israel never pairs with a toll killed in Gaza: each stays one-sided."""
    a_text = ("Nearly 1,200 people in Israel were killed during the attack.",)
    b_text = ("Over 34,000 people have been killed by Israeli strikes in the Gaza Strip.",)
    a = _one_figure("a", a_text, "Nearly 1,200 people", value=1200, measure="killed")
    b = _one_figure("b", b_text, "Over 34,000 people", value=34000, measure="killed")
    statuses = sorted(str(row.status) for row in _pair(a, b))
    assert statuses == ["a_only", "b_only"]


def test_pair_figures_children_not_paired_with_people() -> None:
    """Children killed are a subset, not the same count as people killed."""
    a_text = ("The bombing of Gaza has killed 19,000 people.",)
    b_text = ("The bombing of Gaza has killed 7,729 children.",)
    a = _one_figure("a", a_text, "19,000 people", value=19000, measure="killed")
    b = _one_figure("b", b_text, "7,729 children", value=7729, measure="killed", counted="children")
    assert sorted(str(row.status) for row in _pair(a, b)) == ["a_only", "b_only"]


def test_pair_figures_translated_prisoners_pair_with_hostages() -> None:
    """ "129 prisoners still held" (a translation) pairs with "132 hostages remain": differ."""
    a_text = ("Pressure grows to return the 129 prisoners still held by Hamas.",)
    b_text = ("According to Israel, 132 hostages remain detained in Gaza.",)
    a = _one_figure(
        "a", a_text, "129 prisoners", value=129, measure="hostages_held", counted="prisoners"
    )
    b = _one_figure(
        "b", b_text, "132 hostages", value=132, measure="hostages_held", counted="hostages"
    )
    rows = _pair(a, b)
    assert len(rows) == 1
    assert rows[0].status is FigureStatus.DIFFER
    assert rows[0].difference == 3


def test_pair_figures_groups_repeats_within_one_article() -> None:
    """ "about 1,200" and "1,200" in one article form one row with both figures."""
    a_text = (
        "Its October 7 attacks killed about 1,200 people in Israel.",
        "The attack on Israeli territory led to the deaths of 1,200 people, Israel says.",
    )
    b_text = ("Nearly 1,200 people in Israel were killed in the attack.",)
    a = article(
        a_text,
        article_id="a",
        figures=[
            figure_in(
                a_text,
                "about 1,200 people",
                value=1200,
                qualifier="about",
                counted="people",
                measure="killed",
            ),
            figure_in(
                a_text, "1,200 people, Israel", value=1200, counted="people", measure="killed"
            ),
        ],
    )
    b = _one_figure("b", b_text, "Nearly 1,200 people", value=1200, measure="killed")
    rows = _pair(a, b)
    assert len(rows) == 1
    assert len(rows[0].a) == 2
    assert rows[0].status is FigureStatus.AGREE


def test_pair_figures_without_measure_are_ignored() -> None:
    """Figures with no measure make no row."""
    text = ("The talks lasted 3 days.",)
    figure = figure_in(text, "3 days", value=3, counted="people", measure="killed")
    bare = figure_in(text, "3 days", value=3, counted="days")
    a = article(text, article_id="a", figures=[bare])
    b = article(text, article_id="b", figures=[figure])
    rows = _pair(a, b)
    assert [str(row.status) for row in rows] == ["b_only"]


def test_figures_status_ranges_overlap_are_consistent() -> None:
    """A range holding a single value is consistent with it; disjoint ones differ."""
    text = ("between 30 and 40 prisoners; 35 prisoners; 50 prisoners",)
    ranged = figure_in(
        text, "between 30 and 40", low=30, high=40, counted="people", measure="released"
    )
    inside = figure_in(text, "35 prisoners", value=35, counted="people", measure="released")
    outside = figure_in(text, "50 prisoners", value=50, counted="people", measure="released")
    assert figures_status("released", [ranged], [inside])[0] is FigureStatus.CONSISTENT
    assert figures_status("released", [ranged], [outside])[0] is FigureStatus.DIFFER
    assert figures_status("released", [], [outside])[0] is FigureStatus.B_ONLY
    assert figures_status("released", [ranged], [])[0] is FigureStatus.A_ONLY


def test_groups_compatible_nationality_with_unsaid_but_not_a_part() -> None:
    """ "13 hostages" may be "13 Israeli hostages"; "1,500 children" is not "4,000 people"."""
    assert groups_compatible(None, "Israelis")
    assert groups_compatible("Israelis", "Israelis")
    assert not groups_compatible(None, "children")
    assert not groups_compatible("Israelis", "Thais")


def test_figure_side_reads_the_nearest_cues() -> None:
    """Israel-side and Gaza-side tolls are told apart by the words around them."""
    israel = "The October 7 Hamas attack caused the deaths of more than 1,160 people."
    gaza = "Over 34,000 people have been killed so far by Israeli strikes in the Gaza Strip."
    assert figure_side(israel, israel.index("1,160")) == "israel"
    assert figure_side(gaza, gaza.index("34,000")) == "gaza"
    assert figure_side("Talks ended with 3 proposals.", 17) is None


def test_counted_compatible_hostage_family() -> None:
    """People, hostages, prisoners, women count the same captives only for captive measures."""
    assert counted_compatible("hostages_held", "prisoners", "hostages")
    assert counted_compatible("prisoners_released", "women", "prisoners")
    assert not counted_compatible("killed", "people", "children")
    assert counted_compatible("killed", None, "children")


def test_pair_figures_proposal_not_paired_with_what_happened() -> None:
    """A proposed release (a plan) never pairs with a release that took place."""
    a_text = ("The proposal provided for the release of 40 Israeli hostages.",)
    b_text = ("The truce in November saw the release of 105 hostages.",)
    a = _one_figure(
        "a",
        a_text,
        "40 Israeli hostages",
        value=40,
        measure="hostages_released",
        counted="hostages",
    )
    b = _one_figure(
        "b", b_text, "105 hostages", value=105, measure="hostages_released", counted="hostages"
    )
    assert sorted(str(row.status) for row in _pair(a, b)) == ["a_only", "b_only"]


def test_pair_figures_pronoun_counted_pairs() -> None:
    """ "some 240 others" abducted pairs with "around 250 people" kidnapped: consistent."""
    a_text = ("Nearly 1,200 people were killed and some 240 others abducted.",)
    b_text = ("Around 250 people were kidnapped.",)
    a = _one_figure(
        "a",
        a_text,
        "some 240 others",
        value=240,
        measure="hostages_taken",
        counted="others",
        qualifier="about",
    )
    b = _one_figure(
        "b", b_text, "Around 250 people", value=250, measure="hostages_taken", qualifier="about"
    )
    (row,) = _pair(a, b)
    assert row.status is FigureStatus.CONSISTENT
    assert row.difference == 10


def test_a_days_count_is_no_running_total_even_when_its_period_comes_late() -> None:
    """ "over the past 24 hours" at the end of a long clause still makes the count one day's."""
    sentence = (
        "More than 700 Palestinians have been killed by Israeli air strikes in the Gaza Strip"
        " over the past 24 hours, the Hamas-run health ministry says."
    )
    assert figure_scope(sentence, 0, len("More than 700 Palestinians")) == "incident"
    toll = "The death toll has reached 5,087 since the start of the conflict."
    assert figure_scope(toll, toll.index("5,087"), toll.index("5,087") + 5) == "total"


def _released(
    paragraphs: tuple[str, ...],
    phrase: str,
    counted: str,
    group: str | None = None,
    value: float = 2,
) -> Figure:
    """Captives freed (two unless `value` says), written as `phrase`."""
    return figure_in(
        paragraphs, phrase, value=value, counted=counted, measure="hostages_released", group=group
    )


def test_pair_figures_a_small_count_said_alike_agrees() -> None:
    """ "two hostages" freed in both reports, worded differently around them: one count."""
    a_text = (
        "The International Committee of the Red Cross said it has facilitated the release of"
        " two hostages held by Hamas in Gaza on Monday, amid a multinational effort to free"
        " the more than 200 people held captive in Gaza before Israel's expected ground"
        " invasion.",
    )
    b_text = (
        "The army would not slow its attacks despite the release on Monday of two hostages"
        " held by Hamas.",
        "Hamas released two elderly Israeli women from the Nir Oz kibbutz.",
    )
    a = article(a_text, article_id="a", figures=[_released(a_text, "two hostages", "hostages")])
    b = article(
        b_text,
        article_id="b",
        figures=[
            _released(b_text, "two hostages", "hostages"),
            _released(b_text, "two elderly", "elderly", group="elderly"),
        ],
    )
    row = _row_with(_pair(a, b), "two hostages")
    assert [f.text for f in row.b] == ["two hostages"]
    assert row.status is FigureStatus.AGREE


def test_pair_figures_members_of_a_family_are_not_members_of_a_staff() -> None:
    """ "35 members of its staff" killed and "13 members of one family" killed are two counts."""
    a_text = ("UNRWA said that 35 members of its staff have been killed in Gaza.",)
    b_text = ("The dead included 13 members of one family in Gaza.",)
    a = article(
        a_text,
        article_id="a",
        figures=[figure_in(a_text, "35 members", value=35, measure="killed", counted="members")],
    )
    b = article(
        b_text,
        article_id="b",
        figures=[figure_in(b_text, "13 members", value=13, measure="killed", counted="members")],
    )
    assert sorted(str(row.status) for row in _pair(a, b)) == ["a_only", "b_only"]


def test_a_count_since_late_friday_is_one_days() -> None:
    """ "377 deaths reported since late Friday" beside the war's toll is one day's count."""
    sentence = (
        "The Palestinian death toll in Gaza rose Saturday to just over 7,700 people since the"
        " war began, with 377 deaths reported since late Friday, according to the Gaza Health"
        " Ministry."
    )
    at = sentence.index("377 deaths")
    assert figure_scope(sentence, at, at + len("377 deaths")) == "incident"


def test_a_title_figure_pairs_by_the_titles_words() -> None:
    """ "68 killed in single Israeli airstrike on Gaza" (a headline) and "More than 100 people
    killed in an Israeli strike on Maghazi" report one strike: their counts differ."""
    from index.extract.figures import find_figures

    title = "68 killed in single Israeli airstrike on Gaza"
    a_text = ("The strike targeted the al-Maghazi refugee camp in central Gaza.",)
    b_text = (
        "More than 100 people killed in an Israeli strike on Maghazi refugee camp with families"
        " still trapped in rubble.",
    )
    a = article(a_text, article_id="a", title=title, figures=find_figures(a_text, title))
    b = article(b_text, article_id="b", title="Strikes", figures=find_figures(b_text))
    row = _row_with(_pair(a, b), "68 killed")
    assert [f.text for f in row.b] == ["More than 100 people"]
    assert row.status is FigureStatus.DIFFER


def test_pair_figures_a_group_says_its_side() -> None:
    """ "About 1,200 people" killed in Israel and "some 1,200 Israelis" agree, though the
    second's sentence talks of Gaza: the group says whose dead they are."""
    a_text = ("About 1,200 people were killed in Israel in the Hamas attack.",)
    b_text = (
        "Hamas militants from Gaza killed some 1,200 Israelis, and Israel's war in Gaza has"
        " killed thousands.",
    )
    a = _one_figure(
        "a",
        a_text,
        "About 1,200 people",
        value=1200,
        measure="killed",
        qualifier="about",
        place="Israel",
    )
    b = _one_figure(
        "b",
        b_text,
        "some 1,200 Israelis",
        value=1200,
        measure="killed",
        qualifier="about",
        counted="Israelis",
        group="Israelis",
    )
    row = _row_with(_pair(a, b), "About 1,200 people")
    assert [f.text for f in row.b] == ["some 1,200 Israelis"]
    assert row.status is FigureStatus.AGREE


def test_pair_figures_the_same_number_without_a_measure_joins_the_lone_one() -> None:
    """ "1,200 people" killed in Israel in A; B says "1,200 people" there with no verb read:
    the same count, one row of A's measure (not A's figure alone)."""
    a_text = ("Hamas killed 1,200 people in Israel on October 7.",)
    b_text = ("The war began after the attack in Israel, where 1,200 people were counted.",)
    a = _one_figure("a", a_text, "1,200 people", value=1200, measure="killed", place="Israel")
    b = article(
        b_text,
        article_id="b",
        figures=[
            figure_in(
                b_text, "1,200 people", value=1200, measure=None, counted="people", place="Israel"
            )
        ],
    )
    (row,) = _pair(a, b)
    assert row.measure == "killed"
    assert [f.text for f in row.a] == [f.text for f in row.b] == ["1,200 people"]
    assert row.status is FigureStatus.AGREE


def test_pair_figures_a_measureless_number_never_joins_another_count() -> None:
    """Not when the numbers differ, the place differs, or the number is small."""
    a_text = ("Hamas killed 1,200 people in Israel and two people in a second town.",)
    b_text = ("In Gaza 1,200 people were counted; 1,300 people elsewhere; two people here.",)
    a = article(
        a_text,
        article_id="a",
        figures=[
            figure_in(a_text, "1,200 people", value=1200, measure="killed", place="Israel"),
            figure_in(a_text, "two people", value=2, measure="killed"),
        ],
    )
    b = article(
        b_text,
        article_id="b",
        figures=[
            figure_in(b_text, "1,200 people", value=1200, measure=None, place="Gaza"),
            figure_in(b_text, "1,300 people", value=1300, measure=None),
            figure_in(b_text, "two people", value=2, measure=None),
        ],
    )
    rows = _pair(a, b)
    assert [(r.measure, str(r.status), len(r.b)) for r in rows] == [
        ("killed", "a_only", 0),
        ("killed", "a_only", 0),
    ]


def test_pair_figures_a_group_named_by_the_other_figures_noun() -> None:
    """ "16 Palestinian Christians" (group Palestinians) counts the "16 Christians" of the
    other report; "16 Palestinian children" does not count Christians."""
    a_text = ("A strike on the church killed at least 16 Christians in Gaza.",)
    b_text = ("The strike killed 16 Palestinian Christians in Gaza, and 16 Palestinian children.",)
    a = _one_figure(
        "a",
        a_text,
        "at least 16 Christians",
        value=16,
        measure="killed",
        counted="Christians",
        qualifier="at least",
        group="Christians",
        place="Gaza",
    )
    b = article(
        b_text,
        article_id="b",
        figures=[
            figure_in(
                b_text,
                "16 Palestinian Christians",
                value=16,
                measure="killed",
                counted="Christians",
                group="Palestinians",
                place="Gaza",
            ),
            figure_in(
                b_text,
                "16 Palestinian children",
                value=16,
                measure="killed",
                counted="children",
                group="children",
                place="Gaza",
            ),
        ],
    )
    row = _row_with(_pair(a, b), "at least 16 Christians")
    assert [f.text for f in row.b] == ["16 Palestinian Christians"]
    assert row.status is FigureStatus.CONSISTENT


def test_pair_figures_captives_of_one_nationality_are_a_part_of_more_unsaid() -> None:
    """ "24 hostages" freed and "13 Israeli hostages" freed: the 24 hold the 13 and others,
    two counts; but "12 hostages" against "13 Israeli hostages" still differ, and "13
    hostages" against them agree."""
    b_text = ("Hamas freed 13 Israeli hostages on Friday.",)
    b = article(
        b_text,
        article_id="b",
        figures=[_released(b_text, "13 Israeli hostages", "hostages", "Israelis", 13)],
    )
    for value, statuses in (
        (24, ["a_only", "b_only"]),
        (12, ["differ"]),
        (13, ["agree"]),
    ):
        a_text = (f"Hamas freed {value} hostages on Friday.",)
        a = article(
            a_text,
            article_id="a",
            figures=[_released(a_text, f"{value} hostages", "hostages", value=value)],
        )
        assert [str(r.status) for r in _pair(a, b)] == statuses, value


def test_pair_figures_strikes_of_different_days_are_two_incidents() -> None:
    """A strike killed four on Wednesday, another at least 12 on Thursday: two strikes, not
    an update (on one day they differ). A toll in the thousands still updates."""
    a_text = ("A bakery in Khan Younis was hit on Wednesday, and four people died there.",)
    b_text = ("Medics said at least 12 people were killed near the Jabaliya camp.",)
    a = _one_figure("a", a_text, "four people", value=4, measure="killed", place="Gaza")
    b = _one_figure(
        "b",
        b_text,
        "at least 12 people",
        value=12,
        measure="killed",
        qualifier="at least",
        place="Gaza",
    )
    a = dataclasses.replace(a, published=date(2023, 10, 13))
    b = dataclasses.replace(b, published=date(2023, 10, 14))
    assert [str(r.status) for r in _pair(a, b)] == ["a_only", "b_only"]
    same_day = dataclasses.replace(b, published=date(2023, 10, 13))
    assert [str(r.status) for r in _pair(a, same_day)] == ["differ"]

    a_toll = ("The Gaza health ministry says 3,785 Palestinians have died.",)
    b_toll = ("The Gaza health ministry says 4,385 people have died.",)
    a = dataclasses.replace(
        _one_figure(
            "a",
            a_toll,
            "3,785 Palestinians",
            value=3785,
            measure="killed",
            group="Palestinians",
            place="Gaza",
        ),
        published=date(2023, 10, 19),
    )
    b = dataclasses.replace(
        _one_figure("b", b_toll, "4,385 people", value=4385, measure="killed", place="Gaza"),
        published=date(2023, 10, 21),
    )
    assert [str(r.status) for r in _pair(a, b)] == ["updated"]


def test_pair_figures_dozens_on_one_day_and_a_count_the_next_are_two_incidents() -> None:
    """ "killing dozens of people" on Friday and "at least 27 people" killed on Saturday: the
    dozens overlap 27 only because "dozens" says so little; two strikes, not an update."""
    a_text = ("Airstrikes hit cars on the road south on Friday, killing dozens of people.",)
    b_text = ("Medics said at least 27 people were killed near the Jabaliya camp.",)
    a = dataclasses.replace(
        article(a_text, article_id="a", figures=find_figures(a_text)),
        published=date(2023, 10, 13),
    )
    b = dataclasses.replace(
        article(b_text, article_id="b", figures=find_figures(b_text)),
        published=date(2023, 10, 14),
    )
    assert [f.text for f in (*a.figures, *b.figures)] == ["dozens of people", "at least 27 people"]
    assert [str(r.status) for r in _pair(a, b)] == ["a_only", "b_only"]


def test_pair_figures_a_share_never_pairs_with_a_count() -> None:
    """ "roughly two thirds" of the dead and "two Palestinians" killed are not one quantity."""
    a_text = ("Israeli troops fatally shot two Palestinians on Friday.",)
    b_text = (
        "More than 13,300 Palestinians have been killed since the war began, roughly two"
        " thirds of them women and minors.",
    )
    a = article(a_text, article_id="a", figures=find_figures(a_text), published=date(2023, 11, 24))
    b = article(b_text, article_id="b", figures=find_figures(b_text), published=date(2023, 11, 26))
    assert [f.unit for f in b.figures] == [None, "share"]
    rows = _pair(a, b)
    assert not any(row.a and row.b and row.b[0].unit == "share" for row in rows)


def test_pair_figures_a_war_scale_incident_is_the_toll() -> None:
    """ "a raid on Oct. 7 that killed more than 1,400 Israelis" and "At least 1,400 people in
    Israel have been killed since the Hamas attack": one toll (consistent), not two rows."""
    a_text = (
        "Hamas freed two of 200 hostages taken in a raid that killed more than 1,400 Israelis.",
    )
    b_text = ("At least 1,400 people in Israel have been killed since the Hamas attack on Oct. 7.",)
    a = article(a_text, article_id="a", figures=find_figures(a_text), published=date(2023, 10, 21))
    b = article(b_text, article_id="b", figures=find_figures(b_text), published=date(2023, 10, 20))
    rows = [row for row in _pair(a, b) if row.measure == "killed"]
    assert [(str(row.status), len(row.a), len(row.b)) for row in rows] == [("consistent", 1, 1)]


def _found(name: str, text: str, day: int) -> Article:
    paragraphs = (text,)
    return dataclasses.replace(
        article(paragraphs, article_id=name, figures=find_figures(paragraphs)),
        published=date(2023, 11, day),
    )


@pytest.mark.parametrize(
    ("text_a", "text_b", "statuses"),
    [
        (
            "Hamas freed 13 Israeli citizens on Friday.",
            "Hamas freed 13 women and children hostages on Friday.",
            ["agree"],
        ),
        (
            "Hamas released two Israeli women on Monday.",
            "Hamas released two elderly Israeli hostages on Monday.",
            ["agree"],
        ),
        (
            "An airstrike on a house killed three babies on Monday.",
            "An airstrike on a car killed three people on Monday.",
            ["a_only", "b_only"],
        ),
        (
            "Militants killed 400 Israeli soldiers on Monday.",
            "An airstrike killed 400 Palestinian children on Monday.",
            ["a_only", "b_only"],
        ),
    ],
)
def test_pair_figures_one_number_described_two_ways_is_one_count(
    text_a: str, text_b: str, statuses: list[str]
) -> None:
    """The same exact number under groups that can describe the same people pairs ("13
    Israeli citizens" and "13 women and children"); small numbers need a group on both sides,
    and combatants are never civilians."""
    a, b = _found("a", text_a, 24), _found("b", text_b, 24)
    assert [str(r.status) for r in _pair(a, b)] == statuses


def test_pair_figures_pairs_on_the_place_the_sentence_says() -> None:
    """A toll whose place comes only from its paragraph ("… in central Gaza. Israel launched its
    offensive after about 1,200 people were killed") still pairs with another report's toll
    in Israel: the paragraph's Gaza is shown, the sentence's silence is compared."""
    a_text = (
        "Israeli strikes hit the Nuseirat camp in central Gaza overnight. Israel launched its"
        " offensive after about 1,200 people were killed.",
    )
    b_text = ("About 1,200 people were killed in Israel on 7 October.",)
    a = article(a_text, article_id="a", figures=find_figures(a_text), published=date(2023, 11, 24))
    b = article(b_text, article_id="b", figures=find_figures(b_text), published=date(2023, 11, 24))
    assert [f.place for f in a.figures] == ["Gaza"]
    rows = _pair(a, b)
    assert [str(r.status) for r in rows] == ["agree"]


@pytest.mark.parametrize(
    ("text_a", "text_b", "statuses"),
    [
        (
            "UNRWA said 101 of its staff members have been killed in Gaza.",
            "The agency said over 100 employees have been killed in Gaza.",
            ["consistent"],
        ),
        (
            "At least 101 UNRWA staff have been killed in Gaza.",
            "The agency said over 100 employees have been killed in Gaza.",
            ["consistent"],
        ),
        (
            "The UN said 53 members of its staff have been killed in Gaza.",
            "UNRWA said 43 staffers have been killed in Gaza.",
            ["differ"],
        ),
        (  # relatives are not staff
            "Airstrikes killed 101 members of one family in Gaza.",
            "The agency said over 100 employees have been killed in Gaza.",
            ["a_only", "b_only"],
        ),
    ],
)
def test_pair_figures_staff_by_any_name_are_one_count(
    text_a: str, text_b: str, statuses: list[str]
) -> None:
    """ "staff members", "employees", "staffers" and UN staff count one workforce: they pair
    ("101 of its staff members" and "over 100 employees"); a family's members do not."""
    a, b = _found("a", text_a, 10), _found("b", text_b, 10)
    assert [str(r.status) for r in _pair(a, b) if r.measure == "killed"] == statuses


@pytest.mark.parametrize(
    ("text_a", "text_b", "statuses"),
    [
        (
            "Hamas killed 1,200 people and abducted dozens more on Saturday.",
            "Hamas killed 1,200 people and took about 240 hostages on Saturday.",
            ["agree", "a_only", "b_only"],
        ),
        (
            "The gunmen took 20 or more hostages on Saturday.",
            "The gunmen took 25 hostages on Saturday.",
            ["consistent"],
        ),
    ],
)
def test_pair_figures_dozens_more_is_a_remainder(
    text_a: str, text_b: str, statuses: list[str]
) -> None:
    """ "abducted dozens more" counts others besides someone: never the whole count of the
    other report ("about 240 hostages"); "20 or more" is a qualifier, not a remainder."""
    a, b = _found("a", text_a, 10), _found("b", text_b, 10)
    assert sorted(str(r.status) for r in _pair(a, b)) == sorted(statuses)


def test_pair_figures_a_population_counts_people() -> None:
    """ "85% of Gaza's population" and "85% of the territory's 2.3 million Palestinians" have
    fled: a population is people, so the two shares are one quantity."""
    a = _found(
        "a",
        "Some 85% of the territory's 2.3 million Palestinians have fled their homes in Gaza.",
        10,
    )
    b = _found("b", "Some 85% of Gaza's population have been displaced, the UN says.", 10)
    rows = [r for r in _pair(a, b) if r.measure == "displaced"]
    assert [str(r.status) for r in rows] == ["agree"]


def test_pair_figures_israeli_soldiers_pair_whatever_their_side_of_the_war() -> None:
    """ "217 soldiers" killed (the Israeli army's count, no place said) and "221 Israeli
    soldiers" killed in Gaza: Israeli soldiers die in Gaza too, so their group puts them on
    no side; they are one count."""
    a = _found("a", "The Israeli military said 217 soldiers have been killed so far.", 10)
    b = _found("b", "In all 221 Israeli soldiers have been killed in Gaza so far.", 10)
    rows = [r for r in _pair(a, b) if r.measure == "killed"]
    assert [str(r.status) for r in rows] == ["differ"]


def test_pair_figures_a_share_beside_a_count_leaves_the_count_alone() -> None:
    """ "About 1.8 million people" and "roughly 75% of the population" displaced in one report,
    "almost 2 million displaced Gazans" two days later in the other: the share is another way
    of saying the count, so each report still has one count of the measure, and they pair."""
    a = _found(
        "a",
        "About 1.8 million people in Gaza, roughly 75% of the population, have been displaced.",
        5,
    )
    b = _found("b", "Almost 2 million displaced Gazans are crowded into the south of Gaza.", 7)
    rows = [r for r in _pair(a, b) if r.measure == "displaced" and r.a and r.b]
    assert [str(r.status) for r in rows] == ["consistent"]


def test_figure_scope_a_kicker_before_a_colon_does_not_scope_the_count() -> None:
    """ "Israel Gaza war: Hamas says 70 killed in Israeli air strike on camp" counts one
    strike: the story's label before the colon is no running-total cue."""
    title = "Israel Gaza war: Hamas says 70 killed in Israeli air strike on camp"
    start = title.index("70")
    assert figure_scope(title, start, start + len("70 killed")) == "incident"
    toll = "The war has killed 70 people so far"
    start = toll.index("70")
    assert figure_scope(toll, start, start + len("70 people")) == "total"
