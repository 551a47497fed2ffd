"""Benchmark the whole flow on a synthetic corpus: a first run, then an unchanged re-run.

The corpus is built from the seeds (shuffled paragraphs; utf-8, utf-8-sig, gb18030, big5, utf-16)
by scripts/bench.py. Prints docs/s, MB/s, per-stage time (measured on the library stages, one
core) and peak RSS. Targets (issue 7, 2-core machine): >= 5 MB/s end to end at 10k documents,
unchanged re-run <= 3 s after start-up, peak RSS not growing with corpus size.

usage: .venv/bin/python scripts/bench_flow.py [--docs 10000] [--batch-size 500] [--runner process] [--workers 0]
"""
from __future__ import annotations

import argparse
from functools import partial
import os
import sys
import tempfile
import threading
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


class PeakMemory:
    """Sample the resident memory of this process and of each of its descendants (workers, the
    Prefect server) twice a second; ru_maxrss cannot tell, as it counts a child's fork of its parent."""

    def __init__(self):
        import psutil
        self.me, self.flow, self.children = psutil.Process(), 0, {}
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self.sample, daemon=True)

    def sample(self):
        while not self.stop.wait(0.5):
            self.flow = max(self.flow, self.me.memory_info().rss)
            for child in self.me.children(recursive=True):
                try:
                    name = "Prefect server" if "uvicorn" in " ".join(child.cmdline()) else "worker"
                    self.children[name] = max(self.children.get(name, 0), child.memory_info().rss)
                except Exception:  # the child ended between listing and reading
                    continue

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        self.thread.join()

    def report(self) -> str:
        parts = [f"flow process {self.flow / 2**20:.0f} MB"]
        parts += [f"largest {name} {rss / 2**20:.0f} MB" for name, rss in sorted(self.children.items())]
        return ", ".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--batch-size", type=int, default=None, help="default: the settings' (500)")
    parser.add_argument("--runner", choices=["thread", "process", "dask"], default="process")
    parser.add_argument("--workers", type=int, default=0, help="0: one per core")
    parser.add_argument("--skip-stages", action="store_true", help="do not time the stages on one core")
    args = parser.parse_args()
    from flows.etl import run_etl, shared_api
    with tempfile.TemporaryDirectory() as tmp:
        folder, db = Path(tmp) / "corpus", Path(tmp) / "bench.duckdb"
        folder.mkdir()
        size = write_corpus(folder, args.docs)
        print(f"corpus: {args.docs} documents, {size / 1e6:.1f} MB")
        with shared_api(), PeakMemory() as memory:  # one Prefect server for every run, as a deployment has
            etl = partial(run_etl, args.runner, args.workers or None, db_path=str(db), batch_size=args.batch_size)
            etl(sources=[str(next(folder.iterdir()))], db_path=str(Path(tmp) / "warm.duckdb"))  # start Prefect
            first = etl(sources=[str(folder)])
            print(f"first run ({args.runner}, {args.workers or os.cpu_count()} workers): {first['seconds']:.1f} s, "
                  f"{args.docs / first['seconds']:.0f} docs/s, {size / 1e6 / first['seconds']:.2f} MB/s "
                  f"(target >= 5 MB/s); {first['documents_loaded']} loaded, {first['facts_loaded']} facts")
            print("  flow phases (s): " + ", ".join(f"{k} {v}" for k, v in first["stage_seconds"].items()))
            again = etl(sources=[str(folder)])
            print(f"unchanged re-run: {again['seconds']:.2f} s (target <= 3 s); "
                  f"{again['documents_unchanged']} unchanged")
            print("  flow phases (s): " + ", ".join(f"{k} {v}" for k, v in again["stage_seconds"].items()))
        if not args.skip_stages:
            per_doc = stage_times(folder, min(args.docs, 1000))
            print("per-stage (one core, ms/doc): " + ", ".join(f"{k} {v * 1e3:.2f}" for k, v in per_doc.items()))
    print(f"peak RSS during the runs: {memory.report()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
