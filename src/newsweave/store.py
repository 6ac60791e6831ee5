"""The SQLite store: cleaned articles, full-text search, and the persisted near-duplicate index.

One file (./newsweave.db by default), WAL mode so readers never block the
ingest, a schema upgraded by numbered migrations (PRAGMA user_version).
Articles are keyed by the hash of their input content, which makes ingest
idempotent and resumable: running it again skips what is already stored.
FTS5 indexes titles and text; MinHash band keys make "is this a copy of
something stored?" one indexed lookup. The store keeps what it is given:
signatures, keys and which article copies which are computed and decided
in group.near_duplicates.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Self
from urllib.parse import quote

import numpy as np

from newsweave.defaults import DEFAULT_DB
from newsweave.errors import StoreError
from newsweave.model import Article, Document, Removed, StoryInput

MIGRATIONS = [
    """
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        doc_id TEXT NOT NULL UNIQUE,
        content_hash TEXT NOT NULL UNIQUE,
        source TEXT NOT NULL,
        outlet TEXT, url TEXT, title TEXT, author TEXT, published TEXT, dateline TEXT, agency TEXT,
        text TEXT NOT NULL,
        removed TEXT NOT NULL,
        duplicate_of INTEGER REFERENCES articles(id)
    );
    CREATE INDEX articles_published ON articles(published);
    CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='id');
    CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
    END;
    CREATE TABLE signatures (article INTEGER PRIMARY KEY REFERENCES articles(id), minhash BLOB NOT NULL);
    CREATE TABLE bands (band INTEGER NOT NULL, key INTEGER NOT NULL, article INTEGER NOT NULL REFERENCES articles(id));
    CREATE INDEX bands_lookup ON bands(band, key);
    CREATE TABLE failures (source TEXT NOT NULL, error TEXT NOT NULL);
    """,
    """
    ALTER TABLE articles ADD COLUMN story INTEGER;
    CREATE INDEX articles_story ON articles(story);
    """,
    """
    CREATE TABLE embeddings (article INTEGER PRIMARY KEY REFERENCES articles(id), vector BLOB NOT NULL);
    """,
    """
    DROP TABLE embeddings;
    """,  # story grouping no longer uses title-and-lead embeddings
    """
    DELETE FROM failures WHERE rowid NOT IN (SELECT min(rowid) FROM failures GROUP BY source, error);
    CREATE UNIQUE INDEX failures_once ON failures(source, error);
    """,  # a failure is recorded once, however often the same input is retried
    """
    CREATE INDEX articles_story_facets ON articles(story, published, outlet, agency, duplicate_of, doc_id);
    CREATE INDEX articles_outlet ON articles(outlet, story);
    """,  # the web app's story list and facets read these indexes alone, never the rows' text
]
# How long a writer waits for another process's transaction before giving up: ingests of one store queue
# behind each other rather than fail with "database is locked".
BUSY_TIMEOUT_SECONDS = 600.0
LOOKUP_CHUNK = 500  # ids per "IN (...)" query: under SQLite's bound-parameter limit on every build


def story_label(number: int) -> str:
    """Stored stories keep their number as they grow: 'story-7'."""
    return f"story-{number}"


def _search_words(text: str) -> list[str]:
    """The words of a search, control characters dropped (FTS5 cannot take a NUL even inside quotes)."""
    return "".join(c if c.isprintable() else " " for c in text).split()


def fts_terms(text: str) -> str:
    """Text as FTS5 terms, every word quoted, so that no input is an FTS5 syntax error ('' for no words)."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in _search_words(text))


def fts_phrase(text: str) -> str:
    """Text as one FTS5 phrase: its words in this order ('' for no words)."""
    words = _search_words(text)
    return '"' + " ".join(words).replace('"', '""') + '"' if words else ""


def content_hash(doc: Document) -> str:
    """What makes an input the same input: its format and decoded content."""
    return hashlib.sha256(f"{doc.format}\0{doc.content}".encode()).hexdigest()


def _statements(script: str) -> Iterator[str]:
    """The SQL statements of a migration, one at a time (a trigger's body keeps its own semicolons), so that a
    migration runs inside the caller's transaction, which ``executescript`` would commit."""
    pending = ""
    for part in script.split(";"):
        pending += part + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                yield pending
            pending = ""


class Store:
    """An open newsweave database."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, read_only: bool = False) -> None:
        """Open (and create or upgrade) a store; ``read_only`` opens an existing, up-to-date store that this
        connection can never change (SQLite ``mode=ro``), for readers such as the web app's pages."""
        self.path = str(path)
        if Path(self.path).is_dir():
            raise StoreError(f"{self.path}: is a folder, not a newsweave database")
        if read_only:
            self._open_read_only()
            return
        try:
            self.db = sqlite3.connect(self.path, isolation_level=None, timeout=BUSY_TIMEOUT_SECONDS)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            if self.version < len(MIGRATIONS):  # a reader of an up-to-date store takes no write lock
                with self.transaction():  # one process migrates; the others wait, then find it done
                    self._migrate()
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open the store ({exc})") from exc

    def _open_read_only(self) -> None:
        if not Path(self.path).is_file():
            raise StoreError(f"{self.path}: no such newsweave store")
        try:
            uri = f"file:{quote(str(Path(self.path).resolve()))}?mode=ro"
            self.db = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            version = self.version
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot read the store ({exc})") from exc
        if version != len(MIGRATIONS):
            self.db.close()
            raise StoreError(
                f"{self.path}: not an up-to-date newsweave store (run `newsweave stories --db` on it once)"
            )

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
            for statement in _statements(script):
                self.db.execute(statement)
            self.db.execute(f"PRAGMA user_version = {number}")

    @property
    def version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: taken at once (BEGIN IMMEDIATE, so two writers queue instead of deadlocking),
        committed on success, rolled back on any error. A store error (disk full, read-only) is a StoreError."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot write to the store ({exc})") from exc
        try:
            yield
            self.db.execute("COMMIT")
        except BaseException as exc:
            if self.db.in_transaction:  # a failed COMMIT may already have ended it
                self.db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"{self.path}: cannot write to the store ({exc})") from exc
            raise

    def has(self, digest: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE content_hash = ?", (digest,)).fetchone() is not None

    def add(self, article: Article, digest: str, sig: np.ndarray, keys: list[int], original: int | None) -> int:
        """Store one cleaned article (inside the caller's transaction) with its MinHash signature and band keys,
        as a copy of the stored row ``original`` if it is one (group.near_duplicates decides); returns its row
        id and sets ``article.duplicate_of`` to the original's id."""
        row = self.db.execute(
            "INSERT INTO articles (doc_id, content_hash, source, outlet, url, title, author, published, dateline,"
            " agency, text, removed, duplicate_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                self._unique_id(article.id),
                digest,
                article.source,
                article.outlet,
                article.url,
                article.title,
                article.author,
                article.published,
                article.dateline,
                article.agency,
                article.text,
                json.dumps([r.to_dict() for r in article.removed], ensure_ascii=False),
                original,
            ),
        ).lastrowid
        self.db.execute("INSERT INTO signatures VALUES (?, ?)", (row, sig.tobytes()))
        self.db.executemany("INSERT INTO bands VALUES (?, ?, ?)", [(b, k, row) for b, k in enumerate(keys)])
        if original is not None:
            article.duplicate_of = self.db.execute("SELECT doc_id FROM articles WHERE id = ?", (original,)).fetchone()[
                0
            ]
        return int(row)  # type: ignore[arg-type]

    def _unique_id(self, doc_id: str) -> str:
        candidate, n = doc_id, 1
        while self.db.execute("SELECT 1 FROM articles WHERE doc_id = ?", (candidate,)).fetchone():
            n += 1
            candidate = f"{doc_id}~{n}"
        return candidate

    def band_matches(self, keys: list[int]) -> Iterator[tuple[int, np.ndarray, int | None]]:
        """Stored articles sharing a band key with ``keys``: (row, MinHash signature, the row it copies), by row,
        each signature read only when the caller asks for it (it stops at the first copy).

        One indexed lookup per band (an OR chain would make SQLite scan the whole table)."""
        query = " UNION ".join("SELECT article FROM bands WHERE band = ? AND key = ?" for _ in keys)
        for row in sorted(r[0] for r in self.db.execute(query, [v for pair in enumerate(keys) for v in pair])):
            blob, copies = self.db.execute(
                "SELECT s.minhash, a.duplicate_of FROM signatures s JOIN articles a ON a.id = s.article"
                " WHERE s.article = ?",
                (row,),
            ).fetchone()
            yield row, np.frombuffer(blob, dtype=np.uint64), copies

    def fail(self, source: str, error: str) -> None:
        """Record a failed input once (a rerun that fails the same way adds nothing)."""
        self.db.execute("INSERT OR IGNORE INTO failures VALUES (?, ?)", (source, error))

    def failures(self) -> list[tuple[str, str]]:
        return self.db.execute("SELECT source, error FROM failures ORDER BY rowid").fetchall()

    def count(self) -> int:
        return self.db.execute("SELECT count(*) FROM articles").fetchone()[0]

    def search(self, query: str, limit: int = 20) -> list[str]:
        """Article ids matching a query, best first. FTS5 syntax (AND, OR, "phrases", prefix*) works; text
        that is not valid FTS5 ('a OR', a lone '"') is searched as plain words instead of raising."""
        sql = (
            "SELECT a.doc_id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ?"
        )
        try:
            return [r[0] for r in self.db.execute(sql, (query, limit))]
        except sqlite3.OperationalError:
            words = fts_terms(query)
            return [r[0] for r in self.db.execute(sql, (words, limit))] if words else []

    def grouping_rows(self) -> tuple[list[StoryInput], dict[str, int]]:
        """Every stored article as story grouping sees it, in ingest order, and the story numbers stored so far."""
        items, numbers = [], {}
        for doc_id, title, text, published, url, original, story in self.db.execute(
            "SELECT a.doc_id, a.title, a.text, a.published, a.url, o.doc_id, a.story FROM articles a"
            " LEFT JOIN articles o ON o.id = a.duplicate_of ORDER BY a.id"
        ):
            items.append(StoryInput(doc_id, title, text, published, url, original))
            if story is not None:
                numbers[doc_id] = story
        return items, numbers

    def set_stories(self, numbers: dict[str, int]) -> None:
        """Store each article's story number (inside the caller's transaction)."""
        self.db.executemany(
            "UPDATE articles SET story = ? WHERE doc_id = ? AND story IS NOT ?",
            [(n, d, n) for d, n in sorted(numbers.items())],
        )

    def stories(self) -> list[dict[str, object]]:
        """[{"id", "title", "articles"}] by story number; the title is the first article's."""
        groups: dict[int, list[tuple[str, str | None]]] = {}
        for doc_id, title, story in self.db.execute(
            "SELECT doc_id, title, story FROM articles WHERE story IS NOT NULL ORDER BY id"
        ):
            groups.setdefault(story, []).append((doc_id, title))
        return [
            {
                "id": story_label(number),
                "title": next((t for _, t in members if t), None),
                "articles": [d for d, _ in members],
            }
            for number, members in sorted(groups.items())
        ]

    def articles(self, ids: list[str] | None = None) -> Iterator[Article]:
        """Stored articles in ingest order (all, or those with the given ids, looked up by the doc_id index)."""
        query = (
            "SELECT a.doc_id, a.source, a.text, a.title, a.outlet, a.author, a.published, a.dateline, a.agency, a.url,"
            " a.removed, o.doc_id, a.id FROM articles a LEFT JOIN articles o ON o.id = a.duplicate_of"
        )
        rows: Iterable[tuple] = []
        if ids is None:
            rows = self.db.execute(query + " ORDER BY a.id")  # streamed: the whole store is never held at once
        else:
            wanted = sorted(set(ids))
            fetched: list[tuple] = []
            for start in range(0, len(wanted), LOOKUP_CHUNK):
                chunk = wanted[start : start + LOOKUP_CHUNK]
                fetched += self.db.execute(query + f" WHERE a.doc_id IN ({', '.join('?' * len(chunk))})", chunk)
            rows = sorted(fetched, key=lambda row: row[12])
        for row in rows:
            yield Article(
                id=row[0],
                source=row[1],
                text=row[2],
                title=row[3],
                outlet=row[4],
                author=row[5],
                published=row[6],
                dateline=row[7],
                agency=row[8],
                url=row[9],
                removed=[Removed(**r) for r in json.loads(row[10])],
                duplicate_of=row[11],
            )
