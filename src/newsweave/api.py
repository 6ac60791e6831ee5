"""The Python API: what the CLI does, as calls.

    import newsweave

    brief = newsweave.brief("examples/harbor-fire")          # the JSON contract, as a dict
    print(newsweave.render(brief, "md"))                     # or "json", "html", "text"

    with newsweave.Store("news.db") as store:
        store.ingest(["crawl/"])                             # resumable, near-duplicates marked
        store.stories()                                      # [{"id", "title", "articles"}]
        store.search("harbour fire")                         # article ids, best first
        report = store.report(story="story-1")               # a brief of stored stories

The CLI (cli.py) is a thin layer over these functions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from newsweave.analyze import analyze
from newsweave.contract import build_brief
from newsweave.defaults import DEFAULT_DB
from newsweave.engine import ENGINES, Engine, engine_for
from newsweave.errors import NewsweaveError
from newsweave.ingest import BATCH, IngestSummary
from newsweave.ingest import ingest as ingest_inputs
from newsweave.pipeline import extract
from newsweave.read import expand_inputs, source_file
from newsweave.renderers.html import brief_to_html
from newsweave.renderers.json import to_json
from newsweave.renderers.markdown import brief_to_markdown
from newsweave.renderers.terminal import brief_to_terminal
from newsweave.store import Store as _StoreBase
from newsweave.summarize import LENGTH

FORMATS = ("md", "json", "html", "text")
__all__ = [
    "BATCH",
    "DEFAULT_DB",
    "ENGINES",
    "FORMATS",
    "IngestSummary",
    "Store",
    "UnknownStory",
    "brief",
    "engine_for",
    "input_files",
    "render",
    "source_file",
]


class UnknownStory(NewsweaveError, KeyError):
    """A story id the store does not hold."""


def brief(inputs: str | Iterable[str], *, length: int = LENGTH, engine: Engine | None = None) -> dict[str, Any]:
    """The brief of ``inputs`` (files, folders, globs): read, cleaned, analysed, grouped and aligned.

    Bad inputs are listed in ``brief["errors"]``, never raised. ``engine`` runs the per-document work
    (newsweave.engine: in this process by default, a process pool or Dask)."""
    result = extract([inputs] if isinstance(inputs, str) else list(inputs), analysis=True, engine=engine)
    return build_brief(result.articles, result.errors, length=length)


def input_files(inputs: Iterable[str]) -> list[str]:
    """The files ``inputs`` name (folders walked, globs expanded), as a run reads them."""
    return [item for item in expand_inputs(inputs) if isinstance(item, str)]


def render(data: dict[str, Any], fmt: str = "md", *, color: bool = False) -> str:
    """A brief as Markdown, JSON (byte-identical for the same inputs), a self-contained HTML report, or
    the terminal view (``color`` for a terminal)."""
    if fmt == "json":
        return to_json(data)
    if fmt == "html":
        return brief_to_html(data)
    if fmt == "text":
        return brief_to_terminal(data, color=color)
    if fmt == "md":
        return brief_to_markdown(data)
    raise ValueError(f"unknown format {fmt!r}: expected one of {', '.join(FORMATS)}")


class Store(_StoreBase):
    """A newsweave store (SQLite) with the pipeline's stages on it: ingest, stories, search, report."""

    def ingest(
        self,
        inputs: str | Iterable[str],
        *,
        batch: int = BATCH,
        engine: Engine | None = None,
        on_document: Callable[[IngestSummary, str], None] | None = None,
    ) -> IngestSummary:
        """Add ``inputs`` (idempotent by content, resumable) and re-group the stored stories."""
        paths = [inputs] if isinstance(inputs, str) else list(inputs)
        return ingest_inputs(paths, self, batch=batch, engine=engine, on_document=on_document)

    def report(self, story: str | None = None, *, length: int = LENGTH) -> dict[str, Any]:
        """The brief of the stored stories (or of one, by its id from ``stories()``)."""
        listed = self.stories()
        if story is not None:
            listed = [s for s in listed if s["id"] == story]
            if not listed:
                raise UnknownStory(f"{self.path}: no story {story!r}")
        wanted = [str(i) for s in listed for i in s["articles"]]  # type: ignore[attr-defined]
        by_id = {a.id: a for a in self.articles(wanted)}
        groups = [(str(s["id"]), [by_id[i] for i in s["articles"]]) for s in listed]  # type: ignore[attr-defined]
        articles = [a for _, group in groups for a in group]
        analyze(articles)
        return build_brief(articles, [], stories=groups, length=length)
