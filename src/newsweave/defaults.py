"""The defaults the CLI shows in its options, in a module that imports nothing, so that `newsweave --help`
starts without loading the pipeline. Each is used by the module named beside it."""

from __future__ import annotations

LENGTH = 7  # summary lines of a brief (summarize)
LENGTHS = range(5, 11)  # what --length accepts
BATCH = 200  # articles per ingest transaction (ingest): a failure costs at most this much work again
DEFAULT_DB = "newsweave.db"  # the store's file (store)
ENGINES = ("local", "dask")  # where per-document work runs (engine)
