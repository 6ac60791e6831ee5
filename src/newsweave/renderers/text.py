"""Plain-text output of `extract --format text`: each article's metadata lines, then its clean text."""

from __future__ import annotations

from newsweave.model import Article

_FIELDS = ("title", "outlet", "author", "published", "dateline", "agency", "url")


def articles_to_text(articles: list[Article]) -> str:
    blocks = []
    for article in articles:
        head = [f"== {article.id}"]
        head += [f"{name}: {value}" for name in _FIELDS if (value := getattr(article, name))]
        blocks.append("\n".join(head) + "\n\n" + article.text + "\n")
    return "\n".join(blocks)
