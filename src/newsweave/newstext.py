"""What news text shows, for every stage: names, agencies, bylines, datelines, dates, copyright owners.

Metadata that article text shows: bylines, datelines, agency credits, dates, copyright owners.

Each parser returns None when the text does not show the thing: nothing is
guessed. Names are classified as people or organisations by their shape
(2-4 capitalised tokens, initials) and by organisation words, and the major
news agencies are known by name because reprint credits name them bare
("(Reuters)", "- AFP").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from itertools import pairwise
from urllib.parse import urlsplit

from newsweave.lexicon import AGENCIES, MONTHS, NAME_PARTICLES, ORG_WORDS, ROLE_WORDS

# The one calendar-date grammar, for page metadata (parse_date, datelines) and for article text
# (analyze.dates): month names, an optional weekday before a date, and the three ways a day is written.
MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
WEEKDAY_PREFIX = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)?"
_YEAR = r"(?P<y>(?:19|20)\d\d)"
CALENDAR_DATES = {
    # (Friday,) December 9(, 2022) / Dec. 9 2022; not the "11" of "10 Nov 11"
    "mdy": rf"(?<!\d\s)\b{WEEKDAY_PREFIX}(?P<m>{MONTH_NAME})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?\b",
    # (Friday,) 9(th of) December( 2022)
    "dmy": rf"\b{WEEKDAY_PREFIX}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<m>{MONTH_NAME})(?:,?\s+{_YEAR})?\b",
    # 2022-12-09 (ISO, optionally with time)
    "iso": r"\b(?P<y>(?:19|20)\d\d)-(?P<m>\d\d)-(?P<d>\d\d)(?!\d)",
}


def calendar_patterns(*, ignore_case: bool) -> list[tuple[str, re.Pattern[str]]]:
    """The grammar compiled: case-blind for page metadata ("DEC. 9, 2022"), case-sensitive for prose, where
    "may" and "march" are verbs."""
    flags = re.IGNORECASE if ignore_case else 0
    return [(kind, re.compile(source, flags)) for kind, source in CALENDAR_DATES.items()]


_METADATA_DATES = calendar_patterns(ignore_case=True)

_NAME_TOKEN = re.compile(r"^(?:[A-Z][a-zA-Z'’-]+|[A-Z]\.(?:[A-Z]\.)?|[A-Z][a-z]?\.|Mc[A-Z][a-z]+|O['’][A-Z][a-z]+)$")

BYLINE = re.compile(
    r"^(?:by|written by|words by|posted by|reporting by|report by|story by|from)\s*:?\s+(?P<who>\S.*)$", re.I
)
# PLACE[, Region][, Mon Day] [(Agency)] -/–/— body
DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'’.\-]+(?:[ /][A-Z][A-Z'’.\-]+){0,3}"
    r"(?:,\s+(?:[A-Z][A-Za-z.]+\.?)(?:\s[A-Z][a-z.]+)?)?)"
    r"(?:,\s+(?P<when>" + MONTH_NAME + r"\s+\d{1,2}(?:,\s+\d{4})?))?"
    r"\s*(?:\((?P<credit>[^()]{2,40})\))?\s*(?:[-–—]{1,2}|:)\s+(?=\S)"
)
# A credit in parentheses opening a lead, after a place or not, with no dash: "(CNN) ", "New York (CNN Business) ".
LEADING_CREDIT = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s*)?\([A-Z][\w .&'’-]{1,28}\)\s*[-–—:]?\s*(?=[A-Z\"“])"
)
TRAILING_CREDIT = re.compile(r"(?:^|\s)[-–—(]\s*(?P<credit>[A-Z][\w.&' ]{1,30}?)\s*\)?\s*$")
COPYRIGHT = re.compile(r"(?:copyright|©|\(c\))", re.I)


@dataclass(slots=True)
class Byline:
    author: str | None
    outlet: str | None


@dataclass(slots=True)
class Dateline:
    place: str
    credit: str | None  # an agency or outlet named in parentheses
    prefix: str  # the matched text: 'KYIV, Ukraine (AP) — '


def parse_date(text: str) -> tuple[str, tuple[int, int]] | None:
    """The first full date (with a year) in ``text``: (ISO date, span)."""
    best: tuple[int, str, tuple[int, int]] | None = None
    for order, pattern in _METADATA_DATES:
        for match in pattern.finditer(text):
            if not match.group("y"):
                continue
            month_raw = match.group("m")
            month = int(month_raw) if order == "iso" else MONTHS.get(month_raw.lower().rstrip("."))
            try:
                value = date(int(match.group("y")), month or 0, int(match.group("d")))
            except ValueError:
                continue
            if best is None or match.start() < best[0]:
                best = (match.start(), value.isoformat(), match.span())
            break
    return (best[1], best[2]) if best else None


# A bare URL line as scrapers leave it, possibly with spaces put in by a tokenizer ("www.site. com/a _ b. html").
_BARE_URL = re.compile(r"^(?:https?://|www\.)\S+(?:\s+[-_./?=&%#:]*\S*)*$", re.I)
MAX_URL_PIECES = 40  # a tokenizer splits a URL at most at every '.', '_' and '?': more pieces is prose
_PROSE_WORD = re.compile(r"^[A-Za-z][a-z]+[,.;:]?$")
# A date in a URL path or query: /2013/07/21/, 2013-07-21, ymd=20130721, /2013/07/ (month only).
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/_-]?(0[1-9]|1[0-2])(?:[/_-]?(0[1-9]|[12]\d|3[01]))?(?!\d)")


def bare_url(line: str) -> str | None:
    """The URL a line consists of (tokenizer spaces removed), or None when the line is anything else."""
    line = line.strip()
    if not _BARE_URL.match(line) or len(line.split()) > MAX_URL_PIECES:
        return None
    parts = line.split()[1:]
    if any(a[0].isupper() and _PROSE_WORD.match(a) and _PROSE_WORD.match(b) for a, b in pairwise(parts)):
        return None  # a capitalised word and another word after a space: a URL followed by prose
    return re.sub(r"\s+", "", line)


def date_from_url(url: str | None) -> tuple[int, int, int | None] | None:
    """(year, month, day or None) a URL's path or query dates its page to, if it shows one."""
    if not url:
        return None
    match = _URL_DATE.search(url.split("://", 1)[-1].split("/", 1)[-1] if "/" in url else "")
    if not match:
        return None
    year, month, day = int(match.group(1)), int(match.group(2)), match.group(3)
    if day is not None:
        try:
            date(year, month, int(day))
        except ValueError:
            return None
    return year, month, int(day) if day else None


def agency_name(text: str) -> str | None:
    """The canonical name of a news agency, if ``text`` is one ("AP", "Anadolu Agency")."""
    key = text.strip(" .()-–—").lower()
    if key in AGENCIES:
        return AGENCIES[key]
    if re.fullmatch(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,3} (?:News )?Agency", text.strip()):
        return text.strip()
    return None


def is_person_name(text: str) -> bool:
    """Shaped like a person's name: 2-5 capitalised tokens or initials, no organisation words."""
    tokens = text.replace(",", " ").split()
    if not 2 <= len(tokens) <= 5 or agency_name(text):
        return False
    if any(t.lower().strip(".") in ORG_WORDS for t in tokens):
        return False
    capitalised = [t for t in tokens if t.lower() not in NAME_PARTICLES]
    return len(capitalised) >= 2 and all(_NAME_TOKEN.match(t) for t in capitalised)


def is_role_only(text: str) -> bool:
    """'Staff Writer', 'Editorial Team': a role, not a person."""
    tokens = [t.lower().strip(".,") for t in text.split()]
    return bool(tokens) and all(t in ROLE_WORDS or t in ORG_WORDS or t in {"the", "by", "our"} for t in tokens)


def is_org_name(text: str) -> bool:
    """Shaped like an organisation's name: capitalised words ending in or holding an org word."""
    text = text.strip()
    if agency_name(text):
        return True
    tokens = text.split()
    if not 1 <= len(tokens) <= 7 or not tokens[0][:1].isupper():
        return False
    return any(t.lower().strip(".,") in ORG_WORDS for t in tokens) and all(
        t[:1].isupper() or t.lower() in {"of", "the", "and", "&", "for", "on"} for t in tokens
    )


def parse_byline(line: str) -> Byline | None:
    """'By Jane Roe, Chief Correspondent Daily Planet' -> author + outlet; 'By Acme News' -> outlet."""
    match = BYLINE.match(line.strip())
    if not match or len(line.split()) > 16:
        return None
    who = match.group("who").strip().rstrip(".")
    parts = [p.strip() for p in re.split(r",|\s[|•·–—-]\s|\s/\s", who) if p.strip()]
    if not parts:
        return None
    author = outlet = None
    names = [n.strip() for n in re.split(r"\s+(?:and|&)\s+", parts[0])]
    if all(is_person_name(n) for n in names):
        author = " and ".join(names)
    elif is_org_name(parts[0]):
        outlet = agency_name(parts[0]) or parts[0]
    else:
        return None
    for part in parts[1:]:
        if outlet:
            break
        outlet = _outlet_after_role(part)
    return Byline(author, outlet)


def _outlet_after_role(text: str) -> str | None:
    """'Chief International Correspondent Worthy News' -> 'Worthy News' (what follows the role)."""
    tokens = text.split()
    last_role = max((i for i, t in enumerate(tokens) if t.lower() in ROLE_WORDS), default=-1)
    rest = " ".join(tokens[last_role + 1 :]).strip()
    rest = re.sub(r"^(?:at|for|of|with)\s+", "", rest)
    if rest and (is_org_name(rest) or (last_role >= 0 and rest[:1].isupper() and len(rest.split()) <= 5)):
        return agency_name(rest) or rest
    return None


def parse_dateline(paragraph: str) -> Dateline | None:
    """'KYIV, Ukraine (AP) — ...' -> place 'KYIV, Ukraine', credit 'AP'."""
    match = DATELINE.match(paragraph)
    if not match:
        return None
    place = match.group("place").strip()
    letters = [c for c in place.split(",")[0] if c.isalpha()]
    if len(letters) < 3 or not all(c.isupper() for c in letters):
        return None
    credit = match.group("credit")
    return Dateline(place=place, credit=credit.strip() if credit else None, prefix=match.group(0))


def filing_prefix(sentence: str) -> str:
    """The dateline or credit a lead sentence opens with ("WASHINGTON (AP) — ", "(CNN) "), or ""."""
    dateline = parse_dateline(sentence)
    if dateline:
        return dateline.prefix
    credit = LEADING_CREDIT.match(sentence)
    return credit.group(0) if credit else ""


def trailing_credit(paragraph: str) -> str | None:
    """An agency credited at the end of a paragraph: '... said. - Reuters', '(AFP)'."""
    match = TRAILING_CREDIT.search(paragraph)
    return agency_name(match.group("credit")) if match else None


def copyright_owner(line: str) -> str | None:
    """'Copyright 1999-2023 Acme News. All rights reserved.' -> 'Acme News'."""
    if not COPYRIGHT.search(line):
        return None
    rest = re.sub(
        r"(?i)copyright|©|\(c\)|all rights reserved\.?|\b(?:19|20)\d\d\b(?:\s*[-–]\s*(?:19|20)\d\d)?", " ", line
    )
    rest = re.sub(r"\s+", " ", rest).strip(" .,;:-–—|")
    rest = re.sub(r"^(?:by|of)\s+", "", rest)
    if rest and len(rest.split()) <= 6 and rest[:1].isupper() and "." not in rest.rstrip("."):
        return agency_name(rest) or rest
    return None


def strip_org_words(name: str) -> str:
    """'National Voice Broadcasting' -> 'National Voice': the distinctive part of an outlet's name."""
    tokens = name.split()
    while len(tokens) > 1 and tokens[-1].lower().strip(".,") in ORG_WORDS:
        tokens.pop()
    return " ".join(tokens)


def same_organisation(a: str, b: str) -> bool:
    """'MPA' and 'Meridian Press Agency', or two spellings of one name."""
    fa, fb = a.casefold().strip(), b.casefold().strip()
    if fa == fb:
        return True
    for short, long in ((a, b), (b, a)):
        initials = "".join(w[0] for w in long.split() if w[:1].isupper())
        if short.isupper() and len(short) >= 2 and short == initials:
            return True
    return False


_ORIGIN = re.compile(
    r"\b(?:originally|first) (?:published|appeared) (?:by|in|on) (?:the )?(?P<name>[A-Z][\w&'’.-]*(?: [A-Z][\w&'’.-]*){0,4})"
)


def original_publisher(line: str) -> str | None:
    """'This article was originally published by the Daily Ledger ...' -> 'Daily Ledger'."""
    match = _ORIGIN.search(line)
    return match.group("name") if match else None


_SITE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")


def outlet_from_site(sitename: str | None, title: str | None, url: str | None) -> str | None:
    """A page's site name as an outlet name.

    'WSVN 7News | Miami News, Weather, Sports' -> 'WSVN 7News' (a long name with a tagline keeps its
    first part); a site name that is only the page's title says nothing of the outlet, so the URL's
    host stands in ('www.theguardian.com' -> 'theguardian.com'), or nothing.
    """
    name = (sitename or "").strip()
    if title and name.casefold() == title.strip().casefold():
        name = ""
    if len(name.split()) > 5:
        name = _SITE_SEPARATOR.split(name)[0].strip()
    if name:
        return name
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


_FOLD_WORD = re.compile(r"\w+")


def fold(text: str) -> str:
    """Case- and punctuation-insensitive form for comparing lines."""
    return " ".join(_FOLD_WORD.findall(text.casefold()))
