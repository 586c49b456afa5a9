"""`newsdesk check`: one line per problem with its way out, then what a repair did."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from index import CheckReport
from tui.cli.report import stdout_console


def check_text(report: CheckReport) -> Text:
    """The report as plain lines (text is never parsed as markup)."""
    text = Text()
    for line in report.repaired:
        text.append(f"repaired: {line}\n", style="green")
    for problem in report.problems:
        text.append(f"{problem.part}: ", style="bold red")
        text.append(f"{problem.message}\n")
        text.append(f"  hint: {problem.hint}\n", style="dim")
    if report.ok:
        text.append("ok: ", style="bold green")
    articles = "?" if report.articles is None else str(report.articles)
    bookmarks = "?" if report.bookmarks is None else str(report.bookmarks)
    text.append(f"{articles} articles, {bookmarks} bookmarks")
    return text


def render_check(report: CheckReport, console: Console | None = None) -> None:
    """Print the report to the console (stdout by default)."""
    (console or stdout_console()).print(check_text(report))
