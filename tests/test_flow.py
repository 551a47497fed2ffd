"""End to end: the real Prefect engine loads the seeds into a real DuckDB warehouse."""
import shutil

import duckdb
import pytest

from conftest import ARTICLES, SEEDS

FACTS_VIEW_COLUMNS = [
    "fact_id", "source_path", "title", "published_at", "publisher", "adcode", "region_name",
    "region_level", "province_name", "indicator_code", "indicator_name_zh", "indicator_name_en",
    "unit", "period_year", "value", "qualifier", "raw_text", "evidence",
]


def table_counts(db):
    with duckdb.connect(str(db), read_only=True) as con:
        return {t: con.execute(f"select count(*) from {t}").fetchone()[0]
                for t in ("dim_document", "fact_indicator", "quarantine", "dim_region", "dim_indicator")}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("articles")
    for path in ARTICLES:
        shutil.copy(path, folder / path.name)
    (folder / "empty.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def first_run(prefect_harness, corpus, tmp_path_factory):
    from flows.etl import etl
    db = tmp_path_factory.mktemp("warehouse") / "tuopin.duckdb"
    return db, etl(sources=[str(corpus)], db_path=str(db))


def test_first_run_loads_every_article(first_run):
    db, summary = first_run
    assert summary["documents_seen"] == 6
    assert summary["documents_loaded"] == 5
    assert summary["documents_quarantined"] == 1
    assert summary["documents_seen"] == (summary["documents_loaded"] + summary["documents_unchanged"]
                                         + summary["documents_quarantined"])
    counts = table_counts(db)
    assert counts["dim_document"] == 5
    assert counts["fact_indicator"] == summary["facts_loaded"] > 40
    assert counts["dim_region"] > 3000 and counts["dim_indicator"] == 20


def test_empty_file_is_quarantined_with_a_reason(first_run):
    db, _ = first_run
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("select source_path, stage, reason from quarantine").fetchall()
    assert len(rows) == 1
    assert rows[0][0].endswith("empty.txt") and rows[0][1] == "decode" and "empty" in rows[0][2]


def test_facts_view_has_the_contract_columns(first_run):
    db, _ = first_run
    with duckdb.connect(str(db), read_only=True) as con:
        columns = [d[0] for d in con.execute("select * from facts limit 0").description]
        row = con.execute("""select region_name, indicator_code, value, qualifier, period_year
                             from facts where raw_text = '2.78%'""").fetchone()
    assert columns[:len(FACTS_VIEW_COLUMNS)] == FACTS_VIEW_COLUMNS or set(FACTS_VIEW_COLUMNS) <= set(columns)
    assert row == ("越西县", "poverty_incidence_rate", 2.78, "actual", 2020)  # dated by 今年是决战决胜…之年


def test_documents_carry_metadata_and_lineage(first_run):
    db, summary = first_run
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute("""select source_path, encoding, script, publisher, published_at, run_id,
                                     json_extract(repairs, '$.pinyin_annotations')::int
                              from dim_document order by source_path""").fetchall()
        run = con.execute("select status, flow_run_id, documents_loaded from etl_run").fetchall()
    assert [r[2] for r in rows] == ["simplified", "traditional", "traditional", "traditional", "simplified"]
    assert rows[0][3] == "吉林日报" and str(rows[0][4]) == "2018-03-26 10:13:14"
    assert rows[1][6] > 100  # seed 001 is full of 報(bào) annotations
    assert {r[5] for r in rows} == {summary["run_id"]}
    assert run == [("completed", run[0][1], 5)] and run[0][1]


def test_second_run_changes_nothing_and_an_edit_replaces_one_document(first_run, corpus):
    from flows.etl import etl
    db, _ = first_run
    before = table_counts(db)
    again = etl(sources=[str(corpus)], db_path=str(db))
    # the five articles and the quarantined empty file are all skipped on size and mtime
    assert again["documents_unchanged"] == 6 and again["documents_loaded"] == 0
    assert table_counts(db) == before
    with duckdb.connect(str(db), read_only=True) as con:
        skipped = con.execute("""select count(*) from source_file
                                 where outcome = 'unchanged' and run_id = ?""", [again["run_id"]]).fetchall()
    assert skipped == [(6,)]  # the run records what it skipped

    edited = corpus / ARTICLES[4].name
    text = edited.read_text(encoding="utf-8").replace("输转建档立卡劳动力6137人", "输转建档立卡劳动力7000人")
    edited.write_text(text, encoding="utf-8")
    with duckdb.connect(str(db), read_only=True) as con:
        others_before = con.execute("""select fact_id, value from facts
                                       where source_path not like '%004_%' order by fact_id""").fetchall()
    changed = etl(sources=[str(corpus)], db_path=str(db))
    assert changed["documents_loaded"] == 1 and changed["documents_replaced"] == 1
    with duckdb.connect(str(db), read_only=True) as con:
        others_after = con.execute("""select fact_id, value from facts
                                      where source_path not like '%004_%' order by fact_id""").fetchall()
        labour = con.execute("""select value from facts where source_path like '%004_%'
                                and indicator_code = 'labor_transferred'""").fetchall()
        documents = con.execute("select count(*) from dim_document").fetchone()[0]
    assert others_after == others_before
    assert labour == [(7000.0,)]
    assert documents == 5


def test_each_run_publishes_its_report_as_prefect_artifacts(first_run):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
    wanted = ArtifactFilter(key=ArtifactFilterKey(any_=["tuopin-run-report", "tuopin-run-counts"]))
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(artifact_filter=wanted)
    kinds = {a.type for a in artifacts}
    assert {"markdown", "table"} <= kinds
    report = next(a for a in artifacts if a.type == "markdown" and "# tuopin run 1" in a.data)
    assert "documents loaded" in report.data and "poverty_incidence_rate" in report.data


def test_report_command_prints_the_seeds_run(first_run, capsys):
    from tuopin.cli import main
    db, summary = first_run
    assert main(["report", "1", "--db", str(db)]) == 0
    shown = capsys.readouterr().out
    assert "# tuopin run 1" in shown and "documents loaded" in shown
    assert "empty.txt" in shown  # the quarantined example
    assert main(["report", "99", "--db", str(db)]) == 1
    assert "no run 99" in capsys.readouterr().err


def test_small_batches_stream_to_the_same_warehouse(first_run, corpus, tmp_path):
    from flows.etl import etl
    db, _ = first_run
    streamed = tmp_path / "streamed.duckdb"
    summary = etl(sources=[str(p) for p in sorted(corpus.iterdir()) if p.name != ARTICLES[4].name]
                  + [str(corpus / ARTICLES[4].name)], db_path=str(streamed), batch_size=2)
    assert summary["documents_loaded"] == 5
    query = """select regexp_extract(source_path, '[^/]+$'), indicator_code, value, qualifier, period_year,
                      adcode, raw_text, evidence from facts order by all"""
    with duckdb.connect(str(db), read_only=True) as a, duckdb.connect(str(streamed), read_only=True) as b:
        assert b.execute(query).fetchall() == a.execute(query).fetchall()
    assert not [p.name for p in tmp_path.iterdir() if "building" in p.name]  # shards and copies removed


def test_a_lexicon_edit_reprocesses_unchanged_files(prefect_harness, tmp_path, monkeypatch):
    """Skipping a file whose bytes did not change would keep the facts the old rules gave."""
    from flows.etl import etl
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in SEEDS.glob("*.csv"):
        shutil.copy(path, seeds / path.name)
    monkeypatch.setenv("TUOPIN_SEEDS_DIR", str(seeds))
    articles = tmp_path / "articles"
    articles.mkdir()
    shutil.copy(ARTICLES[4], articles / ARTICLES[4].name)
    db = tmp_path / "tuopin.duckdb"
    query = "select count(*) from facts where indicator_code = 'labor_transferred'"

    first = etl(sources=[str(articles)], db_path=str(db))
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute(query).fetchone()[0] > 0

    lexicon = seeds / "lexicon.csv"
    rows = lexicon.read_text(encoding="utf-8").splitlines(keepends=True)
    lexicon.write_text("".join(r for r in rows if not r.startswith("labor_transferred,")), encoding="utf-8")
    edited = etl(sources=[str(articles)], db_path=str(db))
    assert edited["documents_loaded"] == 1 and edited["documents_replaced"] == 1
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute(query).fetchone()[0] == 0
        assert con.execute("select count(*) from dim_document").fetchone()[0] == 1
        versions = con.execute("select distinct rules_version from source_file").fetchall()
    assert len(versions) == 1

    again = etl(sources=[str(articles)], db_path=str(db))
    assert again["documents_unchanged"] == 1 and again["documents_loaded"] == 0
    assert first["facts_loaded"] > edited["facts_loaded"]
