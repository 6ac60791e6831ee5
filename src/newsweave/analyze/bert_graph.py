"""The ONNX graph of a BERT sentence encoder with mean pooling, built from its weights in memory.

all-MiniLM-L6-v2 is a 6-layer BERT whose sentence vector is the mean of its last hidden states over
the real (unpadded) tokens. This module writes that computation as an ONNX graph, with the weights
of the pinned model package as initializers, so that onnxruntime runs it: no torch at run time, no
exported file to ship or download, and the same vectors as sentence-transformers on torch (checked
by tests/test_embed.py against vectors sentence-transformers computed, and by benchmarks/latency.py
in the same run).

The graph takes ``input_ids`` and ``attention_mask`` (int64, batch x tokens) and returns the mean-pooled
hidden states (float32, batch x hidden); L2 normalisation is left to the caller.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

OPSET = 17  # LayerNormalization is a standard operator from opset 17
MASKED = -1e9  # added to the attention score of a padding token: its softmax weight becomes 0
WEIGHT_LEVELS = 127  # int8 weights: symmetric, -127..127, so the zero point is 0
TINY = 1e-12  # the smallest scale: a column of zeros stays zero
MICROSOFT = "com.microsoft"  # onnxruntime's contrib operators (DynamicQuantizeMatMul)


@dataclass(frozen=True, slots=True)
class BertShape:
    """What the graph needs from the model's config.json."""

    layers: int
    heads: int
    hidden: int
    layer_norm_eps: float

    @classmethod
    def from_config(cls, config: dict[str, object]) -> BertShape:
        return cls(
            layers=int(config["num_hidden_layers"]),  # type: ignore[call-overload]
            heads=int(config["num_attention_heads"]),  # type: ignore[call-overload]
            hidden=int(config["hidden_size"]),  # type: ignore[call-overload]
            layer_norm_eps=float(config["layer_norm_eps"]),  # type: ignore[arg-type]
        )


class _Graph:
    """Nodes and initializers added in order, each output named after the step that made it."""

    def __init__(self, weights: dict[str, np.ndarray], quantized: bool = False) -> None:
        self.weights = weights
        self.quantized = quantized
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self._count = 0

    def const(self, name: str, value: np.ndarray) -> str:
        self.initializers.append(numpy_helper.from_array(value, name))
        return name

    def scalar(self, name: str, value: float) -> str:
        return self.const(name, np.array(value, dtype=np.float32))

    def weight(self, name: str, transpose: bool = False) -> str:
        """A model weight; a Linear layer's matrix is stored (out, in) and applied as x @ W.T."""
        value = self.weights[name]
        return self.const(name, np.ascontiguousarray(value.T if transpose else value))

    def op(self, kind: str, *inputs: str, **attributes: Any) -> str:
        self._count += 1
        out = f"{kind.lower()}_{self._count}"
        self.nodes.append(helper.make_node(kind, list(inputs), [out], **attributes))
        return out

    def linear(self, x: str, prefix: str) -> str:
        if self.quantized:
            return self.quantized_linear(x, prefix)
        return self.op(
            "Add", self.op("MatMul", x, self.weight(f"{prefix}.weight", transpose=True)), self.weight(f"{prefix}.bias")
        )

    def quantized_linear(self, x: str, prefix: str) -> str:
        """x @ W.T + b with W in int8, one symmetric scale per output column (``WEIGHT_LEVELS``); onnxruntime
        quantizes x with one scale per call and multiplies in integers (DynamicQuantizeMatMul), so a text's
        vector depends on the texts run with it: the encoder runs each text alone (analyze.embed)."""
        matrix = np.ascontiguousarray(self.weights[f"{prefix}.weight"].T)  # (in, out)
        scale = np.maximum(np.abs(matrix).max(axis=0) / WEIGHT_LEVELS, TINY).astype(np.float32)
        levels = np.clip(np.rint(matrix / scale), -WEIGHT_LEVELS, WEIGHT_LEVELS).astype(np.int8)
        inputs = [
            x,
            self.const(f"{prefix}.weight_int8", levels),
            self.const(f"{prefix}.weight_scale", scale),
            self.const(f"{prefix}.weight_zero", np.zeros(levels.shape[1], dtype=np.int8)),
            self.weight(f"{prefix}.bias"),
        ]
        return self.op("DynamicQuantizeMatMul", *inputs, domain=MICROSOFT)

    def layer_norm(self, x: str, prefix: str, eps: float) -> str:
        return self.op(
            "LayerNormalization",
            x,
            self.weight(f"{prefix}.weight"),
            self.weight(f"{prefix}.bias"),
            axis=-1,
            epsilon=eps,
        )


def build(weights: dict[str, np.ndarray], shape: BertShape, quantized: bool = False) -> onnx.ModelProto:
    """The encoder as an ONNX model: embeddings, shape.layers transformer layers, mean pooling; with
    ``quantized``, every linear layer's weights in int8 (``_Graph.quantized_linear``)."""
    g = _Graph(weights, quantized)
    mask = g.op("Cast", "attention_mask", to=TensorProto.FLOAT)
    x = _embeddings(g, shape)
    # Added to every attention score: 0 for a real token, MASKED for padding, shaped (batch, 1, 1, tokens).
    padding = g.op("Sub", g.scalar("one", 1.0), g.op("Unsqueeze", mask, g.const("axes_1_2", np.array([1, 2]))))
    masked = g.op("Mul", padding, g.scalar("masked", MASKED))
    for layer in range(shape.layers):
        x = _layer(g, x, masked, f"encoder.layer.{layer}", shape)
    pooled = _mean_pool(g, x, mask)
    graph = helper.make_graph(
        g.nodes,
        "sentence_encoder",
        [
            helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "tokens"]),
            helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "tokens"]),
        ],
        [helper.make_tensor_value_info(pooled, TensorProto.FLOAT, ["batch", shape.hidden])],
        g.initializers,
    )
    opsets = [helper.make_opsetid("", OPSET)] + ([helper.make_opsetid(MICROSOFT, 1)] if quantized else [])
    return helper.make_model(graph, opset_imports=opsets, producer_name="newsweave")


def _embeddings(g: _Graph, shape: BertShape) -> str:
    """Word + position (the first `tokens` rows of the table) + token type 0 embeddings, then LayerNorm."""
    tokens = g.op("Slice", g.op("Shape", "input_ids"), g.const("dim_1", np.array([1])), g.const("dim_2", np.array([2])))
    table = g.weight("embeddings.position_embeddings.weight")
    positions = g.op("Slice", table, g.const("start_0", np.array([0])), tokens, g.const("axis_0", np.array([0])))
    words = g.op("Gather", g.weight("embeddings.word_embeddings.weight"), "input_ids")
    token_type = g.const("token_type_0", g.weights["embeddings.token_type_embeddings.weight"][0])
    summed = g.op("Add", g.op("Add", words, positions), token_type)
    return g.layer_norm(summed, "embeddings.LayerNorm", shape.layer_norm_eps)


def _layer(g: _Graph, x: str, masked: str, prefix: str, shape: BertShape) -> str:
    """One transformer layer: multi-head self-attention, then the feed-forward block, each with a residual
    connection and LayerNorm (post-norm, as BERT)."""
    head_size = shape.hidden // shape.heads
    split = g.const(f"{prefix}.split_heads", np.array([0, 0, shape.heads, head_size]))

    def heads(name: str, perm: list[int]) -> str:  # (batch, tokens, hidden) -> per-head (batch, heads, ...)
        return g.op("Transpose", g.op("Reshape", g.linear(x, f"{prefix}.attention.self.{name}"), split), perm=perm)

    scores = g.op("MatMul", heads("query", [0, 2, 1, 3]), heads("key", [0, 2, 3, 1]))
    scaled = g.op("Add", g.op("Mul", scores, g.scalar(f"{prefix}.scale", 1.0 / math.sqrt(head_size))), masked)
    context = g.op("MatMul", g.op("Softmax", scaled, axis=-1), heads("value", [0, 2, 1, 3]))
    joined = g.op(
        "Reshape",
        g.op("Transpose", context, perm=[0, 2, 1, 3]),
        g.const(f"{prefix}.join_heads", np.array([0, 0, shape.hidden])),
    )
    attended = g.linear(joined, f"{prefix}.attention.output.dense")
    x = g.layer_norm(g.op("Add", attended, x), f"{prefix}.attention.output.LayerNorm", shape.layer_norm_eps)
    inner = g.linear(x, f"{prefix}.intermediate.dense")
    erf = g.op("Erf", g.op("Mul", inner, g.scalar(f"{prefix}.inv_root2", 1.0 / math.sqrt(2.0))))
    gelu = g.op(
        "Mul", g.op("Mul", inner, g.scalar(f"{prefix}.half", 0.5)), g.op("Add", erf, g.scalar(f"{prefix}.one", 1.0))
    )
    out = g.linear(gelu, f"{prefix}.output.dense")  # exact GELU above: x/2 * (1 + erf(x / sqrt 2))
    return g.layer_norm(g.op("Add", out, x), f"{prefix}.output.LayerNorm", shape.layer_norm_eps)


def _mean_pool(g: _Graph, x: str, mask: str) -> str:
    """The mean of the hidden states over real tokens (padding weighs 0)."""
    weight = g.op("Unsqueeze", mask, g.const("axis_2", np.array([2])))
    total = g.op("ReduceSum", g.op("Mul", x, weight), g.const("sum_axis", np.array([1])), keepdims=0)
    count = g.op("ReduceSum", weight, g.const("count_axis", np.array([1])), keepdims=0)
    return g.op("Div", total, g.op("Clip", count, g.scalar("tiny", 1e-9)))
