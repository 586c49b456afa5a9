"""Snowball (PyStemmer) stemming behind one cache per language, safe from any thread.

PyStemmer is the C implementation of the Snowball stemmers (about 20x faster than Whoosh's
pure-Python Porter stemmer on Reuters). A `Stemmer.Stemmer` object is not thread-safe, so
each thread gets its own; the word -> stem cache is shared (dict reads and writes are atomic).
"""

from __future__ import annotations

import threading

import Stemmer

_CACHE_LIMIT = 200_000
"""Most distinct words a stem cache keeps (a news corpus has ~100k distinct words)."""


class _StemCache:
    """A word -> stem cache around thread-local PyStemmer objects (they are not thread-safe)."""

    def __init__(self, language: str) -> None:
        self.language = language
        self._local = threading.local()
        self._cache: dict[str, str] = {}

    def _stemmer(self) -> Stemmer.Stemmer:
        stemmer = getattr(self._local, "stemmer", None)
        if stemmer is None:
            stemmer = Stemmer.Stemmer(self.language)
            self._local.stemmer = stemmer
        return stemmer

    def stem(self, word: str) -> str:
        """Return the stem of one lower-case word."""
        stem = self._cache.get(word)
        if stem is None:
            stem = self._stemmer().stemWord(word.replace("’", "'"))
            if len(self._cache) < _CACHE_LIMIT:
                self._cache[word] = stem
        return stem

    def stem_all(self, words: list[str]) -> list[str]:
        """Return the stems of many lower-case words (one C call for the unseen ones)."""
        cache = self._cache
        missing = [w for w in set(words) if w not in cache]
        if missing:
            stems = self._stemmer().stemWords([w.replace("’", "'") for w in missing])
            if len(cache) < _CACHE_LIMIT:
                cache.update(zip(missing, stems, strict=True))
            else:
                local = dict(zip(missing, stems, strict=True))
                return [cache.get(w) or local[w] for w in words]
        return [cache[w] for w in words]


_CACHES: dict[str, _StemCache] = {}
_CACHES_LOCK = threading.Lock()


def stem_cache(language: str = "english") -> _StemCache:
    """Return the process-wide stem cache for a language."""
    with _CACHES_LOCK:
        cache = _CACHES.get(language)
        if cache is None:
            cache = _CACHES[language] = _StemCache(language)
        return cache
