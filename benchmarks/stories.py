"""Story grouping on real news: ../shared/data/stories-dev (ECB+ topics 1-22, 462 articles, 40 events).

Each topic holds two different real events of the same kind, so a good grouping keeps an event
together and the two events of a topic apart. Scored by B-cubed against the events, with peers in
the same run: TF-IDF + average-linkage agglomerative clustering (the set's README baseline) and
MiniLM title-and-lead embeddings + average linkage, both at a fixed threshold and at their best
threshold on the whole set (which flatters them).

newsweave's weights and threshold are fitted on topics; to show what unseen topics would get, the
cross-validated figure fits weights and threshold on half the topics and scores the other half, in
both directions, over two different splits (odd/even topic numbers, low/high).

Also checked: every event of ../shared/data/real-stories-dev and the seed corpus come out as one story.

    python benchmarks/stories.py               # the table
    python benchmarks/stories.py --calibrate   # refit WEIGHTS, BIAS and THRESHOLD (prints them)
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from sklearn.cluster import AgglomerativeClustering
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from newsweave.group import stories
from newsweave.group.linkage import average_linkage
from newsweave.group.story_features import StoryInput, evidence
from newsweave.pipeline import extract

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DEV = SHARED / "data" / "stories-dev"
REAL = SHARED / "data" / "real-stories-dev"
SEEDS = SHARED / "corpus"
THRESHOLDS = np.round(np.arange(0.10, 0.91, 0.05), 2)


def bcubed(predicted: dict[str, object], gold: dict[str, str]) -> tuple[float, float, float]:
    by_pred: dict[object, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for item in gold:
        by_pred[predicted[item]].add(item)
        by_gold[gold[item]].add(item)
    precision = sum(len(by_pred[predicted[d]] & by_gold[gold[d]]) / len(by_pred[predicted[d]]) for d in gold)
    recall = sum(len(by_pred[predicted[d]] & by_gold[gold[d]]) / len(by_gold[gold[d]]) for d in gold)
    p, r = precision / len(gold), recall / len(gold)
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def load(folder: Path) -> list[StoryInput]:
    result = extract([str(folder)])
    return [StoryInput(a.id, a.title, a.text, a.published, a.url, a.duplicate_of) for a in result.articles]


def labels_of(groups: list[list[str]]) -> dict[str, int]:
    return {article: n for n, members in enumerate(groups) for article in members}


class Pairs:
    """Candidate pairs of a batch with their features, to refit and re-cluster without recomputing."""

    def __init__(self, items: list[StoryInput]) -> None:
        self.items = items
        ev = evidence(items)
        self.left, self.right = stories.candidate_pairs(ev)
        self.features = stories.pair_features(ev, self.left, self.right)
        self.far = stories.dated_years_apart(ev, self.left, self.right)
        index = {item.id: k for k, item in enumerate(items)}
        self.copies = [(k, index[i.duplicate_of]) for k, i in enumerate(items) if i.duplicate_of in index]

    def subset(self, keep: set[int]) -> np.ndarray:
        return np.array([i in keep and j in keep for i, j in zip(self.left, self.right, strict=True)], dtype=bool)

    def cluster(self, weights: np.ndarray, bias: float, threshold: float, keep: set[int]) -> dict[str, int]:
        mask = self.subset(keep)
        scores = stories.pair_scores(self.features[mask], self.far[mask], weights, bias)
        pairs = stories.scored_pairs(self.left[mask], self.right[mask], scores)
        copies = [(a, b) for a, b in self.copies if a in keep and b in keep]
        labels = average_linkage(len(self.items), pairs, threshold, copies)
        return {self.items[k].id: labels[k] for k in sorted(keep)}


def fit(pairs: Pairs, gold: dict[str, str], keep: set[int]) -> tuple[np.ndarray, float, float]:
    """Weights on the candidate pairs of ``keep``, then the threshold with the best B3 F1 on ``keep``."""
    mask = pairs.subset(keep)
    same = np.array(
        [gold[pairs.items[i].id] == gold[pairs.items[j].id] for i, j in zip(pairs.left, pairs.right, strict=True)]
    )
    model = LogisticRegression(max_iter=5000).fit(pairs.features[mask], same[mask])
    weights, bias = model.coef_[0], float(model.intercept_[0])
    sub_gold = {pairs.items[k].id: gold[pairs.items[k].id] for k in keep}
    best = max(THRESHOLDS, key=lambda t: (bcubed(pairs.cluster(weights, bias, t, keep), sub_gold)[2], -t))
    return weights, bias, float(best)


def cross_validated(pairs: Pairs, gold: dict[str, str], topic: dict[str, int]) -> list[tuple[str, float, float]]:
    """(fold, threshold chosen on the fit half, B3 F1 on the other half) for two splits, both directions."""
    topics = sorted(set(topic.values()))
    splits = {
        "odd/even": {t for t in topics if t % 2},
        "low/high": set(topics[: len(topics) // 2]),
    }
    out = []
    for name, first in splits.items():
        for label, fit_topics in ((f"{name} A", first), (f"{name} B", set(topics) - first)):
            fit_on = {k for k, i in enumerate(pairs.items) if topic[i.id] in fit_topics}
            test_on = set(range(len(pairs.items))) - fit_on
            weights, bias, threshold = fit(pairs, gold, fit_on)
            predicted = pairs.cluster(weights, bias, threshold, test_on)
            test_gold = {pairs.items[k].id: gold[pairs.items[k].id] for k in test_on}
            out.append((label, threshold, bcubed(predicted, test_gold)[2]))
    return out


def agglomerative(vectors: np.ndarray, threshold: float) -> list[int]:
    model = AgglomerativeClustering(n_clusters=None, metric="cosine", linkage="average", distance_threshold=threshold)
    return model.fit_predict(vectors).tolist()


def tfidf_peer(items: list[StoryInput], threshold: float) -> dict[str, int]:
    texts = [f"{i.title or ''}\n{i.text}" for i in items]
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english", min_df=2).fit_transform(texts).toarray()
    return dict(zip([i.id for i in items], agglomerative(matrix, threshold), strict=True))


def minilm_peer(items: list[StoryInput], vectors: np.ndarray, threshold: float) -> dict[str, int]:
    return dict(zip([i.id for i in items], agglomerative(vectors, threshold), strict=True))


def one_story(items: list[StoryInput]) -> tuple[int, float]:
    """(stories, share of the articles in the largest story) for articles that are one event."""
    groups = stories.cluster(items)
    return len(groups), max(len(g) for g in groups) / len(items)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calibrate", action="store_true", help="refit the pair model on all topics and print it")
    args = parser.parse_args()
    gold_file = json.loads((DEV / "gold.json").read_text())
    gold = {k: v["subtopic"] for k, v in gold_file.items()}
    topic = {k: int(v["topic"]) for k, v in gold_file.items()}
    items = [i for i in load(DEV / "docs") if i.id in gold]
    pairs = Pairs(items)
    print(f"{len(items)} articles, {len(set(gold.values()))} events, {len(pairs.left)} candidate pairs")
    if args.calibrate:
        weights, bias, threshold = fit(pairs, gold, set(range(len(items))))
        folds = cross_validated(pairs, gold, topic)
        for fold, t, f1 in folds:
            print(f"  fold {fold}: threshold {t:.2f}, held-out B3 F1 {f1:.3f}")
        print("WEIGHTS =", np.round(weights, 2).tolist(), "BIAS =", round(bias, 2))
        print(
            f"THRESHOLD = {np.mean([t for _, t, _ in folds]):.2f} (mean of the folds' choices; best on all: {threshold})"
        )
        return
    print("| method | threshold | B3 P | B3 R | B3 F1 | stories |")
    print("|---|---|---|---|---|---|")

    def row(name: str, threshold: object, predicted: dict[str, object]) -> None:
        p, r, f = bcubed(predicted, gold)
        print(f"| {name} | {threshold} | {p:.3f} | {r:.3f} | {f:.3f} | {len(set(predicted.values()))} |")

    row("**newsweave** (default)", stories.THRESHOLD, labels_of(stories.cluster(items)))
    peer_best = max(THRESHOLDS, key=lambda t: bcubed(tfidf_peer(items, 1 - t), gold)[2])
    row("TF-IDF + average linkage (README setting)", "0.20 (distance 0.8)", tfidf_peer(items, 0.8))
    row("TF-IDF + average linkage, best on this set", f"{peer_best:.2f}", tfidf_peer(items, 1 - peer_best))
    from newsweave.analyze.embed import encode

    vectors = encode([f"{i.title or ''}\n" + "\n".join(i.text.split("\n\n")[:2]) for i in items])
    minilm_best = max(THRESHOLDS, key=lambda t: bcubed(minilm_peer(items, vectors, 1 - t), gold)[2])
    row("MiniLM title+lead + average linkage, 0.5", "0.50", minilm_peer(items, vectors, 0.5))
    row(
        "MiniLM title+lead + average linkage, best on this set",
        f"{minilm_best:.2f}",
        minilm_peer(items, vectors, 1 - minilm_best),
    )
    folds = cross_validated(pairs, gold, topic)
    print()
    print("Cross-validated over topics (weights and threshold fitted on one half, B3 F1 on the other):")
    for fold, t, f1 in folds:
        print(f"  {fold}: threshold {t:.2f}, held-out B3 F1 {f1:.3f}")
    print(f"  mean held-out B3 F1 {np.mean([f for _, _, f in folds]):.3f}")
    print()
    real = load(REAL / "docs")
    for event in sorted(REAL.glob("gold/topic-*.json")):
        docs = set(json.loads(event.read_text())["docs"])
        n, share = one_story([i for i in real if i.id in docs])
        print(f"real-stories-dev {event.stem}: {n} stories, largest holds {share:.2f} of its {len(docs)} articles")
    n, share = one_story(load(SEEDS))
    print(f"seed corpus: {n} stories, largest holds {share:.2f}")
    print("clusters per event size:", Counter(len(g) for g in stories.cluster(items)).most_common(5))


if __name__ == "__main__":
    main()
