"""Incremental ingest: files and folders in, articles written to the store in batches.

- `indexer.Indexer`: the ingest side of one library (manifest, parser tables, ids kept over
  a rebuild); `Library.index_paths` runs it.
- `ingester.Ingester`: one run: `walk` discovers files, `loading` reads and parses them
  (in worker processes for large runs) with `prepared` work done there, `ids` names
  articles, `neardup` finds syndicated copies, `batch` stages writes, `manifest` remembers
  what each file was.

Not imported here: ingest pulls in the parsers, the extractors and the store.
"""
