"""The outlet table: domains and names -> canonical outlet, user-extendable."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.errors import OutletTableError
from index.parse.outlets import default_outlets, host_of, load_outlets


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://sputnikglobe.com/20240421/x.html", "Sputnik"),
        ("https://www.noticiasaominuto.com/mundo/1/x", "Notícias ao Minuto"),
        ("https://edition.cnn.com/x", "CNN"),
        ("https://feeds.bbci.co.uk/news/rss.xml", "BBC"),
        ("https://english.alarabiya.net/x", "Al Arabiya"),
        ("https://www.timesofisrael.com/x", "The Times of Israel"),
        ("https://www.aa.com.tr/en/x", "Anadolu Agency"),
    ],
)
def test_by_url_known_domains(url: str, outlet: str) -> None:
    """Known domains and their subdomains map to the canonical outlet."""
    assert default_outlets().by_url(url) == outlet


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("Aljazeera", "Al Jazeera"),
        ("NY times", "The New York Times"),
        ("The Guardian - World", "The Guardian"),
        ("Sputnik International", "Sputnik"),
        ("France-Presse", "AFP"),
        ("reuters.com", "Reuters"),
    ],
)
def test_by_name_aliases_and_sections(name: str, outlet: str) -> None:
    """Aliases, feed section suffixes and domains written as names are recognised."""
    assert default_outlets().by_name(name) == outlet


def test_table_covers_many_outlets() -> None:
    """The bundled table knows well over 100 outlets and marks wire agencies."""
    table = default_outlets()
    assert len(set(table.names.values())) > 150
    assert table.is_agency("AFP")
    assert not table.is_agency("Haaretz")


def test_name_for_url_unknown_domain_is_readable() -> None:
    """An unknown domain gives the domain itself as a name."""
    assert default_outlets().name_for_url("https://www.example-news.com/a") == "example-news.com"
    assert host_of("not a url") is None


def test_load_outlets_user_file_extends(tmp_path: Path) -> None:
    """A user's outlets.json adds outlets and overrides names."""
    user = tmp_path / "outlets.json"
    entry = {"name": "Example News", "domains": ["example-news.com"], "aliases": ["EN"]}
    user.write_text(json.dumps({"outlets": [entry]}), encoding="utf-8")
    table = load_outlets(user)
    assert table.by_url("https://example-news.com/x") == "Example News"
    assert table.by_name("EN") == "Example News"
    assert table.by_url("https://sputnikglobe.com/") == "Sputnik"


def test_load_outlets_missing_file_is_fine(tmp_path: Path) -> None:
    """No user file means the bundled table."""
    assert load_outlets(tmp_path / "absent.json") is default_outlets()


@pytest.mark.parametrize(
    "content", ["{not json", '{"outlets": {}}', '{"outlets": [{"domains": ["x.com"]}]}']
)
def test_load_outlets_malformed_file(tmp_path: Path, content: str) -> None:
    """A malformed user file raises OutletTableError with a hint."""
    user = tmp_path / "outlets.json"
    user.write_text(content, encoding="utf-8")
    with pytest.raises(OutletTableError) as caught:
        load_outlets(user)
    assert caught.value.hint
