"""The HTML report in a real headless Chromium (Debian's chromium, driven by Playwright).

A citation click scrolls to and highlights its sentence; the page makes no request but for
itself and logs no error; article text is escaped; a screenshot is kept as a test artifact
(test-artifacts/, or $NEWSWEAVE_TEST_ARTIFACTS).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import ARTIFACTS
from newsweave.contract import build_brief
from newsweave.pipeline import extract
from newsweave.renderers.html import brief_to_html
from newsweave.renderers.terminal import brief_to_terminal

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "harbor-fire"
HOSTILE = (
    "The council of Lindholm voted on the <script>window.pwned = true</script> budget on Monday, "
    'the mayor said: "Taxes & fees stay as they are" &amp; nothing else changes. '
    "Opposition members said the vote was rushed and called for a recount."
)


@pytest.fixture(scope="module")
def brief(tmp_path_factory: pytest.TempPathFactory) -> dict:
    hostile = tmp_path_factory.mktemp("hostile") / "council.jsonl"
    row = {"id": "council", "outlet": "Lindholm <Gazette>", "title": "Budget <b>vote</b>", "published": "2025-06-02",
           "text": HOSTILE}  # fmt: skip
    hostile.write_text(json.dumps(row) + "\n", encoding="utf-8")
    result = extract([str(EXAMPLES), str(hostile)], analysis=True)
    return build_brief(result.articles, result.errors)


@pytest.fixture(scope="module")
def report(brief: dict, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("report") / "report.html"
    path.write_text(brief_to_html(brief), encoding="utf-8")
    return path


@pytest.fixture
def page(browser, report: Path) -> Iterator:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.problems = []  # console errors, page errors and requests for anything but the report itself
    page.on("console", lambda m: page.problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: page.problems.append(f"page error: {e}"))

    def only_the_report(route) -> None:  # type: ignore[no-untyped-def]
        if route.request.url.split("#")[0] == report.as_uri():
            route.continue_()
        else:
            page.problems.append(f"request: {route.request.url}")
            route.abort()

    page.route("**/*", only_the_report)
    page.goto(report.as_uri())
    yield page
    page.close()


@pytest.mark.browser
def test_a_citation_click_scrolls_to_and_highlights_its_sentence(page, brief: dict) -> None:  # type: ignore[no-untyped-def]
    story = next(s for s in brief["stories"] if len(s["articles"]) == 5)
    cited = story["summary"][-1]["citations"][-1]  # the last line's last citation: far down the page
    article = next(a for a in story["articles"] if a["id"] == cited["article"])
    span = article["sentences"][cited["sentence"]]
    marks = page.locator("ol.summary").first.locator("a.cite")
    mark = marks.nth(marks.count() - 1)
    target = mark.get_attribute("data-target")
    assert page.locator(f"#{target}").evaluate("e => e.getBoundingClientRect().top") > 900  # off screen first
    mark.click()
    highlighted = page.locator("span.sent.hl")
    assert highlighted.count() == 1 and highlighted.get_attribute("id") == target
    assert highlighted.inner_text() == article["text"][span["start"] : span["end"]]
    top = highlighted.evaluate("e => e.getBoundingClientRect().top")
    assert 0 <= top <= 900  # scrolled into view
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "report-citation.png"))
    assert (ARTIFACTS / "report-citation.png").stat().st_size > 10_000
    assert page.problems == []


@pytest.mark.browser
def test_the_report_shows_every_section_and_requests_nothing(page) -> None:  # type: ignore[no-untyped-def]
    for heading in ("Summary", "Claims × outlets", "Conflicts", "Who said what", "Outlets", "Timeline", "Articles"):
        assert page.locator("h2", has_text=heading).count() >= 1, heading
    assert page.locator("table.matrix th.group.reprints").count() >= 1  # the wire and its reprint grouped
    assert page.locator("table.matrix .single-badge").count() >= 1
    assert page.locator(".conflict .side").count() >= 2
    assert page.locator("svg.profiles rect").count() >= 3
    removed = page.locator("details.removed").first
    assert not removed.evaluate("e => e.open")  # boilerplate collapsed
    removed.locator("summary").click()
    assert removed.evaluate("e => e.open")
    assert page.evaluate("performance.getEntriesByType('resource').length") == 0
    assert page.problems == []


@pytest.mark.browser
def test_article_text_is_escaped_not_run(page) -> None:  # type: ignore[no-untyped-def]
    assert page.evaluate("window.pwned") is None
    assert page.evaluate("document.scripts.length") == 1  # ours, and nothing from an article
    text = page.locator("article.news", has_text="Lindholm").inner_text()
    assert "<script>window.pwned = true</script>" in text
    assert '"Taxes & fees stay as they are" &amp; nothing else changes' in text
    assert page.locator("article.news h3", has_text="Budget <b>vote</b>").count() == 1
    assert page.locator("article.news b").count() == 0
    assert page.problems == []


def test_terminal_view_without_a_terminal_is_plain_text(brief: dict) -> None:
    text = brief_to_terminal(brief, color=False)
    assert "\x1b[" not in text  # no colour codes when not on a terminal
    for section in ("Summary", "Claims (", "Conflicts", "Who said what", "Outlets", "Timeline"):
        assert section in text, section
    story = next(s for s in brief["stories"] if len(s["articles"]) == 5)
    assert story["summary"][0]["text"][:40] in " ".join(text.split())
    assert "\x1b[" in brief_to_terminal(brief, color=True)
