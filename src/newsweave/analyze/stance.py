"""The stance of every sentence: asserted, attributed, hedged or denied, with its cue and holder.

- denied: a party denies or rejects it ("Tehran denied ...", "dismissed the
  report as ...", "rejected claims that ..."), or says with a doubtful cue
  that it is not so ("claimed it does not violate the treaty"); the holder
  is the denier.
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

from newsweave.lexicon import DETERMINERS, PRONOUNS
from newsweave.model import Quote, Sentence, Stance

DENIAL_CUES = {"denied", "denies", "deny", "denying", "rejected", "rejects", "reject", "rejecting", "refuted",
               "refutes", "refute", "dismissed", "dismisses", "dismiss", "rebuffed", "disputed", "disputes",
               "contested", "contradicted", "rebutted", "rebuts", "rebut"}  # fmt: skip
HEDGE = re.compile(
    r"\b(?:allegedly|alleged|reportedly|purportedly|supposedly|apparently|ostensibly|unconfirmed|unverified|"
    r"speculates?|speculated|"
    r"(?:is|are|was|were) said to|(?:is|are|was|were) believed to|(?:is|are|was|were) thought to|"
    r"(?:is|are|was|were) reported to|it is claimed|it was claimed|claims? that|allegations? that|rumou?rs?|"
    r"unclear (?:if|whether)|(?:might|may|could) have been|appear(?:s|ed)? (?:to|headed|poised|set|likely)|"
    r"according to (?:unconfirmed |initial |early )?reports|there (?:were|are|have been) (?:unconfirmed )?reports)\b",
    re.IGNORECASE,
)
# What a denial cue must be followed by to deny a statement rather than refuse something ("denied him
# entry", "denied the motion", "dismissed the case"): a clause, a statement noun, or nothing at all
# ("..., which Tehran denied.").
_STATEMENT_NOUNS = (
    r"(?:reports?|claims?|allegations?|accusations?|charges?|suggestions?|notion|idea|assertions?|rumou?rs?|"
    r"stor(?:y|ies)|account|assessment|findings?|wrongdoing|involvement|responsibility|knowledge|links?|role|"
    r"existence|speculation|criticism|controversy)\b"
)
_DENIED_STATEMENT = re.compile(
    r"\s*(?:(?:ever|strongly|flatly|categorically|vehemently|repeatedly|firmly|again|also|publicly|previously|"
    r"earlier|any|all)\s+)*"
    r"(?:that\b|having\b|being\b|[a-z]+ing\b|it\b|this\b|these\b|those\b|them\s*(?:[.,;!]|$)|[.,;!]|$|"
    r"(?:(?:the|a|an|such|their|his|her|its|these|those|media|press|western|[\w-]+['’]s)\s+(?:[\w'’-]+\s+){0,3}?)?"
    + _STATEMENT_NOUNS
    + r"|(?:[A-Z][\w-]+|he|she|they|we|I)\s+(?:\w+\s+)?(?:is|was|were|are|had|has|have|did|does|would|will|could)\b)"
)
# Where the clause holding a denier starts, and the words between the denier and the cue.
_CLAUSE_START = re.compile(r"[\u2014;:]|\s-\s|\b(?:but|while|although|though)\b", re.IGNORECASE)
_AUXILIARIES = {"have", "has", "had", "also", "again", "still", "did", "does", "do", "would", "will", "both"}
# "was denied a permit", "had been dismissed": something done to someone, not a statement denied.
# "a disputed report", "the contested seat": the cue is an adjective.
_DETERMINER = re.compile(rf"\b(?:{'|'.join(sorted(DETERMINERS))})\s+$", re.IGNORECASE)
_PASSIVE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+$", re.IGNORECASE)
# A sentence that ends by naming who said it: "..., a police source said." / "..., police say."
_SAID_TAIL = re.compile(
    r",\s+(?:(?:a|an|the)\s+)?(?P<holder>(?:[\w.'’-]+\s+){0,4}?[\w.'’-]+)\s+(?P<cue>said|says|told reporters|added)\s*[.!]?\s*$"
)
# Words that make "..., though none have been said" a clause of the sentence, not its source.
_NOT_A_SOURCE = {"been", "be", "is", "are", "was", "were", "has", "have", "had", "not", "no", "it", "that", "which",
                 "who"}  # fmt: skip
# A doubtful cue followed by a negated clause is the speaker's denial: "insisted he had not known".
_NEGATED_CLAUSE = re.compile(
    r"\s+(?:that\s+)?(?:[\w'’-]+\s+){1,3}?(?:not|never|no)\b|\s+(?:[\w'’-]+\s+){0,2}?\w+n['’]t\b"
)
# "claimed he isn't afraid to shut down the government": a negated attitude states a stance, it denies nothing.
_ATTITUDE = re.compile(
    r"\s+(?:be\s+|been\s+)?(?:afraid|worried|concerned|scared|ashamed|sorry|surprised|happy|opposed|interested|"
    r"ready|willing|eager|reluctant|going|trying|planning)\b",
    re.IGNORECASE,
)
DOUBTFUL_CUES = {"claimed", "claims", "claim", "alleged", "alleges", "allege", "insisted", "insists", "asserted",
                 "asserts", "purported"}  # fmt: skip


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
        uses = re.finditer(rf"\b{re.escape(quote.cue)}\b", words) if quote.cue else iter(())
        if any(_denies_a_statement(words, m) for m in uses):
            return Stance("denied", quote.cue, quote.speaker)
    # ``own`` blanks the quoted words but keeps offsets: what follows a cue is read in ``words``
    denial = next((m for m in re.finditer(r"[A-Za-z]+", own) if _denies_a_statement(words, m)), None)
    if denial:
        subject = _subject_before(own[: denial.start()])
        if subject and subject.lower() in PRONOUNS and quotes:
            subject = None  # "he denied": the quote's speaker, resolved, says who
        # the denial's own subject ("Russia has denied ..., and Ryabkov said talks stalled"), else the quote's speaker
        holder = subject or (quotes[0].speaker if quotes else None)
        return Stance("denied", denial.group(0), holder)
    for quote in quotes:
        if quote.cue and quote.cue.lower() in DOUBTFUL_CUES:
            negated = negated_clause(words, quote.cue)
            if negated and not _ATTITUDE.match(words, negated.end()):  # "claimed it does not violate the treaty"
                return Stance("denied", quote.cue, quote.speaker)
            return Stance("hedged", quote.cue, quote.speaker)
    hedge = HEDGE.search(words)
    if hedge:
        return Stance("hedged", hedge.group(0), quotes[0].speaker if quotes else None)
    if quotes:
        return Stance("attributed", quotes[0].cue, quotes[0].speaker)
    tail = _SAID_TAIL.search(words)  # "..., a police source said." with no quotation the quote finder took
    if tail and not _NOT_A_SOURCE & set(tail.group("holder").lower().split()):
        return Stance("attributed", tail.group("cue"), tail.group("holder"))
    return Stance("asserted", None, None)


def negated_clause(text: str, cue: str) -> re.Match[str] | None:
    """The negated clause a doubtful cue opens ("claimed it does not violate the treaty"), if it opens one."""
    found = re.search(rf"\b{re.escape(cue)}\b", text)
    return _NEGATED_CLAUSE.match(text, found.end()) if found else None


def _denies_a_statement(words: str, cue: re.Match[str]) -> bool:
    """A denial cue that denies something said, not one that refuses or withholds something."""
    before = words[max(0, cue.start() - 12) : cue.start()]
    if cue.group(0).lower() not in DENIAL_CUES or _PASSIVE.search(before) or _DETERMINER.search(before):
        return False
    return bool(_DENIED_STATEMENT.match(words, cue.end()))


def _subject_before(words: str) -> str | None:
    """'The transport ministry' before 'rejected': a short subject, without its article, taken from the last
    clause ("..., but family of the slain teen, who was hit ..., vehemently deny" -> "family of the slain teen")."""
    clause = _CLAUSE_START.split(words)[-1]
    clause = re.sub(r",\s*(?:who|which|whose)\b[^,]*,", " ", clause)  # a relative clause
    if clause.count(",") >= 2:  # an apposition or a participle: "Hunter Biden, acknowledging that ..., rejected"
        clause = clause.split(",", 1)[0]
    tokens = re.sub(r"^(?:the|a|an)\s+", "", clause.strip(" ,"), flags=re.IGNORECASE).split()
    while tokens and (tokens[-1].lower().endswith("ly") or tokens[-1].lower() in _AUXILIARIES):
        tokens.pop()  # "vehemently", "have", "also"
    return " ".join(tokens) if 0 < len(tokens) <= 5 else None
