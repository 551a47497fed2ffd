"""Readers and writers: a reader holding the warehouse never blocks or sees a half-loaded run."""
import os
import subprocess
import sys
import textwrap
from datetime import datetime

import duckdb
import pandas as pd
import pytest

from tuopin import load
from tuopin.publish import PublishError, staged, writer_lock

from conftest import ROOT, SEEDS


def empty_run(db):
    return load.load_run(db, ROOT / "sql", SEEDS, load.RunData())


def runs_in(db):
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select count(*) from etl_run").fetchall()[0][0]


def start(script, *args):
    """Start a Python child that prints READY once it holds what it was asked to hold."""
    child = subprocess.Popen([sys.executable, "-c", textwrap.dedent(script), *map(str, args)],
                             stdout=subprocess.PIPE, stdin=subprocess.PIPE, text=True, cwd=ROOT)
    assert child.stdout.readline().strip() == "READY"
    return child


READER = """
    import sys, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    before = con.execute("select count(*) from etl_run").fetchall()[0][0]
    print("READY", flush=True)
    sys.stdin.readline()
    after = con.execute("select count(*) from etl_run").fetchall()[0][0]
    print(before, after, flush=True)
"""


def test_a_reader_in_another_process_does_not_block_a_run(tmp_path):
    db = tmp_path / "t.duckdb"
    empty_run(db)
    reader = start(READER, db)
    with writer_lock(db, timeout=5):
        empty_run(db)  # would fail with a lock conflict if it opened the published file
    out, _ = reader.communicate("go\n", timeout=30)
    assert reader.returncode == 0
    assert out.split() == ["1", "1"]  # the open reader keeps its consistent snapshot
    assert runs_in(db) == 2           # new readers see the finished run


HOLDER = """
    import sys
    from tuopin.publish import writer_lock
    with writer_lock(sys.argv[1], timeout=5):
        print("READY", flush=True)
        sys.stdin.readline()
"""


def test_a_second_writer_waits_then_gives_up_with_a_clear_message(tmp_path):
    db = tmp_path / "t.duckdb"
    holder = start(HOLDER, db)
    try:
        with pytest.raises(PublishError, match="another tuopin run is writing"):
            with writer_lock(db, timeout=1):
                pass
    finally:
        holder.communicate("done\n", timeout=30)
    with writer_lock(db, timeout=1):  # free again once the first run ends
        pass


KILLED = """
    import os, signal, sys
    from tuopin.load import connect
    from tuopin.publish import staged
    with staged(sys.argv[1]) as staging:
        con = connect(staging)
        con.execute("insert into etl_run (run_id, started_at, status) values (99, now(), 'half')")
        print("READY", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_run_killed_mid_load_leaves_the_warehouse_as_it_was(tmp_path):
    db = tmp_path / "t.duckdb"
    empty_run(db)
    before = db.read_bytes()
    killed = start(KILLED, db)
    killed.wait(timeout=30)
    assert killed.returncode == -9
    assert db.read_bytes() == before
    assert list(tmp_path.glob(".t.duckdb.*.building*"))  # the half-built copy is left behind ...
    empty_run(db)
    assert not list(tmp_path.glob(".t.duckdb.*.building*"))  # ... and removed by the next run
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("select list(run_id order by run_id), list(status) from etl_run").fetchall() \
            == [([1, 2], ["completed", "completed"])]


def test_a_failed_load_publishes_nothing(tmp_path):
    db = tmp_path / "t.duckdb"
    empty_run(db)
    before = db.read_bytes()
    with pytest.raises(RuntimeError):
        with staged(db) as staging:
            duckdb.connect(str(staging)).execute("delete from dim_region").close()
            raise RuntimeError("the load failed")
    assert db.read_bytes() == before
    assert not list(tmp_path.glob(".t.duckdb.*.building*"))


def test_an_unwritable_warehouse_folder_is_refused(tmp_path):
    (tmp_path / "a-file").write_text("not a folder")
    with pytest.raises(PublishError, match="cannot create warehouse folder"):
        with writer_lock(tmp_path / "a-file" / "t.duckdb", timeout=1):
            pass
