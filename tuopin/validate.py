"""Validate document and fact rows with pandera; failing rows become quarantine rows."""
from __future__ import annotations

import json
from datetime import datetime

import pandas as pd
import pandera.pandas as pa
from pandera.typing import Series

QUALIFIERS = ["actual", "target", "baseline"]
SCRIPTS = ["simplified", "traditional", "mixed"]
# Plausible upper bounds per base unit; a figure above them is an extraction error.
UNIT_BOUNDS = {"person": 1.5e9, "household": 5e8, "village": 8e5, "county": 3000,
               "team": 5e5, "yuan": 1e13, "percent": 100}


class DocumentSchema(pa.DataFrameModel):
    """One decoded, repaired and cleaned document."""

    source_path: Series[str] = pa.Field(str_length={"min_value": 1})
    content_sha256: Series[str] = pa.Field(str_matches=r"^[0-9a-f]{64}$", unique=True)
    byte_size: Series[int] = pa.Field(gt=0)
    encoding: Series[str]
    encoding_confidence: Series[float] = pa.Field(ge=0, le=1)
    script: Series[str] = pa.Field(isin=SCRIPTS)
    body_text: Series[str] = pa.Field(str_length={"min_value": 1})
    boilerplate_chars: Series[int] = pa.Field(ge=0)

    class Config:
        coerce = True


class FactSchema(pa.DataFrameModel):
    """One statistic stated in one document, before keys are attached."""

    content_sha256: Series[str]
    indicator_code: Series[str]
    unit: Series[str] = pa.Field(isin=list(UNIT_BOUNDS))
    value: Series[float] = pa.Field(gt=0)
    qualifier: Series[str] = pa.Field(isin=QUALIFIERS)
    period_year: Series[pd.Int64Dtype] = pa.Field(nullable=True, ge=1978, le=datetime.now().year + 5)
    raw_text: Series[str] = pa.Field(str_length={"min_value": 1})
    evidence: Series[str] = pa.Field(str_length={"min_value": 1})
    char_start: Series[int] = pa.Field(ge=0)
    char_end: Series[int] = pa.Field(ge=0)

    @pa.dataframe_check(name="value_within_unit_bounds")
    def value_within_unit_bounds(cls, df: pd.DataFrame) -> Series[bool]:
        """Reject values above what the unit can plausibly reach."""
        return df["value"] <= df["unit"].map(UNIT_BOUNDS)

    @pa.dataframe_check(name="raw_text_in_evidence")
    def raw_text_in_evidence(cls, df: pd.DataFrame) -> Series[bool]:
        """Require the matched words to appear in the evidence."""
        return pd.Series([r in e for r, e in zip(df["raw_text"], df["evidence"])], index=df.index)

    @pa.dataframe_check(name="offsets_point_at_raw_text")
    def offsets_point_at_raw_text(cls, df: pd.DataFrame) -> Series[bool]:
        """Require body_text[char_start:char_end] to be the matched words."""
        return pd.Series([b[s:e] == r for b, s, e, r in
                          zip(df["body_text"], df["char_start"], df["char_end"], df["raw_text"])],
                         index=df.index)

    class Config:
        coerce = True


def failures(schema: type[pa.DataFrameModel], df: pd.DataFrame) -> tuple[pd.DataFrame, dict[int, list[str]]]:
    """Return the validated frame and, per failing row index, the names of failed checks."""
    try:
        return schema.validate(df, lazy=True), {}
    except pa.errors.SchemaErrors as exc:
        reasons: dict[int, list[str]] = {}
        for case in exc.failure_cases.to_dict("records"):
            index = case.get("index")
            label = f"{case.get('column') or 'row'}: {case.get('check')}"
            if index is None or pd.isna(index):  # a column-level failure hits every row
                for i in df.index:
                    reasons.setdefault(i, []).append(label)
            else:
                reasons.setdefault(int(index), []).append(label)
        good = df.drop(index=list(reasons))
        return schema.validate(good, lazy=True) if len(good) else good, reasons


def quarantine_rows(df: pd.DataFrame, reasons: dict[int, list[str]], stage: str) -> list[dict]:
    """Turn failing rows into quarantine rows carrying the full row as payload."""
    rows = []
    for index, labels in reasons.items():
        row = df.loc[index].to_dict()
        rows.append({"source_path": row.get("source_path"), "stage": stage,
                     "reason": "; ".join(sorted(set(labels))),
                     "payload": json.loads(pd.Series(row).to_json(force_ascii=False, date_format="iso"))})
    return rows


def validate_documents(documents: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    """Return valid documents and quarantine rows for the rest."""
    if documents.empty:
        return documents, []
    good, reasons = failures(DocumentSchema, documents.reset_index(drop=True))
    return good, quarantine_rows(documents.reset_index(drop=True), reasons, "validate_document")


def validate_facts(facts: pd.DataFrame) -> tuple[pd.DataFrame, list[dict]]:
    """Return valid facts and quarantine rows for the rest (facts need body_text and unit columns)."""
    if facts.empty:
        return facts, []
    facts = facts.reset_index(drop=True)
    good, reasons = failures(FactSchema, facts)
    return good, quarantine_rows(facts.drop(columns=["body_text"]), reasons, "validate_fact")
