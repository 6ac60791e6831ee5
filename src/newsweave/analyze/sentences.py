"""Sentence segmentation with character offsets into the clean text.

pysbd handles abbreviations ("U.S.", "Dec.", "Mr."), initials and quotes
that close after the full stop. We run it per paragraph (a paragraph break
always ends a sentence) and compute offsets ourselves by walking the text,
so that ``text[start:end]`` is exactly the sentence, whitespace trimmed.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pysbd

from newsweave.model import Sentence

_PARAGRAPH = re.compile(r"[^\n]+")
_OPENING_LOWER = re.compile(r"""^["'”’)\]]*\s*[a-z]""")
_WORDLIKE = re.compile(r"\w")


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False, char_span=False)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order; every span is non-empty and trimmed."""
    sentences: list[Sentence] = []
    for paragraph in _PARAGRAPH.finditer(text):
        base = paragraph.start()
        spans = _spans(paragraph.group(0))
        merged: list[tuple[int, int]] = []
        for start, end in spans:
            segment = paragraph.group(0)[start:end]
            if merged and (_OPENING_LOWER.match(segment) or not _WORDLIKE.search(segment)):
                # '"Stop?" he asked.' is one sentence; so is a stray '.' after one
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        sentences.extend(Sentence(base + s, base + e) for s, e in merged)
    return sentences


def _spans(paragraph: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in _segmenter().segment(paragraph):
        piece = piece.strip()
        if not piece:
            continue
        start = paragraph.find(piece, cursor)
        if start < 0:  # pysbd altered the text: fall back to the rest of the paragraph
            rest = paragraph[cursor:].strip()
            if rest:
                start = paragraph.index(rest, cursor)
                spans.append((start, start + len(rest)))
            return spans
        spans.append((start, start + len(piece)))
        cursor = start + len(piece)
    tail = paragraph[cursor:].strip()
    if tail:  # text pysbd dropped (rare): keep it as its own sentence
        start = paragraph.index(tail, cursor)
        spans.append((start, start + len(tail)))
    return spans
