"""Quote extraction and attribution against the annotated set in benchmarks/data/quotes-gold.jsonl.

The set is 22 short news-style texts, written for this project, with 100 quotes:
direct, split, multi-sentence and multi-paragraph; partial; indirect ("said
that", "according to", "told", "denied"). Speakers are named, titled,
pronouns, role nouns and organisations. Scare quotes and quoted titles are
in the texts but are not quotes.

A quote's span is its content: inside the quotation marks for direct and
partial quotes (from the first part to the last for a split quote), and
the reported clause for indirect ones.

- exact: the predicted span equals the gold span, edge spaces and punctuation aside;
- overlap: the spans share at least one character (one-to-one, largest overlap first);
- speaker accuracy: over overlap-matched quotes, the predicted speaker equals a gold
  speaker after folding case, a leading article and a possessive.

    python benchmarks/quotes.py [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from pathlib import Path

from newsweave.analyze import analyze
from newsweave.model import Article

GOLD = Path(__file__).resolve().parent / "data" / "quotes-gold.jsonl"


def norm_speaker(name: str | None) -> str:
    name = (name or "").casefold().replace("’", "'")
    name = re.sub(r"^(?:the|a|an)\s+", "", name)
    return re.sub(r"'s?\b", "", name).strip()


def edges(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and (text[start].isspace() or text[start] in ',.;:"“”'):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ',.;:"“”'):
        end -= 1
    return start, end


def f1(tp: int, predicted: int, gold: int) -> tuple[float, float, float]:
    p = tp / predicted if predicted else 0.0
    r = tp / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--verbose", action="store_true", help="print misses, false alarms and wrong speakers")
    args = parser.parse_args()
    items = [json.loads(line) for line in args.gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    articles = [Article(id=item["id"], source=item["id"], text=item["text"]) for item in items]
    started = time.perf_counter()
    analyze(articles)
    elapsed = time.perf_counter() - started

    n_gold = n_pred = exact = overlap = speaker_ok = 0
    by_kind: dict[str, list[int]] = {}
    for item, article in zip(items, articles, strict=True):
        text = item["text"]
        gold = []
        for g in item["quotes"]:
            start = text.index(g["text"])
            speakers = g["speaker"] if isinstance(g["speaker"], list) else [g["speaker"]]
            gold.append((edges(text, start, start + len(g["text"])), {norm_speaker(s) for s in speakers}, g))
        predicted = [(edges(text, q.start, q.end), q) for q in article.quotes]
        n_gold += len(gold)
        n_pred += len(predicted)
        exact += sum(1 for span, _, _ in gold if any(span == p for p, _ in predicted))
        pairs = sorted(
            (
                (min(g[0][1], p[0][1]) - max(g[0][0], p[0][0]), gi, pi)
                for gi, g in enumerate(gold)
                for pi, p in enumerate(predicted)
            ),
            reverse=True,
        )
        used_g: set[int] = set()
        used_p: set[int] = set()
        for shared, gi, pi in pairs:
            if shared <= 0 or gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            overlap += 1
            quote = predicted[pi][1]
            right = norm_speaker(quote.speaker) in gold[gi][1]
            speaker_ok += right
            kind = gold[gi][2]["kind"]
            by_kind.setdefault(kind, [0, 0])[0] += 1
            if args.verbose and not right:
                print(f"[{item['id']}] speaker {quote.speaker!r} != {gold[gi][2]['speaker']!r}: {quote.text[:60]!r}")
        for gi, (_, _, g) in enumerate(gold):
            by_kind.setdefault(g["kind"], [0, 0])[1] += 1
            if args.verbose and gi not in used_g:
                print(f"[{item['id']}] missed ({g['kind']}): {g['text'][:70]!r}")
        for pi, (_, q) in enumerate(predicted):
            if args.verbose and pi not in used_p:
                print(f"[{item['id']}] false alarm ({q.kind}, {q.speaker!r}): {q.text[:70]!r}")

    print(f"{len(items)} texts, {n_gold} gold quotes, {n_pred} predicted, analysed in {elapsed:.2f} s")
    print("| measure | P | R | F1 |")
    print("|---|---|---|---|")
    for label, tp in (("span, exact", exact), ("span, overlap", overlap)):
        p, r, f = f1(tp, n_pred, n_gold)
        print(f"| {label} | {p:.3f} | {r:.3f} | {f:.3f} |")
    print(f"speaker accuracy (on {overlap} overlap-matched quotes): {speaker_ok / overlap if overlap else 0:.3f}")
    print("recall by kind: " + ", ".join(f"{k} {m}/{t}" for k, (m, t) in sorted(by_kind.items())))


if __name__ == "__main__":
    main()
