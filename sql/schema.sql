-- tuopin warehouse: a Kimball star schema. Keys are integers; *_id columns are foreign keys
-- (checked by the validate stage rather than by constraints, so a changed document can be
-- replaced inside one transaction).

-- grain: one row per Chinese administrative division (GB/T 2260), plus the country.
create table if not exists dim_region (
    region_id       integer primary key,
    adcode          varchar not null unique,
    name            varchar not null,
    level           varchar not null,
    province_name   varchar,
    prefecture_name varchar,
    parent_adcode   varchar
);

-- grain: one row per indicator of the taxonomy (seeds/indicators.csv).
create table if not exists dim_indicator (
    indicator_id   integer primary key,
    indicator_code varchar not null unique,
    name_zh        varchar not null,
    name_en        varchar not null,
    unit           varchar not null,
    category       varchar not null,
    is_additive    boolean not null  -- may regions' figures be summed (counts, money; not rates)
);

-- Warehouses made before is_additive existed gain it here.
alter table dim_indicator add column if not exists is_additive boolean;

-- grain: one row per calendar day.
create table if not exists dim_date (
    date_id integer primary key,
    date    date not null unique,
    year    integer not null,
    quarter integer not null,
    month   integer not null,
    day     integer not null
);

-- grain: one row per distinct source content (a changed file is a new document).
create table if not exists dim_document (
    document_id         integer primary key,
    source_path         varchar not null,
    content_sha256      varchar not null unique,
    byte_size           bigint not null,
    encoding            varchar not null,
    encoding_confidence double not null,
    script              varchar not null,
    title               varchar,
    published_at        timestamp,
    publisher           varchar,
    reporters           varchar,  -- names from the byline (记者 …), space-separated
    editor              varchar,  -- names from the desk lines (编辑:, 责编:), space-separated
    region_id           integer,
    body_text           varchar not null,
    boilerplate_chars   integer not null,
    repairs             json,
    loaded_at           timestamp not null,
    run_id              integer not null
);

-- Warehouses made before the byline columns existed gain them here.
alter table dim_document add column if not exists reporters varchar;
alter table dim_document add column if not exists editor varchar;
-- The rules (code, lexicon, reference CSVs) the document was processed under: a run under other
-- rules processes it again.
alter table dim_document add column if not exists rules_version varchar;

-- grain: one statistic stated in one document.
create table if not exists fact_indicator (
    fact_id           bigint primary key,
    document_id       integer not null,
    indicator_id      integer not null,
    region_id         integer,
    period_year       integer,
    published_date_id integer,
    value             double not null,
    qualifier         varchar not null,
    is_approximate    boolean not null,
    raw_text          varchar not null,
    evidence          varchar not null,
    char_start        integer not null,
    char_end          integer not null,
    run_id            integer not null
);

-- grain: one rejected document or fact of one run.
create table if not exists quarantine (
    quarantine_id  bigint primary key,
    run_id         integer not null,
    source_path    varchar,
    stage          varchar not null,
    reason         varchar not null,
    payload        json,
    quarantined_at timestamp not null
);

-- grain: one row per source file path: what the last run that saw it made of it. A file whose
-- size and modification time have not changed since is skipped without being read.
create table if not exists source_file (
    source_path    varchar primary key,
    byte_size      bigint,
    mtime_ns       bigint,
    content_sha256 varchar,
    outcome        varchar not null,  -- loaded, unchanged or quarantined
    run_id         integer not null
);
alter table source_file add column if not exists rules_version varchar;  -- as in dim_document

-- grain: one ETL run.
create table if not exists etl_run (
    run_id                integer primary key,
    flow_run_id           varchar,
    started_at            timestamp not null,
    finished_at           timestamp,
    status                varchar not null,
    documents_seen        integer,
    documents_loaded      integer,
    documents_unchanged   integer,
    documents_quarantined integer,
    documents_replaced    integer,
    facts_loaded          integer,
    facts_rejected        integer,
    seconds               double
);
