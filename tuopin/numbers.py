"""Parse numbers as Chinese news writes them: 1.26万, 3.72亿, 1,234, 三千二百, 两万."""
from __future__ import annotations

import re

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
          "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}
MULTIPLIERS = {"千": 1_000, "万": 10_000, "十万": 100_000, "百万": 1_000_000,
               "千万": 10_000_000, "亿": 100_000_000, "万亿": 1_000_000_000_000}

ARABIC = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
CHINESE = "[零〇一二两三四五六七八九十百千万亿]+"
# 十四点二, 零点五: a whole number, 点, then one digit after another
DECIMAL_POINT = "点"
CHINESE_DECIMAL = f"{CHINESE}{DECIMAL_POINT}[零〇一二三四五六七八九]+"
MULTIPLIER = "万亿|千万|百万|十万|万|亿|千"
ARABIC_RE = re.compile(rf"(?:{ARABIC})")
CHINESE_RE = re.compile(CHINESE)


def parse_chinese(text: str) -> float | None:
    """Return the value of a Chinese numeral such as 三千二百, 一百零五 or 十四点二, or None."""
    whole, point, fraction = text.partition(DECIMAL_POINT)
    if point:
        value = parse_chinese(whole)
        if value is None or not fraction or any(char not in DIGITS or char == "两" for char in fraction):
            return None
        return float(f"{int(value)}." + "".join(str(DIGITS[char]) for char in fraction))
    if not text or not CHINESE_RE.fullmatch(text):
        return None
    total, wan, section, digit = 0, 0, 0, None
    for char in text:
        if char in DIGITS:
            if digit is not None and digit != 0:
                return None  # 三四 is a range or a typo, not a number
            digit = DIGITS[char]
        elif char in SMALL_UNITS:
            section += (1 if digit is None else digit) * SMALL_UNITS[char]
            digit = None
        elif char == "万":
            wan += (section + (digit or 0)) * LARGE_UNITS[char]
            section, digit = 0, None
        else:
            total += (wan + section + (digit or 0)) * LARGE_UNITS[char]
            wan, section, digit = 0, 0, None
    value = total + wan + section + (digit or 0)
    if value == 0 and not set(text) & {"零", "〇"}:
        return None  # a bare 万 or 亿 is a word, not a number
    return float(value)


def parse_number(number: str, multiplier: str | None = None) -> float | None:
    """Return the value of an Arabic or Chinese numeral times an optional 万/亿/千 multiplier."""
    number = number.strip()
    if ARABIC_RE.fullmatch(number):
        value = float(number.replace(",", ""))
    else:
        value = parse_chinese(number)
    if value is None:
        return None
    if multiplier:
        if multiplier not in MULTIPLIERS:
            return None
        value *= MULTIPLIERS[multiplier]
    return round(value, 6)
