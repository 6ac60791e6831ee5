"""The project's own hand-written quote sets (benchmarks/data/quotes-*.jsonl) as regression tests.

They were written for this project and newsweave was tuned on them, so they say nothing about real
news (benchmarks/quotes.py measures that on PolNeAR); they guard what already works. A partial quote's
gold content is the whole reported clause, with the quoted words in ``quoted``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsweave.analyze import analyze
from newsweave.model import Article

SETS = sorted((Path(__file__).resolve().parents[1] / "benchmarks" / "data").glob("quotes-*.jsonl"))
FOUND = 0.97  # share of gold quotes some predicted quote overlaps (all three sets are at 0.99-1.00)
SPEAKER = 0.85  # share of found quotes with a gold speaker (0.88-1.00 today)


def edges(text: str) -> str:
    return text.strip(' ,.;:"“”')


@pytest.mark.parametrize("path", SETS, ids=[p.stem for p in SETS])
def test_own_quote_set(path: Path) -> None:
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [Article(id=item["id"], source=item["id"], text=item["text"]) for item in items]
    analyze(articles)
    gold = found = right = 0
    for item, article in zip(items, articles, strict=True):
        for g in item["quotes"]:
            gold += 1
            start = item["text"].index(g["text"])
            hit = [q for q in article.quotes if q.start < start + len(g["text"]) and start < q.end]
            found += bool(hit)
            speakers = {s.casefold() for s in (g["speaker"] if isinstance(g["speaker"], list) else [g["speaker"]])}
            right += any((q.speaker or "").casefold() in speakers for q in hit)
            if g["kind"] == "partial":  # the whole clause, the quoted words marked inside it
                [quote] = [q for q in hit if q.kind == "partial"]
                assert edges(quote.text) == edges(g["text"])
                assert [edges(item["text"][s:e]) for s, e in quote.quoted] == [edges(g["quoted"])]
    assert found / gold >= FOUND
    assert right / found >= SPEAKER
    assert all(q.speaker_type in ("person", "organisation", "group", "document", "unattributed")
               for a in articles for q in a.quotes)  # fmt: skip
    assert all((q.speaker is None) == (q.speaker_type == "unattributed") for a in articles for q in a.quotes)
