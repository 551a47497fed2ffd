"""A pinned quality floor: facts and body text on the seeds against hand-made gold answers."""
import csv
import difflib
import re
import unicodedata
from collections import defaultdict

import pytest

from tuopin.config import load_settings
from tuopin.process import process
from tuopin.sources import read_source
from tuopin.repair import converter

from conftest import ARTICLES, GOLDEN

GOLD = GOLDEN / "quality"
FLOORS = {"fact_recall": 0.90, "fact_precision": 0.90, "body_recall": 0.97, "body_precision": 0.97}
PINYIN = re.compile(r"\((?=[^)]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]+\)")


@pytest.fixture(scope="module")
def outcomes():
    settings = load_settings()
    return {p.name: process(read_source(str(p), settings.max_bytes), settings) for p in ARTICLES}


def close(a, b):
    return abs(a - b) <= max(abs(b) * 0.005, 0.01)


def normalise(text):
    text = PINYIN.sub("", unicodedata.normalize("NFKC", text or ""))
    return re.sub(r"\s+", "", converter("t2s").convert(text))


def test_gold_files_are_found():
    assert len(list((GOLD / "body").glob("*.txt"))) == 5
    assert {row["file"] for row in csv.DictReader(open(GOLD / "seed_gold_facts.csv", encoding="utf-8"))} \
        == {p.name for p in ARTICLES}


def test_fact_recall_and_precision(outcomes):
    gold = defaultdict(list)
    for row in csv.DictReader(open(GOLD / "seed_gold_facts.csv", encoding="utf-8")):
        gold[row["file"]].append({**row, "value": float(row["value"])})
    found = required = tp = fp = 0
    misses = []
    for name, facts in gold.items():
        predicted = {(f["indicator_code"], f["value"]) for f in outcomes[name].facts}
        needed = [g for g in facts if g["status"] == "required"]
        required += len(needed)
        for g in needed:
            if any(c == g["indicator_code"] and close(v, g["value"]) for c, v in predicted):
                found += 1
            else:
                misses.append(f"miss {name} {g['indicator_code']} {g['value']:g}")
        for code, value in predicted:
            if any(g["indicator_code"] == code and close(value, g["value"]) for g in needed):
                tp += 1
            elif not any(g["indicator_code"] == code and close(value, g["value"]) for g in facts):
                fp += 1
                misses.append(f"false {name} {code} {value:g}")
    recall, precision = found / required, tp / (tp + fp)
    assert recall >= FLOORS["fact_recall"] and precision >= FLOORS["fact_precision"], \
        f"recall {recall:.3f} precision {precision:.3f}\n" + "\n".join(misses)


def test_body_recall_and_precision(outcomes):
    kept = gold_total = got_total = 0
    for path in sorted((GOLD / "body").glob("*.txt")):
        gold = normalise(path.read_text(encoding="utf-8"))
        got = normalise(outcomes[path.name].document["body_text"])
        matcher = difflib.SequenceMatcher(None, gold, got, autojunk=False)
        kept += sum(b.size for b in matcher.get_matching_blocks())
        gold_total, got_total = gold_total + len(gold), got_total + len(got)
    recall, precision = kept / gold_total, kept / got_total
    assert recall >= FLOORS["body_recall"] and precision >= FLOORS["body_precision"], \
        f"body recall {recall:.3f} precision {precision:.3f}"


def test_metadata_matches_gold(outcomes):
    for row in csv.DictReader(open(GOLD / "seed_gold_meta.csv", encoding="utf-8")):
        document = outcomes[row["file"]].document
        assert (document["publisher"] or "") == row["publisher"], row["file"]
        published = document["published_at"]
        assert (published.strftime("%Y-%m-%d %H:%M:%S") if published else "") == row["published_at"]
        assert document["region_adcode"] == row["adcode"], row["file"]
        assert document["script"] == row["script"], row["file"]
        if row["title_contains"]:
            assert row["title_contains"] in (document["title"] or ""), row["file"]
