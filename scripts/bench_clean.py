"""Measure clean-stage throughput on the seed articles, replicated.

The five seeds are decoded and repaired once; clean() then runs over them again and again
(as a batch of documents would) until --mb megabytes of UTF-8 text have gone through. The
figure is MB of repaired text per second on one core, with and without a template set
learned from the batch (a realistic run passes one).

Usage: python scripts/bench_clean.py [--mb 20]
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tuopin.clean import clean  # noqa: E402
from tuopin.decode import decode  # noqa: E402
from tuopin.repair import repair  # noqa: E402
from tuopin.templates import Templates  # noqa: E402


def seed_texts() -> list[str]:
    """Return the repaired text of every seed article."""
    paths = sorted((ROOT / "seeds" / "articles").glob("*.txt"))
    return [repair(decode(p.read_bytes()).text).text for p in paths]


def run(texts: list[str], megabytes: float, templates) -> tuple[float, int, float]:
    """Clean texts round-robin until megabytes of text are done; return MB, documents, seconds."""
    sizes = [len(t.encode("utf-8")) for t in texts]
    target, done, count = megabytes * 1e6, 0, 0
    start = time.perf_counter()
    while done < target:
        i = count % len(texts)
        clean(texts[i], templates)
        done, count = done + sizes[i], count + 1
    return done / 1e6, count, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0, help="megabytes of text to clean (default 20)")
    args = parser.parse_args()
    texts = seed_texts()
    templates = Templates.learn(texts * 3)  # every line recurs: the worst case for lookups
    for label, given in (("without templates", None), ("with templates", templates)):
        mb, docs, seconds = run(texts, args.mb, given)
        print(f"clean {label}: {mb:.1f} MB, {docs} documents in {seconds:.2f} s = {mb / seconds:.2f} MB/s, "
              f"{docs / seconds:.0f} documents/s")


if __name__ == "__main__":
    main()
