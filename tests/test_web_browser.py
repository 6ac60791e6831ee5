"""The web app in a real headless Chromium (Debian's chromium, driven by Playwright), served by uvicorn.

A journalist's path through it: search, open a story, click a citation and land on the highlighted
sentence, read a conflict's two sides, upload an article and find it. No page logs a console error;
screenshots are kept as test artifacts (test-artifacts/, or $NEWSWEAVE_TEST_ARTIFACTS).
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from conftest import ARTIFACTS
from newsweave.api import Store
from newsweave.web.app import create_app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "harbor-fire"
pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    path = tmp_path_factory.mktemp("webapp") / "news.db"
    with Store(path) as store:
        store.ingest([str(EXAMPLES)])
    port = free_port()
    config = uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning")
    running = uvicorn.Server(config)
    thread = threading.Thread(target=running.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not running.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    running.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def page(browser, server: str) -> Iterator:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 900}, base_url=server)
    page.problems = []
    page.on("console", lambda m: page.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))
    yield page
    assert page.problems == []
    page.close()


def test_search_open_a_story_click_a_citation_and_read_a_conflict(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.fill("input[name=q]", "grain terminal")
    page.click("form.search button")
    page.wait_for_selector("ul.stories mark")
    assert "grain" in page.inner_text("ul.stories mark").lower()
    page.click("ul.stories li a")
    page.wait_for_selector("section.story h1")
    assert "independent source" in page.inner_text("div.bar")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "web-story.png"), full_page=False)
    cite = page.locator("ol.summary a.cite").first
    target = cite.get_attribute("data-target")
    cite.click()
    sentence = page.locator(f"[id='{target}']")
    assert "hl" in (sentence.get_attribute("class") or "")
    assert sentence.is_visible() and sentence.bounding_box()["y"] < 900  # scrolled into view
    assert page.url.endswith("#" + target)
    conflict = page.locator("div.conflict").first
    conflict.scroll_into_view_if_needed()
    sides = conflict.locator("div.side")
    assert sides.count() == 2 and all(sides.nth(k).inner_text().strip() for k in range(2))
    assert sides.nth(0).locator("mark").count() and sides.nth(1).locator("mark").count()  # the differing values
    page.screenshot(path=str(ARTIFACTS / "web-conflict.png"))


def test_an_article_shows_quotes_speakers_and_its_removed_boilerplate(page) -> None:  # type: ignore[no-untyped-def]
    page.goto("/api/stories")
    story = page.evaluate("JSON.parse(document.body.innerText).stories[0].id")
    page.goto(f"/stories/{story}")
    page.locator("a[href^='/articles/']").first.click()
    page.wait_for_selector("article.news h1")
    assert page.locator("span.quote").count() > 0 and page.locator("span.speaker").count() > 0
    removed = page.locator("details.removed")
    if removed.count():
        removed.locator("summary").click()
        assert removed.locator("li").first.is_visible()
    page.locator("table.speakers a[href^='/speakers/']").first.click()
    page.wait_for_selector("main h1")
    assert page.locator("div.conflict").count() > 0  # each distinct quote of the speaker
    page.screenshot(path=str(ARTIFACTS / "web-speaker.png"))


def test_upload_a_file_and_find_it(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    upload = tmp_path / "follow-up.txt"
    upload.write_text(
        "Port Veran harbor officials said on Sunday that the grain terminal fire was caused by an overheated "
        "conveyor motor, and that the terminal would reopen within ten days.",
        encoding="utf-8",
    )
    page.goto("/upload")
    page.set_input_files("input[type=file]", str(upload))
    page.click("form button[type=submit]")
    page.wait_for_selector("text=Ingested")
    assert "added 1" in page.inner_text("main")
    page.locator("main ul a[href^='/stories/']").first.click()
    page.wait_for_selector("section.story h1")
    assert "overheated conveyor motor" in page.inner_text("section.story")
    page.goto("/?q=conveyor")
    assert page.locator("ul.stories li a").count() == 1
    page.screenshot(path=str(ARTIFACTS / "web-upload.png"))
