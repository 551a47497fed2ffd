"""Repair decoded text: mojibake, full-width forms, inline pinyin annotations, Traditional to Simplified."""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import opencc

from tuopin.hanzi import HAN_BLOCKS, HAN_RANGES, code_points, count_han
from tuopin.mojibake import KINDS, PINYIN_LETTERS, TONED, Span, find_mojibake, fix_mojibake, is_pinyin

__all__ = ["Repaired", "converter", "detect_script", "find_mojibake", "repair", "strip_pinyin", "to_halfwidth"]

# Full-width ASCII variants U+FF01..U+FF5E map to U+0021..U+007E; the ideographic space to a space.
FULLWIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
FULLWIDTH_RE = re.compile("[\uff01-\uff5e\u3000]")

HAN = HAN_RANGES

# Mirror sites print pinyin after every character whose Traditional form differs:
# 報(bào), 攻堅(jiān). Only a bracket that directly follows a Han character and holds
# one lowercase syllable qualifies, so 鄉(鎮), (记者 王晶晶) and (AAAAA) stay.
# (The bracket comes first in the pattern so that the regex engine can scan for it.)
PINYIN_ANNOTATION = re.compile(rf"\((?<=[{HAN}]\()([{PINYIN_LETTERS}]{{1,7}})\)")
# The same annotation with its opening bracket lost in the bytes (報bào)); a tone mark is
# required, so that no English word before a real closing bracket can qualify.
PINYIN_WITHOUT_OPENING = re.compile(
    rf"(?<=[{HAN}])([{PINYIN_LETTERS}]{{0,6}}[{TONED}][{PINYIN_LETTERS}]{{0,6}})\)")
TONED_BEFORE_BRACKET = re.compile(rf"[{TONED}][{PINYIN_LETTERS}]{{0,6}}\)")  # a quick test for it

# Marked mojibake stands in for the text while the rest is converted: a Unicode noncharacter,
# which no document contains and OpenCC passes through.
PLACEHOLDER = "\ufdd0"
SPAN_SAMPLES = 20
SAMPLE_CHARS = 40


@dataclass(frozen=True)
class Repaired:
    text: str
    script: str
    repairs: dict = field(default_factory=dict)


@lru_cache(maxsize=4)
def converter(config: str) -> opencc.OpenCC:
    """Return a cached OpenCC converter (building one parses its dictionaries)."""
    return opencc.OpenCC(config)


def to_halfwidth(text: str) -> tuple[str, int]:
    """Replace full-width digits, letters and punctuation with ASCII; return the count."""
    if not FULLWIDTH_RE.search(text):
        return text, 0
    return text.translate(FULLWIDTH), len(FULLWIDTH_RE.findall(text))


def strip_pinyin(text: str) -> tuple[str, list[str]]:
    """Remove pinyin annotations that follow a Han character; return the removed spans."""
    removed: list[str] = []
    for pattern, shape in ((PINYIN_ANNOTATION, "({})"), (PINYIN_WITHOUT_OPENING, "{})")):
        if pattern is PINYIN_WITHOUT_OPENING and not TONED_BEFORE_BRACKET.search(text):
            break
        tokens = pattern.findall(text)
        if not tokens:
            continue
        if all(map(is_pinyin, set(tokens))):
            # The common case, a page of valid syllables, needs no per-match callback.
            text = pattern.sub("", text)
            removed += [shape.format(t) for t in tokens]
        else:
            text = pattern.sub(lambda m: drop_if_pinyin(m, removed), text)
    return text, removed


def drop_if_pinyin(match: re.Match, removed: list[str]) -> str:
    """Return "" for an annotation holding one pinyin syllable (recording it), else the match."""
    if not is_pinyin(match.group(1)):
        return match.group(0)
    removed.append(match.group(0))
    return ""


def count_changed(before: str, after: str) -> int:
    """Count characters a conversion changed (OpenCC keeps lengths; a length change counts too)."""
    if before == after:
        return 0
    size = min(len(before), len(after))
    differing = np.count_nonzero(np.frombuffer(before[:size].encode("utf-32-le"), dtype="<u4")
                                 != np.frombuffer(after[:size].encode("utf-32-le"), dtype="<u4"))
    return abs(len(before) - len(after)) + int(differing)


def han_table(chars) -> np.ndarray:
    """Return a lookup table, indexed by code point, that is true for chars."""
    table = np.zeros(0x10000, dtype=bool)
    table[[ord(c) for c in chars]] = True
    return table


def changed_alone(config: str) -> list[str]:
    """Return the Han characters an OpenCC conversion changes on their own."""
    han = "".join(chr(c) for low, high in HAN_BLOCKS for c in range(low, high + 1))
    return [a for a, b in zip(han, converter(config).convert(han)) if a != b]


@lru_cache(maxsize=1)
def traditional_table() -> np.ndarray:
    """Return a lookup table of the Han characters OpenCC's t2s changes on their own."""
    return han_table(changed_alone("t2s"))


@lru_cache(maxsize=1)
def simplified_table() -> np.ndarray:
    """Return a lookup table of the Simplified-only characters: s2t changes them and Big5-HKSCS lacks them."""
    # s2t alone would also count 干, 台, 里 and 只, which Traditional text uses in their own right
    # (若干, 台灣, 公里): a Big5 page can hold them, so they say nothing about the script.
    return han_table(c for c in changed_alone("s2t") if not encodable(c, "big5hkscs"))


def encodable(char: str, codec: str) -> bool:
    """Tell whether codec can encode char."""
    try:
        char.encode(codec)
        return True
    except UnicodeEncodeError:
        return False


def to_simplified(text: str) -> str:
    """Convert text to Simplified with OpenCC, skipping the conversion when there is nothing to convert."""
    # No seed and none of the 35 test web pages changes under t2s without one of these characters;
    # skipping the call saves a third of the repair time of a Simplified article.
    if not traditional_table()[code_points(text)].any():
        return text
    return converter("t2s").convert(text)


def detect_script(text: str, simplified: str, changed: int | None = None) -> str:
    """Classify text as simplified, traditional or mixed from what t2s changes and what is Simplified-only."""
    han = count_han(text) or 1
    traditional_share = (count_changed(text, simplified) if changed is None else changed) / han
    if traditional_share < 0.01:
        return "simplified"
    simplified_share = int(np.count_nonzero(simplified_table()[code_points(text)])) / han
    if simplified_share < 0.01 or traditional_share > 10 * simplified_share:
        return "traditional"
    return "mixed"


def protect(text: str, marked: list[tuple[int, int]]) -> tuple[str, list[str]]:
    """Put a placeholder where each marked span is, so later steps leave its characters alone."""
    if not marked or PLACEHOLDER in text:
        return text, []
    pieces, kept, at = [], [], 0
    for start, end in marked:
        pieces += [text[at:start], PLACEHOLDER]
        kept.append(text[start:end])
        at = end
    pieces.append(text[at:])
    return "".join(pieces), kept


def restore(text: str, kept: list[str]) -> str:
    """Put the marked spans back in place of their placeholders."""
    if not kept:
        return text
    parts = text.split(PLACEHOLDER)
    return parts[0] + "".join(span + part for span, part in zip(kept, parts[1:]))


def sample(text: str, span: Span) -> dict:
    """Describe one mojibake span for the repairs record."""
    return {"kind": span.kind, "start": span.start, "text": text[span.start:span.end][:SAMPLE_CHARS],
            "repaired": span.fixed[:SAMPLE_CHARS] if span.fixed is not None else None}


def mojibake_record(text: str, spans: list[Span]) -> dict:
    """Count repaired and marked mojibake spans per kind, with a bounded sample of them."""
    repaired = Counter(s.kind for s in spans if s.fixed is not None)
    marked = Counter(s.kind for s in spans if s.fixed is None)
    return {
        "mojibake_repaired": {k: repaired[k] for k in KINDS if repaired[k]},
        "mojibake_marked": {k: marked[k] for k in KINDS if marked[k]},
        "mojibake_lost_chars": sum(s.lost for s in spans),
        "mojibake_samples": [sample(text, s) for s in spans[:SPAN_SAMPLES]],
    }


def repair(text: str) -> Repaired:
    """Return text with mojibake, full-width forms, pinyin annotations and Traditional script repaired."""
    original = text
    text, spans, marked = fix_mojibake(text)
    text, kept = protect(text, marked)
    text, fullwidth = to_halfwidth(text)
    text, pinyin = strip_pinyin(text)
    broken = sum(s.rubies for s in spans) + sum(not removed.startswith("(") for removed in pinyin)
    simplified = to_simplified(text)
    changed = count_changed(text, simplified)
    script = detect_script(text, simplified, changed)
    repairs = {
        "fullwidth_chars": fullwidth,
        "pinyin_annotations": len(pinyin) + sum(s.rubies for s in spans),
        "pinyin_broken": broken,
        "pinyin_samples": pinyin[:SPAN_SAMPLES],
        "traditional_chars_converted": changed,
        **mojibake_record(original, spans),
    }
    return Repaired(restore(simplified, kept), script, repairs)
