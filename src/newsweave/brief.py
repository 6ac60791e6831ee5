"""The brief: the versioned JSON contract (schema "newsweave/1") built from a run.

Until story clustering exists, one story holds every article of the run.
Sections that later stages fill (quotes, claims, conflicts, outlets,
summary, timeline) are present as empty lists, never filled with stand-ins.
"""

from __future__ import annotations

import hashlib
from typing import Any

from newsweave.model import Article, ReadError

SCHEMA = "newsweave/1"


def story_id(articles: list[Article]) -> str:
    """A stable id from the member article ids (same inputs, same id)."""
    digest = hashlib.sha1("\n".join(sorted(a.id for a in articles)).encode()).hexdigest()
    return f"story-{digest[:10]}"


def story_title(articles: list[Article]) -> str | None:
    """The title of the story's first titled article."""
    return next((a.title for a in articles if a.title), None)


def build_brief(articles: list[Article], errors: list[ReadError]) -> dict[str, Any]:
    stories = []
    if articles:
        stories.append(
            {
                "id": story_id(articles),
                "title": story_title(articles),
                "articles": [a.to_dict() for a in articles],
                "quotes": [],
                "claims": [],
                "conflicts": [],
                "outlets": [],
                "summary": [],
                "timeline": [],
            }
        )
    return {"schema": SCHEMA, "stories": stories, "errors": [e.to_dict() for e in errors]}
