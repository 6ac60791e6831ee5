"""JSON Lines: one article object per line, streamed (constant memory).

A line is {"id", "text" or "html", optional "title", "url", "outlet",
"author", "published"}. A broken line is reported with its line number and
the stream goes on.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from newsweave.limits import ByteStream, TooLarge, max_bytes
from newsweave.model import Document, ReadError
from newsweave.read.encoding import normalize_text

METADATA_FIELDS = ("title", "url", "outlet", "author", "published")


def iter_jsonl(stream: ByteStream, source: str, default_id: str) -> Iterator[Document | ReadError]:
    """Parse JSONL from a binary stream; ``default_id`` + line number names lines without an "id"."""
    for number, raw in enumerate(_bounded_lines(stream), start=1):
        where = f"{source}:{number}"
        if raw is None:
            yield ReadError(where, str(TooLarge("line")))
            continue
        if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            yield ReadError(where, f"invalid JSON line: {exc}")
            continue
        except RecursionError:
            yield ReadError(where, "invalid JSON line: nested too deeply")
            continue
        doc = _document(obj, where, f"{default_id}:{number}")
        yield doc


def _document(obj: object, where: str, default_id: str) -> Document | ReadError:
    if not isinstance(obj, dict):
        return ReadError(where, f"expected a JSON object, got {type(obj).__name__}")
    html, text = obj.get("html"), obj.get("text")
    body, fmt = (html, "html") if isinstance(html, str) and html.strip() else (text, "text")
    if not isinstance(body, str) or not body.strip():
        return ReadError(where, 'missing "text" or "html" (a non-empty string)')
    raw_id = obj.get("id", default_id)
    if not isinstance(raw_id, str | int) or isinstance(raw_id, bool) or str(raw_id).strip() == "":
        return ReadError(where, '"id" must be a non-empty string or an integer')
    fields = {
        name: normalize_text(value).strip()
        for name in METADATA_FIELDS
        if isinstance(value := obj.get(name), str) and value.strip()
    }
    return Document(
        id=str(raw_id),
        source=where,
        format=fmt,
        content=normalize_text(body),
        encoding="utf-8",
        fields=fields,
    )


def _bounded_lines(stream: ByteStream) -> Iterator[bytes | None]:
    """The stream's lines; None for a line longer than the limit, which is skipped without being held."""
    limit = max_bytes()
    while line := stream.readline(limit + 1):
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        while (rest := stream.readline(limit + 1)) and not rest.endswith(b"\n"):
            pass  # the rest of the over-long line
        yield None
