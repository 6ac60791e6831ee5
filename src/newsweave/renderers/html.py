"""The self-contained HTML report: one file, inline CSS, JS and SVG, no network request.

The page is built from the brief (the JSON contract) through a Jinja2
template with autoescaping on, so every piece of article text is escaped:
a "<script>" in an article is shown, never run. Sentences are wrapped in
anchors (``s-{story}-{article}-{sentence}``) that the summary's citation
marks, the claims matrix, the conflicts and the timeline link to; a click
scrolls to the sentence and highlights it. This module prepares the view
(paragraphs cut into sentences, the claims x outlets matrix grouped by
independent source, chart scales); the template only lays it out.
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from typing import Any

from jinja2 import BaseLoader, Environment, PackageLoader, StrictUndefined, select_autoescape

from newsweave.lexicon import REASONS
from newsweave.renderers import citation_numbers, outlet_label, sentence_text, source_label

MATRIX_ROWS = 40  # claims shown in the matrix: the best corroborated first
QUOTED = re.compile(r'"([^"]{1,80})"')  # the differing values a conflict's description quotes
STANCE_MARK = {"asserted": "●", "attributed": "◆", "hedged": "◐", "denied": "✕"}


TEMPLATES = PackageLoader("newsweave", "renderers/templates")


def template_environment(loader: BaseLoader = TEMPLATES) -> Environment:
    """A Jinja2 environment with the report's rules: every value escaped, an undefined name an error."""
    return Environment(
        loader=loader,
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


@lru_cache(maxsize=1)
def _environment() -> Environment:
    return template_environment()


def brief_to_html(brief: dict[str, Any]) -> str:
    stories = [story_view(n, story) for n, story in enumerate(brief["stories"])]
    return (
        _environment()
        .get_template("report.html.j2")
        .render(schema=brief["schema"], stories=stories, errors=brief["errors"], reasons=REASONS, marks=STANCE_MARK)
    )


def anchor(story: int, article: int, sentence: int) -> str:
    return f"s-{story}-{article}-{sentence}"


def story_view(number: int, story: dict[str, Any]) -> dict[str, Any]:
    articles = story["articles"]
    index = {a["id"]: k for k, a in enumerate(articles)}

    def link(article: str, sentence: int) -> str:
        return anchor(number, index[article], sentence)

    marks, _ = citation_numbers(story["summary"])
    summary = []
    for line, cited in zip(story["summary"], marks, strict=True):
        links = []
        for c, k in zip(line["citations"], cited, strict=True):
            a = articles[index[c["article"]]]
            title = f"{outlet_label(a)}: {sentence_text(a, c['sentence'])}"
            links.append({"number": k, "href": link(c["article"], c["sentence"]), "title": title})
        summary.append({**line, "marks": links})
    outlet_of = {a["id"]: outlet_label(a) for a in articles}
    profiles = {p["outlet"]: p for p in story["outlets"]}
    return {
        "number": number,
        "id": story["id"],
        "title": story["title"] or "Untitled story",
        "outlets": sorted(set(outlet_of.values())),
        "summary": summary,
        "matrix": _matrix(story, outlet_of, profiles, link),
        "conflicts": [_sides(c, outlet_of, link) for c in story["conflicts"]],
        "updates": [_sides(c, outlet_of, link) for c in story.get("updates", [])],
        "speakers": _speakers(story["quotes"], outlet_of),
        "profiles": _profiles(story["outlets"]),
        "timeline": [
            {
                **e,
                "links": [
                    {"href": link(c["article"], c["sentence"]), "outlet": outlet_of[c["article"]]}
                    for c in e["citations"]
                ],
            }
            for e in story["timeline"]
        ],
        "articles": [article_view(number, k, a) for k, a in enumerate(articles)],
        "claim_count": len(story["claims"]),
        "corroborated": sum(1 for c in story["claims"] if c["sources"] > 1),
    }


def _sides(conflict: dict[str, Any], outlet_of: dict[str, str], link: Any) -> dict[str, Any]:
    """A conflict (or an update) with its evidence split into the two sides, each sentence linked, and the
    values that differ (quoted in its description: "Seven" vs "Three") marked in the sentences."""
    values = [v for v in QUOTED.findall(conflict["description"]) if v.strip()]
    sides = [
        [
            {
                **e,
                "href": link(e["article"], e["sentence"]),
                "outlet": outlet_of[e["article"]],
                "runs": marked_runs(e["text"], values),
            }
            for e in conflict["evidence"]
            if e["side"] == side
        ]
        for side in (0, 1)
    ]
    return {**conflict, "sides": sides}


def marked_runs(text: str, terms: list[str]) -> list[tuple[str, bool]]:
    """``text`` as (piece, marked) runs, the pieces that are one of ``terms`` (any case) marked."""
    if not terms:
        return [(text, False)]
    pattern = re.compile("|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True)), re.IGNORECASE)
    runs, cursor = [], 0
    for match in pattern.finditer(text):
        if match.start() > cursor:
            runs.append((text[cursor : match.start()], False))
        runs.append((match.group(0), True))
        cursor = match.end()
    if cursor < len(text):
        runs.append((text[cursor:], False))
    return runs


def _matrix(story: dict[str, Any], outlet_of: dict[str, str], profiles: dict[str, Any], link: Any) -> dict[str, Any]:
    """Claims x outlets, outlets grouped by independent source (reprints side by side under their source)."""
    by_source: dict[str, list[str]] = defaultdict(list)
    for outlet, profile in profiles.items():
        by_source[source_label(profile)].append(outlet)
    groups = sorted(by_source.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    columns = [outlet for _, outlets in groups for outlet in sorted(outlets)]
    rows = []
    for claim in story["claims"][:MATRIX_ROWS]:
        cells: dict[str, dict[str, str]] = {}
        for s in claim["support"]:
            cells.setdefault(
                outlet_of[s["article"]], {"stance": s["stance"], "href": link(s["article"], s["sentence"])}
            )
        rows.append({"claim": claim, "cells": [cells.get(outlet) for outlet in columns]})
    return {
        "groups": [{"source": source, "span": len(outlets), "shared": len(outlets) > 1} for source, outlets in groups],
        "columns": columns,
        "rows": rows,
        "hidden": max(0, len(story["claims"]) - MATRIX_ROWS),
    }


def _speakers(quotes: list[dict[str, Any]], outlet_of: dict[str, str]) -> list[dict[str, Any]]:
    said: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    for q in quotes:
        item = said[q["speaker"] or "Unattributed"].setdefault(
            q["text"], {"text": q["text"], "kind": q["kind"], "outlets": []}
        )
        if outlet_of[q["article"]] not in item["outlets"]:
            item["outlets"].append(outlet_of[q["article"]])
    ordered = sorted(said.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return [{"speaker": speaker, "quotes": list(items.values())} for speaker, items in ordered]


def _profiles(outlets: list[dict[str, Any]]) -> dict[str, Any]:
    """Bar lengths for the outlet charts, scaled to the largest value of each measure."""
    most_unique = max([len(o["unique_claims"]) for o in outlets] + [1])
    most_omitted = max([len(o["omitted_claims"]) for o in outlets] + [1])
    rows = [
        {
            **o,
            "unique": len(o["unique_claims"]),
            "omitted": len(o["omitted_claims"]),
            "unique_w": 160 * len(o["unique_claims"]) / most_unique,
            "omitted_w": 160 * len(o["omitted_claims"]) / most_omitted,
            "hedged_w": 160 * o["hedged_share"],
        }
        for o in outlets
    ]
    return {"rows": rows, "height": 26 * len(rows) + 30}


def article_view(story: int, number: int, article: dict[str, Any]) -> dict[str, Any]:
    """The article's paragraphs as runs of plain text and anchored sentences (each run with its ``start`` offset)."""
    text, paragraphs = article["text"], []
    sentences = list(enumerate(article["sentences"]))
    start = 0
    for block in text.split("\n\n"):
        end = start + len(block)
        runs, cursor = [], start
        for k, s in sentences:
            if s["start"] >= start and s["end"] <= end:
                if s["start"] > cursor:
                    runs.append({"text": text[cursor : s["start"]], "id": None, "start": cursor})
                runs.append(
                    {
                        "text": text[s["start"] : s["end"]],
                        "id": anchor(story, number, k),
                        "stance": s.get("stance"),
                        "start": s["start"],
                    }
                )
                cursor = s["end"]
        if cursor < end:
            runs.append({"text": text[cursor:end], "id": None, "start": cursor})
        paragraphs.append(runs)
        start = end + 2
    return {**article, "paragraphs": paragraphs, "anchor": f"a-{story}-{number}"}
