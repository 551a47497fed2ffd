"""Boilerplate removal on the seeds' real pages: golden bodies and metadata, and each kind of line."""
import ast
import json
import re
from datetime import datetime

import pytest
from hypothesis import given, strategies as st

from tuopin.clean import Cleaned, Context, cells_of, classify, clean
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
    # Real lines from the HTML pages of tests/data/html and the Chinese Web Content Extraction Dataset.
    ("当前位置:首页->军事技术", "breadcrumb"),
    ("分享到 - 微信", "share"),
    ("吉ICP备10003441号", "contact"),
    ("*经营许可证编号:京ICP00000008号", "contact"),
    ("※ 联系电话:010--63070957 010--63070958", "contact"),
    ("违法和不良信息举报电话:0478-8655532(工作时间) 邮箱:bynrszf@163.com", "contact"),
    ("未经大河网书面特别授权,请勿转载或建立镜像", "copyright"),
    ("Copyright © 2005 Sohu.com Inc. All rights reserved.搜狐公司 版权所有", "copyright"),
    ("郑 重 声 明", "copyright"),
    ("三、对于各类非法转载行为,欢迎读者提供侵权线索:", "copyright"),
    ("共 11 篇评论 发表评论 >>>", "comment"),
    ("您是本文第 154 个阅览者", "comment"),
    ("( 责任编辑:刘林源 )", "editor"),
    ("来源:巴彦淖尔日报 编辑:苏亮", "editor"),
    ("2005-04-05 06:40更新 来源:转载文章", "meta"),
    ("回复线索:", "related"),
    ("相关新闻:", "related"),
    ("旅行中,谁忽悠了你?【新闻频道版主】08-11 16:06 298字 [4321/87]", "listing"),
    ("·蔡依林热舞 (2005-04-27 18:03PM)", "listing"),
    ("首页 - 新闻 - 免费邮箱 - 短信 - POPO - 相册 - 搜索 - 交友 - 拍卖", "nav"),
    ("成人用品堪称暴利行业", "spam"),
    ("锁定DNA征服牛皮癣鱼鳞病", "spam"),
    ("中医攻克牛皮癣、白癜风!", "spam"),
    # Keyword stuffing as mirror sites print it above articles (constructed: the data has none).
    ("北京男科医院 北京男科医院哪家好 北京男科医院排名", "spam"),
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
    # Body lines of the HTML pages with words the spam, copyright and contact rules look for.
    "该消息由国内一家权威媒体报道,并被多家媒体转载,引发强烈民族自豪感。因为,“这可能是中国人104年来首次获得诺贝尔奖项”。",
    "年轻人名李简。现任北京大学第一医院胸外科主任。",
    "两只黄鹂侦探剧场:情人热线的哀呼",
    "个人简介:",
    "会议于2019年6月12日10:00召开。",
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


@pytest.mark.parametrize("line, publisher", [
    ("2020年11月24日 贵州日报", "贵州日报"),
    ("2020-06-15 09:12 安徽日报", "安徽日报"),
    ("2020年03月01日 新华社", "新华社"),
])
def test_a_dateline_of_date_and_paper_name_gives_title_date_and_publisher(line, publisher):
    text = f"全省脱贫攻坚新闻发布会\n{line}\n全省66个贫困县全部脱贫摘帽,9000个贫困村全部出列。\n"
    result = clean(text)
    assert (result.title, result.publisher) == ("全省脱贫攻坚新闻发布会", publisher)
    assert result.published_at.year == 2020 and result.body_text.startswith("全省66个")


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
    assert imported <= {"__future__", "re", "dataclasses", "datetime", "tuopin"}
    ours = {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
            and node.module.startswith("tuopin")}
    assert ours <= {"tuopin.prefilter"}  # which reads patterns with the standard library's own parser


def test_bylines_and_desk_lines_of_the_seeds(cleaned):
    first = cleaned["000_8866bcbe7feeee9f"]
    assert first.reporters == "崔维利 袁松年" and first.editor == "杜伟 刘征宇"
    last = cleaned["004_f5aa2f6e16407d74"]
    assert last.reporters == "王晶晶" and last.editor == "郑明圆"


@pytest.mark.parametrize("line, expected", [
    ("本报讯 (实习记者 樊亮 张明超 记者惠禾)13岁,正是花季的年龄。", "樊亮 张明超 惠禾"),
    ("顶端新闻·河南商报记者马俊峰/文受访者供图", "马俊峰"),
    ("光明日报记者 王建宏 张文攀", "王建宏 张文攀"),
    ("麻辣杂谈 记者江湖 中国川剧 指上谈兵 白兔股市 绝色美女 两性健康", None),  # a menu, not a byline
    ("记者手记:", None),  # a section header
])
def test_reporters_from_bylines(line, expected):
    text = f"{line}\n全县2017年共减贫2078户5222人,6个贫困村退出,贫困发生率降至0.89%。\n"
    assert clean(text).reporters == expected


@pytest.mark.parametrize("line, expected", [
    ("本贴由大卫于2005年8月12日16:12:21在〖心灵体操〗发表.", datetime(2005, 8, 12, 16, 12, 21)),
    ("AUTO.SOHU.COM 2005年05月13日14:15", datetime(2005, 5, 13, 14, 15)),
    ("〓 网易娱乐 周黎明留言板 发布时间 2005/05/17 22:11:42 by 眉间尺 〓", datetime(2005, 5, 17, 22, 11, 42)),
    ("|发布: 2021-1-29 13:18|点击: 313|来自: 互联网", datetime(2021, 1, 29, 13, 18)),
])
def test_date_formats_of_the_html_pages(line, expected):
    text = f"标题在这里出现\n{line}\n全县2017年共减贫2078户5222人,6个贫困村退出,贫困发生率降至0.89%。\n"
    assert clean(text).published_at == expected


def test_month_day_dateline_takes_its_year_from_another_date_of_the_page():
    text = ("2018年3月27日 星期二\n四平:“三位一体”脱贫攻坚\n"
            "吉林日报3月26日讯(记者 崔维利 袁松年):到2017年年底,实现16153人稳定脱贫,54个贫困村退出摘帽。\n")
    assert clean(text).published_at == datetime(2018, 3, 26)
    # A clock from January dates a December dateline to the year before.
    assert clean(text.replace("2018年3月27日", "2018年1月2日").replace("3月26日讯", "12月30日讯")
                 ).published_at == datetime(2017, 12, 30)
    # Without any other date the year is unknown, and so is the date.
    assert clean(text.split("\n", 1)[1]).published_at is None


def test_a_month_alone_is_the_last_resort():
    text = "全县2017年共减贫2078户5222人,6个贫困村退出,贫困发生率降至0.89%。\n——《北京之春》1998年3月号\n"
    assert clean(text).published_at == datetime(1998, 3, 1)


def test_page_title_marks_the_article_among_several_posts():
    posts = ["昨天去金矿玩 (图)", "距墨尔本西北约110公里处,是当年澳大利亚发现第一块天然黄金的地方。", "由海姑娘张贴 @ 2005-03-21 01:20:44 (359) 共 3 篇评论 发表评论 >>>",
             "长发剪了,感觉很轻松", "头发留的很长很长了,每天总是花很多时间去梳头,去洗头,以前总为一头美丽的长发而骄傲。"
             "但是时间久了,也觉得烦了,加上实在太长了,所以就想去剪了,去了理发店,本来只想剪去几寸的。",
             "由海姑娘张贴 @ 2005-03-18 01:58:01 (1666) 共 7 篇评论 发表评论 >>>"]
    text = "\n".join(posts)
    assert clean(text).body_text == posts[4]  # without a title: the longest post
    result = clean(text, context=Context(title="昨天去金矿玩 (图)", main_text=True))
    assert result.body_text == posts[1] and result.title == posts[0]
    assert result.published_at == datetime(2005, 3, 21, 1, 20, 44)


def test_main_text_runs_on_over_lists_until_a_closing_line():
    text = ("全县2017年共减贫2078户5222人,6个贫困村退出,贫困发生率降至0.89%。\n正规专辑\n发行日期 2001年12月14日\n"
            "Prologue\nSad Story\n相关新闻:\n另一篇新闻的标题在这里\n")
    assert clean(text).body_text.count("\n") == 0
    assert clean(text, context=Context(main_text=True)).body_text.splitlines()[-1] == "Sad Story"


def test_page_title_without_its_site_name():
    context = Context(title="为现代化巴彦淖尔建设凝聚强大智慧和力量——热烈祝贺市政协五届一次会议开幕_巴彦淖尔市人民政府网")
    result = clean("全县2017年共减贫2078户5222人,6个贫困村退出,贫困发生率降至0.89%。\n", context=context)
    assert result.title == "为现代化巴彦淖尔建设凝聚强大智慧和力量——热烈祝贺市政协五届一次会议开幕"


def test_figures_spaced_out_by_a_site_are_joined_to_their_words():
    text = "标题在这里出现\n2019年01月01日 来源:某某日报\n全县共减贫 2078 户 5222 人,贫困发生率降至 0.89 %。\n"
    assert clean(text).body_text == "全县共减贫2078户5222人,贫困发生率降至0.89%。"


def test_a_reports_title_above_its_salutation_and_speaker():
    text = ("阜平县人民政府\n发布日期:2018-01-29 来源:县政府办公室\n\n政府工作报告\n"
            "——2018年1月22日在阜平县第十六届人民代表大会第二次会议上\n阜平县人民政府县长\n\n各位代表:\n"
            "现在,我代表县人民政府向大会报告工作,请予审议。\n全年实现减贫11385户28647人,退出贫困村61个。\n")
    result = clean(text)
    assert result.title == "政府工作报告——2018年1月22日在阜平县第十六届人民代表大会第二次会议上"
    assert result.body_text.startswith("现在,我代表")
    # the dateline between the headline and its subtitle (set ag)
    dated = clean("阜平县人民政府网\n\n阜平县2018年政府工作报告\n\n【发布时间:2018-03-05 11:15】 【来源:阜平县人民政府办公室】\n\n"
                  "——2018年2月26日在阜平县第十六届人民代表大会第二次会议上\n\n各位代表:\n\n"
                  "现在,我代表县人民政府,向大会报告工作,请予审议。\n去年全县实现3.6万人脱贫,40个贫困村出列。\n")
    assert dated.title == "阜平县2018年政府工作报告——2018年2月26日在阜平县第十六届人民代表大会第二次会议上"
    assert dated.publisher == "阜平县人民政府办公室" and dated.body_text.startswith("现在,我代表")


def test_hard_wrapped_report_lines_join_back_into_sentences():
    text = ("关于2018年全县脱贫攻坚工作情况的报告\n\n    一、目标任务完成情况\n"
            "    2018年,全县计划减贫3128户12580人。截至12月底,实际减贫3201户12680\n"
            "人,52个贫困村全部退出,贫困发生率由2017年底的11.6%下降到\n1.9%,全县整体达到脱贫摘帽标准。\n"
            "    二、资金投入情况\n    全年共整合各类扶贫资金9.76亿\n元,共实施扶贫项目416个。\n")
    body = clean(text).body_text
    assert "实际减贫3201户12680人,52个贫困村全部退出,贫困发生率由2017年底的11.6%下降到1.9%,全县" in body
    assert "全年共整合各类扶贫资金9.76亿元,共实施" in body
    assert "一、目标任务完成情况\n" in body  # a heading stays a line of its own


def test_a_document_wrapped_to_a_width_joins_inside_words_and_numbers_and_drops_page_numbers():
    text = ("2018年阜平县人民政府工作报告\n\n一、过去五年工作回顾\n"
            "\u3000\u3000过去五年,是阜平发展进程中极不平凡的五年。五年来,在市委、市政府和县委的\n"
            "坚强领导下,我们牢记习近平总书记视察阜平时的殷殷嘱托,把脱贫攻坚作为头\n"
            "等大事和第一民生工程,全县累计减贫2.3万户6.1万人,贫困发生率由54.\n"
            "4%下降到11.2%,群众生产生活条件发生了历史性变化。全县\n"
            "生产总值由2012年的37.6亿元增加到62.3亿元,年均增长8.1%;一般公共\n"
            "预算收入年均增长15.2%。\n\n— 2 —\n\n"
            "\u3000\u3000(一)脱贫攻坚取得决定性进展。2017年,全县投入各类扶贫资金\n"
            "12.6亿元,实施扶贫项目326个,当年减贫5126户12083人,21个贫困\n"
            "村出列。年底全县剩余贫困人口2.17万人,比上年减少1.1万人。坚\n"
            "持产业扶贫与金融扶贫相结合,发展食用菌2.2万亩、高效林果26万亩,\n"
            "建成光伏扶贫电站31座。\n")
    body = clean(text).body_text
    assert "把脱贫攻坚作为头等大事" in body and "贫困发生率由54.4%下降到11.2%" in body
    assert "21个贫困村出列" in body and "投入各类扶贫资金12.6亿元" in body
    assert "— 2 —" not in body
    assert "一、过去五年工作回顾\n过去五年" in body  # the heading and the indented paragraphs stay lines
    assert "年均增长15.2%。\n(一)脱贫攻坚" in body


def test_paragraph_lines_are_not_joined_though_short():
    text = ("标题\n\n全县今年减贫3000人,贫困发生率降至1.2%。\n全县有48个贫困村出列,实现了整体脱贫。\n"
            "驻村工作队员、第一书记全部到位。\n全县建档立卡贫困户共计5234户,其中一般贫困户2311户。\n"
            "全县完成易地扶贫搬迁1104户2590人,\n旧村拆除复垦率达到100%。\n")
    body = clean(text).body_text
    assert "降至1.2%。\n全县有48个" in body and "实现了整体脱贫。\n驻村" in body


def test_the_sentence_leading_into_a_reports_sections_is_body_and_the_issuing_office_no_title():
    text = ("汪清县2018年脱贫攻坚工作总结\n汪清县扶贫开发领导小组办公室\n2019年1月15日\n"
            "2018年,在县委、县政府的坚强领导下,我办紧紧围绕脱贫摘帽目标,全力推进各项扶贫工作,"
            "现将全年工作总结如下:\n一、主要工作及成效\n(一)减贫任务全面完成。全年实现3216户8127人脱贫,"
            "33个贫困村退出。\n(二)易地扶贫搬迁扎实推进。全年完成易地扶贫搬迁1104户2590人。\n")
    result = clean(text)
    assert result.title == "汪清县2018年脱贫攻坚工作总结"
    assert result.body_text.startswith("2018年,在县委")


def test_an_e_papers_issue_date_with_its_weekday_is_the_published_date():
    text = ("菏泽日报数字报\n2017年02月15日 星期三 第A2版:综合新闻\n上一版 下一版 返回目录\n\n"
            "鄄城去年减贫1.12万户2.63万人\n\n本报鄄城讯(记者 孙玉芳)2月13日,记者从鄄城县扶贫办获悉,"
            "去年该县共减贫1.12万户2.63万人,63个省定扶贫工作重点村退出。\n")
    assert clean(text).published_at == datetime(2017, 2, 15)


def test_a_news_apps_buttons_paper_name_and_account_are_no_headline():
    phone = ("打开APP\n云南网\n首页\n推荐\n\n镇雄:挂牌督战啃下最后的“硬骨头”\n\n昭通日报\n2020/6/18 10:21\n+关注\n\n"
             "初夏的乌蒙山区,雨后云雾缭绕。镇雄县是云南省人口第一大县,已累计脱贫8.33万户34.02万人。\n")  # set y
    cleaned = clean(phone)
    assert cleaned.title == "镇雄:挂牌督战啃下最后的“硬骨头”" and cleaned.published_at == datetime(2020, 6, 18, 10, 21)
    assert "关注" not in cleaned.body_text and "昭通日报" not in cleaned.body_text
    feed = ("头条\n首页 / 国内 / 正文\n\n重庆城口:大巴山深处的脱贫答卷\n城口发布\n"
            "2020-02-24 10:21 · 重庆市城口县融媒体中心官方账号\n关注\n\n"
            "2月22日,重庆市人民政府发布公告,城口县等4个区县退出国家扶贫开发工作重点县。至此,重庆市18个贫困区县全部脱贫摘帽。\n")
    cleaned = clean(feed)  # set e
    assert cleaned.title == "重庆城口:大巴山深处的脱贫答卷" and cleaned.published_at == datetime(2020, 2, 24, 10, 21)
    assert cleaned.body_text.startswith("2月22日")


def test_a_list_by_label_or_a_two_column_table_does_not_cut_a_notice_in_two():
    notice = ("紫阳县人民政府\n首页 新闻中心 政务公开 政务服务\n当前位置: 首页 > 政务公开 > 通知公告\n\n"
              "关于紫阳县二〇一九年度贫困村退出的公告\n\n时间:2020-01-03 11:20 来源:县脱贫攻坚领导小组办公室\n\n"
              "经县脱贫攻坚领导小组研究,同意蒿坪镇金竹村等12个村退出贫困村序列,现予以公告。\n\n"
              "退出贫困村名单(共计十二个):\n镇 名 | 村 名\n"
              + "".join(f"{town}镇 | {village}村\n" for town, village in
                        zip("蒿坪 洞河 汉王 焕古 双桥 红椿 毛坝 瓦庙 界岭 长安".split(), "金竹 麻园 汉城 东河 双桥 七里 染房 金花 桃园 高桥".split()))
              + "\n二〇一九年,全县减贫5217户13846人,贫困发生率下降至0.93%。\n\n特此公告。\n")  # set aa
    cleaned = clean(notice)
    assert cleaned.title == "关于紫阳县二〇一九年度贫困村退出的公告"
    assert "同意蒿坪镇金竹村等12个村" in cleaned.body_text and "全县减贫5217户" in cleaned.body_text
    listed = ("云南省人民政府门户网站\n首页 要闻动态 政务公开 政务服务\n"
              "标  题:云南省人民政府关于批准宣威市等33个县(市、区)退出贫困县的通知\n"
              "发布时间:2019-04-30 17:26 来源:省政府办公厅\n\n"
              "云南省人民政府关于批准宣威市等33个县(市、区)退出贫困县的通知\n\n云政发〔2019〕18号\n\n各州、市人民政府:\n\n"
              "根据《云南省贫困退出机制实施方案》,按照县级申请、州(市)初审、省级专项评估检查的程序,2018年度申请退出的"
              "宣威市等33个县(市、区)符合贫困县退出条件。经省委、省政府研究,同意宣威市等33个县(市、区)退出贫困县序列。\n\n"
              "退出贫困县序列的33个县(市、区)名单如下:\n"
              + "".join(f"{city}:{counties}\n" for city, counties in [
                  ("昆明市", "东川区、禄劝彝族苗族自治县"), ("曲靖市", "宣威市、富源县、师宗县"), ("玉溪市", "新平彝族傣族自治县"),
                  ("保山市", "施甸县、龙陵县、昌宁县"), ("昭通市", "鲁甸县、盐津县、水富县"), ("丽江市", "玉龙纳西族自治县、永胜县"),
                  ("普洱市", "墨江哈尼族自治县、景东彝族自治县"), ("临沧市", "凤庆县、云县"), ("大理白族自治州", "弥渡县")])
              + "\n我省共有88个贫困县,至此全省累计已有48个贫困县实现脱贫摘帽。\n")  # set aa
    cleaned = clean(listed)
    assert cleaned.title == "云南省人民政府关于批准宣威市等33个县(市、区)退出贫困县的通知"
    assert "累计已有48个贫困县" in cleaned.body_text


def test_a_dateline_with_its_weekday_and_source_is_the_published_date():
    text = ("毕节日报社·毕节网\n首页 | 毕节要闻 | 县区新闻\n\n毕节:去年减少贫困人口26.61万人\n\n"
            "2019年03月05日 星期二 来源:毕节日报 记者:罗文艺\n\n"
            "记者日前从市扶贫办获悉,2018年,毕节市减少农村贫困人口26.61万人。\n")  # set y
    assert clean(text).published_at == datetime(2019, 3, 5)


def test_a_tables_header_row_stays_in_the_body_though_it_reads_like_a_menu():
    text = ("标题\n\n全市脱贫攻坚取得决定性进展。剩余贫困人口较多的县情况如下:\n县(区)｜剩余贫困人口｜贫困发生率\n"
            "西吉县｜18080人｜4.87%\n以上均为2019年底数据,全市将于2020年全面完成脱贫任务。\n首页 | 新闻 | 政务 | 服务\n")
    body = clean(text).body_text
    assert "县(区)｜剩余贫困人口｜贫困发生率\n西吉县｜18080人｜4.87%" in body
    assert "首页" not in body


def test_a_bulletins_title_above_the_offices_that_issued_it():
    text = ("2019年赣州市国民经济和社会发展统计公报\n\n赣州市统计局\n国家统计局赣州调查队\n2020年4月10日\n\n"
            "　　2019年,全市上下坚持稳中求进工作总基调,经济运行总体平稳,脱贫攻坚取得决定性成就。\n"
            "　　全年全市减贫2.96万户9.83万人,贫困发生率0.29%。\n")
    result = clean(text)
    assert result.title == "2019年赣州市国民经济和社会发展统计公报"
    assert result.issuer == "赣州市统计局"


def test_a_statistics_table_between_two_paragraphs_stays_in_the_body_with_its_cells_apart():
    rows = ["脱贫人口\t人\t8652\t-3215", "脱贫户数\t户\t2931\t-1102", "出列贫困村\t个\t20\t-6",
            "年末贫困发生率\t%\t0.47\t-2.29", "易地扶贫搬迁人口\t人\t1536\t412", "财政专项扶贫资金\t万元\t38520\t5630",
            "扶贫小额信贷发放额\t万元\t12460\t-2310"]
    text = ("岳西县2018年国民经济和社会发展统计公报\n\n岳西县统计局\n2019年3月20日\n\n"
            "　　全年扎实推进精准扶贫精准脱贫,全面完成年度减贫任务。年末全县剩余贫困人口1508人。\n\n"
            "表9　2018年脱贫攻坚主要指标\n\n指标名称\t计量单位\t2018年\t比上年增减\n" + "\n".join(rows) + "\n\n"
            "　　十二、人民生活和社会保障\n\n　　全年全体居民人均可支配收入16823元,比上年增长10.8%。\n")
    body = clean(text).body_text
    assert "\n".join(["指标名称\t计量单位\t2018年\t比上年增减", *rows]) in body
    assert "全年全体居民人均可支配收入16823元" in body


def test_the_sentence_leading_into_a_table_opens_the_body():
    text = ("标题\n\n　　现将我县2019年度财政专项扶贫资金分配使用情况公告如下:\n\n　　一、资金总体情况\n\n"
            "　　2019年,全县共安排财政专项扶贫资金52368.75万元,资金来源如下表:\n"
            "资金来源\t金额(万元)\t占比(%)\n中央资金\t31256.00\t59.68\n自治区资金\t12480.00\t23.83\n"
            "市级资金\t1632.75\t3.12\n县级资金\t7000.00\t13.37\n合计\t52368.75\t100.00\n"
            "　　此外,全年统筹整合财政涉农资金85620万元用于脱贫攻坚。\n")
    body = clean(text, context=Context(main_text=True)).body_text
    assert "现将我县2019年度财政专项扶贫资金分配使用情况公告如下:\n一、资金总体情况\n2019年,全县共安排" in body
    assert "中央资金\t31256.00\t59.68" in body


def test_font_size_buttons_are_page_tools_not_the_headline():
    text = ("首页 > 新闻中心 > 扶贫动态\n字号:大 中 小\n2020-11-25 09:32:17 来源:紫云县融媒体中心\n\n"
            "　　本网讯11月23日,贵州省人民政府发布公告,紫云苗族布依族自治县等9个县(区)正式退出贫困县序列。\n")
    assert classify("字号:大 中 小") == "footer" and classify("字体:【大】【中】【小】") == "footer"
    assert clean(text).title != "字号:大 中 小"


def test_a_line_opening_with_a_figure_goes_on_the_sentence_the_line_before_left_open():
    text = ("会宁县2017年度扶贫资金审计结果\n\n    一、基本情况\n    2017年,全县共筹集投入各类扶贫资金\n"
            "6.83亿元,其中中央财政专项扶贫资金2.15亿元。\n    二、审计发现的问题\n")
    body = clean(text).body_text
    assert "2017年,全县共筹集投入各类扶贫资金6.83亿元,其中" in body
    assert "一、基本情况\n2017年" in body  # a heading is no open sentence


def test_an_infographics_figure_lines_and_their_labels_are_the_body():
    text = ("西吉县人民政府门户网站\n首页 | 走进西吉 | 政务公开 | 政务服务 | 互动交流\n发布时间:2020-01-16 10:30  来源:县扶贫办\n\n"
            "西吉县脱贫攻坚成绩单\n\n减贫人口\n7960户\n32571人\n\n贫困村退出\n78个\n\n贫困发生率\n由12.69%下降到1.02%\n\n"
            "剩余贫困人口\n2189户\n7654人\n\n主办:西吉县人民政府办公室\n")
    result = clean(text)
    assert result.body_text.startswith("减贫人口\n7960户\n32571人")
    assert "由12.69%下降到1.02%" in result.body_text and "主办" not in result.body_text
    assert result.title == "西吉县脱贫攻坚成绩单"


def test_a_headline_stating_one_figure_does_not_open_the_body():
    text = ("中国甘肃网\n2019-10-18 08:45:21  来源:民族日报\n东乡县举办“扶贫日”集中活动 社会各界认捐帮扶资金2860万元\n"
            "本报讯10月17日是第六个国家扶贫日。当天,东乡族自治县在锁南镇举行2019年“扶贫日”集中活动。\n")
    result = clean(text)
    assert result.title.startswith("东乡县举办") and result.published_at == datetime(2019, 10, 18, 8, 45, 21)


def test_a_table_row_splits_at_pipes_tabs_and_wide_spaces():
    assert cells_of("西吉县｜18080人｜4.87%") == [(0, 3), (4, 10), (11, 16)]
    assert cells_of("县区  人口\t贫困发生率", 10) == [(10, 12), (14, 16), (17, 22)]
    assert cells_of("全县减贫2078户5222人。") == [(0, 15)]  # a sentence is one cell
    assert cells_of("") == []


@given(st.text(alphabet="县人1。 \u3000\t|｜", max_size=30))
def test_cells_cover_a_line_but_its_separators(line):
    cells = cells_of(line)
    assert all(a < b for a, b in cells) and all(b1 <= a2 for (_, b1), (a2, _) in zip(cells, cells[1:]))
    kept = "".join(line[a:b] for a, b in cells)
    assert kept.replace(" ", "").replace("\u3000", "") == re.sub(r"[\s|｜]", "", line)
    assert not any(re.search(r"[|｜\t]|[ \u3000]{2}", line[a:b]) for a, b in cells)


def every_kind(line: str) -> str | None:
    """The kind the whole chain of line classifiers gives, each tried in turn."""
    from tuopin.clean import LINE_KINDS
    return "blank" if not line else next((kind for kind, test in LINE_KINDS if test(line)), None)


def test_a_long_paragraph_gets_the_kind_the_whole_chain_gives_it():
    # classify tries only the kinds a long paragraph can be; on every line of the evaluation
    # articles, and on long paragraphs with the words of each kind, it agrees with the whole chain
    from tuopin.clean import tidy
    lines = {tidy(line) for path in (ROOT / "tests" / "data" / "eval").rglob("*.*") if path.suffix in (".txt", ".html")
             for line in repair(decode(path.read_bytes()).text).text.splitlines()}
    sentence = "全县累计减少贫困人口2.3万人,贫困发生率由12.5%下降到0.5%,实现了脱贫攻坚目标任务。"
    lines |= {sentence * 3 + tail for tail in ("版权所有:某某县人民政府", "备案号:京ICP备05070218号",
                                                 "2020-05-01", "首页 > 新闻中心 > 扶贫", "分享到:微信 微博",
                                                 "责任编辑:张三", "欢迎访问", "相关新闻", "澳门赌场 葡京娱乐")}
    assert len(lines) > 5000
    for line in lines:
        assert classify(line) == every_kind(line), line
