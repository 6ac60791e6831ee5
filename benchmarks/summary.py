"""The cited summary against reference summaries, side by side with lead-3 and centroid baselines.

The references (benchmarks/data/summaries.json) are five sentences per annotated story set,
written for this project. All systems run in the same process on the same analysed articles:

- newsweave: the story's summary at --length 5 (claims and conflict lines, as the brief shows them);
- lead-3: the first three sentences of the story's first article (the wire story here);
- centroid: the five sentences closest to the mean MiniLM embedding of all the story's sentences
  (distinct texts), a classic extractive baseline.

Scores are ROUGE-1, ROUGE-2 and ROUGE-L F1 (rouge-score, with stemming), averaged over the sets.

    python benchmarks/summary.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
from rouge_score import rouge_scorer

from newsweave import brief
from newsweave.align.statements import statements
from newsweave.analyze.embed import encode_distinct

sys.path.insert(0, str(Path(__file__).resolve().parent))
from align import SETS, load

REFERENCES = SETS.parent / "summaries.json"
LENGTH = 5
METRICS = ("rouge1", "rouge2", "rougeL")


def lead(analysed: list, n: int = 3) -> list[str]:
    first = analysed[0]
    return [first.sentence_text(i) for i in range(min(n, len(first.sentences)))]


def centroid(analysed: list, n: int = LENGTH) -> list[str]:
    texts = sorted({s.text for s in statements(analysed, {})})
    vectors = encode_distinct(texts)
    centre = vectors.mean(axis=0)
    order = np.argsort(-(vectors @ centre), kind="stable")
    return [texts[i] for i in order[:n]]


def main() -> None:
    references = json.loads(REFERENCES.read_text(encoding="utf-8"))
    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    systems = ("newsweave", "lead-3", "centroid")
    scores: dict[str, list[list[float]]] = {name: [] for name in systems}
    print(f"{'set':16} " + " ".join(f"{name + ' ' + m:>20}" for name in systems for m in ("R1", "R2", "RL")))
    for path in sorted(SETS.glob("*.json")):
        story, _, analysed = load(path)
        reference = " ".join(references[story["story"]])
        outputs = {
            "newsweave": [line["text"] for line in brief.build_story(analysed, length=LENGTH)["summary"]],
            "lead-3": lead(analysed),
            "centroid": centroid(analysed),
        }
        row = []
        for name in systems:
            result = scorer.score(reference, " ".join(outputs[name]))
            values = [result[m].fmeasure for m in METRICS]
            scores[name].append(values)
            row += values
        print(f"{story['story']:16} " + " ".join(f"{v:20.3f}" for v in row))
    means = {name: np.mean(scores[name], axis=0) for name in systems}
    print(f"{'mean':16} " + " ".join(f"{v:20.3f}" for name in systems for v in means[name]))
    for name in systems[1:]:
        ratio = means["newsweave"] / means[name]
        print(f"newsweave / {name}: " + ", ".join(f"{m} {r:.2f}x" for m, r in zip(METRICS, ratio, strict=True)))


if __name__ == "__main__":
    main()
