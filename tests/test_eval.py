"""The extractor on articles it was not written for: recall and precision as score_facts.py counts them."""
import csv
from collections import defaultdict
from pathlib import Path

import pytest

from tuopin.config import load_settings
from tuopin.process import process
from tuopin.sources import read_source

from conftest import SEEDS

EVAL = Path(__file__).resolve().parent / "data" / "eval"
MIN_RECALL = 0.95
MIN_PRECISION = 0.95


def close(a: float, b: float) -> bool:
    return abs(a - b) <= max(abs(b) * 0.005, 0.01)


@pytest.fixture(scope="module")
def predicted():
    """(set, file) -> {(indicator, value)} over every evaluation article, text files and HTML pages
    taken through the same stages as a run (without the site templates a run learns)."""
    settings = load_settings().with_overrides(seeds_dir=str(SEEDS))
    found = {}
    for path in sorted(p for p in EVAL.glob("*/*") if p.suffix in (".txt", ".html")):
        outcome = process(read_source(str(path), settings.max_bytes), settings)
        assert outcome.document is not None, outcome.rejection
        found[(path.parent.name, path.name)] = {(f["indicator_code"], f["value"]) for f in outcome.facts}
    return found


def gold_facts():
    gold = defaultdict(list)
    for table in sorted(EVAL.glob("*/gold.csv")):
        for row in csv.DictReader(table.open(encoding="utf-8")):
            gold[(table.parent.name, row["file"])].append((row["indicator_code"], float(row["value"]),
                                                           row["status"], row["evidence"]))
    return gold


def test_every_article_has_gold_and_every_gold_row_an_article(predicted):
    assert set(gold_facts()) == set(predicted) and len(predicted) >= 50


def test_recall_and_precision_on_articles_written_by_others(predicted):
    gold = gold_facts()
    misses, wrong, required, true, false = [], [], 0, 0, 0
    for key, facts in gold.items():
        for code, value, status, evidence in facts:
            if status == "required":
                required += 1
                if not any(c == code and close(v, value) for c, v in predicted[key]):
                    misses.append(f"{key} {code} {value:g} «{evidence}»")
        for code, value in predicted[key]:
            if any(c == code and close(value, v) and s == "required" for c, v, s, _ in facts):
                true += 1
            elif not any(c == code and close(value, v) for c, v, _, _ in facts):
                false += 1
                wrong.append(f"{key} {code} {value:g}")
    recall = 1 - len(misses) / required
    precision = true / (true + false)
    report = "\n".join(["missed:"] + misses + ["not in gold:"] + wrong)
    assert recall >= MIN_RECALL and precision >= MIN_PRECISION, (
        f"recall {recall:.3f}, precision {precision:.3f}\n{report}")
