"""Did-you-mean: correct query words whose stem is rare or absent from the index.

Candidates are the words one edit away from what was typed (deletes, transposes,
replacements, inserts); each is stemmed with the index's analyzer and the candidate whose
stem is in the most documents wins. Suggestions are therefore real words the user could
have typed, not stems.
"""

from __future__ import annotations

import re
import string

from whoosh.reading import IndexReader

from index.text.stemming import stem_cache
from index.text.stopwords import STOP_WORDS

_LETTERS = string.ascii_lowercase
_MIN_WORD = 3
_MAX_WORD = 20
_RARE = 2
"""A word whose stem is in fewer documents than this is worth correcting."""


def edits1(word: str) -> list[str]:
    """Words one edit away, cheapest kinds first (deletes, transposes, replaces, inserts)."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = [a + b[1:] for a, b in splits if b]
    transposes = [a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1]
    replaces = [a + c + b[1:] for a, b in splits if b for c in _LETTERS]
    inserts = [a + c + b for a, b in splits for c in _LETTERS]
    return list(dict.fromkeys(deletes + transposes + replaces + inserts))


def correct_word(word: str, reader: IndexReader, fieldname: str = "body") -> str | None:
    """A better-known spelling of one word, or None."""
    lower = word.lower()
    if not (_MIN_WORD <= len(lower) <= _MAX_WORD) or not lower.isalpha() or lower in STOP_WORDS:
        return None
    cache = stem_cache()
    known = reader.doc_frequency(fieldname, cache.stem(lower))
    if known >= _RARE:
        return None
    candidates = [c for c in edits1(lower) if c not in STOP_WORDS and c != lower]
    stems = cache.stem_all(candidates)
    best, best_df = None, known
    for candidate, stem in zip(candidates, stems, strict=True):
        frequency = reader.doc_frequency(fieldname, stem)
        if frequency > best_df:
            best, best_df = candidate, frequency
    return best


def suggest(text: str, words: tuple[str, ...], reader: IndexReader) -> str | None:
    """The query text with misspelled words corrected, or None when nothing changes."""
    corrected = text
    changed = False
    for word in dict.fromkeys(words):
        better = correct_word(word, reader)
        if better is None:
            continue
        if word[:1].isupper():
            better = better.capitalize()
        corrected = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", better, corrected)
        changed = True
    return corrected if changed else None
