"""`newsdesk show ID`: metadata header, highlighted paragraphs, figures table, parties."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from index import Article, Span, SpanKind
from tui.cli.report import SPAN_STYLES, stdout_console


def header(article: Article) -> Text:
    """Title, then outlet · date (how known) · id, then URL and path."""
    text = Text()
    text.append(article.title or "(untitled)", style="bold")
    date = article.published.isoformat() if article.published else "no date"
    meta = [article.source or "unknown outlet", f"{date} ({article.published_how})"]
    if article.dateline:
        meta.append(f"dateline: {article.dateline}")
    meta.append(f"id {article.id}")
    text.append("\n" + " · ".join(meta), style="dim")
    if article.url:
        text.append("\n" + article.url, style="underline")
    text.append("\n" + article.path, style="dim")
    if article.tags:
        text.append("\ntags: " + ", ".join(article.tags), style="dim")
    return text


def paragraph_text(paragraph: str, spans: Sequence[Span]) -> Text:
    """A paragraph as Text, each span styled by kind (text is never parsed as markup)."""
    text = Text(paragraph)
    for span in spans:
        text.stylize(SPAN_STYLES[span.kind], span.start, span.end)
    return text


def legend() -> Text:
    """Which style means what."""
    text = Text()
    text.append("legend: ", style="dim")
    for kind in (SpanKind.FIGURE, SpanKind.PARTY, SpanKind.MATCH):
        text.append(str(kind), style=SPAN_STYLES[kind])
        text.append("  ")
    return text


def figures_table(article: Article) -> Table:
    """One row per figure: paragraph (from 1), phrase, measure, value, qualifier, attribution."""
    table = Table(title="Figures", title_justify="left", expand=False)
    for column in ("¶", "figure", "measure", "value", "qualifier", "attribution"):
        table.add_column(column, overflow="fold")
    for figure in article.figures:
        table.add_row(
            Text("title" if figure.paragraph is None else str(figure.paragraph + 1)),
            Text(figure.text),
            Text(figure.measure or "—"),
            Text(figure.value_text),
            Text(figure.qualifier or ""),
            Text(figure.attribution or ""),
        )
    return table


def parties_text(article: Article) -> Text:
    """Parties by number of mentions, with their kind and the spellings used."""
    counts = Counter(m.party for m in article.mentions)
    kinds = {m.party: m.kind for m in article.mentions}
    spellings: dict[str, set[str]] = {}
    for mention in article.mentions:
        spellings.setdefault(mention.party, set()).add(mention.text)
    text = Text()
    text.append("Parties", style="bold")
    for party, count in counts.most_common():
        text.append(f"\n  {party}", style=SPAN_STYLES[SpanKind.PARTY])
        variants = sorted(spellings[party] - {party})
        extra = f" as {', '.join(variants)}" if variants else ""
        text.append(f" ({kinds[party]}) ×{count}{extra}")
    return text


def article_renderable(article: Article, spans: Sequence[Span]) -> RenderableType:
    """The whole `show` output as one renderable."""
    by_paragraph: dict[int, list[Span]] = {}
    for span in spans:
        by_paragraph.setdefault(span.paragraph, []).append(span)
    parts: list[RenderableType] = [header(article), legend(), Text("")]
    for number, paragraph in enumerate(article.paragraphs):
        numbered = Text(f"¶{number + 1} ", style="dim")
        numbered.append_text(paragraph_text(paragraph, by_paragraph.get(number, ())))
        parts.append(numbered)
        parts.append(Text(""))
    if article.figures:
        parts.append(figures_table(article))
    if article.mentions:
        parts.append(parties_text(article))
    return Group(*parts)


def render_article(article: Article, spans: Sequence[Span], console: Console | None = None) -> None:
    """Print an article to the console (stdout by default)."""
    (console or stdout_console()).print(article_renderable(article, spans))
