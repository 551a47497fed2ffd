"""The tuopin ETL flow: thin orchestration over the library's stage functions."""
from __future__ import annotations

import atexit
import gc
import itertools
import multiprocessing
import os
import shutil
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NONE
from prefect.runtime import flow_run
from prefect.settings import (PREFECT_API_URL, PREFECT_SERVER_EPHEMERAL_ENABLED,
                              PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS, temporary_settings)
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner
from prefect.utilities.annotations import quote

from tuopin import batches, load, process, report
from tuopin.config import RUNNERS, Settings, load_settings
from tuopin.progress import progress_bar
from tuopin.publish import shard_folder, writer_lock
from tuopin.sources import Seen, Skipped, discover
from tuopin.templates import Templates


def prepare_worker() -> None:
    """Build the extractor once in a new worker process, then freeze the start-up heap.

    Prefect, pandas and the gazetteer leave millions of long-lived objects that every full
    garbage collection would walk again; frozen, they are skipped (10% faster per document).
    """
    process.extractor_for(str(load_settings().seeds_dir))
    gc.freeze()
    atexit.register(gc.unfreeze)  # let shutdown free them, or DuckDB's bindings report them as leaked


DEFAULT_SOURCES = ["seeds/articles"]  # what a run without sources reads

# Workers fork from a server process that imported Prefect, pandas and the stages and built the
# extractor once (5-6 s a worker when each is spawned afresh); warm_workers starts it early.
# Windows has no forkserver: there the workers are spawned, as Prefect does by default.
FORKSERVER = (multiprocessing.get_context("forkserver")
              if "forkserver" in multiprocessing.get_all_start_methods() else None)
WARM_MODULES = ["flows.warm"]


def warm_workers() -> None:
    """Start the server that worker processes fork from, in the background: it imports while the
    caller goes on (starting Prefect's server, discovering files)."""
    if FORKSERVER is None:
        return
    FORKSERVER.set_forkserver_preload(WARM_MODULES)
    from multiprocessing import forkserver
    forkserver.ensure_running()


def several_batches(sources: list[str] | None, batch_size: int | None) -> bool:
    """Guess cheaply whether a run has more than one batch, so needs worker processes: a run of one
    batch does its work in the flow's own process, and warm workers would only take its CPU."""
    size = batch_size or load_settings().batch_size
    files = (os.path.join(root, name) for source in sources or DEFAULT_SOURCES
             for root, _, names in (os.walk(source) if os.path.isdir(source) else [("", [], [source])])
             for name in names)
    return sum(1 for _ in itertools.islice(files, size + 1)) > size


class ForkedProcessPool(ProcessPoolTaskRunner):
    """Prefect's process-pool task runner with its workers forked from a warm server instead of
    spawned: Prefect hard-codes spawn, so its executor is swapped for a forkserver one before any
    worker starts (ProcessPoolExecutor starts its workers on the first submit)."""

    def __enter__(self):
        super().__enter__()
        if FORKSERVER is None:
            return self
        FORKSERVER.set_forkserver_preload(WARM_MODULES)
        spawning = self._executor
        self._executor = ProcessPoolExecutor(max_workers=spawning._max_workers, mp_context=FORKSERVER,
                                             initializer=spawning._initializer, initargs=spawning._initargs)
        spawning.shutdown()
        return self


def task_runner(name: str, workers: int | None = None, dask_address: str | None = None):
    """Return the Prefect task runner the batches run on: threads, local processes or a Dask cluster."""
    if name == "thread":
        return ThreadPoolTaskRunner(max_workers=workers or os.cpu_count())
    if name == "process":
        return ForkedProcessPool(max_workers=workers or None, initializer=prepare_worker)
    if name == "dask":
        from prefect_dask import DaskTaskRunner  # imported on demand: distributed is slow to import
        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers or os.cpu_count(), "threads_per_worker": 1,
                                              "processes": True, "dashboard_address": ":0"})
    raise ValueError(f"unknown task runner {name!r}: choose one of {', '.join(RUNNERS)}")


SERVER_START_SECONDS = 120


class ServerStartError(RuntimeError):
    """Prefect's temporary API server did not answer in time."""


API_CHECK_SECONDS = 10


def api_answers(url: str) -> bool:
    """Tell whether a Prefect API answers its health check (a run against a stopped server would
    otherwise fail deep inside Prefect's client, a page of traceback)."""
    import httpx
    try:
        return httpx.get(f"{url.rstrip('/')}/health", timeout=API_CHECK_SECONDS).is_success
    except httpx.HTTPError:
        return False


@contextmanager
def shared_api() -> Iterator[None]:
    """Point worker processes at this process's Prefect API.

    Without a configured API, every process starts a temporary Prefect server of its own (about
    10 s each); started here first, its address goes to the workers with the other settings.
    The first start on a fresh PREFECT_HOME creates Prefect's database, which on a busy machine
    takes longer than Prefect's default 20 s: the server gets SERVER_START_SECONDS unless the
    user set a longer wait.
    """
    configured = PREFECT_API_URL.value()
    if configured and not api_answers(configured):
        raise ServerStartError(f"the Prefect API at {configured} does not answer (PREFECT_API_URL): "
                               "start its server, or unset PREFECT_API_URL for a temporary one")
    if configured or not PREFECT_SERVER_EPHEMERAL_ENABLED.value():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer
    server = SubprocessASGIServer()
    try:
        server.start(timeout=max(SERVER_START_SECONDS, PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS.value()))
    except RuntimeError as exc:
        raise ServerStartError(f"Prefect's temporary API server did not start: {str(exc).splitlines()[0]} "
                               "(set PREFECT_API_URL to use a running server)") from None
    with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
        yield


def etl_on(runner: str = "process", workers: int | None = None, dask_address: str | None = None):
    """Return the flow with its batches on the named task runner."""
    return etl.with_options(task_runner=task_runner(runner, workers, dask_address))


def run_etl(runner: str = "process", workers: int | None = None, dask_address: str | None = None,
            **parameters) -> dict:
    """Run the flow with its batches on the named task runner; return the run's summary."""
    if runner == "process" and several_batches(parameters.get("sources"), parameters.get("batch_size")):
        warm_workers()  # imports while Prefect's server starts and the flow run begins
    with shared_api():
        return etl_on(runner, workers, dask_address)(**parameters)


# Inputs are large byte strings: hashing them for Prefect's cache would cost more than the work.
IO_TASK = dict(retries=3, retry_delay_seconds=[2, 5, 15], cache_policy=NONE)


@task(**IO_TASK)
def known_sources(settings: Settings, rules: str) -> tuple[dict[str, Seen], set[str]]:
    """Read what the warehouse saw of each file, and the content hashes it holds, under these rules."""
    return load.known_sources(settings.db_path, rules)


@task(**IO_TASK)
def known_templates(settings: Settings) -> Templates:
    """Read the site-template lines earlier runs remembered."""
    return load.known_templates(settings.db_path)


# The batch tasks take paths and return small records: documents never pass through Prefect, so
# batches run on any task runner (threads, processes, Dask workers) and their inputs cost nothing
# to inspect.
@task(cache_policy=NONE)
def count_lines(paths: list[str], seen: dict[str, Seen], settings: Settings, folder: Path,
                number: int) -> Templates:
    """Count the lines a batch's fresh files share (site templates), keeping their repaired text."""
    return batches.count_lines(paths, seen, settings, folder, number)


@task(cache_policy=NONE)
def stage_sources(paths: list[str], seen: dict[str, Seen], settings: Settings, lines: Templates,
                  folder: Path, number: int) -> batches.Staged:
    """Decode, repair, clean, extract and validate a batch's fresh files into Parquet shards."""
    return batches.stage_sources(paths, seen, settings, lines, folder, number)


@task(cache_policy=NONE)
def stage_rejections(skipped: list[Skipped], settings: Settings, folder: Path) -> set[str]:
    """Write the paths discovery could not use as quarantine shards."""
    return process.stage([process.skipped(s) for s in skipped], process.extractor_for(str(settings.seeds_dir)),
                         folder, 0)


# No retries: a failed load leaves the published warehouse untouched, and its cause (a full
# disk, an unwritable folder) does not go away by itself.
@task(cache_policy=NONE)
def load_all(settings: Settings, run: load.RunData):
    """Write the run to the warehouse in one transaction."""
    return load.load_run(settings.db_path, settings.sql_dir, settings.seeds_dir, run)


@task(**IO_TASK)
def publish_report(settings: Settings, run_id: int) -> str:
    """Publish the run's report as Prefect markdown and table artifacts."""
    run_report = report.build_report(settings.db_path, run_id)
    create_table_artifact(table=run_report.rows(), key="tuopin-run-counts", description=f"run {run_id}")
    return create_markdown_artifact(markdown=run_report.markdown(), key="tuopin-run-report",
                                    description=f"tuopin run {run_id}")


@flow(name="tuopin-etl", task_runner=task_runner("process"))
def etl(sources: list[str] | None = None, db_path: str | None = None, batch_size: int | None = None,
        show_progress: bool = False) -> dict:
    """Load articles from files or folders into the DuckDB warehouse."""
    started, clock = datetime.now(), time.perf_counter()
    settings = load_settings().with_overrides(db_path=db_path, batch_size=batch_size)
    with writer_lock(settings.db_path, settings.lock_timeout):  # a second run waits for this one
        return run(settings, sources or DEFAULT_SOURCES, show_progress, started, clock)


def run(settings: Settings, sources: list[str], show_progress: bool, started: datetime, clock: float) -> dict:
    """The body of the flow, run under the writer lock."""
    folder = shard_folder(settings.db_path)
    try:
        summary = stream(settings, sources, show_progress, started, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    summary["seconds"] = round(time.perf_counter() - clock, 2)
    get_run_logger().info("run %s: %s", summary["run_id"], summary)
    return summary


def stopwatch() -> Callable[[], float]:
    """Return a function giving the seconds since it was last called (or made)."""
    last = time.perf_counter()

    def lap() -> float:
        nonlocal last
        now = time.perf_counter()
        elapsed, last = now - last, now
        return elapsed

    return lap


def each_batch(step, calls: list[tuple], sizes: list[int], label: str, show_progress: bool) -> Iterator:
    """Run step once per batch (one tuple of arguments each); yield the results in batch order.

    A single batch runs in the flow's own thread; several are submitted to the flow's task runner,
    so a small run pays no worker start-up. Each result is let go once consumed.
    """
    with progress_bar(sum(sizes), show_progress, label) as bar:
        if len(calls) == 1:
            yield step(*calls[0])
            bar.update(sizes[0])
            return
        futures = [step.submit(*args) for args in calls]
        for i, size in enumerate(sizes):
            yield futures[i].result()
            futures[i] = None
            bar.update(size)


def stream(settings: Settings, sources: list[str], show_progress: bool, started: datetime, folder: Path) -> dict:
    """Count lines, then stage every batch as Parquet shards, then load the shards at once."""
    paths, skipped = discover(sources)
    rules = process.rules_version(str(settings.seeds_dir))
    seen_before, known = known_sources(settings, rules)
    candidates, unchanged = batches.split_unchanged(paths, seen_before)
    chunks = [(batch, {p: seen_before[p] for p in batch if p in seen_before}) for batch in
              (candidates[i:i + settings.batch_size] for i in range(0, len(candidates), settings.batch_size))]
    sizes, lap = [len(batch) for batch, _ in chunks], stopwatch()
    counting = [(batch, seen, settings, folder, number) for number, (batch, seen) in enumerate(chunks, start=1)]
    learned = Templates.combined(each_batch(count_lines, counting, sizes, "counting lines", show_progress))
    lines = known_templates(settings).merged(learned).templates_only()
    seconds = {"counting": lap()}
    loaded = stage_rejections(skipped, settings, folder) if skipped else set()
    records = unchanged
    staging = [(batch, seen, settings, lines, folder, number)
               for number, (batch, seen) in enumerate(chunks, start=1)]
    for staged in each_batch(stage_sources, staging, sizes, "processing", show_progress):
        records += staged.records
        loaded |= staged.loaded
    seconds["processing"] = lap()
    records, dropped = batches.resolve_copies(records, known)
    run = load.RunData(sources=process.source_records(records, loaded), seen=len(paths) + len(skipped),
                       unchanged=sum(r["outcome"] == "unchanged" for r in records), flow_run_id=flow_run.get_id(),
                       started_at=started, templates=learned, shards=folder, dropped=dropped,
                       rules_version=rules)
    run_id, counts = load_all(settings, quote(run))
    publish_report(settings, run_id)
    seconds["loading"] = lap()
    return {"run_id": run_id, **vars(counts), "stage_seconds": {k: round(v, 2) for k, v in seconds.items()}}
