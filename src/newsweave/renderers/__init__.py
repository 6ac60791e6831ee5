"""Renderers: the brief (a plain dict, see contract.py) as JSON, Markdown, HTML or a terminal view."""

from __future__ import annotations

from typing import Any


def citation_numbers(summary: list[dict[str, Any]]) -> tuple[list[list[int]], dict[tuple[str, int], int]]:
    """Each summary line's citation numbers, and the cited sentences in the order first cited.

    Numbers follow first citation, so [1] is the first line's first source in every format.
    """
    numbers: dict[tuple[str, int], int] = {}
    lines = [
        [numbers.setdefault((c["article"], c["sentence"]), len(numbers) + 1) for c in line["citations"]]
        for line in summary
    ]
    return lines, numbers


def sentence_text(article: dict[str, Any], sentence: int) -> str:
    span = article["sentences"][sentence]
    return article["text"][span["start"] : span["end"]]


def outlet_label(article: dict[str, Any]) -> str:
    """The outlet as the brief's claims and profiles name it (align.sources.outlet_name): the outlet, else the
    credited agency ("Dispatches"), else the article id."""
    return article.get("outlet") or article.get("agency") or article["id"]


def source_label(profile: dict[str, Any]) -> str:
    """An outlet profile's independent source(s), as one label: outlets with the same label are reprints of
    one source."""
    return " + ".join(profile["sources"])
