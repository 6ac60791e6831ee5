"""Print the conflicts newsweave reports on real events, for reading by hand.

There is no conflict gold for these sets, so conflict precision on unseen news is measured by
reading every conflict with its two sides:

- ``summaries-dev`` (default; 304 political events, three articles each from a left, a centre and a
  right outlet): shuffle the event files with ``random.Random(seed)`` and take ``--sample`` of them;
  a fresh seed gives events that no rule was written from;
- ``stories-dev`` (36 disaster, crime, sports and business events of ECB+ topics 1-22, 5-22 articles
  each; real-stories-dev's four events left out): the events shuffled with ``random.Random(5)`` and
  split into halves ``A`` and ``B`` of 18, each read once before any rule it prompted;
- ``polnear`` (quotes-train's 840 political articles of 2015-16 from 7 outlets, with no conflict
  gold and never read for conflicts before): the articles of each calendar week (dated by their file
  names) go through story grouping together; the weeks are shuffled with ``random.Random(5)`` and
  split into halves ``A`` and ``B``.

docs/benchmarks.md lists what was read and what it gave.

    python benchmarks/read_conflicts.py [--sample 30] [--seed 47]
    python benchmarks/read_conflicts.py --set stories-dev --half A
    python benchmarks/read_conflicts.py --set polnear --half A
"""

from __future__ import annotations

import argparse
import datetime
import json
import random
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

from newsweave.contract import build_brief, build_story
from newsweave.pipeline import extract

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
REAL_STORIES_EVENTS = {"8_ecbplus", "12_ecbplus", "18_ecbplus", "19_ecbplus"}  # real-stories-dev has these
HALVES_SEED = 5
# summaries-dev seeds already read (docs/benchmarks.md): ``--unread`` takes the events none of their samples held
READ_SEEDS = (59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109, 113, 127, 131, 137, 139, 149, 151, 157, 163,
              167, 173, 179, 181, 191)  # fmt: skip


def summaries_dev(sample: int, seed: int, unread: bool = False) -> list[tuple[str, list[str]]]:
    files = sorted(str(p) for p in (SHARED / "summaries-dev" / "clusters").glob("*.jsonl"))
    if not files:
        sys.exit("no summaries-dev/clusters/*.jsonl beside the checkout")
    if unread:
        read: set[str] = set()
        for old in READ_SEEDS:
            shuffled = list(files)
            random.Random(old).shuffle(shuffled)
            read.update(shuffled[:sample])
        return [(Path(f).name, [f]) for f in files if f not in read]
    random.Random(seed).shuffle(files)
    return [(Path(f).name, [f]) for f in files[:sample]]


def stories_dev(half: str) -> list[tuple[str, list[str]]]:
    data = SHARED / "stories-dev"
    if not (data / "gold.json").exists():
        sys.exit("no stories-dev/gold.json beside the checkout")
    members: dict[str, list[str]] = defaultdict(list)
    for doc, gold in json.loads((data / "gold.json").read_text(encoding="utf-8")).items():
        members[gold["subtopic"]].append(str(data / "docs" / f"{doc}.txt"))
    events = sorted(set(members) - REAL_STORIES_EVENTS)
    random.Random(HALVES_SEED).shuffle(events)
    chosen = events[: len(events) // 2] if half == "A" else events[len(events) // 2 :]
    return [(event, sorted(members[event])) for event in chosen]


def polnear(half: str, folder: Path) -> list[tuple[str, list[str]]]:
    """One JSONL file per calendar week of quotes-train's articles (outlet, day and title from the file)."""
    texts = sorted((SHARED / "quotes-train" / "text").glob("*.txt"))
    if not texts:
        sys.exit("no quotes-train/text/*.txt beside the checkout")
    weeks: dict[str, list[dict[str, str]]] = defaultdict(list)
    for path in texts:
        outlet, day, _ = path.stem.split("_", 2)
        year, week, _ = datetime.date.fromisoformat(day).isocalendar()
        title, _, body = path.read_text(encoding="utf-8").partition("\n")
        row = {"id": path.stem, "title": title.strip(), "text": body.strip(), "outlet": outlet, "published": day}
        weeks[f"{year}-W{week:02d}"].append(row)
    names = sorted(weeks)
    random.Random(HALVES_SEED).shuffle(names)
    chosen = names[: len(names) // 2] if half == "A" else names[len(names) // 2 :]
    out = []
    for name in chosen:
        target = folder / f"{name}.jsonl"
        target.write_text("".join(json.dumps(row) + "\n" for row in weeks[name]), encoding="utf-8")
        out.append((name, [str(target)]))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=("summaries-dev", "stories-dev", "polnear"), default="summaries-dev")
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=47)
    parser.add_argument("--half", choices=("A", "B"), default="A")
    parser.add_argument("--unread", action="store_true", help="summaries-dev events no read seed's sample held")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="polnear-weeks-"))
    if args.set == "summaries-dev":
        events = summaries_dev(args.sample, args.seed, args.unread)
    else:
        events = stories_dev(args.half) if args.set == "stories-dev" else polnear(args.half, folder)
    kinds: Counter[str] = Counter()
    for name, paths in events:
        result = extract(paths, analysis=True)
        # an event of stories-dev is one story by its gold; summaries-dev events go through story grouping
        stories = (
            [build_story(result.articles)]
            if args.set == "stories-dev"
            else build_brief(result.articles, result.errors)["stories"]
        )
        for story in stories:
            for conflict in story["conflicts"]:
                kinds[conflict["kind"]] += 1
                print(f"== {name} {conflict['kind']}: {conflict['description']}")
                for side in conflict["evidence"]:
                    print(f"   [{side['side']}] {side['article']}: {side['text']}")
    print(f"{sum(kinds.values())} conflicts on {len(events)} events: {dict(sorted(kinds.items()))}")


if __name__ == "__main__":
    main()
