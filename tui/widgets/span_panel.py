"""SpanPanel: the article's figures and parties; selecting one scrolls the reader to it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from textual import on
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from index import Article, CountKey, Figure, Mention
from tui.render import text_content
from tui.widgets.vim_option_list import VimOptionList


def figure_row(figure: Figure) -> Content:
    """Measure, value with qualifier, attribution; e.g. "killed: nearly 1,200 people"."""
    measure = (figure.measure or "figure").replace("_", " ")
    lines = [Content.assemble(text_content(f"{measure}: ", "bold"), text_content(figure.text))]
    if figure.attribution:
        lines.append(text_content(f"  {figure.attribution}", "dim"))
    return Content("\n").join(lines)


def party_row(party: str, count: int, first: Mention) -> Content:
    """Party name, kind, affiliation and mention count."""
    detail = str(first.kind) + (f", {first.affiliation}" if first.affiliation else "")
    return Content.assemble(text_content(party), text_content(f"  {detail} ×{count}", "dim"))


class SpanPanel(VimOptionList):
    """Figures then parties of one article; Enter or a click posts `Chosen`."""

    @dataclass
    class Chosen(Message):
        """Scroll the reader to this place (and, for a counted figure, show its story)."""

        paragraph: int
        start: int
        end: int
        count: CountKey | None = None
        """The count of the chosen figure (None for a party or an uncounted figure)."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002 (Textual keyword)
        super().__init__(id=id, markup=False)
        self.targets: list[tuple[int, int, int]] = []
        """(paragraph, start, end) of each selectable row, in order."""
        self.counts: list[CountKey | None] = []
        """The count of each row's figure (None for parties and uncounted figures)."""
        self._rows: list[Option] = []

    def show_article(self, article: Article) -> None:
        """List the figures (in reading order) and the parties (most mentioned first)."""
        self.targets = []
        self.counts = []
        self._rows = []
        if article.figures:
            self._rows.append(Option(Content.styled("Figures", "bold underline"), disabled=True))
        for figure in sorted(article.figures, key=lambda f: f.position):
            if figure.paragraph is not None:  # title figures show in the title itself
                target = (figure.paragraph, figure.start, figure.end)
                self._add(figure_row(figure), target, CountKey.of(figure))
        counts = Counter(m.party for m in article.mentions)
        if counts:
            self._rows.append(Option(Content.styled("Parties", "italic bold"), disabled=True))
        firsts: dict[str, Mention] = {}
        for mention in sorted(article.mentions, key=lambda m: m.position):
            firsts.setdefault(mention.party, mention)
        for party, count in counts.most_common():
            first = firsts[party]
            paragraph = 0 if first.paragraph is None else first.paragraph
            start, end = (0, 0) if first.paragraph is None else (first.start, first.end)
            self._add(party_row(party, count, first), (paragraph, start, end))
        self.set_options(self._rows)

    def _add(
        self, prompt: Content, target: tuple[int, int, int], count: CountKey | None = None
    ) -> None:
        self._rows.append(Option(prompt, id=f"target-{len(self.targets)}"))
        self.targets.append(target)
        self.counts.append(count)

    @on(OptionList.OptionSelected)
    def choose(self, event: OptionList.OptionSelected) -> None:
        """Turn the selected row into a place in the article."""
        event.stop()
        if event.option.id is not None:
            number = int(event.option.id.removeprefix("target-"))
            paragraph, start, end = self.targets[number]
            self.post_message(self.Chosen(paragraph, start, end, self.counts[number]))
