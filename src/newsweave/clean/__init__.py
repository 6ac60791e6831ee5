"""Cleaning: a Document becomes an Article (clean text, removed lines, metadata).

Two steps, so that per-document work parallelises and corpus evidence is
still used:

- ``draft(doc)``: per document (pure): HTML main content, title, line
  verdicts, metadata read from the page and from the text.
- ``finish(drafts)``: over the whole run: lines repeated across otherwise
  different articles are removed, then each draft becomes an Article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from newsweave.clean.corpus import mark_corpus_repeats
from newsweave.clean.html import extract_html
from newsweave.clean.inline import strip_link_boxes
from newsweave.clean.lines import Verdict, classify_lines, decisive_reason, make_verdict
from newsweave.errors import logger
from newsweave.lexicon import REASONS
from newsweave.limits import TooSlow, time_limit
from newsweave.model import Article, Document, ReadError, Removed
from newsweave.newstext import (
    agency_name,
    bare_url,
    copyright_owner,
    date_from_url,
    fold,
    is_org_name,
    is_role_only,
    original_publisher,
    outlet_from_site,
    parse_byline,
    parse_date,
    parse_dateline,
    same_organisation,
    strip_org_words,
    trailing_credit,
)

__all__ = ["REASONS", "Draft", "clean_document", "draft", "finish"]

PARAGRAPH_SEPARATOR = "\n\n"


@dataclass(slots=True)
class Draft:
    """A document between per-document cleaning and the corpus pass."""

    doc_id: str
    source: str
    verdicts: list[Verdict]
    meta: dict[str, str | None] = field(default_factory=dict)
    title_line: str | None = None
    url_line: str | None = None
    link_boxes: list[str] = field(default_factory=list)  # related-story boxes cut out of paragraphs (clean.inline)


def draft(doc: Document) -> Draft | ReadError:
    """Per-document cleaning; a ReadError when the document holds no article text."""
    meta: dict[str, str | None] = dict.fromkeys(("title", "outlet", "author", "published", "url"))
    text = doc.content
    if doc.format == "html":
        page = extract_html(doc.content, doc.fields.get("url"))
        if page is None:
            return ReadError(doc.source, "no article text found in the HTML")
        text = page.text
        author = None if page.author and is_role_only(page.author) else page.author
        outlet = outlet_from_site(page.sitename, page.title, page.url)
        meta.update(title=page.title, author=author, published=page.published, outlet=outlet, url=page.url)
    meta.update(doc.fields)  # what the input declares wins over what the page suggests
    lines, link_boxes = [], []
    for line in text.split("\n"):
        kept, boxes = strip_link_boxes(line.strip())
        link_boxes += boxes
        if kept:
            lines.append(kept)
    if not lines:
        return ReadError(doc.source, "empty: no text")
    url_line = None
    if doc.format == "text" and (url := bare_url(lines[0])) and len(lines) > 1:
        url_line, lines = lines[0], lines[1:]
        meta["url"] = meta.get("url") or url
    title_line = None
    if doc.format == "text" and not doc.fields.get("title"):
        title_line, lines = _take_title(lines)
        meta["title"] = title_line
    verdicts = classify_lines(lines, meta["title"])
    words = sum(len(_WORD.findall(v.text)) for v in verdicts if v.kept)
    if words < MIN_WORDS:
        return ReadError(doc.source, f"no article text: {words} word(s) of prose after cleaning")
    _metadata_from_lines(verdicts, meta)
    for key, value in doc.fallback.items():
        meta[key] = meta.get(key) or value
    if not meta.get("published") and (dated := date_from_url(meta.get("url"))) and dated[2] is not None:
        meta["published"] = date(dated[0], dated[1], dated[2]).isoformat()
    return Draft(doc.id, doc.source, verdicts, meta, title_line, url_line, link_boxes)


def clean_document(doc: Document) -> Draft | ReadError:
    """``draft`` that never raises: one broken page never stops a run of thousands, nor does one that
    takes longer than the time limit (limits.max_seconds)."""
    try:
        with time_limit(doc.source):
            return draft(doc)
    except TooSlow as exc:
        return ReadError(doc.source, str(exc))
    except Exception as exc:
        logger.debug("cleaning %s failed", doc.source, exc_info=True)  # the traceback, for --debug
        return ReadError(doc.source, f"cleaning failed: {type(exc).__name__}: {exc}")


def _take_title(lines: list[str]) -> tuple[str | None, list[str]]:
    """The headline of a scraped text page: its first short line that is not page furniture."""
    seen: set[str] = set()
    for i, line in enumerate(lines[:6]):
        verdict = make_verdict(line)
        if decisive_reason(verdict, "", seen) or (len(line.split()) <= 3 and line.isupper()):
            continue  # navigation, bylines, datelines, mastheads come before the headline
        feat = verdict.features
        headline_shaped = feat.n_words <= 20 and (not feat.terminal or feat.n_words <= 12)
        if headline_shaped and len(lines) > i + 1:
            return line, lines[:i] + lines[i + 1 :]
        break
    return None, lines


# Fewer words than this in the lines kept is not an article: a 1-byte file, binary junk read as text,
# one letter repeated a million times.
MIN_WORDS = 3
_WORD = re.compile(r"\b[^\W\d_]{1,40}\b")
UPDATED_STAMP = re.compile(r"\s*(?:last\s+)?(?:updated|modified|edited|amended)\b", re.IGNORECASE)


def _metadata_from_lines(verdicts: list[Verdict], meta: dict[str, str | None]) -> None:
    """Fill metadata the page did not give from bylines, datelines, credits and copyright lines."""
    found: dict[str, str | None] = dict.fromkeys(("author", "outlet", "published", "agency", "dateline"))
    copyright_outlet = None
    for verdict in verdicts:
        text = verdict.text
        if verdict.reason == "byline" and (byline := parse_byline(text)):
            found["author"] = found["author"] or byline.author
            found["outlet"] = found["outlet"] or byline.outlet
        elif verdict.reason == "dateline" and (dated := parse_date(text)):
            if not UPDATED_STAMP.match(text):  # "Updated: 9 Dec" is not when the article was written
                found["published"] = found["published"] or dated[0]
            before = text[: dated[1][0]].strip(" ,|-–—:")
            if before and (agency_name(before) or is_org_name(before)):
                found["agency"] = found["agency"] or agency_name(before) or before
        elif verdict.reason == "copyright":
            copyright_outlet = copyright_outlet or copyright_owner(text)
        elif verdict.reason == "syndication" and (origin := original_publisher(text)):
            found["outlet"] = found["outlet"] or origin
    kept = [v.text for v in verdicts if v.kept]
    if kept and (dateline := parse_dateline(kept[0])):
        found["dateline"] = dateline.place
        if dateline.credit:
            found["agency"] = found["agency"] or agency_name(dateline.credit) or dateline.credit
    if kept and not found["agency"]:
        found["agency"] = trailing_credit(kept[-1])
    found["outlet"] = found["outlet"] or copyright_outlet or _masthead(verdicts)
    if found["agency"] and found["outlet"] and same_organisation(found["agency"], found["outlet"]):
        found["agency"] = None  # the outlet crediting itself is not a reprint
    if not meta.get("outlet") and not found["outlet"] and found["agency"] and agency_name(found["agency"]):
        found["outlet"] = found["agency"]  # a wire story known only by its agency credit
    for key, value in found.items():
        if not meta.get(key):
            meta[key] = value
    if not meta.get("outlet") and meta.get("url"):
        meta["outlet"] = outlet_from_site(None, None, meta["url"])  # the site at least: "reuters.com"
    if outlet := meta.get("outlet"):
        _mark_site_name_lines(verdicts, outlet)


def _masthead(verdicts: list[Verdict]) -> str | None:
    """A site name printed above the article ('THE COASTAL HERALD'), if the page starts with one."""
    for verdict in verdicts[:3]:
        if verdict.reason in (None, "navigation") and not verdict.features.terminal and is_org_name(verdict.text):
            return verdict.text.title() if verdict.text.isupper() else verdict.text
    return None


def _mark_site_name_lines(verdicts: list[Verdict], outlet: str) -> None:
    """Short non-sentence lines opening with the outlet's name ('Acme — your town, your news') are taglines."""
    names = {_without_article(fold(n)) for n in (outlet, strip_org_words(outlet))} - {""}
    for verdict in verdicts:
        feat = verdict.features
        candidate = verdict.reason in (None, "navigation", "comments") and feat.n_words <= 10 and not feat.speech
        if (
            candidate
            and (not feat.terminal or feat.n_words <= 4)
            and any(f"{_without_article(verdict.key)} ".startswith(f"{name} ") for name in names)
        ):
            verdict.reason = "tagline"


def _without_article(key: str) -> str:
    return key[4:] if key.startswith("the ") else key


def finish(drafts: list[Draft]) -> list[Article]:
    """The corpus pass, then Articles (without sentences: analysis adds them), in input order."""
    mark_corpus_repeats([d.verdicts for d in drafts])
    return [_article(d) for d in drafts]


def _article(d: Draft) -> Article:
    removed = []
    if d.url_line:
        removed.append(Removed(d.url_line, "url"))
    if d.title_line:
        removed.append(Removed(d.title_line, "title"))
    removed += [Removed(v.text, v.reason) for v in d.verdicts if v.reason]
    removed += [Removed(box, "promo") for box in d.link_boxes]
    text = PARAGRAPH_SEPARATOR.join(v.text for v in d.verdicts if v.kept)
    meta = d.meta
    return Article(
        id=d.doc_id,
        source=d.source,
        text=text,
        title=meta.get("title"),
        outlet=meta.get("outlet"),
        author=meta.get("author"),
        published=_iso_date(meta.get("published")),
        dateline=meta.get("dateline"),
        agency=meta.get("agency"),
        url=meta.get("url"),
        removed=removed,
    )


def _iso_date(value: str | None) -> str | None:
    """A declared date as YYYY-MM-DD; None when it holds no full date."""
    if not value:
        return None
    if len(value) >= 10 and value[4] == "-" and value[7] == "-" and value[:4].isdigit():
        return value[:10]
    found = parse_date(value)
    return found[0] if found else None
