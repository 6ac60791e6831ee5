"""Per-article analysis: sentences, entities with canonical names, quotes with speakers.

``analyze(articles)`` parses all articles in one spaCy ``pipe`` (batched,
chunked for long texts) and fills ``Article.entities`` and
``Article.quotes``. Sentences come from ``analyze.sentences`` and do not
need the model.
"""

from __future__ import annotations

from newsweave.analyze.entities import entities, mentions
from newsweave.analyze.nlp import parse
from newsweave.analyze.quotes import find_quotes
from newsweave.model import Article


def analyze(articles: list[Article]) -> None:
    """Fill entities and quotes of each article in place."""
    for article, docs in zip(articles, parse([a.text for a in articles]), strict=True):
        found = mentions(docs)
        article.entities = entities(found)
        article.quotes = find_quotes(article.id, article.text, docs, found)
