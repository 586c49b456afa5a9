"""NewsdeskApp: screens, global keys and the command palette; handed a `Library`.

Only the first screen (search) is imported at start-up; the reader, bookmarks, help and
palette modules are imported when first needed, to keep launch time low.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.notifications import SeverityLevel
from textual.screen import ModalScreen, Screen

from index import IndexCorrupt, IndexOutOfDate, Library, visible_controls
from tui.messages import BookmarksChanged, LibraryFailed, OpenArticle, OpenStory, StepArticle
from tui.screens.search import SearchScreen

if TYPE_CHECKING:
    from textual.command import Provider

DARK_THEME = "textual-dark"
LIGHT_THEME = "textual-light"
ROOT_DEPTH = 2
"""Screens in the stack at the root: Textual's default screen and the search screen."""


def _article_commands() -> type[Provider]:
    from tui.palette import ArticleCommands

    return ArticleCommands


def _bookmark_commands() -> type[Provider]:
    from tui.palette import BookmarkCommands

    return BookmarkCommands


class NewsdeskApp(App[int]):
    """Search, read and bookmark the articles of one library."""

    CSS_PATH = "app.tcss"
    TITLE = "newsdesk"
    # App declares this as `ClassVar[...] | None`, which mypy reads as an instance variable.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide"), (160, "-very-wide")]  # noqa: RUF012
    COMMANDS = App.COMMANDS | {_article_commands, _bookmark_commands}
    NOTIFICATION_TIMEOUT = 3.5
    """Seconds a toast stays (errors stay longer: ERROR_TIMEOUT)."""
    ERROR_TIMEOUT = 8.0

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "go_back", "Back/quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        Binding("question_mark,f1", "help", "Help"),
        Binding("B", "bookmarks", "Bookmarks"),
        Binding("T", "story", "Story", show=False),  # in the help, the palette and the README
        Binding("ctrl+t", "toggle_theme", "Light/dark", show=False),
        # Priority: the app moves the focus as it reads Tab, before it hands on the keys typed
        # after it. Textual's own Tab binding acts only once the key has bubbled up from the
        # focused input, by when a fast typist's next keys are already in that input's queue
        # (a note's Tab was lost and the tags went into the note).
        Binding("tab", "focus_next", "Next field", show=False, priority=True),
        Binding("shift+tab", "focus_previous", "Previous field", show=False, priority=True),
    ]

    def __init__(self, library: Library, *, seed_dir: Path | None = None) -> None:
        """Create the app.

        Args:
            library: The open library (the app never opens or closes it).
            seed_dir: Folder indexed on first run, when the library is empty.
        """
        super().__init__()
        self.library = library
        self.seed_dir = seed_dir
        self.theme = DARK_THEME

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast, from any screen or widget: control characters shown, never sent.

        Toasts quote titles, paths and error messages; an ESC in one would reach the
        terminal. Widgets' and screens' `notify` come here too.
        """
        super().notify(
            visible_controls(message),
            title=visible_controls(title),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def validate_title(self, title: object) -> str:
        """The app title (in the header), its control characters made visible."""
        return visible_controls(super().validate_title(title))

    def validate_sub_title(self, sub_title: object) -> str:
        """The app sub-title (in the header), its control characters made visible."""
        return visible_controls(super().validate_sub_title(sub_title))

    def on_mount(self) -> None:
        """Show the search screen, the root of the app (above Textual's blank default)."""
        self.push_screen(SearchScreen(self.library, seed_dir=self.seed_dir))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The app's own commands, then Textual's but its "Keys" (our Help lists them)."""
        yield SystemCommand(
            "Bookmarks", "List, open, delete and export bookmarks", self.action_bookmarks
        )
        yield SystemCommand(
            "Story of a count…",
            "One count's figures in every report, by date and outlet (killed · Gaza…)",
            self.action_story,
        )
        yield SystemCommand(
            "Index a folder…", "Add a folder of articles to the library", self.ask_folder
        )
        yield SystemCommand(
            "Light/dark theme", "Switch between the light and dark theme", self.action_toggle_theme
        )
        yield SystemCommand("Help", "Keys of the current screen", self.action_help)
        for command in super().get_system_commands(screen):
            if command.title != "Keys":
                yield command

    @on(OpenArticle)
    def open_article(self, message: OpenArticle) -> None:
        """Show an article in the reader (scrolled to a passage when given)."""
        from tui.screens.article import ArticleScreen
        from tui.widgets.passage_view import Passage

        target = None
        if message.paragraph is not None:
            target = Passage(message.paragraph, message.start, message.end)
        self.push_screen(
            ArticleScreen(self.library, message.article_id, terms=message.terms, target=target)
        )

    @on(OpenStory)
    def open_story(self, message: OpenStory) -> None:
        """Show the story of a count (the screen asks which when none is given)."""
        from tui.screens.story import StoryScreen

        self.push_screen(StoryScreen(self.library, message.key))

    def action_story(self) -> None:
        """Show the story screen, which asks for a count (on it, choose another count)."""
        from tui.screens.story import StoryScreen

        if isinstance(self.screen, StoryScreen):
            self.screen.action_choose_count()
        elif not isinstance(self.screen, ModalScreen):
            self.post_message(OpenStory())

    @on(StepArticle)
    def step_article(self, message: StepArticle) -> None:
        """Replace the reader by the next/previous article of the search results."""
        from tui.screens.article import ArticleScreen

        root = self.screen_stack[ROOT_DEPTH - 1]
        if not isinstance(root, SearchScreen) or not isinstance(self.screen, ArticleScreen):
            return
        target, why = root.step_result(message.article_id, message.step)
        if target is None:
            self.notify(why, markup=False)
        else:
            self.switch_screen(ArticleScreen(self.library, target, terms=root.terms))

    @on(LibraryFailed)
    def show_failure(self, message: LibraryFailed) -> None:
        """An expected library error in any screen's worker: tell the user, keep going.

        A damaged or out-of-date index gets its own screen (once), naming the file and the
        way out; other errors are a toast.
        """
        from tui.screens.damaged import DamagedLibraryScreen

        error = message.error
        if isinstance(error, IndexCorrupt | IndexOutOfDate):
            if not any(isinstance(s, DamagedLibraryScreen) for s in self.screen_stack):
                self.push_screen(DamagedLibraryScreen(error))
            return
        self.notify(
            str(error),
            title="newsdesk",
            severity="error",
            markup=False,
            timeout=self.ERROR_TIMEOUT,
        )

    @on(BookmarksChanged)
    def reload_bookmark_lists(self) -> None:
        """A bookmark was added or removed somewhere: open bookmark lists load again."""
        from tui.screens.bookmarks import BookmarksScreen

        for screen in self.screen_stack:
            if isinstance(screen, BookmarksScreen):
                screen.load_bookmarks()

    def action_bookmarks(self) -> None:
        """Show the bookmarks screen."""
        from tui.screens.bookmarks import BookmarksScreen

        export_dir = self.library.paths.data_dir if self.library.paths is not None else None
        self.push_screen(BookmarksScreen(self.library, export_dir=export_dir))

    def action_go_back(self) -> None:
        """Close a dialog, go back a screen, or quit at the root."""
        if isinstance(self.screen, ModalScreen):
            self.screen.dismiss(None)
        elif len(self.screen_stack) > ROOT_DEPTH:
            self.pop_screen()
        else:
            self.exit(0)

    def action_help(self) -> None:
        """Show every key of the current screen."""
        from tui.screens.help import HelpScreen, help_groups

        if not isinstance(self.screen, ModalScreen):
            name = type(self.screen).__name__.removesuffix("Screen")
            self.push_screen(HelpScreen(name, help_groups(self.screen)))

    def action_toggle_theme(self) -> None:
        """Switch between the dark and the light theme."""
        self.theme = LIGHT_THEME if self.theme == DARK_THEME else DARK_THEME

    def ask_folder(self) -> None:
        """Ask for a folder and index it on the search screen."""
        from tui.screens.dialogs import PathDialog

        def index(path: str | None) -> None:
            root = self.screen_stack[ROOT_DEPTH - 1]
            if path and isinstance(root, SearchScreen):
                while len(self.screen_stack) > ROOT_DEPTH:  # back to the search screen
                    self.pop_screen()
                root.index_folder(Path(path).expanduser())

        self.push_screen(PathDialog("Index the articles in folder:"), index)
