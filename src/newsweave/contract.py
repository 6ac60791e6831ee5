"""The brief: the versioned JSON contract (schema "newsweave/1") built from a run.

Articles are grouped into stories by group.stories; each story is one entry.
Articles carry their analysis (sentences with stance, entities, quantities,
dates); the story lists every quote with speakers made canonical across
its articles, its claims, conflicts and outlet profiles (align), and its
cited summary and timeline (summarize).
"""

from __future__ import annotations

import hashlib
from typing import Any

from newsweave.align import align_story
from newsweave.align.statements import statements
from newsweave.analyze.embed import encode_distinct
from newsweave.analyze.entities import merge_story
from newsweave.errors import NotAnalysed
from newsweave.group.stories import cluster
from newsweave.group.story_features import story_input
from newsweave.model import Article, ReadError
from newsweave.summarize import LENGTH, summarize, timeline

SCHEMA = "newsweave/1"


def story_id(articles: list[Article]) -> str:
    """A stable id from the member article ids (same inputs, same id)."""
    digest = hashlib.sha1("\n".join(sorted(a.id for a in articles)).encode()).hexdigest()
    return f"story-{digest[:10]}"


def story_title(articles: list[Article]) -> str | None:
    """The title of the story's first titled article."""
    return next((a.title for a in articles if a.title), None)


def story_speakers(articles: list[Article]) -> dict[str, str]:
    """Short person names -> the one full name the story gives them ('Kirby' -> 'John Kirby')."""
    return merge_story({a.id: [e.canonical for e in a.entities if e.label == "PERSON"] for a in articles})


def story_quotes(articles: list[Article], full: dict[str, str]) -> list[dict[str, Any]]:
    """Every quote of the story, with speakers made canonical across articles."""
    out = []
    for article in articles:
        for quote in article.quotes:
            item = quote.to_dict()
            item["speaker"] = full.get(item["speaker"], item["speaker"])
            out.append(item)
    return out


def story_groups(articles: list[Article]) -> list[list[Article]]:
    """The run's articles grouped into stories (group.stories), in input order."""
    by_id = {a.id: a for a in articles}
    members = cluster([story_input(a) for a in articles])
    return [[by_id[i] for i in ids] for ids in members]


def build_story(articles: list[Article], label: str | None = None, length: int = LENGTH) -> dict[str, Any]:
    """One story of the contract; ``label`` is a stored story's id, else one is made from the members.

    ``length`` is the number of summary lines."""
    speakers = story_speakers(articles)
    quotes = story_quotes(articles, speakers)
    alignment = align_story(articles, quotes, speakers)
    return {
        "id": label or story_id(articles),
        "title": story_title(articles),
        "articles": [a.to_dict(analysis=True) for a in articles],
        "quotes": quotes,
        "claims": [c.to_dict() for c in alignment.claims],
        "conflicts": [c.to_dict() for c in alignment.conflicts],
        "updates": [c.to_dict() for c in alignment.updates],
        "outlets": alignment.outlets,
        "summary": summarize(articles, alignment, length),
        "timeline": timeline(articles, alignment),
    }


def build_brief(
    articles: list[Article],
    errors: list[ReadError],
    stories: list[tuple[str, list[Article]]] | None = None,
    length: int = LENGTH,
) -> dict[str, Any]:
    """The contract: one story per cluster of the run's articles (or the given labelled stories), then errors.

    Raises NotAnalysed for articles that were only extracted: without their analysis every sentence would
    look asserted and no one quoted."""
    if missing := [a.id for a in articles if not a.analysed]:
        raise NotAnalysed(
            f"{len(missing)} article(s) not analysed ({', '.join(missing[:3])}): use newsweave.brief(inputs), "
            "or extract(..., analysis=True) or analyze(articles) before build_brief"
        )
    if stories is None:
        stories = [(story_id(group), group) for group in story_groups(articles)]
    encode_distinct([s.text for _, group in stories for s in statements(group, {})])  # one large batch for all stories
    built = [build_story(group, label, length) for label, group in stories]
    return {"schema": SCHEMA, "stories": built, "errors": [e.to_dict() for e in errors]}
