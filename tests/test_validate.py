"""Each validation check catches its bad row and names itself in the quarantine reason."""
import pandas as pd
import pytest

from tuopin.config import load_settings
from tuopin.process import extractor_for, frames, process
from tuopin.sources import read_source
from tuopin.validate import validate_documents, validate_facts, validate_regions, validate_run

from conftest import ARTICLES, SEEDS


@pytest.fixture(scope="module")
def extractor():
    return extractor_for(str(SEEDS))


@pytest.fixture(scope="module")
def seed():
    """The real document and facts of seed 003 (越西县: a rate change, households and persons)."""
    settings = load_settings()
    outcome = process(read_source(str(ARTICLES[3]), settings.max_bytes), settings)
    return outcome.document, outcome.facts


@pytest.fixture
def facts(seed, extractor):
    document, rows = seed
    frame = pd.DataFrame(rows)
    units = {c: i.unit for c, i in extractor.lexicon.indicators.items()}
    levels = {r.adcode: r.level for r in extractor.gazetteer.regions}
    return frame.assign(unit=frame["indicator_code"].map(units), region_level=frame["adcode"].map(levels),
                        body_text=document["body_text"])


def check_facts(frame, extractor):
    adcodes = {r.adcode for r in extractor.gazetteer.regions}
    return validate_facts(frame, adcodes, set(extractor.lexicon.indicators))


def row_of(frame, code, qualifier="actual"):
    return frame.index[(frame["indicator_code"] == code) & (frame["qualifier"] == qualifier)][0]


def test_the_real_facts_pass(facts, extractor):
    good, rejected = check_facts(facts, extractor)
    assert rejected == [] and len(good) == len(facts)


def break_percent(f):
    f.loc[row_of(f, "poverty_incidence_rate"), "value"] = 120.0


def break_count(f):
    f.loc[row_of(f, "poverty_exit_persons"), "value"] = 12.5


def break_yuan(f):
    i = row_of(f, "poverty_exit_persons")
    f.loc[i, ["indicator_code", "unit", "value"]] = ["poverty_funds", "yuan", 0.0]


def break_bound(f):
    f.loc[row_of(f, "poverty_exit_persons"), "value"] = 8e7  # a county lifting 80 million people


def break_year_floor(f):
    f.loc[row_of(f, "poverty_exit_persons"), "period_year"] = 1900


def break_year_ceiling(f):
    i = row_of(f, "poverty_exit_persons")
    f.loc[i, ["published_year", "period_year"]] = [2018, 2030]


def break_qualifier(f):
    f.loc[row_of(f, "poverty_exit_persons"), "qualifier"] = "guess"


def break_evidence(f):
    f.loc[row_of(f, "poverty_exit_persons"), "evidence"] = "另一句话"


def break_offsets(f):
    f.loc[row_of(f, "poverty_exit_persons"), "char_start"] += 3


def break_region_key(f):
    f.loc[row_of(f, "poverty_exit_persons"), "adcode"] = "999999"


def break_indicator_key(f):
    f.loc[row_of(f, "poverty_exit_persons"), "indicator_code"] = "no_such_indicator"


def break_decrease(f):
    f.loc[row_of(f, "poverty_incidence_rate", "baseline"), "value"] = 1.0  # 由1%降至2.78%


def break_households(f):
    f.loc[row_of(f, "remaining_poor_households"), "value"] = 9000.0  # 9000户8988人


@pytest.mark.parametrize("breaker, check", [
    (break_percent, "percent_within_0_100"),
    (break_count, "count_is_positive_integer"),
    (break_yuan, "yuan_is_positive"),
    (break_bound, "value_plausible_for_region_level"),
    (break_year_floor, "period_year: greater_than_or_equal_to(1978)"),
    (break_year_ceiling, "period_year_not_after_published_year_plus_5"),
    (break_qualifier, "qualifier: isin"),
    (break_evidence, "raw_text_in_evidence"),
    (break_offsets, "offsets_point_at_raw_text"),
    (break_region_key, "adcode: adcode_exists"),
    (break_indicator_key, "indicator_code: indicator_code_exists"),
    (break_decrease, "baseline_above_actual_for_decrease"),
    (break_households, "households_not_above_persons"),
], ids=lambda x: getattr(x, "__name__", None) or "")
def test_each_fact_check_quarantines_its_row(facts, extractor, breaker, check):
    breaker(facts)
    good, rejected = check_facts(facts, extractor)
    assert rejected, check
    assert any(check in r["reason"] for r in rejected), [r["reason"] for r in rejected]
    assert all(r["stage"] == "validate_fact" and "body_text" not in r["payload"] for r in rejected)
    assert rejected[0]["payload"]["content_sha256"] == facts.loc[0, "content_sha256"]
    assert len(good) + len(rejected) == len(facts)


@pytest.mark.parametrize("column, value, check", [
    ("script", "klingon", "script: isin"),
    ("encoding_confidence", 1.5, "encoding_confidence: less_than_or_equal_to(1)"),
    ("region_adcode", "999999", "region_adcode: region_adcode_exists"),
    ("body_text", "", "body_text: str_length"),
    ("content_sha256", "not-a-hash", "content_sha256: str_matches"),
])
def test_each_document_check_quarantines_its_row(seed, extractor, column, value, check):
    document = {**seed[0], column: value}
    adcodes = {r.adcode for r in extractor.gazetteer.regions}
    good, rejected = validate_documents(pd.DataFrame([seed[0], {**document, "content_sha256": "f" * 64}
                                                      if column != "content_sha256" else document]), adcodes)
    assert len(good) == 1 and len(rejected) == 1
    assert check in rejected[0]["reason"] and rejected[0]["stage"] == "validate_document"


def test_a_rejected_document_takes_its_facts_along(seed, extractor):
    from tuopin.process import Outcome
    document, rows = seed
    outcome = Outcome(document["source_path"], {**document, "script": "klingon"}, rows)
    documents, facts, quarantine = frames([outcome], extractor)
    assert documents.empty and facts.empty
    assert len(quarantine) == 1 and quarantine[0]["payload"]["facts"] == len(rows)


@pytest.mark.parametrize("change, check", [
    ({"adcode": "62070"}, "adcode: str_matches"),
    ({"name": ""}, "name: str_length"),
    ({"level": "village"}, "level: isin"),
    ({"parent_adcode": "999999"}, "parent_region_exists"),
])
def test_each_region_check(change, check):
    regions = pd.read_csv(SEEDS / "regions.csv", dtype=str)
    regions.loc[regions["adcode"] == "620700", list(change)] = list(change.values())
    good, rejected = validate_regions(regions)
    assert check in rejected[0]["reason"] and rejected[0]["payload"]["prefecture_name"] == "张掖市"
    # a region that fails takes the counties under it along, each with its own reason
    assert all("parent_region_exists" in r["reason"] for r in rejected[1:])
    assert len(good) + len(rejected) == len(regions)


def test_run_counts_must_balance():
    counts = dict(documents_seen=6, documents_loaded=4, documents_unchanged=1, documents_quarantined=0,
                  documents_replaced=0, facts_loaded=10, facts_rejected=0)
    with pytest.raises(Exception, match="documents_balance"):
        validate_run(counts)
    validate_run({**counts, "documents_quarantined": 1})
