"""Reading what a pattern needs: the words every match holds, and whether a match stays in a sentence."""
import re

import pytest
from hypothesis import given, strategies as st

from tuopin.prefilter import required_words, searches_fast, stays_within


def test_the_most_telling_words_of_a_sequence():
    assert required_words(re.compile(r"\d+(?:个)?(?:已经|已)*(?:退出|出列|摘帽)")) == {"退出", "出列", "摘帽"}
    assert required_words(re.compile(r"贫困发生率[^,]{0,8}?\d+%")) == {"贫困发生率"}


def test_optional_parts_and_lookaheads_need_nothing():
    assert required_words(re.compile(r"(?:脱贫)?\d+人")) == {"人"}
    assert required_words(re.compile(r"(?=工作队)\d+")) is None
    assert required_words(re.compile(r"\d+(?<=工作队)")) == {"工作队"}  # ends inside the match
    assert required_words(re.compile(r"(?:脱贫|)\d+")) is None
    assert required_words(re.compile(r"(?i)copyright")) is None


def test_what_can_run_past_a_sentence_break():
    breaks = ";。!?\n"
    assert stays_within(re.compile(r"培训[^,;。!?\n\d]{0,8}?\d+人"), breaks)
    assert not stays_within(re.compile(r"培训.{0,8}?\d+人"), breaks)
    assert not stays_within(re.compile(r"培训[^,]{0,8}?\d+人"), breaks)
    assert not stays_within(re.compile(r"培训\s*\d+人"), breaks)  # \s takes a line break
    assert stays_within(re.compile(r"(?=。)培训\d+人"), breaks)  # a lookahead takes nothing in


def test_which_patterns_the_engine_searches_for_by_their_opening():
    assert searches_fast(re.compile(r"易地扶贫搬迁\d+户"))  # a literal prefix
    assert searches_fast(re.compile(r"[脱减]贫\d+人"))  # a set of opening characters
    assert not searches_fast(re.compile(r"\d+人(?:已经)?脱贫"))  # opens with a figure: our scan is faster
    assert not searches_fast(re.compile(r"(?:累计)?\d+人"))  # an optional opening: any character can begin


PIECES = ["脱贫", "退出", "摘帽", "人", "户", "1", "23", ",", "。", "\n", "已", "培训", "a", " "]
PATTERNS = [r"\d+(?:户|人)(?:已经|已)*(?:脱贫|退出)", r"培训[^,;。!?\n\d]{0,8}?\d+人", r"(?:脱贫)?\d+人",
            r"(?:退出|摘帽)(?:了)?\d+", r"已+\d", r"\d+[户人]?(?<=脱贫1)"]


@given(st.sampled_from(PATTERNS), st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_every_match_holds_a_needed_word_and_stays_in_its_sentence(pattern, text):
    compiled = re.compile(pattern)
    words, within = required_words(compiled), stays_within(compiled, "。\n")
    for m in compiled.finditer(text):
        reach = text[max(0, m.start() - max(map(len, words or [""]))):m.end()]  # a lookbehind's words
        assert words is None or any(word in reach for word in words)
        assert not within or not any(ch in m.group() for ch in "。\n")


def test_a_shared_part_is_parsed_once_into_the_same_tree_as_the_whole_pattern():
    from pathlib import Path
    from re import _parser as parser

    from tuopin.lexicon import Lexicon
    from tuopin.prefilter import parsed, plain
    rules = Lexicon.from_dir(Path(__file__).resolve().parents[1] / "seeds").rules
    for rule in rules:
        assert plain(parsed(rule.pattern)) == plain(parser.parse(rule.pattern.pattern, rule.pattern.flags))


def test_a_shared_part_standing_other_than_alone_in_a_group_is_parsed_with_the_pattern(monkeypatch):
    from re import _parser as parser

    from tuopin import prefilter
    monkeypatch.setattr(prefilter, "FRAGMENTS", {})
    prefilter.share_fragment("贫困(?:人口|户)")
    for pattern in (r"(?P<q>贫困(?:人口|户))\d+人", r"(?:脱贫|贫困(?:人口|户))\d+人", r"贫困(?:人口|户)+\d+户",
                    r"[贫困(?:人口|户)]"):
        compiled = re.compile(pattern)
        assert prefilter.plain(prefilter.parsed(compiled)) == prefilter.plain(parser.parse(pattern)), pattern
    assert required_words(re.compile(r"(?P<q>贫困(?:人口|户))\d+人")) == {"贫困"}
    with pytest.raises(ValueError):
        prefilter.share_fragment("(贫困)")


GATE_PATTERNS = [r"(?:不得|禁止|严禁)转载|版权所有", r"(?i)copyright|©|all rights reserved", r"(?<!\d)\d{1,2}月\d{1,2}日",
                 r"\s*(?:_|\||--|\s[-–]\s)\s*", r"(?:ICP)?\d+号?", r"(?:责任)?编辑[::]\S{1,4}", r"[ \t]*[|｜][ \t]*|[ ]{2,}"]
GATE_PIECES = ["不得", "转载", "版权所有", "COPYRIGHT", "©", "All Rights Reserved", "5月1日", "12", "_", "|", " - ",
               "ICP", "号", "责任", "编辑:", "张三", "  ", "\t", "a", "脱贫", "。"]


@given(st.sampled_from(GATE_PATTERNS), st.lists(st.sampled_from(GATE_PIECES), max_size=20).map("".join))
def test_a_gated_pattern_finds_what_the_pattern_finds(pattern, text):
    from tuopin.prefilter import gated
    plain_pattern = re.compile(pattern)
    faster = gated(plain_pattern)
    assert [(m.span(), m.groups()) for m in faster.finditer(text)] == \
           [(m.span(), m.groups()) for m in plain_pattern.finditer(text)]
    assert faster.split(text) == plain_pattern.split(text)


def test_which_patterns_are_gated():
    from tuopin.prefilter import gated
    assert gated(re.compile(r"(?:不得|禁止)?转载|版权所有")).pattern.startswith("(?=[")
    assert gated(re.compile(r"copyright|©", re.IGNORECASE)).pattern.startswith("(?=[")
    assert gated(re.compile(r"(?i)copyright|©")).pattern.startswith("(?i)")  # inline flags stay first
    for opening_known in (r"版权所有", r"[版免]权", r"(?:不得|禁止)转载", r"^(?:不得|禁止)转载", r"\w+转载", r"(?:不得)?(?:转载)?", r"[^,]转载"):
        compiled = re.compile(opening_known)
        assert gated(compiled) is compiled, opening_known  # the engine skips alone, or nothing is known


def test_the_gated_patterns_of_clean_find_what_they_stand_for_on_every_evaluation_line():
    from pathlib import Path

    from tuopin import clean  # noqa: F401  gates its patterns
    from tuopin.decode import decode
    from tuopin.prefilter import GATED
    from tuopin.repair import repair
    root = Path(__file__).resolve().parent / "data" / "eval"
    lines = [line for path in sorted(root.rglob("*.*")) if path.suffix in (".txt", ".html")
             for line in repair(decode(path.read_bytes()).text).text.splitlines()]
    assert len(GATED) >= 10
    for faster, pattern in GATED.items():
        assert [[m.span() for m in faster.finditer(line)] for line in lines] == \
               [[m.span() for m in pattern.finditer(line)] for line in lines], pattern.pattern
