"""The cited summary and timeline of one story, built from its claims and conflicts (align).

Summary: what happened first (of the best-corroborated article leads, the one
closest to the outlets' headlines), then what several independent sources state,
then what one source alone states, then up to two conflicts, each labelled as
such. Claims are ranked by relevance: closeness to the centre of all the
story's sentences, how early an article states them (news leads with what
happened) and how many independent sources state them; maximal marginal
relevance keeps two lines from saying the same thing. Questions and fragments
never qualify. Lines are sentences from the articles,
never rewritten: a hedged or denied statement keeps its "allegedly" or
"denied", and a quote whose speaker the sentence does not name gets the
speaker in front ("Anton Belic: ..."), so nothing attributed reads as a bare
fact; only a lead's dateline or credit ("WASHINGTON (AP) — ") is left off.
Every line cites its sentences, one per independent source.

Timeline: claims whose sentences date the event (align.statements.event_dates:
not "said on Friday"), at the date most of their sentences give, ordered by
date; a claim in a date conflict is marked disputed.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import numpy as np

from newsweave.align import Alignment
from newsweave.align.statements import event_dates
from newsweave.analyze.embed import encode_distinct
from newsweave.analyze.nlp import english_stop_words
from newsweave.defaults import LENGTH
from newsweave.lexicon import DEPENDENT_OPENERS
from newsweave.model import Article, Claim, Support
from newsweave.newstext import filing_prefix

CONFLICT_LINES = 2
RELEVANCE = 0.7  # MMR: weight of relevance against novelty
W_CENTRAL = 0.5  # relevance: weight of closeness to the story's centre (chosen on halves of summaries-dev)
W_LEAD = 1.0  # relevance: weight of an early sentence (the lead states what happened)
W_SOURCES = 0.25  # relevance: weight of the number of independent sources (chosen on halves of summaries-dev)
MIN_LINE_WORDS = 6  # shorter sentences are datelines, captions and fragments, not what happened
MAX_CITATIONS = 8
FIRST_PERSON = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|I'd|I’d|my|me)\b")
EMBEDDED = re.compile(r"https?://|pic\.twitter\.com/|\(@\w+\)")  # links and handles of embedded posts
LEFT_DASH = re.compile(r"^[—–-]+\s+")  # "– The U.S. warns": a dateline's dash, not "-5 degrees"
QUOTED = re.compile(r"[\"“][^\"“”]*[\"”]|‘[^‘’]*’")
CONFLICT_ORDER = ("number", "denial", "date", "attribution", "framing")


def summarize(articles: list[Article], alignment: Alignment, length: int = LENGTH) -> list[dict[str, Any]]:
    """Summary lines: {"text", "kind", "label", "sources", "claims", "citations"}."""
    by_id = {a.id: a for a in articles}
    sources = alignment.sources
    claims = [c for c in alignment.claims if _summarisable(_shown_text(c, by_id))]
    ranks = _lead_ranks(claims, by_id)
    relevance = _relevance(claims, ranks)
    claims.sort(key=lambda c: -relevance[c.id])  # stable: ties keep the claims' own order
    conflicts = sorted(alignment.conflicts, key=lambda c: CONFLICT_ORDER.index(c.kind))[
        : min(CONFLICT_LINES, length // 3)
    ]
    opener = _opener(claims, by_id, sources, ranks)
    if opener is not None:  # what happened, told so that it stands on its own, comes first
        claims.remove(opener)
        claims.insert(0, opener)
        relevance[opener.id] = max(relevance.values())
    chosen = _mmr(claims, length - len(conflicts), relevance)
    # what happened first (the most relevant line), then what several sources state, then single sources
    chosen = chosen[:1] + sorted(chosen[1:], key=lambda c: c.sources == 1)
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
        if not _summarisable(_shown_text(claim, by_id)):
            continue  # a question, a fragment, an aside or an embedded post dates nothing that happened
        article_of = [by_id[s.article] for s in claim.support]
        dated = [(s, event_dates(a, s)) for s, a in zip(claim.support, article_of, strict=True)
                 if _summarisable(a.text[s.start : s.end])]  # fmt: skip
        counts = Counter(value for _, values in dated for value in set(values))
        if not counts:
            continue
        order = list(dict.fromkeys(value for _, values in dated for value in values))
        # most cited, then most precise, then first in the text ("tweeted Monday about his Saturday meeting")
        when = min(counts, key=lambda v: (-counts[v], -len(v), order.index(v)))
        line = claim_line(claim, by_id, sources, [s for s, values in dated if when in values])
        entries.append({"date": when, "text": line["text"], "sources": claim.sources,
                        "disputed": claim.id in disputed, "claims": [claim.id], "citations": line["citations"]})  # fmt: skip
    return sorted(entries, key=lambda e: (e["date"], -e["sources"], e["claims"][0]))


def _names(speaker: str, text: str) -> bool:
    """The sentence names the speaker: one of the speaker's own words is in it ("Belic", "ministry"), or, for a
    name of short words only ("U.S.", "EU"), the name as written."""
    words = set(re.findall(r"\w+", text.lower()))
    stop = english_stop_words()
    own = [w for w in re.findall(r"\w+", speaker.lower()) if w not in stop and len(w) > 2]
    return any(w in words for w in own) if own else speaker.lower() in text.lower()


def _mmr(claims: list[Claim], room: int, relevance: dict[str, float]) -> list[Claim]:
    """Up to ``room`` claims, most relevant first, each as unlike the ones already chosen as it can be."""
    if room <= 0 or not claims:
        return []
    pool = claims[: room * 4]
    vectors = encode_distinct([c.text for c in pool])
    weights = np.array([relevance[c.id] for c in pool])
    chosen: list[int] = []
    while len(chosen) < min(room, len(pool)):
        similarity = (vectors @ vectors[chosen].T).max(axis=1) if chosen else np.zeros(len(pool))
        score = RELEVANCE * weights - (1 - RELEVANCE) * similarity
        score[chosen] = -np.inf
        chosen.append(int(np.argmax(score)))  # ties go to the earlier, more relevant claim
    return [pool[i] for i in chosen]  # in the order chosen: what matters most first


def _relevance(claims: list[Claim], rank: dict[str, dict[int, int]]) -> dict[str, float]:
    """How much a claim says what the story is about, from three signals scaled to 0..1 within the story:
    closeness to the centre of all the story's sentences, how early an article states it (news leads
    with what happened), and how many independent sources state it."""
    if not claims:
        return {}
    vectors = encode_distinct([c.text for c in claims])
    weights = np.array([len(c.support) for c in claims], dtype=np.float32)
    centre = (vectors * weights[:, None]).sum(axis=0)
    central = vectors @ (centre / max(float(np.linalg.norm(centre)), 1e-9))
    central = (central - central.min()) / max(float(central.max() - central.min()), 1e-9)
    top = max(c.sources for c in claims)
    out = {}
    for i, c in enumerate(claims):
        lead = 1 / (1 + min(rank[s.article].get(s.sentence, len(rank[s.article])) for s in c.support))
        out[c.id] = W_CENTRAL * float(central[i]) + W_LEAD * lead + W_SOURCES * c.sources / top
    return out


def _opener(
    claims: list[Claim], by_id: dict[str, Article], sources: dict[str, str], ranks: dict[str, dict[int, int]]
) -> Claim | None:
    """The line that opens the summary (``claims`` in order of relevance): of the sentences that lead an article,
    stand on their own and are stated by the most independent sources, the one closest to the story's headlines,
    one per source (what the outlets put on top); without headlines or such a lead, the most relevant claim that
    stands on its own."""
    standing = [c for c in claims if _opens(_shown_text(c, by_id))]
    leads = [c for c in standing if any(ranks[s.article].get(s.sentence) == 0 for s in c.support)]
    best_told = max((c.sources for c in leads), default=0)
    leads = [c for c in leads if c.sources == best_told]  # what most sources lead with happened; an angle did not
    headlines = sorted({sources[a.id]: a.title for a in by_id.values() if a.title}.values())
    if not leads or not headlines:
        return standing[0] if standing else None
    closeness = (encode_distinct([c.text for c in leads]) @ encode_distinct(headlines).T).mean(axis=1)
    return leads[int(np.argmax(closeness))]  # a tie goes to the more relevant lead


def _lead_ranks(claims: list[Claim], by_id: dict[str, Article]) -> dict[str, dict[int, int]]:
    """Article id -> ``_sentence_ranks`` of each article that supports a claim (computed once per summary)."""
    return {a: _sentence_ranks(by_id[a]) for a in {s.article for c in claims for s in c.support}}


def _sentence_ranks(article: Article) -> dict[int, int]:
    """Sentence number -> its place among the article's sentences that can state what happened (captions,
    datelines and other fragments before the lead do not push it down)."""
    ranks: dict[int, int] = {}
    for number in range(len(article.sentences)):
        if _summarisable(article.sentence_text(number)):
            ranks[number] = len(ranks)
    return ranks


def _opens(text: str) -> bool:
    """The sentence can open a summary: it does not start with a label ("Law: ...") or with a word that leans on
    the sentence before ("Instead, ...", "The next day, ...", "He ..."); a dash left by a dateline is no word."""
    text = text.lstrip("—–- ")
    words = re.findall(r"[\w’']+", text[:60].lower())
    label = re.match(r"[\w’' -]{1,20}:", text)
    return bool(words) and not label and words[0] not in DEPENDENT_OPENERS and words[:2] != ["the", "next"]


def without_dateline(text: str) -> str:
    """A lead sentence without the dateline or credit it opens with (``newstext.filing_prefix``): where and by
    whom it was filed is the article's metadata, not what happened; nor is the dash a dateline line left behind
    ("– The U.S. warns ...")."""
    return LEFT_DASH.sub("", text[len(filing_prefix(text)) :])


def _shown_text(claim: Claim, by_id: dict[str, Article]) -> str:
    support = claim.support[0]
    return by_id[support.article].text[support.start : support.end]


def _summarisable(text: str) -> bool:
    """A sentence that can state what happened: not a question, not a fragment, not the writer's own aside
    ("I pointed out to him ..."; the first person inside a quotation is the speaker's, and allowed), not
    an embedded post ("... https://t.co/x — Jane Roe (@jroe) November 30, 2017", dated by its stamp)."""
    if len(text.split()) < MIN_LINE_WORDS or text.rstrip(' "”’').endswith("?") or EMBEDDED.search(text):
        return False
    return not FIRST_PERSON.search(QUOTED.sub(" ", text))


def claim_line(claim: Claim, by_id: dict[str, Article], sources: dict[str, str],
                support: list[Support] | None = None) -> dict[str, Any]:  # fmt: skip
    support = support or claim.support
    if claim.agrees:  # cite only the sentences that state the claim itself, not merely its topic
        stating = {(s.article, s.sentence) for s, ok in zip(claim.support, claim.agrees, strict=True) if ok}
        support = [s for s in support if (s.article, s.sentence) in stating] or support
    shown = next((s for s in support if by_id[s.article].text[s.start : s.end] == claim.text), support[0])
    text = without_dateline(by_id[shown.article].text[shown.start : shown.end])
    if shown.stance != "asserted" and shown.speaker and not _names(shown.speaker, text):
        text = f"{shown.speaker}: {text}"  # the sentence is someone's words but does not say whose
    citations: list[dict[str, Any]] = []
    seen: set[str] = set()
    for s in support:
        if sources[s.article] not in seen and len(citations) < MAX_CITATIONS:
            seen.add(sources[s.article])
            citations.append({"article": s.article, "sentence": s.sentence})
    independent = len({sources[s.article] for s in support})
    label = "corroborated" if independent > 1 else "single source"
    hedged = {s.stance for s in support}  # of the sentences that state it
    if hedged == {"hedged"}:
        label += ", hedged"
    elif "hedged" in hedged:
        label += ", hedged by some"
    return {"text": text, "kind": "claim", "label": label, "sources": independent, "claims": [claim.id],
            "citations": citations}  # fmt: skip
