"""The cited summary on real multi-outlet events: ../shared/data/summaries-dev (AllSides), beside its peers.

Each event is three full articles (a left, a centre and a right outlet) with the neutral roundup an
AllSides editor wrote (about 45 words) as the reference. newsweave runs in this process as
`newsweave brief EVENT.jsonl --length 5` would; the peers are the set's own (``score.py``'s
functions, imported): lead-3, the first sentence of each article, LexRank, TextRank and a TF-IDF
centroid on the same texts. Every output is cut to the reference's length in words, then scored
with ROUGE-1/2/L F1, as ``score.py`` does; ``weak`` is the share of summary lines labelled
corroborated whose other-source sentences share < 10 % of content words (``score.py``'s measure),
``split`` the share of events whose articles land in more than one story.

The timeline is audited on the same events, from the text of the cited sentences and without
newsweave's quote finder: ``relative`` entries are dated only by a weekday, "today", "last month" or
a month and day without a year; ``unanchored`` ones are such entries from an article with no
publication date (must be 0: nothing else may anchor them); ``quoted`` ones take a weekday or "today"
only from inside quotation marks (a speaker's "today", placed from a moment the article does not
give: must be 0; a month and day in a quotation names its day whoever says it); ``stamp`` entries
cite a page stamp ("Updated 10:32 AM ET") (must be 0).

The sample is ``score.py``'s (``--n 50 --seed 0`` by default; ``--n 0`` runs all 304). Every
figure is also printed for the two halves of the sample (events sorted by id, alternating), so that
a change that only helps the events it was read on shows as a gap between halves.

    python benchmarks/summary.py [--n 50] [--seed 0] [--cache DIR] [--verbose]

``--cache DIR`` keeps the analysed articles between runs (for work on alignment and summary only).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import random
import re
import statistics
import tempfile
from pathlib import Path
from types import ModuleType

from newsweave.align.statements import day_form
from newsweave.contract import build_brief
from newsweave.pipeline import extract

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "summaries-dev"
METRICS = ("rouge1", "rouge2", "rougeL")
PEERS = ("lead3", "lead1_each", "lexrank", "textrank", "centroid")
LENGTH = 5
AUDIT = ("entries", "relative", "unanchored", "quoted", "stamp")
MOMENT_FORMS = ("weekday", "relative")  # days placed from the moment of speaking (align.statements.day_form)
PAGE_STAMP = re.compile(r"^\W*(?:updated|published|posted|last (?:updated|modified))\b.{0,40}\d", re.IGNORECASE)
QUOTE_MARKS = re.compile(r"[\"“”]")


def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("summaries_score", DATA / "score.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def analysed(event: str, cache: Path | None) -> list:
    path = cache / f"{event}.pickle" if cache else None
    if path and path.exists():
        return pickle.loads(path.read_bytes())
    articles = extract([str(DATA / "clusters" / f"{event}.jsonl")], analysis=True).articles
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(articles))
    return articles


def audit_timeline(brief: dict, articles: list) -> dict[str, int]:
    """Counts of the timeline entries by how they are dated (see the module docstring)."""
    by_id = {a.id: a for a in articles}
    counts = dict.fromkeys(AUDIT, 0)
    for story in brief["stories"]:
        for entry in story["timeline"]:
            counts["entries"] += 1
            found = []  # (expression, its sentence's text before it, article) for each cited sentence
            for cited in entry["citations"]:
                article = by_id[cited["article"]]
                sentence = article.sentences[cited["sentence"]]
                for d in article.dates:
                    if d.value == entry["date"] and sentence.start <= d.start < sentence.end:
                        found.append((d, article.text[sentence.start : d.start], article))
            counts["stamp"] += any(PAGE_STAMP.search(article.text[article.sentences[c["sentence"]].start :][:80])
                                   for c in entry["citations"] for article in [by_id[c["article"]]])  # fmt: skip
            if found and all(day_form(d.text) != "calendar" for d, _, _ in found):
                counts["relative"] += 1
                counts["unanchored"] += any(a.published is None for _, _, a in found)
                counts["quoted"] += all(
                    len(QUOTE_MARKS.findall(before)) % 2 == 1 and day_form(d.text) in MOMENT_FORMS
                    for d, before, _ in found
                )
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=50, help="events to sample as score.py does (0 = all 304)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--verbose", action="store_true", help="print each event's reference and summary")
    args = parser.parse_args()
    score = scorer()
    from rouge_score import rouge_scorer

    gold = json.loads((DATA / "gold.json").read_text(encoding="utf-8"))
    events = sorted(gold)
    if args.n and args.n < len(events):
        events = sorted(random.Random(args.seed).sample(events, args.n))
    rouge = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    systems = ("newsweave", *PEERS)
    rows: list[dict] = []
    for event in events:
        reference = gold[event]["summary"]
        words = len(reference.split())
        texts = score.load_cluster(event)
        outputs = score.peer_outputs(texts)
        brief = build_brief(analysed(event, args.cache), [], length=LENGTH)
        with tempfile.TemporaryDirectory() as folder:  # score.py reads a brief from a file
            with_brief = Path(folder) / f"{event}.json"
            with_brief.write_text(json.dumps(brief), encoding="utf-8")
            ours = score.newsweave_output(with_brief, {t["id"] for t in texts})
        outputs["newsweave"] = ours["all"]
        row = {"event": event, "corroborated": ours["corroborated"], "weak": ours["weak"]}
        row["split"] = ours["best_share"] < 1.0
        for name in systems:
            result = rouge.score(reference, score.cut(outputs[name], words))
            row[name] = [result[m].fmeasure for m in METRICS]
        row["timeline"] = audit_timeline(brief, analysed(event, args.cache))
        rows.append(row)
        if args.verbose:
            print(f"\n[{event}] {reference}\n  newsweave: {score.cut(outputs['newsweave'], words)}")
            print(f"  centroid:  {score.cut(outputs['centroid'], words)}")
    halves = {"all": rows, "half A": rows[0::2], "half B": rows[1::2]}
    print(f"\nsummaries-dev: {len(rows)} events (seed {args.seed}), outputs cut to the reference's length\n")
    print("| events | system | ROUGE-1 | ROUGE-2 | ROUGE-L |\n|---|---|---|---|---|")
    for label, part in halves.items():
        for name in systems:
            means = [statistics.fmean(r[name][k] for r in part) for k in range(len(METRICS))]
            print(f"| {label} | {name} | " + " | ".join(f"{m:.3f}" for m in means) + " |")
    print()
    for label, part in halves.items():
        corroborated = sum(r["corroborated"] for r in part)
        weak = sum(r["weak"] for r in part)
        print(f"{label}: weak corroboration {weak}/{corroborated} = {weak / corroborated if corroborated else 0:.3f}; "
              f"split {sum(r['split'] for r in part)}/{len(part)}")  # fmt: skip
    totals = {key: sum(r["timeline"][key] for r in rows) for key in AUDIT}
    print("timeline: " + ", ".join(f"{key} {value}" for key, value in totals.items()))


if __name__ == "__main__":
    main()
