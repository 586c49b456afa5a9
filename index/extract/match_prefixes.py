"""The literal prefixes every match of a regex starts with, for a cheap look-ahead filter.

A pattern that is a long alternation tried at every word start ("in Gaza", "Khan Younis",
"the enclave", …) costs the regex engine every alternative at every word, although almost
no word can start any of them. `prefix_filter` reads the compiled pattern's parse tree and
returns a look-ahead over the few characters each match must start with ("in", "Gaz",
"Kha", "the", …); put right after the pattern's leading assertions, it rejects most
positions after a character or two and never changes what the pattern matches (every match
starts with one of the prefixes by construction).
"""

from __future__ import annotations

import importlib
import re
from typing import Any, NamedTuple

from index.extract.word_trie import trie_pattern

try:  # the regex parser's own tree (private, but stable from 3.11 to 3.13): without it, no filter
    _parser: Any = importlib.import_module("re._parser")
    _ops: Any = importlib.import_module("re._constants")
except ImportError:  # pragma: no cover - another Python: the patterns run unfiltered
    _parser = _ops = None

_Prefix = tuple[str, bool]
"""A prefix and whether it is closed: True once more characters can follow it unread."""

_MAX_SET = 64
"""A character class with more members than this stops a prefix (it would filter little)."""


def prefix_filter(pattern: str, depth: int = 3, *, ascii_only: bool = False) -> str | None:
    r"""A look-ahead that every match of `pattern` satisfies at its start, or None.

    Args:
        pattern: A regex source, compiled without flags (inline groups may set them).
        depth: How many characters of each match to read at most.
        ascii_only: The pattern is compiled with `re.ASCII`, so a case-insensitive letter
            is spelt in its two ASCII cases only (under Unicode rules "k" also matches the
            Kelvin sign: `_UNICODE_FOLDS`).

    Returns:
        `(?=…)` over the literal prefixes, or None when some match may start with a
        character the tree does not spell out (a category such as `\w`, a look-behind-only
        start), or when the parser is not there to read.
    """
    if _parser is None:
        return None  # pragma: no cover
    try:
        tree = _parser.parse(pattern)
        fold = bool(tree.state.flags & re.IGNORECASE)
        prefixes = _sequence(list(tree), depth, _Reading(fold, ascii_only))
    except (AttributeError, TypeError, ValueError):  # pragma: no cover - a changed tree shape
        return None
    if any(not text for text, _closed in prefixes):
        return None
    return "(?=" + trie_pattern(sorted({text for text, _closed in prefixes})) + ")"


def filtered(pattern: str, depth: int = 3, *, ascii_only: bool = False) -> str:
    """`pattern` behind its `prefix_filter` (the pattern alone when there is none).

    Put it where the match starts, after any look-behind: the look-ahead reads from there.
    """
    return (prefix_filter(pattern, depth, ascii_only=ascii_only) or "") + pattern


class _Reading(NamedTuple):
    """How the characters of the current part of the tree match."""

    fold: bool
    """Case-insensitively."""
    ascii_only: bool
    """Under `re.ASCII` (case folds only ASCII letters)."""

    def chars(self, chars: set[str]) -> set[str] | None:
        """The characters a set of literals matches (None: not spelt out here)."""
        if not self.fold:
            return chars
        spelt: set[str] = set()
        for char in chars:
            if char.lower() == char.upper():
                spelt.add(char)  # no case: a digit, a space, a sign
            elif not char.isascii():
                return None  # a non-ASCII letter's folds are not listed here
            else:
                spelt.update((char.lower(), char.upper()))
                if not self.ascii_only:
                    spelt.update(_UNICODE_FOLDS.get(char.lower(), ""))
        return spelt


_UNICODE_FOLDS = {"i": "\u0130\u0131", "k": "\u212a", "s": "\u017f"}
"""The non-ASCII letters `re` matches to an ASCII letter case-insensitively (found by trying
every code point): "İ" and "ı" for i, the Kelvin sign for k, the long s for s."""


def _sequence(items: list[tuple[object, object]], depth: int, reading: _Reading) -> set[_Prefix]:
    r"""The prefixes of a sequence of parse-tree items, each at most `depth` long.

    An item that cannot be spelt out closes the prefixes read before it ("in" for
    `in\s+Gaza`): they still filter, just less.
    """
    found: set[_Prefix] = {("", False)}
    for op, arg in items:
        if all(closed or len(text) >= depth for text, closed in found):
            break
        step = _item(op, arg, depth, reading)
        if step is None:
            return {(text, True) for text, _closed in found}
        grown: set[_Prefix] = set()
        for text, closed in found:
            if closed or len(text) >= depth:
                grown.add((text, True))
                continue
            for more, more_closed in step:
                joined = text + more
                grown.add((joined[:depth], more_closed or len(joined) >= depth))
        found = grown
    return found


def _item(op: object, arg: object, depth: int, reading: _Reading) -> set[_Prefix] | None:
    """The prefixes one parse-tree item can contribute (None: it cannot be spelt out)."""
    if op in (_ops.AT, _ops.ASSERT, _ops.ASSERT_NOT):
        return {("", False)}  # zero-width: nothing read
    if op is _ops.LITERAL:
        assert isinstance(arg, int)
        spelt = reading.chars({chr(arg)})
        return None if spelt is None else {(char, False) for char in spelt}
    if op is _ops.IN:
        assert isinstance(arg, list)
        chars: set[str] = set()
        for kind, value in arg:
            if kind is _ops.LITERAL:
                chars.add(chr(value))
            elif kind is _ops.RANGE and value[1] - value[0] < _MAX_SET:
                chars.update(chr(code) for code in range(value[0], value[1] + 1))
            else:
                return None  # a category or a negated set: no short list of characters
        spelt = reading.chars(chars)
        if spelt is None or len(spelt) > _MAX_SET:
            return None
        return {(char, False) for char in spelt}
    if op is _ops.BRANCH:
        assert isinstance(arg, tuple)
        union: set[_Prefix] = set()
        for alternative in arg[1]:
            union |= _sequence(list(alternative), depth, reading)
        return union
    if op is _ops.SUBPATTERN:
        assert isinstance(arg, tuple)
        _group, add_flags, del_flags, body = arg
        fold = (reading.fold or bool(add_flags & re.IGNORECASE)) and not (del_flags & re.IGNORECASE)
        return _sequence(list(body), depth, reading._replace(fold=fold))
    if op in (_ops.MAX_REPEAT, _ops.MIN_REPEAT, _ops.POSSESSIVE_REPEAT):
        assert isinstance(arg, tuple)
        low, _high, body = arg
        inner = _sequence(list(body), depth, reading)
        # What a second repetition reads is not followed: every prefix is closed there.
        once = {(text, True) for text, _closed in inner}
        return once if low else once | {("", False)}
    if op is _ops.ATOMIC_GROUP:
        assert isinstance(arg, _parser.SubPattern)
        return _sequence(list(arg), depth, reading)
    return None
