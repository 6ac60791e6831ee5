"""What story grouping compares: an article's words, its names and the time of its event.

- words: TF-IDF over the title and the whole text (sublinear counts, stop words out, terms of
  one article only dropped), IDF from the batch being grouped, steadied by how common each word is
  in English (wordfreq): a batch of a few articles about one event cannot tell on its own that
  "shooting" and "Troy" are rarer than "said";
- names: the same over capitalised words that do not open a sentence (places, people,
  organisations, teams, ships): "Waitrose", "Banstead" and "Wellington" tell two supermarket
  fires apart where "fire", "blaze" and "crews" cannot;
- time: the event's day (the publication date, else a date in the URL) and its year (that day's,
  else the latest year the text mentions);
- the lead (the title and the text's first LEAD_CHARS characters), where a report states its event's
  weekday ("on Saturday") and key counts ("23 pirates", "a 31-year-old man", "5.6 magnitude"): two
  leads that name only different weekdays, or give only different numbers for the same counted words,
  are weak evidence of two events of one kind (a toll that rises is why it is only weak).

All vectors are L2-normalised scipy CSR rows, so a dot product is a cosine.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import numpy as np
from scipy import sparse

from newsweave.lexicon import CLOCK_WORDS, STOPWORDS, WEEKDAYS, WORD_NUMBERS
from newsweave.model import Article, StoryInput
from newsweave.newstext import date_from_url

WORD = re.compile(r"[a-z][a-z'-]+|\d+(?:[.,]\d+)?")
NAME = re.compile(r"\b(?:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*|[A-Z]{2,})\b")
SENTENCE_BREAK = re.compile(r"(?<=[.!?\"”])\s+|\n+")
YEAR = re.compile(r"(?<![\d./-])((?:19[5-9]|20[0-4])\d)(?![\d])")
WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
COUNT = re.compile(
    r"\b(\d+(?:[.,]\d+)*|" + "|".join(w for w in WORD_NUMBERS if " " not in w) + r")[ -]([a-z]+)\b", re.IGNORECASE
)
LEAD_CHARS = 600  # about the first three sentences: where a news report states its event's day and key figures
MIN_DF = 2  # a term of one article only says nothing about which articles belong together
# English word frequencies (wordfreq) count as this many background documents in every IDF: a batch of fewer
# articles leans on them, a large batch's own counts dominate. Any value from 5 to 200 gives the same stories
# on real-stories-dev and within 0.006 on stories-dev; 20 is a small batch's size.
BACKGROUND_DOCS = 20
DOC_WORDS = 500  # a news article's length in words: turns a word's frequency into the share of articles holding it
MID_MONTH = 15  # a URL dated to a month only is placed mid-month


def story_input(article: Article) -> StoryInput:
    return StoryInput(article.id, article.title, article.text, article.published, article.url, article.duplicate_of)


@dataclass(slots=True)
class Evidence:
    """The batch's vectors and times, one row per article in input order."""

    words: sparse.csr_matrix
    names: sparse.csr_matrix
    days: np.ndarray  # ordinal day of the event, or -1 when unknown
    years: np.ndarray  # the year of that day; undated, the latest year the text mentions; or -1
    weekdays: np.ndarray  # bit d set when the lead names weekday d (WEEKDAYS order)
    counts: list[dict[str, frozenset[str]]]  # the lead's counted words, each with the numbers given for it


def event_day(published: str | None, url: str | None) -> int:
    """The ordinal day an article is dated to: its publication date, else its URL's date (-1: unknown)."""
    if published:
        try:
            return date.fromisoformat(published[:10]).toordinal()
        except ValueError:
            pass
    found = date_from_url(url)
    if found is None:
        return -1
    year, month, day = found
    return date(year, month, day or MID_MONTH).toordinal()


def names_of(text: str) -> list[str]:
    """Capitalised words that do not open a sentence, lower-cased (a sentence's first word is no evidence)."""
    out = []
    for sentence in SENTENCE_BREAK.split(text):
        for match in NAME.finditer(sentence):
            if match.start() == 0 and not match.group(0).isupper():
                continue
            word = match.group(0).lower()
            if word not in STOPWORDS:
                out.append(word)
    return out


def weekdays_of(lead: str) -> int:
    """The weekdays a lead names, as bits (WEEKDAYS order)."""
    return sum({1 << WEEKDAYS.index(m.lower()) for m in WEEKDAY.findall(lead)})


def counts_of(lead: str) -> dict[str, frozenset[str]]:
    """Each word a lead counts ("23 pirates", "31-year-old") with the numbers it gives for it; not clock times."""
    found: dict[str, set[str]] = {}
    for number, word in COUNT.findall(lead):
        word = word.lower()
        if word in STOPWORDS or word in CLOCK_WORDS or word in WORD_NUMBERS:  # "twenty-three" counts no threes
            continue
        value = WORD_NUMBERS.get(number.lower())
        found.setdefault(word, set()).add(str(value) if value is not None else number.replace(",", ""))
    return {word: frozenset(numbers) for word, numbers in found.items()}


def words_of(text: str) -> list[str]:
    return [w for w in WORD.findall(text.lower()) if w not in STOPWORDS]


def evidence(items: list[StoryInput]) -> Evidence:
    heads = [f"{i.title or ''}\n{i.text}" for i in items]
    days = [event_day(i.published, i.url) for i in items]
    leads = [f"{i.title or ''}\n{i.text[:LEAD_CHARS]}" for i in items]
    return Evidence(
        words=tfidf([words_of(h) for h in heads]),
        names=tfidf([names_of(h) for h in heads]),
        days=np.array(days, dtype=np.int64),
        years=np.array([_year(day, head) for day, head in zip(days, heads, strict=True)], dtype=np.int64),
        weekdays=np.array([weekdays_of(lead) for lead in leads], dtype=np.int64),
        counts=[counts_of(lead) for lead in leads],
    )


def _year(day: int, text: str) -> int:
    """The year of an article's event: its date's, else the latest the text mentions (a report of "the
    2008-09 season" is not from 2005), else -1."""
    if day >= 0:
        return date.fromordinal(day).year
    return max((int(y) for y in YEAR.findall(text)), default=-1)


@lru_cache(maxsize=1)
def background_shares() -> Callable[[str], float]:
    """The share of English news articles expected to hold a word, from its frequency (0 for unknown words)."""
    from wordfreq import get_frequency_dict

    frequency = get_frequency_dict("en", wordlist="small")  # words under 1e-6 (share < 0.0005) count as unseen
    return lambda term: 1.0 - math.exp(-frequency.get(term, 0.0) * DOC_WORDS)


def tfidf(docs: list[list[str]]) -> sparse.csr_matrix:
    """L2-normalised TF-IDF rows (1 + log tf, smooth idf with BACKGROUND_DOCS of English text), over terms found
    in at least MIN_DF documents."""
    counts = [Counter(d) for d in docs]
    df: Counter[str] = Counter()
    for c in counts:
        df.update(c.keys())
    vocabulary = {t: k for k, t in enumerate(sorted(t for t, n in df.items() if n >= MIN_DF))}
    n, share = len(docs), background_shares()
    idf = {t: math.log((1 + n + BACKGROUND_DOCS) / (1 + df[t] + BACKGROUND_DOCS * share(t))) + 1.0 for t in vocabulary}
    rows, cols, values = [], [], []
    for r, c in enumerate(counts):
        weights = {vocabulary[t]: (1.0 + math.log(k)) * idf[t] for t, k in c.items() if t in vocabulary}
        norm = math.sqrt(sum(w * w for w in weights.values())) or 1.0
        for col in sorted(weights):
            rows.append(r)
            cols.append(col)
            values.append(weights[col] / norm)
    return sparse.csr_matrix((values, (rows, cols)), shape=(n, len(vocabulary)), dtype=np.float64)
