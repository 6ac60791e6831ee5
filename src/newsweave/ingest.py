"""Incremental ingest into the store: read, skip what is stored, clean, index, commit in batches.

After the new articles are stored, the whole store is grouped into
stories again (group.stories), so ingesting in chunks gives the same
stories as grouping everything at once; stories keep their numbers as they
grow (group.stories.carry_numbers).
Idempotent by content hash, so an interrupted ingest is resumed by running
it again: everything committed is skipped without being cleaned twice.
Each batch is one transaction and one corpus pass (clean.finish). A bad
input is recorded and reported; everything before and after it goes in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newsweave.clean import Draft, clean_document, finish
from newsweave.defaults import BATCH
from newsweave.engine import Engine, LocalEngine
from newsweave.errors import logger
from newsweave.group.near_duplicates import band_keys, original_in, signature
from newsweave.group.stories import carry_numbers, cluster
from newsweave.model import Document, ReadError
from newsweave.read import read_inputs
from newsweave.store import Store, content_hash


@dataclass(slots=True)
class IngestSummary:
    added: int = 0
    duplicates: int = 0  # the same content was already stored
    near_duplicates: int = 0  # stored, and marked as a copy of a stored article
    errors: list[ReadError] = field(default_factory=list)

    def line(self) -> str:
        return (
            f"added {self.added} (near-duplicates among them: {self.near_duplicates}), "
            f"already stored {self.duplicates}, failed {len(self.errors)}"
        )


def ingest(
    inputs: Iterable[str],
    store: Store,
    *,
    batch: int = BATCH,
    on_document: Callable[[IngestSummary, str], None] | None = None,
    engine: Engine | None = None,
) -> IngestSummary:
    """Ingest every input into ``store``; ``on_document(summary, source)`` is called after each input.

    Documents are cleaned on ``engine`` a batch at a time (in this process by default).
    """
    engine = engine or LocalEngine(workers=1)
    summary = IngestSummary()
    pending: list[tuple[Document, str]] = []
    for item in read_inputs(inputs):
        if isinstance(item, ReadError):
            _failed(store, summary, item)
        else:
            _one(item, store, summary, pending)
            if len(pending) >= batch:
                _flush(store, summary, pending, engine)
        if on_document is not None:
            on_document(summary, item.source)
    _flush(store, summary, pending, engine)
    if summary.added:
        regroup(store)
    return summary


def regroup(store: Store) -> None:
    """Group every stored article into stories again, in one transaction, keeping the stories' numbers."""
    with store.transaction():  # read and numbered under the write lock: a concurrent ingest waits its turn
        items, previous = store.grouping_rows()
        groups = cluster(items)
        numbers = carry_numbers(groups, previous)
        store.set_stories({article: number for group, number in zip(groups, numbers, strict=True) for article in group})


def _one(doc: Document, store: Store, summary: IngestSummary, pending: list) -> None:
    """Queue a document for cleaning unless the store has it. Two copies within one batch are both
    cleaned: the second is found stored when the batch is written, and a copy of a bad input is reported
    as bad, not as already stored."""
    digest = content_hash(doc)
    if store.has(digest):
        summary.duplicates += 1
        return
    pending.append((doc, digest))


def _flush(store: Store, summary: IngestSummary, pending: list[tuple[Document, str]], engine: Engine) -> None:
    if not pending:
        return
    drafts: list[tuple[Draft, str]] = []
    for result, (_, digest) in zip(engine.map(clean_document, [doc for doc, _ in pending]), pending, strict=True):
        if isinstance(result, ReadError):
            _failed(store, summary, result)
        else:
            drafts.append((result, digest))
    articles = finish([d for d, _ in drafts])
    signatures = engine.map(signature, [a.text for a in articles])
    logger.info("storing a batch of %d article(s)", len(articles))
    with store.transaction():
        for article, (_, digest), sig in zip(articles, drafts, signatures, strict=True):
            if store.has(digest):  # stored by another ingest since this batch was read
                summary.duplicates += 1
                continue
            keys = band_keys(sig)
            store.add(article, digest, sig, keys, original_in(sig, store.band_matches(keys)))
            summary.added += 1
            summary.near_duplicates += article.duplicate_of is not None
    pending.clear()


def _failed(store: Store, summary: IngestSummary, error: ReadError) -> None:
    logger.info("%s: %s", error.source, error.error)
    summary.errors.append(error)
    with store.transaction():
        store.fail(error.source, error.error)
