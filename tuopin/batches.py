"""A run as independent batches: each reads its own files and writes its own Parquet shards.

A batch takes file paths and returns small results (line counts, file records), never documents,
so batches run anywhere a task runner puts them (threads, processes, Dask workers sharing the
file system) and the run's result does not depend on where or in which order they ran:

1. ``count_lines``: each batch counts the lines of its fresh files; the run adds the counts up,
   so every batch cleans with the site templates of the whole run. The decoded and repaired
   texts are kept beside the shards, for the second pass.
2. ``stage_sources``: each batch decodes, repairs, cleans, extracts and validates its fresh
   files and writes them as shards, returning one record per file.
3. ``resolve_copies``: the run drops the rows of files whose content it already holds or saw
   earlier in path order, so a copy loads once whichever batch met it first.
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from tuopin import html, process, templates
from tuopin.config import Settings
from tuopin.decode import Decoded
from tuopin.repair import Repaired
from tuopin.sources import Seen, Source, read_source
from tuopin.templates import Templates


@dataclass
class Staged:
    """What one batch did: a record per file it was given, and the content hashes it loaded."""
    records: list[dict] = field(default_factory=list)
    loaded: set[str] = field(default_factory=set)


def split_unchanged(paths: list[str], seen: dict[str, Seen]) -> tuple[list[str], list[dict]]:
    """Return the paths that need reading, and records of the files whose size and mtime are unchanged.

    A stat per file, done before any batch starts: a re-run of an unchanged corpus reads nothing
    and starts no workers.
    """
    candidates, unchanged = [], []
    for path in paths:
        before = seen.get(path)
        try:
            info = os.stat(path)
        except OSError:  # the batch reports why
            candidates.append(path)
            continue
        if before and before.matches(info):
            seen_file = Source.seen_before(path, before.sha256, info.st_size, info.st_mtime_ns)
            unchanged.append(seen_file.record("unchanged"))
        else:
            candidates.append(path)
    return candidates, unchanged


def read_fresh(path: str, settings: Settings, seen: Seen | None) -> Source:
    """Read a file, marking it unchanged when its size and mtime, or else its hash, match the last run."""
    source = read_source(path, settings.max_bytes, seen)
    if not source.unchanged and seen and source.sha256 and source.sha256 == seen.sha256:
        return Source.seen_before(path, source.sha256, source.byte_size, source.mtime_ns)
    return source


def fresh_sources(paths: list[str], seen: dict[str, Seen], settings: Settings) -> tuple[list[Source], list[dict]]:
    """Return the batch's files that need processing, and the records of those that do not."""
    fresh, unchanged = [], []
    for path in paths:
        source = read_fresh(path, settings, seen.get(path))
        if source.unchanged:
            unchanged.append(source.record("unchanged"))
        else:
            fresh.append(source)
    return fresh, unchanged


def count_lines(paths: list[str], seen: dict[str, Seen], settings: Settings, folder: Path | None = None,
                number: int = 0) -> Templates:
    """Count, for each line, the batch's fresh files it appears on (copies too, wherever they fall,
    so the counts do not depend on how the run was cut into batches).

    With a folder, the decoded and repaired text of the batch's plain-text files is kept there
    for stage_sources, which then does not decode and repair them again.
    """
    fresh, _ = fresh_sources(paths, seen, settings)
    texts, ready = [], {}
    for source in fresh:
        if html.is_html(source.path):  # a page's template is in the lines around its main text
            texts.append(templates.source_text(source))
            continue
        prepared = process.prepare(source)
        if isinstance(prepared, process.Prepared):
            texts.append(prepared.repaired.text)
            ready[source.path] = (source.sha256, prepared)
    if folder is not None and ready:
        write_prepared(Path(folder) / f"prepared-{number:06d}.parquet", ready)
    return Templates.learn(t for t in texts if t)


def write_prepared(path: Path, ready: dict[str, tuple[str, process.Prepared]]) -> None:
    """Write decoded and repaired texts, keyed by path and content hash, as one Parquet file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    pd.DataFrame([{"source_path": source_path, "content_sha256": sha, "encoding": p.decoded.encoding,
                   "confidence": p.decoded.confidence, "replaced": p.decoded.replaced, "text": p.repaired.text,
                   "script": p.repaired.script, "repairs": json.dumps(p.repaired.repairs, ensure_ascii=False)}
                  for source_path, (sha, p) in ready.items()]).to_parquet(path, index=False)


def read_prepared(path: Path) -> dict[str, tuple[str, process.Prepared]]:
    """Read what write_prepared wrote (nothing when the file is absent)."""
    if not path.exists():
        return {}
    return {row.source_path: (row.content_sha256, process.Prepared(
                Decoded("", row.encoding, float(row.confidence), int(row.replaced)),
                Repaired(row.text, row.script, json.loads(row.repairs))))
            for row in pd.read_parquet(path).itertuples(index=False)}


def stage_sources(paths: list[str], seen: dict[str, Seen], settings: Settings, lines: Templates,
                  folder: Path, number: int) -> Staged:
    """Process a batch's fresh files into shard number ``number`` of folder; return their records."""
    fresh, unchanged = fresh_sources(paths, seen, settings)
    prepared_file = Path(folder) / f"prepared-{number:06d}.parquet"
    ready = read_prepared(prepared_file)
    prepared_file.unlink(missing_ok=True)  # read once; a retried batch decodes again
    first = {}  # a copy within the batch is processed once; resolve_copies records it as unchanged
    for source in fresh:
        first.setdefault(source.sha256 or source.path, source)
    outcomes = []
    for source in first.values():
        sha, prepared = ready.get(source.path, (None, None))
        outcomes.append(process.process(source, settings, lines, prepared if sha == source.sha256 else None))
    loaded = process.stage(outcomes, process.extractor_for(str(settings.seeds_dir)), folder, number)
    return Staged(unchanged + [s.record("fresh") for s in fresh], loaded)


def resolve_copies(records: list[dict], known: set[str]) -> tuple[list[dict], set[str]]:
    """Mark fresh files whose content the warehouse holds, or an earlier file of this run carries,
    as unchanged (records in discovery order); return the records and the paths not to load."""
    held, dropped, resolved = set(known), set(), []
    for record in records:
        sha = record["content_sha256"]
        if record["outcome"] == "fresh" and sha in held:
            dropped.add(record["source_path"])
            record = {**record, "outcome": "unchanged"}
        elif sha:
            held.add(sha)
        resolved.append(record)
    return resolved, dropped
