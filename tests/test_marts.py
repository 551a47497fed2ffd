"""The analytics marts on a small warehouse built through the real stages (no Prefect)."""
from datetime import datetime

import duckdb
import pytest

from tuopin import load
from tuopin.config import load_settings
from tuopin.process import extractor_for, frames, process
from tuopin.sources import read_source

from conftest import ROOT, SEEDS

LEAD = "为深入贯彻落实精准扶贫精准脱贫基本方略,各地扎实推进脱贫攻坚工作。"
ARTICLES = {
    "zhangye.txt": "张掖市2019年全市减贫10553人,贫困发生率降至0.5%。",
    "ganzhou_a.txt": "甘州区2019年减贫3000人。临泽县2019年减贫1000人。",
    "ganzhou_b.txt": "甘州区2019年减贫3000人。",
    "ganzhou_c.txt": "甘州区2019年减贫3500人。甘州区2018年减贫2000人。",
    "qinzhou.txt": "天水市秦州区2019年减贫2165人。天水市麦积区2019年减贫1835人。",
}


@pytest.fixture(scope="module")
def con(tmp_path_factory):
    folder = tmp_path_factory.mktemp("marts")
    settings = load_settings()
    outcomes = []
    for name, text in ARTICLES.items():
        (folder / name).write_text(LEAD + text, encoding="utf-8")
        outcomes.append(process(read_source(str(folder / name), settings.max_bytes), settings))
    documents, facts, quarantine = frames(outcomes, extractor_for(str(SEEDS)))
    db = folder / "t.duckdb"
    load.load_run(db, ROOT / "sql", SEEDS, load.RunData(documents, facts, quarantine, seen=len(ARTICLES)))
    with duckdb.connect(str(db), read_only=True) as connection:
        yield connection


def rows(con, sql):
    return con.execute(sql).fetchall()


def test_region_year_agrees_on_the_value_most_documents_state(con):
    assert rows(con, """select agreed_value, agreeing_documents, documents, min_value, max_value
                        from mart_region_year where region_name = '甘州区' and period_year = 2019
                        and indicator_code = 'poverty_exit_persons'""") == [(3000.0, 2, 3, 3000.0, 3500.0)]
    assert rows(con, """select agreed_value, min_value, has_conflict from mart_region_year
                        where region_name = '临泽县'""") == [(1000.0, None, False)]


def test_conflicts_put_both_statements_side_by_side(con):
    found = rows(con, """select region_name, period_year, value_a, value_b, evidence_a, evidence_b
                         from mart_conflicts order by value_a""")
    assert len(found) == 2  # 3500 against each of the two documents stating 3000
    assert {(r[2], r[3]) for r in found} == {(3000.0, 3500.0)}
    assert all(r[0] == "甘州区" and r[1] == 2019 and "3500人" in r[5] for r in found)


def test_latest_takes_the_latest_year_then_the_latest_statement(con):
    # 2019 beats 2018; among the 2019 statements the last one loaded (ganzhou_c, 3500) wins
    assert rows(con, """select period_year, value, source_path like '%ganzhou_c.txt' from mart_region_latest
                        where region_name = '甘州区' and indicator_code = 'poverty_exit_persons'""") \
        == [(2019, 3500.0, True)]


def test_rollup_does_not_add_counties_to_their_prefectures_own_figure(con):
    zhangye = rows(con, """select own_value, children_value, rolled_value, value_source from mart_region_rollup
                           where region_name = '张掖市' and period_year = 2019
                           and indicator_code = 'poverty_exit_persons'""")
    assert zhangye == [(10553.0, 4000.0, 10553.0, "own")]
    tianshui = rows(con, """select own_value, rolled_value, contributing_regions, value_source from mart_region_rollup
                            where region_name = '天水市' and period_year = 2019
                            and indicator_code = 'poverty_exit_persons'""")
    assert tianshui == [(None, 4000.0, 2, "children")]
    gansu = rows(con, """select rolled_value from mart_region_rollup where region_name = '甘肃省'
                         and period_year = 2019 and indicator_code = 'poverty_exit_persons'""")
    assert gansu == [(14553.0,)]  # 张掖市's own figure + 天水市's counties, each counted once


def test_rollup_leaves_rates_alone(con):
    assert rows(con, """select count(*) from mart_region_rollup
                        where indicator_code = 'poverty_incidence_rate'""") == [(0,)]
    assert rows(con, """select agreed_value from mart_region_year
                        where indicator_code = 'poverty_incidence_rate'""") == [(0.5,)]
