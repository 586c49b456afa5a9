"""Capped expansion of prefix, wildcard and fuzzy terms to the most frequent real terms.

Whoosh would expand `ha*` to every term that starts with "ha" and score each one in
Python; here each expansion reads the lexicon once (at most `SCAN_CAP` entries), keeps the
`cap` terms with the highest document frequency, and always includes the exact stem.
"""

from __future__ import annotations

import fnmatch
import heapq
import re
from collections.abc import Mapping

from whoosh import query
from whoosh.reading import IndexReader

from index.search.spelling import edits1
from index.store.analysis import analyse
from index.store.lexicon import Lexicon, prefix_frequencies
from index.text.stemming import stem_cache

PREFIX_CAP = 20
"""Most terms an explicit `word*` (or wildcard, or `word~`) expands to."""

TYPING_CAP = 6
"""Most terms the last, unfinished word of search-as-you-type expands to."""

MAX_FUZZY_EDITS = 2
"""Most edits `word~N` looks for (as in Lucene): more matches nearly any short word."""

SCAN_CAP = 50_000
"""Most lexicon entries one expansion reads (bounds the cost of `h*` on a huge index)."""


def cap_expansions(
    parsed: query.Query,
    reader: IndexReader,
    *,
    typing: bool,
    notices: list[str],
    lexicon: Lexicon | None = None,
    written: Mapping[str, str] | None = None,
) -> query.Query:
    """Replace Prefix/Wildcard/FuzzyTerm leaves by an Or of their most frequent terms.

    With a `lexicon` (the store's, once warmed) prefixes, wildcards and fuzzy edits are
    looked up in it instead of in every segment of the reader. `written` maps a fuzzy
    term's analysed text ("fuzzi") to what the user typed ("fuzzy~5"), for the notices.
    """
    cap = TYPING_CAP if typing else PREFIX_CAP
    capped: list[str] = []

    def expand(node: query.Query) -> query.Query:
        if isinstance(node, query.FuzzyTerm):
            terms, total = _fuzzy_terms(node, reader, cap, lexicon)
            typed = (written or {}).get(str(node.text), f"{node.text}~")
            limited = f"{typed} looks at most {MAX_FUZZY_EDITS} edits away."
            if node.maxdist > MAX_FUZZY_EDITS and limited not in notices:
                notices.append(limited)
        elif isinstance(node, query.Prefix):
            terms, total = _prefix_terms(node.fieldname, str(node.text), reader, cap, lexicon)
        elif isinstance(node, query.Wildcard):
            terms, total = _wildcard_terms(node.fieldname, str(node.text), reader, cap, lexicon)
        else:
            return node
        if total > len(terms) and not typing:
            marks = {query.FuzzyTerm: "~", query.Prefix: "*"}
            capped.append(f"{node.text}{marks.get(type(node), '')}")
        if not terms:
            return query.NullQuery
        return query.Or([query.Term(node.fieldname, t) for t in terms], boost=node.boost)

    result = parsed.accept(expand)
    if capped:
        shown = ", ".join(dict.fromkeys(capped))
        notices.append(f"{shown} matched many words; searched the {cap} most common of them.")
    return result.normalize()


def _top(found: list[tuple[int, str]], cap: int) -> list[str]:
    return [text for _, text in heapq.nlargest(cap, found)]


def _prefix_terms(
    fieldname: str, prefix: str, reader: IndexReader, cap: int, lexicon: Lexicon | None
) -> tuple[list[str], int]:
    found = _with_prefix(fieldname, prefix, reader, lexicon)
    stems = analyse(prefix)
    top = _top(found, cap)
    for stem in stems[:1]:
        if stem not in top and _has(fieldname, stem, reader, lexicon):
            top.insert(0, stem)
    return top, len(found)


def _with_prefix(
    fieldname: str, prefix: str, reader: IndexReader, lexicon: Lexicon | None
) -> list[tuple[int, str]]:
    """(document frequency, term) of at most `SCAN_CAP` terms starting with `prefix`."""
    if lexicon is not None and lexicon.covers(fieldname):
        return lexicon.with_prefix(fieldname, prefix, SCAN_CAP)
    raw = prefix_frequencies(reader, fieldname, prefix, SCAN_CAP)
    if raw is not None:
        return raw
    found: list[tuple[int, str]] = []
    for count, (term, info) in enumerate(reader.iter_prefix(fieldname, prefix)):
        if count >= SCAN_CAP:
            break
        found.append((info.doc_frequency(), _text(term)))
    return found


def _has(fieldname: str, term: str, reader: IndexReader, lexicon: Lexicon | None) -> bool:
    if lexicon is not None and lexicon.covers(fieldname):
        return lexicon.has(fieldname, term)
    return (fieldname, term) in reader


def _wildcard_terms(
    fieldname: str, pattern: str, reader: IndexReader, cap: int, lexicon: Lexicon | None
) -> tuple[list[str], int]:
    literal = re.split(r"[*?]", pattern, maxsplit=1)[0]
    matcher = re.compile(fnmatch.translate(pattern))
    found = [
        (count, text)
        for count, text in _with_prefix(fieldname, literal, reader, lexicon)
        if matcher.match(text)
    ]
    return _top(found, cap), len(found)


def _fuzzy_terms(
    node: query.FuzzyTerm, reader: IndexReader, cap: int, lexicon: Lexicon | None
) -> tuple[list[str], int]:
    fieldname = node.fieldname
    maxdist = min(node.maxdist, MAX_FUZZY_EDITS)
    fast = lexicon if lexicon is not None and lexicon.covers(fieldname) else None
    candidates: dict[str, None] = {}
    words = [str(node.text), *analyse(str(node.text))]
    if maxdist >= 1 and str(node.text).isalpha():
        # One edit on the *word* may change its stem more ("hamass" -> "hamas" -> "hama").
        for stem in stem_cache().stem_all(edits1(str(node.text))):
            if _has(fieldname, stem, reader, lexicon):
                candidates[stem] = None
    for word in dict.fromkeys(words):
        if fast is not None:
            # Edits looked up in the lexicon: Whoosh's terms_within walks every segment's
            # term list (0.5 s for `said~` at 21k articles, 1.6 s for `oil~5`).
            keep = word[: node.prefixlength]
            for near in _within(word, maxdist):
                if near.startswith(keep) and fast.has(fieldname, near):
                    candidates[near] = None
        else:
            for term in reader.terms_within(fieldname, word, maxdist, prefix=node.prefixlength):
                candidates[_text(term)] = None
    if fast is not None:
        found = [(fast.frequency(fieldname, text), text) for text in candidates]
    else:
        found = [(reader.doc_frequency(fieldname, text), text) for text in candidates]
    return _top(found, cap), len(found)


def _within(word: str, maxdist: int) -> set[str]:
    """The word and every string at most `maxdist` (<= 2) edits from it."""
    near = {word}
    ring = [word]
    for _ in range(maxdist):
        ring = [edit for w in ring for edit in edits1(w) if edit not in near]
        near.update(ring)
    return near


def _text(term: bytes | str) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else term
