"""Cross-source alignment of one story: claims with independent corroboration, conflicts, outlet profiles.

``align_story`` takes a story's analysed articles and returns its claims,
conflicts and outlet profiles. One module per step: sources (syndicated
copies and wire reprints are one source), statements (the sentences that
can carry a claim, and what is compared about them), neighbours
(candidate pairs), claims (grouping), conflicts, outlets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from newsweave.align.claims import Grouping, group_statements
from newsweave.align.conflicts import ConflictFinder
from newsweave.align.outlets import outlet_profiles
from newsweave.align.sources import outlet_name, source_keys
from newsweave.align.statements import Statement, statements
from newsweave.analyze.embed import encode_distinct
from newsweave.model import Article, Claim, Conflict, Support


@dataclass(slots=True)
class Alignment:
    claims: list[Claim]
    conflicts: list[Conflict]
    updates: list[Conflict]  # figures that changed over time (kind "update"): not disagreements
    outlets: list[dict[str, Any]]
    sources: dict[str, str]  # article id -> its independent source (align.sources)


def align_story(articles: list[Article], quotes: list[dict[str, Any]], speakers: dict[str, str]) -> Alignment:
    """Align one story. ``quotes`` carry story-wide speakers; ``speakers`` maps short names to them."""
    sources = source_keys(articles)
    names = [outlet_name(a) for a in articles]
    items = statements(articles, speakers)
    vectors = encode_distinct([s.text for s in items])
    grouping = group_statements(items, vectors)
    claims, claim_of = _claims(items, grouping, vectors, articles, names, sources)
    # people are names the tagger never takes for something else: "White House" tagged PERSON once is no person
    others = {e.canonical for a in articles for e in a.entities if e.label != "PERSON"}
    people = {
        speakers.get(e.canonical, e.canonical)
        for a in articles
        for e in a.entities
        if e.label == "PERSON" and e.canonical not in others
    }
    finder = ConflictFinder(
        items,
        grouping,
        claim_of,
        [c.id for c in claims],
        [sources[articles[s.article].id] for s in items],
        [a.id for a in articles],
        names,
        people,
        [a.published for a in articles],
    )
    members: list[list[int]] = [[] for _ in claims]
    for statement, claim in enumerate(claim_of):
        members[claim].append(statement)
    conflicts, updates = finder.find([m for m in members if len(m) > 1])
    return Alignment(claims, conflicts, updates, outlet_profiles(articles, claims, quotes, sources), sources)


def _claims(items: list[Statement], grouping: Grouping, vectors: np.ndarray, articles: list[Article],
            names: list[str], sources: dict[str, str]) -> tuple[list[Claim], list[int]]:  # fmt: skip
    """Claims ordered by independent sources, then support; the text is the group's most central sentence.

    A claim's group can hold sentences on one topic that say different things (groups merge on their
    average likeness); ``agrees`` marks the sentences that state the central sentence's proposition
    themselves (``Grouping.states_the_same``)."""
    groups = grouping.groups

    def sort_key(group: list[int]) -> tuple[int, int, int]:
        return (-len({sources[articles[items[i].article].id] for i in group}), -len(group), group[0])

    ordered = sorted(groups, key=sort_key)
    claims, claim_of = [], [0] * len(items)
    for number, group in enumerate(ordered):
        centre = vectors[group].mean(axis=0)
        central = group[int(np.argmax(np.round(vectors[group] @ centre, 4)))]  # a tie (two sentences) goes to the first
        support, agrees = [], []
        for i in [central] + [i for i in group if i != central]:  # the claim's own sentence first
            s = items[i]
            support.append(Support(articles[s.article].id, s.sentence, s.start, s.end, s.stance, s.speaker))
            agrees.append(i == central or grouping.states_the_same(central, i))
            claim_of[i] = number
        claims.append(
            Claim(
                id=f"claim-{number + 1}",
                text=items[central].text,
                support=support,
                outlets=sorted({names[items[i].article] for i in group}),
                sources=len({sources[articles[items[i].article].id] for i in group}),
                agrees=agrees,
            )
        )
    return claims, claim_of
