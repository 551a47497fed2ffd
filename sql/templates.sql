-- grain: one row per line of text seen on two or more documents: a site-template candidate.
-- A line on tuopin.templates.MIN_DOCUMENTS or more documents is dropped by the clean stage.
create table if not exists template_line (
    line_sha     varchar primary key,  -- first 16 hex digits of SHA-1 of the line without whitespace
    line_text    varchar not null,     -- the line without whitespace
    documents    integer not null,     -- distinct documents it was seen on, summed over runs
    first_run_id integer not null,
    last_run_id  integer not null
);
