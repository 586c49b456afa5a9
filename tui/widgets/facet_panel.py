"""FacetPanel: outlet, party and month counts of the current results; picking one filters."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from index import FacetValue
from tui.render import text_content
from tui.widgets.vim_option_list import VimOptionList

FACET_FIELDS: tuple[tuple[str, str], ...] = (
    ("source", "Outlet"),
    ("party", "Party"),
    ("month", "Month"),
)
"""(SearchPage.facets key, heading) in display order."""

_PER_FIELD = 8


class FacetPanel(VimOptionList):
    """Facet values grouped under headings; Enter or a click posts `Chosen`."""

    @dataclass
    class Chosen(Message):
        """Filter the results to this facet value."""

        field: str
        value: str

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual keyword)
        super().__init__(id=id, markup=False)
        self.values: list[tuple[str, str]] = []
        """(field, value) of each selectable row, in order."""

    def show_facets(self, facets: Mapping[str, Sequence[FacetValue]]) -> None:
        """Show the facets of one search page (an empty mapping clears the panel)."""
        self.values = []
        rows: list[Option] = []
        for field, heading in FACET_FIELDS:
            values = facets.get(field, ())[:_PER_FIELD]
            if not values:
                continue
            rows.append(Option(Content.styled(heading, "bold"), disabled=True))
            for facet in values:
                row = Content.assemble(text_content(f"  {facet.value}"), (f" {facet.count}", "dim"))
                rows.append(Option(row, id=f"{field}\x1f{facet.value}"))
                self.values.append((field, facet.value))
        self.set_options(rows)

    @on(OptionList.OptionSelected)
    def choose(self, event: OptionList.OptionSelected) -> None:
        """Turn the selected row into a `Chosen` facet."""
        event.stop()
        if event.option.id is not None:
            field, _, value = event.option.id.partition("\x1f")
            self.post_message(self.Chosen(field, value))
