"""Page furniture inside a paragraph: related-story boxes a scraper flattened into the text.

Some sites follow a person's name with a pop-up box of that person's full name
and their latest headlines, closed by "MORE". Scraped, the box lands in the
sentence with no space after the full name:

    President Trump Donald John TrumpGOP senators balk at ... MORE said on Friday

The box is the repeated name (the full form ending in the surname the text
just gave), the headlines glued to it, and "MORE". Cut out, the sentence reads
as the page shows it: "President Trump said on Friday".
"""

from __future__ import annotations

import re

BOX_END = re.compile(r"\bMORE\b")
CAPITALISED = re.compile(r"\b[A-Z][\w'’-]*")
GLUE = re.compile(r"(?<=[a-z])(?=[A-Z])")  # "Trump|GOP", "Pelosi|Trump-GOP": a surname, then a headline
MAX_BOX_CHARS = 700  # a box holds three or four headlines; "MORE" further on closes something else
MAX_FULL_NAME_CHARS = 60  # "Michael (Mike) Richard Pompeo": the full name between the mention and the glue


def strip_link_boxes(line: str) -> tuple[str, list[str]]:
    """The line without its related-story boxes, and the boxes cut out (in order)."""
    boxes: list[str] = []
    while box := _first_box(line):
        start, end = box
        boxes.append(line[start:end].strip())
        line = line[:start].rstrip() + line[end:]
    return line, boxes


def _first_box(line: str) -> tuple[int, int] | None:
    """(start, end) of the first box: from just after the name the text gave to the end of "MORE"."""
    for closing in BOX_END.finditer(line):
        window_start = max(0, closing.start() - MAX_BOX_CHARS)
        for word in CAPITALISED.finditer(line, window_start, closing.start()):
            for glue in GLUE.finditer(word.group()):  # "McConnell|McConnell": try each joint
                if start := _mention_end(line, word.start(), word.group()[: glue.start()]):
                    return start, closing.end()
    return None


def _mention_end(line: str, at: int, surname: str) -> int | None:
    """Where the name the text gave just before ``at`` ends: the same surname as a word of its own."""
    window = max(0, at - MAX_FULL_NAME_CHARS)
    mentions = list(re.finditer(rf"\b{re.escape(surname)}\b", line[window:at]))
    return window + mentions[-1].end() if mentions else None
