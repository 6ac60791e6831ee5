"""The data model, in one place: what flows between the pipeline stages.

Every stage takes and returns these plain dataclasses, so that per-document
stages can be shipped to worker processes and the JSON contract
(docs/schema.md) is a direct projection of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Document:
    """One input as read: decoded text (or HTML) plus metadata given with it.

    ``fields`` holds metadata the input itself declared (JSONL "title",
    "outlet", ...); cleaning never overrides them with guesses.
    """

    id: str
    source: str
    format: str  # "text" | "html"
    content: str
    encoding: str | None = None
    fields: dict[str, str] = field(default_factory=dict)
    fallback: dict[str, str] = field(default_factory=dict)  # used only where nothing else is found (WARC capture date)


@dataclass(slots=True, frozen=True)
class ReadError:
    """An input that could not be read; reported, never fatal to the run."""

    source: str
    error: str

    def to_dict(self) -> dict[str, str]:
        return {"source": self.source, "error": self.error}


@dataclass(slots=True)
class Removed:
    """A piece of the input dropped by cleaning, and why (one of clean.REASONS)."""

    text: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        return {"text": self.text, "reason": self.reason}


@dataclass(slots=True, frozen=True)
class Sentence:
    """A sentence as character offsets into ``Article.text``: text[start:end]."""

    start: int
    end: int

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


@dataclass(slots=True)
class Entity:
    """One canonical entity of an article: its name, kind, roles and every mention's span."""

    canonical: str
    label: str
    roles: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.texts[0] if self.texts else self.canonical,
            "label": self.label,
            "canonical": self.canonical,
            "roles": self.roles,
            "spans": [list(span) for span in self.spans],
        }


@dataclass(slots=True)
class Quote:
    """Who said what: the quoted or reported text, its speaker and cue, offsets into Article.text."""

    article: str
    text: str
    speaker: str | None  # canonical name, a descriptive phrase ("hospital official"), or None
    speaker_span: tuple[int, int] | None  # where the speaker is named for this quote; None when inferred
    cue: str | None  # "said", "told", "according"; None for a continuation
    kind: str  # direct | indirect | partial
    start: int
    end: int
    quoted: list[tuple[int, int]] = field(default_factory=list)  # spans inside quotation marks, within start..end
    speaker_type: str = "unattributed"  # person | organisation | group | document | unattributed

    def to_dict(self) -> dict[str, Any]:
        return {
            "article": self.article,
            "speaker": self.speaker,
            "speaker_span": list(self.speaker_span) if self.speaker_span else None,
            "speaker_type": self.speaker_type,
            "text": self.text,
            "cue": self.cue,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "quoted": [list(span) for span in self.quoted],
        }


@dataclass(slots=True)
class Article:
    """A cleaned article: main text, what was removed, metadata it showed."""

    id: str
    source: str
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date, YYYY-MM-DD
    dateline: str | None = None
    agency: str | None = None
    url: str | None = None
    removed: list[Removed] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    duplicate_of: str | None = None
    entities: list[Entity] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[TimeExpression] = field(default_factory=list)
    stances: list[Stance] = field(default_factory=list)  # one per sentence
    analysed: bool = False  # analyze() has filled entities, quotes, quantities, dates and stances

    def sentence_text(self, index: int) -> str:
        s = self.sentences[index]
        return self.text[s.start : s.end]

    def to_dict(self, *, sentences: bool = False, analysis: bool = False) -> dict[str, Any]:
        """The article object of the JSON contract: sentences for ``extract``; analysis once analysed."""
        out: dict[str, Any] = {
            "id": self.id,
            "outlet": self.outlet,
            "url": self.url,
            "title": self.title,
            "author": self.author,
            "published": self.published,
            "dateline": self.dateline,
            "agency": self.agency,
            "text": self.text,
            "removed": [r.to_dict() for r in self.removed],
            "duplicate_of": self.duplicate_of,
        }
        if sentences or analysis:
            out["sentences"] = [s.to_dict() for s in self.sentences]
        if analysis:
            for sentence, stance in zip(out["sentences"], self.stances, strict=False):
                sentence.update(stance.to_dict())
            out["entities"] = [e.to_dict() for e in self.entities]
            out["quantities"] = [q.to_dict() for q in self.quantities]
            out["dates"] = [d.to_dict() for d in self.dates]
        return out


@dataclass(slots=True, frozen=True)
class Support:
    """One sentence that states a claim: where it is, how its outlet framed it, who it is attributed to."""

    article: str
    sentence: int
    start: int
    end: int
    stance: str
    speaker: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "sentence": self.sentence, "start": self.start, "end": self.end,
                "stance": self.stance, "speaker": self.speaker}  # fmt: skip


@dataclass(slots=True)
class Claim:
    """A proposition stated by one or more sentences; ``sources`` counts independent outlets (copies once)."""

    id: str
    text: str
    support: list[Support]
    outlets: list[str]
    sources: int
    agrees: list[bool] = field(default_factory=list)  # per support: it states the claim's own proposition

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "sources": self.sources, "single_source": self.sources == 1,
                "outlets": self.outlets, "support": [s.to_dict() for s in self.support]}  # fmt: skip


@dataclass(slots=True, frozen=True)
class Evidence:
    """A sentence on one side of a conflict."""

    article: str
    sentence: int
    text: str
    side: int  # 0 or 1: which side of the disagreement it stands on

    def to_dict(self) -> dict[str, Any]:
        return {"article": self.article, "sentence": self.sentence, "text": self.text, "side": self.side}


@dataclass(slots=True)
class Conflict:
    """Outlets disagree: kind is number | attribution | denial | framing | date."""

    kind: str
    description: str
    claims: list[str]
    evidence: list[Evidence]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "description": self.description, "claims": self.claims,
                "evidence": [e.to_dict() for e in self.evidence]}  # fmt: skip


@dataclass(slots=True)
class StoryInput:
    """One article as grouping sees it."""

    id: str
    title: str | None
    text: str
    published: str | None = None
    url: str | None = None
    duplicate_of: str | None = None


@dataclass(slots=True)
class Quantity:
    text: str
    value: float | None  # a single value
    low: float | None  # a range (vague amounts, "between", "more than")
    high: float | None
    unit: str | None  # USD, EUR, %, ...
    object: str | None  # what is counted: "people", "drones"
    role: str | None  # what the counted did or had done to it: "dead", "held", "march" (analyze.role_words)
    of: float | None  # "7 of 12": the whole
    approx: bool
    start: int
    end: int
    owner: str | None = None  # the name whose count it is: "the Nationals made a $160 million offer" -> Nationals
    restricted: bool = False  # the counted noun is narrowed to a part: "assault rifles", "wins coming by knockout"

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "value": self.value,
            "range": [self.low, self.high] if self.low is not None or self.high is not None else None,
            "unit": self.unit,
            "object": self.object,
            "role": self.role,
            "owner": self.owner,
            "restricted": self.restricted,
            "of": self.of,
            "approx": self.approx,
            "start": self.start,
            "end": self.end,
        }


@dataclass(slots=True)
class TimeExpression:
    text: str
    value: str | None  # ISO date, month ("2022-10") or year ("2022"); None when it cannot be placed
    kind: str  # absolute | relative | vague
    start: int
    end: int
    # lemmas of what the date places in time: "killed on Monday" -> ["kill"] (analyze.dates.dated_events)
    events: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "kind": self.kind, "start": self.start, "end": self.end,
                "events": list(self.events)}  # fmt: skip


@dataclass(slots=True)
class Stance:
    stance: str  # asserted | attributed | hedged | denied
    cue: str | None
    holder: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"stance": self.stance, "cue": self.cue, "holder": self.holder}
