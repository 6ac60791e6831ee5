"""Cross-source alignment on the annotated story sets in benchmarks/data/align/.

Each set is one story of 9 articles from 9 outlets, written for this project (rate-decision was
written after the pair model and the conflict rules were set, and scored once before any change
it prompted): a wire story with
two reprints (one trimmed and edited), independent paraphrases, state or company media that frame,
and a content farm that pads. Every sentence is labelled with its claim (sentences stating the same
proposition share a label; unlabelled sentences are claims of their own), every article with its
independent source, and the set lists its conflicts (number, attribution, denial, framing, date).

Printed per set and overall:
- claim grouping: B-cubed precision, recall and F1 over all sentences;
- independent-source count accuracy: over labelled claims, whether the predicted claim holding most
  of the gold claim's sentences has the gold number of independent sources;
- a peer in the same run: sentence-embedding cosine above a threshold between different articles,
  connected components (the usual approach), at 0.7 and at its best threshold on these sets;
- conflicts: precision and recall per kind. A predicted conflict matches a gold one of the same kind
  when its evidence sentences cover the gold conflict's claims (both claims for two-claim kinds).

``--calibrate`` fits the pair model of align.claims (logistic regression over cosine, content-word
Jaccard and name Jaccard) on the candidate pairs of the sets, leave-one-set-out, and prints the
weights to copy into align/claims.py together with the held-out F1 of each fold.

    python benchmarks/align.py [--calibrate] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from newsweave import contract
from newsweave.align import claims as claim_model
from newsweave.align.claims import candidates
from newsweave.align.statements import statements
from newsweave.analyze.embed import encode_distinct
from newsweave.pipeline import extract

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stories import bcubed

SETS = Path(__file__).resolve().parent / "data" / "align"


def expand(story: dict) -> list[dict]:
    """Articles with their sentences; reprints are built from their original (dropped and edited sentences)."""
    by_id: dict[str, dict] = {}
    out = []
    for article in story["articles"]:
        article = dict(article)
        if "sentences" in article:  # an unlabelled sentence is a claim of its own, shared by any reprint
            article["sentences"] = [
                [label or f"{article['id']}#{i}", text] for i, (label, text) in enumerate(article["sentences"])
            ]
        if "copy_of" in article:
            original = by_id[article["copy_of"]]["sentences"]
            edits = article.get("edit", {})
            article["sentences"] = [
                [label, edits.get(str(i), text)]
                for i, (label, text) in enumerate(original)
                if i not in article.get("drop", [])
            ]
        by_id[article["id"]] = article
        out.append(article)
    return out


def article_text(sentences: list[list]) -> str:
    """Paragraphs of two sentences, as news pages have them."""
    texts = [text for _, text in sentences]
    return "\n\n".join(" ".join(texts[i : i + 2]) for i in range(0, len(texts), 2))


def load(path: Path) -> tuple[dict, list[dict], list]:
    """The gold story, its expanded articles and the analysed Articles (through the real pipeline)."""
    story = json.loads(path.read_text(encoding="utf-8"))
    articles = expand(story)
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / f"{story['story']}.jsonl"
        with jsonl.open("w", encoding="utf-8") as out:
            for a in articles:
                row = {k: a[k] for k in ("id", "outlet", "title", "published")}
                out.write(json.dumps({**row, "text": article_text(a["sentences"])}) + "\n")
        result = extract([str(jsonl)], analysis=True)
    if result.errors:
        raise SystemExit(f"{path}: {result.errors}")
    return story, articles, result.articles


def gold_spans(gold_articles: list[dict], analysed: list) -> dict[tuple[str, int], tuple[int, int, str]]:
    """(article, gold sentence) -> (start, end, label) in the cleaned text."""
    texts = {a.id: a.text for a in analysed}
    out = {}
    for article in gold_articles:
        cursor = 0
        for i, (label, sentence) in enumerate(article["sentences"]):
            text = texts[article["id"]]
            start = text.find(sentence, cursor)
            if start < 0:  # cleaning moved a dateline or credit out of the text: match the sentence's tail
                tail = sentence[len(sentence) // 3 :]
                start = text.find(tail, cursor)
                end = start + len(tail)
            else:
                end = start + len(sentence)
            if start < 0:
                print(f"  ! not found in cleaned text: {article['id']} #{i}", file=sys.stderr)
                continue
            cursor = end
            out[(article["id"], i)] = (start, end, label)
    return out


def locate(spans: dict, article: str, start: int, end: int) -> tuple[str, int] | None:
    """The gold sentence a predicted sentence overlaps most."""
    best, overlap = None, 0
    for (a, i), (s, e, _) in spans.items():
        if a == article and min(e, end) - max(s, start) > overlap:
            best, overlap = (a, i), min(e, end) - max(s, start)
    return best


def evaluate(story: dict, gold_articles: list[dict], analysed: list, verbose: bool = False) -> dict:
    data = contract.build_story(analysed)
    spans = gold_spans(gold_articles, analysed)
    sentence_starts = {
        (a["id"], n): (s["start"], s["end"]) for a in data["articles"] for n, s in enumerate(a["sentences"])
    }
    predicted: dict[tuple[str, int], str] = {}
    for claim in data["claims"]:
        for support in claim["support"]:
            key = locate(spans, support["article"], support["start"], support["end"])
            if key:
                predicted.setdefault(key, claim["id"])
    gold = {key: label for key, (_, _, label) in spans.items()}
    pred = {key: predicted.get(key, f"none:{key}") for key in gold}
    precision, recall, f1 = bcubed({str(k): v for k, v in pred.items()}, {str(k): v for k, v in gold.items()})

    source_of = {a["id"]: a["source"] for a in gold_articles}
    claim_sources = {c["id"]: c["sources"] for c in data["claims"]}
    by_label: dict[str, list] = defaultdict(list)
    for key, label in gold.items():
        if "#" not in label:
            by_label[label].append(key)
    correct = 0
    for label, keys in sorted(by_label.items()):
        want = len({source_of[a] for a, _ in keys})
        votes = Counter(predicted.get(k) for k in keys)
        got_claim = votes.most_common(1)[0][0]
        got = claim_sources.get(got_claim, 0)
        correct += got == want
        if verbose and got != want:
            print(f"  sources {label}: gold {want}, predicted {got} ({got_claim})")

    found_conflicts = []
    for conflict in data["conflicts"]:
        labels = set()
        for e in conflict["evidence"]:
            start, end = sentence_starts[(e["article"], e["sentence"])]
            key = locate(spans, e["article"], start, end)
            if key:
                labels.add(gold[key])
        found_conflicts.append((conflict["kind"], labels, conflict["description"]))
    matched_gold, matched_pred = set(), set()
    for g, conflict in enumerate(story["conflicts"]):
        need = min(2, len(conflict["claims"]))
        for p, (kind, labels, _) in enumerate(found_conflicts):
            if p not in matched_pred and kind == conflict["kind"] and len(labels & set(conflict["claims"])) >= need:
                matched_gold.add(g)
                matched_pred.add(p)
                break
    if verbose:
        for p, (kind, labels, text) in enumerate(found_conflicts):
            print(f"  {'ok ' if p in matched_pred else 'FP '} {kind:11} {sorted(labels)} {text[:100]}")
        for g, conflict in enumerate(story["conflicts"]):
            if g not in matched_gold:
                print(f"  FN  {conflict['kind']:11} {conflict['claims']}")
        show_groups(data, spans, gold)
    kinds = defaultdict(lambda: [0, 0, 0, 0])  # predicted, predicted matched, gold, gold matched
    for p, (kind, _, _) in enumerate(found_conflicts):
        kinds[kind][0] += 1
        kinds[kind][1] += p in matched_pred
    for g, conflict in enumerate(story["conflicts"]):
        kinds[conflict["kind"]][2] += 1
        kinds[conflict["kind"]][3] += g in matched_gold
    return {"bcubed": (precision, recall, f1), "sources": (correct, len(by_label)), "conflicts": kinds}


def baseline_f1(gold_articles: list[dict], analysed: list, thresholds: list[float]) -> list[float]:
    """The usual approach, as a peer: sentence-embedding cosine above a threshold, connected components."""
    items = statements(analysed, contract.story_speakers(analysed))
    vectors = encode_distinct([s.text for s in items])
    spans = gold_spans(gold_articles, analysed)
    gold = {key: label for key, (_, _, label) in spans.items()}
    keys = [locate(spans, analysed[s.article].id, s.start, s.end) for s in items]
    articles = np.array([s.article for s in items])
    out = []
    for threshold in thresholds:
        linked = (vectors @ vectors.T >= threshold) & (articles[:, None] != articles[None, :])
        labels = connected_components(csr_matrix(linked), directed=False)[1]
        predicted = {key: f"g{label}" for key, label in zip(keys, labels, strict=True) if key}
        pred = {str(k): predicted.get(k, f"none:{k}") for k in gold}
        out.append(bcubed(pred, {str(k): v for k, v in gold.items()})[2])
    return out


def show_groups(data: dict, spans: dict, gold: dict) -> None:
    for claim in data["claims"]:
        if len(claim["support"]) < 2:
            continue
        labels = [gold.get(locate(spans, s["article"], s["start"], s["end"]), "?") for s in claim["support"]]
        print(f"  {claim['id']} sources={claim['sources']} {Counter(labels).most_common()}")


def calibrate(loaded: list) -> None:
    """Leave-one-set-out logistic regression on the candidate pairs; prints weights and held-out F1."""
    from sklearn.linear_model import LogisticRegression

    per_set = []
    for story, gold_articles, analysed in loaded:
        speakers = contract.story_speakers(analysed)
        items = statements(analysed, speakers)
        vectors = encode_distinct([s.text for s in items])
        spans = gold_spans(gold_articles, analysed)
        gold = {key: label for key, (_, _, label) in spans.items()}
        labels = []
        for s in items:
            key = locate(spans, analysed[s.article].id, s.start, s.end)
            labels.append(gold.get(key, f"?{id(s)}"))
        features, left, right = candidates(items, vectors)
        x = features(left, right)
        y = np.array([labels[i] == labels[j] for i, j in zip(left, right, strict=True)])
        per_set.append((story["story"], x, y))
    thresholds = [round(t, 2) for t in np.arange(0.05, 0.75, 0.05)]
    held_out = []
    for held in range(len(per_set) + 1):
        train = [k for k in range(len(per_set)) if k != held]
        x = np.vstack([per_set[k][1] for k in train])
        y = np.hstack([per_set[k][2] for k in train])
        model = LogisticRegression(C=10.0, max_iter=1000).fit(x, y)
        claim_model.WEIGHTS, claim_model.BIAS = model.coef_[0].astype(np.float64), float(model.intercept_[0])
        scores = {}
        for threshold in thresholds:
            claim_model.THRESHOLD = threshold
            scores[threshold] = [evaluate(*loaded[k])["bcubed"][2] for k in range(len(loaded))]
        best = max(thresholds, key=lambda t: (np.mean([scores[t][k] for k in train]), -abs(t - 0.5)))
        name = per_set[held][0] if held < len(per_set) else "(all sets)"
        weights = [round(float(w), 2) for w in model.coef_[0]]
        line = f"fit without {name:15} weights {weights} bias {model.intercept_[0]:.2f} threshold {best}"
        line += f" train F1 {np.mean([scores[best][k] for k in train]):.3f}"
        if held < len(per_set):
            held_out.append(scores[best][held])
            line += f" held-out F1 {scores[best][held]:.3f}"
        print(line)
    print(f"mean held-out B3 F1 {np.mean(held_out):.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--calibrate", action="store_true")
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("sets", nargs="*", type=Path, default=sorted(SETS.glob("*.json")))
    args = parser.parse_args()
    loaded = [load(path) for path in args.sets]
    if args.calibrate:
        calibrate(loaded)
        return
    totals = defaultdict(lambda: [0, 0, 0, 0])
    f1s, correct, counted = [], 0, 0
    print(
        f"pair model: weights {claim_model.WEIGHTS.tolist()} bias {claim_model.BIAS} threshold {claim_model.THRESHOLD}"
    )
    print(f"{'set':16} {'B3 P':>6} {'B3 R':>6} {'B3 F1':>6} {'sources acc':>12}")
    for story, gold_articles, analysed in loaded:
        if args.verbose:
            print(f"== {story['story']}")
        result = evaluate(story, gold_articles, analysed, args.verbose)
        p, r, f1 = result["bcubed"]
        ok, n = result["sources"]
        f1s.append(f1)
        correct, counted = correct + ok, counted + n
        for kind, values in result["conflicts"].items():
            totals[kind] = [t + v for t, v in zip(totals[kind], values, strict=True)]
        print(f"{story['story']:16} {p:6.3f} {r:6.3f} {f1:6.3f} {ok:>5}/{n:<3} {ok / n:.3f}")
    print(f"{'mean':16} {'':6} {'':6} {np.mean(f1s):6.3f} {correct:>5}/{counted:<3} {correct / counted:.3f}")
    thresholds = [round(t, 2) for t in np.arange(0.5, 0.95, 0.05)]
    peer = np.mean([baseline_f1(g, a, thresholds) for _, g, a in loaded], axis=0)
    best = int(np.argmax(peer))
    print(
        f"peer (MiniLM cosine >= t, connected components): mean B3 F1 {peer[thresholds.index(0.7)]:.3f} at t=0.7, "
        f"{peer[best]:.3f} at its best t={thresholds[best]} (chosen on these sets); newsweave/peer {np.mean(f1s) / peer[best]:.2f}x"
    )
    print(f"\n{'conflict kind':14} {'predicted':>9} {'precision':>9} {'gold':>5} {'recall':>7}")
    for kind in ("number", "attribution", "denial", "framing", "date"):
        predicted, hit, gold, found = totals[kind]
        precision = hit / predicted if predicted else float("nan")
        print(f"{kind:14} {predicted:9} {precision:9.3f} {gold:5} {found / gold if gold else float('nan'):7.3f}")
    predicted, hit, gold, found = (sum(v[k] for v in totals.values()) for k in range(4))
    print(f"{'all':14} {predicted:9} {hit / max(predicted, 1):9.3f} {gold:5} {found / max(gold, 1):7.3f}")


if __name__ == "__main__":
    main()
