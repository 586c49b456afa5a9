"""Tests for index.extract.parties: party mentions as a careful reader would mark them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.extract.parties import (
    _matcher,
    _matches,
    default_gazetteer,
    find_article_mentions,
    find_mentions,
    load_gazetteer,
)
from index.models import Mention, MentionKind

STATE = MentionKind.STATE
ORG = MentionKind.ORGANIZATION
PERSON = MentionKind.PERSON
MEDIA = MentionKind.MEDIA
PLACE = MentionKind.PLACE

Found = tuple[str, str, MentionKind, str | None]


def found(text: str) -> list[Found]:
    """(text as written, canonical party, kind, affiliation) for each mention, in order."""
    return [(m.text, m.party, m.kind, m.affiliation) for m in find_mentions([text])]


def parties(text: str) -> list[str]:
    """The canonical parties mentioned, in order."""
    return [m.party for m in find_mentions([text])]


# --- the seeds, sentence by sentence -------------------------------------------------------


def test_find_mentions_seed000_haniyeh_and_guarantors() -> None:
    """Seed 000: Haniyeh (Hamas), the Palestinian movement Hamas and four states."""
    text = (
        "Ismail Haniyeh, the chief of the political office of the Palestinian movement Hamas, "
        "said on Sunday he would like to see Russia, along with Egypt, Turkey and Qatar, among "
        "the guarantors of security for the Gaza Strip."
    )
    assert found(text) == [
        ("Ismail Haniyeh", "Ismail Haniyeh", PERSON, "Hamas"),
        ("Palestinian", "Palestine", STATE, None),
        ("Hamas", "Hamas", ORG, None),
        ("Russia", "Russia", STATE, None),
        ("Egypt", "Egypt", STATE, None),
        ("Turkey", "Turkey", STATE, None),
        ("Qatar", "Qatar", STATE, None),
        ("Gaza Strip", "Gaza Strip", PLACE, None),
    ]


def test_find_mentions_seed000_sabah_and_ankara() -> None:
    """Seed 000: a Turkish newspaper (media) and Ankara standing for Turkey."""
    text = (
        "In early February, Turkish newspaper Sabah reported that Ankara was ready to be a "
        "security guarantor for Palestine through its military presence in the region."
    )
    assert found(text) == [
        ("Turkish", "Turkey", STATE, None),
        ("Sabah", "Sabah", MEDIA, None),
        ("Ankara", "Turkey", STATE, None),
        ("Palestine", "Palestine", STATE, None),
    ]


def test_find_mentions_seed000_cairo_talks() -> None:
    """Seed 000: "Israeli-Hamas talks" gives both; "the Egyptian capital of Cairo" is Egypt."""
    text = "a new round of the Israeli-Hamas talks started in the Egyptian capital of Cairo."
    assert parties(text) == ["Israel", "Hamas", "Egypt", "Egypt"]


def test_find_mentions_seed001_haniya_spelling() -> None:
    """Seed 001: "Ismail Haniya" is Ismail Haniyeh; Hamas's full name is Hamas too."""
    text = (
        "Moscow, Nov 21.- Hamas (Islamic Resistance Movement) and Israel are close to reaching a "
        "truce, declared the leader of the Palestinian movement, Ismail Haniya."
    )
    assert found(text) == [
        ("Moscow", "Russia", STATE, None),
        ("Hamas", "Hamas", ORG, None),
        ("Islamic Resistance Movement", "Hamas", ORG, None),
        ("Israel", "Israel", STATE, None),
        ("Palestinian", "Palestine", STATE, None),
        ("Ismail Haniya", "Ismail Haniyeh", PERSON, "Hamas"),
    ]


def test_find_mentions_seed001_arabiya_and_qatari_mediators() -> None:
    """Seed 001: Al-Arabiya is media; "Qatari mediators" name Qatar."""
    text = (
        "Al-Arabiya television quoted a Hamas spokesman as saying that Qatar, which is acting as "
        "a mediator, is expected to reveal details. A Hamas official assumed that Qatari "
        "mediators would announce the details of an agreement with Israel."
    )
    assert found(text) == [
        ("Al-Arabiya", "Al Arabiya", MEDIA, None),
        ("Hamas", "Hamas", ORG, None),
        ("Qatar", "Qatar", STATE, None),
        ("Hamas", "Hamas", ORG, None),
        ("Qatari", "Qatar", STATE, None),
        ("Israel", "Israel", STATE, None),
    ]


def test_find_mentions_seed001_washington_post_is_media() -> None:
    """Seed 001: "the Washington Post" is the newspaper, not the United States."""
    text = (
        "On November 18, the Washington Post reported that the United States, Israel and Hamas "
        "were close to reaching an agreement for a five-day pause in fighting in the Gaza Strip."
    )
    assert found(text) == [
        ("Washington Post", "The Washington Post", MEDIA, None),
        ("United States", "United States", STATE, None),
        ("Israel", "Israel", STATE, None),
        ("Hamas", "Hamas", ORG, None),
        ("Gaza Strip", "Gaza Strip", PLACE, None),
    ]


def test_find_mentions_seed001_oic_arab_league_security_council() -> None:
    """Seed 001: the OIC (full name and acronym), the Arab League, the UN Security Council."""
    text = (
        "the Contact Group on the situation in Gaza, created after the summit of the Organization "
        "of Islamic Cooperation (OIC) and the Arab League, held in Riyadh. He highlighted that "
        "several visits will be made, particularly to the permanent members of the UN Security "
        "Council. (Sputnik) (Photo: AP)"
    )
    assert found(text) == [
        ("Gaza", "Gaza Strip", PLACE, None),
        ("Organization of Islamic Cooperation", "Organization of Islamic Cooperation", ORG, None),
        ("OIC", "Organization of Islamic Cooperation", ORG, None),
        ("Arab League", "Arab League", ORG, None),
        ("Riyadh", "Saudi Arabia", STATE, None),
        ("UN Security Council", "UN Security Council", ORG, "United Nations"),
        ("Sputnik", "Sputnik", MEDIA, None),
        ("AP", "Associated Press", MEDIA, None),
    ]


def test_find_mentions_seed002_burns_cia_doha() -> None:
    """Seed 002: the US CIA, William Burns (US), Doha standing for Qatar."""
    text = (
        "The head of the US Central Intelligence Agency (CIA), William Burns, then traveled to "
        "Doha for an emergency meeting with the Qatari prime minister. Like Burns, the Hamas "
        "delegation is also going to Qatar."
    )
    cia = ("Central Intelligence Agency", ORG, "United States")
    assert found(text) == [
        ("US", "United States", STATE, None),
        ("Central Intelligence Agency", *cia),
        ("CIA", *cia),
        ("William Burns", "William Burns", PERSON, "United States"),
        ("Doha", "Qatar", STATE, None),
        ("Qatari", "Qatar", STATE, None),
        ("Burns", "William Burns", PERSON, "United States"),
        ("Hamas", "Hamas", ORG, None),
        ("Qatar", "Qatar", STATE, None),
    ]


def test_find_mentions_seed002_netanyahu_and_possessives() -> None:
    """Seed 002: Netanyahu (Israel); "Hamas’ demands" and "Israel’s withdrawal" possessives."""
    text = (
        "But Israeli Prime Minister Benjamin Netanyahu rejects this. Netanyahu reiterated that "
        "Israel cannot accept Hamas’ demands, and Haniyeh wants Israel’s withdrawal."
    )
    assert found(text) == [
        ("Israeli", "Israel", STATE, None),
        ("Benjamin Netanyahu", "Benjamin Netanyahu", PERSON, "Israel"),
        ("Netanyahu", "Benjamin Netanyahu", PERSON, "Israel"),
        ("Israel", "Israel", STATE, None),
        ("Hamas", "Hamas", ORG, None),
        ("Haniyeh", "Ismail Haniyeh", PERSON, "Hamas"),
        ("Israel", "Israel", STATE, None),
    ]


def test_find_mentions_seed002_macron_elysee_afp() -> None:
    """Seed 002: Macron (France), AFP (media), the Elysee Palace standing for France."""
    text = (
        "Today, French President Emmanuel Macron called on Netanyahu to bring the peace talks to "
        "a successful conclusion, AFP reported. “France fully supports the ongoing mediation "
        "efforts,” the Elysee Palace added."
    )
    assert found(text) == [
        ("French", "France", STATE, None),
        ("Emmanuel Macron", "Emmanuel Macron", PERSON, "France"),
        ("Netanyahu", "Benjamin Netanyahu", PERSON, "Israel"),
        ("AFP", "AFP", MEDIA, None),
        ("France", "France", STATE, None),
        ("Elysee Palace", "France", STATE, None),
    ]


def test_find_mentions_seed002_hamas_controlled_authorities() -> None:
    """Seed 002: "Hamas-controlled authorities" attributes a toll to Hamas."""
    text = "more than 34,600 Palestinian lives, according to Hamas-controlled authorities."
    assert found(text) == [
        ("Palestinian", "Palestine", STATE, None),
        ("Hamas", "Hamas", ORG, None),
    ]


def test_find_mentions_seed003_tel_aviv_and_american() -> None:
    """Seed 003: "Tel Aviv" stands for Israel; "American and Qatari representatives"."""
    text = (
        "Meanwhile, Israeli officials have indicated in talks with American and Qatari "
        "representatives that Tel Aviv may be open to a truce agreement."
    )
    assert parties(text) == ["Israel", "United States", "Qatar", "Israel"]
    assert find_mentions([text])[-1].text == "Tel Aviv"


def test_find_mentions_seed003_al_jazeera_correspondent() -> None:
    """Seed 003: Al Jazeera is media, Doha is Qatar; the correspondent is not invented."""
    text = (
        "Al Jazeera’s correspondent in Doha, Hashem Ahlbara, said that this meeting was very "
        "positive. He added that Qatari negotiators are now in contact with both Hamas and the "
        "Israelis."
    )
    assert found(text) == [
        ("Al Jazeera", "Al Jazeera", MEDIA, None),
        ("Doha", "Qatar", STATE, None),
        ("Qatari", "Qatar", STATE, None),
        ("Hamas", "Hamas", ORG, None),
        ("Israelis", "Israel", STATE, None),
    ]


def test_find_mentions_seed003_abdollahian_and_hamad() -> None:
    """Seed 003: Amir Abdollahian (Iran), Ghazi Hamad (Hamas)."""
    text = (
        "Haniyeh, who spoke to Iranian Foreign Minister Hossein Amir Abdollahian on Tuesday "
        "evening, appeared to stick to that position. In an interview with Al Jazeera, Hamas "
        "official Ghazi Hamad said that once the war stops, Hamas is ready to negotiate."
    )
    assert found(text) == [
        ("Haniyeh", "Ismail Haniyeh", PERSON, "Hamas"),
        ("Iranian", "Iran", STATE, None),
        ("Hossein Amir Abdollahian", "Hossein Amir-Abdollahian", PERSON, "Iran"),
        ("Al Jazeera", "Al Jazeera", MEDIA, None),
        ("Hamas", "Hamas", ORG, None),
        ("Ghazi Hamad", "Ghazi Hamad", PERSON, "Hamas"),
        ("Hamas", "Hamas", ORG, None),
    ]


def test_find_mentions_seed004_france_presse_is_afp() -> None:
    """Seed 004: "France-Presse (AFP)" is the agency twice, never France."""
    text = (
        "A new round of negotiations between Hamas and the Israelis, with the mediation of Egypt "
        "and Qatar, is expected to begin this morning in Cairo, the Hamas official told the "
        "France-Presse (AFP) news agency."
    )
    assert found(text) == [
        ("Hamas", "Hamas", ORG, None),
        ("Israelis", "Israel", STATE, None),
        ("Egypt", "Egypt", STATE, None),
        ("Qatar", "Qatar", STATE, None),
        ("Cairo", "Egypt", STATE, None),
        ("Hamas", "Hamas", ORG, None),
        ("France-Presse", "AFP", MEDIA, None),
        ("AFP", "AFP", MEDIA, None),
    ]


def test_find_mentions_seed004_blinken_misspelt_and_rafah() -> None:
    """Seed 004: "Anthony Blinken" is Antony Blinken; the Israeli army is the IDF; Rafah a place."""
    text = (
        "a few hours after meeting with US Secretary of State Anthony Blinken, Netanyahu ordered "
        "the Israeli army to prepare an offensive on Rafah, a city in the south of the Gaza Strip."
    )
    assert found(text) == [
        ("US", "United States", STATE, None),
        ("Anthony Blinken", "Antony Blinken", PERSON, "United States"),
        ("Netanyahu", "Benjamin Netanyahu", PERSON, "Israel"),
        ("Israeli army", "Israel Defense Forces", ORG, "Israel"),
        ("Rafah", "Rafah", PLACE, None),
        ("Gaza Strip", "Gaza Strip", PLACE, None),
    ]


def test_find_mentions_seed004_hamas_ministry_of_health() -> None:
    """Seed 004: "the Hamas Ministry of Health" is the Gaza Health Ministry, affiliated to Hamas."""
    text = (
        "Israel launched an offensive in the Gaza Strip that caused 27,840 deaths, according to "
        "the Hamas Ministry of Health."
    )
    assert found(text) == [
        ("Israel", "Israel", STATE, None),
        ("Gaza Strip", "Gaza Strip", PLACE, None),
        ("Hamas Ministry of Health", "Gaza Health Ministry", ORG, "Hamas"),
    ]


def test_find_mentions_seed_offsets_are_exact(seeds_dir: Path) -> None:
    """Every mention in every seed satisfies paragraphs[p][start:end] == text."""
    for path in sorted(seeds_dir.glob("*.txt")):
        paragraphs = [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        mentions = find_mentions(paragraphs)
        assert mentions, path.name
        for m in mentions:
            assert m.paragraph is not None
            assert paragraphs[m.paragraph][m.start : m.end] == m.text
        keys = [(m.paragraph, m.start) for m in mentions]
        assert keys == sorted(keys)


# --- adversarial cases ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Washington Post said Washington would veto it.",
            ["The Washington Post", "United States"],
        ),
        (
            "Agence France-Presse, France-Presse: AFP; France is not.",
            ["AFP", "AFP", "AFP", "France"],
        ),
        ("Al Jazeera and Al-Jazeera broadcast from Doha.", ["Al Jazeera", "Al Jazeera", "Qatar"]),
        (
            "The Times of Israel and the Jerusalem Post",
            ["The Times of Israel", "The Jerusalem Post"],
        ),
        ("The New York Times reported on Jerusalem.", ["The New York Times", "Jerusalem"]),
        ("the West Bank city of Jenin", ["West Bank", "Jenin"]),
        ("Michael Jordan visited Jordan.", ["Jordan"]),
        ("a roast turkey in Turkey and Türkiye", ["Turkey", "Turkey"]),
        (
            "Let us ask the US and the U.S. and the U.N.",
            ["United States", "United States", "United Nations"],
        ),
        ("The Kremlin and the White House spoke.", ["Russia", "White House"]),
        ("Israelis and an Israeli and Israel", ["Israel", "Israel", "Israel"]),
        ("Haniyeh’s visit and Haniye's trip", ["Ismail Haniyeh", "Ismail Haniyeh"]),
        (
            "Netanyahu, known as Bibi, and Tsahal",
            ["Benjamin Netanyahu", "Benjamin Netanyahu", "Israel Defense Forces"],
        ),
        ("the al-Qassam Brigades and Al-Qassam Brigades", ["Izz ad-Din al-Qassam Brigades"] * 2),
        ("Islamic Jihad (PIJ) and Palestinian Islamic Jihad", ["Palestinian Islamic Jihad"] * 3),
        ("President Erdoğan, or Erdogan", ["Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan"]),
        ("British Airways flew over Britain.", ["United Kingdom"]),
        ("the Hamas-run health ministry in Gaza", ["Gaza Health Ministry", "Gaza Strip"]),
    ],
)
def test_find_mentions_adversarial(text: str, expected: list[str]) -> None:
    """Stop-phrases, longest-first, case, plurals, possessives, variants and metonyms."""
    assert parties(text) == expected


def test_find_mentions_gaza_strip_longest_first() -> None:
    """ "Gaza Strip" is one mention, not "Gaza" plus a stray word."""
    (mention,) = find_mentions(["in the Gaza Strip."])
    assert (mention.text, mention.start, mention.end) == ("Gaza Strip", 7, 17)


def test_find_mentions_case_sensitive_lower_case_ignored() -> None:
    """Lower-case tags and words ("hamas", "israel", "turkey", "us") are not mentions."""
    assert find_mentions(["hamas politburo chief, israel, gaza strip, roast turkey, tell us"]) == []


def test_find_mentions_no_partial_words() -> None:
    """A form inside a longer word ("Israelite", "USAF", "Hamasville") is not a mention."""
    assert find_mentions(["Israelite USAF Hamasville Qatarian"]) == []


def test_find_mentions_skips_urls() -> None:
    """Text inside URLs is never a mention, even capitalised."""
    text = "See https://example.com/Hamas/Israel-talks and www.Qatar.example.org/Doha now, Hamas."
    (mention,) = find_mentions([text])
    assert (mention.party, mention.start) == ("Hamas", text.rindex("Hamas"))


def test_find_mentions_hyphenated_compounds() -> None:
    """Hyphenated compounds name each party ("Israel-Hamas war", "Qatari-Egyptian")."""
    assert parties("the Israel-Hamas war, a US-brokered, Qatari-Egyptian deal") == [
        "Israel",
        "Hamas",
        "United States",
        "Qatar",
        "Egypt",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rhone-Poulenc <RHON.PA> said", []),
        ("news staffs of CBS Inc <CBS> and <UN.A>", ["CBS News"]),
        ("the truce.Hamas said", ["Hamas"]),
        ("Senator Robert Dole (R-Kan.) said", []),
        ("Sheikh Ali al-Khalifa al-Sabah said", []),
        ("Bethlehem Steel and Bethlehem", ["Bethlehem"]),
        ("the Hamas political bureau", ["Hamas"]),
    ],
)
def test_find_mentions_codes_and_lookalikes(text: str, expected: list[str]) -> None:
    """Tickers, US state abbreviations and family names that look like parties are not."""
    assert parties(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("said Dr. Margaret Harris, a spokesperson for the WHO", ["WHO"]),
        ("James Kirby, 47, was among the seven aid workers killed", []),
        ("NPR's Becky Sullivan reported from Rafah", ["NPR", "Rafah"]),
        ("US President Biden and Egypt's President Sisi", ["US", "Biden", "Egypt", "Sisi"]),
        ("Vice-President Harris and Secretary of State Blinken", ["Harris", "Blinken"]),
        ("On Sunday Netanyahu met Hamas leader Haniyeh", ["Netanyahu", "Hamas", "Haniyeh"]),
        ("Killing Haniyeh's family; Israeli Netanyahu", ["Haniyeh", "Israeli", "Netanyahu"]),
    ],
)
def test_find_mentions_bare_surname_guard(text: str, expected: list[str]) -> None:
    """A bare surname after someone else's given name is another person; titles are fine."""
    assert [m.text for m in find_mentions([text])] == expected


def test_find_mentions_whitespace_inside_a_form() -> None:
    """A line break or no-break space inside a form still matches, with exact offsets."""
    text = "the United Arab\nEmirates and the Gaza\u00a0Strip"
    mentions = find_mentions([text])
    assert [(m.party, m.text) for m in mentions] == [
        ("United Arab Emirates", "United Arab\nEmirates"),
        ("Gaza Strip", "Gaza\u00a0Strip"),
    ]
    assert all(text[m.start : m.end] == m.text for m in mentions)


def test_find_mentions_paragraph_indexes() -> None:
    """Mentions carry their paragraph index and offsets relative to that paragraph."""
    mentions = find_mentions(["No party here.", "", "Then Qatar and Egypt."])
    assert [(m.paragraph, m.start, m.end) for m in mentions] == [(2, 5, 10), (2, 15, 20)]
    assert all(isinstance(m, Mention) for m in mentions)


def test_find_mentions_empty_input() -> None:
    """No paragraphs, or empty ones, give no mentions."""
    assert find_mentions([]) == []
    assert find_mentions(["", "   "]) == []


def test_find_mentions_uses_given_gazetteer(tmp_path: Path) -> None:
    """A gazetteer loaded with the user's file finds the user's parties."""
    user = tmp_path / "parties.json"
    user.write_text(
        json.dumps(
            {"parties": [{"name": "Hashem Ahlbara", "kind": "person", "affiliation": "Al Jazeera"}]}
        ),
        encoding="utf-8",
    )
    gazetteer = load_gazetteer([user])
    text = "Al Jazeera’s correspondent in Doha, Hashem Ahlbara, said"
    names = [m.party for m in find_mentions([text], gazetteer)]
    assert names == ["Al Jazeera", "Qatar", "Hashem Ahlbara"]
    assert "Hashem Ahlbara" not in parties(text)


def test_default_gazetteer_is_cached() -> None:
    """The built-in gazetteer is loaded once per process."""
    assert default_gazetteer() is default_gazetteer()


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Sir Keir said Labour would not back a ceasefire.", [("Sir Keir", "Keir Starmer")]),
        (
            "Lord Cameron met Netanyahu.",
            [("Lord Cameron", "David Cameron"), ("Netanyahu", "Benjamin Netanyahu")],
        ),
        (
            "The Foreign Office urged Britons to leave.",
            [
                ("Foreign Office", "UK Foreign Office"),
                ("Britons", "United Kingdom"),
            ],
        ),
        (
            "Germany’s Foreign Office said the embassy was closed.",
            [("Germany’s Foreign Office", "German Foreign Office")],
        ),
        (
            "Pakistan's Foreign Office condemned the strike.",
            [("Pakistan's Foreign Office", "Pakistani Foreign Office")],
        ),
    ],
)
def test_find_mentions_uk_forms_and_other_foreign_offices(
    text: str, found: list[tuple[str, str]]
) -> None:
    """UK titles name their holders and the Foreign Office the UK's ministry; another state's
    Foreign Office is that state's ministry, not the UK's."""
    assert [(m.text, m.party) for m in find_mentions([text])] == found


# --- the whole article: the headline, context and names from the text ----------------------


def test_find_article_mentions_reads_the_headline() -> None:
    """Title mentions come first, with paragraph None and offsets into the title."""
    title = "Israel-Hamas War updates: Funeral held for 19-year-old Hamas kidnap victim"
    mentions = find_article_mentions(title, ["Israel has confirmed the deaths of two hostages."])
    assert [(m.paragraph, m.text, m.party) for m in mentions] == [
        (None, "Israel", "Israel"),
        (None, "Hamas", "Hamas"),
        (None, "Hamas", "Hamas"),
        (0, "Israel", "Israel"),
    ]
    for m in mentions:
        text = title if m.paragraph is None else "Israel has confirmed the deaths of two hostages."
        assert text[m.start : m.end] == m.text


def test_find_article_mentions_title_case_headline_names_nobody_new() -> None:
    """A capitalised headline word is no name by itself; a name the body gives in full is
    found in the headline too."""
    title = "A Sudden Blast, Then Carnage in a Hospital Courtyard - Sunak Reacts"
    assert [m.text for m in find_article_mentions(title, ["No names here."])] == ["Sunak"]
    title = "Udomporn Champahom Recalls The Attack"
    body = ['"They fired a rocket first," Udomporn Champahom told the BBC.']
    first = find_article_mentions(title, body)[0]
    assert (first.paragraph, first.party, first.kind) == (None, "Udomporn Champahom", PERSON)


def test_find_article_mentions_gazetteer_hits_keep_their_reading() -> None:
    """Gazetteer forms keep their canonical names, kinds and affiliations."""
    mentions = find_article_mentions("", ["Hamas leader Ismail Haniyeh met Qatari mediators."])
    assert [(m.text, m.party, m.kind, m.affiliation) for m in mentions] == [
        ("Hamas", "Hamas", ORG, None),
        ("Ismail Haniyeh", "Ismail Haniyeh", PERSON, "Hamas"),
        ("Qatari", "Qatar", STATE, None),
    ]


def test_find_article_mentions_brief_sentences() -> None:
    """The classes of issue 10, one sentence each: roles, apposition, head nouns, offices
    of a state, acronyms, places, cities and people."""
    paragraphs = [
        "Health ministry spokesman Yasser Haddad said the Far Western University was hit.",
        "Protests were held in Paris while Paris condemned the strikes in Khan Younis.",
        "The Committee for Gaza Relief (CGR) said 12 Thai hostages were freed.",
        "Haddad said the CGR would visit Turkey.",
    ]
    found = [(m.paragraph, m.text, m.party, m.kind) for m in find_article_mentions("", paragraphs)]
    assert found == [
        (0, "Yasser Haddad", "Yasser Haddad", PERSON),
        (0, "Far Western University", "Far Western University", ORG),
        (1, "Paris", "Paris", PLACE),
        (1, "Paris", "France", STATE),
        (1, "Khan Younis", "Khan Younis", PLACE),
        (2, "Committee for Gaza Relief", "Committee for Gaza Relief", ORG),
        (2, "CGR", "Committee for Gaza Relief", ORG),
        (3, "Haddad", "Yasser Haddad", PERSON),
        (3, "CGR", "Committee for Gaza Relief", ORG),
        (3, "Turkey", "Turkey", PLACE),
    ]


def test_find_article_mentions_offsets_are_exact_on_the_seeds(seeds_dir: Path) -> None:
    """Every mention of every seed (title = first line) lines up with its text."""
    for path in sorted(seeds_dir.glob("*.txt")):
        blocks = [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]
        title, paragraphs = blocks[0], blocks[1:]
        mentions = find_article_mentions(title, paragraphs)
        assert mentions, path.name
        for m in mentions:
            text = title if m.paragraph is None else paragraphs[m.paragraph]
            assert text[m.start : m.end] == m.text
        keys = [m.position for m in mentions]
        assert keys == sorted(keys)


def test_the_gazetteer_knows_the_smaller_states() -> None:
    """States beyond the big players are states too (the gazetteer lists the UN's members)."""
    found = find_article_mentions(
        "",
        [
            "Estonia and Latvia condemned the attack, and Cambodia said one of its nationals"
            " was killed in Israel."
        ],
    )
    assert [(m.party, m.kind) for m in found] == [
        ("Estonia", MentionKind.STATE),
        ("Latvia", MentionKind.STATE),
        ("Cambodia", MentionKind.STATE),
        ("Israel", MentionKind.PLACE),
    ]


@pytest.mark.parametrize(
    ("paragraph", "written", "name", "affiliation"),
    [
        (
            "Thailand's Foreign Ministry said Wednesday that 20 Thai nationals were killed.",
            "Thailand's Foreign Ministry",
            "Thai Foreign Ministry",
            "Thailand",
        ),
        (
            "Oleg Nikolenko, a spokesman for Ukraine’s Foreign Ministry, said",
            "Ukraine’s Foreign Ministry",
            "Ukrainian Foreign Ministry",
            "Ukraine",
        ),
    ],
)
def test_a_states_office_named_with_its_possessive_is_that_states(
    paragraph: str, written: str, name: str, affiliation: str
) -> None:
    """ "Thailand's Foreign Ministry" is one organisation of Thailand's, not Thailand and a
    "Foreign Ministry" that every state would share."""
    found = find_article_mentions("", [paragraph])
    office = next(m for m in found if m.kind is MentionKind.ORGANIZATION)
    assert (office.text, office.party, office.affiliation) == (written, name, affiliation)
    assert not any(m.kind is MentionKind.STATE for m in found)


@pytest.mark.parametrize(
    ("paragraph", "name", "kind"),
    [
        (
            "The Palestinian telecommunications company Paltel said service was cut.",
            "Paltel",
            MentionKind.ORGANIZATION,
        ),
        (
            "Civil liberties group Liberty said police went too far.",
            "Liberty",
            MentionKind.ORGANIZATION,
        ),
        ("Her brother Yossi said he was waiting.", "Yossi", MentionKind.PERSON),
    ],
)
def test_a_name_after_a_company_noun_is_the_company(
    paragraph: str, name: str, kind: MentionKind
) -> None:
    """ "the company Paltel said": a speech verb after one word names the company, not a
    person; a kinship word before it still names a person."""
    found = {m.party: m.kind for m in find_article_mentions("", [paragraph])}
    assert found[name] is kind


@pytest.mark.parametrize(
    ("paragraph", "found"),
    [
        ("Earlier Biden posted a statement on X, formerly Twitter, saying so.", True),
        ("In a statement posted on X (formerly Twitter), Netanyahu offered condolences.", True),
        ("“The attacks must stop,” he wrote on X. An Israeli minister replied.", True),
        ("Malcolm X said so in 1964.", False),
        ("An X-ray showed the bullet.", False),
    ],
)
def test_the_social_network_x_where_the_text_says_so(paragraph: str, found: bool) -> None:
    """ "posted on X, formerly Twitter", "wrote on X.": the network; a bare letter is not."""
    mentions = find_article_mentions("", [paragraph])
    assert any(m.party == "X" and m.kind is MentionKind.ORGANIZATION for m in mentions) is found


@pytest.mark.parametrize(
    ("paragraph", "name"),
    [
        (
            "(Samar Abu Elouf/The New York Times) Containers with the unidentified dead.",
            "Samar Abu Elouf",
        ),
        (
            "Barbara Leaf, the top U.S. diplomat for the Middle East, told a congressional"
            " hearing.",
            "Barbara Leaf",
        ),
    ],
)
def test_a_photographers_credit_and_an_apposition_with_initials_name_people(
    paragraph: str, name: str
) -> None:
    """ "(Samar Abu Elouf/The New York Times)": the photographer; "Barbara Leaf, the top U.S.
    diplomat …, told": the initials do not break the apposition."""
    found = {m.party: m.kind for m in find_article_mentions("", [paragraph])}
    assert found[name] is MentionKind.PERSON


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The White House said talks went on.", ("White House", "White House", "United States")),
        ("The Pentagon sent a carrier.", ("Pentagon", "Pentagon", "United States")),
        (
            "a U.S. State Department spokesman said",
            ("U.S. State Department", "State Department", "United States"),
        ),
        ("Pressure grew on Capitol Hill.", ("Capitol Hill", "US Congress", "United States")),
        ("The Foreign Office said.", ("Foreign Office", "UK Foreign Office", "United Kingdom")),
    ],
)
def test_find_mentions_state_agencies_are_organisations(
    text: str, found: tuple[str, str, str]
) -> None:
    """A state's executive offices and ministries are organisations of their own, affiliated
    with the state (GUIDELINES: "Ministries and agencies of a state are organisations"); the
    seats named "the Kremlin" or "Downing Street" still stand for the state."""
    mentions = find_mentions([text])
    assert [(m.text, m.party, m.affiliation) for m in mentions] == [found]
    assert mentions[0].kind is MentionKind.ORGANIZATION
    kremlin = find_mentions(["The Kremlin and Downing Street spoke."])
    assert [(m.party, m.kind) for m in kremlin] == [
        ("Russia", MentionKind.STATE),
        ("United Kingdom", MentionKind.STATE),
    ]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Gaza's Hamas-run health ministry says 50 died.",
            ("Gaza's Hamas-run health ministry", "Gaza Health Ministry"),
        ),
        (
            "The Hamas-run Ministry of Health in Gaza says 14,000 died.",
            ("Hamas-run Ministry of Health in Gaza", "Gaza Health Ministry"),
        ),
        (
            "Many died, according to the health ministry in Hamas-governed Gaza.",
            ("health ministry in Hamas-governed Gaza", "Gaza Health Ministry"),
        ),
        (
            "It happened, according to Gaza's Interior Ministry.",
            ("Gaza's Interior Ministry", "Gaza Interior Ministry"),
        ),
        (
            "Qatar's Ministry of Foreign Affairs said.",
            ("Qatar's Ministry of Foreign Affairs", "Qatari Ministry of Foreign Affairs"),
        ),
    ],
)
def test_find_article_mentions_a_ministry_with_its_place_is_one_mention(
    text: str, found: tuple[str, str]
) -> None:
    """The place written with its ministry ("Gaza's …", "… in Gaza") is part of the name,
    not a place where something happened."""
    mentions = find_article_mentions("", [text])
    assert [(m.text, m.party) for m in mentions] == [found]
    assert mentions[0].kind is MentionKind.ORGANIZATION


@pytest.mark.parametrize(
    "text", ["Israeli security forces", "Israeli ground troops", "Israeli special forces"]
)
def test_find_mentions_israeli_forces_with_a_modifier_are_the_idf(text: str) -> None:
    """ "shot dead by Israeli security forces": the army, named through its state's demonym."""
    (mention,) = find_mentions([f"Two men were shot dead by {text} on Monday."])
    assert (mention.text, mention.party) == (text, "Israel Defense Forces")


@pytest.mark.parametrize(
    "text",
    [
        "Doctors at al-Aqsa Martyrs Hospital and the health ministry in  Gaza said.",
        "Nepal al Aqsa; the Netherlands and the\nPhilippines, dpa and i24NEWS reported.",
        "It said (al Jazeera) and <CBS> RHON.PA, truce.Hamas said; the axis of resistance.",
        "Ursula von der Leyen met bin Laden's son in southern Lebanon, not in the Strip.",
    ],
)
def test_find_mentions_fast_scan_finds_what_the_trie_pattern_finds(text: str) -> None:
    """The fast scan's matches (lower-case forms by their hints) are the trie pattern's."""
    matcher = _matcher(default_gazetteer())
    expected = [m.span() for m in matcher.pattern.finditer(text)]
    assert expected
    found = _matches(text, matcher, matcher.scan.search(text))
    assert [m.span() for m in found] == expected
