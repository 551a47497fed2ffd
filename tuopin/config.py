"""Settings read once: defaults, then a tuopin.toml file, then TUOPIN_* environment variables."""
from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
RUNNERS = ("thread", "process", "dask")  # where a run's batches can execute (flows.etl.task_runner)


@dataclass(frozen=True)
class Settings:
    db_path: Path = Path("warehouse/tuopin.duckdb")
    seeds_dir: Path = PROJECT_ROOT / "seeds"
    sql_dir: Path = PROJECT_ROOT / "sql"
    batch_size: int = 500  # documents per task; each task costs Prefect ~0.1 s, so not too small
    max_bytes: int = 20 * 1024 * 1024  # larger files are quarantined unread
    lock_timeout: int = 900  # seconds a run waits for another run writing the same warehouse
    runner: str = "process"  # where batches run: thread, process or dask
    workers: int = 0  # worker threads or processes; 0: one per CPU core
    dask_address: str = ""  # a running Dask scheduler (tcp://host:8786); empty: a local cluster

    def with_overrides(self, **values) -> "Settings":
        """Return a copy with the given non-None values set (coerced to each field's type)."""
        types = {f.name: type(getattr(self, f.name)) for f in fields(self)}
        clean = {k: types[k](v)
                 for k, v in values.items() if v is not None and k in types}
        return replace(self, **clean)


def load_settings(config_file: Path | None = None, environ: dict | None = None) -> Settings:
    """Return settings from defaults, the config file (if present) and TUOPIN_* variables."""
    environ = os.environ if environ is None else environ
    settings = Settings()
    path = config_file or Path(environ.get("TUOPIN_CONFIG", "tuopin.toml"))
    if path.is_file():
        with open(path, "rb") as handle:
            settings = settings.with_overrides(**tomllib.load(handle).get("tuopin", {}))
    from_env = {f.name: environ.get(f"TUOPIN_{f.name.upper()}") for f in fields(Settings)}
    return settings.with_overrides(**from_env)
