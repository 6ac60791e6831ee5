"""Story, quote, claim and conflict figures on real news: ../shared/data/real-stories-dev.

Runs newsweave's brief on each of the set's events (4 real events, 11 articles each from many
outlets) and scores it with the set's own ``score.py`` functions, so the figures are the ones
``score.py`` prints. Beside it, in the same run, the usual peer for claims: MiniLM sentence cosine
above a threshold between sentences of different articles, connected components (at 0.7 and at
its best threshold on these events, which flatters it).

Cross-validation: every figure is also printed per event and for the two halves of the events
(8+12 and 18+19), so that a rule that only helps the events it was read on shows as a gap between
halves. ``--claims-cv`` sweeps the claim-merge threshold (align.claims.THRESHOLD): it picks the best
threshold on one half, reports it on the other half, both ways, and prints the held-out mean.

    python benchmarks/real_stories.py [--data ../shared/data/real-stories-dev] [--cache DIR] [--verbose]
                                      [--no-peer] [--claims-cv]

``--cache DIR`` keeps the analysed articles between runs (for work on alignment only).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import pickle
import sys
from pathlib import Path
from types import ModuleType

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from newsweave.align import claims as claim_model
from newsweave.analyze.embed import encode_distinct
from newsweave.contract import build_brief
from newsweave.pipeline import extract

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "real-stories-dev"
CLAIM_THRESHOLDS = [0.1, 0.15, 0.2, 0.3, 0.4, 0.5]
PEER_THRESHOLDS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9]
HALVES = (("8", "12"), ("18", "19"))


def scorer(data: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("real_stories_score", data / "score.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def analysed(data: Path, gold: dict, cache: Path | None) -> list:
    """The event's articles, read and analysed as `newsweave brief` would (cached when asked)."""
    path = cache / f"{gold['docs'][0].split('_')[0]}.pickle" if cache else None
    if path and path.exists():
        return pickle.loads(path.read_bytes())
    articles = extract([str(data / "docs" / f"{stem}.txt") for stem in gold["docs"]], analysis=True).articles
    if path:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(pickle.dumps(articles))
    return articles


def peer_claims(brief: dict, gold: dict, score: ModuleType) -> list[float]:
    """Claim score of the peer at each PEER_THRESHOLDS, on the brief's own sentences."""
    units = []  # (article id, start, end, text)
    for story in brief["stories"]:
        for article in story["articles"]:
            for sentence in article.get("sentences", []):
                text = article["text"][sentence["start"] : sentence["end"]]
                if len(text.split()) >= 5:
                    units.append((article["id"], sentence["start"], sentence["end"], text))
    vectors = encode_distinct([u[3] for u in units])
    sims = vectors @ vectors.T
    articles = np.array([u[0] for u in units])
    out = []
    for t in PEER_THRESHOLDS:
        adjacency = (sims >= t) & (articles[:, None] != articles[None, :])
        _, labels = connected_components(csr_matrix(adjacency), directed=False)
        groups: dict[int, list[int]] = {}
        for i, label in enumerate(labels):
            groups.setdefault(int(label), []).append(i)
        claims = [
            {"support": [{"article": units[i][0], "text": units[i][3]} for i in g]}
            for g in groups.values()
            if len({units[i][0] for i in g}) > 1
        ]
        fake = {"stories": [{"articles": [], "claims": claims}]}
        total, n = score.score_claims(fake, gold, lambda _: None)
        out.append(total / max(n, 1))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--cache", type=Path)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--no-peer", action="store_true")
    parser.add_argument("--claims-cv", action="store_true")
    args = parser.parse_args()
    if not (args.data / "score.py").exists():
        sys.exit(f"{args.data}: no score.py (real-stories-dev is not beside the checkout)")
    score = scorer(args.data)
    events = [
        (path.stem.split("-")[1], json.loads(path.read_text()))
        for path in sorted((args.data / "gold").glob("topic-*.json"), key=lambda p: int(p.stem.split("-")[1]))
    ]
    analysed_events = {topic: analysed(args.data, gold, args.cache) for topic, gold in events}
    if args.claims_cv:
        claims_cv(events, analysed_events, score)
        return
    rows = {}
    for topic, gold in events:
        brief = json.loads(json.dumps(build_brief(analysed_events[topic], [])))
        lines: list[str] = []
        story = score.score_story(brief, gold)
        q, qn = score.score_quotes(brief, gold, lines.append)
        c, cn = score.score_claims(brief, gold, lines.append)
        found, needed, true, reported, known_false = score.score_conflicts(brief, gold, lines.append)
        peer = [] if args.no_peer else peer_claims(brief, gold, score)
        rows[topic] = dict(story=story, q=q, qn=qn, c=c, cn=cn, f=found, fn=needed, t=true, r=reported,
                           kf=known_false, peer=peer)  # fmt: skip
        print(f"event {topic}: story {story:.2f} quotes {q}/{qn} claims {c / cn:.3f} conflicts found {found}/{needed}, "
              f"{reported} reported, {true} true, {known_false} known false")  # fmt: skip
        if args.verbose:
            print("\n".join(lines))
    print(summary("all events", list(rows.values())))
    for half in HALVES:
        print(summary("events " + "+".join(half), [rows[t] for t in half if t in rows]))


def claims_cv(events: list[tuple[str, dict]], articles: dict[str, list], score: ModuleType) -> None:
    """Claim score per half at each CLAIM_THRESHOLDS; the threshold chosen on one half, scored on the other."""
    table: dict[float, dict[str, tuple[float, int]]] = {}
    default = claim_model.THRESHOLD
    try:
        for threshold in CLAIM_THRESHOLDS:
            claim_model.THRESHOLD = threshold
            for topic, gold in events:
                brief = json.loads(json.dumps(build_brief(articles[topic], [])))
                table.setdefault(threshold, {})[topic] = score.score_claims(brief, gold, lambda _: None)
    finally:
        claim_model.THRESHOLD = default

    def mean(threshold: float, half: tuple[str, ...]) -> float:
        cells = [table[threshold][t] for t in half if t in table[threshold]]
        return sum(c for c, _ in cells) / max(sum(n for _, n in cells), 1)

    for threshold in CLAIM_THRESHOLDS:
        marks = " (default)" if threshold == default else ""
        print(f"threshold {threshold}: " + "  ".join(f"{'+'.join(h)} {mean(threshold, h):.3f}" for h in HALVES) + marks)
    held_out = []
    for fit, test in (HALVES, HALVES[::-1]):
        best = max(CLAIM_THRESHOLDS, key=lambda t: (mean(t, fit), -t))
        held_out.append(mean(best, test))
        print(f"fit on {'+'.join(fit)}: threshold {best}; held out on {'+'.join(test)}: claims {held_out[-1]:.3f}")
    print(f"cross-validated claims (mean of the two held-out halves): {np.mean(held_out):.3f}")


def summary(label: str, rows: list[dict]) -> str:
    if not rows:
        return f"{label}: none"
    total = {k: sum(r[k] for r in rows) for k in ("story", "q", "qn", "c", "cn", "f", "fn", "t", "r", "kf")}
    line = (
        f"{label}: story {total['story'] / len(rows):.3f} quotes {total['q'] / total['qn']:.3f} "
        f"claims {total['c'] / total['cn']:.3f} conflict recall {total['f'] / max(total['fn'], 1):.3f} "
        f"precision {total['t'] / max(total['r'], 1):.3f} ({total['t']}/{total['r']}, {total['kf']} known false)"
    )
    if rows[0]["peer"]:
        weights = np.array([r["cn"] for r in rows], dtype=float)
        peer = np.array([[p * r["cn"] for p in r["peer"]] for r in rows]).sum(axis=0) / weights.sum()
        best = int(np.argmax(peer))
        line += (
            f"; peer claims {peer[PEER_THRESHOLDS.index(0.7)]:.3f} at 0.7, {peer[best]:.3f} at its best "
            f"t={PEER_THRESHOLDS[best]}"
        )
    return line


if __name__ == "__main__":
    main()
