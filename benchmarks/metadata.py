"""Page metadata (title, author, date): newsweave against trafilatura on the extraction-dev annotations.

Exact match after folding case and punctuation, over the pages whose
annotation has a value for the field. Both run in the same process on the
same decoded pages.

    python benchmarks/metadata.py [--data ../shared/data/extraction-dev]
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import trafilatura

from extract import DEFAULT_DATA, load_scorer
from newsweave.clean import Draft, draft, finish
from newsweave.model import Document

FIELDS = {"title": "title", "author": "author", "date": "published"}


def fold(value: object) -> str:
    if isinstance(value, list):
        value = " ".join(value)
    return re.sub(r"\W+", " ", str(value or "").lower()).strip()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the extraction-dev folder")
    args = parser.parse_args()
    scorer = load_scorer(args.data)
    counts = {(tool, field): [0, 0] for tool in ("newsweave", "trafilatura") for field in FIELDS}
    for name, gold, data in scorer.load(str(args.data), None):
        html = scorer.decode_html(data)
        result = draft(Document(id=name, source=name, format="html", content=html))
        ours = finish([result])[0] if isinstance(result, Draft) else None
        theirs = trafilatura.bare_extraction(html, with_metadata=True)
        for field, attribute in FIELDS.items():
            if not fold(gold.get(field)):
                continue
            for tool, value in (
                ("newsweave", getattr(ours, attribute, None)),
                ("trafilatura", getattr(theirs, field, None)),
            ):
                counts[tool, field][1] += 1
                counts[tool, field][0] += fold(value) == fold(gold[field])
    print("| field | pages | newsweave | trafilatura 2.3.1 |")
    print("|---|---|---|---|")
    for field in FIELDS:
        ours_ok, total = counts["newsweave", field]
        theirs_ok, _ = counts["trafilatura", field]
        print(f"| {field} | {total} | {ours_ok / total:.3f} | {theirs_ok / total:.3f} |")


if __name__ == "__main__":
    main()
