"""Tests for index.text.attribution: attribution phrases and source cues."""

from __future__ import annotations

import pytest

from index.text.attribution import (
    attribution_spans,
    cites_before,
    headline_source,
    opens_with_pronoun_speech,
    pronoun_subject,
    speaks_after,
)


def test_attribution_spans_find_according_to_and_said() -> None:
    """ "according to …" and "<source> said" are attribution phrases of their sentence."""
    text = "More than 34,000 people were killed, according to local authorities."
    assert [text[a:b] for a, b in attribution_spans(text)] == ["according to local authorities"]
    said = "Nearly 1,200 people were killed, Israeli officials said."
    assert [said[a:b] for a, b in attribution_spans(said)] == ["Israeli officials said"]


def test_attribution_spans_start_on_a_word() -> None:
    """ "the 1,200 people that Israel says were killed": "Israel says", not "at Israel says"."""
    text = "Dozens were among the 1,200 people that Israel says were killed in the Oct. 7 attack."
    assert [text[a:b] for a, b in attribution_spans(text)] == ["Israel says"]


def test_cites_before_reads_citing_phrases() -> None:
    """ "according to the", "told", "a count by" cite the name that follows."""
    assert cites_before("The toll rose to 1,200, according to the ")
    assert cites_before("the figure was given in a count by ")
    assert not cites_before("Talks in Doha brought ")


def test_speaks_after_finds_the_speech_verb() -> None:
    """ "'s foreign ministry said" and " later announced" make the name a source."""
    after = "'s foreign ministry said on Sunday"
    end = speaks_after(after)
    assert end is not None
    assert after[:end] == "'s foreign ministry said"
    assert speaks_after(" later announced the deal") is not None
    assert speaks_after(" and the hostages were freed") is None


def _sources(sentence: str) -> list[str]:
    return [sentence[a:b] for a, b in attribution_spans(sentence)]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("Hamas rushed to blame Israel, claiming that more than 500 had been killed.", "Hamas"),
        ("The ministry issued a statement, saying 20 people died.", "The ministry"),
        (
            "The group's senior military commander called on Palestinians to fight, stating"
            " that 5,000 rockets had been launched.",
            "The group's senior military commander",
        ),
    ],
)
def test_attribution_spans_a_participle_takes_the_subject_as_source(
    sentence: str, source: str
) -> None:
    """ ", claiming that …" / ", saying 20 …" attribute the claim to the sentence's subject."""
    assert _sources(sentence) == [source]


@pytest.mark.parametrize(
    "sentence",
    [
        "Israel has ordered dozens of northern communities to evacuate, adding 14 more on Sunday.",
        "The New York Times found hundreds of X accounts, claiming to be civilians.",
        "There were killed children there, he said, adding that there were dozens of militants.",
    ],
)
def test_attribution_spans_a_participle_that_claims_nothing_is_no_source(sentence: str) -> None:
    """ "adding 14 more" adds, "claiming to be" is no claim, and "he said, adding" keeps "he"."""
    assert not any(s in ("Israel", "The New York Times", "There") for s in _sources(sentence))


def test_attribution_spans_a_name_before_which_said_is_the_source() -> None:
    """ "Hezbollah, a heavily armed group which has said that …" is sourced to Hezbollah."""
    sentence = (
        "There was no immediate comment from Hezbollah, a heavily armed group which has said"
        " that, as of Friday, 47 of its fighters had been killed."
    )
    assert _sources(sentence) == ["Hezbollah"]


def test_attribution_spans_a_passive_who_was_said_is_no_source() -> None:
    """ "Pte Ori Megidish, who was said to be doing well" says nothing."""
    assert _sources("They hailed the freeing of Pte Ori Megidish, who was said to be well.") == []


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (
            "We've just received updated casualty figures from the Hamas-run health ministry"
            " in Gaza.",
            "figures from the Hamas-run health ministry in Gaza",
        ),
        (
            "Palestinian health and civilian officials said dozens of Palestinians had been"
            " killed.",
            "Palestinian health and civilian officials said",
        ),
        (
            'In a joint statement, a number of UN special rapporteurs said: "A quarter of the'
            ' population are starving."',
            "a number of UN special rapporteurs said",
        ),
    ],
)
def test_attribution_spans_read_data_from_and_longer_source_phrases(
    sentence: str, words: str
) -> None:
    """ "figures from X" sources; coordinated and titled sources are read whole."""
    assert words in _sources(sentence)


def test_attribution_spans_a_toll_from_an_attack_is_no_source() -> None:
    """ "the death toll from the Hamas attack" names a cause, not a source."""
    assert _sources("The death toll from the Hamas attack had climbed to 800.") == []


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        (
            "The majority of the 8,500 war deaths reported by the Hamas-run health ministry in"
            " Gaza are of adults.",
            "reported by the Hamas-run health ministry in Gaza",
        ),
        ("Partial data compiled by B'Tselem recorded 46 incidents.", "data compiled by B'Tselem"),
    ],
)
def test_attribution_spans_reported_by_after_the_figure(sentence: str, words: str) -> None:
    """ "deaths reported by X" names its source after the figure."""
    assert words in _sources(sentence)


def test_attribution_spans_confirmed_by_a_lower_case_word_is_no_source() -> None:
    """ "confirmed by the end of the day" names no source."""
    assert _sources("The death was confirmed by the end of the day.") == []


def test_attribution_spans_states_is_a_noun_not_a_speech_verb() -> None:
    """ "deals with African states" is no "African" stating anything."""
    assert _sources("They want new deals with African states to keep migrants out.") == []


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        ("But a nearby hospital said it received 400 casualties.", "a nearby hospital said"),
        (
            "The director of the hospital told the BBC 15,000 remained.",
            "The director of the hospital told",
        ),
    ],
)
def test_attribution_spans_a_hospital_is_a_source(sentence: str, source: str) -> None:
    """ "a nearby hospital said", "The director of the hospital told": the hospital speaks."""
    assert source in [sentence[a:b] for a, b in attribution_spans(sentence)]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "The health ministry in the Hamas-controlled enclave said at least 10,022 died.",
            "The health ministry in the Hamas-controlled enclave said",
        ),
        (
            "The ministry, in the Hamas-run Gaza Strip, said Friday that 20,057 have died.",
            "The ministry, in the Hamas-run Gaza Strip, said",
        ),
        (
            "The conflict has killed more than 25,000 in Gaza, health officials there say.",
            "health officials there say",
        ),
        (
            "Several Israeli media outlets, citing rescue officials, said 700 were killed.",
            "Several Israeli media outlets, citing rescue officials, said",
        ),
        ("Journalist death toll reaches 61, media watchdog confirms", "media watchdog confirms"),
        (
            "Inam Cohen, Israel's consul general to the Midwest, said one woman had returned.",
            "Inam Cohen, Israel's consul general to the Midwest, said",
        ),
        (
            "France's foreign minister, Catherine Colonna, said eight had been killed.",
            "France's foreign minister, Catherine Colonna, said",
        ),
        (
            "Global Affairs Canada, meanwhile, said two others are missing.",
            "Global Affairs Canada, meanwhile, said",
        ),
        (
            "Strikes killed more than 7,000 civilians, says the Hamas-run health ministry in Gaza.",
            "says the Hamas-run health ministry in Gaza",
        ),
        (
            "The strike killed six people, the United Nations Palestinian refugee agency said.",
            "the United Nations Palestinian refugee agency said",
        ),
        (
            "They received two hostages on Friday, said the Israeli prime minister's office.",
            "said the Israeli prime minister's office",
        ),
        (
            "Seven detainees died, said a Hamas military wing statement.",
            "said a Hamas military wing statement",
        ),
        (
            "Data shared by the Palestine Ministry of Health, around 9,000 have been killed.",
            "Data shared by the Palestine Ministry of Health",
        ),
        ("Figures released by the Met this week show 657 arrests.", "Figures released by the Met"),
        (
            "Haaretz quoted an eyewitness as saying he saw someone stab three people.",
            "Haaretz quoted an eyewitness as saying",
        ),
        (
            "The official Palestinian news agency, Wafa, reported that two were shot dead.",
            "The official Palestinian news agency, Wafa, reported",
        ),
    ],
)
def test_attribution_spans_a_placed_source_an_outlet_and_a_watchdog(
    sentence: str, source: str
) -> None:
    """ "in the enclave", ", in the Gaza Strip,", "there", "media outlets", "watchdog", a name
    with its role before or after it, ", meanwhile,", "says the … ministry in Gaza"."""
    assert source in [sentence[a:b] for a, b in attribution_spans(sentence)]


def test_attribution_spans_said_a_name_with_its_role() -> None:
    """ "said Mahmoud Bassal, a spokesman for …": the apposition names the source too."""
    sentence = "Six died, said Mahmoud Bassal, a spokesman for Gaza's Civil Defense department."
    spans = [sentence[a:b] for a, b in attribution_spans(sentence)]
    assert spans == ["said Mahmoud Bassal, a spokesman for Gaza's Civil Defense department"]


def test_opens_with_pronoun_speech_its_statement() -> None:
    """ "Its latest update said …": the pronoun's own statement is its source."""
    assert opens_with_pronoun_speech("Its latest update said 56,697 people were wounded.")
    assert opens_with_pronoun_speech("Its update on Saturday said another 201 were killed.")


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "The health ministry in the Hamas-controlled territory says the war has killed 11,200.",
            "The health ministry in the Hamas-controlled territory says",
        ),
        (
            "Maher Ayyad, 72, a member of the community, said the strike killed 18 people.",
            "Maher Ayyad, 72, a member of the community, said",
        ),
        (
            "The official Palestinian news agency in the West Bank, Wafa, said three were killed.",
            "The official Palestinian news agency in the West Bank, Wafa, said",
        ),
        (
            "Hamas, an armed Palestinian Islamist group which is fighting a war with Israel in Gaza"
            " triggered by its attacks on 7 October, said the forces had executed three fighters.",
            "Hamas, an armed Palestinian Islamist group which is fighting a war with Israel in Gaza"
            " triggered by its attacks on 7 October, said",
        ),
        (
            "The UN is warning that a quarter of Gaza's population faces famine.",
            "The UN is warning",
        ),
        (
            "Israeli officials have admitted that killing the three men was a breach.",
            "Israeli officials have admitted",
        ),
        (
            "Dozens of rockets were fired, an AFP journalist in the Palestinian territory said.",
            "an AFP journalist in the Palestinian territory said",
        ),
    ],
)
def test_attribution_spans_long_appositions_ages_territories_warning_admitting(
    sentence: str, source: str
) -> None:
    """Sources with an age or a long apposition, ending with "territory", "is warning",
    "have admitted that", a journalist."""
    assert [sentence[a:b] for a, b in attribution_spans(sentence)] == [source]


@pytest.mark.parametrize(
    "sentence",
    [
        "A hospital in Deir al-Balah had admitted 209 injured and 131 dead.",
        "Iraq recalled its ambassador after the strike killed four people.",
    ],
)
def test_attribution_spans_admitting_patients_or_recalling_an_envoy_is_no_speech(
    sentence: str,
) -> None:
    """A hospital admits patients; a state recalls its ambassador: neither says anything."""
    assert attribution_spans(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "Military spokesman Rear Adm. Daniel Hagari said dozens of militants were killed.",
            "Military spokesman Rear Adm. Daniel Hagari said",
        ),
        (
            "Argentina’s embassy in Israel said that seven Argentines had been killed.",
            "Argentina’s embassy in Israel said",
        ),
    ],
)
def test_attribution_spans_rear_admirals_and_embassies(sentence: str, source: str) -> None:
    """ "Rear Adm." does not end the sentence; an embassy is a source."""
    assert [sentence[a:b] for a, b in attribution_spans(sentence)] == [source]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "At least 92 journalists have been killed since Oct. 7, the government media office"
            " in the besieged Palestinian enclave said on Sunday.",
            "the government media office in the besieged Palestinian enclave said",
        ),
        (
            "On Thursday the UN Relief and Works Agency (UNRWA) said four of its schools had been"
            " damaged.",
            "the UN Relief and Works Agency (UNRWA) said",
        ),
        (
            "Israeli Diaspora Minister May Golan told reporters that at least three girls had been"
            " killed.",
            "Israeli Diaspora Minister May Golan told",
        ),
    ],
)
def test_a_long_source_whole_and_no_weekday_before_it(sentence: str, source: str) -> None:
    """A source with a place of its own ("… in the besieged Palestinian enclave said") is
    read whole; a weekday before it is no part of it; "May" can be a given name."""
    assert [sentence[a:b] for a, b in attribution_spans(sentence)] == [source]


def test_a_headline_tag_of_a_unit_and_its_soldiers() -> None:
    """ "…in village attack: IDF soldiers" tags the headline with its source."""
    title = "Hamas terrorists murdered as many as 40 babies in village attack: IDF soldiers"
    span = headline_source(title)
    assert span is not None
    assert title[span[0] : span[1]] == "IDF soldiers"


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "A blast killed 471 people and injured more than 300, according to Ashraf al-Qudra,"
            " a spokesman for Gaza's Health Ministry.",
            "according to Ashraf al-Qudra, a spokesman for Gaza's Health Ministry",
        ),
        (
            "At least 500 people were killed, according to Ahmed Ali, a doctor at the hospital,"
            " who spoke to the BBC.",
            "according to Ahmed Ali, a doctor at the hospital",
        ),
        (
            "A plane brought home 105 Russian nationals, Russia’s emergencies ministry said early"
            " on Saturday.",
            "Russia’s emergencies ministry said",
        ),
        (
            "Four civilians were killed, including three children, a local civil defense official"
            " and state-run media reported.",
            "a local civil defense official and state-run media reported",
        ),
    ],
)
def test_a_source_with_its_role_its_possessor_or_state_run_media(
    sentence: str, source: str
) -> None:
    """ "according to X, a spokesman for Y" keeps the role; one word after a possessive
    ("Russia's emergencies ministry") and "state-run" belong to the source."""
    assert [sentence[a:b] for a, b in attribution_spans(sentence)] == [source]


@pytest.mark.parametrize(
    ("sentence", "sources"),
    [
        (
            "At least 500 people were killed, according to Hamas, the group that runs Gaza.",
            ["according to Hamas"],
        ),
        (
            "At least 500 people were killed, according to Ahmed, a doctor at the hospital who"
            " said more were missing.",
            ["according to Ahmed"],
        ),
        (
            "At least 500 people were killed, according to the health ministry, the agency said.",
            ["according to the health ministry", "the agency said"],
        ),
    ],
)
def test_according_to_stops_before_what_is_no_role(sentence: str, sources: list[str]) -> None:
    """An apposition without a person's role, or with a speech verb in it, is not taken."""
    assert [sentence[a:b] for a, b in attribution_spans(sentence)] == sources


@pytest.mark.parametrize(
    ("sentence", "sources"),
    [
        (
            "Earlier, the Health Ministry in Gaza gave the death toll as 70.",
            ["the Health Ministry in Gaza gave"],
        ),
        (
            "At least 15 people were killed outside Shifa Hospital, said Health Ministry"
            " spokesperson Ashraf al-Qidra.",
            ["said Health Ministry spokesperson Ashraf al-Qidra"],
        ),
        (
            "We have 70 neonates with mechanical ventilation, said Unicef spokesman Jonathan"
            " Crickx.",
            ["said Unicef spokesman Jonathan Crickx"],
        ),
        (
            "Gaza's Hamas-run ministry of health claims that some 10,000 Gazans have been killed.",
            ["Gaza's Hamas-run ministry of health claims"],
        ),
        (
            "At least 500 people killed in hospital bombing in Gaza, Palestinian officials claim",
            ["Palestinian officials claim"],
        ),
        ("Mr Biden supported the Israeli claim that 500 died.", []),
        ("The air force said it had targeted about 6,000 bombs.", ["The air force said"]),
        (
            "Hamas's military wing said Friday that 13 of its hostages had been killed.",
            ["Hamas's military wing said"],
        ),
        (
            "A WHO team that visited the hospital on Saturday said 32 babies were stranded.",
            [],
        ),
        (
            "The Palestinian Red Crescent aid organization said later that three medics died.",
            ["The Palestinian Red Crescent aid organization said"],
        ),
        ("The strike on Monday killed 20, officials said.", ["officials said"]),
        (
            "The number of Americans killed has reached at least 27, NSC Coordinator for"
            " Strategic Communications John Kirby revealed on Thursday.",
            ["NSC Coordinator for Strategic Communications John Kirby revealed"],
        ),
        (
            "A spokesperson for the Gaza civil defence put the number of killed at about 300.",
            ["A spokesperson for the Gaza civil defence put"],
        ),
        (
            "Israel's military had already confirmed that three officers were killed.",
            ["Israel's military had already confirmed"],
        ),
        (
            '"They executed the three men as they slept," the hospital\'s director, Dr Naji'
            " Nazzal, told Reuters.",
            ["the hospital's director, Dr Naji Nazzal, told"],
        ),
        (
            "The strike killed one patient, Dr. Khaled Alserr, one of the remaining surgeons at"
            " Nasser Hospital, told the AP.",
            ["Dr. Khaled Alserr, one of the remaining surgeons at Nasser Hospital, told"],
        ),
        ("The footage revealed 20 bodies.", []),
        (
            "State Dept Confirms At Least 22 Americans Killed In Hamas Attacks",
            ["State Dept Confirms"],
        ),
        ("11 Americans Killed, Biden Says", ["Biden Says"]),
        (
            "Re “Israel and Hamas Battle in Gaza as Netanyahu Warns of a Long War”: Hundreds of"
            " Israelis were dragged from their homes.",
            [],
        ),
        (
            "A Red Crescent paramedic, who was not authorized to speak to the media and requested"
            " anonymity, said 60 people were killed there.",
            [
                "A Red Crescent paramedic, who was not authorized to speak to the media and"
                " requested anonymity, said"
            ],
        ),
        (
            "Twelve French nationals were killed, Anne-Claire Legendre, spokeswoman for France's"
            " Foreign Ministry, said on Thursday.",
            ["Anne-Claire Legendre, spokeswoman for France's Foreign Ministry, said"],
        ),
        (
            "By Palestinian officials' tally, more than 23,000 Palestinians have been killed.",
            ["By Palestinian officials' tally"],
        ),
        ("By Monday's count, 500 were dead.", []),
        (
            "Eighteen people were killed, said Saleh al-Hamms, head of the nursing department at"
            " the hospital.",
            ["said Saleh al-Hamms, head of the nursing department at the hospital"],
        ),
        (
            "At least 500 people were killed, according to Ahmed Ali, director of the hospital.",
            ["according to Ahmed Ali, director of the hospital"],
        ),
        (
            "At least 500 died, according to Reuters, officials said.",
            ["according to Reuters", "officials said"],
        ),
        ("Hamas's claim that 500 died was rejected.", []),
    ],
)
def test_sources_that_give_a_toll_name_a_spokesman_or_claim(
    sentence: str, sources: list[str]
) -> None:
    """ "gave the death toll as", "said <Organisation> spokesperson <Name>", "ministry of
    health claims", "officials claim" are sources, and a role after a name with no article
    ("X, head of …"); "the Israeli claim that" is not."""
    assert [sentence[a:b] for a, b in attribution_spans(sentence)] == sources


@pytest.mark.parametrize(
    ("sentence", "sources"),
    [
        (
            "The hospital received 25 bodies overnight, hospital records showed on Thursday.",
            ["hospital records showed"],
        ),
        ("Police data shows 1,350 reports since October.", ["Police data shows"]),
        ("BBC News understands that 14 British nationals were killed.", ["BBC News understands"]),
        ("The families showed 25 photographs.", []),
        ("He understands 25 languages.", []),
        (
            "Palestinian authorities blamed the strike on Israel and said it killed 471 people.",
            ["Palestinian authorities blamed the strike on Israel and said"],
        ),
        (
            "UNRWA has sacked nine of those employees and says it is investigating.",
            ["UNRWA has sacked nine of those employees and says"],
        ),
        ("The continued violence has raised fears of a war and added to the toll of 800.", []),
        ("The strike destroyed a home and said nothing of 12 dead.", []),
        (
            "Gaza's health ministry has just issued its casualty update, which says 28,340"
            " Palestinians have been killed.",
            ["Gaza's health ministry has just issued its casualty update, which says"],
        ),
        ("The storm hit a house, which said nothing of the 12 dead.", []),
        (
            "Hamas's armed wing, the Al Qassam Brigades, said four Israelis were killed.",
            ["Hamas's armed wing, the Al Qassam Brigades, said"],
        ),
        (
            "Hamas' military wing, al-Qassam Brigades, said two children were killed.",
            ["Hamas' military wing, al-Qassam Brigades, said"],
        ),
    ],
)
def test_records_an_outlet_that_understands_and_a_second_verbs_subject_are_sources(
    sentence: str, sources: list[str]
) -> None:
    """Records and data show ("hospital records showed"); an outlet "understands that"; "X
    blamed the strike on Israel and said …": X speaks ("added to" is no speech); "X has
    issued its update, which says …": X speaks."""
    assert [sentence[a:b] for a, b in attribution_spans(sentence)] == sources


@pytest.mark.parametrize(
    ("sentence", "subject"),
    [
        (
            "The Hamas-run health ministry released names of 86 people out of the 274"
            " Palestinians it says were killed.",
            "The Hamas-run health ministry",
        ),
        (
            "Israeli officials released a list of 50 hostages they said would be freed.",
            "Israeli officials",
        ),
        ("The IDF has created a map of 2,000 zones, which it said will help people.", "The IDF"),
        ("Two of the militants were killed and one escaped, it added.", None),
        ("Days earlier it announced the evacuation of 28 communities.", None),
        ("The storm killed 20 people in what it said was a record.", None),
    ],
)
def test_a_pronoun_inside_the_sentence_speaks_for_its_source_subject(
    sentence: str, subject: str | None
) -> None:
    """ "The ministry released names of 86 people … it says were killed": the ministry."""
    found = pronoun_subject(sentence)
    assert (sentence[found[0] : found[1]] if found else None) == subject


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        (
            "The Palestinian Red Crescent ambulance service said at least one Palestinian was"
            " killed.",
            "The Palestinian Red Crescent ambulance service said",
        ),
        (
            "Lebanon’s Hezbollah militant group said five of its members were killed.",
            "Lebanon’s Hezbollah militant group said",
        ),
        (
            "The Hamas-run housing ministry has estimated that 45% of homes are gone.",
            "The Hamas-run housing ministry has estimated",
        ),
    ],
)
def test_attribution_a_word_before_the_source_noun_is_part_of_the_source(
    sentence: str, source: str
) -> None:
    """ "the Red Crescent ambulance service said": the word right before the source noun
    belongs to the source, not only the listed ones ("health ministry")."""
    assert [sentence[a:b] for a, b in attribution_spans(sentence)] == [source]


@pytest.mark.parametrize(
    ("sentence", "sources"),
    [
        (
            "The State Department says the strikes by Hamas on Israel have now claimed the"
            " lives of at least nine Americans.",
            ["The State Department says"],
        ),
        ("Hamas claimed 12 fighters were killed.", ["Hamas claimed"]),
        (
            "Officials from Al-Aqsa Hospital in central Deir al-Balah said 35 bodies arrived.",
            ["Officials from Al-Aqsa Hospital in central Deir al-Balah said"],
        ),
    ],
)
def test_attribution_claimed_lives_is_no_speech(sentence: str, sources: list[str]) -> None:
    """ "have now claimed the lives of nine Americans" kills, it says nothing: no source ends
    there; a place's compass word ("in central Deir al-Balah") stays in the source."""
    assert [sentence[a:b] for a, b in attribution_spans(sentence)] == sources
