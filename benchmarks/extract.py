"""HTML main-text extraction: newsweave against trafilatura, same pages, same process.

Scores both with the development set's own matcher (score.py: must-keep
strings found = true positives, must-drop strings found = false positives)
and times them on the same decoded pages. newsweave runs as it does on a
real run: every page of the set is one corpus, so its corpus pass sees
them all; it is also scored page by page (no corpus evidence). Its output
is scored as `newsweave extract --format text` shows it: the title (which
cleaning moves out of the body into the title field), then the text.
Speed is reported against both trafilatura.extract() (text only) and
trafilatura with metadata, the like-for-like peer (newsweave reads the
page's metadata too).

    python benchmarks/extract.py [--data ../shared/data/extraction-dev] [--repeat 3] [--verbose]
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path

import trafilatura

from newsweave.clean import Draft, draft, finish
from newsweave.model import Document

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction-dev"


def load_scorer(data: Path):
    spec = importlib.util.spec_from_file_location("extraction_dev_score", data / "score.py")
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.dont_write_bytecode = True
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def shown(article) -> str:
    """What `newsweave extract --format text` shows of a page: its title (moved out of the body), then the text."""
    return f"{article.title}\n{article.text}" if article.title else article.text


def newsweave_corpus(pages: list[tuple[str, str]]) -> dict[str, str]:
    drafts: list[Draft] = []
    for name, html in pages:
        result = draft(Document(id=name, source=name, format="html", content=html))
        if isinstance(result, Draft):
            drafts.append(result)
    return {a.id: shown(a) for a in finish(drafts)}


def newsweave_single(pages: list[tuple[str, str]]) -> dict[str, str]:
    out = {}
    for name, html in pages:
        result = draft(Document(id=name, source=name, format="html", content=html))
        if isinstance(result, Draft):
            out[name] = shown(finish([result])[0])
    return out


def trafilatura_pages(pages: list[tuple[str, str]]) -> dict[str, str]:
    return {name: text for name, html in pages if (text := trafilatura.extract(html)) is not None}


def trafilatura_with_metadata(pages: list[tuple[str, str]]) -> dict[str, str]:
    """The like-for-like peer: text plus the metadata newsweave also reads (title, author, date, site)."""
    out = {}
    for name, html in pages:
        doc = trafilatura.bare_extraction(html, with_metadata=True)
        if doc is not None and doc.text:
            out[name] = doc.text
    return out


def score(scorer, gold: dict, texts: dict[str, str], verbose: bool, label: str) -> dict[str, float]:
    tp = fp = fn = tn = 0
    for name, item in gold.items():
        c = scorer.count(item, texts.get(name))
        tp, fp, fn, tn = tp + c[0], fp + c[1], fn + c[2], tn + c[3]
        if verbose and (c[1] or c[2]):
            resn = scorer.norm(texts.get(name) or "")
            print(
                f"[{label}] {name}: "
                + "; ".join(
                    [f"missing {w!r}" for w in item["with"] if scorer.norm(w) not in resn]
                    + [f"kept {w!r}" for w in item["without"] if scorer.norm(w) in resn]
                )
            )
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {"f1": 2 * tp / (2 * tp + fp + fn), "p": precision, "r": recall, "acc": (tp + tn) / (tp + fp + fn + tn)}


def timed(func, pages, repeat: int) -> tuple[dict[str, str], float]:
    best = float("inf")
    result: dict[str, str] = {}
    for _ in range(repeat):
        start = time.perf_counter()
        result = func(pages)
        best = min(best, time.perf_counter() - start)
    return result, len(pages) / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the extraction-dev folder")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs per extractor (best is kept)")
    parser.add_argument("--verbose", action="store_true", help="per-page misses and kept boilerplate")
    args = parser.parse_args()
    scorer = load_scorer(args.data)
    loaded = scorer.load(str(args.data), None)
    gold = {name: item for name, item, _ in loaded}
    pages = [(name, scorer.decode_html(data)) for name, _, data in loaded]

    rows = []
    for label, func in (
        ("trafilatura 2.3.1 extract()", trafilatura_pages),
        ("trafilatura 2.3.1 with metadata", trafilatura_with_metadata),
        ("newsweave (corpus run)", newsweave_corpus),
        ("newsweave (page by page)", newsweave_single),
    ):
        texts, rate = timed(func, pages, args.repeat)
        rows.append((label, score(scorer, gold, texts, args.verbose, label), rate))
    base_rate = rows[0][2]
    print(f"{len(pages)} pages from {args.data}")
    print("| extractor | F1 | P | R | acc | pages/s | speed vs trafilatura |")
    print("|---|---|---|---|---|---|---|")
    for label, s, rate in rows:
        print(
            f"| {label} | {s['f1']:.3f} | {s['p']:.3f} | {s['r']:.3f} | {s['acc']:.3f} | {rate:.1f} | "
            f"{rate / base_rate:.2f}x |"
        )


if __name__ == "__main__":
    main()
