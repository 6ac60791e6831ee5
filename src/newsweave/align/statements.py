"""Statements: the sentences that can carry a claim, with what alignment compares about them.

A statement is a sentence with at least ``MIN_WORDS`` words that is not a
heading. It carries its stance (asserted, attributed, hedged, denied), its
speaker (the quote's speaker, made canonical across the story, else the
stance holder), its content-word stems and entity names (lexical and entity
overlap), its quantities as ranges keyed by what they count, and the days
its dates name. Pair features are computed in blocks with sparse matrices,
so that large stories never need an all-pairs matrix.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import NamedTuple

import numpy as np
from scipy import sparse

from newsweave.analyze.entities import ROLE_NOUNS
from newsweave.analyze.nlp import english_stop_words
from newsweave.analyze.quotations import ATTRIBUTION_WORDS, quotation_spans
from newsweave.lexicon import CONTROL_VERBS, PRONOUNS, SPEECH_ACT_NOUNS
from newsweave.model import Article, TimeExpression

MIN_WORDS = 5
STEM = 5  # content words are compared by their first 5 letters: "supplied", "supplying", "supplies"
INFLECTIONS = ("s", "'s", "’s", "es", "ies", "d", "ed", "ing", "er", "ers", "y", "ly")  # endings of forms of one word
MARGIN_K = 4
SAME_WORDS = 0.98  # cosine above which two sentences are the same words (a reprint), not a paraphrase
PAIR_CHUNK = 4096  # pairs whose features are computed at once
APPROX_SLACK = 0.15  # "about 300" reads as 255-345
VAGUE_GAP = 3.0  # "thousands" and "tens of thousands" may describe one crowd; "dozens" and "thousands" cannot
# A date names a day when it has a day number, a weekday or a day word; "last week" does not.
_DAY = re.compile(r"\d|day\b|tonight|night|morning|evening", re.IGNORECASE)
# "..., the ministry said on Friday": the day of the saying, not of the event.
_SAID_ON = re.compile(
    r"\b(?:said|says|told|announced|added|confirmed|stated|reported|wrote|posted|tweeted|published|released|"
    r"aired|broadcast)(?:\s+\w+){0,2}"
    r"(?:\s+(?:at|in|outside|during)\s+(?:(?:the|a|an)\s+)?\w+(?:\s+\w+){0,3})?(?:\s+on)?\s+$",
    re.IGNORECASE,
)
# A preposition (and up to two words: "in early May") before a date: it places an event in time.
_PLACED = re.compile(r"\b(?:in|on|during)\s+(?:[\w.]+\s+){0,2}(?:$|\d)", re.IGNORECASE)
# "On Sunday, Esper said ...": a fronted day followed by its sayer dates the saying.
_THEN_SAID = re.compile(
    r",\s+(?:[\w.’'-]+\s+){1,4}?(?:said|says|told|announced|added|confirmed|stated|wrote|tweeted)\b",
    re.IGNORECASE,
)
# An embedded post's signature: "— Oliver Darcy (@oliverdarcy) April 19, 2017" dates the post.
_POST_STAMP = re.compile(r"\(@\w+\)\s*$")
RELATIVE_SLACK = 1  # days by which "today" or "yesterday" may be misplaced by a page's time stamp
WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.IGNORECASE)
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
# Counted nouns that all count people: "40 people" and "a few dozen protesters" count the same crowd.
PEOPLE = {"people", "person", "protester", "demonstrator", "marcher", "resident", "civilian", "passenger",
          "victim", "casualtie", "worker", "student", "participant", "supporter", "individual", "adult",
          "injurie", "death", "arrest", "fatalitie"}  # fmt: skip  # "three deaths": three people, dead


class Amount(NamedTuple):
    """One count of a sentence, as the conflict checks compare it."""

    what: str  # what is counted ("people", "offer USD", AGE)
    low: float
    high: float
    text: str  # as written
    vague: bool
    whole: float | None  # the whole it is part of ("5 of 7": 7)
    role: str | None  # "dead", "held", "march" (analyze.quantities)
    owner: str | None = None  # the name whose count it is ("the Nationals made a $160 million offer")
    restricted: bool = False  # narrowed to a part ("51 wins coming by way of knockout", "assault rifles")


PLACE_LABELS = {"GPE", "LOC", "FAC"}
_NATIONWIDE = re.compile(
    r"\b(?:nationwide|across the (?:country|nation)|around the country|all over the country)\b", re.I
)
_ELSEWHERE = re.compile(
    r"\b(?:other|outside(?: of)?|beyond)\s+(?:\w+\s+)?(?:countries|nations|states|cities|provinces|regions|"
    r"places|areas|parts of the)\b",
    re.IGNORECASE,
)
_REST = re.compile(r"\b(?:other|remaining|first)\s+$|\s+(?:others?|more)\b", re.IGNORECASE)
# A superlative after a count picks a part: "the 12 worst-hit villages", "the three largest banks".
_SUPERLATIVE = re.compile(
    r"\s+(?:worst|hardest|best|most|least|biggest|largest|smallest|highest|lowest|oldest|youngest|richest|poorest)\b",
    re.IGNORECASE,
)
# Where the clause a cue governs ends: punctuation, a conjunction that opens another clause, or "and" before a
# second verb of saying ("denies the allegations and says Cohen lied": only the allegations are denied).
_CLAUSE_END = re.compile(
    r"[,;:()\u2014\u2013]|\s-\s|\b(?:though|although|but|while|whereas|because|which|who|only to|after|before|"
    rf"when|until|unless|if)\b|\band\s+(?={ATTRIBUTION_WORDS.pattern})",
    re.IGNORECASE,
)
# An apposition inside the clause a cue governs: "insisted that their ship, the frigate INS Tabar, had acted".
_APPOSITION = re.compile(r",\s+(?:the|a|an)\s+[^,;]{1,40},")
# A cue followed by a clause ("denied that police fired and arrested ...") governs all of it; one followed by a
# noun phrase ("denied any involvement and vowed ...") ends where a second verb in the past tense starts.
_CLAUSE_OPENER = re.compile(r"\s*(?:\w+ly\s+)?(?:that|whether|it|he|she|they|we|i)\b", re.IGNORECASE)
_NEXT_PREDICATE = re.compile(r"\band\s+(?=[a-z]+ed\b)")
_SINCE = re.compile(r"\bsince\b", re.IGNORECASE)
_WRITTEN_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
# A count that sets a scope: "in 54 games", "over a combined 157 games", "across 12 states".
_SCOPE_COUNT = re.compile(
    r"\b(?:in|over|during|across|from)\s+(?:a\s+|the\s+)?(?:combined\s+|total\s+of\s+|just\s+|only\s+)?"
    r"(\d[\d,.]*)\s+([a-z]+)",
    re.IGNORECASE,
)
# A reading taken at a stated moment: "as of 11 p.m. EDT, ... moving northwest at 17 mph".
_AS_OF = re.compile(
    r"\bas of\s+([^,;]{1,30}?)(?=[,;]|\s+\d|\s+(?:was|were|is|are|had|has|the|there)\b|$)", re.IGNORECASE
)
_DIGITS = re.compile(r"\d[\d,]*(?:\.(\d+))?")
AGE = "age"  # what "a 38-year-old" counts: a person's age, compared only between sentences naming that person
_AGE = re.compile(r"[- ]years?[- ]old\b", re.IGNORECASE)
# Nouns of one scale: "50 basis points", "0.5 points" and "half a percentage point" are one move of 0.5 points.
POINTS = {"point", "percentage", "basis", "percentage-point", "basis-point"}


@dataclass(slots=True)
class Statement:
    article: int  # index into the story's articles
    sentence: int
    start: int
    end: int
    text: str
    stance: str
    cue: str | None
    speaker: str | None
    speaker_named: bool  # the sentence names its speaker (not "he said", not an earlier paragraph)
    terms: frozenset[str]
    scope: frozenset[str]  # content words after a denial or hedge cue: what is denied or hedged
    quoted: frozenset[str]  # the words of the quote the sentence holds, stop words too, without its attribution
    names: frozenset[str]
    places: frozenset[str]  # the places it names (GPE, LOC, FAC entities): where its counts hold
    amounts: tuple[Amount, ...]
    dated: frozenset[tuple[str, str]]  # ISO days the sentence names, with how they are written (``day_form``)
    years: frozenset[str] = frozenset()  # the years a date places its event in ("occurred in 2006": ``_placed_years``)
    # stems of what its dates place in time ("killed on Monday": kill), from the parse (``date_one_event``)
    dated_events: frozenset[str] = frozenset()
    days: frozenset[str] = field(init=False)  # the same days alone, derived once (compared for every pair)
    several: frozenset[tuple[str, str | None]] = field(init=False)  # slots counted twice (``count_slots``)

    def __post_init__(self) -> None:
        self.days = frozenset(day for day, _ in self.dated)
        self.several = frozenset(slot for slot, values in count_slots(self).items() if len(values) > 1)

    @property
    def contrary(self) -> bool:
        """A party denies what it reports."""
        return self.stance == "denied"


def statements(articles: list[Article], speakers: dict[str, str]) -> list[Statement]:
    """The story's statements in article and sentence order; ``speakers`` maps short names to story-wide ones."""
    out = []
    for index, article in enumerate(articles):
        people = [(s, e.canonical) for e in article.entities for s in e.spans]
        places = [(s, e.canonical) for e in article.entities for s in e.spans if e.label in PLACE_LABELS]
        for number, sentence in enumerate(article.sentences):
            text = article.text[sentence.start : sentence.end]
            words = WORD.findall(text)
            if len(words) < MIN_WORDS or not any(w.islower() for w in words):
                continue
            stance = article.stances[number] if number < len(article.stances) else None
            events = _event_expressions(article, sentence)
            quote = next((q for q in article.quotes if q.speaker and _inside(q.start, q.end, sentence)), None)
            speaker = quote.speaker if quote else (stance.holder if stance else None)
            if stance and stance.stance == "denied" and stance.holder:
                speaker = stance.holder  # the denier ("Russia has denied ..., and Ryabkov said talks stalled")
            span = quote.speaker_span if quote else None
            named = (
                (
                    span is not None
                    and sentence.start <= span[0] < sentence.end
                    and not (quote.start <= span[0] < quote.end)  # type: ignore[union-attr]  # a name inside the quote
                    and article.text[span[0] : span[1]].lower() not in PRONOUNS
                )
                or (quote is None and speaker is not None and speaker in text)
            )
            out.append(
                Statement(
                    article=index,
                    sentence=number,
                    start=sentence.start,
                    end=sentence.end,
                    text=text,
                    stance=stance.stance if stance else "asserted",
                    cue=stance.cue if stance else None,
                    speaker=speakers.get(speaker, speaker) if speaker else None,
                    speaker_named=named,
                    terms=frozenset(stems(words)),
                    quoted=words_of(quote.text) if quote else frozenset(),
                    scope=_cue_scope(text, stance.cue if stance and stance.stance in ("denied", "hedged") else None),
                    names=frozenset(name for (s, e), name in people if sentence.start <= s and e <= sentence.end),
                    places=frozenset(name for (s, e), name in places if sentence.start <= s and e <= sentence.end),
                    amounts=tuple(_amounts(article, sentence)),
                    dated=_dated(events),
                    dated_events=frozenset(event[:STEM] for d in events if d.value for event in d.events),
                    years=_placed_years(article, events),
                )
            )
    return out


def words_of(text: str) -> frozenset[str]:
    """Every word of the text, lower-cased, stop words too."""
    return frozenset(w.lower() for w in WORD.findall(text))


def stems(words: list[str]) -> list[str]:
    stop = english_stop_words()
    return [w.lower()[:STEM] for w in words if w.lower() not in stop and (len(w) > 2 or w.isdigit())]


# A title that stands for a person: a singular role noun with "former"/"deputy" before it or "of the state" after it
# ("the former secretary of state", "the deputy prime minister", "the head of the agency"); a bare "the president"
# or "engineers" is what a sentence says, not a title.
_ROLE = "(?:" + "|".join(sorted((re.escape(n) for n in ROLE_NOUNS), key=len, reverse=True)) + ")"
_DESCRIPTOR = re.compile(
    rf"\b(?:(?:former|ex|then|acting|deputy|vice|prime|chief)[\s-]+)+{_ROLE}\b(?:\s+of\s+(?:the\s+)?\w+)?"
    rf"|\b{_ROLE}\s+of\s+(?:the\s+)?\w+",
    re.IGNORECASE,
)


def covers(scope: frozenset[str], a: Statement, b: Statement) -> int:
    """How many words of a cue's ``scope`` the other statement holds, names of either left out, and the titles
    that stand for names ("the former secretary of state", ``_DESCRIPTOR``): a denial and a report share
    "Russia" and "Ukraine" in every sentence of a story about them. A shared stem
    counts only for two forms of one word (``one_word``): "considers" is not "consistent"."""
    if not scope:
        return 0
    names = set(stems(WORD.findall(" ".join(a.names | b.names))))
    descriptors = {
        w for text in (a.text, b.text) for m in _DESCRIPTOR.finditer(text) for w in stems(m.group(0).split())
    }
    shared = (scope & a.terms & b.terms) - names - descriptors
    return sum(one_word(stem, a.text, b.text) for stem in shared)


def one_word(stem: str, first: str, second: str) -> bool:
    """Both texts hold a word of this stem, and two of them are forms of one word: the same once an inflection
    is taken off either ("reported" / "reports", "meddling" / "meddled", "injured" / "injuries"), not two words
    that only begin alike ("considers" / "consistent", "office" / "officers")."""
    mine = {form for w in WORD.findall(first) if w.lower().startswith(stem) for form in _bases(w.lower())}
    theirs = {form for w in WORD.findall(second) if w.lower().startswith(stem) for form in _bases(w.lower())}
    return bool(mine & theirs)


def _bases(word: str) -> set[str]:
    """The word and what is left of it without each inflection it ends in."""
    return {word} | {
        word[: -len(end)] for end in INFLECTIONS if word.endswith(end) and len(word) - len(end) >= STEM - 1
    }


def _cue_scope(text: str, cue: str | None) -> frozenset[str]:
    """The words of the clause after a denial or hedge cue (``cue_clause``), as a set."""
    return frozenset(cue_clause(text, cue))


def cue_clause(text: str, cue: str | None) -> list[str]:
    """The words of the clause after a denial or hedge cue, in order: what is denied ("denied that officers used
    tear gas") or hedged ("was reportedly recovered from the scene"), up to the clause's end, so that
    "denied cutting a deal, though he expects relations to improve" denies only the deal."""
    return stems([w for w in _clause_words(text, cue) if w.lower() not in SPEECH_ACT_NOUNS])


def cue_predicate(text: str, cue: str | None) -> str | None:
    """The stem of the first content word of a cue's clause, past a verb that takes another's proposition: "injur"
    in "is thought to have been injured and ...", "inves" in "allegedly promised to invest $2 billion"."""
    content = stems([w for w in _clause_words(text, cue) if w.lower() not in CONTROL_VERBS])
    return content[0] if content else None


def _clause_words(text: str, cue: str | None) -> list[str]:
    if not cue or cue not in text:
        return []
    clause = _CLAUSE_END.split(_APPOSITION.sub(" ", text[text.index(cue) + len(cue) :]), maxsplit=1)[0]
    if not _CLAUSE_OPENER.match(clause):  # "denied any involvement and vowed a response": the denier's next act
        clause = _NEXT_PREDICATE.split(clause, maxsplit=1)[0]
    return WORD.findall(clause)


def event_dates(article: Article, sentence: object) -> list[str]:
    """The normalised dates (day, month or year) of the events the sentence reports, in text order."""
    return [d.value for d in _event_expressions(article, sentence)]  # type: ignore[misc]


def _event_expressions(article: Article, sentence: object) -> list[TimeExpression]:
    """The sentence's time expressions that date an event it reports, in text order.

    Not the day something was said or published ("said on Friday", "On Sunday, Esper said", "a report published
    Monday", an embedded post's "(@handle) April 19, 2017"), not a day that names another event
    ("before Thursday's fire"), and not a weekday, "today" or month inside a quotation: that is the
    speaker's, placed from a moment the article does not give.
    """
    quoted = quotation_ranges(article.text)
    out = []
    for d in article.dates:
        if not (d.value and _inside(d.start, d.end, sentence)):
            continue
        before, after = article.text[max(0, d.start - 40) : d.start], article.text[d.end : d.end + 2]
        if (
            _SAID_ON.search(before)
            or _POST_STAMP.search(before)
            or _THEN_SAID.match(article.text, d.end)
            or after in ("'s", "’s")
        ):
            continue
        if day_form(d.text) not in ("calendar", "month_day") and any(s <= d.start and d.end <= e for s, e in quoted):
            continue
        if len(d.value) < 10 or _DAY.search(d.text):  # "last week" is placed on a day, but names none
            out.append(d)
    return out


@lru_cache(maxsize=64)
def quotation_ranges(text: str) -> list[tuple[int, int]]:
    """Every span inside quotation marks, attributed to a speaker or not (a quotation's "today" is its
    speaker's either way); cached because each sentence of an article asks."""
    return [(s.start, s.end) for s in quotation_spans(text)]


def _placed_years(article: Article, events: list[TimeExpression]) -> frozenset[str]:
    """The years of the sentence's event dates (``_event_expressions``) that place what it reports in time
    ("occurred in 2006", "on March 9, 2013", "today"), not a year that names something ("the 2016 election")."""
    return frozenset(
        d.value[:4]
        for d in events
        if d.value and (len(d.value) == 10 or _PLACED.search(article.text[max(0, d.start - 30) : d.start] + d.text[:8]))
    )


def _dated(events: list[TimeExpression]) -> frozenset[tuple[str, str]]:
    """The ISO days of the sentence's event dates (``_event_expressions``: "on April 2", "on Monday"), not weeks
    or months, each with how it is written (``day_form``)."""
    return frozenset((d.value, day_form(d.text)) for d in events if d.value and len(d.value) == 10)


def day_form(text: str) -> str:
    """How a day is written: "calendar" ("March 9, 2013"), "month_day" ("March 9", "10 Nov": its year is the
    publication's, a guess), "weekday" ("on Saturday") or "relative" ("today", "yesterday", "this morning":
    placed from the publication time, which pages often misstate)."""
    if re.search(r"\d", text):
        return "calendar" if _WRITTEN_YEAR.search(text) else "month_day"
    if WEEKDAY.search(text):
        return "weekday"
    return "relative"


def _inside(start: int, end: int, sentence: object) -> bool:
    return start < sentence.end and sentence.start < end  # type: ignore[attr-defined]


def _amounts(article: Article, sentence: object) -> list[Amount]:
    out = []
    for q in article.quantities:
        if not _inside(q.start, q.end, sentence) or not q.object:
            continue
        low = q.low if q.low is not None else q.value
        high = q.high if q.high is not None else q.value
        if low is None and high is None:
            continue
        low = low if low is not None else 0.0
        high = high if high is not None else float("inf")
        if q.approx:
            low, high = low * (1 - APPROX_SLACK), high * (1 + APPROX_SLACK)
        noun = q.object.lower().rstrip("s")
        if noun in POINTS:
            noun = "point"
            if article.text[q.end : q.end + 12].lower().lstrip().startswith("basis"):
                low, high = low / 100, high / 100
        rest = _REST.match(article.text, q.end) or _SUPERLATIVE.match(article.text, q.end)
        if _REST.search(article.text[max(0, q.start - 10) : q.start]) or rest:
            continue  # "the other three boats", "the first two deaths", "three more people": a part of a whole the
            # sentence does not give
        if _AGE.match(article.text, q.end):
            noun = AGE
        counted = ("people" if noun in PEOPLE else noun) + (f" {q.unit}" if q.unit else "")
        out.append(
            Amount(counted, float(low), float(high), q.text, q.value is None, q.of, q.role, q.owner, q.restricted)
        )
    return out


class Clash(NamedTuple):
    """Two counts of one thing that cannot both hold."""

    first: str  # as written in the first statement
    second: str
    what: str  # what they count
    role: str | None
    rising: bool  # the second count is the higher


def numbers_disagree(a: Statement, b: Statement) -> Clash | None:
    """The two amounts as written, and what they count, when no reading of the counts of one thing agrees.

    Counts are compared when they count the same thing in the same role (killed, injured, arrested;
    a count whose role the parse could not find only with another such) for the same party when both
    name theirs (``Amount.owner``: "the Red Sox's offer" is not the Nationals'), or are parts of the same whole ("five of the
    seven members", "four of the seven rate-setters"). Two counts agree when their ranges overlap
    (vague amounts within a factor of VAGUE_GAP), or when a plain count is the whole the other is part
    of ("seven members" and "five of seven members").
    """
    clash = None
    if not _same_scope(a, b):
        return None
    several = a.several | b.several
    for what, low, high, text, vague, whole, role, owner, part in a.amounts:
        for other, low2, high2, text2, vague2, whole2, role2, owner2, part2 in b.amounts:
            if what != other and not (whole is not None and whole == whole2):
                continue  # different things counted, unless both are parts of the same whole ("5 of 7", "4 of 7")
            if role != role2:
                continue  # the same noun in different roles: "3 people were killed", "12 people were injured"
            if owner and owner2 and not share_a_name(owner, owner2):
                continue  # two parties' counts: "the Red Sox's $200 million offer", "the Nationals' $160 million"
            if (what, role) in several or (other, role2) in several:
                continue  # "46 % in the first round, 29 % for his rival": which of them is the one compared is unknown
            if not (vague or vague2) and _rounded_alike(low, high, text, low2, high2, text2):
                return None  # "55 percent" and "55.5 percent": one figure, rounded
            if what == AGE and not a.names & b.names:
                continue  # an age is a person's: "a 63-year-old woman" and "the 38-year-old gunman" are two people
            gap = VAGUE_GAP if vague or vague2 else 1.0
            if low <= high2 * gap and low2 <= high * gap:
                return None
            if (whole is None and whole2 is not None and low <= whole2 <= high) or (
                whole2 is None and whole is not None and low2 <= whole <= high2
            ):
                return None
            if (part and not part2 and high < low2) or (part2 and not part and high2 < low):
                continue  # a part below the whole: "51 wins coming by way of knockout" of "58 wins"
            if _gives(b, low, high) or _gives(a, low2, high2):
                continue  # "180,000 a month, down from 223,000": both figures are in one sentence
            if _sums_to(a, what, low2, high2) or _sums_to(b, what, low, high):
                continue  # "five counts of tax fraud, two of bank fraud and one other" and "eight counts"
            clash = clash or Clash(text, text2, what, role, low2 > high)
    return clash


def share_a_name(first: str | None, second: str | None) -> bool:
    """Two names with a name word in common (initials aside): "Mr. Trump" and "Donald Trump", or a tagging
    slip ("Trump Thursday"); too close to tell apart for sure."""
    if not (first and second):
        return False
    words = [{w for w in re.findall(r"[^\W\d_]{3,}", name.casefold())} for name in (first, second)]
    return bool(words[0] & words[1])


def count_slots(statement: Statement) -> dict[tuple[str, str | None], set[tuple[float, float]]]:
    """What the sentence counts, in which role, and the ranges it gives each. A slot with several ranges
    (``Statement.several``) holds two scopes the sentence alone tells apart (two events, places or times:
    "killed two students ..., the massacre that killed 13 people")."""
    slots: dict[tuple[str, str | None], set[tuple[float, float]]] = defaultdict(set)
    for x in statement.amounts:
        slots[(x.what, x.role)].add((x.low, x.high))
    return slots


def _rounded_alike(low: float, high: float, text: str, low2: float, high2: float, text2: str) -> bool:
    """Two exact figures written to different precision that round alike: "55 percent" is within a unit of
    its last digit of "55.5 percent", "2.8 million" of "2,815,000"."""
    if low != high or low2 != high2:
        return False
    unit, unit2 = _last_digit(text, low), _last_digit(text2, low2)
    return unit != unit2 and abs(low - low2) < max(unit, unit2)


def _last_digit(text: str, value: float) -> float:
    """The value of one unit in the last written digit: 1 for "55", 0.1 for "55.5", 100,000 for "2.8 million",
    1 for a number written in words."""
    number = _DIGITS.search(text)
    if not number:
        return 1.0
    written = float(number.group(0).replace(",", ""))
    decimals = len(number.group(1) or "")
    return 10.0**-decimals * (value / written if written else 1.0)


def _same_scope(a: Statement, b: Statement) -> bool:
    """Counts of the two sentences may be of one thing: not two places ("20,000 in Patras", "50,000 in
    Thessaloniki"), not counts of elsewhere ("98 cases in 18 other countries, but no deaths"), not a national
    total and a local count, not a count "since" a time and one over all time, not a reading "as of" a moment
    and one of another or of no stated moment (a storm's speed, a count still rising), not counts over two
    scopes that the sentences count differently ("in 54 games", "in a combined 157 games")."""
    if a.places and b.places and not a.places & b.places:
        return False
    if _ELSEWHERE.search(a.text) or _ELSEWHERE.search(b.text):
        return False
    if bool(_NATIONWIDE.search(a.text)) != bool(_NATIONWIDE.search(b.text)):
        return False
    if {m.lower() for m in _AS_OF.findall(a.text)} != {m.lower() for m in _AS_OF.findall(b.text)}:
        return False
    scopes, other_scopes = _scope_counts(a.text), _scope_counts(b.text)
    if any(scopes[noun] != other_scopes[noun] for noun in scopes.keys() & other_scopes.keys()):
        return False  # "43 RBIs in 54 games" and "121 RBIs in a combined 157 games": a part and the season
    return bool(_SINCE.search(a.text)) == bool(_SINCE.search(b.text))


def _scope_counts(text: str) -> dict[str, str]:
    """The scopes a sentence sets by a count ("in 54 games"): counted noun -> the number as written."""
    return {noun.lower().rstrip("s"): number for number, noun in _SCOPE_COUNT.findall(text)}


def _sums_to(statement: Statement, what: str, low: float, high: float) -> bool:
    """The statement's several counts of ``what`` add up to a figure in [low, high]."""
    parts = [(low2, high2) for what2, low2, high2, *_ in statement.amounts if what2 == what]
    if len(parts) < 2:
        return False
    return sum(p[0] for p in parts) <= high and low <= sum(p[1] for p in parts)


def _gives(statement: Statement, low: float, high: float) -> bool:
    """The statement gives a figure in [low, high], whatever it counts."""
    return any(low2 <= high and low <= high2 for _, low2, high2, *_ in statement.amounts)


def reports_count(statement: Statement, what: str, role: str | None, other: Statement) -> bool:
    """The statement gives a count of ``what`` in ``role`` that overlaps one the other statement gives."""
    mine = [(x.low, x.high) for x in statement.amounts if x.what == what and x.role == role]
    theirs = [(x.low, x.high) for x in other.amounts if x.what == what and x.role == role]
    return any(low <= high2 and low2 <= high for low, high in mine for low2, high2 in theirs)


def dates_disagree(a: Statement, b: Statement) -> bool:
    """No day of one can be a day of the other, however their anchors are read.

    Two calendar dates disagree when they differ, and a month and day without a year only with another month
    and day (its year is a guess); a weekday disagrees with a weekday or a date only
    when the days of the week differ (two articles may place "Thursday" from different publication
    dates); a relative day ("today") only by more than ``RELATIVE_SLACK`` days (time zones, overnight
    and updated pages).
    """
    if not (a.days and b.days) or a.days & b.days:
        return False
    return all(_days_differ(x, y) for x in a.dated for y in b.dated)


def date_one_event(a: Statement, b: Statement) -> bool:
    """Some day of each dates the same verb or noun ("killed on Monday", "killed on Sunday"): two days that date
    different acts ("tweaked his promise Saturday", "was nominated on Tuesday") are two events of one story."""
    return bool(a.dated_events & b.dated_events)


def _days_differ(x: tuple[str, str], y: tuple[str, str]) -> bool:
    (day_x, form_x), (day_y, form_y) = x, y
    first, second = date.fromisoformat(day_x), date.fromisoformat(day_y)
    if "relative" in (form_x, form_y):
        return abs((first - second).days) > RELATIVE_SLACK
    if "weekday" in (form_x, form_y):
        return first.weekday() != second.weekday()
    if "month_day" in (form_x, form_y):  # "killed on June 24" in 2007 and "killed June 24, 2005": one day
        return (first.month, first.day) != (second.month, second.day)
    return first != second


class PairFeatures:
    """Features of statement pairs, computed for index arrays.

    - cosine of the sentence embeddings;
    - margin: the cosine minus the mean cosine of each side's ``MARGIN_K`` nearest neighbours, so that
      a tight story (where every sentence is near every other) does not look like one claim;
    - mutual: each is the other's nearest statement in the other's article;
    - content-word Jaccard and entity-name Jaccard.
    """

    NAMES = ("cosine", "margin", "mutual", "words", "names")

    def __init__(self, items: list[Statement], vectors: np.ndarray, units: list[list[int]], indices: np.ndarray,
                 sims: np.ndarray) -> None:  # fmt: skip
        """``indices`` and ``sims`` are the units' nearest units (statement_units, align.neighbours)."""
        self.units = units
        self.vectors = vectors
        self.terms = _incidence([s.terms for s in items])
        self.names = _incidence([s.names for s in items])
        self.unit_of = np.zeros(len(items), dtype=np.int64)
        for number, unit in enumerate(units):
            self.unit_of[unit] = number
        self.density = _density(sims)[self.unit_of]
        self.size = len(units)
        self.mutual = _mutual_keys(items, units, indices)

    def __call__(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        """(len(left), 5) features of the pairs (left[k], right[k]), in chunks that bound the memory used."""
        if len(left) <= PAIR_CHUNK:
            return self._features(left, right)
        return np.vstack(
            [
                self._features(left[k : k + PAIR_CHUNK], right[k : k + PAIR_CHUNK])
                for k in range(0, len(left), PAIR_CHUNK)
            ]
        )

    def _features(self, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        cos = np.einsum("ij,ij->i", self.vectors[left], self.vectors[right])
        margin = cos - (self.density[left] + self.density[right]) / 2
        u, v = self.unit_of[left], self.unit_of[right]
        keys = np.minimum(u, v) * self.size + np.maximum(u, v)
        at = np.minimum(np.searchsorted(self.mutual, keys), max(len(self.mutual) - 1, 0))
        mutual = (self.mutual[at] == keys).astype(np.float32) if len(self.mutual) else np.zeros(len(keys), np.float32)
        words = _jaccard(self.terms, left, right)
        return np.column_stack([cos, margin, mutual, words, _jaccard(self.names, left, right)])

    def block(self, left: list[int], right: list[int]) -> np.ndarray:
        """Features of every pair of ``left`` x ``right``, flattened row by row."""
        i = np.repeat(np.asarray(left), len(right))
        j = np.tile(np.asarray(right), len(left))
        return self(i, j)


def _density(sims: np.ndarray) -> np.ndarray:
    """Mean cosine of each statement's MARGIN_K nearest neighbours that are not the same words again.

    Reprints repeat sentences word for word; counting those would make every syndicated sentence
    look as if it lived in a crowd, and hide its paraphrases.
    """
    out = np.zeros(len(sims), dtype=np.float32)
    for row, values in enumerate(sims):
        distinct = values[values < SAME_WORDS][:MARGIN_K]
        out[row] = distinct.mean() if len(distinct) else 0.0
    return out


def _mutual_keys(items: list[Statement], units: list[list[int]], indices: np.ndarray) -> np.ndarray:
    """Sorted keys (u * n + v, u < v) of the units that are each other's nearest in some article of the other."""
    articles = [sorted({items[i].article for i in unit}) for unit in units]
    best: list[dict[int, int]] = []  # unit -> {article: its nearest unit with a sentence there}
    for row, neighbours in enumerate(indices.tolist()):
        first: dict[int, int] = {}
        for v in neighbours:
            if v != row:
                for article in articles[v]:
                    first.setdefault(article, v)
        best.append(first)
    n = len(units)
    keys = {
        min(u, v) * n + max(u, v)
        for u, first in enumerate(best)
        for article, v in first.items()
        if any(best[v].get(a) == u for a in articles[u])
    }
    return np.array(sorted(keys), dtype=np.int64)


def statement_units(items: list[Statement]) -> list[list[int]]:
    """Statements with the same words, counts and days (reprints), in order of their first statement."""
    units: dict[tuple, list[int]] = {}
    for i, s in enumerate(items):
        units.setdefault((s.text, s.amounts, s.days, s.contrary), []).append(i)
    return list(units.values())


def _incidence(sets: list[frozenset[str]]) -> sparse.csr_matrix:
    vocabulary: dict[str, int] = {}
    rows, cols = [], []
    for row, items in enumerate(sets):
        for item in sorted(items):
            rows.append(row)
            cols.append(vocabulary.setdefault(item, len(vocabulary)))
    shape = (len(sets), max(1, len(vocabulary)))
    return sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=shape)


def _jaccard(matrix: sparse.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    if len(left) == 0:
        return np.zeros(0, dtype=np.float32)
    both = np.asarray(matrix[left].multiply(matrix[right]).sum(axis=1)).ravel()
    sizes = np.diff(matrix.indptr)  # one entry per item: the set's size
    union = sizes[left] + sizes[right] - both
    return np.divide(both, union, out=np.zeros_like(both, dtype=np.float64), where=union > 0).astype(np.float32)
