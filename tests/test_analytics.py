"""Exports, BI connections and the HTML report over a warehouse of the seeds."""
import os
import re
import shutil
import subprocess
import sys
import time
from datetime import datetime

import duckdb
import pandas as pd
import pytest
import sqlalchemy

from tuopin import bi, load
from tuopin.config import load_settings
from tuopin.export import TABLES, export
from tuopin.html_report import write_html
from tuopin.process import extractor_for, frames, process
from tuopin.sources import read_source

from conftest import ARTICLES, ROOT, SEEDS

MARTS = ("mart_region_year", "mart_conflicts", "mart_region_latest", "mart_region_rollup")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def load_seeds(db):
    """Load the seeds through the real stages, without Prefect."""
    settings = load_settings()
    outcomes = [process(read_source(str(p), settings.max_bytes), settings) for p in ARTICLES]
    documents, facts, quarantine = frames(outcomes, extractor_for(str(SEEDS)))
    load.load_run(db, ROOT / "sql", SEEDS, load.RunData(documents, facts, quarantine, seen=5))


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    db = tmp_path_factory.mktemp("analytics") / "tuopin.duckdb"
    load_seeds(db)
    return db


def test_parquet_export_partitions_facts_by_year(warehouse, tmp_path):
    written = export(warehouse, tmp_path, "parquet")
    assert set(written) == set(TABLES)
    years = sorted(p.name for p in (tmp_path / "fact_indicator").iterdir())
    assert "period_year=2017" in years and "period_year=2020" in years
    with duckdb.connect() as con:
        facts = con.execute(f"select count(*), count(distinct period_year) from read_parquet("
                            f"'{tmp_path}/fact_indicator/**/*.parquet', hive_partitioning = true)").fetchall()
        marts = con.execute(f"select count(*) from '{tmp_path}/mart_region_year.parquet'").fetchall()
    assert facts[0][0] == written["fact_indicator"] > 40 and facts[0][1] >= 4
    assert marts[0][0] == written["mart_region_year"] > 0


def test_csv_export(warehouse, tmp_path):
    written = export(warehouse, tmp_path, "csv")
    frame = pd.read_csv(tmp_path / "facts.csv")
    assert len(frame) == written["facts"] and "indicator_code" in frame.columns
    assert len(list(tmp_path.glob("*.csv"))) == len(TABLES)


def test_export_refuses_unknown_formats(warehouse, tmp_path):
    with pytest.raises(ValueError, match="unknown format"):
        export(warehouse, tmp_path, "xlsx")


def test_sqlalchemy_reads_the_marts_while_a_run_loads(tmp_path):
    db = tmp_path / "tuopin.duckdb"
    load.load_run(db, ROOT / "sql", SEEDS, load.RunData())
    engine = bi.engine(db)
    with engine.connect() as bi_tool:  # a BI tool holding the file open, read-only
        run = subprocess.Popen([sys.executable, "-m", "tuopin.cli", "run", *map(str, ARTICLES), "--db", str(db)],
                               cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "PREFECT_SERVER_ANALYTICS_ENABLED": "false"})
        queries = 0
        while run.poll() is None:
            for mart in MARTS:
                bi_tool.execute(sqlalchemy.text(f"select count(*) from {mart}")).fetchall()
            assert bi_tool.execute(sqlalchemy.text("select count(*) from dim_document")).scalar() == 0
            queries += 1
            time.sleep(0.2)
        out, err = run.communicate()
        assert run.returncode == 0, err
        assert queries > 0
        with pytest.raises(sqlalchemy.exc.DBAPIError):  # and the connection is read-only
            bi_tool.execute(sqlalchemy.text("delete from dim_region"))
    engine.dispose()
    with bi.engine(db).connect() as fresh:  # a new connection sees the finished run
        assert fresh.execute(sqlalchemy.text("select count(*) from dim_document")).scalar() == 5
        assert fresh.execute(sqlalchemy.text("select count(*) from mart_region_year")).scalar() > 0


def test_html_report_is_self_contained(warehouse, tmp_path):
    page = write_html(warehouse, tmp_path / "report.html").read_text(encoding="utf-8")
    assert page.count('class="chart"') == 4
    assert not re.search(r'<script[^>]+src=|<link[^>]+href="http', page)  # nothing fetched from a network


@pytest.mark.skipif(not CHROMIUM and not os.environ.get("TUOPIN_REQUIRE_BROWSER"),
                    reason="chromium is not installed (CI installs it and sets TUOPIN_REQUIRE_BROWSER)")
def test_html_report_renders_its_charts_in_a_real_browser(warehouse, tmp_path):
    page = write_html(warehouse, tmp_path / "report.html")
    dom = subprocess.run(
        [CHROMIUM or "chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--virtual-time-budget=10000", "--dump-dom",
         page.as_uri()], capture_output=True, text=True, timeout=120).stdout
    # plotly draws each chart into SVG only when its script runs: count the drawn plots
    assert dom.count('class="main-svg"') >= 4 * 2, dom[:500]
    assert dom.count('class="trace') >= 3


def readme_queries():
    """Return the SQL blocks of the README's example questions, as written there."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Example questions", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sql\n(.*?)```", section, re.S)


def test_readme_has_ten_example_questions():
    assert len(readme_queries()) == 10


@pytest.mark.parametrize("number", range(10))
def test_readme_example_query_runs_as_written(warehouse, number):
    sql = readme_queries()[number]
    with duckdb.connect(str(warehouse), read_only=True) as con:
        rows = con.execute(sql).fetchall()
    assert rows, sql
