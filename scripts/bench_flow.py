"""Benchmark the whole flow on a synthetic corpus: a first run, then an unchanged re-run.

The corpus is built from the seeds (shuffled paragraphs; utf-8, utf-8-sig, gb18030, big5, utf-16)
by scripts/bench.py. Prints docs/s, MB/s, per-stage time (measured on the library stages, one
core) and peak RSS. Targets (issue 7, 2-core machine): >= 5 MB/s end to end at 10k documents,
unchanged re-run <= 3 s after start-up, peak RSS not growing with corpus size.

usage: .venv/bin/python scripts/bench_flow.py [--docs 10000] [--batch-size 200]
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from bench import corpus  # noqa: E402


def write_corpus(folder: Path, docs: int) -> int:
    """Write the synthetic documents; return their total size in bytes."""
    total = 0
    for i, (codec, raw) in enumerate(corpus(docs, seed=7)):
        (folder / f"doc{i:06d}.{codec}.txt").write_bytes(raw)
        total += len(raw)
    return total


def stage_times(folder: Path, sample: int) -> dict[str, float]:
    """Time each library stage over a sample of the corpus (seconds per document)."""
    from tuopin.clean import clean
    from tuopin.config import load_settings
    from tuopin.decode import decode
    from tuopin.process import extractor_for
    from tuopin.repair import repair
    extractor = extractor_for(str(load_settings().seeds_dir))
    totals = dict.fromkeys(("read", "decode", "repair", "clean", "extract"), 0.0)
    paths = sorted(folder.iterdir())[:sample]
    for path in paths:
        t0 = time.perf_counter()
        raw = path.read_bytes()
        t1 = time.perf_counter()
        text = decode(raw).text
        t2 = time.perf_counter()
        repaired = repair(text).text
        t3 = time.perf_counter()
        cleaned = clean(repaired)
        t4 = time.perf_counter()
        extractor.extract(cleaned.body_text, cleaned.title, cleaned.published_at)
        t5 = time.perf_counter()
        for name, seconds in zip(totals, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4)):
            totals[name] += seconds
    return {name: seconds / len(paths) for name, seconds in totals.items()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=200)
    args = parser.parse_args()
    from flows.etl import etl
    with tempfile.TemporaryDirectory() as tmp:
        folder, db = Path(tmp) / "corpus", Path(tmp) / "bench.duckdb"
        folder.mkdir()
        size = write_corpus(folder, args.docs)
        print(f"corpus: {args.docs} documents, {size / 1e6:.1f} MB")
        etl(sources=[str(next(folder.iterdir()))], db_path=str(Path(tmp) / "warm.duckdb"))  # start Prefect
        first = etl(sources=[str(folder)], db_path=str(db), batch_size=args.batch_size)
        print(f"first run: {first['seconds']:.1f} s, {args.docs / first['seconds']:.0f} docs/s, "
              f"{size / 1e6 / first['seconds']:.2f} MB/s (target >= 5 MB/s); "
              f"{first['documents_loaded']} loaded, {first['facts_loaded']} facts")
        again = etl(sources=[str(folder)], db_path=str(db), batch_size=args.batch_size)
        print(f"unchanged re-run: {again['seconds']:.2f} s (target <= 3 s); "
              f"{again['documents_unchanged']} unchanged")
        per_doc = stage_times(folder, min(args.docs, 1000))
        print("per-stage (one core, ms/doc): " + ", ".join(f"{k} {v * 1e3:.2f}" for k, v in per_doc.items()))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
