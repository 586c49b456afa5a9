"""The article index: the only Whoosh writer and reader (with `index.search`).

- `article_store.ArticleStore`: open, create, write, update, delete, get and list articles.
- `schema` (fields and BM25F), `analysis` (the tokenizer and stemmed text fields),
  `documents` (an article's fields), `payload` (the stored article as JSON),
  `segment_writer` (bulk batches written as Whoosh segments from memory),
  `index_files` (storages, checked opening, the version file), `safe_pickle` (Whoosh's
  pickles limited to allow-listed classes), `docsets`, `scorer` and `lexicon` (fast match
  sets, scoring and term lookup for search).

Whoosh types never leave this package and `index.search`. Not imported here: Whoosh is
imported on first use, after the app's first paint.
"""
