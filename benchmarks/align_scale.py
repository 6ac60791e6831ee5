"""Alignment at scale: one synthetic story of N articles, aligned by newsweave and by an all-pairs peer.

The story is a fictional dam failure retold by N articles from up to 80 outlets: each article
states 6-12 of 30 facts, each fact in one of three paraphrases with varied openers and
attributions (popular facts in most articles, rare ones in a few), with some counts changed (number conflicts), some statements hedged, a few
sentences of its own, and about a fifth of the articles reprinting another one word for word.
Deterministic for a given seed.

For each size the articles are analysed once (spaCy, the real pipeline), then timed:
- newsweave: ``align_story`` (embeddings, nearest neighbours, grouping, conflicts, profiles);
- peer: the all-pairs approach with the same embeddings: an n x n cosine matrix, pairs above
  0.6 between different articles, connected components. Time and memory are quadratic in n.
Both are scored with B-cubed F1 against the facts the generator wrote (a resident's account is
one claim whoever tells it; the two counts of a fact are two claims).
Peak memory is tracemalloc's peak during the stage (numpy arrays included; the models are loaded
before measuring). The memory exponent is the slope of log(peak) over log(statements).

    python benchmarks/align_scale.py [--sizes 100 300 1000]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from newsweave.align import align_story
from newsweave.align.neighbours import EXACT_LIMIT
from newsweave.align.statements import statement_units, statements
from newsweave.analyze.embed import encode_distinct, load_model
from newsweave.contract import story_quotes, story_speakers
from newsweave.model import Claim, Support
from newsweave.pipeline import extract

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stories import bcubed

FACTS = [
    [
        "The Karsa dam on the Velt river burst on {day}, flooding the valley below.",
        "A dam on the Velt river gave way on {day} and water poured into the valley.",
        "Floodwater swept through the Velt valley after the Karsa dam collapsed on {day}.",
    ],
    [
        "{dead} people were killed in the flood, the regional governor said.",
        "The flood left {dead} people dead, according to the governor's office.",
        "At least {dead} people died when the water hit the villages, officials said.",
    ],
    [
        "About {evac} residents were evacuated from towns downstream.",
        "Authorities moved some {evac} people out of their homes along the river.",
        "Roughly {evac} villagers had to leave their houses as the water rose.",
    ],
    [
        "Engineers had warned last year that the dam wall was cracking.",
        "A report by engineers had flagged cracks in the dam wall a year ago.",
        "Cracks in the wall of the dam were reported by engineers last year.",
    ],
    [
        "The energy ministry denied that it had ignored warnings about the dam.",
        "The ministry rejected claims that it had disregarded the engineers' warnings.",
        "Officials at the energy ministry denied ignoring any warning about the structure.",
    ],
    [
        "Rescue teams used boats to reach villages cut off by the water.",
        "Boats carried rescuers to the villages the flood had isolated.",
        "Rescuers travelled by boat to communities stranded by the floodwater.",
    ],
    [
        "The army sent 500 soldiers to help with the rescue.",
        "Five hundred troops were deployed to support rescue efforts.",
        "The military dispatched 500 soldiers to the flooded valley.",
    ],
    [
        "Power was cut to much of the region after a substation flooded.",
        "A flooded substation left large parts of the region without electricity.",
        "Much of the region lost power when water reached an electrical substation.",
    ],
    [
        "The prime minister declared a state of emergency in the province.",
        "A state of emergency was declared across the province by the prime minister.",
        "The province was placed under a state of emergency on the prime minister's orders.",
    ],
    [
        '"We will find out who is responsible," the prime minister said.',
        '"We will find out who is responsible," the prime minister told reporters.',
        '"We will find out who is responsible," the head of government said in a televised address.',
    ],
]
# Facts 10-29: smaller details, in fewer articles.
DETAILS = ["hospital", "bridge", "school", "railway", "farm", "church", "factory", "market", "stadium", "harbour",
           "airport", "library", "prison", "museum", "mine", "warehouse", "clinic", "barracks", "depot", "hotel"]  # fmt: skip
for thing in DETAILS:
    FACTS.append([f"The flood destroyed the {thing} in the town of Orvik.",
                  f"In Orvik, the {thing} was wrecked by the floodwater.",
                  f"Water from the dam swept away the {thing} of Orvik."])  # fmt: skip
# What residents told one outlet or another: each is its own claim, whoever says it.
ACCOUNTS = ["the bakery on her street reopened within a day", "his brother is still missing", "the school gym became a shelter",
            "looters broke into the pharmacy", "the bus to the city stopped running", "volunteers handed out bread at the church",
            "her cows drowned in the barn", "the mobile network failed for six hours", "a neighbour rowed children to safety",
            "the water reached the second floor", "nobody heard a siren before the flood", "the mayor visited the shelter at dawn",
            "insurance agents arrived before the rescuers", "the old mill survived untouched", "prices of bottled water tripled",
            "the football pitch is now a lake", "his shop lost all its stock", "the priest rang the bells as a warning",
            "a dog was found alive on a roof", "the cemetery was washed away", "fuel ran out at the only petrol station",
            "students slept in the town hall", "the hospital generator kept running", "the ferry carried cars across the river",
            "her grandmother refused to leave", "the road to the capital is blocked by mud", "soldiers brought drinking water",
            "the harvest is lost for this year", "his car floated down the main street", "the post office reopened in a tent"]  # fmt: skip
# Outlets retell the same fact in their own words: openers and attributions vary the sentence.
OPENERS = ["", "", "Meanwhile, ", "On Tuesday, ", "As the water receded, ", "In the meantime, "]
CLOSERS = [
    "",
    "",
    ", local media reported",
    ", witnesses said",
    ", according to the regional council",
    ", residents said",
]
HEDGES = ["Reportedly, ", "It is alleged that "]
NAMES = ["Ana", "Boris", "Carla", "Dmitri", "Elif", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Kira", "Lev"]
PLACES = ["Tobel", "Marn", "Usk", "Pellin", "Radna", "Sorv", "Quill", "Vesna"]


def generate(n: int, seed: int = 11) -> tuple[list[dict], dict[tuple[str, str], str]]:
    """The articles, and the gold claim of each (article id, sentence text)."""
    rng = random.Random(seed)
    gold: dict[tuple[str, str], str] = {}
    outlets = [
        f"{rng.choice(PLACES)} {rng.choice(['Times', 'Post', 'Herald', 'News', 'Daily', 'Voice'])} {k}"
        for k in range(80)
    ]
    popularity = [1.0 / (1 + k) ** 0.8 for k in range(len(FACTS))]
    rows: list[dict] = []
    for k in range(n):
        outlet = outlets[rng.randrange(len(outlets))]
        if rows and rng.random() < 0.2:
            original = rows[rng.randrange(len(rows))]
            rows.append({**original, "id": f"a{k:05d}", "outlet": outlet})
            gold.update({(f"a{k:05d}", text): label for (a, text), label in list(gold.items()) if a == original["id"]})
            continue
        chosen = sorted(set(rng.choices(range(len(FACTS)), weights=popularity, k=rng.randint(6, 12))) | {0})
        sentences = []
        for fact in chosen:
            slots = {"day": rng.choice(["Monday", "Monday night"]), "dead": rng.choice([12, 12, 12, 40]),
                     "evac": rng.choice(["3,000", "3,000", "30"])}  # fmt: skip
            text = rng.choice(FACTS[fact]).format(**slots)
            opener, closer = rng.choice(OPENERS), rng.choice(CLOSERS)
            if not text.startswith('"'):
                text = opener + (text[0].lower() + text[1:] if opener else text)
                text = text[:-1] + closer + "." if closer else text
            if rng.random() < 0.1:
                text = rng.choice(HEDGES) + text[0].lower() + text[1:]
            sentences.append(text)
            variant = {1: slots["dead"], 2: slots["evac"]}.get(fact, "")
            gold[(f"a{k:05d}", text)] = f"fact{fact}:{variant}"
        for account in rng.sample(range(len(ACCOUNTS)), rng.randint(1, 3)):
            text = f"{rng.choice(NAMES)} {rng.choice(NAMES)}son, who lives in {rng.choice(PLACES)}, said {ACCOUNTS[account]}."
            sentences.append(text)
            gold[(f"a{k:05d}", text)] = f"account{account}"
        text = "\n\n".join(" ".join(sentences[i : i + 2]) for i in range(0, len(sentences), 2))
        rows.append(
            {"id": f"a{k:05d}", "outlet": outlet, "published": "2025-05-13", "title": "Dam bursts", "text": text}
        )
    return rows, gold


def claim_f1(articles: list, claims: list, gold: dict[tuple[str, str], str]) -> float:
    """B-cubed F1 of the claims against the generator's facts, over the sentences it wrote."""
    texts = {a.id: a.text for a in articles}
    predicted = {}
    for claim in claims:
        for s in claim.support:
            predicted[(s.article, texts[s.article][s.start : s.end])] = claim.id
    items = {str(key): label for key, label in gold.items() if key in predicted}
    return bcubed({str(key): predicted[key] for key in gold if key in predicted}, items)[2]


def all_pairs(vectors: np.ndarray, articles: np.ndarray, threshold: float = 0.6) -> np.ndarray:
    """The peer: every pair's cosine, threshold, connected components. Returns each statement's group."""
    sims = vectors @ vectors.T
    mask = (sims >= threshold) & (articles[:, None] != articles[None, :])
    return connected_components(csr_matrix(mask), directed=False)[1]


def measure(stage, *args):  # type: ignore[no-untyped-def]
    tracemalloc.start()
    start = time.perf_counter()
    result = stage(*args)
    seconds = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return result, seconds, peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 300, 1000])
    args = parser.parse_args()
    load_model()
    print(f"{'articles':>8} {'statements':>10} {'analyse s':>9} {'align s':>8} {'peak MB':>8} {'claims':>7} "
          f"{'conflicts':>9} {'B3 F1':>6} {'index (units)':>12} | {'peer s':>7} {'peer MB':>8} {'peer B3 F1':>10}")  # fmt: skip
    points = []
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "story.jsonl"
            rows, gold = generate(n)
            path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
            start = time.perf_counter()
            articles = extract([str(path)], analysis=True).articles
            analyse = time.perf_counter() - start
        speakers = story_speakers(articles)
        quotes = story_quotes(articles, speakers)
        alignment, seconds, peak = measure(align_story, articles, quotes, speakers)
        items = statements(articles, speakers)

        def peer(items=items) -> np.ndarray:  # type: ignore[no-untyped-def]
            vectors = encode_distinct([s.text for s in items])
            return all_pairs(vectors, np.array([s.article for s in items]))

        groups, peer_seconds, peer_peak = measure(peer)
        peer_claims = [
            Claim(
                f"g{g}",
                "",
                [
                    Support(articles[s.article].id, 0, s.start, s.end, "", None)
                    for s, label in zip(items, groups, strict=True)
                    if label == g
                ],
                [],
                1,
            )
            for g in sorted(set(groups.tolist()))
        ]
        units = len(statement_units(items))  # neighbours are searched among distinct sentences
        index = f"{'exact' if units <= EXACT_LIMIT else 'hnsw'} ({units})"
        f1 = claim_f1(articles, alignment.claims, gold)
        points.append((len(items), seconds, peak, peer_seconds, peer_peak))
        print(f"{n:8} {len(items):10} {analyse:9.1f} {seconds:8.1f} {peak / 1e6:8.1f} {len(alignment.claims):7} "
              f"{len(alignment.conflicts):9} {f1:6.3f} {index:>12} | {peer_seconds:7.1f} {peer_peak / 1e6:8.1f} {claim_f1(articles, peer_claims, gold):10.3f}")  # fmt: skip
    if len(points) >= 2:
        x = np.log([p[0] for p in points])
        for label, column in (("newsweave time", 1), ("newsweave memory", 2), ("peer time", 3), ("peer memory", 4)):
            slope = np.polyfit(x, np.log([p[column] for p in points]), 1)[0]
            print(f"exponent, {label}: {slope:.2f}")
        last = points[-1]
        print(f"at {last[0]} statements: newsweave/peer time {last[1] / last[3]:.2f}x, memory {last[2] / last[4]:.2f}x")


if __name__ == "__main__":
    main()
