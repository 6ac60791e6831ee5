"""Print the conflicts newsweave reports on a random sample of real events, for reading by hand.

There is no conflict gold for ../shared/data/summaries-dev (304 real events, three articles each
from a left, a centre and a right outlet), so conflict precision on unseen news is measured by
reading: shuffle the event files with ``random.Random(seed)``, take ``--sample`` of them, build the
brief of each and print every conflict with its two sides. A fresh seed gives events that no rule
was written from; docs/benchmarks.md lists the seeds already read and what they gave.

    python benchmarks/read_conflicts.py [--data ../shared/data/summaries-dev] [--sample 30] [--seed 47]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

from newsweave.contract import build_brief
from newsweave.pipeline import extract

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "summaries-dev"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=47)
    args = parser.parse_args()
    files = sorted(str(p) for p in (args.data / "clusters").glob("*.jsonl"))
    if not files:
        sys.exit(f"{args.data}: no clusters/*.jsonl (summaries-dev is not beside the checkout)")
    random.Random(args.seed).shuffle(files)
    kinds: Counter[str] = Counter()
    for path in files[: args.sample]:
        result = extract([path], analysis=True)
        for story in build_brief(result.articles, result.errors)["stories"]:
            for conflict in story["conflicts"]:
                kinds[conflict["kind"]] += 1
                print(f"== {Path(path).name} {conflict['kind']}: {conflict['description']}")
                for side in conflict["evidence"]:
                    print(f"   [{side['side']}] {side['article']}: {side['text']}")
    print(f"{sum(kinds.values())} conflicts on {min(args.sample, len(files))} events: {dict(sorted(kinds.items()))}")


if __name__ == "__main__":
    main()
