"""Shared text primitives, one of each: sentences, attribution cues, stemming, stop words.

Pure and cheap (regular expressions and PyStemmer): every other package may use them, and
they import nothing else of newsdesk.

- `split_sentences`, `sentence_span` (`sentences`): the one sentence splitter.
- `attribution_spans`, `cites_before`, `speaks_after` (`attribution`): who a claim is from.
- `stem_cache` (`stemming`): Snowball stems, safe from any thread.
- `STOP_WORDS`, `REPORTING_WORDS` (`stopwords`): the one stop list.
- `clean_controls`, `visible_controls`, `json_for_terminal` (`controls`): no control
  character from an article reaches a terminal.
- `ascii_twin` (`ascii_twin`): a pattern compiled twice, the faster twin for ASCII texts.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_HOME = {
    "ascii_twin": "ascii_twin",
    "attribution_spans": "attribution",
    "cites_before": "attribution",
    "speaks_after": "attribution",
    "clean_controls": "controls",
    "json_for_terminal": "controls",
    "visible_controls": "controls",
    "sentence_span": "sentences",
    "split_sentences": "sentences",
    "stem_cache": "stemming",
    "REPORTING_WORDS": "stopwords",
    "STOP_WORDS": "stopwords",
}
"""Each name's module. The package imports a module only when one of its names is asked for:
`index.text.attribution` compiles its patterns in ~0.1 s, which the app's launch (it needs
only `controls`) should not pay."""

__all__ = sorted(_HOME)


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{_HOME[name]}"), name)
