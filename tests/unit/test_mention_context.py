"""Tests for index.extract.mention_context: what a country, a city or a demonym names in
its sentence."""

from __future__ import annotations

import pytest

from index.extract.candidates import Candidate, FormRole
from index.extract.mention_context import read_in_context
from index.extract.parties import default_gazetteer, find_article_mentions
from index.models import MentionKind

STATE = MentionKind.STATE
PLACE = MentionKind.PLACE
MEDIA = MentionKind.MEDIA

Read = tuple[str, str, MentionKind]


def read(sentence: str) -> list[Read]:
    """(text as written, canonical party, kind) of each mention of one paragraph."""
    return [(m.text, m.party, m.kind) for m in find_article_mentions("", [sentence])]


def kind_of(sentence: str, written: str) -> MentionKind | None:
    """The kind of the first mention written `written` (None when there is none)."""
    return next((kind for text, _, kind in read(sentence) if text == written), None)


@pytest.mark.parametrize(
    "sentence",
    [
        "Hamas killed 1,400 people in Israel on 7 October.",
        "Hamas gunmen stormed communities in southern Israel.",
        "Aid trucks crossed into Egypt on Monday.",
        "Blinken ended his tour visiting Turkey on Monday.",
        "Blinken also made trips to Israel and Jordan.",
        "Some 5,000 workers from Thailand are employed on farms.",
        "The Nepali embassy in Israel has said 200 Nepalese want to return.",
        "He hoped to go to Australia after his studies.",
        "the city on the border with Egypt",
    ],
)
def test_read_in_context_country_after_a_locative_is_the_place(sentence: str) -> None:
    """A country after "in", "into", "southern", "visiting", "trips to", "from", "border
    with" (and one coordinated with it) is the place, under the same canonical name."""
    places = [(text, party) for text, party, kind in read(sentence) if kind is PLACE]
    states = [text for text, _, kind in read(sentence) if kind is STATE]
    assert places
    assert not {"Israel", "Egypt", "Turkey", "Jordan", "Thailand", "Australia"} & set(states)
    assert all(text == party for text, party in places)


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("Israel rejected the idea of a ceasefire.", "Israel"),
        ("Egypt said the Rafah crossing would open.", "Egypt"),
        ("a change in Israel's policy on aid", "Israel"),
        ("a truce in the Israel-Hamas war began", "Israel"),
        ("Israel thanked Egypt for its assistance.", "Egypt"),
        ("Pressure from Qatar helped the talks.", "Qatar"),
        ("In Gaza, Israel has pressed its offensive.", "Israel"),
    ],
)
def test_read_in_context_country_acting_stays_the_state(sentence: str, written: str) -> None:
    """A subject, an object, a possessive, a compound or "pressure from X" is the state."""
    assert kind_of(sentence, written) is STATE


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Protests were held in Paris on Saturday.", ("Paris", "Paris", PLACE)),
        ("Paris condemned the strike on the camp.", ("Paris", "France", STATE)),
        ("Negotiations are resuming in Cairo today.", ("Cairo", "Cairo", PLACE)),
        ("Moscow's support for the plan was welcome.", ("Moscow", "Russia", STATE)),
        ("Washington and London have warned Iran.", ("Washington", "United States", STATE)),
        ("A Hamas delegation travelled to Moscow for talks.", ("Moscow", "Moscow", PLACE)),
        ("BANGKOK: The prime minister spoke.", ("BANGKOK", "Bangkok", PLACE)),
        ("Washington has come under immense pressure.", ("Washington", "United States", STATE)),
        ("Washington is increasing support.", ("Washington", "United States", STATE)),
        ('Kirby said Washington was "hopeful".', ("Washington", "United States", STATE)),
        ("They voted on words proposed by Washington.", ("Washington", "United States", STATE)),
        ("His children in London have stepped in.", ("London", "London", PLACE)),
        ("He was based by Cairo airport.", ("Cairo", "Cairo", PLACE)),
    ],
)
def test_read_in_context_city_is_a_place_unless_it_acts(
    sentence: str, expected: tuple[str, str, MentionKind]
) -> None:
    """A capital is the city (its own name) unless a verb or a possessive makes it act."""
    assert expected in read(sentence)


def test_read_in_context_city_and_country_dateline() -> None:
    """A dateline ("TEL AVIV, Israel —", "Cairo, Egypt,") names two places."""
    assert read("TEL AVIV, Israel — The conflict has reached a milestone.")[:2] == [
        ("TEL AVIV", "Tel Aviv", PLACE),
        ("Israel", "Israel", PLACE),
    ]
    assert ("Egypt", "Egypt", PLACE) in read("Talks are being held in Cairo, Egypt, today.")


def test_read_in_context_city_inside_a_longer_name() -> None:
    """A city before another capitalised word belongs to that name ("Paris Hilton")."""
    assert read("Paris Hilton arrived at the Berlin Wall.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "13 Israelis were freed for 39 Palestinians.",
        "12 Thai hostages were released on Friday.",
        "Two American-Israelis, mother and daughter, were released.",
        "Another eight Thai nationals have been injured.",
        "a Palestinian journalist who filmed the blast",
        "a fellow Thai who was with him is recovering",
        "the agency for Palestinian refugees",
        "There are some 30,000 Thais in Israel.",
    ],
)
def test_read_in_context_demonym_describing_people_is_dropped(sentence: str) -> None:
    """Nationality words that describe people are not the state acting."""
    assert not [text for text, _, kind in read(sentence) if kind is STATE]


@pytest.mark.parametrize(
    ("sentence", "written"),
    [
        ("Israeli officials said the talks went well.", "Israeli"),
        ("Israeli strikes hit the camp overnight.", "Israeli"),
        ("12 Thai hostages freed, Thai prime minister says", "Thai"),
        ("Qatari mediators announced the deal.", "Qatari"),
        ("a Qatari-Egyptian proposal", "Qatari"),
    ],
)
def test_read_in_context_demonym_of_a_state_actor_stays(sentence: str, written: str) -> None:
    """A demonym before officials, strikes, a prime minister or mediators is the state."""
    assert (written, kind_of(sentence, written)) == (written, STATE)


def test_read_in_context_media_language_service() -> None:
    """ "BBC Thai" and "BBC Arabic" are the BBC, whole; "Thai" is not Thailand there."""
    assert read("Wanida Maarsa told BBC Thai that he was taken.")[-1] == ("BBC Thai", "BBC", MEDIA)
    assert read("He spoke to BBC Arabic.") == [("BBC Arabic", "BBC", MEDIA)]


def test_read_in_context_event_named_after_a_country() -> None:
    """ "the Iraq War" is an event, not Iraq; "the Israel-Hamas war" names both."""
    assert read("veterans of the Iraq War") == []
    assert [p for _, p, _ in read("the Israel-Hamas war")] == ["Israel", "Hamas"]


def test_read_in_context_changes_candidates_in_place() -> None:
    """read_in_context takes gazetteer candidates and returns those it keeps, retyped."""
    text = "talks in Doha"
    doha = Candidate(9, 13, "Qatar", STATE, None, FormRole.CITY)
    assert read_in_context(text, [doha], default_gazetteer()) == [doha]
    assert (doha.party, doha.kind) == ("Doha", PLACE)
    assert read_in_context(text, [], default_gazetteer()) == []


@pytest.mark.parametrize(
    ("sentence", "written", "kind"),
    [
        ("Clashes along the Lebanon-Israel border intensified.", "Lebanon", MentionKind.PLACE),
        ("Clashes along the Lebanon-Israel border intensified.", "Israel", MentionKind.PLACE),
        ("Families packed into areas along the Egyptian border.", "Egyptian", MentionKind.PLACE),
        ("Egyptian border guards fired warning shots.", "Egyptian", MentionKind.STATE),
        ("Israel said the border would stay closed.", "Israel", MentionKind.STATE),
    ],
)
def test_read_in_context_country_naming_a_border_is_the_place(
    sentence: str, written: str, kind: MentionKind
) -> None:
    """ "the Israel-Lebanon border", "the Egyptian border" are places; border guards act."""
    assert kind_of(sentence, written) is kind


def test_hospitals_are_organisations() -> None:
    """A hospital is an institution that reports and is reported on, known or not."""
    found = read("The director of Al-Shifa hospital said the Al-Quds Hospital was hit.")
    assert [(text, kind) for text, _, kind in found if "ospital" in text] == [
        ("Al-Shifa hospital", MentionKind.ORGANIZATION),
        ("Al-Quds Hospital", MentionKind.ORGANIZATION),
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "Cogat oversees policy for the Palestinian territories.",
        "Palestinian Territories: 20 killed overnight",
    ],
)
def test_read_in_context_a_states_territories_are_a_place(sentence: str) -> None:
    """ "the Palestinian territories" names land, not Palestine acting."""
    kinds = {m.text: m.kind for m in find_article_mentions("", [sentence])}
    assert [k for t, k in kinds.items() if t.lower().endswith("territories")] == [MentionKind.PLACE]


def test_a_country_naming_its_officials_after_from_is_the_state() -> None:
    """ "from U.S. officials": the officials' state, not a location."""
    (mention,) = find_article_mentions("", ["There was no confirmation from U.S. officials."])
    assert (mention.party, mention.kind) == ("United States", MentionKind.STATE)


@pytest.mark.parametrize(
    ("paragraph", "text", "kind"),
    [
        ("First Part Of Aid Flows Into Gaza At Egypt Border", "Egypt", MentionKind.PLACE),
        (
            "It was some 400m from the Erez border crossing with Israel.",
            "Israel",
            MentionKind.PLACE,
        ),
        ("The ship carried weapons bound for Yemen.", "Yemen", MentionKind.PLACE),
    ],
)
def test_a_country_at_a_border_crossing_or_destination_is_a_place(
    paragraph: str, text: str, kind: MentionKind
) -> None:
    """A Title Case "Border", "crossing with", "bound for" name locations."""
    mentions = [m for m in find_article_mentions("", [paragraph]) if m.text == text]
    assert [m.kind for m in mentions] == [kind]


def test_a_demonym_naming_a_church_is_no_state() -> None:
    """ "the St. Porphyrius Greek Orthodox Church": no Greece in it."""
    mentions = find_article_mentions("", ["A strike hit the St. Porphyrius Greek Orthodox Church."])
    assert not [m for m in mentions if m.party == "Greece"]


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        ("It shot down 4 cruise missiles and 15 drones near the coast of Yemen.", "Yemen"),
        ("Ships bound for the east coast of the US were diverted.", "US"),
        ("A drone entered the airspace of Israel on Monday.", "Israel"),
    ],
)
def test_a_country_after_the_coast_or_airspace_of_is_a_place(paragraph: str, text: str) -> None:
    """ "off the coast of Yemen", "the airspace of Israel": a location, not the state acting."""
    (mention,) = [m for m in find_article_mentions("", [paragraph]) if m.text == text]
    assert mention.kind is MentionKind.PLACE


@pytest.mark.parametrize(
    "paragraph",
    [
        "Hamas and other Palestinian groups also continued to fire rockets.",
        "The Palestinian death toll in Gaza rose on Saturday.",
        "The message is that Palestinian lives matter less.",
        "It isn't clear how many among the Palestinian dead were militants.",
        "Israel has kept up its bombardment of the Palestinian enclave.",
        "Settlers attacked Palestinian villages in the occupied Palestinian territory.",
        "Palestinian casualties rose sharply overnight.",
    ],
)
def test_a_demonym_before_what_belongs_to_the_people_is_no_state(paragraph: str) -> None:
    """ "Palestinian groups", "the Palestinian death toll", "Palestinian lives", "the
    Palestinian dead": the people's, not the state of Palestine acting."""
    found = find_article_mentions("", [paragraph])
    assert not any(m.kind is MentionKind.STATE and m.party == "Palestine" for m in found)


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        ("Clashes along Israel's northern border threaten to widen the war.", "Israel"),
        ("The strike hit a base inside Iran's borders.", "Iran"),
        ("Militants fired rockets towards Israel.", "Israel"),
        ("Gunmen broke through the fence with Israel.", "Israel"),
        ("Lebanon's Hezbollah fired dozens of rockets.", "Lebanon"),
        ("Yemen's Iran-backed Houthi movement attacked ships.", "Yemen"),
        ("The blast hit Lebanon's capital overnight.", "Lebanon"),
        ("Gunmen attacked Israel's southern towns.", "Israel"),
        ("Aid will pass through Egypt's Rafah crossing.", "Egypt"),
    ],
)
def test_a_countrys_own_ground_and_a_direction_are_places(paragraph: str, text: str) -> None:
    """ "Israel's northern border", "inside Iran's borders", "towards Israel", "the fence with
    Israel", "Lebanon's capital", "Lebanon's Hezbollah": where, not who acts."""
    (mention,) = [m for m in find_article_mentions("", [paragraph]) if m.text == text]
    assert mention.kind is MentionKind.PLACE


@pytest.mark.parametrize(
    ("paragraph", "kind"),
    [
        ("It was shown at a military base near Ramla, Israel, Oct. 16, 2023.", MentionKind.PLACE),
        ("Leaders of Hamas, Israel and Qatar met on Monday.", MentionKind.STATE),
    ],
)
def test_a_country_after_a_town_it_locates_is_a_place(paragraph: str, kind: MentionKind) -> None:
    """ "near Ramla, Israel,": the country locates the town; in a list of parties it does not."""
    (mention,) = [m for m in find_article_mentions("", [paragraph]) if m.text == "Israel"]
    assert mention.kind is kind


def test_a_demonym_before_home_affairs_is_still_the_state() -> None:
    """ "Australian Home Affairs Minister Clare O'Neil": "Home" is no one's homes."""
    found = find_article_mentions(
        "", ["Australian Home Affairs Minister Clare O’Neil said a woman was killed."]
    )
    assert any(m.text == "Australian" and m.kind is MentionKind.STATE for m in found)


def test_a_countrys_operation_named_by_a_place_is_the_state_acting() -> None:
    """ "Israel's Rafah assault": the state acting, though "Egypt's Rafah crossing" is a place."""
    found = find_article_mentions("", ["Israel's Rafah assault looms."])
    assert (found[0].text, found[0].kind) == ("Israel", MentionKind.STATE)
