"""Markdown brief: per story, the articles, the claims with their independent sources, the conflicts,
who said what, the outlets' profiles, then each article's clean text and what was removed."""

from __future__ import annotations

from typing import Any

from newsweave.lexicon import REASONS
from newsweave.renderers import citation_numbers, outlet_label, sentence_text

_META = ("outlet", "author", "published", "dateline", "agency", "duplicate_of", "url")


def _escape(text: str) -> str:
    """Keep article text from being read as Markdown structure or HTML."""
    out = text.replace("\\", "\\\\").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "*_`[]#|":
        out = out.replace(ch, "\\" + ch)
    return out


def _cell(value: Any) -> str:
    return "—" if value in (None, "") else _escape(str(value))


def brief_to_markdown(brief: dict[str, Any]) -> str:
    lines: list[str] = []
    stories = brief["stories"]
    if not stories:
        lines += ["# newsweave brief", "", "No article could be read.", ""]
    for story in stories:
        lines += _story(story)
    if brief["errors"]:
        lines += ["## Inputs that could not be read", ""]
        lines += [f"- `{e['source']}`: {_escape(e['error'])}" for e in brief["errors"]]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _story(story: dict[str, Any]) -> list[str]:
    articles = story["articles"]
    lines = [f"# {_escape(story['title'] or 'Untitled story')}", ""]
    lines += [f"{len(articles)} article(s). Story id `{story['id']}`.", ""]
    lines += _summary(story["summary"], articles)
    columns = _META[:6]
    header = " | ".join("copy of" if c == "duplicate_of" else c for c in columns)
    lines += ["## Articles", "", f"| id | title | {header} |", "|" + "---|" * (len(columns) + 2)]
    for a in articles:
        lines.append(f"| `{a['id']}` | {_cell(a['title'])} | " + " | ".join(_cell(a[k]) for k in columns) + " |")
    lines.append("")
    lines += _claims(story["claims"])
    lines += _conflicts(story["conflicts"])
    lines += _conflicts(story.get("updates", []), "Updated figures")
    lines += _who_said_what(story["quotes"])
    lines += _outlets(story["outlets"])
    lines += _timeline(story["timeline"])
    for a in articles:
        lines += _article(a)
    return lines


SINGLE_SOURCE_SHOWN = 50


def _refs(sentences: list[dict[str, Any]]) -> str:
    """'`article#sentence`' for each cited sentence, comma-separated."""
    return ", ".join(f"`{s['article']}#{s['sentence']}`" for s in sentences)


def _summary(summary: list[dict[str, Any]], articles: list[dict[str, Any]]) -> list[str]:
    """Numbered lines with numbered citations; the cited sentences are listed under them."""
    if not summary:
        return []
    marks, numbers = citation_numbers(summary)
    lines = ["## Summary", ""]
    for n, (line, cited) in enumerate(zip(summary, marks, strict=True), 1):
        lines.append(f"{n}. {_escape(line['text'])} {''.join(f'[{k}]' for k in cited)} — *{line['label']}*")
    lines += ["", "Cited sentences:", ""]
    by_id = {a["id"]: a for a in articles}
    for (article, sentence), number in numbers.items():
        a = by_id[article]
        text = sentence_text(a, sentence)
        lines.append(f"- [{number}] {_cell(outlet_label(a))}, `{article}#{sentence}`: “{_escape(text)}”")
    lines.append("")
    return lines


def _timeline(entries: list[dict[str, Any]]) -> list[str]:
    if not entries:
        return []
    lines = ["## Timeline", ""]
    for e in entries:
        where = _refs(e["citations"])
        note = " — *disputed date*" if e["disputed"] else ""
        lines.append(f"- **{e['date']}** {_escape(e['text'])} ({where}){note}")
    lines.append("")
    return lines


def _claims(claims: list[dict[str, Any]]) -> list[str]:
    """Corroborated claims in a table; single-source claims listed after, labelled as such."""
    if not claims:
        return []
    corroborated = [c for c in claims if c["sources"] > 1]
    single = [c for c in claims if c["sources"] == 1]
    lines = ["## Claims", ""]
    if corroborated:
        lines += ["| claim | independent sources | outlets | sentences |", "|---|---|---|---|"]
        for c in corroborated:
            where = _refs(c["support"])
            lines.append(f"| {_escape(c['text'])} | {c['sources']} | {_escape(', '.join(c['outlets']))} | {where} |")
        lines.append("")
    else:
        lines += ["No claim is corroborated by two independent sources.", ""]
    if single:
        lines += [f"### Single-source claims ({len(single)})", ""]
        for c in single[:SINGLE_SOURCE_SHOWN]:
            where = _refs(c["support"])
            lines.append(f"- {_escape(c['text'])} — *single source:* {_escape(', '.join(c['outlets']))} ({where})")
        if len(single) > SINGLE_SOURCE_SHOWN:
            lines.append(f"- … and {len(single) - SINGLE_SOURCE_SHOWN} more in the JSON brief")
        lines.append("")
    return lines


def _conflicts(conflicts: list[dict[str, Any]], heading: str = "Conflicts") -> list[str]:
    """Conflicts (or updates: side A the earlier report, B the later) with the sentences on each side."""
    if not conflicts:
        return []
    lines = [f"## {heading}", ""]
    for c in conflicts:
        lines += [f"### {c['kind'].capitalize()}: {_escape(c['description'])}", ""]
        for side in (0, 1):
            for e in (e for e in c["evidence"] if e["side"] == side):
                lines.append(
                    f"- {'A' if side == 0 else 'B'}: “{_escape(e['text'])}” (`{e['article']}#{e['sentence']}`)"
                )
        lines.append("")
    return lines


def _outlets(outlets: list[dict[str, Any]]) -> list[str]:
    if not outlets:
        return []
    lines = ["## Outlets", "", "| outlet | articles | only it reports | widely reported, left out | hedged | quotes most |",
             "|---|---|---|---|---|---|"]  # fmt: skip
    for o in outlets:
        speakers = ", ".join(f"{s['speaker']} ({s['quotes']})" for s in o["quoted_speakers"][:3])
        lines.append(
            f"| {_escape(o['outlet'])} | {len(o['articles'])} | {len(o['unique_claims'])} | {len(o['omitted_claims'])} "
            f"| {o['hedged_share']:.0%} | {_cell(speakers)} |"
        )
    lines.append("")
    return lines


def _who_said_what(quotes: list[dict[str, Any]]) -> list[str]:
    """Quotes grouped by speaker, most quoted first; the same words in several articles are one line."""
    if not quotes:
        return []
    by_speaker: dict[str, dict[tuple[str, str, str], list[str]]] = {}
    for quote in quotes:
        said = by_speaker.setdefault(quote["speaker"] or "Unattributed", {})
        said.setdefault((quote["text"], quote["kind"], quote["cue"] or ""), []).append(quote["article"])
    lines = ["## Who said what", ""]
    for speaker, said in sorted(by_speaker.items(), key=lambda item: (-len(item[1]), item[0])):
        lines += [f"### {_escape(speaker)}", ""]
        for (text, kind, cue), articles in said.items():
            words = _escape(text)
            shown = f"“{words}”" if kind == "direct" else words  # a partial quote carries its own marks
            where = ", ".join(f"`{a}`" for a in articles)
            lines.append(f"- {shown} — *{kind}{', ' + cue if cue else ''}*, {where}")
        lines.append("")
    return lines


def _article(a: dict[str, Any]) -> list[str]:
    lines = [f"### {_escape(a['title'] or a['id'])}", ""]
    meta = [f"**{key}:** {_cell(a[key])}" for key in _META if a.get(key)]
    lines += [" · ".join([f"**id:** `{a['id']}`", *meta]), ""]
    for paragraph in a["text"].split("\n\n"):
        lines += [_escape(paragraph), ""]
    if a["removed"]:
        lines += [f"<details><summary>Removed ({len(a['removed'])} lines)</summary>", ""]
        for item in a["removed"]:
            why = REASONS.get(item["reason"], item["reason"])
            lines.append(f"- *{item['reason']}* ({why}): {_escape(item['text'])}")
        lines += ["", "</details>", ""]
    return lines
