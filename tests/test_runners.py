"""Batches on any task runner: threads, local processes and a Dask cluster load the same warehouse."""
import shutil

import duckdb
import pytest

from conftest import ARTICLES

# Everything a user reads of a run, without the keys and timestamps that differ between runs.
WAREHOUSE_QUERIES = {
    "facts": """select regexp_extract(source_path, '[^/]+$'), indicator_code, adcode, period_year, value,
                       qualifier, raw_text, evidence from facts order by all""",
    "documents": """select regexp_extract(source_path, '[^/]+$'), content_sha256, encoding, title, published_at,
                           publisher, region_id, body_text, boilerplate_chars, repairs::varchar
                    from dim_document order by all""",
    "quarantine": """select regexp_extract(source_path, '[^/]+$'), stage, reason, quarantine_id
                     from quarantine order by all""",
    "sources": """select regexp_extract(source_path, '[^/]+$'), byte_size, content_sha256, outcome
                  from source_file order by all""",
    "templates": "select line_sha, documents from template_line order by all",
}


def snapshot(db):
    with duckdb.connect(str(db), read_only=True) as con:
        tables = {r[0] for r in con.execute("select table_name from information_schema.tables").fetchall()}
        return {name: con.execute(sql).fetchall() if sql.split(" from ")[-1].split()[0] in tables else None
                for name, sql in WAREHOUSE_QUERIES.items()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """The seeds, a copy of one of them (a later batch meets the same content), and an empty file."""
    folder = tmp_path_factory.mktemp("articles")
    for path in ARTICLES:
        shutil.copy(path, folder / path.name)
    shutil.copy(ARTICLES[0], folder / "zz_copy_of_first.txt")
    (folder / "empty.txt").write_bytes(b"")
    return folder


@pytest.fixture(scope="module")
def one_batch(prefect_harness, corpus, tmp_path_factory):
    """The warehouse of a run whose single batch runs in the flow's own thread."""
    from flows.etl import etl
    db = tmp_path_factory.mktemp("one-batch") / "tuopin.duckdb"
    etl(sources=[str(corpus)], db_path=str(db), batch_size=100)
    return snapshot(db)


@pytest.mark.parametrize("runner", ["thread", "process", "dask"])
def test_every_runner_loads_the_same_warehouse_as_one_batch(one_batch, corpus, tmp_path, runner):
    from flows.etl import run_etl
    db = tmp_path / "tuopin.duckdb"
    summary = run_etl(runner, workers=2, sources=[str(corpus)], db_path=str(db), batch_size=2)
    assert summary["documents_loaded"] == len(ARTICLES)
    assert summary["documents_unchanged"] == 1  # the copy, met in a later batch than its original
    assert snapshot(db) == one_batch
    assert not [p.name for p in tmp_path.iterdir() if "building" in p.name]  # shards and copies removed


def test_a_copy_loads_once_and_is_recorded_as_unchanged(one_batch):
    sources = {name: outcome for name, _, _, outcome in one_batch["sources"]}
    assert sources["zz_copy_of_first.txt"] == "unchanged"
    assert sources[ARTICLES[0].name] == "loaded"
    assert sources["empty.txt"] == "quarantined"
    assert len(one_batch["documents"]) == len(ARTICLES)


def test_an_unknown_runner_is_refused():
    from flows.etl import task_runner
    with pytest.raises(ValueError, match="unknown task runner 'ray'"):
        task_runner("ray")


def test_worker_processes_are_warmed_only_for_a_run_of_several_batches(corpus):
    from flows.etl import several_batches
    files = len(list(corpus.iterdir()))
    assert several_batches([str(corpus)], batch_size=files - 1)
    assert not several_batches([str(corpus)], batch_size=files)  # one batch: done in the flow's own process
    assert not several_batches([str(next(corpus.iterdir()))], batch_size=1)
