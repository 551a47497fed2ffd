"""Boilerplate removal on the seeds' real pages: golden bodies and metadata, and each kind of line."""
import ast
import json
import re
from datetime import datetime

import pytest

from tuopin.clean import Cleaned, classify, clean
from tuopin.decode import decode
from tuopin.repair import repair

from conftest import ARTICLES, GOLDEN, ROOT, assert_golden

GOLD = GOLDEN / "clean"
CASES = [p for p in ARTICLES if (GOLD / f"{p.stem}.body.txt").exists()]


@pytest.fixture(scope="module")
def cleaned() -> dict[str, Cleaned]:
    return {p.stem: clean(repair(decode(p.read_bytes()).text).text) for p in ARTICLES}


def golden_body(stem: str) -> str:
    return (GOLD / f"{stem}.body.txt").read_text(encoding="utf-8").rstrip("\n")


def test_golden_cases_are_found():
    assert len(CASES) == 5
    assert all((GOLD / f"{p.stem}.meta.json").exists() for p in CASES)


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name[:3])
def test_body_matches_golden(path, cleaned):
    assert_golden(cleaned[path.stem].body_text, GOLD / f"{path.stem}.body.txt")


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name[:3])
def test_metadata_matches_golden(path, cleaned):
    expected = json.loads((GOLD / f"{path.stem}.meta.json").read_text(encoding="utf-8"))
    result = cleaned[path.stem]
    got = {"title": result.title, "publisher": result.publisher,
           "published_at": result.published_at.isoformat(sep=" ") if result.published_at else None}
    assert got == expected


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name[:3])
def test_no_golden_body_line_is_dropped(path, cleaned):
    kept = set(cleaned[path.stem].body_text.splitlines())
    missing = [line for line in golden_body(path.stem).splitlines() if line not in kept]
    assert missing == []


@pytest.mark.parametrize("path", CASES, ids=lambda p: p.name[:3])
def test_boilerplate_chars_account_for_every_removed_character(path, cleaned):
    text = repair(decode(path.read_bytes()).text).text
    result = cleaned[path.stem]
    visible = lambda s: len(re.sub(r"\s+", "", s))  # noqa: E731
    assert visible(text) == visible(result.body_text) + result.boilerplate_chars
    assert result.boilerplate_chars == sum(visible(d.text) for d in result.dropped)


# Real lines from the seeds and the kind each shows by itself.
BOILERPLATE_LINES = [
    ("长春 江城 四平 辽源 通化 白城 白山 松原 延边 长白山保护开发区", "nav"),
    ("热线:0431-81126178", "contact"),
    ("邮箱:jilin@cri.cn", "contact"),
    ("2018-03-26 10:13:14  |  来源:吉林日报  |  编辑:杜伟   |  责编:刘征宇", "meta"),
    ("国际在线版权与信息产品内容销售的声明:", "copyright"),
    ("• 2、凡本网注明“来源:国际在线专稿”的所有作品,版权均属中国国际广播电台国际在线所有,"
     "未经本网书面授权不得转载、摘编、复制或利用其他方式使用上述作品。", "copyright"),
    ("• 5、本网其他来源作品,均转载自其他媒体,转载目的在于传播更多信息,丰富网络文化,此类稿件不代表本网观点。",
     "copyright"),
    ("已有0人发表了评论", "comment"),
    ("微信 QQ空间 QQ好友 新浪微博", "share"),
    ("您当前的位置 : 中国张掖网 >> 2018专题 >> 脱贫攻坚奔小康 >> 致富经 响鼓重锤战贫困——张掖市全力推进脱贫攻坚工作综述"
     " 来源:张掖日报    2020年05月11日 15:32", "breadcrumb"),
    ("编辑: 郑明圆", "editor"),
    ("最新相关新闻", "related"),
    ("", "blank"),
]

# Real body lines that carry boilerplate-looking words or no final punctuation.
BODY_LINES = [
    "精准识别,解决“扶持谁”问题",
    "记者手记:",
    "挂牌督战促落实",
    "“百日攻坚”再查摆",
    "吉林日报3月26日讯(记者 崔维利 袁松年):到2017年年底,实现16153人稳定脱贫,54个贫困村退出摘帽,贫困发生率降至2.4%。",
    "【编者按】如今,大凉山脱贫攻坚已进入最后冲刺。如何确保贫困人口如期脱贫、贫困村顺利退出、贫困县全部摘帽?"
    "本网记者邀请最后摘帽的7个贫困县县委书记谈扶贫,请他们畅谈脱贫故事,讲述各县的脱贫致富经!",
    "9、开启“互联网+泽州扶贫”模式。投资100万元打造泽州特色扶贫模式,通过微信公众号、微信小程序、特色扶贫手机卡“三位一体”,"
    "及时将各项扶贫政策宣传到贫困户、帮扶干部。",
    "毫不松劲压紧压实帮扶责任,打通精准帮扶的“最后一公里”",
]


@pytest.mark.parametrize("line, kind", BOILERPLATE_LINES, ids=[kind for _, kind in BOILERPLATE_LINES])
def test_boilerplate_line_kind(line, kind):
    assert classify(line) == kind


@pytest.mark.parametrize("line", BODY_LINES, ids=lambda line: line[:8])
def test_body_line_is_not_boilerplate(line):
    assert classify(line) is None


def dropped_kinds(result: Cleaned) -> dict[str, str]:
    return {d.text: d.kind for d in result.dropped}


def test_head_lines_are_dropped_by_zone(cleaned):
    kinds = dropped_kinds(cleaned["000_8866bcbe7feeee9f"])
    assert kinds["关东黑土"] == "nav"
    assert kinds["四平:“三位一体”脱贫攻坚"] == "title"
    kinds = dropped_kinds(cleaned["002_d36f6ebd55615910"])
    assert kinds["——秦州区以双联行动推进精准扶贫工作"] == "title"


def test_footer_grid_after_the_body_is_dropped(cleaned):
    result = cleaned["004_f5aa2f6e16407d74"]
    kinds = dropped_kinds(result)
    assert kinds["张掖网络警"] == kinds["察报警平台"] == "footer"
    assert "举报中心" not in result.body_text
    assert result.body_text.splitlines()[-1].endswith("(记者 王晶晶)")


def test_trailing_signature_is_dropped(cleaned):
    result = cleaned["001_5d77558cafc35860"]
    assert result.body_text.endswith("贫困村整体提升的目标。")
    assert [(d.kind, d.text) for d in result.dropped if d.kind != "blank"] == [("signature", "高峰")]


def test_signature_rules_on_constructed_endings():
    body = "全县减贫2078户5222人,贫困发生率降至0.89%,实现了年度目标任务。"
    assert clean(body + " 高峰").body_text == body
    assert clean(body + "(完)").body_text == body
    assert clean(body + "(责任编辑:张三)").body_text == body
    assert clean(body + "(记者 王晶晶)").body_text == body + "(记者 王晶晶)"


def test_metadata_line_parses():
    text = ("四平:“三位一体”脱贫攻坚\n2018-03-26 10:13:14 | 来源:吉林日报 | 编辑:杜伟 | 责编:刘征宇\n"
            "到2017年年底,全市实现16153人稳定脱贫,54个贫困村退出摘帽,贫困发生率降至2.4%。\n")
    result = clean(text)
    assert result.published_at == datetime(2018, 3, 26, 10, 13, 14)
    assert result.publisher == "吉林日报"
    assert result.title == "四平:“三位一体”脱贫攻坚"
    assert result.body_text.startswith("到2017年")


@pytest.mark.parametrize("line, expected", [
    ("2020年05月11日 15:32  来源:张掖日报", datetime(2020, 5, 11, 15, 32)),
    ("发布时间:2018/03/26", datetime(2018, 3, 26)),
    ("2018年3月26日  来源:某县融媒体中心", datetime(2018, 3, 26)),
])
def test_date_formats_in_the_dateline(line, expected):
    text = f"标题在这里出现\n{line}\n全县2017年共减贫2078户5222人,6个贫困村退出,贫困发生率降至0.89%。\n"
    assert clean(text).published_at == expected


def test_dates_in_body_sentences_are_not_publication_dates():
    text = "2019年10月1日起,全县208个贫困村村集体经济开始核算收入,确保6月底前全部达到标准。\n"
    result = clean(text)
    assert result.published_at is None and result.title is None and result.publisher is None


def test_empty_and_boilerplate_only_text_leave_no_body():
    assert clean("").body_text == ""
    assert clean("首页 | 新闻 | 政务 | 服务\n版权所有 某某网\n").body_text == ""


def test_clean_uses_only_the_standard_library():
    tree = ast.parse((ROOT / "tuopin" / "clean.py").read_text(encoding="utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {node.module.split(".")[0] for node in ast.walk(tree)
                 if isinstance(node, ast.ImportFrom) and node.module}
    assert imported <= {"__future__", "re", "dataclasses", "datetime"}

