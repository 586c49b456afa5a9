"""Shared text primitives, one of each: sentences, attribution cues, stemming, stop words.

Pure and cheap (regular expressions and PyStemmer): every other package may use them, and
they import nothing else of newsdesk.

- `split_sentences`, `sentence_span` (`sentences`): the one sentence splitter.
- `attribution_spans`, `cites_before`, `speaks_after` (`attribution`): who a claim is from.
- `stem_cache` (`stemming`): Snowball stems, safe from any thread.
- `STOP_WORDS`, `REPORTING_WORDS` (`stopwords`): the one stop list.
- `clean_controls`, `visible_controls`, `json_for_terminal` (`controls`): no control
  character from an article reaches a terminal.
"""

from __future__ import annotations

from index.text.attribution import attribution_spans, cites_before, speaks_after
from index.text.controls import clean_controls, json_for_terminal, visible_controls
from index.text.sentences import sentence_span, split_sentences
from index.text.stemming import stem_cache
from index.text.stopwords import REPORTING_WORDS, STOP_WORDS

__all__ = [
    "REPORTING_WORDS",
    "STOP_WORDS",
    "attribution_spans",
    "cites_before",
    "clean_controls",
    "json_for_terminal",
    "sentence_span",
    "speaks_after",
    "split_sentences",
    "stem_cache",
    "visible_controls",
]
