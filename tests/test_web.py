"""The web app through its ASGI interface: pages, the JSON API, uploads, and what it must refuse.

The store is real SQLite, filled by the real ingest from the bundled example corpus plus one hostile
article (markup in its title, outlet, quote and URL). Browser tests are in test_web_browser.py.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import time
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jsonschema
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsweave.api import Store
from newsweave.errors import StoreError
from newsweave.web.app import create_app, safe_filename, upload_folder

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "harbor-fire"
HOSTILE = {
    "id": "hostile",
    "title": "Council <script>window.pwned=1</script> vote",
    "outlet": "<img src=x onerror=alert(1)>Gazette",
    "url": "javascript:alert(1)",
    "published": "2025-06-02",
    "text": 'Mayor Ilse Brandt said: "<script>window.pwned=2</script> the budget stands." Opposition members of '
    "the council of Lindholm said the vote on the budget was rushed and asked for a recount on Monday.",
}


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    hostile.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    path = folder / "news.db"
    with Store(path) as store:
        store.ingest([str(EXAMPLES), str(hostile)])
    return path


@pytest.fixture(scope="module")
def client(store_path: Path) -> TestClient:
    return TestClient(create_app(store_path))


@pytest.fixture(scope="module")
def fire(client: TestClient) -> dict[str, Any]:
    """The harbor-fire story, as the list API gives it."""
    listed = client.get("/api/stories", params={"q": "grain terminal"}).json()["stories"]
    return listed[0]


def test_story_list_searches_and_counts_facets_in_the_store(client: TestClient, fire: dict[str, Any]) -> None:
    every = client.get("/api/stories").json()
    assert every["total"] == 2 and every["pages"] == 1
    assert fire["articles"] == 5 and fire["independent_sources"] < fire["articles"]  # a reprint is not a source
    assert "[" in fire["snippet"]  # the match is marked
    assert sum(every["facets"]["independent_sources"].values()) == every["total"]
    assert every["facets"]["outlets"]["<img src=x onerror=alert(1)>Gazette"] == 1
    only = client.get("/api/stories", params={"outlet": "<img src=x onerror=alert(1)>Gazette"}).json()
    assert [s["title"] for s in only["stories"]] == [HOSTILE["title"]]
    assert client.get("/api/stories", params={"min_sources": 4}).json()["total"] == 1
    assert client.get("/api/stories", params={"until": "2000-01-01"}).json()["total"] == 0
    assert client.get("/api/stories", params={"page": 99}).json()["page"] == 1  # clamped to the last page
    page = client.get("/", params={"q": "grain terminal"})
    assert page.status_code == 200 and "<mark>" in page.text and fire["id"] in page.text


def test_story_api_is_the_brief_schema_and_the_export_is_uncapped(client: TestClient, fire: dict[str, Any]) -> None:
    brief = client.get(f"/api/stories/{fire['id']}").json()
    schema = json.loads(files("newsweave").joinpath("schema/brief.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(brief, schema)
    story = brief["stories"][0]
    assert len(story["articles"]) == 5 and story["conflicts"]
    exported = client.get(f"/stories/{fire['id']}/export.json")
    assert exported.headers["content-disposition"] == f'attachment; filename="{fire["id"]}.json"'
    assert json.loads(exported.text) == brief
    assert "## " in client.get(f"/stories/{fire['id']}/export.md").text
    assert "<!DOCTYPE html>" in client.get(f"/stories/{fire['id']}/export.html").text
    assert client.get(f"/stories/{fire['id']}/export.pdf").status_code == 404


def test_story_page_shows_sources_syndication_conflicts_and_links(client: TestClient, fire: dict[str, Any]) -> None:
    html = client.get(f"/stories/{fire['id']}").text
    assert "5 articles → " in html  # the independent-source bar (its count is the brief's)
    assert "independent source" in html and "first publisher" in html and "(copy)" not in html
    assert html.count('class="conflict"') >= 2 and html.count('class="side"') >= 4
    assert "<mark>Seven</mark>" in html and "<mark>Three</mark>" in html  # the differing values, highlighted
    assert 'href="/speakers/' in html and 'href="/articles/' in html
    assert 'class="cite"' in html and 'data-target="s-0-' in html  # citations link to sentence anchors


def test_a_large_story_page_shows_part_of_it_and_the_export_has_all(store_path: Path, fire: dict[str, Any]) -> None:
    client = TestClient(create_app(store_path, story_articles=2))
    shown = client.get(f"/api/stories/{fire['id']}")
    assert shown.headers["x-newsweave-articles"] == "2 of 5"
    articles = shown.json()["stories"][0]["articles"]
    assert len(articles) == 2 and all(not a["duplicate_of"] for a in articles)  # originals first
    assert "brief of 2 of the story's 5 articles" in client.get(f"/stories/{fire['id']}").text
    exported = json.loads(client.get(f"/stories/{fire['id']}/export.json").text)
    assert len(exported["stories"][0]["articles"]) == 5


def test_article_page_and_api(client: TestClient, fire: dict[str, Any]) -> None:
    brief = client.get(f"/api/stories/{fire['id']}").json()["stories"][0]
    copy = next(a for a in brief["articles"] if a["duplicate_of"])
    data = client.get(f"/api/articles/{copy['duplicate_of']}").json()
    assert data["story"] == fire["id"] and copy["id"] in data["copies"] and data["quotes"]
    html = client.get(f"/articles/{copy['duplicate_of']}").text
    assert 'class="sent' in html and "quote" in html and "speaker" in html
    assert f"/articles/{copy['id']}" in html  # its copies are linked
    copied = client.get(f"/articles/{copy['id']}").text
    assert f'copy of <a href="/articles/{copy["duplicate_of"]}"' in copied
    with_removed = next(a for a in brief["articles"] if a["removed"])
    assert '<details class="removed">' in client.get(f"/articles/{with_removed['id']}").text
    assert client.get("/articles/no-such-article").status_code == 404
    assert client.get("/api/articles/no-such-article").json() == {"detail": "no article 'no-such-article'"}


def test_speaker_page_groups_what_one_speaker_said(client: TestClient, fire: dict[str, Any]) -> None:
    quotes = client.get(f"/api/stories/{fire['id']}").json()["stories"][0]["quotes"]
    named = next(q["speaker"] for q in quotes if q["speaker"] and q["speaker_type"] == "person")
    said = client.get(f"/api/speakers/{named}").json()
    assert said["quotes"] and all(q["speaker"] == named for group in said["quotes"] for q in group)
    surname = named.split()[-1]
    assert client.get(f"/api/speakers/{surname}").json()["quotes"]  # "Kirby" finds "John Kirby"
    assert client.get("/speakers/Nobody%20Atall").status_code == 200


def test_hostile_text_is_escaped_everywhere(client: TestClient) -> None:
    story = client.get("/api/stories", params={"q": "Lindholm"}).json()["stories"][0]["id"]
    pages = [client.get(p).text for p in ("/", f"/stories/{story}", "/articles/hostile", "/speakers/Ilse%20Brandt")]
    pages.append(client.get("/", params={"q": "<script>window.pwned"}).text)
    for html in pages:
        assert "<script>window.pwned" not in html and "<img src=x" not in html
        assert 'href="javascript:' not in html
    assert "&lt;script&gt;window.pwned" in pages[2]
    headers = client.get("/").headers
    assert "default-src 'self'" in headers["content-security-policy"] and headers["x-frame-options"] == "DENY"


def test_search_and_facets_are_not_sql(client: TestClient, store_path: Path) -> None:
    before = client.get("/api/stories").json()["total"]
    for params in (
        {"q": "'; DROP TABLE articles; --"},
        {"q": 'fire" OR 1=1 --'},
        {"outlet": "x' OR '1'='1"},
        {"outlet": "x') OR 1=1 --", "min_sources": 0},
    ):
        response = client.get("/api/stories", params=params)
        assert response.status_code == 200
        if "outlet" in params:
            assert response.json()["total"] == 0
    for params in ({"since": "' OR 1=1 --"}, {"until": "2030'); DELETE FROM articles; --"}):
        assert client.get("/api/stories", params=params).status_code == 422  # dates must be YYYY-MM-DD
    assert client.get("/api/search", params={"q": "fire OR"}).status_code == 200
    assert client.get("/api/stories").json()["total"] == before
    with Store(store_path, read_only=True) as store:
        assert store.count() == 6


def test_pages_never_write_to_the_store(client: TestClient, store_path: Path, fire: dict[str, Any]) -> None:
    def state() -> list[tuple[str, int, int]]:  # the database and its write-ahead log (-shm is readers' shared index)
        files = [store_path, store_path.with_name("news.db-wal")]
        return [(p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in files if p.exists()]

    before = state()
    for path in ("/", f"/stories/{fire['id']}", "/articles/hostile", "/speakers/Brandt", f"/api/stories/{fire['id']}"):
        assert client.get(path).status_code == 200
    assert state() == before
    with Store(store_path, read_only=True) as store, pytest.raises(Exception, match="readonly"):
        store.db.execute("DELETE FROM articles")


def test_conflicts_facet_covers_stories_analysed_in_the_background(store_path: Path) -> None:
    client = TestClient(create_app(store_path, warm=5))
    deadline = time.monotonic() + 120
    while client.get("/api/stories", params={"conflicts": True}).json()["total"] == 0:
        assert time.monotonic() < deadline, "the background analysis found no story with conflicts"
        time.sleep(0.2)
    with_conflicts = client.get("/api/stories", params={"conflicts": True}).json()["stories"]
    assert [s["title"] for s in with_conflicts] == ["Fire guts grain terminal in Port Veran, dozens evacuated"]
    assert "has conflicts (1 of" in client.get("/").text


def test_read_only_store_refuses_a_missing_or_old_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such"):
        Store(tmp_path / "none.db", read_only=True)
    with pytest.raises(StoreError, match="no such"):
        create_app(tmp_path / "none.db")
    old = tmp_path / "old.db"
    Store(old).close()
    with sqlite3.connect(old) as db:  # as a store written before the web app's indexes (migration 6)
        db.executescript("DROP INDEX articles_story_facets; DROP INDEX articles_outlet; PRAGMA user_version = 5;")
    with pytest.raises(StoreError, match="not an up-to-date"):
        Store(old, read_only=True)
    Store(old).close()  # what `newsweave serve` does first: the schema is upgraded
    Store(old, read_only=True).close()


def test_upload_adds_articles_to_their_stories(tmp_path: Path) -> None:
    path = tmp_path / "up.db"
    with Store(path) as store:
        store.ingest([str(EXAMPLES)])
    client = TestClient(create_app(path, max_upload_bytes=4000))
    text = (
        "PORT VERAN — Investigators said on Saturday that the fire at the grain terminal in the Port Veran harbor "
        "started in a conveyor belt, and that the terminal would stay closed for a week."
    )
    response = client.post("/upload", files=[("files", ("../../escape.txt", text.encode(), "text/plain"))])
    assert response.status_code == 200 and "Ingested" in response.text and "added 1" in response.text
    saved = list(upload_folder(path).iterdir())
    assert len(saved) == 1 and saved[0].name.endswith("-escape.txt") and saved[0].read_text() == text
    assert not (tmp_path.parent / "escape.txt").exists() and not (tmp_path / "escape.txt").exists()
    hits = client.get("/api/search", params={"q": "conveyor"}).json()
    assert hits and hits[0]["story"] is not None
    assert client.get("/api/stories").json()["total"] == 1  # it joined the harbor-fire story
    refused = client.post("/upload", files=[("files", ("tool.exe", b"MZ...", "application/octet-stream"))])
    assert refused.status_code == 415
    too_big = client.post("/upload", files=[("files", ("big.txt", b"word " * 2000, "text/plain"))])
    assert too_big.status_code == 413
    assert client.post("/upload", data={"nothing": "here"}).status_code == 400
    assert client.get("/api/stories").json()["total"] == 1


def test_safe_filename_keeps_uploads_inside_their_folder() -> None:
    for name in ("../../etc/passwd", "..\\..\\win.ini", "/abs/path.txt", "...", "a b;c.txt", ""):
        safe = safe_filename(name, b"x")
        assert "/" not in safe and "\\" not in safe and not safe.startswith(".")
        assert Path("/store.uploads", safe).resolve().parent == Path("/store.uploads")


def _openapi_calls(client: TestClient) -> list[tuple[str, list[dict[str, Any]]]]:
    doc = client.get("/openapi.json").json()
    return [(path, op.get("parameters", [])) for path, item in doc["paths"].items() for op in item.values()]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_generated_api_request_is_a_server_error(client: TestClient, data: st.DataObject) -> None:
    """Property: every operation of the OpenAPI document, with parameters drawn from their schemas (and
    arbitrary text where a string is expected), answers without a server error."""
    path, parameters = data.draw(st.sampled_from(_openapi_calls(client)))
    query = {}
    for p in parameters:
        schema = p.get("schema", {})
        if schema.get("type") == "integer":
            value: Any = data.draw(st.integers(min_value=-5, max_value=10**6))
        elif schema.get("type") == "boolean":
            value = data.draw(st.sampled_from(["true", "false", "1", "maybe"]))
        else:
            value = data.draw(st.text(max_size=30))
        if p["in"] == "path":
            path = path.replace("{" + p["name"] + "}", quote(str(value), safe="") or "x")
        elif data.draw(st.booleans()):
            query[p["name"]] = value
    response = client.get(path, params=query)
    assert response.status_code < 500, (path, query, response.text[:300])


@pytest.mark.slow
def test_pages_answer_while_an_ingest_runs(tmp_path: Path) -> None:
    path = tmp_path / "busy.db"
    with Store(path) as store:
        store.ingest([str(EXAMPLES)])
    client = TestClient(create_app(path))
    feed = tmp_path / "feed.jsonl"
    with open(feed, "w", encoding="utf-8") as out:
        for k in range(1500):
            words = f"Report {k} from the town of Vell{k % 97} on its council budget and the new harbour works"
            out.write(json.dumps({"id": f"r{k}", "title": f"Council report {k}", "text": f"{words}. " * 6}) + "\n")
    ingest = subprocess.Popen(
        [sys.executable, "-m", "newsweave", "ingest", str(feed), "--db", str(path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    answered = 0
    try:
        while ingest.poll() is None:
            assert client.get("/api/stories").status_code == 200
            assert client.get("/", params={"q": "council"}).status_code == 200
            answered += 1
            time.sleep(0.05)
    finally:
        ingest.wait(timeout=600)
    assert ingest.returncode == 0 and answered >= 3
    assert client.get("/api/search", params={"q": "Vell5"}).json()  # the new articles are searchable


@pytest.mark.slow
def test_newsweave_serve_answers_on_localhost(store_path: Path, tmp_path: Path) -> None:
    import socket
    import urllib.request

    assert (
        subprocess.run([sys.executable, "-m", "newsweave", "serve", "--db", str(tmp_path / "none.db")]).returncode == 2
    )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "newsweave", "serve", "--db", str(store_path), "--port", str(port), "--warm", "0"],
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/stories", timeout=5) as response:
                    assert json.loads(response.read())["total"] == 2
                    break
            except OSError:
                assert server.poll() is None and time.monotonic() < deadline, "the server did not come up"
                time.sleep(0.2)
    finally:
        server.terminate()
        server.wait(timeout=30)
