"""Per-article analysis: sentences, entities, quotes, quantities, dates and the stance of each sentence.

``analyze(articles)`` parses all articles in one spaCy ``pipe`` (batched,
chunked for long texts) and fills, in place, ``entities`` (canonical
names and roles), ``quotes`` (who said what), ``quantities``, ``dates``
(normalised against the published date) and ``stances`` (one per
sentence). Sentences come from ``analyze.sentences``, without the model.
"""

from __future__ import annotations

from typing import Any

from newsweave.analyze.dates import dated_events, find_dates
from newsweave.analyze.entities import Mention, canonicalise, chunk_mentions, entities
from newsweave.analyze.nlp import parse
from newsweave.analyze.quantities import find_quantities
from newsweave.analyze.quotes import QuoteFinder
from newsweave.analyze.sentences import split_sentences
from newsweave.analyze.stance import sentence_stances
from newsweave.model import Article, Quantity, TimeExpression


def analyze(articles: list[Article]) -> None:
    """Fill each article's analysis in place, one parsed chunk at a time."""
    states = [_ArticleAnalysis(a) for a in articles]
    for index, offset, doc in parse([a.text for a in articles]):
        states[index].add_chunk(offset, doc)
    for state in states:
        state.finish()


class _ArticleAnalysis:
    """What one article's analysis keeps between chunks: light records, never spaCy objects."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.mentions: list[Mention] = []
        self.quotes = QuoteFinder(article.id, article.text)
        self.quantities: list[Quantity] = []
        self.dates: list[TimeExpression] = []

    def add_chunk(self, offset: int, doc: Any) -> None:
        found = chunk_mentions(offset, doc)
        self.quotes.add_chunk(offset, doc, found)  # makes ``found`` canonical as it goes
        self.mentions += found
        for q in find_quantities(doc.text, doc):
            q.start, q.end = q.start + offset, q.end + offset
            self.quantities.append(q)
        for d in find_dates(doc.text, self.article.published):
            d.events = dated_events(doc, d.start, d.end)
            d.start, d.end = d.start + offset, d.end + offset
            self.dates.append(d)

    def finish(self) -> None:
        a = self.article
        if not a.sentences and a.text:
            a.sentences = split_sentences(a.text)
        canonicalise(self.mentions)
        a.entities = entities(self.mentions)
        a.quotes = self.quotes.quotes
        a.quantities = self.quantities
        a.dates = self.dates
        a.stances = sentence_stances(a.text, a.sentences, a.quotes)
        a.analysed = True
