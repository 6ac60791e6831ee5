"""A run's articles: inputs -> read -> clean -> corpus pass -> near-duplicates -> sentences (-> analysis).

``extract`` is the one way a run reads, cleans and analyses its inputs; api.py builds briefs on it.
An ingest (ingest.py) runs the same stage functions in batches against the store instead, so that a
run of millions commits as it goes and resumes where it stopped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import BinaryIO

from newsweave.analyze import analyze
from newsweave.analyze.sentences import split_sentences
from newsweave.clean import Draft, clean_document, finish
from newsweave.engine import Engine, LocalEngine, batched
from newsweave.errors import logger
from newsweave.group.near_duplicates import find_copies
from newsweave.model import Article, Document, ReadError
from newsweave.read import read_inputs


@dataclass(slots=True)
class Extraction:
    """Articles read and cleaned from a run's inputs, and the inputs that failed."""

    articles: list[Article] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)


def extract(
    inputs: Iterable[str],
    stdin: BinaryIO | None = None,
    *,
    analysis: bool = False,
    engine: Engine | None = None,
) -> Extraction:
    """Read, clean and segment every input, and analyse it if asked; bad inputs become errors, never exceptions.

    Reading and the corpus pass run here; cleaning documents and analysing articles run on ``engine``
    (by default in this process, or a local process pool for large runs). Output does not depend on it.
    """
    engine = engine or LocalEngine()
    items = list(read_inputs(inputs, stdin=stdin))
    cleaned = iter(engine.map(clean_document, [i for i in items if isinstance(i, Document)]))
    drafts: list[Draft] = []
    errors: list[ReadError] = []
    for item in items:  # errors stay in input order, whichever stage found them
        result = item if isinstance(item, ReadError) else next(cleaned)
        (errors if isinstance(result, ReadError) else drafts).append(result)  # type: ignore[arg-type]
    for error in errors:
        logger.info("%s: %s", error.source, error.error)
    articles = finish(drafts)
    copies = find_copies((a.id, a.text) for a in articles)
    for article in articles:
        article.duplicate_of = copies.get(article.id)
    logger.info("read %d article(s), %d input(s) failed", len(articles), len(errors))
    if analysis:
        articles = [a for batch in engine.map(analyse_batch, batched(articles, ANALYSIS_BATCH)) for a in batch]
    else:
        for article in articles:
            article.sentences = split_sentences(article.text)
    return Extraction(articles, errors)


ANALYSIS_BATCH = 16


def analyse_batch(articles: list[Article]) -> list[Article]:
    """Sentences and analysis of a batch of articles (on whatever worker runs it)."""
    analyze(articles)  # fills sentences too
    return articles
