"""The tuopin command line: run, query, serve."""
from __future__ import annotations

import argparse
import atexit
import os
import sys

# What the command returned, once it has: the interpreter then exits without tearing down its
# modules (Prefect, pandas and DuckDB take most of a second to free), after every exit handler
# registered later than this one (Prefect's and logging's flushes) has run: it is registered
# before anything else, so runs last.
EXIT_STATUS: list[int] = []


def exit_without_teardown() -> None:
    """Exit at once with the command's status, its output flushed."""
    if EXIT_STATUS:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(EXIT_STATUS[0])


atexit.register(exit_without_teardown)

from tuopin.config import RUNNERS, Settings, load_settings  # noqa: E402  after the exit handler

SUMMARY = ("documents seen {documents_seen} / loaded {documents_loaded} / unchanged {documents_unchanged}"
           " / quarantined {documents_quarantined}; facts loaded {facts_loaded} / rejected {facts_rejected};"
           " {seconds:.1f} s")
READ_STATEMENTS = {"SELECT", "EXPLAIN", "PRAGMA"}


class Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line."""

    def error(self, message: str):
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> Parser:
    """Return the parser for every subcommand."""
    parser = Parser(prog="tuopin", description="Chinese poverty-alleviation reports into a DuckDB warehouse.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    run = commands.add_parser("run", help="run the ETL flow once")
    run.add_argument("sources", nargs="*", metavar="SOURCE", help="files or folders (default seeds/articles)")
    run.add_argument("--db", help="warehouse file (default warehouse/tuopin.duckdb)")
    run.add_argument("--batch-size", type=int, help="documents per task (default 500)")
    add_runner_arguments(run)
    query = commands.add_parser("query", help="run read-only SQL against the warehouse")
    query.add_argument("sql", metavar="SQL")
    query.add_argument("--db", help="warehouse file (default warehouse/tuopin.duckdb)")
    query.add_argument("--format", choices=["table", "csv", "json"], default="table")
    report = commands.add_parser("report", help="show what a run did (default: the latest run)")
    report.add_argument("run_id", nargs="?", type=int, metavar="RUN_ID")
    report.add_argument("--html", metavar="OUT.html", help="write a self-contained page of charts instead")
    report.add_argument("--db", help="warehouse file (default warehouse/tuopin.duckdb)")
    export = commands.add_parser("export", help="write the star tables and marts as Parquet or CSV")
    export.add_argument("out_dir", metavar="OUT_DIR")
    export.add_argument("--format", choices=["parquet", "csv"], default="parquet")
    export.add_argument("--db", help="warehouse file (default warehouse/tuopin.duckdb)")
    serve = commands.add_parser("serve", help="serve the flow as a Prefect deployment on a schedule")
    serve.add_argument("sources", nargs="*", metavar="SOURCE")
    serve.add_argument("--cron", default="0 * * * *", help="schedule (default hourly)")
    serve.add_argument("--db", help="warehouse file (default warehouse/tuopin.duckdb)")
    add_runner_arguments(serve)
    return parser


def add_runner_arguments(command: argparse.ArgumentParser) -> None:
    """Add the options that choose where a run's batches execute."""
    command.add_argument("--runner", choices=RUNNERS, help="where batches run (default process)")
    command.add_argument("--workers", type=int, help="worker threads or processes (default: one per core)")
    command.add_argument("--dask-address", metavar="ADDRESS",
                         help="Dask scheduler to use with --runner dask (default: a local cluster)")


def runner_settings(args, settings: Settings) -> dict:
    """Return the task runner options of a run or serve command, checked, with settings as defaults."""
    runner = args.runner or settings.runner
    if runner not in RUNNERS:
        raise CliError(f"unknown runner {runner!r} (TUOPIN_RUNNER): choose one of {', '.join(RUNNERS)}")
    workers = settings.workers if args.workers is None else args.workers
    if workers < 0:
        raise CliError("--workers must be 0 (one per core) or more")
    address = args.dask_address or settings.dask_address
    if address and runner != "dask":
        raise CliError("--dask-address needs --runner dask")
    return {"runner": runner, "workers": workers or None, "dask_address": address or None}


class CliError(Exception):
    """A problem with the command's arguments or environment, shown as one line."""


def fail(message: str) -> int:
    """Print a one-line error and return the exit status."""
    print(f"tuopin: error: {message}", file=sys.stderr)
    return 1


def quiet_prefect() -> None:
    """Keep Prefect's (and Dask's) console to warnings, and Prefect's offline server from phoning home."""
    os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "warning")  # a local cluster's start and stop


def existing_warehouse(args) -> str:
    """Return the warehouse path the command reads, which must exist."""
    db = args.db or str(load_settings().db_path)
    if not os.path.exists(db):
        raise CliError(f"no warehouse at {db}: run 'tuopin run' first")
    return db


def cmd_run(args) -> int:
    """Run the flow once and print its summary."""
    from tuopin.publish import check_writable, writer_lock
    if args.batch_size is not None and args.batch_size < 1:
        raise CliError("--batch-size must be at least 1")
    missing = [s for s in args.sources if not os.path.exists(s)]
    if missing:
        raise CliError(f"no such file or folder: {', '.join(missing)}")
    settings = load_settings()
    db = args.db or settings.db_path
    check_writable(db)
    runner = runner_settings(args, settings)
    from tuopin.lexicon import LexiconError
    from tuopin.process import extractor_for
    try:  # a bad row of the user's lexicon is one line here, not a failed task's traceback; a run of
        extractor_for(str(settings.seeds_dir))  # one batch, in this process, then uses the extractor built
    except LexiconError as exc:
        raise CliError(str(exc)) from None
    # Wait for another run to finish before starting Prefect: giving up is then one line, not a
    # failed flow run's traceback (the flow takes the lock again for itself).
    with writer_lock(db, settings.lock_timeout):
        pass
    quiet_prefect()
    from flows.etl import ServerStartError, run_etl
    try:
        summary = run_etl(**runner, sources=args.sources or None, db_path=args.db, batch_size=args.batch_size,
                          show_progress=True)
    except ServerStartError as exc:
        raise CliError(str(exc)) from None
    print(SUMMARY.format(**summary))
    return 0


def read_only_frame(db: str, sql: str):
    """Run one read-only statement with file access off; refuse anything else."""
    from tuopin.load import connect
    con = connect(db, read_only=True)
    try:
        con.execute("set enable_external_access = false")
        statements = con.extract_statements(sql)
        if len(statements) != 1 or statements[0].type.name not in READ_STATEMENTS:
            raise CliError("only a single read-only statement (SELECT, EXPLAIN) is allowed")
        return con.execute(sql).df()
    finally:
        con.close()


def cmd_query(args) -> int:
    """Run one read-only statement and print its result."""
    frame = read_only_frame(existing_warehouse(args), args.sql)
    if args.format == "csv":
        frame.to_csv(sys.stdout, index=False)
    elif args.format == "json":
        print(frame.to_json(orient="records", force_ascii=False, date_format="iso"))
    else:
        print(frame.to_string(index=False, max_colwidth=60))
    return 0


def cmd_report(args) -> int:
    """Print a run's counts and top quarantine reasons."""
    from tuopin.report import build_report
    db = existing_warehouse(args)
    if args.html:
        from tuopin.html_report import write_html
        print(f"wrote {write_html(db, args.html)}")
        return 0
    print(build_report(db, args.run_id).markdown())
    return 0


def cmd_export(args) -> int:
    """Write the warehouse's tables and marts to a folder."""
    from tuopin.export import export
    written = export(existing_warehouse(args), args.out_dir, args.format)
    print(f"wrote {len(written)} tables ({sum(written.values())} rows) as {args.format} to {args.out_dir}")
    return 0


def cmd_serve(args) -> int:
    """Serve the flow on a cron schedule until interrupted, one run at a time."""
    quiet_prefect()
    from prefect.client.schemas.schedules import CronSchedule
    from pydantic import ValidationError
    try:
        CronSchedule(cron=args.cron)
    except ValidationError:
        raise CliError(f"not a cron expression: {args.cron!r}") from None
    missing = [s for s in args.sources if not os.path.exists(s)]
    if missing:
        raise CliError(f"no such file or folder: {', '.join(missing)}")
    from flows.etl import etl_on
    flow = etl_on(**runner_settings(args, load_settings()))
    flow.serve(name="tuopin-scheduled", cron=args.cron, limit=1, global_limit=1,
               parameters={"sources": args.sources or None, "db_path": args.db})
    return 0


def main(argv: list[str] | None = None) -> int:
    """Entry point of the tuopin console script (argv None: this process's own arguments, and the
    process ends with the command)."""
    status = command(argv)
    if argv is None:
        EXIT_STATUS.append(status)
    return status


def command(argv: list[str] | None) -> int:
    """Run the command argv names; return its exit status."""
    args = build_parser().parse_args(argv)
    handler = {"run": cmd_run, "query": cmd_query, "report": cmd_report, "export": cmd_export,
               "serve": cmd_serve}[args.command]
    import duckdb
    from tuopin.load import WarehouseError
    from tuopin.publish import PublishError
    from tuopin.report import UnknownRun
    try:
        return handler(args)
    except (CliError, WarehouseError, PublishError, UnknownRun) as exc:
        return fail(str(exc))
    except duckdb.Error as exc:
        return fail(str(exc).splitlines()[0])
    except KeyboardInterrupt:
        return fail("interrupted")


if __name__ == "__main__":
    sys.exit(main())
