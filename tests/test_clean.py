"""Cleaning: each boilerplate kind is removed with its reason, and the body next to it is kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsweave.clean import draft, finish
from newsweave.clean.lines import classify_lines
from newsweave.lexicon import REASONS
from newsweave.model import Article, Document
from newsweave.pipeline import extract


def clean_text(text: str, doc_id: str = "a", **fields: str) -> Article:
    result = draft(Document(id=doc_id, source=f"{doc_id}.txt", format="text", content=text, fields=fields))
    assert not hasattr(result, "error"), result
    return finish([result])[0]  # type: ignore[list-item]


def removed(article: Article) -> dict[str, str]:
    return {r.text: r.reason for r in article.removed}


@pytest.fixture(scope="module")
def scraped() -> Article:
    [article] = extract([str(Path(__file__).parent / "data" / "scraped-page.txt")]).articles
    return article


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Skip to main content", "navigation"),
        ("Photo of author", "author_box"),
        ("By Nora Quist, Senior Transport Correspondent Lakeside Tribune", "byline"),
        ("Updated: 4 June 2024", "dateline"),
        ("Also read: City council votes on new bus lanes", "promo"),
        ("Related stories", "promo"),
        ("A diver inspects the pier on Tuesday. (Photo: Lakeside Tribune/Ann Berg)", "caption"),
        ("Share on Facebook", "share"),
        ("Tweet", "share"),
        ("Subscribe to our newsletter for daily local news!", "subscribe"),
        ("Please support our journalism. Donate today and help keep local reporting alive.", "donate"),
        ("Copyright © 2024 Lakeside Tribune. All rights reserved.", "copyright"),
        ("This article may not be republished or redistributed without written permission.", "copyright"),
        ("Leave a comment", "comments"),
        ("What a mess, the traffic was awful this morning", "comments"),
        ("Hope nobody was hurt.", "comments"),
        ("Lakeside Tribune — Your town, your news", "tagline"),
        ("THE LAKESIDE TRIBUNE", "tagline"),
    ],
)
def test_scraped_page_boilerplate_is_removed_with_reason(scraped: Article, line: str, reason: str) -> None:
    assert line not in scraped.text
    assert removed(scraped)[line] == reason


def test_scraped_page_body_is_kept_whole(scraped: Article) -> None:
    body = [
        "KELLAN FALLS (Riverwire) — The Kellan Falls bridge was closed on Tuesday after a runaway barge struck "
        "one of its piers, the city's transport department said.",
        "Engineers found cracks in the concrete of the central pier and will decide on Thursday whether the span "
        "can reopen, department head Piet Olsen told reporters.",
        '"We will not reopen a single lane until every test is back," Olsen said. "Safety comes before traffic."',
        "The barge's owner, Fenwick Shipping, said its crew had lost engine power in fog.",
    ]
    assert scraped.text == "\n\n".join(body)


def test_title_is_moved_out_of_the_body(scraped: Article) -> None:
    assert scraped.title == "Bridge closed after barge strike, engineers inspect damage"
    assert [r.reason for r in scraped.removed if r.text == scraped.title] == ["title", "headline_echo"]


def test_headline_echo_in_body() -> None:
    article = clean_text(
        "Storm floods coastal road\n\nThe coastal road was flooded on Monday, the police said.\n\n"
        "STORM FLOODS COASTAL ROAD\n\nDrivers were told to use the inland route until the water drops."
    )
    assert removed(article)["STORM FLOODS COASTAL ROAD"] == "headline_echo"
    assert "Drivers were told" in article.text


def test_related_story_boxes_inside_a_paragraph_are_cut_out() -> None:
    article = clean_text(
        "Harbour bill passes\n\nGovernor Ana Ruiz Ana Maria RuizFerry fares rise again | Port strike ends "
        "Why the harbour matters MORE (D) signed the harbour bill on Monday, and Sen. Tom Reyes Thomas (Tom) "
        "Alan ReyesCouncil votes on budget MORE's office welcomed it.\n\n"
        "McCarthy said the iPhone app was MORE popular than McDonald expected."
    )
    assert article.text.startswith(
        "Governor Ana Ruiz (D) signed the harbour bill on Monday, and Sen. Tom Reyes's office welcomed it."
    )
    assert removed(article)["Thomas (Tom) Alan ReyesCouncil votes on budget MORE"] == "promo"
    assert "Ana Maria RuizFerry fares rise again | Port strike ends Why the harbour matters MORE" in removed(article)
    # capitals inside a word and a "MORE" with no repeated name before it are prose
    assert "McCarthy said the iPhone app was MORE popular than McDonald expected." in article.text


def test_quoted_speech_is_never_removed_even_with_furniture_words() -> None:
    lines = [
        "The mayor spoke after the vote in the council chamber on Monday evening.",
        '"Share this news with everyone, subscribe to the truth, and comment loudly!" the mayor told supporters.',
        '"Please visit the site and see for yourself," she said.',
        "The council will meet again next week to review the budget for the harbour.",
    ]
    verdicts = classify_lines(lines, None)
    assert all(v.kept for v in verdicts), [(v.text, v.reason) for v in verdicts]


def test_body_prose_with_web_words_is_kept() -> None:
    lines = [
        "Police said the suspect had shared the video on Facebook and Twitter before deleting his accounts.",
        "Comments made by the minister on Sunday drew criticism from the opposition, which called them reckless.",
        "The company said subscriptions to its newsletter doubled after the scandal, according to its report.",
    ]
    assert all(v.kept for v in classify_lines(lines, None))


def test_lines_and_lists_at_the_end_are_content() -> None:
    lines = [
        "The festival announced its final line-up on Friday, with four bands added to the bill.",
        "The new acts are:",
        "1. The Lantern Keepers",
        "2. Harbour Lights",
        "3. North Wind",
    ]
    assert all(v.kept for v in classify_lines(lines, None))


def test_every_reason_is_documented(scraped: Article) -> None:
    assert {r.reason for r in scraped.removed} <= set(REASONS)


def test_lines_repeated_across_unrelated_articles_are_removed() -> None:
    footer = "Part of the Northshore network of local titles"
    first = (
        "Ferry fares rise in June\n\nThe ferry company will raise fares by five percent in June, it said on Monday."
        f"\n\nCommuters' groups said the rise was unfair to island residents.\n\n{footer}"
    )
    second = (
        "School roof repaired\n\nWorkers finished repairing the roof of the village school on Friday, the council "
        f"said.\n\nPupils will return to their classrooms after the holiday.\n\n{footer}"
    )
    drafts = [draft(Document(id=i, source=i, format="text", content=t)) for i, t in (("x", first), ("y", second))]
    articles = finish(drafts)  # type: ignore[arg-type]
    for article in articles:
        assert footer not in article.text
        assert removed(article)[footer] == "corpus_repeated"


def test_syndicated_copies_keep_their_shared_body() -> None:
    body = (
        "KELLAN FALLS (Riverwire) — Floodwater closed the old mill road on Sunday, officials said.\n\n"
        "Short update\n\nCrews expect to reopen it by Wednesday if the rain stops."
    )
    drafts = [draft(Document(id=i, source=i, format="text", content=f"Mill road closed\n\n{body}")) for i in ("p", "q")]
    for article in finish(drafts):  # type: ignore[arg-type]
        assert "Short update" in article.text
        assert "Crews expect to reopen it" in article.text


def test_html_page_main_text_and_text_level_pass(data: Path) -> None:
    [article] = extract([str(data / "page.html")]).articles
    assert article.text.startswith("Apple growers in the upper valley lost up to half of their blossoms")
    assert "Provincial agriculture minister Jonas Brede said" in article.text
    assert '"We have not seen a frost this late in twenty years," said association chair Elin Marsk.' in article.text
    for furniture in ["Read more:", "Sign up for our farming newsletter", "Cheese festival", "Home", "© 2024"]:
        assert furniture not in article.text
    assert removed(article)["Read more: How growers protect blossoms with sprinklers"] == "promo"


def test_media_player_and_gallery_labels_are_captions() -> None:
    lines = [
        "The House approved the bill on Friday by a vote of 316 to 90 after a long debate.",
        "Media playback is unsupported on your device Media caption The BBC's correspondent explains the vote",
        "Enlarge this image toggle caption Darron Cummings/AP Darron Cummings/AP",
        "The Senate is expected to take up the measure next week, leaders of both parties said.",
    ]
    verdicts = classify_lines(lines, None)
    assert [v.kept for v in verdicts] == [True, False, False, True]
    assert {v.reason for v in verdicts if not v.kept} == {"caption"}


def test_agency_caption_formulas_and_page_stamps_are_not_body() -> None:
    lines = [
        "The House approved the bill on Friday by a vote of 316 to 90 after a long debate.",
        "FILE - In this Jan. 30, 2010, file photo, Vice President Joe Biden, left, with his son Hunter, right, at "
        "a college basketball game in Washington. Since the early days of the United States, leading politicians "
        "have had to contend with awkward problems posed by their family members, as Biden does now. (AP Photo)",
        "Secretary of State Rex Tillerson speaks at a press briefing in Washington, U.S., August 22, 2017.",
        "Updated at 12:36 p.m. ET, July 11",
        "Updated at 6 p.m. ET June 23",
        "In this case, the photo was taken by a police officer who said he saw the car on August 22, 2017.",
        "The Senate is expected to take up the measure next week, leaders of both parties said.",
    ]
    verdicts = classify_lines(lines, None)
    assert [v.reason for v in verdicts] == [None, "caption", "caption", "dateline", "dateline", None, None]


def test_an_article_known_only_by_its_address_is_named_by_its_site() -> None:
    body = "Storm floods coastal road\n\nThe coastal road was flooded on Monday, the police said in a statement."
    assert clean_text(body, url="https://www.example-news.com/2025/storm").outlet == "example-news.com"
    named = clean_text(body, url="https://www.example-news.com/2025/storm", outlet="Example News")
    assert named.outlet == "Example News"  # what the input declares wins
    assert clean_text(body).outlet is None  # no address, no guess
