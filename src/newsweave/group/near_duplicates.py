"""Near-duplicates and syndicated copies: MinHash over word shingles, banded for LSH.

A reprinted wire story and its original share most of their 5-word
shingles even after each outlet trims or pads it; unrelated articles on the
same event share few. Signatures are split into bands (16 bands of 8 rows:
pairs above about 0.7 Jaccard collide in some band with high probability),
and candidates are confirmed on the estimated Jaccard. The band keys are
plain integers so that the SQLite store can index them: the LSH index
persists with the corpus and a new article is checked against it without
recomputing anything.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache

import numpy as np
from datasketch import MinHash

from newsweave.newstext import fold

NUM_PERM = 128
BANDS = 16
ROWS = NUM_PERM // BANDS
SHINGLE = 5
THRESHOLD = 0.7  # estimated Jaccard of shingle sets above which one article copies the other
SEED = 20221209


def signature(text: str) -> np.ndarray:
    """The MinHash signature (uint64 array) of a text's word 5-grams."""
    words = fold(text).split()
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    template = _template()
    minhash = MinHash(num_perm=NUM_PERM, seed=SEED, permutations=template.permutations, scheme=template.scheme)
    minhash.update_batch([g.encode("utf-8") for g in sorted(grams)])
    return minhash.hashvalues.astype(np.uint64)


@lru_cache(maxsize=1)
def _template() -> MinHash:
    """A MinHash whose permutations are reused (datasketch would redo them for every signature)."""
    return MinHash(num_perm=NUM_PERM, seed=SEED)


def band_keys(sig: np.ndarray) -> list[int]:
    """One signed 64-bit key per band (SQLite integers are signed)."""
    keys = []
    for band in range(BANDS):
        digest = hashlib.blake2b(sig[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=8).digest()
        keys.append(int.from_bytes(digest, "big", signed=True))
    return keys


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of the two shingle sets."""
    return float(np.count_nonzero(a == b)) / len(a)


def find_copies(texts: Iterable[tuple[str, str]]) -> dict[str, str]:
    """In-memory grouping for a run: article id -> id of the earlier article it copies."""
    seen: list[tuple[str, np.ndarray]] = []
    buckets: dict[tuple[int, int], list[int]] = defaultdict(list)
    copies: dict[str, str] = {}
    for article_id, text in texts:
        sig = signature(text)
        keys = band_keys(sig)
        candidates = sorted({i for band, key in enumerate(keys) for i in buckets[band, key]})
        original = next((i for i in candidates if similarity(sig, seen[i][1]) >= THRESHOLD), None)
        if original is not None:
            first = seen[original][0]
            copies[article_id] = copies.get(first, first)
        index = len(seen)
        seen.append((article_id, sig))
        for band, key in enumerate(keys):
            buckets[band, key].append(index)
    return copies


def original_in(sig: np.ndarray, matches: Iterable[tuple[int, np.ndarray, int | None]]) -> int | None:
    """The stored article a new one copies, from the store's band matches (row, signature, the row it copies)
    in row order: the earliest at or above ``THRESHOLD``, or that one's own original if it is a copy."""
    for row, other, copies in matches:
        if similarity(sig, other) >= THRESHOLD:
            return copies or row
    return None
