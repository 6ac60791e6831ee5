"""Quotation marks in news text: the spans inside them, whatever marks a page uses.

Straight and curly double marks, guillemets, single marks, paragraphs that run a quotation on,
quotations left open and closed paragraphs later, marks that read inside out; transcript labels
("PENCE: ...") and dash attributions ("— Jane Roe").
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

# Finite reporting verbs, to recognise an attribution standing between two quotations.
ATTRIBUTION_WORDS = re.compile(
    r"\b(?:said|says|added|adds|told|tells|asked|asks|wrote|writes|declared|explained|continued|noted|argued|"
    r"insisted|warned|stated|replied|recalled|concluded)\b"
)
INTRODUCTION_WORDS = 5  # a reporting verb this close before a mark introduces the quotation after it
# An attribution is short; a speaker's title in apposition makes it up to this long ("said Douglas Holtz-Eakin,
# an economist who served as director of the Congressional Budget Office and is now president of ...": 30).
INVERTED_ATTRIBUTION_WORDS = 40

OPEN_CLOSE = {'"': '"', "“": "”", "«": "»", "„": "“"}

# A transcript's speaker label opening a paragraph: 'PENCE: Well, look, ...' (a stray opening mark allowed).
TRANSCRIPT_LABEL = re.compile(r"^[\"“]?([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,2}):[ \t]+(?=\S)", re.MULTILINE)

TRANSCRIPT_TURNS = 2  # a label must open this many paragraphs to be a transcript's speaker

# A paragraph naming its speaker after a dash, then the quotation: '— Jane Roe, 34, "We need jobs."'
DASH_ATTRIBUTION = re.compile(r"\s*(?:--|[—–])\s*([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})[\s,\d]*")

CLOSING_PARAGRAPHS = 4  # an open quotation is carried over at most this many paragraphs to its closing mark

UNCLOSED_QUOTE_WORDS = 4  # a paragraph opening a quotation it never closes: speech, if this long

SINGLE_QUOTE_CHARS = 600  # longest quotation in single marks looked for (its closer must come sooner)


@dataclass(slots=True)
class Span:
    start: int
    end: int  # content only, quotation marks excluded
    runs_on: bool = False  # left open at a paragraph's end and reopened in the next paragraph


def quotation_spans(text: str) -> list[Span]:
    """Content spans of quotations; unclosed quotes run to the paragraph end and on if reopened."""
    spans: list[Span] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        single = _single_quotation(text, i)
        if single is not None:
            spans.append(single)
            i = single.end + 1
            continue
        if ch in OPEN_CLOSE and (ch != '"' or i == 0 or not text[i - 1].isalnum()):
            close = OPEN_CLOSE[ch]
            closers = {close, '"'}
            j = i + 1
            while j < n and text[j] not in closers and text[j] != "\n":
                j += 1
            if j < n and text[j] in closers:
                if j - i > 1:
                    spans.append(Span(i + 1, j))
                i = j + 1
                continue
            # paragraph ended inside the quotation: it runs on if the next paragraph reopens it
            end = j
            k = j
            while k < n and text[k] == "\n":
                k += 1
            if k < n and text[k] == ch and end - i > 1:
                spans.append(Span(i + 1, end, runs_on=True))
                i = k
                continue
            opens_paragraph = i == 0 or text[i - 1] == "\n" or dash_attribution(text, i) is not None
            if opens_paragraph and len(text[i:end].split()) >= UNCLOSED_QUOTE_WORDS:
                # a paragraph that opens a quotation and never closes it; a later paragraph may close it
                closing = _closing_paragraphs(text, end)  # each paragraph a quote; the later ones continue it
                spans += [Span(i + 1, end)] + [Span(start, stop) for start, stop in closing]
                if closing:
                    i = closing[-1][1] + 1
                    continue
            i = j + 1
            continue
        i += 1
    spans = _reopen_inverted(text, spans)
    return [s for s in spans if _strip(text, s).end > _strip(text, s).start]


def _closing_paragraphs(text: str, position: int) -> list[tuple[int, int]]:
    """The paragraphs after ``position`` that carry an open quotation on to its closing mark.

    Paragraphs without any quotation mark continue it; the first paragraph whose only mark closes it
    at its end ends it. Any other mark, or more than CLOSING_PARAGRAPHS paragraphs, and nothing is carried.
    """
    out: list[tuple[int, int]] = []
    start = position
    while len(out) < CLOSING_PARAGRAPHS:
        while start < len(text) and text[start] == "\n":
            start += 1
        if start >= len(text):
            return []
        stop = paragraph_end(text, start)
        body = text[start:stop].rstrip()
        marks = [k for k, ch in enumerate(body) if ch in '"“”']
        if marks == [len(body) - 1] and body[-1] in '"”':
            return [*out, (start, start + len(body) - 1)]
        if marks:
            return []
        out.append((start, stop))
        start = stop
    return []


def dash_attribution(text: str, opening: int) -> tuple[int, int] | None:
    """(start, end) of the name in '— Jane Roe "quotation"': a paragraph giving its speaker first, after a dash."""
    left = text.rfind("\n", 0, opening) + 1
    found = DASH_ATTRIBUTION.fullmatch(text, left, opening)
    return found.span(1) if found else None


def _reopen_inverted(text: str, spans: list[Span]) -> list[Span]:
    """Re-pair a paragraph whose opening quotation mark is missing, so that its marks read inside out.

    In 'No evidence whatsoever, "Mr. Burman said." The real issue is governance. "' the paragraph's first
    pair encloses the attribution, not the quotation: the words before the first mark are the quotation,
    then each following pair of marks encloses one ('" The real issue is governance. "'). A first pair
    holding only a short attribution with a reporting verb, and none just before it, is the sign.
    """
    out: list[Span] = []
    left = previous_end = -1
    for span in spans:
        # where the paragraph starts, looking back no further than the previous quotation (long paragraphs)
        newline = text.rfind("\n", max(previous_end, 0), span.start - 1)
        first_in_paragraph = newline >= 0 or previous_end < 0
        if first_in_paragraph:
            left = newline + 1 if newline >= 0 else text.rfind("\n", 0, span.start - 1) + 1
        previous_end = span.end
        before = text[left : span.start - 1] if first_in_paragraph else ""  # only a paragraph's first pair
        inverted = (
            first_in_paragraph
            and text[span.start - 1] == '"'
            and not span.runs_on
            and before.strip()
            and before.rstrip()[-1] in ",.?!"
            and '"' not in before
            and not ATTRIBUTION_WORDS.search(" ".join(before.split()[-INTRODUCTION_WORDS:]))  # 'Lee told us, "'
            and len(text[span.start : span.end].split()) <= INVERTED_ATTRIBUTION_WORDS
            and ATTRIBUTION_WORDS.search(text[span.start : span.end])
            and text[span.end - 1] in ".,"
            # in '"We told them," he said.' the attribution follows the pair: the marks are the right way round
            and not ATTRIBUTION_WORDS.search(" ".join(text[span.end + 1 : span.end + 60].split()[:4]))
        )
        if not inverted:
            out.append(span)
            continue
        out.append(Span(left, span.start - 1))
        # the words after the closing mark open the next quotation, up to the next mark or the paragraph's end
        right = paragraph_end(text, span.end)
        following = text.find('"', span.end + 1, right)
        out.append(Span(span.end + 1, following if following >= 0 else right))
    return _without_overlaps(out)


def _without_overlaps(spans: list[Span]) -> list[Span]:
    """Spans sorted by start, dropping any that starts inside the one kept before it."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -s.end)):
        if not kept or span.start >= kept[-1].end:
            kept.append(span)
    return kept


def _single_quotation(text: str, i: int) -> Span | None:
    """A quotation in single marks opening at ``i`` ('I heard screaming,' said a neighbour; ‘We will stay’).

    The same marks are apostrophes ("didn’t", "officers’ cars"), so a quotation needs an opening mark
    at a word's start followed by a letter, and a closing mark that is no apostrophe: after punctuation
    for straight marks, not followed by a letter for curly ones; both in one paragraph.
    """
    ch = text[i]
    if ch not in "‘'" or (i > 0 and not (text[i - 1].isspace() or text[i - 1] in '(“"—–-')):
        return None
    if i + 1 >= len(text) or not text[i + 1].isalnum():
        return None
    for j in range(i + 2, min(paragraph_end(text, i), i + SINGLE_QUOTE_CHARS)):
        after = text[j + 1] if j + 1 < len(text) else " "
        if ch == "‘" and text[j] == "’" and not after.isalpha():
            return Span(i + 1, j)
        if ch == "'" and text[j] == "'" and text[j - 1] in ",.!?" and not after.isalnum():
            return Span(i + 1, j)
    return None


def _strip(text: str, span: Span) -> Span:
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, span.runs_on)


class Quotations:
    """An article's quotation spans, sorted, with fast 'is this position quoted' lookups."""

    def __init__(self, text: str) -> None:
        self.spans = [_strip(text, s) for s in quotation_spans(text)]
        self.starts = [s.start for s in self.spans]

    def inside(self, position: int) -> bool:
        i = bisect_right(self.starts, position + 1) - 1
        return i >= 0 and self.spans[i].start - 1 <= position <= self.spans[i].end

    def between(self, start: int, end: int) -> list[Span]:
        return self.spans[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


def transcript_turns(text: str) -> list[tuple[str, int, int]]:
    """(speaker, start, end) of each turn of a transcript: paragraphs opening with a label like 'PENCE:'.

    A label counts when it opens at least TRANSCRIPT_TURNS paragraphs of the article, so that a lone
    'UPDATE:' or 'WASHINGTON:' is not taken for a speaker.
    """
    found = [(m.group(1), m.end(), paragraph_end(text, m.end())) for m in TRANSCRIPT_LABEL.finditer(text)]
    counts: dict[str, int] = {}
    for label, _, _ in found:
        counts[label] = counts.get(label, 0) + 1
    turns = []
    for label, start, end in found:
        while end > start and (text[end - 1].isspace() or text[end - 1] in '"”'):
            end -= 1
        if counts[label] >= TRANSCRIPT_TURNS and end > start:
            turns.append((label.title(), start, end))
    return turns


def paragraph_end(text: str, position: int) -> int:
    end = text.find("\n", position)
    return len(text) if end < 0 else end
