"""Administrative regions of China and a gazetteer that finds them in article text.

Pure module (stdlib only): load seeds/regions.csv with `Gazetteer.from_csv`, then
`mentions(text)` lists region names found in running Simplified-Chinese text and
`document_region(title, body)` picks the region an article is about.

Recognition is dictionary-based: every official name, customary alias (凉山州) and
short name (凉山, 张掖, 甘肃) is indexed by its first two characters; the scanner takes
the longest surface at each position. Because Chinese has no word boundaries, short
names are guarded by a stop-list, blocking idioms, next-character rules and a
left-boundary check; names shared by several regions are resolved from the other
names in the same text, and left unresolved (no mention) when that does not decide.
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

COUNTRY_ADCODE = "100000"
LEVELS = ("country", "province", "prefecture", "county")
LEVEL_RANK = {level: rank for rank, level in enumerate(LEVELS)}

# Official-name suffixes, longest first so 自治州 is stripped before 州.
NAME_SUFFIXES = (
    "特别行政区", "自治区", "自治州", "自治县", "自治旗",
    "地区", "林区", "特区", "新区", "矿区",
    "省", "市", "县", "区", "州", "旗", "盟",
)
AUTONOMOUS_SUFFIXES = ("自治区", "自治州", "自治县", "自治旗")
# 凉山彝族自治州 is usually written 凉山州, 石柱土家族自治县 石柱县: the short name plus
# the last character of the autonomous suffix is as reliable as the official name.
AUTONOMOUS_ALIAS_SUFFIX = {"自治州": "州", "自治县": "县", "自治旗": "旗"}

# The 56 officially recognised ethnic groups; autonomous names embed one or more of
# them, with or without 族 (伊犁哈萨克自治州, 大通回族土族自治县).
ETHNIC_GROUPS = (
    "汉族", "蒙古族", "回族", "藏族", "维吾尔族", "苗族", "彝族", "壮族", "布依族", "朝鲜族",
    "满族", "侗族", "瑶族", "白族", "土家族", "哈尼族", "哈萨克族", "傣族", "黎族", "傈僳族",
    "佤族", "畲族", "拉祜族", "水族", "东乡族", "纳西族", "景颇族", "柯尔克孜族", "土族",
    "达斡尔族", "仫佬族", "羌族", "布朗族", "撒拉族", "毛南族", "仡佬族", "锡伯族", "阿昌族",
    "普米族", "塔吉克族", "怒族", "乌孜别克族", "俄罗斯族", "鄂温克族", "德昂族", "保安族",
    "裕固族", "京族", "塔塔尔族", "独龙族", "鄂伦春族", "赫哲族", "门巴族", "珞巴族", "基诺族",
    "高山族", "各族",
)

MIN_SHORT_LEN = 2
DEFAULT_REGIONS_CSV = Path(__file__).resolve().parents[1] / "seeds" / "regions.csv"

# Extra surfaces for the country besides its name 中国: "nationwide", "our country".
COUNTRY_ALIASES = ("全国", "我国")
# Customary abbreviations that suffix stripping cannot derive.
EXTRA_ALIASES = {"内蒙": "150000"}

# Short names that are ordinary words far more often than place names (比如 "for
# example", 合作 "co-operation", 资源 "resources", 振兴 "revitalise"...). The full
# official name (比如县, 合作市, 资源县, 振兴区) still matches.
# 全州 is 全州县 shortened, but in text it says "the whole prefecture": a level phrase is no short name.
LEVEL_PHRASE = re.compile("^[全本该我各][省市县区州旗盟]$")
STOP_SHORT_NAMES = frozenset(
    """
    万全 万年 三江 上街 东方 东风 东海 中方 中原 丰满 二七 二道 互助 会同 元宝 光泽
    公安 共和 兴业 兴隆 前进 前锋 南山 南岸 南海 南部 南郊 博爱 卫东 友好 友谊 古城
    台前 合作 吉利 同仁 同心 同德 名山 和平 和顺 商城 商都 回民 城东 城中 城关 城北
    城西 城厢 复兴 大关 大兴 大厂 大方 天台 天桥 太平 威信 安宁 安定 安居 安康 宏伟
    富民 富裕 小店 山城 工农 市中 市北 市南 平原 平和 平安 平房 平顺 康乐 延长 惠民
    惠农 振兴 故城 新华 新兴 新城 新市 新建 新民 方正 无极 来宾 梨树 榆树 樟树
    武功 比如 民乐 民权 江南 江山 沿河 海港 海盐 海棠 清水 清流 温泉 港口 湖滨 湖里
    滨江 滨海 滨湖 灯塔 爱民 牡丹 白云 白塔 白水 白玉 石狮 石棉 站前 红旗 红星 老城
    芙蓉 荷塘 莲池 莲花 解放 资源 路北 路南 路桥 运河 通道 钟楼 长子 长安 长寿 青山
    高台 高明 鸡冠 麒麟 龙江 云霄 长白 天山 大城 江城
    """.split()
)

# Official names that are also everyday words (城区 "urban area", 矿区 "mining area").
STOP_FULL_NAMES = frozenset({"城区", "郊区", "矿区", "东区", "西区"})

# Common words and idioms that contain a region name; matched like names but yield
# nothing, so 长治久安 gives no 长治市 and 安居乐业 neither 安居区 nor 乐业县.
BLOCKING_PHRASES = (
    "四平八稳", "安居乐业", "长治久安", "共和国", "太平洋", "金山银山", "长白山", "河西走廊",
    "三江源", "科教兴国", "人才兴国", "实业兴国", "兴国安邦", "交口称赞", "东山再起",
    "千山万水", "万水千山", "大丰收", "大同小异", "大名鼎鼎", "大田作物", "大英博物馆",
    "大观园", "蔚为大观", "天涯海角", "天长地久", "一马平川", "无为而治", "日照时间",
    "日照时数", "日照充足", "世外桃源", "江东父老", "否极泰来", "海晏河清", "坚如磐石",
    "价值连城", "阳春三月", "阳春白雪", "凌云壮志", "龙凤呈祥", "黄梅戏", "阿里巴巴",
    "凤凰网", "凤凰卫视", "凤凰涅槃", "和政府", "盘山公路", "新华社", "新华网", "朝阳产业",
    "朝阳行业", "祁连山",
    # 县住建局会同县扶贫移民局: an office acting together with another (会同, "jointly with"), no 会同县
    "局会同", "办会同", "委会同", "部会同", "厅会同", "门会同", "府会同", "组会同", "会同有关", "会同相关",
)

# A short name directly followed by one of these is part of a longer proper noun (a
# road, a township or village, a company...) or an ethnic group, not the county or
# city itself. An administrative suffix also blocks, unless the unit may have been
# upgraded to it (UPGRADED_SUFFIXES): had it been the official name, the longer
# full-name match would have won (大凉山区 "the Greater Liangshan area" is no 凉山州).
SHORT_NAME_BLOCKING_NEXT_CHARS = frozenset("路街巷道镇乡村屯社寺庙桥站馆厂店族省市县区州旗盟")
SHORT_NAME_BLOCKING_NEXT_WORDS = (
    "大道", "大街", "公司", "银行", "集团", "大学", "学院", "中学", "小学", "医院", "宾馆",
    "饭店", "酒店", "公园", "机场", "广场", "商场", "花园", "小区", "大厦",
)

# Chinese has no spaces, so a name can be the tail of one word and the head of the
# next (创新丰富 holds 新丰, 新修水平 holds 修水, 完成县级 holds 成县). A name counts as
# cleanly delimited on the left after a non-Han character or one of these characters,
# which end a word or introduce a place.
WORD_BOUNDARY_PREV_CHARS = frozenset(
    "省市州盟区县旗的在和与及至到赴从对向为是将把了于由据以给让被去来经"
)
# The seed is a snapshot (about 2016-2020); units keep being upgraded: 那曲地区 is now
# 那曲市, 梁平县 梁平区, 漠河县 漠河市. A short name followed by the suffix its unit
# may have been upgraded to stands for that unit, as if it were an official name.
UPGRADED_SUFFIXES = {
    "county": {"市": ("县", "自治县", "旗", "自治旗"), "区": ("县", "自治县", "旗", "自治旗")},
    "prefecture": {"市": ("地区", "盟", "自治州")},
}

# Two-character official names (和县, 成县, 息县) must be cleanly delimited. Short
# names shorter than this must be too, unless the text names the same region (or a
# close relative, see Gazetteer._confirmed) in a trusted way (越西县... 讲好越西脱贫故事),
# or the short name is a province's (甘肃, 四川), which are written short routinely.
UNCHECKED_SHORT_LEN = 3

# document_region weights: title mentions outweigh body mentions, earlier body
# mentions weigh a little more, and nationwide references in local news are mostly
# comparisons ("全国贫困县"), so the country counts half.
TITLE_WEIGHT = 3.0
BODY_WEIGHT = 1.0
EARLY_BONUS = 0.5
COUNTRY_WEIGHT = 0.5
# A place people go to (赴厦门上岗, 到江苏就业) is elsewhere: it is no article's or figure's region.
DESTINATION_BEFORE = frozenset("赴到往")
# 新华社北京2月25日电: where a wire story was filed is no place it is about
FILED_AT = re.compile(r"\d{1,2}月\d{1,2}日\s*(?:电|讯)")
MAX_NAME_CHARS = 16  # longer than the longest name there is (积石山保安族东乡族撒拉族自治县)
# 全县/我县/县委/县政府 say which kind of unit the article speaks for; each occurrence
# raises the score of mentioned regions whose name ends in that character.
LEVEL_MARKER_TEMPLATES = ("全{}", "我{}", "本{}", "{}委", "{}政府")
LEVEL_MARKER_CHARS = "省市县区州旗盟"
# An article speaks as one kind of region when 全省/我省/本省 (say) outnumber every other kind's this much.
# 我州 and 本县 are the speaker's own; they count twice 全州's (全县 may be another county's).
SPEAKING_TEMPLATES = {"全{}": 1, "我{}": 2, "本{}": 2}
MIN_SPEAKING_MARKERS = 3
MIN_UNOWNED_SPEAKING_MARKERS = 5
SPEAKING_LEAD = 2
LEVEL_MARKER_BOOST = 0.1
LEVEL_MARKER_CAP = 10
# A child region takes over from its parent when it outweighs the parent's own
# mentions and holds more than this share of all the children's weight.
DOMINANCE_SHARE = 0.5


@dataclass(frozen=True)
class Region:
    """One row of seeds/regions.csv; empty cells are None."""

    adcode: str
    name: str
    level: str
    province_name: str | None
    prefecture_name: str | None
    parent_adcode: str | None


@dataclass(frozen=True)
class Mention:
    """A region name found in text: text[start:end] == surface."""

    start: int
    end: int
    surface: str
    region: Region


def _ethnic_forms() -> tuple[str, ...]:
    """Return ethnic names with and without 族, longest first."""
    forms = set(ETHNIC_GROUPS)
    forms.update(group[:-1] for group in ETHNIC_GROUPS if len(group) - 1 >= 2)
    return tuple(sorted(forms, key=len, reverse=True))


_ETHNIC_FORMS = _ethnic_forms()


def split_suffix(name: str) -> tuple[str, str]:
    """Split an official name into (base, suffix); suffix is '' when none applies."""
    for suffix in NAME_SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            return name[: -len(suffix)], suffix
    return name, ""


def strip_ethnic(base: str) -> str:
    """Remove trailing ethnic-group names from the base of an autonomous name."""
    core = base
    changed = True
    while changed:
        changed = False
        for group in _ETHNIC_FORMS:
            if core.endswith(group) and len(core) - len(group) >= MIN_SHORT_LEN:
                core = core[: -len(group)]
                changed = True
                break
    # 鄂温克族自治旗: the whole base is the ethnic name, so only 族 goes.
    if core == base and core.endswith("族") and len(core) > MIN_SHORT_LEN:
        core = core[:-1]
    return core


def _core_name(name: str) -> tuple[str, str]:
    """Return (core, suffix): the name without suffix and embedded ethnic names."""
    base, suffix = split_suffix(name)
    if suffix in AUTONOMOUS_SUFFIXES or "族" in base:
        return strip_ethnic(base), suffix
    return base, suffix


def short_names(name: str) -> list[str]:
    """Return the short forms of an official name (赤城县 → 赤城, 凉山彝族自治州 → 凉山)."""
    core, suffix = _core_name(name)
    if not suffix or len(core) < MIN_SHORT_LEN:
        return []
    return [core]


# Inner Mongolia's banners by wing and place: 科尔沁右翼前旗 → 科右前旗, 土默特左旗 → 土左旗.
BANNER = re.compile("^(?P<core>[\u4e00-\u9fff]{2,})(?P<wing>[左右])翼?(?P<place>[前中后]?)旗$")


def alias_names(name: str) -> list[str]:
    """Return customary full-strength aliases (凉山彝族自治州 → 凉山州, 科尔沁右翼前旗 → 科右前旗)."""
    banner = BANNER.match(name)
    if banner and len(banner["core"]) >= 3:
        return [banner["core"][0] + banner["wing"] + banner["place"] + "旗"]
    core, suffix = _core_name(name)
    alias_suffix = AUTONOMOUS_ALIAS_SUFFIX.get(suffix)
    if alias_suffix is None or len(core) < MIN_SHORT_LEN:
        return []
    return [core + alias_suffix]


def _is_han(char: str) -> bool:
    """Tell whether a character is a CJK ideograph."""
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def _none_if_empty(value: str | None) -> str | None:
    """Map an empty CSV cell to None."""
    return value or None


@dataclass(frozen=True)
class _Match:
    """A surface found by the scanner, before disambiguation."""

    start: int
    end: int
    surface: str
    candidates: tuple[Region, ...]
    unsure: bool  # a short name glued to the preceding word: keep only if confirmed


def _delimited_left(text: str, start: int) -> bool:
    """Tell whether a match starting at `start` begins a word rather than ends one."""
    if start == 0:
        return True
    prev = text[start - 1]
    return not _is_han(prev) or prev in WORD_BOUNDARY_PREV_CHARS


def _upgraded(candidates: tuple[Region, ...], suffix: str) -> tuple[Region, ...]:
    """Return the candidates that may since have been renamed short name + suffix."""
    if not suffix:
        return ()
    return tuple(
        region
        for region in candidates
        if split_suffix(region.name)[1] in UPGRADED_SUFFIXES.get(region.level, {}).get(suffix, ())
    )


TOWNSHIP_AFTER = re.compile("[\u4e00-\u9fff](?:镇|乡|村|街道)")


def _delimited_right(text: str, end: int) -> bool:
    """Tell whether what follows a short name leaves it a place name (not 赤城镇, 新华社)."""
    if end >= len(text):
        return True
    if text[end] in SHORT_NAME_BLOCKING_NEXT_CHARS:
        return False
    # 龙泉关镇, 赤城堡村: the start of a township's or village's own name
    if TOWNSHIP_AFTER.match(text, end):
        return False
    return not text.startswith(SHORT_NAME_BLOCKING_NEXT_WORDS, end)


class Gazetteer:
    """Region table plus a longest-match recogniser for region names in text."""

    def within(self, region: Region | None) -> "Gazetteer":
        """Return this gazetteer reading ambiguous names in the light of a region, the article's
        (东乡县 in a story from 甘肃 is 东乡族自治县, not 江西's 东乡县)."""
        return self if region is None else RegionalGazetteer(self, region)

    def __init__(self, regions: list[Region]):
        self.regions = list(regions)
        self._by_adcode = {region.adcode: region for region in self.regions}
        if len(self._by_adcode) != len(self.regions):
            raise ValueError("duplicate adcode in region table")
        self.country = self._by_adcode[COUNTRY_ADCODE]
        self._children: dict[str, list[Region]] = defaultdict(list)
        for region in self.regions:
            if region.parent_adcode:
                self._children[region.parent_adcode].append(region)
        self._ancestors = {region.adcode: self._ancestor_chain(region) for region in self.regions}
        self._county_counts: dict[str, int] = {}
        self._full, self._short = self._build_surfaces()
        self._blocks = frozenset(BLOCKING_PHRASES)
        self._lengths = self._build_length_index()
        # Where a surface can begin: a character some surface opens with, followed by one some surface
        # has second. The scan jumps between such places in C (a tenth of a text's characters).
        firsts, seconds = ("".join(sorted({pair[i] for pair in self._lengths})) for i in (0, 1))
        self._first = re.compile(f"(?=[{re.escape(firsts)}][{re.escape(seconds)}])")

    @classmethod
    def from_csv(cls, path: str | Path = DEFAULT_REGIONS_CSV) -> "Gazetteer":
        """Load a gazetteer from a regions.csv seed file."""
        with Path(path).open(encoding="utf-8", newline="") as fh:
            regions = [
                Region(
                    adcode=row["adcode"],
                    name=row["name"],
                    level=row["level"],
                    province_name=_none_if_empty(row["province_name"]),
                    prefecture_name=_none_if_empty(row["prefecture_name"]),
                    parent_adcode=_none_if_empty(row["parent_adcode"]),
                )
                for row in csv.DictReader(fh)
            ]
        return cls(regions)

    # -- lookup --------------------------------------------------------------

    def get(self, adcode: str) -> Region | None:
        """Return the region with this 6-digit adcode, or None."""
        return self._by_adcode.get(adcode)

    def knows(self, surface: str) -> bool:
        """Tell whether a surface is some region's name, alias or short name (however ambiguous)."""
        return surface in self._full or surface in self._short

    def enclosing(self, region: Region, kind: str) -> Region | None:
        """Return the region itself when its name ends in kind (省, 市, 县…), else the nearest
        ancestor whose name does, else None."""
        return next((r for r in (region, *self._lineage(region))
                     if r.level != "country" and r.name.endswith(kind)), None)

    def county_count(self, region: Region) -> int:
        """Return how many county-level regions a region holds (a county holds itself)."""
        if region.level == "county":
            return 1
        counts = self._county_counts
        if region.adcode not in counts:
            counts[region.adcode] = sum(self.county_count(child) for child in self._children[region.adcode])
        return counts[region.adcode]

    def ancestors(self, region: Region) -> list[Region]:
        """Return the parent, grandparent... of a region, ending with the country."""
        return list(self._lineage(region))

    def _lineage(self, region: Region) -> tuple[Region, ...]:
        """Return the cached ancestor chain of a region (computed for foreign regions)."""
        cached = self._ancestors.get(region.adcode)
        return cached if cached is not None else self._ancestor_chain(region)

    def _ancestor_chain(self, region: Region) -> tuple[Region, ...]:
        """Follow parent_adcode links up to the root."""
        chain = []
        parent = self._by_adcode.get(region.parent_adcode) if region.parent_adcode else None
        while parent is not None:
            chain.append(parent)
            parent = self._by_adcode.get(parent.parent_adcode) if parent.parent_adcode else None
        return tuple(chain)

    # -- index ---------------------------------------------------------------

    def _build_surfaces(self) -> tuple[dict[str, tuple[Region, ...]], dict[str, tuple[Region, ...]]]:
        """Map every full name/alias and every short name to its candidate regions."""
        full: dict[str, list[Region]] = defaultdict(list)
        short: dict[str, list[Region]] = defaultdict(list)
        for region in self.regions:
            if region.name not in STOP_FULL_NAMES:
                full[region.name].append(region)
            if region.level == "country":
                continue
            for alias in alias_names(region.name):
                full[alias].append(region)
            for name in short_names(region.name):
                if name not in STOP_SHORT_NAMES and not LEVEL_PHRASE.match(name):
                    short[name].append(region)
        for alias in COUNTRY_ALIASES:
            full[alias].append(self.country)
        for alias, adcode in EXTRA_ALIASES.items():
            full[alias].append(self._by_adcode[adcode])
        # A surface that is some region's official name never stands for another's short name.
        short = {name: regions for name, regions in short.items() if name not in full}
        return (
            {name: tuple(regions) for name, regions in full.items()},
            {name: tuple(regions) for name, regions in short.items()},
        )

    def _build_length_index(self) -> dict[str, tuple[int, ...]]:
        """Map each 2-character prefix to the lengths of surfaces starting with it, longest first."""
        # Every surface has at least 2 characters; keying on two of them makes most
        # text positions a single failed dict lookup, which keeps the scan fast.
        lengths: dict[str, set[int]] = defaultdict(set)
        for surface in (*self._full, *self._short, *self._blocks):
            lengths[surface[:2]].add(len(surface))
        return {char: tuple(sorted(ls, reverse=True)) for char, ls in lengths.items()}

    # -- recognition -----------------------------------------------------------

    def mentions(self, text: str, context: Region | None = None) -> list[Mention]:
        """Find region names in text, left to right, longest match first, non-overlapping (context: a
        region that, with the names around, decides an ambiguous one)."""
        found = self._confirmed(self._scan(text))
        chosen = self._disambiguate([match.candidates for match in found], context)
        return [
            Mention(match.start, match.end, match.surface, region)
            for match, region in zip(found, chosen)
            if region is not None
        ]

    def mention_at(self, text: str, at: int, context: Region | None = None) -> Mention | None:
        """Return the place named right at text[at] (康乐县 of 其中康乐县2340万元), offsets in text, or None."""
        found = self.mentions(text[at:at + MAX_NAME_CHARS], context)
        return replace(found[0], start=at, end=at + found[0].end) if found and found[0].start == 0 else None

    def _scan(self, text: str) -> list[_Match]:
        """Return every accepted surface in text, longest first at each position."""
        found: list[_Match] = []
        resume, last_end = 0, -1
        for first in self._first.finditer(text):
            i = first.start()
            if i < resume:
                continue
            lengths = self._lengths.get(text[i : i + 2])
            if lengths:
                # A name right after another name (甘肃张掖) starts a new word too.
                delimited = i == last_end or _delimited_left(text, i)
                step, match = self._match_at(text, i, lengths, delimited)
                if match is not None:
                    found.append(match)
                    last_end = match.end
                resume = i + step
        return found

    def _match_at(
        self, text: str, start: int, lengths: tuple[int, ...], delimited: bool
    ) -> tuple[int, _Match | None]:
        """Return (characters consumed, match or None) for the longest surface at start."""
        for length in lengths:
            end = start + length
            if end > len(text):
                continue
            surface = text[start:end]
            if surface in self._blocks:
                return length, None
            candidates = self._full.get(surface)
            if candidates is not None and (length > 2 or delimited):
                return length, _Match(start, end, surface, candidates, False)
            candidates = self._short.get(surface)
            if candidates is None:
                continue
            upgraded = _upgraded(candidates, text[end : end + 1])
            if upgraded:
                return length + 1, _Match(start, end + 1, text[start : end + 1], upgraded, False)
            if _delimited_right(text, end):
                unsure = (
                    length < UNCHECKED_SHORT_LEN
                    and not delimited
                    and all(region.level != "province" for region in candidates)
                )
                return length, _Match(start, end, surface, candidates, unsure)
        return 1, None

    def _confirmed(self, found: list[_Match]) -> list[_Match]:
        """Drop unsure short names unless the text also names that region or its kin."""
        # Kin = the region itself, a prefecture above a trusted mention (大凉山 next to
        # 越西县), or a county directly under a trusted region (朝阳 after 北京); merely
        # sharing a province is too loose (创新丰富 in an article naming 广东).
        trusted = set()
        for match in found:
            if match.unsure:
                continue
            for region in match.candidates:
                trusted.add(region.adcode)
                trusted.update(a.adcode for a in self._lineage(region) if a.level == "prefecture")

        def kin(region: Region) -> bool:
            return region.adcode in trusted or (
                region.level == "county" and (region.parent_adcode or "") in trusted
            )

        return [m for m in found if not m.unsure or any(kin(r) for r in m.candidates)]

    # -- disambiguation ----------------------------------------------------------

    def _disambiguate(self, candidate_lists: list[tuple[Region, ...]],
                      context: Region | None = None) -> list[Region | None]:
        """Pick one region per match using the other matches (and the context region) as context; None
        if undecidable."""
        chosen: list[Region | None] = [
            candidates[0] if len(candidates) == 1 else None for candidates in candidate_lists
        ]
        anchors = self._context([region for region in chosen if region is not None] + ([context] if context else []))
        first_round = [
            self._choose(candidates, anchors) if len(candidates) > 1 else chosen[index]
            for index, candidates in enumerate(candidate_lists)
        ]
        # Second round: names resolved in the first round become context for the other
        # ambiguous names, never for themselves (that would only echo the first guess).
        for index, candidates in enumerate(candidate_lists):
            if len(candidates) == 1:
                continue
            others = (
                region
                for other, region in zip(candidate_lists, first_round)
                if len(other) > 1 and other != candidates and region is not None
            )
            chosen[index] = self._choose(candidates, anchors | self._context(others))
        return chosen

    def _context(self, regions) -> set[str]:
        """Return the adcodes of the given regions and their ancestors below the country."""
        context = set()
        for region in regions:
            if region.level == "country":
                continue
            context.add(region.adcode)
            context.update(a.adcode for a in self._lineage(region) if a.level != "country")
        return context

    def _choose(self, candidates: tuple[Region, ...], context: set[str]) -> Region | None:
        """Pick the candidate best supported by context, then the highest level, else None."""
        scores = [self._context_score(region, context) for region in candidates]
        best = max(scores)
        top = [region for region, score in zip(candidates, scores) if score == best]
        if len(top) > 1:
            highest = min(LEVEL_RANK[region.level] for region in top)
            top = [region for region in top if LEVEL_RANK[region.level] == highest]
        return top[0] if len(top) == 1 else None

    def _context_score(self, region: Region, context: set[str]) -> int:
        """Score a candidate by the most specific of itself/its ancestors named in context."""
        score = 0
        for node in (region, *self._lineage(region)):
            if node.adcode in context:
                score = max(score, LEVEL_RANK[node.level])
        return score

    # -- document region -----------------------------------------------------------

    def document_region(self, title: str | None, body: str) -> Region | None:
        """Return the most specific region that dominates the article, or None."""
        title = title or ""
        weights = self._mention_weights(title, body)
        if not weights:
            return None
        markers = self._level_marker_counts(title + "\n" + body)
        self._apply_level_markers(weights, markers)
        subtree: dict[str, float] = defaultdict(float)
        for adcode, weight in weights.items():
            region = self._by_adcode[adcode]
            for node in (region, *self._lineage(region)):
                subtree[node.adcode] += weight
        found = self._descend(weights, subtree)
        if found is self.country and not weights.get(found.adcode):
            # 紧盯新疆、天津、福建等输转基地: places spread over the map, and no word of the nation, say
            # nothing; but 从巴东县城坐车到溪丘湾乡 … 大多在浙江、广东务工: the one local place named is the story's
            return self._only_local(weights)
        # 我省25个贫困县全部脱贫摘帽, then 全省… throughout and the counties by name: the article speaks
        # for the province its counties lie in, not for the prefecture that holds most of them.
        kind = self._speaking_kind(markers)
        if not kind:
            return found
        # 从江县…东西部扶贫协作工作总结, 萧山区 named more often than it: an article that speaks as a
        # 县 (我县, 全县) is about the county it names, not about the district that helps it.
        return self.enclosing(found, kind) or self._heaviest_of_kind(weights, kind) or found

    def _only_local(self, weights: dict[str, float]) -> Region | None:
        """Return the most specific of the prefectures and counties mentioned when they all lie in one
        line of descent (a county, its prefecture), else None."""
        local = [self._by_adcode[adcode] for adcode in weights
                 if self._by_adcode[adcode].level not in ("country", "province")]
        deepest = max(local, key=lambda region: LEVEL_RANK[region.level], default=None)
        if deepest is None or any(r is not deepest and r not in self._lineage(deepest) for r in local):
            return None
        return deepest

    def _heaviest_of_kind(self, weights: dict[str, float], kind: str) -> Region | None:
        """Return the mentioned region of a kind (省, 市, 县…) with the most weight, if any."""
        of_kind = [adcode for adcode in weights
                   if self._by_adcode[adcode].level != "country" and self._by_adcode[adcode].name.endswith(kind)]
        return self._by_adcode[max(of_kind, key=weights.__getitem__)] if of_kind else None

    @staticmethod
    def _speaking_kind(markers: dict[tuple[str, str], int]) -> str | None:
        """Return the kind of region (省, 市, 县…) an article speaks as, when 全省/我省/本省 and the like
        name one kind clearly more often than any other."""
        counts = sorted(((sum(markers[template, char] * weight for template, weight in SPEAKING_TEMPLATES.items()),
                          char) for char in LEVEL_MARKER_CHARS), reverse=True)
        (top, kind), (second, _) = counts[0], counts[1]
        # 全省首位, 与全国全省同步 in a county's story compare it with its province: without 我省 or 本省,
        # 全省 speaks for the article only when it says so throughout
        own = any(markers[template, kind] for template, weight in SPEAKING_TEMPLATES.items() if weight > 1)
        enough = MIN_SPEAKING_MARKERS if own else MIN_UNOWNED_SPEAKING_MARKERS
        return kind if top >= enough and top > SPEAKING_LEAD * second else None

    def _mention_weights(self, title: str, body: str) -> dict[str, float]:
        """Sum mention weights per adcode over title and body."""
        # One pass over both so title and body disambiguate each other.
        offset = len(title) + 1
        text = title + "\n" + body
        found = self.mentions(text)
        weights: dict[str, float] = defaultdict(float)
        for index, mention in enumerate(found):
            following = found[index + 1] if index + 1 < len(found) else None
            if following is not None and self._qualifies(mention, following):
                continue
            if (mention.start and text[mention.start - 1] in DESTINATION_BEFORE) or FILED_AT.match(text, mention.end):
                continue
            if mention.start < offset:
                weight = TITLE_WEIGHT
            else:
                position = (mention.start - offset) / max(len(body), 1)
                weight = BODY_WEIGHT * (1 + EARLY_BONUS * (1 - position))
            if mention.region.level == "country":
                weight *= COUNTRY_WEIGHT
            weights[mention.region.adcode] += weight
        return weights

    def _qualifies(self, mention: Mention, following: Mention) -> bool:
        """Tell whether a mention only qualifies the next one (晋城市泽州县)."""
        return mention.end == following.start and mention.region in self._lineage(following.region)

    @staticmethod
    def _level_marker_counts(text: str) -> dict[tuple[str, str], int]:
        """Count phrases such as 全县/我县/县委 per template and administrative suffix character."""
        return {(template, char): text.count(template.format(char))
                for template in LEVEL_MARKER_TEMPLATES for char in LEVEL_MARKER_CHARS}

    def _apply_level_markers(self, weights: dict[str, float], markers: dict[tuple[str, str], int]) -> None:
        """Boost mentioned regions whose kind (县, 市, 区...) the text speaks for."""
        counts = {char: sum(markers[template, char] for template in LEVEL_MARKER_TEMPLATES)
                  for char in LEVEL_MARKER_CHARS}
        for adcode in weights:
            count = counts.get(self._by_adcode[adcode].name[-1], 0)
            weights[adcode] *= 1 + LEVEL_MARKER_BOOST * min(count, LEVEL_MARKER_CAP)

    def _descend(self, own: dict[str, float], subtree: dict[str, float]) -> Region:
        """Walk down from the country while one child dominates its parent."""
        node = self.country
        while True:
            children = [c for c in self._children.get(node.adcode, ()) if subtree.get(c.adcode)]
            if not children:
                return node
            best = max(children, key=lambda c: subtree[c.adcode])
            share = sum(subtree[c.adcode] for c in children)
            best_weight = subtree[best.adcode]
            if best_weight <= own.get(node.adcode, 0.0) or best_weight <= DOMINANCE_SHARE * share:
                return node
            node = best


class RegionalGazetteer:
    """A gazetteer whose ambiguous names are read in the light of one region (see Gazetteer.within)."""

    def __init__(self, base: Gazetteer, region: Region):
        self._base, self._region = base, region

    def mentions(self, text: str, context: Region | None = None) -> list[Mention]:
        return self._base.mentions(text, context or self._region)

    def mention_at(self, text: str, at: int, context: Region | None = None) -> Mention | None:
        return self._base.mention_at(text, at, context or self._region)

    def within(self, region: Region | None) -> Gazetteer:
        return self._base.within(region)

    def __getattr__(self, name: str):
        return getattr(self._base, name)
