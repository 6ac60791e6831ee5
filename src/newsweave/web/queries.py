"""What the web app reads from a store: stories with their facets, search hits with snippets, articles.

Every query runs on a read-only store (``Store(path, read_only=True)``, SQLite ``mode=ro``), so a page
can never change it, and with bound parameters only. Counts and facets are computed by SQLite over the
articles table (grouped by story), never by loading every row into Python, so the story list stays fast
on 100k articles.

"Independent sources" here is the store's own measure, known without analysis: the distinct origins of
a story's articles that are not near-duplicates of another, an origin being the wire agency an article
credits, else its outlet. A story's brief (story page) measures it from the text as well.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field

from newsweave.store import fts_phrase, fts_terms, story_label

PAGE_SIZE = 20  # stories per page of the list
OUTLET_FACETS = 30  # outlets listed in the facet, most stories first
SEARCH_STORIES = 2000  # stories a search ranks at most (the best-matching articles' stories)
SNIPPET_WORDS = 16  # words around the match in a search snippet
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"  # private-use marks around matched words (never in cleaned text)
SOURCE_BUCKETS = ((1, 1), (2, 3), (4, 9), (10, None))  # the independent-sources facet's ranges


@dataclass(slots=True)
class StoryFilter:
    """The story list's query: full-text search and facets (all optional)."""

    q: str = ""
    outlet: str = ""
    since: str = ""  # ISO date: stories with an article published on or after it
    until: str = ""  # ISO date: stories with an article published on or before it
    min_sources: int = 0
    only: set[int] | None = None  # story numbers to keep (e.g. those known to have conflicts)
    page: int = 1


@dataclass(slots=True)
class StoryRow:
    id: str
    number: int
    title: str | None
    articles: int
    sources: int
    outlets: int
    first: str | None
    last: str | None
    snippet: list[tuple[str, bool]] = field(default_factory=list)  # (text, matched) runs of the best hit


@dataclass(slots=True)
class StoryPage:
    rows: list[StoryRow]
    total: int
    page: int
    pages: int
    outlets: list[tuple[str, int]]  # facet: outlet, stories
    sources: list[tuple[str, int, int]]  # facet: range label, its lowest number of sources, stories


STORY_STATS = """
    SELECT a.story AS story, count(*) AS articles,
           count(DISTINCT CASE WHEN a.duplicate_of IS NULL THEN coalesce(a.agency, a.outlet, a.doc_id) END) AS sources,
           count(DISTINCT a.outlet) AS outlets, min(a.published) AS first, max(a.published) AS last, min(a.id) AS first_id
    FROM articles a WHERE a.story IS NOT NULL GROUP BY a.story
"""


def runs(snippet: str) -> list[tuple[str, bool]]:
    """A snippet with MARK_OPEN/MARK_CLOSE around matches as (text, matched) runs, for the template to escape."""
    out, matched = [], False
    for part in snippet.replace(MARK_CLOSE, MARK_OPEN).split(MARK_OPEN):
        if part:
            out.append((part, matched))
        matched = not matched
    return out


def label(number: int | None) -> str | None:
    """A stored story's id, or None for an article not yet in a story."""
    return story_label(number) if number is not None else None


def bracketed(matched: list[tuple[str, bool]]) -> str:
    """(text, matched) runs as plain text, the matches in [brackets] (what the JSON API shows)."""
    return "".join(f"[{text}]" if hit else text for text, hit in matched)


def stories(db: sqlite3.Connection, f: StoryFilter, limit: int = PAGE_SIZE) -> StoryPage:
    """One page (``limit`` stories) of the stories matching ``f``, with facet counts over all of them."""
    where: list[str] = ["1 = 1"]
    params: list[str | int] = []
    ranked: dict[int, tuple[int, int]] = {}  # story -> (rank order, row of its best-matching article)
    if terms := fts_terms(f.q):
        for rank, (story, row) in enumerate(
            db.execute(
                "SELECT a.story, a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
                " WHERE articles_fts MATCH ? AND a.story IS NOT NULL ORDER BY bm25(articles_fts) LIMIT ?",
                (terms, SEARCH_STORIES * 5),
            )
        ):
            ranked.setdefault(story, (rank, row))
        where.append("s.story IN (SELECT value FROM json_each(?))")
        params.append(_json_list(ranked))
    if f.only is not None:
        where.append("s.story IN (SELECT value FROM json_each(?))")
        params.append(_json_list(f.only))
    if f.outlet:
        where.append("s.story IN (SELECT story FROM articles WHERE outlet = ?)")
        params.append(f.outlet)
    if f.since:
        where.append("s.last >= ?")
        params.append(f.since)
    if f.until:
        where.append("s.first <= ?")
        params.append(f.until + "\uffff")  # a timestamp on that day sorts before it
    if f.min_sources > 0:
        where.append("s.sources >= ?")
        params.append(f.min_sources)
    # The matching stories' statistics, computed once per request into a temporary table (a read-only
    # connection may still write its own temp database).
    db.execute("DROP TABLE IF EXISTS temp.matching")
    db.execute(
        f"CREATE TEMP TABLE matching AS WITH s AS ({STORY_STATS}) SELECT s.* FROM s WHERE {' AND '.join(where)}", params
    )
    total = db.execute("SELECT count(*) FROM temp.matching").fetchone()[0]
    pages = max(1, -(-total // limit))
    page = min(max(1, f.page), pages)
    order = "s.last IS NULL, s.last DESC, s.story DESC"
    if ranked:
        order = "(SELECT value FROM json_each(?) WHERE CAST(key AS INTEGER) = s.story), s.story"
    query = (
        "SELECT s.story, (SELECT title FROM articles WHERE id = s.first_id), s.articles, s.sources, s.outlets,"
        f" s.first, s.last FROM temp.matching s ORDER BY {order} LIMIT ? OFFSET ?"
    )
    order_params = [_json_ranks(ranked)] if ranked else []
    rows = [
        StoryRow(story_label(n), n, title, count, sources, outlets, first, last, _snippet(db, terms, ranked.get(n)))
        for n, title, count, sources, outlets, first, last in db.execute(
            query, [*order_params, limit, (page - 1) * limit]
        )
    ]
    outlets = db.execute(
        "SELECT a.outlet, count(DISTINCT a.story) AS n FROM articles a JOIN temp.matching m ON m.story = a.story"
        " WHERE a.outlet IS NOT NULL GROUP BY a.outlet ORDER BY n DESC, a.outlet LIMIT ?",
        [OUTLET_FACETS],
    ).fetchall()
    buckets = ", ".join(
        f"sum(sources >= {low}{f' AND sources <= {high}' if high else ''})" for low, high in SOURCE_BUCKETS
    )
    counts = db.execute(f"SELECT {buckets} FROM temp.matching").fetchone()
    sources = [
        (f"{low}" if low == high else (f"{low}–{high}" if high else f"{low}+"), low, int(n or 0))
        for (low, high), n in zip(SOURCE_BUCKETS, counts, strict=True)
    ]
    db.execute("DROP TABLE temp.matching")
    return StoryPage(rows, total, page, pages, [(o, int(n)) for o, n in outlets], sources)


def story_members(db: sqlite3.Connection, number: int, limit: int | None = None) -> list[str]:
    """The article ids of one stored story, in ingest order; with ``limit``, only that many: originals before
    copies, the newest first."""
    if limit is None:
        return [r[0] for r in db.execute("SELECT doc_id FROM articles WHERE story = ? ORDER BY id", (number,))]
    rows = db.execute(
        "SELECT id, doc_id FROM articles WHERE story = ?"
        " ORDER BY duplicate_of IS NOT NULL, published IS NULL, published DESC, id LIMIT ?",
        (number, limit),
    ).fetchall()
    return [doc_id for _, doc_id in sorted(rows)]


def story_size(db: sqlite3.Connection, number: int) -> int:
    return int(db.execute("SELECT count(*) FROM articles WHERE story = ?", (number,)).fetchone()[0])


def article_story(db: sqlite3.Connection, doc_id: str) -> int | None:
    row = db.execute("SELECT story FROM articles WHERE doc_id = ?", (doc_id,)).fetchone()
    if row is None:
        raise KeyError(doc_id)
    return row[0]


def copies_of(db: sqlite3.Connection, doc_id: str) -> list[str]:
    """Articles stored as near-duplicates (copies) of this one."""
    return [
        r[0]
        for r in db.execute(
            "SELECT c.doc_id FROM articles c JOIN articles o ON o.id = c.duplicate_of WHERE o.doc_id = ? ORDER BY c.id",
            (doc_id,),
        )
    ]


def search(db: sqlite3.Connection, q: str, limit: int) -> list[dict[str, object]]:
    """Articles matching ``q``, best first (bm25), each with its story and a snippet (matches in [brackets])."""
    if not (terms := fts_terms(q)):
        return []
    return [
        {
            "article": doc_id,
            "story": label(story),
            "title": title,
            "snippet": bracketed(runs(snippet)),
        }
        for doc_id, story, title, snippet in db.execute(
            "SELECT a.doc_id, a.story, a.title, snippet(articles_fts, 1, ?, ?, '…', ?) FROM articles_fts"
            " JOIN articles a ON a.id = articles_fts.rowid WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts)"
            " LIMIT ?",
            (MARK_OPEN, MARK_CLOSE, SNIPPET_WORDS, terms, limit),
        )
    ]


def articles_mentioning(db: sqlite3.Connection, name: str, limit: int) -> list[str]:
    """Ids of articles whose text holds ``name`` as a phrase, best first."""
    if not (phrase := fts_phrase(name)):
        return []
    return [
        r[0]
        for r in db.execute(
            "SELECT a.doc_id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts) LIMIT ?",
            (phrase, limit),
        )
    ]


def _json_list(values: Iterable[int]) -> str:
    return json.dumps(sorted(int(v) for v in values))


def _snippet(db: sqlite3.Connection, terms: str, best: tuple[int, int] | None) -> list[tuple[str, bool]]:
    """The snippet of a story's best-matching article (computed for the shown page only: it is costly)."""
    if best is None:
        return []
    row = db.execute(
        "SELECT snippet(articles_fts, 1, ?, ?, '…', ?) FROM articles_fts WHERE articles_fts MATCH ? AND rowid = ?",
        (MARK_OPEN, MARK_CLOSE, SNIPPET_WORDS, terms, best[1]),
    ).fetchone()
    return runs(row[0]) if row else []


def _json_ranks(ranked: dict[int, tuple[int, int]]) -> str:
    return json.dumps({str(story): order for story, (order, _) in ranked.items()})
