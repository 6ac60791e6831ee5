"""The onnxruntime encoder gives sentence-transformers' vectors, without importing torch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np

from newsweave.analyze import embed
from newsweave.analyze.embed import DIMENSIONS, encode, encode_distinct, encoder

QUANTIZED_COSINE = 0.97  # int8 vectors stay this close to the float ones (0.993 on average over real sentences)

REFERENCE = json.loads((Path(__file__).parent / "data" / "minilm_reference.json").read_text(encoding="utf-8"))


def test_vectors_match_sentence_transformers_on_torch() -> None:
    expected = np.array(REFERENCE["vectors"], dtype=np.float32)
    exact = encoder(quantized=False).encode(REFERENCE["texts"])  # the graph computes what sentence-transformers does
    assert exact.shape == expected.shape == (len(REFERENCE["texts"]), DIMENSIONS)
    assert np.abs(exact - expected).max() < 1e-5
    vectors = encode(REFERENCE["texts"])  # int8 linear layers (embed.QUANTIZED): close to it, not equal
    assert embed.QUANTIZED and (vectors * expected).sum(axis=1).min() > QUANTIZED_COSINE
    assert not np.allclose(vectors, expected, atol=1e-5)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_a_text_gets_the_same_vector_alone_or_in_any_batch() -> None:
    texts = REFERENCE["texts"]
    alone = np.stack([encode([t])[0] for t in texts])
    assert np.abs(encode(texts[::-1])[::-1] - alone).max() < 1e-5  # padding to a longer neighbour changes nothing
    assert encode_distinct([texts[0], texts[0]]).shape == (2, DIMENSIONS)
    assert encode([]).shape == (0, DIMENSIONS)


def test_encoding_never_imports_torch() -> None:
    code = (
        "import sys\nfrom newsweave.analyze.embed import encode\nencode(['A test sentence.'])\n"
        "print(sorted(m for m in ('torch', 'sentence_transformers', 'transformers') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
