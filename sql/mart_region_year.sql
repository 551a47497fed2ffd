-- mart_region_year: the value the articles agree on for a region's figure in a year.
-- grain: one row per region, indicator, period year and qualifier.
-- agreed_value is the value stated by the most documents (ties: the most recently published);
-- min_value and max_value are filled only when documents state different values.
create or replace view mart_region_year as

with

facts as (select * from facts where adcode is not null and period_year is not null),

stated as (  -- a document that states the same figure twice counts once
    select distinct
        adcode, region_name, region_level, province_name, indicator_code, indicator_name_zh, unit,
        period_year, qualifier, value, source_path, published_at
    from facts
),

votes as (
    select
        adcode, indicator_code, period_year, qualifier, value,
        count(distinct source_path) as documents,
        max(published_at) as latest_published_at
    from stated
    group by all
),

ranked as (
    select
        *,
        row_number() over (
            partition by adcode, indicator_code, period_year, qualifier
            order by documents desc, latest_published_at desc nulls last, value desc
        ) as value_rank
    from votes
),

totals as (
    select
        adcode, indicator_code, period_year, qualifier,
        any_value(region_name) as region_name,
        any_value(region_level) as region_level,
        any_value(province_name) as province_name,
        any_value(indicator_name_zh) as indicator_name_zh,
        any_value(unit) as unit,
        count(distinct source_path) as documents,
        count(distinct value) as distinct_values,
        min(value) as min_value,
        max(value) as max_value
    from stated
    group by adcode, indicator_code, period_year, qualifier
),

final as (
    select
        -- keys
        totals.adcode,
        totals.indicator_code,
        totals.period_year,
        totals.qualifier,
        -- attributes
        totals.region_name,
        totals.region_level,
        totals.province_name,
        totals.indicator_name_zh,
        totals.unit,
        -- measures
        ranked.value as agreed_value,
        ranked.documents as agreeing_documents,
        totals.documents,
        totals.distinct_values,
        case when totals.distinct_values > 1 then totals.min_value end as min_value,
        case when totals.distinct_values > 1 then totals.max_value end as max_value,
        totals.distinct_values > 1 as has_conflict
    from totals
    join ranked using (adcode, indicator_code, period_year, qualifier)
    where ranked.value_rank = 1
)

select * from final
