"""Readers: files, directories, globs and stdin into Documents (or ReadErrors).

``read_inputs`` is the one entry point. It never raises for a bad input: a
file that cannot be read becomes a ReadError naming the file and the
problem, and reading goes on with the next one.
"""

from __future__ import annotations

import glob
import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsweave.model import Document, ReadError
from newsweave.read.encoding import DecodeError, decode_bytes, normalize_text
from newsweave.read.feed import iter_feed
from newsweave.read.jsonl import iter_jsonl
from newsweave.read.warc import iter_warc

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
    ".rss": "feed",
    ".atom": "feed",
    ".xml": "feed",
}
SUPPORTED = ", ".join(sorted(FORMATS)) + " (each optionally .gz)"
_GZIP_MAGIC = b"\x1f\x8b"
_HTML_SNIFF = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article")


def expand_inputs(inputs: Iterable[str]) -> Iterator[str | ReadError]:
    """Paths in a deterministic order: directories walked recursively and sorted, globs expanded."""
    for item in inputs:
        if item == "-":
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            files = sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.parts[len(path.parts) :])
            )
            yield from (str(p) for p in files)
        elif path.exists():
            yield item
        elif glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield ReadError(item, "no file matches this pattern")
            yield from expand_inputs(matches)
        else:
            yield ReadError(item, "no such file or directory")


def split_name(path: str) -> tuple[str, str, bool]:
    """'dir/a.html.gz' -> ('a', '.html', True): the id, the format extension, gzip."""
    name = os.path.basename(path)
    compressed = name.lower().endswith(".gz")
    if compressed:
        name = name[:-3]
    stem, ext = os.path.splitext(name)
    if ext.lower() not in FORMATS:
        stem, ext = name, ("" if not ext or " " in ext else ext)
    return (stem or name), ext.lower(), compressed


def read_inputs(inputs: Iterable[str], stdin: BinaryIO | None = None) -> Iterator[Document | ReadError]:
    """Every Document in ``inputs`` (files, dirs, globs, '-' = JSONL on stdin), ids made unique."""
    seen: dict[str, int] = {}
    for item in expand_inputs(inputs):
        if isinstance(item, ReadError):
            yield item
            continue
        for result in _read_one(item, stdin):
            if isinstance(result, Document):
                result.id = _unique(result.id, seen)
            yield result


def _unique(doc_id: str, seen: dict[str, int]) -> str:
    count = seen.get(doc_id, 0) + 1
    seen[doc_id] = count
    if count == 1:
        return doc_id
    candidate = f"{doc_id}~{count}"
    while candidate in seen:
        count += 1
        candidate = f"{doc_id}~{count}"
    seen[candidate] = 1
    return candidate


def _read_one(path: str, stdin: BinaryIO | None) -> Iterator[Document | ReadError]:
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        yield from _guard(iter_jsonl(stream, "<stdin>", "stdin"), "<stdin>")
        return
    doc_id, ext, compressed = split_name(path)
    try:
        with open(path, "rb") as handle:
            head = handle.read(2)
        compressed = head == _GZIP_MAGIC  # trust the bytes over the name
        if FORMATS.get(ext) == "warc":
            yield from _guard(iter_warc(path), path)
            return
        if FORMATS.get(ext) == "jsonl":
            opener = gzip.open if compressed else open
            with opener(path, "rb") as stream:
                yield from _guard(iter_jsonl(stream, path, doc_id), path)
            return
        data = _read_bytes(path, compressed)
    except (OSError, EOFError, zlib.error) as exc:
        yield ReadError(path, _describe(exc))
        return
    fmt = FORMATS.get(ext) or _sniff(data, ext)
    if fmt == "feed" and ext == ".xml" and _sniff(data, "") != "feed":
        fmt = None  # an .xml file that is not a feed
    if fmt is None:
        yield ReadError(path, f"unsupported file type{f' ({ext})' if ext else ''}: expected {SUPPORTED}")
        return
    if fmt == "jsonl":
        yield from _guard(iter_jsonl(io.BytesIO(data), path, doc_id), path)
        return
    if fmt == "feed":
        yield from iter_feed(data, path)
        return
    try:
        text, encoding = decode_bytes(data, html=fmt == "html")
    except DecodeError as exc:
        yield ReadError(path, str(exc))
        return
    yield Document(id=doc_id, source=path, format=fmt, content=normalize_text(text), encoding=encoding)


def _read_bytes(path: str, compressed: bool) -> bytes:
    if compressed:
        with gzip.open(path, "rb") as stream:
            return stream.read()
    with open(path, "rb") as stream:
        return stream.read()


def _guard(results: Iterator[Document | ReadError], source: str) -> Iterator[Document | ReadError]:
    """Pass results through; a stream that breaks mid-way (bad gzip) ends with a ReadError."""
    try:
        yield from results
    except (OSError, EOFError, zlib.error) as exc:
        yield ReadError(source, _describe(exc))


def _describe(exc: BaseException) -> str:
    if isinstance(exc, gzip.BadGzipFile | zlib.error | EOFError):
        return f"corrupt gzip data: {exc}" if str(exc) else "corrupt or truncated gzip data"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror.lower()
    return str(exc) or type(exc).__name__


def _sniff(data: bytes, ext: str) -> str | None:
    """Format of a file whose extension says nothing: HTML or plain text, else unsupported."""
    head = data[:2048].lstrip().lower()
    if head.startswith(_HTML_SNIFF) or (not ext and b"<html" in head):
        return "html"
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if ext:  # a real but unknown extension (.pdf, .png, .docx): not ours
        return None
    return "text"
