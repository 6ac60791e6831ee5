"""Conflicts: where independent sources disagree, with the sentences on each side.

- number: two claims count the same thing and no reading of the counts
  overlaps ("a few dozen protesters" vs "thousands of protesters");
- date: two claims put the same event on different days (statements.dates_disagree), one of them a
  day that fewer than ``ESTABLISHED_DAY`` sources name;
- denial: a party denies what other sources report (one conflict per denial,
  with every claim it contradicts);
- framing: within one claim, some sources state it in their own voice and others hedge
  the same words ("allegedly", "claimed");
- attribution: within one claim, sources give the same statement (most of
  its words in common) to different people.

The first three come from the incompatible but related pairs that claim
grouping kept apart (align.claims); the last two from inside a claim.
Outlets disagree only across independent sources: a wire copy cannot
disagree with its original. A denial is a party's, so it counts even when
the same outlet reports both the claim and its denial. Evidence keeps one
sentence per source and side.

Two sentences are kept apart when they are not about the same thing: one
places its event in another year (``_another_year``), counts in a place the
other article never names (``_elsewhere``), or, for two days, shares too few
words to report one act (``DATE_WORDS``) or dates different verbs or nouns
(``date_one_event``). One disagreement (the same two figures or days) is one
conflict, whatever sources and claims tell it, and all the denials of one
denier are one conflict.
"""

from __future__ import annotations

import re
from collections import defaultdict

from newsweave.align.claims import Grouping
from newsweave.align.statements import (
    WORD,
    Clash,
    Statement,
    count_slots,
    covers,
    cue_predicate,
    date_one_event,
    dates_disagree,
    numbers_disagree,
    one_word,
    reports_count,
    share_a_name,
    stems,
    words_of,
)
from newsweave.analyze.nlp import english_stop_words
from newsweave.analyze.stance import DOUBTFUL_CUES, negated_clause
from newsweave.lexicon import ADVICE_MODALS, DETERMINERS
from newsweave.model import Conflict, Evidence

KINDS = ("number", "date", "denial", "framing", "attribution")
# A day named by this many independent sources is a day of the story: a story that spans days (a shooting
# on Saturday, riots on Monday and Wednesday) does not put one event on two of them.
ESTABLISHED_DAY = 2
# Content-word Jaccard two sentences need for their different days to be one act misdated: a date dates the
# act of its own sentence, and two sentences of one topic ("spoke tonight with Kerry about Turkey", "on
# Saturday scheduled a meeting on Turkey") often report two acts.
DATE_WORDS = 0.25
# Word Jaccard, stop words included, of the quotes (or sentences) two attributions of one line need: one
# report told twice. Two officials who each said much the same ("treats transgender people with respect and
# dignity" / "treats all transgender persons with respect and dignity and the new policy was ...") are two lines.
SAME_LINE = 0.5
# Content words (stop words aside) the two lines must share: "I was shocked" / "I was, like, shocked" (one) is what
# anyone says, not one line two outlets credit to different people.
SAME_LINE_WORDS = 2
HEDGED_WORDS = 2  # content words a hedge's scope shares with the flat statement ("recovered ... scene"), or all of
# a shorter scope ("is believed to have been arrested": "arrested")
HEDGED_SHARE = 0.6  # ... and this share of them: the flat sentence states the same words the hedge covers
FRAMING_SAME = 0.5  # pair probability above which a hedged and a flat sentence are one proposition
# ... when the hedge covers fewer than HEDGED_WORDS words ("alleged shooters"): it says little about what is
# doubted, so the two sentences must be near paraphrases ("One person is believed to have been arrested")
FRAMING_SHORT_SAME = 0.9
# Roles whose counts grow while an event unfolds: a higher toll published on a later day is an update.
CUMULATIVE_ROLES = {"dead", "injured", "missing", "held", "evacuated", "rescued"}
_DENIAL_WORDS = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ials?)|reject(?:s|ed|ing|ions?)?|refut(?:e|es|ed|ing)|disput(?:e|es|ed|ing)|false|"
    r"untrue|baseless|unfounded|rebut(?:s|ted|ting)?|(?:push|pushed|pushing|fought|fights?|fighting|hit|hits|hitting)"
    r"\s+back)\b",
    re.IGNORECASE,
)
# A count placed by "in": a number, up to three words, "in" and the place ("50,000 jobs in India").
COUNTED_IN = r"\d[\d,.]*\s+(?:[\w-]+\s+){{0,3}}in\s+(?:the\s+)?{place}\b"
# Words by which a sentence doubts part of what it says, though its stance is the outlet's own.
_DOUBT = re.compile(r"\b(?:suspected|alleged|possible|possibly|apparent|likely|probable|probably|presumed)\b", re.I)
HEADLINE_SHARE = 0.6  # a sentence with this share of its words capitalised is a headline, in title case
_ADVICE = re.compile(r"\b(?:" + "|".join(m.replace(" ", r"\s+") for m in ADVICE_MODALS) + r")\b", re.IGNORECASE)
_NEGATION = re.compile(r"\b(?:not|no|never|nothing|none|nobody)\b|n['’]t\b", re.IGNORECASE)


def _other_counts(a: Statement, b: Statement) -> bool:
    """The two sentences count one thing in one role differently ("five plots in three months", "18 plots since
    2013"): not one proposition told two ways. "One arrest, no injuries" counts people twice, in two roles."""
    mine = count_slots(a)
    return any((x.what, x.role) in mine and (x.low, x.high) not in mine[(x.what, x.role)] for x in b.amounts)


def _figures(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in words if w[:1].isdigit())


def _states_what_is_hedged(hedged: Statement, flat: Statement) -> bool:
    """The flat statement holds the hedged clause's predicate (``cue_predicate``): "nobody is thought to have been
    injured and anybody with information is asked to call police" is not framed by an appeal to call police."""
    head = cue_predicate(hedged.text, hedged.cue)
    return head is None or (head in flat.terms and one_word(head, hedged.text, flat.text))


def _flat(statement: Statement) -> bool:
    """A statement in the outlet's own voice that doubts nothing itself: not a headline ("Hiller Feuded with
    Co-Workers Prior to Shooting", whose style drops every hedge) and with no doubting word of its own ("set
    alight by suspected arsonists")."""
    words = WORD.findall(statement.text)
    capitalised = sum(1 for w in words if w[:1].isupper())
    return capitalised < HEADLINE_SHARE * len(words) and not _DOUBT.search(statement.text)


def _attributive(statement: Statement) -> bool:
    """The hedge qualifies a noun ("an allegedly partisan gerrymander", "both alleged shooters"): it labels a
    thing, it does not doubt what the sentence states."""
    cue = statement.cue
    before = "|".join(sorted(DETERMINERS | {"both"}))
    return bool(cue and re.search(rf"\b(?:{before})\s+{re.escape(cue)}\b", statement.text, re.IGNORECASE))


def _negated_subject(denial: Statement) -> frozenset[str]:
    """What a doubtful cue's negated clause says is not so, when it names it: "drug manufacturers" in "they
    claim drug manufacturers aren't lowering prices"; nothing for a pronoun ("claimed it does not violate")."""
    if not denial.cue or denial.cue.lower() not in DOUBTFUL_CUES:
        return frozenset()
    negated = negated_clause(denial.text, denial.cue)
    if not negated:
        return frozenset()
    return frozenset(stems(WORD.findall(negated.group(0))[:-1]))  # the words before the "not" or "aren't"


class ConflictFinder:
    def __init__(self, items: list[Statement], grouping: Grouping, claim_of: list[int], claim_ids: list[str],
                 sources: list[str],
                 article_ids: list[str], outlets: list[str], people: set[str],
                 published: list[str | None]) -> None:  # fmt: skip
        self.items = items
        self.grouping = grouping  # the claims' pair model and the incompatible pairs it kept (align.claims)
        self.claim_of = claim_of  # statement -> claim index
        self.claim_ids = claim_ids
        self.sources = sources  # statement -> independent source key
        self.article_ids = article_ids  # article index -> id
        self.outlets = outlets  # article index -> outlet name
        self.people = people
        self.published = [day[:10] if day else None for day in published]  # article index -> publication day
        sources_of_day: dict[str, set[str]] = defaultdict(set)
        for statement, source in zip(items, sources, strict=True):
            for day in statement.days:
                sources_of_day[day].add(source)
        self.established = {day for day, named_by in sources_of_day.items() if len(named_by) >= ESTABLISHED_DAY}
        self.places: dict[int, set[str]] = defaultdict(set)  # article index -> the places its sentences name
        for statement in items:
            self.places[statement.article] |= statement.places

    def find(self, members: list[list[int]]) -> tuple[list[Conflict], list[Conflict]]:
        """The conflicts, and the figures updated over time (``_updated``), each sorted."""
        between = self._between(self.grouping.related)
        updates = [c for c in between if c.kind == "update"]
        found = [c for c in between if c.kind != "update"] + [c for group in members for c in self._within(group)]
        found += self._framed_across(self.grouping.hedged)
        return sorted(found, key=lambda c: (KINDS.index(c.kind), c.claims, c.description)), updates

    def _between(self, related: list[tuple[int, int, float]]) -> list[Conflict]:
        """Number and date conflicts per pair of claims; a denial with everything it contradicts; updates."""
        links: dict[tuple[str, int, int], list[tuple[int, int]]] = defaultdict(list)
        for i, j, _ in related:
            if self.claim_of[i] == self.claim_of[j] or self._another_year(i, j):
                continue
            if self.items[i].contrary != self.items[j].contrary:  # a party denies it, whoever reports the denial
                report, denial = (j, i) if self.items[i].contrary else (i, j)
                if self._contradicts(report, denial):
                    links[("denial", self.claim_of[denial], -1)].append((report, denial))
                continue
            kind = self._disagreement(i, j)
            if kind:
                if self.claim_of[i] > self.claim_of[j]:
                    i, j = j, i  # one conflict per pair of claims, whichever statement came first
                links[(kind, self.claim_of[i], self.claim_of[j])].append((i, j))
        out: list[Conflict] = []
        denials: dict[str | None, tuple[Conflict, set[int], set[int]]] = {}
        told: dict[tuple[object, ...], tuple[Conflict, dict[str, tuple[str, set[int]]]]] = {}
        for (kind, first_claim, second_claim), pairs in sorted(links.items()):
            side_a = sorted({i for i, _ in pairs})
            side_b = sorted({j for _, j in pairs})
            if kind == "denial":
                self._denial(first_claim, side_a, side_b, denials, out)
                continue
            a, b = self.items[pairs[0][0]], self.items[pairs[0][1]]
            claims = [self.claim_ids[first_claim], self.claim_ids[second_claim]]
            clash = numbers_disagree(a, b) if kind == "number" else None
            if clash and self._updated(clash, side_a, side_b):
                earlier, later = (side_a, side_b) if clash.rising else (side_b, side_a)
                low, high = (clash.first, clash.second) if clash.rising else (clash.second, clash.first)
                text = f'Updated: "{low}" ({self._when(earlier)}) to "{high}" ({self._when(later)})'
                out.append(Conflict("update", text, claims, self._evidence(earlier, 0) + self._evidence(later, 1)))
                continue
            if clash:
                shown = (clash.first, clash.second)
                key: tuple[object, ...] = (kind, clash.what, clash.role, frozenset(v.casefold() for v in shown))
            else:
                shown = (", ".join(sorted(a.days)), ", ".join(sorted(b.days)))
                key = (kind, frozenset(shown))
            # the same disagreement found through other sentences or told by more sources: one conflict
            if key not in told:  # each side: the value as first written, and the statements that give it
                told[key] = (Conflict(kind, "", [], []), {v.casefold(): (v, set()) for v in shown})
                out.append(told[key][0])
            conflict, sides = told[key]
            sides[shown[0].casefold()][1].update(side_a)
            sides[shown[1].casefold()][1].update(side_b)
            conflict.claims.extend(c for c in claims if c not in conflict.claims)
            self._describe(conflict, list(sides.values()))
        return out

    def _describe(self, conflict: Conflict, sides: list[tuple[str, set[int]]]) -> None:
        """A number or date conflict's text and evidence from the statements behind each of its two values."""
        (first, side_a), (second, side_b) = sides
        label, mark = ("Counts", '"') if conflict.kind == "number" else ("Dates", "")
        conflict.description = (f"{label} disagree: {mark}{first}{mark} ({self._who(sorted(side_a))}) vs "
                                f"{mark}{second}{mark} ({self._who(sorted(side_b))})")  # fmt: skip
        conflict.evidence = self._evidence(sorted(side_a), 0) + self._evidence(sorted(side_b), 1)

    def _contradicts(self, report: int, denial: int) -> bool:
        """The denial contradicts the report: a named party denies what the report states in its own words."""
        r, d = self.items[report], self.items[denial]
        if not d.speaker or share_a_name(r.speaker, d.speaker):
            return False  # a denial by no one the text names, or the denier's own words on the other side
        if _NEGATION.search(r.text):
            return False  # a negated report ("did not rely on ...") sides with a denial, it does not contradict it
        if _ADVICE.search(r.text):
            return False  # advice ("might want to consider a nominee") states nothing to deny
        if not _negated_subject(d) <= r.terms:
            return False  # "they claim drug manufacturers aren't lowering prices" denies nothing a report not
            # about drug manufacturers states
        # a report that tells of the denial itself ("cited Putin's denials") takes no side
        return not ((d.cue and re.search(rf"\b{re.escape(d.cue)}\b", r.text)) or _DENIAL_WORDS.search(r.text))

    def _disagreement(self, i: int, j: int) -> str | None:
        """ "number" or "date" when two independent sources' counts or days of one thing disagree, else None."""
        a, b = self.items[i], self.items[j]
        if self.sources[i] == self.sources[j]:
            return None  # a wire copy cannot disagree with its original
        if numbers_disagree(a, b):
            # "50,000 jobs in India" against an article that never names India: another place's count; "fell 2% on
            # Monday" and "fell 1% on Tuesday": two days' figures
            return None if self._elsewhere(a, b) or self._elsewhere(b, a) or dates_disagree(a, b) else "number"
        if a.days & self.established and b.days & self.established:
            return None  # two days the story's sources agree on: two events of a many-day story, not one misdated
        if len(a.terms & b.terms) < DATE_WORDS * len(a.terms | b.terms) or not date_one_event(a, b):
            return None  # "spoke tonight with Kerry" / "on Saturday scheduled a meeting": two acts of one story
        return "date"

    def _denial(self, denial_claim: int, side_a: list[int], side_b: list[int],
                denials: dict[str | None, tuple[Conflict, set[int], set[int]]], out: list[Conflict]) -> None:  # fmt: skip
        """One conflict per denier: a second denial ("has denied any wrongdoing", "denies any wrongdoing and says
        he is the victim of a witch-hunt") adds its claims, reports and sentences to the first."""
        denier = self.items[side_b[0]].speaker
        reported = sorted({self.claim_of[i] for i in side_a})
        claims = [self.claim_ids[c] for c in [denial_claim, *reported]]
        if denier not in denials:
            denials[denier] = (Conflict("denial", "", [], []), set(), set())
            out.append(denials[denier][0])
        conflict, reports, denying = denials[denier]
        conflict.claims.extend(c for c in claims if c not in conflict.claims)
        reports.update(side_a)
        denying.update(side_b)
        conflict.description = f"{denier} denied what {self._who(sorted(reports))} reported"
        conflict.evidence = self._evidence(sorted(reports), 0) + self._evidence(sorted(denying), 1)

    def _elsewhere(self, a: Statement, b: Statement) -> bool:
        """Statement a counts in places that b's article never names, or gives a count "in" such a place ("create
        50,000 jobs in India" beside a company's other plans, whatever else the sentence names)."""
        unknown = a.places - self.places[b.article]
        if a.places and unknown == a.places:
            return True
        return any(re.search(COUNTED_IN.format(place=re.escape(place)), a.text) for place in sorted(unknown))

    def _another_year(self, i: int, j: int) -> bool:
        """One sentence places what it reports in years the other neither names nor was published in: "a similar
        intervention occurred in 2006" is background to a 2016 story, not what its denial is about."""
        for x, y in ((i, j), (j, i)):
            placed, other = self.items[x].years, self.items[y]
            published = self.published[other.article]
            if placed and not placed & (other.years | ({published[:4]} if published else set())):
                return True
        return False

    def _updated(self, clash: Clash, side_a: list[int], side_b: list[int]) -> bool:
        """A toll that rose: the higher count of a cumulative role is published only on later days than the lower,
        and no report of those later days still gives the lower count."""
        if clash.role not in CUMULATIVE_ROLES:
            return False
        lower, higher = (side_a, side_b) if clash.rising else (side_b, side_a)
        lower_days = [self.published[self.items[i].article] for i in lower]
        higher_days = [self.published[self.items[i].article] for i in higher]
        known_lower = [day for day in lower_days if day is not None]
        known_higher = [day for day in higher_days if day is not None]
        if len(known_lower) < len(lower_days) or len(known_higher) < len(higher_days):
            return False  # an undated report cannot be placed before or after the others
        if not max(known_lower) < min(known_higher):
            return False
        since = min(known_higher)
        earlier = self.items[lower[0]]
        return not any(  # still reported on the later days: a disagreement, not an update
            (self.published[s.article] or "") >= since and reports_count(s, clash.what, clash.role, earlier)
            for s in self.items
        )

    def _when(self, statements: list[int]) -> str:
        """Outlets with their publication days: "Gothamist, 2013-03-11"."""
        return "; ".join(
            sorted(
                {f"{self.outlets[self.items[i].article]}, {self.published[self.items[i].article]}" for i in statements}
            )
        )

    def _within(self, group: list[int]) -> list[Conflict]:
        claim = [self.claim_ids[self.claim_of[group[0]]]]
        out = []
        hedged, stated = self._framed(group)
        if hedged:
            out.append(self._framing(hedged, stated, claim))
        by_speaker: dict[str, list[int]] = defaultdict(list)
        for i in group:
            speaker = self.items[i].speaker
            named = (
                self.items[i].speaker_named
                and len(self.items[i].names & self.people) <= 1
                and speaker is not None
                and speaker.split()[-1] in self.items[i].text
            )
            if speaker in self.people and " " in speaker and named:
                # a speaker found through "he said", "the president said" or an earlier paragraph, or picked among
                # several people the sentence names, is too unsure to tell a reader that two outlets credit
                # different people
                by_speaker[speaker].append(i)
        if len(by_speaker) >= 2:
            (first, side_a), (second, side_b) = sorted(by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:2]
            if share_a_name(first, second):
                return out  # "Ilene Wolfe" and "Ilene Wolff": one person, however spelt
            if {self.sources[i] for i in side_a} != {self.sources[i] for i in side_b} and self._same_words(
                side_a, side_b
            ):
                text = f"Attributed to {first} by {self._who(side_a)}, to {second} by {self._who(side_b)}"
                out.append(Conflict("attribution", text, claim, self._evidence(side_a, 0) + self._evidence(side_b, 1)))
        return out

    def _framed(self, group: list[int]) -> tuple[list[int], list[int]]:
        """The hedged and the flatly stated statements of a claim that are one proposition told two ways.

        Only an outlet's own voice states flatly ("asserted"): "police said" already attributes, as a
        hedge does. A pair counts when the other states what the hedge covers (``HEDGED_WORDS`` and
        ``HEDGED_SHARE`` of the words of the clause after its cue, names aside) and the pair model holds
        them the same proposition (``FRAMING_SAME``); a claim's group alone is too loose a tie for telling
        a reader one outlet doubts what another states.
        """
        hedged, stated = set(), set()
        for i in group:
            if self.items[i].stance != "hedged":
                continue
            for j in group:
                if self.items[j].stance == "asserted" and self._frames(i, j, self.grouping.same_proposition(i, j)):
                    hedged.add(i)
                    stated.add(j)
        return sorted(hedged), sorted(stated)

    def _frames(self, i: int, j: int, probability: float) -> bool:
        """Hedged statement i and flat statement j (``_framed``) are one proposition told two ways."""
        a, b = self.items[i], self.items[j]
        return bool(
            self.sources[i] != self.sources[j]
            and a.scope
            and not _attributive(a)
            and covers(a.scope, a, b) >= max(min(HEDGED_WORDS, len(a.scope)), HEDGED_SHARE * len(a.scope))
            and probability >= (FRAMING_SAME if len(a.scope) >= HEDGED_WORDS else FRAMING_SHORT_SAME)
            and not _other_counts(a, b)
            and _figures(a.scope) <= _figures(b.terms)  # "reportedly paid $3 million" is not "$363 million in the till"
            and _states_what_is_hedged(a, b)
            and _flat(b)
            # "no other offer was thought to be more than seven years" does not hedge "eight years, $160 million"
            and bool(_NEGATION.search(a.text)) == bool(_NEGATION.search(b.text))
        )

    def _framed_across(self, pairs: list[tuple[int, int, float]]) -> list[Conflict]:
        """Framing between two claims: claim grouping kept a hedge apart from the flat statement it matches
        (their groups' average likeness was too low), the pair itself is one proposition (``_frames``)."""
        links: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
        for i, j, probability in pairs:
            if self.claim_of[i] != self.claim_of[j] and self._frames(i, j, probability):
                links[(self.claim_of[j], self.claim_of[i])].append((i, j))
        out = []
        for (stated_claim, hedged_claim), found in sorted(links.items()):
            hedged, stated = sorted({i for i, _ in found}), sorted({j for _, j in found})
            out.append(self._framing(hedged, stated, [self.claim_ids[stated_claim], self.claim_ids[hedged_claim]]))
        return out

    def _framing(self, hedged: list[int], stated: list[int], claims: list[str]) -> Conflict:
        cues = sorted({cue.lower() for i in hedged if (cue := self.items[i].cue)})
        text = f"Stated by {self._who(stated)}; hedged by {self._who(hedged)}"
        text += f" ({', '.join(repr(c) for c in cues)})" if cues else ""
        return Conflict("framing", text, claims, self._evidence(stated, 0) + self._evidence(hedged, 1))

    def _same_words(self, side_a: list[int], side_b: list[int]) -> bool:
        """Two speakers for one line: the quoted words of some sentence on each side are mostly the same (``SAME_LINE``)
        and hold ``SAME_LINE_WORDS`` content words."""
        lines_a, lines_b = (
            [self.items[i].quoted or words_of(self.items[i].text) for i in side] for side in (side_a, side_b)
        )
        stop = english_stop_words()
        return any(
            len(a & b) >= SAME_LINE * len(a | b) and len((a & b) - stop) >= SAME_LINE_WORDS
            for a in lines_a
            for b in lines_b
        )

    def _who(self, statements: list[int]) -> str:
        names = sorted({self.outlets[self.items[i].article] for i in statements})
        return ", ".join(names)

    def _evidence(self, statements: list[int], side: int) -> list[Evidence]:
        seen, out = set(), []
        for i in sorted(statements):
            if self.sources[i] in seen:
                continue
            seen.add(self.sources[i])
            s = self.items[i]
            out.append(Evidence(self.article_ids[s.article], s.sentence, s.text, side))
        return out
