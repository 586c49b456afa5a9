"""FacetPanel: outlet, party and month counts of the current results; picking one filters.

With no query the results are the whole library, so the panel shows its facets. Each row
is the count, right-aligned, then the value: the count stays on the value's first line
however long the value is. Articles without an outlet or a date are offered as "unknown outlet"
and "undated".
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from textual import on
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
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
MISSING_LABELS: dict[str, str] = {"source": "unknown outlet", "month": "undated"}
"""How the "none" value of a facet (articles without one) is shown."""

_PER_FIELD = 8


class FacetPanel(VimOptionList):
    """Facet values grouped under headings; Enter or a click posts `Chosen`."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
    """The rows' height changes nothing around the panel (its size is set by CSS): no layout
    of the screen when new counts replace the rows, as they do each time the typing pauses
    (a layout of the search screen costs 5-11 ms at 100k articles). Its scrollbar still
    follows, as in `ResultsList`."""

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
            found = facets.get(field, ())
            values = [*found[:_PER_FIELD], *(f for f in found[_PER_FIELD:] if f.missing)]
            if not values:
                continue
            width = max(len(f"{facet.count:,}") for facet in values)
            rows.append(Option(Content.styled(heading, "bold"), disabled=True))
            for facet in values:
                label = MISSING_LABELS.get(field, facet.value) if facet.missing else facet.value
                row = Content.assemble((f"{facet.count:>{width},} ", "dim"), text_content(label))
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
