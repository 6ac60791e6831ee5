"""Quantities: numbers with their unit or object, approximation and vague amounts, as values or ranges.

"about 2.3 million people" -> 2300000, approx, object "people";
"$40 million" -> 40000000 USD; "7 of 12 rockets" -> 7 (of 12) rockets;
"several hundred drones" -> 200-900; "a few dozen protesters" -> 24-60;
"between 10 and 20" -> 10-20. Vague amounts carry the range a reader would
take them to mean, so that "a few dozen" and "thousands" can be seen to
disagree.
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING, Any, NamedTuple

from newsweave.analyze.role_words import (
    CHANGE_PARTICLES,
    CHANGE_ROLES,
    ESTIMATE_VERBS,
    LIGHT_VERBS,
    MEASURE_NOUNS,
    PHRASAL_ROLES,
    ROLE_CLASSES,
    TO_RESULT,
)
from newsweave.lexicon import WORD_NUMBERS
from newsweave.model import Quantity

if TYPE_CHECKING:  # spaCy is imported only where a model runs
    from spacy.tokens import Doc, Token

SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "bn": 1e9,
    "m": 1e6,
    "k": 1e3,
    "dozen": 12,  # "two dozen"
}
# Vague amounts and the ranges they are read as.
VAGUE = {
    "a handful of": (2, 6), "a few dozen": (24, 60), "several dozen": (36, 96), "dozens of": (24, 99),
    "a few hundred": (200, 500), "several hundred": (200, 900), "hundreds of": (200, 999),
    "a few thousand": (2000, 5000), "several thousand": (2000, 9000), "thousands of": (2000, 9999),
    "tens of thousands of": (20000, 99999), "hundreds of thousands of": (200000, 999999),
    "millions of": (2e6, 9.99e6), "a small number of": (2, 10), "a limited number of": (2, 10),
    "a few": (2, 5), "several": (3, 9), "scores of": (40, 99), "many": (None, None),
}  # fmt: skip
APPROX = {
    "about",
    "around",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "some",
    "an estimated",
    "estimated",
    "up to",
    "more than",
    "over",
    "at least",
    "fewer than",
    "less than",
    "under",
    "close to",
    "at most",
    "as many as",
}
LOWER_BOUND = {"more than", "over", "at least"}
UPPER_BOUND = {"fewer than", "less than", "under", "up to", "at most", "nearly", "almost", "close to", "as many as"}
# "no injuries were reported", "no one was hurt": a count of zero, in the role its noun or verb gives.
NONE_OF = re.compile(
    r"\b(?:no|zero)\s+(?:(?:reported|serious|major|further|other|immediate|known)\s+)?"
    r"(?P<noun>injuries|deaths|casualties|fatalities|arrests|one)\b|\b(?P<nobody>nobody)\b",
    re.IGNORECASE,
)
CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "dollars": "USD", "euros": "EUR", "pounds": "GBP"}

FRACTIONS = {"a third", "a quarter", "two thirds"}  # shares only when "of" follows
_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WORDNUM = "|".join(sorted((re.escape(w) for w in WORD_NUMBERS), key=len, reverse=True))
_SCALE = r"(?:hundred|thousand|million|billion|trillion|bn|m|k|dozen)\b"
_APPROX = "|".join(sorted((re.escape(a) for a in APPROX), key=len, reverse=True))
_VAGUE = "|".join(sorted((re.escape(v) for v in VAGUE), key=len, reverse=True))
_AMOUNT = rf"(?:(?P<cur>[$€£¥])\s?)?(?P<num>(?<![\w-])(?:{_NUM})|(?<![\w-])(?:{_WORDNUM})(?![\w-]))(?:\s?(?P<scale>{_SCALE}))?(?:\s?(?P<pct>%|percent|per cent))?"
QUANTITY = re.compile(
    rf"(?:(?P<approx>{_APPROX})\s+)?"
    rf"(?:between\s+(?P<lo>{_NUM})\s+and\s+(?P<hi>{_NUM})|(?P<from>{_NUM})\s?(?:-|–|to)\s?(?P<to>{_NUM})(?!\d)|"
    rf"(?P<vague>\b(?:{_VAGUE}))|{_AMOUNT})"
    rf"(?:\s+of\s+(?:(?:the|its|their|his|her|our)\s+)?(?:[\w-]+['’]s\s+)?(?P<of>{_NUM}|{_WORDNUM})\b)?",
    re.IGNORECASE,
)
_OBJECT = re.compile(r"\s+(?:of\s+(?:the\s+)?)?(?P<obj>(?:[a-z][a-z'-]+\s+){0,1}[a-z][a-z'-]+)")
_NOT_OBJECT = {
    "the",
    "a",
    "an",
    "and",
    "or",
    "in",
    "on",
    "at",
    "to",
    "for",
    "from",
    "by",
    "with",
    "was",
    "were",
    "is",
    "are",
    "had",
    "have",
    "has",
    "will",
    "would",
    "people's",
    "percent",
    "per",
    "of",
    "that",
}
_CONVERSION = re.compile(r"\s*[a-zA-Z]{0,12}\.?\s*\(\s*")  # between a measurement and its conversion: "58km (36 miles)"
_SHARE_OF = re.compile(r"\s+of\b")  # "46 percent of voters": a share of what follows
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")


def _number(raw: str) -> float | None:
    raw = raw.lower().strip()
    if raw in WORD_NUMBERS:
        return float(WORD_NUMBERS[raw])
    try:
        return float(raw.replace(",", ""))
    except ValueError:
        return None


def _clean(value: float | None) -> float | None:
    """Round away float noise so that output is stable and readable."""
    return None if value is None else float(f"{value:.6g}")


def find_quantities(text: str, doc: Doc | None = None) -> list[Quantity]:
    """Quantities in ``text``; with its parsed ``doc`` (same text), what is counted comes from the parse."""
    found: list[Quantity] = []
    for m in QUANTITY.finditer(text):
        if not m.group(0).strip() or not re.search(r"[\w$€£¥%]", m.group(0)):
            continue
        if re.search(r"\bno\s*$", text[max(0, m.start() - 4) : m.start()], re.IGNORECASE):
            continue  # "no one": a count of zero (_none_of)
        approx_word = (m.group("approx") or "").lower()
        value = low = high = None
        unit = None
        if m.group("lo"):
            low, high = _number(m.group("lo")), _number(m.group("hi"))
        elif m.group("from"):
            low, high = _number(m.group("from")), _number(m.group("to"))
            if low is not None and high is not None and low >= high:
                continue  # "2022-23" and the like: not a range of amounts
        elif m.group("vague"):
            low, high = VAGUE[m.group("vague").lower()]
        else:
            value = _number(m.group("num") or "")
            if value is None:
                continue
            if m.group("scale"):
                value *= SCALES[m.group("scale").lower()]
            if m.group("cur"):
                unit = CURRENCIES[m.group("cur")]
            if m.group("pct"):
                unit = "%"
            raw = m.group("num") or ""
            if raw.lower() in FRACTIONS and not re.match(r"\s+of\b", text[m.end() :]):
                continue  # "a third straight night": an ordinal, not a share
            if _YEAR.match(raw) and not (m.group("cur") or m.group("scale") or m.group("pct")):
                continue  # a year, not an amount (dates are analysed separately)
            if not m.group("cur") and not m.group("scale") and not m.group("pct") and _is_time_or_date(text, m):
                continue
        if approx_word in LOWER_BOUND and value is not None:
            low, high, value = value, None, None
        elif approx_word in UPPER_BOUND and value is not None:
            low, high, value = None, value, None
        end = m.end()
        obj = role = owner = None
        restricted = False
        obj_match = _OBJECT.match(text, end) if doc is None else None
        if doc is not None:
            counted = _counted(doc, m.start(), end)
            if unit == "%" and not _SHARE_OF.match(text, end):  # "12 percent in March" counts no March
                counted = Counted(*_changed(doc, m.start(), end))
            obj, role, owner, restricted = counted
        elif obj_match:
            words = [w for w in obj_match.group("obj").split() if w not in _NOT_OBJECT]
            if words and obj_match.group("obj").split()[0] not in _NOT_OBJECT:
                obj = obj_match.group("obj").split()[0]
                if unit is None and obj in CURRENCIES:
                    unit, obj = CURRENCIES[obj], None
        found.append(
            Quantity(
                text=text[m.start() : end].strip(),
                value=_clean(value),
                low=_clean(low),
                high=_clean(high),
                unit=unit,
                object=obj,
                role=role,
                of=_clean(_number(m.group("of"))) if m.group("of") else None,
                approx=bool(approx_word) or bool(m.group("vague")),
                start=m.start() + (len(m.group(0)) - len(m.group(0).lstrip())),
                end=end,
                owner=owner,
                restricted=restricted,
            )
        )
    for before, after in pairwise(found):
        if before.approx and _CONVERSION.fullmatch(text, before.end, after.start):
            after.approx = True  # "about 58km (36 miles)": the conversion is as approximate as the measurement
    return sorted(found + _none_of(text, doc), key=lambda q: q.start)


def _none_of(text: str, doc: Doc | None) -> list[Quantity]:
    """Counts of zero: "no injuries" (0 injuries, injured), "no one was arrested" (0 people, held)."""
    out = []
    for m in NONE_OF.finditer(text):
        noun = (m.group("noun") or m.group("nobody")).lower()
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand") if doc is not None else None
        singular = re.sub(r"ies$", "y", noun).rstrip("s")  # "injuries" -> "injury", "deaths" -> "death"
        role = _role(span[-1]) if span is not None and len(span) else _role_class(singular)
        obj = "people" if noun in ("one", "nobody") else noun
        out.append(Quantity(m.group(0), 0.0, None, None, None, obj, role, None, False, m.start(), m.end()))
    return out


# How a counted noun's phrase hangs from a verb whose subject then owns the count: its object, its second object,
# a complement ("made Teixeira an offer" parses as a clause), or a prepositional phrase ("improves to 58 wins").
OWNED_DEPS = frozenset(["dobj", "dative", "attr", "ccomp", "oprd", "prep"])


class Counted(NamedTuple):
    """What a number counts, from the parse."""

    object: str | None  # the counted noun
    role: str | None  # what it did or had done to it (``_role``)
    owner: str | None = None  # whose count it is (``_owner``)
    restricted: bool = False  # the noun is narrowed to a part (``_restricted``)


def _counted(doc: Doc, start: int, end: int) -> Counted:
    """The noun a number counts, its role, owner and restriction: '10 of 15 such drones were seized' -> drones,
    held."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return Counted(None, None)
    for token in reversed(span):
        head = token.head
        # a number after a name labels or scores it ("Cruz 300", "Boeing 737"), it counts no such thing
        counts = token.dep_ in ("nummod", "quantmod", "compound", "amod") and (
            head.pos_ == "NOUN" or (head.pos_ == "PROPN" and head.i > token.i)
        )
        if counts and not span.start <= head.i < span.end:
            return _noun(head)
    for token in doc[span.end : span.end + 4]:
        if token.pos_ in ("NOUN", "PROPN"):
            return _noun(token)
        if token.pos_ not in ("ADJ", "DET", "NUM") and not (token.pos_ == "ADP" and token.lower_ == "of"):
            break  # "dozens of people", not "51 by KO" or "12 in Athens"
    sized = _sized(span[-1])
    if sized is not None:
        role = _role_class(sized.lemma_.lower())
        return Counted("people" if role == "crowd" else sized.lemma_.lower(), role, _owner(sized))
    return Counted(None, _role(span[-1]))


def _sized(number: Any) -> Any:
    """The noun an estimate sizes: "organisers estimated the crowd at 50,000" -> crowd (people in a crowd), "put
    the number of protesters at 10,000" -> protesters."""
    at = number.head
    verb = at.head
    if not (at.lower_ == "at" and verb.pos_ == "VERB" and verb.lemma_.lower() in ESTIMATE_VERBS):
        return None
    sized = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if sized is not None and sized.lemma_.lower() in MEASURE_NOUNS:  # "the number of protesters", "the size of ..."
        inner = [g for c in sized.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children]
        return next((g for g in inner if g.dep_ == "pobj"), sized)
    return sized


def _noun(token: Any) -> Counted:
    text = token.text.lower() if token.pos_ == "NOUN" else token.text
    return Counted(text, _role(token), _owner(token), _restricted(token))


def _restricted(noun: Any) -> bool:
    """The noun is narrowed to a part of what a plain count of it counts: a noun before it ("assault rifles",
    "knockout wins") or a clause after it that is not its role ("51 wins coming by way of knockout"; "three
    people killed" only gives the role)."""
    return any(
        (c.dep_ == "compound" and c.pos_ == "NOUN" and c.i < noun.i)
        or (c.dep_ in ("acl", "relcl") and _role_class(c.lemma_.lower()) is None)
        for c in noun.children
    )


def _owner(noun: Any) -> str | None:
    """The name whose count this is: a name that possesses or names the counted noun ("the Red Sox's offer",
    "three Barcelona players"), else the proper-noun subject of the verb that has it as object ("the Nationals
    made Teixeira a $160 million offer", "Klitschko improves to 58 wins"). None for a pronoun or a common noun:
    "he", "the team" own nothing a reader can tell apart."""
    for child in noun.children:
        if child.dep_ in ("poss", "compound") and child.pos_ == "PROPN" and child.i < noun.i:
            return _name(child)
    node = noun
    while node.dep_ in ("pobj", "prep") and node.head.pos_ in ("ADP", "NOUN"):
        node = node.head  # "improves to a career record of 58 wins": up to the verb's own phrase
    if node.dep_ in OWNED_DEPS and node.head.pos_ in ("VERB", "AUX"):
        subject = next((c for c in node.head.children if c.dep_ == "nsubj"), None)
        if subject is not None and subject.pos_ == "PROPN":
            return _name(subject)
    return None


def _name(token: Any) -> str:
    """A proper noun with the proper nouns compounded into it: "Boston Red Sox"."""
    return " ".join(t.text for t in token.subtree if t.pos_ == "PROPN" and t.i <= token.i and (t.i == token.i or
                    t.dep_ == "compound"))  # fmt: skip


def _changed(doc: Doc, start: int, end: int) -> tuple[str | None, str | None]:
    """What a share is a change of, and which way: 'Greek stocks plunged 5.4 per cent' -> stock, fell. A share
    that a verb reaches "to" is a level, not a change ("unemployment fell to 5 percent"): nothing."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None, None
    node = span[-1]
    while node.pos_ != "VERB" and node.head.i != node.i:
        if node.head.pos_ == "ADP" and node.head.lower_ not in ("by", "per"):
            return None, None
        node = node.head
    lemma = node.lemma_.lower()
    role = next((r for r, verbs in CHANGE_ROLES.items() if lemma in verbs), None) or next(
        (
            CHANGE_PARTICLES[c.lower_]
            for c in node.children
            if c.dep_ in ("advmod", "prt") and c.lower_ in CHANGE_PARTICLES
        ),
        None,
    )
    subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "NOUN"), None)
    return (subject.lemma_.lower(), role) if role and subject is not None else (None, None)


def _shares_arguments(verb: Any) -> bool:
    """A conjoined verb with no subject or object of its own: "were found and confiscated"."""
    return verb.dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass", "dobj") for c in verb.children)


def _role_class(word: str) -> str | None:
    return next((role for role, words in ROLE_CLASSES.items() if word in words), None)


def _role(token: Token) -> str | None:
    """What the counted token did or had done to it: a role class, else the lemma of its governing verb.

    "three deaths", "three injured people", "12 arrested", "shot to death one person", "left 30 dead",
    "rifles were found and confiscated" (a role in a conjoined verb that shares them), "set off to
    march" (in the verb's complement), "put the march at 30,000" (what an estimate sizes); reporting and light verbs pass
    the question to the verb above them ("police said 3 were killed").
    """
    own = _role_class(token.lemma_.lower()) or next(
        (r for c in token.children if c.dep_ in ("amod", "acl", "oprd") and (r := _role_class(c.lemma_.lower()))), None
    )
    if own:
        return own
    node = token
    while node.head.i != node.i:  # the root is its own head
        node = node.head
        if node.pos_ not in ("VERB", "AUX"):
            continue
        for child in node.children:
            if child.dep_ == "prep" and child.lower_ == "to":
                result = next((TO_RESULT[g.lemma_] for g in child.children if g.lemma_ in TO_RESULT), None)
                if result:
                    return result
            passes = child.dep_ in ("oprd", "xcomp") or _shares_arguments(child)
            if passes and (role := _role_class(child.lemma_.lower())):
                return role
        lemma = node.lemma_.lower()
        sized = next((c for c in node.children if c.dep_ == "dobj"), None) if lemma in ESTIMATE_VERBS else None
        if sized is not None and (role := _role_class(sized.lemma_.lower())):
            return role  # "police put the march at roughly 30,000 people": a crowd
        phrasal = next(
            (PHRASAL_ROLES[(lemma, c.lower_)] for c in node.children if (lemma, c.lower_) in PHRASAL_ROLES), None
        )
        if role := phrasal or _role_class(lemma):
            return role
        if lemma not in LIGHT_VERBS:
            return lemma
    return None


_CALENDAR = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Sept?|Oct|Nov|Dec)\.?\s*$",
    re.IGNORECASE,
)


_TIME_ZONE = re.compile(r"\s*(?:GMT|UTC|Z\b|hours\b|hrs\b|local\b|[A-Z]{2,4}T\b)")


def _is_time_or_date(text: str, m: re.Match[str]) -> bool:
    """'October 17', '17 October', '3 p.m.', '10:30': calendar and clock numbers are not amounts."""
    before = text[max(0, m.start() - 12) : m.start()]
    after = text[m.end() : m.end() + 12]
    if _CALENDAR.search(before):
        return True
    if re.match(
        r"\s*(?:January|February|March|April|May|June|July|August|September|October|November|December)\b", after
    ):
        return True
    if re.search(r"\d[:.]$", before):  # the minutes of "3:45" or "9.25 am"
        return True
    if re.fullmatch(r"[0-2]\d[0-5]\d", m.group(0).strip()) and _TIME_ZONE.match(after):
        return True  # "0300 GMT", "1100 hours": a 24-hour clock
    return bool(re.match(r"\s*(?:[ap]\.?\s?m\b\.?|:\d\d|th\b|st\b|nd\b|rd\b)", after, re.IGNORECASE))
