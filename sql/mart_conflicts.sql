-- mart_conflicts: figures stated with different values for the same region, indicator, year and qualifier.
-- grain: one row per pair of conflicting facts, the two documents and their evidence side by side.
-- Values within 0.5% of each other (1.64万户 and 16403户) are the same figure rounded, not a conflict.
create or replace view mart_conflicts as

with

facts as (select * from facts where adcode is not null and period_year is not null),

pairs as (
    select
        a.adcode, a.region_name, a.indicator_code, a.indicator_name_zh, a.period_year, a.qualifier,
        a.fact_id as fact_id_a, a.value as value_a, a.source_path as source_path_a,
        a.title as title_a, a.published_at as published_at_a, a.evidence as evidence_a,
        b.fact_id as fact_id_b, b.value as value_b, b.source_path as source_path_b,
        b.title as title_b, b.published_at as published_at_b, b.evidence as evidence_b
    from facts as a
    join facts as b
        on a.adcode = b.adcode
        and a.indicator_code = b.indicator_code
        and a.period_year = b.period_year
        and a.qualifier = b.qualifier
        and a.fact_id < b.fact_id
    where abs(a.value - b.value) > 0.005 * greatest(abs(a.value), abs(b.value))
),

final as (
    select
        *,
        abs(value_a - value_b) as difference
    from pairs
)

select * from final
