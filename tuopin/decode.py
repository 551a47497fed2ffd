"""Decode raw article bytes to text in a logged cascade: BOM, UTF-16/32 shape, strict UTF-8, chardet, fallback."""
from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass

import chardet

from tuopin import euctw  # noqa: F401  (registers the "euc_tw" codec Python lacks)
from tuopin.hanzi import common_share

log = logging.getLogger(__name__)

# Longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
    (codecs.BOM_UTF8, "utf-8", "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"),
)

# What a Chinese corpus meets once BOMs, UTF-16/32 shapes and UTF-8 have been ruled out: the
# Chinese double-byte codecs, and the look-alikes chardet must be able to name so that a
# Japanese, Korean or Western page is not forced into GB18030 (each as its Windows superset).
# Fewer candidates make chardet faster and keep it from exotic single-byte guesses on short
# GBK pages.
CANDIDATES = ("gb18030", "big5hkscs", "cp932", "euc_jis_2004", "cp949", "cp1252")
# Seven-bit encodings that pass for ASCII: ISO-2022 mail and HZ (old Chinese Usenet). Their
# escape sequences are unambiguous, so a strict decode that changes the text decides.
ESCAPE_CODECS = ("iso2022_jp_2", "iso2022_kr", "hz")
ESCAPES = (b"\x1b", b"~{")
ESCAPE_CONFIDENCE = 0.9

# GB2312 and GBK pages routinely contain characters only their superset GB18030 defines;
# Big5 pages from Hong Kong use HKSCS characters; Windows wrote CP949 and CP932, not the ISO forms.
SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "big5": "big5hkscs",
             "ascii": "utf-8", "iso8859-1": "cp1252", "latin-1": "cp1252", "euc_kr": "cp949",
             "shift_jis": "cp932"}

# Codecs whose text is Chinese: when chardet is unsure between them (or settles for a Latin
# code page), the reading with the most common Han characters wins. EUC-TW is here because
# chardet cannot name it: its bytes also read as GB18030, as rarer characters; cp950 because
# chardet has no candidate for the euro sign and ETEN extensions of Taiwanese Big5. A Latin
# reading also loses to a Chinese one that needs a few replacements (a GB page with a
# corrupt byte, which rules GB18030 out for chardet).
CHINESE_CODECS = ("gb18030", "big5hkscs", "cp950", "euc_tw")
LATIN_CODECS = ("cp1252", "iso8859-1")
SURE = 0.9
MARGIN = 0.1
# A reading this common needs no rival: real pages score 0.98 and up, EUC-TW read as GB18030 0.79.
PLAIN_CHINESE = 0.95
MIN_HAN = 10
MAX_DAMAGE_SHARE = 0.005

# What to try, in order, when the detected codec fails a strict decode; cp950 has the euro
# sign and the ETEN extensions some Taiwanese Big5 pages use.
FALLBACKS = ("gb18030", "big5hkscs", "cp950", "euc_tw")
# When nothing decodes strictly, the reading with the fewest replacements among these wins.
REPLACING = ("gb18030", "big5hkscs", "utf-8")

# chardet sees a bounded head: past a few kilobytes of Chinese its answer no longer changes, and
# the full strict decode checks it. A head that is almost all ASCII (a web page's markup and
# scripts) is replaced by its first kilobyte, which holds any declared charset, joined to a
# window from the first non-ASCII byte on. An unsure Latin answer is asked again on a wide head:
# on a few kilobytes of Korean feed chardet still says cp1252.
HEAD_BYTES = 2048
WIDE_HEAD_BYTES = 64 * 1024
DECLARATION_BYTES = 1024
MIN_HIGH_BYTES = 256
HIGH_BYTES = bytes(range(0x80, 0x100))
FIRST_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
SAMPLE_CHARS = 2048
SHAPE_BYTES = 4096

# NUL bytes per position modulo 4 that only UTF-16/32 without a BOM explain (ASCII in UTF-16-LE
# is "A\0"; every BMP character in UTF-32-LE ends in "\0\0").
WIDE_ZEROS = 0.9
HALF_ZEROS = 0.05
FEW_ZEROS = 0.02

# High bytes of the code units UTF-16 Chinese is made of: CJK ideographs (U+4E00-U+9FFF), CJK
# punctuation (U+30xx), full-width forms (U+FFxx), general punctuation (U+20xx) and ASCII.
# Without a BOM or ASCII there is no NUL to go by, and chardet calls such text binary.
HAN_HIGH_BYTES = bytes([*range(0x4E, 0xA0), 0x30, 0xFF, 0x20, 0x00])
HAN_HIGH_SHARE = 0.9
OTHER_HIGH_SHARE = 0.6

# File signatures of the binaries scrapers save by mistake (images, PDFs, archives, Office files).
MAGIC = {b"\x89PNG": "PNG image", b"%PDF": "PDF document", b"PK\x03\x04": "zip archive",
         b"GIF8": "GIF image", b"\xff\xd8\xff": "JPEG image", b"\x1f\x8b": "gzip archive",
         b"\xd0\xcf\x11\xe0": "Office document", b"Rar!": "RAR archive", b"\x7fELF": "executable"}
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
MAX_CONTROL_SHARE = 0.01
MARK_ERRORS = "tuopin-mark"
UNDECODABLE = "\udc80"
DAMAGED_CAP = 0.5


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


def try_strict(raw: bytes, codec: str) -> str | None:
    """Return the strict decode of raw with codec, or None when it fails."""
    try:
        return raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def mark_undecodable(exc: UnicodeDecodeError) -> tuple[str, int]:
    """Stand a lone surrogate, which no decoder produces, for one undecodable sequence."""
    return UNDECODABLE, exc.end


codecs.register_error(MARK_ERRORS, mark_undecodable)


def decode_counting(raw: bytes, codec: str) -> tuple[str, int]:
    """Decode raw with codec, putting U+FFFD for each undecodable sequence; return text and count."""
    # Counting U+FFFD after errors="replace" would also count those the source itself held.
    text = raw.decode(codec, errors=MARK_ERRORS)
    return text.replace(UNDECODABLE, "\ufffd"), text.count(UNDECODABLE)


def damaged(text: str, codec: str, confidence: float, replaced: int) -> Decoded:
    """Return a decoding that needed replacements, its confidence cut by how much was replaced."""
    share = replaced / max(len(text), 1)
    log.warning("decoded with %d replacement characters as %s", replaced, codec)
    return Decoded(text, codec, round(max(0.0, min(confidence, DAMAGED_CAP) * (1 - 10 * share)), 4), replaced)


def by_bom(raw: bytes) -> Decoded | None:
    """Decode bytes that start with a Unicode byte-order mark."""
    for bom, codec, reported in BOMS:
        if raw.startswith(bom):
            body = raw[len(bom):]
            text = try_strict(body, codec)
            if text is not None:
                return Decoded(text, reported, 1.0)
            text, replaced = decode_counting(body, codec)
            return damaged(text, reported, 1.0, replaced)
    return None


def wide_codec(raw: bytes) -> str | None:
    """Name the UTF-16/32 byte order that the NUL bytes of a BOM-less head betray, if any."""
    head = raw[:SHAPE_BYTES]
    head = head[:len(head) // 4 * 4]
    if len(head) < 4 or b"\x00" not in head:
        return None
    zeros = [head[k::4].count(0) / (len(head) // 4) for k in range(4)]
    if zeros[2] > WIDE_ZEROS and zeros[3] > WIDE_ZEROS and zeros[0] < WIDE_ZEROS:
        return "utf-32-le"
    if zeros[0] > WIDE_ZEROS and zeros[1] > WIDE_ZEROS and zeros[3] < WIDE_ZEROS:
        return "utf-32-be"
    odd, even = (zeros[1] + zeros[3]) / 2, (zeros[0] + zeros[2]) / 2
    if odd >= HALF_ZEROS and even <= FEW_ZEROS:
        return "utf-16-le"
    if even >= HALF_ZEROS and odd <= FEW_ZEROS:
        return "utf-16-be"
    return None


def by_shape(raw: bytes) -> Decoded | None:
    """Decode UTF-16/32 without a BOM, recognised by where its NUL bytes fall."""
    codec = wide_codec(raw)
    text = try_strict(raw, codec) if codec else None
    return Decoded(text, codec, 0.95) if text is not None else None


def high_byte_share(half: bytes) -> float:
    """Return the share of bytes that could be the high byte of a Chinese UTF-16 code unit."""
    return 1 - len(half.translate(None, HAN_HIGH_BYTES)) / max(len(half), 1)


def by_han_shape(raw: bytes) -> Decoded | None:
    """Decode BOM-less UTF-16 Chinese, recognised by every other byte being a CJK high byte."""
    head = raw[:SHAPE_BYTES]
    even, odd = high_byte_share(head[0::2]), high_byte_share(head[1::2])
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if high >= HAN_HIGH_SHARE and low < OTHER_HIGH_SHARE:
            text = try_strict(raw, codec)
            # Shift_JIS lead bytes fall in the same range: its UTF-16 reading is rare Han.
            if text is not None and common_share(text[:SAMPLE_CHARS])[0] >= PLAIN_CHINESE:
                return Decoded(text, codec, 0.9)
    return None


def by_escape(raw: bytes) -> Decoded | None:
    """Decode seven-bit escape encodings (ISO-2022, HZ) that otherwise pass for ASCII."""
    if not any(escape in raw for escape in ESCAPES):
        return None
    for codec in ESCAPE_CODECS:
        text = try_strict(raw, codec)
        if text is not None and not text.isascii():
            return Decoded(text, codec, ESCAPE_CONFIDENCE)
    return None


def by_utf8(raw: bytes) -> Decoded | None:
    """Decode ASCII and strict UTF-8, the one multibyte codec whose validity is itself proof."""
    if raw.isascii():
        return by_escape(raw) or Decoded(raw.decode("ascii"), "utf-8", 1.0)
    text = try_strict(raw, "utf-8")
    return Decoded(text, "utf-8", 1.0) if text is not None else None


def head_window(raw: bytes, size: int) -> bytes:
    """Return the bytes chardet should see: the head, or the declaration plus the first non-ASCII part."""
    head = raw[:size]
    if len(head) - len(head.translate(None, HIGH_BYTES)) >= MIN_HIGH_BYTES:
        return head
    first = FIRST_HIGH_BYTE.search(raw)
    if not first or first.start() < DECLARATION_BYTES:
        return head
    return raw[:DECLARATION_BYTES] + raw[first.start():first.start() + size - DECLARATION_BYTES]


def detect(raw: bytes, size: int = HEAD_BYTES) -> tuple[str | None, float]:
    """Return chardet's codec guess and confidence on a bounded head of raw."""
    window = head_window(raw, size)
    result = chardet.detect(window, include_encodings=CANDIDATES, max_bytes=len(window),
                            prefer_superset=True, compat_names=False)
    name = result.get("encoding")
    if not name:
        return None, 0.0
    try:
        codec, confidence = normalise_codec(name), float(result.get("confidence") or 0.0)
    except LookupError:
        log.warning("chardet proposed unknown codec %r", name)
        return None, 0.0
    if codec in LATIN_CODECS and confidence < SURE and size < min(len(raw), WIDE_HEAD_BYTES):
        log.info("chardet unsure of %s on %d bytes; asking again on %d", codec, size, WIDE_HEAD_BYTES)
        return detect(raw, WIDE_HEAD_BYTES)
    return codec, confidence


def looks_binary(raw: bytes, codec: str | None) -> bool:
    """Tell whether raw is binary: NUL bytes that no UTF-16/32 reading explains."""
    return b"\x00" in raw[:SHAPE_BYTES] and not (codec or "").startswith("utf-")


def most_chinese(raw: bytes, codecs_: tuple[str, ...]) -> tuple[str, str, float] | None:
    """Return (codec, text, share) of the strict reading with the most common Han characters."""
    best = None
    for codec in codecs_:
        text = try_strict(raw, codec)
        if text is None:
            continue
        share, han = common_share(text[:SAMPLE_CHARS])
        if han >= MIN_HAN and (best is None or share > best[2]):
            best = (codec, text, share)
    return best


def reconsider(raw: bytes, decoded: Decoded) -> Decoded:
    """Replace an unsure Chinese or Latin reading when another Chinese codec reads far more common Han."""
    if decoded.confidence >= SURE or decoded.encoding not in CHINESE_CODECS + LATIN_CODECS:
        return decoded
    share, han = common_share(decoded.text[:SAMPLE_CHARS])
    if han >= MIN_HAN and share >= PLAIN_CHINESE:
        return decoded
    rival = most_chinese(raw, tuple(c for c in CHINESE_CODECS if c != decoded.encoding))
    # Accented Latin text also reads as GB18030, as a scatter of rarer characters: against a
    # Latin reading only plain Chinese wins.
    needed = PLAIN_CHINESE if decoded.encoding in LATIN_CODECS else share + MARGIN
    if rival and rival[2] >= needed:
        log.info("reading %s instead of chardet's %s: %.0f%% common Han against %.0f%%",
                 rival[0], decoded.encoding, 100 * rival[2], 100 * share)
        return Decoded(rival[1], rival[0], round(min(rival[2], SURE), 4))
    if decoded.encoding in LATIN_CODECS:
        return slightly_damaged_chinese(raw) or decoded
    return decoded


def slightly_damaged_chinese(raw: bytes) -> Decoded | None:
    """Return the Chinese reading that needs the fewest replacements, if it needs only a few."""
    best = None
    for codec in CHINESE_CODECS[:2]:
        text, replaced = decode_counting(raw, codec)
        share, han = common_share(text[:SAMPLE_CHARS])
        if replaced <= MAX_DAMAGE_SHARE * len(text) and han >= MIN_HAN and share >= PLAIN_CHINESE \
                and (best is None or replaced < best[2]):
            best = (text, codec, replaced)
    return damaged(best[0], best[1], DAMAGED_CAP, best[2]) if best else None


def by_detection(raw: bytes, codec: str | None, confidence: float) -> Decoded | None:
    """Decode strictly with chardet's guess, reconsidering an unsure one."""
    if codec is None:
        log.info("chardet found no candidate codec; trying fallbacks")
        return None
    text = try_strict(raw, codec)
    if text is None:
        log.info("strict %s decode failed after detection; trying fallbacks", codec)
        return None
    return reconsider(raw, Decoded(text, codec, round(confidence, 4)))


def first_strict(raw: bytes, codecs_: tuple[str, ...]) -> tuple[str, str, float] | None:
    """Return (codec, text, share) of the first codec that decodes raw strictly."""
    for codec in codecs_:
        text = try_strict(raw, codec)
        if text is not None:
            return codec, text, common_share(text[:SAMPLE_CHARS])[0]
    return None


def by_fallback(raw: bytes, codec: str | None, confidence: float) -> Decoded:
    """Decode with the most Chinese strict fallback, else with the fewest replacements."""
    found = most_chinese(raw, FALLBACKS) or first_strict(raw, FALLBACKS)
    if found:
        log.info("decoded as %s after the detected codec %s failed", found[0], codec)
        return Decoded(found[1], found[0], round(min(confidence, DAMAGED_CAP), 4))
    counted = [(decode_counting(raw, c), c) for c in dict.fromkeys([codec or FALLBACKS[0], *REPLACING])]
    (text, replaced), best = min(counted, key=lambda item: item[0][1])
    return damaged(text, best, confidence if best == codec else DAMAGED_CAP, replaced)


def check_text(decoded: Decoded) -> Decoded:
    """Refuse a decoding that is mostly control characters: the bytes were not text."""
    head = decoded.text[:SAMPLE_CHARS]
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
    """Try BOM, UTF-16/32 shape, strict UTF-8, UTF-16 Han shape, chardet's guess, then the fallbacks."""
    for step in (by_bom, by_shape, by_utf8, by_han_shape):
        found = step(raw)
        if found:
            return found
    codec, confidence = detect(raw)
    if looks_binary(raw, codec):
        raise DecodeError("binary content: no text encoding fits")
    return by_detection(raw, codec, confidence) or by_fallback(raw, codec, confidence)
