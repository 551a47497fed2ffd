-- mart_region_rollup: additive figures rolled up the administrative tree without double counting.
-- grain: one row per region, additive indicator and period year (actual figures only).
-- A region's rolled_value is its own agreed figure when an article states one; otherwise the sum
-- of its children's rolled values. A county's figure is never added to its prefecture's own.
create or replace view mart_region_rollup as

with

agreed as (
    select adcode, indicator_code, period_year, agreed_value
    from mart_region_year
    join dim_indicator using (indicator_code)
    where qualifier = 'actual' and is_additive
),

region as (select adcode, name, level, parent_adcode from dim_region),

own as (
    select agreed.*, region.level, region.parent_adcode
    from agreed join region using (adcode)
),

county as (
    select adcode, indicator_code, period_year, agreed_value as own_value,
           null::double as children_value, 0 as children, agreed_value as rolled_value
    from own where level = 'county'
),

prefecture as (
    select
        coalesce(p.adcode, c.parent_adcode) as adcode,
        coalesce(p.indicator_code, c.indicator_code) as indicator_code,
        coalesce(p.period_year, c.period_year) as period_year,
        p.agreed_value as own_value,
        c.children_value,
        coalesce(c.children, 0) as children,
        coalesce(p.agreed_value, c.children_value) as rolled_value
    from (select * from own where level = 'prefecture') as p
    full join (
        select region.parent_adcode, county.indicator_code, county.period_year,
               sum(county.rolled_value) as children_value, count(*) as children
        from county
        join region using (adcode)
        join region as parent on parent.adcode = region.parent_adcode and parent.level = 'prefecture'
        group by all
    ) as c
        on p.adcode = c.parent_adcode and p.indicator_code = c.indicator_code and p.period_year = c.period_year
),

province_children as (  -- prefectures, and counties placed directly under a province (省直辖)
    select * from prefecture
    union all
    select * from county
),

province as (
    select
        coalesce(p.adcode, c.parent_adcode) as adcode,
        coalesce(p.indicator_code, c.indicator_code) as indicator_code,
        coalesce(p.period_year, c.period_year) as period_year,
        p.agreed_value as own_value,
        c.children_value,
        coalesce(c.children, 0) as children,
        coalesce(p.agreed_value, c.children_value) as rolled_value
    from (select * from own where level = 'province') as p
    full join (
        select region.parent_adcode, k.indicator_code, k.period_year,
               sum(k.rolled_value) as children_value, count(*) as children
        from province_children as k
        join region using (adcode)
        join region as parent on parent.adcode = region.parent_adcode and parent.level = 'province'
        group by all
    ) as c
        on p.adcode = c.parent_adcode and p.indicator_code = c.indicator_code and p.period_year = c.period_year
),

country as (
    select
        coalesce(p.adcode, c.parent_adcode) as adcode,
        coalesce(p.indicator_code, c.indicator_code) as indicator_code,
        coalesce(p.period_year, c.period_year) as period_year,
        p.agreed_value as own_value,
        c.children_value,
        coalesce(c.children, 0) as children,
        coalesce(p.agreed_value, c.children_value) as rolled_value
    from (select * from own where level = 'country') as p
    full join (
        select region.parent_adcode, k.indicator_code, k.period_year,
               sum(k.rolled_value) as children_value, count(*) as children
        from province as k
        join region using (adcode)
        group by all
    ) as c
        on p.adcode = c.parent_adcode and p.indicator_code = c.indicator_code and p.period_year = c.period_year
),

rolled as (
    select * from county
    union all select * from prefecture
    union all select * from province
    union all select * from country
),

final as (
    select
        -- keys
        rolled.adcode,
        rolled.indicator_code,
        rolled.period_year,
        -- attributes
        region.name as region_name,
        region.level as region_level,
        case when rolled.own_value is not null then 'own' else 'children' end as value_source,
        -- measures
        rolled.own_value,
        rolled.children_value,
        rolled.children,
        rolled.rolled_value
    from rolled
    join region using (adcode)
)

select * from final
