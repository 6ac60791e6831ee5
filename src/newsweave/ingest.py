"""Incremental ingest into the store: read, skip what is stored, clean, index, commit in batches.

Each new article joins a story (group.stories) as it is stored; the
story index is rebuilt from the store at the start, so a new day of news
is clustered against everything before it without re-clustering it.
Idempotent by content hash, so an interrupted ingest is resumed by running
it again: everything committed is skipped without being cleaned twice.
Each batch is one transaction and one corpus pass (clean.finish). A bad
input is recorded and reported; everything before and after it goes in.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from newsweave.clean import Draft, draft, finish
from newsweave.group.stories import StoryClusterer
from newsweave.model import Document, ReadError
from newsweave.read import read_inputs
from newsweave.store import Store, content_hash

BATCH = 200


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
) -> IngestSummary:
    """Ingest every input into ``store``; ``on_document(summary, source)`` is called after each input."""
    summary = IngestSummary()
    clusterer = StoryClusterer()
    for row in store.clustering_rows():  # rebuild the story index; stored assignments never change
        clusterer.restore(*row)
    pending: list[tuple[Draft, str]] = []
    seen: set[str] = set()
    for item in read_inputs(inputs):
        if isinstance(item, ReadError):
            _failed(store, summary, item)
        else:
            _one(item, store, summary, pending, seen)
            if len(pending) >= batch:
                _flush(store, summary, pending, clusterer)
        if on_document is not None:
            on_document(summary, item.source)
    _flush(store, summary, pending, clusterer)
    return summary


def _one(doc: Document, store: Store, summary: IngestSummary, pending: list, seen: set[str]) -> None:
    digest = content_hash(doc)
    if digest in seen or store.has(digest):
        summary.duplicates += 1
        return
    try:
        result = draft(doc)
    except Exception as exc:  # one broken page never stops a run of thousands
        result = ReadError(doc.source, f"cleaning failed: {type(exc).__name__}: {exc}")
    if isinstance(result, ReadError):
        _failed(store, summary, result)
        return
    seen.add(digest)
    pending.append((result, digest))


def _flush(store: Store, summary: IngestSummary, pending: list[tuple[Draft, str]], stories: StoryClusterer) -> None:
    if not pending:
        return
    articles = finish([d for d, _ in pending])
    store.begin()
    for article, (_, digest) in zip(articles, pending, strict=True):
        store.add(article, digest, stories.add(article.id, article.title, article.text, article.published))
        summary.added += 1
        summary.near_duplicates += article.duplicate_of is not None
    store.commit()
    pending.clear()


def _failed(store: Store, summary: IngestSummary, error: ReadError) -> None:
    summary.errors.append(error)
    store.fail(error.source, error.error)
