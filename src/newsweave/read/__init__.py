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
import re
import stat
import sys
import zlib
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from newsweave.limits import TooLarge, max_bytes, read_at_most
from newsweave.model import Document, ReadError
from newsweave.read.encoding import DecodeError, decode_bytes, displayable, normalize_text
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
_LOCATOR = re.compile(r"[@#:](?=\d+$)")  # what source_file strips: "@offset", "#item" or ":line" at the end
_HTML_SNIFF = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article")


def expand_inputs(inputs: Iterable[str]) -> Iterator[str | ReadError]:
    """Paths in a deterministic order: directories walked recursively and sorted, globs expanded.

    Symbolic links to folders are not followed inside a walk or a '**' (a link loop cannot repeat or
    hang a run), a file named twice is read once, and a folder that cannot be read is reported.
    """
    seen: set[str] = set()
    for item in _expand(inputs):
        if isinstance(item, str) and item != "-":
            real = os.path.realpath(item)
            if real in seen:
                continue
            seen.add(real)
        yield item


def _expand(inputs: Iterable[str]) -> Iterator[str | ReadError]:
    for item in inputs:
        if item == "-":
            yield item
            continue
        path = Path(item)
        if path.is_dir():
            yield from _walk(path)
        elif path.exists():
            yield item
        elif glob.has_magic(item):
            matches = _glob(item)
            if not matches:
                yield ReadError(item, "no file matches this pattern")
            yield from _expand(matches)
        else:
            yield ReadError(item, "no such file or directory")


def _walk(folder: Path) -> Iterator[str | ReadError]:
    """The files under ``folder`` (hidden ones aside), sorted; each folder that cannot be read as an error."""
    unreadable: list[OSError] = []
    files = []
    for root, dirs, names in os.walk(folder, onerror=unreadable.append):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        files += [Path(root, name) for name in names if not name.startswith(".")]
    for exc in unreadable:
        yield ReadError(str(exc.filename), f"cannot read this folder: {_describe(exc)}")
    yield from (str(p) for p in sorted(files) if p.is_file())


def _glob(pattern: str) -> list[str]:
    """Matches of a glob; '**' spans folders without following links to folders (pathlib's rule)."""
    parts = Path(pattern).parts
    first_magic = next(i for i, part in enumerate(parts) if glob.has_magic(part))
    base, rest = Path(*parts[:first_magic]) if first_magic else Path(), str(Path(*parts[first_magic:]))
    try:
        return sorted(str(p) for p in base.glob(rest))
    except (OSError, ValueError):
        return []


def source_file(source: str) -> str:
    """The file a document's source names, without the locator the readers add: 'dump.jsonl:7' (a JSONL
    line), 'crawl.warc@1990' (a WARC record) and 'feed.xml#3' (a feed item)."""
    return _LOCATOR.split(source, maxsplit=1)[0]


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
    """Every Document in ``inputs`` (files, dirs, globs, '-' = JSONL on stdin), ids made unique.

    Names that are not valid UTF-8 (a file name in another encoding) are shown with U+FFFD in ids,
    sources and errors, so that every output and the store stay valid UTF-8.
    """
    seen: dict[str, int] = {}
    for item in expand_inputs(inputs):
        if isinstance(item, ReadError):
            yield ReadError(displayable(item.source), displayable(item.error))
            continue
        for result in _read_one(item, stdin):
            if isinstance(result, Document):
                result.source = displayable(result.source)
                result.id = _unique(displayable(result.id), seen)
                yield result
            else:
                yield ReadError(displayable(result.source), displayable(result.error))


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
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode):
            yield ReadError(path, "not a regular file (a FIFO, device or socket)")
            return
        with open(path, "rb") as handle:
            head = handle.read(2)
        compressed = head == _GZIP_MAGIC  # trust the bytes over the name
        if FORMATS.get(ext) == "warc":  # a container: the size limit applies to each record
            yield from _guard(iter_warc(path), path)
            return
        if FORMATS.get(ext) == "jsonl":  # ... and to each line
            opener = gzip.open if compressed else open
            with opener(path, "rb") as stream:
                yield from _guard(iter_jsonl(stream, path, doc_id), path)
            return
        if not compressed and status.st_size > max_bytes():
            raise TooLarge()  # refused unread
        data = _read_bytes(path, compressed)
    except (OSError, EOFError, zlib.error, TooLarge) as exc:
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
    """The file's bytes, decompressed; TooLarge as soon as they pass the limit (a gzip bomb stops there)."""
    if compressed:
        with gzip.open(path, "rb") as stream:
            return read_at_most(stream, "decompressed input")
    with open(path, "rb") as stream:
        return read_at_most(stream)


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
