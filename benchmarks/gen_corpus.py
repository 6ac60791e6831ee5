"""Synthetic news corpora for scale benchmarks: N articles in M stories, with syndicated copies and noise.

Articles arrive at a constant daily volume (PER_DAY), so a bigger corpus
covers a longer period, as a growing archive does. Each story is an event
of one of a few kinds (earthquake, flood, strike,
election, fire) in its own invented place, with its own people and dates.
Articles retell the event in varied sentences; about a fifth are wire
copies of another article of the story with a different outlet's furniture
around them; every article carries some page furniture (share buttons,
newsletter appeals, comment notices). Deterministic for a given seed.

    python benchmarks/gen_corpus.py --articles 10000 --stories 500 -o /tmp/corpus.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
from datetime import date, timedelta
from pathlib import Path

SYLLABLES = ["ka", "lo", "ver", "mar", "ta", "ben", "sol", "dri", "an", "tor", "el", "vas", "mu", "ri", "gan", "po"]
KINDS = {
    "earthquake": ["A magnitude {n}.{m} earthquake struck {place} on {day}, damaging {k} buildings, {who} said.",
                   "Rescue teams searched the rubble in {place} after the earthquake, {person} told reporters.",
                   "Aftershocks shook {place} overnight as residents slept outside, officials in {region} said."],
    "flood": ["The {river} river burst its banks on {day}, flooding streets in {place}, {who} said.",
              "About {k} people were evacuated from {place} as water levels rose, {person} said.",
              "Soldiers filled sandbags along the {river} near {place} as more rain was forecast for {region}."],
    "strike": ["Workers at the {company} plant in {place} walked out on {day} after pay talks collapsed, {who} said.",
               "\"We have been patient for too long,\" union leader {person} told a rally in {place}.",
               "{company} said it had offered a {n} percent raise and remained open to talks in {place}."],
    "fire": ["A fire tore through a warehouse in {place} on {day}, forcing {k} people from nearby homes, {who} said.",
             "Fire chief {person} said crews had contained the blaze in {place} by morning.",
             "Investigators in {region} have not yet determined the cause of the {place} fire."],
    "election": ["Voters in {region} go to the polls on {day} in a tight race for mayor of {place}, {who} said.",
                 "Candidate {person} promised new housing for {place} at a rally attended by {k} people.",
                 "Turnout in {place} was higher than expected, election officials in {region} said."],
}  # fmt: skip
FURNITURE = ["Share this article", "Subscribe to our newsletter for daily updates!", "Comments are closed.",
             "Most Read", "Follow us on Facebook and Twitter", "Advertisement"]  # fmt: skip
OUTLETS = ["Daily Ledger", "Coastal Herald", "Valley Courier", "Metro Post", "Evening Star", "Wire Service"]


def _name(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


PLACE_SYLLABLES = 4  # 65,536 possible place names: room for 5,000 stories (at 100k articles) each in its own place


def _place(rng: random.Random, taken: set[str]) -> str:
    """A place no earlier story of the corpus is in (3 syllables gave 4,096 names: at 100k articles two in five
    stories shared their place with another, a same-kind story among them, and the benchmark measured that)."""
    while (place := _name(rng, PLACE_SYLLABLES)) in taken:
        pass
    taken.add(place)
    return place


PER_DAY = 100  # articles a day: a growing archive keeps its daily volume, it gets longer


def generate(articles: int, stories: int, seed: int = 7) -> list[dict]:
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    span = max(30, articles // PER_DAY)
    events = []
    places: set[str] = set()
    for n in range(stories):
        kind = rng.choice(sorted(KINDS))
        events.append({
            "kind": kind, "place": _place(rng, places), "region": _name(rng, 2), "river": _name(rng, 2),
            "company": _name(rng, 2) + " Industries", "person": f"{_name(rng)} {_name(rng, 3)}",
            "who": f"the {_name(rng, 2)} authorities", "day": start + timedelta(days=rng.randrange(span)), "n": n,
        })  # fmt: skip
    out: list[dict] = []
    for i in range(articles):
        event = events[i % stories] if i < stories else events[rng.randrange(stories)]
        same_story = [a for a in out[-5000:] if a["story"] == event["n"]]
        day = event["day"] + timedelta(days=rng.randrange(4))
        outlet = rng.choice(OUTLETS)
        if same_story and rng.random() < 0.2:  # a wire copy, re-wrapped in another outlet's page
            body = same_story[-1]["text"].split("\n\n")[1:-2]
        else:
            values = {**event, "day": day.strftime("%A"), "k": rng.randrange(5, 900), "m": rng.randrange(10)}
            sentences = [s.format(**values) for s in KINDS[event["kind"]]]
            rng.shuffle(sentences)
            body = [*sentences, f"The {event['place']} story is developing, {outlet} reported."]
        title = f"{event['kind'].capitalize()} in {event['place']}: {rng.choice(['latest', 'what we know', 'update'])}"
        noise = rng.sample(FURNITURE, 2)
        text = "\n\n".join([title, *body, *noise])
        out.append({"id": f"a{i:06d}", "text": text, "outlet": outlet, "published": day.isoformat(),
                    "story": event["n"]})  # fmt: skip
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--stories", type=int, default=None, help="default: articles / 20")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("-o", "--output", type=Path, required=True)
    args = parser.parse_args()
    items = generate(args.articles, args.stories or max(1, args.articles // 20), args.seed)
    with open(args.output, "w", encoding="utf-8") as out:
        for item in items:
            out.write(json.dumps(item, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
