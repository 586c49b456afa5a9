"""Patterns written for speed (a prefix look-ahead, words spelt from their first letter) match
exactly what their plain forms match."""

from __future__ import annotations

import re

import pytest

from index.extract import measures, numbers, scope
from index.extract.match_prefixes import prefix_filter

TEXTS = [
    "Strikes in Gaza killed 20; in the enclave, Khan Younis and Rafah were hit.",
    "Israel's health ministry said 1,200 died in southern Israel on 7 October attacks.",
    "The Strip, the besieged enclave and the West Bank: inside Jenin, near Nablus.",
    "interior information; Ingrid's inn; attacks on Israel; Gazans; Gazastrip; a Gaza",
    "",
    "in",
    "Nothing here names a place at all, only words like interest and atlas.",
]


@pytest.mark.parametrize(
    ("pattern", "prefixes"),
    [
        (r"in\s+Gaza|near\s+Rafah", ["in", "nea"]),  # a category closes a prefix
        (r"(?:West|East)\s+Bank", ["Eas", "Wes"]),
        (r"\b(?:a|an)?Gaza", ["Gaz", "aGa", "anG"]),  # an optional part is read both ways
        (r"[Kk]han", ["Kha", "kha"]),
    ],
)
def test_the_filter_spells_the_prefixes(pattern: str, prefixes: list[str]) -> None:
    lookahead = prefix_filter(pattern)
    assert lookahead is not None
    for prefix in prefixes:
        assert re.match(lookahead, prefix + " ") is not None, prefix
    assert re.match(lookahead, "xyz") is None


@pytest.mark.parametrize(
    "pattern",
    [
        r"\w+ Gaza",  # a category first: any character may start a match
        r"(?:Gaza)?",  # a match may be empty
        r"[^a]bc",  # a negated class
        r"\d|Gaza",  # one alternative unspellable spoils the whole
    ],
)
def test_no_filter_when_a_match_can_start_anyhow(pattern: str) -> None:
    assert prefix_filter(pattern) is None


@pytest.mark.parametrize(
    "pattern",
    [
        r"\b(?:in|near|from)\s+(?:the\s+)?(?:Gaza(?:\s+Strip)?|Jenin)\b",
        r"Gaza['’]s?\s+(?:health\s+)?ministry|the\s+(?:besieged\s+)?enclave|Isra?el",
        r"(?:[Aa]ttacks?|Strikes)\s+on\s+Israel|7\s+October",
    ],
)
@pytest.mark.parametrize("depth", [1, 2, 4])
def test_a_filtered_pattern_finds_exactly_the_same_matches(pattern: str, depth: int) -> None:
    lookahead = prefix_filter(pattern, depth)
    assert lookahead is not None
    plain, filtered = re.compile(pattern), re.compile(lookahead + pattern)
    for text in TEXTS:
        assert [m.span() for m in filtered.finditer(text)] == [
            m.span() for m in plain.finditer(text)
        ]


def test_the_place_cues_are_filtered_and_unchanged() -> None:
    assert prefix_filter(scope._PLACE_ALTERNATIVES, 4) is not None
    plain = re.compile(rf"\b(?=\w){scope._PLACE_ALTERNATIVES}")
    for text in TEXTS:
        assert [(m.span(), m.lastgroup) for m in scope._place_re().finditer(text)] == [
            (m.span(), m.lastgroup) for m in plain.finditer(text)
        ]


def test_clause_breaks_spelt_from_their_first_letter_are_the_plain_words() -> None:
    plain = re.compile(
        r"[;:—–]|\s-\s|\b(?:after|since|while|when|because|before|whereas|although|but)\b"
    )
    text = (
        "after; butter but, abut sinceX since\nwhen-when - x; After Since but. _after 1after "
        "whereas: although, although's because before\u00a0- but\u00e9 debut"
    )
    assert [m.span() for m in scope._CLAUSE_BREAK_RE.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


def test_case_folded_letters_are_spelt_in_every_case_they_match() -> None:
    ascii_filter = prefix_filter(r"(?i:kill|seize)", ascii_only=True)
    unicode_filter = prefix_filter(r"(?i:kill|seize)")
    assert ascii_filter is not None
    assert unicode_filter is not None
    for word in ("kil", "KIL", "kIl", "SEI", "sEi"):
        assert re.match(ascii_filter, word, re.ASCII) is not None
        assert re.match(unicode_filter, word) is not None
    # under Unicode rules "k" also matches the Kelvin sign, "i" the dotted and dotless i
    for word in ("\u212aILL", "k\u0130LL", "k\u0131ll", "\u017fEIZE"):
        assert re.match(r"(?i:kill|seize)", word) is not None
        assert re.match(unicode_filter, word) is not None
    assert re.match(ascii_filter, "kit") is None
    assert prefix_filter(r"(?i:\u00e9t\u00e9)") is None  # a non-ASCII letter's folds: unlisted


def test_the_event_cues_are_filtered_and_unchanged() -> None:
    plain_unicode = re.compile(measures._EVENT_SCAN)
    plain_ascii = re.compile(measures._event_scan_pattern(folded=False)[0], re.ASCII)
    texts = [
        *TEXTS,
        " KİLLED kılled ſeized \u212aidnapped hostages were Released; freed",
        "Three people were killed and 12 wounded, freeing two hostages held",
    ]
    for text in texts:
        plain = plain_ascii if text.isascii() else plain_unicode
        assert [
            (m.span(), m.lastgroup) for m in measures._event_scans()[0].on(text).finditer(text)
        ] == [(m.span(), m.lastgroup) for m in plain.finditer(text)]


def test_the_number_anchors_are_filtered_and_unchanged() -> None:
    word = numbers._ANCHOR_WORD
    plain = rf"[\W\d](?:(?<=[$€£])\d+|(?<=\d)\d*|(?<=\W){word})"
    plain_unicode, plain_ascii = re.compile(plain), re.compile(plain, re.ASCII)
    texts = [
        *TEXTS,
        "TWO, Three-hundred; thousands of $45 and €3, £12 or 1,200 - fifteen Hundred ONE",
        "\u017fixteen \u212a \u0130 the thirteen, thirtieth, tenth tens \u201ctwo\u201d",
    ]
    for text in texts:
        expected = plain_ascii if text.isascii() else plain_unicode
        assert [(m.span(), m.lastgroup) for m in numbers._anchor_re().on(text).finditer(text)] == [
            (m.span(), m.lastgroup) for m in expected.finditer(text)
        ]
