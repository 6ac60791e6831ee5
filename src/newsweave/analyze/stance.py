"""The stance of every sentence: asserted, attributed, hedged or denied, with its cue and holder.

- denied: a party denies or rejects it ("Tehran denied ...", "dismissed the
  report as ...", "rejected claims that ..."); the holder is the denier.
- hedged: the outlet distances itself ("allegedly", "reportedly", "is said
  to", "it is claimed", "unconfirmed"), or attributes with a verb of doubt
  ("X claimed"); the holder is whoever it is attributed to, if anyone.
- attributed: the sentence reports what someone said (it holds a quote, or
  ends naming its source: "..., a police source said."); the holder is the speaker.
- asserted: the outlet states it in its own voice.

Denial outranks hedging, which outranks plain attribution: a denied or
hedged statement must never be read as a fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from newsweave.model import Quote, Sentence

DENIAL_CUES = {"denied", "denies", "deny", "denying", "rejected", "rejects", "reject", "rejecting", "refuted",
               "refutes", "refute", "dismissed", "dismisses", "dismiss", "rebuffed", "disputed", "disputes",
               "contested", "contradicted"}  # fmt: skip
HEDGE = re.compile(
    r"\b(?:allegedly|alleged|reportedly|purportedly|supposedly|apparently|ostensibly|unconfirmed|unverified|"
    r"(?:is|are|was|were) said to|(?:is|are|was|were) believed to|(?:is|are|was|were) thought to|"
    r"(?:is|are|was|were) reported to|it is claimed|it was claimed|claims? that|allegations? that|rumou?rs?|"
    r"so-called|unclear (?:if|whether)|(?:might|may|could) have been|appear(?:s|ed)? to (?:have|be)|"
    r"according to (?:unconfirmed |initial |early )?reports|there (?:were|are|have been) (?:unconfirmed )?reports)\b",
    re.IGNORECASE,
)
# "was denied a permit", "had been dismissed": something done to someone, not a statement denied.
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$", re.IGNORECASE)
# A sentence that ends by naming who said it: "..., a police source said." / "..., police say."
_SAID_TAIL = re.compile(
    r",\s+(?:(?:a|an|the)\s+)?(?P<holder>(?:[\w.'’-]+\s+){0,4}?[\w.'’-]+)\s+(?P<cue>said|says|told reporters|added)\s*[.!]?\s*$"
)
# Words that make "..., though none have been said" a clause of the sentence, not its source.
_NOT_A_SOURCE = {
    "been",
    "be",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "not",
    "no",
    "it",
    "that",
    "which",
    "who",
}
DOUBTFUL_CUES = {"claimed", "claims", "claim", "alleged", "alleges", "allege", "insisted", "insists", "asserted",
                 "asserts", "purported"}  # fmt: skip


@dataclass(slots=True)
class Stance:
    stance: str  # asserted | attributed | hedged | denied
    cue: str | None
    holder: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"stance": self.stance, "cue": self.cue, "holder": self.holder}


def sentence_stances(text: str, sentences: list[Sentence], quotes: list[Quote]) -> list[Stance]:
    """One Stance per sentence, in order."""
    out = []
    for sentence in sentences:
        inside = [q for q in quotes if q.start < sentence.end and sentence.start < q.end]
        # the sentence's own words: what lies outside the quoted or reported content
        own = "".join(
            " " if any(q.start <= i < q.end for q in inside) else text[i] for i in range(sentence.start, sentence.end)
        )
        out.append(_stance(text[sentence.start : sentence.end], own, inside))
    return out


def _stance(words: str, own: str, quotes: list[Quote]) -> Stance:
    for quote in quotes:
        if quote.cue and quote.cue.lower() in DENIAL_CUES and not _passive(words, quote.cue):
            return Stance("denied", quote.cue, quote.speaker)
    denial = next(
        (
            m
            for m in re.finditer(r"[A-Za-z]+", own)
            if m.group(0).lower() in DENIAL_CUES and not _PASSIVE.search(own[max(0, m.start() - 12) : m.start()])
        ),
        None,
    )
    if denial:
        holder = quotes[0].speaker if quotes else _subject_before(own[: denial.start()])
        return Stance("denied", denial.group(0), holder)
    for quote in quotes:
        if quote.cue and quote.cue.lower() in DOUBTFUL_CUES:
            return Stance("hedged", quote.cue, quote.speaker)
    hedge = HEDGE.search(words)
    if hedge:
        return Stance("hedged", hedge.group(0), quotes[0].speaker if quotes else None)
    if quotes:
        return Stance("attributed", quotes[0].cue, quotes[0].speaker)
    tail = _SAID_TAIL.search(words)
    if tail and not _NOT_A_SOURCE & set(
        tail.group("holder").lower().split()
    ):  # "..., a police source said." with no quotation the quote finder took
        return Stance("attributed", tail.group("cue"), tail.group("holder"))
    return Stance("asserted", None, None)


def _passive(words: str, cue: str) -> bool:
    """Every use of the cue in the sentence is passive ("had been dismissed")."""
    uses = [m.start() for m in re.finditer(rf"\b{re.escape(cue)}\b", words)]
    return bool(uses) and all(_PASSIVE.search(words[max(0, i - 12) : i]) for i in uses)


def _subject_before(words: str) -> str | None:
    """'The transport ministry' before 'rejected': a short subject, without its article."""
    tokens = re.sub(r"^(?:the|a|an)\s+", "", words.strip(), flags=re.IGNORECASE).split()
    return " ".join(tokens) if 0 < len(tokens) <= 5 else None
