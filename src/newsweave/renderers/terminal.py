"""The terminal view of a brief (rich): summary with citations, claims, conflicts, who said what,
outlets and timeline as tables. Colours only on a terminal; without one it is plain text that
reads the same, so it can be piped, logged or tested."""

from __future__ import annotations

import io
import shutil
from collections import Counter
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsweave.renderers import citation_numbers, outlet_label, sentence_text

WIDTH = 110  # when not on a terminal
LABEL_STYLE = {"corroborated": "green", "single source": "yellow", "conflict": "red"}
SHOWN = 12  # rows per table; the JSON brief has them all


def brief_to_terminal(brief: dict[str, Any], color: bool = False) -> str:
    width = shutil.get_terminal_size((WIDTH, 40)).columns if color else WIDTH
    out = io.StringIO()
    console = Console(file=out, force_terminal=color, no_color=not color, width=width, highlight=False, emoji=False)
    if not brief["stories"]:
        console.print("No article could be read.")
    for story in brief["stories"]:
        _story(console, story)
    if brief["errors"]:
        console.rule("Inputs that could not be read", style="red")
        for e in brief["errors"]:
            console.print(Text(f"{e['source']}: {e['error']}"))
    return out.getvalue()


def _story(console: Console, story: dict[str, Any]) -> None:
    articles = story["articles"]
    outlets = sorted({outlet_label(a) for a in articles})
    console.rule(Text(story["title"] or "Untitled story", style="bold"))
    console.print(Text(f"{len(articles)} articles from {len(outlets)} outlets · story {story['id']}", style="dim"))
    by_id = {a["id"]: a for a in articles}
    if story["summary"]:
        console.print(Text("\nSummary", style="bold underline"))
        marks, numbers = citation_numbers(story["summary"])
        for n, (line, cited) in enumerate(zip(story["summary"], marks, strict=True), 1):
            kind = "conflict" if line["kind"] == "conflict" else line["label"].split(",")[0]
            text = Text(f"{n:>2}. ")
            text.append(line["text"])
            text.append(" " + "".join(f"[{k}]" for k in cited) + " ", style="cyan")
            text.append(f"({line['label']})", style=LABEL_STYLE.get(kind, ""))
            console.print(text)
        for (article, sentence), number in numbers.items():
            a = by_id[article]
            cited_text = sentence_text(a, sentence)
            console.print(Text(f"  [{number}] {outlet_label(a)} {article}#{sentence}: {cited_text}", style="dim"))
    _claims(console, story["claims"])
    _conflicts(console, story["conflicts"])
    _conflicts(console, story.get("updates", []), "Updated figures")
    _speakers(console, story["quotes"])
    _outlets(console, story["outlets"])
    _timeline(console, story["timeline"])
    console.print()


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, title_justify="left", title_style="bold", show_lines=False, expand=True)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _claims(console: Console, claims: list[dict[str, Any]]) -> None:
    corroborated = [c for c in claims if c["sources"] > 1]
    if not claims:
        return
    table = _table(f"Claims ({len(corroborated)} corroborated, {len(claims) - len(corroborated)} single-source)",
                   "claim", "sources", "outlets")  # fmt: skip
    for c in (corroborated or claims)[:SHOWN]:
        style = "green" if c["sources"] > 1 else "yellow"
        table.add_row(Text(c["text"]), Text(str(c["sources"]), style=style), Text(", ".join(c["outlets"])))
    console.print(table)


def _conflicts(console: Console, conflicts: list[dict[str, Any]], heading: str = "Conflicts") -> None:
    if not conflicts:
        return
    table = _table(heading, "kind", "what disagrees", "evidence")
    for c in conflicts[:SHOWN]:
        evidence = "; ".join(f"{'AB'[e['side']]}: {e['article']}#{e['sentence']}" for e in c["evidence"])
        table.add_row(Text(c["kind"], style="red"), Text(c["description"]), Text(evidence, style="dim"))
    console.print(table)


def _speakers(console: Console, quotes: list[dict[str, Any]]) -> None:
    said = Counter(q["speaker"] for q in quotes if q["speaker"])
    if not said:
        return
    table = _table("Who said what", "speaker", "quotes", "for example")
    for speaker, count in sorted(said.items(), key=lambda kv: (-kv[1], kv[0]))[:SHOWN]:
        example = next(q["text"] for q in quotes if q["speaker"] == speaker)
        table.add_row(Text(speaker), Text(str(count)), Text(example))
    console.print(table)


def _outlets(console: Console, outlets: list[dict[str, Any]]) -> None:
    if not outlets:
        return
    table = _table("Outlets", "outlet", "articles", "only it", "left out", "hedged", "quotes most")
    for o in outlets:
        speakers = ", ".join(s["speaker"] for s in o["quoted_speakers"][:2])
        table.add_row(Text(o["outlet"]), str(len(o["articles"])), str(len(o["unique_claims"])),
                      str(len(o["omitted_claims"])), f"{o['hedged_share']:.0%}", Text(speakers))  # fmt: skip
    console.print(table)


def _timeline(console: Console, timeline: list[dict[str, Any]]) -> None:
    if not timeline:
        return
    table = _table("Timeline", "date", "event", "sources")
    for e in timeline[: SHOWN * 2]:
        date = Text(e["date"] + (" (disputed)" if e["disputed"] else ""), style="red" if e["disputed"] else "")
        table.add_row(date, Text(e["text"]), str(e["sources"]))
    console.print(table)
