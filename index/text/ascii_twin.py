r"""A regular expression compiled twice: as written, and with `re.ASCII` for ASCII texts.

`\w`, `\W`, `\d`, `\s` and `\b` look a character's Unicode category up; under `re.ASCII`
they read a small table, which makes a scan over every position of a text about a third
faster. On a text of ASCII characters only the two compilations find the same matches:
the categories agree on ASCII characters, and case-insensitively the only non-ASCII
letters that match ASCII ones ("İ", "ı", "ſ", Kelvin "K") are refused in the pattern.
`str.isascii` reads a flag, so choosing costs nothing.
"""

from __future__ import annotations

import re
from typing import NamedTuple

_FOLDS_TO_ASCII = "\u0130\u0131\u017f\u212a"
"""The non-ASCII letters that `re` matches to ASCII letters when it ignores case."""


class AsciiTwin(NamedTuple):
    """One pattern, compiled for any text and for ASCII texts."""

    unicode: re.Pattern[str]
    ascii: re.Pattern[str]

    def on(self, text: str) -> re.Pattern[str]:
        """The compilation to run on `text`: the faster one when `text` is ASCII."""
        return self.ascii if text.isascii() else self.unicode


def ascii_twin(pattern: str, flags: int = 0) -> AsciiTwin:
    """Compile `pattern` for any text and for ASCII texts (see the module docstring).

    Raises:
        ValueError: The pattern holds a letter that matches an ASCII letter only
            case-insensitively under Unicode rules, so the twins could differ.
    """
    if any(char in pattern for char in _FOLDS_TO_ASCII):
        raise ValueError("a letter that folds to ASCII makes the twins differ")
    return AsciiTwin(re.compile(pattern, flags), re.compile(pattern, flags | re.ASCII))
