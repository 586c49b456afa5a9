"""Query text in, ranked results out: parsing, filters, expansions, snippets, suggestions.

- `engine.run_search`: one query -> `SearchPage` (hits, total, facets, notices).
- `query` (user text -> Whoosh query, never raising), `long_query` (plain words: AND for
  up to three, "any two" with feedback above), `filters` (`source:`, `party:`,
  `measure:`, `tag:`, `date:`), `terms` (capped prefix/fuzzy expansion), `snippets` (snippets
  and match spans), `spelling` ("did you mean"), `feedback` (RM3 expansion), `related`
  ("more like this").

Not imported here: searching imports Whoosh.
"""
