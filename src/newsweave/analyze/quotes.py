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
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from newsweave.analyze.entities import ROLE_NOUNS, Mention, canonicalise, full_name, person_names, role_holders
from newsweave.model import Quote
from newsweave.newstext import parse_dateline

# Entity types that never speak (a parse that makes "Monday" a subject of "said" has gone wrong).
NOT_SOURCES = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
# Verbs that introduce speech, by lemma.
SPEECH = {
    "say", "tell", "add", "state", "warn", "stress", "note", "announce", "claim", "deny", "insist", "argue",
    "explain", "confirm", "acknowledge", "admit", "urge", "write", "tweet", "post", "reply", "respond",
    "ask", "continue", "declare", "allege", "assert", "report", "reject", "dismiss", "refute", "accuse",
    "call", "describe", "suggest", "predict", "estimate", "conclude", "concede", "complain", "emphasize",
    "emphasise", "reiterate", "recall", "vow", "pledge", "promise", "caution", "contend", "maintain",
    "observe", "remark", "comment", "testify", "lament", "joke", "quip", "shout", "whisper",
    "agree", "counter", "retort", "indicate", "disclose", "reveal", "mention", "point", "underline",
    "chant", "yell", "scream", "cry", "sing", "apologise", "apologize", "boast", "brief",
    "remind", "assure", "inform", "advise", "demand", "wonder", "proclaim", "brag", "scoff", "quote", "cite",
    "read", "praise", "criticize", "criticise", "denounce", "condemn", "blast", "slam", "mock", "question",
    "repeat", "echo", "tout", "dub", "label", "brand", "term",
}  # fmt: skip
# Cues that can stand before their speaker ("said the doctor", "added Mr. Lee"); not "told reporters", "asked him".
INVERTED_CUES = {
    "say", "add", "write", "declare", "explain", "continue", "note", "insist", "warn", "state", "reply", "recall",
    "conclude", "argue", "tweet", "post", "shout", "demand", "counter", "retort", "respond", "observe", "remark",
}  # fmt: skip
INVERTED_SUBJECT_DEPS = {"nsubj", "dobj", "npadvmod", "attr", "appos", "dative", "oprd"}
# Cues whose object, not only a clause, is what was said: "denied the claim", "rejected reports".
OBJECT_CUES = {"deny", "reject", "dismiss", "refute", "confirm", "acknowledge", "admit"}
NOT_SAYING = {"decline", "refuse", "fail", "hesitate"}
# A cue's dependents that carry what was said (a partial quote inside one is reported with all of it).
CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "oprd", "attr", "acomp", "dative"}
# ... and the prepositions that do: "described it as", "blasted X for", "likened X to".
CONTENT_PREPOSITIONS = {"as", "of", "about", "against", "for", "to"}
QUESTION_WORDS = {"how", "what", "whether", "if", "who", "whom", "when", "why", "where", "which"}
# Common nouns that can be the source of a statement, besides people's roles (entities.ROLE_NOUNS).
SOURCE_NOUNS = {
    "government", "ministry", "department", "office", "authority", "authorities", "agency", "council",
    "committee", "commission", "court", "parliament", "police", "army", "military", "company", "firm", "group",
    "union", "party", "administration", "embassy", "spokesperson", "source", "sources", "study", "report",
    "survey", "poll", "statement", "document", "documents", "data", "figures", "analysis", "research",
    "researchers", "scientists", "experts", "officials", "residents", "witnesses", "workers", "people",
    "protesters", "families", "organisers", "organizers", "farmers", "doctors", "teachers", "students",
    "investigators", "prosecutors", "lawyers", "critics", "supporters", "observers", "diplomats", "media",
    "newspaper", "channel", "network", "website", "outlet", "service", "bank", "board", "team",
    "club", "league", "federation", "association", "organisation", "organization", "institute", "university",
    "hospital", "school", "city", "state", "country", "nation", "region", "province", "town", "village",
    "kremlin", "pentagon", "cabinet", "presidency", "opposition", "campaign", "coalition", "alliance",
    "account", "post", "letter", "note", "memo", "filing", "lawsuit", "complaint", "release",
}  # fmt: skip
# Sources that are texts, not speakers: "the report found", "according to a memo".
DOCUMENT_NOUNS = {
    "report", "study", "survey", "poll", "statement", "document", "data", "figures", "analysis", "research",
    "letter", "memo", "filing", "lawsuit", "complaint", "release", "post", "tweet", "ad", "advertisement",
    "video", "footage", "website", "speech", "book", "article", "editorial", "column", "transcript", "record",
    "records", "email", "emails", "message", "note", "review", "assessment", "audit", "ruling", "order",
    "overview", "summary", "platform", "bill", "law", "policy", "guidance", "bylaws", "rules",
}  # fmt: skip
_OPEN_CLOSE = {'"': '"', "“": "”", "«": "»", "„": "“"}
PERSON_PRONOUNS = {"he", "she", "him", "her"}
GROUP_PRONOUNS = {"they", "it"}
# Finite reporting verbs, to recognise an attribution standing between two quotations.
ATTRIBUTION_WORDS = re.compile(
    r"\b(?:said|says|added|adds|told|tells|asked|asks|wrote|writes|declared|explained|continued|noted|argued|"
    r"insisted|warned|stated|replied|recalled|concluded)\b"
)
INTRODUCTION_WORDS = 5  # a reporting verb this close before a mark introduces the quotation after it
INVERTED_ATTRIBUTION_WORDS = 25  # an attribution is short; an appositive title makes it up to this long
# A transcript's speaker label opening a paragraph: 'PENCE: Well, look, ...' (a stray opening mark allowed).
TRANSCRIPT_LABEL = re.compile(r"^[\"“]?([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):[ \t]+(?=\S)", re.MULTILINE)
TRANSCRIPT_TURNS = 2  # a label must open this many paragraphs to be a transcript's speaker
# A paragraph naming its speaker after a dash, then the quotation: '— Jane Roe, 34, "We need jobs."'
DASH_ATTRIBUTION = re.compile(r"\s*(?:--|[—–])\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})[\s,\d]*")
CLOSING_PARAGRAPHS = 4  # an open quotation is carried over at most this many paragraphs to its closing mark
NAME_BEFORE_CUE_CHARS = 120  # '"...," Name, a title of some words, said': the name is this close to the cue
UNCLOSED_QUOTE_WORDS = 4  # a paragraph opening a quotation it never closes: speech, if this long
SINGLE_QUOTE_CHARS = 600  # longest quotation in single marks looked for (its closer must come sooner)
CONTINUATION_CHARS = 600  # a cue-less quotation this close after a quote continues its speaker


@dataclass(slots=True)
class _Span:
    start: int
    end: int  # content only, quotation marks excluded
    runs_on: bool = False  # left open at a paragraph's end and reopened in the next paragraph


def quotation_spans(text: str) -> list[_Span]:
    """Content spans of quotations; unclosed quotes run to the paragraph end and on if reopened."""
    spans: list[_Span] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        single = _single_quotation(text, i)
        if single is not None:
            spans.append(single)
            i = single.end + 1
            continue
        if ch in _OPEN_CLOSE and (ch != '"' or i == 0 or not text[i - 1].isalnum()):
            close = _OPEN_CLOSE[ch]
            closers = {close, '"'}
            j = i + 1
            while j < n and text[j] not in closers and text[j] != "\n":
                j += 1
            if j < n and text[j] in closers:
                if j - i > 1:
                    spans.append(_Span(i + 1, j))
                i = j + 1
                continue
            # paragraph ended inside the quotation: it runs on if the next paragraph reopens it
            end = j
            k = j
            while k < n and text[k] == "\n":
                k += 1
            if k < n and text[k] == ch and end - i > 1:
                spans.append(_Span(i + 1, end, runs_on=True))
                i = k
                continue
            opens_paragraph = i == 0 or text[i - 1] == "\n" or _dash_attribution(text, i) is not None
            if opens_paragraph and len(text[i:end].split()) >= UNCLOSED_QUOTE_WORDS:
                # a paragraph that opens a quotation and never closes it; a later paragraph may close it
                closing = _closing_paragraphs(text, end)  # each paragraph a quote; the later ones continue it
                spans += [_Span(i + 1, end)] + [_Span(start, stop) for start, stop in closing]
                if closing:
                    i = closing[-1][1] + 1
                    continue
            i = j + 1
            continue
        i += 1
    spans = _reopen_inverted(text, spans)
    return [s for s in spans if _strip(text, s).end > _strip(text, s).start]


def _closing_paragraphs(text: str, position: int) -> list[tuple[int, int]]:
    """The paragraphs after ``position`` that carry an open quotation on to its closing mark.

    Paragraphs without any quotation mark continue it; the first paragraph whose only mark closes it
    at its end ends it. Any other mark, or more than CLOSING_PARAGRAPHS paragraphs, and nothing is carried.
    """
    out: list[tuple[int, int]] = []
    start = position
    while len(out) < CLOSING_PARAGRAPHS:
        while start < len(text) and text[start] == "\n":
            start += 1
        if start >= len(text):
            return []
        stop = _paragraph_end(text, start)
        body = text[start:stop].rstrip()
        marks = [k for k, ch in enumerate(body) if ch in '"“”']
        if marks == [len(body) - 1] and body[-1] in '"”':
            return [*out, (start, start + len(body) - 1)]
        if marks:
            return []
        out.append((start, stop))
        start = stop
    return []


def _dash_attribution(text: str, opening: int) -> tuple[int, int] | None:
    """(start, end) of the name in '— Jane Roe "quotation"': a paragraph giving its speaker first, after a dash."""
    left = text.rfind("\n", 0, opening) + 1
    found = DASH_ATTRIBUTION.fullmatch(text, left, opening)
    return found.span(1) if found else None


def _reopen_inverted(text: str, spans: list[_Span]) -> list[_Span]:
    """Re-pair a paragraph whose opening quotation mark is missing, so that its marks read inside out.

    In 'No evidence whatsoever, "Mr. Burman said." The real issue is governance. "' the paragraph's first
    pair encloses the attribution, not the quotation: the words before the first mark are the quotation,
    then each following pair of marks encloses one ('" The real issue is governance. "'). A first pair
    holding only a short attribution with a reporting verb, and none just before it, is the sign.
    """
    out: list[_Span] = []
    left = previous_end = -1
    for span in spans:
        # where the paragraph starts, looking back no further than the previous quotation (long paragraphs)
        newline = text.rfind("\n", max(previous_end, 0), span.start - 1)
        first_in_paragraph = newline >= 0 or previous_end < 0
        if first_in_paragraph:
            left = newline + 1 if newline >= 0 else text.rfind("\n", 0, span.start - 1) + 1
        previous_end = span.end
        before = text[left : span.start - 1] if first_in_paragraph else ""  # only a paragraph's first pair
        inverted = (
            first_in_paragraph
            and text[span.start - 1] == '"'
            and not span.runs_on
            and before.strip()
            and before.rstrip()[-1] in ",.?!"
            and '"' not in before
            and not ATTRIBUTION_WORDS.search(" ".join(before.split()[-INTRODUCTION_WORDS:]))  # 'Lee told us, "'
            and len(text[span.start : span.end].split()) <= INVERTED_ATTRIBUTION_WORDS
            and ATTRIBUTION_WORDS.search(text[span.start : span.end])
            and text[span.end - 1] in ".,"
            # in '"We told them," he said.' the attribution follows the pair: the marks are the right way round
            and not ATTRIBUTION_WORDS.search(" ".join(text[span.end + 1 : span.end + 60].split()[:4]))
        )
        if not inverted:
            out.append(span)
            continue
        out.append(_Span(left, span.start - 1))
        # the words after the closing mark open the next quotation, up to the next mark or the paragraph's end
        right = _paragraph_end(text, span.end)
        following = text.find('"', span.end + 1, right)
        out.append(_Span(span.end + 1, following if following >= 0 else right))
    return _without_overlaps(out)


def _without_overlaps(spans: list[_Span]) -> list[_Span]:
    """Spans sorted by start, dropping any that starts inside the one kept before it."""
    kept: list[_Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def _single_quotation(text: str, i: int) -> _Span | None:
    """A quotation in single marks opening at ``i`` ('I heard screaming,' said a neighbour; ‘We will stay’).

    The same marks are apostrophes ("didn’t", "officers’ cars"), so a quotation needs an opening mark
    at a word's start followed by a letter, and a closing mark that is no apostrophe: after punctuation
    for straight marks, not followed by a letter for curly ones; both in one paragraph.
    """
    ch = text[i]
    if ch not in "‘'" or (i > 0 and not (text[i - 1].isspace() or text[i - 1] in '(“"—–-')):
        return None
    if i + 1 >= len(text) or not text[i + 1].isalnum():
        return None
    for j in range(i + 2, min(_paragraph_end(text, i), i + SINGLE_QUOTE_CHARS)):
        after = text[j + 1] if j + 1 < len(text) else " "
        if ch == "‘" and text[j] == "’" and not after.isalpha():
            return _Span(i + 1, j)
        if ch == "'" and text[j] == "'" and text[j - 1] in ",.!?" and not after.isalnum():
            return _Span(i + 1, j)
    return None


def _strip(text: str, span: _Span) -> _Span:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return _Span(start, end, span.runs_on)


FEMALE = {
    "she",
    "her",
    "spokeswoman",
    "chairwoman",
    "businesswoman",
    "congresswoman",
    "policewoman",
    "mrs",
    "ms",
    "miss",
}
MALE = {"he", "him", "spokesman", "chairman", "businessman", "congressman", "policeman", "mr"}
# A source's right-hand dependents that narrow down who it is ("advisers to X", "a report released by Y").
NARROWING_DEPS = {"prep", "acl", "compound", "amod", "nummod"}
SPEAKER_PHRASE_WORDS = 16  # a longer description is cut before the dependent that would pass this
RECENT_SPEAKER_CHARS = 400  # a pronoun this close after a quote refers to its speaker, if compatible


class _Resolver:
    """Turns a cue's subject token into a speaker, remembering who spoke last (in text order)."""

    def __init__(self) -> None:
        self.mentions: list[Mention] = []
        self.starts: list[int] = []
        self.holders: dict[str, list[tuple[int, str]]] = {}  # role noun -> (where named, person), in text order
        self.full_names: set[str] = set()
        self.gender: dict[str, str] = {}
        self.last: tuple[str, str, int] | None = None  # (speaker, label, end of that quote)
        self.phrases: dict[str, str] = {}  # head noun -> the fullest phrase that named a speaker ("harbor authority")

    def add(self, found: list[Mention]) -> None:
        """Mentions of the next chunk of the article (chunks come in text order), made canonical here."""
        self.full_names |= person_names(found)
        canonicalise(found, self.full_names)
        self.mentions += found
        self.starts += [m.start for m in found]
        for word, start, name in role_holders(found):
            self.holders.setdefault(word, []).append((start, name))
        for m in found:
            words = set((m.role or "").lower().split()) | {m.honorific or ""}
            if words & FEMALE:
                self.gender.setdefault(m.canonical, "f")
            elif words & MALE:
                self.gender.setdefault(m.canonical, "m")

    def remember(self, speaker: str | None, label: str | None, end: int) -> None:
        if speaker is not None and label is not None:
            self.last = (speaker, label, end)

    def _holder(self, role: str, position: int) -> str | None:
        """The person last given this role before ``position``."""
        before = [name for start, name in self.holders.get(role, []) if start < position]
        return before[-1] if before else None

    def _mention_at(self, start: int, end: int) -> Mention | None:
        i = bisect_right(self.starts, end) - 1
        while i >= 0 and self.mentions[i].end > start - 200:  # mentions are short: look back a little
            if self.mentions[i].start < end and start < self.mentions[i].end:
                return self.mentions[i]
            i -= 1
        return None

    def _before(self, position: int) -> Iterator[Mention]:
        """Mentions before ``position``, nearest first."""
        for i in range(bisect_left(self.starts, position) - 1, -1, -1):
            yield self.mentions[i]

    def _compatible(self, name: str, pronoun: str) -> bool:
        gender = self.gender.get(name)
        return gender is None or gender == ("f" if pronoun in FEMALE else "m")

    def _pronoun(self, pronoun: str, position: int) -> tuple[str | None, str | None]:
        """The nearest compatible referent: the last speaker, or a mention made after that quote."""
        person = pronoun in PERSON_PRONOUNS
        labels = {"PERSON"} if person else {"ORG", "GPE", "NORP"}
        mention = next(
            (
                m
                for m in self._before(position)
                if m.label in labels and (not person or self._compatible(m.canonical, pronoun))
            ),
            None,
        )
        last = self.last
        last_fits = (
            last is not None
            and position - last[2] <= RECENT_SPEAKER_CHARS
            and (last[1] == "PERSON") == person
            and (not person or self._compatible(last[0], pronoun))
        )
        if last_fits and last and (mention is None or mention.start < last[2]):
            name, label = last[0], last[1]
        elif mention is not None:
            name, label = mention.canonical, mention.label
        else:
            return None, None
        if person:
            self.gender.setdefault(name, "f" if pronoun in FEMALE else "m")
        return name, label

    def speaker(self, subject: Any, offset: int) -> tuple[str | None, tuple[int, int] | None, str | None]:
        """(speaker, speaker span, label) for a cue's subject token."""
        start = offset + subject.idx
        if subject.pos_ == "PRON":
            if subject.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS:
                name, label = self._pronoun(subject.lower_, start)
                return name, None, label
            return None, None, None
        named = self._mention_at(start, start + len(subject.text))
        if named is None:  # "Its spokeswoman, Ilse Varga, said": the apposition names the speaker
            for child in subject.rights:
                if child.dep_ == "appos":
                    named = self._mention_at(offset + child.idx, offset + child.idx + len(child.text))
                    if named is not None:
                        break
        surname = subject.text[:1].isupper() and subject.is_alpha  # whatever the tagger thought it was
        if named is None and surname and (full := full_name(subject.text, self.full_names)):
            return full, (start, start + len(subject.text)), "PERSON"  # a surname the tagger missed
        if named is not None:
            label = "PERSON" if subject.lemma_.lower() in ROLE_NOUNS and named.label != "PERSON" else named.label
            return named.canonical, (named.start, named.end), label
        left = subject.left_edge
        span = (offset + left.idx, offset + subject.idx + len(subject.text))
        lemma = subject.lemma_.lower()
        determined = any(t.dep_ in ("det", "poss") for t in subject.lefts)
        qualified = any(c.dep_ == "prep" and any(t.pos_ == "PROPN" for t in c.subtree) for c in subject.rights)
        holder = self._holder(lemma, start) if determined and not qualified else None
        if holder is not None:  # "the doctor added", with Dr. Jane Roe named before; not "a spokeswoman for X"
            return holder, span, "PERSON"
        if determined and subject.pos_ == "NOUN":
            for m in self._before(start):
                if m.label in ("ORG", "GPE", "NORP") and lemma in m.text.lower().split():
                    return m.canonical, span, m.label
        words = _noun_phrase(subject)
        while len(words) > 1 and (
            words[0].dep_ == "det" or words[0].tag_ == "PRP$" or words[0].is_punct or words[0].pos_ == "VERB"
        ):
            words = words[1:]  # "the", "its", the "Said" of 'Said Ellis:': not part of the speaker's name
        phrase = subject.doc[words[0].i : words[-1].i + 1].text
        head = subject.text.lower()
        if determined and len(words) == 1 and head in self.phrases:
            phrase = self.phrases[head]  # "the authority" after "The harbor authority said"
        elif len(phrase) > len(self.phrases.get(head, "")):
            self.phrases[head] = phrase
        plural = subject.tag_ in ("NNS", "NNPS")
        return phrase, span, ("PERSON" if lemma in ROLE_NOUNS and not plural else "GROUP")


def _noun_phrase(subject: Any) -> list[Any]:
    """The subject with what names it more closely: 'advisers to Mr. Obama', 'an ad overview provided to
    The Washington Post'; not a comma-separated apposition or clause, and at most SPEAKER_PHRASE_WORDS."""
    doc = subject.doc
    end = subject.i
    for child in subject.rights:
        if child.dep_ not in NARROWING_DEPS or any(t.text in ",(" for t in doc[end + 1 : child.i]):
            break
        # 'an analysis by Lily Batchelder, a former aide ...': the dependent up to its own first comma
        last = next((t.i - 1 for t in doc[child.i : child.right_edge.i + 1] if t.text in ",("), child.right_edge.i)
        if last - subject.left_edge.i >= SPEAKER_PHRASE_WORDS:
            break
        end = last
        if last < child.right_edge.i:
            break
    return list(doc[subject.left_edge.i : end + 1])


@dataclass(slots=True)
class _Candidate:
    """A quote found but not yet attributed: attribution runs in text order."""

    kind: str
    text: str
    start: int
    end: int
    cue: Any | None  # the cue token, None for a continuation
    subject: Any | None
    offset: int
    quoted: list[tuple[int, int]]  # the words inside quotation marks, within start..end
    turn_of: str | None = None  # a transcript turn's speaker ("Pence" for "PENCE:")


def _can_speak(subject: Any) -> bool:
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


def _cue_subject(cue: Any) -> Any | None:
    """The subject of a cue verb; for 'adding that ...' or a conjoined verb, the speaking verb's subject."""
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    # the nearest: '"My reaction, that was outrageous," the strategist said' parses "reaction" as a subject too
    own = min(subjects, key=lambda c: abs(c.i - cue.i)) if subjects else None
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


def _according_to(sentence: Any) -> tuple[Any, Any] | None:
    """('according' token, the pobj naming the source) in 'according to X'."""
    for token in sentence:
        if token.lower_ == "according":
            for child in token.children:
                if child.lower_ == "to":
                    for grandchild in child.children:
                        if grandchild.dep_ == "pobj":
                            return token, grandchild
    return None


def _is_cue(token: Any) -> bool:
    return token.lemma_.lower() in SPEECH and token.pos_ in ("VERB", "AUX") and token.dep_ != "amod"


class _Quotations:
    """An article's quotation spans, sorted, with fast 'is this position quoted' lookups."""

    def __init__(self, text: str) -> None:
        self.spans = [_strip(text, s) for s in quotation_spans(text)]
        self.starts = [s.start for s in self.spans]

    def inside(self, position: int) -> bool:
        i = bisect_right(self.starts, position + 1) - 1
        return i >= 0 and self.spans[i].start - 1 <= position <= self.spans[i].end

    def between(self, start: int, end: int) -> list[_Span]:
        return self.spans[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


class QuoteFinder:
    """Quotes of one article, chunk by chunk in text order; speakers are resolved as it goes."""

    def __init__(self, article_id: str, text: str) -> None:
        self.article_id = article_id
        self.text = text
        self.quotations = _Quotations(text)
        self.turns = transcript_turns(text)
        self.resolver = _Resolver()
        self.quotes: list[Quote] = []

    def add_chunk(self, offset: int, doc: Any, found: list[Mention]) -> None:
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
                speaker, speaker_span, label = resolver.speaker(c.subject, c.offset)
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


def speaker_type(speaker: str | None, label: str | None, subject: Any | None) -> str:
    """What kind of source a quote has: person, organisation, group, document, or unattributed."""
    if speaker is None:
        return "unattributed"
    if subject is not None and subject.lemma_.lower() in DOCUMENT_NOUNS:
        return "document"
    return {"PERSON": "person", "ORG": "organisation", "GPE": "organisation"}.get(label or "", "group")


def transcript_turns(text: str) -> list[tuple[str, int, int]]:
    """(speaker, start, end) of each turn of a transcript: paragraphs opening with a label like 'PENCE:'.

    A label counts when it opens at least TRANSCRIPT_TURNS paragraphs of the article, so that a lone
    'UPDATE:' or 'WASHINGTON:' is not taken for a speaker.
    """
    found = [(m.group(1), m.end(), _paragraph_end(text, m.end())) for m in TRANSCRIPT_LABEL.finditer(text)]
    counts: dict[str, int] = {}
    for label, _, _ in found:
        counts[label] = counts.get(label, 0) + 1
    turns = []
    for label, start, end in found:
        while end > start and (text[end - 1].isspace() or text[end - 1] in '"”'):
            end -= 1
        if counts[label] >= TRANSCRIPT_TURNS and end > start:
            turns.append((label.title(), start, end))
    return turns


def _paragraph_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end


def _overlaps_any(candidate: _Candidate, others: list[_Candidate]) -> bool:
    return any(o.start < candidate.end and candidate.start < o.end for o in others)


def _direct(text: str, doc: Any, offset: int, spans: list[_Span], quotations: _Quotations) -> list[_Candidate]:
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
                cue = _characterising_verb(doc, offset, first)
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
        if cue is None and kind == "direct" and (introduced := _introducer(text, doc, offset, first)):
            cue, subject = introduced  # 'Scott added: "..."', 'Sanders made this comment: "..."'
        elif cue is not None:
            if cue.lower_ == "according":
                source = _according_to(sentence)
                subject = source[1] if source else None
            else:
                subject = _cue_subject(cue) or _name_before_cue(text, doc, offset, last, cue)
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


def _introducer(text: str, doc: Any, offset: int, first: _Span) -> tuple[Any | None, Any] | None:
    """(cue or None, speaker token) of a cue-less quotation introduced by the clause before it.

    Either a clause ending in a colon ('Scott added: "..."', 'Said Ellis: "..."', 'Sanders made the
    following comment: "..."') or, in the same paragraph, a sentence just before the quotation whose
    subject is a named person or a personal pronoun ('Sanders identified X as Y. "The younger ..."').
    """
    dash = _dash_attribution(text, first.start - 1)
    if dash is not None:  # '— Jane Roe "..."'
        name = doc.char_span(dash[0] - offset, dash[1] - offset, alignment_mode="expand")
        return (None, name.root) if name else None
    opening = doc.char_span(first.start - 1 - offset, first.start - offset, alignment_mode="expand")
    if not opening or opening[0].i == 0:
        return None
    before = doc[opening[0].i - 1]
    if "\n" in text[offset + before.idx : first.start]:
        return None  # the quotation opens its paragraph
    root = before.sent.root
    colon = before.text == ":"
    if colon and _is_cue(root):
        subject = _cue_subject(root)
        return (root, subject) if subject is not None and _can_speak(subject) else None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or not _can_speak(subject):
        return None
    person = subject.ent_type_ == "PERSON" or subject.lower_ in PERSON_PRONOUNS
    return (None, subject) if colon or (person and before.is_sent_end) else None


def _name_before_cue(text: str, doc: Any, offset: int, last: _Span, cue: Any) -> Any | None:
    """'"...," Flynn, a top Trump surrogate, said': the name between the closing mark and a subjectless cue."""
    if not 0 < offset + cue.idx - last.end <= NAME_BEFORE_CUE_CHARS:
        return None
    between = doc.char_span(last.end + 1 - offset, cue.idx, alignment_mode="contract") or []
    return next((t for t in between if t.pos_ == "PROPN" and _can_speak(t)), None)


def _characterising_verb(doc: Any, offset: int, first: _Span) -> Any | None:
    """A verb whose source characterises something in quoted words: 'PolitiFact rated the claims as "false"',
    'Trump admires Putin as a "strong leader"'. The quotation must be what the verb takes, its subject a source."""
    for child, head in pairwise(_path_up(doc, offset, first)):
        if head.pos_ == "VERB":
            subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
            named = subject is not None and (subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"))
            return head if named and _says_what(child) else None
    return None


def _path_up(doc: Any, offset: int, first: _Span) -> list[Any]:
    """The quotation's root token and its ancestors, innermost first (empty when it has no tokens)."""
    inside = doc.char_span(first.start - offset, first.end - offset, alignment_mode="expand")
    return [inside.root, *inside.root.ancestors] if inside else []


def _attributed_clause(
    text: str, doc: Any, sentence: Any, offset: int, cue: Any, first: _Span
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
    above = {a.i for a in cue.ancestors}
    for child, head in pairwise(_path_up(doc, offset, first)):
        if (head.i == cue.i or (head.i in above and _is_cue(head))) and _says_what(child):
            cue = head
            break
    else:
        return None
    same_side = [c for c in cue.children if _says_what(c) and (c.i > cue.i) == (child.i > cue.i)]
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


def _without_complementizer(tokens: list[Any]) -> list[Any]:
    """A reported clause without its leading 'that' ('said that the plan ...'), not 'that account'."""
    return tokens[1:] if len(tokens) > 1 and tokens[0].lower_ == "that" and tokens[0].dep_ == "mark" else tokens


def _says_what(token: Any) -> bool:
    """Whether a cue's dependent is (part of) what was said: a clause, an object, a predicate, 'as ...'."""
    return token.dep_ in CONTENT_DEPS or (token.dep_ == "prep" and token.lower_ in CONTENT_PREPOSITIONS)


def _attribution_between(text: str, doc: Any, offset: int, a: _Span, b: _Span) -> bool:
    """Whether only a short attribution (', he said, ') separates two quotations."""
    gap = text[a.end + 1 : b.start - 1].strip()
    if "\n" in gap or not 1 <= len(gap.split()) <= 6 or not gap.endswith((",", ":")):
        return False
    if text[a.end - 1] in ".?!" and gap[:1].isupper():
        return False  # '..."change." She adds, "What ...': a new sentence introducing a new quotation
    tokens = doc.char_span(a.end + 1 - offset, b.start - 1 - offset, alignment_mode="expand")
    return tokens is not None and any(_is_cue(t) for t in tokens)


def _sentence_of(doc: Any, offset: int, start: int, end: int) -> Any | None:
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


def _attribution_sentence(sentence: Any) -> bool:
    """'Scott's niece, state Del. Marcia Price, shouted to the crowd.': a sentence that is only an attribution,
    its subject first, then its cue with no clause of its own."""
    root = sentence.root
    subject = _cue_subject(root) if _is_cue(root) else None
    return (
        subject is not None
        and subject.left_edge.i == sentence.start
        and not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in root.children)
    )


def _nearest_cue(sentence: Any, offset: int, first: _Span, last: _Span, quotations: _Quotations) -> Any | None:
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


def _modifier_only(doc: Any, offset: int, first: _Span, last: _Span) -> bool:
    """A one- or two-word quotation that only modifies a noun ('“kamikaze” drones'): a label, not speech."""
    tokens = doc.char_span(first.start - offset, last.end - offset, alignment_mode="expand")
    words = [t for t in tokens or [] if not t.is_punct]
    return len(words) <= 2 and all(t.dep_ in ("amod", "compound", "nmod", "nummod", "poss") for t in words)


def _embedded(text: str, sentence: Any, offset: int, first: _Span) -> bool:
    """A quotation inside running text, rather than one that is the sentence (plus its attribution)."""
    opening = first.start - 1 if first.start > 0 and not text[first.start - 1].isalnum() else first.start
    before = text[offset + sentence.start_char : max(opening, offset + sentence.start_char)].strip()
    if not before or before.endswith(":") or _dash_attribution(text, opening) is not None:
        return False
    # 'He added, "...' or 'And, "...' introduce a quotation; a longer clause ending in a comma is running text
    return not (before.endswith(",") and len(before.split()) <= 6)


def _indirect(text: str, doc: Any, offset: int, quotations: _Quotations, direct: list[_Candidate]) -> list[_Candidate]:
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


def _reported(token: Any, sentence: Any, offset: int) -> tuple[tuple[int, int], Any] | None:
    """((start, end) of what is reported, the subject token) for a cue token, or None."""
    if token.lower_ == "according":
        source = _according_to(sentence)
        if source is None:
            return None
        phrase = list(token.subtree)
        p_start, p_end = offset + phrase[0].idx, offset + phrase[-1].idx + len(phrase[-1].text)
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
    if token.dep_ == "parataxis" and token.head.pos_ in ("VERB", "AUX"):
        # "The delay, he said, was caused by ...": the host clause, without the attribution inside it
        attribution = {t.i for t in token.subtree}
        runs: list[list[Any]] = [[]]
        for t in token.head.subtree:
            if t.i in attribution:
                runs.append([])
            else:
                runs[-1].append(t)
        tokens = max((r for r in runs if r), key=lambda r: r[-1].idx + len(r[-1].text) - r[0].idx)
        return (offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1].text)), subject
    complement = [c for c in token.children if c.dep_ == "ccomp"]
    if not complement and token.lemma_.lower() in OBJECT_CUES:
        complement = [c for c in token.children if c.dep_ == "dobj"]
    if not complement:
        return None
    tokens = _without_complementizer(list(complement[0].subtree))
    if tokens[0].lower_ in QUESTION_WORDS:
        return None  # "predicted how ...", "asked whether ...": a question, not a statement
    return (offset + tokens[0].idx, offset + tokens[-1].idx + len(tokens[-1].text)), subject


def _within_paragraph(text: str, anchor: int, start: int, end: int) -> tuple[int, int]:
    """Clamp a span to the paragraph holding ``anchor`` (the parser's sentences may cross paragraphs)."""
    left = text.rfind("\n", 0, anchor) + 1
    right = _paragraph_end(text, anchor)
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
