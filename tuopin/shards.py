"""Stream a run's validated rows to Parquet shards, one set per batch, for a single loader to merge.

Holding every batch's documents and facts in memory until the load made memory grow with the
corpus (1.75 GB at 10,000 documents); shards keep a run's memory to one batch.
"""
from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

DOCUMENT_COLUMNS = ["source_path", "content_sha256", "byte_size", "encoding", "encoding_confidence", "script",
                    "title", "published_at", "publisher", "reporters", "editor", "region_adcode", "body_text",
                    "boilerplate_chars", "repairs"]
FACT_COLUMNS = ["source_path", "content_sha256", "indicator_code", "adcode", "period_year", "value", "qualifier",
                "approximate", "raw_text", "evidence", "char_start", "char_end"]
QUARANTINE_COLUMNS = ["source_path", "stage", "reason", "payload"]
KINDS = ("documents", "facts", "quarantine")


def document_frame(documents: pd.DataFrame) -> pd.DataFrame:
    """Return document rows as the loader reads them: repairs as JSON text, a real timestamp."""
    frame = documents.reindex(columns=DOCUMENT_COLUMNS)
    return frame.assign(
        repairs=[json.dumps(r, ensure_ascii=False, default=str) for r in frame["repairs"]],
        published_at=pd.to_datetime(frame["published_at"]))


def fact_frame(facts: pd.DataFrame) -> pd.DataFrame:
    """Return fact rows as the loader reads them."""
    return facts.reindex(columns=FACT_COLUMNS)


def quarantine_frame(rows: list[dict]) -> pd.DataFrame:
    """Return quarantine rows as the loader reads them: the payload as JSON text."""
    return pd.DataFrame([{**{k: row.get(k) for k in QUARANTINE_COLUMNS},
                          "payload": json.dumps(row.get("payload") or {}, ensure_ascii=False, default=str)}
                         for row in rows], columns=QUARANTINE_COLUMNS)


def frames_for_load(documents: pd.DataFrame, facts: pd.DataFrame, quarantine: list[dict]) -> dict:
    """Return the three loader frames of one batch, keyed by kind."""
    return {"documents": document_frame(documents), "facts": fact_frame(facts),
            "quarantine": quarantine_frame(quarantine)}


def write_batch(folder: Path, number: int, documents: pd.DataFrame, facts: pd.DataFrame,
                quarantine: list[dict]) -> None:
    """Write one batch's rows as Parquet shards (empty kinds are skipped)."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for kind, frame in frames_for_load(documents, facts, quarantine).items():
        if len(frame):
            frame.to_parquet(folder / f"{kind}-{number:06d}.parquet", index=False)


def shard_files(folder: Path, kind: str) -> list[str]:
    """Return the shard files of one kind, in batch order."""
    return sorted(str(p) for p in Path(folder).glob(f"{kind}-*.parquet"))


def batch_shards(folder: Path) -> list[tuple[str, str | None]]:
    """Return each batch's documents shard with its facts shard (None when the batch had no facts)."""
    facts = {Path(f).name.removeprefix("facts-"): f for f in shard_files(folder, "facts")}
    return [(f, facts.get(Path(f).name.removeprefix("documents-"))) for f in shard_files(folder, "documents")]
