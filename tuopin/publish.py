"""Publish the warehouse atomically: load a copy, then swap it in; one writer at a time.

DuckDB lets one process write a file or many read it, and BI tools keep the file open. A run
therefore never opens the published file for writing: it copies it, loads the copy, and renames
the copy over the original. Readers that hold the old file keep reading a consistent snapshot,
new readers see the finished run, and a run killed at any point leaves the published file as
it was (its half-built copy is removed by the next run).
"""
from __future__ import annotations

import fcntl
import logging
import os
import shutil
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

log = logging.getLogger(__name__)
POLL_SECONDS = 0.5


class PublishError(RuntimeError):
    """Raised when the warehouse cannot be written or another run holds it too long."""


def staging_path(db_path: Path) -> Path:
    """Return the path of this process's half-built copy of the warehouse."""
    return db_path.with_name(f".{db_path.name}.{os.getpid()}.building")


def check_writable(db_path: Path) -> None:
    """Fail fast when the warehouse's folder cannot be created or written."""
    folder = Path(db_path).resolve().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise PublishError(f"cannot create warehouse folder {folder}: {exc.strerror}") from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        raise PublishError(f"cannot write to warehouse folder {folder}")


@contextmanager
def writer_lock(db_path: Path, timeout: float) -> Iterator[None]:
    """Hold the warehouse's writer lock, waiting up to timeout seconds for another run."""
    db_path = Path(db_path)
    check_writable(db_path)
    with open(db_path.with_name(db_path.name + ".lock"), "a") as handle:
        deadline, warned = time.monotonic() + timeout, False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise PublishError(f"another tuopin run is writing {db_path}; "
                                       f"gave up after {timeout:.0f} s") from None
                if not warned:
                    log.warning("waiting for another tuopin run to finish writing %s", db_path)
                    warned = True
                time.sleep(POLL_SECONDS)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def shard_folder(db_path: Path) -> Path:
    """Return the folder where this process stages a run's Parquet shards."""
    return Path(db_path).with_name(f".{Path(db_path).name}.{os.getpid()}.building-shards")


def remove_stale(db_path: Path) -> None:
    """Delete half-built copies and shards left by runs that were killed (not this process's own)."""
    own = f".{db_path.name}.{os.getpid()}."
    for stale in db_path.parent.glob(f".{db_path.name}.*.building*"):
        if stale.name.startswith(own):
            continue
        log.warning("removing %s left by an interrupted run", stale)
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)
        else:
            stale.unlink(missing_ok=True)


@contextmanager
def staged(db_path: Path) -> Iterator[Path]:
    """Yield a copy of the warehouse to load; on success swap it in, on failure discard it.

    Call it under writer_lock: it removes other runs' half-built copies as stale.
    """
    db_path = Path(db_path)
    check_writable(db_path)
    remove_stale(db_path)
    staging = staging_path(db_path)
    for suffix in ("", ".wal"):  # a WAL beside the file holds commits not yet checkpointed
        source = Path(str(db_path) + suffix)
        if source.exists():
            shutil.copyfile(source, str(staging) + suffix)
    try:
        yield staging
    except BaseException:
        for suffix in ("", ".wal"):
            Path(str(staging) + suffix).unlink(missing_ok=True)
        raise
    if Path(str(staging) + ".wal").exists():
        raise PublishError(f"{staging} was not checkpointed; the published warehouse is unchanged")
    # The staging copy already holds what an old WAL carried; replayed onto it, the WAL would corrupt it.
    Path(str(db_path) + ".wal").unlink(missing_ok=True)
    os.replace(staging, db_path)
    directory = os.open(db_path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)  # make the rename itself durable
    finally:
        os.close(directory)
