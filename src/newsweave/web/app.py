"""The local web app: a store's stories, claims, conflicts, articles and speakers in the browser.

``create_app(db)`` returns a FastAPI application: server-rendered pages (Jinja2, autoescaped; the story
page reuses the HTML report's story template and script, renderers/templates/_story.html.j2) and a JSON
API that mirrors the brief schema, with its OpenAPI document at /openapi.json. Pages read the store
through a read-only connection; only the upload form writes, through the same ingest as the CLI.
Run it with ``newsweave serve --db news.db``.
"""

from __future__ import annotations

import hashlib
import logging
import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from jinja2 import ChoiceLoader, Environment, PackageLoader
from starlette.concurrency import run_in_threadpool

from newsweave.api import Store as WritableStore
from newsweave.api import render
from newsweave.errors import StoreError
from newsweave.lexicon import REASONS
from newsweave.read import FORMATS, SUPPORTED, source_file, split_name
from newsweave.renderers import outlet_label
from newsweave.renderers.html import STANCE_MARK, TEMPLATES, story_view, template_environment
from newsweave.store import Store, story_label
from newsweave.web import queries
from newsweave.web.views import Analyses, highlighted, quote_variants, speaks_as, syndication

LOG = logging.getLogger(__name__)
MAX_UPLOAD_BYTES = 20 * 1024 * 1024  # one upload request: beyond it, 413 (a team behind a proxy may set less)
MAX_UPLOAD_FILES = 50  # files per upload
# A story page (and /api/stories/{id}) analyses at most this many of a story's articles, originals first and
# the newest first: analysing thousands takes minutes, and every other request would wait. Exports are complete.
STORY_PAGE_ARTICLES = 300
EXPORT_TYPES = {"json": "application/json", "md": "text/markdown", "html": "text/html"}  # a story's exports
SEARCH_RESULTS = 50  # /api/search hits at most
SPEAKER_ARTICLES = 60  # articles a speaker page analyses at most (those mentioning the name most)
DATE = r"^(\d{4}-\d{2}-\d{2})?$"  # since / until: an ISO date or nothing
STORY_ID = re.compile(r"story-(\d{1,18})")
SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; style-src 'self' 'unsafe-inline'; script-src 'self' "
    "'unsafe-inline'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}


@lru_cache(maxsize=1)
def _environment() -> Environment:
    """The report's environment over the app's templates, which extend the report's partials."""
    env = template_environment(ChoiceLoader([PackageLoader("newsweave", "web/templates"), TEMPLATES]))
    env.globals.update(
        article_url=lambda doc_id: "/articles/" + quote(doc_id, safe=""),
        speaker_url=lambda name: "/speakers/" + quote(name, safe=""),
        story_url=lambda story_id: "/stories/" + quote(story_id, safe=""),
        outlet_label=outlet_label,
        reasons=REASONS,
        marks=STANCE_MARK,
    )
    return env


def upload_folder(db: str | Path) -> Path:
    """Where uploads are kept: a folder beside the store, named after it."""
    path = Path(db).resolve()
    return path.with_name(path.name + ".uploads")


def safe_filename(name: str, content: bytes) -> str:
    """An upload's name on disk: its last path part made harmless, after a digest of its content, so no name
    can leave the upload folder or overwrite another upload."""
    base = SAFE_NAME.sub("_", name.replace("\\", "/").rsplit("/", 1)[-1]).lstrip(".") or "upload"
    return f"{hashlib.sha256(content).hexdigest()[:16]}-{base[-120:]}"


def accepted(name: str) -> bool:
    """Whether ingest reads a file by this name (one of read.FORMATS, optionally .gz)."""
    return split_name(name)[1] in FORMATS


def create_app(
    db: str | Path,
    *,
    max_upload_bytes: int = MAX_UPLOAD_BYTES,
    warm: int = 0,
    story_articles: int = STORY_PAGE_ARTICLES,
) -> FastAPI:
    """The web app on the store at ``db`` (which must exist). ``warm``: analyse that many of the newest
    stories in a background thread, so that the "has conflicts" facet covers them before anyone opens them."""
    db = str(db)
    Store(db, read_only=True).close()  # fail now, with the store's own message, rather than on each page
    analyses = Analyses()
    if warm > 0:
        args = (db, analyses, warm, story_articles)
        threading.Thread(target=_warm, args=args, name="newsweave-warm", daemon=True).start()
    app = FastAPI(title="newsweave", version="1", description="A store's stories, claims, conflicts and sources.")

    def reader() -> Store:
        try:
            return Store(db, read_only=True)
        except StoreError as exc:
            raise HTTPException(503, str(exc)) from exc

    def page(template: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(_environment().get_template(template).render(**context), status_code=status)

    def story_number(story_id: str) -> int:
        match = STORY_ID.fullmatch(story_id)
        if match is None:
            raise HTTPException(404, f"no story {story_id!r}")
        return int(match.group(1))

    def story_brief(store: Store, story_id: str, complete: bool = False) -> dict[str, Any]:
        """The story's brief: of all its articles, or (``complete`` false) of at most ``story_articles``."""
        number = story_number(story_id)
        members = queries.story_members(store.db, number, None if complete else story_articles)
        if not members:
            raise HTTPException(404, f"no story {story_id!r}")
        return analyses.story(store, number, story_id, members)

    def story_filter(
        q: str = "",
        outlet: str = "",
        since: Annotated[str, Query(pattern=DATE, description="YYYY-MM-DD")] = "",
        until: Annotated[str, Query(pattern=DATE, description="YYYY-MM-DD")] = "",
        min_sources: Annotated[int, Query(ge=0, description="at least this many independent sources")] = 0,
        conflicts: Annotated[bool, Query(description="only stories found to have conflicts so far")] = False,
        page_number: Annotated[int, Query(ge=1, alias="page")] = 1,
    ) -> queries.StoryFilter:
        """The story list's query parameters (pages and API alike)."""
        only = set(analyses.conflicted) if conflicts else None  # a copy: the background analysis adds to it
        return queries.StoryFilter(q, outlet, since, until, min_sources, only, page_number)

    filters = Depends(story_filter)  # the list page and /api/stories take the same query

    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers.update(SECURITY_HEADERS)
        return response

    @app.exception_handler(HTTPException)
    async def error_page(request: Request, exc: HTTPException) -> Response:
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return page("error.html.j2", status=exc.status_code, status_code=exc.status_code, detail=str(exc.detail))

    # Pages

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def story_list(f: queries.StoryFilter = filters) -> HTMLResponse:
        with reader() as store:
            found = queries.stories(store.db, f)
        return page(
            "stories.html.j2", found=found, q=f.q, outlet=f.outlet, since=f.since, until=f.until,
            min_sources=f.min_sources, conflicts=f.only is not None, analysed=len(analyses.analysed),
            conflicted=len(analyses.conflicted),
        )  # fmt: skip

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(story_id: str) -> HTMLResponse:
        with reader() as store:
            brief = story_brief(store, story_id)
            story = brief["stories"][0]
            copies = {a["id"]: queries.copies_of(store.db, a["id"]) for a in story["articles"]}
            total = queries.story_size(store.db, story_number(story_id))
        sources = sorted({s for o in story["outlets"] for s in o["sources"]})
        tree = syndication(story, copies)
        return page("story.html.j2", s=story_view(0, story), story=story, sources=sources, tree=tree, total=total)

    @app.get("/stories/{story_id}/export.{fmt}", include_in_schema=False)
    def export(story_id: str, fmt: str) -> Response:
        if fmt not in EXPORT_TYPES:
            raise HTTPException(404, f"no export format {fmt!r}: json, md or html")
        with reader() as store:
            brief = story_brief(store, story_id, complete=True)
        disposition = {"Content-Disposition": f'attachment; filename="{story_id}.{fmt}"'}
        return Response(render(brief, fmt), media_type=EXPORT_TYPES[fmt], headers=disposition)

    @app.get("/articles/{doc_id:path}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(doc_id: str) -> HTMLResponse:
        with reader() as store:
            entry = _article(store, doc_id)
            number = queries.article_story(store.db, doc_id)
            copies = queries.copies_of(store.db, doc_id)
            cited: set[int] = set()
            if number is not None:
                brief = story_brief(store, story_label(number))  # the story page's brief, usually cached
                cited = {
                    c["sentence"]
                    for line in brief["stories"][0]["summary"]
                    for c in line["citations"]
                    if c["article"] == doc_id
                }
        article = entry["article"]
        return page(
            "article.html.j2", a=article, paragraphs=highlighted(article, entry["quotes"], cited),
            quotes=entry["quotes"], story=queries.label(number), copies=copies,
        )  # fmt: skip

    def _article(store: Store, doc_id: str) -> dict[str, Any]:
        try:
            return analyses.article(store, doc_id)
        except KeyError as exc:
            raise HTTPException(404, f"no article {doc_id!r}") from exc

    @app.get("/speakers/{name:path}", response_class=HTMLResponse, include_in_schema=False)
    def speaker_page(name: str) -> HTMLResponse:
        return page("speaker.html.j2", name=name, groups=_speaker_quotes(name))

    def _speaker_quotes(name: str) -> list[list[dict[str, Any]]]:
        said = []
        with reader() as store:
            for doc_id in queries.articles_mentioning(store.db, name, SPEAKER_ARTICLES):
                entry = _article(store, doc_id)
                number = queries.article_story(store.db, doc_id)
                for q in entry["quotes"]:
                    if speaks_as(q["speaker"], name):
                        said.append({**q, "story": queries.label(number),
                                     "outlet": outlet_label(entry["article"])})  # fmt: skip
        return quote_variants(sorted(said, key=lambda q: (q["article"], q["start"])))

    @app.get("/upload", response_class=HTMLResponse, include_in_schema=False)
    def upload_form() -> HTMLResponse:
        return page("upload.html.j2", supported=SUPPORTED, limit=max_upload_bytes, added=None)

    @app.post("/upload", response_class=HTMLResponse, include_in_schema=False)
    async def upload(request: Request) -> HTMLResponse:
        declared = request.headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > max_upload_bytes:
            raise HTTPException(413, f"upload too large: at most {max_upload_bytes:,} bytes per request")
        form = await request.form(max_files=MAX_UPLOAD_FILES, max_fields=MAX_UPLOAD_FILES)
        files = [f for f in form.getlist("files") if not isinstance(f, str)]
        if not files:
            raise HTTPException(400, "no file was sent")
        saved, total = [], 0
        folder = upload_folder(db)
        for item in files:
            name = item.filename or "upload"
            if not accepted(name):
                raise HTTPException(415, f"{name}: not a file newsweave reads ({SUPPORTED})")
            content = await item.read(max_upload_bytes + 1 - total)
            total += len(content)
            if total > max_upload_bytes:
                raise HTTPException(413, f"upload too large: at most {max_upload_bytes:,} bytes per request")
            saved.append((folder / safe_filename(name, content), content))
        folder.mkdir(exist_ok=True)
        for path, content in saved:
            path.write_bytes(content)
        summary = await run_in_threadpool(_ingest, [str(p) for p, _ in saved])
        with reader() as store:
            added = [row for p, _ in saved for row in _stored_from(store, str(p))]
        return page("upload.html.j2", supported=SUPPORTED, limit=max_upload_bytes, added=added, summary=summary)

    def _ingest(paths: list[str]) -> str:
        with WritableStore(db) as store:
            return store.ingest(paths).line()

    # JSON API (mirrors the brief schema)

    @app.get("/api/stories")
    def api_stories(f: queries.StoryFilter = filters) -> dict[str, Any]:
        """Stored stories, newest first (best match first with ``q``), a page at a time, with facet counts."""
        with reader() as store:
            found = queries.stories(store.db, f)
        return {
            "total": found.total, "page": found.page, "pages": found.pages,
            "stories": [{"id": r.id, "title": r.title, "articles": r.articles, "independent_sources": r.sources,
                         "outlets": r.outlets, "first_published": r.first, "last_published": r.last,
                         "snippet": queries.bracketed(r.snippet)} for r in found.rows],
            "facets": {"outlets": dict(found.outlets), "independent_sources": {label: n for label, _, n in found.sources}},
        }  # fmt: skip

    @app.get("/api/stories/{story_id}")
    def api_story(story_id: str, response: Response) -> dict[str, Any]:
        """One story's brief (schema newsweave/1, with this story only), of at most STORY_PAGE_ARTICLES of its
        articles (header X-Newsweave-Articles: "shown of total"); /stories/{id}/export.json has them all."""
        with reader() as store:
            brief = story_brief(store, story_id)
            total = queries.story_size(store.db, story_number(story_id))
        response.headers["X-Newsweave-Articles"] = f"{len(brief['stories'][0]['articles'])} of {total}"
        return brief

    @app.get("/api/articles/{doc_id:path}")
    def api_article(doc_id: str) -> dict[str, Any]:
        """One article as the brief lists it (text, sentences, entities...), with its quotes, story and copies."""
        with reader() as store:
            entry = _article(store, doc_id)
            number = queries.article_story(store.db, doc_id)
            copies = queries.copies_of(store.db, doc_id)
        return {**entry, "story": queries.label(number), "copies": copies}

    @app.get("/api/search")
    def api_search(q: str = "", limit: int = Query(20, ge=1, le=SEARCH_RESULTS)) -> list[dict[str, Any]]:
        """Articles matching ``q`` (every word), best first (bm25), with story and snippet."""
        with reader() as store:
            return queries.search(store.db, q, limit)

    @app.get("/api/speakers/{name:path}")
    def api_speaker(name: str) -> dict[str, Any]:
        """What one person or organisation is quoted as saying, variants of one quote grouped."""
        return {"speaker": name, "quotes": _speaker_quotes(name)}

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    @app.get("/stories", include_in_schema=False)
    def stories_redirect() -> RedirectResponse:
        return RedirectResponse("/")

    return app


def _warm(db: str, analyses: Analyses, count: int, story_articles: int) -> None:
    """Analyse the ``count`` newest stories as their pages show them, one at a time (a page request waits for
    at most one)."""
    with Store(db, read_only=True) as store:
        newest = queries.stories(store.db, queries.StoryFilter(), limit=count).rows
        for row in newest:
            try:
                members = queries.story_members(store.db, row.number, story_articles)
                analyses.story(store, row.number, row.id, members)
            except Exception as exc:  # a story that cannot be analysed is analysed again when opened
                LOG.warning("%s: not analysed in the background: %s", row.id, exc)


def _stored_from(store: Store, path: str) -> list[dict[str, Any]]:
    """The stored articles read from one uploaded file (its source, less a reader's locator, is the file)."""
    rows = store.db.execute(
        "SELECT doc_id, title, story, source FROM articles WHERE substr(source, 1, ?) = ? ORDER BY id",
        (len(path), path),
    )
    return [{"id": d, "title": t, "story": queries.label(s)} for d, t, s, source in rows if source_file(source) == path]
