"""One regular expression for many words, shaped as a character trie.

An alternation of a few thousand literal forms ("Hamas", "Hamas-run health ministry", …) is
slow in Python's `re`: every branch is tried at every position. Shared prefixes make a trie
("Ham(?:as(?:-run …)?)"), so a position is rejected after a character or two, in C. The
gazetteer's matcher (`index.extract.parties`) and the name cues (`index.extract.names`)
compile their word lists with it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_Trie = dict[str, "_Trie"]


def trie_pattern(forms: Iterable[str]) -> str:
    r"""The regex source matching any of `forms` (no boundaries: the caller adds them).

    Greedy optional groups make the longest form win (backtracking to a shorter one when
    what follows fails). A space in a form matches any run of whitespace (a line break, a
    no-break space). A look-ahead on the first characters rejects most positions cheaply.
    """
    root = _trie(forms)
    if not root:
        return r"(?!)"
    firsts = "".join(re.escape(char) for char in sorted(root))
    return rf"(?=[{firsts}])" + _render(root)


def trie_branches(forms: Iterable[str]) -> dict[str, str]:
    """For each first character of `forms`, the regex source of what follows it.

    `re.escape(char) + branches[char]` matches the forms starting with `char` as
    `trie_pattern` does, so a caller can add its own tests right after the first character.
    """
    return {char: _render(child) for char, child in sorted(_trie(forms).items()) if char}


def form_pattern(form: str) -> str:
    """The regex source matching one form, as `trie_pattern` would (spaces: any whitespace)."""
    return "".join(_char(char) for char in form)


def _trie(forms: Iterable[str]) -> _Trie:
    """The forms as a character trie; "" marks the end of a form."""
    root: _Trie = {}
    for form in forms:
        node = root
        for char in form:
            node = node.setdefault(char, {})
        node[""] = {}
    return root


def _render(node: _Trie) -> str:
    """The regex for the forms below one trie node (longest first via greedy `?`)."""
    branches = [_char(ch) + _render(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return (body if len(branches) > 1 else "(?:" + body + ")") + "?"


def _char(char: str) -> str:
    """The regex for one character of a form: a space stands for any whitespace run."""
    return r"\s+" if char == " " else re.escape(char)
