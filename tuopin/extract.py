"""Extract indicator facts from cleaned article text: value, qualifier, region, year, evidence."""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from functools import lru_cache

from tuopin import numbers
from tuopin.clean import MAX_LABEL_CHARS, MAX_LABEL_LINES, MIN_TABLE_CELLS, YEAR_LABEL, cell_count, cells_of, has_digit
from tuopin.lexicon import (CHANGE, CHANGE_RE, CHANGE_TIME, CHANGE_VERB, CONTEXT_SCOPES, COUNTED_UNITS, Indicator, Lexicon,
                            QUANTITY_RE, RESPECTIVELY, Rule, SEQUENCE, Scan, YEAR_TOKEN, break_positions, implied_unit,
                            list_position, own_label, unit_of)
from tuopin.regions import DESTINATION_BEFORE, Gazetteer, Region
from tuopin.repair import find_mojibake

SENTENCE_END = "。!?\n"
CLAUSE_END = SENTENCE_END + ",;:"

YEAR = re.compile(r"(?<!\d)((?:19[7-9]|20[0-4])\d)(?:年?\s*(?:-|—|–|至|到|~)\s*((?:19[7-9]|20[0-4])\d))?年")
# 与2016年相比: a year of comparison, not the year a figure refers to; 2016年以来 runs to the present.
CHINESE_YEAR = re.compile("((?:一九|二〇|二零)[〇零一二三四五六七八九]{2})年")
CHINESE_YEAR_DIGITS = str.maketrans("〇零一二三四五六七八九", "00123456789")
# 2010年不变价: a price basis; 自2017年结对以来, 2014年建档立卡以来: a span up to now
COMPARISON = re.compile("相比|同比|比较|[\u4e00-\u9fff]{0,6}?以来|不变价|可比价|价格")
# 累计投入68.7亿元,是“十二五”时期的4倍多: a period the figure is measured against
TIMES_OF = re.compile("[”\"]?(?:时期|期间)?的[\\d.一二两三四五六七八九十]+多?倍")
COMPARED_TO = ("较", "比")  # 较2015年增长了150%
SINCE = re.compile(r"((?:19|20)\d\d)年[\u4e00-\u9fff]{0,12}?以来")  # 自2014年开展扶贫小额信贷工作以来
# 由2014年底的5.6万人减少至1234人: the year after 由 is the starting figure's, not the end's
# (but 2019年,贫困发生率由2.1%降至0.4% dates both).
FROM_YEAR = re.compile(f"(?:由|从)(?={YEAR_TOKEN})")
OWN_TIME = re.compile(f"[（(]{YEAR_TOKEN}[）)]")
FIVE_YEAR_PLANS = {"十一五": 2010, "十二五": 2015, "十三五": 2020, "十四五": 2025}
FIVE_YEAR_PLAN = re.compile("|".join(FIVE_YEAR_PLANS))
CURRENT_YEAR = re.compile("今年|目前|截至目前|截止目前|到今|至今|当前|现在|本年|(?<![\\d年])\\d{1,2}月\\d{1,2}日")
# 六年来, 近年来, 截至5月底, 至此: a span up to the time of writing, or the end of a month, which in a
# review of the year before are that year (五年来 in a government work report of February 2021: 2016-2020;
# 二〇一九年,全县减贫5217户。至此,全县161个贫困村已累计退出156个 in a notice of January 2020)
UP_TO_NOW = re.compile("(?<![\\d年])[二两三四五六七八九十]年(?:来|以来|间)|近年来|(?:建档立卡|精准扶贫|脱贫攻坚|十八大)以来|(?<![\\d年])\\d{1,2}月(?:底|末)|至此")
DAY_AFTER_YEAR = re.compile(r"\d{1,2}月")
CHANGE_ENDS = re.compile(f"(?:由|从|{CHANGE})$")
LAST_YEAR = re.compile("去年|上年")
FROM_YEAR_BEFORE = re.compile(r"[由从](?:上年|上一年|前一年)(?:年末|年底|末|底)?的?$")
NEXT_YEAR = re.compile("明年|下一年|来年")
# 内地现行标准下9,899万农村贫困人口: the mainland, as a Hong Kong paper says it
NATIONWIDE = re.compile("全国|内地(?=现行|农村|贫困)")
NATIONWIDE_TOPIC = re.compile("(?:从|就|放眼|纵观|在)?全国(?:范围内?)?(?:来看|看|而言|上)?[,:]")
# 全省, 本市, 该县: the region of that kind the article is about, or the one it lies in.
OWN_LEVEL = re.compile("(?:全|本|该|我们|我)(?P<kind>[省市州县区旗盟])")
# “…我们县有贫困人口8.97万人…”作为最后一批摘帽的县,望谟县委书记说: who speaks is named right after
SPEAKER_REACH = 40
HERE = re.compile(r"\s*这里")
WE = re.compile("我们|我县|我市|我区|我州|我旗")
HAN = "\u4e00-\u9fff"
# 吉林日报3月26日讯, 香港文汇报讯: a paper named after its place
MEDIA_AFTER = re.compile(f"日报|晚报|报|电视|广播|新闻|网|在线|频道|融媒|发布|[{HAN}]{{1,2}}(?:报讯|报记者|日报|晚报)")

# Planned or required figures (ANNOTATION rule 4): 计划, 力争, 确保…前, 要, 将, 目标, 任务.
TARGET = re.compile("(?:下达|承担|分配|安排)[^,;。!?\\d]{0,12}任务|任务(?:是|为)|预算安排|(?<!雨露)计划(?![“”、,])|力争|确保|目标|争取(?!上级|中央|省|市级|国家|到位|到资金|资金|项目|各类|社会)|预计|拟|将要|将于|将在|将有|将(?=[^,;。!?\\d]{0,4}(?:完成|实现|脱贫|摘帽|退出|出列|减贫|减少|搬迁|达到|整合|投入|安排|筹集|筹措|实施|培训|转移|改造))|(?<![主重需必只还])要(?![求素点闻])")
# 计划摘帽的5个: what follows 计划 up to the figure describes what the figure counts (确保剩余的 does not)
ATTRIBUTIVE = re.compile("(?<=计划)(?!剩余|余下)[^,;。!?\\d]{1,6}的")
HYPOTHETICAL = re.compile("如果|假如|假设|倘若|若是|一旦")
# Words by which a clause says its figures are done, not planned: 计划减贫2000人,实际减贫2300人.
PURPOSE_OR_DONE = re.compile("为|围绕|按照|对照|根据|紧扣|紧盯|盯紧|聚焦|对标|瞄准|锚定|锁定|完成|实现|超额|圆满|达到|达成")
DONE = re.compile("已|实际|累计|截至|截止|目前|去年|上年")
# 全力实现230户1010人脱贫的目标: a figure the clause names as its goal, unless it says the goal was
# reached (实现了…的目标, 如期完成…的任务)
GOAL_AFTER = re.compile("[^,;。!?]{0,16}?的(?:目标|任务)")
GOAL_REACHED = re.compile("了|已|圆满|超额|如期|顺利|提前|(?<!全力|努力|奋力)(?:完成|实现)")  # 全力实现 is still striving
# A goal said to be met: 各项目标任务全面完成,全年实现12356户35612人稳定脱贫.
GOAL_MET = re.compile("(?<=目标)(?:任务)?(?:均|已|都|已经|全面|全部|圆满|顺利|如期|超额|基本|胜利|提前)*(?:完成|实现|达成)")
# Thresholds and standards are not facts (rule 1): 收入达到4200元以上, 低于4160元.
# 超过3535元的退出标准, 越过4000元这条线, 刚刚越过3300元的“门槛”
THRESHOLD_AFTER = re.compile("^(?:及?以上|及?以下|以内|标准|(?:的|这[条道一]?)[^,;。!?\\d]{0,4}(?:标准|线|门槛))")
COUNTS = {"person", "household", "village", "county", "team", "person_times"}
PER_UNIT = re.compile("(?:户均|人均|每户|每人|村均|每村)(?:至少|最少|不少于|不低于|有)?$")
YEARLY_AVERAGE = re.compile("(?:年均|平均每年|每年平均)[^,;。!?\\d]{0,6}$")
EXCEEDING = re.compile("超过|超出|高于|逾")
THRESHOLD_BEFORE = re.compile("(?:低于|高于|不低于|不高于|不足|不超过|标准为?|门槛)$")
# Broken numbers state nothing (rule 8): ****万人, 65438+6600万.
CORRUPT_NEIGHBOUR = re.compile(r"[+*＊?]")
# A figure about one village or one household is an anecdote, not a fact about a region (rule 1).
# 贫困户李某某…又申请扶贫小额信贷5万元, 杨正学一家人: one household's story
ONE_PLACE = re.compile(f"全村|该村|本村|我村|我们村|(?<![困个])村里|这个村|村子|全组|该户|这户|他家|她家|全家|一家人|(?<!记者)(?<!记者 )(?<!通讯员)(?<!通讯员 )某某"  # 贫困户李某某, not (记者 某某)
                       f"|一家[{HAN}]{{0,6}}?(?:车间|企业|工厂|合作社|公司)|该(?:车间|企业|合作社|公司)|(?:车间|企业|合作社)负责人"
                       f"|(?<![{HAN}])(?P<here>这里)"
                       f"|(?:贫困户|脱贫户|村民|农户|群众)[{HAN}]某")
# A village by name opening a clause (十八洞村有225户939人, 老姆登村的贫困发生率…): its figures are anecdotes.
# (七百弄乡弄勇村今年有45户贫困户脱贫: a village under its township's name)
VILLAGE_SUBJECT = re.compile(f"(?:^|(?<=[,;:。!?\n“的]))(?:在)?(?:[{HAN}]{{2,4}}[乡镇])?(?P<name>[{HAN}]{{2,4}})村"
                             f"(?:[(（][^()（）]{{1,8}}[)）])?(?=的|有|是|共有|现有|原有|,|\\d|建档立卡|贫困|(?:今年|去年|当年)(?:共|已|有))")
NOT_A_VILLAGE_NAME = re.compile("贫困|行政|自然|重点|示范|出列|退出|脱贫|深度|美丽|[县市区州省镇乡农个]|^[全该本我各每这那各]")
# A sub-group of a figure just given is a second wording at best (rule 7).
SUBGROUP = re.compile(r"\s*其中")
# 分县(市、区)看,通榆县完成危改3210户: a sentence that breaks the one before down, place by place
BREAKDOWN = re.compile(r"\s*分[^,;。!?\d]{1,10}?看[,:]")
# A section heading: a short line without a full stop (一、2017年工作回顾), from line start to line end.
HEADING = re.compile(r"(?m)^[^\n。;!?]{2,30}$")
OWN_YEAR = re.compile(r"那一年|这一年|同年|当年|全年|一年来")
POINTS_BACK = re.compile(r"\s*至此")
THAT_YEAR = re.compile(rf"[\s”’」』)]*(?:{OWN_YEAR.pattern})")
# A clause opening with a county's name that the gazetteer does not know (a misspelling) has no region.
# 罗成仫佬族自治县 (罗城 misspelled): an autonomous county's name is whole with its peoples
UNKNOWN_COUNTY = re.compile(f"\\s*(?P<name>[{HAN}]{{2,3}}[县旗](?=[^{HAN}]|退出|减贫|脱贫|实现|共|累计|全年|今年|去年|有|的)"
                            f"|[{HAN}]{{2,3}}(?:[{HAN}]{{1,3}}族){{1,4}}自治[县旗])")
GENERIC_COUNTY = re.compile("[全该本我各每这那哪某外邻年月日]|贫困县|重点县|摘帽县|示范县|试点县|先进县|出列县|退出县|大县|强县|小县|穷县|农业县|人口县|县旗$")
RECENT_REACH = 200  # how far back 全县 in a prefecture's article looks for the county it means
GROUPED = re.compile("等")  # right after the names it lists
PROVINCE_GOVERNMENT = re.compile("(?:省|自治区)(?:人民)?政府|省委|省扶贫|自治区扶贫")
LIST_MARKS = "、和及与"
# 全县向福建转移输出劳动力2316人: a place workers are sent to
SENT_TO = re.compile(r"(?:等地|等省市|等地区)?(?:转移|输出|输送|输转|务工|就业)")
# Who gives is not whose figure it is: 广州市共向我州拨付…, 城阳区投入我县…, 东丽区结对帮扶东乡县,
# 厦门市到位帮扶资金1.35亿元, 上海援建资金2.3亿元 (the figure is the recipient's, named next or the article's).
GIVER_ADVERBS = r"(?:共|累计|先后|今年|去年|全年|已|又|再|将|持续|五年|四年|三年)*"
GIVES_TO = re.compile(GIVER_ADVERBS + r"(?:向|(?:结对|对口)?(?:帮扶|援助|支援|帮助)|投入|援建)(?=我[省市县区州旗盟]|[\u4e00-\u9fff]{2})")
# 厦门市湖里区帮扶建设的安置点: what a giver helped build lies in another place
HELPED_BUILD = re.compile(GIVER_ADVERBS + r"(?:帮扶|援建|援助|支援|协作|帮助)(?:建设|修建|建成|打造|实施)?的")
GIVES_AID = re.compile(GIVER_ADVERBS + r"(?:安排|到位|拨付|投入|下达|捐赠|提供)?了?(?:财政|各类)?(?:对口|东西部)?(?:扶贫)?"
                       r"(?:帮扶|援助|援建|协作)资金")
GIVEN_TO = re.compile(r"(?:向|投入|帮扶|援助|支援|援建|帮助)$")  # 投入甘肃财政帮扶资金: 甘肃 receives
# 【发布人】威宁自治县…, ● 于都县:…: who speaks in a transcript, or a bullet, before the sentence proper
SPEAKER = re.compile(r"\s*(?:【[^】]{1,12}】|[●■◆◇▲△★☆▶►▪•·※—-])\s*")
LIST_JOINERS = ("、", "和", "及", "与")
RATE = re.compile("发生率")
# How much a figure changed, not what it came to: 同比下降了5.2%, 比上年增加2000万元.
CHANGE_BY = re.compile(f"{CHANGE_VERB}了?$")
COMPARED = re.compile("比|较|同比|相比|环比")
LABEL_GROUP = re.compile(r"[一二两三四五六七八九十\d]+个?(?:县|县区|县市|区县)(?:[(（][^)）]*[)）])?$")  # 三县, 3个县(区)
LIST_TAIL = re.compile(rf"(?:[{LIST_MARKS}][{HAN}]{{2,4}})*")  # the names of a list after the last one known
# 较上年多减贫3200人, 比去年少投入200万元: how much more or less than another time
MORE_THAN_BEFORE = re.compile(rf"(?:比|较)(?:上年|去年|上一年|前一年|同期|上年同期|{YEAR_TOKEN})(?:同期)?[多少][{HAN}]{{0,4}}$")
# A range (专干5—10名; 贫困发生率在0.5%至1%之间的省份) states no single figure.
RANGE_SIGN = r"\s*(?:—|–|-|~|～|至|到)\s*"
RANGE_AFTER = re.compile(rf"{RANGE_SIGN}\d[\d.]*\s*[%％]?\s*之间")
SHARE_RANGE_BEFORE = re.compile(rf"\d\s*[%％]{RANGE_SIGN}$")
BETWEEN = re.compile(r"\s*之间")
# A sample survey's households (据对全县300户建档立卡贫困户的抽样调查) are no count of the region's.
SAMPLED = re.compile("抽样|样本|调查户|监测户")
RANGE_BEFORE = re.compile(r"\d\s*(?:—|–|-|~|～|至|到)\s*$")


@dataclass(frozen=True)
class Fact:
    indicator_code: str
    value: float
    qualifier: str
    adcode: str | None
    period_year: int | None
    raw_text: str
    evidence: str
    char_start: int
    char_end: int
    approximate: bool = False


@dataclass(frozen=True)
class Quantity:
    start: int
    end: int
    raw_start: int
    value: float
    unit: str | None
    approximate: bool
    baseline: bool


@dataclass(frozen=True)
class Candidate:
    quantity: Quantity
    indicator: Indicator
    rule: Rule
    match_start: int
    match_end: int
    # in a 分别 list, whether the rule's words begin in this figure's own label
    # (危房改造和易地搬迁分别为1200户、800户: 800户 is the relocation rule's, whatever its rank)
    own_label: bool = False
    year: int | None = None  # the year a table row names in its first cell
    table_at: int | None = None  # where the header row of the table a figure was read from begins
    planned: bool = False  # its label plans it (确保剩余 / 7654名贫困人口全部脱贫)
    # the label a figure of a table, a labelled line or an infographic was read with, written elsewhere
    # (剩余贫困人口 over 西吉县｜18080人), and whether it stands below the figure (61.1万人⏎全市累计减少贫困人口)
    label: str = ""
    label_below: bool = False


def span_around(text: str, start: int, end: int, breaks: str) -> tuple[int, int]:
    """Return the bounds of the clause or sentence holding text[start:end]."""
    positions = break_positions(text, breaks)
    before, after = bisect_left(positions, start), bisect_left(positions, end)
    left = positions[before - 1] + 1 if before else 0
    right = positions[after] + 1 if after < len(positions) else len(text)
    return left, right


def parse_quantities(text: str, start: int, end: int) -> list[Quantity]:
    """Parse each quantity of a matched run such as 2078户5222人 or 由24.8%降至2.78%."""
    found = []
    for m in QUANTITY_RE.finditer(text, start, end):
        value = numbers.parse_number(m["number"] or m["percent_number"], m["multiplier"])
        if value is None:
            continue
        noun = m["noun"] or m["bare_noun"] or m["prefix"]
        at = figure_start(m)
        found.append(Quantity(
            start=at - len(m["approx_before"] or ""), end=m.end(), raw_start=at,
            value=value, unit=bare_unit(text, m) or unit_of(m["measure"], noun),
            approximate=bool(m["approx_before"] or m["approx_mid"] or m["approx_after"]),
            baseline=bool(CHANGE_RE.match(text, m.end())),  # the figure a change starts from
        ))
    # 分别由19.3%、17.4%降至0.75%和0.89%: each figure listed before the change's verb is a baseline too,
    # as is the household count right before the persons of 由1.8万户6.1万人减少到1.1万户3.5万人
    for i in range(len(found) - 2, -1, -1):
        this, following = found[i], found[i + 1]
        joiner = text[this.end:following.start]
        if following.baseline and not this.baseline and (
                (this.unit == following.unit and joiner in LIST_JOINERS) or (joiner == "" and this.unit != following.unit)):
            found[i] = replace(this, baseline=True)
    return found


def figure_start(m: re.Match) -> int:
    """Return where a quantity's figure begins, after the noun or approximation before it (百分之 is
    part of the figure)."""
    return m.start("number") if m["number"] is not None else m.start("percent_word")


def bare_unit(text: str, m: re.Match) -> str | None:
    """Return what a figure without a measure word counts: a large one what the words before it name
    (减少农村贫困人口110万), a zero after a change the rate it brings down (贫困发生率…下降为0)."""
    if m["percent_word"] is not None:
        return "percent"
    if m["bare_large"] is not None:
        return implied_unit(text, m.start())
    if m["bare_zero"] is not None and RATE.search(text, max(0, m.start() - 30), m.start()):
        return "percent"
    return None


def is_broken_or_threshold(text: str, q: Quantity) -> bool:
    """Tell whether a figure is corrupted or a threshold rather than a statement."""
    before = text[max(0, q.raw_start - 4):q.raw_start]
    after = text[q.end:q.end + 8]
    if CORRUPT_NEIGHBOUR.search(text[max(0, q.raw_start - 1):q.raw_start] + text[q.end:q.end + 1]):
        return True
    if RANGE_BEFORE.search(before) or RANGE_AFTER.match(text, q.end):
        return True
    if SHARE_RANGE_BEFORE.search(before) and BETWEEN.match(text, q.end):
        return True
    if THRESHOLD_BEFORE.search(before):
        return True
    # 户均1人以上实现就业, 每户至少1人稳定就业: a standard each household meets
    if q.unit in COUNTS and PER_UNIT.search(text, max(0, q.start - 5), q.start):
        return True
    # 年均减贫5750人: an average over years, no count of people
    if q.unit in COUNTS and YEARLY_AVERAGE.search(text, max(0, q.start - 10), q.start):
        return True
    # 人均纯收入必须稳定超过4000元: more than an amount or a share is a bar to clear (超过1万人 is a rough count)
    if q.unit not in COUNTS and EXCEEDING.search(text, max(0, q.start - 3), q.raw_start):
        return True
    return bool(THRESHOLD_AFTER.match(after)) and not at_least_count(text, q)


def is_change_amount(text: str, q: Quantity) -> bool:
    """Tell whether a figure is how much something changed, not what it came to: a share after a bare
    下降 (贫困发生率同比下降了5.2%), or any figure after one against another time (比上年增加2000万元)."""
    clause_left = span_around(text, q.raw_start, q.end, CLAUSE_END)[0]
    if MORE_THAN_BEFORE.search(text, clause_left, q.start):  # 较上年多减贫3200人
        return True
    if not CHANGE_BY.search(text, max(0, q.start - 3), q.start):
        return False
    return q.unit == "percent" or COMPARED.search(text, clause_left, q.start) is not None


def at_least_count(text: str, q: Quantity) -> bool:
    """Tell whether a count is stated as a lower bound (累计减贫2万人以上): a figure, roughly, where
    an amount or a share so written is a standard (收入达到4200元以上, 降至2%以下)."""
    return q.unit in COUNTS and text.startswith(("以上", "及以上"), q.end)


def own_figures(text: str, rule: Rule, run: list[Quantity]) -> list[Quantity]:
    """Return the figures of a run its rule's words speak of: a figure the rule cannot measure, with a
    bare clause break between it and the figures beyond it, ends the run on the side away from the words
    (实施易地扶贫搬迁190.8万人,66个贫困县全部脱贫摘帽: 190.8万人 is the relocation's, not people lifted
    out; but 贫困村115个,贫困人口23275户 names what its figures count)."""
    alien = [i for i, q in enumerate(run) if q.unit not in ("count", None) and rule.indicator_for(q.unit) is None]
    if not alien:
        return run
    at = alien[-1] if rule.figures_first else alien[0]
    near, far = (run[at + 1:], run[:at]) if rule.figures_first else (run[:at], run[at + 1:])
    if not far:
        return run
    gap = (text[far[-1].end:run[at].raw_start] if rule.figures_first else text[run[at].end:far[0].raw_start])
    return near if gap.strip() and all(mark in CLAUSE_END for mark in gap.strip()) else run


# 贫困村退出方面,洛南退出31个、山阳退出28个: what the sentence is about, said before its clauses
TOPIC = re.compile(r"[^,;:。!?\n\d]{2,12}?方面(?=[,:])")


def topic_of(text: str, clause_start: int) -> str:
    """Return the topic an earlier clause of the sentence opens it with (贫困村退出方面), or ''."""
    sentence_start = span_around(text, clause_start, clause_start, SENTENCE_END)[0]
    topic = TOPIC.match(text, sentence_start, clause_start)
    return topic.group() if topic else ""


def candidates(text: str, rules: list[Rule]) -> list[Candidate]:
    """Return every (quantity, indicator) pair a rule claims, earliest rule first."""
    found, scan = [], Scan.of(text)
    for rule in rules:
        for m in rule.finditer(scan):
            if rule.context and not rule.context.search(
                    text[slice(*span_around(text, m.start(), m.end(), CONTEXT_SCOPES[rule.scope]))]):
                continue
            clause_start = span_around(text, m.start(), m.end(), CLAUSE_END)[0]
            for q in own_figures(text, rule, parse_quantities(text, m.start("q"), m.end("q"))):
                indicator = rule.indicator_for(q.unit, text[m.start():q.start])
                if indicator is None and q.unit == "count":
                    indicator = (rule.indicator_for(elided_unit(text, clause_start, q.start))
                                 or rule.indicator_for("count", text[clause_start:q.start])  # 贫困县(区)摘帽4个
                                 or rule.indicator_for("count", topic_of(text, clause_start)))
                if indicator is None or is_broken_or_threshold(text, q) or is_change_amount(text, q):
                    continue
                if rule.exclude and rule.exclude.search(text, clause_start, q.start):
                    continue
                if HYPOTHETICAL.search(text, clause_start, q.start):
                    continue  # 一个乡镇如果组织转移就业500人以上: a condition states nothing
                if SAMPLED.search(text, clause_start, span_around(text, q.raw_start, q.end, CLAUSE_END)[1]):
                    continue
                if at_least_count(text, q):
                    q = replace(q, approximate=True)
                found.append(Candidate(q, indicator, rule, m.start(), m.end(),
                                       in_own_label(text, clause_start, m.start(), q)))
    return found


# ---------------------------------------------------------------- tables written as text
# 县（区）｜剩余贫困人口｜贫困发生率 / 西吉县｜18080人｜4.87%: cells as clean.cells_of splits them.
# 贫困人口(万人), 贫困发生率（%）: the unit a header gives its column's bare numbers
HEADER_UNIT = re.compile(r"[(（]([^()（）]{1,4})[)）]$")


# 指标名称	计量单位	2018年	比上年增减 / 脱贫人口	人	8652	-3215: one indicator a row, its unit in the
# second column, its value in the one column that is not a change on another year
UNIT_COLUMN = re.compile("(?:计量)?单位")
YEAR_CELL = re.compile(r"((?:19|20)\d\d)年?(?:底|末)?")
CHANGE_COLUMN = re.compile("增减|增长|增幅|减少|同比|比上年|较上年|变化|变动|±")


def table_candidates(text: str, rules: list[Rule]) -> list[Candidate]:
    """Return the figures of the rows under a table's header row, each read as its column's header
    followed by the cell (剩余贫困人口18080人), or, in a table with a unit column, as the row's label,
    value and unit (脱贫人口8652人); each placed where the cell stands in the text."""
    found, header, value_columns, header_at, offset, above = [], None, [], 0, 0, ""
    for line in text.split("\n"):
        cells = cells_of(line, offset)
        words = [text[a:b] for a, b in cells]
        row: list[Candidate] = []
        if len(cells) < MIN_TABLE_CELLS:
            header = None
        elif UNIT_COLUMN.fullmatch(words[1]):
            header, value_columns, header_at = words, unit_table_value_columns(words), offset
        elif not has_digit(YEAR_LABEL.sub("", line)):  # 县别 2018年减贫人数(万人): a header may name a year
            header, value_columns, header_at = with_units(words, above), [], offset
        elif any(names_one_village(word) for word in words):
            pass  # 1	黄陂镇	杨依村	86	327	5	1.21: a row of one village's figures is an anecdote (rule 1)
        elif header and len(cells) == len(header) and value_columns:
            for column, year in value_columns:
                start, end = cells[column]
                row += [replace(c, year=year) for c in
                        cell_candidates(text, rules, f"{words[0]}({words[1]})", start, end, offset)]
        elif header and len(cells) == len(header) and not UNIT_COLUMN.fullmatch(header[1]):
            year = YEAR_CELL.fullmatch(words[0])  # 年份 脱贫户数(户) … / 2015 5102 …
            for (start, end), head in list(zip(cells, header))[1:]:
                row += [replace(c, year=int(year.group(1))) if year else c
                        for c in cell_candidates(text, rules, head, start, end, offset)]
        found += [replace(c, table_at=header_at) for c in row]
        offset += len(line) + 1
        above = line if line.strip() else above
    return found


# 2018年坝上四县减贫情况(单位:人、%): a table's title may give its columns' units, in their order
TABLE_UNITS = re.compile(r"[(（]?单位[::]\s*(?P<units>[^()（）:：]{1,20}?)[)）]?\s*$")
UNIT_LIST_BREAK = re.compile("[、,/]")


def with_units(header: list[str], title: str) -> list[str]:
    """Return a table's header with the units its title gives: one for every column after the first,
    or one for all of them; a column that names its own unit keeps it."""
    given = TABLE_UNITS.search(title)
    if not given:
        return header
    units = [unit.strip() for unit in UNIT_LIST_BREAK.split(given["units"]) if unit.strip()]
    if len(units) == 1:
        units *= len(header) - 1
    if len(units) != len(header) - 1:
        return header
    return [header[0]] + [head if HEADER_UNIT.search(head) else f"{head}({unit})"
                          for head, unit in zip(header[1:], units)]


# How many lines above a table's header its lead-in may say the year the table is for.
TABLE_LEAD_LINES = 3


VILLAGE_CELL = re.compile(f"(?P<name>[{HAN}]{{2,6}})村")


def names_one_village(cell: str) -> bool:
    """Tell whether a table cell is one village's name (杨依村, not 贫困村 or 行政村)."""
    found = VILLAGE_CELL.fullmatch(cell.strip())
    return found is not None and not NOT_A_VILLAGE_NAME.search(found["name"])


def table_year(text: str, header_at: int, written: int | None) -> int | None:
    """Return the year the lines just above a table give (2019年,河池市…。/ 去年,全市… / 各县减贫情况见下表:):
    the nearest that names one, explicitly or against the year written."""
    lines = text[:header_at].split("\n")[-TABLE_LEAD_LINES - 1:]
    for line in reversed(lines):
        years = unchanging_years(line, 0, len(line))
        if years:
            return years[-1][1]
        cue = relative_cue(line, len(line), False)
        if cue and written:
            return written + cue[1]
    return None


def unit_table_value_columns(header: list[str]) -> list[tuple[int, int | None]]:
    """Return the columns of a unit table's values and the years they are for: the one column after the
    unit column that is no change (its year left to the lines above), or the several that each name a
    year (指标 单位 2017年 2018年 2019年)."""
    values = [i for i, head in enumerate(header) if i > 1 and not CHANGE_COLUMN.search(head)]
    if len(values) == 1:
        return [(values[0], None)]
    years = [YEAR_CELL.fullmatch(header[i]) for i in values]
    return [(i, int(year.group(1))) for i, year in zip(values, years)] if all(years) else []


# 脱贫户数:4.42万户 / 减贫人口⏎7960户⏎32571人 / 危房改造⏎完成⏎1126户: an infographic's or 数读 piece's
# label, before its figures on its own line or on the lines above them (at most two label lines)
LABELLED = re.compile(r"(?P<label>[^\d,;。!?:\t]{2,16})[::](?P<value>[^\n]*\d[^\n]*)")
LABEL_LINE = re.compile(f"(?=.*[{HAN}].*[{HAN}])[^\\d,;。!?:\\t]{{2,{MAX_LABEL_CHARS}}}")
MAX_LABELLED_LINE = 30


# 61.1万人⏎全市累计减少贫困人口: a 数读 piece's figure alone on its line, its label on the line below
FIGURE_LINE = re.compile(f"[▲●■◆★☆◎※·•\\s]*(?:{SEQUENCE})")


def label_candidates(text: str, rules: list[Rule]) -> list[Candidate]:
    """Return the figures of lines that carry a label before a colon, or under one or two label lines,
    or, with no label above, right above one label line, each read as its label followed by the
    figures, placed where they stand in the text."""
    found, labels, offset, figure, spent = [], [], 0, None, False
    for line in text.split("\n"):
        labelled = LABELLED.fullmatch(line)
        above, figure, was_spent, spent = figure, None, spent, False
        if above and LABEL_LINE.fullmatch(line):
            found += [replace(c, label_below=True) for c in cell_candidates(text, rules, line, *above, above[0])]
            labels = []  # the label is spent on the figure above it
        elif cell_count(line) >= MIN_TABLE_CELLS:
            labels = []
        elif labelled:
            found += cell_candidates(text, rules, labelled["label"], offset + labelled.start("value"),
                                     offset + labelled.end("value"), offset)
            labels = []
        elif LABEL_LINE.fullmatch(line):  # a label after figures heads the next ones
            labels = [line] if was_spent else (labels + [line])[-MAX_LABEL_LINES:]
        elif labels and len(line) <= MAX_LABELLED_LINE and has_digit(line):
            head, spent = "".join(labels), True
            plan = TARGET.search(head) is not None
            found += [replace(c, planned=plan)
                      for c in cell_candidates(text, rules, head, offset, offset + len(line), offset, "…".join(labels))]
        else:
            labels = []
            if FIGURE_LINE.fullmatch(line):
                figure = (offset, offset + len(line))
        offset += len(line) + 1
    return found


def with_label(evidence: str, c: Candidate) -> str:
    """Return the evidence of a figure joined by … to the label it was read with, where that label
    stands apart from it (rule 9: 剩余贫困人口…西吉县｜18080人｜4.87%)."""
    if not c.label or c.label in evidence:
        return evidence
    return f"{evidence}…{c.label}" if c.label_below else f"{c.label}…{evidence}"


def cell_candidates(text: str, rules: list[Rule], head: str, start: int, end: int, row: int,
                    shown: str | None = None) -> list[Candidate]:
    """Return the candidates of one cell read after its header, moved to the cell's place; their label
    is the header, or as shown when the header joins words written apart."""
    unit = HEADER_UNIT.search(head)
    label = head[:unit.start()] if unit else head
    cell = text[start:end]
    phrase = label + cell + (unit.group(1) if unit and not cell[-1:].isalpha() and not cell.endswith("%") else "")
    shift = start - len(label)

    def moved(at: int) -> int:
        return min(max(at + shift, row), end)
    found = []
    for c in candidates(phrase, rules):
        q = c.quantity
        if q.raw_start < len(label):
            continue
        found.append(replace(c, quantity=replace(q, start=moved(q.start), end=moved(q.end),
                                                 raw_start=moved(q.raw_start)),
                             match_start=moved(c.match_start), match_end=moved(c.match_end),
                             label=shown or label))
    return found


# 今年全省76.2万人搬迁任务已全面完成,其中毕节市、铜仁市分别为21.5万人、13.8万人: parts of the figure
# before, each its place's, counted by the same indicator though the clause names none
# (and 累计发放扶贫小额信贷2.85亿元,其中2017年新增发放9,630万元: one year's part)
# (其中今年已完成3216户: this year's part of a running total)
ONE_YEAR = f"(?:{YEAR_TOKEN}|今年|去年|上年|当年)"
PARTS = re.compile(f"其中,?(?:[^,;。!?\\n\\d]{{2,40}}?{RESPECTIVELY}(?:为|是|有|达到?)?"
                   f"|{ONE_YEAR}[^,;。!?\\n\\d]{{0,10}}?)(?P<q>{SEQUENCE})")
ONE_YEAR_RE = re.compile(ONE_YEAR)


def part_candidates(text: str, found: list[Candidate]) -> list[Candidate]:
    """Return the figures of a 其中…分别为 clause that no rule claimed, each taking the indicator of the
    figure its sentence gave last before the clause, when it is measured in the same unit."""
    claimed, parts = {c.quantity.raw_start for c in found}, []
    for m in PARTS.finditer(text):
        clause_start = span_around(text, m.start(), m.start(), CLAUSE_END)[0]
        sentence_start = span_around(text, m.start(), m.start(), SENTENCE_END)[0]
        if text[clause_start:m.start()].strip():
            continue  # the 其中 must open its clause
        if clause_start == sentence_start and sentence_start > 0:
            # 全市共选派驻村工作队1392个。其中,汉滨区、旬阳县分别为218个、197个: the sentence before's
            sentence_start = span_around(text, sentence_start - 1, sentence_start - 1, SENTENCE_END)[0]
        before = [c for c in found if sentence_start <= c.quantity.raw_start < clause_start]
        if not before:
            continue
        whole = max(before, key=lambda c: c.quantity.raw_start)
        parts += [Candidate(q, whole.indicator, whole.rule, m.start(), m.end())
                  for q in parse_quantities(text, m.start("q"), m.end("q"))
                  if q.raw_start not in claimed and q.unit == whole.quantity.unit]
    return parts


# 投入帮扶资金6350万元,其中康乐县2340万元、卓尼县2110万元: a place's part, right after its name
PART_OPENING = re.compile(r"其中(?:包括|就有)?,?")
# 其中包括怒江州的全部4个贫困县: what may stand between a place's name and its part
PART_FILLER = re.compile("(?:的)?(?:全部|所有)?")


def place_parts(text: str, found: list[Candidate], gazetteer: Gazetteer) -> list[Candidate]:
    """Return the figures of a clause listing places' parts of the figure before it (其中康乐县2340万元、
    卓尼县2110万元; 阜平县6135人、涞源县9812人), each a figure right after a place's name, taking the
    indicator of the figure its sentence gave last before the clause when measured in the same unit:
    a 其中 clause later in the sentence, or the next clause when it lists two places at least."""
    claimed, parts = {c.quantity.raw_start for c in found}, []
    for whole in found:
        q = whole.quantity
        sentence_end = span_around(text, q.raw_start, q.end, SENTENCE_END)[1]
        following = [c.quantity.raw_start for c in found if q.end <= c.quantity.raw_start < sentence_end]
        stop = min(following, default=sentence_end)
        at = span_around(text, q.raw_start, q.end, CLAUSE_END)[1]
        next_clause = True
        while at < stop and text[at - 1] in ",;":
            opening = PART_OPENING.match(text, at)
            items = place_items(text, opening.end() if opening else at, q.unit, gazetteer)
            if len(items) >= (1 if opening else 2) and (opening or next_clause):
                parts += [Candidate(part, whole.indicator, whole.rule, begin, part.end)
                          for begin, part in items if part.raw_start not in claimed]
                break
            following_clause = span_around(text, at, at, CLAUSE_END)[1]
            if following_clause <= at:
                break
            at, next_clause = following_clause, False
    return parts


HAN_ONLY = re.compile(f"[{HAN}]*")
# 洮男市 (misspelled) or 龙泉关镇: a name that reads as a place's though the gazetteer lacks it
PLACE_LIKE = re.compile(f"(?![全我本该各])[{HAN}]{{1,6}}?(?:自治县|县|市|区|旗|镇|乡)")
MAX_PARALLEL_WORDS = 8


def place_opening(text: str, at: int, gazetteer: Gazetteer) -> int | None:
    """Return where the place name opening text[at:] ends, if a place's name (known or not) opens it."""
    named = gazetteer.mention_at(text, at)
    if named:
        return named.end
    like = PLACE_LIKE.match(text, at)
    return like.end() if like else None


SEQUENCE_RE = re.compile(SEQUENCE)
YEAR_ITEM = re.compile(f"(?:其中,?)?{YEAR_TOKEN},?(?P<words>[{HAN}]{{0,{MAX_PARALLEL_WORDS}}}?)(?=[\\d零〇一二两三四五六七八九十])")


def year_items(text: str, found: list[Candidate]) -> list[Candidate]:
    """Return the figures of ;-items that go on a year's figure for other years (其中,2016年已完成搬迁
    1025户4521人;2017年实施1384户6109人,已全部完成主体建设;2018年剩余的698户3060人,计划…搬迁入住),
    each taking the indicator of the figure before it."""
    claimed = {c.quantity.raw_start for c in found}
    parts = []
    for whole in found:
        q = whole.quantity
        left = span_around(text, q.raw_start, q.end, CLAUSE_END)[0]
        opening = YEAR_ITEM.match(text, left)
        if opening is None or opening.end() != q.raw_start:
            continue
        at = text.find(";", q.end, span_around(text, q.raw_start, q.end, SENTENCE_END)[1])
        while at != -1:
            item = YEAR_ITEM.match(text, at + 1)
            figure = SEQUENCE_RE.match(text, item.end()) if item else None
            own = parse_quantities(text, figure.start(), figure.end()) if figure else []
            if not own or own[0].unit != q.unit or own[0].raw_start in claimed:
                break
            lead = text[whole.match_start:q.start]
            parts += [Candidate(part, indicator, whole.rule, at + 1, part.end) for part in own
                      if (indicator := whole.rule.indicator_for(part.unit, lead)) is not None]
            at = text.find(";", own[-1].end, span_around(text, own[-1].raw_start, own[-1].end, SENTENCE_END)[1])
    return parts


def parallel_parts(text: str, found: list[Candidate], gazetteer: Gazetteer) -> list[Candidate]:
    """Return the figures of clauses that go on a place's figure for other places, saying its words
    again in part or not at all (通榆县完成危改3210户,洮南市完成2860户,大安市完成2475户; 阜平县减贫
    6135人,涞源县9812人), each taking the indicator of the figure before it."""
    claimed = {c.quantity.raw_start for c in found}
    parts = []
    for whole in found:
        q = whole.quantity
        left, right = span_around(text, q.raw_start, q.end, CLAUSE_END)
        subject_end = place_opening(text, left, gazetteer)
        words = text[subject_end:q.start] if subject_end is not None else ""
        if (subject_end is None or len(words) > MAX_PARALLEL_WORDS or not HAN_ONLY.fullmatch(words)
                or text[q.end:right].rstrip(CLAUSE_END)):
            continue  # the clause is not "place, words, figure"
        at = right
        while at < len(text) and text[at - 1] in ",;":
            opening = place_opening(text, at, gazetteer)
            if opening is None:
                break
            figure = QUANTITY_RE.search(text, opening)
            own = parse_quantities(text, figure.start(), figure.end()) if figure else []
            said = text[opening:own[0].start] if own else None
            end = span_around(text, at, at, CLAUSE_END)[1]
            if (not own or own[0].unit != q.unit or not words.startswith(said) or own[0].raw_start in claimed
                    or text[own[0].end:end].rstrip(CLAUSE_END)):
                break
            parts.append(Candidate(own[0], whole.indicator, whole.rule, at, own[0].end))
            at = end
    return parts


# 累计达1.8万人, 累计发放2.1亿元 (words the figure before said: 发放扶贫小额信贷3200万元)
RUNNING_TOTAL = re.compile(f"(?:累计|总计|共计)(?:已经|已)?(?P<words>[{HAN}]{{0,4}}?)(?:达到|达|为|有)?(?=[\\d零〇一二两三四五六七八九十])")
# ,2019年底降至0.47%: a clause that takes a change on to a later time and figure
CHANGE_GOES_ON = re.compile(f"(?:{ONE_YEAR}(?:底|末)?)?(?:又|再|再次|进一步)?{CHANGE}{CHANGE_TIME}")


def continued_changes(text: str, found: list[Candidate]) -> list[Candidate]:
    """Return the figures of clauses that take on the change a figure ends, or give the running total it
    adds to, saying no words of their own (全区贫困发生率由2012年底的22.9%下降到2014年底的14.5%、2017年底
    的6%,2019年底降至0.47%; 今年以来,全县新增转移就业贫困劳动力3260人,累计达1.8万人)."""
    claimed = {c.quantity.raw_start for c in found}
    parts = []
    for whole in found:
        q = whole.quantity
        left, right = span_around(text, q.raw_start, q.end, CLAUSE_END)
        if q.baseline or text[right - 1:right] != ",":
            continue
        # 新增转移就业贫困劳动力3260人,累计达1.8万人: the running total the figure adds to
        lead = (CHANGE_GOES_ON.match(text, right) if CHANGE_RE.search(text, left, q.raw_start)
                else RUNNING_TOTAL.match(text, right))
        if lead and lead.re is RUNNING_TOTAL and lead["words"] not in text[left:q.start]:
            continue
        figure = QUANTITY_RE.match(text, lead.end()) if lead else None
        own = parse_quantities(text, figure.start(), figure.end()) if figure else []
        if (len(own) == 1 and own[0].unit == q.unit and own[0].raw_start not in claimed
                and text[own[0].end:own[0].end + 1] in CLAUSE_END):
            parts.append(Candidate(own[0], whole.indicator, whole.rule, right, own[0].end))
    return parts


def place_items(text: str, at: int, unit: str | None, gazetteer: Gazetteer) -> list[tuple[int, Quantity]]:
    """Return (where its name begins, figure) for each place name followed right by a figure in that
    unit, in a list starting at at (康乐县2340万元、卓尼县2110万元)."""
    items = []
    while True:
        named = gazetteer.mention_at(text, at)
        figure = QUANTITY_RE.match(text, PART_FILLER.match(text, named.end).end()) if named else None
        q = next(iter(parse_quantities(text, figure.start(), figure.end())), None) if figure else None
        if q is None or q.unit != unit:
            return items
        items.append((at, q))
        if text[q.end:q.end + 1] not in LIST_MARKS:
            return items
        at = q.end + 1


def elided_unit(text: str, clause_start: int, end: int) -> str | None:
    """Return what a bare count leaves unsaid when a figure before it, in its clause or the one
    before, names it: 全县共有深度贫困村96个,2019年退出52个; 832个贫困县已有601个宣布摘帽; over
    bare counts that leave it unsaid too (全县有贫困村56个,2019年退出40个,剩余16个)."""
    left = clause_start
    while True:
        if left > 0 and text[left - 1] not in SENTENCE_END:
            left = span_around(text, left - 1, left - 1, CLAUSE_END)[0]
        units = [unit_of(m["measure"], m["noun"] or m["bare_noun"] or m["prefix"])
                 for m in QUANTITY_RE.finditer(text, left, end)]
        named = [unit for unit in units if unit != "count"]
        if named or left == 0 or text[left - 1] in SENTENCE_END:
            break
    return named[-1] if named and units[-1] in ("count", named[-1]) and named[-1] in COUNTED_UNITS else None


def names_a_village(text: str, start: int, end: int) -> bool:
    """Tell whether a clause between start and end opens with a village's own name (what follows the
    name may be the figure at end: 阿土列尔村(“悬崖村”)84户)."""
    return any(not NOT_A_VILLAGE_NAME.search(m["name"]) and m.end() <= end
               for m in VILLAGE_SUBJECT.finditer(text, start, end + 1))


def not_anecdotes(text: str, found: list[Candidate], gazetteer: Gazetteer) -> list[Candidate]:
    """Drop candidates about one village or household (全村32户贫困户已全部脱贫): rule 1's anecdotes."""
    kept = []
    for c in found:
        left = span_around(text, c.match_start, c.match_end, SENTENCE_END)[0]
        at = c.quantity.raw_start
        one = ONE_PLACE.search(text, left, at)
        if one and one["here"] and place_before_here(text, left, gazetteer):
            one = None
        if not one and not names_a_village(text, left, at):
            kept.append(c)
    return kept


def place_before_here(text: str, sentence_left: int, gazetteer: Gazetteer) -> Region | None:
    """Return the place the sentence before the one at sentence_left opens with, which its 这里 means
    (毕节是贵州脱贫攻坚的主战场。这里曾是…试验区,…累计减少贫困人口184.52万人), not a workshop's or a
    village's floor."""
    if not sentence_left:
        return None
    before = span_around(text, sentence_left - 1, sentence_left - 1, SENTENCE_END)[0]
    opening = before + len(text[before:sentence_left]) - len(text[before:sentence_left].lstrip())
    named = gazetteer.mention_at(text, opening)
    return named.region if named else None


def without_subgroups(text: str, found: list[Candidate], gazetteer: Gazetteer) -> list[Candidate]:
    """Drop a 其中 figure of an indicator its sentence already gave (转移就业2.3万人,其中省外转移1.2万人),
    unless it is a named place's own (剩余贫困人口4.57万人,其中威宁县剩余2.06万人) or one year's
    (累计发放扶贫小额信贷2.85亿元,其中2017年新增发放9,630万元), or a rule before the whole's names it
    (移民搬迁安置3.64万户,其中易地扶贫搬迁2.71万户: the whole is a wider count than the indicator's)."""
    kept: list[Candidate] = []
    for c in found:
        clause = span_around(text, c.quantity.raw_start, c.quantity.end, CLAUSE_END)[0]
        sentence = span_around(text, c.quantity.raw_start, c.quantity.end, SENTENCE_END)[0]
        if (SUBGROUP.match(text, clause)
                and any(k.indicator.code == c.indicator.code and k.quantity.raw_start >= sentence
                        and k.rule.rank <= c.rule.rank for k in kept)
                and not gazetteer.mentions(text[clause:c.quantity.raw_start])
                and not ONE_YEAR_RE.search(text, clause, c.quantity.raw_start)):
            continue
        kept.append(c)
    return kept


def outside_mojibake(text: str, found: list[Candidate]) -> list[Candidate]:
    """Drop candidates whose clause holds mojibake before their rule's words and figures end, or
    whose words and figures touch it: no fact is read from damaged text. Garbage before the clause
    is another sentence whose full stop was garbled with it (…鏍规嵁璁″垝,2017年全市将实现9.1万贫困人口
    脱贫); garbage after the figure is the next sentence's (全县整合涉农资金4.62亿元用于脱贫攻�ᣬ�计…);
    a single lost character before it, a lost full stop (惠及贫困户5,012户�今年以来…培训1.2万人)."""
    damaged = find_mojibake(text)
    if not damaged:
        return found
    kept = []
    for c in found:
        left = span_around(text, c.match_start, c.match_start, CLAUSE_END)[0]
        near, right = c.match_start - 1, c.match_end + 1
        if not any(start < right and left < end and (end - start > 1 or near < end) for start, end in damaged):
            kept.append(c)
    return kept


def in_own_label(text: str, clause_start: int, match_start: int, q: Quantity) -> bool:
    """Tell whether a rule's match begins in the label of a 分别 list that stands where q stands."""
    label = own_label(text[clause_start:q.start])
    return label is not None and label[0] <= match_start - clause_start < label[1]


def best_per_quantity(found: list[Candidate]) -> list[Candidate]:
    """Keep, for each figure, the claim of the rule whose words begin in the figure's own list label,
    else of the highest-priority rule."""
    best: dict[int, Candidate] = {}
    for c in found:
        current = best.get(c.quantity.raw_start)
        if current is None or (not c.own_label, c.rule.rank) < (not current.own_label, current.rule.rank):
            best[c.quantity.raw_start] = c
    return sorted(best.values(), key=lambda c: c.quantity.raw_start)


def years_in(text: str) -> list[tuple[int, int]]:
    """Return (position, year) for explicit years and spans (2016-2020年 → 2020, “十三五” → 2020,
    二〇一八年 → 2018)."""
    if "年" not in text and "五" not in text:  # every year ends in 年, every plan in 五 (most clauses have neither)
        return []
    found = [(m.start(), int(m.group(2) or m.group(1))) for m in YEAR.finditer(text)
             if not COMPARISON.match(text, m.end())
             and text[max(0, m.start() - 1):m.start()] not in COMPARED_TO]
    found += [(m.start(), int(m.group(1).translate(CHINESE_YEAR_DIGITS))) for m in CHINESE_YEAR.finditer(text)
              if not COMPARISON.match(text, m.end())]
    found += [(m.start(), FIVE_YEAR_PLANS[m.group()]) for m in FIVE_YEAR_PLAN.finditer(text)
              if not TIMES_OF.match(text, m.end())]
    return sorted(found)


def unchanging_years(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Return (position from start, year) for the years of text[start:end] but those a change starts
    from (由2014年的10.6%…), which date only that change's baseline."""
    starts = {m.end() - start for m in FROM_YEAR.finditer(text, start, end)}
    return [(pos, year) for pos, year in years_in(text[start:end]) if pos not in starts]


def current_year(body: str, published_at: datetime | None, cues: list[tuple[re.Pattern, int]]) -> int | None:
    """Return the year the article was written: its published year, else a dating cue's year."""
    if published_at:
        return published_at.year
    # seed 003 has no date but says 今年是决战决胜脱贫“摘帽”大考之年: it was written in 2020
    return next((year for cue, year in cues if cue.search(body)), None)


WORK_REPORT = re.compile(r"政府工作报告")
PAST_YEAR, THIS_YEAR = re.compile("去年"), re.compile("今年")
EARLY_MONTHS = 3  # published by March, an article citing 去年 more than 今年 reviews the year before


def reporting_year(body: str, written: int | None, title: str | None = None, early: bool = False) -> int | None:
    """Return the year the article reports on: the one year its title names (关于2019年全县脱贫攻坚
    工作的报告), else its most cited year, else the year it was written."""
    # 政府工作报告——2018年1月22日在…会议上: the day it was given is not the year it reports on
    titled = {year for at, year in years_in(title or "") if (written is None or year <= written)
              and not DAY_AFTER_YEAR.match(title, at + 5)}
    # 2018年阜平县政府工作报告 is given early in 2018 and reviews 2017
    review = 1 if WORK_REPORT.search(title or "") else 0
    if len(titled) == 1:
        return titled.pop() - review
    if review and written:
        return written - review
    # 记者近日从县扶贫办获悉,2018年,岷县…全年减少贫困人口… in January 2019, or 去年,金寨县…: a review of
    # the year it opens with, whatever it plans for the year written (五、2020年工作打算 / 2020年是…收官之年)
    if written and early:
        first_end = span_around(body, 0, 0, SENTENCE_END)[1]
        first_figure = QUANTITY_RE.search(body, 0, first_end)
        opening = years_in(body[:first_figure.start() if first_figure else first_end])
        if (opening[0][1] == written - 1 if opening
                else LAST_YEAR.match(body, 0, span_around(body, 0, 0, CLAUSE_END)[1]) is not None):
            return written - 1
    # the ends of changes (由2014年的26.3%降至2019年底的1.06%) date those changes, not the article
    counts = Counter(year for at, year in years_in(body) if (written is None or year <= written)
                     and not CHANGE_ENDS.search(body, max(0, at - 4), at))
    if counts:
        year, count = max(counts.items(), key=lambda item: (item[1], item[0]))
        if count >= 2 and list(counts.values()).count(count) == 1:
            return year
    # 2月7日召开的会议上获悉,去年,我市共实现…; 去年全市投入…: early in a year, a review of the last
    if written and early and not counts:
        last = sum(scope_before not in COMPARED_TO for scope_before in
                   (body[max(0, m.start() - 1):m.start()] for m in PAST_YEAR.finditer(body)))
        if last >= 2 and last > len(THIS_YEAR.findall(body)):
            return written - 1
    if written is None:  # undated: 本报讯 2018年,花垣县坚持…,全县脱贫攻坚取得决定性进展: the year it opens with
        opening = years_in(body[:span_around(body, 0, 0, SENTENCE_END)[1]])
        return opening[0][1] if opening else None
    return written


def listed_year(lead: str) -> int | None:
    """Return the year labelling a figure's place in a list: 2018年、2019年分别减贫1200人、800人."""
    listed = list_position(lead)
    if not listed or len(listed[0]) < 2:
        return None
    labels, place = listed
    own = years_in(lead[slice(*labels[place])])
    return own[-1][1] if own and all(years_in(lead[slice(*label)]) for label in labels) else None


def period_year(text: str, q: Quantity, written: int | None, default: int | None,
                planned_figure: bool = False, review: bool = False, after: bool = True) -> int | None:
    """Return the year a figure refers to: its clause, then its sentence, then the article (after: whether
    a time named after the figure may date it)."""
    # 从23.86%（2015年底）一路降到1.12%（2019年底）: a time in brackets right after a figure is its own
    own_time = OWN_TIME.match(text, q.end)
    if own_time:
        return years_in(own_time.group())[0][1]
    if q.baseline and FROM_YEAR_BEFORE.search(text, max(0, q.raw_start - 8), q.raw_start):
        # 2018年,…贫困发生率由上年的10.55%下降到5.45%: the year before the change's end
        end_year = period_year(text, replace(q, baseline=False), written, default, planned_figure, review, after)
        return end_year - 1 if end_year else None
    # 4县于今年3月正式脱贫摘帽。至此,我州8个县市全部实现脱贫摘帽: up to the time just named
    sentence_left = span_around(text, q.raw_start, q.end, SENTENCE_END)[0]
    if (sentence_left and POINTS_BACK.match(text, sentence_left)
            and not unchanging_years(text, sentence_left, q.raw_start)):
        back = previous_year(text, sentence_left, written, review)
        if back:
            return back
    for breaks in (CLAUSE_END, SENTENCE_END):
        left, right = span_around(text, q.raw_start, q.end, breaks)
        listed = listed_year(text[left:q.raw_start])
        if listed:
            return listed
        froms = [m.end() - left for m in FROM_YEAR.finditer(text, left, q.raw_start)]
        if q.baseline and breaks == SENTENCE_END and froms:
            # 贫困人口从2012年底的486万人减少到2019年的16.9万人,贫困发生率从18.1%下降到0.6%:
            # a later change of the sentence starts when the first one does
            return years_in(text[left + froms[-1]:q.raw_start])[0][1]
        # 由2016年底的7.2%降至3.8%,全年退出贫困村412个: a change's starting year dates its baseline only
        before = years_in(text[left:q.raw_start]) if q.baseline else unchanging_years(text, left, q.raw_start)
        if breaks == SENTENCE_END:
            before = [(pos, year) for pos, year in before if not in_other_item(text, left, left + pos, q.raw_start)]
        cue = relative_cue(text[left:right if after else q.raw_start], q.raw_start - left, q.baseline, review)
        # 根据《规划(2016—2020年)》,今年全县计划…: whichever of a year and a relative time is nearer
        if before and (cue is None or before[-1][0] > cue[0] or cue[0] > q.raw_start - left):
            return before[-1][1]
        if cue is not None:
            return written + cue[1] if written else (default if cue[1] == 0 else None)
        # 脱贫23275户,贫困发生率由2014年的10.6%下降到1.27%: a later change's start year dates only it
        later = unchanging_years(text, q.end, right) if after else []
        if later and breaks == CLAUSE_END:  # 安置1623户,完成“十三五”搬迁任务的103%: not the figure's year
            return later[0][1]
    fallback = (subgroup_year(text, q, written, review) or heading_year(text, q.raw_start)
                or section_year(text, q.raw_start, written))
    if fallback:
        return fallback
    # a plan that names no year is for this year or later, whatever year the article reports on
    return written if planned_figure and written and (default is None or default < written) else default


def stated_baselines(body: str, facts: list[Fact]) -> list[Fact]:
    """Return facts with each change's starting figure that repeats a figure the article states for the
    same indicator and place made one fact with it: a baseline, of the time it was stated
    (2014年建档立卡之初,…贫困发生率高达56.24%…全州贫困发生率从56.24%降至2019年底的10.09%)."""
    stated = {(f.indicator_code, f.value, f.adcode): f for f in facts if f.qualifier == "actual"}
    merged, repeats = {}, set()
    for f in facts:
        repeated = stated.get((f.indicator_code, f.value, f.adcode)) if f.qualifier == "baseline" else None
        # 由2014年的13.8%, 2017年,…贫困发生率由7.62%: a time of its own
        sentence_left = span_around(body, f.char_start, f.char_end, SENTENCE_END)[0]
        if repeated is not None and not years_in(body[sentence_left:f.char_start]):
            repeats.add(id(repeated))
            merged[id(f)] = replace(f, period_year=repeated.period_year)
    return [merged.get(id(f), f) for f in facts if id(f) not in repeats]


def in_other_item(text: str, sentence_left: int, at: int, figure_at: int) -> bool:
    """Tell whether text[at] stands in another item than the figure's of a sentence listing items
    after ;, but not in the first: 2016年至2019年,全省累计投入…;“十三五”易地扶贫搬迁13.47万人任务全面完成;
    累计完成农村危房改造33.8万户 (the sentence's time is its head's, an item's own is that item's)."""
    first_end = text.find(";", sentence_left, figure_at)
    return first_end != -1 and first_end < at < text.rfind(";", sentence_left, figure_at)


def heading_year(text: str, at: int) -> int | None:
    """Return the year of the last section heading with one above a figure (一、2017年工作回顾;
    三、2018年工作安排)."""
    starts, years = dated_headings(text)
    before = bisect_left(starts, at)
    return years[before - 1] if before else None


# 一、正视成绩…⏎过去的一年,是我县…的一年: the time a section's first sentence opens with
SECTION_TIME = re.compile(rf"\s*(?:(?P<year>{YEAR_TOKEN})|(?P<last>去年|过去的一年|过去一年)|今年)[,是]")


def section_year(text: str, at: int, written: int | None) -> int | None:
    """Return the year the sentence opening the section above text[at] opens with (一、正视成绩,坚定…信心⏎
    过去的一年,是我县脱贫攻坚…的一年 in a speech of February 2018: 2017)."""
    starts, headings = section_headings(text)
    before = bisect_left(starts, at)
    if not before:
        return None
    opening = starts[before - 1] + len(headings[before - 1]) + 1
    time = SECTION_TIME.match(text, opening) if opening < at else None
    if time is None:
        return None
    if time["year"]:
        return years_in(time["year"])[0][1]
    return written - 1 if written and time["last"] else written


# ▲双龙镇:劳务协作“输”出致富路: a section's heading that opens with a township's own name
TOWNSHIP_NAME = re.compile(f"[{HAN}]{{1,5}}(?:镇|乡)(?=[:: ])")
SECTION_NAME_END = re.compile("[:: ]")
# ▲, 【…】, 一、, (一), 1.: what opens a section's heading
SECTION_MARK = re.compile(rf"{SPEAKER.pattern}|\s*(?:[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|\d{{1,2}}[.、])\s*")


@lru_cache(maxsize=8)
def section_headings(text: str) -> tuple[list[int], list[str]]:
    """Return where the headings of a text's sections begin, and their text (a body is asked many times)."""
    found = [(m.start(), m.group()) for m in HEADING.finditer(text)]
    return [start for start, _ in found], [heading for _, heading in found]


@lru_cache(maxsize=8)
def dated_headings(text: str) -> tuple[list[int], list[int]]:
    """Return where the headings that name a year begin, and their years (a body is asked many times)."""
    found = [(m.start(), years_in(m.group())) for m in HEADING.finditer(text)]
    dated = [(start, years[-1][1]) for start, years in found if years]
    return [start for start, _ in dated], [year for _, year in dated]


def relative_cue(scope: str, at: int, baseline: bool, review: bool = False,
                 looking_back: bool = False) -> tuple[int, int] | None:
    """Return where the relative time nearest before a figure in its scope (else the first after it)
    stands and its offset from the year written: 去年 -1, 今年/目前/2014年以来 0, 明年 +1. Neither
    较上年 (a comparison) nor, for the end of a change, 由去年底的8.9%降至3.2% (its start) dates a figure."""
    cues = []
    for pattern, offset in ((LAST_YEAR, -1), (NEXT_YEAR, 1), (CURRENT_YEAR, 0), (SINCE, -review), (UP_TO_NOW, -review)):
        for m in pattern.finditer(scope):
            before = scope[max(0, m.start() - 1):m.start()]
            if before in COMPARED_TO or (offset == -1 and not baseline and before in ("由", "从")):
                continue
            cues.append((m.start(), offset))
    # 去年4月,…获批退出,至此全市11个贫困县全部摘帽: 至此 is the time just named, and says nothing of the
    # time of a sentence that points back to it (looking_back)
    cues = [cue for cue in cues if not (scope.startswith("至此", cue[0])
                                        and (looking_back or any(c[0] < cue[0] for c in cues)))]
    earlier = [cue for cue in cues if cue[0] < at]
    if earlier:
        return max(earlier)
    # 全年通江县减贫3.42万人,为今年脱贫摘帽打下基础: the year it was done, not the one it prepares
    if not cues or OWN_YEAR.search(scope, 0, at):
        return None
    return min(cues)


def subgroup_year(text: str, q: Quantity, written: int | None, review: bool = False) -> int | None:
    """Return the year of the sentence a 其中 or 分县看 sentence breaks down (2019年共减贫22.9万人。其中,镇雄县减贫7.22万人)
    or a 那一年 or 全年 sentence points back to (去年全县脱贫攻坚取得重大进展。全年减少贫困人口1.12万人)."""
    left = span_around(text, q.raw_start, q.end, SENTENCE_END)[0]
    if left == 0 or not (SUBGROUP.match(text, left) or BREAKDOWN.match(text, left) or THAT_YEAR.match(text, left)):
        return None
    return previous_year(text, left, written, review)


def previous_year(text: str, left: int, written: int | None, review: bool = False) -> int | None:
    """Return the year the sentence before the one starting at left names, or its relative time gives."""
    end = left - 1
    while end > 0 and text[end] in SENTENCE_END:  # …4个县区脱贫摘帽。\n其中: the sentence before the line break
        end -= 1
    previous = span_around(text, end, end, SENTENCE_END)[0]
    years = unchanging_years(text, previous, left)
    if years:
        return years[0][1]
    cue = relative_cue(text[previous:left], left - previous, False, review, looking_back=True)
    return written + cue[1] if cue is not None and written else None


def target_cue(body: str, sentence_left: int, start: int, end: int, figure_at: int) -> re.Match | None:
    """Return the first target word in body[start:end] that no quotation closed before the figure at
    figure_at holds: the 要 of a slogan (以“首倡之地要有首倡之为”的担当,全县减贫7925户) plans nothing,
    but a quoted speech plans its own figures (“今年全县要实现4.1万人脱贫,…”)."""
    for cue in TARGET.finditer(body, start, end):
        quoted = body.rfind("“", sentence_left, cue.start()) > body.rfind("”", sentence_left, cue.start())
        if not quoted or body.find("”", cue.end(), figure_at) == -1:
            return cue
    return None


def planned(body: str, q: Quantity, clause_left: int, carried: bool = True) -> bool:
    """Tell whether a figure is planned: a target word before it in its clause, or a plan of figures
    earlier in its sentence that carries over (计划减贫1.2万人,退出贫困村30个) until a clause says
    its own figures are done (已, 实际, 累计). 计划摘帽的5个贫困县全部摘帽: a plan that only says which
    of them the figure counts plans nothing."""
    sentence_left = span_around(body, q.raw_start, q.end, SENTENCE_END)[0]
    cue = target_cue(body, sentence_left, clause_left, q.raw_start, q.raw_start)
    if cue and not ATTRIBUTIVE.fullmatch(body, cue.end(), q.start):
        return True
    cue = target_cue(body, sentence_left, sentence_left, clause_left, q.raw_start) if carried else None
    if cue is None or DONE.search(body, cue.end(), q.raw_start) or GOAL_MET.match(body, cue.end()):
        return False
    cue_clause_left, cue_clause_end = span_around(body, cue.start(), cue.end(), CLAUSE_END)
    if QUANTITY_RE.search(body, cue.end(), cue_clause_end):
        return True
    # A plan goes on into the clauses after it (2019年,全市将确保两县脱贫摘帽,减贫4.3万人; 今年的目标
    # 任务很明确,就是剩余的6735户21409人全部脱贫), but a purpose plans nothing (为确保如期脱贫,全县
    # 投入资金5亿元), nor a goal reached (圆满完成年度目标任务,全县减贫5200人).
    return not PURPOSE_OR_DONE.search(body, cue_clause_left, cue.start())


# 2018年剩余的698户3060人,计划于今年年底前全部搬迁入住: the rest, then the plan for them
REST = re.compile(f"(?:{YEAR_TOKEN}|今年|明年)?,?(?:剩余|剩下|余下)的?")
PLAN_FOR_THEM = re.compile("[,，](?:计划|将|要|力争|确保|预计)(?![^,;。!?\\n]*?\\d)")


def plan_for_rest(body: str, q: Quantity, clause_left: int) -> bool:
    """Tell whether a clause that only names the rest of something by its figures (2018年剩余的698户3060人)
    is followed by a clause planning what becomes of them."""
    rest = REST.match(body, clause_left)
    if rest is None or not (rest.end() == q.start or SEQUENCE_RE.fullmatch(body, rest.end(), q.start)):
        return False
    run = SEQUENCE_RE.match(body, q.start)
    return PLAN_FOR_THEM.match(body, run.end() if run else q.end) is not None


def name_list(text: str, mentions) -> list[Region]:
    """Return the places of the list of names that ends with the last mention: 岚县、方山县 or 镇雄、彝良、鲁甸."""
    if not mentions:
        return []
    run = [mentions[-1]]
    for m in reversed(mentions[:-1]):
        if len(text[m.end:run[0].start]) != 1 or text[m.end] not in LIST_MARKS:
            break
        run.insert(0, m)
    return [m.region for m in run]


def opens_clause(text: str, sentence_left: int, at: int) -> bool:
    """Tell whether text[at:] opens a clause of the sentence beginning at sentence_left."""
    return at == sentence_left or text[at - 1] in CLAUSE_END


# 在积石山县,…; 2019年康乐县减贫…; 去年,集团在康乐县开设培训班: what may stand before the name that
# opens a clause, when the clause is still the place's: a time, where it takes place
CLAUSE_LEAD = re.compile(rf"(?:{YEAR_TOKEN}|去年|今年|当年|目前)?(?:[^,;:。!?\n\d]{{0,4}}在)?")


def clause_left(text: str, start: int, at: int) -> int:
    """Return where the clause holding text[at] begins, in a sentence beginning at start."""
    return max(start, span_around(text, at, at, CLAUSE_END)[0])


def led_to(text: str, start: int, at: int) -> bool:
    """Tell whether only a time or a 在 stands between the clause's start and text[at] (a place the
    clause names before, as in 金寨县在全国率先探索, is its subject instead)."""
    return CLAUSE_LEAD.fullmatch(text, clause_left(text, start, at), at) is not None


# 从湖南全省看,今年要实现110万农村贫困人口脱贫: a place the sentence takes as its topic
TOPIC_BEFORE = re.compile("(?:从|就|放眼|纵观)$")
TOPIC_AFTER = re.compile("(?:全[省市州县区旗])?(?:来看|看|而言)[,:]")


def is_topic(text: str, start: int, at: int, end: int) -> bool:
    """Tell whether the place named in text[at:end] is the topic of a clause opening the sentence at
    start, as in 从湖南全省看,…"""
    before = TOPIC_BEFORE.search(text, start, at)
    return before is not None and opens_clause(text, start, before.start()) and TOPIC_AFTER.match(text, end) is not None


def in_list(text: str, m) -> bool:
    """Tell whether the mention m of text is one name of a list (岚县、方山县)."""
    after, before = text[m.end:m.end + 1], text[max(0, m.start - 1):m.start]
    return bool(after) and after in LIST_MARKS or before == "、"


def named_before(text: str, start: int, at: int, mentions) -> bool:
    """Tell whether one of the mentions (offsets from start) stands in text[at]'s clause before it."""
    left = clause_left(text, start, at)
    return any(left <= start + m.start < at for m in mentions)


def sentence_subject(text: str, start: int, end: int, mentions) -> Region | None:
    """Return the region the last earlier clause of a sentence that opens with a name names
    (昭通市2019年共减贫…,贫困发生率…; 秭归县…最低,为0.43%;郧西县最高,为1.86%) or, failing that, the last one that closes a clause (与井冈山相邻的遂川县,去年退出贫困村19个):
    the last of a run of names that qualify one another (白银市靖远县), not one of a list (岚县、方山县),
    not a newspaper's or station's (吉林日报3月26日讯)."""
    opening = closing = None
    for i, m in enumerate(mentions):
        if i and mentions[i - 1].end == m.start:
            continue
        run = i
        while run + 1 < len(mentions) and mentions[run + 1].start == mentions[run].end:
            run += 1
        after = text[start + mentions[run].end:start + mentions[run].end + 1]
        if (after and after in LIST_MARKS) or MEDIA_AFTER.match(text, start + mentions[run].end, end):
            continue
        at = start + m.start
        if (opens_clause(text, start, at) or SPEAKER.fullmatch(text, start, at)
                or (led_to(text, start, at) and not named_before(text, start, at, mentions[:i]))
                or is_topic(text, start, at, start + mentions[run].end)):
            opening = mentions[run].region
        if after == ",":
            closing = mentions[run].region
    return opening or closing


class Extractor:
    """Turn a cleaned article into facts using the lexicon's rules and the gazetteer."""

    def __init__(self, lexicon: Lexicon, gazetteer: Gazetteer):
        self.lexicon = lexicon
        self.gazetteer = gazetteer

    def region_for(self, text: str, q: Quantity, document_region: Region | None) -> Region | None:
        """Return the region named nearest before a figure in its clause, else the document's."""
        left = span_around(text, q.raw_start, q.end, CLAUSE_END)[0]
        clause = text[left:q.raw_start]
        # 帮助石阡县贫困劳动力到江苏就业3268人: where people went is not whose figure it is
        named = self.recipients(clause, self.gazetteer.mentions(clause))
        label = own_label(clause)
        if label:  # 甘州区、临泽县分别减贫1200人、800人: each its own
            own = [m for m in named if label[0] <= m.start and m.end <= label[1]]
            if own:
                return own[-1].region
            listed = self.listed_county(clause[slice(*label)], named)
            if listed:
                return listed
        sentence_left = span_around(text, q.raw_start, q.end, SENTENCE_END)[0]
        if named:
            # 鲁甸县、巧家县等6个县(区)退出, 岚县、方山县2个国定贫困县摘帽: a figure about a group of places
            if GROUPED.match(clause, named[-1].end):
                return self.group_region(name_list(clause, named), self.subject_of(text, sentence_left, left),
                                         document_region,
                                         PROVINCE_GOVERNMENT.search(text, sentence_left, q.raw_start) is not None,
                                         int(q.value) if q.unit == "county" else 0)
            if named[-1].end == len(clause) and len(name_list(clause, named)) > 1:
                return self.group_region(name_list(clause, named))  # named in full
            members, tail = name_list(clause, named), LIST_TAIL.fullmatch(clause, named[-1].end)
            first = named[-len(members)].start
            if (q.unit == "county" and q.value > 1 and tail and all(m.level == "county" for m in members)
                    and (tail.group() or (first > 0 and clause[first - 1] in LIST_MARKS))):
                # 大方、黔西2个县, 镇雄、彝良、威信三县: a group, though one of its names (大方, 威信) is a
                # word the gazetteer does not take for a place
                return self.group_region(members, self.subject_of(text, sentence_left, left), document_region,
                                         counties=int(q.value))
            return named[-1].region
        if RESPECTIVELY in clause and left > sentence_left:
            listed = self.listed_region(text, left, q)
            if listed:
                return listed
        unknown = UNKNOWN_COUNTY.match(clause)
        if unknown and not GENERIC_COUNTY.search(unknown["name"]) and not self.gazetteer.knows(unknown["name"]):
            return None  # 平立县退出贫困村28个: 平利县 misspelled
        if NATIONWIDE.search(clause):
            return self.gazetteer.country
        level = OWN_LEVEL.search(clause)
        if level and document_region:  # 全省 in a county's article: the province it lies in
            return (self.named_earlier(text, sentence_left, left, level["kind"], document_region)
                    or self.gazetteer.enclosing(document_region, level["kind"])
                    or self.speaker_region(text, q.raw_start, level["kind"], document_region)
                    or self.recent_region(text, left, level["kind"], document_region) or document_region)
        if level:
            return None
        subject = self.subject_of(text, sentence_left, left)
        if subject is None and HERE.match(text, sentence_left):
            subject = place_before_here(text, sentence_left, self.gazetteer)
        if subject is None and self.nationwide_before(text, sentence_left, left):
            return self.gazetteer.country
        if subject is None and document_region is not None and document_region.level != "county":
            # ▲永顺县石堤镇:…全镇1483户5621名贫困群众已全部稳定脱贫 in a prefecture's roundup: the county
            # the section's heading opens with; ▲双龙镇:…全镇… names none, so the township's has no region
            section = self.section_place(text, q.raw_start)
            if section is not None:
                return section or None
        # 2014年以来,全州累计减少贫困人口112.6万人,贫困发生率由31.02%降至6.32%: the sentence speaks for
        # the 州 an earlier clause opens with (not for the 全省 of 占全省近三分之一)
        earlier = [m for m in OWN_LEVEL.finditer(text, sentence_left, left)
                   if opens_clause(text, sentence_left, m.start())]
        if subject is None and earlier and document_region:
            return self.gazetteer.enclosing(document_region, earlier[-1]["kind"]) or document_region
        if subject is None and document_region is not None:
            subject = self.speaker_region(text, q.raw_start, None, document_region)
        return subject or document_region

    def section_place(self, text: str, at: int) -> Region | str | None:
        """Return the place the section heading above text[at] opens with (▲永顺县石堤镇:…), '' when it
        opens with a township's name alone (▲双龙镇:…), None when no heading opens with a place."""
        starts, headings = section_headings(text)
        before = bisect_left(starts, at)
        if not before:
            return None
        heading = headings[before - 1]
        opening = SECTION_MARK.match(heading)
        if opening is None:
            return None
        named = self.gazetteer.mention_at(heading, opening.end())
        if named is None:
            return "" if TOWNSHIP_NAME.match(heading, opening.end()) else None
        run = [named]
        for m in self.gazetteer.mentions(heading[named.end:]):  # 湘西州永顺县: the last of names that qualify one another
            if named.end + m.start != run[-1].end:
                break
            run.append(replace(m, start=named.end + m.start, end=named.end + m.end))
        following = heading[run[-1].end:]
        if not (SECTION_NAME_END.match(following) or TOWNSHIP_NAME.match(following)):
            return None  # ▲花垣县委书记…: not a section of the place's own news
        return run[-1].region if run[-1].region.level not in ("country", "province") else None

    def recipients(self, text: str, mentions) -> list:
        """Return the mentions of text but the places people are sent to (到江苏就业, 向福建转移) and the
        places that give aid to another (广州市共向我州拨付, 上海援建资金)."""
        kept, giver_at = [], -1
        for m in reversed(mentions):
            if m.end == giver_at:  # 厦门市 of 厦门市湖里区帮扶…
                giver_at = m.start
                continue
            before = text[m.start - 1:m.start]
            if before in DESTINATION_BEFORE or (before == "向" and SENT_TO.match(text, m.end)):
                continue
            # 今年将在康乐县再投入帮扶资金2500万元: where the aid goes is not who gives it
            given_to = before == "在" or GIVEN_TO.search(text, max(0, m.start - 2), m.start) is not None
            if not given_to and (GIVES_AID.match(text, m.end) or HELPED_BUILD.match(text, m.end)
                                 or self.gives_to_a_place(text, m.end)):
                giver_at = m.start
                continue
            kept.append(m)
        return kept[::-1]

    def gives_to_a_place(self, text: str, at: int) -> bool:
        """Tell whether text at a place's name goes on to give to another place or to 我县 (向铜仁投入,
        结对帮扶东乡县)."""
        giver = GIVES_TO.match(text, at)
        if giver is None:
            return False
        return text.startswith("我", giver.end()) or self.gazetteer.mention_at(text, giver.end()) is not None

    def listed_county(self, label: str, named) -> Region | None:
        """Return the county a label of a list of counties names though the gazetteer does not take the
        word alone for a place: 威信 of 镇雄、彝良、威信三县分别减贫…."""
        name = LABEL_GROUP.sub("", label).strip()
        if not named or not all(m.region.level == "county" for m in named) or not 2 <= len(name) <= 4:
            return None
        found = self.gazetteer.mentions(name + "县")
        if len(found) == 1 and (found[0].start, found[0].end) == (0, len(name) + 1) and \
                found[0].region.parent_adcode == named[-1].region.parent_adcode:
            return found[0].region
        return None

    def subject_of(self, text: str, sentence_left: int, clause_left: int) -> Region | None:
        """Return the region the sentence's earlier clauses make its subject (see sentence_subject)."""
        earlier = text[sentence_left:clause_left]
        named = self.recipients(earlier, self.gazetteer.mentions(earlier))
        subject = sentence_subject(text, sentence_left, clause_left, named)
        # 镇海区帮助望谟县建设安置点,全年安置搬迁群众1620户: the place helped is what the sentence is about
        helped = [m for m in named if GIVEN_TO.search(earlier, max(0, m.start - 2), m.start)]
        return subject or (helped[0].region if helped else None)

    @staticmethod
    def nationwide_before(text: str, sentence_left: int, clause_left: int) -> bool:
        """Tell whether an earlier clause of the sentence counts something nationwide, which the
        figure's clause goes on about: 放眼全国,832个贫困县中,截至今年初已有780个脱贫摘帽."""
        nationwide = NATIONWIDE.search(text, sentence_left, clause_left)
        if nationwide is None:
            return False
        # 从全国看,农村贫困人口从2012年底的9899万人减少到…: a clause that says the sentence is the nation's
        topic = NATIONWIDE_TOPIC.match(text, span_around(text, nationwide.start(), nationwide.end(), CLAUSE_END)[0])
        return topic is not None or QUANTITY_RE.search(text, nationwide.end(), clause_left) is not None

    def named_earlier(self, text: str, sentence_left: int, clause_left: int, kind: str,
                      document_region: Region) -> Region | None:
        """Return the region of that kind an earlier clause of the sentence names last, in the document's
        province: 全县 there is that county, not the article's (在黔东南,从江县的扶贫干部…,今年全县…;
        截至目前,大化县累计发放…;今年上半年,全县实现…)."""
        province = self.gazetteer.enclosing(document_region, "省") or self.gazetteer.enclosing(document_region, "区")
        scope = text[sentence_left:clause_left]
        earlier = self.recipients(scope, self.gazetteer.mentions(scope))
        return next((m.region for m in reversed(earlier) if m.region.name.endswith(kind)
                     and (province is None or province in self.gazetteer.ancestors(m.region))
                     and not in_list(scope, m)), None)  # 会泽、宣威、富源…5个贫困县(市): no one of them

    def speaker_region(self, text: str, at: int, kind: str | None, document_region: Region) -> Region | None:
        """Return the region (of that kind) within the document's that is named right after the quote
        text[at] stands in, as its speaker's (“2018年我们摘帽的时候,全县8235户…全部脱贫。”在岢岚县
        宋家沟村,县委书记对记者回忆). Without a kind, the quote must speak as we (“我们…明年计划组织
        劳务输转5.5万人。”通渭县委主要负责同志表示)."""
        opened, closed = text.rfind("“", 0, at), text.rfind("”", 0, at)
        end = text.find("”", at)
        if (opened == -1 or closed > opened or end == -1 or text[opened - 1:opened] in (":", "：")
                or (kind is None and not WE.search(text, opened, at))):
            return None  # 市长在讲话中说:“…: who speaks was said before
        return self.first_within(self.gazetteer.mentions(text[end + 1:end + 1 + SPEAKER_REACH]), kind, document_region)

    def recent_region(self, text: str, at: int, kind: str, document_region: Region) -> Region | None:
        """Return the region of that kind within the document's that the text named last before at:
        全县 in a prefecture's article (福贡县是怒江州…的县之一。…今年全县最后的4300户…)."""
        return self.first_within(reversed(self.gazetteer.mentions(text[max(0, at - RECENT_REACH):at])), kind,
                                 document_region)

    def first_within(self, mentions, kind: str | None, region: Region) -> Region | None:
        """Return the region of the first mention that lies within region (and is of that kind)."""
        return next((m.region for m in mentions if (kind is None or m.region.name.endswith(kind))
                     and region in self.gazetteer.ancestors(m.region)), None)

    def listed_region(self, text: str, clause_left: int, q: Quantity) -> Region | None:
        """Return the place a figure of a 分别 list stands for when the places are named in the clause
        before: 镇雄、彝良、鲁甸三县,2018年分别减贫51200人、23800人和16600人."""
        clause_right = span_around(text, q.raw_start, q.end, CLAUSE_END)[1]
        at = text.rfind(RESPECTIVELY, clause_left, q.raw_start)
        figures = [figure_start(m) for m in QUANTITY_RE.finditer(text, at, clause_right)]
        previous = span_around(text, clause_left - 1, clause_left - 1, CLAUSE_END)[0]
        before = text[previous:clause_left]
        places = name_list(before, self.gazetteer.mentions(before))
        if len(places) != len(figures) or q.raw_start not in figures:
            return None
        return places[figures.index(q.raw_start)]

    def group_region(self, members: list[Region], subject: Region | None = None,
                     document_region: Region | None = None, announced_by_province: bool = False,
                     counties: int = 0) -> Region | None:
        """Return the region a group of named places (…等9个县) lies in: the sentence's subject or the
        document's region when it holds them all (贵州省人民政府发布公告,威宁县等9个县退出), else the
        nearest region above them all (which is all there is for a group named in full). A group of
        counties lies in a region with as many (通渭县、岷县等8个县 are not all of 定西市's seven)."""
        def holds(region: Region) -> bool:
            return (all(region in self.gazetteer.ancestors(m) for m in members)
                    and self.gazetteer.county_count(region) >= counties)
        for candidate in (subject, document_region):
            if candidate and holds(candidate):
                return candidate
        if announced_by_province:  # 自治区人民政府批准都安瑶族自治县、大化瑶族自治县等8个县退出
            province = next((r for r in self.gazetteer.ancestors(members[0]) if r.level == "province"), None)
            if province and holds(province):
                return province
        return next((r for r in self.gazetteer.ancestors(members[0]) if r.level != "country" and holds(r)), None)

    def extract(self, body: str, title: str | None = None,
                published_at: datetime | None = None, document_region: Region | None = None) -> list[Fact]:
        """Return the facts stated in body, one per indicator, value and qualifier."""
        # process() resolves the document's region once and passes it in
        document_region = document_region or self.gazetteer.document_region(title, body)
        reader = Extractor(self.lexicon, self.gazetteer.within(document_region))
        return reader.facts_of(body, title, published_at, document_region)

    def facts_of(self, body: str, title: str | None, published_at: datetime | None,
                 document_region: Region | None) -> list[Fact]:
        """Return the facts of an article whose region is known (see extract)."""
        written = current_year(body, published_at, self.lexicon.year_cues)
        early = published_at is not None and published_at.month <= EARLY_MONTHS
        default_year = reporting_year(body, written, title, early)
        # spans up to the time of writing (七年来, 2014年以来) end with the year before in a review of it, and
        # in any article of January (七年间全市累计投入… on 5 January 2021: 2014-2020)
        january = published_at is not None and published_at.month == 1
        review = written is not None and ((early and default_year == written - 1) or january)
        facts, seen = [], set()
        found = (candidates(body, self.lexicon.rules) + table_candidates(body, self.lexicon.rules)
                 + label_candidates(body, self.lexicon.rules))
        labelled_plans = {c.quantity.raw_start for c in found if c.planned}  # whichever reading wins
        found = [replace(c, planned=True) if c.quantity.raw_start in labelled_plans else c for c in found]
        found += part_candidates(body, found)
        found += place_parts(body, found, self.gazetteer)
        found += parallel_parts(body, found, self.gazetteer)
        found += continued_changes(body, found)
        found += year_items(body, found)
        found = not_anecdotes(body, outside_mojibake(body, found), self.gazetteer)
        for c in without_subgroups(body, best_per_quantity(found), self.gazetteer):
            if c.table_at is not None and c.year is None:
                c = replace(c, year=table_year(body, c.table_at, written))
            q = c.quantity
            fact = self.to_fact(body, c, document_region, written, default_year, review)
            key = (fact.indicator_code, fact.value, fact.qualifier)
            if key not in seen:
                seen.add(key)
                facts.append(fact)
        return stated_baselines(body, facts)

    def to_fact(self, body: str, c: Candidate, document_region: Region | None,
                written: int | None, default_year: int | None, review: bool = False) -> Fact:
        """Build the fact for one claimed figure (review: the article, written early in a year, reports on
        the year before)."""
        q = c.quantity
        left = span_around(body, c.match_start, c.match_end, CLAUSE_END)[0]
        right = span_around(body, c.match_end - 1, c.match_end, CLAUSE_END)[1]
        evidence = with_label(body[left:right].rstrip(CLAUSE_END).strip(), c)
        # 5个县力争脱贫摘帽, 16个贫困县将全部脱贫摘帽: the plan between the figure and its trigger
        plan = not q.baseline and (c.planned or planned(body, q, left, carried=not c.indicator.stock)
                                   or TARGET.search(body, q.end, c.match_end) is not None
                                   or (GOAL_AFTER.match(body, q.end) is not None
                                       and not GOAL_REACHED.search(body, left, right)))
        plan = plan or (not c.indicator.stock and plan_for_rest(body, q, left))
        year = c.year or period_year(body, q, written, default_year, plan, review, after=not (c.indicator.stock or q.baseline))
        if year and c.indicator.last_year and year > c.indicator.last_year:
            year = c.indicator.last_year
        if q.baseline:
            qualifier = "baseline"
        elif plan or (year and written and year > written  # 到2020年 in 2017: a plan
                      and not DONE.search(body, left, right)):
            qualifier = "target"
        else:
            qualifier = "actual"
        region = self.region_for(body, q, document_region)
        return Fact(
            indicator_code=c.indicator.code, value=q.value, qualifier=qualifier,
            adcode=region.adcode if region else None,
            period_year=year,
            raw_text=body[q.start:q.end], evidence=evidence, char_start=q.start, char_end=q.end,
            approximate=q.approximate,
        )
