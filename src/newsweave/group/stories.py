"""Story clustering: incremental, time-windowed, on names, lexical similarity and dates.

Each article is compared with the stories it could belong to, and joins
the best one or starts a new story; nothing already clustered is
recomputed, so ingesting a new day of news costs only that day.

- names: capitalised words and acronyms of the title and lead (places,
  people, organisations), less generic name parts ("News", "Industries",
  "Ministry") that many unrelated names share. Two earthquakes share "earthquake", "magnitude",
  "rescue"; they do not share "Kelso" and "San Telmo". A name counts by its
  rarity so far, and the score is the share of the article's name weight
  the story already has.
- lexical: cosine of TF-IDF vectors of title and lead against the story's
  running centroid (IDF from the articles seen so far).
- time: a story only takes articles within ``window_days`` of its own dates.

Candidates come from an inverted index (names and rare terms -> stories),
so an article is scored against a handful of stories, not all of them.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date

import numpy as np

from newsweave.clean.features import STOPWORDS
from newsweave.clean.metadata import ORG_WORDS

NAME = re.compile(r"\b(?:[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*|[A-Z]{2,})\b")
WORD = re.compile(r"[a-z][a-z'-]{2,}")
GENERIC_NAME_PARTS = ORG_WORDS | {
    "industries", "holdings", "corporation", "ministry", "department", "council", "authority", "office", "party",
    "university", "bank", "association", "union", "committee", "commission", "agency", "national", "state", "city",
    "north", "south", "east", "west", "new", "saint", "st",
}  # fmt: skip
NOT_NAMES = STOPWORDS | GENERIC_NAME_PARTS | {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december", "mr", "mrs", "ms",
    "dr", "president", "minister", "prime", "governor", "mayor", "premier", "government", "officials", "police",
}  # fmt: skip
LEAD_PARAGRAPHS = 2
RARE_TERMS = 8
EMBEDDING_SHARE = 0.5  # of the non-name part of the score, when title-and-lead embeddings are given
MIN_NAME_SHARE = 0.1  # an article naming places and people must share some of them with the story
THRESHOLD = 0.15  # inside the plateau on benchmarks/data/stories-gold.jsonl: 0.05-0.2 (words), 0.05-0.3 (embeddings)


@dataclass(slots=True)
class Features:
    terms: Counter[str]
    names: set[str]
    day: date | None


@dataclass(slots=True)
class Story:
    id: int
    title: str | None
    members: list[str] = field(default_factory=list)
    terms: Counter[str] = field(default_factory=Counter)
    names: Counter[str] = field(default_factory=Counter)
    first: date | None = None
    last: date | None = None
    vector: tuple[int, dict[str, float], float] | None = None  # cached TF-IDF centroid: (members, weights, norm)
    embedding: np.ndarray | None = None  # sum of the members' title-and-lead embeddings


def lead_text(title: str | None, text: str) -> str:
    """What a story embedding is computed from: the title and the lead paragraphs."""
    return f"{title or ''}\n{_lead(text)}".strip()


def features(title: str | None, text: str, published: str | None) -> Features:
    """What clustering looks at: the title and the lead paragraphs."""
    head = lead_text(title, text)
    terms = Counter(w for w in WORD.findall(head.lower()) if w not in STOPWORDS)
    names = set()
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", head):
        for i, match in enumerate(NAME.finditer(sentence)):
            word = match.group(0).lower()
            if word in NOT_NAMES or (i == 0 and match.start() == 0 and not match.group(0).isupper()):
                continue  # sentence-initial capitals are not names
            names.add(word)
    day = None
    if published:
        try:
            day = date.fromisoformat(published[:10])
        except ValueError:
            day = None
    return Features(terms, names, day)


def _lead(text: str) -> str:
    paragraphs = [p for p in text.split("\n") if p.strip()]
    return "\n".join(paragraphs[:LEAD_PARAGRAPHS])


class StoryClusterer:
    """Assigns articles to stories one at a time (incremental)."""

    def __init__(self, threshold: float = THRESHOLD, window_days: int = 10, name_weight: float = 0.6) -> None:
        self.threshold = threshold
        self.window_days = window_days
        self.name_weight = name_weight
        self.stories: list[Story] = []
        self.df: Counter[str] = Counter()  # in how many articles a term or name occurred
        self.n = 0
        # key -> week of an article's date (None: undated) -> stories with such an article that week
        self.by_key: dict[str, dict[int | None, set[int]]] = defaultdict(lambda: defaultdict(set))

    def _idf(self, key: str) -> float:
        return math.log((1 + self.n) / (1 + self.df[key])) + 1.0

    def add(
        self, article_id: str, title: str | None, text: str, published: str | None, embedding: np.ndarray | None = None
    ) -> int:
        """The story the article joins (an index into ``stories``); ``embedding``: its title-and-lead vector."""
        f = features(title, text, published)
        best, best_score = None, self.threshold
        vector = self._vector(f.terms)
        for index in sorted(self._candidates(f)):
            story = self.stories[index]
            if not self._in_window(story, f.day):
                continue
            score = self._score(f, vector, story, embedding)
            if score > best_score:
                best, best_score = index, score
        if best is None:
            best = len(self.stories)
            self.stories.append(Story(best, title))
        self._absorb(self.stories[best], article_id, f, embedding)
        return best

    def restore(
        self, article_id: str, title: str | None, text: str, published: str | None, story: int,
        embedding: np.ndarray | None = None,
    ) -> None:  # fmt: skip
        """Put back an article already assigned to ``story`` (e.g. read from the store), without scoring."""
        while len(self.stories) <= story:
            self.stories.append(Story(len(self.stories), None))
        if not self.stories[story].members:
            self.stories[story].title = title
        self._absorb(self.stories[story], article_id, features(title, text, published), embedding)

    def _keys(self, f: Features) -> list[str]:
        """What a story is found by: its names and its rarest terms (an inverted index, not all pairs)."""
        rare = sorted(f.terms, key=lambda t: (-self._idf(t), t))[:RARE_TERMS]
        return [f"n:{name}" for name in sorted(f.names)] + [f"t:{t}" for t in rare]

    def _weeks(self, day: date | None) -> list[int | None]:
        """The index buckets an article looks in: the weeks its window touches (all, when undated)."""
        if day is None:
            return [None]
        first, last = day.toordinal() - self.window_days, day.toordinal() + self.window_days
        return [*range(first // 7, last // 7 + 1), None]

    def _candidates(self, f: Features) -> set[int]:
        found: set[int] = set()
        weeks = self._weeks(f.day)
        for key in self._keys(f):
            buckets = self.by_key.get(key)
            if not buckets:
                continue
            for week in weeks if f.day is not None else list(buckets):
                found |= buckets.get(week, set())
        return found

    def _in_window(self, story: Story, day: date | None) -> bool:
        if day is None or story.first is None or story.last is None:
            return True
        return (story.first - day).days <= self.window_days and (day - story.last).days <= self.window_days

    def _score(
        self, f: Features, vector: tuple[dict[str, float], float], story: Story, embedding: np.ndarray | None
    ) -> float:
        """Names: how much of the article's name weight the story's members typically carry; plus TF-IDF cosine.

        A name counts by the share of the story's articles that have it, so a story that has
        absorbed many unrelated names does not attract everything (no snowballing).
        """
        name_total = sum(self._idf(f"n:{n}") for n in f.names)
        size = max(1, len(story.members))
        shared = sum(self._idf(f"n:{n}") * min(1.0, story.names[n] / size) for n in f.names if story.names[n])
        names = shared / name_total if name_total else 0.0
        lexical = self._cosine(vector, story)
        if name_total and names < MIN_NAME_SHARE:
            return 0.0  # the same kind of event somewhere else (however alike the wording): its names disagree
        if embedding is None or story.embedding is None:
            return self.name_weight * names + (1 - self.name_weight) * lexical
        centroid = story.embedding / (float(np.linalg.norm(story.embedding)) or 1.0)
        semantic = float(np.dot(embedding, centroid))
        rest = 1 - self.name_weight
        return self.name_weight * names + rest * (1 - EMBEDDING_SHARE) * lexical + rest * EMBEDDING_SHARE * semantic

    def _vector(self, terms: Counter[str]) -> tuple[dict[str, float], float]:
        weights = {t: c * self._idf(t) for t, c in terms.items()}
        return weights, math.sqrt(sum(w * w for w in weights.values()))

    def _cosine(self, article: tuple[dict[str, float], float], story: Story) -> float:
        weights_a, norm_a = article
        weights_b, norm_b = self._story_vector(story)
        dot = sum(w * weights_b.get(t, 0.0) for t, w in weights_a.items())
        return dot / (norm_a * norm_b) if norm_a and norm_b else 0.0

    def _story_vector(self, story: Story) -> tuple[dict[str, float], float]:
        """The story's TF-IDF centroid and its norm, recomputed only when the story has grown."""
        if story.vector is None or story.vector[0] != len(story.members):
            story.vector = (len(story.members), *self._vector(story.terms))
        return story.vector[1], story.vector[2]

    def _absorb(self, story: Story, article_id: str, f: Features, embedding: np.ndarray | None = None) -> None:
        story.members.append(article_id)
        if embedding is not None:
            story.embedding = embedding.copy() if story.embedding is None else story.embedding + embedding
        story.terms.update(f.terms)
        story.names.update(f.names)
        if f.day is not None:
            story.first = min(story.first or f.day, f.day)
            story.last = max(story.last or f.day, f.day)
        self.n += 1
        self.df.update(set(f.terms))
        self.df.update(f"n:{n}" for n in f.names)
        week = f.day.toordinal() // 7 if f.day is not None else None
        for key in self._keys(f):
            self.by_key[key][week].add(story.id)


def cluster(
    articles: list[tuple[str, str | None, str, str | None]], embeddings: np.ndarray | None = None, **options: float
) -> list[list[str]]:
    """Stories of a batch of (id, title, text, published), oldest article first; members in input order.

    ``embeddings``: one title-and-lead vector per article (analyze.embed), or None for names and words only.
    """
    order = sorted(range(len(articles)), key=lambda i: (articles[i][3] or "9999", i))
    clusterer = StoryClusterer(**options)  # type: ignore[arg-type]
    assigned = {
        articles[i][0]: clusterer.add(*articles[i], embedding=None if embeddings is None else embeddings[i])
        for i in order
    }
    groups: dict[int, list[str]] = defaultdict(list)
    for article_id, _, _, _ in articles:
        groups[assigned[article_id]].append(article_id)
    return list(groups.values())  # filled in input order, so ordered by each story's first article
