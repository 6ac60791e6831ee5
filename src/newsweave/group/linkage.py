"""Average-linkage agglomerative clustering over a sparse graph of scored pairs.

Two groups merge, best first, while the mean score over all their cross pairs
clears the threshold; a pair that was never scored counts as 0. Average
linkage does not chain: one loose pair cannot join two events that every
other pair keeps apart. Groups given up front (``must_link``: a copy and its
original) start merged. Ties break on the lower index, so the result never
depends on dict or heap order.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable

PRECISION = 12  # decimals a mean is rounded to before it is compared, so float noise never breaks a tie


def average_linkage(
    n: int, pairs: dict[tuple[int, int], float], threshold: float, must_link: Iterable[tuple[int, int]] = ()
) -> list[int]:
    """A group label per item (the lowest index in its group)."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in must_link:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    size: dict[int, int] = defaultdict(int)
    for i in range(n):
        size[root(i)] += 1
    sums: dict[int, dict[int, float]] = defaultdict(dict)
    for (i, j), score in sorted(pairs.items()):
        a, b = root(i), root(j)
        if a != b:
            sums[a][b] = sums[a].get(b, 0.0) + score
            sums[b][a] = sums[b].get(a, 0.0) + score
    heap: list[tuple[float, int, int]] = []

    def push(a: int, b: int) -> None:
        mean = round(sums[a][b] / (size[a] * size[b]), PRECISION)
        if mean >= threshold:
            heapq.heappush(heap, (-mean, min(a, b), max(a, b)))

    for a in sums:  # push order does not matter: the heap orders entries by (mean, a, b) alone
        for b in sums[a]:
            if a < b:
                push(a, b)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if size.get(a, 0) == 0 or size.get(b, 0) == 0 or b not in sums[a]:
            continue
        if round(sums[a][b] / (size[a] * size[b]), PRECISION) != -negative:
            continue  # stale: one side has grown since this entry was pushed
        parent[b] = a
        size[a] += size.pop(b)
        merged = sums.pop(b)
        del sums[a][b]
        for c, value in merged.items():
            if c == a:
                continue
            sums[a][c] = sums[a].get(c, 0.0) + value
            sums[c][a] = sums[a][c]
            del sums[c][b]
        for c in sums[a]:
            push(a, c)
    return [root(i) for i in range(n)]
