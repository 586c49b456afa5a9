"""User text -> Whoosh query: field filters, syntax checks, capped expansions, safe fallback.

Never raises on what a user types. Field filters (`source:`, `party:`, `measure:`/`figure:`,
`tag:`, `date:`) are taken out first and turned into exact filter queries; the rest goes
to Whoosh's parser (phrases, AND/OR/NOT, groups, `word*`, `word~`) when it is well formed,
else it is searched as plain words and `fallback`/`notices` say why.

Prefix, wildcard and fuzzy terms are expanded here, not by Whoosh: Whoosh expands `ha*` to
every matching term and scores them all in Python (53 s for `ha*` at 100k articles). Here
an expansion keeps only the most frequent matching terms (`PREFIX_CAP`, `TYPING_CAP`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from whoosh import qparser, query
from whoosh.qparser import MultifieldParser
from whoosh.reading import IndexReader

from index.search.filter_values import ValuesOf
from index.search.filters import FILTER_PATTERN, filter_query
from index.search.long_query import loosen, plain_words, widen
from index.search.terms import cap_expansions
from index.store.analysis import analyse
from index.store.lexicon import Lexicon
from index.store.schema import TEXT_FIELDS, build_schema

MAX_QUERY_CHARS = 500
"""Longer queries are cut (a 10,000-character paste is not a query)."""

TYPING_MIN_PREFIX = 3
"""While typing, a last word shorter than this is not searched yet."""

MAX_FALLBACK_WORDS = 32
"""A plain-words fallback searches at most this many distinct words."""

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_OPERATOR = r"(?:AND|OR|NOT|ANDNOT|ANDMAYBE)"
_DANGLING = re.compile(
    rf"^\s*(?:AND|OR|ANDNOT|ANDMAYBE)\b|\b{_OPERATOR}\s*$|\b{_OPERATOR}\s+(?:AND|OR|ANDNOT|ANDMAYBE)\b"
)
_EMPTY_FIELD = re.compile(r"(?<![\w:])\w+:(?=\s|$|\))")
_EXPLICIT = re.compile(rf"[\"()]|\b{_OPERATOR}\b")
_WORD = re.compile(r"\w+(?:[.'’]\w+)*")
_FUZZY_WORD = re.compile(r"(\w+)~\d*")
_LAST_WORD = re.compile(r"(?<![\w:*~\"])(\w+)$")


@dataclass
class ParsedQuery:
    """What a user's text means, ready to run."""

    text_query: query.Query | None
    """The ranked part (None when the text has no words: list by date)."""
    filters: list[query.Query] = field(default_factory=list)
    terms: tuple[str, ...] = ()
    """Analysed title/body terms, for highlighting."""
    words: tuple[str, ...] = ()
    """The plain words typed (for "did you mean")."""
    fallback: bool = False
    notices: list[str] = field(default_factory=list)
    relaxable: bool = False
    """Plain words joined by the implicit AND: may be relaxed to OR when nothing matches."""
    long: bool = False
    """Many plain words, matched as "at least two" and ranked with feedback
    (`index.search.long_query`)."""

    @property
    def notice(self) -> str | None:
        """All notices as one sentence, or None."""
        return " ".join(self.notices) if self.notices else None


_PARSER: MultifieldParser | None = None


def _parser() -> MultifieldParser:
    global _PARSER
    if _PARSER is None:
        parser = MultifieldParser(list(TEXT_FIELDS), build_schema())
        parser.add_plugin(qparser.FuzzyTermPlugin())
        parser.remove_plugin_class(qparser.SingleQuotePlugin)
        _PARSER = parser
    return _PARSER


def parse_query(
    text: str,
    reader: IndexReader,
    *,
    as_you_type: bool = False,
    lexicon: Lexicon | None = None,
    values_of: ValuesOf | None = None,
) -> ParsedQuery:
    """Turn what a user typed into a ParsedQuery; never raises on bad syntax.

    `lexicon` (the store's, when warmed) makes prefix, wildcard and fuzzy expansion cheap;
    `values_of` (`filter_values.store_values`) the values keyword filters are matched to.
    """
    notices: list[str] = []
    clean = _CONTROL.sub(" ", text)
    if clean != text:
        notices.append("Control characters in the query were ignored.")
    if len(clean) > MAX_QUERY_CHARS:
        clean = clean[:MAX_QUERY_CHARS]
        notices.append(f"The query was cut to its first {MAX_QUERY_CHARS} characters.")
    rest, filters = _take_filters(clean, reader, notices, values_of)
    plain = plain_words(rest)
    if plain is not None:
        rest = plain
    if as_you_type:
        rest = _typing_prefix(rest)
    parsed = _parse_text(rest, reader, notices, as_you_type=as_you_type, lexicon=lexicon)
    loose = loosen(parsed.text_query) if plain is not None and parsed.relaxable else None
    if loose is not None:
        parsed.text_query, parsed.long = loose, True
    parsed.filters = [*filters, *parsed.filters]
    parsed.notices = notices
    parsed.fallback = parsed.fallback or bool(notices)
    return parsed


def _take_filters(
    text: str, reader: IndexReader, notices: list[str], values_of: ValuesOf | None = None
) -> tuple[str, list[query.Query]]:
    filters: list[query.Query] = []

    def take(match: re.Match[str]) -> str:
        found = filter_query(match.group(1).lower(), match.group(2), reader, values_of)
        if isinstance(found, str):
            notices.append(found)
        else:
            filters.append(found)
        return " "

    return FILTER_PATTERN.sub(take, text), filters


def _typing_prefix(text: str) -> str:
    """Search-as-you-type: a last word not followed by a space is a prefix."""
    match = _LAST_WORD.search(text)
    if match is None or text.rstrip() != text:
        return text
    word = match.group(1)
    if len(word) < TYPING_MIN_PREFIX or word.upper() in {"AND", "OR", "NOT"}:
        # One or two letters say little yet and would expand to the commonest words of
        # the lexicon (scoring them is what makes Whoosh's own prefix queries slow).
        return text[: match.start()]
    return f"{text[: match.start()]}{word}*"


def _parse_text(
    text: str,
    reader: IndexReader,
    notices: list[str],
    *,
    as_you_type: bool,
    lexicon: Lexicon | None = None,
) -> ParsedQuery:
    words = tuple(w for w in _WORD.findall(text) if w not in {"AND", "OR", "NOT"})
    if not text.strip():
        return ParsedQuery(None, words=words)
    problem = _syntax_problem(text)
    parsed: query.Query | None = None
    if problem is None:
        try:
            parsed = _parser().parse(text)
        except (ValueError, TypeError, IndexError, KeyError, AttributeError, RecursionError):
            problem = "The query could not be understood"
    if problem is None and parsed is query.NullQuery:
        # Well formed but nothing searchable (only stop words): matches nothing, and says why.
        shown = ", ".join(f"“{word}”" for word in dict.fromkeys(w.lower() for w in words))
        notices.append(f"Only words too common to search ({shown or 'none'}): add another word.")
        return ParsedQuery(query.NullQuery, words=words)
    if problem is None and parsed is not None and _only_negative(parsed):
        # "NOT gaza": every article without the word, as a filter, newest first (nothing
        # to rank by). It searched for "gaza" instead: the opposite of what was asked.
        notices.append("Only words to leave out: every article without them, newest first.")
        return ParsedQuery(None, filters=[parsed], words=words)
    if parsed is None or parsed is query.NullQuery:
        notices.append(f"{problem or 'The query could not be understood'}; searched for the words.")
        return _plain_words(words, reader, notices)
    if any(isinstance(leaf, query.Every) for leaf in parsed.leaves()):
        # Whoosh scores "*" (every document) one document at a time: 9-12 s at 21k.
        parsed = parsed.accept(_without_every).normalize()
        notices.append("A lone * matches every article, so it was left out.")
        if parsed is query.NullQuery:
            return ParsedQuery(None, words=words)
    capped = cap_expansions(
        parsed,
        reader,
        typing=as_you_type,
        notices=notices,
        lexicon=lexicon,
        written=_fuzzy_as_written(text),
    )
    relaxable = isinstance(capped, query.And) and not _EXPLICIT.search(text)
    return ParsedQuery(capped, terms=_terms_of(capped), words=words, relaxable=relaxable)


def _fuzzy_as_written(text: str) -> dict[str, str]:
    """Each fuzzy word's analysed form -> the word as typed ("fuzzi" -> "fuzzy~5")."""
    written: dict[str, str] = {}
    for match in _FUZZY_WORD.finditer(text):
        for stem in analyse(match.group(1))[:1]:
            written.setdefault(stem, match.group(0))
        written.setdefault(match.group(1).lower(), match.group(0))
    return written


def _without_every(node: query.Query) -> query.Query:
    """`accept` callback: drop `*` (Every) leaves; `normalize` then removes the gaps."""
    return query.NullQuery if isinstance(node, query.Every) else node


def relax(parsed: ParsedQuery) -> bool:
    """Turn an implicit AND of words into an OR (when nothing has all of them).

    A long query (at least two of its words) becomes "any of its words" instead.
    """
    if not parsed.relaxable or parsed.text_query is None:
        return False
    wider = widen(parsed.text_query) if parsed.long else None
    if wider is not None:
        parsed.text_query = wider
        parsed.relaxable = False
        parsed.notices.append("No article has two of the words; showing articles with any of them.")
        return True
    if not isinstance(parsed.text_query, query.And):
        return False
    parsed.text_query = query.Or(list(parsed.text_query.subqueries))
    parsed.relaxable = False
    parsed.notices.append("No article has all of the words; showing articles with any of them.")
    return True


def _syntax_problem(text: str) -> str | None:
    """A plain-words reason why the text is not a well-formed query, or None."""
    if text.count('"') % 2:
        return "A quote is not closed"
    depth = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth < 0:
            return "A bracket is closed before it is opened"
    if depth:
        return "A bracket is not closed"
    if _DANGLING.search(text):
        return "AND/OR/NOT need a word on each side"
    if _EMPTY_FIELD.search(text):
        return "A field name has no value after the colon"
    if text.count("[") != text.count("]"):
        return "A range bracket is not closed"
    return None


def _only_negative(parsed: query.Query) -> bool:
    return isinstance(parsed, query.Not)


def _plain_words(words: tuple[str, ...], reader: IndexReader, notices: list[str]) -> ParsedQuery:
    terms = list(dict.fromkeys(analyse(" ".join(words[: MAX_FALLBACK_WORDS * 4]))))
    terms = terms[:MAX_FALLBACK_WORDS]
    if not terms:
        return ParsedQuery(None, words=words, fallback=True, notices=notices)
    subqueries = [query.Term(name, term) for term in terms for name in TEXT_FIELDS]
    return ParsedQuery(
        query.Or(subqueries), terms=tuple(terms), words=words, fallback=True, notices=notices
    )


def plain_query(terms: tuple[str, ...]) -> query.Query:
    """An OR of analysed terms over title and body (used when a query fails to run)."""
    return query.Or([query.Term(name, term) for term in terms for name in TEXT_FIELDS])


def _terms_of(parsed: query.Query) -> tuple[str, ...]:
    found: dict[str, None] = {}
    for fieldname, text in parsed.iter_all_terms():
        if fieldname in TEXT_FIELDS:
            found[text.decode("utf-8") if isinstance(text, bytes) else str(text)] = None
    return tuple(found)
