"""Corpus scale: ingest rate, peak memory and story-clustering time at growing sizes, and how they scale.

For each size N (synthetic corpora from gen_corpus.py, N/20 stories), a fresh process ingests the
corpus into a new SQLite store as `newsweave ingest` does (cleaning on both cores, MinHash near-duplicates,
FTS5, then story grouping of the whole store), and reports its wall time and peak RSS; story grouping alone
is then timed in process on the same articles, and scored (B-cubed F1) against the generator's story labels. The
scaling exponent b is the slope of log(time) against log(N): 1.0 is linear.

    python benchmarks/scale.py [--sizes 1000 10000 100000]
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

from gen_corpus import generate
from newsweave.group.stories import cluster
from newsweave.group.story_features import StoryInput
from stories import bcubed

CHILD = """
import json, resource, sys, time
from newsweave.engine import LocalEngine
from newsweave.ingest import ingest
from newsweave.store import Store
start = time.perf_counter()
with Store(sys.argv[2]) as store, LocalEngine() as engine:  # as `newsweave ingest` runs: cleaning on every core
    summary = ingest([sys.argv[1]], store, batch=500, engine=engine)
print(json.dumps({"seconds": time.perf_counter() - start, "added": summary.added,
                  "near_duplicates": summary.near_duplicates,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def slope(xs: list[float], ys: list[float]) -> float:
    lx, ly = [math.log(x) for x in xs], [math.log(y) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly, strict=True)) / sum((a - mx) ** 2 for a in lx)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="newsweave-scale-") as tmp:
        for n in args.sizes:
            items = generate(n, max(1, n // 20))
            corpus = Path(tmp) / f"corpus-{n}.jsonl"
            with open(corpus, "w", encoding="utf-8") as out:
                for item in items:
                    out.write(json.dumps({k: v for k, v in item.items() if k != "story"}) + "\n")
            done = subprocess.run(
                [sys.executable, "-c", CHILD, str(corpus), str(Path(tmp) / f"store-{n}.db")],
                capture_output=True, text=True, check=True,
            )  # fmt: skip
            measured = json.loads(done.stdout.strip().splitlines()[-1])
            start = time.perf_counter()
            groups = cluster([StoryInput(i["id"], i.get("title"), i["text"], i["published"]) for i in items])
            clustering = time.perf_counter() - start
            predicted = {a: g for g, members in enumerate(groups) for a in members}
            f1 = bcubed(predicted, {i["id"]: str(i["story"]) for i in items})[2]
            rows.append((n, measured, clustering, f1))
    print("| articles | ingest s | articles/s | peak RSS MB | near-duplicates | clustering s | story B3 F1 |")
    print("|---|---|---|---|---|---|---|")
    for n, m, clustering, f1 in rows:
        print(f"| {n} | {m['seconds']:.1f} | {n / m['seconds']:.0f} | {m['rss_mb']:.0f} | {m['near_duplicates']} | "
              f"{clustering:.1f} | {f1:.3f} |")  # fmt: skip
    if len(rows) >= 2:
        sizes = [r[0] for r in rows]
        print(
            f"scaling exponent: ingest {slope(sizes, [r[1]['seconds'] for r in rows]):.2f}, "
            f"clustering {slope(sizes, [r[2] for r in rows]):.2f} (1.0 = linear)"
        )
        for before, after in pairwise(rows):
            pair = [before[0], after[0]]
            print(
                f"  from {before[0]} to {after[0]}: ingest {slope(pair, [before[1]['seconds'], after[1]['seconds']]):.2f}, "
                f"clustering {slope(pair, [before[2], after[2]]):.2f}"
            )


if __name__ == "__main__":
    main()
