"""The cited summary and timeline of one story, built from its claims and conflicts (align).

Summary: the most independently corroborated claims first, chosen with
maximal marginal relevance so that two lines never say the same thing, then
notable single-source claims (a count, or a named speaker), then other
single-source claims while lines remain, and up to two conflicts, each
labelled as such. Lines are sentences from the articles,
never rewritten: a hedged or denied statement keeps its "allegedly" or
"denied", and a quote whose speaker the sentence does not name gets the
speaker in front ("Anton Belic: ..."), so nothing attributed reads as a bare
fact. Every line cites its sentences, one per independent source.

Timeline: claims whose sentences date the event (align.statements.event_dates:
not "said on Friday"), at the date most of their sentences give, ordered by
date; a claim in a date conflict is marked disputed.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from newsweave.align import Alignment
from newsweave.align.statements import event_dates
from newsweave.analyze.embed import encode_distinct
from newsweave.model import Article, Claim, Support

LENGTH = 7
LENGTHS = range(5, 11)  # what --length accepts
CONFLICT_LINES = 2
RELEVANCE = 0.7  # MMR: weight of corroboration against novelty
MAX_CITATIONS = 8
CONFLICT_ORDER = ("number", "denial", "date", "attribution", "framing")


def summarize(articles: list[Article], alignment: Alignment, length: int = LENGTH) -> list[dict[str, Any]]:
    """Summary lines: {"text", "kind", "label", "sources", "claims", "citations"}."""
    by_id = {a.id: a for a in articles}
    sources = alignment.sources
    corroborated = [c for c in alignment.claims if c.sources > 1]
    notable = [c for c in alignment.claims if c.sources == 1 and _notable(c, by_id)]
    conflicts = sorted(alignment.conflicts, key=lambda c: CONFLICT_ORDER.index(c.kind))[
        : min(CONFLICT_LINES, length // 3)
    ]
    room = length - len(conflicts)
    chosen = _mmr(corroborated, room - (1 if notable else 0))
    chosen += _mmr(notable, room - len(chosen))
    rest = [c for c in alignment.claims if c.sources == 1 and c not in chosen]
    chosen += _mmr(rest, room - len(chosen))  # a story with few notable claims still gets its lines
    lines = [claim_line(c, by_id, sources) for c in chosen]
    for conflict in conflicts:
        lines.append(
            {
                "text": conflict.description,
                "kind": "conflict",
                "label": f"{conflict.kind} conflict",
                "sources": len({sources[e.article] for e in conflict.evidence}),
                "claims": conflict.claims,
                "citations": [{"article": e.article, "sentence": e.sentence} for e in conflict.evidence][
                    :MAX_CITATIONS
                ],
            }
        )
    return lines


def timeline(articles: list[Article], alignment: Alignment) -> list[dict[str, Any]]:
    """Dated events: {"date", "text", "sources", "disputed", "claims", "citations"}, in date order."""
    by_id = {a.id: a for a in articles}
    sources = alignment.sources
    disputed = {c for conflict in alignment.conflicts if conflict.kind == "date" for c in conflict.claims}
    entries = []
    for claim in alignment.claims:
        dated = [(s, event_dates(by_id[s.article], s)) for s in claim.support]
        counts = Counter(value for _, values in dated for value in set(values))
        if not counts:
            continue
        when = min(counts, key=lambda v: (-counts[v], -len(v), v))  # most cited, then most precise, then earliest
        line = claim_line(claim, by_id, sources, [s for s, values in dated if when in values])
        entries.append({"date": when, "text": line["text"], "sources": claim.sources,
                        "disputed": claim.id in disputed, "claims": [claim.id], "citations": line["citations"]})  # fmt: skip
    return sorted(entries, key=lambda e: (e["date"], -e["sources"], e["claims"][0]))


def _notable(claim: Claim, by_id: dict[str, Article]) -> bool:
    """A single-source claim worth a summary line: it gives a count or names who said it."""
    support = claim.support[0]
    article = by_id[support.article]
    counts = any(support.start <= q.start < support.end and q.object for q in article.quantities)
    return counts or (support.speaker is not None and support.stance != "asserted")


def _names(speaker: str, text: str) -> bool:
    """The sentence names the speaker: one of the speaker's own words is in it ("Belic", "ministry")."""
    words = set(re.findall(r"\w+", text.lower()))
    return any(w in words for w in re.findall(r"\w+", speaker.lower()) if w not in STOP_WORDS and len(w) > 2)


def _mmr(claims: list[Claim], room: int) -> list[Claim]:
    """Up to ``room`` claims, most corroborated first, each as unlike the ones already chosen as it can be."""
    if room <= 0 or not claims:
        return []
    pool = claims[: room * 4]
    vectors = encode_distinct([c.text for c in pool])
    top = max(c.sources for c in pool)
    relevance = np.array([c.sources / top + 0.01 * min(len(c.support), 10) for c in pool])
    chosen: list[int] = []
    while len(chosen) < min(room, len(pool)):
        similarity = (vectors @ vectors[chosen].T).max(axis=1) if chosen else np.zeros(len(pool))
        score = RELEVANCE * relevance - (1 - RELEVANCE) * similarity
        score[chosen] = -np.inf
        chosen.append(int(np.argmax(score)))  # ties go to the earlier, better corroborated claim
    return [pool[i] for i in sorted(chosen)]


def claim_line(claim: Claim, by_id: dict[str, Article], sources: dict[str, str],
                support: list[Support] | None = None) -> dict[str, Any]:  # fmt: skip
    support = support or claim.support
    shown = next((s for s in support if by_id[s.article].text[s.start : s.end] == claim.text), support[0])
    text = by_id[shown.article].text[shown.start : shown.end]
    if shown.stance != "asserted" and shown.speaker and not _names(shown.speaker, text):
        text = f"{shown.speaker}: {text}"  # the sentence is someone's words but does not say whose
    citations, seen = [], set()
    for s in support:
        if sources[s.article] not in seen and len(citations) < MAX_CITATIONS:
            seen.add(sources[s.article])
            citations.append({"article": s.article, "sentence": s.sentence})
    label = "corroborated" if claim.sources > 1 else "single source"
    hedged = {s.stance for s in claim.support}
    if hedged == {"hedged"}:
        label += ", hedged"
    elif "hedged" in hedged:
        label += ", hedged by some"
    return {"text": text, "kind": "claim", "label": label, "sources": claim.sources, "claims": [claim.id],
            "citations": citations}  # fmt: skip
