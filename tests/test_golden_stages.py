"""Each stage on the seeds' real text against golden files (TUOPIN_UPDATE_GOLDEN=1 rewrites them)."""
import json

import pytest

from tuopin.clean import clean
from tuopin.decode import decode
from tuopin.extract import Extractor
from tuopin.lexicon import Lexicon
from tuopin.regions import Gazetteer
from tuopin.repair import repair

from conftest import ARTICLES, GOLDEN, SEEDS, assert_golden


@pytest.fixture(scope="module")
def extractor():
    return Extractor(Lexicon.from_dir(SEEDS), Gazetteer.from_csv(SEEDS / "regions.csv"))


def test_golden_cases_are_found():
    assert len(list((GOLDEN / "repair").glob("*.txt"))) == len(ARTICLES) == 5
    assert len(list((GOLDEN / "extract").glob("*.tsv"))) == 5


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name[:3])
def test_decode_and_repair(path):
    decoded = decode(path.read_bytes())
    repaired = repair(decoded.text)
    assert_golden(repaired.text, GOLDEN / "repair" / f"{path.stem}.txt")
    record = {"encoding": decoded.encoding, "confidence": decoded.confidence, "script": repaired.script,
              "repairs": {k: v for k, v in repaired.repairs.items() if not k.endswith("samples")}}
    assert_golden(json.dumps(record, ensure_ascii=False, sort_keys=True, indent=1),
                  GOLDEN / "repair" / f"{path.stem}.json")


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name[:3])
def test_extract(path, extractor):
    cleaned = clean(repair(decode(path.read_bytes()).text).text)
    facts = extractor.extract(cleaned.body_text, cleaned.title, cleaned.published_at)
    lines = ["\t".join(str(v) for v in (f.indicator_code, f"{f.value:g}", f.qualifier, f.adcode,
                                         f.period_year, f.raw_text, f.char_start, f.evidence))
             for f in facts]
    assert_golden("\n".join(lines), GOLDEN / "extract" / f"{path.stem}.tsv")
