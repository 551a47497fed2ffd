"""Validate every table's rows with pandera; failing rows become quarantine rows, never errors."""
from __future__ import annotations

import json
from datetime import datetime

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

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


class DocumentSchema(pa.DataFrameModel):
    """One decoded, repaired and cleaned document."""

    source_path: Series[str] = pa.Field(str_length={"min_value": 1})
    content_sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$", unique=True)
    byte_size: Series[int] = pa.Field(gt=0)
    encoding: Series[str] = pa.Field(str_length={"min_value": 1})
    encoding_confidence: Series[float] = pa.Field(ge=0, le=1)
    script: Series[str] = pa.Field(isin=SCRIPTS)
    title: Series[str] = pa.Field(nullable=True)
    published_at: Series[pd.Timestamp] = pa.Field(nullable=True, ge=pd.Timestamp(FIRST_YEAR, 1, 1))
    publisher: Series[str] = pa.Field(nullable=True)
    region_adcode: Series[str] = pa.Field(nullable=True, str_matches=r"^\d{6}$")
    body_text: Series[str] = pa.Field(str_length={"min_value": 1})
    boilerplate_chars: Series[int] = pa.Field(ge=0)

    class Config:
        coerce = True


class FactSchema(pa.DataFrameModel):
    """One statistic stated in one document, before keys are attached."""

    content_sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$")
    indicator_code: Series[str]
    unit: Series[str] = pa.Field(isin=list(BOUNDS))
    value: Series[float] = pa.Field(ge=0)
    qualifier: Series[str] = pa.Field(isin=QUALIFIERS)
    adcode: Series[str] = pa.Field(nullable=True, str_matches=r"^\d{6}$")
    region_level: Series[str] = pa.Field(nullable=True, isin=LEVELS)
    period_year: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=FIRST_YEAR)
    published_year: Series[pd.Int64Dtype] = pa.Field(nullable=True)
    raw_text: Series[str] = pa.Field(str_length={"min_value": 1})
    evidence: Series[str] = pa.Field(str_length={"min_value": 1})
    char_start: Series[int] = pa.Field(ge=0)
    char_end: Series[int] = pa.Field(ge=0)
    body_text: Series[str]

    @pa.dataframe_check(name="percent_within_0_100")
    def percent_within_0_100(cls, df: pd.DataFrame) -> Series[bool]:
        """Keep percentages between 0 and 100."""
        return (df["unit"] != "percent") | df["value"].between(0, 100)

    @pa.dataframe_check(name="count_is_positive_integer")
    def count_is_positive_integer(cls, df: pd.DataFrame) -> Series[bool]:
        """Require persons, households, villages, counties and teams to be whole and positive."""
        counted = df["unit"].isin(COUNTED_UNITS)
        return ~counted | ((df["value"] > 0) & (df["value"] == df["value"].round()))

    @pa.dataframe_check(name="yuan_is_positive")
    def yuan_is_positive(cls, df: pd.DataFrame) -> Series[bool]:
        """Require money to be positive."""
        return (df["unit"] != "yuan") | (df["value"] > 0)

    @pa.dataframe_check(name="value_plausible_for_region_level")
    def value_plausible_for_region_level(cls, df: pd.DataFrame) -> Series[bool]:
        """Reject values above what a region of that level can plausibly reach."""
        bound = [BOUNDS.get(u, {}).get(level if isinstance(level, str) else "country", float("inf"))
                 for u, level in zip(df["unit"], df["region_level"])]
        return df["value"] <= pd.Series(bound, index=df.index)

    @pa.dataframe_check(name="period_year_not_after_published_year_plus_5")
    def period_year_not_after_published_year_plus_5(cls, df: pd.DataFrame) -> Series[bool]:
        """Keep the period year within a few years of publication (or of today)."""
        latest = df["published_year"].fillna(datetime.now().year) + YEARS_AHEAD
        return df["period_year"].isna() | (df["period_year"] <= latest)

    @pa.dataframe_check(name="raw_text_in_evidence")
    def raw_text_in_evidence(cls, df: pd.DataFrame) -> Series[bool]:
        """Require the matched words to appear in the evidence."""
        return pd.Series([r in e for r, e in zip(df["raw_text"], df["evidence"])], index=df.index)

    @pa.dataframe_check(name="offsets_point_at_raw_text")
    def offsets_point_at_raw_text(cls, df: pd.DataFrame) -> Series[bool]:
        """Require body_text[char_start:char_end] to be the matched words, inside the body."""
        return pd.Series([0 <= s < e <= len(b) and b[s:e] == r for b, s, e, r in
                          zip(df["body_text"], df["char_start"], df["char_end"], df["raw_text"])],
                         index=df.index)

    @pa.dataframe_check(name="baseline_above_actual_for_decrease")
    def baseline_above_actual_for_decrease(cls, df: pd.DataFrame) -> Series[bool]:
        """In 由A降至B, the baseline A must exceed the actual B."""
        falling = df[df["evidence"].str.contains(DECREASE)]
        base = falling[falling["qualifier"] == "baseline"]
        actual = falling[falling["qualifier"] == "actual"]
        return failing_pairs(df, base, actual, ["content_sha256", "evidence", "indicator_code"],
                             lambda b, a: b <= a)

    @pa.dataframe_check(name="households_not_above_persons")
    def households_not_above_persons(cls, df: pd.DataFrame) -> Series[bool]:
        """In one clause (2078户5222人), households cannot outnumber persons."""
        households = df[df["indicator_code"].isin(HOUSEHOLD_PERSON_PAIRS)]
        households = households.assign(indicator_code=households["indicator_code"].map(HOUSEHOLD_PERSON_PAIRS))
        persons = df[df["indicator_code"].isin(set(HOUSEHOLD_PERSON_PAIRS.values()))]
        return failing_pairs(df, households, persons, ["content_sha256", "evidence", "qualifier", "indicator_code"],
                             lambda h, p: h > p)

    class Config:
        coerce = True


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


class RegionSchema(pa.DataFrameModel):
    """One administrative division of the gazetteer."""

    adcode: Series[str] = pa.Field(str_matches=r"^\d{6}$", unique=True)
    name: Series[str] = pa.Field(str_length={"min_value": 1})
    level: Series[str] = pa.Field(isin=LEVELS)
    province_name: Series[str] = pa.Field(nullable=True)
    prefecture_name: Series[str] = pa.Field(nullable=True)
    parent_adcode: Series[str] = pa.Field(nullable=True, str_matches=r"^\d{6}$")

    @pa.dataframe_check(name="parent_region_exists")
    def parent_region_exists(cls, df: pd.DataFrame) -> Series[bool]:
        """Require every parent adcode to be a region of the table (the country has none)."""
        return df["parent_adcode"].isna() | df["parent_adcode"].isin(set(df["adcode"]))

    class Config:
        coerce = True


class RunSchema(pa.DataFrameModel):
    """One ETL run's counts: every document seen is accounted for."""

    documents_seen: Series[int] = pa.Field(ge=0)
    documents_loaded: Series[int] = pa.Field(ge=0)
    documents_unchanged: Series[int] = pa.Field(ge=0)
    documents_quarantined: Series[int] = pa.Field(ge=0)
    documents_replaced: Series[int] = pa.Field(ge=0)
    facts_loaded: Series[int] = pa.Field(ge=0)
    facts_rejected: Series[int] = pa.Field(ge=0)

    @pa.dataframe_check(name="documents_balance")
    def documents_balance(cls, df: pd.DataFrame) -> Series[bool]:
        """Seen = loaded + unchanged + quarantined: nothing is dropped silently."""
        return df["documents_seen"] == (df["documents_loaded"] + df["documents_unchanged"]
                                        + df["documents_quarantined"])

    class Config:
        coerce = True


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
    schema = with_foreign_keys(DocumentSchema.to_schema(), {"region_adcode": adcodes})
    return split(schema, documents, "validate_document", ("body_text",))


def validate_facts(facts: pd.DataFrame, adcodes: set[str], indicators: set[str]) -> tuple[pd.DataFrame, list[dict]]:
    """Return valid facts and quarantine rows for the rest (facts carry body_text for the offset check)."""
    schema = with_foreign_keys(FactSchema.to_schema(), {"adcode": adcodes, "indicator_code": indicators})
    return split(schema, facts, "validate_fact", ("body_text",))


def validate_regions(regions: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    """Return valid gazetteer rows and quarantine rows for the rest."""
    return split(RegionSchema.to_schema(), regions, "validate_region")


def validate_run(counts: dict) -> None:
    """Raise when a run's counts do not balance (a bug, not bad input)."""
    RunSchema.validate(pd.DataFrame([counts]))
