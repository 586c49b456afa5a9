"""Boilerplate removal, tag extraction and paragraph repairs (general rules)."""

from __future__ import annotations

import pytest

from index.parse.clean import clean_paragraphs, repair, strip_credits, tags_of_line
from index.parse.outlets import default_outlets

BODY = "The talks resumed on Thursday in Cairo, officials said, after a week-long pause."


@pytest.mark.parametrize(
    "line",
    [
        "https://example.com/2024/01/01/story.html",
        "feedback@example.com",
        "+1 202 555 0143",
        "1920 1080 true",
        "2024",
        "en_EN",
        "World",
        "News",
        "2024-04-21T08:17+0000",
        "See also  A story about something else entirely | Other news",
        "Also Read: Another unrelated story",
        "Read Also: Army detained two suspects",
        "Read more",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
        "Tu dirección de correo no será publicada *",
        "Deja una respuesta",
        "Deixe um comentário",
        "O seu endereço de email não será publicado.",
        "Laisser un commentaire",
        "Votre adresse e-mail ne sera pas publiée.",
        "En esta categoría",
        "Example Daily feedback@example.com +74956456601 Example Media Group 252 60",
        "By Jane Smith",
        "Photo: Reuters",
        "Points: 52",
        "Article URL: https://example.com/x",
        "The post Something happened appeared first on Example Blog.",
        "© 2024 Example Media",
    ],
)
def test_clean_paragraphs_drops_boilerplate(line: str) -> None:
    """Each boilerplate line is dropped and the body paragraph kept."""
    cleaned = clean_paragraphs([BODY, line], default_outlets())
    assert cleaned.paragraphs == [BODY]


@pytest.mark.parametrize(
    ("line", "tags"),
    [
        (
            "Israel, Hamas, Palestine, Gaza, truce",
            ["Israel", "Hamas", "Palestine", "Gaza", "truce"],
        ),
        ("#Ceasefire #talks #Hamas", ["Ceasefire", "talks", "Hamas"]),
        ("palestine-israel conflict", ["palestine-israel conflict"]),
        ("hamas politburo chief, ismail haniyeh", ["hamas politburo chief", "ismail haniyeh"]),
    ],
)
def test_tags_of_line_recognises_tag_lists(line: str, tags: list[str]) -> None:
    """Comma lists, hashtags and lower-case keyword lines are tag lists."""
    assert tags_of_line(line) == tags


@pytest.mark.parametrize(
    "line",
    [
        "Israel, Egypt and Qatar met on Sunday.",
        "Proximity of a truce between Hamas and Israel",
        "Israel, Hamas agree truce, hostages freed in exchange for prisoners",
        "“Different interpretations”",
    ],
)
def test_tags_of_line_leaves_sentences_and_headlines(line: str) -> None:
    """Sentences, headlines and subheadings are not tag lists."""
    assert tags_of_line(line) is None


def test_clean_paragraphs_tags_are_lowercase_and_deduplicated() -> None:
    """Tags from several lines are lower-cased and deduplicated in order."""
    lines = [BODY, "Gaza, Hamas, Israel", "hamas", "#Gaza #Truce"]
    assert clean_paragraphs(lines, default_outlets()).tags == ["gaza", "hamas", "israel", "truce"]


def test_clean_paragraphs_header_metadata_line() -> None:
    """A header line of a date and a URL becomes a stated date and the article URL."""
    cleaned = clean_paragraphs([" date 2024-04-21 https://ex.com/a", BODY], default_outlets())
    assert cleaned.paragraphs == [BODY]
    assert cleaned.dates == ["2024-04-21"]
    assert cleaned.header_urls == ["https://ex.com/a"]


def test_clean_paragraphs_source_line_keeps_url_and_outlet() -> None:
    """A "Source:" line is dropped but its URL and outlet are kept."""
    cleaned = clean_paragraphs(
        [BODY, "Source: https://www.aljazeera.com/news/x"], default_outlets()
    )
    assert cleaned.paragraphs == [BODY]
    assert cleaned.source_urls == ["https://www.aljazeera.com/news/x"]


def test_clean_paragraphs_contact_block_and_name_line_hint_outlet() -> None:
    """An outlet's name line or contact block is dropped and hints the outlet."""
    lines = [BODY, "Sputnik International", "Sputnik International feedback@x.com +7495645660"]
    cleaned = clean_paragraphs(lines, default_outlets())
    assert cleaned.paragraphs == [BODY]
    assert cleaned.outlet_hints == ["Sputnik", "Sputnik"]


def test_clean_paragraphs_keeps_subheadings() -> None:
    """Short subheadings in quotes are kept as paragraphs."""
    lines = [BODY, "“Positive” indicators.", "“Different interpretations”", BODY]
    assert clean_paragraphs(lines, default_outlets()).paragraphs == lines


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A A new round began.", "A new round began."),
        ("T The talks began.", "The talks began."),
        ("on condition of anonymity. .", "on condition of anonymity."),
        (
            "rounds of negotiations , explained the source.",
            "rounds of negotiations, explained the source.",
        ),
        ("A man said so. A car passed.", "A man said so. A car passed."),
        ("****** WHITE HOUSE SAYS", "WHITE HOUSE SAYS"),
    ],
)
def test_repair_fixes_extraction_artifacts(text: str, expected: str) -> None:
    """Duplicated drop caps, stray " ." and " ," and decoration runs are repaired."""
    assert repair(text) == expected


def test_strip_credits_takes_agency_and_photo_credit() -> None:
    """Trailing "(Agency) (Photo: X)" credits are removed; the agency is returned."""
    text, agencies = strip_credits("They met in Paris. (Sputnik) (Photo: AP)", default_outlets())
    assert (text, agencies) == ("They met in Paris.", ["Sputnik"])


def test_strip_credits_keeps_ordinary_parentheses() -> None:
    """A trailing parenthesis that is no credit stays."""
    text = "The Organization of Islamic Cooperation met. (It meets yearly.)"
    assert strip_credits(text, default_outlets()) == (text, [])


@pytest.mark.parametrize(
    "line",
    [
        "Read Full Article at Example.com",
        "Israel-Hamas war – live updates",
        "• Israel and Hamas at war – live updates",
        "See all our Israel-Gaza war coverage",
        "Get our morning and afternoon news emails, free app or daily news podcast",
        "Warning: This article contains details that some may find distressing",
        "Leer más",
        '<a href="https://www.ex',
    ],
)
def test_clean_paragraphs_drops_feed_promotions(line: str) -> None:
    """Feed promotions, live-blog links and cut-off tags are dropped."""
    assert clean_paragraphs([BODY, line], default_outlets()).paragraphs == [BODY]


def test_repair_removes_tag_cut_off_at_end() -> None:
    """A feed summary cut inside a tag loses the fragment."""
    assert repair('They met on Sunday. <a href="https://ex') == "They met on Sunday."


def test_clean_paragraphs_timeline_date_subheading_kept() -> None:
    """A human-readable date deep in the body is a subheading, not publication metadata."""
    lines = ["Headline", BODY, BODY + " More.", "October 7, 2023", BODY + " Again."]
    cleaned = clean_paragraphs(lines, default_outlets())
    assert "October 7, 2023" in cleaned.paragraphs
    assert cleaned.dates == []


def test_clean_paragraphs_timestamp_line_anywhere_is_metadata() -> None:
    """A machine timestamp on its own line is a stated date wherever it is."""
    lines = ["Headline", BODY, BODY + " More.", "2024-04-21T08:17+0000"]
    cleaned = clean_paragraphs(lines, default_outlets())
    assert cleaned.dates == ["2024-04-21T08:17+0000"]
    assert len(cleaned.paragraphs) == 3


@pytest.mark.parametrize(
    ("broken", "repaired"),
    [
        ("Some 1. 7 million people have fled.", "Some 1.7 million people have fled."),
        ("Prices rose 2. 5 percent.", "Prices rose 2.5 percent."),
        ("The U. S. and the U. N. agreed.", "The U.S. and the U.N. agreed."),
        ("He was 1. The next day he left.", "He was 1. The next day he left."),
    ],
)
def test_repair_joins_scraped_decimals_and_initials(broken: str, repaired: str) -> None:
    """ "1. 7 million" is 1.7 million and "U. S." is "U.S."; a real full stop stays."""
    assert repair(broken) == repaired


def test_clean_paragraphs_joins_a_paragraph_cut_after_an_abbreviation() -> None:
    """A scraper's break after "Oct." joins the next line that starts with its number."""
    cleaned = clean_paragraphs(
        ["Hamas has held them since Oct.", "7 attacks on southern Israel shocked the world."],
        default_outlets(),
    )
    assert cleaned.paragraphs == [
        "Hamas has held them since Oct. 7 attacks on southern Israel shocked the world."
    ]


@pytest.mark.parametrize(
    ("glued", "repaired"),
    [
        ("killed on 7 October.Ayesha Abbasi said", "killed on 7 October. Ayesha Abbasi said"),
        ('"We are afraid," they said."The army', '"We are afraid," they said." The army'),
        ("since 2023.The war", "since 2023. The war"),
        ("the U.S.Army and bbc.co.uk/News", "the U.S.Army and bbc.co.uk/News"),
    ],
)
def test_repair_parts_sentences_scraped_together(glued: str, repaired: str) -> None:
    """A full stop between a lower-case word and a capitalised one gets its space back;
    initials and addresses stay as they are."""
    assert repair(glued) == repaired


def test_repair_removes_a_spelt_out_end_marker_only() -> None:
    """A letter-by-letter marker at the end goes; hyphenated words and initials stay."""
    assert (
        repair("Hospital strike kills hundreds T-I-T-L-E-E-N-D.")
        == "Hospital strike kills hundreds"
    )
    assert (
        repair("Hospital strike kills hundreds T-I-T-L-E-E-N-D") == "Hospital strike kills hundreds"
    )
    assert repair("The A-B-C test was run.") == "The A-B-C test was run."
    assert repair("He met the U-N-R-W-A team.") == "He met the U-N-R-W-A team."


@pytest.mark.parametrize(
    ("paragraph", "repaired"),
    [
        (
            "Tears of Gaza father who lost 103 relativesHamas hostages: Stories of the people",
            "Tears of Gaza father who lost 103 relatives. Hamas hostages: Stories of the people",
        ),
        ("more externalPlease read", "more external. Please read"),
        ("WhatsApp and LinkedIn users on an iPhone", "WhatsApp and LinkedIn users on an iPhone"),
        ("al-Qassam and eBay and macOS", "al-Qassam and eBay and macOS"),
    ],
)
def test_repair_unglues_headings_scraped_together(paragraph: str, repaired: str) -> None:
    """A lower-case word running into a capitalised one gets a stop; brand names do not."""
    assert repair(paragraph) == repaired


@pytest.mark.parametrize(
    ("paragraph", "repaired"),
    [
        (
            "United StatesAt least 25 Americans have been killed, Secretary of State Antony"
            " Blinken said.",
            "United States. At least 25 Americans have been killed, Secretary of State Antony"
            " Blinken said.",
        ),
        (
            "UkraineOleg Nikolenko, a spokesman for Ukraine's Foreign Ministry, said",
            "Ukraine. Oleg Nikolenko, a spokesman for Ukraine's Foreign Ministry, said",
        ),
        ("PeruPeru's Foreign Ministry said Tuesday", "Peru. Peru's Foreign Ministry said Tuesday"),
        # Only a whole place name that opens the paragraph: brands and names stay.
        ("YouTube said it removed the videos.", "YouTube said it removed the videos."),
        ("Ms Deborah MatiasDeborah said", "Ms Deborah MatiasDeborah said"),
        ("He flew to PeruPeru's capital.", "He flew to PeruPeru's capital."),
    ],
)
def test_repair_unglues_a_place_heading_from_its_paragraph(paragraph: str, repaired: str) -> None:
    """A country-by-country list whose headings lost their line breaks: the state's name that
    opens the paragraph gets a stop after it."""
    assert repair(paragraph) == repaired


def test_repair_joins_a_clock_broken_by_scraping() -> None:
    """ "by 7 p. m. local time" is 7 p.m. (so the 7 is a time, not a count)."""
    assert repair("187 had entered Gaza by 7 p. m. local time.") == (
        "187 had entered Gaza by 7 p.m. local time."
    )


@pytest.mark.parametrize(
    ("line", "repaired"),
    [
        (
            "Mourners at the funeral in Kibbutz Ruhama.RONEN ZVULUN/Reuters 17 of 24.",
            "Mourners at the funeral in Kibbutz Ruhama.RONEN ZVULUN/Reuters",
        ),
        (
            "In Khan Yunis on Oct 14, 2023.MAHMUD HAMS/AFP/Getty Images 13 of 32.",
            "In Khan Yunis on Oct 14, 2023.MAHMUD HAMS/AFP/Getty Images",
        ),
        ("The toll reached 10 of 24.", "The toll reached 10 of 24."),
    ],
)
def test_repair_drops_a_photo_gallery_counter_after_a_credit(line: str, repaired: str) -> None:
    """ "…GORAN TOMASEVIC/The Globe and Mail 10 of 24.": a gallery's counter, no figure."""
    assert repair(line) == repaired
