"""Tests for index.extract.name_links: short forms tied to the article's full names."""

from __future__ import annotations

from index.extract.candidates import Candidate, FormRole
from index.extract.name_links import link_names
from index.extract.parties import find_article_mentions
from index.models import MentionKind

PERSON = MentionKind.PERSON
ORG = MentionKind.ORGANIZATION


def people(title: str, *paragraphs: str) -> list[tuple[int | None, str, str]]:
    """(paragraph, text, canonical name) of each person mentioned in the article."""
    return [
        (m.paragraph, m.text, m.party)
        for m in find_article_mentions(title, paragraphs)
        if m.kind is PERSON
    ]


def test_link_names_surname_and_given_name() -> None:
    """A surname ("Mr Udomporn") or a given name standing alone ("Rajesh was …") is the
    person named in full earlier."""
    found = people(
        "",
        '"They stormed our farm," Udomporn Champahom told the BBC.',
        "Mr Udomporn was later rescued by soldiers.",
        "One victim was 27-year-old Rajesh Kumar Swarnakar, whose family are mourning.",
        "Rajesh was a final year agriculture student.",
    )
    assert found == [
        (0, "Udomporn Champahom", "Udomporn Champahom"),
        (1, "Udomporn", "Udomporn Champahom"),
        (2, "Rajesh Kumar Swarnakar", "Rajesh Kumar Swarnakar"),
        (3, "Rajesh", "Rajesh Kumar Swarnakar"),
    ]


def test_link_names_shared_surname_goes_to_the_nearest_before() -> None:
    """Two Lifschitzes: "Ms Lifschitz" is the one named in full nearest before it."""
    found = people(
        "",
        "The women have been named as Nurit Cooper, 79, and Yocheved Lifschitz, 85.",
        "Ms Lifschitz's daughter, Sharone Lifschitz, said it was incredible.",
        "Sharone has faith the conflict will end.",
        "Yocheved Lifschitz can be heard identifying herself.",
        "Ms Lifschitz's husband Oded, 83, is still held. Ms Cooper's husband is too.",
    )
    assert [(p, t, n) for p, t, n in found if "Lifschitz" in n or "Cooper" in n] == [
        (0, "Nurit Cooper", "Nurit Cooper"),
        (0, "Yocheved Lifschitz", "Yocheved Lifschitz"),
        (1, "Lifschitz", "Yocheved Lifschitz"),
        (1, "Sharone Lifschitz", "Sharone Lifschitz"),
        (2, "Sharone", "Sharone Lifschitz"),
        (3, "Yocheved Lifschitz", "Yocheved Lifschitz"),
        (4, "Lifschitz", "Yocheved Lifschitz"),
        (4, "Cooper", "Nurit Cooper"),
    ]


def test_link_names_headline_takes_the_first_full_name() -> None:
    """A surname in the headline (read first) is the first person named in full after it."""
    found = people(
        "Tawil killed in drone strike, says Hezbollah",
        "Senior commander Wissam Tawil was killed in southern Lebanon.",
    )
    assert found[0] == (None, "Tawil", "Wissam Tawil")


def test_link_names_word_inside_another_name_is_not_linked() -> None:
    """ "Mohammed" in "Mohammed Abu Selmia" is not Mohammed Zaqout; a word that repeats no
    full name is nobody."""
    found = people(
        "",
        "Mohammed Zaqout, the head of the hospitals, said 35 people were killed.",
        "Mohammed Abu Selmia arrived later. Zaqout added that Karim had left.",
    )
    assert found == [
        (0, "Mohammed Zaqout", "Mohammed Zaqout"),
        (1, "Zaqout", "Mohammed Zaqout"),
    ]


def test_link_names_ambiguous_short_form_links_nobody() -> None:
    """ "Mr Rapoport" before two Rapoports named in full is neither of them."""
    found = people(
        "",
        "Mr Rapoport, known as Yoni, was killed.",
        "Noelle Rapoport, his mother, said he was loved.",
        "Adam Rapoport, his brother, described him as great.",
    )
    assert found[0] == (0, "Rapoport", "Rapoport")


def test_link_names_cued_word_finds_its_full_name() -> None:
    """ "Mr El-Nakla" makes "Elizabeth El-Nakla" (seen without a cue) a full name."""
    found = people(
        "",
        "Elizabeth El-Nakla and her husband escaped Gaza via the crossing.",
        "Mr El-Nakla's mother had a stroke in March.",
    )
    assert found == [
        (0, "Elizabeth El-Nakla", "Elizabeth El-Nakla"),
        (1, "El-Nakla", "Elizabeth El-Nakla"),
    ]


def test_link_names_weak_name_with_a_common_word_is_dropped() -> None:
    """A name shown only by its verb is no person when a word of it is common in the article
    ("Wizz Air said" where air strikes are reported)."""
    found = people("", "Wizz Air said it would resume flights.", "The air strikes went on.")
    assert found == []


def test_link_names_acronym_recurs() -> None:
    """An acronym defined after an organisation names it wherever it recurs."""
    mentions = find_article_mentions(
        "DCI condemns the strike",
        ["Defence for Children International (DCI) said.", "DCI counts 40 children."],
    )
    assert [(m.paragraph, m.text, m.party, m.kind) for m in mentions] == [
        (None, "DCI", "Defence for Children International", ORG),
        (0, "Defence for Children International", "Defence for Children International", ORG),
        (0, "DCI", "Defence for Children International", ORG),
        (1, "DCI", "Defence for Children International", ORG),
    ]


def test_link_names_changes_fields_in_place() -> None:
    """link_names ties a cued short form in the candidates' lists it is given."""
    text_a = "Hen Avigdori, whose wife was taken"
    text_b = "Mr Avigdori said"
    full = Candidate(0, 12, "Hen Avigdori", PERSON, None, FormRole.FULL_NAME)
    short = Candidate(3, 11, "Avigdori", PERSON, None, FormRole.SHORT_NAME)
    fields: list[tuple[int | None, str, list[Candidate]]] = [
        (0, text_a, [full]),
        (1, text_b, [short]),
    ]
    link_names(fields)
    assert (short.party, short.role) == ("Hen Avigdori", FormRole.LINKED)
