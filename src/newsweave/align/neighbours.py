"""Nearest neighbours of sentence vectors: exact for ordinary stories, HNSW (faiss) for large ones.

Claims are grouped from candidate pairs, never from all pairs: each
statement is compared with its ``k`` most similar statements. Up to
``EXACT_LIMIT`` vectors this is an exact blocked dot product (memory per
block, not n²); above it a faiss HNSW graph answers in about log n per
query, so a story of thousands of articles stays linear in memory. The
graph is built on one thread, which keeps its neighbours, and so the
output, the same from run to run.
"""

from __future__ import annotations

import numpy as np

EXACT_LIMIT = 1000
BLOCK = 1024
HNSW_LINKS = 32
HNSW_BUILD = 80
HNSW_SEARCH = 96


def nearest(vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """(indices, similarities), each (n, k'), of every vector's nearest others; k' = min(k, n - 1), self excluded."""
    n = len(vectors)
    k = min(k, n - 1)
    if k <= 0:
        return np.zeros((n, 0), dtype=np.int64), np.zeros((n, 0), dtype=np.float32)
    if n <= EXACT_LIMIT:
        return _exact(vectors, k)
    return _hnsw(vectors, k)


def _exact(vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    indices, sims = [], []
    for start in range(0, len(vectors), BLOCK):
        block = vectors[start : start + BLOCK] @ vectors.T
        rows = np.arange(block.shape[0])
        block[rows, rows + start] = -np.inf  # not its own neighbour
        order = np.argsort(-block, axis=1, kind="stable")[:, :k]
        indices.append(order)
        sims.append(np.take_along_axis(block, order, axis=1))
    return np.vstack(indices), np.vstack(sims).astype(np.float32)


def _hnsw(vectors: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    import faiss

    index = faiss.IndexHNSWFlat(vectors.shape[1], HNSW_LINKS, faiss.METRIC_INNER_PRODUCT)
    index.hnsw.efConstruction = HNSW_BUILD
    index.hnsw.efSearch = max(HNSW_SEARCH, k + 1)
    threads = faiss.omp_get_max_threads()
    faiss.omp_set_num_threads(1)  # a parallel build links nodes in a different order each run
    try:
        index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    finally:
        faiss.omp_set_num_threads(threads)
    sims, found = index.search(np.ascontiguousarray(vectors, dtype=np.float32), k + 1)
    indices = np.zeros((len(vectors), k), dtype=np.int64)
    out = np.zeros((len(vectors), k), dtype=np.float32)
    for row in range(len(vectors)):
        keep = [(i, s) for i, s in zip(found[row], sims[row], strict=True) if i != row and i >= 0][:k]
        indices[row, : len(keep)] = [i for i, _ in keep]
        out[row, : len(keep)] = [s for _, s in keep]
        if len(keep) < k:  # fewer found than asked: pad with the row itself, which callers skip
            indices[row, len(keep) :] = row
            out[row, len(keep) :] = -1.0
    return indices, out
