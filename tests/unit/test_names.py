"""Tests for index.extract.names: names outside the gazetteer, recognised from their cues."""

from __future__ import annotations

import pytest

from index.extract.names import find_names
from index.extract.parties import default_gazetteer, find_article_mentions
from index.models import MentionKind

PERSON = MentionKind.PERSON
ORG = MentionKind.ORGANIZATION

Named = tuple[str, str, MentionKind, str | None]


def new_names(sentence: str) -> list[Named]:
    """(text, canonical name, kind, affiliation) of the mentions the gazetteer does not know."""
    gazetteer = default_gazetteer()
    return [
        (m.text, m.party, m.kind, m.affiliation)
        for m in find_article_mentions("", [sentence])
        if m.party not in gazetteer
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Thai Prime Minister Srettha Thavisin said 12 hostages were released.",
            ("Srettha Thavisin", "Srettha Thavisin", PERSON, "Thailand"),
        ),
        (
            "WHO regional emergency director Richard Brennan, based in Cairo, said so.",
            ("Richard Brennan", "Richard Brennan", PERSON, "World Health Organization"),
        ),
        (
            "Thailand's labour minister Phiphat Ratchakitprakarn told AFP news agency.",
            ("Phiphat Ratchakitprakarn", "Phiphat Ratchakitprakarn", PERSON, "Thailand"),
        ),
        (
            "Hospital director Mohammed Abu Selmia told Al Jazeera television.",
            ("Mohammed Abu Selmia", "Mohammed Abu Selmia", PERSON, None),
        ),
        (
            "Many were women, said Dr. Nabil Haddad, a spokesman for the ministry.",
            ("Nabil Haddad", "Nabil Haddad", PERSON, None),
        ),
        (
            "Rajesh was one of the victims, his brother Mukesh told BBC Nepali.",
            ("Mukesh", "Mukesh", PERSON, None),
        ),
        (
            "One of the victims was 27-year-old Rajesh Kumar Swarnakar, whose family mourns.",
            ("Rajesh Kumar Swarnakar", "Rajesh Kumar Swarnakar", PERSON, None),
        ),
        (
            "More patients died, another doctor, Faisal Siyam, told the network.",
            ("Faisal Siyam", "Faisal Siyam", PERSON, None),
        ),
        (
            "Additional reporting by Phanindra Dahal in Nepal",
            ("Phanindra Dahal", "Phanindra Dahal", PERSON, None),
        ),
        (
            "— By Joe Federman JERUSALEM — Israeli troops raided Jenin.",
            ("Joe Federman", "Joe Federman", PERSON, None),
        ),
        (
            "His colleague Salman Al-Bashir broke down in tears on air.",
            ("Salman Al-Bashir", "Salman Al-Bashir", PERSON, None),
        ),
        (
            "It sends a troubling message to all journalists, said AFP boss Fabrice Fries.",
            ("Fabrice Fries", "Fabrice Fries", PERSON, None),
        ),
    ],
)
def test_find_names_person_after_a_title_role_or_byline(sentence: str, expected: Named) -> None:
    """A title, role, kinship word, age or byline before a name makes it a person."""
    assert expected in new_names(sentence)


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "The two women have been named as Nurit Cooper, 79, and Yocheved Lifschitz.",
            "Nurit Cooper",
        ),
        ("Adi Marciano, her mother, said during the funeral service.", "Adi Marciano"),
        ("Mohammed Zaqout, the head of Gaza's hospitals, said 35 people died.", "Mohammed Zaqout"),
        ("Udomporn Champahom told the BBC that the militants fired first.", "Udomporn Champahom"),
        ("Hen Avigdori, whose wife was among the hostages, spoke.", "Hen Avigdori"),
        ("Jojo Sugarman, from the Oxford Israel Society, told the BBC so.", "Jojo Sugarman"),
        (
            "Ayesha Abbasi, from Help The World Oxford, which was one of the rally's organisers,"
            " said the protesters were appalled.",
            "Ayesha Abbasi",
        ),
    ],
)
def test_find_names_person_shown_by_what_follows(sentence: str, name: str) -> None:
    """Two words or more followed by an age, an apposition or a speech verb are a person."""
    assert (name, name, PERSON) in [(t, p, k) for t, p, k, _ in new_names(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Seventeen students from Nepal's Far Western University were attacked.",
            ("Far Western University", "Far Western University", ORG, None),
        ),
        (
            "It has been confirmed by the Ministry of Foreign Affairs that they are free.",
            ("Ministry of Foreign Affairs", "Ministry of Foreign Affairs", ORG, None),
        ),
        (
            "according to a statement by the General Authority for Crossings and Borders",
            (
                "General Authority for Crossings and Borders",
                "General Authority for Crossings and Borders",
                ORG,
                None,
            ),
        ),
        (
            "Hertfordshire Police said it was investigating the incident.",
            ("Hertfordshire Police", "Hertfordshire Police", ORG, None),
        ),
        (
            "Hamas fighters killed 1,400 people, according to the Israeli Foreign Ministry.",
            ("Israeli Foreign Ministry", "Israeli Foreign Ministry", ORG, "Israel"),
        ),
    ],
)
def test_find_names_organisation_by_its_head_noun(sentence: str, expected: Named) -> None:
    """Ministry, University, Authority, Police … with another word make an organisation."""
    assert expected in new_names(sentence)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Eight Thai nationals were injured, said Thailand's foreign ministry.",
            ("Thailand's foreign ministry", "Thai Foreign Ministry", ORG, "Thailand"),
        ),
        (
            "The Thai foreign ministry said its citizens would be flown home.",
            ("Thai foreign ministry", "Thai Foreign Ministry", ORG, "Thailand"),
        ),
        (
            "the Palestinian health ministry said Friday",
            ("Palestinian health ministry", "Palestinian Health Ministry", ORG, "Palestine"),
        ),
        (
            "The Nepali embassy in Israel has said more than 200 want to return.",
            ("Nepali embassy", "Nepalese Embassy", ORG, "Nepal"),
        ),
    ],
)
def test_find_names_lower_case_office_of_a_state(sentence: str, expected: Named) -> None:
    """A lower-case ministry or embassy after a demonym or a state's possessive is that
    state's office, named with its demonym; the state is its affiliation."""
    assert expected in new_names(sentence)


def test_find_names_office_the_gazetteer_knows() -> None:
    """ "Gaza's health ministry" is the gazetteer's Gaza Health Ministry."""
    (ministry,) = find_article_mentions("", ["Gaza's health ministry reported Monday."])
    assert (ministry.text, ministry.party) == ("Gaza's health ministry", "Gaza Health Ministry")


def test_find_names_acronym_spelt_by_a_full_name() -> None:
    """ "Defence for Children International (DCI)" has no head noun, but the acronym its
    initials spell makes it an organisation, which DCI names."""
    sentence = "Defence for Children International (DCI) said 40 children were killed."
    name = "Defence for Children International"
    assert new_names(sentence) == [(name, name, ORG, None), ("DCI", name, ORG, None)]


def test_find_names_acronym_after_a_known_organisation() -> None:
    """An acronym after a gazetteer organisation names it ("... Society (PRCS)" charity)."""
    mentions = find_article_mentions("", ["The Palestine Red Crescent Society (PRCS) said."])
    assert [(m.text, m.party) for m in mentions] == [
        ("Palestine Red Crescent Society", "Palestine Red Crescent Society"),
        ("PRCS", "Palestine Red Crescent Society"),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "A Sudden Blast, Then Carnage in a Hospital Courtyard",
        "Workers at a farm in Mivtahim described militants storming their farm.",
        "On Monday, November 6, officials said the toll rose.",
        "Speaking to reporters, officials said the toll rose.",
        "Twelve Thais have been killed, said Medhat.",
        "Republican-controlled House leaders met on Tuesday.",
        "Wizz Air said it would resume flights; air strikes went on.",
        "(Carl Court/Getty Images)",
        "the US-funded Aid Worker Security Database, which records attacks",
        "Kim Danti, a 22-year-old Irish-Israeli woman, is unaccounted for.",
        "wounding his mother in Plainfield, Illinois.",
        "an expert in International Humanitarian Law (IHL) spoke",
        "about 150 are in Gaza, the Philippine Star reported.",
    ],
)
def test_find_names_no_name_without_a_cue(sentence: str) -> None:
    """Capitalised words alone, sentence-initial words, months, weekdays, company-like
    names whose words are common, photo credits, a title with no name after it, demonym
    compounds, a place after "mother in", a law's acronym, a newspaper: no new person or
    organisation. "Abbas" in another man's name is not Mahmoud Abbas either."""
    assert new_names(sentence) == []
    assert "Mahmoud Abbas" not in [m.party for m in find_article_mentions("", [sentence])]


def test_find_names_shared_first_name_is_not_the_famous_person() -> None:
    """ "Abbas" inside "Medhat Abbas" is not Mahmoud Abbas: Medhat Abbas is a person."""
    mentions = find_article_mentions("", ["Ministry spokesman Medhat Abbas said 30 died."])
    assert [(m.text, m.party, m.kind) for m in mentions] == [
        ("Medhat Abbas", "Medhat Abbas", PERSON)
    ]


def test_find_names_headline_only_keeps_the_known() -> None:
    """In a Title Case headline capitalisation says nothing: no name is recognised there."""
    gazetteer = default_gazetteer()
    assert (
        find_names("Spokesman Yasser Haddad Says Talks Failed", [], gazetteer, headline=True) == []
    )
    found = find_names("spokesman Yasser Haddad said the talks failed", [], gazetteer)
    assert [c.party for c in found] == ["Yasser Haddad"]


def test_find_names_coordinated_names_share_their_cue() -> None:
    """ "mother and daughter Judith and Natalie Raanan": both are people."""
    sentence = "Two American-Israelis, mother and daughter Judith and Natalie Raanan, were freed."
    assert [t for t, _, k, _ in new_names(sentence) if k is PERSON] == ["Judith", "Natalie Raanan"]


def test_find_names_boundaries() -> None:
    """Initials never start a name ("Washington, D. C. Rubinstein" names no "D. C.
    Rubinstein"); a plural role is a title, not part of the name ("Actresses")."""
    found = new_names("in Washington, D. C. Rubinstein, 75, grew up in Israel.")
    assert not [name for _, name, _, _ in found if "D." in name]
    found = new_names("Actresses Maxine Peake and Juliet Stevenson withdrew.")
    assert [name for _, name, kind, _ in found if kind is PERSON] == [
        "Maxine Peake",
        "Juliet Stevenson",
    ]


def test_find_names_list_item_before_a_role_is_no_person() -> None:
    """In "Chuck Todd, World Series, Alaska Airlines pilot Joseph Emerson", the role after
    "World Series" belongs to the next name: only lower-case words may stand between an
    apposition's comma and its role."""
    found = new_names("topics: Chuck Todd, World Series, Alaska Airlines pilot Joseph Emerson")
    assert "World Series" not in [name for _, name, _, _ in found]
    assert ("Joseph Emerson", "Joseph Emerson", PERSON) in [f[:3] for f in found]


def test_find_names_people_listed_after_a_plural_role() -> None:
    """ "Two Israeli reporters, X and Y, were killed": a plural role before the comma is a cue."""
    found = new_names(
        "Two Israeli reporters, Shai Regev and Ayelet Arnin, were killed during the attack."
    )
    assert [(text, kind) for text, _, kind, _ in found] == [
        ("Shai Regev", PERSON),
        ("Ayelet Arnin", PERSON),
    ]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Blair said in a statement that a military analysis found the strike.", "Blair"),
        ("In a statement on Sunday, Rutte said he had spoken with the prime minister.", "Rutte"),
        ("“It is deeply unjust,” Tajani wrote on social media.", "Tajani"),
    ],
)
def test_find_names_a_lone_surname_that_speaks_is_a_person(sentence: str, name: str) -> None:
    """ "Blair said", "…,” Tajani wrote": one unknown capitalised word before a speech verb."""
    assert (name, name, PERSON, None) in new_names(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials said five people died.",
        "Witnesses told reporters the strike came at night.",
        "Everyone said the same thing.",
        "People told the BBC they have to pay.",
        "On Thursday, the Met said it had made arrests.",
        "Protesters in Oxford have said they will leave.",
        "BBC Verify has asked the army for comment.",
    ],
)
def test_find_names_no_lone_speaker_in_common_words_or_longer_names(sentence: str) -> None:
    """Plurals, pronouns and common nouns opening a sentence, "the X", a name's second word."""
    assert [n for n in new_names(sentence) if n[2] is PERSON] == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Vivian Silver told the Canadian Broadcasting Corporation in 2022.",
            "Canadian Broadcasting Corporation",
        ),
        ("The Qudsna News Agency said the raid lasted hours.", "Qudsna News Agency"),
    ],
)
def test_find_names_an_organisation_named_as_a_news_outlet_is_media(
    sentence: str, name: str
) -> None:
    """Broadcasting, Television, Radio or News in a new organisation's name make it media."""
    assert (name, MentionKind.MEDIA) in [(p, k) for _t, p, k, _a in new_names(sentence)]


def test_find_names_the_words_of_an_office_are_no_person() -> None:
    """ "Minister of International Development, Ahmed Hussen": "Development" is the office."""
    sentence = (
        "It was announced by the country's Minister of International Development, Ahmed Hussen."
    )
    people = [p for _t, p, k, _a in new_names(sentence) if k is PERSON]
    assert people == ["Ahmed Hussen"]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("NBC News’ Richard Engel has the latest.", "Richard Engel"),
        (
            "Prison authorities have spoken to the BBC's Lucy Williamson about it.",
            "Lucy Williamson",
        ),
        ("NPR's Michele Kelemen contributed to this report.", "Michele Kelemen"),
        ("Eve Guterman and Alon Avital contributed from Tel Aviv.", "Eve Guterman"),
        ("Eve Guterman and Alon Avital contributed from Tel Aviv.", "Alon Avital"),
        ("Another man, Abdallah Al Bao, said he hoped they would be freed.", "Abdallah Al Bao"),
        (
            "Jamie McGoldrick, the humanitarian co-ordinator for the territory, says it was"
            " shocking.",
            "Jamie McGoldrick",
        ),
    ],
)
def test_find_names_reporters_of_an_outlet_coordinated_speakers_and_appositions(
    sentence: str, name: str
) -> None:
    """An outlet's possessive, "X and Y contributed", "Another man, X, said", "co-ordinator"."""
    assert name in [p for _t, p, k, _a in new_names(sentence) if k is PERSON]


@pytest.mark.parametrize(
    "sentence",
    [
        "He told the BBC's Good Morning Ulster programme that it was wrong.",
        "Elliot Sorene, who lives in Mill Hill, told BBC London his son saw it.",
        "Ms Ali-Faten, from Prestwich in Greater Manchester, said it was hard.",
    ],
)
def test_find_names_an_outlets_programme_or_a_place_before_said_is_no_person(
    sentence: str,
) -> None:
    """A programme after an outlet's possessive; "in Mill Hill, told": a place, not a name."""
    people = [p for _t, p, k, _a in new_names(sentence) if k is PERSON]
    assert not {"Good Morning Ulster", "Mill Hill", "Greater Manchester"} & set(people)


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        (
            "Khamis al-Burdainy of Gaza City said soldiers detained him.",
            "Khamis al-Burdainy",
            PERSON,
        ),
        ("Yousef al-Syersawi's family was displaced twice.", "Yousef al-Syersawi", PERSON),
        (
            "The Greek Orthodox Patriarchate of Jerusalem described the attack as a crime.",
            "Greek Orthodox Patriarchate of Jerusalem",
            MentionKind.ORGANIZATION,
        ),
    ],
)
def test_find_names_speaker_of_a_place_a_persons_family_and_a_patriarchate(
    sentence: str, name: str, kind: MentionKind
) -> None:
    """ "X of Gaza City said", "X's family", a Patriarchate is an organisation."""
    assert (name, kind) in [(p, k) for _t, p, k, _a in new_names(sentence)]


def test_find_names_a_plural_before_of_a_place_is_no_person() -> None:
    """ "Glasgow Friends of Israel, said": a group's name, not a person's."""
    sentence = "Sammy Stein, chairman of Glasgow Friends of Israel, said Mr Cowan returned."
    assert "Glasgow Friends" not in [p for _t, p, k, _a in new_names(sentence) if k is PERSON]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        (
            "Eyewitnesses near the Al-Rantisi Paediatric Hospital said troops were there.",
            "Al-Rantisi Paediatric Hospital",
        ),
        (
            "Doctors at the Kamal Adwan Hospital said the generators had stopped.",
            "Kamal Adwan Hospital",
        ),
    ],
)
def test_article_mentions_facility_named_after_a_person_is_one_organisation(
    sentence: str, name: str
) -> None:
    """A hospital named after a person ("Al-Rantisi", a Hamas leader in the gazetteer) is the
    hospital, not the person."""
    mentions = find_article_mentions("", [sentence])
    assert [(m.party, m.kind) for m in mentions if m.party == name] == [
        (name, MentionKind.ORGANIZATION)
    ]
    assert not [m for m in mentions if m.kind is MentionKind.PERSON]


def test_article_mentions_israeli_soldiers_are_the_idf() -> None:
    """The agency convention: "Israeli soldiers", like "Israeli troops", name the IDF."""
    mentions = find_article_mentions("", ["More than 100 Israeli soldiers have died."])
    assert [(m.text, m.party) for m in mentions] == [("Israeli soldiers", "Israel Defense Forces")]


@pytest.mark.parametrize(
    ("sentence", "text", "name"),
    [
        ("A team from the U.S. Embassy would meet them.", "U.S. Embassy", "US Embassy"),
        ("It hit near the sprawling U.S. Consulate in Irbil.", "U.S. Consulate", "US Consulate"),
        (
            "The US Treasury Department imposed sanctions.",
            "US Treasury Department",
            "US Treasury Department",
        ),
    ],
)
def test_article_mentions_a_state_s_initials_before_an_office(
    sentence: str, text: str, name: str
) -> None:
    """ "U.S. Embassy" is the embassy (an organisation of the United States), named "US …"."""
    mentions = find_article_mentions("", [sentence])
    assert [(m.text, m.party, m.kind) for m in mentions if m.text == text] == [
        (text, name, MentionKind.ORGANIZATION)
    ]
