"""HelpScreen: the keys of the screen underneath: its own first, its panel's, the app's.

Only the keys newsdesk declares are listed (and the command palette's): Textual's generic
entries for scrolling containers and lists (Scroll Left, Page Left, …) are left out, since
the screens' own keys (j/k, g/G) do that work.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

HelpRow = tuple[str, str]
"""(key as displayed, description)."""
HelpGroup = tuple[str, list[HelpRow]]
"""(heading, rows)."""
OWN_PACKAGE = "tui."
"""Bindings declared by classes of this package are listed; Textual's own are not."""
PALETTE_ACTIONS = {"command_palette", "app.command_palette"}


def _declared(node: DOMNode) -> set[tuple[str, str]]:
    """(action, description) of the bindings newsdesk's classes declare for this node."""
    declared: set[tuple[str, str]] = set()
    for cls in type(node).__mro__:
        if not cls.__module__.startswith(OWN_PACKAGE):
            continue
        for item in vars(cls).get("BINDINGS", ()):
            if isinstance(item, Binding):
                declared.add((item.action, item.description))
    return declared


def help_groups(screen: Screen[object]) -> list[HelpGroup]:
    """The keys of a screen, grouped: its own, the focused panel's, then the app's.

    Args:
        screen: The screen to describe (the one the user pressed `?` on).

    Returns:
        Groups of rows, one row per action, keys sharing an action joined ("j, down").
    """
    own: dict[tuple[str, str], list[str]] = {}
    panel: dict[tuple[str, str], list[str]] = {}
    app_wide: dict[tuple[str, str], list[str]] = {}
    declared: dict[int, set[tuple[str, str]]] = {}
    for active in screen.active_bindings.values():
        binding, node = active.binding, active.node
        if not binding.description or binding.system:
            continue
        what = (binding.action, binding.description)
        if id(node) not in declared:
            declared[id(node)] = _declared(node)
        if what not in declared[id(node)] and binding.action not in PALETTE_ACTIONS:
            continue
        group = app_wide if node is screen.app else own if node is screen else panel
        keys = group.setdefault(what, [])
        key = screen.app.get_key_display(binding)
        if key not in keys:
            keys.append(key)
    return [
        (heading, _rows(group.items()))
        for heading, group in (
            ("This screen", own),
            ("In the focused panel", panel),
            ("Everywhere", app_wide),
        )
        if group
    ]


def _rows(items: Iterable[tuple[tuple[str, str], list[str]]]) -> list[HelpRow]:
    return [(", ".join(keys), description) for (_, description), keys in items]


class HelpScreen(ModalScreen[None]):
    """A scrollable table of keys; any of Escape, q, ? or F1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "close", "Close help"),
        Binding("j,down", "scroll('down')", "Scroll down", show=False),
        Binding("k,up", "scroll('up')", "Scroll up", show=False),
        Binding("g,home", "scroll('top')", "Top", show=False),
        Binding("G,end", "scroll('bottom')", "Bottom", show=False),
        Binding("space,pagedown", "scroll('page')", "Page down", show=False),
    ]

    def __init__(self, title: str, groups: list[HelpGroup]) -> None:
        super().__init__(classes="dialog")
        self.title_text = title
        self.groups = groups
        """The keys listed, by group."""
        self.rows = [row for _, rows in groups for row in rows]
        """Every row, in order (for tests and callers)."""

    def compose(self) -> ComposeResult:
        """The title, then each group's heading and one line per key."""
        width = max((len(key) for key, _ in self.rows), default=4) + 2
        lines = [Content.styled(f"Keys: {self.title_text}", "bold underline")]
        for heading, rows in self.groups:
            lines += [Content(""), Content.styled(heading, "bold italic")]
            lines.extend(
                Content.assemble((key.ljust(width), "bold"), Content(description))
                for key, description in rows
            )
        lines += [Content(""), Content.styled("j/k, g/G scroll · Escape closes", "dim")]
        with VerticalScroll(classes="dialog-box", id="help-body"):
            yield Static(Content("\n").join(lines), markup=False)

    def action_close(self) -> None:
        """Close the help."""
        self.dismiss(None)

    def action_scroll(self, where: str) -> None:
        """Scroll the help text."""
        body = self.query_one("#help-body", VerticalScroll)
        moves = {
            "down": body.scroll_down,
            "up": body.scroll_up,
            "top": body.scroll_home,
            "bottom": body.scroll_end,
            "page": body.scroll_page_down,
        }
        moves[where](animate=False)
