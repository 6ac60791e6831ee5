"""Entities and canonical names: "Okafor", "Grace Okafor" and "spokeswoman Grace Okafor" are one person.

Mentions come from spaCy's NER. Within an article, a short person mention
("Okafor", "Mr. Okafor") takes the canonical name of the full name that
ends with it; roles are read from the words in front of a name ("Foreign
Minister", "spokesman") and from appositions ("Grace Okafor, the ministry's
spokeswoman"). Across a story, ``merge_story`` maps surnames left alone in
one article to the unique full name another article gives.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from newsweave.lexicon import HONORIFICS
from newsweave.model import Entity
from newsweave.newstext import is_person_name

if TYPE_CHECKING:  # spaCy is imported only where a model runs
    from spacy.tokens import Doc

LABELS = {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT"}
# Verbs of saying that can open a sentence before the speaker's name ("Said Ellis:", "Added Mr. Lee:").
LEADING_CUES = {"said", "says", "added", "adds", "asked", "wrote", "explained", "continued", "stated"}
# The position an honorific names: "Dr. Jane Roe" is "the doctor", "Sen. Ames" "the senator".
HONORIFIC_ROLES = {
    "dr": "doctor", "prof": "professor", "sen": "senator", "rep": "representative", "gov": "governor",
    "gen": "general", "col": "colonel",
}  # fmt: skip
# Nouns that name a position a person holds: what "the spokesman said" refers back to.
ROLE_NOUNS = {
    "spokesman", "spokeswoman", "spokesperson", "minister", "secretary", "president", "premier", "chancellor",
    "chief", "director", "official", "officer", "head", "chair", "chairman", "chairwoman", "chairperson",
    "governor", "mayor", "senator", "ambassador", "envoy", "general", "commander", "coordinator", "adviser",
    "advisor", "analyst", "expert", "manager", "executive", "ceo", "founder", "leader", "king", "queen",
    "prince", "judge", "prosecutor", "lawyer", "attorney", "researcher", "professor", "scientist", "economist",
    "driver", "worker", "witness", "resident", "doctor", "nurse", "inspector", "editor", "correspondent",
    "representative", "deputy", "lawmaker", "legislator", "diplomat", "negotiator", "owner", "operator",
    "captain", "pilot", "engineer", "firefighter", "police", "policeman", "policewoman", "activist",
    "organiser", "organizer", "campaigner", "coach", "candidate", "critic", "councillor",
    "councilor", "colonel", "secretary-general", "strategist", "consultant", "aide", "staffer", "pollster",
    "neighbour", "neighbor", "relative", "mother", "father", "son", "daughter", "wife", "husband", "brother",
    "sister", "friend", "student", "teacher", "voter", "victim", "survivor", "passenger", "source", "superintendent", "sheriff", "commissioner", "chief executive",
}  # fmt: skip


@dataclass(slots=True)
class Mention:
    text: str
    label: str
    start: int
    end: int
    canonical: str = ""
    role: str | None = None
    honorific: str | None = None  # "mr", "ms", ... as written before the name


def strip_name(text: str) -> str:
    """'Mr. Kirby's' -> 'Kirby'; 'The White House' -> 'White House'."""
    tokens = text.replace("’", "'").split()
    while tokens and tokens[0].lower().rstrip(".") in HONORIFICS | {"the"}:
        tokens = tokens[1:]
    name = " ".join(tokens)
    for suffix in ("'s", "'"):
        if name.endswith(suffix):
            name = name[: -len(suffix)]
    name = name.strip(' ,;:-—–"“”')
    if name.endswith(".") and not re.search(r"(?:^|\.)[A-Z]\.$", name):
        name = name[:-1]  # a sentence's full stop, not the last dot of "U.S."
    return name


def chunk_mentions(offset: int, doc: Doc) -> list[Mention]:
    """The mentions of one parsed chunk (``offset``: where it starts in the article), not yet canonical."""
    found: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in LABELS:
            continue
        name = strip_name(ent.text)
        if not name or not any(ch.isalpha() for ch in name):
            continue
        label = ent.label_
        leading_role = []
        if label == "PERSON":
            words = name.split()
            while len(words) > 2 and words[0].lower() in ROLE_NOUNS:
                leading_role.append(words.pop(0))  # "Organiser Leila Haddad": the role is not the name
            if len(words) > 1 and words[0].lower() in LEADING_CUES and ent.start == ent.sent.start:
                words.pop(0)  # 'Said Ellis: "..."' opens a sentence with the verb, tagged as part of the name
            name = " ".join(words)
        if label != "PERSON" and is_person_name(name) and _next_to_role(ent):
            label = "PERSON"  # "Its spokeswoman, Ilse Varga," is a person whatever the tagger said
        mention = Mention(name, label, offset + ent.start_char, offset + ent.end_char, canonical=name)
        if label == "PERSON":
            mention.role = " ".join(leading_role) or _role(ent)
            before = ent.doc[ent.start - 1].lower_.rstrip(".") if ent.start else ""
            first = ent[0].lower_.rstrip(".")
            mention.honorific = first if first in HONORIFICS else before if before in HONORIFICS else None
        found.append(mention)
    return found


def _next_to_role(ent: Any) -> bool:
    """The name stands in apposition to, or right after, a role noun ('spokeswoman, Ilse Varga')."""
    root = ent.root
    related = [root.head, *root.children, *(c for c in root.head.children if c.dep_ == "appos")]
    before = ent.doc[ent.start - 2 : ent.start] if ent.start >= 2 else ent.doc[0 : ent.start]
    return any(t.lemma_.lower() in ROLE_NOUNS for t in [*related, *before])


def _role(ent: Any) -> str | None:
    """The position words in front of a name or in an apposition to it."""
    head = ent.root
    before = [t for t in head.lefts if t.i < ent.start and t.dep_ in ("compound", "amod", "nmod")]
    if before:
        first = min(t.left_edge.i for t in before)
        words = [t for t in ent.doc[first : ent.start] if not t.is_punct and t.dep_ != "det"]
        if words and any(t.lemma_.lower() in ROLE_NOUNS for t in words):
            return " ".join(t.text for t in words)
    if head.dep_ == "appos" and head.head.lemma_.lower() in ROLE_NOUNS:  # "the director, Dr. Amara Nwosu,"
        noun = head.head
        words = [
            t
            for t in noun.doc[noun.left_edge.i : noun.i + 1]
            if not t.is_punct and t.dep_ not in ("det", "poss", "case")
        ]
        return " ".join(t.text for t in words)
    for child in head.rights:
        if child.dep_ == "appos":
            words = [t for t in child.subtree if not t.is_punct and t.dep_ not in ("det", "poss", "case")]
            if words and any(t.lemma_.lower() in ROLE_NOUNS for t in words) and len(words) <= 8:
                return " ".join(t.text for t in words)
    return None


def canonicalise(found: list[Mention], full_names: set[str] | None = None) -> None:
    """Full names are canonical; a one-word mention takes the unique full person name ending with it."""
    full_names = person_names(found) if full_names is None else full_names
    for m in found:
        m.canonical = m.text
        if len(m.text.split()) == 1 and (full := full_name(m.text, full_names)):
            m.canonical, m.label = full, "PERSON"  # "Diallo" tagged ORG after "Amina Diallo" is still her


def person_names(found: list[Mention]) -> set[str]:
    """The full (two words or more) person names among the mentions."""
    return {m.text for m in found if m.label == "PERSON" and len(m.text.split()) >= 2}


def full_name(word: str, full_names: set[str]) -> str | None:
    """The one full name whose last (or first) word is ``word``, if exactly one."""
    matches = {n for n in full_names if word in (n.split()[-1], n.split()[0])}
    return next(iter(matches)) if len(matches) == 1 else None


def entities(found: list[Mention]) -> list[Entity]:
    """Mentions grouped by canonical name, in order of first mention."""
    grouped: dict[tuple[str, str], Entity] = {}
    for m in found:
        label = "PERSON" if m.canonical != m.text else m.label
        entity = grouped.setdefault((m.canonical, label), Entity(m.canonical, label))
        entity.spans.append((m.start, m.end))
        entity.texts.append(m.text)
        if m.role and m.role not in entity.roles:
            entity.roles.append(m.role)
    return list(grouped.values())


def role_holders(found: list[Mention]) -> list[tuple[str, int, str]]:
    """(role noun, where, canonical person) for each person a mention gives a role: 'spokeswoman', 'doctor' for 'Dr.'."""
    holders = []
    for m in found:
        words = set((m.role or "").lower().split()) & ROLE_NOUNS
        if m.honorific in HONORIFIC_ROLES:
            words.add(HONORIFIC_ROLES[m.honorific])
        holders += [(word, m.start, m.canonical) for word in sorted(words)]
    return holders


SPELLING_MIN = 4  # surnames this long may differ by one letter and be one person ("Wolfe" / "Wolff")


def merge_story(names_by_article: dict[str, list[str]]) -> dict[str, str]:
    """Across a story: name variants and one-word person names -> the one full name they stand for.

    Variants of one full name ("Robert J. Pickell" / "Robert J Pickell" / "Robert Pickell", "Chris Ode" /
    "Christopher Ode", "Ilene Wolfe" / "Ilene Wolff") map to the spelling the story uses most; a surname
    left alone maps to the full name that ends with it when there is only one.
    """
    counts: dict[str, int] = defaultdict(int)
    for names in names_by_article.values():
        for name in names:
            if len(name.split()) >= 2:
                counts[name] += 1
    canonical: dict[str, str] = {}
    chosen: list[str] = []  # one spelling per person, most used first
    for name in sorted(counts, key=lambda n: (-counts[n], -len(n), n)):
        same = next((c for c in chosen if same_person(name, c)), None)
        if same is None:
            chosen.append(name)
        else:
            canonical[name] = same
    by_last: dict[str, set[str]] = defaultdict(set)
    for name in counts:
        by_last[name.split()[-1]].add(canonical.get(name, name))
    short = {last: next(iter(names)) for last, names in by_last.items() if len(names) == 1}
    return {**short, **canonical}


def same_person(first: str, second: str) -> bool:
    """Two spellings of one full name: initials and dots aside, the same first name (or a short form of it,
    "Chris" / "Christopher") and the same surname, up to one letter ("Wolfe" / "Wolff")."""
    a, b = _name_parts(first), _name_parts(second)
    if len(a) < 2 or len(b) < 2:
        return False
    given_a, given_b = a[0], b[0]
    if not (given_a == given_b or (min(len(given_a), len(given_b)) >= 3 and
                                   (given_a.startswith(given_b) or given_b.startswith(given_a)))):  # fmt: skip
        return False
    return a[-1] == b[-1] or (min(len(a[-1]), len(b[-1])) >= SPELLING_MIN and _one_letter_apart(a[-1], b[-1]))


def _name_parts(name: str) -> list[str]:
    """Lower-case words of a name without initials or dots: "Robert J. Pickell" -> ["robert", "pickell"]."""
    return [w for w in re.sub(r"[.,]", " ", name).casefold().split() if len(w) > 1]


def _one_letter_apart(a: str, b: str) -> bool:
    """One substitution, insertion or deletion turns one into the other."""
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))
