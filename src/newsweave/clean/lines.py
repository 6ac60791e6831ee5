"""Line-level boilerplate classifier for text that is already a scraped page.

Each paragraph line gets a verdict: kept, or removed with a reason from
REASONS. The decision weighs evidence of page furniture (the vocabulary of
share bars, comment forms, promos and credits; addressing the reader; no
sentence punctuation; sitting before the first or after the last body
paragraph; shouting) against evidence of news prose (function words,
reporting verbs, sentence punctuation, length). Quoted speech and prose
paragraphs are protected: only a label that cannot be prose ("Also read:",
"PHOTO:") removes a line that carries quotes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsweave.clean.features import LineFeatures, line_features
from newsweave.clean.furniture_words import READER, SITE_SELF, WEAK
from newsweave.newstext import copyright_owner, fold, parse_byline, parse_date

# Decisive cues: labels and notices that are never news prose, whatever else the line holds.
DECISIVE: list[tuple[str, re.Pattern[str]]] = [
    (
        "navigation",
        re.compile(
            r"^(?:skip to (?:main )?(?:content|navigation)|jump to (?:main )?content|back to top|"
            r"(?:main )?menu|toggle navigation|breadcrumbs?|you are here:?)\b",
            re.I,
        ),
    ),
    ("navigation", re.compile(r"^(?:tags?|topics?|filed under|categor(?:y|ies)|sections?)\s*:", re.I)),
    (
        "promo",
        re.compile(
            r"^(?:also read|read also|read more|more|related(?: articles?| stories| news| content)?|see also|"
            r"watch|listen|recommended|suggested|more from [^:]{1,40}|don'?t miss|must read|trending|"
            r"editor'?s picks?|top stories|latest news|latest|popular|advertisement|sponsored|"
            r"(?:click|tap) here)\s*[:|»>]",
            re.I,
        ),
    ),
    (
        "promo",
        re.compile(
            r"^(?:most (?:read|popular|viewed|shared|commented|watched)|also read|read more|related "
            r"(?:articles?|stories|posts|news|content|coverage)|you (?:may|might) (?:also )?like|"
            r"recommended(?: for you| stories)?|more stories|more news|trending(?: now| stories)?|"
            r"top stories|editor'?s picks?|advertisement|sponsored(?: content)?|continue reading|"
            r"story continues below(?: advertisement)?)\W*$",
            re.I,
        ),
    ),
    (
        "caption",
        re.compile(
            r"\b(?:photo|image|picture|video|illustration|graphic|file photo|photograph)\s*"
            r"(?:credit)?\s*:\s*\S|\b(?:photo|image) (?:credit|courtesy)\b|\((?:photo|image)s?\s*(?:by|:)",
            re.I,
        ),
    ),
    (
        "caption",
        re.compile(
            r"(?:^|[\s(/|])(?:getty images|shutterstock|afp via getty|ap photo|reuters/[A-Z]|"
            r"epa-efe|afp photo)\b|"
            # media players' and galleries' own labels, left inline by scrapers
            r"\b(?:media playback is unsupported on your device|media caption|image caption|image copyright|"
            r"toggle caption|hide caption|enlarge this image)\b",
            re.I,
        ),
    ),
    (
        "comments",
        re.compile(
            r"^(?:leave a (?:comment|reply)|post a comment|add a comment|comments?(?: \(\d+\))?|"
            r"\d+ comments?|comments are (?:closed|moderated|disabled)|join the (?:discussion|conversation)|"
            r"view comments|show comments|reply|cancel reply|replying to\b.*|log ?in to (?:comment|reply)|"
            r"be the first to comment)\W*$",
            re.I,
        ),
    ),
    (
        "comments",
        re.compile(
            r"^(?:comments? (?:are|is|will be|may be|must|should)|comment policy|"
            r"commenting (?:is|has been))\b",
            re.I,
        ),
    ),
    ("copyright", re.compile(r"^\s*(?:copyright\b|©|\(c\)\s*(?:19|20)\d\d)|all rights reserved", re.I)),
    (
        "author_box",
        re.compile(
            r"^(?:photo of (?:the )?author|about the author|author(?:'s)? (?:profile|bio)|"
            r"(?:more|other) (?:articles|posts|stories) by\b)",
            re.I,
        ),
    ),
]
# Notices that the article is a reprint: never news prose.
SYNDICATION_NOTICE = re.compile(
    r"\b(?:(?:this|the) (?:article|story|post|piece) (?:was |is |first |originally )+(?:published|appeared)|"
    r"(?:re ?published|reprinted|reproduced) (?:here )?(?:with|by) (?:kind )?permission|"
    r"(?:appears|appeared) (?:here )?(?:courtesy of|through a partnership)|distributed by)\b"
)
# Reuse restrictions: the fine print of copyright notices.
REUSE_NOTICE = re.compile(
    r"\b(?:may not be (?:re ?published|reproduced|redistributed|copied|rewritten|broadcast)|"
    r"without (?:the )?(?:prior |express )?written (?:permission|consent)|all rights reserved)\b"
)
# Calls to action opening a line: the page asking its reader to do something.
CALL_TO_ACTION = re.compile(
    r"^(?:subscribe|sign up|follow us|follow @|donate|share this|share on|join us|join our|download|click|tap|"
    r"like us|support us|support our|support independent|stay tuned|never miss|don t miss|get the latest|"
    r"get our|read the full|watch the full|listen to the full)\b"
)
# Headers that open a comment section (the lines after them are readers' comments).
COMMENT_HEADER = re.compile(
    r"^(?:leave a (?:comment|reply)|post a comment|add a comment|join the (?:discussion|conversation)|"
    r"(?:\d+ )?comments?(?: \d+)?|(?:\d+ )?responses?|discussion|reader comments)$"
)
# The agencies' caption formulas, whatever the caption's length: "FILE - In this June 28, 2018, file photo,
# President ...", and a picture's place and date closing the line: "... speaks in Washington, U.S., August 22, 2017."
CAPTION_FORMULA = re.compile(
    r"^(?:file\s*[-–—]\s*)?in this (?:undated|[a-z]{3,9}\.? \d{1,2}, (?:19|20)\d\d,?) (?:file )?"
    r"(?:photo|image|frame grab|photograph)\b|"
    r",\s+(?:[A-Z][\w.]*\s?){1,3},\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+"
    r"(?:19|20)\d\d\.?(?:\s+REUTERS/.*)?$",
    re.IGNORECASE,
)
# A page's own time stamp: "Updated at 12:36 p.m. ET, July 11", "Published 4:30 a.m. ET Thursday", "Updated at 6 p.m.".
PAGE_STAMP = re.compile(
    r"^(?:last\s+)?(?:updated|published|posted|modified)\b[\s:]*(?:at|on)?\s*"
    r"\d{1,2}(?:[:.]\d\d\s*(?:[ap]\.?m\.?)?|\s*[ap]\.?m\b\.?)",
    re.IGNORECASE,
)
# Lists and embedded social posts are content, whatever their shape.
LIST_ITEM = re.compile(r"^\s*(?:\d{1,3}[.)]|[-•*–▪►])\s")
EMBEDDED_POST = re.compile(r"pic\.twitter\.com/|\(@\w{2,}\)\s+\w+ \d{1,2}, \d{4}")


class _Vocabulary:
    """Term lists compiled for speed: words, phrases (as n-grams) and prefixes by dictionary lookup."""

    def __init__(self, kinds: dict[str, tuple[str, ...]]) -> None:
        self.kinds = list(kinds)
        self.terms: dict[str, set[int]] = {}  # words and phrases
        self.prefixes: dict[str, set[int]] = {}
        for index, terms in enumerate(kinds.values()):
            for term in terms:
                table = self.prefixes if term.endswith("*") else self.terms
                table.setdefault(term.rstrip("*"), set()).add(index)
        self.phrase_starts = {term.split()[0] for term in self.terms if " " in term}
        self.longest = max(len(term.split()) for term in self.terms)
        self.prefix_tuple = tuple(self.prefixes)

    def kinds_in(self, tokens: list[str]) -> tuple[str, ...]:
        """The kinds whose terms occur in a folded line's ``tokens``, in declaration order."""
        found: set[int] = set()
        for i, token in enumerate(tokens):
            if token in self.terms:
                found |= self.terms[token]
            if token in self.phrase_starts:
                for n in range(2, self.longest + 1):
                    gram = " ".join(tokens[i : i + n])
                    if gram in self.terms:
                        found |= self.terms[gram]
            if token.startswith(self.prefix_tuple):
                found.update(*(kinds for prefix, kinds in self.prefixes.items() if token.startswith(prefix)))
        return tuple(self.kinds[i] for i in sorted(found))


_WEAK_VOCABULARY = _Vocabulary(WEAK)
_READER_VOCABULARY = _Vocabulary({"reader": READER, "site": SITE_SELF})


@dataclass(slots=True)
class Verdict:
    """The classifier's decision on one line."""

    text: str
    features: LineFeatures
    key: str  # fold(text): what repetition and headline checks compare
    cues: tuple[str, ...]  # kinds of furniture vocabulary found (WEAK), in pattern order
    reader: bool  # the page addresses its reader ("you", "please", "visit")
    site_self: bool  # ... and talks about itself ("this site", "our articles")
    reason: str | None = None  # None: kept

    @property
    def kept(self) -> bool:
        return self.reason is None

    @property
    def addresses_reader(self) -> bool:
        """Furniture vocabulary or the page talking to its reader: such prose does not mark the body."""
        return self.reader or bool(self.cues)


def make_verdict(text: str) -> Verdict:
    key = fold(text)
    tokens = key.split()
    cues = _WEAK_VOCABULARY.kinds_in(tokens)
    address = _READER_VOCABULARY.kinds_in(tokens)
    reader = "reader" in address or bool(CALL_TO_ACTION.match(key))
    return Verdict(text, line_features(text), key, cues, reader, reader and "site" in address)


# Evidence weights of _boilerplate_score, set by hand on scraped pages of the project's own sets and kept because
# extraction-dev (136 real pages, never tuned on) scores 0.947 F1 with them. Furniture evidence:
W_CUE_KIND = 1.5  # each kind of furniture vocabulary in the line (share, subscribe, promo, ...)
W_PAGE_ABOUT_ITSELF = 2.0  # the page addresses its reader about itself or calls to action ("Sign up for ...")
W_READER = 0.5  # the page addresses its reader ("you", "please")
W_SHOUTING = 1.0  # two exclamation marks, or a third of the words in capitals
W_URL = 1.0  # a URL, an e-mail address or an @handle
W_ZONE_EDGE = 1.0  # before the first or after the last body paragraph
W_SHORT_UNFINISHED = 0.5  # at most SHORT_LINE words and no sentence punctuation
SHORT_LINE = 8
# ... and prose evidence, subtracted:
W_REPORTING = 2.0  # a reporting verb ("said") where the page does not address its reader
W_PROSE = 1.0  # dense in function words, with sentence punctuation
W_LONG = 1.0  # at least LONG_LINE words
LONG_LINE = 25
REMOVE_AT = 2.5  # furniture minus prose at which a line with some furniture evidence is removed
SHOUTING_EXCLAMATIONS = 2  # "!!" is shouting
SHOUTING_CAPS = 3  # ... and so are this many words in capitals, when they are a third of the line
# Line lengths in words that tell furniture's shapes from prose:
NAVIGATION_WORDS = 3  # an unfinished line this short before the body is a menu item or a section label
TAGLINE_WORDS = 6  # a tagline or a credit at the end of a page, and the short lines around it
LABEL_WORDS = 50  # labels, credits and notices are short: a longer paragraph is prose
STAMP_WORDS = 12  # a date line or a page stamp ("Updated: 9 Dec 2022, 10:32 GMT")
DATE_LINE_SENTENCE_WORDS = 6  # ... or this short when it ends like a sentence
NOTICE_WORDS = 40  # a syndication or reuse notice; longer, it is prose about syndication
COPYRIGHT_WORDS = 30  # "all rights reserved" in a longer paragraph is prose about rights


def _boilerplate_score(verdict: Verdict, zone_edge: bool) -> float:
    """Furniture evidence minus prose evidence; removal needs ``REMOVE_AT`` and some furniture evidence."""
    feat = verdict.features
    score = W_CUE_KIND * len(verdict.cues)
    if verdict.reader:
        score += W_PAGE_ABOUT_ITSELF if verdict.site_self or CALL_TO_ACTION.match(verdict.key) else W_READER
    if feat.exclamations >= SHOUTING_EXCLAMATIONS or (
        feat.caps_words >= SHOUTING_CAPS and feat.caps_words >= feat.n_words / 3
    ):
        score += W_SHOUTING
    if feat.urlish:
        score += W_URL
    if zone_edge:
        score += W_ZONE_EDGE
    if not feat.terminal and feat.n_words <= SHORT_LINE:
        score += W_SHORT_UNFINISHED
    if feat.reporting and not verdict.reader:
        score -= W_REPORTING
    if feat.prose:
        score -= W_PROSE
    if feat.n_words >= LONG_LINE:
        score -= W_LONG
    return score


def classify_lines(lines: list[str], title: str | None) -> list[Verdict]:
    """Verdicts for the paragraph lines of one article (title already known or None)."""
    verdicts = [make_verdict(line) for line in lines]
    title_key = fold(title) if title else ""
    seen: set[str] = set()
    for verdict in verdicts:
        verdict.reason = decisive_reason(verdict, title_key, seen)
        seen.add(verdict.key)
    body = [i for i, v in enumerate(verdicts) if v.kept and v.features.prose and not v.addresses_reader]
    first_body, last_body = (body[0], body[-1]) if body else (len(verdicts), -1)
    in_comment_section = False
    for i, verdict in enumerate(verdicts):
        feat = verdict.features
        if not verdict.kept:
            if verdict.reason == "comments" and i > last_body and COMMENT_HEADER.match(verdict.key):
                in_comment_section = True  # what follows a comment-section header is comments
            continue
        if feat.speech or EMBEDDED_POST.search(verdict.text):
            continue  # quoted speech and embedded posts are never removed by weighing evidence
        if in_comment_section:
            verdict.reason = "comments"
            continue
        furniture = verdict.cues or (verdict.reader and verdict.site_self) or feat.urlish
        if furniture and _boilerplate_score(verdict, i < first_body or i > last_body) >= REMOVE_AT:
            verdict.reason = verdict.cues[0] if verdict.cues else ("tagline" if i > last_body else "navigation")
        elif i > last_body and _tagline_shaped(verdicts, i):
            verdict.reason = "tagline"
        elif (
            i < first_body
            and not feat.terminal
            and feat.n_words <= NAVIGATION_WORDS
            and not LIST_ITEM.match(verdict.text)
        ):
            verdict.reason = "navigation"
    return verdicts


def _tagline_shaped(verdicts: list[Verdict], i: int) -> bool:
    """A short capitalised name-like line among the last lines of the page, not part of a list."""
    verdict = verdicts[i]
    feat = verdict.features
    if (
        feat.terminal
        or feat.n_words > TAGLINE_WORDS
        or LIST_ITEM.match(verdict.text)
        or any(c.isdigit() for c in verdict.text)
    ):
        return False
    if not all(w[:1].isupper() or w.lower() in ("of", "the", "and", "for", "in", "on") for w in verdict.text.split()):
        return False
    later = [v for v in verdicts[i + 1 :] if v.kept]
    earlier = [v for v in verdicts[max(0, i - 3) : i] if v.kept]
    neighbours = [
        v for v in later[:2] + earlier[-2:] if not v.features.terminal and v.features.n_words <= TAGLINE_WORDS
    ]
    return len(later) <= 2 and len(neighbours) < 2  # a run of such lines is a list, not furniture


def decisive_reason(verdict: Verdict, title_key: str, seen: set[str]) -> str | None:
    """The reason a line is furniture on its own, whatever surrounds it; None when it is not."""
    text, feat, key = verdict.text, verdict.features, verdict.key
    if not key:
        return "navigation"  # punctuation-only lines: separators, bullets
    if title_key and _similar(key, title_key):
        return "headline_echo"
    if key in seen and feat.n_words >= 2:
        return "repeated"
    if CAPTION_FORMULA.search(text):
        return "caption"
    if feat.n_words > LABEL_WORDS:
        return None  # labels, credits and notices are short: a long paragraph is prose
    if parse_byline(text):
        return "byline"
    stamp = feat.n_words <= STAMP_WORDS and PAGE_STAMP.match(text)
    if (stamp or _is_date_line(text, feat)) and not EMBEDDED_POST.search(text):
        return "dateline"
    if copyright_owner(text):
        return "copyright"
    if feat.n_words <= NOTICE_WORDS and SYNDICATION_NOTICE.search(key):
        return "syndication"
    if feat.n_words <= NOTICE_WORDS and REUSE_NOTICE.search(key):
        return "copyright"
    kind = _match(DECISIVE, text)
    if kind == "copyright" and feat.n_words > COPYRIGHT_WORDS:
        return None  # "all rights reserved" inside a long paragraph is prose about rights
    return kind


def _match(patterns: list[tuple[str, re.Pattern[str]]], text: str) -> str | None:
    return next((kind for kind, pattern in patterns if pattern.search(text)), None)


def _is_date_line(text: str, feat: LineFeatures) -> bool:
    """A short line that is only a date, optionally with a label or agency: 'Updated: 9 Dec 2022'."""
    if feat.n_words > STAMP_WORDS or (feat.terminal and feat.n_words > DATE_LINE_SENTENCE_WORDS):
        return False
    found = parse_date(text)
    if not found:
        return False
    start, end = found[1]
    rest = (text[:start] + " " + text[end:]).strip()
    rest = re.sub(
        r"(?i)\b(?:published|updated|posted|last updated|on|at|gmt|utc|[ap]\.?m\.?|\d{1,2}:\d\d)\b", " ", rest
    )
    return len(re.findall(r"[^\W\d_]+", rest)) <= 4


def _similar(a: str, b: str) -> bool:
    """Near-identical headline wording (case, quotes and punctuation folded)."""
    if a == b:
        return True
    ta, tb = set(a.split()), set(b.split())
    if min(len(ta), len(tb)) < 3:
        return False
    return len(ta & tb) / len(ta | tb) >= 0.8
