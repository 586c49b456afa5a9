"""Tests for index.extract.gazetteer: the built-in data, loading, merging, validation, variants."""

from __future__ import annotations

import json
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from index.errors import GazetteerError, NewsdeskError
from index.extract.gazetteer import Gazetteer, PartyEntry, load_gazetteer, surface_variants
from index.extract.parties import find_article_mentions
from index.models import MentionKind
from index.paths import default_paths


@pytest.fixture(scope="module")
def builtin() -> Gazetteer:
    """The built-in gazetteer (loaded once for this module)."""
    return load_gazetteer()


def _raw_builtin() -> dict[str, object]:
    text = resources.files("index").joinpath("data/parties.json").read_text(encoding="utf-8")
    data = json.loads(text)
    assert isinstance(data, dict)
    return data


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_builtin_covers_the_story(builtin: Gazetteer) -> None:
    """Several hundred parties, every kind represented, the story's actors present."""
    assert len(builtin) >= 500
    kinds = Counter(builtin.kind_of(name) for name in builtin.parties)
    assert all(kinds[kind] >= 40 for kind in MentionKind)
    for name in (
        "Israel",
        "Qatar",
        "Egypt",
        "United States",
        "Hamas",
        "Palestinian Islamic Jihad",
        "Hezbollah",
        "Houthis",
        "Israel Defense Forces",
        "UNRWA",
        "International Committee of the Red Cross",
        "Ismail Haniyeh",
        "Yahya Sinwar",
        "Benjamin Netanyahu",
        "William Burns",
        "AFP",
        "Al Jazeera",
        "Kerem Shalom",
        "Be'eri",
        "Khan Younis",
    ):
        assert name in builtin, name


def test_builtin_affiliations_are_parties(builtin: Gazetteer) -> None:
    """Every affiliation names a party of the gazetteer; every person has one."""
    for name in builtin.parties:
        affiliation = builtin.affiliation_of(name)
        assert affiliation is None or affiliation in builtin, (name, affiliation)
        if builtin.kind_of(name) is MentionKind.PERSON:
            assert affiliation is not None, name


def test_builtin_no_form_claimed_twice() -> None:
    """No alias belongs to two parties, nor is both an alias and a stop-phrase."""
    data = _raw_builtin()
    parties = data["parties"]
    stops = data["stop_phrases"]
    assert isinstance(parties, list)
    assert isinstance(stops, list)
    owner: dict[str, str] = {}
    for party in parties:
        forms = {party["name"], *party.get("aliases", []), *party.get("demonyms", [])}
        for form in forms | set(party.get("metonyms", [])) | set(party.get("cities", [])):
            assert owner.setdefault(form, party["name"]) == party["name"], form
    assert not set(owner) & set(stops)


def test_gazetteer_lookups(builtin: Gazetteer) -> None:
    """kind_of/affiliation_of/entry accept a canonical name or a surface form."""
    assert builtin.kind_of("Ismail Haniyeh") is MentionKind.PERSON
    assert builtin.affiliation_of("Haniya") == "Hamas"
    assert builtin.affiliation_of("Netanyahu") == "Israel"
    assert builtin.kind_of("Doha") is MentionKind.STATE
    assert builtin.entry("Doha").name == "Qatar"
    assert builtin.kind_of("Washington Post") is MentionKind.MEDIA
    assert builtin.affiliation_of("Qatar") is None
    with pytest.raises(KeyError):
        builtin.kind_of("Atlantis")
    with pytest.raises(KeyError):
        builtin.entry("Michael Jordan")


def test_gazetteer_is_immutable(builtin: Gazetteer) -> None:
    """The tables cannot be changed after loading."""
    with pytest.raises(TypeError):
        builtin.surfaces["Hamas"] = None  # type: ignore[index]
    with pytest.raises(AttributeError):
        builtin.extra = 1  # type: ignore[attr-defined]
    assert isinstance(builtin.parties, tuple)


def test_gazetteer_rejects_unknown_party_in_surfaces() -> None:
    """Building a gazetteer whose forms name a missing party is a programming error."""
    entry = PartyEntry("Hamas", MentionKind.ORGANIZATION, None, ("Hamas",))
    with pytest.raises(ValueError, match="unknown parties"):
        Gazetteer({"Hamas": entry}, {"Hamas": "Hamas", "PIJ": "Palestinian Islamic Jihad"})


def test_load_gazetteer_user_file_extends(tmp_path: Path) -> None:
    """A user file adds parties, aliases to known parties, and stop-phrases."""
    user = _write(
        tmp_path / "parties.json",
        {
            "parties": [
                {"name": "Hashem Ahlbara", "kind": "person", "affiliation": "Al Jazeera"},
                {"name": "Hamas", "aliases": ["Hamās"]},
                {"name": "Kan", "kind": "media", "aliases": ["Kan Eleven"]},
            ],
            "stop_phrases": ["Burns"],
        },
    )
    gazetteer = load_gazetteer([user])
    assert gazetteer.affiliation_of("Hashem Ahlbara") == "Al Jazeera"
    assert gazetteer.entry("Hamās").name == "Hamas"
    assert gazetteer.kind_of("Hamas") is MentionKind.ORGANIZATION
    assert gazetteer.entry("Kan Eleven").name == "Kan"
    assert gazetteer.surfaces["Burns"] is None
    assert gazetteer.entry("William Burns").name == "William Burns"
    assert len(gazetteer) == len(load_gazetteer()) + 1


def test_load_gazetteer_later_file_overrides(tmp_path: Path) -> None:
    """A later file's kind and affiliation replace the earlier ones; its forms win."""
    first = _write(tmp_path / "a.json", {"parties": [{"name": "Kan", "kind": "organization"}]})
    second = _write(
        tmp_path / "b.json",
        {"parties": [{"name": "Gaza City", "kind": "place", "aliases": ["Gaza"]}]},
    )
    gazetteer = load_gazetteer([first, second])
    assert gazetteer.kind_of("Kan") is MentionKind.ORGANIZATION
    assert gazetteer.entry("Gaza").name == "Gaza City"


def test_demonym_acts_says_whether_a_demonym_names_the_party_acting(tmp_path: Path) -> None:
    """ "Palestinian officials said" is no mention of Palestine (its demonym describes people
    and their own authorities); "Israeli officials said" is Israel. A user file can change
    it, and leaves it as it was when silent; anything but true or false is refused."""
    sentence = "Palestinian officials said Israeli officials said nothing."
    found = {(m.text, m.party) for m in find_article_mentions("", [sentence])}
    assert ("Israeli", "Israel") in found
    assert not any(party == "Palestine" for _text, party in found)
    ministry = find_article_mentions("", ["The Palestinian Health Ministry said 20 died."])
    assert [(m.text, m.kind) for m in ministry] == [
        ("Palestinian Health Ministry", MentionKind.ORGANIZATION)
    ]

    acting = _write(tmp_path / "a.json", {"parties": [{"name": "Palestine", "demonym_acts": True}]})
    silent = _write(tmp_path / "s.json", {"parties": [{"name": "Palestine", "aliases": ["PS"]}]})
    assert load_gazetteer([acting]).entry("Palestine").demonym_acts
    assert not load_gazetteer([silent]).entry("Palestine").demonym_acts
    assert any(
        m.party == "Palestine"
        for m in find_article_mentions("", [sentence], load_gazetteer([acting]))
    )
    wrong = _write(tmp_path / "w.json", {"parties": [{"name": "Palestine", "demonym_acts": "no"}]})
    with pytest.raises(GazetteerError, match="demonym_acts"):
        load_gazetteer([wrong])


def test_load_gazetteer_normalises_spaces(tmp_path: Path) -> None:
    """Names and forms are stored with single spaces, whatever the file has."""
    user = _write(
        tmp_path / "p.json",
        {"parties": [{"name": " Hashem  Ahlbara ", "kind": "person", "aliases": ["H.\tAhlbara"]}]},
    )
    gazetteer = load_gazetteer([user])
    assert "Hashem Ahlbara" in gazetteer
    assert gazetteer.entry("H. Ahlbara").name == "Hashem Ahlbara"


def test_load_gazetteer_missing_user_file_is_skipped(tmp_path: Path) -> None:
    """The user's parties.json is optional: a missing file changes nothing."""
    assert not default_paths().parties_file.exists()
    gazetteer = load_gazetteer([default_paths().parties_file, tmp_path / "none.json"])
    assert gazetteer.parties == load_gazetteer().parties


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "top level is not an object"),
        ('{"parties": {}}', '"parties" is not a list'),
        ('{"parties": [], "stop": []}', "unknown key"),
        ('{"parties": ["Hamas"]}', "is not an object"),
        ('{"parties": [{"kind": "state"}]}', 'no "name"'),
        ('{"parties": [{"name": "X", "kind": "country"}]}', '"kind" is'),
        ('{"parties": [{"name": "Newparty"}]}', 'has no "kind"'),
        ('{"parties": [{"name": "X", "kind": ["state"]}]}', '"kind" is'),
        (
            '{"parties": [{"name": "X", "kind": "state", "aliases": "Y"}]}',
            '"aliases" is not a list',
        ),
        (
            '{"parties": [{"name": "X", "kind": "state", "aliases": [""]}]}',
            '"aliases" is not a list',
        ),
        ('{"parties": [{"name": "X", "kind": "state", "affiliation": 3}]}', '"affiliation"'),
        ('{"parties": [{"name": "X", "kind": "state", "alias": []}]}', "unknown key"),
        ('{"stop_phrases": [1]}', '"stop_phrases" is not a list'),
    ],
)
def test_load_gazetteer_malformed_user_file(tmp_path: Path, content: str, problem: str) -> None:
    """A malformed file raises GazetteerError naming the file and the problem, with a hint."""
    path = tmp_path / "parties.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GazetteerError) as caught:
        load_gazetteer([path])
    assert isinstance(caught.value, NewsdeskError)
    assert str(path) in caught.value.message
    assert problem in caught.value.message
    assert caught.value.hint


def test_load_gazetteer_not_utf8(tmp_path: Path) -> None:
    """A file in another encoding is a GazetteerError, not a UnicodeDecodeError."""
    path = tmp_path / "parties.json"
    path.write_bytes('{"parties": [{"name": "Türkiye"}]}'.encode("utf-16"))
    with pytest.raises(GazetteerError, match="not UTF-8"):
        load_gazetteer([path])


def test_load_gazetteer_unreadable_path(tmp_path: Path) -> None:
    """A directory in place of the file is a GazetteerError, not an OSError."""
    path = tmp_path / "parties.json"
    path.mkdir()
    with pytest.raises(GazetteerError, match="cannot be read"):
        load_gazetteer([path])


def test_surface_variants_spellings() -> None:
    """Article, hyphen, apostrophe, accent and plural variants are generated."""
    assert {"Al-Qassam Brigades", "al Qassam Brigades", "Al Qassam Brigades"} <= surface_variants(
        "al-Qassam Brigades"
    )
    assert "Erdogan" in surface_variants("Erdoğan")
    assert "Ben Gvir" in surface_variants("Ben-Gvir")
    assert "Be’eri" in surface_variants("Be'eri")
    assert "Qataris" in surface_variants("Qatari", plural=True)
    assert "Britishs" not in surface_variants("British", plural=True)
    assert "Qataris" not in surface_variants("Qatari")
    assert "Frenchmans" not in surface_variants("Frenchman", plural=True)
    assert "Hamas" not in surface_variants("Hamas")


def test_gazetteer_cities_name_their_party_and_themselves(builtin: Gazetteer) -> None:
    """A capital names its state ("Doha" -> Qatar) and keeps its own name as a place; the
    upper-case dateline form is generated ("BANGKOK:")."""
    assert builtin.entry("Doha").name == "Qatar"
    assert builtin.cities["Doha"] == "Doha"
    assert builtin.cities["DOHA"] == "Doha"
    assert builtin.entry("BANGKOK").name == "Thailand"
    assert builtin.cities["BANGKOK"] == "Bangkok"
    assert builtin.cities["Tel Aviv"] == "Tel Aviv"
    assert "Kremlin" not in builtin.cities
    assert not set(builtin.cities) & {f for f, name in builtin.surfaces.items() if name is None}


def test_gazetteer_form_roles(builtin: Gazetteer) -> None:
    """Demonyms (with their plurals) and seats are told apart from names."""
    assert builtin.is_demonym("Thai")
    assert builtin.is_demonym("Palestinians")
    assert not builtin.is_demonym("Thailand")
    assert builtin.demonyms_of("Thailand") == ("Thai",)
    assert builtin.is_metonym("Kremlin")
    assert builtin.is_metonym("Downing Street")
    assert not builtin.is_metonym("White House")  # an agency of its own (GUIDELINES)
    assert not builtin.is_metonym("Doha")
    assert not builtin.is_metonym("Russia")


def test_load_gazetteer_user_cities(tmp_path: Path) -> None:
    """A user file may give a party's cities; they name the party and themselves."""
    user = _write(
        tmp_path / "parties.json",
        {"parties": [{"name": "Thailand", "cities": ["Chiang Mai"]}]},
    )
    gazetteer = load_gazetteer([user])
    assert gazetteer.entry("Chiang Mai").name == "Thailand"
    assert gazetteer.cities["CHIANG MAI"] == "Chiang Mai"


def test_surface_variants_spaced_initials() -> None:
    """Initials written with spaces ("U. S.", "U. N.") are variants of "U.S." and "U.N."."""
    assert "U. S." in surface_variants("U.S.")
    assert "U. N. Security Council" in surface_variants("U.N. Security Council")


def test_surface_variants_title_case_as_headlines_write_it() -> None:
    """ "Israeli forces" is also "Israeli Forces"; small words and names stay as written."""
    assert "Israeli Forces" in surface_variants("Israeli forces")
    assert "Hamas-Run Health Ministry" in surface_variants("Hamas-run health ministry")
    assert "Ministry of Health" in surface_variants("Ministry of health")
    assert "Israel's Military" in surface_variants("Israel's military")


def test_headline_agency_in_title_case_is_the_agency() -> None:
    """ "Israeli Forces Move to Cut Gaza in Two" names the IDF, as "Israeli forces" would."""
    mentions = find_article_mentions("Israeli Forces Move to Cut Gaza in Two", [])
    assert ("Israeli Forces", "Israel Defense Forces") in [(m.text, m.party) for m in mentions]
    radio = find_article_mentions("", ["Israel's Army Radio said three died."])
    assert [(m.text, m.kind) for m in radio] == [("Israel's Army Radio", MentionKind.MEDIA)]
