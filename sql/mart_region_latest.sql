-- mart_region_latest: the latest actual value stated for each region and indicator.
-- grain: one row per region and indicator.
-- Latest means the latest period year, then the most recently published statement.
create or replace view mart_region_latest as

with

facts as (select * from facts where adcode is not null and qualifier = 'actual'),

ranked as (
    select
        *,
        row_number() over (
            partition by adcode, indicator_code
            order by period_year desc nulls last, published_at desc nulls last, fact_id desc
        ) as recency_rank
    from facts
),

final as (
    select
        -- keys
        adcode,
        indicator_code,
        -- attributes
        region_name,
        region_level,
        province_name,
        indicator_name_zh,
        unit,
        period_year,
        -- measures
        value,
        -- lineage
        source_path,
        evidence,
        published_at
    from ranked
    where recency_rank = 1
)

select * from final
