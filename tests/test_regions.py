"""Tests for the region seed (seeds/regions.csv) and the gazetteer in tuopin.regions."""

from __future__ import annotations

import ast
import csv
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tuopin.regions import Gazetteer, Mention, Region, alias_names, short_names

REPO_ROOT = Path(__file__).resolve().parents[1]
REGIONS_CSV = REPO_ROOT / "seeds" / "regions.csv"
COLUMNS = ["adcode", "name", "level", "province_name", "prefecture_name", "parent_adcode"]

# Real snippets from seeds/articles (001-003 converted from Traditional to Simplified
# Chinese with their inline pinyin removed).
SIPING_TITLE = "四平:“三位一体”脱贫攻坚"
SIPING_BODY = (
    "脱贫攻坚,惟其艰巨而更显卓绝。四平市委、市政府将其列为“第一民生工程”,指向明确:"
    "以“三个精准”,解决“三个问题”。\n"
    "四平市坚持党委政府齐抓共管,加强领导体系、制度体系等制度建设,为打赢脱贫攻坚提供坚强组织保障。\n"
    "梨树县组织部建立了驻村第一书记微信管理平台,实时定位。\n"
    "伊通县在全县包保干部中开展了“321”工程,县领导3户、副局以上2户、机关干部1户。\n"
    "双辽市47个建档立卡贫困村建设63座光伏电站项目,已全部并网发电,年可为3946户7818人提供425万元分红。"
    "2017年四平市本级财政的2亿元可支配资金,拿出1.19亿元用于脱贫攻坚。\n"
    "2017年,四平市深入贯彻中央、省委决策部署,把脱贫攻坚作为重大政治任务牢牢扛在肩上,"
    "从领导干部到普通党员,全市上下把脱贫攻坚作为民生“头等大事”。"
)
ZEZHOU_BODY = (
    "本报讯 脱贫攻坚事关人民群众福祉和民生改善,是备受社会关注的重点民生工作。2017年,泽州县委精准施策,"
    "脱贫攻坚取得决定性进展、实质性突破,贫困群众的满意度和获得感进一步增强。近日,泽州县脱贫攻坚领导小组"
    "推选出2017年全县脱贫攻坚十件大事。\n"
    "1、主要减贫指标超额完成。全县2017年共减贫2078户5222人,6个贫困村退出,贫困发生率降至0.89%。\n"
    "8、扶贫领域不正之风和腐败问题专项治理监督检查长效机制形成并巩固。出台了《泽州县关于开展扶贫领域"
    "不正之风和腐败问题专项治理监督检查》工作方案。\n"
    "9、开启“互联网+泽州扶贫”模式。投资100万元打造泽州特色扶贫模式。\n"
    "10、大扶贫格局初步形成。出台《中共泽州县委关于动员和引导工商企业参与脱贫攻坚助力产业扶贫的实施意见》。"
)
QINZHOU_BODY = (
    "创新丰富载体 促进深度融合\n"
    "——秦州区以双联行动推进精准扶贫工作\n"
    "秦州区坚持把双联行动与精准扶贫深度融合,立足区情实际,创新工作载体,持续深化双联行动,"
    "扎实推进扶贫攻坚,加快脱贫致富奔小康步伐。\n"
    "千扶就是全区1000多名科级干部联系1000个自然村,实现所有自然村帮扶全覆盖。"
    "实施农村饮水安全项目8乡镇47村,实施通畅工程及硬化村组道路220公里、新修水平梯田2万亩。"
)
YUEXI_BODY = (
    "【编者按】如今,大凉山脱贫攻坚已进入最后冲刺。本网记者邀请最后摘帽的7个贫困县县委书记谈扶贫。\n"
    "近年来,在中央、省州委的坚强领导下,越西县抓早动快“建房修路抓产业”,每年的减贫任务均实现预期目标,"
    "到今已累计退出贫困村197个。\n"
    "近年来,我们整合各方力量形成了“县乡村组户”五级责任体系,全县上下保持“不获全胜、决不收兵”的精神"
    "攻克深度贫困最后堡垒。\n"
    "二要紧盯贫困户户内要素补短。实施广东(佛山)对口凉山扶贫协作越西县贫困户“补短板”项目,"
    "统筹1200万元资金。\n"
    "四是加大宣教引领讲好越西脱贫故事。"
)
ZHANGYE_TITLE = "响鼓重锤战贫困——张掖市全力推进脱贫攻坚工作综述"
ZHANGYE_BODY = (
    "位于张民公路乡村振兴示范带上的甘州区碱滩镇普家庄村近两年发生巨大变化。\n"
    "张掖市深入贯彻落实习近平总书记关于扶贫工作的重要论述、对甘肃重要讲话和指示精神,"
    "2019年全市剩余的3925户10553名贫困人口全部脱贫,全市实现整体脱贫目标。\n"
    "制定《张掖市脱贫攻坚挂牌督战实施方案》,聚焦“三落实”“三精准”“三保障”。\n"
    "制定《张掖市2020年脱贫攻坚“3+1”冲刺清零后续行动方案》,各县区、相关行业部门盯住细节抓执行。\n"
    "至目前,张掖市全力打造张民公路、张肃公路两条乡村振兴示范带,落实重点项目103项。\n"
    "全程在甘肃张掖创作拍摄的脱贫攻坚题材重点剧目《一个都不能少》在央视一套黄金时段播出。"
)


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    with REGIONS_CSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.from_csv(REGIONS_CSV)


def found(gaz: Gazetteer, text: str) -> list[tuple[str, str]]:
    """Return (surface, adcode) pairs of the mentions in text."""
    return [(m.surface, m.region.adcode) for m in gaz.mentions(text)]


# -- seed file ---------------------------------------------------------------


def test_header(rows):
    with REGIONS_CSV.open(encoding="utf-8") as fh:
        assert fh.readline().strip() == ",".join(COLUMNS)
    assert list(rows[0]) == COLUMNS


def test_counts_by_level_are_plausible(rows):
    counts = Counter(row["level"] for row in rows)
    assert set(counts) == {"country", "province", "prefecture", "county"}
    assert counts["country"] == 1
    assert counts["province"] == 34
    assert 300 < counts["prefecture"] < 400
    assert 2800 < counts["county"] < 3000


def test_adcodes_unique_six_digits_and_match_level(rows):
    codes = [row["adcode"] for row in rows]
    assert len(codes) == len(set(codes))
    for row in rows:
        code = row["adcode"]
        assert len(code) == 6 and code.isdigit(), code
        if row["level"] == "province":
            assert code.endswith("0000")
        elif row["level"] == "prefecture":
            assert code.endswith("00") and not code.endswith("0000")
        elif row["level"] == "county":
            assert not code.endswith("00")


def test_country_row(rows):
    assert rows[0] == {
        "adcode": "100000", "name": "中国", "level": "country",
        "province_name": "", "prefecture_name": "", "parent_adcode": "",
    }


def test_parents_exist_and_are_higher(rows):
    by_code = {row["adcode"]: row for row in rows}
    rank = {"country": 0, "province": 1, "prefecture": 2, "county": 3}
    for row in rows:
        if row["level"] == "country":
            continue
        parent = by_code[row["parent_adcode"]]
        assert rank[parent["level"]] < rank[row["level"]], row
        if row["level"] == "province":
            assert row["parent_adcode"] == "100000"
        else:
            assert row["adcode"][:2] == parent["adcode"][:2], row
            assert row["province_name"] == by_code[row["adcode"][:2] + "0000"]["name"]


def test_licence_notice_ships_with_seed():
    notice = (REPO_ROOT / "seeds" / "LICENSE.regions-cpca").read_text(encoding="utf-8")
    assert "cpca" in notice.splitlines()[0]
    assert "MIT License" in notice


def test_module_is_stdlib_only():
    tree = ast.parse((REPO_ROOT / "tuopin" / "regions.py").read_text(encoding="utf-8"))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            imported.add((node.module or "").split(".")[0])
    assert imported <= set(sys.stdlib_module_names) | {"__future__"}


def test_placeholders_are_skipped(rows):
    names = {row["name"] for row in rows}
    for placeholder in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
        assert placeholder not in names


def test_special_units(rows):
    by_code = {row["adcode"]: row for row in rows}
    xiantao = by_code["429004"]
    assert (xiantao["name"], xiantao["level"]) == ("仙桃市", "county")
    assert (xiantao["province_name"], xiantao["prefecture_name"], xiantao["parent_adcode"]) == (
        "湖北省", "", "420000",
    )
    assert by_code["110105"]["parent_adcode"] == "110000"  # 朝阳区 under 北京市
    assert by_code["500233"]["parent_adcode"] == "500000"  # 忠县 under 重庆市
    assert by_code["620502"]["prefecture_name"] == "天水市"
    for code, name in (("710000", "台湾省"), ("810000", "香港特别行政区"), ("820000", "澳门特别行政区")):
        assert by_code[code]["name"] == name


# -- gazetteer lookup ----------------------------------------------------------


def test_gazetteer_loads_every_row(gaz, rows):
    assert len(gaz.regions) == len(rows)
    assert gaz.country == Region("100000", "中国", "country", None, None, None)


def test_get_and_ancestors(gaz):
    qinzhou = gaz.get("620502")
    assert qinzhou == Region("620502", "秦州区", "county", "甘肃省", "天水市", "620500")
    assert [r.adcode for r in gaz.ancestors(qinzhou)] == ["620500", "620000", "100000"]
    assert [r.adcode for r in gaz.ancestors(gaz.get("429004"))] == ["420000", "100000"]
    assert gaz.ancestors(gaz.country) == []
    assert gaz.get("999999") is None


# -- names ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "short"),
    [
        ("赤城县", ["赤城"]),
        ("四平市", ["四平"]),
        ("甘肃省", ["甘肃"]),
        ("凉山彝族自治州", ["凉山"]),
        ("新疆维吾尔自治区", ["新疆"]),
        ("广西壮族自治区", ["广西"]),
        ("伊犁哈萨克自治州", ["伊犁"]),
        ("积石山保安族东乡族撒拉族自治县", ["积石山"]),
        ("鄂温克族自治旗", ["鄂温克"]),
        ("管城回族区", ["管城"]),
        ("香港特别行政区", ["香港"]),
        ("东区", []),
        ("西沙群岛", []),
    ],
)
def test_short_names(name, short):
    assert short_names(name) == short


def test_alias_names():
    assert alias_names("凉山彝族自治州") == ["凉山州"]
    assert alias_names("伊通满族自治县") == ["伊通县"]
    assert alias_names("赤城县") == []


# -- mentions --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017年,泽州县委精准施策,脱贫攻坚取得决定性进展", [("泽州县", "140525")]),
        ("秦州区坚持把双联行动与精准扶贫深度融合", [("秦州区", "620502")]),
        ("位于张民公路乡村振兴示范带上的甘州区碱滩镇普家庄村", [("甘州区", "620702")]),
        ("伊通县在全县包保干部中开展了“321”工程", [("伊通县", "220323")]),
        (
            "实施广东(佛山)对口凉山扶贫协作越西县贫困户“补短板”项目",
            [("广东", "440000"), ("佛山", "440600"), ("凉山", "513400"), ("越西县", "513434")],
        ),
        ("全程在甘肃张掖创作拍摄", [("甘肃", "620000"), ("张掖", "620700")]),
        ("河北省张家口市赤城县", [("河北省", "130000"), ("张家口市", "130700"), ("赤城县", "130732")]),
        (
            "凉山彝族自治州和新疆维吾尔自治区",
            [("凉山彝族自治州", "513400"), ("新疆维吾尔自治区", "650000")],
        ),
        ("全国832个贫困县全部摘帽", [("全国", "100000")]),
    ],
)
def test_mentions_on_real_sentences(gaz, text, expected):
    assert found(gaz, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Units upgraded after the data snapshot: 那曲地区 → 那曲市, 梁平县 → 梁平区.
        ("西藏那曲市比如县", [("西藏", "540000"), ("那曲市", "542400"), ("比如县", "542423")]),
        ("重庆市梁平区", [("重庆市", "500000"), ("梁平区", "500228")]),
    ],
)
def test_upgraded_units(gaz, text, expected):
    assert found(gaz, text) == expected


def test_mentions_on_empty_and_latin_text(gaz):
    assert gaz.mentions("") == []
    assert gaz.mentions("Zezhou County, Shanxi 2017") == []


def test_mentions_carry_offsets_and_regions(gaz):
    text = "四平市委、市政府;梨树县组织部"
    mentions = gaz.mentions(text)
    assert mentions == [
        Mention(0, 3, "四平市", gaz.get("220300")),
        Mention(9, 12, "梨树县", gaz.get("220322")),
    ]
    for m in mentions:
        assert text[m.start : m.end] == m.surface


def test_city_menu_of_short_names(gaz):
    # Site menu of a Jilin news page; 江城 (a county in Yunnan, a district in Guangdong)
    # is ambiguous and 长白山 is the mountain, not 长白县.
    text = "长春 江城 四平 辽源 通化 白城 白山 松原 延边 长白山保护开发区"
    assert found(gaz, text) == [
        ("长春", "220100"), ("四平", "220300"), ("辽源", "220400"), ("通化", "220500"),
        ("白城", "220800"), ("白山", "220600"), ("松原", "220700"), ("延边", "222400"),
    ]


@pytest.mark.parametrize(
    ("text", "adcode"),
    [
        ("赤城是国家级贫困县", "130732"),
        ("盘点2017四平民生实事", "220300"),
        ("张掖的脱贫攻坚", "620700"),
        ("对甘肃重要讲话", "620000"),
        ("新疆的牧区", "650000"),
        ("凉山州越西县", "513400"),
        ("白城市场监管局", "220800"),
    ],
)
def test_short_names_resolve(gaz, text, adcode):
    assert found(gaz, text)[0][1] == adcode


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("鼓楼区开展对口帮扶", []),  # four 鼓楼区, nothing to choose by
        ("南京市鼓楼区开展对口帮扶", [("南京市", "320100"), ("鼓楼区", "320106")]),
        ("福州市鼓楼区和晋安区", [("福州市", "350100"), ("鼓楼区", "350102"), ("晋安区", "350111")]),
        ("北京市朝阳区", [("北京市", "110000"), ("朝阳区", "110105")]),
        ("长春市朝阳区", [("长春市", "220100"), ("朝阳区", "220104")]),
        ("北京朝阳", [("北京", "110000"), ("朝阳", "110105")]),
        ("朝阳是辽宁西部城市", [("朝阳", "211300"), ("辽宁", "210000")]),  # city over county/districts
        ("通化", [("通化", "220500")]),  # 通化市 over 通化县
        ("吉林日报讯", [("吉林", "220000")]),  # province over 吉林市
        ("吉林市船营区", [("吉林市", "220200"), ("船营区", "220204")]),
        ("宝山区", []),  # Shanghai or Shuangyashan
    ],
)
def test_disambiguation(gaz, text, expected):
    assert found(gaz, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "和平区和平街道",  # 和平区 exists in Tianjin and Shenyang; 和平 is "peace"
        "新华社记者报道",
        "城关镇城关村",
        "长安街",
        "南山脚下",
        "东区和西区",
        "城区和郊区",
        "赤城镇和赤城路",
        "赤城大道",
        "四平银行",
        "大城市发展",
        "要做到长治久安、安居乐业",
        "比如说，富民政策和合作社",
        "发展资源型产业,乡村振兴",
        "市委和县委联合发文",
        "完成县级验收",
        "创新丰富载体",
        "新修水平梯田2万亩",
        "东乡族群众",
        "朝阳产业",
        "2019年,全州减少贫困人口6.38万人",  # the whole prefecture, not 全州县
    ],
)
def test_stop_list_and_glued_words(gaz, text):
    assert found(gaz, text) == []


def test_mentions_are_ordered_and_disjoint(gaz):
    mentions = gaz.mentions(SIPING_TITLE + SIPING_BODY + ZHANGYE_BODY)
    assert mentions
    for left, right in zip(mentions, mentions[1:]):
        assert left.end <= right.start


def test_mentions_are_fast(gaz):
    text = (SIPING_BODY + ZEZHOU_BODY + QINZHOU_BODY + YUEXI_BODY + ZHANGYE_BODY) * 3
    text = text[:10_000]
    assert len(text.encode("utf-8")) >= 10_000
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        gaz.mentions(text)
        best = min(best, time.perf_counter() - started)
    assert best < 0.005


# -- document region ------------------------------------------------------------------


def test_document_region_prefecture_over_its_counties(gaz):
    assert gaz.document_region(SIPING_TITLE, SIPING_BODY).adcode == "220300"


def test_document_region_county_mentioned_repeatedly(gaz):
    assert gaz.document_region(None, ZEZHOU_BODY).adcode == "140525"


def test_document_region_district(gaz):
    assert gaz.document_region(None, QINZHOU_BODY).adcode == "620502"


def test_document_region_county_in_its_prefecture(gaz):
    assert gaz.document_region(None, YUEXI_BODY).adcode == "513434"


def test_document_region_title_prefecture(gaz):
    assert gaz.document_region(ZHANGYE_TITLE, ZHANGYE_BODY).adcode == "620700"


def test_document_region_title_alone(gaz):
    assert gaz.document_region("秦州区以双联行动推进精准扶贫工作", "").adcode == "620502"


def test_document_region_qualified_name(gaz):
    body = "晋城市泽州县召开脱贫攻坚大会。泽州县全县上下齐心协力。"
    assert gaz.document_region(None, body).adcode == "140525"


def test_document_region_none_without_regions(gaz):
    assert gaz.document_region(None, "今年全县脱贫攻坚取得决定性进展。") is None
    assert gaz.document_region("", "") is None


def test_document_region_spread_over_provinces_is_country(gaz):
    body = "全国各地,甘肃、四川、贵州、云南、广西都取得了决定性进展。"
    assert gaz.document_region(None, body) == gaz.country


def test_document_region_speaks_for_the_province_its_named_counties_lie_in(gaz):
    title = "我省25个贫困县全部脱贫摘帽"
    body = ("于都、兴国、宁都、寻乌、会昌、石城、遂川等7个县正式退出贫困县序列。全省贫困发生率降至0.27%。"
            "全省累计投入财政专项扶贫资金386.9亿元。全省易地扶贫搬迁13.47万人。")
    assert gaz.document_region(title, body).adcode == "360000"


def test_an_article_speaking_as_a_county_is_about_the_county_not_the_district_helping_it(gaz):
    title = "从江县“十三五”东西部扶贫协作工作总结"  # set w: 萧山区 is named more often than 从江县
    body = ("萧山区与我县结对帮扶以来,萧山区累计投入我县协作资金3.86亿元。萧山区选派干部32名。"
            "萧山区企业在我县投资。萧山区、我县两地签订劳务协议,帮助我县劳动力到萧山区就业。全县减贫2.86万人。")
    assert gaz.document_region(title, body).adcode == "522633"


def test_a_county_compared_with_its_province_is_still_the_article_region(gaz):
    body = ("镇雄县是云南省人口第一大县,也是全省脱贫攻坚任务最重的县之一,贫困人口曾居全省首位。"
            "镇雄县已累计脱贫8.33万户,与全国全省同步全面建成小康社会。")  # set y
    assert gaz.document_region(None, body).adcode == "530627"


def test_places_people_go_to_work_in_do_not_decide_the_article_region(gaz):
    title = "厦门临夏扶贫协作开局良好"  # set w: 我州 once, and 厦门 where workers went
    body = ("今年上半年,厦门市到位帮扶资金1.35亿元。去年,厦门市投入我州帮扶资金1.02亿元。首批学员已赴厦门上岗。"
            "目前,到厦门务工的临夏籍劳动力已达1000人,全州将进一步加强与厦门市的对接。")
    assert gaz.document_region(title, body).adcode == "622900"


def test_where_a_wire_story_was_filed_is_not_what_it_is_about(gaz):
    body = ("新华社北京2月25日电 全国脱贫攻坚总结表彰大会25日在北京人民大会堂隆重举行。到2020年底,我国如期完成"
            "新时代脱贫攻坚目标任务,全国832个贫困县全部摘帽。")  # set z
    assert gaz.document_region("数说脱贫攻坚", body) == gaz.country


def test_document_region_of_a_county_article_mentioning_its_province(gaz):
    body = "全县减贫1.2万人。全县贫困发生率降至1%。全县投入资金3亿元。全省脱贫攻坚现场会在泽州县召开。泽州县全县上下齐心。"
    assert gaz.document_region(None, body).adcode == "140525"


def test_banners_by_their_short_wing_names(gaz):
    assert gaz.document_region("科右前旗2018年脱贫攻坚工作综述", "全旗减贫5239户12736人。").adcode == "152221"
    assert [m.region.adcode for m in gaz.mentions("察右前旗、土左旗")] == ["150926", "150121"]


def test_a_report_naming_no_place_is_about_the_office_that_issued_it(gaz):
    from tuopin.clean import clean
    from tuopin.process import article_region
    text = ("化隆回族自治县扶贫开发领导小组文件\n\n化扶组〔2019〕3号\n\n关于2018年全县脱贫攻坚工作情况的报告\n\n"
            "县委、县政府:\n    2018年,在县委、县政府的坚强领导下,全县上下以脱贫攻坚统揽经济社会发展全局,"
            "全面完成了年度目标任务。\n    2018年,全县实际减贫3201户12680人,52个贫困村全部退出。\n")
    cleaned = clean(text)
    assert cleaned.title == "关于2018年全县脱贫攻坚工作情况的报告"
    assert cleaned.issuer == "化隆回族自治县扶贫开发领导小组"
    assert article_region(gaz, cleaned).name == "化隆回族自治县"
    named = clean(text.replace("全县实际减贫", "循化县实际减贫"))
    assert article_region(gaz, named).name == "循化撒拉族自治县"  # a place the text names comes first


def test_a_county_sites_article_naming_no_place_is_the_countys_but_a_townships_is_nobodys(gaz):
    from tuopin.clean import clean
    from tuopin.process import article_region
    site = ("光山县人民政府门户网站\n首页 | 新闻动态 | 政务公开 | 办事服务\n网站首页 > 新闻动态 > 部门动态\n\n"
            "县民政局多措并举筑牢兜底保障防线\n\n发布日期:2019-11-25 信息来源:县民政局\n\n")  # set ad
    county = clean(site + "今年以来,县民政局坚持把兜底保障作为脱贫攻坚的底线任务。全县共有建档立卡贫困户22368户73596人,"
                          "截至目前,已脱贫20517户69212人,全县贫困发生率降至0.72%。\n")
    assert county.issuer == "光山县人民政府" and article_region(gaz, county).name == "光山县"
    township = clean(site.replace("县民政局多措并举筑牢兜底保障防线", "普明镇:精准发力 打好脱贫攻坚收官战")
                     + "今年以来,镇党委、政府紧紧围绕脱贫目标,全镇412户1206人实现脱贫,全镇贫困发生率降至1.2%。\n")
    assert article_region(gaz, township) is None  # sets p and y: a township's figures without its county


def test_a_short_name_opening_a_townships_name_is_no_mention(gaz):
    assert gaz.mentions("龙泉关镇骆驼湾村") == []
    assert [m.region.adcode for m in gaz.mentions("在赤城东卯镇")] == ["130732"]


def test_an_article_naming_no_place_is_its_publishing_offices_when_it_speaks_as_that_kind(gaz):
    from tuopin.clean import clean
    from tuopin.process import article_region
    text = ("我县脱贫攻坚2017年成绩单出炉\n\n来源:{}  发布时间:2018年04月20日\n\n"
            "4月18日,全县脱贫攻坚推进会召开。会上通报,2017年全年实现12356户35612人稳定脱贫,"
            "42个贫困村顺利出列,贫困发生率降至2.86%。\n")  # set af
    office = clean(text.format("临泉县扶贫开发局"))
    assert office.publisher == "临泉县扶贫开发局" and article_region(gaz, office).name == "临泉县"
    # 全县 in a prefecture's paper is one of its counties, unnamed: no region rather than the city
    paper = clean(text.format("阜阳日报"))
    assert paper.publisher == "阜阳日报" and article_region(gaz, paper) is None


def test_places_spread_over_the_map_and_an_office_acting_jointly_decide_no_region(gaz):
    # 紧盯新疆、天津、福建等输转基地 (set ai): no word of the nation, no place dominates
    assert gaz.document_region("县人社局:2017年就业扶贫工作成效明显",
                               "依托驻外劳务工作站,紧盯新疆、天津、福建等输转基地,全年向县外输出劳动力11.26万人。") is None
    assert gaz.document_region(None, "全国脱贫攻坚取得决定性进展,河北、山西、福建等地贫困发生率降至1%以下。").level == "country"
    # 县住建局会同县扶贫移民局: 会同 is "jointly with", not 会同县
    assert gaz.mentions("县住建局会同县扶贫移民局、县财政局进行了督查") == []
    assert [m.region.adcode for m in gaz.mentions("会同县扶贫移民局")] == ["431225"]


def test_the_one_county_a_story_names_beside_provinces_people_work_in_is_its_region(gaz):
    body = ("早上六点多出门,从巴东县城坐车到溪丘湾乡,再转摩托车进村。全村在外务工的62人,"
            "大多在浙江、广东的电子厂和工地上。全乡今年已完成危房改造154户。")  # set ak
    assert gaz.document_region("第一书记日记", body).name == "巴东县"
    # two counties of different provinces, and provinces beside them: none dominates
    assert gaz.document_region(None, "巴东县和岷县都在浙江、广东设有劳务工作站。") is None
