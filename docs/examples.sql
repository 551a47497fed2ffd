-- 1. How did each region's poverty incidence rate fall?
select region_name, period_year, qualifier, agreed_value as rate_percent
from mart_region_year
where indicator_code = 'poverty_incidence_rate'
order by region_name, period_year, qualifier;

-- 2. How many people were lifted out of poverty, by region and year?
select region_name, period_year, agreed_value as persons, documents
from mart_region_year
where indicator_code = 'poverty_exit_persons' and qualifier = 'actual'
order by period_year, region_name;

-- 3. How many figures do articles contradict each other on? (none among the seeds)
select count(*) as conflicting_pairs, count(distinct adcode) as regions
from mart_conflicts;

-- 4. What is the latest stated figure for each of 张掖市's indicators?
select indicator_name_zh, period_year, value, unit
from mart_region_latest
where region_name = '张掖市'
order by indicator_code;

-- 5. How much poverty-alleviation money went where?
select region_name, sum(agreed_value) / 1e8 as yi_yuan
from mart_region_year
where indicator_code in ('poverty_funds', 'poverty_microcredit') and qualifier = 'actual'
group by region_name
order by yi_yuan desc;

-- 6. Households relocated, rolled up to provinces without double counting
select region_name, region_level, period_year, own_value, children_value, rolled_value, value_source
from mart_region_rollup
where indicator_code = 'relocated_households' and region_level in ('province', 'country')
order by region_level, region_name, period_year;

-- 7. Which figures are plans or baselines rather than achievements?
select region_name, indicator_code, value, qualifier, raw_text
from facts
where qualifier <> 'actual'
order by region_name, indicator_code;

-- 8. What does one article state, and where does each figure come from?
select indicator_code, value, period_year, raw_text, evidence
from facts
where source_path like '%004_f5aa2f6e16407d74.txt'
order by fact_id
limit 5;

-- 9. Which documents needed text repair, and how much?
select regexp_extract(source_path, '[^/]+$') as file, encoding, script,
       json_extract(repairs, '$.pinyin_annotations')::int as pinyin_removed,
       json_extract(repairs, '$.traditional_chars_converted')::int as traditional_converted
from dim_document
order by file;

-- 10. What did each run do?
select run_id, status, documents_seen, documents_loaded, documents_unchanged,
       documents_quarantined, facts_loaded, facts_rejected
from etl_run
order by run_id;
