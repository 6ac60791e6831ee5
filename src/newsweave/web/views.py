"""What the web app's pages show, prepared from stored articles and their briefs.

Analysis (spaCy, embeddings) runs on demand, one request at a time, and its results are kept in memory
(``Analyses``): a story's brief is computed once per set of member articles, an article's own analysis
once per article. Nothing is written to the store, so the pages stay read-only; a restarted server
analyses again.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from itertools import pairwise
from typing import Any

from newsweave.analyze import analyze
from newsweave.contract import build_brief
from newsweave.model import Article
from newsweave.renderers import outlet_label, source_label
from newsweave.renderers.html import article_view
from newsweave.store import Store

CACHED_BRIEFS = 64  # story briefs kept in memory (a large story's brief is a few MB)
CACHED_ARTICLES = 512  # single-article analyses kept in memory
SAME_QUOTE = 0.6  # word overlap (Jaccard) above which two quotes of one speaker are variants of one quote
WORD = re.compile(r"\w+")


class _Lru:
    """A small least-recently-used cache."""

    def __init__(self, size: int) -> None:
        self.size, self.items = size, OrderedDict[Hashable, Any]()

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        if key in self.items:
            self.items.move_to_end(key)
            return self.items[key]
        value = self.items[key] = make()
        if len(self.items) > self.size:
            self.items.popitem(last=False)
        return value


class Analyses:
    """Briefs of stories and analyses of single articles, computed on demand and kept in memory."""

    def __init__(self) -> None:
        self._lock = threading.Lock()  # spaCy and the caches are used by one request at a time
        self._briefs = _Lru(CACHED_BRIEFS)
        self._articles = _Lru(CACHED_ARTICLES)
        self.conflicted: set[int] = set()  # story numbers whose brief has conflicts
        self.analysed: set[int] = set()  # story numbers whose brief has been computed

    def story(self, store: Store, number: int, label: str, members: list[str]) -> dict[str, Any]:
        """The brief (schema newsweave/1) of one stored story, one story in it."""

        def make() -> dict[str, Any]:
            articles = list(store.articles(members))
            analyze(articles)
            return build_brief(articles, [], stories=[(label, articles)])

        with self._lock:
            brief = self._briefs.get((number, tuple(members)), make)
            self.analysed.add(number)
            if brief["stories"][0]["conflicts"]:
                self.conflicted.add(number)
            return brief

    def article(self, store: Store, doc_id: str) -> dict[str, Any]:
        """One article's brief entry (text, sentences with stance, entities...) and its quotes."""

        def make() -> dict[str, Any]:
            found: list[Article] = list(store.articles([doc_id]))
            if not found:
                raise KeyError(doc_id)
            analyze(found)
            story = build_brief(found, [], stories=[("article", found)])["stories"][0]
            return {"article": story["articles"][0], "quotes": story["quotes"]}

        with self._lock:
            return self._articles.get(doc_id, make)


def highlighted(article: dict[str, Any], quotes: list[dict[str, Any]], cited: set[int]) -> list[list[dict[str, Any]]]:
    """The article's paragraphs as runs, each run marked with what covers it: a quote (with its speaker),
    a speaker's name, a sentence the story's summary cites. Sentences keep their report anchors."""
    marks: list[tuple[int, int, str, str]] = []  # (start, end, class, title)
    for q in quotes:
        marks.append((q["start"], q["end"], "quote", f"{q['speaker'] or 'unattributed'} ({q['kind']})"))
        if q.get("speaker_span"):
            marks.append((q["speaker_span"][0], q["speaker_span"][1], "speaker", q["speaker"] or ""))
    for k in cited:
        s = article["sentences"][k]
        marks.append((s["start"], s["end"], "cited", "cited in the summary"))
    paragraphs = []
    for runs in article_view(0, 0, article)["paragraphs"]:
        split: list[dict[str, Any]] = []
        for run in runs:
            split += _split(run, marks)
        paragraphs.append(split)
    return paragraphs


def _split(run: dict[str, Any], marks: list[tuple[int, int, str, str]]) -> list[dict[str, Any]]:
    """A report run cut at the marks' edges; each piece lists the classes and titles of the marks over it."""
    start, end = run["start"], run["start"] + len(run["text"])
    edges = sorted({start, end, *(e for m in marks for e in m[:2] if start < e < end)})
    pieces = []
    for a, b in pairwise(edges):
        over = [m for m in marks if m[0] <= a and b <= m[1]]
        pieces.append(
            {
                **run,
                "text": run["text"][a - start : b - start],
                "classes": " ".join(sorted({m[2] for m in over})),
                "title": "; ".join(dict.fromkeys(m[3] for m in over if m[3])),
                "first": a == start,  # the piece that carries the sentence's anchor id
            }
        )
    return pieces


def syndication(story: dict[str, Any], copies: dict[str, list[str]]) -> list[dict[str, Any]]:
    """The story's articles by independent source: each source's articles that are not copies, earliest first
    (the first marked as the first publisher), each with the stored copies of it."""
    source_of = {o["outlet"]: source_label(o) for o in story["outlets"]}
    by_source: dict[str, list[dict[str, Any]]] = {}
    for a in story["articles"]:
        if not a["duplicate_of"]:
            by_source.setdefault(source_of.get(outlet_label(a), outlet_label(a)), []).append(a)
    tree = []
    for source, articles in sorted(by_source.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        ordered = sorted(articles, key=lambda a: (a["published"] is None, a["published"] or "", a["id"]))
        tree.append(
            {
                "source": source,
                "articles": [{**a, "first": k == 0, "copies": copies.get(a["id"], [])} for k, a in enumerate(ordered)],
            }
        )
    return tree


def quote_variants(quotes: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Quotes of one speaker grouped into variants of one quote (word overlap >= SAME_QUOTE), largest first."""
    groups: list[tuple[set[str], list[dict[str, Any]]]] = []
    for q in quotes:
        words = set(WORD.findall(q["text"].lower()))
        for seen, members in groups:
            if words and len(words & seen) / len(words | seen) >= SAME_QUOTE:
                members.append(q)
                seen |= words
                break
        else:
            groups.append((words, [q]))
    return sorted((members for _, members in groups), key=lambda m: (-len(m), m[0]["text"]))


def speaks_as(speaker: str | None, name: str) -> bool:
    """Whether a quote's speaker is the person or body named: the same name, or the name as a whole word of it
    ("Kirby" is "John Kirby")."""
    if not speaker:
        return False
    speaker, name = speaker.casefold(), " ".join(name.split()).casefold()
    return speaker == name or re.search(rf"\b{re.escape(name)}\b", speaker) is not None
