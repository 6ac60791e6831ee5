"""Sentence segmentation with character offsets into the clean text.

syntok segments on tokens that keep their offsets into the input, so
``text[start:end]`` is exactly the sentence; it knows abbreviations ("U.S.",
"Dec.", "Mr."), initials and closing quotes after a full stop. We run it
per paragraph (a paragraph break always ends a sentence) and repair what
news text needs: a sentence that starts in lower case continues the
previous one ('"Stop?" he asked.'), so does the end of a quotation closed
by a comma and its attribution ('"We urge Iran. Not now," he said.'), so
does a sentence after one that ends on an article ("pointed a. 38-caliber
revolver", a scraped text's broken ".38") or on a title ("said Sgt. Marty
Earley"), and a stray punctuation mark is not a sentence of its own.
"""

from __future__ import annotations

import re

import syntok.segmenter as segmenter

from newsweave.lexicon import STOPWORDS, TITLE_ABBREVIATIONS
from newsweave.model import Sentence

_PARAGRAPH = re.compile(r"[^\n]+")
_OPENING_LOWER = re.compile(r"""^["'”’)\]]*\s*[a-z]""")
_WORDLIKE = re.compile(r"\w")
# The rest of a quotation that ends in a comma and an attribution: '... not to do it," he said.'
_QUOTE_TAIL = re.compile(r"""^[^"“”]*,\s*["”]\s+[a-z]""")
# No sentence ends on an article: "a. 38-caliber revolver" is a badly detokenised "a .38-caliber revolver";
# nor on a title before a name ("said Sgt. Marty Earley").
_ENDS_ON_ARTICLE = re.compile(r"\b(?:a|an|the)\.$")
_ENDS_ON_TITLE = re.compile(rf"\b(?i:{'|'.join(sorted(TITLE_ABBREVIATIONS))})\.$")
_NAME_FIRST = re.compile(r"^\s*([A-Z][\w'’-]*)")


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of ``text`` in order; every span is non-empty and trimmed."""
    sentences: list[Sentence] = []
    for paragraph in _PARAGRAPH.finditer(text):
        base = paragraph.start()
        chunk = paragraph.group(0)
        merged: list[tuple[int, int]] = []
        for start, end in _spans(chunk):
            segment = chunk[start:end]
            before = chunk[merged[-1][0] : merged[-1][1]] if merged else ""
            continues = (
                _OPENING_LOWER.match(segment)
                or _QUOTE_TAIL.match(segment)
                or _ENDS_ON_ARTICLE.search(before)
                or (_ENDS_ON_TITLE.search(before) and _opens_with_name(segment))
            )
            if merged and (continues or not _WORDLIKE.search(segment)):
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        for start, end in merged:
            while start < end and chunk[start].isspace():
                start += 1
            while end > start and chunk[end - 1].isspace():
                end -= 1
            if start < end:
                sentences.append(Sentence(base + start, base + end))
    return sentences


def _opens_with_name(segment: str) -> bool:
    """The segment starts with a capitalised word that is no function word ("Marty Earley said", not "He was")."""
    first = _NAME_FIRST.match(segment)
    return first is not None and first.group(1).lower() not in STOPWORDS


def _spans(paragraph: str) -> list[tuple[int, int]]:
    spans = []
    for sub in segmenter.analyze(paragraph):
        for sentence in sub:
            tokens = [t for t in sentence if t.value]
            if tokens:
                spans.append((tokens[0].offset, tokens[-1].offset + len(tokens[-1].value)))
    if not spans and paragraph.strip():
        stripped = paragraph.strip()
        start = paragraph.index(stripped)
        spans.append((start, start + len(stripped)))
    return spans
