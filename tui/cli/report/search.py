"""`newsdesk search` and `newsdesk related`: ranked lists with highlighted snippets."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from index import Article, ArticleSummary, RelatedArticle, SearchHit, SearchPage, SpanKind
from tui.cli.report import SPAN_STYLES, stdout_console


def _date(summary: ArticleSummary) -> str:
    """The publication date, or a dash."""
    return summary.published.isoformat() if summary.published else "—"


def _status(page: SearchPage) -> Text:
    """Hit count and time, then the fallback notice and "did you mean", when present."""
    text = Text()
    text.append(f"{page.total} result{'s' if page.total != 1 else ''} ", style="bold")
    text.append(f"({page.took_ms:.1f} ms, sorted by {page.sort})", style="dim")
    if page.notice:
        text.append("\n" + page.notice, style="yellow")
    if page.suggestion:
        text.append("\ndid you mean: ", style="dim")
        text.append(page.suggestion, style="bold")
    return text


MISSING_LABELS = {"source": "unknown outlet", "month": "undated"}
"""How the "none" facet value of a field is written."""


def _facets(page: SearchPage) -> Text:
    """One line per facet: `outlet: Sputnik 3, AFP 2, unknown outlet 1`."""
    text = Text()
    for name, values in page.facets.items():
        if values:
            shown = ", ".join(
                f"{MISSING_LABELS.get(name, v.value) if v.missing else v.value} {v.count}"
                for v in [*values[:6], *[v for v in values[6:] if v.missing]]
            )
            text.append(f"{name}: ", style="dim")
            text.append(shown + "\n")
    text.rstrip()
    return text


def _entry(rank: int, title: str, details: Text) -> RenderableType:
    """A numbered title with its details indented under it (wrapped lines too)."""
    grid = Table.grid()
    grid.add_column(width=4, no_wrap=True)
    grid.add_column()
    grid.add_row(Text(f"{rank:>2}. ", style="dim"), Group(Text(title, style="bold"), details))
    return grid


def hit_entry(hit: SearchHit) -> RenderableType:
    """One result: rank and title, then id · outlet · date · score, then the snippet."""
    meta = (hit.article.id, hit.article.source or "—", _date(hit.article), f"{hit.score:.2f}")
    details = Text(" · ".join(meta), style="dim")
    snippet = Text(hit.snippet.text)
    for start, end in hit.snippet.matches:
        snippet.stylize(SPAN_STYLES[SpanKind.MATCH], start, end)
    details.append("\n")
    details.append_text(snippet)
    return _entry(hit.rank, hit.article.title, details)


def search_renderable(page: SearchPage) -> RenderableType:
    """The whole `search` output."""
    parts: list[RenderableType] = [_status(page)]
    for hit in page.hits:
        parts.append(Text(""))
        parts.append(hit_entry(hit))
    facets = _facets(page)
    if facets.plain:
        parts.extend((Text(""), facets))
    return Group(*parts)


def render_search_page(page: SearchPage, console: Console | None = None) -> None:
    """Print a search page."""
    (console or stdout_console()).print(search_renderable(page))


def related_entry(row: RelatedArticle, rank: int) -> RenderableType:
    """One related report: title, then id · outlet · date (days apart) · score, then shared."""
    days = f" ({row.days_apart:+d} days)" if row.days_apart is not None else ""
    meta = (row.article.id, row.article.source or "—", _date(row.article) + days)
    details = Text(" · ".join(meta) + f" · {row.score:.2f}", style="dim")
    if row.shared_parties or row.shared_measures:
        details.append("\nshares: ")
        details.append(", ".join(row.shared_parties[:6]), style=SPAN_STYLES[SpanKind.PARTY])
        if row.shared_parties and row.shared_measures:
            details.append("; ")
        details.append(", ".join(row.shared_measures[:4]), style=SPAN_STYLES[SpanKind.FIGURE])
    return _entry(rank, row.article.title, details)


def related_renderable(article: Article, related: Sequence[RelatedArticle]) -> RenderableType:
    """The reports most similar to `article`, with what they share."""
    title = Text()
    title.append("Related to ", style="dim")
    title.append(article.title, style="bold")
    title.append(f" ({article.id})", style="dim")
    if not related:
        return Group(title, Text("No related reports found.", style="dim"))
    parts: list[RenderableType] = [title]
    for rank, row in enumerate(related, start=1):
        parts.extend((Text(""), related_entry(row, rank)))
    return Group(*parts)


def render_related(
    article: Article, related: Sequence[RelatedArticle], console: Console | None = None
) -> None:
    """Print the related reports of an article."""
    (console or stdout_console()).print(related_renderable(article, related))
