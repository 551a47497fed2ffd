"""A self-contained HTML page of charts over the warehouse, readable without a network."""
from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

import pandas as pd
import plotly.express as px
import plotly.offline

from tuopin.load import connect
from tuopin.report import top_reasons

CHARTS = (
    ("Poverty incidence rate by year (%)", """
        select region_name, period_year, agreed_value as value from mart_region_year
        where indicator_code = 'poverty_incidence_rate' and qualifier = 'actual'
        order by region_name, period_year""", "line"),
    ("People lifted out of poverty per year", """
        select region_name, period_year, agreed_value as value from mart_region_year
        where indicator_code = 'poverty_exit_persons' and qualifier = 'actual'
        order by period_year, region_name""", "bar_year"),
    ("Poverty-alleviation funds by region (yuan)", """
        select region_name, sum(agreed_value) as value from mart_region_year
        where indicator_code = 'poverty_funds' and qualifier = 'actual'
        group by region_name order by value desc""", "bar_region"),
)
REASONS_TITLE = "Quarantined rows by stage and reason"
REASONS_SHOWN = 15
OFFLINE = {"displaylogo": False}  # no button that leads to plotly's website
PAGE = """<!doctype html>
<html lang="zh"><head><meta charset="utf-8"><title>tuopin report</title>
<script>{plotly_js}</script>
<style>body{{font-family:sans-serif;max-width:1100px;margin:2em auto}}.chart{{margin-bottom:2em}}</style>
</head><body>
<h1>tuopin: poverty-alleviation figures</h1>
<p>{summary}</p>
{charts}
</body></html>
"""


def figure(title: str, frame, kind: str):
    """Return the plotly figure for one chart."""
    if frame.empty:
        fig = px.bar(title=f"{title} — no data yet")
    elif kind == "line":
        fig = px.line(frame, x="period_year", y="value", color="region_name", markers=True, title=title)
    elif kind == "bar_year":
        fig = px.bar(frame, x="period_year", y="value", color="region_name", title=title)
    elif kind == "bar_region":
        fig = px.bar(frame, x="region_name", y="value", title=title)
    else:
        fig = px.bar(frame, x="value", y="reason", orientation="h", title=title)
    if kind in ("line", "bar_year"):
        fig.update_xaxes(type="category")  # years are labels, not a continuum (no 2,016.5)
    return fig.update_layout(legend_title_text="", xaxis_title="", yaxis_title="")


def reason_frame(con) -> pd.DataFrame:
    """Return quarantine rows of every run grouped as the run report groups its reasons."""
    rows = con.execute("select stage, reason, source_path from quarantine order by quarantine_id").fetchall()
    return pd.DataFrame([(f"{stage}: {reason}", count) for stage, reason, count, _ in top_reasons(rows, REASONS_SHOWN)],
                        columns=["reason", "value"])


def build_html(db_path: Path) -> str:
    """Return the report page with every chart and plotly.js inlined."""
    con = connect(db_path, read_only=True)
    try:
        frames = [(title, con.execute(sql).df(), kind) for title, sql, kind in CHARTS]
        frames.append((REASONS_TITLE, reason_frame(con), "bar_reason"))
        documents, facts = con.execute("select (select count(*) from dim_document),"
                                       " (select count(*) from fact_indicator)").fetchall()[0]
    finally:
        con.close()
    charts = "\n".join(f'<div class="chart">{figure(*f).to_html(full_html=False, include_plotlyjs=False, config=OFFLINE)}</div>'
                       for f in frames)
    summary = html.escape(f"{documents} documents, {facts} facts; made {datetime.now():%Y-%m-%d %H:%M}.")
    return PAGE.format(plotly_js=plotly.offline.get_plotlyjs(), summary=summary, charts=charts)


def write_html(db_path: Path, out: Path) -> Path:
    """Write the report page to out."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(build_html(db_path), encoding="utf-8")
    return out
