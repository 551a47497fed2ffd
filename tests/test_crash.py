"""Whole `tuopin run` processes: killed at any point they publish nothing, and two at once never collide."""
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from conftest import ARTICLES, ROOT
from test_runners import snapshot

DOCUMENTS = 240  # enough that a run spends a few seconds processing, so it can be killed midway


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Documents made of the seeds' lines, shuffled: a first half loaded before, then all of them."""
    folder = tmp_path_factory.mktemp("corpus")
    seeds = [p.read_text(encoding="utf-8").splitlines() for p in ARTICLES]
    for half in ("first", "second"):
        (folder / half).mkdir()
    for i in range(DOCUMENTS):
        lines = list(seeds[i % len(seeds)])
        random.Random(i).shuffle(lines)
        half = "first" if i < DOCUMENTS // 2 else "second"
        (folder / half / f"doc{i:04d}.txt").write_text("\n".join(lines), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def child_env(prefect_harness):
    """The environment of a child `tuopin run`: the session's Prefect server, so none starts its own."""
    from prefect.settings import PREFECT_API_URL
    return {**os.environ, "PREFECT_API_URL": PREFECT_API_URL.value(), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}


def tuopin_run(db, sources, env, **extra_env):
    """Start `tuopin run` in its own process group (its worker processes die with it)."""
    return subprocess.Popen([sys.executable, "-m", "tuopin.cli", "run", *map(str, sources), "--db", str(db),
                             "--batch-size", "20"], cwd=ROOT, env={**env, **extra_env}, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(predicate, child, timeout=120):
    """Poll until predicate holds; fail if the child ends first."""
    deadline = time.monotonic() + timeout
    while not predicate():
        assert child.poll() is None, child.communicate()
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.005)


def building(db, kind):
    """Tell whether a run is writing shards ('shards') or loading its copy of the warehouse ('copy')."""
    found = list(db.parent.glob(f".{db.name}.*.building*"))
    if kind == "shards":
        return any(p.is_dir() and any(p.glob("documents-*.parquet")) for p in found)
    return any(p.is_file() for p in found)


@pytest.fixture(scope="module")
def uninterrupted(corpus, child_env, tmp_path_factory):
    """The warehouse after the first half, then everything, loaded without interruption."""
    db = tmp_path_factory.mktemp("reference") / "tuopin.duckdb"
    for sources in ([corpus / "first"], [corpus / "first", corpus / "second"]):
        run = tuopin_run(db, sources, child_env)
        assert run.wait(timeout=300) == 0, run.communicate()
    return snapshot(db)


@pytest.mark.parametrize("moment", ["shards", "copy"])
def test_a_killed_run_publishes_nothing_and_the_next_converges(corpus, child_env, uninterrupted, tmp_path, moment):
    db = tmp_path / "tuopin.duckdb"
    first = tuopin_run(db, [corpus / "first"], child_env)
    assert first.wait(timeout=300) == 0, first.communicate()
    published = db.read_bytes()
    run = tuopin_run(db, [corpus / "first", corpus / "second"], child_env)
    wait_for(lambda: building(db, moment), run)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait(timeout=30)
    assert db.read_bytes() == published  # killed while processing or while loading: nothing published
    again = tuopin_run(db, [corpus / "first", corpus / "second"], child_env)
    assert again.wait(timeout=300) == 0, again.communicate()
    assert snapshot(db) == uninterrupted
    assert not list(tmp_path.glob(".tuopin.duckdb.*.building*"))  # the killed run's leftovers are gone


def test_a_second_run_waits_for_the_first_then_gives_up_with_one_line(corpus, child_env, tmp_path):
    db = tmp_path / "tuopin.duckdb"
    first = tuopin_run(db, [corpus / "first", corpus / "second"], child_env)
    wait_for(lambda: building(db, "shards"), first)  # the first run holds the writer lock ...
    os.killpg(first.pid, signal.SIGSTOP)  # ... and keeps it, however fast this machine is
    try:
        second = tuopin_run(db, [corpus / "first"], child_env, TUOPIN_LOCK_TIMEOUT="1")
        _, err = second.communicate(timeout=300)
    finally:
        os.killpg(first.pid, signal.SIGCONT)
    assert second.returncode == 1
    assert err.strip().splitlines()[-1].startswith("tuopin: error: another tuopin run is writing")
    assert "Traceback" not in err
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    assert f"documents seen {DOCUMENTS} / loaded {DOCUMENTS}" in out
    assert "leaked" not in err  # worker processes shut down cleanly, with nothing to report
