-- facts: the analyst's entry point.
-- grain: one row per statistic stated in one document, with every dimension joined.
create or replace view facts as

with

fact as (select * from fact_indicator),
document as (select * from dim_document),
region as (select * from dim_region),
indicator as (select * from dim_indicator),

final as (
    select
        -- ids
        fact.fact_id,
        -- document
        document.source_path,
        document.title,
        document.published_at,
        document.publisher,
        -- region
        region.adcode,
        region.name as region_name,
        region.level as region_level,
        region.province_name,
        -- indicator
        indicator.indicator_code,
        indicator.name_zh as indicator_name_zh,
        indicator.name_en as indicator_name_en,
        indicator.unit,
        -- measures
        fact.period_year,
        fact.value,
        fact.qualifier,
        fact.is_approximate,
        -- lineage
        fact.raw_text,
        fact.evidence
    from fact
    join document on document.document_id = fact.document_id
    join indicator on indicator.indicator_id = fact.indicator_id
    left join region on region.region_id = fact.region_id
)

select * from final
