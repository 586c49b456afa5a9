"""parse_document: one SourceDocument -> one cleaned Article."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from index.models import ArticleId, PublishedHow, SourceDocument
from index.parse.document import parse_document, split_text
from index.parse.outlets import default_outlets, load_outlets
from index.readers import read_documents

LEAD = "Negotiators met again on Thursday in Cairo, officials said, as pressure grew."
SECOND = "The proposal provides for a pause in fighting and an exchange of prisoners."


def test_parse_document_text_with_headline() -> None:
    """A headline line, blank line, body: title, paragraphs, hash, raw and path."""
    text = f"Truce talks resume in Cairo\n\n{LEAD}\n\n{SECOND}\n"
    article = parse_document(SourceDocument("a.txt", text, "text"), ArticleId("a1"))
    assert article.id == "a1"
    assert article.path == "a.txt"
    assert article.title == "Truce talks resume in Cairo"
    assert article.paragraphs == (LEAD, SECOND)
    assert article.raw == text
    assert article.content_hash == hashlib.sha256(f"{LEAD}\n\n{SECOND}".encode()).hexdigest()
    assert (article.published, article.published_how) == (None, PublishedHow.UNKNOWN)
    assert article.source is None


def test_parse_document_repeated_title_dropped() -> None:
    """A line equal to the title is dropped after the first."""
    text = f"Truce talks resume\n\nTruce talks resume\n\n{LEAD}"
    article = parse_document(SourceDocument("a.txt", text, "text"), ArticleId("a"))
    assert article.paragraphs == (LEAD,)


def test_parse_document_record_html_and_entities() -> None:
    """Record text with HTML tags and (double) entities becomes clean paragraphs."""
    doc = SourceDocument(
        path="f.json#0",
        text="<p>America&amp;#x27;s talks</p><p>Second &amp; last.</p>",
        format="record",
        title="Talks &amp; truce",
        date="2023-11-22T21:43:13+00:00",
        source="https://www.aljazeera.com/xml/rss/all.xml",
        url="https://www.aljazeera.com/news/2023/11/22/x",
    )
    article = parse_document(doc, ArticleId("r"))
    assert article.title == "Talks & truce"
    assert article.paragraphs == ("America's talks", "Second & last.")
    assert article.source == "Al Jazeera"
    assert (article.published, article.published_how) == (date(2023, 11, 22), PublishedHow.STATED)


def test_parse_document_url_date_and_derived_outlet() -> None:
    """A date in the URL is used when nothing is stated; unknown domains name the outlet."""
    doc = SourceDocument(
        "a.json", LEAD, "record", title="T", url="https://news.example.org/2024/03/05/t"
    )
    article = parse_document(doc, ArticleId("u"))
    assert (article.published, article.published_how) == (date(2024, 3, 5), PublishedHow.URL)
    assert article.source == "news.example.org"


def test_parse_document_record_source_name_is_canonicalised() -> None:
    """A record's outlet name goes through the table; unknown names are kept as given."""
    known = SourceDocument("a.json", LEAD, "record", title="T", source="NY times")
    unknown = SourceDocument("b.json", LEAD, "record", title="T", source="Gaza Daily Herald")
    assert parse_document(known, ArticleId("k")).source == "The New York Times"
    assert parse_document(unknown, ArticleId("u")).source == "Gaza Daily Herald"


def test_parse_document_user_outlet_table() -> None:
    """A given outlet table is used for lookups."""
    doc = SourceDocument("a.txt", f"T\n\n{LEAD}\n\nSource: https://sputnikglobe.com/x", "text")
    article = parse_document(doc, ArticleId("t"), outlets=load_outlets(None))
    assert article.source == "Sputnik"
    assert article.url == "https://sputnikglobe.com/x"


def test_parse_document_markdown_syntax_removed() -> None:
    """Markdown headings, links, emphasis and images are reduced to text."""
    text = "# The headline\n\n![pic](x.png)\n\nSee [the report](https://x.org) **now**, it said.\n"
    article = parse_document(SourceDocument("a.md", text, "markdown"), ArticleId("m"))
    assert article.title == "The headline"
    assert article.paragraphs == ("See the report now, it said.",)


def test_parse_document_html_main_text() -> None:
    """HTML documents use the extracted main text and the head's title."""
    markup = (
        "<html><head><title>Truce talks resume | Site</title></head><body><nav>Home</nav>"
        f"<article><h1>Truce talks resume</h1><p>{LEAD}</p><p>{SECOND}</p></article></body></html>"
    )
    article = parse_document(
        SourceDocument("a.html", markup, "html", title="Truce talks resume | Site"), ArticleId("h")
    )
    assert article.title == "Truce talks resume"
    assert article.paragraphs == (LEAD, SECOND)


def test_parse_document_body_only_text_keeps_first_paragraph() -> None:
    """Without a headline, the title is the shortened first sentence and the body is kept."""
    long_lead = LEAD.replace(".", ", and then everyone went home to rest for the night.")
    article = parse_document(
        SourceDocument("a.txt", f"{long_lead}\n\n{SECOND}", "text"), ArticleId("b")
    )
    assert article.title.endswith("…")
    assert article.paragraphs[0] == long_lead


def test_split_text_joins_hard_wraps_and_splits_indents() -> None:
    """Hard-wrapped lines are joined; an indented line starts a new paragraph."""
    text = (
        "Texas Commerce Bancshares Inc's Texas Commerce Bank said it\n"
        "filed an application with the Comptroller of the Currency in\n"
        "an effort to create the largest banking network.\n"
        "    The bank said the network would link 31 banks having\n"
        "13.5 billion dlrs in assets.\n"
    )
    assert split_text(text) == [
        "Texas Commerce Bancshares Inc's Texas Commerce Bank said it filed an application with "
        "the Comptroller of the Currency in an effort to create the largest banking network.",
        "The bank said the network would link 31 banks having 13.5 billion dlrs in assets.",
    ]


def test_split_text_keeps_short_lines_apart() -> None:
    """Lines of a block that are not wrapped prose stay separate."""
    assert split_text("Title\nSubtitle here\n\nBody.") == ["Title", "Subtitle here", "Body."]


def test_default_outlets_is_shared() -> None:
    """The bundled table is loaded once."""
    assert default_outlets() is default_outlets()


def test_parse_document_title_repeated_as_lead_with_other_quotes() -> None:
    """A first line repeated as the lead (quotes differ) is the title, kept once as body."""
    line = "U.S. forces came under attack several times this week, a sign of Hamas's reach."
    text = f"{line}\n\n{line.replace(chr(39), '’')}\n"
    article = parse_document(SourceDocument("a.txt", text, "text"), ArticleId("q"))
    assert article.title == line
    assert len(article.paragraphs) == 1


def test_parse_document_full_news_pages() -> None:
    """Two whole news pages (tests/data/html): what a careful reader takes from each."""
    pages = Path(__file__).resolve().parent.parent / "data" / "html"
    (wire,) = read_documents(pages / "wire_style_article.html")
    article = parse_document(wire, ArticleId("w"))
    assert article.title == "Qatar says hostage deal close as Gaza truce talks resume"
    assert (article.source, article.published) == ("Al Jazeera", date(2023, 11, 21))
    assert article.published_how is PublishedHow.STATED
    assert article.paragraphs[0].startswith("Qatari officials say an agreement")
    measures = {(f.text, f.measure) for f in article.figures}
    assert ("50 women", "hostages_released") in measures
    assert ("150 Palestinian women", "prisoners_released") in measures
    assert ("About 1,200 people", "killed") in measures

    (broadcaster,) = read_documents(pages / "broadcaster_style_article.html")
    article = parse_document(broadcaster, ArticleId("b"))
    assert article.title == "Israel-Gaza war: Truce extended by two days, Qatar says"
    assert article.source == "BBC"
    assert article.published is None
    assert article.tags == ("israel-gaza war", "hamas", "qatar", "israel")
    assert article.paragraphs[0].startswith("The truce between Israel and Hamas")
    assert len(article.paragraphs) == 4


def test_parse_document_headline_copied_with_a_spelt_out_end_marker_is_the_title() -> None:
    """Some scrapers copy the headline into the body with "T-I-T-L-E-E-N-D." after it: that
    copy is the title's, so its figures are not counted twice."""
    title = "Hundreds Reported Killed in Blast at a Gaza Hospital"
    lead = "An explosion killed hundreds of people on Tuesday at a hospital in Gaza City."
    doc = SourceDocument(
        path="f.jsonl#3",
        text=f"{title} T-I-T-L-E-E-N-D.\n\n{lead}",
        format="record",
        title=title,
    )
    article = parse_document(doc, ArticleId("m"))
    assert article.title == title
    assert article.paragraphs == (lead,)
    assert [f.text for f in article.figures] == ["Hundreds", "hundreds of people"]
    assert [f.paragraph for f in article.figures] == [None, 0]
