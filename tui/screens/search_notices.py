"""The search screen's words: what an indexing run did, no results, the inline notice.

Pure: models in, `Content` (or text) out; query text and file names only ever go in through
`text_content` (no markup, control characters made visible).
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from textual.content import Content

from index import IngestReport, SearchPage, progress_label, visible_controls
from tui.render import text_content

_SKIPS_SHOWN = 4
"""Skipped files named in the notification (the CLI's `newsdesk index` lists them all)."""


def indexed_notice(report: IngestReport) -> tuple[str, Literal["information", "warning"]]:
    """What an indexing run did, naming the files it skipped and why."""
    added = len(report.added) + len(report.updated)
    lines = [f"Indexed {added} articles in {report.seconds:.1f} s."]
    if report.duplicates:
        lines[0] += f" {len(report.duplicates)} duplicates left out."
    if not report.skipped:
        return "\n".join(lines), "information"
    lines.append(f"Skipped {len(report.skipped)} files or records:")
    lines += [
        visible_controls(f"• {Path(s.path).name}: {s.reason}")
        for s in report.skipped[:_SKIPS_SHOWN]
    ]
    if len(report.skipped) > _SKIPS_SHOWN:
        lines.append(f"… and {len(report.skipped) - _SKIPS_SHOWN} more (newsdesk index lists all)")
    return "\n".join(lines), "warning"


def nothing_found(page: SearchPage) -> Content:
    """What the results list says when a query matched nothing."""
    if not page.query:
        return Content("The library is empty: index a folder (ctrl+p, “Index a folder…”).")
    lines = [Content.assemble("No article matches “", text_content(page.query), "”.")]
    if page.suggestion:
        lines.append(
            Content.assemble(
                "Did you mean ",
                text_content(page.suggestion, "bold underline"),
                "? ctrl+y searches it.",
            )
        )
    else:
        lines.append(Content.styled("Check the spelling, or drop a word or a filter.", "dim"))
    return Content("\n").join(lines)


def inline_notice(page: SearchPage) -> Content | None:
    """The inline line under the input: fallback notice and/or "did you mean"."""
    parts: list[Content] = []
    if page.notice:
        parts.append(Content.assemble(("⚠ ", "bold"), text_content(page.notice)))
    if page.suggestion:
        parts.append(
            Content.assemble(
                "Did you mean ",
                text_content(page.suggestion, "bold underline"),
                "?  (ctrl+y to use it)",
            )
        )
    return Content("  ").join(parts) if parts else None


def indexing_line(done: int, total: int, current: str) -> str:
    """The progress line ("Indexing 3 / 10 · a.txt"), with a streamed export's records."""
    path, read, expected = progress_label(current)
    line = f"Indexing {done:,} / {total:,} · {Path(path).name}"
    if read is not None:
        line += f" · {read:,}/{expected:,} records" if expected else f" · {read:,} records"
    return line
