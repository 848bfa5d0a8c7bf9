-- schema.sql: the database gen.sh dumps for inspect's type-resolution
-- fixtures. Every date/time column here gets its type from somewhere other
-- than a plain column of its own table: a parent (INHERITS, also several
-- parents, also two levels, also quoted names), a composite type (CREATE TABLE
-- ... OF), a domain (also a domain over a domain), or a partitioned parent.
-- Arrays of date/time types sit beside them and are not analysed. Values
-- cover the edges: infinity, -infinity, BC, microseconds, 24:00:00, NULL.

SET client_min_messages = warning;  -- not the NOTICE of the merged column

CREATE SCHEMA "Odd Schema";

CREATE DOMAIN public.event_ts AS timestamp(3) with time zone
    CHECK (VALUE <> '1970-01-01 00:00:00+00');
CREATE DOMAIN public.audit_ts AS public.event_ts;     -- a domain over a domain
CREATE DOMAIN "Odd Schema"."Day" AS date DEFAULT '2000-01-01';
CREATE DOMAIN public.wall_clock AS time without time zone;
CREATE DOMAIN public.stamps AS timestamp with time zone[];  -- an array: not analysed
CREATE DOMAIN public.label AS text;                         -- not a date/time

-- Inheritance: base and mixin are parents of child; grandchild adds no column.
CREATE TABLE public.base (
    id integer NOT NULL,
    created timestamp with time zone,
    day date
);
CREATE TABLE public.mixin (
    seen timestamp without time zone,
    at_time time without time zone
);
CREATE TABLE public.child (
    note text,
    local_ts timestamp with time zone,
    day date  -- also in base: merged, and printed in child's own definition
) INHERITS (public.base, public.mixin);
CREATE TABLE public.grandchild () INHERITS (public.child);

CREATE TABLE "Odd Schema"."Parent T" (
    "Born At" timestamp(0) without time zone,
    "when" "Odd Schema"."Day"
);
CREATE TABLE "Odd Schema"."Kid" (
    k integer
) INHERITS ("Odd Schema"."Parent T");

-- A typed table, its type holding a domain.
CREATE TYPE public.period AS (
    starts timestamp with time zone,
    ends timestamp without time zone,
    on_day "Odd Schema"."Day",
    label public.label
);
CREATE TABLE public.periods OF public.period (
    starts WITH OPTIONS NOT NULL
);

-- Domains, and arrays that must not be read as scalars.
CREATE TABLE public.domains (
    id integer,
    ev public.event_ts,
    au public.audit_ts,
    clock public.wall_clock,
    tsa timestamp with time zone[],
    da date[],
    eva public.event_ts[],
    st public.stamps,
    lbl public.label
);

-- Partitions: a range-partitioned table with a sub-partitioned partition.
CREATE TABLE public.readings (
    at timestamp with time zone NOT NULL,
    v integer,
    stamp public.audit_ts,
    marks timestamp without time zone[]
) PARTITION BY RANGE (at);
CREATE TABLE public.readings_2024 PARTITION OF public.readings
    FOR VALUES FROM ('2024-01-01 00:00:00+00') TO ('2025-01-01 00:00:00+00');
CREATE TABLE public.readings_rest PARTITION OF public.readings DEFAULT
    PARTITION BY LIST (v);
CREATE TABLE public.readings_rest_any PARTITION OF public.readings_rest DEFAULT;

INSERT INTO public.base VALUES
    (1, '2024-01-01 00:00:00.123456+00', '2024-01-01'),
    (2, 'infinity', '-infinity'),
    (3, NULL, NULL),
    (4, '4713-01-01 00:00:00+00 BC', '4713-01-01 BC');
INSERT INTO public.mixin VALUES ('2020-02-29 12:00:00', '24:00:00');
INSERT INTO public.child (id, created, day, seen, at_time, note, local_ts) VALUES
    (10, '-infinity', '2000-02-29', '0044-03-15 12:00:00 BC', '00:00:00', 'a', '2024-06-01 12:00:00+00'),
    (11, '1999-12-31 23:59:59.999999+00', 'infinity', 'infinity', '23:59:59.999999', 'b', NULL),
    (12, '0001-01-01 00:00:00+00 BC', NULL, NULL, NULL, NULL, 'infinity'),
    (13, '294276-12-31 23:59:59.999999+00', '5874897-12-31', '-infinity', '12:30:00.5', 'c', '2024-06-01 12:00:00.000001+00');
INSERT INTO public.grandchild (id, created, day, seen, at_time, note, local_ts) VALUES
    (20, '2010-10-10 10:10:10.101010+00', '2010-10-10', '2010-10-10 10:10:10', '10:10:10', 'g', NULL),
    (21, NULL, '0001-01-01 BC', '0001-01-01 00:00:00.000001 BC', NULL, NULL, '-infinity');
INSERT INTO "Odd Schema"."Parent T" VALUES ('2000-01-01 00:00:00', DEFAULT);
INSERT INTO "Odd Schema"."Kid" VALUES
    ('1900-01-01 00:00:00', '1900-01-01', 1),
    ('infinity', '-infinity', 2),
    (NULL, NULL, 3),
    ('0100-05-05 05:05:05 BC', '0100-05-05 BC', 4);
INSERT INTO public.periods VALUES
    ('2024-01-01 00:00:00+00', '2024-12-31 23:59:59.999999', '2024-01-01', 'year'),
    ('-infinity', 'infinity', 'infinity', 'always'),
    ('0500-01-01 00:00:00.5+00 BC', NULL, NULL, NULL);
INSERT INTO public.domains VALUES
    (1, '2024-03-03 03:03:03.123+00', '2024-03-03 03:03:03.999+00', '24:00:00',
        '{"2024-01-01 00:00:00+00",infinity}', '{2024-01-01,-infinity}', '{"2024-01-01 00:00:00.5+00"}',
        '{"1999-01-01 00:00:00+00"}', 'x'),
    (2, 'infinity', '-infinity', '00:00:00.000001', NULL, NULL, NULL, NULL, NULL),
    (3, NULL, '0010-10-10 10:10:10+00 BC', NULL, '{}', '{}', '{}', '{}', 'z'),
    (4, '-infinity', NULL, '12:00:00', NULL, NULL, NULL, NULL, NULL);
INSERT INTO public.readings VALUES
    ('2024-02-29 12:00:00.25+00', 1, '2024-02-29 12:00:00.25+00', '{"2024-02-29 12:00:00"}'),
    ('2024-12-31 23:59:59.999999+00', 2, 'infinity', NULL),
    ('infinity', 3, NULL, NULL),
    ('-infinity', 4, '0001-01-01 00:00:00+00 BC', '{}'),
    ('2023-01-01 00:00:00+00', 5, '2023-01-01 00:00:00.001+00', NULL);
