"""What `newsdesk check` found and, with `--repair`, did (and its JSON shape)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from index.models.article import JsonValue


class CheckedPart(StrEnum):
    """The parts of a library `newsdesk check` verifies."""

    INDEX = "index"
    MANIFEST = "manifest"
    BOOKMARKS = "bookmarks"


@dataclass(frozen=True, slots=True)
class CheckProblem:
    """One damaged part: what is wrong and the way out."""

    part: CheckedPart
    message: str
    hint: str


@dataclass(frozen=True, slots=True)
class CheckReport:
    """The outcome of `Library.check` or `Library.repair`."""

    problems: tuple[CheckProblem, ...] = ()
    """What is still wrong (after a repair: what it could not fix)."""
    repaired: tuple[str, ...] = ()
    """What a repair did, one line each."""
    articles: int | None = None
    """How many articles the index holds (None when it cannot be read)."""
    bookmarks: int | None = None
    """How many bookmarks there are (None when the file cannot be read)."""

    @property
    def ok(self) -> bool:
        """Nothing is wrong."""
        return not self.problems

    def as_json(self) -> dict[str, JsonValue]:
        """`newsdesk check --json`: {ok, problems: [{part, message, hint}], repaired, ...}."""
        return {
            "ok": self.ok,
            "problems": [
                {"part": str(p.part), "message": p.message, "hint": p.hint} for p in self.problems
            ],
            "repaired": list(self.repaired),
            "articles": self.articles,
            "bookmarks": self.bookmarks,
        }
