"""RSS and Atom feeds (feedparser): each item with content or a summary is a Document.

The item's full content wins over its summary. Item HTML is a fragment,
not a page, so all of its text is taken and then cleaned like a text page. The feed's own title names the outlet; the item's title,
link, author and date are declared metadata.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import feedparser
import lxml.html

from newsweave.model import Document, ReadError
from newsweave.read.encoding import normalize_text


def iter_feed(data: bytes, path: str) -> Iterator[Document | ReadError]:
    parsed = feedparser.parse(data)
    if not parsed.entries:
        problem = parsed.get("bozo_exception")
        yield ReadError(path, f"no feed items found{f': {problem}' if problem else ''}")
        return
    outlet = (parsed.feed.get("title") or "").strip()
    for number, entry in enumerate(parsed.entries, start=1):
        contents = entry.get("content") or []
        body = contents[0].get("value", "") if contents else entry.get("summary", "")
        if not body or not body.strip():
            yield ReadError(f"{path}#{number}", "feed item has neither content nor summary")
            continue
        fields = {
            "title": entry.get("title", ""),
            "url": entry.get("link", ""),
            "author": entry.get("author", ""),
            "outlet": outlet,
            "published": _iso(entry.get("published_parsed") or entry.get("updated_parsed")),
        }
        if "<" in body and ">" in body:  # item HTML is a fragment, not a page: take all its text
            body = _fragment_text(body)
        yield Document(
            id=entry.get("id") or entry.get("link") or f"{path}#{number}",
            source=f"{path}#{number}",
            format="text",
            content=normalize_text(body),
            encoding="utf-8",
            fields={key: normalize_text(value).strip() for key, value in fields.items() if value and value.strip()},
        )


_BLOCKS = ("p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section", "article")


def _fragment_text(html: str) -> str:
    """The text of an HTML fragment, one line per block element."""
    try:
        root = lxml.html.fragment_fromstring(html, create_parent="div")
    except Exception:  # lxml raises several kinds on broken markup
        return ""
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return root.text_content()


def _iso(parsed: time.struct_time | None) -> str:
    return time.strftime("%Y-%m-%d", parsed) if parsed else ""
