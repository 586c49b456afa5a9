"""Readers: one file -> SourceDocuments, and a clear UnreadableFile for bad files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.errors import UnreadableFile
from index.readers import read_documents, read_documents_with_problems
from index.readers.html import extract_html

ARTICLE_HTML = """<!doctype html><html><head>
<title>Truce talks resume in Cairo | Example Times</title>
<meta property="og:title" content="Truce talks resume in Cairo">
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2024-02-08T09:00:00Z">
<meta name="keywords" content="Gaza, Truce">
<link rel="canonical" href="https://example-times.com/world/truce-talks">
<script>var tracking = "do not show";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="share-bar"><a href="#">Share on Facebook</a></div>
<article><h1>Truce talks resume in Cairo</h1>
<p>Negotiators met again on Thursday, officials said, as pressure grew on both sides.</p>
<h2>What is on the table</h2>
<p>The proposal provides for a pause in fighting, an exchange of prisoners and more aid.</p>
<ul><li>A six-week pause, according to the draft seen by reporters.</li></ul>
</article>
<aside><p>Most read: an unrelated story about the weather, with many words in it.</p></aside>
<footer><p>Copyright Example Times, all rights reserved, every word of it.</p></footer>
</body></html>"""


def _write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_read_documents_plain_text(tmp_path: Path) -> None:
    """A .txt file is one "text" document holding the file's text."""
    path = _write(tmp_path, "a.txt", "Headline\n\nBody text here.\n")
    (doc,) = read_documents(path)
    assert doc.format == "text"
    assert doc.path == str(path)
    assert doc.text.startswith("Headline")


def test_read_documents_markdown_format(tmp_path: Path) -> None:
    """A .md file is a "markdown" document."""
    (doc,) = read_documents(_write(tmp_path, "a.md", "# Title\n\nSome *text*.\n"))
    assert doc.format == "markdown"


def test_read_documents_html_meta_and_main_text(tmp_path: Path) -> None:
    """HTML: og:title, site name, date, canonical URL and keywords come from the head."""
    (doc,) = read_documents(_write(tmp_path, "a.html", ARTICLE_HTML))
    assert doc.format == "html"
    assert doc.title == "Truce talks resume in Cairo"
    assert doc.source == "Example Times"
    assert doc.date == "2024-02-08T09:00:00Z"
    assert doc.url == "https://example-times.com/world/truce-talks"
    assert doc.tags == ("gaza", "truce")


def test_extract_html_drops_navigation_and_keeps_structure() -> None:
    """The article's <p>, <h2> and <li> become paragraphs; nav, aside, footer, script go."""
    page = extract_html(ARTICLE_HTML)
    text = "\n".join(page.paragraphs)
    assert "What is on the table" in page.paragraphs
    assert page.paragraphs[-1] == "A six-week pause, according to the draft seen by reporters."
    for junk in ("Home", "Share on Facebook", "Most read", "Copyright", "tracking"):
        assert junk not in text


def test_read_documents_json_single_record(tmp_path: Path) -> None:
    """A .json object is one record with title, text, date, source, url, id and tags."""
    record = {
        "headline": "T",
        "body": "Text.",
        "pubDate": "2024-01-02",
        "outlet": "Reuters",
        "link": "https://reuters.com/x",
        "id": 7,
        "keywords": "Gaza, Hostages",
    }
    (doc,) = read_documents(_write(tmp_path, "r.json", json.dumps(record)))
    assert (doc.title, doc.text, doc.date, doc.source) == ("T", "Text.", "2024-01-02", "Reuters")
    assert (doc.url, doc.record_id, doc.tags) == (
        "https://reuters.com/x",
        "7",
        ("gaza", "hostages"),
    )
    assert doc.format == "record"


def test_read_documents_json_list_paths_carry_index(tmp_path: Path) -> None:
    """A list of records gives one document each, with "file.json#<index>" paths."""
    path = _write(tmp_path, "l.json", json.dumps([{"title": "A", "text": "Aa"}, {"text": "Bb"}]))
    docs = read_documents(path)
    assert [d.path for d in docs] == [f"{path}#0", f"{path}#1"]


def test_records_with_a_title_and_no_text_are_skipped_with_a_reason(tmp_path: Path) -> None:
    """Metadata-only records are not articles: each is skipped and says why."""
    records = [{"id": 1, "title": "Only a title", "url": "https://x.test/1"}, {"text": "Body"}]
    path = _write(tmp_path, "m.jsonl", "\n".join(json.dumps(r) for r in records))
    docs, problems = read_documents_with_problems(path)
    assert [d.text for d in docs] == ["Body"]
    assert problems == [f"{path}#1: record has a title but no text (metadata only)"]


def test_records_whose_text_has_no_word_are_skipped_with_a_reason(tmp_path: Path) -> None:
    """A text without two letters in a row ("x", "42") is no article, in any script."""
    records = [{"text": "x"}, {"text": "42"}, {"text": "ok"}, {"text": "غزة"}, {"title": "T"}]
    path = _write(tmp_path, "tiny.jsonl", "\n".join(json.dumps(r) for r in records))
    docs, problems = read_documents_with_problems(path)
    assert [d.text for d in docs] == ["ok", "غزة"]
    assert problems == [
        f"{path}#1: record's text has no word in it ('x')",
        f"{path}#2: record's text has no word in it ('42')",
        f"{path}#5: record has a title but no text (metadata only)",
    ]


def test_read_documents_json_nested_entry(tmp_path: Path) -> None:
    """A record wrapped as {"entry": {...}} is unwrapped."""
    data = {"corpus_id": "x", "entry": {"title": "Inner", "description": "Text."}}
    (doc,) = read_documents(_write(tmp_path, "e.json", json.dumps(data)))
    assert doc.title == "Inner"


def test_read_documents_jsonl_bad_line_skips_only_it(tmp_path: Path) -> None:
    """A malformed JSONL line is reported with its line number; good lines are kept."""
    lines = ['{"title": "A", "text": "xx"}', '{"title": "B", "te', '{"title": "C", "text": "zz"}']
    path = _write(tmp_path, "r.jsonl", "\n".join(lines))
    docs, problems = read_documents_with_problems(path)
    assert [d.title for d in docs] == ["A", "C"]
    assert [d.path for d in docs] == [f"{path}#1", f"{path}#3"]
    assert len(problems) == 1
    assert "line 2" in problems[0]


def test_read_documents_truncated_json_names_the_line(tmp_path: Path) -> None:
    """A truncated .json file raises UnreadableFile with the line number."""
    path = _write(tmp_path, "t.json", '[\n{"title": "A",\n "text": "unterminated')
    with pytest.raises(UnreadableFile, match="line 3"):
        read_documents(path)


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", "", "empty"),
        ("blank.txt", "  \n\t\n", "empty"),
        ("binary.txt", b"abc\x00\x01\x02def" * 50, "binary"),
        ("doc.pdf", b"%PDF-1.4 ...", "unsupported"),
        ("fake.txt", b"%PDF-1.4\n...", "PDF"),
    ],
)
def test_read_documents_rejects_bad_files(
    tmp_path: Path, name: str, content: str | bytes, message: str
) -> None:
    """Empty, binary and unsupported files raise UnreadableFile saying why."""
    with pytest.raises(UnreadableFile, match=message) as caught:
        read_documents(_write(tmp_path, name, content))
    assert caught.value.hint


def test_read_documents_huge_file(tmp_path: Path) -> None:
    """A file over 20 MB is refused with its size."""
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    with pytest.raises(UnreadableFile, match="MB"):
        read_documents(path)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("Café déjà vu\n".encode("utf-16"), "Café déjà vu"),
        ("Café déjà vu\n".encode("utf-8-sig"), "Café déjà vu"),
        ("Café “quoted”\n".encode("cp1252"), "Café “quoted”"),
        ("Caf\u00e9 ok\n".encode("latin-1"), "Café ok"),
        ("Café déjà vu\n".encode("utf-16-le"), "Café déjà vu"),
    ],
)
def test_read_documents_decodes_other_encodings(tmp_path: Path, data: bytes, expected: str) -> None:
    """UTF-16 (with or without BOM), UTF-8 with BOM, cp1252 and Latin-1 text are decoded."""
    (doc,) = read_documents(_write(tmp_path, "enc.txt", data))
    assert doc.text.strip() == expected


def test_read_documents_csv_list_literal_and_sentence_rows(tmp_path: Path) -> None:
    """CSV: a list-literal text cell is joined; sentence rows of one article are merged."""
    csv_text = (
        "title,date,url,text\n"
        "\"A\",2024-01-01,https://x.com/a,\"['First para.', 'Second para.']\"\n"
        "B,2024-01-02,https://x.com/b,One sentence.\n"
        "B,2024-01-02,https://x.com/b,Another sentence.\n"
    )
    docs = read_documents(_write(tmp_path, "t.csv", csv_text))
    assert [d.title for d in docs] == ["A", "B"]
    assert docs[0].text == "First para.\n\nSecond para."
    assert docs[1].text == "One sentence.\n\nAnother sentence."
    assert docs[0].record_id is None


def test_read_documents_csv_never_evaluates_code(tmp_path: Path) -> None:
    """A text cell that looks like code is kept as text, not run."""
    csv_text = "title,text\nT,\"['a', __import__('os').getcwd()]\"\n"
    (doc,) = read_documents(_write(tmp_path, "evil.csv", csv_text))
    assert "__import__" in doc.text


def test_read_documents_sgml_reuters(tmp_path: Path) -> None:
    """Reuters SGML: one document per <REUTERS>, entities decoded, signature removed."""
    sgml = (
        '<REUTERS NEWID="5"><DATE>26-FEB-1987 15:03:27.51</DATE><TOPICS><D>acq</D></TOPICS>'
        "<TEXT>&#2;<TITLE>BANK &lt;TCB> FILES PLAN</TITLE><DATELINE>HOUSTON, Feb 26 - "
        "</DATELINE><BODY>The bank said it filed.\n Reuter\n&#3;</BODY></TEXT></REUTERS>"
    )
    path = _write(tmp_path, "r.sgm", sgml.encode("latin-1"))
    (doc,) = read_documents(path)
    assert doc.title == "BANK <TCB> FILES PLAN"
    assert doc.text == "HOUSTON, Feb 26 - The bank said it filed."
    assert (doc.date, doc.source, doc.tags, doc.path) == (
        "26-FEB-1987 15:03:27.51",
        "Reuters",
        ("acq",),
        f"{path}#5",
    )


def test_read_documents_marker_delimited_scrape(tmp_path: Path) -> None:
    """Spelled-out markers (T-I-T-L-E-S-T-A-R-T.) give title, date and text."""
    text = (
        " F-N-S-T-A-R-T. 1 F-N-E-N-D.  D-A-T-E-S-T-A-R-T. 2023-12-18 D-A-T-E-E-N-D.  "
        "T-I-T-L-E-S-T-A-R-T. A title T-I-T-L-E-E-N-D.  T-E-X-T-S-T-A-R-T. One. Two.  "
        "Three. T-E-X-T-E-N-D. "
    )
    (doc,) = read_documents(_write(tmp_path, "m.txt", text))
    assert (doc.title, doc.date, doc.text) == ("A title", "2023-12-18", "One. Two.\n\nThree.")


def test_read_documents_markdown_feed_digest(tmp_path: Path) -> None:
    """A Markdown digest of linked sections is one document per section."""
    digest = (
        "# Source:Feed, URL:https://feed.example/rss\n\n"
        "## First story\n - [https://a.example/1](https://a.example/1)\n"
        " - date published: 2023-11-22T21:43:13+00:00\n\nBody one.\n\n"
        "## Second story\n - [https://a.example/2](https://a.example/2)\n\nBody two.\n"
    )
    path = _write(tmp_path, "d.md", digest)
    docs = read_documents(path)
    assert [(d.title, d.url, d.text) for d in docs] == [
        ("First story", "https://a.example/1", "Body one."),
        ("Second story", "https://a.example/2", "Body two."),
    ]
    assert docs[0].date == "2023-11-22T21:43:13+00:00"
    assert docs[1].path == f"{path}#2"


def test_extract_html_noisy_class_on_article_wrapper_is_fallback() -> None:
    """An article wrapper whose class mentions "share" still yields the article text."""
    markup = (
        '<html><body><div class="post js-share"><p>The first paragraph of the story, with '
        "commas, and enough words to count.</p><p>The second paragraph, also long enough to "
        'count as text.</p></div><div class="related"><a href="/x">Other story</a></div>'
        "</body></html>"
    )
    page = extract_html(markup)
    assert len(page.paragraphs) == 2
    assert page.paragraphs[0].startswith("The first paragraph")


def test_extract_html_tolerates_broken_markup() -> None:
    """Unclosed and stray tags do not lose the text."""
    markup = "<body><p>One paragraph of text, long enough to count here.<p>Second one</div></b>"
    assert extract_html(markup).paragraphs == (
        "One paragraph of text, long enough to count here.",
        "Second one",
    )


def test_read_documents_json_holding_lines_is_read_as_jsonl(tmp_path: Path) -> None:
    """A .json file with one object per line is read record by record."""
    path = _write(
        tmp_path, "lines.json", '{"title": "A", "text": "xx"}\n{"title": "B", "text": "yy"}\n'
    )
    assert [d.title for d in read_documents(path)] == ["A", "B"]


def test_read_documents_html_saved_as_txt(tmp_path: Path) -> None:
    """A .txt file holding an HTML page is read as HTML."""
    (doc,) = read_documents(_write(tmp_path, "page.txt", ARTICLE_HTML))
    assert doc.format == "html"
    assert doc.title == "Truce talks resume in Cairo"


def test_read_documents_json_object_values(tmp_path: Path) -> None:
    """NewsAPI/Atom-style object values give their name or href."""
    record = {
        "title": "T",
        "content": "Text.",
        "source": {"id": "bbc-news", "name": "BBC News"},
        "link": {"href": "https://bbc.co.uk/x"},
    }
    (doc,) = read_documents(_write(tmp_path, "n.json", json.dumps(record)))
    assert (doc.source, doc.url) == ("BBC News", "https://bbc.co.uk/x")


HTML_PAGES = Path(__file__).resolve().parent.parent / "data" / "html"


def test_extract_html_news_page_with_header_standfirst_and_clutter() -> None:
    """A full news page (written for this test in the shape of a wire site's): the standfirst
    in the article header is kept; cookie banner, nav, breadcrumb, byline, share bar,
    caption, related links, newsletter box, comments and footer are not."""
    page = extract_html((HTML_PAGES / "wire_style_article.html").read_text(encoding="utf-8"))
    assert page.title == "Qatar says hostage deal close as Gaza truce talks resume"
    assert page.site_name == "Al Jazeera"
    assert page.url == "https://www.aljazeera.com/news/2023/11/21/qatar-says-hostage-deal-close"
    assert page.date == "2023-11-21T09:14:00Z"
    assert page.paragraphs[0].startswith("Qatari officials say an agreement to free 50 captives")
    assert page.paragraphs[3] == "Deal terms"
    assert page.paragraphs[-1].startswith("United States President Joe Biden said on Monday")
    assert len(page.paragraphs) == 7
    text = " ".join(page.paragraphs)
    for clutter in ("cookies", "Share on", "Read more", "Sign up", "Leave a Reply", "File:"):
        assert clutter not in text


def test_extract_html_component_labels_drop_byline_and_links_and_give_tags() -> None:
    """A page marked up with data-component blocks (a broadcaster's shape): the byline and
    the "More on" links block are dropped, the topic list becomes tags, not paragraphs."""
    page = extract_html((HTML_PAGES / "broadcaster_style_article.html").read_text(encoding="utf-8"))
    assert page.paragraphs[0] == page.headline  # the parser drops the repeated title
    assert page.paragraphs[1] == (
        "The truce between Israel and Hamas has been extended by two days, Qatar's foreign "
        "ministry says."
    )
    assert len(page.paragraphs) == 5
    assert not any("Knell" in p or "More on" in p or p == "Hamas" for p in page.paragraphs)
    assert page.tags == ("israel-gaza war", "hamas", "qatar", "israel")
    assert page.url == "https://www.bbc.co.uk/news/world-middle-east-67540103"
    assert page.date is None
