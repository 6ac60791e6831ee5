"""Who a quote's subject is: names, pronouns, role nouns, organisations and descriptions resolved in text order."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from newsweave.analyze.entities import ROLE_NOUNS, Mention, canonicalise, full_name, person_names, role_holders
from newsweave.analyze.quote_words import DOCUMENT_NOUNS, FEMALE, GROUP_PRONOUNS, MALE, PERSON_PRONOUNS

if TYPE_CHECKING:  # spaCy is imported only where a model runs
    from spacy.tokens import Token

# A source's right-hand dependents that narrow down who it is ("advisers to X", "a report released by Y").
NARROWING_DEPS = {"prep", "acl", "compound", "amod", "nummod"}
# Words no description of a speaker ends on: a conjunction, preposition or particle whose rest was cut.
PHRASE_END_POS = {"CCONJ", "SCONJ", "ADP", "PART", "DET", "PUNCT"}

SPEAKER_PHRASE_WORDS = 16  # a longer description is cut before the dependent that would pass this

RECENT_SPEAKER_CHARS = 400  # a pronoun this close after a quote refers to its speaker, if compatible


class SpeakerResolver:
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

    def speaker(
        self, subject: Token, offset: int, cue: Token | None = None
    ) -> tuple[str | None, tuple[int, int] | None, str | None]:
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
        qualified = any(c.dep_ == "prep" and any(t.pos_ == "PROPN" for t in c.subtree) for c in subject.rights) or any(
            c.dep_ in ("compound", "amod") and c.ent_type_ == "GPE" for c in subject.lefts
        )  # "a spokeswoman for Hillary Clinton", "the Florida senator": not whoever last held the role
        holder = self._holder(lemma, start) if determined and not qualified else None
        if holder is not None:  # "the doctor added", with Dr. Jane Roe named before; not "a spokeswoman for X"
            return holder, span, "PERSON"
        if determined and subject.pos_ == "NOUN":
            for m in self._before(start):
                if m.label in ("ORG", "GPE", "NORP") and lemma in m.text.lower().split():
                    return m.canonical, span, m.label
        words = noun_phrase(subject, cue)
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


def noun_phrase(subject: Token, cue: Token | None = None) -> list[Any]:
    """The subject with what names it more closely: 'advisers to Mr. Obama', 'an ad overview provided to
    The Washington Post'; not a comma-separated apposition or clause, and at most SPEAKER_PHRASE_WORDS."""
    doc = subject.doc
    end = subject.i
    for child in subject.rights:
        if child.dep_ not in NARROWING_DEPS or any(t.text in ",(" for t in doc[end + 1 : child.i]):
            break
        if cue is not None and child.left_edge.i <= cue.i <= child.right_edge.i:
            # 'the share of Republicans saying "..."', 'a man yelled' parsed as one phrase: up to the saying
            end = max(end, cue.left_edge.i - 1) if cue.i - subject.left_edge.i <= SPEAKER_PHRASE_WORDS else end
            break
        # 'an analysis by Lily Batchelder, a former aide ...': the dependent up to its own first comma
        last = next((t.i - 1 for t in doc[child.i : child.right_edge.i + 1] if t.text in ",("), child.right_edge.i)
        if last - subject.left_edge.i >= SPEAKER_PHRASE_WORDS:
            break
        end = last
        if last < child.right_edge.i:
            break
    words = list(doc[subject.left_edge.i : end + 1])
    while len(words) > 1 and words[-1].i > subject.i and words[-1].pos_ in PHRASE_END_POS:
        words.pop()  # 'the former secretary of state and [current nominee]', 'the DNC authority to [call]'
    return words


def speaker_type(speaker: str | None, label: str | None, subject: Token | None) -> str:
    """What kind of source a quote has: person, organisation, group, document, or unattributed."""
    if speaker is None:
        return "unattributed"
    if subject is not None and subject.lemma_.lower() in DOCUMENT_NOUNS:
        return "document"
    return {"PERSON": "person", "ORG": "organisation", "GPE": "organisation"}.get(label or "", "group")
