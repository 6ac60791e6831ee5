"""HTML pages: main content and page metadata with trafilatura.

trafilatura finds the main content block and reads the page's metadata
(og: tags, JSON-LD, htmldate). Its text then goes through the same
line-level pass as plain text (clean.lines), which catches the promos,
appeals and notices that sit inside the content block.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura


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
    result = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_images=False,
        include_links=False,
        deduplicate=False,
        # dates the page declares, not any date-like string found in its text
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if result is None or not (result.text or "").strip():
        return None
    return HtmlExtract(
        text=result.text,
        title=_clean(result.title),
        author=_clean(result.author),
        published=_clean(result.date),
        sitename=_clean(result.sitename),
        url=_clean(result.url),
    )


def _clean(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value or None
