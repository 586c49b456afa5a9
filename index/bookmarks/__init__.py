"""Bookmarked passages: the SQLite store, W3C selectors, re-anchoring, exports.

- `store.BookmarkStore`: add, update, remove, list and re-anchor bookmarks.
- `database` (the SQLite connection, checks, transactions) and `schema` (versions,
  migrations, row decoding, tag normalisation).
- `anchoring` (TextQuote/TextPosition selectors, exact re-anchoring) with `quote_match`
  (fuzzy re-anchoring above a strict threshold).
- `annotations`: Markdown and W3C Web Annotation JSON exports; `citation`: a passage with
  its citation (outlet, date, URL), for the clipboard.

Not imported here: the app's first paint never needs bookmarks.
"""
