"""The cited summary on real multi-outlet events: ../shared/data/summaries-dev (AllSides), beside its peers.

Each event is three full articles (a left, a centre and a right outlet) with the neutral roundup an
AllSides editor wrote (about 45 words) as the reference. newsweave runs in this process as
`newsweave brief EVENT.jsonl --length 5` would; the peers are the set's own (``score.py``'s
functions, imported): lead-3, the first sentence of each article, LexRank, TextRank and a TF-IDF
centroid on the same texts. Every output is cut to the reference's length in words, then scored
with ROUGE-1/2/L F1, as ``score.py`` does; ``weak`` is the share of summary lines labelled
corroborated whose other-source sentences share < 10 % of content words (``score.py``'s measure),
``split`` the share of events whose articles land in more than one story.

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
import statistics
import tempfile
from pathlib import Path
from types import ModuleType

from newsweave.brief import build_brief
from newsweave.pipeline import extract

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "summaries-dev"
METRICS = ("rouge1", "rouge2", "rougeL")
PEERS = ("lead3", "lead1_each", "lexrank", "textrank", "centroid")
LENGTH = 5


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
        with_brief = Path(tempfile.gettempdir()) / f"newsweave-summary-{event}.json"
        with_brief.write_text(json.dumps(brief), encoding="utf-8")
        ours = score.newsweave_output(with_brief, {t["id"] for t in texts})
        with_brief.unlink()
        outputs["newsweave"] = ours["all"]
        row = {"event": event, "corroborated": ours["corroborated"], "weak": ours["weak"]}
        row["split"] = ours["best_share"] < 1.0
        for name in systems:
            result = rouge.score(reference, score.cut(outputs[name], words))
            row[name] = [result[m].fmeasure for m in METRICS]
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


if __name__ == "__main__":
    main()
