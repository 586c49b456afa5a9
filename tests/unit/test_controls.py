"""Tests for index.text.controls and every place article text reaches a terminal.

The payloads are the ones of issue 11: OSC 52 (clipboard), OSC 0/2 (window title), CSI 2J
(clear screen), CSI ?1049h (alternate screen), CSI 5n (a reply typed into the shell) and the
8-bit CSI (U+009B).
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.console import Console
from rich.table import Table
from rich.text import Text

from index import visible_controls
from index.models import ArticleId, SourceDocument
from index.parse.document import parse_document
from index.store.payload import decode_article, encode_article, summarise
from index.text.controls import clean_controls, has_controls, json_for_terminal
from tests.builders import article as make_article
from tests.builders import make_bookmark
from tui.cli.main import main
from tui.cli.report import SafeConsole
from tui.render import bookmark_content, styled_text, summary_content, text_content

OSC52 = "\x1b]52;c;cm0gLXJmIH4K\x07"
OSC0 = "\x1b]0;pwned\x07"
OSC2 = "\x1b]2;pwned\x1b\\"
CLEAR = "\x1b[2J"
ALT_SCREEN = "\x1b[?1049h"
REPORT = "\x1b[5n"
CSI8 = "\x9b5n"
PAYLOADS = (OSC52, OSC0, OSC2, CLEAR, ALT_SCREEN, REPORT, CSI8)
HOSTILE = "Ceasefire " + " talks ".join(PAYLOADS) + " resume in Doha."
BODY = (
    "Negotiators met in Doha on Sunday to discuss a ceasefire. " + HOSTILE + "\n\n"
    "More than 100 hostages are still held in Gaza, officials said. " + OSC52 + "\n"
)


def _terminal_safe(text: str) -> bool:
    """No control character but newline and tab."""
    return not has_controls(text)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_visible_controls_keeps_length_and_leaves_no_control(payload: str) -> None:
    """Each payload becomes visible symbols, one for one."""
    text = f"a{payload}b\n\tc"
    shown = visible_controls(text)
    assert len(shown) == len(text)
    assert _terminal_safe(shown)
    assert shown.endswith("\n\tc")


def test_visible_controls_symbols() -> None:
    """ESC shows as its control picture, DEL as ␡, the 8-bit CSI as the replacement sign."""
    assert visible_controls("\x1b\x7f\x9b\x00") == "␛␡\ufffd␀"
    assert visible_controls("plain text") == "plain text"


def test_clean_controls_turns_line_breaks_into_newlines() -> None:
    """CR LF, CR, form feed, vertical tab and NEL separate lines; the rest is made visible."""
    assert clean_controls("a\r\nb\rc\x0cd\x0be\x85f\x1b") == "a\nb\nc\nd\ne\nf␛"


def test_json_for_terminal_escapes_c1_and_del() -> None:
    """JSON output escapes C0, DEL and C1 and still parses to the same value."""
    value = {"title": HOSTILE + "\x7f"}
    text = json_for_terminal(value)
    assert _terminal_safe(text)
    assert "\\u009b" in text
    assert json.loads(text) == value


def test_ingest_makes_controls_visible_in_every_field() -> None:
    """Title, text, source, URL, date and tags of a document lose their control characters."""
    doc = SourceDocument(
        path="x.json#1",
        text=BODY,
        format="record",
        title="Talks " + OSC0 + " resume",
        source="Example" + CSI8 + " News",
        url="https://example.com/a" + OSC2,
        date="2024-02-01",
        tags=("gaza" + CLEAR,),
    )
    article = parse_document(doc, ArticleId("x"))
    fields = [article.title, article.source or "", article.url or "", article.raw, *article.tags]
    fields += list(article.paragraphs)
    fields += [f.text for f in article.figures] + [m.text for m in article.mentions]
    assert all(_terminal_safe(field) for field in fields)
    assert "␛]0;pwned" in article.title


def test_stored_controls_are_made_visible_on_read() -> None:
    """An index written before ingest cleaned text still never hands out a control."""
    article = make_article(("p" + CSI8 + CLEAR,), title="T" + OSC0, source="S" + OSC52)
    read = decode_article(encode_article(article))
    assert _terminal_safe(read.title)
    assert _terminal_safe(read.paragraphs[0])
    assert _terminal_safe(read.source or "")
    assert len(read.paragraphs[0]) == len(article.paragraphs[0])


def test_safe_console_shows_controls_of_any_renderable() -> None:
    """Text, tables and plain strings printed by the CLI console carry no article control."""
    out = io.StringIO()
    console = SafeConsole(file=out, force_terminal=True, color_system="truecolor", width=200)
    table = Table()
    table.add_column("x")
    table.add_row(Text(OSC52))
    console.print(Text(HOSTILE, style="bold"), table, CSI8 + "plain", markup=False)
    written = out.getvalue()
    for payload in PAYLOADS:
        assert payload not in written
    assert "\x9b" not in written
    assert "\x07" not in written
    # The console's own styling still works.
    assert "\x1b[1m" in written
    plain = io.StringIO()
    Console(file=plain, force_terminal=True).print(Text(CLEAR))
    assert CLEAR in plain.getvalue(), "rich alone writes the payload: the test would catch it"


def _write_hostile(folder: Path) -> None:
    folder.mkdir()
    (folder / "hostile.txt").write_text("Talks " + OSC0 + " resume\n\n" + BODY, encoding="utf-8")
    record = {
        "id": "rec1",
        "title": "Record " + OSC52 + " title",
        "text": BODY + "\n\n" + "\u001b[2J" + " and more.",
        "source": "Outlet\u001b]2;x\u0007",
        "url": "https://example.com/r\u009b5n",
    }
    (folder / "hostile.json").write_text(json.dumps([record]), encoding="utf-8")


def test_cli_show_and_search_write_no_control(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`show`, `search`, `related` and `index` print the payloads visibly, in text and JSON."""
    _write_hostile(tmp_path / "in")
    assert main(["index", str(tmp_path / "in")]) == 0
    captured = capsys.readouterr()
    assert _terminal_safe(captured.out + captured.err)
    assert main(["search", "ceasefire", "--json"]) == 0
    ids = [hit["id"] for hit in json.loads(capsys.readouterr().out)["hits"]]
    assert len(ids) == 2
    for article_id in ids:
        for argv in (["show", article_id], ["show", article_id, "--json"], ["related", article_id]):
            assert main(argv) == 0
            captured = capsys.readouterr()
            assert _terminal_safe(captured.out + captured.err), argv
    assert main(["search", "pwned"]) == 0
    assert _terminal_safe(capsys.readouterr().out)


def test_cli_error_lines_show_controls(capsys: pytest.CaptureFixture[str]) -> None:
    """An id with an escape in it is echoed visibly in the error line."""
    assert main(["show", "nope" + OSC0]) == 2
    assert _terminal_safe(capsys.readouterr().err)


def test_render_content_has_no_control() -> None:
    """The app's renderers show controls of titles, snippets and bookmark notes as symbols."""
    content = styled_text(HOSTILE, [(0, 9, "bold")])
    assert _terminal_safe(content.plain)
    assert len(content.plain) == len(HOSTILE)
    assert _terminal_safe(text_content(OSC52, "italic").plain)
    summary = make_article(("p",), title="T" + OSC0, source="S" + CSI8)
    assert _terminal_safe(summary_content(summarise(summary), None, {}).plain)


def test_bookmark_content_has_no_control() -> None:
    """A bookmark's note and quote typed with an escape are drawn visibly."""
    mark = make_bookmark(note="note " + OSC52, quote="q" + CSI8, article_title=OSC0)
    assert _terminal_safe(bookmark_content(mark).plain)
