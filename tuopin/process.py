"""Run one document through decode, repair, clean and extract; the flow batches these calls."""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pandas as pd

from tuopin import html, shards
from tuopin.clean import Cleaned, Context, clean
from tuopin.config import Settings
from tuopin.decode import Decoded, DecodeError, decode
from tuopin.extract import Extractor
from tuopin.lexicon import Lexicon
from tuopin.regions import Gazetteer, Region
from tuopin.repair import Repaired, repair
from tuopin.sources import Skipped, Source, truncation
from tuopin.validate import validate_documents, validate_facts

HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]+")
SPACE_RUN = re.compile(r"\s+")
MIN_HAN_SHARE = 0.2  # below this a text is not a Chinese article (English page, code, a table)
MIN_HAN_CHARS = 20


@dataclass
class Outcome:
    """What became of one source: a document with facts, or a quarantine row."""
    source_path: str
    document: dict | None = None
    facts: list[dict] = field(default_factory=list)
    rejection: dict | None = None


def reference_stamp(seeds_dir: str) -> tuple:
    """Return the name, size and modification time of each reference CSV: a cheap sign of an edit."""
    stamp = []
    for path in sorted(Path(seeds_dir).glob("*.csv")):
        info = path.stat()
        stamp.append((path.name, info.st_size, info.st_mtime_ns))
    return tuple(stamp)


def extractor_for(seeds_dir: str) -> Extractor:
    """Return the extractor for a seeds folder, built once per process and again only after its
    reference CSVs change (a long-lived ``tuopin serve`` picks up an edited lexicon)."""
    return build_extractor(seeds_dir, reference_stamp(seeds_dir))


@lru_cache(maxsize=4)
def build_extractor(seeds_dir: str, stamp: tuple) -> Extractor:
    """Build the extractor (the gazetteer takes a moment to compile)."""
    seeds = Path(seeds_dir)
    return Extractor(Lexicon.from_dir(seeds), Gazetteer.from_csv(seeds / "regions.csv"))


def fingerprint(files: list[tuple[str, Path]]) -> str:
    """Return a SHA-256 over the names and contents of (name, path) files, in the order given."""
    digest = hashlib.sha256()
    for name, path in files:
        digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def code_version() -> str:
    """Return a fingerprint of the package's code and data, as this process loaded them."""
    package = Path(__file__).parent
    return fingerprint(sorted((str(p.relative_to(package)), p) for p in package.rglob("*")
                              if p.is_file() and "__pycache__" not in p.parts))


@lru_cache(maxsize=4)
def reference_version(seeds_dir: str, stamp: tuple) -> str:
    """Return a fingerprint of a seeds folder's reference CSVs (stamp: their reference_stamp)."""
    return fingerprint([(name, Path(seeds_dir) / name) for name, _, _ in stamp])


def rules_version(seeds_dir: str) -> str:
    """Return a fingerprint of what turns a file into a document and facts: the package's code and
    data, and the reference CSVs (lexicon, indicators, regions, year cues).

    A file last processed under other rules is processed again, although its bytes did not change:
    skipping it would keep the facts the old rules gave.
    """
    both = code_version() + reference_version(seeds_dir, reference_stamp(seeds_dir))
    return hashlib.sha256(both.encode()).hexdigest()[:16]


def rejection(path: str, stage: str, reason: str, **payload) -> Outcome:
    """Return the outcome for a document that failed a stage."""
    return Outcome(path, rejection={"source_path": path, "stage": stage, "reason": reason, "payload": payload})


def skipped(item: Skipped) -> Outcome:
    """Return the outcome for a path discovery could not use."""
    return rejection(item.path, "read", item.reason)


def reject(source: Source, stage: str, reason: str, **payload) -> Outcome:
    """Return the outcome for a read source that failed a stage."""
    return rejection(source.path, stage, reason, sha256=source.sha256,
                     byte_size=len(source.raw or b""), **payload)


def not_chinese(text: str) -> str | None:
    """Return a reason when text holds too little Chinese to be an article."""
    han = sum(map(len, HAN_RUN.findall(text)))  # runs, not characters: far fewer objects
    visible = len(text) - sum(map(len, SPACE_RUN.findall(text)))
    if han < MIN_HAN_CHARS or han < MIN_HAN_SHARE * visible:
        return f"not Chinese text: {han} of {visible} characters are Chinese"
    return None


@dataclass(frozen=True)
class Prepared:
    """A source decoded and repaired: the first pass of a run (counting lines) and the second
    (processing) both need it, so the first hands it on. HTML pages are not handed on."""
    decoded: Decoded
    repaired: Repaired
    context: Context | None = None


def prepare(source: Source) -> Prepared | Outcome:
    """Decode and repair a source, or return the outcome of rejecting it."""
    if source.error:
        return reject(source, "read", source.error)
    cut = truncation(source.raw)
    if cut:
        return reject(source, "decode", cut)
    try:
        decoded = decode(source.raw)
    except DecodeError as exc:
        return reject(source, "decode", str(exc))
    # --- HTML pages (issue #4): trafilatura's main text and the page lines around it, then the same stages.
    page = html.read_page(decoded.text) if html.is_html(source.path) else None
    repaired = repair(page.text if page else decoded.text)
    return Prepared(decoded, repaired, html.repaired(page.context) if page else None)


def process(source: Source, settings: Settings, templates=None, prepared: Prepared | None = None) -> Outcome:
    """Take one source from raw bytes to a document row and its fact rows.

    templates: site-template lines for clean (``tuopin.templates.Templates``), if the caller has them;
    prepared: the source already decoded and repaired, if the caller has it.
    """
    ready = prepared or prepare(source)
    if isinstance(ready, Outcome):
        return ready
    decoded, repaired, context = ready.decoded, ready.repaired, ready.context
    foreign = not_chinese(repaired.text)
    if foreign:
        return reject(source, "decode", foreign, encoding=decoded.encoding)
    cleaned = clean(repaired.text, templates, context)
    if not cleaned.body_text.strip():
        return reject(source, "clean", "no article body left after boilerplate removal",
                      encoding=decoded.encoding, boilerplate_chars=cleaned.boilerplate_chars)
    extractor = extractor_for(str(settings.seeds_dir))
    region = article_region(extractor.gazetteer, cleaned)
    facts = extractor.extract(cleaned.body_text, cleaned.title, cleaned.published_at, region)
    published_year = cleaned.published_at.year if cleaned.published_at else None
    fact_rows = [{"content_sha256": source.sha256, "source_path": source.path,
                  "published_year": published_year, **vars(f)} for f in facts]
    return Outcome(source.path, document_row(source, decoded, repaired, cleaned, region), fact_rows)


VOICE = "[全我本该]"  # 全县, 我县, 本县, 该县: the article speaking as a region of that kind
TOWNSHIP_VOICE, COUNTY_VOICE = re.compile(f"{VOICE}(?:镇|乡)"), re.compile(f"{VOICE}(?:县|市|区|旗)")


def speaks_as_township(body: str) -> bool:
    """Tell whether an article speaks for a township (全镇, 我乡) more than for a county."""
    return len(TOWNSHIP_VOICE.findall(body)) > len(COUNTY_VOICE.findall(body))


def speaks_as(body: str, region: Region) -> bool:
    """Tell whether an article speaks as a region of this one's kind: 全县 or 我县 for a 县."""
    return re.search(f"{VOICE}{re.escape(region.name[-1])}", body) is not None


def article_region(gazetteer: Gazetteer, cleaned: Cleaned) -> Region | None:
    """Return the region an article is about: from its title and body, else from the office that
    issued it (关于2018年全县脱贫攻坚工作情况的报告 under 化隆回族自治县扶贫开发领导小组文件), else
    from the office that published it when the article speaks as its kind (全县… from 临泉县扶贫开发局;
    全县… in 河池日报 is some county of 河池市, not the city)."""
    found = gazetteer.document_region(cleaned.title, cleaned.body_text)
    # 全镇2018年实现脱贫1265户 on the county's site: a township's figures, not the county's (rule 5)
    if found is not None or speaks_as_township(cleaned.body_text):
        return found
    if cleaned.issuer:
        found = gazetteer.document_region(cleaned.issuer, "")
    if found is None and cleaned.publisher:
        office = gazetteer.document_region(cleaned.publisher, "")
        found = office if office is not None and speaks_as(cleaned.body_text, office) else None
    return found


def document_row(source: Source, decoded, repaired, cleaned, region) -> dict:
    """Return the dim_document row of a processed source."""
    return {
        "source_path": source.path, "content_sha256": source.sha256, "byte_size": len(source.raw),
        "encoding": decoded.encoding, "encoding_confidence": decoded.confidence,
        "script": repaired.script, "title": cleaned.title, "published_at": cleaned.published_at,
        "publisher": cleaned.publisher, "reporters": cleaned.reporters, "editor": cleaned.editor,
        "region_adcode": region.adcode if region else None,
        "body_text": cleaned.body_text, "boilerplate_chars": cleaned.boilerplate_chars,
        "repairs": {**repaired.repairs, "replacement_chars": decoded.replaced},
    }


def with_keys(facts: pd.DataFrame, documents: pd.DataFrame, extractor: Extractor) -> pd.DataFrame:
    """Keep the facts of valid documents and add what their checks need: unit, region level, body."""
    facts = facts[facts["content_sha256"].isin(set(documents.get("content_sha256", [])))]
    indicators = extractor.lexicon.indicators
    levels = {r.adcode: r.level for r in extractor.gazetteer.regions}
    bodies = dict(zip(documents.get("content_sha256", []), documents.get("body_text", [])))
    return facts.assign(unit=facts["indicator_code"].map(lambda c: getattr(indicators.get(c), "unit", None)),
                        region_level=facts["adcode"].map(levels),
                        body_text=facts["content_sha256"].map(bodies))


def frames(outcomes: list[Outcome], extractor: Extractor) -> tuple[pd.DataFrame, pd.DataFrame, list[dict]]:
    """Validate the outcomes of a run into document and fact frames plus quarantine rows."""
    adcodes = {r.adcode for r in extractor.gazetteer.regions}
    rejected = [o.rejection for o in outcomes if o.rejection]
    documents, bad_documents = validate_documents(
        pd.DataFrame([o.document for o in outcomes if o.document]), adcodes)
    facts_of = {o.document["content_sha256"]: len(o.facts) for o in outcomes if o.document}
    for row in bad_documents:  # the facts of a rejected document go with it, counted in its payload
        row["payload"]["facts"] = facts_of.get(row["payload"].get("content_sha256"), 0)
    facts = pd.DataFrame([f for o in outcomes for f in o.facts])
    if facts.empty or documents.empty:
        return documents, facts.iloc[0:0], rejected + bad_documents
    facts, bad_facts = validate_facts(with_keys(facts, documents, extractor), adcodes,
                                      set(extractor.lexicon.indicators))
    return documents, facts.drop(columns=["body_text"], errors="ignore"), rejected + bad_documents + bad_facts


def stage(outcomes: list[Outcome], extractor: Extractor, folder: Path, number: int) -> set[str]:
    """Validate a batch's outcomes and write them as Parquet shards; return the loaded content hashes."""
    documents, facts, quarantine = frames(outcomes, extractor)
    shards.write_batch(folder, number, documents, facts, quarantine)
    return set(documents.get("content_sha256", []))


def source_records(records: list[dict], loaded: set[str]) -> pd.DataFrame:
    """Return one row per file seen this run, fresh ones marked loaded or quarantined."""
    rows = [{**r, "outcome": ("loaded" if r["content_sha256"] in loaded else "quarantined")
             if r["outcome"] == "fresh" else r["outcome"]} for r in records]
    return pd.DataFrame(rows, columns=["source_path", "byte_size", "mtime_ns", "content_sha256", "outcome"])
