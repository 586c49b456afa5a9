"""compare_articles, the party comparison, sources and the JSON shape."""

from __future__ import annotations

import json

from index.compare.comparison import (
    compare_articles,
    compare_parties,
    comparison_as_json,
    find_sources,
)
from index.compare.models import AlignKind, FigureRow, FigureStatus
from index.models import Article
from tests.builders import article, figure_in, mentions_in

NAMES = {
    "Hamas": "Hamas",
    "Haniyeh": "Ismail Haniyeh",
    "Haniya": "Ismail Haniyeh",
    "Netanyahu": "Benjamin Netanyahu",
    "AFP": "AFP",
    "Macron": "Emmanuel Macron",
    "Qatar": "Qatar",
    "Egypt": "Egypt",
}
A_TEXT = (
    "Hamas leader Haniyeh said the movement wants a full ceasefire.",
    "The attack by Hamas on Israeli territory on October 7 killed 1,200 people.",
    "Macron urged Netanyahu to conclude the talks, AFP reported.",
)
B_TEXT = (
    "Qatar and Egypt mediate between Hamas and Israel, a Hamas official told AFP.",
    "The October 7 Hamas attack caused the deaths of more than 1,160 people on the Israeli "
    "side, according to AFP.",
    "Haniya said the group wants a full ceasefire.",
)


def _pair() -> tuple[Article, Article]:
    a = article(
        A_TEXT,
        article_id="a",
        title="a",
        figures=[figure_in(A_TEXT, "1,200 people", value=1200, counted="people", measure="killed")],
        mentions=mentions_in(A_TEXT, NAMES),
    )
    b = article(
        B_TEXT,
        article_id="b",
        title="b",
        figures=[
            figure_in(
                B_TEXT,
                "more than 1,160 people",
                value=1160,
                qualifier="more than",
                counted="people",
                measure="killed",
                attribution="according to AFP",
            )
        ],
        mentions=mentions_in(B_TEXT, NAMES),
    )
    return a, b


def test_compare_articles_aligns_and_pairs_figures() -> None:
    """The comparison aligns the reordered claims and flags the differing toll."""
    comparison = compare_articles(*_pair())
    assert (comparison.a, comparison.b) == ("a", "b")
    pairs = {
        (r.a, r.b)
        for r in comparison.alignment
        if r.kind is not AlignKind.A_ONLY and r.kind is not AlignKind.B_ONLY
    }
    assert {(0, 2), (1, 1)} <= pairs
    (row,) = comparison.figures
    assert row.status is FigureStatus.CONSISTENT
    assert row.difference == -40


def test_compare_parties_counts_both_and_one_sided() -> None:
    """Parties are split into both / A only / B only with their mention counts."""
    parties = compare_parties(*_pair())
    both = {name: (na, nb) for name, na, nb in parties.both}
    assert both["Hamas"] == (2, 3)
    assert both["Ismail Haniyeh"] == (1, 1)
    assert both["AFP"] == (1, 2)
    assert dict(parties.a_only) == {"Benjamin Netanyahu": 1, "Emmanuel Macron": 1}
    assert dict(parties.b_only) == {"Qatar": 1, "Egypt": 1}
    assert parties.both[0][0] == "Hamas"


def test_find_sources_reads_attribution_phrases() -> None:
    """Speech verbs after a party and citing phrases before it make a source; bare names don't."""
    a, b = _pair()
    assert find_sources(a) == ("Ismail Haniyeh", "AFP")
    assert set(find_sources(b)) == {"Hamas", "AFP", "Ismail Haniyeh"}
    plain = article(
        ("Qatar hosts the talks.",),
        article_id="p",
        title="p",
        mentions=mentions_in(("Qatar hosts the talks.",), NAMES),
    )
    assert find_sources(plain) == ()


def test_find_sources_only_the_speaker_before_the_verb() -> None:
    """In "Egypt's envoy in Qatar said", only Qatar, the nearest party, is the speaker."""
    text = (
        "An official of the movement Hamas said talks would resume.",
        "Egypt hosted envoys with the declared aim of a truce.",
        "Egypt's envoy in Qatar said so.",
    )
    report = article(text, article_id="s", title="s", mentions=mentions_in(text, NAMES))
    assert find_sources(report) == ("Hamas", "Qatar")


def test_find_sources_counts_figure_attributions() -> None:
    """A party inside a figure's attribution phrase is a source."""
    text = ("The toll is 27,840, per figures of the Hamas health ministry.",)
    figure = figure_in(
        text,
        "27,840",
        value=27840,
        counted="people",
        measure="killed",
        attribution="per figures of the Hamas health ministry",
    )
    report = article(
        text, article_id="f", title="f", figures=[figure], mentions=mentions_in(text, NAMES)
    )
    assert find_sources(report) == ("Hamas",)


def test_comparison_as_json_has_contract_fields() -> None:
    """The JSON has the PRODUCT.md fields, null on the missing side, and dumps cleanly."""
    data = comparison_as_json(compare_articles(*_pair()))
    assert {"a", "b", "alignment", "figures", "parties"} <= set(data)
    rows = data["alignment"]
    assert isinstance(rows, list)
    row = rows[0]
    assert isinstance(row, dict)
    assert {"a", "b", "kind", "similarity"} <= set(row)
    figures = data["figures"]
    assert isinstance(figures, list)
    first = figures[0]
    assert isinstance(first, dict)
    assert first["measure"] == "killed"
    assert first["status"] == "consistent"
    assert first["note"] == "1,200 (1,200) and more than 1,160 (1,160–1,740) overlap"
    assert {"group", "place"} <= set(first)
    assert first["difference"] == -40
    parties = data["parties"]
    assert isinstance(parties, dict)
    assert {"both", "a_only", "b_only"} <= set(parties)
    assert json.loads(json.dumps(data)) == data


def test_comparison_as_json_one_sided_rows_have_null() -> None:
    """An only-in-A passage has b = null."""
    a = article(("Talks ended in Cairo.", "Macron called for calm."), article_id="a", title="a")
    b = article(("Talks ended in Cairo.",), article_id="b", title="b")
    rows = comparison_as_json(compare_articles(a, b))["alignment"]
    assert isinstance(rows, list)
    last = rows[-1]
    assert isinstance(last, dict)
    assert (last["a"], last["b"], last["kind"]) == (1, None, "a_only")


def test_compare_articles_is_deterministic() -> None:
    """Comparing the same two articles twice gives equal results."""
    assert compare_articles(*_pair()) == compare_articles(*_pair())


def test_compare_articles_empty_articles() -> None:
    """Two empty articles compare to an empty comparison."""
    empty_a = article((), article_id="a", title="a")
    empty_b = article((), article_id="b", title="b")
    comparison = compare_articles(empty_a, empty_b)
    assert comparison.alignment == ()
    assert comparison.figures == ()
    assert comparison.parties.both == ()


def test_compare_seeds_002_004_tolls_and_hostages(seed_articles: dict[str, Article]) -> None:
    """Seeds 002 vs 004: 1,200 vs more than 1,160 are consistent; 250 vs around 250 agree."""
    comparison = compare_articles(seed_articles["002"], seed_articles["004"])
    rows = {(r.measure, r.a[0].text): r for r in comparison.figures if r.a}
    israel = rows[("killed", "1,200 people")]
    assert [f.text for f in israel.b] == ["more than 1,160 people"]
    assert israel.status is FigureStatus.CONSISTENT
    assert israel.b[0].attribution is not None
    taken = next(r for r in comparison.figures if r.measure == "hostages_taken")
    assert taken.status is FigureStatus.AGREE
    gaza = next(r for (m, text), r in rows.items() if m == "killed" and "34,600" in text)
    assert [f.value for f in gaza.b] == [27840]
    assert gaza.status is FigureStatus.DIFFER


def test_compare_seeds_003_004_hostages_held(seed_articles: dict[str, Article]) -> None:
    """Seeds 003 vs 004: the translated "129 prisoners" still held vs 132 hostages differ."""
    comparison = compare_articles(seed_articles["003"], seed_articles["004"])
    held = next(r for r in comparison.figures if r.measure == "hostages_held")
    assert [f.value for f in held.a] == [129]
    assert [f.value for f in held.b] == [132]
    assert held.status is FigureStatus.DIFFER
    killed = {
        r.a[0].value or 0: r for r in comparison.figures if r.measure == "killed" and r.a and r.b
    }
    assert sorted(killed) == [1200, 20000]
    # Gaza: nearly 20,000 vs 27,840 (both undated) differ; Israel: about 1,200 vs more than
    # 1,160 overlap once read as intervals.
    assert killed[20000].status is FigureStatus.DIFFER
    assert killed[1200].status is FigureStatus.CONSISTENT


def test_compare_seeds_000_004_no_cross_event_pairs(seed_articles: dict[str, Article]) -> None:
    """Seeds 000 vs 004: tolls pair by side; the proposed release of 40 stays A only."""
    comparison = compare_articles(seed_articles["000"], seed_articles["004"])
    pairs = {
        (r.a[0].value, r.b[0].value)
        for r in comparison.figures
        if r.measure == "killed" and r.a and r.b
    }
    assert pairs == {(1200, 1160), (34000, 27840)}
    released = [r for r in comparison.figures if r.measure == "hostages_released"]
    assert sorted(str(r.status) for r in released) == ["a_only", "b_only"]
    assert "Hamas" in {name for name, _, _ in comparison.parties.both}


def _article_of(name: str, text: str, published: str | None = None) -> Article:
    """An article parsed from one paragraph of text, optionally dated."""
    from datetime import date

    from index.extract.figures import find_figures

    return article(
        (text,),
        article_id=name,
        title=name,
        published=date.fromisoformat(published) if published else None,
        figures=find_figures((text,)),
    )


def _rows(a: Article, b: Article, measure: str) -> list[FigureRow]:
    """The comparison rows of one measure, in order."""
    return [r for r in compare_articles(a, b).figures if r.measure == measure]


def test_compare_counts_like_with_like_by_place() -> None:
    """Killed in Israel and killed in Gaza are two quantities, never one "differ"."""
    a = _article_of("a", "More than 1,400 people were killed in Israel on 7 October.")
    b = _article_of("b", "More than 4,000 people have been killed in Gaza.")
    rows = compare_articles(a, b).figures
    assert sorted((str(r.status), r.place) for r in rows) == [
        ("a_only", "Israel"),
        ("b_only", "Gaza"),
    ]


def test_compare_same_group_agrees_whatever_the_noun() -> None:
    """ "two US soldiers" and "two American troops" wounded: the same count, agree."""
    a = _article_of("a", "Two US soldiers were wounded in the attack.")
    b = _article_of("b", "Two American troops were wounded in the attack.")
    (row,) = compare_articles(a, b).figures
    assert (row.status, row.group) == (FigureStatus.AGREE, "US soldiers")


def test_compare_a_nationality_counts_people_or_captives() -> None:
    """ "one Israeli" and "one person" killed are one count; "10 Thais" freed are hostages."""
    a = _article_of("a", "At least one Israeli was killed in the shooting in Jerusalem.")
    b = _article_of("b", "One person was killed in the shooting in Jerusalem.")
    (row,) = _rows(a, b, "killed")
    assert row.status == FigureStatus.CONSISTENT
    a = _article_of("a", "Hamas released 10 Thais on Friday.")
    b = _article_of("b", "Hamas freed 10 hostages from Thailand on Friday.")
    (row,) = _rows(a, b, "hostages_released")
    assert row.status == FigureStatus.AGREE


def test_compare_figures_without_a_measure_pair_by_their_noun() -> None:
    """ "28 premature babies" and "28 babies" pair (no measure); unpaired ones make no row."""
    a = _article_of("a", "The 28 premature babies were taken to Egypt. Five trucks waited.")
    b = _article_of("b", "Doctors said 28 babies had been moved.")
    rows = compare_articles(a, b).figures
    babies = [r for r in rows if r.measure is None]
    assert [(r.counted, str(r.status)) for r in babies] == [("babies", "agree")]


def test_compare_running_total_of_another_day_is_updated() -> None:
    """Two dated reports of the Gaza toll: an update, with the date gap in the note."""
    a = _article_of("a", "More than 5,000 people have been killed in Gaza.", "2023-10-23")
    b = _article_of("b", "The toll in Gaza has risen to 27,840 killed.", "2024-02-21")
    (row,) = compare_articles(a, b).figures
    assert (row.status, row.note) == (FigureStatus.UPDATED, "B is 121 days later")


def test_compare_others_besides_someone_are_not_the_whole_count() -> None:
    """ "Three other people" killed besides the leader is not "four people" killed: no differ."""
    a = _article_of("a", "A drone strike in Beirut killed the Hamas leader and four people.")
    b = _article_of(
        "b", "The Hamas leader was killed. Three other people were killed in the blast."
    )
    rows = compare_articles(a, b).figures
    assert sorted(str(r.status) for r in rows if r.measure == "killed") == ["a_only", "b_only"]


def test_compare_one_reports_figures_group_by_their_intervals() -> None:
    """ "over 100 hostages" and "105 hostages" in one report are one quantity, which a third
    report's "dozens" differs from."""
    a = _article_of(
        "a", "Over 100 hostages were freed in the truce. In all, 105 hostages were released."
    )
    b = _article_of("b", "The truce allowed for the release of dozens of hostages.")
    rows = _rows(a, b, "hostages_released")
    assert [(len(r.a), len(r.b), str(r.status)) for r in rows] == [(2, 1, "differ")]


def test_compare_a_category_and_its_nationality_qualified_form_pair() -> None:
    """ "217 soldiers" and "221 Israeli soldiers": one count of soldiers, which differ."""
    a = _article_of("a", "Since the ground offensive began, 217 soldiers have been killed in Gaza.")
    b = _article_of("b", "In all, 221 Israeli soldiers have been killed in Gaza since then.")
    rows = _rows(a, b, "killed")
    assert [(len(r.a), len(r.b), str(r.status)) for r in rows] == [(1, 1, "differ")]


def test_compare_a_bare_number_pairs_whatever_the_other_sides_group() -> None:
    """ "24" alone says nothing of whom it counts: it pairs with "24 soldiers"."""
    a = _article_of("a", "The army said 24 soldiers were killed in Gaza on Monday.")
    b = _article_of("b", "The death toll from Monday's blast in Gaza rose to 24.")
    rows = _rows(a, b, "killed")
    assert [str(r.status) for r in rows] == ["agree"]


def test_compare_one_batch_reported_on_two_days_differs_a_total_is_updated() -> None:
    """Releases count one batch unless the words say "so far": 24 and 25 freed in the first
    exchange differ although the reports are a day apart; 58 and 80 freed so far are updated."""
    a = _article_of("a", "Hamas released 24 hostages on Friday.", "2023-11-25")
    b = _article_of("b", "A group of 25 hostages were released on Friday.", "2023-11-24")
    (row,) = compare_articles(a, b).figures
    assert row.status == FigureStatus.DIFFER
    a = _article_of("a", "Over that time 58 hostages have been exchanged.", "2023-11-27")
    b = _article_of("b", "The truce enabled 80 hostages to be exchanged.", "2023-12-01")
    (row,) = compare_articles(a, b).figures
    assert row.status == FigureStatus.UPDATED


def test_compare_a_days_toll_never_pairs_with_the_war_toll() -> None:
    """ "195 killed in the past 24 hours" is one day's count, not the toll of "25,000"."""
    a = _article_of(
        "a", "Israeli strikes killed 195 Palestinians in Gaza in the past 24 hours, it said."
    )
    b = _article_of("b", "More than 25,000 Palestinians have been killed in Gaza since October.")
    rows = _rows(a, b, "killed")
    assert sorted(str(r.status) for r in rows) == ["a_only", "b_only"]


def test_compare_captives_pair_whichever_place_each_report_names() -> None:
    """ "about 240 hostages" taken to Gaza and "240 hostages" taken in Israel agree."""
    a = _article_of("a", "Hamas took about 240 hostages to Gaza on 7 October.")
    b = _article_of("b", "Gunmen abducted 240 hostages in Israel on 7 October.")
    rows = _rows(a, b, "hostages_taken")
    assert [str(r.status) for r in rows] == ["agree"]


def test_compare_a_bare_number_of_another_value_never_pairs_across_groups() -> None:
    """ "156" soldiers killed and a bare "70" killed are not one count: no "differ"."""
    a = _article_of("a", "The army said 156 soldiers have been killed in Gaza since the war began.")
    b = _article_of("b", "Earlier, the ministry in Gaza gave the death toll as 70, up from 60.")
    rows = _rows(a, b, "killed")
    assert "differ" not in [str(r.status) for r in rows]


def test_compare_the_same_number_said_alike_is_one_count_and_civilians_are_a_part() -> None:
    """ "at least 2,778 people" twice pairs whatever the words around each ("since the war"
    and "in strikes"); "178 deaths" and "178 bodies" agree; civilians are a part of the dead,
    never the whole toll."""
    a = _article_of(
        "a", "Israeli strikes have killed at least 2,778 people in Gaza, officials said."
    )
    b = _article_of("b", "At least 2,778 people have been killed in Gaza since the war began.")
    rows = _rows(a, b, "killed")
    assert [str(r.status) for r in rows] == ["agree"]
    a = _article_of("a", "Hospitals have received 178 deaths since the truce ended.")
    b = _article_of("b", "Hospitals have received 178 bodies since the truce ended.")
    assert [str(r.status) for r in compare_articles(a, b).figures] == ["agree"]
    a = _article_of("a", "The death toll in Israel has risen above 800.")
    b = _article_of("b", "More than 1,200 civilians have been killed in Israel.")
    rows = _rows(a, b, "killed")
    assert sorted(str(r.status) for r in rows) == ["a_only", "b_only"]


def _article_of_paragraphs(name: str, paragraphs: tuple[str, ...], published: str) -> Article:
    """An article of several paragraphs, dated."""
    from datetime import date

    from index.extract.figures import find_figures

    return article(
        paragraphs,
        article_id=name,
        title=name,
        published=date.fromisoformat(published),
        figures=find_figures(paragraphs),
    )


def test_two_casualty_totals_placed_in_israel_pair_across_weeks() -> None:
    """The 7 October toll in both reports (each places it in Israel, in other words), weeks
    apart, beside other tolls: one row, updated, not two one-sided rows."""
    a = _article_of_paragraphs(
        "a",
        (
            "Calls for a truce have gone unheeded for weeks as Israel has bombarded Gaza in the"
            " aftermath of the Oct. 7 attacks by Hamas, which killed more than 1,400 people,"
            " according to the Israeli government.",
            "On Friday, the death toll was reported to have passed 7,300.",
        ),
        "2023-10-27",
    )
    b = _article_of_paragraphs(
        "b",
        (
            "The health ministry in the territory says the war has now killed more than 11,200"
            " Palestinians.",
            "Ottawa has listed the group as a terrorist entity since 2002, after its militants"
            " killed 1,200 people in Israel.",
        ),
        "2023-11-15",
    )
    rows = [r for r in _rows(a, b, "killed") if r.place == "Israel"]
    assert [(len(r.a), len(r.b), r.status) for r in rows] == [(1, 1, FigureStatus.UPDATED)]


def test_compare_one_strikes_wounded_pair_when_its_dead_pair() -> None:
    """A strike told on two days: once "At least 12 people" and "13 people" killed pair, the
    wounded of those same sentences (75 and 56) are one quantity too, not two incidents."""
    a = _article_of(
        "a",
        "At least 12 people were killed and 75 injured when a UN facility sheltering civilians "
        "was struck in Khan Younis, the agency says.",
        "2024-01-25",
    )
    b = _article_of(
        "b",
        "People injured at a UN facility in Khan Younis are recounting the attack. The U.N. "
        "said 13 people were killed and 56 injured in the strike.",
        "2024-01-26",
    )
    (killed,) = _rows(a, b, "killed")
    assert [f.value for f in (*killed.a, *killed.b)] == [12, 13]
    wounded = _rows(a, b, "injured")
    assert [[f.value for f in (*row.a, *row.b)] for row in wounded] == [[75, 56]]


def test_compare_a_vague_toll_apart_from_a_number_is_another_strike() -> None:
    """ "Dozens of people" killed in one report and "more than 200 Palestinians" in the other
    do not overlap and say nothing alike: two quantities, no "differ"; vague captives still
    pair ("scores of hostages" and "about 240 hostages" taken on 7 October differ)."""
    a = _article_of(
        "a", "The ministry said more than 200 Palestinians had been killed over the past day."
    )
    b = _article_of("b", "Witnesses said dozens of people died when a building collapsed.")
    rows = _rows(a, b, "killed")
    assert sorted(str(r.status) for r in rows) == ["a_only", "b_only"]
    a = _article_of("a", "Hamas took about 240 hostages into Gaza on 7 October.")
    b = _article_of("b", "Gunmen seized scores of hostages on 7 October and took them to Gaza.")
    assert [str(r.status) for r in _rows(a, b, "hostages_taken")] == ["differ"]
