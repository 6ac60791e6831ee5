"""Corpus-level evidence: lines that repeat across otherwise different articles.

A line that several unrelated articles share ("Comments are closed.", a
site's appeal) is page furniture. A line that a reprinted wire copy shares
with its original is body text: so lines are only removed when at least two
of the articles holding them are not copies of each other. Quoted speech and
prose lines are never removed here: two outlets may quote the same sentence.
"""

from __future__ import annotations

from collections import defaultdict

from newsweave.clean.lines import Verdict

COPY_OVERLAP = 0.5  # share of lines two articles have in common above which one copies the other


def mark_corpus_repeats(articles: list[list[Verdict]]) -> None:
    """Set reason 'corpus_repeated' on kept furniture-like lines shared by unrelated articles."""
    if len(articles) < 2:
        return
    keys = [[v.key for v in verdicts] for verdicts in articles]
    line_sets = [set(k) for k in keys]
    holders: dict[str, set[int]] = defaultdict(set)
    for index, (verdicts, article_keys) in enumerate(zip(articles, keys, strict=True)):
        for verdict, key in zip(verdicts, article_keys, strict=True):
            if key and verdict.kept and _furniture_like(verdict):
                holders[key].add(index)
    for key, indices in holders.items():
        if len(indices) < 2 or not _has_unrelated_pair(sorted(indices), line_sets):
            continue
        for index in indices:
            for verdict, article_key in zip(articles[index], keys[index], strict=True):
                if article_key == key and verdict.kept:
                    verdict.reason = "corpus_repeated"


def _furniture_like(verdict: Verdict) -> bool:
    if verdict.features.speech:
        return False
    return not verdict.features.prose or verdict.addresses_reader


def _has_unrelated_pair(indices: list[int], line_sets: list[set[str]]) -> bool:
    for n, i in enumerate(indices):
        for j in indices[n + 1 :]:
            a, b = line_sets[i], line_sets[j]
            if len(a & b) / max(1, min(len(a), len(b))) < COPY_OVERLAP:
                return True
    return False
