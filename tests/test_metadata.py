"""Metadata the text shows — bylines, datelines, agencies, dates, outlets — and null when it does not."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.newstext import (
    copyright_owner,
    is_person_name,
    parse_byline,
    parse_date,
    parse_dateline,
    same_organisation,
    trailing_credit,
)
from newsweave.pipeline import extract


@pytest.mark.parametrize(
    ("line", "author", "outlet"),
    [
        ("By Jane Roe", "Jane Roe", None),
        ("By Stefan J. Bos, Chief International Correspondent Daily Planet", "Stefan J. Bos", "Daily Planet"),
        ("By Tomas Reyes and Ada Kline", "Tomas Reyes and Ada Kline", None),
        ("By Creative Media News", None, "Creative Media News"),
        ("By REUTERS", None, "Reuters"),
        ("Written by Mary-Ann O'Neil | The Harbour Times", "Mary-Ann O'Neil", "The Harbour Times"),
    ],
)
def test_bylines(line: str, author: str | None, outlet: str | None) -> None:
    byline = parse_byline(line)
    assert byline is not None and (byline.author, byline.outlet) == (author, outlet)


@pytest.mark.parametrize("line", ["By the time the police arrived, the crowd had left.", "Bystanders filmed it."])
def test_sentences_starting_with_by_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


def test_person_names() -> None:
    assert is_person_name("J. R. Smith") and is_person_name("Ludwig van Beethoven")
    assert not is_person_name("Press Association") and not is_person_name("Monday") and not is_person_name("AFP")


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Anadolu Agency December 09, 2022", "2022-12-09"),
        ("Published: 4 June 2024 10:31 GMT", "2024-06-04"),
        ("Fri, Dec. 9, 2022", "2022-12-09"),
        ("2023-11-09T10:00:00Z", "2023-11-09"),
        ("on February 30, 2023", None),
        ("last Friday", None),
    ],
)
def test_dates(text: str, iso: str | None) -> None:
    found = parse_date(text)
    assert (found[0] if found else None) == iso


@pytest.mark.parametrize(
    ("paragraph", "place", "credit"),
    [
        ("KYIV, Ukraine (AP) — Air raid sirens sounded across the city.", "KYIV, Ukraine", "AP"),
        ("MOSCOW/WASHINGTON (Worthy News) – The U.S. warns that ...", "MOSCOW/WASHINGTON", "Worthy News"),
        ("WASHINGTON -- The White House said on Friday ...", "WASHINGTON", None),
        ("LONDON, Dec 9 (Reuters) - British police said ...", "LONDON", "Reuters"),
    ],
)
def test_datelines(paragraph: str, place: str, credit: str | None) -> None:
    dateline = parse_dateline(paragraph)
    assert dateline is not None and (dateline.place, dateline.credit) == (place, credit)


@pytest.mark.parametrize(
    "paragraph", ["The U.S. said on Friday it would act.", "NATO and the EU - both said no.", "I said: no."]
)
def test_no_dateline_in_plain_sentences(paragraph: str) -> None:
    assert parse_dateline(paragraph) is None


def test_credits_and_copyright_owners() -> None:
    assert trailing_credit("The talks will resume on Monday. - Reuters") == "Reuters"
    assert trailing_credit("He left at noon.") is None
    assert copyright_owner("Copyright 1999-2023 Worthy News. All rights reserved.") == "Worthy News"
    assert copyright_owner("© 2024 The Valley Courier") == "The Valley Courier"
    assert copyright_owner("He said copyright law was outdated and needed a thorough reform.") is None
    assert same_organisation("MPA", "Meridian Press Agency") and not same_organisation("AP", "Reuters")


def test_absent_metadata_stays_null(tmp_path: Path) -> None:
    path = tmp_path / "bare.txt"
    path.write_text(
        "The water level in the reservoir fell by a third over the summer, engineers said in a report on the dam.\n\n"
        "Farmers downstream said they had been told to expect rationing if the autumn rains fail to come.",
        encoding="utf-8",
    )
    [article] = extract([str(path)]).articles
    assert (article.title, article.outlet, article.author, article.published, article.dateline, article.agency) == (
        None,
        None,
        None,
        None,
        None,
        None,
    )
    assert article.removed == []


def test_jsonl_fields_win_over_guesses(tmp_path: Path) -> None:
    record = {
        "id": "j1",
        "text": "By Jane Roe\n\nThe ferry returned to port after its engine failed, the operator said on Monday.",
        "outlet": "Island Post",
        "author": "Given Author",
        "published": "2024-05-06T08:00:00Z",
        "url": "https://islandpost.example/ferry",
        "title": "Ferry returns to port",
    }
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [article] = extract([str(path)]).articles
    assert (article.outlet, article.author, article.published, article.url, article.title) == (
        "Island Post",
        "Given Author",
        "2024-05-06",
        "https://islandpost.example/ferry",
        "Ferry returns to port",
    )


def test_html_page_metadata(data: Path) -> None:
    [article] = extract([str(data / "page.html")]).articles
    assert (article.title, article.outlet, article.author, article.published, article.url) == (
        "Orchard growers count frost losses",
        "Valley Courier",
        "Rita Salo",
        "2024-04-18",
        "https://valleycourier.example/frost-losses",
    )


def test_scraped_text_metadata(data: Path) -> None:
    [article] = extract([str(data / "scraped-page.txt")]).articles
    assert (article.outlet, article.author, article.published, article.dateline, article.agency) == (
        "Lakeside Tribune",
        "Nora Quist",
        None,  # its only date is "Updated: 4 June 2024": when the page changed, not when it was written
        "KELLAN FALLS",
        "Riverwire",
    )


def test_agency_and_date_line_gives_agency_and_outlet(tmp_path: Path) -> None:
    path = tmp_path / "wire.txt"
    path.write_text(
        "Talks collapse in Geneva\n\nAnadolu Agency December 09, 2022\n\n"
        "Negotiators left Geneva on Friday without an agreement, both delegations said in statements.",
        encoding="utf-8",
    )
    [article] = extract([str(path)]).articles
    assert (article.agency, article.published, article.outlet) == ("Anadolu Agency", "2022-12-09", "Anadolu Agency")


def test_an_updated_stamp_is_not_the_publication_date(tmp_path: Path) -> None:
    path = tmp_path / "updated.txt"
    path.write_text(
        "Bridge reopens after repairs\nUpdated: 12 March 2025\n"
        "The Tamsin bridge in Riverton reopened to traffic yesterday after six months of repairs, the council said.\n"
        "Engineers inspected the span on Monday and found no new cracks in the deck or the piers.\n",
        encoding="utf-8",
    )
    [article] = extract([str(path)], analysis=True).articles
    assert article.published is None  # "yesterday" is not placed from the day the page was last changed
    assert all(d.value is None for d in article.dates if d.kind == "relative")


def test_outlet_from_the_site_name() -> None:
    from newsweave.newstext import outlet_from_site

    assert outlet_from_site("WSVN 7News | Miami News, Weather, Sports | Fort Lauderdale", "Crash", None) == "WSVN 7News"
    assert (
        outlet_from_site("My Daily Magazine - Art, Design, DIY, Fashion and Beauty !", "x", None) == "My Daily Magazine"
    )
    assert outlet_from_site(
        "Halls too full, experts warn", "Halls too full, experts warn", "https://www.theguardian.com/a"
    ) == ("theguardian.com")  # a site name that is only the title says nothing of the outlet
    assert outlet_from_site("The Guardian", "Halls too full", "https://www.theguardian.com/a") == "The Guardian"
    assert outlet_from_site(None, "Title", None) is None
