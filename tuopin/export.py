"""Export the star tables and marts as Parquet or CSV for Spark, Trino or another DuckDB."""
from __future__ import annotations

from pathlib import Path

from tuopin.load import connect

TABLES = ("dim_document", "dim_region", "dim_indicator", "dim_date", "fact_indicator", "quarantine",
          "etl_run", "facts", "mart_region_year", "mart_conflicts", "mart_region_latest",
          "mart_region_rollup")
# The fact table is written as a Hive-partitioned dataset (period_year=2019/…) so engines prune by year.
PARTITIONED = {"fact_indicator": "period_year"}
FORMATS = ("parquet", "csv")


def export(db_path: Path, out_dir: Path, fmt: str) -> dict[str, int]:
    """Write every table and mart under out_dir; return the rows written per name."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    con = connect(db_path, read_only=True)
    try:
        written = {}
        for name in TABLES:
            written[name] = con.execute(f"select count(*) from {name}").fetchall()[0][0]
            con.execute(copy_statement(name, out_dir, fmt))
        return written
    finally:
        con.close()


def copy_statement(name: str, out_dir: Path, fmt: str) -> str:
    """Return the COPY statement writing one table in the given format."""
    target = out_dir / name
    if fmt == "parquet" and name in PARTITIONED:
        return (f"copy {name} to '{target}' "
                f"(format parquet, partition_by ({PARTITIONED[name]}), overwrite)")
    if fmt == "parquet":
        return f"copy {name} to '{target}.parquet' (format parquet)"
    return f"copy {name} to '{target}.csv' (format csv, header)"
