"""Per-article analysis: sentences, entities, quotes, quantities, dates and the stance of each sentence.

``analyze(articles)`` parses all articles in one spaCy ``pipe`` (batched,
chunked for long texts) and fills, in place, ``entities`` (canonical
names and roles), ``quotes`` (who said what), ``quantities``, ``dates``
(normalised against the published date) and ``stances`` (one per
sentence). Sentences come from ``analyze.sentences``, without the model.
"""

from __future__ import annotations

from newsweave.analyze.dates import find_dates
from newsweave.analyze.entities import entities, mentions
from newsweave.analyze.nlp import parse
from newsweave.analyze.quantities import find_quantities
from newsweave.analyze.quotes import find_quotes
from newsweave.analyze.sentences import split_sentences
from newsweave.analyze.stance import sentence_stances
from newsweave.model import Article


def analyze(articles: list[Article]) -> None:
    """Fill each article's analysis in place."""
    for article, docs in zip(articles, parse([a.text for a in articles]), strict=True):
        if not article.sentences and article.text:
            article.sentences = split_sentences(article.text)
        found = mentions(docs)
        article.entities = entities(found)
        article.quotes = find_quotes(article.id, article.text, docs, found)
        article.quantities = find_quantities(article.text, docs)
        article.dates = find_dates(article.text, article.published)
        article.stances = sentence_stances(article.text, article.sentences, article.quotes)
