"""HTML pages: real pages through process() against their gold main text and dates, and the parts."""
import csv
import difflib
import re
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest

from tuopin.clean import Context
from tuopin.config import load_settings
from tuopin.html import is_html, page_lines, parse, plain_text, read_page, surroundings, unwrap_layout_tables
from tuopin.process import process
from tuopin.repair import converter
from tuopin.sources import read_source

DATA = Path(__file__).resolve().parent / "data" / "html"
PAGES = sorted((DATA / "pages").glob("*.html"))
FLOORS = {"body_recall": 0.95, "body_precision": 0.95, "date_accuracy": 1.0}
PINYIN = re.compile(r"\((?=[^)]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


def normalise(text):
    """Text as /work/shared/checks/score_body.py compares it."""
    text = PINYIN.sub("", unicodedata.normalize("NFKC", text or ""))
    return re.sub(r"\s+", "", converter("t2s").convert(text))


@pytest.fixture(scope="module")
def outcomes():
    settings = load_settings()
    return {p.name: process(read_source(str(p), settings.max_bytes), settings) for p in PAGES}


def gold_meta():
    return list(csv.DictReader(open(DATA / "gold_meta.csv", encoding="utf-8")))


def test_fixtures_are_found():
    assert len(PAGES) == 6
    assert all((DATA / "gold_body" / p.name).exists() for p in PAGES)
    assert {row["file"] for row in gold_meta()} == {p.name for p in PAGES}
    assert (DATA / "LICENSE").exists()


def test_every_page_becomes_a_document_keeping_its_file_name(outcomes):
    for name, outcome in outcomes.items():
        assert outcome.rejection is None, (name, outcome.rejection)
        assert Path(outcome.document["source_path"]).name == name


def test_body_recall_and_precision_against_gold(outcomes):
    kept = gold_total = got_total = 0
    report = []
    for path in PAGES:
        gold = normalise((DATA / "gold_body" / path.name).read_text(encoding="utf-8"))
        got = normalise(outcomes[path.name].document["body_text"])
        matched = sum(b.size for b in difflib.SequenceMatcher(None, gold, got, autojunk=False).get_matching_blocks())
        kept, gold_total, got_total = kept + matched, gold_total + len(gold), got_total + len(got)
        report.append(f"{path.name[:8]} recall {matched / len(gold):.3f} precision {matched / max(len(got), 1):.3f}")
    recall, precision = kept / gold_total, kept / got_total
    assert recall >= FLOORS["body_recall"] and precision >= FLOORS["body_precision"], \
        f"recall {recall:.3f} precision {precision:.3f}\n" + "\n".join(report)


def test_published_dates_match_gold(outcomes):
    rows = [row for row in gold_meta() if row["published_at"] not in ("", "UNKNOWN")]
    misses = []
    for row in rows:
        got = outcomes[row["file"]].document["published_at"]
        gold = datetime.strptime(row["published_at"].split()[0], "%Y-%m-%d").date()
        if got is None or got.date() != gold:
            misses.append(f"{row['file'][:8]}: gold {row['published_at']}, got {got}")
    assert len(rows) == 5
    assert 1 - len(misses) / len(rows) >= FLOORS["date_accuracy"], "\n".join(misses)


def test_metadata_from_page_lines_around_the_main_text(outcomes):
    news = outcomes["f70d9c97-9d64-415e-a7e4-840c9258eaf5.html"].document
    assert news["published_at"] == datetime(2022, 2, 13, 7, 0, 0)
    assert news["publisher"] == "央广网" and news["editor"] == "李楠"
    assert news["title"] == "中央军委主席习近平签署命令 发布《军队装备试验鉴定规定》"  # _央广网 removed
    government = outcomes["500b350d-d38d-4fb0-9e81-75e0c95e95a8.html"].document
    assert government["editor"] == "苏亮" and government["publisher"] == "巴彦淖尔日报"
    blog = outcomes["064b591b-3cac-4a08-88d0-41c193a2350d.html"].document
    assert blog["reporters"] == "樊亮 张明超 惠禾"  # 本报讯 (实习记者 樊亮 张明超 记者惠禾)


def test_a_wrong_declared_charset_does_not_matter(outcomes):
    raw = (DATA / "pages" / "064b591b-3cac-4a08-88d0-41c193a2350d.html").read_bytes()
    assert re.search(rb"charset=[\"']?gb2312", raw)
    document = outcomes["064b591b-3cac-4a08-88d0-41c193a2350d.html"].document
    assert document["encoding"].startswith("utf-8")
    assert "13岁的李某却成了妈妈" in document["body_text"]


def test_forum_reply_list_and_board_rules_are_not_body(outcomes):
    thread = outcomes["a6e8b739-734a-4962-b1e3-b5ac29ecf4ab.html"].document["body_text"]
    assert thread.startswith("导游的收入很大一部分来自购物的回扣") and "【新闻频道版主】" not in thread
    post = outcomes["9b1e5dcb-3a68-408d-80c4-6878fade378b.html"].document["body_text"]
    assert "任何言论纯属作者个人观点" not in post


def test_is_html_by_suffix():
    assert is_html("a/b/page.HTML") and is_html("x.htm") and is_html("gov/index.shtml")
    assert not is_html("seeds/articles/000.txt")


PARAGRAPH = "<p>全县共有一千二百户贫困户在今年实现了稳定脱贫,村村通了公路,家家有了稳定的收入来源。</p>"
LAYOUT_PAGE = f"""<html><body><table><tr><td>首页 | 新闻</td></tr><tr><td>{PARAGRAPH * 3}
<table><tr><th>乡镇</th><th>脱贫户数</th></tr><tr><td>城关镇</td><td>500</td></tr><tr><td>新华镇</td><td>300</td></tr>
</table>{PARAGRAPH}</td></tr></table></body></html>"""


def test_layout_tables_become_blocks_and_data_tables_rows():
    tree = parse(LAYOUT_PAGE)
    unwrap_layout_tables(tree)
    tables = tree.xpath("//table")
    assert len(tables) == 1 and tables[0].xpath(".//td/text()")[:2] == ["城关镇", "500"]  # the data table stays
    assert "首页 | 新闻" in page_lines(tree)  # the layout cell is a plain block now


def test_plain_text_drops_list_and_table_marks():
    assert plain_text("- 第一项\n| 乡镇 | 户数 |\n| --- | --- |\n| 城关镇 | 500 |") == "第一项\n乡镇\t户数\n城关镇\t500"


def test_a_saved_fragment_without_html_element_is_read():
    fragment = '<text id="x" title="t"><p>' + "这是一段没有外层网页标签的正文,也要能读出来。" * 3 + "</p></text>"
    assert "这是一段没有外层网页标签的正文" in "".join(page_lines(parse(fragment)))


def test_surroundings_are_the_lines_before_the_first_paragraph_and_those_left_out_after():
    page = ["网站首页", "标题", "2020-01-02 来源:某报", "正文第一段,说了很多很多事情。", "正文第二段,还有更多。", "编辑:张三"]
    head, tail = surroundings(page, ["标题", "正文第一段,说了很多很多事情。", "正文第二段,还有更多。"], 3)
    assert head == ("网站首页", "标题", "2020-01-02 来源:某报") and tail == ("编辑:张三",)


def test_empty_and_markup_free_pages_do_not_crash():
    assert read_page("").text == ""
    assert read_page("<html></html>").context == Context() or read_page("<html></html>").text == ""
