"""Analysis speed and memory: newsweave's full per-article analysis against spaCy's pipeline alone.

Articles are made of the bundled example corpus (three stories each, about
500 tokens, like a real article), repeated; the peer is spaCy ``nlp.pipe`` on the same texts in the same
process, single-process, which is the floor of any spaCy-based analysis.
newsweave parses large batches on both cores. A 1 MB article is then
analysed in a fresh process, and its peak RSS is compared with a process
that only loads the model: chunked parsing keeps the difference bounded.

    python benchmarks/analyze_speed.py [--articles 200]
"""

from __future__ import annotations

import argparse
import copy
import resource
import subprocess
import sys
import time
from pathlib import Path

from newsweave.analyze import analyze
from newsweave.analyze.nlp import load_nlp
from newsweave.pipeline import extract

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "harbor-fire"
CHILD = """
import resource, sys, time
from newsweave.analyze.nlp import load_nlp
load_nlp()
if sys.argv[1] == "article":
    from newsweave.analyze import analyze
    from newsweave.model import Article
    text = open(sys.argv[2], encoding="utf-8").read()
    a = Article(id="big", source="big", text=text)
    start = time.perf_counter()
    analyze([a])
    print(len(a.quotes), time.perf_counter() - start)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024, file=sys.stderr)
"""


def child(*args: str) -> tuple[str, int]:
    done = subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True, text=True, check=True)
    return done.stdout.strip(), int(done.stderr.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    args = parser.parse_args()
    base = extract([str(EXAMPLES)]).articles
    for i, a in enumerate(base):  # article-sized texts: three example stories each (~500 tokens)
        a.text = "\n\n".join(base[(i + k) % len(base)].text for k in range(3))
        a.sentences = []
    articles = [copy.deepcopy(base[i % len(base)]) for i in range(args.articles)]
    texts = [a.text for a in articles]
    nlp = load_nlp()
    tokens = sum(len(doc) for doc in nlp.pipe(texts[: len(base)]))
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=16):
        pass
    peer = len(texts) / (time.perf_counter() - start)
    start = time.perf_counter()
    analyze(articles)
    ours = len(texts) / (time.perf_counter() - start)
    print(f"{len(texts)} articles, about {tokens // len(base)} tokens each")
    print("| run | articles/s | vs spaCy pipe |")
    print("|---|---|---|")
    print(f"| spaCy nlp.pipe alone (1 process) | {peer:.1f} | 1.00x |")
    print(f"| newsweave analyze (entities, quotes, quantities, dates, stance) | {ours:.1f} | {ours / peer:.2f}x |")

    big = Path("/tmp/newsweave-1mb-article.txt")
    paragraph = "\n\n".join(a.text for a in base)
    big.write_text((paragraph + "\n\n") * (1_000_000 // (len(paragraph) + 2) + 1), encoding="utf-8")
    _, model_only = child("model")
    result, with_article = child("article", str(big))
    quotes, seconds = result.split()
    size = big.stat().st_size / 1e6
    print(
        f"1 article of {size:.1f} MB: {quotes} quotes in {float(seconds):.1f} s; peak RSS {with_article} MB "
        f"vs {model_only} MB for the model alone (+{with_article - model_only} MB)"
    )
    print(f"(this process: peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024} MB)")


if __name__ == "__main__":
    main()
