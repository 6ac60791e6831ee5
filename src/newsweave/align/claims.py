"""Claims: statements from different articles that state the same proposition, paraphrases included.

Pairs come from each statement's nearest neighbours by sentence embedding
(align.neighbours), searched among distinct sentences (a reprinted
sentence is one unit, grouped from the start). A pair's score is a logistic model over five features
(statements.PairFeatures): embedding cosine, its margin over each side's
neighbourhood, mutual nearest match, content-word and entity-name Jaccard;
its weights were fitted on the annotated story sets
(``benchmarks/align.py --calibrate``). Pairs are merged best first with
average linkage: two groups join only when the mean score over all their
cross pairs clears ``THRESHOLD``, which stops one loose pair from chaining
two claims together. Two statements that cannot be the same proposition
never share a claim: incompatible counts of the same thing, different
days, or one side denying what the other reports; nor do two sentences of
one article. The incompatible pairs that are related (``related``) are
kept: they are where conflicts (align.conflicts) are looked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from newsweave.align.neighbours import nearest
from newsweave.align.statements import (
    PEOPLE,
    PairFeatures,
    Statement,
    covers,
    dates_disagree,
    numbers_disagree,
    statement_units,
)
from newsweave.lexicon import DURATION_NOUNS

NEIGHBOURS = 24
LINK_SAMPLE = 64  # members per side over which a merge's average linkage is taken
# Logistic weights over PairFeatures.NAMES and the intercept, fitted on the three annotated story sets
# (benchmarks/align.py --calibrate). The threshold is the best on all three sets; the
# leave-one-set-out folds chose 0.2, 0.25 and 0.5.
WEIGHTS = np.array([5.15, 2.46, 1.86, 9.66, 0.48], dtype=np.float64)
BIAS = -6.40
THRESHOLD = 0.2  # mean probability over a merge's cross pairs
AGREES = 0.6  # a sentence states another's proposition, not just its topic (chosen on halves of summaries-dev)
PARAPHRASE_COSINE = 0.7  # cosine at which two sentences sharing few content words may still be one claim
SHARED_WORDS = 0.1  # content-word Jaccard below which a pair needs PARAPHRASE_COSINE to seed a claim
RELATED = 0.2  # probability above which an incompatible pair is a possible conflict
RELATED_DATE = 0.5  # the same for two different days: the sentences must be alike but for the date
# Below RELATED, two weaker signs that an incompatible pair is about the same thing, given some similarity:
RELATED_COSINE = 0.45
DENIED_WORDS = 2  # a denial shares this many content words with what it denies ("tear gas")
DENIED_SHARE = 0.4  # ... and this share of the words of the clause it denies, when that clause is long
SLOT_VALUES = 3  # a counted noun with more distinct counts in the story than this is crowded


def crowded_counts(items: list[Statement]) -> set[str]:
    """Counted nouns the story gives many different counts of ("cases" in a statistics story), and durations
    ("a judge for 12 years", "two years ahead of Gorsuch"): no one slot.

    People are left out: every story counts the dead, the injured and the evacuated, and a count of
    people already needs the sentences to be each other's closest match (``related``)."""
    readings: dict[str, set[tuple[float, float]]] = {}
    for s in items:
        for what, low, high, *_ in s.amounts:
            readings.setdefault(what, set()).add((low, high))
    crowded = {what for what, values in readings.items() if len(values) > SLOT_VALUES and what not in PEOPLE}
    return crowded | {what for what in readings if what in DURATION_NOUNS}


def related(a: Statement, b: Statement, probability: float, features: np.ndarray, crowded: set[str]) -> bool:
    """An incompatible pair worth a conflict check (``features`` is the pair's PairFeatures row).

    A denial is related to what it denies when the two are alike and the report states the words the
    denial covers ("tear gas", names aside): two sentences alike in topic ("Kavanaugh was to appear on Fox
    News" / "on Fox News, Kavanaugh denied the allegations") are not a statement and its denial; two
    counts when alike, or when they count the same specific thing ("farmers"), or the same people
    in sentences that are each other's closest match across the two articles; two dates only when
    the sentences are alike enough to be one claim but for the date, since a sentence often dates a
    different event than its neighbour does ("the inquiry opened on Tuesday"). The same strictness holds
    for counts of a ``crowded`` noun: a story that gives many counts of "cases" counts different things.
    """
    cosine, mutual = float(features[0]), bool(features[2])
    if a.contrary != b.contrary:
        denial, other = (a, b) if a.contrary else (b, a)
        alike = probability >= RELATED or cosine >= RELATED_COSINE
        needed = max(min(DENIED_WORDS, len(denial.scope)), round(DENIED_SHARE * len(denial.scope)))
        return bool(denial.scope) and alike and covers(denial.scope, denial, other) >= needed
    clash = numbers_disagree(a, b)
    if clash is not None and clash[2] in crowded:
        return probability >= RELATED_DATE
    if clash is not None:
        return probability >= RELATED or (cosine >= RELATED_COSINE and (clash[2] not in PEOPLE or mutual))
    return probability >= RELATED_DATE


def shares_words_or_meaning(features: np.ndarray) -> bool:
    """A pair can seed a claim when its sentences share a content word, or their embeddings say they
    mean the same (``PARAPHRASE_COSINE``): two sentences of one topic with no word in common
    ("Good morning and welcome to ..." / "The news that matters, delivered weekday mornings") are not
    one claim however alike their neighbourhoods make them look."""
    return bool(features[3] >= SHARED_WORDS or features[0] >= PARAPHRASE_COSINE)


def probability(features: np.ndarray) -> np.ndarray:
    """The pair model: how likely two statements state the same proposition."""
    return 1.0 / (1.0 + np.exp(-(features.astype(np.float64) @ WEIGHTS + BIAS)))


def incompatible(a: Statement, b: Statement) -> bool:
    """They cannot state the same proposition: counts, days or polarity disagree."""
    return a.contrary != b.contrary or numbers_disagree(a, b) is not None or dates_disagree(a, b)


@dataclass(slots=True)
class Grouping:
    """Statement index groups (each sorted, groups in order of their first statement) and the related pairs."""

    groups: list[list[int]]
    related: list[tuple[int, int, float]] = field(default_factory=list)  # incompatible pairs worth a conflict check
    # compatible candidate pairs of a hedged and a flat statement (hedged first), with their probability:
    # where framing conflicts across claims are looked for
    hedged: list[tuple[int, int, float]] = field(default_factory=list)
    features: PairFeatures | None = None

    def same_proposition(self, i: int, j: int) -> float:
        """The pair model's probability that statements i and j state the same proposition."""
        if self.features is None:
            return 0.0
        return float(probability(self.features(np.array([i]), np.array([j])))[0])

    def states_the_same(self, i: int, j: int) -> bool:
        """Statement j states statement i's proposition itself, not merely its topic: the pair model finds
        them more likely the same than not (``AGREES``) and they share content words (``SHARED_WORDS``)."""
        if self.features is None:
            return False
        row = self.features(np.array([i]), np.array([j]))
        return bool(probability(row)[0] >= AGREES and row[0][3] >= SHARED_WORDS)


def group_statements(items: list[Statement], vectors: np.ndarray) -> Grouping:
    features, left, right = candidates(items, vectors)
    rows = features(left, right) if len(left) else np.zeros((0, len(PairFeatures.NAMES)))
    scores = probability(rows)
    order = np.lexsort((right, left, -scores))
    parent = list(range(len(items)))
    members = {i: [i] for i in range(len(items))}
    refused: set[tuple[int, int, int, int]] = set()
    pairs, hedged = [], []
    crowded = crowded_counts(items)

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(a: int, b: int) -> None:
        a, b = min(a, b), max(a, b)
        parent[b] = a
        members[a] += members.pop(b)

    for unit in features.units:  # the same words with the same counts and days: one claim from the start
        for other in unit[1:]:
            join(root(unit[0]), root(other))
    for k in order:
        i, j, score = int(left[k]), int(right[k]), float(scores[k])
        if incompatible(items[i], items[j]):
            if related(items[i], items[j], score, rows[k], crowded):
                pairs.append((i, j, score))
            continue
        if {items[i].stance, items[j].stance} == {"hedged", "asserted"}:
            hedged.append((i, j, score) if items[i].stance == "hedged" else (j, i, score))
        if score < THRESHOLD or not shares_words_or_meaning(rows[k]):
            continue
        a, b = root(i), root(j)
        if a == b:
            continue
        key = (a, len(members[a]), b, len(members[b]))
        if key in refused:
            continue
        if not _can_merge(items, features, members[a], members[b]):
            refused.add(key)
            continue
        join(a, b)
    groups = sorted((sorted(m) for m in members.values()), key=lambda g: g[0])
    return Grouping(groups, sorted(pairs), features=features, hedged=sorted(hedged))


def candidates(items: list[Statement], vectors: np.ndarray) -> tuple[PairFeatures, np.ndarray, np.ndarray]:
    """The pair features and the candidate pairs (i < j, first statements of their units).

    Neighbours are searched among distinct units, not statements: a sentence reprinted by fifty
    outlets would otherwise fill every neighbour list with its own copies and hide its paraphrases.
    """
    units = statement_units(items)
    first = np.array([unit[0] for unit in units], dtype=np.int64)
    indices, sims = nearest(vectors[first], NEIGHBOURS)
    features = PairFeatures(items, vectors, units, indices, sims)
    rows = np.repeat(np.arange(len(units)), indices.shape[1])
    cols = indices.ravel()
    only = [set(items[i].article for i in unit) for unit in units]
    # a pair within one article only is not a candidate: claims are what different articles share
    keep = np.array([r != c and len(only[r] | only[c]) > 1 for r, c in zip(rows.tolist(), cols.tolist(), strict=True)],
                    dtype=bool)  # fmt: skip
    if not keep.any():
        return features, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    pairs = np.unique(np.column_stack([np.minimum(rows, cols), np.maximum(rows, cols)])[keep], axis=0)
    return features, first[pairs[:, 0]], first[pairs[:, 1]]


def _can_merge(items: list[Statement], features: PairFeatures, a: list[int], b: list[int]) -> bool:
    """Average linkage over the cross pairs, and no incompatible pair among them.

    The average over two large groups is taken on evenly spaced members of each (``LINK_SAMPLE``),
    which keeps a merge's cost and memory bounded however widely a claim is reported.
    """
    if np.mean(probability(features.block(_spread(a), _spread(b)))) < THRESHOLD:
        return False
    if items[a[0]].contrary != items[b[0]].contrary:  # a group never mixes denials and reports
        return False
    if {items[i].article for i in a} & {items[j].article for j in b}:
        return False  # an article states a claim once; two of its sentences are two claims
    flagged_a = {(items[i].amounts, items[i].days): i for i in a if items[i].amounts or items[i].days}
    flagged_b = {(items[j].amounts, items[j].days): j for j in b if items[j].amounts or items[j].days}
    return not any(incompatible(items[i], items[j]) for i in flagged_a.values() for j in flagged_b.values())


def _spread(members: list[int]) -> list[int]:
    """At most LINK_SAMPLE members, evenly spaced (deterministic)."""
    if len(members) <= LINK_SAMPLE:
        return members
    return [members[round(k * (len(members) - 1) / (LINK_SAMPLE - 1))] for k in range(LINK_SAMPLE)]
