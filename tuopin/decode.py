"""Decode raw article bytes to text in a logged cascade: BOM, strict UTF-8, chardet, fallback."""
from __future__ import annotations

import codecs
import re
import logging
from dataclasses import dataclass

import chardet

log = logging.getLogger(__name__)

# Longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# A Chinese corpus meets these; restricting chardet to them is faster and avoids
# exotic single-byte guesses for short GBK pages.
CANDIDATES = (
    "gb18030", "gb2312", "gbk", "big5", "big5hkscs", "cp950", "utf-16-le", "utf-16-be",
    "utf-32-le", "utf-32-be", "shift_jis", "euc-kr", "cp949", "euc-jp", "windows-1252", "iso-8859-1",
)

# GB2312 and GBK pages routinely contain characters only their superset GB18030 defines.
SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "big5": "big5hkscs",
             "ascii": "utf-8", "iso-8859-1": "cp1252", "euc-kr": "cp949"}

# What to try, in order, when the detected codec fails a strict decode.
FALLBACKS = ("gb18030", "big5hkscs")

HEAD_BYTES = 64 * 1024

# File signatures of the binaries scrapers save by mistake (images, PDFs, archives, Office files).
MAGIC = {b"\x89PNG": "PNG image", b"%PDF": "PDF document", b"PK\x03\x04": "zip archive",
         b"GIF8": "GIF image", b"\xff\xd8\xff": "JPEG image", b"\x1f\x8b": "gzip archive",
         b"\xd0\xcf\x11\xe0": "Office document", b"Rar!": "RAR archive", b"\x7fELF": "executable"}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.01


class DecodeError(ValueError):
    """Raised when bytes are not text at all (binary content)."""


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    confidence: float
    replaced: int = 0


def normalise_codec(name: str) -> str:
    """Return the canonical Python codec name, widened to its superset where one exists."""
    canonical = codecs.lookup(name).name
    return SUPERSETS.get(canonical, canonical)


def sniff_bom(raw: bytes) -> Decoded | None:
    """Decode bytes that start with a Unicode byte-order mark."""
    for bom, codec, reported in BOMS:
        if raw.startswith(bom):
            text = raw[len(bom):].decode(codec, errors="replace")
            return Decoded(text, reported, 1.0, text.count("\ufffd"))
    return None


def try_strict(raw: bytes, codec: str) -> str | None:
    """Return the strict decode of raw with codec, or None when it fails."""
    try:
        return raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def detect(raw: bytes) -> tuple[str | None, float]:
    """Return chardet's codec guess and confidence on a bounded head of raw."""
    result = chardet.detect(raw[:HEAD_BYTES], include_encodings=CANDIDATES, max_bytes=HEAD_BYTES)
    name = result.get("encoding")
    if not name:
        return None, 0.0
    try:
        return normalise_codec(name), float(result.get("confidence") or 0.0)
    except LookupError:
        log.warning("chardet proposed unknown codec %r", name)
        return None, 0.0


def looks_binary(raw: bytes, codec: str | None) -> bool:
    """Tell whether raw is binary: NUL bytes that no UTF-16/32 reading explains."""
    return b"\x00" in raw[:4096] and not (codec or "").startswith("utf-")


def check_text(decoded: Decoded) -> Decoded:
    """Refuse a decoding that is mostly control characters: the bytes were not text."""
    head = decoded.text[:HEAD_BYTES]
    if len(CONTROL.findall(head)) > MAX_CONTROL_SHARE * max(len(head), 1):
        raise DecodeError(f"binary content: control characters when read as {decoded.encoding}")
    return decoded


def decode(raw: bytes) -> Decoded:
    """Decode article bytes, recording the codec used and how sure we are."""
    if not raw:
        raise DecodeError("empty file")
    for magic, kind in MAGIC.items():
        if raw.startswith(magic):
            raise DecodeError(f"binary content: {kind}")
    return check_text(cascade(raw))


def cascade(raw: bytes) -> Decoded:
    """Try BOM, strict UTF-8, chardet's guess, the fallbacks, then a replacing decode."""
    found = sniff_bom(raw)
    if found:
        return found
    text = try_strict(raw, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", 1.0)
    codec, confidence = detect(raw)
    if looks_binary(raw, codec):
        raise DecodeError("binary content: no text encoding fits")
    if codec:
        text = try_strict(raw, codec)
        if text is not None:
            return Decoded(text, codec, round(confidence, 4))
        log.info("strict %s decode failed after detection; trying fallbacks", codec)
    for fallback in FALLBACKS:
        text = try_strict(raw, fallback)
        if text is not None:
            return Decoded(text, fallback, round(min(confidence, 0.5), 4))
    codec = codec or "gb18030"
    text = raw.decode(codec, errors="replace")
    replaced = text.count("\ufffd")
    log.warning("decoded with %d replacement characters as %s", replaced, codec)
    share = replaced / max(len(text), 1)
    return Decoded(text, codec, round(max(0.0, min(confidence, 0.5) * (1 - 10 * share)), 4), replaced)
