"""The indicator taxonomy and its trigger patterns, read from data files in seeds/."""
from __future__ import annotations

import csv
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from tuopin import numbers, prefilter

# Words that tell what a figure counts. Measure words first, then nouns that can stand in
# for one (8.79万贫困人口) or pin down a bare 个 (54个贫困村, 5个“插花型”贫困县区, 32个深度贫困村).
MEASURES = "人次|人|名|户|个|支|家|元|%"
# 省定相对贫困村 (Guangdong's relatively poor villages): a kind may itself be qualified
MODIFIER = "(?:“[^”\\d;。!?\\n]{1,8}”|深度|重点|省级|市级|县级|国家级|国家|国定|国贫|省贫|省定|市定|插花型?|未摘帽|未出列)?(?:相对)?"
NOUNS = ("扶贫开发工作重点县|扶贫开发工作重点村|扶贫工作重点县|扶贫工作重点村|扶贫开发重点县|扶贫开发重点村|扶贫重点县|扶贫重点村|重点贫困县|重点贫困村|"
         "农村贫困人口|农村贫困群众|未脱贫人口|未脱贫群众|未脱贫户|贫困县市区|贫困县区|贫困县市|贫困区县|贫困县|贫困村|贫困嘎查|嘎查村|嘎查|贫困户|贫困人口|贫困群众|驻村帮扶工作队|驻村扶贫工作队|驻村工作队|"
         "帮扶工作队|扶贫工作队|工作队|县市区|县区|县市|区县|市县|贫困旗县|旗县市区|旗县区|旗县|县|人口|村")
# 建档立卡 (identified and registered as poor), or its short form 建卡.
REGISTERED = "(?:建档立卡|建卡)"
PREFIX_NOUNS = f"{REGISTERED}?(?:贫困村|贫困户|贫困人口|贫困县|贫困嘎查)"
APPROX_BEFORE = "近|约|逾|超过"
APPROX_AFTER = "多|余"
PERCENT_WORD = "百分之"
# A change between two figures: 由24.8%降至2.78% (the first is the baseline).
CHANGE_VERB = "(?:下降|降低|减少|降|减|提高|提升|增加|增长|上升|增)"
YEAR_TOKEN = "(?:(?:19|20)\\d\\d|(?:一九|二〇|二零)[〇零一二三四五六七八九]{2})年(?:底|末|初)?"
# 从23.86%（2015年底）一路降到了1.12%: the first figure's time may stand after it, and the way down
# before the verb
CHANGE = f"(?:[（(]{YEAR_TOKEN}[）)])?(?:一路|逐步|逐年|持续|进一步|大幅)?{CHANGE_VERB}(?:至|到|为)了?"
# 由2014年的3.2万人减少到2019年的1200人 (or 目前的5个): a change may name the time of its second figure.
CHANGE_TIME = f"(?:(?:{YEAR_TOKEN}|目前|现在|当前|(?:今年|去年|上年)(?:底|末|年底)?)的?)?"
# 由2012年底的22.9%下降到2014年底的14.5%、2017年底的6%: a list of a change's later figures may date each
SEPARATOR = f"(?:、(?:{YEAR_TOKEN}的)?|,|和|及|与|以及|{CHANGE}{CHANGE_TIME})"
NUMBER = f"(?:{numbers.ARABIC}|{numbers.CHINESE_DECIMAL}|[零〇二两三四五六七八九十百千万亿][零〇一二两三四五六七八九十百千万亿]*|一[零〇一二两三四五六七八九十百千万亿]+)"

QUANTITY = (
    f"(?P<prefix>{PREFIX_NOUNS})?(?P<approx_before>{APPROX_BEFORE})?"
    # 贫困发生率降至百分之十四点二: a share written out in words
    f"(?:(?P<percent_word>{PERCENT_WORD})(?P<percent_number>{NUMBER})|"
    f"(?P<number>{NUMBER})(?:(?P<approx_mid>{APPROX_AFTER})(?={numbers.MULTIPLIER}))?"
    f"(?P<multiplier>{numbers.MULTIPLIER})?(?P<approx_after>{APPROX_AFTER})?"
    f"(?:(?P<measure>{MEASURES})(?P<noun>{MODIFIER}{REGISTERED}?(?:{NOUNS}))?"
    f"|(?P<bare_noun>{REGISTERED}?(?:{NOUNS}))"
    # 减少农村贫困人口110万, 脱贫人数达1.3万: a large figure ending its clause, what it counts said before
    f"|(?P<bare_large>(?<=[万亿])(?=[,;。!?、\n]|$))"
    # 贫困发生率从33.6%下降为0: nothing left needs no unit
    f"|(?P<bare_zero>(?<=[为至到][0零])(?=[,;。!?、\n]|$))))"
)
QUANTITY_RE = re.compile(QUANTITY)
CHANGE_RE = re.compile(CHANGE)
PLAIN_QUANTITY = re.sub(r"\(\?P<\w+>", "(?:", QUANTITY)
SEQUENCE = f"(?:{PLAIN_QUANTITY})(?:{SEPARATOR}?(?:{PLAIN_QUANTITY})){{0,6}}"

# A gap never crosses a clause break or another figure, but may hold a year:
# 贫困发生率从2014年的12.5%下降到0.5%.
NO_BREAK = f"(?:[^,;。!?\\n\\d]|{YEAR_TOKEN})"
# A gap may open with the short name a text gives what it just named, which is no word of the gap:
# 扶贫小额信贷（以下简称“小额信贷”）截至目前累计发放8624万元.
ALIAS = r"(?:[（(](?:以下简称|以下称|下称|简称)[^（）(),;。!?\n\d]{1,12}[）)])?"
# The short gap does not cross a list either: 危房改造、1097户非建卡特殊困难户 is another item.
GAPS = {"……": f"{ALIAS}{NO_BREAK}{{0,20}}?", "…": f"{ALIAS}(?:[^,;。!?\\n\\d、]|{YEAR_TOKEN}){{0,8}}?"}
# Units a bare 个 or 支 can count, and the words before it that name the thing (选派驻村工作队120支,
# but not 剩余6个问题); a county's own name (洛南县退出31个: villages) names no county counted.
COUNTED_UNITS = {"village": re.compile("村|嘎查"), "team": re.compile("工作队"),
                 "county": re.compile("(?:贫困|重点|摘帽|出列|个|各|[区市旗])县|县(?:区|市|旗|[(（])")}


# 贫困县、贫困村分别退出2个、54个: the labels of a list and where a figure stands among its figures.
RESPECTIVELY = "分别"
# 紫金县、龙川县、和平县: right after 、 (or opening the list), 和 begins a name; it joins nothing
LIST_LABEL_BREAK = re.compile("、|(?<=[^、])[和及与]")


def list_position(lead: str) -> tuple[list[tuple[int, int]], int] | None:
    """Return the label spans of the 分别 list whose figures lead ends, and the next figure's place."""
    at = lead.rfind(RESPECTIVELY)
    if at == -1:
        return None
    cuts = [0] + [m.end() for m in LIST_LABEL_BREAK.finditer(lead, 0, at)] + [at + 1]
    labels = [(start, end - 1) for start, end in zip(cuts, cuts[1:]) if end - 1 > start]
    # 分别由19.3%、17.4%降至0.75%和0.89%: the figures after the change count their places afresh;
    # 分别实现3215户13506人、2148户8327人: figures written together are one place's
    changes = [m.end() for m in CHANGE_RE.finditer(lead, at)]
    place, last_end = 0, None
    for m in QUANTITY_RE.finditer(lead, changes[-1] if changes else at):
        place += last_end is None or m.start() > last_end
        last_end = m.end()
    if last_end is not None and last_end == len(lead):
        place -= 1  # the figure goes on the place of the one written right before it
    return (labels, place) if place < len(labels) else None


def own_label(lead: str) -> tuple[int, int] | None:
    """Return the span in lead of the label its figure stands for, in a 分别 list of several labels."""
    listed = list_position(lead)
    if not listed or len(listed[0]) < 2:
        return None
    labels, place = listed
    return labels[place]


@lru_cache(maxsize=8)
def break_positions(text: str, breaks: str) -> list[int]:
    """Return, in order, where text holds one of the break characters (a body is asked many times)."""
    return [m.start() for m in re.finditer(f"[{re.escape(breaks)}]", text)]


@dataclass(frozen=True)
class Indicator:
    code: str
    name_zh: str
    name_en: str
    unit: str
    category: str
    # 培训贫困劳动力1.2万人次: trainings and job placements are often counted in person-times
    counts_person_times: bool = False
    # the last year the indicator can be about: the campaign's exits ended in 2020, so an exit a later
    # article reports without a year of its own (全省232.3万建档立卡贫困人口全部脱贫) happened by then
    last_year: int | None = None
    # what there is at a time (剩余贫困人口, 建档立卡贫困户), not what was done in one: a plan in an earlier
    # clause does not carry over to it, nor does a time named after it date it (禾库镇将…,对全镇尚未脱贫的
    # 38户91人逐户落实帮扶措施,确保明年全部脱贫: 38户 remain now)
    stock: bool = False


# Where a run of figures can begin: a noun before the figure, an approximation, or a numeral that
# does not continue another (the 2 of 5222人 or of 1.26万 begins no figure; neither does the 二 of 三千二百).
CHINESE_DIGITS = "零〇一二两三四五六七八九十百千万亿"
QUANTITY_START = re.compile(f"(?={PREFIX_NOUNS}|{APPROX_BEFORE}|{PERCENT_WORD})|"
                            f"(?<![\\d.．])(?<!\\d[,，])(?=\\d)|(?<![{CHINESE_DIGITS}])(?=[零〇二两三四五六七八九十]|一[{CHINESE_DIGITS}])")


# The characters QUANTITY_START can stand before: the scan skips every other one in C, and tests
# QUANTITY_START there in C too.
QUANTITY_FIRST = re.compile(f"[\\d{CHINESE_DIGITS}建贫{APPROX_BEFORE.replace('|', '')}]")
QUANTITY_SCAN = re.compile(f"(?={QUANTITY_FIRST.pattern})(?:{QUANTITY_START.pattern})")


def quantity_starts(text: str) -> list[int]:
    """Return where a run of figures begins in text: a start at which a quantity matches."""
    return [i for i in (m.start() for m in QUANTITY_SCAN.finditer(text)) if QUANTITY_RE.match(text, i)]


# The breaks a sentence ends at (a run of figures may hold a comma: 2078户,5222人); a rule whose
# matches never take one in is tried sentence by sentence.
RULE_BREAKS = ";。!?\n"


@dataclass(frozen=True)
class Scan:
    """A document as the rules read it: its text, where quantities begin, where sentences break."""
    text: str
    starts: list[int]
    breaks: list[int]
    sentences: list[int] = field(default_factory=list)  # the sentence of each start
    found: dict = field(default_factory=dict)  # words -> {sentence: where one of them last begins}

    @classmethod
    def of(cls, text: str) -> "Scan":
        starts, breaks = quantity_starts(text), break_positions(text, RULE_BREAKS)
        return cls(text, starts, breaks, [bisect_left(breaks, start) for start in starts])

    def last_words(self, words: frozenset[str]) -> dict[int, int]:
        """Return, per sentence holding one of the words, where the last of them begins."""
        if words not in self.found:
            last: dict[int, int] = {}
            text, breaks = self.text, self.breaks
            for word in words:  # from the end: the last of a sentence, then on before the sentence
                at = text.rfind(word)
                while at != -1:
                    sentence = bisect_left(breaks, at)
                    if last.get(sentence, -1) < at:
                        last[sentence] = at
                    if not sentence:
                        break
                    at = text.rfind(word, 0, breaks[sentence - 1] + len(word))  # beginning before its break
            self.found[words] = last
        return self.found[words]


@dataclass(frozen=True)
class Rule:
    indicators: tuple[Indicator, ...]
    pattern: re.Pattern
    context: re.Pattern | None
    exclude: re.Pattern | None
    rank: int
    # where context must be found: the sentence of the match, or its paragraph (今年,全县计划完成农村危房
    # 改造4.2万户。截至6月底,已开工3.63万户,竣工18,560户: the works are named a sentence before)
    scope: str = "sentence"

    @cached_property
    def words(self) -> frozenset[str] | None:
        """Words one of which every match contains (None: not known)."""
        return prefilter.required_words(self.pattern)

    @cached_property
    def in_clause(self) -> bool:
        """Tell whether every match lies within one sentence (its figures and words included)."""
        return prefilter.stays_within(self.pattern, RULE_BREAKS)

    @cached_property
    def searches_fast(self) -> bool:
        """Tell whether the regex engine finds where a match can begin by itself (a literal or
        character-set prefix: 易地搬迁…{Q}), so a plain search beats trying sentence by sentence."""
        return prefilter.searches_fast(self.pattern)

    @cached_property
    def matcher(self) -> re.Pattern:
        """The pattern as it is searched for: with a lookahead of the characters its matches begin
        with, when the engine would otherwise try it at every character (the same matches)."""
        return prefilter.gated(self.pattern)

    @cached_property
    def figures_first(self) -> bool:
        """Tell whether the rule's figures come before its words ({Q}退出)."""
        return self.pattern.pattern.startswith("(?P<q>")

    def finditer(self, scan: "Scan"):
        """Yield the rule's matches in a document, like re.finditer.

        A rule the engine finds the openings of by itself (易地搬迁…{Q}) is searched for in the whole
        text. A rule that opens with its figures ({Q}退出) can only match where a quantity begins, so
        it is tried there alone instead of at every character, and only where its words follow
        before the sentence ends; another rule is scanned for in the sentences holding its words
        only; a rule is not tried at all on a document without its words.
        """
        text, words = scan.text, self.words
        if self.searches_fast:  # the engine skips to its opening words faster than any scan of ours
            if not words or any(word in text for word in words):
                yield from self.pattern.finditer(text)
            return
        last = scan.last_words(words) if words else None
        if words and not last:
            return
        sentence_wise = bool(words) and self.in_clause
        if not self.figures_first:
            if not sentence_wise:
                yield from self.matcher.finditer(text)
                return
            # only the sentences holding its words (a rule opening with 贫困村? is slow to scan for)
            breaks = scan.breaks
            for sentence in sorted(last):
                low = breaks[sentence - 1] + 1 if sentence else 0
                high = breaks[sentence] + 1 if sentence < len(breaks) else len(text)
                yield from self.matcher.finditer(text, low, high)
            return
        reach = max(map(len, words)) - 1 if words else 0  # a lookbehind's words begin before the match
        starts, sentences, after = scan.starts, scan.sentences, 0
        # the starts of the sentences holding its words, each up to where the last of them begins
        runs = ([(bisect_left(sentences, s), bisect_right(sentences, s), last[s] + reach) for s in sorted(last)]
                if sentence_wise else [(0, len(starts), len(text))])
        match = self.pattern.match
        for low, high, latest in runs:
            # the starts of the run from the end of the last match up to the last of the words
            i, stop = bisect_left(starts, after, low, high), bisect_right(starts, latest, low, high)
            while i < stop:
                m = match(text, starts[i])
                if m:
                    after = max(m.end(), starts[i] + 1)
                    yield m
                    i = bisect_left(starts, after, i + 1, stop)
                else:
                    i += 1

    def indicator_for(self, unit: str | None, lead: str = "") -> Indicator | None:
        """Return this rule's indicator measured in unit; a bare count needs its noun in lead."""
        if unit == "count":
            label = own_label(lead)
            if label:  # in a list, the figure's own label names what it counts
                lead = lead[slice(*label)]
            counted = [i for i in self.indicators if i.unit in COUNTED_UNITS and COUNTED_UNITS[i.unit].search(lead)]
            return counted[0] if len(counted) == 1 else None
        if unit == "person_times":
            return next((i for i in self.indicators if i.unit == "person" and i.counts_person_times), None)
        return next((i for i in self.indicators if i.unit == unit), None)


# What a large figure without a measure word counts, from the words just before it.
IMPLIED_UNITS = (
    (re.compile("(?:人口|人数|群众|劳动力)(?:达到?|为|共|累计|有|了)*$"), "person"),
    (re.compile("(?:户数)(?:达到?|为|共|累计|有|了)*$"), "household"),
    (re.compile("(?:资金|投入|投资|贷款|信贷|拨付|筹措|整合)(?:达到?|为|共|累计|了)*$"), "yuan"),
)


def implied_unit(text: str, start: int) -> str | None:
    """Return the unit the words before a bare large figure imply (人口…110万: persons)."""
    lead = text[max(0, start - 10):start]
    return next((unit for pattern, unit in IMPLIED_UNITS if pattern.search(lead)), None)


def unit_of(measure: str | None, noun: str | None) -> str | None:
    """Return the base unit a quantity counts, from its measure word and noun."""
    direct = {"%": "percent", "元": "yuan", "户": "household", "人": "person", "名": "person",
              "人次": "person_times"}
    if measure in direct:
        return direct[measure]
    noun = noun or ""
    if "工作队" in noun:
        return "team"
    if noun.endswith(("村", "嘎查")):  # 嘎查: a village of Inner Mongolia
        return "village"
    if "县" in noun:
        return "county"
    if measure is None and noun.endswith("户"):
        return "household"
    if measure is None and noun.endswith(("人口", "群众")):
        return "person"
    return "count" if measure in ("个", "支") else None


prefilter.share_fragment(SEQUENCE)  # every rule holds it: reading the rules parses it once


def compile_pattern(pattern: str) -> re.Pattern:
    """Compile a lexicon pattern: {Q} is a run of quantities, … and …… bounded gaps."""
    for token, gap in GAPS.items():
        pattern = pattern.replace(token, gap)
    return re.compile(pattern.replace("{Q}", f"(?P<q>{SEQUENCE})"))


def read_csv(path: Path) -> list[dict]:
    """Read a CSV file, skipping comment lines that start with #."""
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(line for line in handle if not line.startswith("#")))


def load_indicators(path: Path) -> dict[str, Indicator]:
    """Read the indicator taxonomy keyed by indicator code."""
    return {row["indicator_code"]: Indicator(row["indicator_code"], row["name_zh"], row["name_en"],
                                             row["unit"], row["category"],
                                             (row.get("counts_person_times") or "").lower() == "true",
                                             int(row["last_year"]) if (row.get("last_year") or "").strip() else None,
                                             (row.get("stock") or "").lower() == "true")
            for row in read_csv(path)}


class LexiconError(ValueError):
    """A lexicon row that cannot be used: an unknown indicator or a pattern that does not compile."""


CONTEXT_SCOPES = {"sentence": "。!?\n", "paragraph": "\n"}  # and the breaks that bound each


def load_rules(path: Path, indicators: dict[str, Indicator]) -> list[Rule]:
    """Read the trigger patterns, failing loudly on an indicator the taxonomy lacks or a bad pattern."""
    rules = []
    for rank, row in enumerate(read_csv(path)):
        codes = row["indicator_codes"].split("|")
        unknown = [code for code in codes if code not in indicators]
        if unknown:
            raise LexiconError(f"{path}: row {rank + 1} names unknown indicators {unknown}")
        scope = (row.get("scope") or "sentence").strip()
        if scope not in CONTEXT_SCOPES:
            raise LexiconError(f"{path}: row {rank + 1} has scope {scope!r}; use one of {', '.join(CONTEXT_SCOPES)}")
        try:
            rules.append(Rule(tuple(indicators[c] for c in codes), compile_pattern(row["pattern"]),
                              re.compile(row["context"]) if row.get("context") else None,
                              re.compile(row["exclude"]) if row.get("exclude") else None, rank, scope))
        except re.error as exc:
            raise LexiconError(f"{path}: row {rank + 1} has a pattern that does not compile: {exc}") from None
    return rules


def load_year_cues(path: Path) -> list[tuple[re.Pattern, int]]:
    """Read the sentences that date an undated article (empty when the file is absent)."""
    if not path.exists():
        return []
    return [(re.compile(row["pattern"]), int(row["year"])) for row in read_csv(path)]


@dataclass(frozen=True)
class Lexicon:
    indicators: dict[str, Indicator]
    rules: list[Rule]
    year_cues: list[tuple[re.Pattern, int]] = field(default_factory=list)

    @classmethod
    def from_dir(cls, seeds: Path) -> "Lexicon":
        """Load indicators.csv, lexicon.csv and year_cues.csv from a seeds folder."""
        indicators = load_indicators(seeds / "indicators.csv")
        return cls(indicators, load_rules(seeds / "lexicon.csv", indicators),
                   load_year_cues(seeds / "year_cues.csv"))
