"""Who said what: direct, partial and indirect quotes with their speakers.

Direct and partial quotes start from the quotation marks in the text
(straight, curly, guillemets; a quote left open at a paragraph's end that
the next paragraph reopens runs on). Each quotation is tied to a cue verb
("said", "told", "warned", "according to") in its sentence through
spaCy's dependency parse, and the cue's subject is the speaker:

- a name, or a title + name, resolves to the person's canonical name;
- "he"/"she" resolves to the nearest preceding person (the last speaker
  first), "they"/"it" to the nearest organisation or place;
- a role noun ("the spokesman said") resolves to the person the article
  gave that role, an organisation noun ("the ministry") to the named
  organisation it abbreviates;
- organisations and governments speak for themselves ("the White House
  said", "Tehran denied").

A quotation with no cue continues the previous speaker when it follows
closely. A short quoted fragment inside a sentence with a cue is a partial
quote ('called it a "desperate alliance"'); without a cue it is a scare
quote or a title, not speech. Indirect speech is a cue verb's clausal
complement ("X said (that) ...", "X denied ...", "according to X, ...").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from newsweave.analyze.entities import LEADING_CUES, ROLE_NOUNS, Mention, full_name
from newsweave.analyze.quotations import Quotations, Span, dash_attribution, paragraph_end, transcript_turns
from newsweave.analyze.quote_words import (
    CONTENT_PREPOSITIONS,
    INVERTED_CUES,
    NOT_SAYING,
    NOT_SOURCES,
    OBJECT_CUES,
    PERSON_PRONOUNS,
    PUT_IT_VERBS,
    QUESTION_WORDS,
    QUOTED_CUES,
    REPORTING_NOUNS,
    SOURCE_NOUNS,
    SPEECH,
)
from newsweave.analyze.speakers import SpeakerResolver, speaker_type
from newsweave.lexicon import PRONOUNS
from newsweave.model import Quote
from newsweave.newstext import parse_dateline

if TYPE_CHECKING:  # spaCy is imported only where a model runs
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SentenceSpan

# Entity types that never speak (a parse that makes "Monday" a subject of "said" has gone wrong).
INVERTED_SUBJECT_DEPS = {"nsubj", "dobj", "npadvmod", "attr", "appos", "dative", "oprd"}
# A cue's dependents that carry what was said (a partial quote inside one is reported with all of it).
CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp", "dative"}
# A noun's modifiers: a quotation of one or two such words before its noun labels it ('"kamikaze" drones').
MODIFIER_DEPS = {"amod", "compound", "nmod", "nummod", "poss"}
# What else an attribution "as" clause holds: "as he [previously] noted", "as she has said before".
AS_CLAUSE_DEPS = {"mark", "nsubj", "advmod", "npadvmod", "aux", "punct"}
# ... and the prepositions that tell where and when it was said ("as he said in a statement on Monday").
WHERE_AND_WHEN = {"in", "on", "at", "during", "after", "before", "since", "last", "earlier"}
NAME_BEFORE_CUE_CHARS = 120  # '"...," Name, a title of some words, said': the name is this close to the cue
CONTINUATION_CHARS = 600  # a cue-less quotation this close after a quote continues its speaker
# A line's heading before a dash and the name of who speaks: 'POLLS NOT WRONG, JUST EARLY - Mark Blumenthal: "..."'.
HEADING_DASH = re.compile(r"\s(?:-|--|—|–)\s*$")
MAX_PARENTHESIS_TOKENS = 8  # "(D-MA)", "(R-Texas)", "(left)": a party, a state or a place between a name and its cue


@dataclass(slots=True)
class _Candidate:
    """A quote found but not yet attributed: attribution runs in text order."""

    kind: str
    text: str
    start: int
    end: int
    cue: Token | None  # the cue token, None for a continuation
    subject: Token | None
    offset: int
    quoted: list[tuple[int, int]]  # the words inside quotation marks, within start..end
    turn_of: str | None = None  # a transcript turn's speaker ("Pence" for "PENCE:")


def _can_speak(subject: Token) -> bool:
    """Whether a cue's subject can be a source: a name, a pronoun, a person, a body, or a document."""
    if subject.pos_ == "PRON":
        return subject.lower_ not in ("it", "this", "that", "which", "what") or subject.dep_ == "nsubj"
    if subject.ent_type_ in NOT_SOURCES:
        return False  # "Monday said ...": a parse gone wrong, not a source
    if subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    if subject.text[:1].isupper() and subject.is_alpha and subject.pos_ not in ("VERB", "AUX"):
        return True  # a name the tagger took for a noun or an adverb ("Alves said", "Reilly said")
    words = {subject.lemma_.lower(), subject.lower_}
    words |= {w + "s" for w in words}  # "protester" speaks as "protesters" do
    if any(c.dep_ == "appos" and (c.pos_ == "PROPN" or c.ent_type_ == "PERSON") for c in subject.children):
        return True  # "Lead author Dr. Sofia Marek noted ...": a noun with a name beside it
    return bool(words & ROLE_NOUNS or words & SOURCE_NOUNS)


def _cue_subject(cue: Token) -> Any | None:
    """The subject of a cue verb; for 'adding that ...' or a conjoined verb, the speaking verb's subject; the owner
    of a noun of saying ("her remark that ...")."""
    if cue.pos_ == "NOUN":
        return next((c for c in cue.children if c.dep_ == "poss"), None)
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    # the nearest: '"My reaction, that was outrageous," the strategist said' parses "reaction" as a subject too
    own = min(subjects, key=lambda c: abs(c.i - cue.i)) if subjects else None
    if own is not None and own.dep_ == "nsubjpass" and cue.lemma_.lower() not in QUOTED_CUES:
        # 'Sanders was asked by host Bill Maher, "..."': the agent speaks; 'Sanders was told' names no speaker
        agent = next((c for c in cue.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    own = _person_in_apposition(own) if own is not None else None  # "her adviser, Jake Sullivan, said"
    if own is None and cue.i > 0:
        before = cue.doc[cue.i - 1]
        if (
            before.head.i == cue.i
            and before.text[:1].isupper()
            and before.is_alpha
            and not before.is_stop  # "Now tell ...": a sentence's first word, not a name
            and before.dep_ in ("advmod", "npadvmod", "nmod")
        ):
            return before  # "Reilly said ...", with the name mis-tagged as an adverb
        named = _person_just_before(cue)
        if named is not None:
            return named  # "at the convention Sen. Elizabeth Warren (D-MA) said ...", the name parsed into the place
    if own is None and cue.lemma_.lower() in INVERTED_CUES:
        after = next((c for c in cue.rights if c.dep_ in INVERTED_SUBJECT_DEPS), None)
        if (
            after is not None
            and not any(t.is_punct for t in cue.doc[cue.i + 1 : after.left_edge.i])  # unbroken
            and after.pos_ in ("PROPN", "NOUN")
            and _can_speak(after)  # not 'said Thursday morning'
        ):
            return after  # 'said doctor Jane Roe to AFP', 'added the doctor'
        following = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
        if following is not None and following.pos_ == "PROPN" and cue.head.i == following.i:
            return following  # 'Said Ellis: "..."', parsed as a compound of the name
    if own is None and cue.dep_ == "acl" and cue.head.pos_ in ("PROPN", "NOUN") and _can_speak(cue.head):
        return cue.head  # 'footage of Hillary Clinton asking, "..."': the one the participle describes
    if own is not None or cue.dep_ not in ("advcl", "conj", "xcomp", "pcomp", "acl"):
        return own
    fallback = None
    for ancestor in cue.ancestors:
        subject = next((c for c in ancestor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            continue
        if _is_cue(ancestor):
            return subject  # the verb of saying this participle hangs from, however far up
        fallback = fallback or subject
    return fallback


def _person_just_before(cue: Token) -> Any | None:
    """A person's name right before a cue verb, past a parenthesis or an apposition's comma ("Warren (D-MA) said",
    "her adviser, Jake Sullivan, said"): the cue's speaker whatever the parse made of the name."""
    i = cue.i - 1
    if i >= 0 and cue.doc[i].text == ",":  # 'her adviser, Jake Sullivan, said': the comma closing an apposition
        if cue.tag_ == "VBG":
            return None  # 'went after Bush, calling him ...': a participle after a comma is the clause's
        i -= 1
    if i >= 0 and cue.doc[i].text == ")":
        while i >= 0 and cue.doc[i].text != "(" and cue.i - i <= MAX_PARENTHESIS_TOKENS:
            i -= 1
        if i < 0 or cue.doc[i].text != "(":
            return None  # a long parenthesis is a clause of its own, not a name's label
        i -= 1
    token = cue.doc[i] if i >= 0 else None
    return token if token is not None and token.ent_type_ == "PERSON" else None


def _according_to(sentence: SentenceSpan) -> tuple[Any, Any] | None:
    """('according' token, the pobj naming the source) in 'according to X'."""
    for token in sentence:
        if token.lower_ == "according":
            for child in token.children:
                if child.lower_ == "to":
                    for grandchild in child.children:
                        if grandchild.dep_ == "pobj":
                            return token, grandchild
    return None


def _is_cue(token: Token) -> bool:
    if token.lemma_.lower() in PUT_IT_VERBS:
        return _as_attribution(token)  # "as Ms. Simonyan put it"
    return token.lemma_.lower() in SPEECH and token.pos_ in ("VERB", "AUX") and token.dep_ != "amod"


def _as_attribution(token: Token) -> bool:
    """'As the mayor said on Monday, ...', 'as Ms. Simonyan put it, ...': an "as" clause crediting its host
    clause to a speaker of its own. Its verb takes nothing but where and when it was said (and whom it was
    told): 'as she called for ratification', 'as Freddy joked with his friend' tell of a time, 'as predicted'
    names no one, 'as he said he would' is a clause of its own."""
    if token.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
        return False
    lemma = token.lemma_.lower()
    has_subject = False
    for child in token.children:
        if child.dep_ == "nsubj":
            has_subject = True
        elif child.dep_ == "prep":
            if child.lower_ not in WHERE_AND_WHEN:
                return False
        elif child.dep_ in ("dobj", "dative"):
            if not (lemma == "tell" or (lemma in PUT_IT_VERBS and child.lower_ == "it")):
                return False
        elif child.dep_ not in AS_CLAUSE_DEPS:
            return False
    return has_subject and (lemma not in PUT_IT_VERBS or any(c.lower_ == "it" for c in token.children))


def _interrupting(cue: Token) -> bool:
    """A cue whose host clause is what was said: 'The delay, Ruiz said, was ...', 'As Ruiz said, the delay ...'."""
    return (cue.dep_ == "parataxis" or _as_attribution(cue)) and cue.head.pos_ in ("VERB", "AUX")


class QuoteFinder:
    """Quotes of one article, chunk by chunk in text order; speakers are resolved as it goes."""

    def __init__(self, article_id: str, text: str) -> None:
        self.article_id = article_id
        self.text = text
        self.quotations = Quotations(text)
        self.turns = transcript_turns(text)
        self.resolver = SpeakerResolver()
        self.quotes: list[Quote] = []

    def add_chunk(self, offset: int, doc: Doc, found: list[Mention]) -> None:
        """Find and attribute the quotes of one parsed chunk (``found``: its mentions)."""
        self.resolver.add(found)
        chunk = self.quotations.between(offset, offset + len(doc.text))
        turns = [
            _Candidate("direct", self.text[start:end], start, end, None, None, offset, [(start, end)], label)
            for label, start, end in self.turns
            if offset <= start < offset + len(doc.text)
        ]
        direct = [
            c for c in _direct(self.text, doc, offset, chunk, self.quotations) if not _overlaps_any(c, turns)
        ] + turns
        candidates = sorted(
            direct + _indirect(self.text, doc, offset, self.quotations, direct), key=lambda c: (c.start, c.end)
        )
        resolver = self.resolver
        for c in candidates:
            if not c.text.strip():
                continue  # nothing left of the content once trimmed
            speaker = speaker_span = label = None
            if c.turn_of is not None:  # a transcript's "PENCE:" names the speaker of its turn
                speaker = full_name(c.turn_of, resolver.full_names) or c.turn_of
                label = "PERSON"
            elif c.subject is not None:
                speaker, speaker_span, label = resolver.speaker(c.subject, c.offset, c.cue)
            elif c.cue is None and resolver.last and c.start - resolver.last[2] <= CONTINUATION_CHARS:
                speaker, label = resolver.last[0], resolver.last[1]
            resolver.remember(speaker, label, c.end)
            cue = c.cue.text if c.cue is not None else None
            kind_of_source = speaker_type(speaker, label, c.subject if c.turn_of is None else None)
            self.quotes.append(
                Quote(
                    self.article_id, c.text, speaker, speaker_span, cue, c.kind, c.start, c.end, c.quoted,
                    kind_of_source,
                )
            )  # fmt: skip


def _overlaps_any(candidate: _Candidate, others: list[_Candidate]) -> bool:
    return any(o.start < candidate.end and candidate.start < o.end for o in others)


def _direct(text: str, doc: Doc, offset: int, spans: list[Span], quotations: Quotations) -> list[_Candidate]:
    out: list[_Candidate] = []
    i = 0
    while i < len(spans):
        group = [spans[i]]
        # a quotation over several paragraphs, or split by its attribution: "We urge," he said, "that ..."
        while i + 1 < len(spans) and (
            group[-1].runs_on or _attribution_between(text, doc, offset, group[-1], spans[i + 1])
        ):
            group.append(spans[i + 1])
            i += 1
        i += 1
        first, last = group[0], group[-1]
        content = " ".join(text[s.start : s.end] for s in group)
        sentence = _sentence_of(doc, offset, first.start, last.end)
        if sentence is None:
            continue
        cue = _nearest_cue(sentence, offset, first, last, quotations)
        if _embedded(text, sentence, offset, first):
            if cue is None:
                cue = _characterising_verb(doc, offset, first) or _reporting_noun(doc, offset, first)
            # inside a sentence, a title may take the sentence's full stop: 'on "Fox and Friends."'
            if cue is None or _modifier_only(doc, offset, first, last) or _title_like(content.rstrip(".,")):
                continue  # a scare quote, a quoted title or a quoted label, not speech
            kind = "partial"
        else:
            follows_quote = bool(out) and "\n" not in text[out[-1].end : first.start]
            if cue is None and (_title_like(content) or (len(content.split()) < 3 and not follows_quote)):
                continue  # a quoted title or name, not speech
            kind = "direct"
        subject = None
        before = _token_before(doc, offset, first) if kind == "direct" else None
        named = _name_heading(text, offset, before) if before is not None and before.text == ":" else None
        if named is not None:  # 'Kasich: "..."', 'Pollsters agree - Carl Bialik: "..."': whatever verb is before
            cue, subject = None, named
        elif cue is None and kind == "direct" and (introduced := _introducer(text, doc, offset, first)):
            cue, subject = introduced  # 'Scott added: "..."', 'Sanders made this comment: "..."'
        elif cue is not None:
            if cue.lower_ == "according":
                source = _according_to(sentence)
                subject = source[1] if source else None
            else:
                subject = _cue_subject(cue) or _name_before_cue(text, doc, offset, last, cue)
                if subject is not None and any(q.start <= offset + subject.idx < q.end for q in group):
                    subject = None  # 'heard "more than a few" ... encourage protesters': a quotation names no speaker
        quoted = [(s.start, s.end) for s in group]
        start, end = first.start, last.end
        if (
            kind == "partial"
            and cue is not None
            and (clause := _attributed_clause(text, doc, sentence, offset, cue, first))
        ):
            if clause[0].i != cue.i:  # the cue further up that reports the clause speaks
                cue, subject = clause[0], _cue_subject(clause[0])
            start, end = clause[1]
            content = text[start:end]
            quoted = [(q.start, q.end) for q in quotations.between(start, end) if q.end <= end]
            previous = out[-1] if out else None
            if (
                previous is not None
                and previous.cue is not None
                and cue is not None
                and previous.cue.i == cue.i
                and previous.offset == offset
                and previous.start < end
            ):
                # a second quoted fragment of one reported clause: 'engage in "more listening" and "more learning"'
                previous.start, previous.end = min(start, previous.start), max(end, previous.end)
                previous.text = text[previous.start : previous.end]
                previous.quoted = sorted(set(previous.quoted) | set(quoted))
                continue
        out.append(_Candidate(kind, content, start, end, cue, subject, offset, quoted))
    return out


def _introducer(text: str, doc: Doc, offset: int, first: Span) -> tuple[Any | None, Any] | None:
    """(cue or None, speaker token) of a cue-less quotation introduced by the clause before it.

    Either a clause ending in a colon, in the same paragraph or closing the one before ('Scott added: "..."',
    'Said Ellis: "..."', 'Sanders made the following comment: "..."') or, in the same paragraph, a sentence
    just before the quotation whose subject is a named person or a personal pronoun ('Sanders identified X as
    Y. "The younger ..."').
    """
    dash = dash_attribution(text, first.start - 1)
    if dash is not None:  # '— Jane Roe "..."'
        name = doc.char_span(dash[0] - offset, dash[1] - offset, alignment_mode="expand")
        return (None, name.root) if name else None
    before = _token_before(doc, offset, first)
    if before is None:
        return None
    colon = before.text == ":"
    if "\n" in text[offset + before.idx : first.start] and not colon:
        return None  # the quotation opens its paragraph, and the paragraph before does not announce it
    root = before.head if colon and _is_cue(before.head) else before.sent.root  # "and X responded:"
    if colon and _is_cue(root):
        subject = _cue_subject(root)
        subject = _person_in_apposition(subject) if subject is not None else None
        return (root, subject) if subject is not None and _can_speak(subject) else None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    subject = _person_in_apposition(subject)
    if not _can_speak(subject):
        return None
    person = subject.ent_type_ == "PERSON" or subject.lower_ in PERSON_PRONOUNS
    return (None, subject) if colon or (person and before.is_sent_end) else None


def _token_before(doc: Doc, offset: int, first: Span) -> Any | None:
    """The token before a quotation's opening mark, past a paragraph break; None at the chunk's start."""
    opening = doc.char_span(first.start - 1 - offset, first.start - offset, alignment_mode="expand")
    if not opening or opening[0].i == 0:
        return None
    i = opening[0].i - 1
    while i > 0 and doc[i].is_space:  # the paragraph break before a quotation that opens its paragraph
        i -= 1
    return doc[i]


def _name_heading(text: str, offset: int, colon: Token) -> Any | None:
    """The first person of a line that opens with names and a colon before a quotation: 'Kasich: "..."',
    'Mark Blumenthal and Jon Cohen: "..."', 'HEADING - Michael P. McDonald: "..."'. Not 'He told Smith:'."""
    doc, i = colon.doc, colon.i - 1
    first = None
    while i >= 0 and doc[i].ent_type_ == "PERSON":
        while i > 0 and doc[i].ent_iob_ == "I":
            i -= 1
        first, i = doc[i], i - 1
        if i > 0 and doc[i].lower_ == "and" and doc[i - 1].ent_type_ == "PERSON":
            i -= 1  # 'Frank Newport and Jim Harter:'
        else:
            break
    if first is None:
        return None
    if first.lower_ in LEADING_CUES and first.i + 1 < colon.i:
        first = doc[first.i + 1]  # 'Stated Stone:', the verb tagged as part of the name
    start = offset + first.idx
    heading = text[text.rfind("\n", 0, start) + 1 : start]
    return first if not heading.strip() or HEADING_DASH.search(heading) else None


def _person_in_apposition(subject: Token) -> Any:
    """'His former partner at Lenox, Lawrence B. Cummings, called him ...', 'her adviser, Jake Sullivan, said:': the
    name in apposition is the person; else the subject itself."""
    return next((t for t in subject.subtree if t.dep_ == "appos" and t.ent_type_ == "PERSON"), subject)


def _name_before_cue(text: str, doc: Doc, offset: int, last: Span, cue: Token) -> Any | None:
    """'"...," Flynn, a top Trump surrogate, said': the name between the closing mark and a subjectless cue."""
    if not 0 < offset + cue.idx - last.end <= NAME_BEFORE_CUE_CHARS:
        return None
    between = doc.char_span(last.end + 1 - offset, cue.idx, alignment_mode="contract")
    return next((t for t in between or [] if t.pos_ == "PROPN" and _can_speak(t)), None)


def _characterising_verb(doc: Doc, offset: int, first: Span) -> Any | None:
    """A verb whose source characterises something in quoted words: 'PolitiFact rated the claims as "false"',
    'Trump admires Putin as a "strong leader"'. The quotation must be what the verb takes, its subject a source."""
    for child, head in pairwise(_path_up(doc, offset, first)):
        if head.pos_ == "VERB":
            subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                subject = _person_in_apposition(subject)  # 'Another critic, Laurence H. Tribe, likened ...'
            named = subject is not None and (subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"))
            return head if named and _says_what(child) else None
    return None


def _reporting_noun(doc: Doc, offset: int, first: Span) -> Any | None:
    """A noun of saying whose that-clause holds the quotation and whose owner can speak: 'her remark that "there's
    a special place in hell ..."', "Trump's claim that the vote was "rigged"". Without an owner ("the claim that
    ...") no one is quoted."""
    for child, head in pairwise(_path_up(doc, offset, first)):
        if head.pos_ == "NOUN" and head.lemma_.lower() in REPORTING_NOUNS and _reported_clause(child):
            owner = _cue_subject(head)
            return head if owner is not None and _can_speak(owner) else None
    return None


def _reported_clause(token: Token) -> bool:
    """A clause that a noun reports: 'remark [that there's ...]' (not a relative clause, 'the remark that he made')."""
    return token.dep_ == "acl" and any(c.dep_ == "mark" and c.lower_ == "that" for c in token.children)


def _path_up(doc: Doc, offset: int, first: Span) -> list[Any]:
    """The quotation's root token and its ancestors, innermost first (empty when it has no tokens)."""
    inside = doc.char_span(first.start - offset, first.end - offset, alignment_mode="expand")
    return [inside.root, *inside.root.ancestors] if inside else []


def _attributed_clause(
    text: str, doc: Doc, sentence: SentenceSpan, offset: int, cue: Token, first: Span
) -> tuple[Any, tuple[int, int]] | None:
    """(cue, span) of the whole reported content around a partial quote: the cue's complement that holds it.

    'McCaul said her presidency could create a "constitutional crisis"' → 'her presidency could create a
    "constitutional crisis"'; 'called the senator a "nasty guy"' → 'the senator a "nasty guy"'. When the
    nearest cue does not take the quotation as what was said ('said the ad "wrongfully" suggests ...'), a
    cue further up may ('said'). None when none does (the quotation is then the content alone).
    """
    if cue.lower_ == "according":
        found = _reported(cue, sentence, offset)
        span = _trim(text, *found[0]) if found else None
        return (cue, span) if span and span[0] < span[1] else None
    clause = next((c for c in cue.children if _reported_clause(c)), None) if cue.pos_ == "NOUN" else None
    if clause is not None:  # 'her remark that "..."': the clause the noun reports, without its "that"
        tokens = _without_complementizer(list(clause.subtree))
        start, end = _trim(text, *_within_paragraph(text, offset + cue.idx, *_extent(tokens, offset)))
        return (cue, (start, max(end, first.end + 1))) if start <= first.start else None
    if _interrupting(cue) and (found := _reported(cue, sentence, offset)):
        # 'The delay, Ruiz said, was "entirely avoidable"': the host clause the attribution interrupts
        start, end = _trim(text, *_within_paragraph(text, offset + cue.idx, *found[0]))
        return (cue, (start, end)) if start <= first.start and first.end <= end + 1 else None
    above = {a.i for a in cue.ancestors}
    takers = [
        (child, head)
        for child, head in pairwise(_path_up(doc, offset, first))
        if (head.i == cue.i or (head.i in above and _is_cue(head))) and _says_what(child)
    ]
    if not takers:
        return None
    child, cue = takers[0]
    if len(takers) > 1 and _speaker_unnamed(cue):
        child, cue = takers[1]  # 'urged Americans to check out what he called Machado's "sex tape"': the
        # outer cue's clause holds all its speaker said, and names the speaker the inner "he" stands for
    same_side = [c for c in cue.children if _says_what(c) and (c.i > cue.i) == (child.i > cue.i)]
    if child.dep_ == "ccomp":  # 'told a town hall that ...': whom it was told is not what was said
        same_side = [c for c in same_side if c.dep_ == "ccomp"]
    tokens = [t for c in same_side for t in (_without_complementizer(list(c.subtree))[0], c.right_edge)]
    begin = offset + min(t.idx for t in tokens)
    last = max(tokens, key=lambda t: t.i)
    start, end = _within_paragraph(text, offset + cue.idx, begin, offset + last.idx + len(last.text))
    start, end = _trim(text, start, end)
    if start > first.start:
        return None
    if end <= first.end:  # the clause ends inside the quotation: its closing mark belongs to the content
        end = first.end + 1
    return cue, (start, end)


def _speaker_unnamed(cue: Token) -> bool:
    """The cue's subject is a pronoun: "what he called", "what they call"; not a participle without one ("while
    chanting, 'Hands up'"), whose quotation is the chant itself."""
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and subject.lower_ in PRONOUNS


def _without_complementizer(tokens: list[Any]) -> list[Any]:
    """A reported clause without its leading 'that' ('said that the plan ...'), not 'that account'."""
    return tokens[1:] if len(tokens) > 1 and tokens[0].lower_ == "that" and tokens[0].dep_ == "mark" else tokens


def _says_what(token: Token) -> bool:
    """Whether a cue's dependent is (part of) what was said: a clause, an object, a predicate, 'as ...'."""
    return token.dep_ in CONTENT_DEPS or (token.dep_ == "prep" and token.lower_ in CONTENT_PREPOSITIONS)


def _attribution_between(text: str, doc: Doc, offset: int, a: Span, b: Span) -> bool:
    """Whether only a short attribution (', he said, ') separates two quotations."""
    gap = text[a.end + 1 : b.start - 1].strip()
    if "\n" in gap or not 1 <= len(gap.split()) <= 6 or not gap.endswith((",", ":")):
        return False
    if text[a.end - 1] in ".?!" and gap[:1].isupper():
        return False  # '..."change." She adds, "What ...': a new sentence introducing a new quotation
    tokens = doc.char_span(a.end + 1 - offset, b.start - 1 - offset, alignment_mode="expand")
    return tokens is not None and any(_is_cue(t) for t in tokens)


def _sentence_of(doc: Doc, offset: int, start: int, end: int) -> Any | None:
    """The spaCy sentence(s) holding a quotation, with a short attribution the parser split off ('he said.')."""
    first = doc.char_span(start - offset, start - offset + 1, alignment_mode="expand")
    last = doc.char_span(max(start, end - 1) - offset, end - offset, alignment_mode="expand")
    if not first or not last:
        return None
    begin, finish = first[0].sent.start, last[-1].sent.end
    following = doc[finish : finish + 5]
    if len(following) and (
        (any(_is_cue(t) for t in following[:3]) and following[0].pos_ in ("PRON", "PROPN", "VERB"))
        or _attribution_sentence(following[0].sent)
    ):
        finish = following[0].sent.end
    # the parser's sentences may run over a paragraph break; an attribution never does
    paragraph_start = doc.text.rfind("\n", 0, start - offset) + 1
    paragraph_end = doc.text.find("\n", end - offset)
    while begin < first[0].i and doc[begin].idx < paragraph_start:
        begin += 1
    while finish > last[-1].i + 1 and paragraph_end >= 0 and doc[finish - 1].idx > paragraph_end:
        finish -= 1
    return doc[begin:finish]


def _attribution_sentence(sentence: SentenceSpan) -> bool:
    """'Scott's niece, state Del. Marcia Price, shouted to the crowd.': a sentence that is only an attribution,
    its subject first, then its cue with no clause of its own."""
    root = sentence.root
    subject = _cue_subject(root) if _is_cue(root) else None
    return (
        subject is not None
        and subject.left_edge.i == sentence.start
        and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in root.children)
    )


def _nearest_cue(sentence: SentenceSpan, offset: int, first: Span, last: Span, quotations: Quotations) -> Any | None:
    """The cue of a quotation: the speech verb governing it most closely if there is one, else the closest one."""
    inside = [t for t in sentence if first.start <= offset + t.idx < last.end]
    governors = {a.i: depth for t in inside[:1] for depth, a in enumerate(t.ancestors)}
    candidates = []
    for token in sentence:
        position = offset + token.idx
        if quotations.inside(position):
            continue  # words inside quotation marks are not the attribution (the gap of a split quote is)
        if _is_cue(token) or token.lower_ == "according":
            distance = max(first.start - position, position - last.end, 0)
            steps = governors.get(token.i)
            candidates.append((steps is None, steps or 0, distance, token.i, token))
    return min(candidates)[4] if candidates else None


def _title_like(content: str) -> bool:
    """'The Quiet Harbour': capitalised words and no sentence punctuation."""
    words = [w for w in content.split() if len(w) > 3]
    return bool(words) and all(w[:1].isupper() for w in words) and not content.rstrip().endswith((".", "!", "?", ","))


def _modifier_only(doc: Doc, offset: int, first: Span, last: Span) -> bool:
    """A one- or two-word quotation that only modifies a noun ('“kamikaze” drones'): a label, not speech.

    A modifier stands before its noun; one after it is a predicate the parser took for one ('called the
    behavior "outrageous"'), which is what was said."""
    tokens = doc.char_span(first.start - offset, last.end - offset, alignment_mode="expand")
    words = [t for t in tokens or [] if not t.is_punct]
    return len(words) <= 2 and all(t.dep_ in MODIFIER_DEPS and t.i < t.head.i for t in words)


def _embedded(text: str, sentence: SentenceSpan, offset: int, first: Span) -> bool:
    """A quotation inside running text, rather than one that is the sentence (plus its attribution)."""
    opening = first.start - 1 if first.start > 0 and not text[first.start - 1].isalnum() else first.start
    before = text[offset + sentence.start_char : max(opening, offset + sentence.start_char)].strip()
    if not before or before.endswith(":") or dash_attribution(text, opening) is not None:
        return False
    # 'He added, "...' or 'And, "...' introduce a quotation; a longer clause ending in a comma is running text
    return not (before.endswith(",") and len(before.split()) <= 6)


def _indirect(text: str, doc: Doc, offset: int, quotations: Quotations, direct: list[_Candidate]) -> list[_Candidate]:
    """Reported speech: a cue verb's clausal complement, or what 'according to X' is said of."""
    out: list[_Candidate] = []
    for sentence in doc.sents:
        for token in sentence:
            if quotations.inside(offset + token.idx):
                continue
            found = _reported(token, sentence, offset)
            if found is None:
                continue
            (start, end), subject = found
            start, end = _within_paragraph(text, offset + token.idx, start, end)
            start, end = _trim(text, start, end)
            if len(text[start:end].split()) < 3:
                continue
            if any(c.start < end and start < c.end for c in direct + out):
                continue  # already a direct or partial quote
            out.append(_Candidate("indirect", text[start:end], start, end, token, subject, offset, []))
    return out


def _reported(token: Token, sentence: SentenceSpan, offset: int) -> tuple[tuple[int, int], Any] | None:
    """((start, end) of what is reported, the subject token) for a cue token, or None."""
    if token.lower_ == "according":
        source = _according_to(sentence)
        if source is None:
            return None
        phrase = list(token.subtree)
        if token.dep_ == "ROOT":  # a parse that hangs the whole sentence from "according": the phrase is the source
            comma = next((t.i for t in phrase if t.i > source[1].i and t.text == ","), None)
            phrase = [t for t in phrase if comma is None or t.i < comma]
        p_start, p_end = _extent(phrase, offset)
        s_start, s_end = offset + sentence.start_char, offset + sentence.end_char
        return max((s_start, p_start), (p_end, s_end), key=lambda r: r[1] - r[0]), source[1]
    if not _is_cue(token):
        return None
    subject = _cue_subject(token)
    if subject is None or subject.dep_ == "nsubjpass" or subject.dep_ == "expl":
        return None  # "were told to", "is said to be": passive hedges, not attributed speech
    if token.dep_ == "xcomp" and token.head.lemma_.lower() in NOT_SAYING:
        return None  # "declined to say who ..."
    if not _can_speak(subject):
        return None  # "the retirement revealed ...", "different waters added": not a source of speech
    if _interrupting(token):
        # "The delay, he said, was caused by ...": the host clause, without the attribution inside it; an "as"
        # clause stands at either end of its sentence, whatever the parse made of the rest
        attribution = {t.i for t in token.subtree}
        host = sentence if _as_attribution(token) else token.head.subtree
        runs: list[list[Any]] = [[]]
        for t in host:
            if t.i in attribution:
                runs.append([])
            else:
                runs[-1].append(t)
        tokens = max((r for r in runs if r), key=lambda r: r[-1].idx + len(r[-1].text) - r[0].idx)
        return _extent(tokens, offset), subject
    complement = [c for c in token.children if c.dep_ == "ccomp"]
    if not complement and token.lemma_.lower() in OBJECT_CUES:
        complement = [c for c in token.children if c.dep_ == "dobj"]
    if not complement:
        return None
    tokens = _without_complementizer(list(complement[0].subtree))
    if tokens[0].lower_ in QUESTION_WORDS:
        return None  # "predicted how ...", "asked whether ...": a question, not a statement
    return _extent(tokens, offset), subject


def _extent(tokens: list[Any], offset: int) -> tuple[int, int]:
    """(start, end) in the article's text of a run of tokens of a chunk parsed at ``offset``."""
    return offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1].text)


def _within_paragraph(text: str, anchor: int, start: int, end: int) -> tuple[int, int]:
    """Clamp a span to the paragraph holding ``anchor`` (the parser's sentences may cross paragraphs)."""
    left = text.rfind("\n", 0, anchor) + 1
    right = paragraph_end(text, anchor)
    start, end = max(start, left), min(end, right)
    dateline = parse_dateline(text[start:end]) if start == left else None
    if dateline is not None:
        start += len(dateline.prefix)
    return start, end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop edge punctuation and spaces."""
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-."):
        end -= 1
    return start, end
