"""The command line: one-line errors, read-only queries, output formats."""
import json
import os
import socket
import subprocess
import sys
from datetime import datetime

import pytest

from tuopin import load

from conftest import ROOT, SEEDS


def tuopin(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "tuopin.cli", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory):
    """A warehouse holding only reference data, built by the load stage without a flow."""
    import pandas as pd
    db = tmp_path_factory.mktemp("wh") / "t.duckdb"
    load.load_run(db, ROOT / "sql", SEEDS, load.RunData())
    return db


def test_help():
    result = tuopin("--help")
    assert result.returncode == 0 and "run" in result.stdout and "query" in result.stdout


@pytest.mark.parametrize("args", [["run", "--batch-size", "0"], ["run", "no/such/folder"],
                                  ["run", "--db", "/proc/no/such/dir/t.duckdb"], ["frobnicate"],
                                  ["run", "--runner", "ray"], ["run", "--workers", "-1"],
                                  ["run", "--dask-address", "tcp://scheduler:8786"]])
def test_bad_arguments_give_one_line_and_no_traceback(args):
    result = tuopin(*args)
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr


def test_a_prefect_api_that_does_not_answer_is_one_line(tmp_path):
    with socket.socket() as free:  # a port nothing listens on
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    url = f"http://127.0.0.1:{port}/api"
    result = subprocess.run([sys.executable, "-m", "tuopin.cli", "run", str(SEEDS / "articles"),
                             "--db", str(tmp_path / "t.duckdb")], capture_output=True, text=True, cwd=ROOT,
                            timeout=120, env={**os.environ, "PREFECT_API_URL": url})
    assert result.returncode == 1
    assert result.stderr.strip() == (f"tuopin: error: the Prefect API at {url} does not answer (PREFECT_API_URL): "
                                     "start its server, or unset PREFECT_API_URL for a temporary one")
    assert not (tmp_path / "t.duckdb").exists()


def test_an_unknown_runner_in_the_environment_is_one_line():
    result = subprocess.run([sys.executable, "-m", "tuopin.cli", "run"], capture_output=True, text=True,
                            cwd=ROOT, timeout=120, env={**os.environ, "TUOPIN_RUNNER": "ray"})
    assert result.returncode == 1
    assert result.stderr.strip() == ("tuopin: error: unknown runner 'ray' (TUOPIN_RUNNER): "
                                     "choose one of thread, process, dask")


def test_a_lexicon_row_that_does_not_compile_is_one_line_before_any_run(tmp_path):
    import shutil
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds, ignore=shutil.ignore_patterns("articles"))
    with open(seeds / "lexicon.csv", "a", encoding="utf-8") as handle:
        handle.write("poverty_funds,扶贫资金({Q},,\n")
    result = subprocess.run([sys.executable, "-m", "tuopin.cli", "run", str(SEEDS / "articles"),
                             "--db", str(tmp_path / "t.duckdb")], capture_output=True, text=True, cwd=ROOT,
                            timeout=120, env={**os.environ, "TUOPIN_SEEDS_DIR": str(seeds)})
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "does not compile" in result.stderr, result.stderr
    assert not (tmp_path / "t.duckdb").exists()


@pytest.mark.parametrize("sql", ["delete from dim_region", "drop table dim_region",
                                 "create table x as select 1", "copy dim_region to '/tmp/x.csv'",
                                 "select 1; delete from dim_region"])
def test_query_refuses_writes(warehouse, sql):
    result = tuopin("query", sql, "--db", str(warehouse))
    assert result.returncode == 1 and "read-only" in result.stderr
    with load.connect(warehouse, read_only=True) as con:
        assert con.execute("select count(*) from dim_region").fetchone()[0] > 3000


def test_query_formats(warehouse):
    sql = "select adcode, name from dim_region where adcode in ('100000', '620700') order by adcode"
    as_json = json.loads(tuopin("query", sql, "--db", str(warehouse), "--format", "json").stdout)
    assert as_json == [{"adcode": "100000", "name": "中国"}, {"adcode": "620700", "name": "张掖市"}]
    as_csv = tuopin("query", sql, "--db", str(warehouse), "--format", "csv").stdout.splitlines()
    assert as_csv == ["adcode,name", "100000,中国", "620700,张掖市"]
    assert "张掖市" in tuopin("query", sql, "--db", str(warehouse)).stdout


def test_query_without_a_warehouse(tmp_path):
    result = tuopin("query", "select 1", "--db", str(tmp_path / "none.duckdb"))
    assert result.returncode == 1 and "tuopin run" in result.stderr
