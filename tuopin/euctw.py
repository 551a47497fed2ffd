"""An EUC-TW codec (CNS 11643 planes 1 and 2), registered as "euc_tw": Python ships none."""
from __future__ import annotations

import codecs
import re
from functools import lru_cache
from importlib import resources

NAME = "euc_tw"
TABLE = "cns11643.txt"
EMPTY = "\ufffd"
PLANE_BYTE = {1: b"", 2: b"\x8e\xa2"}
PLANE_1_SHIFT = b"\x8e\xa1"  # plane 1 may also be written in its four-byte form
# ASCII runs, a plane-1 pair, a plane-2 quadruple after the single shift SS2, or one stray byte.
TOKEN = re.compile(rb"[\x00-\x7f]+|[\xa1-\xfe][\xa1-\xfe]|\x8e[\xa1-\xb0][\xa1-\xfe][\xa1-\xfe]|.", re.DOTALL)


@lru_cache(maxsize=1)
def tables() -> tuple[dict[bytes, str], dict[str, bytes]]:
    """Return the byte-to-character table and its inverse, read from the shipped data file."""
    decoding: dict[bytes, str] = {}
    text = resources.files("tuopin").joinpath("data", TABLE).read_text(encoding="utf-8")
    for line in text.splitlines():
        if line.startswith("#") or not line:
            continue
        plane, row, chars = line.split(" ", 2)
        for cell, char in enumerate(chars, start=0x21):
            if char != EMPTY:
                decoding[PLANE_BYTE[int(plane)] + bytes([int(row, 16) | 0x80, cell | 0x80])] = char
    return decoding, {char: raw for raw, char in reversed(decoding.items())}


def decode(data: bytes, errors: str = "strict") -> tuple[str, int]:
    """Decode EUC-TW bytes, handing each undecodable sequence to the named error handler."""
    data = bytes(data)
    table, out = tables()[0], []
    for m in TOKEN.finditer(data):
        token = m.group()
        if token[0] < 0x80:
            out.append(token.decode("ascii"))
        elif token in table or token[:2] == PLANE_1_SHIFT and token[2:] in table:
            out.append(table[token[2:] if token[:2] == PLANE_1_SHIFT else token])
        else:
            handler = codecs.lookup_error(errors)
            replacement, _ = handler(UnicodeDecodeError(NAME, data, m.start(), m.end(), "undefined sequence"))
            out.append(replacement)
    return "".join(out), len(data)


def encode(text: str, errors: str = "strict") -> tuple[bytes, int]:
    """Encode text as EUC-TW, handing each character outside planes 1 and 2 to the error handler."""
    inverse, out = tables()[1], []
    for i, char in enumerate(text):
        if char < "\x80":
            out.append(char.encode("ascii"))
        elif char in inverse:
            out.append(inverse[char])
        else:
            handler = codecs.lookup_error(errors)
            replacement, _ = handler(UnicodeEncodeError(NAME, text, i, i + 1, "not in CNS 11643 planes 1-2"))
            out.append(replacement.encode("ascii") if isinstance(replacement, str) else replacement)
    return b"".join(out), len(text)


def search(name: str) -> codecs.CodecInfo | None:
    """Find the codec by name for the codecs registry."""
    if name.replace("-", "_") != NAME:
        return None
    return codecs.CodecInfo(encode, decode, name=NAME)


codecs.register(search)
