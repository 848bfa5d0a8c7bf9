-- full.sql: the database `full` that testdata/gen.sh dumps into fixtures.
--
-- It packs many object kinds and awkward values into few rows so the archives
-- stay small. Every value is deterministic (no now(), no random()), so two runs
-- of gen.sh give the same COPY text; only OIDs, dumpIds' neighbours and the
-- archive creation time change between runs.
--
-- Loaded with psql -v ON_ERROR_STOP=1 into a fresh UTF8 database on a server
-- whose TimeZone is UTC.

SET client_min_messages = warning;

-- Roles are cluster-wide and not dumped by pg_dump; the ACLs below need one.
CREATE ROLE reader NOLOGIN;

------------------------------------------------------------------------------
-- Schemas
------------------------------------------------------------------------------
CREATE SCHEMA "Mixed Case";
COMMENT ON SCHEMA "Mixed Case" IS 'a schema whose name needs quotes';
GRANT USAGE ON SCHEMA "Mixed Case" TO reader;

CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy');

------------------------------------------------------------------------------
-- Functions
------------------------------------------------------------------------------
CREATE FUNCTION public.add1(integer) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT $1 + 1 $$;
COMMENT ON FUNCTION public.add1(integer) IS 'adds one';
REVOKE ALL ON FUNCTION public.add1(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public.add1(integer) TO reader;

CREATE FUNCTION public.touch_child() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    -- multi-line body with a tab	and a quote ' inside
    NEW.note := coalesce(NEW.note, '') || '*';
    RETURN NEW;
END
$$;

------------------------------------------------------------------------------
-- Sequences: one used, one never used
------------------------------------------------------------------------------
CREATE SEQUENCE public.used_seq START 100 INCREMENT 5;
SELECT nextval('public.used_seq') FROM generate_series(1, 3);   -- last value 110
CREATE SEQUENCE "Mixed Case".unused_seq;

------------------------------------------------------------------------------
-- Text with every COPY escape, in a quoted schema and quoted table
------------------------------------------------------------------------------
CREATE TABLE "Mixed Case"."My Table" (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    label text NOT NULL,
    val text,
    CONSTRAINT "My Table_label_check" CHECK (label <> '')
);
COMMENT ON TABLE "Mixed Case"."My Table" IS 'rows whose text needs COPY escaping';
COMMENT ON COLUMN "Mixed Case"."My Table".val IS 'the awkward value';
GRANT SELECT (id, label) ON "Mixed Case"."My Table" TO reader;
CREATE UNIQUE INDEX "My Table label" ON "Mixed Case"."My Table" (label);

INSERT INTO "Mixed Case"."My Table" (label, val) VALUES
    ('plain', 'hello'),
    ('tab', E'a\tb'),
    ('newline', E'line1\nline2'),
    ('cr', E'cr\rhere'),
    ('crlf', E'x\r\ny'),
    ('backslash', E'back\\slash'),
    ('trailing backslash', E'end\\'),
    ('backslash-N text', E'\\N'),
    ('backslash-dot text', E'\\.'),
    ('backslash-dot-newline', E'\\.\n'),
    ('controls', E'bs\b ff\f vt\x0b soh\x01 del\x7f'),
    ('unicode', 'naïve café 日本語 🐘 Ω'),
    ('null', NULL),
    ('empty', ''),
    ('spaces', '  padded  '),
    ('quotes', 'it''s "quoted"'),
    ('copy-like', 'COPY x FROM stdin;'),
    ('tab only', E'\t'),
    ('newline only', E'\n');

------------------------------------------------------------------------------
-- Other data types (and a stored generated column, which COPY skips)
------------------------------------------------------------------------------
CREATE TABLE public.types (
    id integer PRIMARY KEY,
    n numeric(30,6),
    f8 double precision,
    f4 real,
    b boolean,
    raw bytea,
    ints integer[],
    texts text[],
    iv interval,
    j jsonb,
    js json,
    u uuid,
    m public.mood,
    doubled integer GENERATED ALWAYS AS (id * 2) STORED
);
INSERT INTO public.types (id, n, f8, f4, b, raw, ints, texts, iv, j, js, u, m) VALUES
    (1, 123456789012345678.123456, 1.5, 0.1, true, '\x00ff'::bytea, '{1,2,NULL}', '{"a\"b",NULL,"c d"}',
        '1 day 02:03:04', '{"k": 1, "a": [1, "x"]}', '{"b":2,  "a":1}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'happy'),
    (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
    (3, -0.000001, 0.1, 'NaN', false, '\x5c'::bytea, '{}', '{}', '-1 mons +3 days', '{}', '[]', '00000000-0000-0000-0000-000000000000', 'sad'),
    (4, 'NaN', 'Infinity', 'Infinity', true, ''::bytea, '{{1,2},{3,4}}', '{"q\\r"}', '1 year', '"str"', 'null', NULL, 'ok'),
    (5, 0, '-Infinity', '-0', false, convert_to(E'tab\there', 'UTF8'), '{-2147483648,2147483647}', '{""}', '00:00:00.5', 'null', '"é"', NULL, NULL),
    (6, 1e20, 1e300, 1e-7, NULL, NULL, NULL, NULL, '100 years', '{"nested": {"deep": [true, false, null]}}', '{"x": "\u00e9"}', NULL, NULL),
    (7, 2.5, '-0', 3.4028235e38, true, NULL, NULL, NULL, '-00:00:00.000001', '1.50', '1.50', NULL, NULL);

------------------------------------------------------------------------------
-- Parent / child with FK, CHECK, bigserial, a trigger
------------------------------------------------------------------------------
CREATE TABLE public.parent (
    id integer PRIMARY KEY,
    name text UNIQUE
);
CREATE TABLE public.child (
    id bigserial PRIMARY KEY,
    parent_id integer NOT NULL REFERENCES public.parent (id) ON DELETE CASCADE,
    qty integer CHECK (qty >= 0),
    note text
);
INSERT INTO public.parent VALUES (1, 'one'), (2, 'two'), (3, NULL);
INSERT INTO public.child (parent_id, qty, note) VALUES (1, 5, 'a'), (1, 0, NULL), (2, 7, 'b'), (3, 1, '');
CREATE TRIGGER child_touch BEFORE UPDATE ON public.child
    FOR EACH ROW EXECUTE FUNCTION public.touch_child();

------------------------------------------------------------------------------
-- Awkward table names
------------------------------------------------------------------------------
CREATE TABLE public."quote""name" (id integer, v text);
INSERT INTO public."quote""name" VALUES (1, 'x'), (2, NULL);

CREATE TABLE public."données été" (id integer, v text);
INSERT INTO public."données été" VALUES (1, 'übung'), (2, '🐘');

CREATE TABLE public."slash/name" (id integer);
INSERT INTO public."slash/name" VALUES (1);

CREATE TABLE public."line
break" (id integer);
INSERT INTO public."line
break" VALUES (42);

CREATE TABLE public.empty_table (id integer, v text);

-- The same tag in two schemas, for -n filtering.
CREATE TABLE public.items (id integer PRIMARY KEY, v text);
INSERT INTO public.items VALUES (1, 'public one'), (2, 'public two');
CREATE TABLE "Mixed Case".items (id integer PRIMARY KEY, v text);
INSERT INTO "Mixed Case".items VALUES (1, 'mixed one');

------------------------------------------------------------------------------
-- Unlogged table
------------------------------------------------------------------------------
CREATE UNLOGGED TABLE public.scratch (k text PRIMARY KEY, v integer);
INSERT INTO public.scratch VALUES ('a', 1), ('b', 2), ('c', NULL);

------------------------------------------------------------------------------
-- Partitioned table
------------------------------------------------------------------------------
CREATE TABLE public.measurements (
    id integer NOT NULL,
    at date NOT NULL,
    v numeric
) PARTITION BY RANGE (at);
CREATE TABLE public.measurements_2023 PARTITION OF public.measurements
    FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
CREATE TABLE public.measurements_2024 PARTITION OF public.measurements
    FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE public.measurements_default PARTITION OF public.measurements DEFAULT;
CREATE INDEX measurements_at_idx ON public.measurements (at);
INSERT INTO public.measurements
    SELECT i, date '2023-06-01' + i * 7, i * 1.25 FROM generate_series(0, 39) i;
INSERT INTO public.measurements VALUES (100, '1999-12-31', NULL), (101, 'infinity', -1);

------------------------------------------------------------------------------
-- events: time values at and near every edge
------------------------------------------------------------------------------
CREATE TABLE public.events (
    id bigint PRIMARY KEY,
    ts timestamp with time zone,
    t timestamp without time zone,
    d date,
    tm time without time zone,
    note text
);
COMMENT ON TABLE public.events IS 'timestamps at the edges of every range';
GRANT SELECT ON public.events TO reader;

-- 300 ordinary rows from 1890 to about 2002: they cross Paris's LMT/PMT
-- (+00:09:21) to WET change in 1911, the wars, and many DST switches.
INSERT INTO public.events
SELECT i, ts, ts AT TIME ZONE 'UTC', (ts AT TIME ZONE 'UTC')::date,
       (ts AT TIME ZONE 'UTC')::time, 'row ' || i
FROM (SELECT i, timestamptz '1890-03-01 00:00:00+00'
              + i * interval '137 days 05:07:11.000013' AS ts
      FROM generate_series(1, 300) i) s;

INSERT INTO public.events (id, ts, t, d, tm, note) VALUES
    (1001, 'infinity', 'infinity', 'infinity', '24:00:00', 'infinity'),
    (1002, '-infinity', '-infinity', '-infinity', '00:00:00', '-infinity'),
    (1003, '4713-01-01 00:00:00+00 BC', '4713-01-01 00:00:00 BC', '4713-01-01 BC', '00:00:00', 'lowest timestamptz'),
    (1004, '294276-12-31 23:59:59.999999+00', '294276-12-31 23:59:59.999999', '5874897-12-31', '23:59:59.999999', 'highest timestamptz'),
    (1005, '0001-12-31 23:59:59.999999+00 BC', '0001-12-31 23:59:59.999999 BC', '0001-12-31 BC', '23:59:59.999999', 'last instant of 1 BC'),
    (1006, '0001-01-01 00:00:00+00', '0001-01-01 00:00:00', '0001-01-01', '00:00:00', 'first instant of 1 AD'),
    (1007, '0044-03-15 12:00:00+00 BC', '0044-03-15 12:00:00 BC', '0044-03-15 BC', '12:00:00', 'ides of March'),
    (1008, '9999-12-31 23:59:59.999999+00', '9999-12-31 23:59:59.999999', '9999-12-31', '23:59:59.999999', 'last 4-digit year'),
    (1009, '10000-01-01 00:00:00+00', '10000-01-01 00:00:00', '10000-01-01', '00:00:00', 'year 10000'),
    (1010, '2024-02-29 12:00:00.000001+00', '2024-02-29 12:00:00.000001', '2024-02-29', '12:00:00.000001', 'leap day, +1us'),
    (1011, '1999-12-31 23:59:59.999999+00', '1999-12-31 23:59:59.999999', '1999-12-31', '23:59:59.999999', 'just before 2000'),
    (1012, '2000-01-01 00:00:00+00', '2000-01-01 00:00:00', '2000-01-01', '00:00:00', 'PostgreSQL epoch'),
    (1013, '1970-01-01 00:00:00+00', '1970-01-01 00:00:00', '1970-01-01', '00:00:00', 'Unix epoch'),
    (1014, '1969-12-31 23:59:59.999999+00', '1969-12-31 23:59:59.999999', '1969-12-31', '23:59:59.999999', 'just before Unix epoch'),
    (1015, '1850-06-01 12:00:00 Europe/Paris', '1850-06-01 12:00:00', '1850-06-01', '12:00:00', 'Paris local mean time'),
    (1016, '1900-01-01 00:00:00 Europe/Paris', '1900-01-01 00:00:00', '1900-01-01', '00:00:00', 'Paris mean time'),
    (1017, '1911-03-11 00:01:00+00', '1911-03-11 00:01:00', '1911-03-11', '00:01:00', 'just after Paris adopted WET'),
    (1018, '2024-01-15 12:00:00+00', '2024-01-15 12:00:00', '2024-01-15', '12:00:00', 'winter'),
    (1019, '2024-07-14 12:00:00+00', '2024-07-14 12:00:00', '2024-07-14', '12:00:00', 'summer'),
    (1020, '2024-10-27 00:30:00+00', '2024-10-27 00:30:00', '2024-10-27', '00:30:00', 'Paris 02:30 CEST'),
    (1021, '2024-10-27 01:30:00+00', '2024-10-27 01:30:00', '2024-10-27', '01:30:00', 'Paris 02:30 CET'),
    (1022, '1850-06-01 12:00:00 Asia/Kolkata', '1850-06-01 12:00:00', '1850-06-01', '12:00:00', 'Kolkata local mean time'),
    (1023, '1880-01-01 00:00:00+00', '1880-01-01 00:00:00', '1880-01-01', '00:00:00', 'Madras time'),
    (1024, '1942-09-01 12:00:00+00', '1942-09-01 12:00:00', '1942-09-01', '12:00:00', 'Indian war time +06:30'),
    (1025, '2024-03-10 10:00:00.5+00', '2024-03-10 10:00:00.5', '2024-03-10', '10:00:00.5', 'half second'),
    (1026, '2024-03-10 10:00:00.10+00', '2024-03-10 10:00:00.1', '2024-03-10', '10:00:00.1', 'trailing zero trimmed'),
    (1027, NULL, NULL, NULL, NULL, NULL),
    (1028, NULL, '2024-01-01 00:00:00', NULL, NULL, 'only t'),
    (1029, '2024-06-30 23:59:59+00', '2024-06-30 23:59:59', '2024-06-30', '23:59:59', E'note with\ttab and\nnewline');

CREATE INDEX events_ts_noted ON public.events (ts) WHERE note IS NOT NULL;
CREATE INDEX events_lower_note ON public.events (lower(note));

------------------------------------------------------------------------------
-- audit_like: 1000 rows of the shape the audit chain uses
------------------------------------------------------------------------------
CREATE TABLE public.audit_like (
    id text PRIMARY KEY,
    ts timestamp with time zone NOT NULL,
    payload jsonb NOT NULL
);
INSERT INTO public.audit_like
SELECT 'evt-' || lpad(i::text, 6, '0'),
       timestamptz '2024-01-01 00:00:00+00' + i * interval '61.000137 seconds',
       jsonb_strip_nulls(jsonb_build_object(
           'n', i,
           'kind', (ARRAY['create', 'update', 'delete'])[i % 3 + 1],
           'ok', i % 2 = 0,
           'note', CASE WHEN i % 100 = 0 THEN E'tab\there "q" \\ é' END))
FROM generate_series(1, 1000) i;

------------------------------------------------------------------------------
-- Views
------------------------------------------------------------------------------
CREATE VIEW "Mixed Case"."My View" AS
    SELECT id, label FROM "Mixed Case"."My Table" WHERE val IS NOT NULL;
COMMENT ON VIEW "Mixed Case"."My View" IS 'a view with a quoted name';

CREATE MATERIALIZED VIEW public.event_years AS
    SELECT extract(year FROM ts)::integer AS year, count(*) AS n
    FROM public.events
    WHERE ts > '-infinity' AND ts < 'infinity' AND ts >= '1000-01-01'
    GROUP BY 1;

------------------------------------------------------------------------------
-- Large objects with fixed OIDs: empty, 20000 bytes, and one above 2^31
------------------------------------------------------------------------------
SELECT lo_create(90001);
SELECT lo_from_bytea(90002,
    (SELECT string_agg(decode(md5(i::text), 'hex'), ''::bytea ORDER BY i)
     FROM generate_series(1, 1250) i));
SELECT lo_from_bytea('3000000000'::oid, convert_to('large object above 2^31', 'UTF8'));
COMMENT ON LARGE OBJECT 90002 IS '20000 pseudo-random bytes';
GRANT SELECT ON LARGE OBJECT 3000000000 TO reader;

------------------------------------------------------------------------------
-- Default ACL last, so it does not change the ACLs of the objects above
------------------------------------------------------------------------------
ALTER DEFAULT PRIVILEGES IN SCHEMA "Mixed Case" GRANT SELECT ON TABLES TO reader;

ANALYZE;
