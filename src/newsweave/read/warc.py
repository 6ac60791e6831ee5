"""WARC and WARC.gz crawls: each HTML response record is a Document.

The record's target URI is the article id and url; its capture date is
kept as a fallback publication date, used only when the page declares
none. A damaged record (a corrupt gzip member, a truncated record) is
reported with its byte offset, and reading resumes at the next record. A
record shorter than its Content-Length (a cut file, or a wrong length that
swallows the records after it) is reported too, never stored truncated.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator

from newsweave.errors import InputError, logger
from newsweave.limits import TooLarge, read_at_most
from newsweave.model import Document, ReadError
from newsweave.read.encoding import DecodeError, decode_bytes, normalize_text

_GZIP_MEMBER = b"\x1f\x8b\x08"
_WARC_RECORD = b"WARC/1."
_SCAN = 1 << 20


class DamagedRecord(InputError):
    """A record whose body does not match its header (cut short, or a wrong Content-Length)."""


def iter_warc(path: str) -> Iterator[Document | ReadError]:
    with open(path, "rb") as handle:
        compressed = handle.read(2) == b"\x1f\x8b"
        position = 0
        while True:
            handle.seek(position)
            iterator = ArchiveIterator(handle, arc2warc=True)
            failed_at = None
            try:
                for record in iterator:
                    doc = _document(record, path, iterator)
                    if doc is not None:
                        yield doc
            except Exception as exc:  # warcio raises several kinds for damaged input
                logger.debug("damaged record in %s", path, exc_info=True)
                failed_at = max(position, iterator.offset or 0)
                detail = "".join(ch if ch.isprintable() else "?" for ch in str(exc))[:100]
                yield ReadError(f"{path}@{failed_at}", f"damaged WARC record ({type(exc).__name__}: {detail})")
            if failed_at is None:
                return
            position = _next_record(handle, failed_at + 1, _GZIP_MEMBER if compressed else _WARC_RECORD)
            if position < 0:
                return


def _next_record(handle: BinaryIO, start: int, marker: bytes) -> int:
    """Offset of the next record start at or after ``start``, or -1."""
    handle.seek(start)
    base = start
    carry = b""
    while chunk := handle.read(_SCAN):
        data = carry + chunk
        found = data.find(marker)
        if found >= 0:
            candidate = base - len(carry) + found
            if marker == _GZIP_MEMBER and not _gzip_member_ok(handle, candidate):
                carry, base = b"", candidate + 1
                handle.seek(base)
                continue
            return candidate
        carry = data[-len(marker) :]
        base += len(chunk)
    return -1


def _gzip_member_ok(handle: BinaryIO, offset: int) -> bool:
    """Whether a gzip member starting at ``offset`` decompresses (guards against magic bytes inside data)."""
    handle.seek(offset)
    try:
        with gzip.GzipFile(fileobj=handle) as member:
            member.read(64)
        return True
    except (OSError, EOFError):
        return False


def _document(record, path: str, iterator: ArchiveIterator) -> Document | ReadError | None:
    if record.rec_type != "response":
        return None
    content_type = (record.http_headers.get_header("Content-Type") or "") if record.http_headers else ""
    if "html" not in content_type.lower():
        return None
    try:
        data = read_at_most(record.content_stream(), "record")  # before the offset, which consumes the record
    except TooLarge as exc:  # asking for the offset skips the rest of the record a buffer at a time
        return ReadError(f"{path}@{iterator.get_record_offset()}", str(exc))
    missing = getattr(record.raw_stream, "limit", 0)  # what the file lacks of the declared Content-Length
    if missing:
        raise DamagedRecord(f"record cut short, {missing} bytes missing of its Content-Length")
    offset = iterator.get_record_offset()  # absolute in the file
    uri = record.rec_headers.get_header("WARC-Target-URI") or f"{path}@{offset}"
    try:
        text, encoding = decode_bytes(data, html=True)
    except DecodeError:
        return None
    fields = {"url": uri}
    captured = (record.rec_headers.get_header("WARC-Date") or "")[:10]
    return Document(
        id=uri,
        source=f"{path}@{offset}",
        format="html",
        content=normalize_text(text),
        encoding=encoding,
        fields=fields,
        fallback={"published": captured} if captured else {},
    )
