"""Line features shared by the boilerplate classifier and the metadata parser.

Nothing here knows about a particular site: the cues are the vocabulary of
web page furniture in general (share buttons, comment forms, promos,
credits), and the body evidence is what news prose looks like (function
words, finite reporting verbs, quoted speech, sentence punctuation).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsweave.lexicon import STOPWORDS

WORD = re.compile(r"[^\W\d_]+(?:['’.-][^\W\d_]+)*\.?|\d+(?:[.,:]\d+)*")
_CLOSERS = "\"'”’»)] \t"
# Double-quoted stretches (straight, curly, guillemets) and curly single quotes.
QUOTED = re.compile(r"""["“”«„]([^"“”«»„]{2,}?)["“”»]|‘([^‘’]{2,}?)’(?!\w)""")
# Finite reporting verbs: the mark of news prose attributing a statement.
REPORTING = re.compile(
    r"\b(?:said|says|told|added|adds|stated|states|stressed|warned|warns|announced|announces|noted|"
    r"claimed|claims|denied|denies|reported|reports|according to|confirmed|confirms|acknowledged|"
    r"explained|insisted|argued|urged|wrote|tweeted|posted|called|continued|asked|replied)\b",
    re.IGNORECASE,
)
URLISH = re.compile(r"https?://|www\.|\b[\w.-]+@[\w-]+\.\w+|(?<!\w)@\w{2,}|\.(?:com|org|net)\b", re.IGNORECASE)


def words(text: str) -> list[str]:
    return WORD.findall(text)


@dataclass(slots=True)
class LineFeatures:
    """What the classifier needs to know about one line, computed once."""

    text: str
    n_words: int
    stopword_ratio: float
    terminal: bool
    quoted_words: int  # words inside the longest quoted stretch
    reporting: bool
    caps_words: int  # ALL-CAPS words of 3+ letters
    exclamations: int
    urlish: bool

    @property
    def prose(self) -> bool:
        """Looks like a sentence of running text."""
        return self.n_words >= 8 and self.terminal and (self.stopword_ratio >= 0.2 or self.reporting)

    @property
    def speech(self) -> bool:
        """Carries quoted speech (not a two-word scare quote or title)."""
        return self.quoted_words >= 4 or (self.quoted_words >= 2 and self.reporting)


def line_features(text: str) -> LineFeatures:
    tokens = words(text)
    alpha = [t for t in tokens if t[0].isalpha()]
    lowered = [t.lower().rstrip(".") for t in alpha]
    stop = sum(1 for t in lowered if t in STOPWORDS)
    quoted = 0
    if any(mark in text for mark in '"“”«„‘'):
        for match in QUOTED.finditer(text):
            inner = match.group(1) or match.group(2) or ""
            quoted = max(quoted, len(words(inner)))
    return LineFeatures(
        text=text,
        n_words=len(tokens),
        stopword_ratio=stop / len(alpha) if alpha else 0.0,
        terminal=text.rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…"),
        quoted_words=quoted,
        reporting=bool(REPORTING.search(text)),
        caps_words=sum(1 for t in alpha if len(t) >= 3 and t.isupper()),
        exclamations=text.count("!"),
        urlish=("." in text or "@" in text) and bool(URLISH.search(text)),
    )
