-- mart_region_rollup: additive figures rolled up the administrative tree without double counting.
-- grain: one row per region, additive indicator and period year (actual figures only).
-- A region's rolled_value is its own agreed figure when an article states one; otherwise the sum
-- of the figures stated for the regions below it, each taken at the highest level that has one.
-- So a county's figure is never added to its prefecture's own figure.
create or replace view mart_region_rollup as

with recursive

agreed as (
    select mart_region_year.adcode, indicator_code, period_year, agreed_value
    from mart_region_year
    join dim_indicator using (indicator_code)
    where qualifier = 'actual' and is_additive
),

region as (select adcode, name, level, parent_adcode from dim_region),

closure (ancestor, descendant) as (  -- every region with itself and everything below it
    select adcode, adcode from region
    union all
    select closure.ancestor, region.adcode
    from closure
    join region on region.parent_adcode = closure.descendant
),

below as (  -- figures stated for regions strictly below each region
    select
        closure.ancestor as adcode, agreed.indicator_code, agreed.period_year,
        agreed.adcode as source_adcode, agreed.agreed_value
    from closure
    join agreed on agreed.adcode = closure.descendant
    where closure.ancestor <> closure.descendant
),

frontier as (  -- ... keeping only those with no stated figure between them and the region
    select * from below
    where not exists (
        select 1
        from closure as down
        join closure as up on up.ancestor = down.descendant
        join agreed as between_figure
            on between_figure.adcode = down.descendant
            and between_figure.indicator_code = below.indicator_code
            and between_figure.period_year = below.period_year
        where down.ancestor = below.adcode and down.descendant <> below.adcode
            and up.descendant = below.source_adcode and up.ancestor <> below.source_adcode
    )
),

children as (
    select adcode, indicator_code, period_year,
           sum(agreed_value) as children_value, count(*) as contributing_regions
    from frontier
    group by all
),

rolled as (
    select
        coalesce(agreed.adcode, children.adcode) as adcode,
        coalesce(agreed.indicator_code, children.indicator_code) as indicator_code,
        coalesce(agreed.period_year, children.period_year) as period_year,
        agreed.agreed_value as own_value,
        children.children_value,
        coalesce(children.contributing_regions, 0) as contributing_regions
    from agreed
    full join children
        on agreed.adcode = children.adcode
        and agreed.indicator_code = children.indicator_code
        and agreed.period_year = children.period_year
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
        rolled.contributing_regions,
        coalesce(rolled.own_value, rolled.children_value) as rolled_value
    from rolled
    join region using (adcode)
)

select * from final
