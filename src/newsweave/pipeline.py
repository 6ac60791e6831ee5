"""The pipeline as library calls: inputs -> Articles (+ errors) -> brief.

The CLI, tests and benchmarks all go through here, so there is one way to
run the stages.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import BinaryIO

from newsweave.analyze import analyze
from newsweave.analyze.sentences import split_sentences
from newsweave.clean import draft, finish
from newsweave.group.near_duplicates import find_copies
from newsweave.model import Article, ReadError
from newsweave.read import read_inputs


@dataclass(slots=True)
class Extraction:
    """Articles read and cleaned from a run's inputs, and the inputs that failed."""

    articles: list[Article] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)


def extract(inputs: Iterable[str], stdin: BinaryIO | None = None, *, analysis: bool = False) -> Extraction:
    """Read, clean and segment every input, and analyse it if asked; bad inputs become errors, never exceptions."""
    drafts = []
    errors: list[ReadError] = []
    for item in read_inputs(inputs, stdin=stdin):
        if isinstance(item, ReadError):
            errors.append(item)
            continue
        try:
            result = draft(item)
        except Exception as exc:  # one broken page never stops a run of thousands
            result = ReadError(item.source, f"cleaning failed: {type(exc).__name__}: {exc}")
        (errors if isinstance(result, ReadError) else drafts).append(result)
    articles = finish(drafts)
    copies = find_copies((a.id, a.text) for a in articles)
    for article in articles:
        article.sentences = split_sentences(article.text)
        article.duplicate_of = copies.get(article.id)
    if analysis:
        analyze(articles)
    return Extraction(articles, errors)
