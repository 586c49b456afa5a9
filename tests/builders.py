"""Builders for hand-made models: articles, figures and mentions with keyword defaults.

A test names only what matters to it: `figure("1,200 people", value=1200, measure="killed")`,
`article(("Talks resumed.",), article_id="b")`. `figure_in` and `mentions_in` find their
phrase in the paragraphs, so offsets are never typed by hand.
"""

from __future__ import annotations

import struct
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from typing import TypedDict, Unpack

from index.ingest import neardup
from index.models import (
    AnchorStatus,
    Article,
    ArticleId,
    Bookmark,
    Figure,
    Mention,
    MentionKind,
    PublishedHow,
)


class FigureFields(TypedDict, total=False):
    """What a figure says, besides where it is (every field defaults to None)."""

    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None
    counted: str | None
    measure: str | None
    attribution: str | None
    unit: str | None
    group: str | None
    place: str | None


def figure(
    text: str,
    *,
    paragraph: int = 0,
    start: int = 0,
    end: int | None = None,
    **fields: Unpack[FigureFields],
) -> Figure:
    """A figure spanning `start` to `start + len(text)` of a paragraph (unless `end` is given)."""
    return Figure(
        text=text,
        value=fields.get("value"),
        low=fields.get("low"),
        high=fields.get("high"),
        qualifier=fields.get("qualifier"),
        counted=fields.get("counted"),
        measure=fields.get("measure"),
        attribution=fields.get("attribution"),
        paragraph=paragraph,
        start=start,
        end=start + len(text) if end is None else end,
        unit=fields.get("unit"),
        group=fields.get("group"),
        place=fields.get("place"),
    )


def figure_in(paragraphs: Sequence[str], phrase: str, **fields: Unpack[FigureFields]) -> Figure:
    """A figure at the first occurrence of `phrase` in `paragraphs`."""
    for number, paragraph in enumerate(paragraphs):
        at = paragraph.find(phrase)
        if at >= 0:
            return figure(phrase, paragraph=number, start=at, **fields)
    raise AssertionError(f"{phrase!r} is not in the paragraphs")


def mention(
    party: str,
    *,
    kind: MentionKind = MentionKind.ORGANIZATION,
    affiliation: str | None = None,
    text: str | None = None,
    paragraph: int = 0,
    start: int = 0,
) -> Mention:
    """A mention of `party`, written as `text` (the party's name by default) at `start`."""
    written = party if text is None else text
    return Mention(party, kind, affiliation, written, paragraph, start, start + len(written))


def mentions_in(
    paragraphs: Sequence[str],
    names: Mapping[str, str],
    *,
    kind: MentionKind = MentionKind.ORGANIZATION,
) -> tuple[Mention, ...]:
    """Every occurrence of each written name (a key of `names`) as a mention of its party."""
    found = []
    for number, paragraph in enumerate(paragraphs):
        for written, party in names.items():
            start = paragraph.find(written)
            while start >= 0:
                found.append(mention(party, kind=kind, text=written, paragraph=number, start=start))
                start = paragraph.find(written, start + len(written))
    return tuple(found)


def article(
    paragraphs: Sequence[str],
    *,
    article_id: str = "a1",
    path: str | None = None,
    title: str = "Truce holds",
    source: str | None = None,
    url: str | None = None,
    published: date | None = None,
    tags: Sequence[str] = (),
    figures: Sequence[Figure] = (),
    mentions: Sequence[Mention] = (),
    raw: str = "",
    content_hash: str = "",
) -> Article:
    """An article holding these paragraphs; dated (STATED) only when `published` is given."""
    return Article(
        id=ArticleId(article_id),
        path=f"{article_id}.txt" if path is None else path,
        title=title,
        source=source,
        url=url,
        published=published,
        published_how=PublishedHow.STATED if published else PublishedHow.UNKNOWN,
        tags=tuple(tags),
        paragraphs=tuple(paragraphs),
        figures=tuple(figures),
        mentions=tuple(mentions),
        raw=raw,
        content_hash=content_hash,
    )


def make_bookmark(**changes: object) -> Bookmark:
    """A bookmark on the first sentence of paragraph 1."""
    bookmark = Bookmark(
        id=4,
        article_id=ArticleId("a1"),
        quote="Hamas released 13 hostages.",
        prefix="First paragraph.\n\n",
        suffix=" The Red Cross took them.",
        paragraph=1,
        start=0,
        end=27,
        note="check the count",
        tags=("hostages", "count"),
        created="2024-01-01T00:00:00Z",
        updated="2024-01-02T00:00:00Z",
        status=AnchorStatus.ANCHORED,
        article_title="Truce holds",
    )
    return replace(bookmark, **changes)  # type: ignore[arg-type]  # test-only field overrides


def stored_article(
    number: int, title: str = "Truce holds", published: date | None = None
) -> Article:
    """Article `art000N` with every field set (a figure, a mention, raw text, a hash)."""
    paragraph = f"Article {number}: nearly 1,200 people were killed, Hamas said."
    return article(
        (paragraph,),
        article_id=f"art{number:04d}",
        path=f"/news/{number}.txt",
        title=title,
        source="Sputnik",
        published=published,
        tags=("gaza",),
        figures=(
            figure_in(
                (paragraph,),
                "nearly 1,200 people",
                value=1200.0,
                qualifier="nearly",
                counted="people",
                measure="killed",
            ),
        ),
        mentions=mentions_in((paragraph,), {"Hamas": "Hamas"}),
        raw=f"raw {number}",
        content_hash=f"hash{number}",
    )


def _search_article(
    key: str,
    title: str,
    paragraphs: tuple[str, ...],
    source: str,
    published: date | None,
    parties: tuple[str, ...] = (),
) -> Article:
    """One of SEARCH_ARTICLES: its parties are mentioned once, at the start of paragraph 0."""
    return article(
        paragraphs,
        article_id=key,
        path=f"/news/{key}.txt",
        title=title,
        source=source,
        published=published,
        tags=("gaza", "ceasefire") if key != "d" else ("economy",),
        mentions=tuple(mention(party) for party in parties),
        content_hash=f"h-{key}",
    )


SEARCH_ARTICLES = (
    _search_article(
        "a",
        "Hamas frees hostages in truce deal",
        (
            "Hamas released 13 hostages on Friday under the truce.",
            "Qatar said the hostage deal could be extended.",
        ),
        "Sputnik",
        date(2023, 11, 24),
        ("Hamas", "Qatar"),
    ),
    _search_article(
        "b",
        "Truce extended by two days",
        ("Qatar announced that the truce in Gaza was extended by two days.",),
        "Al Jazeera",
        date(2023, 11, 27),
        ("Qatar",),
    ),
    _search_article(
        "c",
        "Gaza toll rises",
        ("The Hamas-run health ministry said more than 34,000 people were killed.",),
        "AFP",
        date(2024, 4, 20),
        ("Hamas", "Ministry of Health"),
    ),
    _search_article("d", "Oil prices fall", ("Crude oil prices fell on Monday.",), "Reuters", None),
)
"""Four small articles (a, b, c about the war; d about oil) for search, query and store tests."""


def _toll_article(
    key: str,
    day: int | None,
    source: str,
    sentence: str,
    phrase: str,
    **fields: Unpack[FigureFields],
) -> Article:
    """One of STORY_ARTICLES: one sentence stating one figure (of "killed · Gaza" by default)."""
    paragraphs = (sentence, "The fighting went on overnight.")
    fields.setdefault("measure", "killed")
    fields.setdefault("place", "Gaza")
    fields.setdefault("counted", "people")
    return article(
        paragraphs,
        article_id=f"story-{key}",
        title=f"Gaza toll report {key}",
        source=source,
        published=None if day is None else date(2023, 11, day),
        figures=(figure_in(paragraphs, phrase, **fields),),
        content_hash=f"h-story-{key}",
    )


_MINISTRY = "according to the Gaza health ministry"
STORY_ARTICLES = (
    _toll_article(
        "a1",
        1,
        "Al Jazeera",
        "More than 9,000 people have been killed in Gaza, according to the Gaza health ministry.",
        "More than 9,000 people",
        value=9000,
        qualifier="more than",
        attribution=_MINISTRY,
    ),
    _toll_article(
        "b1",
        1,
        "BBC",
        "About 9,000 people have been killed in Gaza, the health ministry says.",
        "About 9,000 people",
        value=9000,
        qualifier="about",
        attribution="the health ministry says",
    ),
    _toll_article(
        "c1",
        1,
        "Reuters",
        "Israeli officials say 9,100 people have died in Gaza.",
        "9,100 people",
        value=9100,
        attribution="Israeli officials say",
    ),
    _toll_article(
        "a5",
        5,
        "Al Jazeera",
        "At least 10,000 people have been killed in Gaza, according to the Gaza health ministry.",
        "At least 10,000 people",
        value=10000,
        qualifier="at least",
        attribution=_MINISTRY,
    ),
    _toll_article(
        "b5",
        5,
        "BBC",
        "10,022 people have been killed in Gaza, the UN says.",
        "10,022 people",
        value=10022,
        attribution="the UN says",
    ),
    _toll_article(
        "c5",
        5,
        "Reuters",
        "9,000 people have been killed in Gaza, officials said.",
        "9,000 people",
        value=9000,
        attribution="officials said",
    ),
    _toll_article(
        "d5",
        5,
        "Daily Mail",
        "30,000 people have been killed in Gaza, a spokesman claimed.",
        "30,000 people",
        value=30000,
    ),
    _toll_article(
        "u",
        None,
        "Sputnik",
        "Some 8,000 people have been killed in Gaza, Hamas said.",
        "Some 8,000 people",
        value=8000,
        qualifier="about",
        attribution="Hamas said",
    ),
    _toll_article(
        "h5",
        5,
        "BBC",
        "Hamas still holds 240 hostages in Gaza, Israel says.",
        "240 hostages",
        value=240,
        measure="hostages_held",
        place=None,
        attribution="Israel says",
    ),
)
"""A Gaza toll over two days of November 2023 from five outlets: on the 5th Reuters repeats
the 1st's 9,000 (stale), the Daily Mail's 30,000 is an outlier, Sputnik's report is undated;
plus one "hostages held" figure. For the story's CLI, screen and snapshot tests."""


def wide_signature(text: str) -> bytes:
    """A near-duplicate signature as manifest version 2 stored it: each bin's 32-bit minimum."""
    mins = [0xFFFFFFFF] * neardup.BINS
    for value in neardup.shingles(text):
        mins[value % neardup.BINS] = min(mins[value % neardup.BINS], value)
    return struct.pack(f"<{neardup.BINS}I", *mins)
