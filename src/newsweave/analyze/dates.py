"""Dates in article text, normalised against the article's published date where possible.

Absolute dates ("December 9, 2022", "October 17", "in March") and relative
ones ("on Friday", "yesterday", "last month", "next week", "this spring")
become ISO values of the precision the text gives: "2022-12-09", "2022-10",
"2022". News convention: a bare weekday is the most recent such day on or
before publication (the next such day on or after it when the sentence
speaks of the future), a bare month and day the most recent such date.
Expressions that cannot be placed ("several months before the war", or
any relative date when the publication date is unknown) keep their text
with a null value.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from newsweave.analyze.quote_words import SPEECH
from newsweave.lexicon import DURATION_NOUNS, MONTHS, PARTS_OF_DAY, WEEKDAYS
from newsweave.model import TimeExpression
from newsweave.newstext import MONTH_NAME, calendar_patterns

# A month and day written without a year is in the publication's year (agency style gives the year only
# for another year), unless that puts it more than half a year ahead: "Dec. 22" in a January article.
UPCOMING_DAYS = 183
SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
# newstext's calendar dates (one grammar for pages and prose), then what only prose says.
PATTERNS: list[tuple[str, re.Pattern[str]]] = [*calendar_patterns(ignore_case=False),
    ("my", re.compile(rf"\b(?:in|since|by|until|from|of|early|late|mid-?)\s+(?P<m>{MONTH_NAME})(?:\s+(?P<y>(?:19|20)\d\d))?\b")),
    ("year", re.compile(r"\b(?:in|since|by|until|from|of|early|late)\s+(?P<y>(?:19|20)\d\d)\b")),
    ("weekday", re.compile(r"\b(?:(?i:on|last|this|next)\s+)?(?P<w>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    ("day", re.compile(r"\b(?P<rel>today|yesterday|tomorrow|tonight|last night|this morning|this evening)\b", re.I)),
    ("period", re.compile(r"\b(?P<dir>last|next|this|earlier this|later this|past)\s+(?P<unit>week|month|year|spring|summer|autumn|fall|winter)\b", re.I)),
    ("vague", re.compile(r"\b(?:(?:several|a few|two|three|six)\s+)?(?:days|weeks|months|years)\s+(?:before|after|earlier|later|ago)(?:\s+the\s+\w+)?\b", re.I)),
]  # fmt: skip


def find_dates(text: str, published: str | None) -> list[TimeExpression]:
    """Time expressions in text order; overlapping matches keep the earliest, longest one."""
    anchor = _parse_iso(published)
    found: list[TimeExpression] = []
    taken: list[tuple[int, int]] = []
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            value, category = _value(kind, m, anchor, _future(text, m.start()))
            if kind in ("mdy", "dmy", "iso") and value is None and category == "invalid":
                continue
            taken.append((m.start(), m.end()))
            found.append(TimeExpression(m.group(0), value, category, m.start(), m.end()))
    found.sort(key=lambda t: t.start)
    return found


def _parse_iso(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _month(raw: str) -> int:
    return MONTHS.get(raw.lower().rstrip("."), 0) if not raw.isdigit() else int(raw)


# Words before a date in its sentence that put it ahead: "will reopen on Monday", "takes effect on July 1",
# "can apply starting Tuesday", "must be in place by July 1", "would pass when the Senate returns in September".
_FUTURE = re.compile(
    r"\b(?:will|shall|'ll|(?:must|would)(?! have)|(?<!been )(?<!had )expect(?:s|ed)? (?:\w+ ){0,3}to|plans? to|planned for|(?:is|are) (?:set|due|scheduled) to|"
    r"scheduled for|slated (?:to|for)|(?:takes?|take) effect|to reopen|to resume|to begin|to start|from next)\b|"
    r"\b(?:starting|beginning)(?: on| in)?\s*$",
    re.IGNORECASE,
)


def _future(text: str, start: int) -> bool:
    before = text[max(0, start - 100) : start]
    before = re.split(r"[.!?]\s", before)[-1]
    return bool(_FUTURE.search(before))


def _value(kind: str, m: re.Match[str], anchor: date | None, future: bool = False) -> tuple[str | None, str]:
    """The date's normalised value and kind; a date without a year, or a weekday, is placed before the
    anchor (the publication date) unless its sentence speaks of the future."""
    if kind in ("mdy", "dmy", "iso"):
        month, day = _month(m.group("m")), int(m.group("d"))
        year = int(m.group("y")) if m.group("y") else None
        if year is None:
            if anchor is None:
                return None, "relative"
            year = anchor.year
            try:
                if future and date(year, month, day) < anchor:
                    year += 1  # "will take effect on January 1" in a March article: next year's
                elif not future and date(year, month, day) > anchor + timedelta(days=UPCOMING_DAYS):
                    year -= 1  # "October 17" in a December article is this year's; in January, last year's
            except ValueError:
                return None, "invalid"
        try:
            return date(year, month, day).isoformat(), ("absolute" if m.group("y") else "relative")
        except ValueError:
            return None, "invalid"
    if kind == "my":
        month = _month(m.group("m"))
        if m.group("y"):
            return f"{int(m.group('y')):04d}-{month:02d}", "absolute"
        if anchor is None:
            return None, "relative"
        if future:  # "will vote in November" in a July article: this November; in December, next year's
            year = anchor.year if month >= anchor.month else anchor.year + 1
        else:
            year = anchor.year if month <= anchor.month else anchor.year - 1
        return f"{year:04d}-{month:02d}", "relative"
    if kind == "year":
        return m.group("y"), "absolute"
    if anchor is None:
        return None, "vague" if kind == "vague" else "relative"
    if kind == "weekday":
        target = WEEKDAYS.index(m.group("w").lower())
        back = (anchor.weekday() - target) % 7
        words = m.group(0).lower()
        if words.startswith("next"):
            return (anchor + timedelta(days=(target - anchor.weekday()) % 7 or 7)).isoformat(), "relative"
        if future and not words.startswith("last"):  # "a rally planned for Thursday" in a Thursday paper: today
            return (anchor + timedelta(days=(target - anchor.weekday()) % 7)).isoformat(), "relative"
        if words.startswith("last") and back == 0:
            back = 7
        return (anchor - timedelta(days=back)).isoformat(), "relative"
    if kind == "day":
        rel = m.group("rel").lower()
        shift = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(rel, 0)
        return (anchor + timedelta(days=shift)).isoformat(), "relative"
    if kind == "period":
        direction, unit = m.group("dir").lower(), m.group("unit").lower()
        step = -1 if direction in ("last", "past") else 1 if direction == "next" else 0
        if unit == "week":
            return (anchor + timedelta(weeks=step)).isoformat(), "relative"
        if unit == "month":
            month_index = anchor.year * 12 + anchor.month - 1 + step
            return f"{month_index // 12:04d}-{month_index % 12 + 1:02d}", "relative"
        if unit == "year":
            return f"{anchor.year + step:04d}", "relative"
        season = SEASONS[unit]
        year = anchor.year + (step if step else 0)
        if step == -1 and season > anchor.month:
            year = anchor.year - 1
        return f"{year:04d}-{season:02d}", "relative"
    return None, "vague"


def dated_events(doc: Any, start: int, end: int) -> list[str]:
    """The lemmas of what a date places in time, from the parse: the verb or noun it attaches to ("kill" in "was
    killed on Monday", "attack" in "the attack on Monday"), the verbs above it up to a verb of saying, and their
    conjoined verbs ("on Thursday intercepted three boats ... and foiled an attack": intercept, foil). Empty
    when the date heads its own clause or the parse does not reach it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return []
    found: list[str] = []
    node = span.root
    while node.head.i != node.i:
        node = node.head
        lemma = node.lemma_.lower()
        if span.start <= node.i < span.end or node.pos_ == "ADP" or lemma in PARTS_OF_DAY | DURATION_NOUNS:
            continue  # inside the date ("June 14"), its preposition ("on") or its time of day ("Thursday evening")
        if found and lemma in SPEECH:
            break  # "police said the man was killed on Monday": the day dates the killing, not the saying
        if node.pos_ in ("VERB", "AUX"):
            found += [lemma, *(c.lemma_.lower() for c in node.children if c.dep_ == "conj" and c.pos_ == "VERB")]
        elif node.pos_ == "NOUN" and not found:
            found.append(lemma)
    return list(dict.fromkeys(found))
