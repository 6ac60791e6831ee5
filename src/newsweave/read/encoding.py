"""Bytes to clean Unicode: BOM, then a declared charset, then UTF-8, then detection.

The order follows what browsers do (WHATWG): a byte-order mark wins, then
what the document declares, and only then a guess. When the guess is a
Western code page that yields the same text as windows-1252, it is named
windows-1252, the web's default for unlabelled Western pages.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from newsweave.errors import InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""",
    re.IGNORECASE,
)
_WESTERN = {"cp1252", "latin_1", "iso8859_15", "cp1250", "iso8859_2", "cp850", "mac_roman"}
# C0/C1 controls other than tab and newline: noise in text, a sign of binary in bulk.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff\ufffe]")


_SURROGATES = re.compile("[\ud800-\udfff]")
# What windows-1252 text holds beyond ASCII: Western letters and the typographer's punctuation.
_WESTERN_CHARS = re.compile(
    "[\u00c0-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192‘’‚“”„–—…•€™«»°·©®±×÷¡¿ºª§¶\u00a0]"
)
_NON_ASCII_RUN = re.compile("[^\x00-\x7f]{3,}")
_HANGUL = re.compile("[\uac00-\ud7a3]")
_HAN = re.compile("[\u4e00-\u9fff]")
# Korean writes in Hangul: a "Korean" reading where this share of the syllables are Han characters is
# Chinese bytes (GB18030) read with the wrong table.
HAN_IN_KOREAN = 0.2


class DecodeError(InputError):
    """The bytes are not text in any encoding we can identify."""


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML document declares in its first 4 KB, if Python knows it."""
    match = _DECLARED.search(data[:4096])
    if not match:
        return None
    name = (match.group(1) or match.group(2)).decode("ascii").lower()
    if name in {"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii"}:
        name = "cp1252"  # WHATWG: these labels mean windows-1252
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def _western(data: bytes) -> bool:
    """Text that is windows-1252 by its shape: every byte defined there, and every non-ASCII character a
    Western letter or typographic mark, alone or in pairs inside words ("São", "naïve", "Größe"), not the
    runs that multi-byte Asian text makes when read byte by byte. Statistical detection misreads such short
    texts as Central European or Baltic; browsers read unlabelled Western pages as windows-1252."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    beyond = [ch for ch in text if ord(ch) > 127]
    return bool(beyond) and all(_WESTERN_CHARS.match(ch) for ch in beyond) and not _NON_ASCII_RUN.search(text)


def _detect(data: bytes) -> str:
    if _western(data):
        return "cp1252"
    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("binary content or unknown text encoding")
    if best.encoding in {"cp949", "euc_kr", "johab"}:
        syllables = str(best)
        hangul, han = len(_HANGUL.findall(syllables)), len(_HAN.findall(syllables))
        if han > HAN_IN_KOREAN * (hangul + han):
            try:
                data.decode("gb18030")
                return "gb18030"
            except UnicodeDecodeError:
                pass
    if best.encoding in _WESTERN and best.encoding != "cp1252":
        try:
            if data.decode("cp1252") == str(best):
                return "cp1252"  # the same text either way: name the web's default
        except UnicodeDecodeError:
            pass
    return best.encoding


def decode_bytes(data: bytes, *, html: bool = False) -> tuple[str, str]:
    """Decode ``data``; returns (text, encoding name). Raises DecodeError for binary data."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return data.decode(name, errors="replace"), name
    candidates: list[str] = []
    if html and (declared := declared_charset(data)):
        candidates.append(declared)
    candidates.append("utf-8")
    for name in candidates:
        try:
            text = data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
        if not _looks_binary(text):
            return text, name
    name = _detect(data)
    text = data.decode(name, errors="replace")
    if _looks_binary(text):
        raise DecodeError("binary content (control characters), not text")
    return text, name


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    return bool(sample) and len(_CONTROLS.findall(sample)) > max(2, len(sample) // 100)


def displayable(text: str) -> str:
    """``text`` with lone surrogates (undecodable bytes of a file name, JSON escapes) as U+FFFD."""
    return _SURROGATES.sub("\ufffd", text)


def normalize_text(text: str) -> str:
    """NFC, one newline convention, no stray control characters, no lone surrogates (from JSON escapes)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n\n")
    text = _CONTROLS.sub("", text)
    text = displayable(text)
    return unicodedata.normalize("NFC", text)
