"""HTML pages: main content and page metadata with trafilatura.

trafilatura finds the main content block, first without its fallback
extractors, then with them when that finds too little (``FULL_PASS_BELOW``);
its text then goes through the same line-level pass as plain text
(clean.lines), which catches the promos, appeals and notices that sit
inside the content block.

The page is parsed once (twice when the full pass runs: the first prunes
the tree). Metadata is read from that tree with trafilatura's
own metadata functions (meta tags, JSON-LD, title, author, URL, site name)
and htmldate, but only the fields newsweave uses: trafilatura's full
``with_metadata`` pass also collects categories, tags and licences, which
cost a third of its time and which we drop. Dates are the ones the page
declares (no extensive search through the body text).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import trafilatura
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura import metadata as page_meta
from trafilatura.utils import load_html

LOG = logging.getLogger(__name__)
# Characters below which trafilatura's fast pass (no fallback extractors) is taken to have missed the article
# and the full pass runs: about 80 words, less than any news article's body. The fallbacks (readability, jusText)
# cost a third of trafilatura's time, and pay off only on pages whose own block it finds too short.
FULL_PASS_BELOW = 500


@dataclass(slots=True)
class HtmlExtract:
    text: str
    title: str | None
    author: str | None
    published: str | None
    sitename: str | None
    url: str | None


def extract_html(html: str, url: str | None = None) -> HtmlExtract | None:
    """Main text and metadata of a page, or None when it holds no article text."""
    tree = load_html(html)
    if tree is None:
        return None
    meta = _page_metadata(tree, url)  # before extraction, which prunes the tree
    text = _main_text(tree, url, fast=True)
    if len(text) < FULL_PASS_BELOW:
        text = _main_text(load_html(html), url, fast=False) or text  # the first pass pruned the tree
    if not text.strip():
        # trafilatura gives up on very short pages; its baseline (article or paragraph text) does not
        _, text, _ = trafilatura.baseline(html)
    if not text or not text.strip():
        return None
    return HtmlExtract(text=text, **meta)


def _main_text(tree: HtmlElement, url: str | None, fast: bool) -> str:
    """trafilatura's main text of the page; ``fast`` skips its fallback extractors (readability, jusText)."""
    result = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        fast=fast,
    )
    return getattr(result, "text", None) or ""  # a Document (or None when trafilatura finds nothing)


def _page_metadata(tree: HtmlElement, url: str | None) -> dict[str, str | None]:
    """Title, author, date, site name and URL, as trafilatura.metadata.extract_metadata finds them."""
    found = page_meta.examine_meta(tree)
    if found.author and " " not in found.author:
        found.author = None  # trafilatura's rule: one-word authors in meta tags are site handles
    try:
        found = page_meta.extract_meta_json(tree, found)
    except Exception as exc:  # malformed JSON-LD must not lose the page
        LOG.debug("JSON-LD metadata skipped: %s", exc)
    title = found.title or page_meta.extract_title(tree)
    author = found.author or page_meta.extract_author(tree)
    page_url = found.url or page_meta.extract_url(tree, url)
    published = find_date(tree, url=page_url, extensive_search=False, original_date=True)
    sitename = found.sitename or page_meta.extract_sitename(tree)
    if sitename:
        sitename = sitename.lstrip("@")
        if "." not in sitename and not sitename[:1].isupper():
            sitename = sitename.title()
    return {
        "title": _clean(title),
        "author": _clean(author),
        "published": _clean(published),
        "sitename": _clean(sitename),
        "url": _clean(page_url),
    }


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
