"""Measure decode + repair throughput on a generated mixed-encoding corpus built from the seeds.

Each document is the paragraphs of one seed article, shuffled, saved in one of five encodings
(UTF-8, UTF-8 with BOM, GB18030, Big5, UTF-16). Big5 documents carry the Traditional text
(OpenCC s2tw of the repaired article, NFKC-normalised so Big5 can encode all of it); the others
carry the seed as scraped, pinyin annotations and mojibake included. Runs on one core.

Usage: python scripts/bench.py [--docs N] [--seed S]
"""
from __future__ import annotations

import argparse
import random
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tuopin.decode import decode  # noqa: E402
from tuopin.repair import converter, repair  # noqa: E402

ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "big5", "utf-16")
TARGET_MB_S = 10.0


def big5_article(repaired: str) -> str:
    """Return the Traditional text of a repaired article, as a Big5 page could carry it.

    NFKC folds the no-break spaces Big5 lacks; U+FFFD (a character lost to mojibake) has no
    Big5 code either, and a page saved in Big5 would not contain one, so it is left out.
    """
    return unicodedata.normalize("NFKC", converter("s2tw").convert(repaired)).replace("\ufffd", "")


def seed_paragraphs() -> tuple[list[list[str]], list[list[str]]]:
    """Return each seed's paragraphs as scraped, and as Big5-encodable Traditional text."""
    scraped, traditional = [], []
    for path in sorted((ROOT / "seeds" / "articles").glob("*.txt")):
        text = decode(path.read_bytes()).text
        scraped.append([p for p in text.split("\n") if p.strip()])
        traditional.append([p for p in big5_article(repair(text).text).split("\n") if p.strip()])
    return scraped, traditional


def corpus(docs: int, seed: int) -> list[tuple[str, bytes]]:
    """Build the (encoding, bytes) documents of the benchmark."""
    rng = random.Random(seed)
    scraped, traditional = seed_paragraphs()
    built = []
    for i in range(docs):
        codec = ENCODINGS[i % len(ENCODINGS)]
        paragraphs = list(rng.choice(traditional if codec == "big5" else scraped))
        rng.shuffle(paragraphs)
        built.append((codec, "\n".join(paragraphs).encode(codec)))
    rng.shuffle(built)
    return built


def run(documents: list[tuple[str, bytes]]) -> dict:
    """Decode and repair every document, timing each stage per encoding and checking each decode."""
    timings = defaultdict(lambda: {"docs": 0, "bytes": 0, "decode": 0.0, "repair": 0.0, "wrong": 0})
    clock = time.perf_counter
    for codec, raw in documents:
        started = clock()
        decoded = decode(raw)
        decoded_at = clock()
        repair(decoded.text)
        repaired_at = clock()
        row = timings[codec]
        row["docs"] += 1
        row["bytes"] += len(raw)
        row["decode"] += decoded_at - started
        row["repair"] += repaired_at - decoded_at
        row["wrong"] += decoded.text != raw.decode(codec)
    return timings


def report(timings: dict) -> float:
    """Print throughput per encoding and overall; return the overall MB/s."""
    print(f"{'encoding':<10} {'docs':>6} {'MB':>7} {'decode s':>9} {'repair s':>9} {'MB/s':>7} {'docs/s':>8} "
          f"{'misread':>8}")
    total = {"docs": 0, "bytes": 0, "decode": 0.0, "repair": 0.0, "wrong": 0}
    for codec in ENCODINGS:
        row = timings[codec]
        for key in total:
            total[key] += row[key]
        print_row(codec, row)
    print_row("all", total)
    seconds = total["decode"] + total["repair"]
    mb_s = total["bytes"] / 1e6 / seconds
    print(f"\ndecode {total['decode']:.2f} s ({100 * total['decode'] / seconds:.0f}%), "
          f"repair {total['repair']:.2f} s ({100 * total['repair'] / seconds:.0f}%)")
    print(f"throughput {mb_s:.1f} MB/s, {total['docs'] / seconds:.0f} docs/s on one core "
          f"(target {TARGET_MB_S:.0f} MB/s: {'met' if mb_s >= TARGET_MB_S else 'MISSED'})")
    return mb_s


def print_row(name: str, row: dict) -> None:
    """Print one line of the throughput table."""
    seconds = row["decode"] + row["repair"]
    print(f"{name:<10} {row['docs']:>6} {row['bytes'] / 1e6:>7.1f} {row['decode']:>9.2f} {row['repair']:>9.2f} "
          f"{row['bytes'] / 1e6 / seconds:>7.1f} {row['docs'] / seconds:>8.0f} {row['wrong']:>8}")


def main() -> None:
    """Build the corpus, warm the converters up, and measure."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2020)
    args = parser.parse_args()
    documents = corpus(args.docs, args.seed)
    run(documents[:20])  # build OpenCC converters and compile patterns outside the measurement
    print(f"{len(documents)} documents, {sum(len(raw) for _, raw in documents) / 1e6:.1f} MB\n")
    report(run(documents))


if __name__ == "__main__":
    main()
