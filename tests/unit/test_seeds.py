"""Every bundled seed, parsed and checked as a careful reader would read it."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from index.models import Article, PublishedHow

SPUTNIK_URL = (
    "https://sputnikglobe.com/20240421/hamas-politburo-chief-says-wants-to-see-russia-among-"
    "security-guarantors-for-gaza-strip-1118038663.html"
)
MINUTO_URL = (
    "https://www.noticiasaominuto.com/mundo/2498195/hamas-ainda-aberto-a-um-acordo-de-cessar-fogo"
)
LEAKS = re.compile(
    r"@|https?://|Leave a Reply|See also|Also Read|Read Also|Source:|En esta categoría|"
    r"Tu dirección|\d{4}-\d\d-\d\dT\d\d:\d\d|1920 1080 true|en_EN|Your email address|"
    r"\(Sputnik\)|\(Photo:|Sputnik International|^A A |\. \.$",
)


def test_seed_000_metadata_from_header_line(seed_articles: dict[str, Article]) -> None:
    """Seed 000: the header line gives the stated date and URL; the domain gives Sputnik."""
    article = seed_articles["000"]
    assert article.title == (
        "Hamas Politburo Chief Says Wants to See Russia Among Security Guarantors for Gaza Strip"
    )
    assert article.published == date(2024, 4, 21)
    assert article.published_how is PublishedHow.STATED
    assert article.source == "Sputnik"
    assert article.url == SPUTNIK_URL
    assert article.tags == (
        "palestine-israel conflict",
        "palestine",
        "ismail haniyeh",
        "israel",
        "gaza strip",
        "qatar",
        "hamas",
        "hamas politburo chief",
        "palestinian movement hamas",
    )


def test_seed_000_body_is_lead_and_long_paragraph(seed_articles: dict[str, Article]) -> None:
    """Seed 000: the repeated title and every metadata line are gone; two paragraphs stay."""
    paragraphs = seed_articles["000"].paragraphs
    assert len(paragraphs) == 2
    assert paragraphs[0] == (
        "Ismail Haniyeh, the chief of the political office of the Palestinian movement Hamas, "
        "said on Sunday he would like to see Russia, along with Egypt, Turkey and Qatar, among "
        "the guarantors of security for the Gaza Strip."
    )
    assert paragraphs[1].startswith("In early February, Turkish newspaper Sabah reported")
    assert paragraphs[1].endswith(
        "saying it would present its own plan for a permanent end to the conflict in the region."
    )


def test_seed_001_tag_line_then_title_and_dateline(seed_articles: dict[str, Article]) -> None:
    """Seed 001: the first line is tags, the second the title; the dateline has no year."""
    article = seed_articles["001"]
    assert article.title == "Proximity of a truce between Hamas and Israel"
    assert article.tags == (
        "israel",
        "hamas",
        "palestine",
        "gaza",
        "truce",
        "ceasefire",
        "resistance",
    )
    assert article.published is None
    assert article.published_how is PublishedHow.UNKNOWN
    assert article.dateline == "Moscow, Nov 21.-"
    assert article.url is None
    # The closing "(Sputnik)" is the agency credit of the text itself (Sputnik's Spanish
    # service signs its dispatches so, with a "Moscow, <date>.-" dateline): the publisher.
    assert article.source == "Sputnik"
    assert len(article.paragraphs) == 7
    assert article.paragraphs[0].startswith(
        "Moscow, Nov 21.- Hamas (Islamic Resistance Movement) and Israel are close to reaching"
    )
    assert article.paragraphs[-1] == (
        "He highlighted that several visits will be made, particularly to the permanent members "
        "of the UN Security Council. In addition, the contact group plans to hold meetings in "
        "London and Paris."
    )


def test_seed_002_hashtags_and_no_publisher(seed_articles: dict[str, Article]) -> None:
    """Seed 002: hashtags become tags; AFP is cited, not the publisher, so no outlet."""
    article = seed_articles["002"]
    assert (
        article.title == "Ceasefire talks between Hamas and Israel in Cairo ended without a result"
    )
    assert article.tags == ("ceasefire", "talks", "hamas", "israel", "cairo", "ended", "result")
    assert article.published is None
    assert article.published_how is PublishedHow.UNKNOWN
    assert article.source is None
    assert article.url is None
    assert len(article.paragraphs) == 6
    assert article.paragraphs[0].startswith(
        "Ceasefire negotiations between the radical Palestinian movement Hamas and Israel ended"
    )
    assert article.paragraphs[-1].endswith(
        "and Israeli operations must be stopped,” the Elysee Palace added."
    )


def test_seed_003_section_label_stripped_and_subheads_kept(
    seed_articles: dict[str, Article],
) -> None:
    """Seed 003: "Gaza News" label off the title; subheadings stay; Al Jazeera is only cited."""
    article = seed_articles["003"]
    assert article.title == (
        "Hamas head in Cairo as momentum grows toward new truce talks between Israel and Hamas"
    )
    assert article.source is None
    assert article.published is None
    assert article.published_how is PublishedHow.UNKNOWN
    assert article.tags == ()
    assert len(article.paragraphs) == 24
    assert article.paragraphs[0] == (
        "The visit comes as the Israeli government indicates it is open to another truce, but "
        "major sticking points remain."
    )
    assert "“Positive” indicators." in article.paragraphs
    assert "“Different interpretations”" in article.paragraphs
    assert article.paragraphs[-1] == (
        "However, Ahlbara noted that there are “strong indications that there is pressure from "
        "all parties to reach an agreement” in the coming days."
    )


def test_seed_004_untitled_body_source_line(seed_articles: dict[str, Article]) -> None:
    """Seed 004: no headline (first sentence), drop cap repaired, outlet from Source:."""
    article = seed_articles["004"]
    assert article.title == (
        "A new round of negotiations between Hamas and the Israelis, with the mediation of Egypt…"
    )
    assert len(article.title) <= 91
    assert article.source == "Notícias ao Minuto"
    assert article.url == MINUTO_URL
    assert article.published is None  # the URL path (/mundo/2498195/...) holds no date
    assert article.published_how is PublishedHow.UNKNOWN
    assert len(article.paragraphs) == 11
    assert article.paragraphs[0] == (
        "A new round of negotiations between Hamas and the Israelis, with the mediation of Egypt "
        "and Qatar, is expected to begin this morning in Cairo, the Hamas official told the "
        "France-Presse (AFP) news agency, on condition of anonymity."
    )
    assert article.paragraphs[-1] == (
        "In response, Israel launched an offensive in the Gaza Strip that caused 27,840 deaths, "
        "the vast majority of them women, children and teenagers, according to the Hamas "
        "Ministry of Health."
    )


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_no_boilerplate_leaks(seed_articles: dict[str, Article], prefix: str) -> None:
    """No cleaned paragraph of any seed carries boilerplate, and the raw text is kept."""
    article = seed_articles[prefix]
    leaked = [p for p in article.paragraphs if LEAKS.search(p)]
    assert leaked == []
    assert all(p == p.strip() and p for p in article.paragraphs)
    assert article.raw.startswith(Path(article.path).read_text(encoding="utf-8")[:40])
    assert len(article.content_hash) == 64
