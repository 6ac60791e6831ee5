"""Story grouping: which articles report the same real event.

Real news puts two events of one kind side by side: two supermarket fires,
two heavyweight title fights, two elections in one country five years apart.
Topic words cannot tell them apart; names, numbers' context and time can.
A pair of articles is scored by a logistic model over five features
(``PAIR_FEATURES``): TF-IDF cosine of the whole texts, TF-IDF cosine of
their names, how many years apart their events are, and whether their leads
name only different weekdays or give only different numbers for the same
counted words. Its weights were
fitted on real articles (ECB+ topics 1-22, ``benchmarks/stories.py
--calibrate``) and checked by fitting on half the topics and scoring the
other half. Two articles dated more than ``MAX_STORY_YEARS`` apart are never
one story, however alike.

Pairs come from each article's nearest neighbours on its strongest terms
(never all pairs of a large corpus), and groups form by average linkage
(group.linkage): a group takes an article only when the article is, on
average, likely to report the same event as every member. A near-duplicate
or wire copy always starts in its original's group.

The result depends only on the set of articles, not on their order or on
how they were batched, so ingesting in chunks and re-grouping gives the same
stories as one run (ingest re-groups the store after each ingest).
"""

from __future__ import annotations

from collections import Counter, defaultdict

import numpy as np
from scipy import sparse

from newsweave.group.linkage import average_linkage
from newsweave.group.story_features import Evidence, StoryInput, evidence

PAIR_FEATURES = ("words", "names", "years_apart", "other_weekday", "other_counts")
# Logistic weights over PAIR_FEATURES and the intercept, fitted on the candidate pairs of all 20 topics of
# stories-dev (benchmarks/stories.py --calibrate); each half of the topics alone gives the same signs and sizes.
# The lead features are weak on purpose (a follow-up names another weekday, a toll rises): alone they never part
# two articles whose words and names agree.
WEIGHTS = np.array([9.21, 7.05, -0.45, -0.85, -1.70], dtype=np.float64)
BIAS = -3.60
THRESHOLD = 0.39  # mean pair probability for two groups to merge: the mean of the four topic folds' choices (0.35-0.40)
# A pair less likely than this to be one event counts as 0 in linkage. It moves a group mean by at most this much
# times its share of the pairs, and it makes linkage cheaper: every merge re-scores all neighbouring groups, and on
# a large corpus most candidate pairs are unlikely ones (a third under 0.05 at 10k articles; 13.3 s -> 8.7 s at 40k).
MIN_PAIR_SCORE = 0.1
NEIGHBOURS = 48  # candidate partners per article, by cosine over its strongest terms
SEARCH_TERMS = 48  # an article's strongest terms that the neighbour search uses
CANDIDATE_FLOOR = 0.05  # below this cosine on strongest terms a pair is never the same event
DAYS_PER_YEAR = 365.25
# Two reports this far apart are two events, however alike: a fire at the same shop, an election in the same
# country. A trial's verdict a year after the crime still joins it; the dev set's one follow-up two years on does not.
MAX_STORY_YEARS = 1.5
MAX_YEARS_APART = 3  # beyond a few years apart, more years say nothing more
SEARCH_MAX_POSTINGS = 200  # a term in more articles than this (and than SEARCH_MAX_SHARE of them) is not searched on
SEARCH_MAX_SHARE = 0.01  # ... it names a topic or a beat, not one event, and its postings would make search quadratic
BLOCK = 2048  # rows per block of the sparse neighbour search (bounds its memory)


def probability(features: np.ndarray, weights: np.ndarray = WEIGHTS, bias: float = BIAS) -> np.ndarray:
    """The pair model: how likely two articles report the same event."""
    return 1.0 / (1.0 + np.exp(-(features.astype(np.float64) @ weights + bias)))


def scored_pairs(left: np.ndarray, right: np.ndarray, scores: np.ndarray) -> dict[tuple[int, int], float]:
    """The pairs linkage is given: those at least MIN_PAIR_SCORE likely (the rest count as 0, as unscored pairs do)."""
    keep = scores >= MIN_PAIR_SCORE
    return {(int(i), int(j)): float(s) for i, j, s in zip(left[keep], right[keep], scores[keep], strict=True)}


def pair_scores(features: np.ndarray, far: np.ndarray, weights: np.ndarray = WEIGHTS, bias: float = BIAS) -> np.ndarray:
    """What linkage sees: the pair model's probability, 0 for pairs dated too far apart (``dated_years_apart``)."""
    return np.where(far, 0.0, probability(features, weights, bias))


def dated_years_apart(ev: Evidence, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Pairs whose dates (not years their texts mention, which may be background) are too far apart to be one story."""
    day_l, day_r = ev.days[left], ev.days[right]
    return (day_l >= 0) & (day_r >= 0) & (np.abs(day_l - day_r) > MAX_STORY_YEARS * DAYS_PER_YEAR)


def pair_features(ev: Evidence, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """One PAIR_FEATURES row per pair (left[k], right[k])."""
    words = np.asarray(ev.words[left].multiply(ev.words[right]).sum(axis=1)).ravel()
    names = np.asarray(ev.names[left].multiply(ev.names[right]).sum(axis=1)).ravel()
    apart = np.minimum(years_apart(ev, left, right), MAX_YEARS_APART)
    week_l, week_r = ev.weekdays[left], ev.weekdays[right]
    other_weekday = (week_l > 0) & (week_r > 0) & ((week_l & week_r) == 0)
    other_counts = [_other_counts(ev.counts[i], ev.counts[j]) for i, j in zip(left, right, strict=True)]
    return np.column_stack([words, names, apart, other_weekday, np.array(other_counts, dtype=bool)])


def _other_counts(a: dict[str, frozenset[str]], b: dict[str, frozenset[str]]) -> bool:
    """Both leads count the same words, and for none of them do they share a number."""
    shared = a.keys() & b.keys()
    return bool(shared) and all(not (a[w] & b[w]) for w in shared)


def years_apart(ev: Evidence, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """How far apart in time two articles' events are, in years (0 when unknown).

    Both dated: the days between them. Otherwise their years (story_features.Evidence.years), if both have one.
    """
    day_l, day_r = ev.days[left], ev.days[right]
    year_l, year_r = ev.years[left], ev.years[right]
    by_year = np.where((year_l >= 0) & (year_r >= 0), np.abs(year_l - year_r), 0).astype(np.float64)
    return np.where((day_l >= 0) & (day_r >= 0), np.abs(day_l - day_r) / DAYS_PER_YEAR, by_year)


def candidate_pairs(ev: Evidence) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (i < j) among each article's NEIGHBOURS nearest by cosine over its SEARCH_TERMS strongest terms."""
    search = _strongest(_without_common_terms(ev.words), SEARCH_TERMS)
    n = search.shape[0]
    found: set[tuple[int, int]] = set()
    for start in range(0, n, BLOCK):
        block = (search[start : start + BLOCK] @ search.T).tocsr()
        for r in range(block.shape[0]):
            i = start + r
            cols, sims = _row(block, r)
            keep = (cols != i) & (sims >= CANDIDATE_FLOOR)
            cols, _ = _largest(cols[keep], sims[keep], NEIGHBOURS)
            found.update((min(i, int(j)), max(i, int(j))) for j in cols)
    pairs = np.array(sorted(found), dtype=np.int64).reshape(-1, 2)
    return pairs[:, 0], pairs[:, 1]


def _without_common_terms(matrix: sparse.csr_matrix) -> sparse.csr_matrix:
    """The matrix less the columns of terms too common to search on (their postings make the search quadratic)."""
    df = np.bincount(matrix.indices, minlength=matrix.shape[1])
    limit = max(SEARCH_MAX_POSTINGS, SEARCH_MAX_SHARE * matrix.shape[0])
    keep = sparse.diags((df <= limit).astype(np.float64))
    return (matrix @ keep).tocsr()


def _strongest(matrix: sparse.csr_matrix, k: int) -> sparse.csr_matrix:
    """Each row kept to its k largest weights (ties by column), re-normalised."""
    rows, cols, values = [], [], []
    for r in range(matrix.shape[0]):
        c, v = _largest(*_row(matrix, r), k)
        norm = float(np.linalg.norm(v)) or 1.0
        rows += [r] * len(c)
        cols += c.tolist()
        values += (v / norm).tolist()
    return sparse.csr_matrix((values, (rows, cols)), shape=matrix.shape, dtype=np.float64)


def _row(matrix: sparse.csr_matrix, r: int) -> tuple[np.ndarray, np.ndarray]:
    """Row r of a CSR matrix: its column indices and values."""
    return matrix.indices[matrix.indptr[r] : matrix.indptr[r + 1]], matrix.data[matrix.indptr[r] : matrix.indptr[r + 1]]


def _largest(cols: np.ndarray, values: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """The k largest values with their columns (ties by column), or all when there are no more than k."""
    if len(cols) <= k:
        return cols, values
    top = np.lexsort((cols, -values))[:k]
    return cols[top], values[top]


def cluster(items: list[StoryInput], threshold: float = THRESHOLD) -> list[list[str]]:
    """Stories of a batch: lists of article ids, members in input order, stories by their first member."""
    if not items:
        return []
    index = {item.id: k for k, item in enumerate(items)}
    ev = evidence(items)
    left, right = candidate_pairs(ev)
    scores = pair_scores(pair_features(ev, left, right), dated_years_apart(ev, left, right))
    pairs = scored_pairs(left, right, scores)
    copies = [(k, index[item.duplicate_of]) for k, item in enumerate(items) if item.duplicate_of in index]
    labels = average_linkage(len(items), pairs, threshold, copies)
    groups: dict[int, list[str]] = defaultdict(list)
    for item, label in zip(items, labels, strict=True):
        groups[label].append(item.id)
    return list(groups.values())  # filled in input order, so ordered by each story's first article


def carry_numbers(groups: list[list[str]], previous: dict[str, int]) -> list[int]:
    """A story number per group that keeps stored stories' numbers as they grow or are re-grouped.

    Groups claim the number most of their members had, largest groups first; a group whose members
    had none, or whose number a larger group took, gets a new number after the highest one used.
    """
    order = sorted(range(len(groups)), key=lambda g: (-len(groups[g]), g))
    taken: set[int] = set()
    numbers = [-1] * len(groups)
    for g in order:
        votes = Counter(previous[a] for a in groups[g] if a in previous)
        for number, _ in sorted(votes.items(), key=lambda kv: (-kv[1], kv[0])):
            if number not in taken:
                numbers[g] = number
                taken.add(number)
                break
    following = max([*previous.values(), -1]) + 1
    for g in range(len(groups)):
        if numbers[g] < 0:
            numbers[g] = following
            following += 1
    return numbers
