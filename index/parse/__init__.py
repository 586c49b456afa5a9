"""From a `SourceDocument` to a cleaned `Article`: boilerplate, titles, dates, outlets.

Pure (no index, no I/O beyond the bundled tables). Its entry point is
`document.parse_document`; the steps it chains are `clean` (with the shape rules of
`boilerplate` and `link_runs`, glued headlines of other stories), `titles`, `dates` and
`outlets` (the outlet table, extended by the user's `outlets.json`). Figures and party
mentions come from `index.extract`.

Not imported here: the parsers cost ~100 ms to import, and searching never needs them.
"""
