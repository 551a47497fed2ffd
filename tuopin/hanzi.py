"""Tell common Chinese from characters that only a misread byte stream produces."""
from __future__ import annotations

import re

import numpy as np

HAN_RANGES = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_BLOCKS = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF))  # the same ranges as numbers
HAN = re.compile(f"[{HAN_RANGES}]")
BMP = 0x10000

# Each national standard ranks its characters: GB2312 level 1 holds the 3,755 most used
# Simplified characters, Big5 level 1 the 5,401 most used Traditional ones. Text read with
# the wrong codec lands on rarer characters far more often than real prose does.
COMMON_BLOCKS = (
    ("gb2312", range(0xB0, 0xD8), range(0xA1, 0xFF)),
    ("big5", range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)]),
)


def standard_block(codec: str, leads: range, trails) -> set[str]:
    """Return the characters of one block of a double-byte standard."""
    found = set()
    for lead in leads:
        for trail in trails:
            try:
                found.add(bytes([lead, trail]).decode(codec))
            except UnicodeDecodeError:
                continue  # the standard leaves this cell empty
    return found


# Big5's level-1 rows also hold a few symbols (row C6 ends in kana); only Han characters count.
COMMON = frozenset(c for c in set().union(*(standard_block(*block) for block in COMMON_BLOCKS)) if HAN.match(c))


# Counting over an array of code points is a hundred times faster than a regex over the text,
# which matters at tens of megabytes a second.
IS_HAN = np.zeros(BMP, dtype=bool)
for low, high in HAN_BLOCKS:
    IS_HAN[low:high + 1] = True
IS_COMMON = np.zeros(BMP, dtype=bool)
IS_COMMON[[ord(c) for c in COMMON]] = True


def code_points(text: str) -> np.ndarray:
    """Return the code points of text as an array, those beyond the BMP folded to 0."""
    points = np.frombuffer(text.encode("utf-32-le"), dtype="<u4")
    return np.where(points < BMP, points, 0)


def count_han(text: str) -> int:
    """Count the Han characters of text."""
    return int(np.count_nonzero(IS_HAN[code_points(text)]))


def common_share(text: str) -> tuple[float, int]:
    """Return the share of Han characters in text that are common, and how many Han there are."""
    points = code_points(text)
    han = int(np.count_nonzero(IS_HAN[points]))
    if not han:
        return 0.0, 0
    return int(np.count_nonzero(IS_COMMON[points])) / han, han
