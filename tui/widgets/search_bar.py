"""SearchBar: the query input with debouncing and an inline notice line."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.timer import Timer
from textual.widgets import Input, Static

DEBOUNCE_SECONDS = 0.1
"""Quiet time after the last keystroke before a search starts."""


class QueryInput(Input):
    """The query field: a keystroke repaints it without laying out the screen again.

    `Input` sets its `virtual_size` (the text's width, for scrolling) on every keystroke,
    and Textual lays out the whole screen when a widget's virtual size changes. The query
    field's own size is set by CSS (one line, the bar's width) whatever its text, so the
    layout changes nothing but costs each keystroke a pass over every widget on the screen.
    Scrolling the text to the cursor reads `virtual_size` and still works.
    """

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)


class SearchBar(Vertical):
    """A query input that posts `QueryChanged` after a pause in typing.

    The notice line under the input shows a malformed query's fallback notice or a
    "did you mean" suggestion; it is plain text, never a dialog.
    """

    DEFAULT_CSS = """
    SearchBar { height: auto; }
    SearchBar #search-notice { height: auto; }
    SearchBar #search-notice.-empty { display: none; }
    """

    @dataclass
    class QueryChanged(Message):
        """The user paused typing (or pressed Enter); search for `query`."""

        query: str
        submitted: bool = False
        """True when Enter was pressed (the user is done typing)."""

    def __init__(
        self,
        *,
        debounce: float = DEBOUNCE_SECONDS,
        id: str | None = None,  # noqa: A002 (Textual keyword)
    ) -> None:
        super().__init__(id=id)
        self.debounce = debounce
        """Quiet time in seconds before a search starts (0 searches on every keystroke)."""
        self._timer: Timer | None = None
        self._notice = Content("")
        """The notice the line under the input shows now."""

    def compose(self) -> ComposeResult:
        """An input and its notice line."""
        yield QueryInput(
            placeholder='Search: words, "phrases", source:, party:, date:…', id="search-input"
        )
        yield Static("", id="search-notice", classes="-empty")

    @property
    def value(self) -> str:
        """The query the input holds now."""
        return self.query_one(Input).value.strip()

    def set_value(self, query: str) -> None:
        """Replace the query (e.g. a facet filter was added) and search at once."""
        self.query_one(Input).value = query
        self._emit()

    def show_notice(self, notice: Content | None) -> None:
        """Show (or clear, with None) the line under the input.

        An unchanged notice (most keystrokes: none before, none after) is not set again:
        setting a Static's content lays out the whole screen.
        """
        content = notice or Content("")
        # Content's == compares the plain text only: a restyled notice is a new one.
        if (content.plain, content.spans) == (self._notice.plain, self._notice.spans):
            return
        self._notice = content
        line = self.query_one("#search-notice", Static)
        line.update(content)
        line.set_class(not content.plain, "-empty")

    @property
    def input(self) -> Input:
        """The query input (screens focus it with `Screen.set_focus`, which is immediate)."""
        return self.query_one(Input)

    @on(Input.Changed, "#search-input")
    def restart_debounce(self, event: Input.Changed) -> None:
        """Restart the quiet-time timer on every keystroke."""
        event.stop()
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.debounce <= 0:  # a zero-interval Timer divides by zero (textual 8.2.8)
            self._emit()
        else:
            self._timer = self.set_timer(self.debounce, self._emit)

    @on(Input.Submitted, "#search-input")
    def search_now(self, event: Input.Submitted) -> None:
        """Enter searches immediately, skipping the debounce."""
        event.stop()
        self._emit(submitted=True)

    def _emit(self, *, submitted: bool = False) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self.post_message(self.QueryChanged(self.value, submitted))
