"""newsweave's exceptions, rooted at NewsweaveError, and the library's logger.

A bad input is never an exception to the caller: it becomes a ``ReadError`` record in the result and the
run goes on. Exceptions are for what stops a run (a missing model, a store that cannot be written) and for
misuse (a brief from articles that were never analysed). The input-level ones (TooLarge, TooSlow,
DecodeError, DamagedRecord) are raised inside the readers and turned into ReadErrors there.
"""

from __future__ import annotations

import logging

logger = logging.getLogger("newsweave")
logger.addHandler(logging.NullHandler())  # a library says nothing unless its user configures logging


class NewsweaveError(Exception):
    """Base of every exception newsweave raises."""


class InputError(NewsweaveError, ValueError):
    """One input cannot be used (reported as a ReadError, never raised to the caller of a run)."""


class EnvironmentProblem(NewsweaveError):
    """The run cannot go on: the store, the output or the model package (CLI exit codes 3 and 4)."""


class NotAnalysed(NewsweaveError, ValueError):
    """A brief was asked of articles that were only extracted: their stances, quotes and dates are missing."""


class ModelMissing(EnvironmentProblem, RuntimeError):
    """A model package (spaCy's, the embedding model's) is not installed; newsweave never downloads one."""


class StoreError(EnvironmentProblem):
    """The store cannot be opened or written (not a database, a folder, read-only, disk full)."""
