"""Unit tests of tui.screens.dialogs.parse_tags (the bookmark dialog's tags field)."""

from __future__ import annotations

import pytest

from tui.screens.dialogs import parse_tags


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ()),
        ("war, talks", ("war", "talks")),
        ("#truce  #truce hostages", ("truce", "hostages")),
        (" , ,", ()),
        ("[bold]x", ("[bold]x",)),
    ],
)
def test_parse_tags_splits_and_dedupes(text: str, expected: tuple[str, ...]) -> None:
    """Commas and spaces separate tags; '#' is dropped; duplicates keep the first."""
    assert parse_tags(text) == expected
