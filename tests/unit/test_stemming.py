"""Tests for index.text.stemming: one cache, a stemmer per thread."""

from __future__ import annotations

import threading

from index.text.stemming import stem_cache


def test_stem_all_matches_stem() -> None:
    """The batch stemmer agrees with the single-word one."""
    cache = stem_cache()
    words = ["running", "hostages", "released", "running"]
    assert cache.stem_all(words) == [cache.stem(w) for w in words]


def test_stem_cache_is_one_per_language() -> None:
    """The same language gives the same cache object."""
    assert stem_cache("english") is stem_cache("english")


def test_stem_cache_threads_agree() -> None:
    """Stemming from many threads at once gives the single-threaded stems."""
    words = [f"{stem}{suffix}" for stem in ("hostage", "release", "negotiat") for suffix in "sd"]
    expected = [stem_cache().stem(w) for w in words]
    results: list[list[str]] = []

    def work() -> None:
        results.append([stem_cache().stem_all([w])[0] for w in words * 50][: len(words)])

    threads = [threading.Thread(target=work) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [expected] * 8
