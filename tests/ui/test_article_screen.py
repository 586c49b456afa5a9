"""Pilot tests of the reader: highlights, jumps, find, toggles, bookmarks, URL."""

from __future__ import annotations

import tempfile
import webbrowser
from pathlib import Path

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static

from index import ArticleId, Library, SpanKind
from tests.pilot import MakeApp, Notes, settle
from tui.app import NewsdeskApp
from tui.messages import OpenArticle
from tui.screens.article import ArticleScreen
from tui.screens.dialogs import BookmarkDialog
from tui.widgets.article_view import ArticleView
from tui.widgets.results_list import ResultsList
from tui.widgets.span_panel import SpanPanel

SIZE = (100, 30)


def find_id(library: Library, words: str) -> ArticleId:
    return library.search(words).hits[0].article.id


def status_line(app: NewsdeskApp) -> str:
    return str(app.screen.query_one("#reader-status", Static).render())


async def open_reader(
    app: NewsdeskApp,
    pilot: Pilot[int],
    article_id: ArticleId,
    terms: tuple[str, ...] = (),
) -> ArticleView:
    app.post_message(OpenArticle(article_id, terms))
    await settle(pilot)
    assert isinstance(app.screen, ArticleScreen)
    return app.screen.query_one(ArticleView)


async def test_reader_highlights_all_kinds(make_app: MakeApp, library: Library) -> None:
    """Opening from a search shows figure, party and match spans, and the metadata."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"hostages", "enter", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        view = app.screen.query_one(ArticleView)
        kinds = {span.kind for span in view.spans}
        assert {SpanKind.FIGURE, SpanKind.PARTY, SpanKind.MATCH} <= kinds
        match = next(s for s in view.spans if s.kind is SpanKind.MATCH)
        assert view.article is not None
        assert (
            "hostage" in view.article.paragraphs[match.paragraph][match.start : match.end].lower()
        )
        meta = str(app.screen.query_one("#meta").render())
        assert view.article.url is not None
        assert view.article.url in meta


async def test_reader_figure_and_party_jumps(make_app: MakeApp, library: Library) -> None:
    """f/F and p/P move the cursor to the next/previous figure or party span."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_reader(app, pilot, find_id(library, "Cairo delegation Hayya"))
        figures = sorted(
            (s for s in view.spans if s.kind is SpanKind.FIGURE),
            key=lambda s: (s.paragraph, s.start),
        )
        await pilot.press("f")
        assert view.current is not None
        assert view.current.kind is SpanKind.FIGURE
        assert (view.current.paragraph, view.current.start) == (
            figures[0].paragraph,
            figures[0].start,
        )
        assert view.cursor == figures[0].paragraph
        await pilot.press("f")
        assert (view.current.paragraph, view.current.start) == (
            figures[1].paragraph,
            figures[1].start,
        )
        await pilot.press("F")
        assert (view.current.paragraph, view.current.start) == (
            figures[0].paragraph,
            figures[0].start,
        )
        await pilot.press("p")
        first = view.current
        assert first.kind.value == "party"
        await pilot.press("p", "P")
        assert view.current == first


async def test_reader_find_in_page(make_app: MakeApp, library: Library, notes: Notes) -> None:
    """`/` finds every occurrence; n/N cycle through them."""
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        view = await open_reader(app, pilot, find_id(library, "Cairo delegation Hayya"))
        await pilot.press("slash", *"hamas", "enter")
        await pilot.pause()
        assert len(view.find_hits) >= 2
        assert view.current == view.find_hits[0]
        await pilot.press("n")
        assert view.current == view.find_hits[1]
        await pilot.press("N")
        assert view.current == view.find_hits[0]
        assert isinstance(app.focused, ArticleView)
        total = len(view.find_hits)
        assert status_line(app) == f"hit 1 / {total} for “hamas”"
        await pilot.press("N")
        assert status_line(app) == f"hit {total} / {total} for “hamas”"
        await pilot.press("slash", *"zzzz", "enter")
        await pilot.pause()
        assert "“zzzz” is not in this article" in notes.texts()


async def test_reader_toggles_hide_a_kind(make_app: MakeApp, library: Library) -> None:
    """`1` hides figure highlights (and shows them again); the legend says so."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_reader(app, pilot, find_id(library, "Cairo delegation Hayya"))
        paragraph = next(s.paragraph for s in view.spans if s.kind is SpanKind.FIGURE)
        await pilot.press("1")
        assert SpanKind.FIGURE in view.hidden
        assert all(s.kind is not SpanKind.FIGURE for s in view.visible_spans(paragraph))
        assert "off" in str(app.screen.query_one("#legend").render())
        await pilot.press("f")
        assert view.current is None
        await pilot.press("1")
        assert SpanKind.FIGURE not in view.hidden


async def test_reader_bookmark_paragraph_with_note_and_tags(
    make_app: MakeApp, library: Library
) -> None:
    """`m` on a paragraph asks for a note and tags and stores the whole paragraph."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        article_id = find_id(library, "Cairo delegation Hayya")
        view = await open_reader(app, pilot, article_id)
        await pilot.press("j", "m")
        await pilot.pause()
        assert isinstance(app.screen, BookmarkDialog)
        await pilot.press(*"check the count", "enter", *"egypt, proposal", "enter")
        await settle(pilot)
        marks = library.bookmarks()
        assert len(marks) == 1
        mark = marks[0]
        assert (mark.article_id, mark.paragraph, mark.note, mark.tags) == (
            article_id,
            1,
            "check the count",
            ("egypt", "proposal"),
        )
        assert view.article is not None
        assert mark.quote == view.article.paragraphs[1]
        assert view.query_one("#paragraph-1").has_class("-bookmarked")


async def test_reader_bookmark_dialog_keeps_a_fast_tab(make_app: MakeApp, library: Library) -> None:
    """Keys that arrive together ("ab", Tab, "cd"; Enter, "e", Enter): none is lost."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(app, pilot, find_id(library, "Haniyeh guarantors"))
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, BookmarkDialog)
        # Posted at once, as a terminal delivers a fast typist's keys (press() waits for each).
        for key, character in [("a", "a"), ("b", "b"), ("tab", "\t"), ("c", "c"), ("d", "d")]:
            app.post_message(events.Key(key, character))
        await settle(pilot)
        note = app.screen.query_one("#bookmark-note", Input)
        tags = app.screen.query_one("#bookmark-tags", Input)
        assert (note.value, tags.value) == ("ab", "cd")
        assert app.focused is tags
        await pilot.press("escape", "m")
        await settle(pilot)
        assert isinstance(app.screen, BookmarkDialog)
        assert app.focused is app.screen.query_one("#bookmark-note", Input)
        keys = [("x", "x"), ("enter", "\r"), ("y", "y"), ("enter", "\r")]
        for key, character in keys:  # the note, Enter, a tag, Enter: all at once
            app.post_message(events.Key(key, character))
        await settle(pilot)
        [mark] = library.bookmarks()
        assert (mark.note, mark.tags) == ("x", ("y",))


async def test_reader_bookmark_sentence_under_cursor(make_app: MakeApp, library: Library) -> None:
    """With the sentence cursor (`s`), `m` bookmarks just that sentence."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_reader(app, pilot, find_id(library, "Haniyeh guarantors"))
        await pilot.press("j", "s", "s", "m")
        await pilot.pause()
        await pilot.press("enter", "enter")
        await settle(pilot)
        mark = library.bookmarks()[0]
        assert view.article is not None
        paragraph = view.article.paragraphs[1]
        assert mark.paragraph == 1
        assert mark.quote != paragraph
        assert mark.quote.startswith('"We are ready')
        assert mark.quote in paragraph


async def test_reader_bookmark_dialog_escape_cancels(make_app: MakeApp, library: Library) -> None:
    """Escape in the bookmark dialog stores nothing."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(app, pilot, find_id(library, "Haniyeh guarantors"))
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot)
        assert library.bookmarks() == []
        assert isinstance(app.screen, ArticleScreen)


async def test_reader_side_panel_scrolls_to_figure(make_app: MakeApp, library: Library) -> None:
    """Choosing a figure in the side panel puts the cursor on it."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_reader(app, pilot, find_id(library, "Security Council Ramadan"))
        panel = app.screen.query_one(SpanPanel)
        await pilot.press("t")
        assert panel.has_focus
        await pilot.press("down", "down", "enter")
        await pilot.pause()
        assert view.current is not None
        assert (view.current.paragraph, view.current.start) in {(p, s) for p, s, _ in panel.targets}
        assert view.cursor == view.current.paragraph


async def test_reader_open_url(
    make_app: MakeApp,
    library: Library,
    notes: Notes,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """`o` opens the article URL in a browser; an article without URL says so."""
    opened: list[str] = []

    def fake_open(url: str) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(webbrowser, "open", fake_open)
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        view = await open_reader(app, pilot, find_id(library, "Cairo delegation Hayya"))
        await pilot.press("o")
        await settle(pilot)
        assert view.article is not None
        assert opened == [view.article.url]
        await pilot.press("q")
        await open_reader(app, pilot, find_id(library, "Haniyeh guarantors"))
        await pilot.press("o")
        await settle(pilot)
        assert len(opened) == 1
        assert "This article has no URL" in notes.texts("warning")


async def test_reader_title_markup_is_literal(make_app: MakeApp, tmp_path: Path) -> None:
    """A title containing "[bold]" is shown literally, in the list and the reader."""
    folder = tmp_path / "odd"
    folder.mkdir()
    (folder / "odd.txt").write_text(
        "date 2024-05-01 https://example.test/odd\n\n[bold]Truce[/bold] talks [red]resume\n\n"
        "Negotiators met in Doha on Wednesday, officials said. About 30 people attended.\n",
        encoding="utf-8",
    )
    library = Library.in_memory()
    library.index_paths([folder])
    app = make_app(library)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        listing = app.screen.query_one(ResultsList)
        prompt = str(listing.get_option_at_index(0).prompt)
        assert "[bold]Truce[/bold] talks [red]resume" in prompt
        await pilot.press("escape", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.title == "[bold]Truce[/bold] talks [red]resume"


async def test_reader_unknown_article_notifies(make_app: MakeApp, notes: Notes) -> None:
    """A library error in a worker becomes one error notification (the App's), not a crash."""
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        app.post_message(OpenArticle(ArticleId("zzzz-not-there")))
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert len(notes.texts("error")) == 1


async def test_reader_find_escape_closes_bar(make_app: MakeApp, library: Library) -> None:
    """Escape in the find bar hides it and returns to the text."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await open_reader(app, pilot, find_id(library, "Haniyeh guarantors"))
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press("escape")
        assert isinstance(app.focused, ArticleView)
        assert not app.screen.query_one("#find-bar").has_class("-active")


async def test_reader_c_compares_with_the_most_similar_report(
    make_app: MakeApp, library: Library
) -> None:
    """`c` in the reader opens the picker; Enter compares with its first suggestion."""
    from tui.screens.compare import CompareScreen
    from tui.screens.pick_article import PickArticleDialog

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        article_id = find_id(library, "hostages")
        await open_reader(app, pilot, article_id)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, PickArticleDialog)
        best = library.related(article_id)[0].article.id
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, CompareScreen)
        assert (app.screen.a_id, app.screen.b_id) == (article_id, best)


async def test_reader_status_line_names_the_figure_under_the_cursor(
    make_app: MakeApp, library: Library
) -> None:
    """`f` puts the figure's number, measure and attribution in the status line; `p` a party's."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        view = await open_reader(app, pilot, find_id(library, "Cairo delegation Hayya"))
        assert view.article is not None
        assert status_line(app) == f"paragraph 1 / {len(view.article.paragraphs)}"
        body = [f for f in view.article.figures if f.paragraph is not None]
        first = min(body, key=lambda f: f.position)
        await pilot.press("f")
        line = status_line(app)
        assert line.startswith(f"figure 1 / {len(body)} · ")
        assert first.text in line
        assert (first.attribution or "no attribution") in line
        await pilot.press("p")
        assert status_line(app).startswith("party ")


async def test_reader_shift_j_k_step_through_the_results(make_app: MakeApp) -> None:
    """J/K open the next/previous search result in place; Esc goes back to it in the list."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"hostages", "enter")
        await settle(pilot)
        results = app.screen.query_one(ResultsList)
        ids = results.article_ids
        assert len(ids) >= 3
        assert isinstance(app.focused, ResultsList)
        await pilot.press("home", "enter")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article_id == ids[0]
        await pilot.press("K")  # the first result has none before it
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article_id == ids[0]
        await pilot.press("J", "J")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article_id == ids[2]
        assert app.screen.terms  # the query's words are still highlighted
        await pilot.press("K")
        await settle(pilot)
        assert isinstance(app.screen, ArticleScreen)
        assert app.screen.article_id == ids[1]
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen.query_one(ResultsList) is results
        assert results.highlighted == 1


async def test_reader_y_copies_the_passage_with_its_citation(
    make_app: MakeApp, library: Library, notes: Notes, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`y` copies the sentence under the cursor, outlet, date and URL (OSC 52)."""
    monkeypatch.setenv("NEWSDESK_CLIPBOARD", "osc52")
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        view = await open_reader(app, pilot, find_id(library, "Cairo delegation Hayya"))
        await pilot.press("s", "y")
        await settle(pilot)
        assert view.article is not None
        assert view.article.url is not None
        sentence = view.article.paragraphs[0][slice(*view.cursor_range or (0, 0))]
        assert app.clipboard.startswith(f"“{' '.join(sentence.split())}”\n— ")
        assert view.article.url in app.clipboard
        assert "(paragraph 1)" in app.clipboard
        assert "Copied the passage and its citation" in notes.texts()


async def test_reader_y_writes_a_file_where_the_terminal_cannot_copy(
    make_app: MakeApp,
    library: Library,
    notes: Notes,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    """Without OSC 52 the copy goes to a file, and the notification names it."""
    monkeypatch.setenv("NEWSDESK_CLIPBOARD", "file")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    app = make_app()
    async with app.run_test(size=SIZE, message_hook=notes) as pilot:
        await open_reader(app, pilot, find_id(library, "Cairo delegation Hayya"))
        await pilot.press("y")
        await settle(pilot)
        copy = tmp_path / "clipboard.txt"
        assert copy.read_text(encoding="utf-8").startswith("“")
        assert app.clipboard == ""
        assert any(str(copy) in text for text in notes.texts())


async def test_reader_text_column_is_capped_on_a_wide_terminal(
    make_app: MakeApp, library: Library
) -> None:
    """At 200 columns the text keeps ~100 characters a line; the side panel takes the rest."""
    app = make_app()
    async with app.run_test(size=(200, 50)) as pilot:
        await open_reader(app, pilot, find_id(library, "Cairo delegation Hayya"))
        text = app.screen.query_one(ArticleView)
        panel = app.screen.query_one(SpanPanel)
        assert text.region.width == ArticleScreen.READING_WIDTH
        assert panel.region.width == 200 - ArticleScreen.READING_WIDTH
