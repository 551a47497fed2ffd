"""Run one document through decode, repair, clean and extract; the flow batches these calls."""
from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from tuopin.clean import clean
from tuopin.config import Settings
from tuopin.decode import DecodeError, decode
from tuopin.extract import Extractor
from tuopin.lexicon import Lexicon
from tuopin.regions import Gazetteer
from tuopin.repair import repair
from tuopin.validate import validate_documents, validate_facts

TEXT_SUFFIXES = {".txt", ".text", ".htm", ".html", ""}


@dataclass(frozen=True)
class Source:
    path: str
    raw: bytes | None
    sha256: str | None
    error: str | None = None


@dataclass
class Outcome:
    """What became of one source: a document with facts, or a quarantine row."""
    source_path: str
    document: dict | None = None
    facts: list[dict] = field(default_factory=list)
    rejection: dict | None = None


def discover(sources: list[str]) -> tuple[list[str], list[dict]]:
    """Return the files under sources (recursively, sorted) and rejections for missing ones."""
    files, missing = [], []
    for source in sources:
        path = Path(source)
        if path.is_file():
            files.append(str(path))
        elif path.is_dir():
            files += sorted(str(p) for p in path.rglob("*")
                            if p.is_file() and not p.name.startswith("."))
        else:
            missing.append({"source_path": str(path), "stage": "read",
                            "reason": "source does not exist", "payload": {}})
    return sorted(dict.fromkeys(files)), missing


def read_source(path: str) -> Source:
    """Read a file's bytes and content hash; an unreadable file becomes an error, not a crash."""
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        return Source(path, None, None, f"unreadable file: {exc.strerror or exc}")
    return Source(path, raw, hashlib.sha256(raw).hexdigest())


@lru_cache(maxsize=4)
def extractor_for(seeds_dir: str) -> Extractor:
    """Build the extractor once per process (the gazetteer takes a moment to compile)."""
    seeds = Path(seeds_dir)
    return Extractor(Lexicon.from_dir(seeds), Gazetteer.from_csv(seeds / "regions.csv"))


def reject(source: Source, stage: str, reason: str, **payload) -> Outcome:
    """Return the outcome for a document that failed a stage."""
    payload = {"sha256": source.sha256, "byte_size": len(source.raw or b""), **payload}
    return Outcome(source.path, rejection={"source_path": source.path, "stage": stage,
                                           "reason": reason, "payload": payload})


def process(source: Source, settings: Settings) -> Outcome:
    """Take one source from raw bytes to a document row and its fact rows."""
    if source.error:
        return reject(source, "read", source.error)
    try:
        decoded = decode(source.raw)
    except DecodeError as exc:
        return reject(source, "decode", str(exc))
    repaired = repair(decoded.text)
    cleaned = clean(repaired.text)
    if not cleaned.body_text.strip():
        return reject(source, "clean", "no article body left after boilerplate removal",
                      encoding=decoded.encoding)
    extractor = extractor_for(str(settings.seeds_dir))
    region = extractor.gazetteer.document_region(cleaned.title, cleaned.body_text)
    facts = extractor.extract(cleaned.body_text, cleaned.title, cleaned.published_at)
    repairs = {**repaired.repairs, "replacement_chars": decoded.replaced}
    document = {
        "source_path": source.path,
        "content_sha256": source.sha256, "byte_size": len(source.raw),
        "encoding": decoded.encoding, "encoding_confidence": decoded.confidence,
        "script": repaired.script, "title": cleaned.title, "published_at": cleaned.published_at,
        "publisher": cleaned.publisher, "region_adcode": region.adcode if region else None,
        "body_text": cleaned.body_text, "boilerplate_chars": cleaned.boilerplate_chars,
        "repairs": repairs,
    }
    fact_rows = [{"content_sha256": source.sha256, "source_path": source.path, **asdict(f)} for f in facts]
    return Outcome(source.path, document, fact_rows)


def frames(outcomes: list[Outcome], units: dict[str, str]) -> tuple[pd.DataFrame, pd.DataFrame, list[dict]]:
    """Validate the outcomes of a run into document and fact frames plus quarantine rows."""
    rejected = [o.rejection for o in outcomes if o.rejection]
    documents = pd.DataFrame([o.document for o in outcomes if o.document])
    facts = pd.DataFrame([f for o in outcomes for f in o.facts])
    documents, bad_documents = validate_documents(documents)
    if facts.empty:
        return documents, facts, rejected + bad_documents
    facts = facts[facts["content_sha256"].isin(set(documents["content_sha256"]))]
    bodies = dict(zip(documents["content_sha256"], documents["body_text"]))
    facts = facts.assign(unit=facts["indicator_code"].map(units),
                         body_text=facts["content_sha256"].map(bodies))
    facts, bad_facts = validate_facts(facts)
    return documents, facts.drop(columns=["body_text"], errors="ignore"), rejected + bad_documents + bad_facts
