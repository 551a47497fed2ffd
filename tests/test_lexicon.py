"""Where the rules look for figures: the fast scan finds every place the plain definition does."""
import shutil

import pytest
from hypothesis import given, strategies as st

from tuopin.config import load_settings
from tuopin.lexicon import QUANTITY_RE, QUANTITY_START, RULE_BREAKS, Lexicon, LexiconError, Scan, quantity_starts

from conftest import SEEDS

RULES = Lexicon.from_dir(load_settings().seeds_dir).rules
# Pieces of real sentences (seeds 000, 002, 004): figures, measure words, triggers, years, breaks.
PIECES = ["减贫", "2078", "户", "5222", "人", ",", "1.26", "万", "三千二百", "贫困村", "个", "退出", "摘帽",
          "脱贫", "2020年", "近", "多", "余", "、", "由", "降至", "%", "24.8", "贫困发生率", "建档立卡", "贫困户",
          "32,076", "。", "易地扶贫搬迁", "元", "亿", "驻村工作队", "支", "全县", "累计", "一百", "两万", ";", "\n",
          "分别为", "危房改造", "培训", "转移就业", "资金", "用于", "剩余", "未", "“插花型”", "(区)"]
# Every word some rule needs, so that random text meets them.
PIECES += sorted({word for rule in RULES for word in rule.words or ()})


def plain_starts(text: str) -> list[int]:
    """The definition the scan shortcuts: every position where a figure can begin and a quantity reads."""
    return [i for i in range(len(text)) if QUANTITY_START.match(text, i) and QUANTITY_RE.match(text, i)]


def test_figures_begin_at_their_first_character_only():
    text = "减贫2078户5222人,1.26万人,三千二百户,2020年"
    assert [text[i:i + 3] for i in quantity_starts(text)] == ["207", "522", "1.2", "三千二"]


def test_thousands_separators_and_prefix_nouns():
    text = "贫困户32,076户"
    starts = quantity_starts(text)
    assert 0 in starts and text.index("32") in starts and text.index("076") not in starts


@given(st.lists(st.sampled_from(PIECES), max_size=30).map("".join))
def test_the_scan_finds_what_the_definition_finds(text):
    assert quantity_starts(text) == plain_starts(text)


def plain_matches(rule, text: str) -> list[tuple[int, int]]:
    """A rule's matches without the shortcuts: a rule opening with its figures tried wherever one can begin."""
    if not rule.pattern.pattern.startswith("(?P<q>"):
        return [m.span() for m in rule.pattern.finditer(text)]
    found, after = [], 0
    for start in (i for i in range(len(text)) if QUANTITY_START.match(text, i)):
        m = rule.pattern.match(text, start) if start >= after else None
        if m:
            found.append(m.span())
            after = max(m.end(), start + 1)
    return found


def test_both_kinds_of_rule_are_tried_by_the_shortcuts():
    assert any(rule.searches_fast for rule in RULES) and not all(rule.searches_fast for rule in RULES)


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_rules_match_the_same_with_every_shortcut_as_without(text):
    scan = Scan.of(text)
    for rule in RULES:
        assert [m.span() for m in rule.finditer(scan)] == plain_matches(rule, text), rule.pattern.pattern[:60]


@given(st.lists(st.sampled_from(PIECES), max_size=40).map("".join))
def test_what_a_rule_is_said_to_need_every_match_has(text):
    for rule in RULES:
        for start, end in plain_matches(rule, text):
            matched = text[start:end]
            reach = text[max(0, start - max(map(len, rule.words or [""]))):end]  # a lookbehind's words
            assert rule.words is None or any(word in reach for word in rule.words)
            assert not rule.in_clause or not any(ch in matched for ch in RULE_BREAKS)


def test_a_rule_whose_context_scope_is_unknown_fails_loudly(tmp_path):
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds, ignore=shutil.ignore_patterns("articles"))
    with open(seeds / "lexicon.csv", "a", encoding="utf-8") as handle:
        handle.write("poverty_funds,扶贫资金{Q},扶贫,,chapter\n")
    with pytest.raises(LexiconError, match="scope 'chapter'; use one of sentence, paragraph"):
        Lexicon.from_dir(seeds)
