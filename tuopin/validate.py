"""Validate every table's rows with pandera; failing rows become quarantine rows, never errors."""
from __future__ import annotations

import json
from datetime import datetime

import pandas as pd
import pandera.pandas as pa

QUALIFIERS = ["actual", "target", "baseline"]
SCRIPTS = ["simplified", "traditional", "mixed"]
LEVELS = ["country", "province", "prefecture", "county"]
COUNTED_UNITS = ["person", "household", "village", "county", "team"]
FIRST_YEAR = 1978  # reform and opening: the earliest year poverty statistics refer to
YEARS_AHEAD = 5    # targets may look a few years past the publication date

# Plausible upper bounds per base unit and region level: a county does not lift 80 million
# people out of poverty. A figure without a region is held to the country's bound.
BOUNDS = {
    "person":    {"county": 2e6, "prefecture": 2e7, "province": 1.2e8, "country": 1e9},
    "household": {"county": 6e5, "prefecture": 6e6, "province": 4e7, "country": 3e8},
    "village":   {"county": 3e3, "prefecture": 2e4, "province": 1e5, "country": 8e5},
    "county":    {"county": 5, "prefecture": 40, "province": 200, "country": 3e3},
    "team":      {"county": 3e3, "prefecture": 3e4, "province": 2e5, "country": 5e5},
    "yuan":      {"county": 1e11, "prefecture": 1e12, "province": 1e13, "country": 1e14},
    "percent":   {"county": 100, "prefecture": 100, "province": 100, "country": 100},
}
# Indicators that count the same people twice: households can never outnumber persons.
HOUSEHOLD_PERSON_PAIRS = {
    "poverty_exit_households": "poverty_exit_persons",
    "registered_poor_households": "registered_poor_persons",
    "remaining_poor_households": "remaining_poor_persons",
    "relocated_households": "relocated_persons",
}
DECREASE = r"降|减|下降|减少"


# The schemas are built as DataFrameSchema objects rather than DataFrameModel classes: building a
# model's schema imports pandera's Dask typing whenever Dask is installed (prefect-dask brings it),
# half a second of every process's first batch.
NON_EMPTY = pa.Check.str_length(min_value=1)
ADCODE = pa.Check.str_matches(r"^\d{6}$")
SHA256 = pa.Check.str_matches(r"^[0-9a-f]{64}$")


def column(dtype, *checks: pa.Check, nullable: bool = False, unique: bool = False) -> pa.Column:
    """Return a schema column of dtype with the given checks."""
    return pa.Column(dtype, list(checks), nullable=nullable, unique=unique)


def frame_check(name: str):
    """Turn a function of the whole frame (a boolean Series per row) into a named frame check."""
    return lambda function: pa.Check(function, name=name)


# One decoded, repaired and cleaned document.
DOCUMENT_SCHEMA = pa.DataFrameSchema({
    "source_path": column(str, NON_EMPTY),
    "content_sha256": column(str, SHA256, unique=True),
    "byte_size": column(int, pa.Check.gt(0)),
    "encoding": column(str, NON_EMPTY),
    "encoding_confidence": column(float, pa.Check.ge(0), pa.Check.le(1)),
    "script": column(str, pa.Check.isin(SCRIPTS)),
    "title": column(str, nullable=True),
    "published_at": column("datetime64[ns]", pa.Check.ge(pd.Timestamp(FIRST_YEAR, 1, 1)), nullable=True),
    "publisher": column(str, nullable=True),
    "region_adcode": column(str, ADCODE, nullable=True),
    "body_text": column(str, NON_EMPTY),
    "boilerplate_chars": column(int, pa.Check.ge(0)),
}, coerce=True)


@frame_check("percent_within_0_100")
def percent_within_0_100(df: pd.DataFrame) -> pd.Series:
    """Keep percentages between 0 and 100."""
    return (df["unit"] != "percent") | df["value"].between(0, 100)


@frame_check("count_is_positive_integer")
def count_is_positive_integer(df: pd.DataFrame) -> pd.Series:
    """Require persons, households, villages, counties and teams to be whole and positive."""
    counted = df["unit"].isin(COUNTED_UNITS)
    return ~counted | ((df["value"] > 0) & (df["value"] == df["value"].round()))


@frame_check("yuan_is_positive")
def yuan_is_positive(df: pd.DataFrame) -> pd.Series:
    """Require money to be positive."""
    return (df["unit"] != "yuan") | (df["value"] > 0)


@frame_check("value_plausible_for_region_level")
def value_plausible_for_region_level(df: pd.DataFrame) -> pd.Series:
    """Reject values above what a region of that level can plausibly reach."""
    bound = [BOUNDS.get(u, {}).get(level if isinstance(level, str) else "country", float("inf"))
             for u, level in zip(df["unit"], df["region_level"])]
    return df["value"] <= pd.Series(bound, index=df.index)


@frame_check("period_year_not_after_published_year_plus_5")
def period_year_not_after_published_year_plus_5(df: pd.DataFrame) -> pd.Series:
    """Keep the period year within a few years of publication (or of today)."""
    latest = df["published_year"].fillna(datetime.now().year) + YEARS_AHEAD
    return df["period_year"].isna() | (df["period_year"] <= latest)


@frame_check("raw_text_in_evidence")
def raw_text_in_evidence(df: pd.DataFrame) -> pd.Series:
    """Require the matched words to appear in the evidence."""
    return pd.Series([r in e for r, e in zip(df["raw_text"], df["evidence"])], index=df.index)


@frame_check("offsets_point_at_raw_text")
def offsets_point_at_raw_text(df: pd.DataFrame) -> pd.Series:
    """Require body_text[char_start:char_end] to be the matched words, inside the body."""
    return pd.Series([0 <= s < e <= len(b) and b[s:e] == r for b, s, e, r in
                      zip(df["body_text"], df["char_start"], df["char_end"], df["raw_text"])],
                     index=df.index)


@frame_check("baseline_above_actual_for_decrease")
def baseline_above_actual_for_decrease(df: pd.DataFrame) -> pd.Series:
    """In 由A降至B, the baseline A must exceed the actual B."""
    falling = df[df["evidence"].str.contains(DECREASE)]
    base = falling[falling["qualifier"] == "baseline"]
    actual = falling[falling["qualifier"] == "actual"]
    return failing_pairs(df, base, actual, ["content_sha256", "evidence", "indicator_code"],
                         lambda b, a: b <= a)


@frame_check("households_not_above_persons")
def households_not_above_persons(df: pd.DataFrame) -> pd.Series:
    """In one clause (2078户5222人), households cannot outnumber persons."""
    households = df[df["indicator_code"].isin(HOUSEHOLD_PERSON_PAIRS)]
    households = households.assign(indicator_code=households["indicator_code"].map(HOUSEHOLD_PERSON_PAIRS))
    persons = df[df["indicator_code"].isin(set(HOUSEHOLD_PERSON_PAIRS.values()))]
    return failing_pairs(df, households, persons, ["content_sha256", "evidence", "qualifier", "indicator_code"],
                         lambda h, p: h > p)


def failing_pairs(df: pd.DataFrame, left: pd.DataFrame, right: pd.DataFrame, keys: list[str],
                  wrong) -> pd.Series:
    """Mark False both rows of every (left, right) pair matched on keys whose values are wrong."""
    ok = pd.Series(True, index=df.index)
    if left.empty or right.empty:
        return ok
    pairs = left[keys + ["value"]].reset_index().merge(
        right[keys + ["value"]].reset_index(), on=keys, suffixes=("_left", "_right"))
    bad = pairs[wrong(pairs["value_left"], pairs["value_right"])]
    ok[bad["index_left"]] = False
    ok[bad["index_right"]] = False
    return ok


# One statistic stated in one document, before keys are attached.
FACT_SCHEMA = pa.DataFrameSchema({
    "content_sha256": column(str, SHA256),
    "indicator_code": column(str),
    "unit": column(str, pa.Check.isin(list(BOUNDS))),
    "value": column(float, pa.Check.ge(0)),
    "qualifier": column(str, pa.Check.isin(QUALIFIERS)),
    "adcode": column(str, ADCODE, nullable=True),
    "region_level": column(str, pa.Check.isin(LEVELS), nullable=True),
    "period_year": column(pd.Int64Dtype(), pa.Check.ge(FIRST_YEAR), nullable=True),
    "published_year": column(pd.Int64Dtype(), nullable=True),
    "raw_text": column(str, NON_EMPTY),
    "evidence": column(str, NON_EMPTY),
    "char_start": column(int, pa.Check.ge(0)),
    "char_end": column(int, pa.Check.ge(0)),
    "body_text": column(str),
}, checks=[percent_within_0_100, count_is_positive_integer, yuan_is_positive, value_plausible_for_region_level,
           period_year_not_after_published_year_plus_5, raw_text_in_evidence, offsets_point_at_raw_text,
           baseline_above_actual_for_decrease, households_not_above_persons], coerce=True)


@frame_check("parent_region_exists")
def parent_region_exists(df: pd.DataFrame) -> pd.Series:
    """Require every parent adcode to be a region of the table (the country has none)."""
    return df["parent_adcode"].isna() | df["parent_adcode"].isin(set(df["adcode"]))


# One administrative division of the gazetteer.
REGION_SCHEMA = pa.DataFrameSchema({
    "adcode": column(str, ADCODE, unique=True),
    "name": column(str, NON_EMPTY),
    "level": column(str, pa.Check.isin(LEVELS)),
    "province_name": column(str, nullable=True),
    "prefecture_name": column(str, nullable=True),
    "parent_adcode": column(str, ADCODE, nullable=True),
}, checks=[parent_region_exists], coerce=True)

RUN_COUNTS = ("documents_seen", "documents_loaded", "documents_unchanged", "documents_quarantined",
              "documents_replaced", "facts_loaded", "facts_rejected")


@frame_check("documents_balance")
def documents_balance(df: pd.DataFrame) -> pd.Series:
    """Seen = loaded + unchanged + quarantined: nothing is dropped silently."""
    return df["documents_seen"] == (df["documents_loaded"] + df["documents_unchanged"]
                                    + df["documents_quarantined"])


# One ETL run's counts: every document seen is accounted for.
RUN_SCHEMA = pa.DataFrameSchema({name: column(int, pa.Check.ge(0)) for name in RUN_COUNTS},
                                checks=[documents_balance], coerce=True)


def with_foreign_keys(schema: pa.DataFrameSchema, keys: dict[str, set[str]]) -> pa.DataFrameSchema:
    """Return schema with a check per column that its non-null values exist in a dimension."""
    for column, known in keys.items():
        check = pa.Check(lambda s, known=known: s.isna() | s.isin(known), name=f"{column}_exists")
        schema = schema.update_column(column, checks=[*schema.columns[column].checks, check])
    return schema


def failure_reasons(schema: pa.DataFrameSchema, df: pd.DataFrame) -> tuple[pd.DataFrame | None, dict[int, list[str]]]:
    """Return the validated (coerced) frame when every row passes, else None and, per failing row
    index, the names of the checks it failed."""
    try:
        return schema.validate(df, lazy=True), {}
    except pa.errors.SchemaErrors as exc:
        reasons: dict[int, list[str]] = {}
        for case in exc.failure_cases.to_dict("records"):
            wide = case.get("schema_context") == "DataFrameSchema" or pd.isna(case.get("column"))
            label = str(case.get("check")) if wide else f"{case.get('column')}: {case.get('check')}"
            index = case.get("index")
            rows = df.index if index is None or pd.isna(index) else [int(index)]
            for i in rows:  # a column-level failure (a missing column) hits every row
                reasons.setdefault(i, []).append(label)
        return None, reasons


def failures(schema: pa.DataFrameSchema, df: pd.DataFrame) -> tuple[pd.DataFrame, dict[int, list[str]]]:
    """Return the validated passing rows and the failing rows' reasons, repeating until the rest
    passes (a dropped region orphans its children)."""
    reasons: dict[int, list[str]] = {}
    while True:
        rest = df.drop(index=list(reasons))
        if rest.empty:
            return rest, reasons
        valid, found = failure_reasons(schema, rest)
        if valid is not None:
            return valid, reasons
        if not found:  # failures pandera could not pin on rows: a bug, raised as such
            return schema.validate(rest), reasons
        reasons |= found


def to_payload(row: dict) -> dict:
    """Return a row as JSON-safe values, for the quarantine payload."""
    return json.loads(pd.Series(row, dtype=object).to_json(force_ascii=False, date_format="iso"))


def split(schema: pa.DataFrameSchema, df: pd.DataFrame, stage: str,
          drop_from_payload: tuple[str, ...] = ()) -> tuple[pd.DataFrame, list[dict]]:
    """Validate df; return the passing rows (coerced) and quarantine rows for the rest."""
    if df.empty:
        return df, []
    df = df.reset_index(drop=True)
    good, reasons = failures(schema, df)  # validating once: the passing rows come back coerced
    rejected = [{"source_path": df.at[i, "source_path"] if "source_path" in df else None,
                 "stage": stage, "reason": "; ".join(dict.fromkeys(labels)),
                 "payload": to_payload(df.loc[i].drop(list(drop_from_payload), errors="ignore").to_dict())}
                for i, labels in sorted(reasons.items())]
    return good, rejected


def validate_documents(documents: pd.DataFrame, adcodes: set[str]) -> tuple[pd.DataFrame, list[dict]]:
    """Return valid documents and quarantine rows for the rest."""
    schema = with_foreign_keys(DOCUMENT_SCHEMA, {"region_adcode": adcodes})
    return split(schema, documents, "validate_document", ("body_text",))


def validate_facts(facts: pd.DataFrame, adcodes: set[str], indicators: set[str]) -> tuple[pd.DataFrame, list[dict]]:
    """Return valid facts and quarantine rows for the rest (facts carry body_text for the offset check)."""
    schema = with_foreign_keys(FACT_SCHEMA, {"adcode": adcodes, "indicator_code": indicators})
    return split(schema, facts, "validate_fact", ("body_text",))


def validate_regions(regions: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    """Return valid gazetteer rows and quarantine rows for the rest."""
    return split(REGION_SCHEMA, regions, "validate_region")


def validate_run(counts: dict) -> None:
    """Raise when a run's counts do not balance (a bug, not bad input)."""
    RUN_SCHEMA.validate(pd.DataFrame([counts]))
