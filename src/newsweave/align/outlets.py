"""Outlet profiles: what each outlet alone reports, what it leaves out, how much it hedges, whom it quotes.

A claim is "widely reported" when at least half of the story's independent
sources (and at least two) carry it; an outlet omits it when none of its
articles does. Syndicated copies make an outlet carry what it reprinted.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from newsweave.align.sources import outlet_name
from newsweave.model import Article, Claim


def outlet_profiles(articles: list[Article], claims: list[Claim], quotes: list[dict[str, Any]],
                    sources: dict[str, str]) -> list[dict[str, Any]]:  # fmt: skip
    names = {a.id: outlet_name(a) for a in articles}
    wide = max(2, -(-len(set(sources.values())) // 2))
    carried: dict[str, set[str]] = defaultdict(set)
    for claim in claims:
        for support in claim.support:
            carried[names[support.article]].add(claim.id)
    speakers: dict[str, Counter[str]] = defaultdict(Counter)
    for quote in quotes:
        if quote["speaker"]:
            speakers[names[quote["article"]]][quote["speaker"]] += 1
    profiles = []
    for outlet in sorted(set(names.values())):
        own = [a for a in articles if names[a.id] == outlet]
        stances = [s.stance for a in own for s in a.stances]
        profiles.append(
            {
                "outlet": outlet,
                "articles": [a.id for a in own],
                "sources": sorted({sources[a.id] for a in own}),
                "unique_claims": [c.id for c in claims if c.outlets == [outlet]],
                "omitted_claims": [c.id for c in claims if c.sources >= wide and c.id not in carried[outlet]],
                "hedged_share": round(stances.count("hedged") / len(stances), 3) if stances else 0.0,
                "quoted_speakers": [
                    {"speaker": name, "quotes": n}
                    for name, n in sorted(speakers[outlet].items(), key=lambda kv: (-kv[1], kv[0]))
                ],
            }
        )
    return profiles
