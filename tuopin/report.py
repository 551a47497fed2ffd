"""Explain a run: its counts by stage, indicator and quarantine reason, with examples."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from tuopin.load import connect

COUNT_COLUMNS = ("documents_seen", "documents_loaded", "documents_unchanged", "documents_quarantined",
                 "documents_replaced", "facts_loaded", "facts_rejected")
TOP_REASONS = 10
NUMBER = re.compile(r"\d+(?:\.\d+)?")


class UnknownRun(LookupError):
    """Raised when the warehouse holds no run with the asked id."""


@dataclass(frozen=True)
class RunReport:
    run: dict
    by_stage: list[tuple[str, int]]
    by_indicator: list[tuple[str, str, int]]
    by_reason: list[tuple[str, str, int, str]]

    def rows(self) -> list[dict]:
        """Return every count as one flat table (for a Prefect table artifact)."""
        return ([{"group": "run", "name": k, "count": self.run[k]} for k in COUNT_COLUMNS]
                + [{"group": "stage", "name": s, "count": n} for s, n in self.by_stage]
                + [{"group": "indicator", "name": c, "count": n} for c, _, n in self.by_indicator]
                + [{"group": "reason", "name": f"{s}: {r}", "count": n} for s, r, n, _ in self.by_reason])

    def markdown(self) -> str:
        """Return the report as Markdown."""
        run = self.run
        lines = [f"# tuopin run {run['run_id']}", "",
                 f"{run['status']}, {run['started_at']:%Y-%m-%d %H:%M:%S}, {run['seconds']:.1f} s"
                 f" (Prefect flow run {run['flow_run_id'] or '-'})", "",
                 table(["count", "value"], [(k.replace("_", " "), run[k]) for k in COUNT_COLUMNS])]
        sections = (("Quarantined by stage", ["stage", "rows"], self.by_stage),
                    ("Facts loaded by indicator", ["indicator", "name", "facts"], self.by_indicator),
                    ("Top quarantine reasons", ["stage", "reason", "rows", "example"], self.by_reason))
        for heading, header, rows in sections:
            lines += ["", f"## {heading}", "", table(header, rows) if rows else "none"]
        return "\n".join(lines)


def width(text: str) -> int:
    """Return the columns text takes in a terminal (Chinese characters take two)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def table(header: list[str], rows) -> str:
    """Return rows as a Markdown table (which also reads well in a terminal)."""
    cells = [[str(c).replace("|", "/") for c in row] for row in rows]
    widths = [max(width(h), *(width(r[i]) for r in cells)) if cells else width(h) for i, h in enumerate(header)]
    line = lambda values: "| " + " | ".join(v + " " * (w - width(v)) for v, w in zip(values, widths)) + " |"  # noqa: E731
    return "\n".join([line(header), line(["-" * w for w in widths]), *(line(r) for r in cells)])


def build_report(db_path: Path, run_id: int | None = None) -> RunReport:
    """Read one run's report from the warehouse (the latest run when run_id is None)."""
    con = connect(db_path, read_only=True)
    try:
        run_id = run_id or con.execute("select max(run_id) from etl_run").fetchall()[0][0]
        found = con.execute("select * from etl_run where run_id = ?", [run_id]).df()
        if found.empty:
            raise UnknownRun(f"no run {run_id} in {db_path}")
        by_stage = con.execute("""select stage, count(*) from quarantine where run_id = ?
                                  group by stage order by count(*) desc, stage""", [run_id]).fetchall()
        by_indicator = con.execute("""
            select i.indicator_code, i.name_zh, count(*) from fact_indicator f
            join dim_indicator i using (indicator_id) where f.run_id = ?
            group by all order by count(*) desc, i.indicator_code""", [run_id]).fetchall()
        reasons = con.execute("""select stage, reason, source_path from quarantine where run_id = ?
                                 order by quarantine_id""", [run_id]).fetchall()
    finally:
        con.close()
    return RunReport(found.iloc[0].to_dict(), by_stage, by_indicator, top_reasons(reasons))


def top_reasons(rows: list[tuple[str, str, str]], limit: int = TOP_REASONS) -> list[tuple[str, str, int, str]]:
    """Group reasons that differ only in their numbers; keep the first source as an example."""
    groups: dict[tuple[str, str], list] = {}
    for stage, reason, source in rows:
        key = (stage, NUMBER.sub("N", reason))
        groups.setdefault(key, [reason, 0, source])[1] += 1
    ranked = sorted(groups.items(), key=lambda item: -item[1][1])[:limit]
    return [(stage, first, count, Path(source or "-").name) for (stage, _), (first, count, source) in ranked]
