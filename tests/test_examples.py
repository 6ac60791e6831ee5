"""The bundled example corpus comes out with the metadata its pages show and its furniture removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.model import Article
from newsweave.pipeline import extract


@pytest.fixture(scope="module")
def articles() -> dict[str, Article]:
    result = extract([str(Path(__file__).resolve().parents[1] / "examples" / "harbor-fire")])
    assert result.errors == []
    return {a.id: a for a in result.articles}


@pytest.mark.parametrize(
    ("doc", "outlet", "author", "published", "dateline", "agency"),
    [
        ("01-meridian-wire", "Meridian Press Agency", "Lena Marsh", "2025-03-14", "PORT VERAN", None),
        ("02-coastal-herald", "The Coastal Herald", "Lena Marsh", None, "PORT VERAN", "MPA"),
        ("03-national-voice", "National Voice Broadcasting", None, "2025-03-15", "PORT VERAN", None),
        ("04-daily-ledger", "Daily Ledger", "Tomas Reyes and Ada Kline", "2025-03-15", None, None),
        ("05-newsflash247", "NewsFlash247", None, "2025-03-15", None, None),
    ],
)
def test_metadata(articles: dict[str, Article], doc, outlet, author, published, dateline, agency) -> None:
    a = articles[doc]
    assert (a.outlet, a.author, a.published, a.dateline, a.agency) == (outlet, author, published, dateline, agency)


def test_every_boilerplate_kind_is_exercised_and_removed(articles: dict[str, Article]) -> None:
    reasons = {r.reason for a in articles.values() for r in a.removed}
    expected = {"title", "headline_echo", "byline", "author_box", "dateline", "navigation", "share", "subscribe"}
    expected |= {"donate", "comments", "promo", "caption", "copyright", "syndication", "tagline"}
    assert expected <= reasons
    for a in articles.values():
        for furniture in ("Comments are closed.", "Also read", "Subscribe", "Share this", "Donate", "©"):
            assert furniture not in a.text, (a.id, furniture)


def test_wire_copy_body_is_identical_in_both_outlets(articles: dict[str, Article]) -> None:
    assert articles["01-meridian-wire"].text == articles["02-coastal-herald"].text


def test_body_quotes_and_hedges_are_kept(articles: dict[str, Article]) -> None:
    assert '"We begged them to fix the vents," said Mara Dukic' in articles["04-daily-ledger"].text
    assert "Some foreign outlets have allegedly exaggerated" in articles["03-national-voice"].text
    assert "The terrible blaze reportedly killed at least seven people." in articles["05-newsflash247"].text


def test_sentence_text_reads_through_offsets(articles: dict[str, Article]) -> None:
    ledger = articles["04-daily-ledger"]
    assert ledger.sentence_text(0).startswith("Inspectors flagged a dangerous build-up of grain dust")
    assert ledger.sentence_text(0).endswith("according to documents seen by the Daily Ledger.")
