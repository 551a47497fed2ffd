"""The tuopin ETL flow: thin orchestration over the library's stage functions."""
from __future__ import annotations

import shutil
import time
from datetime import datetime
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NONE
from prefect.runtime import flow_run

from tuopin import load, process, report, templates
from tuopin.config import Settings, load_settings
from tuopin.progress import progress_bar
from tuopin.publish import shard_folder, writer_lock
from tuopin.sources import Seen, Source, discover, read_source
from tuopin.templates import Templates

# Inputs are large byte strings: hashing them for Prefect's cache would cost more than the work.
IO_TASK = dict(retries=3, retry_delay_seconds=[2, 5, 15], cache_policy=NONE)


@task(**IO_TASK)
def known_sources(settings: Settings) -> tuple[dict[str, Seen], set[str]]:
    """Read what the warehouse saw of each file last time, and the content hashes it holds."""
    return load.known_sources(settings.db_path)


@task(**IO_TASK)
def known_templates(settings: Settings) -> Templates:
    """Read the site-template lines earlier runs remembered."""
    return load.known_templates(settings.db_path)


@task(cache_policy=NONE)
def learn_templates(batch: list[Source]) -> Templates:
    """Count the lines a batch of documents share: site templates."""
    return templates.learn_batch(batch)


@task(**IO_TASK)
def read_batch(paths: list[str], settings: Settings, seen: dict[str, Seen]) -> list[Source]:
    """Read a batch of files, skipping those whose size and mtime are unchanged."""
    return [read_source(p, settings.max_bytes, seen.get(p)) for p in paths]


@task(cache_policy=NONE)
def transform_batch(batch: list[Source], settings: Settings, lines: Templates) -> list[process.Outcome]:
    """Decode, repair, clean and extract a batch of documents."""
    return [process.process(s, settings, lines) for s in batch]


@task(cache_policy=NONE)
def stage_batch(outcomes: list[process.Outcome], settings: Settings, folder: Path, number: int) -> set[str]:
    """Validate a batch and write it as Parquet shards; return the loaded content hashes."""
    return process.stage(outcomes, process.extractor_for(str(settings.seeds_dir)), folder, number)


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


@flow(name="tuopin-etl")
def etl(sources: list[str] | None = None, db_path: str | None = None, batch_size: int | None = None,
        show_progress: bool = False) -> dict:
    """Load articles from files or folders into the DuckDB warehouse."""
    started, clock = datetime.now(), time.perf_counter()
    settings = load_settings().with_overrides(db_path=db_path, batch_size=batch_size)
    with writer_lock(settings.db_path, settings.lock_timeout):  # a second run waits for this one
        return run(settings, sources or ["seeds/articles"], show_progress, started, clock)


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


def stream(settings: Settings, sources: list[str], show_progress: bool, started: datetime, folder: Path) -> dict:
    """Read, transform and stage the sources batch by batch, then load the shards at once."""
    paths, skipped = discover(sources)
    seen_before, known = known_sources(settings)
    remembered, learned = known_templates(settings), Templates()
    loaded = stage_batch([process.skipped(s) for s in skipped], settings, folder, 0)
    unchanged, fresh = [], []
    with progress_bar(len(paths), show_progress) as bar:
        for number, i in enumerate(range(0, len(paths), settings.batch_size), start=1):
            batch, todo = paths[i:i + settings.batch_size], []
            for source in read_batch(batch, settings, {p: seen_before[p] for p in batch if p in seen_before}):
                # unchanged on disk, already loaded, or a copy of a file earlier in this run
                if source.unchanged or source.sha256 in known:
                    unchanged.append(source.record("unchanged"))
                    continue
                if source.sha256:
                    known.add(source.sha256)
                fresh.append(source.record("fresh"))
                todo.append(source)
            learned = learned.merged(learn_templates(todo))
            outcomes = transform_batch(todo, settings, remembered.merged(learned))
            loaded |= stage_batch(outcomes, settings, folder, number)
            bar.update(len(batch))
    run = load.RunData(sources=process.source_records(unchanged, fresh, loaded),
                       seen=len(paths) + len(skipped), unchanged=len(unchanged), flow_run_id=flow_run.get_id(),
                       started_at=started, templates=learned, shards=folder)
    run_id, counts = load_all(settings, run)
    publish_report(settings, run_id)
    return {"run_id": run_id, **vars(counts)}
