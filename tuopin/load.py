"""Load validated rows into the DuckDB star schema in one transaction per run."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb
import pandas as pd
from pandera import errors as pa_errors

from tuopin import shards
from tuopin.lexicon import read_csv
from tuopin.publish import PublishError, staged
from tuopin.sources import Seen
from tuopin.templates import Templates, read_templates, save_templates
from tuopin.validate import validate_regions, validate_run

SQL_FILES = ("schema.sql", "facts.sql", "mart_region_year.sql", "mart_conflicts.sql",
             "mart_region_latest.sql", "mart_region_rollup.sql")


LOAD_MEMORY = "256MB"


class WarehouseError(RuntimeError):
    """Raised when the warehouse cannot be opened or written."""


@dataclass(frozen=True)
class RunCounts:
    documents_seen: int
    documents_loaded: int
    documents_unchanged: int
    documents_quarantined: int
    documents_replaced: int
    facts_loaded: int
    facts_rejected: int


@dataclass
class RunData:
    """Everything one run writes: validated rows, quarantine rows, and what it saw of each file."""
    documents: pd.DataFrame = field(default_factory=pd.DataFrame)
    facts: pd.DataFrame = field(default_factory=pd.DataFrame)
    quarantine: list[dict] = field(default_factory=list)
    # source_path, byte_size, mtime_ns, content_sha256, outcome (loaded / unchanged / quarantined)
    sources: pd.DataFrame = field(default_factory=pd.DataFrame)
    seen: int = 0
    unchanged: int = 0
    flow_run_id: str | None = None
    started_at: datetime = field(default_factory=datetime.now)
    templates: Templates | None = None  # the lines this run saw on several documents
    shards: Path | None = None  # a folder of Parquet shards holding the rows, instead of the frames
    dropped: set[str] = field(default_factory=set)  # source paths whose shard rows are copies: not loaded
    rules_version: str = ""  # process.rules_version: the rules the documents were processed under


def connect(db_path: Path, read_only: bool = False) -> duckdb.DuckDBPyConnection:
    """Open the warehouse, turning DuckDB's errors into one readable line."""
    db_path = Path(db_path)
    try:
        if not read_only:
            db_path.parent.mkdir(parents=True, exist_ok=True)
        return duckdb.connect(str(db_path), read_only=read_only)
    except (duckdb.Error, OSError) as exc:
        raise WarehouseError(f"cannot open warehouse {db_path}: {str(exc).splitlines()[0]}") from exc


def ensure_schema(con: duckdb.DuckDBPyConnection, sql_dir: Path) -> None:
    """Create the tables and views that do not exist yet."""
    for name in SQL_FILES:
        con.execute((Path(sql_dir) / name).read_text(encoding="utf-8"))


def known_templates(db_path: Path) -> Templates:
    """Return the site-template lines earlier runs remembered (none for a new warehouse)."""
    if not Path(db_path).exists():
        return Templates()
    con = connect(db_path, read_only=True)
    try:
        return read_templates(con)
    finally:
        con.close()


def known_sources(db_path: Path, rules: str) -> tuple[dict[str, Seen], set[str]]:
    """Return what the warehouse saw of each file last time, and the content hashes it holds,
    both only where the given rules (``process.rules_version``) processed them: a file or content
    processed under other rules is processed again."""
    if not Path(db_path).exists():
        return {}, set()
    con = connect(db_path, read_only=True)
    try:
        columns = {(table, column) for table, column in con.execute(
            "select table_name, column_name from information_schema.columns").fetchall()}
        if ("dim_document", "rules_version") not in columns:  # made before rules were fingerprinted
            return {}, set()
        hashes = {r[0] for r in con.execute(
            "select content_sha256 from dim_document where rules_version = ?", [rules]).fetchall()}
        seen = {path: Seen(size, mtime, sha) for path, size, mtime, sha in con.execute(
            "select source_path, byte_size, mtime_ns, content_sha256 from source_file "
            "where byte_size is not null and mtime_ns is not null and rules_version = ?", [rules]).fetchall()}
        return seen, hashes
    finally:
        con.close()


DOCUMENT_STAGES = {"read", "decode", "repair", "clean", "extract", "validate_document"}


def load_reference(con: duckdb.DuckDBPyConnection, seeds_dir: Path) -> list[dict]:
    """Insert regions, indicators and calendar rows not there yet; return rejected region rows."""
    regions = pd.DataFrame(read_csv(Path(seeds_dir) / "regions.csv")).replace({"": None})
    regions, rejected = validate_regions(regions)
    con.register("regions_in", regions)
    con.execute("""
        insert into dim_region
        select coalesce((select max(region_id) from dim_region), 0) + row_number() over (order by r.adcode),
               r.adcode, r.name, r.level, r.province_name, r.prefecture_name, r.parent_adcode
        from regions_in r anti join dim_region d using (adcode)""")
    indicators = pd.DataFrame(read_csv(Path(seeds_dir) / "indicators.csv"))
    indicators["is_additive"] = indicators.get("is_additive", "true").fillna("true").str.lower() == "true"
    con.register("indicators_in", indicators)
    con.execute("""
        update dim_indicator d set name_zh = i.name_zh, name_en = i.name_en, unit = i.unit,
               category = i.category, is_additive = i.is_additive
        from indicators_in i where i.indicator_code = d.indicator_code""")
    con.execute("""
        insert into dim_indicator by name
        select coalesce((select max(indicator_id) from dim_indicator), 0) + row_number() over () as indicator_id,
               i.indicator_code, i.name_zh, i.name_en, i.unit, i.category, i.is_additive
        from indicators_in i anti join dim_indicator d using (indicator_code)""")
    con.execute("""
        insert into dim_date
        select cast(strftime(d, '%Y%m%d') as integer), d::date, year(d), quarter(d), month(d), day(d)
        from generate_series(date '1978-01-01', date '2040-12-31', interval 1 day) t(d)
        where not exists (select 1 from dim_date)""")
    con.unregister("regions_in")
    con.unregister("indicators_in")
    return rejected


def next_id(con: duckdb.DuckDBPyConnection, table: str, column: str) -> int:
    """Return the next free integer key of a table."""
    # fetchall, not fetchone: DuckDB 2 refuses new work while a result is only partly fetched.
    return con.execute(f"select coalesce(max({column}), 0) + 1 from {table}").fetchall()[0][0]


def replace_changed(con: duckdb.DuckDBPyConnection) -> int:
    """Delete documents (and their facts) whose source file now has new content, or whose content
    this run processed again under new rules."""
    stale = [r[0] for r in con.execute("""
        select d.document_id from dim_document d
        where exists (select 1 from documents_in i where i.content_sha256 = d.content_sha256
                      or (i.source_path = d.source_path and i.content_sha256 <> d.content_sha256))""").fetchall()]
    if stale:
        con.execute("delete from fact_indicator where document_id in (select unnest(?))", [stale])
        con.execute("delete from dim_document where document_id in (select unnest(?))", [stale])
    return len(stale)


def insert_documents(con, relation: str, run_id: int, loaded_at: datetime, rules: str) -> None:
    """Insert document rows from a relation with new keys."""
    con.execute(f"""
        insert into dim_document by name
        select ? + row_number() over (order by d.source_path, d.content_sha256) - 1 as document_id,
               d.source_path, d.content_sha256, d.byte_size, d.encoding,
               d.encoding_confidence, d.script, d.title, cast(d.published_at as timestamp) as published_at,
               d.publisher, d.reporters, d.editor, r.region_id, d.body_text, d.boilerplate_chars,
               d.repairs::json as repairs, ? as loaded_at, ? as run_id, ? as rules_version
        from {relation} d left join dim_region r on r.adcode = d.region_adcode""",
                [next_id(con, "dim_document", "document_id"), loaded_at, run_id, rules])


def insert_facts(con, relation: str, run_id: int) -> None:
    """Insert fact rows from a relation, resolving document, indicator, region and date keys."""
    con.execute(f"""
        insert into fact_indicator by name
        select ? + row_number() over (order by d.document_id, f.char_start, i.indicator_id) - 1 as fact_id,
               d.document_id, i.indicator_id, r.region_id, f.period_year::integer as period_year,
               cast(strftime(d.published_at, '%Y%m%d') as integer) as published_date_id,
               f.value, f.qualifier, f.approximate as is_approximate, f.raw_text, f.evidence,
               f.char_start, f.char_end, ? as run_id
        from {relation} f
        join dim_document d using (content_sha256)
        join dim_indicator i using (indicator_code)
        left join dim_region r on r.adcode = f.adcode""", [next_id(con, "fact_indicator", "fact_id"), run_id])


def insert_quarantine(con, relation: str, run_id: int, at: datetime) -> None:
    """Insert quarantine rows from a registered relation, the payload as JSON."""
    con.execute(f"""
        insert into quarantine by name
        select ? + row_number() over (order by source_path, stage, reason) - 1 as quarantine_id,
               ? as run_id, source_path, stage, reason,
               payload::json as payload, ? as quarantined_at
        from {relation}""", [next_id(con, "quarantine", "quarantine_id"), run_id, at])


def parquet_relation(files: list[str]) -> str:
    """Return SQL reading the given Parquet files as one relation."""
    quoted = ", ".join("'" + f.replace("'", "''") + "'" for f in files)
    return f"select * from read_parquet([{quoted}], union_by_name = true)"


def kept(relation: str) -> str:
    """Return SQL for a relation's rows without those of dropped paths (copies of content loaded already)."""
    return (f"select * from ({relation}) "
            "where source_path is null or source_path::varchar not in (select source_path from dropped_in)")


def register_inputs(con, run: RunData) -> list[tuple[str, str | None]]:
    """Expose the run's rows as documents_in, facts_in and quarantine_in, from shards or frames;
    return the (documents, facts) relations of each batch, to insert one after another."""
    frames = shards.frames_for_load(run.documents, run.facts, run.quarantine)
    con.register("dropped_in", pd.DataFrame({"source_path": sorted(run.dropped)}, dtype="string"))
    files = {kind: shards.shard_files(run.shards, kind) if run.shards else [] for kind in shards.KINDS}
    for kind in shards.KINDS:
        if files[kind]:
            relation = parquet_relation(files[kind])
        else:
            # an empty frame's columns are float64, which DuckDB would refuse to join to text keys
            frame = frames[kind].astype(object) if frames[kind].empty else frames[kind]
            con.register(f"{kind}_frame", frame)
            relation = f"select * from {kind}_frame"
        con.execute(f"create or replace temp view {kind}_in as {kept(relation)}")
    if not files["documents"]:
        return [("documents_in", "facts_in")]
    return [(f"({kept(parquet_relation([documents]))})", facts and f"({kept(parquet_relation([facts]))})")
            for documents, facts in shards.batch_shards(run.shards)]


def count(con, sql: str) -> int:
    """Return the single number a query counts."""
    return con.execute(sql).fetchall()[0][0]


def load_run(db_path: Path, sql_dir: Path, seeds_dir: Path, run: RunData) -> tuple[int, RunCounts]:
    """Write one run's documents, facts, quarantine rows and etl_run row, then publish them at once."""
    try:
        with staged(db_path) as staging:
            con = connect(staging)
            try:
                # Bounded memory: DuckDB spills to disk rather than grow with the corpus.
                con.execute(f"set memory_limit = '{LOAD_MEMORY}'")
                con.execute("set preserve_insertion_order = false")
                con.execute("begin transaction")
                run_id, counts = write_run(con, sql_dir, seeds_dir, run)
                con.execute("commit")
            finally:
                con.close()  # closing checkpoints, so the published file needs no WAL
    except (duckdb.Error, pa_errors.SchemaError, PublishError) as exc:
        raise WarehouseError(f"loading into {db_path} failed: {str(exc).splitlines()[0]}") from exc
    return run_id, counts


def record_sources(con, sources: pd.DataFrame, run_id: int, rules: str) -> None:
    """Remember each file's size, mtime, hash, outcome and the rules that processed it, so the
    next run under the same rules can skip it cheaply."""
    if sources.empty:
        return
    con.register("sources_in", sources.assign(run_id=run_id, rules_version=rules))
    con.execute("""
        insert or replace into source_file by name
        select source_path, byte_size, mtime_ns, content_sha256, outcome, run_id, rules_version from sources_in""")
    con.unregister("sources_in")


def write_run(con, sql_dir: Path, seeds_dir: Path, run: RunData) -> tuple[int, RunCounts]:
    """Insert one run's rows into a staging copy of the warehouse; return its id and counts.

    Each batch's documents and facts are committed on their own, so memory holds one batch, not
    the run: a 100,000-document run held in one transaction ran out of memory. The copy is
    published only once the run is complete, so the run stays all or nothing.
    """
    ensure_schema(con, sql_dir)
    chunks = register_inputs(con, run)
    con.register("region_quarantine_in", shards.quarantine_frame(load_reference(con, seeds_dir)))
    run_id = next_id(con, "etl_run", "run_id")
    now = datetime.now()
    replaced = replace_changed(con)
    for documents, facts in chunks:
        insert_documents(con, documents, run_id, now, run.rules_version)
        if facts:
            insert_facts(con, facts, run_id)
        con.execute("commit")
        con.execute("begin transaction")
    insert_quarantine(con, "quarantine_in", run_id, now)
    insert_quarantine(con, "region_quarantine_in", run_id, now)
    record_sources(con, run.sources, run_id, run.rules_version)
    if run.templates:
        save_templates(con, run.templates, run_id, sql_dir)
    stages = ", ".join(f"'{s}'" for s in sorted(DOCUMENT_STAGES))
    counts = RunCounts(
        documents_seen=run.seen, documents_loaded=count(con, "select count(*) from documents_in"),
        documents_unchanged=run.unchanged,
        documents_quarantined=count(con, f"select count(*) from quarantine_in where stage in ({stages})"),
        documents_replaced=replaced, facts_loaded=count(con, "select count(*) from facts_in"),
        facts_rejected=count(con, "select count(*) from quarantine_in where stage = 'validate_fact'"))
    validate_run(vars(counts))
    finished = datetime.now()
    con.execute("insert into etl_run values (?, ?, ?, ?, 'completed', ?, ?, ?, ?, ?, ?, ?, ?)",
                [run_id, run.flow_run_id, run.started_at, finished, counts.documents_seen,
                 counts.documents_loaded, counts.documents_unchanged, counts.documents_quarantined,
                 counts.documents_replaced, counts.facts_loaded, counts.facts_rejected,
                 (finished - run.started_at).total_seconds()])
    return run_id, counts
