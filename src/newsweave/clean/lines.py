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
from dataclasses import dataclass, field

from newsweave.clean.features import LineFeatures, fold, line_features
from newsweave.clean.metadata import copyright_owner, parse_byline, parse_date

REASONS = {
    "title": "the headline, moved to the title field",
    "headline_echo": "the headline repeated in the body",
    "byline": "an author or outlet byline, moved to metadata",
    "author_box": "an author box or author photo",
    "dateline": "a date or agency-and-date line, moved to metadata",
    "navigation": "site navigation, section labels, tags",
    "share": "share, follow or 'spread the word' buttons and appeals",
    "subscribe": "subscription, newsletter, sign-up or app appeals",
    "donate": "donation and support appeals",
    "comments": "comment sections, comment forms and their notices",
    "promo": "'Also read', 'Most read', related-story promos and teasers",
    "caption": "photo and video captions and credits",
    "copyright": "copyright and reuse notices",
    "syndication": "syndication and republication notices",
    "tagline": "site taglines and other short trailing page furniture",
    "repeated": "a line repeated within the article",
    "corpus_repeated": "a line repeated across several articles of the corpus",
}

# Decisive cues: labels and notices that are never news prose, whatever else the line holds.
DECISIVE: list[tuple[str, re.Pattern[str]]] = [
    ("navigation", re.compile(r"^(?:skip to (?:main )?(?:content|navigation)|jump to (?:main )?content|back to top|"
                              r"(?:main )?menu|toggle navigation|breadcrumbs?|you are here:?)\b", re.I)),
    ("navigation", re.compile(r"^(?:tags?|topics?|filed under|categor(?:y|ies)|sections?)\s*:", re.I)),
    ("promo", re.compile(r"^(?:also read|read also|read more|more|related(?: articles?| stories| news| content)?|see also|"
                         r"watch|listen|recommended|suggested|more from [^:]{1,40}|don'?t miss|must read|trending|"
                         r"editor'?s picks?|top stories|latest news|latest|popular|advertisement|sponsored|"
                         r"(?:click|tap) here)\s*[:|»>]", re.I)),
    ("promo", re.compile(r"^(?:most (?:read|popular|viewed|shared|commented|watched)|also read|read more|related "
                         r"(?:articles?|stories|posts|news|content|coverage)|you (?:may|might) (?:also )?like|"
                         r"recommended(?: for you| stories)?|more stories|more news|trending(?: now| stories)?|"
                         r"top stories|editor'?s picks?|advertisement|sponsored(?: content)?|continue reading|"
                         r"story continues below(?: advertisement)?)\W*$", re.I)),
    ("caption", re.compile(r"\b(?:photo|image|picture|video|illustration|graphic|file photo|photograph)\s*"
                           r"(?:credit)?\s*:\s*\S|\b(?:photo|image) (?:credit|courtesy)\b|\((?:photo|image)s?\s*(?:by|:)", re.I)),
    ("caption", re.compile(r"(?:^|[\s(/|])(?:getty images|shutterstock|afp via getty|ap photo|reuters/[A-Z]|"
                           r"epa-efe|afp photo)\b", re.I)),
    ("comments", re.compile(r"^(?:leave a (?:comment|reply)|post a comment|add a comment|comments?(?: \(\d+\))?|"
                            r"\d+ comments?|comments are (?:closed|moderated|disabled)|join the (?:discussion|conversation)|"
                            r"view comments|show comments|reply|cancel reply|replying to\b.*|log ?in to (?:comment|reply)|"
                            r"be the first to comment)\W*$", re.I)),
    ("comments", re.compile(r"^(?:comments? (?:are|is|will be|may be|must|should)|comment policy|"
                            r"commenting (?:is|has been))\b", re.I)),
    ("copyright", re.compile(r"^\s*(?:copyright\b|©|\(c\)\s*(?:19|20)\d\d)|all rights reserved", re.I)),
    ("author_box", re.compile(r"^(?:photo of (?:the )?author|about the author|author(?:'s)? (?:profile|bio)|"
                              r"(?:more|other) (?:articles|posts|stories) by\b)", re.I)),
]
# Weak cues: page-furniture vocabulary that body prose can also use; they count as evidence only.
WEAK: list[tuple[str, re.Pattern[str]]] = [
    ("share", re.compile(r"\b(?:share(?: this| on| via)?|tweet|pin it|whatsapp|telegram|facebook|twitter|linkedin|"
                         r"instagram|youtube|tiktok|e-?mail (?:this|a friend)|print (?:this|article)|copy link|"
                         r"follow (?:us|@)|like us|spread the word|get the word out)\b", re.I)),
    ("subscribe", re.compile(r"\b(?:subscribe|subscriber|subscription|newsletter|sign(?:ing)? up|sign in|log ?in|"
                             r"register|download (?:the|our) app|app store|google play|inbox|unlock|paywall|"
                             r"e-?edition|full story)\b", re.I)),
    ("donate", re.compile(r"\b(?:donate|donation|support (?:us|our|independent)|become a (?:member|patron|supporter)|"
                          r"patreon|chip in|contribute today|make a (?:gift|contribution))\b", re.I)),
    ("comments", re.compile(r"\b(?:comments?|commenting|commenters?|moderat(?:ed|ion|ors?)|spam|replies|"
                            r"discussion guidelines|community guidelines)\b", re.I)),
    ("syndication", re.compile(r"\b(?:syndicat\w*|republish\w*|reprint\w*|republication|originally (?:appeared|published)|"
                               r"written permission|re-?distribut\w*|rewritten)\b", re.I)),
    ("copyright", re.compile(r"\b(?:copyright\w*|trademarks?|terms of (?:use|service)|privacy policy|cookie\w*)\b", re.I)),
    ("promo", re.compile(r"\b(?:click here|read more|see more|learn more|find out more|more information|"
                         r"sponsored|advertis\w+|partner content|promoted)\b", re.I)),
]
# The page speaking to its reader or about itself.
READER = re.compile(r"\b(?:you|your|you're|please|we're|our site|this site|this website|our website|visit|"
                    r"check out|click|tap|join us|us at)\b", re.I)
SITE_SELF = re.compile(r"\b(?:site|website|page|articles?|stories|story|content|service|edition|app|newsletter|"
                       r"posts?|blog|feed)\b", re.I)


@dataclass(slots=True)
class Verdict:
    """The classifier's decision on one line."""

    text: str
    features: LineFeatures
    reason: str | None = None  # None: kept
    evidence: list[str] = field(default_factory=list)

    @property
    def kept(self) -> bool:
        return self.reason is None


def _boilerplate_score(feat: LineFeatures, zone_edge: bool) -> tuple[float, str | None]:
    """(furniture evidence minus prose evidence, the likeliest kind)."""
    kinds = [kind for kind, pattern in WEAK if pattern.search(feat.text)]
    score = 1.5 * len(set(kinds))
    if READER.search(feat.text):
        score += 1.0
        if SITE_SELF.search(feat.text):
            score += 1.0
    if feat.exclamations >= 2 or feat.caps_words >= 2:
        score += 1.0
    if feat.urlish:
        score += 1.0
    if zone_edge:
        score += 1.0
    if not feat.terminal and feat.n_words <= 8:
        score += 0.5
    # prose evidence
    if feat.reporting and not READER.search(feat.text):
        score -= 2.0
    if feat.prose:
        score -= 1.0
    if feat.n_words >= 25:
        score -= 1.0
    return score, (kinds[0] if kinds else None)


def classify_lines(lines: list[str], title: str | None) -> list[Verdict]:
    """Verdicts for the paragraph lines of one article (title already known or None)."""
    verdicts = [Verdict(line, line_features(line)) for line in lines]
    title_key = fold(title) if title else ""
    seen: set[str] = set()
    for verdict in verdicts:
        verdict.reason = _decisive(verdict, title_key, seen)
        seen.add(fold(verdict.text))
    body = [i for i, v in enumerate(verdicts) if v.kept and v.features.prose and not addresses_reader(v.text)]
    first_body, last_body = (body[0], body[-1]) if body else (len(verdicts), -1)
    in_comment_section = False
    for i, verdict in enumerate(verdicts):
        feat = verdict.features
        edge = i < first_body or i > last_body
        if not verdict.kept:
            if verdict.reason == "comments" and i > last_body and feat.n_words <= 8:
                in_comment_section = True  # a comment-section header: what follows is comments
            continue
        if in_comment_section and not feat.speech:
            verdict.reason = "comments"
            continue
        if feat.speech:
            continue  # quoted speech is never removed by weighing evidence
        score, kind = _boilerplate_score(feat, edge)
        if score >= 2.5:
            verdict.reason = kind or ("tagline" if i > last_body else "navigation")
            verdict.evidence.append(f"score {score:.1f}")
        elif i > last_body and not feat.terminal and feat.n_words <= 6:
            verdict.reason = "tagline"
        elif i < first_body and not feat.terminal and feat.n_words <= 3:
            verdict.reason = "navigation"
    return verdicts


def addresses_reader(text: str) -> bool:
    """Furniture vocabulary or the page talking to its reader: such prose does not mark the body."""
    return bool(READER.search(text)) or any(pattern.search(text) for _, pattern in WEAK)


def _decisive(verdict: Verdict, title_key: str, seen: set[str]) -> str | None:
    text, feat = verdict.text.strip(), verdict.features
    key = fold(text)
    if not key:
        return "navigation"  # punctuation-only lines: separators, bullets
    if title_key and _similar(key, title_key):
        return "headline_echo"
    if key in seen and feat.n_words >= 2:
        return "repeated"
    if parse_byline(text):
        return "byline"
    if _is_date_line(text, feat):
        return "dateline"
    if copyright_owner(text) or (feat.n_words <= 30 and _match(DECISIVE, text) == "copyright"):
        return "copyright"
    kind = _match(DECISIVE, text)
    if kind and (kind in ("promo", "navigation", "caption", "author_box", "comments") or not feat.speech):
        if kind == "comments" and feat.prose and feat.reporting:
            return None  # "Comments made by the minister ..." is prose, not a form
        return kind
    return None


def _match(patterns: list[tuple[str, re.Pattern[str]]], text: str) -> str | None:
    return next((kind for kind, pattern in patterns if pattern.search(text)), None)


def _is_date_line(text: str, feat: LineFeatures) -> bool:
    """A short line that is only a date, optionally with a label or agency: 'Updated: 9 Dec 2022'."""
    if feat.n_words > 12 or feat.terminal and feat.n_words > 6:
        return False
    found = parse_date(text)
    if not found:
        return False
    start, end = found[1]
    rest = (text[:start] + " " + text[end:]).strip()
    rest = re.sub(r"(?i)\b(?:published|updated|posted|last updated|on|at|gmt|utc|[ap]\.?m\.?|\d{1,2}:\d\d)\b", " ", rest)
    return len(re.findall(r"[^\W\d_]+", rest)) <= 4


def _similar(a: str, b: str) -> bool:
    """Near-identical headline wording (case, quotes and punctuation folded)."""
    if a == b:
        return True
    ta, tb = set(a.split()), set(b.split())
    if min(len(ta), len(tb)) < 3:
        return False
    return len(ta & tb) / len(ta | tb) >= 0.8
