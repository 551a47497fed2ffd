"""Repair decoded text: full-width forms, inline pinyin annotations, Traditional to Simplified."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import opencc

# Full-width ASCII variants U+FF01..U+FF5E map to U+0021..U+007E; the ideographic space to a space.
FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ"

# Mirror sites print pinyin after every character whose Traditional form differs:
# 報(bào), 攻堅(jiān). Only a bracket that directly follows a Han character and holds
# one lowercase syllable qualifies, so 鄉(鎮), (记者 王晶晶) and (AAAAA) stay.
PINYIN_ANNOTATION = re.compile(rf"(?<=[{HAN}])\(([a-z{TONED}ü]{{1,7}})\)")
SYLLABLE = re.compile(
    r"(?:[bpmfdtnlgkhjqxrzcsyw]|zh|ch|sh)?"
    r"(?:a|o|e|ai|ei|ao|ou|an|en|ang|eng|ong|er|i|u|ü|v|in|ing|un|ia|ie|iu|ua|uo|ui|ue|üe|"
    r"iao|ian|iang|iong|uai|uan|uang|n|ng|m)"
)
TONE_FREE = str.maketrans("āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ", "aaaaeeeeiiiioooouuuuüüüünnnm")

SPAN_SAMPLES = 20


@dataclass(frozen=True)
class Repaired:
    text: str
    script: str
    repairs: dict = field(default_factory=dict)


@lru_cache(maxsize=2)
def converter(config: str) -> opencc.OpenCC:
    """Return a cached OpenCC converter (building one parses its dictionaries)."""
    return opencc.OpenCC(config)


def to_halfwidth(text: str) -> tuple[str, int]:
    """Replace full-width digits, letters and punctuation with ASCII; return the count."""
    converted = text.translate(FULLWIDTH)
    return converted, sum(a != b for a, b in zip(text, converted))


def is_pinyin(token: str) -> bool:
    """Tell whether token is one pinyin syllable, with or without tone marks."""
    return SYLLABLE.fullmatch(token.translate(TONE_FREE)) is not None


def strip_pinyin(text: str) -> tuple[str, list[str]]:
    """Remove pinyin annotations that follow a Han character; return the removed spans."""
    removed: list[str] = []

    def drop(match: re.Match) -> str:
        if not is_pinyin(match.group(1)):
            return match.group(0)
        removed.append(match.group(0))
        return ""

    return PINYIN_ANNOTATION.sub(drop, text), removed


def count_changed(before: str, after: str) -> int:
    """Count characters a same-length conversion changed."""
    if len(before) != len(after):
        return abs(len(before) - len(after)) + sum(a != b for a, b in zip(before, after))
    return sum(a != b for a, b in zip(before, after))


def detect_script(text: str, simplified: str) -> str:
    """Classify text as simplified, traditional or mixed from what each conversion changes."""
    han = len(re.findall(f"[{HAN}]", text)) or 1
    traditional_share = count_changed(text, simplified) / han
    simplified_share = count_changed(text, converter("s2t").convert(text)) / han
    if traditional_share < 0.01:
        return "simplified"
    if simplified_share < 0.01 or traditional_share > 10 * simplified_share:
        return "traditional"
    return "mixed"


def repair(text: str) -> Repaired:
    """Return text with full-width forms, pinyin annotations and Traditional script repaired."""
    text, fullwidth = to_halfwidth(text)
    text, pinyin = strip_pinyin(text)
    simplified = converter("t2s").convert(text)
    script = detect_script(text, simplified)
    repairs = {
        "fullwidth_chars": fullwidth,
        "pinyin_annotations": len(pinyin),
        "pinyin_samples": pinyin[:SPAN_SAMPLES],
        "traditional_chars_converted": count_changed(text, simplified),
    }
    return Repaired(simplified, script, repairs)
