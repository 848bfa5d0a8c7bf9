--
-- PostgreSQL database dump
--

\restrict RESTRICT_KEY

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET transaction_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: Mixed Case; Type: SCHEMA; Schema: -; Owner: postgres
--

CREATE SCHEMA "Mixed Case";


ALTER SCHEMA "Mixed Case" OWNER TO postgres;

--
-- Name: SCHEMA "Mixed Case"; Type: COMMENT; Schema: -; Owner: postgres
--

COMMENT ON SCHEMA "Mixed Case" IS 'a schema whose name needs quotes';


--
-- Name: mood; Type: TYPE; Schema: public; Owner: postgres
--

CREATE TYPE public.mood AS ENUM (
    'sad',
    'ok',
    'happy'
);


ALTER TYPE public.mood OWNER TO postgres;

--
-- Name: add1(integer); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.add1(integer) RETURNS integer
    LANGUAGE sql IMMUTABLE STRICT
    AS $_$ SELECT $1 + 1 $_$;


ALTER FUNCTION public.add1(integer) OWNER TO postgres;

--
-- Name: FUNCTION add1(integer); Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON FUNCTION public.add1(integer) IS 'adds one';


--
-- Name: touch_child(); Type: FUNCTION; Schema: public; Owner: postgres
--

CREATE FUNCTION public.touch_child() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    -- multi-line body with a tab	and a quote ' inside
    NEW.note := coalesce(NEW.note, '') || '*';
    RETURN NEW;
END
$$;


ALTER FUNCTION public.touch_child() OWNER TO postgres;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: My Table; Type: TABLE; Schema: Mixed Case; Owner: postgres
--

CREATE TABLE "Mixed Case"."My Table" (
    id integer NOT NULL,
    label text NOT NULL,
    val text,
    CONSTRAINT "My Table_label_check" CHECK ((label <> ''::text))
);


ALTER TABLE "Mixed Case"."My Table" OWNER TO postgres;

--
-- Name: TABLE "My Table"; Type: COMMENT; Schema: Mixed Case; Owner: postgres
--

COMMENT ON TABLE "Mixed Case"."My Table" IS 'rows whose text needs COPY escaping';


--
-- Name: COLUMN "My Table".val; Type: COMMENT; Schema: Mixed Case; Owner: postgres
--

COMMENT ON COLUMN "Mixed Case"."My Table".val IS 'the awkward value';


--
-- Name: My Table_id_seq; Type: SEQUENCE; Schema: Mixed Case; Owner: postgres
--

ALTER TABLE "Mixed Case"."My Table" ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME "Mixed Case"."My Table_id_seq"
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: My View; Type: VIEW; Schema: Mixed Case; Owner: postgres
--

CREATE VIEW "Mixed Case"."My View" AS
 SELECT "My Table".id,
    "My Table".label
   FROM "Mixed Case"."My Table"
  WHERE ("My Table".val IS NOT NULL);


ALTER VIEW "Mixed Case"."My View" OWNER TO postgres;

--
-- Name: VIEW "My View"; Type: COMMENT; Schema: Mixed Case; Owner: postgres
--

COMMENT ON VIEW "Mixed Case"."My View" IS 'a view with a quoted name';


--
-- Name: items; Type: TABLE; Schema: Mixed Case; Owner: postgres
--

CREATE TABLE "Mixed Case".items (
    id integer NOT NULL,
    v text
);


ALTER TABLE "Mixed Case".items OWNER TO postgres;

--
-- Name: unused_seq; Type: SEQUENCE; Schema: Mixed Case; Owner: postgres
--

CREATE SEQUENCE "Mixed Case".unused_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE "Mixed Case".unused_seq OWNER TO postgres;

--
-- Name: audit_like; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.audit_like (
    id text NOT NULL,
    ts timestamp with time zone NOT NULL,
    payload jsonb NOT NULL
);


ALTER TABLE public.audit_like OWNER TO postgres;

--
-- Name: child; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.child (
    id bigint NOT NULL,
    parent_id integer NOT NULL,
    qty integer,
    note text,
    CONSTRAINT child_qty_check CHECK ((qty >= 0))
);


ALTER TABLE public.child OWNER TO postgres;

--
-- Name: child_id_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.child_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.child_id_seq OWNER TO postgres;

--
-- Name: child_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: postgres
--

ALTER SEQUENCE public.child_id_seq OWNED BY public.child.id;


--
-- Name: données été; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."données été" (
    id integer,
    v text
);


ALTER TABLE public."données été" OWNER TO postgres;

--
-- Name: empty_table; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.empty_table (
    id integer,
    v text
);


ALTER TABLE public.empty_table OWNER TO postgres;

--
-- Name: events; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.events (
    id bigint NOT NULL,
    ts timestamp with time zone,
    t timestamp without time zone,
    d date,
    tm time without time zone,
    note text
);


ALTER TABLE public.events OWNER TO postgres;

--
-- Name: TABLE events; Type: COMMENT; Schema: public; Owner: postgres
--

COMMENT ON TABLE public.events IS 'timestamps at the edges of every range';


--
-- Name: event_years; Type: MATERIALIZED VIEW; Schema: public; Owner: postgres
--

CREATE MATERIALIZED VIEW public.event_years AS
 SELECT (EXTRACT(year FROM events.ts))::integer AS year,
    count(*) AS n
   FROM public.events
  WHERE ((events.ts > '-infinity'::timestamp with time zone) AND (events.ts < 'infinity'::timestamp with time zone) AND (events.ts >= '1000-01-01 00:00:00+00'::timestamp with time zone))
  GROUP BY ((EXTRACT(year FROM events.ts))::integer)
  WITH NO DATA;


ALTER MATERIALIZED VIEW public.event_years OWNER TO postgres;

--
-- Name: items; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.items (
    id integer NOT NULL,
    v text
);


ALTER TABLE public.items OWNER TO postgres;

--
-- Name: line break; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."line
break" (
    id integer
);


ALTER TABLE public."line
break" OWNER TO postgres;

--
-- Name: measurements; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.measurements (
    id integer NOT NULL,
    at date NOT NULL,
    v numeric
)
PARTITION BY RANGE (at);


ALTER TABLE public.measurements OWNER TO postgres;

--
-- Name: measurements_2023; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.measurements_2023 (
    id integer NOT NULL,
    at date NOT NULL,
    v numeric
);


ALTER TABLE public.measurements_2023 OWNER TO postgres;

--
-- Name: measurements_2024; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.measurements_2024 (
    id integer NOT NULL,
    at date NOT NULL,
    v numeric
);


ALTER TABLE public.measurements_2024 OWNER TO postgres;

--
-- Name: measurements_default; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.measurements_default (
    id integer NOT NULL,
    at date NOT NULL,
    v numeric
);


ALTER TABLE public.measurements_default OWNER TO postgres;

--
-- Name: parent; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.parent (
    id integer NOT NULL,
    name text
);


ALTER TABLE public.parent OWNER TO postgres;

--
-- Name: quote"name; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."quote""name" (
    id integer,
    v text
);


ALTER TABLE public."quote""name" OWNER TO postgres;

--
-- Name: scratch; Type: TABLE; Schema: public; Owner: postgres
--

CREATE UNLOGGED TABLE public.scratch (
    k text NOT NULL,
    v integer
);


ALTER TABLE public.scratch OWNER TO postgres;

--
-- Name: slash/name; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public."slash/name" (
    id integer
);


ALTER TABLE public."slash/name" OWNER TO postgres;

--
-- Name: types; Type: TABLE; Schema: public; Owner: postgres
--

CREATE TABLE public.types (
    id integer NOT NULL,
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
    doubled integer GENERATED ALWAYS AS ((id * 2)) STORED
);


ALTER TABLE public.types OWNER TO postgres;

--
-- Name: used_seq; Type: SEQUENCE; Schema: public; Owner: postgres
--

CREATE SEQUENCE public.used_seq
    START WITH 100
    INCREMENT BY 5
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


ALTER SEQUENCE public.used_seq OWNER TO postgres;

--
-- Name: measurements_2023; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.measurements ATTACH PARTITION public.measurements_2023 FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');


--
-- Name: measurements_2024; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.measurements ATTACH PARTITION public.measurements_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');


--
-- Name: measurements_default; Type: TABLE ATTACH; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.measurements ATTACH PARTITION public.measurements_default DEFAULT;


--
-- Name: child id; Type: DEFAULT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.child ALTER COLUMN id SET DEFAULT nextval('public.child_id_seq'::regclass);


--
-- Name: 3000000000; Type: BLOB; Schema: -; Owner: postgres
--

SELECT pg_catalog.lo_create('3000000000');


ALTER LARGE OBJECT 3000000000 OWNER TO postgres;

--
-- Name: 90001; Type: BLOB; Schema: -; Owner: postgres
--

SELECT pg_catalog.lo_create('90001');


ALTER LARGE OBJECT 90001 OWNER TO postgres;

--
-- Name: 90002; Type: BLOB; Schema: -; Owner: postgres
--

SELECT pg_catalog.lo_create('90002');


ALTER LARGE OBJECT 90002 OWNER TO postgres;

--
-- Name: LARGE OBJECT 90002; Type: COMMENT; Schema: -; Owner: postgres
--

COMMENT ON LARGE OBJECT 90002 IS '20000 pseudo-random bytes';


--
-- Data for Name: My Table; Type: TABLE DATA; Schema: Mixed Case; Owner: postgres
--

COPY "Mixed Case"."My Table" (id, label, val) FROM stdin;
1	plain	hello
2	tab	a\tb
3	newline	line1\nline2
4	cr	cr\rhere
5	crlf	x\r\ny
6	backslash	back\\slash
7	trailing backslash	end\\
8	backslash-N text	\\N
9	backslash-dot text	\\.
10	backslash-dot-newline	\\.\n
11	controls	bs\b ff\f vt\v soh del
12	unicode	naïve café 日本語 🐘 Ω
13	null	\N
14	empty	
15	spaces	  padded  
16	quotes	it's "quoted"
17	copy-like	COPY x FROM stdin;
18	tab only	\t
19	newline only	\n
\.


--
-- Data for Name: items; Type: TABLE DATA; Schema: Mixed Case; Owner: postgres
--

COPY "Mixed Case".items (id, v) FROM stdin;
1	mixed one
\.


--
-- Data for Name: audit_like; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.audit_like (id, ts, payload) FROM stdin;
evt-000001	2024-01-01 00:01:01.000137+00	{"n": 1, "ok": false, "kind": "update"}
evt-000002	2024-01-01 00:02:02.000274+00	{"n": 2, "ok": true, "kind": "delete"}
evt-000003	2024-01-01 00:03:03.000411+00	{"n": 3, "ok": false, "kind": "create"}
evt-000004	2024-01-01 00:04:04.000548+00	{"n": 4, "ok": true, "kind": "update"}
evt-000005	2024-01-01 00:05:05.000685+00	{"n": 5, "ok": false, "kind": "delete"}
evt-000006	2024-01-01 00:06:06.000822+00	{"n": 6, "ok": true, "kind": "create"}
evt-000007	2024-01-01 00:07:07.000959+00	{"n": 7, "ok": false, "kind": "update"}
evt-000008	2024-01-01 00:08:08.001096+00	{"n": 8, "ok": true, "kind": "delete"}
evt-000009	2024-01-01 00:09:09.001233+00	{"n": 9, "ok": false, "kind": "create"}
evt-000010	2024-01-01 00:10:10.00137+00	{"n": 10, "ok": true, "kind": "update"}
evt-000011	2024-01-01 00:11:11.001507+00	{"n": 11, "ok": false, "kind": "delete"}
evt-000012	2024-01-01 00:12:12.001644+00	{"n": 12, "ok": true, "kind": "create"}
evt-000013	2024-01-01 00:13:13.001781+00	{"n": 13, "ok": false, "kind": "update"}
evt-000014	2024-01-01 00:14:14.001918+00	{"n": 14, "ok": true, "kind": "delete"}
evt-000015	2024-01-01 00:15:15.002055+00	{"n": 15, "ok": false, "kind": "create"}
evt-000016	2024-01-01 00:16:16.002192+00	{"n": 16, "ok": true, "kind": "update"}
evt-000017	2024-01-01 00:17:17.002329+00	{"n": 17, "ok": false, "kind": "delete"}
evt-000018	2024-01-01 00:18:18.002466+00	{"n": 18, "ok": true, "kind": "create"}
evt-000019	2024-01-01 00:19:19.002603+00	{"n": 19, "ok": false, "kind": "update"}
evt-000020	2024-01-01 00:20:20.00274+00	{"n": 20, "ok": true, "kind": "delete"}
evt-000021	2024-01-01 00:21:21.002877+00	{"n": 21, "ok": false, "kind": "create"}
evt-000022	2024-01-01 00:22:22.003014+00	{"n": 22, "ok": true, "kind": "update"}
evt-000023	2024-01-01 00:23:23.003151+00	{"n": 23, "ok": false, "kind": "delete"}
evt-000024	2024-01-01 00:24:24.003288+00	{"n": 24, "ok": true, "kind": "create"}
evt-000025	2024-01-01 00:25:25.003425+00	{"n": 25, "ok": false, "kind": "update"}
evt-000026	2024-01-01 00:26:26.003562+00	{"n": 26, "ok": true, "kind": "delete"}
evt-000027	2024-01-01 00:27:27.003699+00	{"n": 27, "ok": false, "kind": "create"}
evt-000028	2024-01-01 00:28:28.003836+00	{"n": 28, "ok": true, "kind": "update"}
evt-000029	2024-01-01 00:29:29.003973+00	{"n": 29, "ok": false, "kind": "delete"}
evt-000030	2024-01-01 00:30:30.00411+00	{"n": 30, "ok": true, "kind": "create"}
evt-000031	2024-01-01 00:31:31.004247+00	{"n": 31, "ok": false, "kind": "update"}
evt-000032	2024-01-01 00:32:32.004384+00	{"n": 32, "ok": true, "kind": "delete"}
evt-000033	2024-01-01 00:33:33.004521+00	{"n": 33, "ok": false, "kind": "create"}
evt-000034	2024-01-01 00:34:34.004658+00	{"n": 34, "ok": true, "kind": "update"}
evt-000035	2024-01-01 00:35:35.004795+00	{"n": 35, "ok": false, "kind": "delete"}
evt-000036	2024-01-01 00:36:36.004932+00	{"n": 36, "ok": true, "kind": "create"}
evt-000037	2024-01-01 00:37:37.005069+00	{"n": 37, "ok": false, "kind": "update"}
evt-000038	2024-01-01 00:38:38.005206+00	{"n": 38, "ok": true, "kind": "delete"}
evt-000039	2024-01-01 00:39:39.005343+00	{"n": 39, "ok": false, "kind": "create"}
evt-000040	2024-01-01 00:40:40.00548+00	{"n": 40, "ok": true, "kind": "update"}
evt-000041	2024-01-01 00:41:41.005617+00	{"n": 41, "ok": false, "kind": "delete"}
evt-000042	2024-01-01 00:42:42.005754+00	{"n": 42, "ok": true, "kind": "create"}
evt-000043	2024-01-01 00:43:43.005891+00	{"n": 43, "ok": false, "kind": "update"}
evt-000044	2024-01-01 00:44:44.006028+00	{"n": 44, "ok": true, "kind": "delete"}
evt-000045	2024-01-01 00:45:45.006165+00	{"n": 45, "ok": false, "kind": "create"}
evt-000046	2024-01-01 00:46:46.006302+00	{"n": 46, "ok": true, "kind": "update"}
evt-000047	2024-01-01 00:47:47.006439+00	{"n": 47, "ok": false, "kind": "delete"}
evt-000048	2024-01-01 00:48:48.006576+00	{"n": 48, "ok": true, "kind": "create"}
evt-000049	2024-01-01 00:49:49.006713+00	{"n": 49, "ok": false, "kind": "update"}
evt-000050	2024-01-01 00:50:50.00685+00	{"n": 50, "ok": true, "kind": "delete"}
evt-000051	2024-01-01 00:51:51.006987+00	{"n": 51, "ok": false, "kind": "create"}
evt-000052	2024-01-01 00:52:52.007124+00	{"n": 52, "ok": true, "kind": "update"}
evt-000053	2024-01-01 00:53:53.007261+00	{"n": 53, "ok": false, "kind": "delete"}
evt-000054	2024-01-01 00:54:54.007398+00	{"n": 54, "ok": true, "kind": "create"}
evt-000055	2024-01-01 00:55:55.007535+00	{"n": 55, "ok": false, "kind": "update"}
evt-000056	2024-01-01 00:56:56.007672+00	{"n": 56, "ok": true, "kind": "delete"}
evt-000057	2024-01-01 00:57:57.007809+00	{"n": 57, "ok": false, "kind": "create"}
evt-000058	2024-01-01 00:58:58.007946+00	{"n": 58, "ok": true, "kind": "update"}
evt-000059	2024-01-01 00:59:59.008083+00	{"n": 59, "ok": false, "kind": "delete"}
evt-000060	2024-01-01 01:01:00.00822+00	{"n": 60, "ok": true, "kind": "create"}
evt-000061	2024-01-01 01:02:01.008357+00	{"n": 61, "ok": false, "kind": "update"}
evt-000062	2024-01-01 01:03:02.008494+00	{"n": 62, "ok": true, "kind": "delete"}
evt-000063	2024-01-01 01:04:03.008631+00	{"n": 63, "ok": false, "kind": "create"}
evt-000064	2024-01-01 01:05:04.008768+00	{"n": 64, "ok": true, "kind": "update"}
evt-000065	2024-01-01 01:06:05.008905+00	{"n": 65, "ok": false, "kind": "delete"}
evt-000066	2024-01-01 01:07:06.009042+00	{"n": 66, "ok": true, "kind": "create"}
evt-000067	2024-01-01 01:08:07.009179+00	{"n": 67, "ok": false, "kind": "update"}
evt-000068	2024-01-01 01:09:08.009316+00	{"n": 68, "ok": true, "kind": "delete"}
evt-000069	2024-01-01 01:10:09.009453+00	{"n": 69, "ok": false, "kind": "create"}
evt-000070	2024-01-01 01:11:10.00959+00	{"n": 70, "ok": true, "kind": "update"}
evt-000071	2024-01-01 01:12:11.009727+00	{"n": 71, "ok": false, "kind": "delete"}
evt-000072	2024-01-01 01:13:12.009864+00	{"n": 72, "ok": true, "kind": "create"}
evt-000073	2024-01-01 01:14:13.010001+00	{"n": 73, "ok": false, "kind": "update"}
evt-000074	2024-01-01 01:15:14.010138+00	{"n": 74, "ok": true, "kind": "delete"}
evt-000075	2024-01-01 01:16:15.010275+00	{"n": 75, "ok": false, "kind": "create"}
evt-000076	2024-01-01 01:17:16.010412+00	{"n": 76, "ok": true, "kind": "update"}
evt-000077	2024-01-01 01:18:17.010549+00	{"n": 77, "ok": false, "kind": "delete"}
evt-000078	2024-01-01 01:19:18.010686+00	{"n": 78, "ok": true, "kind": "create"}
evt-000079	2024-01-01 01:20:19.010823+00	{"n": 79, "ok": false, "kind": "update"}
evt-000080	2024-01-01 01:21:20.01096+00	{"n": 80, "ok": true, "kind": "delete"}
evt-000081	2024-01-01 01:22:21.011097+00	{"n": 81, "ok": false, "kind": "create"}
evt-000082	2024-01-01 01:23:22.011234+00	{"n": 82, "ok": true, "kind": "update"}
evt-000083	2024-01-01 01:24:23.011371+00	{"n": 83, "ok": false, "kind": "delete"}
evt-000084	2024-01-01 01:25:24.011508+00	{"n": 84, "ok": true, "kind": "create"}
evt-000085	2024-01-01 01:26:25.011645+00	{"n": 85, "ok": false, "kind": "update"}
evt-000086	2024-01-01 01:27:26.011782+00	{"n": 86, "ok": true, "kind": "delete"}
evt-000087	2024-01-01 01:28:27.011919+00	{"n": 87, "ok": false, "kind": "create"}
evt-000088	2024-01-01 01:29:28.012056+00	{"n": 88, "ok": true, "kind": "update"}
evt-000089	2024-01-01 01:30:29.012193+00	{"n": 89, "ok": false, "kind": "delete"}
evt-000090	2024-01-01 01:31:30.01233+00	{"n": 90, "ok": true, "kind": "create"}
evt-000091	2024-01-01 01:32:31.012467+00	{"n": 91, "ok": false, "kind": "update"}
evt-000092	2024-01-01 01:33:32.012604+00	{"n": 92, "ok": true, "kind": "delete"}
evt-000093	2024-01-01 01:34:33.012741+00	{"n": 93, "ok": false, "kind": "create"}
evt-000094	2024-01-01 01:35:34.012878+00	{"n": 94, "ok": true, "kind": "update"}
evt-000095	2024-01-01 01:36:35.013015+00	{"n": 95, "ok": false, "kind": "delete"}
evt-000096	2024-01-01 01:37:36.013152+00	{"n": 96, "ok": true, "kind": "create"}
evt-000097	2024-01-01 01:38:37.013289+00	{"n": 97, "ok": false, "kind": "update"}
evt-000098	2024-01-01 01:39:38.013426+00	{"n": 98, "ok": true, "kind": "delete"}
evt-000099	2024-01-01 01:40:39.013563+00	{"n": 99, "ok": false, "kind": "create"}
evt-000100	2024-01-01 01:41:40.0137+00	{"n": 100, "ok": true, "kind": "update", "note": "tab\\there \\"q\\" \\\\ é"}
evt-000101	2024-01-01 01:42:41.013837+00	{"n": 101, "ok": false, "kind": "delete"}
evt-000102	2024-01-01 01:43:42.013974+00	{"n": 102, "ok": true, "kind": "create"}
evt-000103	2024-01-01 01:44:43.014111+00	{"n": 103, "ok": false, "kind": "update"}
evt-000104	2024-01-01 01:45:44.014248+00	{"n": 104, "ok": true, "kind": "delete"}
evt-000105	2024-01-01 01:46:45.014385+00	{"n": 105, "ok": false, "kind": "create"}
evt-000106	2024-01-01 01:47:46.014522+00	{"n": 106, "ok": true, "kind": "update"}
evt-000107	2024-01-01 01:48:47.014659+00	{"n": 107, "ok": false, "kind": "delete"}
evt-000108	2024-01-01 01:49:48.014796+00	{"n": 108, "ok": true, "kind": "create"}
evt-000109	2024-01-01 01:50:49.014933+00	{"n": 109, "ok": false, "kind": "update"}
evt-000110	2024-01-01 01:51:50.01507+00	{"n": 110, "ok": true, "kind": "delete"}
evt-000111	2024-01-01 01:52:51.015207+00	{"n": 111, "ok": false, "kind": "create"}
evt-000112	2024-01-01 01:53:52.015344+00	{"n": 112, "ok": true, "kind": "update"}
evt-000113	2024-01-01 01:54:53.015481+00	{"n": 113, "ok": false, "kind": "delete"}
evt-000114	2024-01-01 01:55:54.015618+00	{"n": 114, "ok": true, "kind": "create"}
evt-000115	2024-01-01 01:56:55.015755+00	{"n": 115, "ok": false, "kind": "update"}
evt-000116	2024-01-01 01:57:56.015892+00	{"n": 116, "ok": true, "kind": "delete"}
evt-000117	2024-01-01 01:58:57.016029+00	{"n": 117, "ok": false, "kind": "create"}
evt-000118	2024-01-01 01:59:58.016166+00	{"n": 118, "ok": true, "kind": "update"}
evt-000119	2024-01-01 02:00:59.016303+00	{"n": 119, "ok": false, "kind": "delete"}
evt-000120	2024-01-01 02:02:00.01644+00	{"n": 120, "ok": true, "kind": "create"}
evt-000121	2024-01-01 02:03:01.016577+00	{"n": 121, "ok": false, "kind": "update"}
evt-000122	2024-01-01 02:04:02.016714+00	{"n": 122, "ok": true, "kind": "delete"}
evt-000123	2024-01-01 02:05:03.016851+00	{"n": 123, "ok": false, "kind": "create"}
evt-000124	2024-01-01 02:06:04.016988+00	{"n": 124, "ok": true, "kind": "update"}
evt-000125	2024-01-01 02:07:05.017125+00	{"n": 125, "ok": false, "kind": "delete"}
evt-000126	2024-01-01 02:08:06.017262+00	{"n": 126, "ok": true, "kind": "create"}
evt-000127	2024-01-01 02:09:07.017399+00	{"n": 127, "ok": false, "kind": "update"}
evt-000128	2024-01-01 02:10:08.017536+00	{"n": 128, "ok": true, "kind": "delete"}
evt-000129	2024-01-01 02:11:09.017673+00	{"n": 129, "ok": false, "kind": "create"}
evt-000130	2024-01-01 02:12:10.01781+00	{"n": 130, "ok": true, "kind": "update"}
evt-000131	2024-01-01 02:13:11.017947+00	{"n": 131, "ok": false, "kind": "delete"}
evt-000132	2024-01-01 02:14:12.018084+00	{"n": 132, "ok": true, "kind": "create"}
evt-000133	2024-01-01 02:15:13.018221+00	{"n": 133, "ok": false, "kind": "update"}
evt-000134	2024-01-01 02:16:14.018358+00	{"n": 134, "ok": true, "kind": "delete"}
evt-000135	2024-01-01 02:17:15.018495+00	{"n": 135, "ok": false, "kind": "create"}
evt-000136	2024-01-01 02:18:16.018632+00	{"n": 136, "ok": true, "kind": "update"}
evt-000137	2024-01-01 02:19:17.018769+00	{"n": 137, "ok": false, "kind": "delete"}
evt-000138	2024-01-01 02:20:18.018906+00	{"n": 138, "ok": true, "kind": "create"}
evt-000139	2024-01-01 02:21:19.019043+00	{"n": 139, "ok": false, "kind": "update"}
evt-000140	2024-01-01 02:22:20.01918+00	{"n": 140, "ok": true, "kind": "delete"}
evt-000141	2024-01-01 02:23:21.019317+00	{"n": 141, "ok": false, "kind": "create"}
evt-000142	2024-01-01 02:24:22.019454+00	{"n": 142, "ok": true, "kind": "update"}
evt-000143	2024-01-01 02:25:23.019591+00	{"n": 143, "ok": false, "kind": "delete"}
evt-000144	2024-01-01 02:26:24.019728+00	{"n": 144, "ok": true, "kind": "create"}
evt-000145	2024-01-01 02:27:25.019865+00	{"n": 145, "ok": false, "kind": "update"}
evt-000146	2024-01-01 02:28:26.020002+00	{"n": 146, "ok": true, "kind": "delete"}
evt-000147	2024-01-01 02:29:27.020139+00	{"n": 147, "ok": false, "kind": "create"}
evt-000148	2024-01-01 02:30:28.020276+00	{"n": 148, "ok": true, "kind": "update"}
evt-000149	2024-01-01 02:31:29.020413+00	{"n": 149, "ok": false, "kind": "delete"}
evt-000150	2024-01-01 02:32:30.02055+00	{"n": 150, "ok": true, "kind": "create"}
evt-000151	2024-01-01 02:33:31.020687+00	{"n": 151, "ok": false, "kind": "update"}
evt-000152	2024-01-01 02:34:32.020824+00	{"n": 152, "ok": true, "kind": "delete"}
evt-000153	2024-01-01 02:35:33.020961+00	{"n": 153, "ok": false, "kind": "create"}
evt-000154	2024-01-01 02:36:34.021098+00	{"n": 154, "ok": true, "kind": "update"}
evt-000155	2024-01-01 02:37:35.021235+00	{"n": 155, "ok": false, "kind": "delete"}
evt-000156	2024-01-01 02:38:36.021372+00	{"n": 156, "ok": true, "kind": "create"}
evt-000157	2024-01-01 02:39:37.021509+00	{"n": 157, "ok": false, "kind": "update"}
evt-000158	2024-01-01 02:40:38.021646+00	{"n": 158, "ok": true, "kind": "delete"}
evt-000159	2024-01-01 02:41:39.021783+00	{"n": 159, "ok": false, "kind": "create"}
evt-000160	2024-01-01 02:42:40.02192+00	{"n": 160, "ok": true, "kind": "update"}
evt-000161	2024-01-01 02:43:41.022057+00	{"n": 161, "ok": false, "kind": "delete"}
evt-000162	2024-01-01 02:44:42.022194+00	{"n": 162, "ok": true, "kind": "create"}
evt-000163	2024-01-01 02:45:43.022331+00	{"n": 163, "ok": false, "kind": "update"}
evt-000164	2024-01-01 02:46:44.022468+00	{"n": 164, "ok": true, "kind": "delete"}
evt-000165	2024-01-01 02:47:45.022605+00	{"n": 165, "ok": false, "kind": "create"}
evt-000166	2024-01-01 02:48:46.022742+00	{"n": 166, "ok": true, "kind": "update"}
evt-000167	2024-01-01 02:49:47.022879+00	{"n": 167, "ok": false, "kind": "delete"}
evt-000168	2024-01-01 02:50:48.023016+00	{"n": 168, "ok": true, "kind": "create"}
evt-000169	2024-01-01 02:51:49.023153+00	{"n": 169, "ok": false, "kind": "update"}
evt-000170	2024-01-01 02:52:50.02329+00	{"n": 170, "ok": true, "kind": "delete"}
evt-000171	2024-01-01 02:53:51.023427+00	{"n": 171, "ok": false, "kind": "create"}
evt-000172	2024-01-01 02:54:52.023564+00	{"n": 172, "ok": true, "kind": "update"}
evt-000173	2024-01-01 02:55:53.023701+00	{"n": 173, "ok": false, "kind": "delete"}
evt-000174	2024-01-01 02:56:54.023838+00	{"n": 174, "ok": true, "kind": "create"}
evt-000175	2024-01-01 02:57:55.023975+00	{"n": 175, "ok": false, "kind": "update"}
evt-000176	2024-01-01 02:58:56.024112+00	{"n": 176, "ok": true, "kind": "delete"}
evt-000177	2024-01-01 02:59:57.024249+00	{"n": 177, "ok": false, "kind": "create"}
evt-000178	2024-01-01 03:00:58.024386+00	{"n": 178, "ok": true, "kind": "update"}
evt-000179	2024-01-01 03:01:59.024523+00	{"n": 179, "ok": false, "kind": "delete"}
evt-000180	2024-01-01 03:03:00.02466+00	{"n": 180, "ok": true, "kind": "create"}
evt-000181	2024-01-01 03:04:01.024797+00	{"n": 181, "ok": false, "kind": "update"}
evt-000182	2024-01-01 03:05:02.024934+00	{"n": 182, "ok": true, "kind": "delete"}
evt-000183	2024-01-01 03:06:03.025071+00	{"n": 183, "ok": false, "kind": "create"}
evt-000184	2024-01-01 03:07:04.025208+00	{"n": 184, "ok": true, "kind": "update"}
evt-000185	2024-01-01 03:08:05.025345+00	{"n": 185, "ok": false, "kind": "delete"}
evt-000186	2024-01-01 03:09:06.025482+00	{"n": 186, "ok": true, "kind": "create"}
evt-000187	2024-01-01 03:10:07.025619+00	{"n": 187, "ok": false, "kind": "update"}
evt-000188	2024-01-01 03:11:08.025756+00	{"n": 188, "ok": true, "kind": "delete"}
evt-000189	2024-01-01 03:12:09.025893+00	{"n": 189, "ok": false, "kind": "create"}
evt-000190	2024-01-01 03:13:10.02603+00	{"n": 190, "ok": true, "kind": "update"}
evt-000191	2024-01-01 03:14:11.026167+00	{"n": 191, "ok": false, "kind": "delete"}
evt-000192	2024-01-01 03:15:12.026304+00	{"n": 192, "ok": true, "kind": "create"}
evt-000193	2024-01-01 03:16:13.026441+00	{"n": 193, "ok": false, "kind": "update"}
evt-000194	2024-01-01 03:17:14.026578+00	{"n": 194, "ok": true, "kind": "delete"}
evt-000195	2024-01-01 03:18:15.026715+00	{"n": 195, "ok": false, "kind": "create"}
evt-000196	2024-01-01 03:19:16.026852+00	{"n": 196, "ok": true, "kind": "update"}
evt-000197	2024-01-01 03:20:17.026989+00	{"n": 197, "ok": false, "kind": "delete"}
evt-000198	2024-01-01 03:21:18.027126+00	{"n": 198, "ok": true, "kind": "create"}
evt-000199	2024-01-01 03:22:19.027263+00	{"n": 199, "ok": false, "kind": "update"}
evt-000200	2024-01-01 03:23:20.0274+00	{"n": 200, "ok": true, "kind": "delete", "note": "tab\\there \\"q\\" \\\\ é"}
evt-000201	2024-01-01 03:24:21.027537+00	{"n": 201, "ok": false, "kind": "create"}
evt-000202	2024-01-01 03:25:22.027674+00	{"n": 202, "ok": true, "kind": "update"}
evt-000203	2024-01-01 03:26:23.027811+00	{"n": 203, "ok": false, "kind": "delete"}
evt-000204	2024-01-01 03:27:24.027948+00	{"n": 204, "ok": true, "kind": "create"}
evt-000205	2024-01-01 03:28:25.028085+00	{"n": 205, "ok": false, "kind": "update"}
evt-000206	2024-01-01 03:29:26.028222+00	{"n": 206, "ok": true, "kind": "delete"}
evt-000207	2024-01-01 03:30:27.028359+00	{"n": 207, "ok": false, "kind": "create"}
evt-000208	2024-01-01 03:31:28.028496+00	{"n": 208, "ok": true, "kind": "update"}
evt-000209	2024-01-01 03:32:29.028633+00	{"n": 209, "ok": false, "kind": "delete"}
evt-000210	2024-01-01 03:33:30.02877+00	{"n": 210, "ok": true, "kind": "create"}
evt-000211	2024-01-01 03:34:31.028907+00	{"n": 211, "ok": false, "kind": "update"}
evt-000212	2024-01-01 03:35:32.029044+00	{"n": 212, "ok": true, "kind": "delete"}
evt-000213	2024-01-01 03:36:33.029181+00	{"n": 213, "ok": false, "kind": "create"}
evt-000214	2024-01-01 03:37:34.029318+00	{"n": 214, "ok": true, "kind": "update"}
evt-000215	2024-01-01 03:38:35.029455+00	{"n": 215, "ok": false, "kind": "delete"}
evt-000216	2024-01-01 03:39:36.029592+00	{"n": 216, "ok": true, "kind": "create"}
evt-000217	2024-01-01 03:40:37.029729+00	{"n": 217, "ok": false, "kind": "update"}
evt-000218	2024-01-01 03:41:38.029866+00	{"n": 218, "ok": true, "kind": "delete"}
evt-000219	2024-01-01 03:42:39.030003+00	{"n": 219, "ok": false, "kind": "create"}
evt-000220	2024-01-01 03:43:40.03014+00	{"n": 220, "ok": true, "kind": "update"}
evt-000221	2024-01-01 03:44:41.030277+00	{"n": 221, "ok": false, "kind": "delete"}
evt-000222	2024-01-01 03:45:42.030414+00	{"n": 222, "ok": true, "kind": "create"}
evt-000223	2024-01-01 03:46:43.030551+00	{"n": 223, "ok": false, "kind": "update"}
evt-000224	2024-01-01 03:47:44.030688+00	{"n": 224, "ok": true, "kind": "delete"}
evt-000225	2024-01-01 03:48:45.030825+00	{"n": 225, "ok": false, "kind": "create"}
evt-000226	2024-01-01 03:49:46.030962+00	{"n": 226, "ok": true, "kind": "update"}
evt-000227	2024-01-01 03:50:47.031099+00	{"n": 227, "ok": false, "kind": "delete"}
evt-000228	2024-01-01 03:51:48.031236+00	{"n": 228, "ok": true, "kind": "create"}
evt-000229	2024-01-01 03:52:49.031373+00	{"n": 229, "ok": false, "kind": "update"}
evt-000230	2024-01-01 03:53:50.03151+00	{"n": 230, "ok": true, "kind": "delete"}
evt-000231	2024-01-01 03:54:51.031647+00	{"n": 231, "ok": false, "kind": "create"}
evt-000232	2024-01-01 03:55:52.031784+00	{"n": 232, "ok": true, "kind": "update"}
evt-000233	2024-01-01 03:56:53.031921+00	{"n": 233, "ok": false, "kind": "delete"}
evt-000234	2024-01-01 03:57:54.032058+00	{"n": 234, "ok": true, "kind": "create"}
evt-000235	2024-01-01 03:58:55.032195+00	{"n": 235, "ok": false, "kind": "update"}
evt-000236	2024-01-01 03:59:56.032332+00	{"n": 236, "ok": true, "kind": "delete"}
evt-000237	2024-01-01 04:00:57.032469+00	{"n": 237, "ok": false, "kind": "create"}
evt-000238	2024-01-01 04:01:58.032606+00	{"n": 238, "ok": true, "kind": "update"}
evt-000239	2024-01-01 04:02:59.032743+00	{"n": 239, "ok": false, "kind": "delete"}
evt-000240	2024-01-01 04:04:00.03288+00	{"n": 240, "ok": true, "kind": "create"}
evt-000241	2024-01-01 04:05:01.033017+00	{"n": 241, "ok": false, "kind": "update"}
evt-000242	2024-01-01 04:06:02.033154+00	{"n": 242, "ok": true, "kind": "delete"}
evt-000243	2024-01-01 04:07:03.033291+00	{"n": 243, "ok": false, "kind": "create"}
evt-000244	2024-01-01 04:08:04.033428+00	{"n": 244, "ok": true, "kind": "update"}
evt-000245	2024-01-01 04:09:05.033565+00	{"n": 245, "ok": false, "kind": "delete"}
evt-000246	2024-01-01 04:10:06.033702+00	{"n": 246, "ok": true, "kind": "create"}
evt-000247	2024-01-01 04:11:07.033839+00	{"n": 247, "ok": false, "kind": "update"}
evt-000248	2024-01-01 04:12:08.033976+00	{"n": 248, "ok": true, "kind": "delete"}
evt-000249	2024-01-01 04:13:09.034113+00	{"n": 249, "ok": false, "kind": "create"}
evt-000250	2024-01-01 04:14:10.03425+00	{"n": 250, "ok": true, "kind": "update"}
evt-000251	2024-01-01 04:15:11.034387+00	{"n": 251, "ok": false, "kind": "delete"}
evt-000252	2024-01-01 04:16:12.034524+00	{"n": 252, "ok": true, "kind": "create"}
evt-000253	2024-01-01 04:17:13.034661+00	{"n": 253, "ok": false, "kind": "update"}
evt-000254	2024-01-01 04:18:14.034798+00	{"n": 254, "ok": true, "kind": "delete"}
evt-000255	2024-01-01 04:19:15.034935+00	{"n": 255, "ok": false, "kind": "create"}
evt-000256	2024-01-01 04:20:16.035072+00	{"n": 256, "ok": true, "kind": "update"}
evt-000257	2024-01-01 04:21:17.035209+00	{"n": 257, "ok": false, "kind": "delete"}
evt-000258	2024-01-01 04:22:18.035346+00	{"n": 258, "ok": true, "kind": "create"}
evt-000259	2024-01-01 04:23:19.035483+00	{"n": 259, "ok": false, "kind": "update"}
evt-000260	2024-01-01 04:24:20.03562+00	{"n": 260, "ok": true, "kind": "delete"}
evt-000261	2024-01-01 04:25:21.035757+00	{"n": 261, "ok": false, "kind": "create"}
evt-000262	2024-01-01 04:26:22.035894+00	{"n": 262, "ok": true, "kind": "update"}
evt-000263	2024-01-01 04:27:23.036031+00	{"n": 263, "ok": false, "kind": "delete"}
evt-000264	2024-01-01 04:28:24.036168+00	{"n": 264, "ok": true, "kind": "create"}
evt-000265	2024-01-01 04:29:25.036305+00	{"n": 265, "ok": false, "kind": "update"}
evt-000266	2024-01-01 04:30:26.036442+00	{"n": 266, "ok": true, "kind": "delete"}
evt-000267	2024-01-01 04:31:27.036579+00	{"n": 267, "ok": false, "kind": "create"}
evt-000268	2024-01-01 04:32:28.036716+00	{"n": 268, "ok": true, "kind": "update"}
evt-000269	2024-01-01 04:33:29.036853+00	{"n": 269, "ok": false, "kind": "delete"}
evt-000270	2024-01-01 04:34:30.03699+00	{"n": 270, "ok": true, "kind": "create"}
evt-000271	2024-01-01 04:35:31.037127+00	{"n": 271, "ok": false, "kind": "update"}
evt-000272	2024-01-01 04:36:32.037264+00	{"n": 272, "ok": true, "kind": "delete"}
evt-000273	2024-01-01 04:37:33.037401+00	{"n": 273, "ok": false, "kind": "create"}
evt-000274	2024-01-01 04:38:34.037538+00	{"n": 274, "ok": true, "kind": "update"}
evt-000275	2024-01-01 04:39:35.037675+00	{"n": 275, "ok": false, "kind": "delete"}
evt-000276	2024-01-01 04:40:36.037812+00	{"n": 276, "ok": true, "kind": "create"}
evt-000277	2024-01-01 04:41:37.037949+00	{"n": 277, "ok": false, "kind": "update"}
evt-000278	2024-01-01 04:42:38.038086+00	{"n": 278, "ok": true, "kind": "delete"}
evt-000279	2024-01-01 04:43:39.038223+00	{"n": 279, "ok": false, "kind": "create"}
evt-000280	2024-01-01 04:44:40.03836+00	{"n": 280, "ok": true, "kind": "update"}
evt-000281	2024-01-01 04:45:41.038497+00	{"n": 281, "ok": false, "kind": "delete"}
evt-000282	2024-01-01 04:46:42.038634+00	{"n": 282, "ok": true, "kind": "create"}
evt-000283	2024-01-01 04:47:43.038771+00	{"n": 283, "ok": false, "kind": "update"}
evt-000284	2024-01-01 04:48:44.038908+00	{"n": 284, "ok": true, "kind": "delete"}
evt-000285	2024-01-01 04:49:45.039045+00	{"n": 285, "ok": false, "kind": "create"}
evt-000286	2024-01-01 04:50:46.039182+00	{"n": 286, "ok": true, "kind": "update"}
evt-000287	2024-01-01 04:51:47.039319+00	{"n": 287, "ok": false, "kind": "delete"}
evt-000288	2024-01-01 04:52:48.039456+00	{"n": 288, "ok": true, "kind": "create"}
evt-000289	2024-01-01 04:53:49.039593+00	{"n": 289, "ok": false, "kind": "update"}
evt-000290	2024-01-01 04:54:50.03973+00	{"n": 290, "ok": true, "kind": "delete"}
evt-000291	2024-01-01 04:55:51.039867+00	{"n": 291, "ok": false, "kind": "create"}
evt-000292	2024-01-01 04:56:52.040004+00	{"n": 292, "ok": true, "kind": "update"}
evt-000293	2024-01-01 04:57:53.040141+00	{"n": 293, "ok": false, "kind": "delete"}
evt-000294	2024-01-01 04:58:54.040278+00	{"n": 294, "ok": true, "kind": "create"}
evt-000295	2024-01-01 04:59:55.040415+00	{"n": 295, "ok": false, "kind": "update"}
evt-000296	2024-01-01 05:00:56.040552+00	{"n": 296, "ok": true, "kind": "delete"}
evt-000297	2024-01-01 05:01:57.040689+00	{"n": 297, "ok": false, "kind": "create"}
evt-000298	2024-01-01 05:02:58.040826+00	{"n": 298, "ok": true, "kind": "update"}
evt-000299	2024-01-01 05:03:59.040963+00	{"n": 299, "ok": false, "kind": "delete"}
evt-000300	2024-01-01 05:05:00.0411+00	{"n": 300, "ok": true, "kind": "create", "note": "tab\\there \\"q\\" \\\\ é"}
evt-000301	2024-01-01 05:06:01.041237+00	{"n": 301, "ok": false, "kind": "update"}
evt-000302	2024-01-01 05:07:02.041374+00	{"n": 302, "ok": true, "kind": "delete"}
evt-000303	2024-01-01 05:08:03.041511+00	{"n": 303, "ok": false, "kind": "create"}
evt-000304	2024-01-01 05:09:04.041648+00	{"n": 304, "ok": true, "kind": "update"}
evt-000305	2024-01-01 05:10:05.041785+00	{"n": 305, "ok": false, "kind": "delete"}
evt-000306	2024-01-01 05:11:06.041922+00	{"n": 306, "ok": true, "kind": "create"}
evt-000307	2024-01-01 05:12:07.042059+00	{"n": 307, "ok": false, "kind": "update"}
evt-000308	2024-01-01 05:13:08.042196+00	{"n": 308, "ok": true, "kind": "delete"}
evt-000309	2024-01-01 05:14:09.042333+00	{"n": 309, "ok": false, "kind": "create"}
evt-000310	2024-01-01 05:15:10.04247+00	{"n": 310, "ok": true, "kind": "update"}
evt-000311	2024-01-01 05:16:11.042607+00	{"n": 311, "ok": false, "kind": "delete"}
evt-000312	2024-01-01 05:17:12.042744+00	{"n": 312, "ok": true, "kind": "create"}
evt-000313	2024-01-01 05:18:13.042881+00	{"n": 313, "ok": false, "kind": "update"}
evt-000314	2024-01-01 05:19:14.043018+00	{"n": 314, "ok": true, "kind": "delete"}
evt-000315	2024-01-01 05:20:15.043155+00	{"n": 315, "ok": false, "kind": "create"}
evt-000316	2024-01-01 05:21:16.043292+00	{"n": 316, "ok": true, "kind": "update"}
evt-000317	2024-01-01 05:22:17.043429+00	{"n": 317, "ok": false, "kind": "delete"}
evt-000318	2024-01-01 05:23:18.043566+00	{"n": 318, "ok": true, "kind": "create"}
evt-000319	2024-01-01 05:24:19.043703+00	{"n": 319, "ok": false, "kind": "update"}
evt-000320	2024-01-01 05:25:20.04384+00	{"n": 320, "ok": true, "kind": "delete"}
evt-000321	2024-01-01 05:26:21.043977+00	{"n": 321, "ok": false, "kind": "create"}
evt-000322	2024-01-01 05:27:22.044114+00	{"n": 322, "ok": true, "kind": "update"}
evt-000323	2024-01-01 05:28:23.044251+00	{"n": 323, "ok": false, "kind": "delete"}
evt-000324	2024-01-01 05:29:24.044388+00	{"n": 324, "ok": true, "kind": "create"}
evt-000325	2024-01-01 05:30:25.044525+00	{"n": 325, "ok": false, "kind": "update"}
evt-000326	2024-01-01 05:31:26.044662+00	{"n": 326, "ok": true, "kind": "delete"}
evt-000327	2024-01-01 05:32:27.044799+00	{"n": 327, "ok": false, "kind": "create"}
evt-000328	2024-01-01 05:33:28.044936+00	{"n": 328, "ok": true, "kind": "update"}
evt-000329	2024-01-01 05:34:29.045073+00	{"n": 329, "ok": false, "kind": "delete"}
evt-000330	2024-01-01 05:35:30.04521+00	{"n": 330, "ok": true, "kind": "create"}
evt-000331	2024-01-01 05:36:31.045347+00	{"n": 331, "ok": false, "kind": "update"}
evt-000332	2024-01-01 05:37:32.045484+00	{"n": 332, "ok": true, "kind": "delete"}
evt-000333	2024-01-01 05:38:33.045621+00	{"n": 333, "ok": false, "kind": "create"}
evt-000334	2024-01-01 05:39:34.045758+00	{"n": 334, "ok": true, "kind": "update"}
evt-000335	2024-01-01 05:40:35.045895+00	{"n": 335, "ok": false, "kind": "delete"}
evt-000336	2024-01-01 05:41:36.046032+00	{"n": 336, "ok": true, "kind": "create"}
evt-000337	2024-01-01 05:42:37.046169+00	{"n": 337, "ok": false, "kind": "update"}
evt-000338	2024-01-01 05:43:38.046306+00	{"n": 338, "ok": true, "kind": "delete"}
evt-000339	2024-01-01 05:44:39.046443+00	{"n": 339, "ok": false, "kind": "create"}
evt-000340	2024-01-01 05:45:40.04658+00	{"n": 340, "ok": true, "kind": "update"}
evt-000341	2024-01-01 05:46:41.046717+00	{"n": 341, "ok": false, "kind": "delete"}
evt-000342	2024-01-01 05:47:42.046854+00	{"n": 342, "ok": true, "kind": "create"}
evt-000343	2024-01-01 05:48:43.046991+00	{"n": 343, "ok": false, "kind": "update"}
evt-000344	2024-01-01 05:49:44.047128+00	{"n": 344, "ok": true, "kind": "delete"}
evt-000345	2024-01-01 05:50:45.047265+00	{"n": 345, "ok": false, "kind": "create"}
evt-000346	2024-01-01 05:51:46.047402+00	{"n": 346, "ok": true, "kind": "update"}
evt-000347	2024-01-01 05:52:47.047539+00	{"n": 347, "ok": false, "kind": "delete"}
evt-000348	2024-01-01 05:53:48.047676+00	{"n": 348, "ok": true, "kind": "create"}
evt-000349	2024-01-01 05:54:49.047813+00	{"n": 349, "ok": false, "kind": "update"}
evt-000350	2024-01-01 05:55:50.04795+00	{"n": 350, "ok": true, "kind": "delete"}
evt-000351	2024-01-01 05:56:51.048087+00	{"n": 351, "ok": false, "kind": "create"}
evt-000352	2024-01-01 05:57:52.048224+00	{"n": 352, "ok": true, "kind": "update"}
evt-000353	2024-01-01 05:58:53.048361+00	{"n": 353, "ok": false, "kind": "delete"}
evt-000354	2024-01-01 05:59:54.048498+00	{"n": 354, "ok": true, "kind": "create"}
evt-000355	2024-01-01 06:00:55.048635+00	{"n": 355, "ok": false, "kind": "update"}
evt-000356	2024-01-01 06:01:56.048772+00	{"n": 356, "ok": true, "kind": "delete"}
evt-000357	2024-01-01 06:02:57.048909+00	{"n": 357, "ok": false, "kind": "create"}
evt-000358	2024-01-01 06:03:58.049046+00	{"n": 358, "ok": true, "kind": "update"}
evt-000359	2024-01-01 06:04:59.049183+00	{"n": 359, "ok": false, "kind": "delete"}
evt-000360	2024-01-01 06:06:00.04932+00	{"n": 360, "ok": true, "kind": "create"}
evt-000361	2024-01-01 06:07:01.049457+00	{"n": 361, "ok": false, "kind": "update"}
evt-000362	2024-01-01 06:08:02.049594+00	{"n": 362, "ok": true, "kind": "delete"}
evt-000363	2024-01-01 06:09:03.049731+00	{"n": 363, "ok": false, "kind": "create"}
evt-000364	2024-01-01 06:10:04.049868+00	{"n": 364, "ok": true, "kind": "update"}
evt-000365	2024-01-01 06:11:05.050005+00	{"n": 365, "ok": false, "kind": "delete"}
evt-000366	2024-01-01 06:12:06.050142+00	{"n": 366, "ok": true, "kind": "create"}
evt-000367	2024-01-01 06:13:07.050279+00	{"n": 367, "ok": false, "kind": "update"}
evt-000368	2024-01-01 06:14:08.050416+00	{"n": 368, "ok": true, "kind": "delete"}
evt-000369	2024-01-01 06:15:09.050553+00	{"n": 369, "ok": false, "kind": "create"}
evt-000370	2024-01-01 06:16:10.05069+00	{"n": 370, "ok": true, "kind": "update"}
evt-000371	2024-01-01 06:17:11.050827+00	{"n": 371, "ok": false, "kind": "delete"}
evt-000372	2024-01-01 06:18:12.050964+00	{"n": 372, "ok": true, "kind": "create"}
evt-000373	2024-01-01 06:19:13.051101+00	{"n": 373, "ok": false, "kind": "update"}
evt-000374	2024-01-01 06:20:14.051238+00	{"n": 374, "ok": true, "kind": "delete"}
evt-000375	2024-01-01 06:21:15.051375+00	{"n": 375, "ok": false, "kind": "create"}
evt-000376	2024-01-01 06:22:16.051512+00	{"n": 376, "ok": true, "kind": "update"}
evt-000377	2024-01-01 06:23:17.051649+00	{"n": 377, "ok": false, "kind": "delete"}
evt-000378	2024-01-01 06:24:18.051786+00	{"n": 378, "ok": true, "kind": "create"}
evt-000379	2024-01-01 06:25:19.051923+00	{"n": 379, "ok": false, "kind": "update"}
evt-000380	2024-01-01 06:26:20.05206+00	{"n": 380, "ok": true, "kind": "delete"}
evt-000381	2024-01-01 06:27:21.052197+00	{"n": 381, "ok": false, "kind": "create"}
evt-000382	2024-01-01 06:28:22.052334+00	{"n": 382, "ok": true, "kind": "update"}
evt-000383	2024-01-01 06:29:23.052471+00	{"n": 383, "ok": false, "kind": "delete"}
evt-000384	2024-01-01 06:30:24.052608+00	{"n": 384, "ok": true, "kind": "create"}
evt-000385	2024-01-01 06:31:25.052745+00	{"n": 385, "ok": false, "kind": "update"}
evt-000386	2024-01-01 06:32:26.052882+00	{"n": 386, "ok": true, "kind": "delete"}
evt-000387	2024-01-01 06:33:27.053019+00	{"n": 387, "ok": false, "kind": "create"}
evt-000388	2024-01-01 06:34:28.053156+00	{"n": 388, "ok": true, "kind": "update"}
evt-000389	2024-01-01 06:35:29.053293+00	{"n": 389, "ok": false, "kind": "delete"}
evt-000390	2024-01-01 06:36:30.05343+00	{"n": 390, "ok": true, "kind": "create"}
evt-000391	2024-01-01 06:37:31.053567+00	{"n": 391, "ok": false, "kind": "update"}
evt-000392	2024-01-01 06:38:32.053704+00	{"n": 392, "ok": true, "kind": "delete"}
evt-000393	2024-01-01 06:39:33.053841+00	{"n": 393, "ok": false, "kind": "create"}
evt-000394	2024-01-01 06:40:34.053978+00	{"n": 394, "ok": true, "kind": "update"}
evt-000395	2024-01-01 06:41:35.054115+00	{"n": 395, "ok": false, "kind": "delete"}
evt-000396	2024-01-01 06:42:36.054252+00	{"n": 396, "ok": true, "kind": "create"}
evt-000397	2024-01-01 06:43:37.054389+00	{"n": 397, "ok": false, "kind": "update"}
evt-000398	2024-01-01 06:44:38.054526+00	{"n": 398, "ok": true, "kind": "delete"}
evt-000399	2024-01-01 06:45:39.054663+00	{"n": 399, "ok": false, "kind": "create"}
evt-000400	2024-01-01 06:46:40.0548+00	{"n": 400, "ok": true, "kind": "update", "note": "tab\\there \\"q\\" \\\\ é"}
evt-000401	2024-01-01 06:47:41.054937+00	{"n": 401, "ok": false, "kind": "delete"}
evt-000402	2024-01-01 06:48:42.055074+00	{"n": 402, "ok": true, "kind": "create"}
evt-000403	2024-01-01 06:49:43.055211+00	{"n": 403, "ok": false, "kind": "update"}
evt-000404	2024-01-01 06:50:44.055348+00	{"n": 404, "ok": true, "kind": "delete"}
evt-000405	2024-01-01 06:51:45.055485+00	{"n": 405, "ok": false, "kind": "create"}
evt-000406	2024-01-01 06:52:46.055622+00	{"n": 406, "ok": true, "kind": "update"}
evt-000407	2024-01-01 06:53:47.055759+00	{"n": 407, "ok": false, "kind": "delete"}
evt-000408	2024-01-01 06:54:48.055896+00	{"n": 408, "ok": true, "kind": "create"}
evt-000409	2024-01-01 06:55:49.056033+00	{"n": 409, "ok": false, "kind": "update"}
evt-000410	2024-01-01 06:56:50.05617+00	{"n": 410, "ok": true, "kind": "delete"}
evt-000411	2024-01-01 06:57:51.056307+00	{"n": 411, "ok": false, "kind": "create"}
evt-000412	2024-01-01 06:58:52.056444+00	{"n": 412, "ok": true, "kind": "update"}
evt-000413	2024-01-01 06:59:53.056581+00	{"n": 413, "ok": false, "kind": "delete"}
evt-000414	2024-01-01 07:00:54.056718+00	{"n": 414, "ok": true, "kind": "create"}
evt-000415	2024-01-01 07:01:55.056855+00	{"n": 415, "ok": false, "kind": "update"}
evt-000416	2024-01-01 07:02:56.056992+00	{"n": 416, "ok": true, "kind": "delete"}
evt-000417	2024-01-01 07:03:57.057129+00	{"n": 417, "ok": false, "kind": "create"}
evt-000418	2024-01-01 07:04:58.057266+00	{"n": 418, "ok": true, "kind": "update"}
evt-000419	2024-01-01 07:05:59.057403+00	{"n": 419, "ok": false, "kind": "delete"}
evt-000420	2024-01-01 07:07:00.05754+00	{"n": 420, "ok": true, "kind": "create"}
evt-000421	2024-01-01 07:08:01.057677+00	{"n": 421, "ok": false, "kind": "update"}
evt-000422	2024-01-01 07:09:02.057814+00	{"n": 422, "ok": true, "kind": "delete"}
evt-000423	2024-01-01 07:10:03.057951+00	{"n": 423, "ok": false, "kind": "create"}
evt-000424	2024-01-01 07:11:04.058088+00	{"n": 424, "ok": true, "kind": "update"}
evt-000425	2024-01-01 07:12:05.058225+00	{"n": 425, "ok": false, "kind": "delete"}
evt-000426	2024-01-01 07:13:06.058362+00	{"n": 426, "ok": true, "kind": "create"}
evt-000427	2024-01-01 07:14:07.058499+00	{"n": 427, "ok": false, "kind": "update"}
evt-000428	2024-01-01 07:15:08.058636+00	{"n": 428, "ok": true, "kind": "delete"}
evt-000429	2024-01-01 07:16:09.058773+00	{"n": 429, "ok": false, "kind": "create"}
evt-000430	2024-01-01 07:17:10.05891+00	{"n": 430, "ok": true, "kind": "update"}
evt-000431	2024-01-01 07:18:11.059047+00	{"n": 431, "ok": false, "kind": "delete"}
evt-000432	2024-01-01 07:19:12.059184+00	{"n": 432, "ok": true, "kind": "create"}
evt-000433	2024-01-01 07:20:13.059321+00	{"n": 433, "ok": false, "kind": "update"}
evt-000434	2024-01-01 07:21:14.059458+00	{"n": 434, "ok": true, "kind": "delete"}
evt-000435	2024-01-01 07:22:15.059595+00	{"n": 435, "ok": false, "kind": "create"}
evt-000436	2024-01-01 07:23:16.059732+00	{"n": 436, "ok": true, "kind": "update"}
evt-000437	2024-01-01 07:24:17.059869+00	{"n": 437, "ok": false, "kind": "delete"}
evt-000438	2024-01-01 07:25:18.060006+00	{"n": 438, "ok": true, "kind": "create"}
evt-000439	2024-01-01 07:26:19.060143+00	{"n": 439, "ok": false, "kind": "update"}
evt-000440	2024-01-01 07:27:20.06028+00	{"n": 440, "ok": true, "kind": "delete"}
evt-000441	2024-01-01 07:28:21.060417+00	{"n": 441, "ok": false, "kind": "create"}
evt-000442	2024-01-01 07:29:22.060554+00	{"n": 442, "ok": true, "kind": "update"}
evt-000443	2024-01-01 07:30:23.060691+00	{"n": 443, "ok": false, "kind": "delete"}
evt-000444	2024-01-01 07:31:24.060828+00	{"n": 444, "ok": true, "kind": "create"}
evt-000445	2024-01-01 07:32:25.060965+00	{"n": 445, "ok": false, "kind": "update"}
evt-000446	2024-01-01 07:33:26.061102+00	{"n": 446, "ok": true, "kind": "delete"}
evt-000447	2024-01-01 07:34:27.061239+00	{"n": 447, "ok": false, "kind": "create"}
evt-000448	2024-01-01 07:35:28.061376+00	{"n": 448, "ok": true, "kind": "update"}
evt-000449	2024-01-01 07:36:29.061513+00	{"n": 449, "ok": false, "kind": "delete"}
evt-000450	2024-01-01 07:37:30.06165+00	{"n": 450, "ok": true, "kind": "create"}
evt-000451	2024-01-01 07:38:31.061787+00	{"n": 451, "ok": false, "kind": "update"}
evt-000452	2024-01-01 07:39:32.061924+00	{"n": 452, "ok": true, "kind": "delete"}
evt-000453	2024-01-01 07:40:33.062061+00	{"n": 453, "ok": false, "kind": "create"}
evt-000454	2024-01-01 07:41:34.062198+00	{"n": 454, "ok": true, "kind": "update"}
evt-000455	2024-01-01 07:42:35.062335+00	{"n": 455, "ok": false, "kind": "delete"}
evt-000456	2024-01-01 07:43:36.062472+00	{"n": 456, "ok": true, "kind": "create"}
evt-000457	2024-01-01 07:44:37.062609+00	{"n": 457, "ok": false, "kind": "update"}
evt-000458	2024-01-01 07:45:38.062746+00	{"n": 458, "ok": true, "kind": "delete"}
evt-000459	2024-01-01 07:46:39.062883+00	{"n": 459, "ok": false, "kind": "create"}
evt-000460	2024-01-01 07:47:40.06302+00	{"n": 460, "ok": true, "kind": "update"}
evt-000461	2024-01-01 07:48:41.063157+00	{"n": 461, "ok": false, "kind": "delete"}
evt-000462	2024-01-01 07:49:42.063294+00	{"n": 462, "ok": true, "kind": "create"}
evt-000463	2024-01-01 07:50:43.063431+00	{"n": 463, "ok": false, "kind": "update"}
evt-000464	2024-01-01 07:51:44.063568+00	{"n": 464, "ok": true, "kind": "delete"}
evt-000465	2024-01-01 07:52:45.063705+00	{"n": 465, "ok": false, "kind": "create"}
evt-000466	2024-01-01 07:53:46.063842+00	{"n": 466, "ok": true, "kind": "update"}
evt-000467	2024-01-01 07:54:47.063979+00	{"n": 467, "ok": false, "kind": "delete"}
evt-000468	2024-01-01 07:55:48.064116+00	{"n": 468, "ok": true, "kind": "create"}
evt-000469	2024-01-01 07:56:49.064253+00	{"n": 469, "ok": false, "kind": "update"}
evt-000470	2024-01-01 07:57:50.06439+00	{"n": 470, "ok": true, "kind": "delete"}
evt-000471	2024-01-01 07:58:51.064527+00	{"n": 471, "ok": false, "kind": "create"}
evt-000472	2024-01-01 07:59:52.064664+00	{"n": 472, "ok": true, "kind": "update"}
evt-000473	2024-01-01 08:00:53.064801+00	{"n": 473, "ok": false, "kind": "delete"}
evt-000474	2024-01-01 08:01:54.064938+00	{"n": 474, "ok": true, "kind": "create"}
evt-000475	2024-01-01 08:02:55.065075+00	{"n": 475, "ok": false, "kind": "update"}
evt-000476	2024-01-01 08:03:56.065212+00	{"n": 476, "ok": true, "kind": "delete"}
evt-000477	2024-01-01 08:04:57.065349+00	{"n": 477, "ok": false, "kind": "create"}
evt-000478	2024-01-01 08:05:58.065486+00	{"n": 478, "ok": true, "kind": "update"}
evt-000479	2024-01-01 08:06:59.065623+00	{"n": 479, "ok": false, "kind": "delete"}
evt-000480	2024-01-01 08:08:00.06576+00	{"n": 480, "ok": true, "kind": "create"}
evt-000481	2024-01-01 08:09:01.065897+00	{"n": 481, "ok": false, "kind": "update"}
evt-000482	2024-01-01 08:10:02.066034+00	{"n": 482, "ok": true, "kind": "delete"}
evt-000483	2024-01-01 08:11:03.066171+00	{"n": 483, "ok": false, "kind": "create"}
evt-000484	2024-01-01 08:12:04.066308+00	{"n": 484, "ok": true, "kind": "update"}
evt-000485	2024-01-01 08:13:05.066445+00	{"n": 485, "ok": false, "kind": "delete"}
evt-000486	2024-01-01 08:14:06.066582+00	{"n": 486, "ok": true, "kind": "create"}
evt-000487	2024-01-01 08:15:07.066719+00	{"n": 487, "ok": false, "kind": "update"}
evt-000488	2024-01-01 08:16:08.066856+00	{"n": 488, "ok": true, "kind": "delete"}
evt-000489	2024-01-01 08:17:09.066993+00	{"n": 489, "ok": false, "kind": "create"}
evt-000490	2024-01-01 08:18:10.06713+00	{"n": 490, "ok": true, "kind": "update"}
evt-000491	2024-01-01 08:19:11.067267+00	{"n": 491, "ok": false, "kind": "delete"}
evt-000492	2024-01-01 08:20:12.067404+00	{"n": 492, "ok": true, "kind": "create"}
evt-000493	2024-01-01 08:21:13.067541+00	{"n": 493, "ok": false, "kind": "update"}
evt-000494	2024-01-01 08:22:14.067678+00	{"n": 494, "ok": true, "kind": "delete"}
evt-000495	2024-01-01 08:23:15.067815+00	{"n": 495, "ok": false, "kind": "create"}
evt-000496	2024-01-01 08:24:16.067952+00	{"n": 496, "ok": true, "kind": "update"}
evt-000497	2024-01-01 08:25:17.068089+00	{"n": 497, "ok": false, "kind": "delete"}
evt-000498	2024-01-01 08:26:18.068226+00	{"n": 498, "ok": true, "kind": "create"}
evt-000499	2024-01-01 08:27:19.068363+00	{"n": 499, "ok": false, "kind": "update"}
evt-000500	2024-01-01 08:28:20.0685+00	{"n": 500, "ok": true, "kind": "delete", "note": "tab\\there \\"q\\" \\\\ é"}
evt-000501	2024-01-01 08:29:21.068637+00	{"n": 501, "ok": false, "kind": "create"}
evt-000502	2024-01-01 08:30:22.068774+00	{"n": 502, "ok": true, "kind": "update"}
evt-000503	2024-01-01 08:31:23.068911+00	{"n": 503, "ok": false, "kind": "delete"}
evt-000504	2024-01-01 08:32:24.069048+00	{"n": 504, "ok": true, "kind": "create"}
evt-000505	2024-01-01 08:33:25.069185+00	{"n": 505, "ok": false, "kind": "update"}
evt-000506	2024-01-01 08:34:26.069322+00	{"n": 506, "ok": true, "kind": "delete"}
evt-000507	2024-01-01 08:35:27.069459+00	{"n": 507, "ok": false, "kind": "create"}
evt-000508	2024-01-01 08:36:28.069596+00	{"n": 508, "ok": true, "kind": "update"}
evt-000509	2024-01-01 08:37:29.069733+00	{"n": 509, "ok": false, "kind": "delete"}
evt-000510	2024-01-01 08:38:30.06987+00	{"n": 510, "ok": true, "kind": "create"}
evt-000511	2024-01-01 08:39:31.070007+00	{"n": 511, "ok": false, "kind": "update"}
evt-000512	2024-01-01 08:40:32.070144+00	{"n": 512, "ok": true, "kind": "delete"}
evt-000513	2024-01-01 08:41:33.070281+00	{"n": 513, "ok": false, "kind": "create"}
evt-000514	2024-01-01 08:42:34.070418+00	{"n": 514, "ok": true, "kind": "update"}
evt-000515	2024-01-01 08:43:35.070555+00	{"n": 515, "ok": false, "kind": "delete"}
evt-000516	2024-01-01 08:44:36.070692+00	{"n": 516, "ok": true, "kind": "create"}
evt-000517	2024-01-01 08:45:37.070829+00	{"n": 517, "ok": false, "kind": "update"}
evt-000518	2024-01-01 08:46:38.070966+00	{"n": 518, "ok": true, "kind": "delete"}
evt-000519	2024-01-01 08:47:39.071103+00	{"n": 519, "ok": false, "kind": "create"}
evt-000520	2024-01-01 08:48:40.07124+00	{"n": 520, "ok": true, "kind": "update"}
evt-000521	2024-01-01 08:49:41.071377+00	{"n": 521, "ok": false, "kind": "delete"}
evt-000522	2024-01-01 08:50:42.071514+00	{"n": 522, "ok": true, "kind": "create"}
evt-000523	2024-01-01 08:51:43.071651+00	{"n": 523, "ok": false, "kind": "update"}
evt-000524	2024-01-01 08:52:44.071788+00	{"n": 524, "ok": true, "kind": "delete"}
evt-000525	2024-01-01 08:53:45.071925+00	{"n": 525, "ok": false, "kind": "create"}
evt-000526	2024-01-01 08:54:46.072062+00	{"n": 526, "ok": true, "kind": "update"}
evt-000527	2024-01-01 08:55:47.072199+00	{"n": 527, "ok": false, "kind": "delete"}
evt-000528	2024-01-01 08:56:48.072336+00	{"n": 528, "ok": true, "kind": "create"}
evt-000529	2024-01-01 08:57:49.072473+00	{"n": 529, "ok": false, "kind": "update"}
evt-000530	2024-01-01 08:58:50.07261+00	{"n": 530, "ok": true, "kind": "delete"}
evt-000531	2024-01-01 08:59:51.072747+00	{"n": 531, "ok": false, "kind": "create"}
evt-000532	2024-01-01 09:00:52.072884+00	{"n": 532, "ok": true, "kind": "update"}
evt-000533	2024-01-01 09:01:53.073021+00	{"n": 533, "ok": false, "kind": "delete"}
evt-000534	2024-01-01 09:02:54.073158+00	{"n": 534, "ok": true, "kind": "create"}
evt-000535	2024-01-01 09:03:55.073295+00	{"n": 535, "ok": false, "kind": "update"}
evt-000536	2024-01-01 09:04:56.073432+00	{"n": 536, "ok": true, "kind": "delete"}
evt-000537	2024-01-01 09:05:57.073569+00	{"n": 537, "ok": false, "kind": "create"}
evt-000538	2024-01-01 09:06:58.073706+00	{"n": 538, "ok": true, "kind": "update"}
evt-000539	2024-01-01 09:07:59.073843+00	{"n": 539, "ok": false, "kind": "delete"}
evt-000540	2024-01-01 09:09:00.07398+00	{"n": 540, "ok": true, "kind": "create"}
evt-000541	2024-01-01 09:10:01.074117+00	{"n": 541, "ok": false, "kind": "update"}
evt-000542	2024-01-01 09:11:02.074254+00	{"n": 542, "ok": true, "kind": "delete"}
evt-000543	2024-01-01 09:12:03.074391+00	{"n": 543, "ok": false, "kind": "create"}
evt-000544	2024-01-01 09:13:04.074528+00	{"n": 544, "ok": true, "kind": "update"}
evt-000545	2024-01-01 09:14:05.074665+00	{"n": 545, "ok": false, "kind": "delete"}
evt-000546	2024-01-01 09:15:06.074802+00	{"n": 546, "ok": true, "kind": "create"}
evt-000547	2024-01-01 09:16:07.074939+00	{"n": 547, "ok": false, "kind": "update"}
evt-000548	2024-01-01 09:17:08.075076+00	{"n": 548, "ok": true, "kind": "delete"}
evt-000549	2024-01-01 09:18:09.075213+00	{"n": 549, "ok": false, "kind": "create"}
evt-000550	2024-01-01 09:19:10.07535+00	{"n": 550, "ok": true, "kind": "update"}
evt-000551	2024-01-01 09:20:11.075487+00	{"n": 551, "ok": false, "kind": "delete"}
evt-000552	2024-01-01 09:21:12.075624+00	{"n": 552, "ok": true, "kind": "create"}
evt-000553	2024-01-01 09:22:13.075761+00	{"n": 553, "ok": false, "kind": "update"}
evt-000554	2024-01-01 09:23:14.075898+00	{"n": 554, "ok": true, "kind": "delete"}
evt-000555	2024-01-01 09:24:15.076035+00	{"n": 555, "ok": false, "kind": "create"}
evt-000556	2024-01-01 09:25:16.076172+00	{"n": 556, "ok": true, "kind": "update"}
evt-000557	2024-01-01 09:26:17.076309+00	{"n": 557, "ok": false, "kind": "delete"}
evt-000558	2024-01-01 09:27:18.076446+00	{"n": 558, "ok": true, "kind": "create"}
evt-000559	2024-01-01 09:28:19.076583+00	{"n": 559, "ok": false, "kind": "update"}
evt-000560	2024-01-01 09:29:20.07672+00	{"n": 560, "ok": true, "kind": "delete"}
evt-000561	2024-01-01 09:30:21.076857+00	{"n": 561, "ok": false, "kind": "create"}
evt-000562	2024-01-01 09:31:22.076994+00	{"n": 562, "ok": true, "kind": "update"}
evt-000563	2024-01-01 09:32:23.077131+00	{"n": 563, "ok": false, "kind": "delete"}
evt-000564	2024-01-01 09:33:24.077268+00	{"n": 564, "ok": true, "kind": "create"}
evt-000565	2024-01-01 09:34:25.077405+00	{"n": 565, "ok": false, "kind": "update"}
evt-000566	2024-01-01 09:35:26.077542+00	{"n": 566, "ok": true, "kind": "delete"}
evt-000567	2024-01-01 09:36:27.077679+00	{"n": 567, "ok": false, "kind": "create"}
evt-000568	2024-01-01 09:37:28.077816+00	{"n": 568, "ok": true, "kind": "update"}
evt-000569	2024-01-01 09:38:29.077953+00	{"n": 569, "ok": false, "kind": "delete"}
evt-000570	2024-01-01 09:39:30.07809+00	{"n": 570, "ok": true, "kind": "create"}
evt-000571	2024-01-01 09:40:31.078227+00	{"n": 571, "ok": false, "kind": "update"}
evt-000572	2024-01-01 09:41:32.078364+00	{"n": 572, "ok": true, "kind": "delete"}
evt-000573	2024-01-01 09:42:33.078501+00	{"n": 573, "ok": false, "kind": "create"}
evt-000574	2024-01-01 09:43:34.078638+00	{"n": 574, "ok": true, "kind": "update"}
evt-000575	2024-01-01 09:44:35.078775+00	{"n": 575, "ok": false, "kind": "delete"}
evt-000576	2024-01-01 09:45:36.078912+00	{"n": 576, "ok": true, "kind": "create"}
evt-000577	2024-01-01 09:46:37.079049+00	{"n": 577, "ok": false, "kind": "update"}
evt-000578	2024-01-01 09:47:38.079186+00	{"n": 578, "ok": true, "kind": "delete"}
evt-000579	2024-01-01 09:48:39.079323+00	{"n": 579, "ok": false, "kind": "create"}
evt-000580	2024-01-01 09:49:40.07946+00	{"n": 580, "ok": true, "kind": "update"}
evt-000581	2024-01-01 09:50:41.079597+00	{"n": 581, "ok": false, "kind": "delete"}
evt-000582	2024-01-01 09:51:42.079734+00	{"n": 582, "ok": true, "kind": "create"}
evt-000583	2024-01-01 09:52:43.079871+00	{"n": 583, "ok": false, "kind": "update"}
evt-000584	2024-01-01 09:53:44.080008+00	{"n": 584, "ok": true, "kind": "delete"}
evt-000585	2024-01-01 09:54:45.080145+00	{"n": 585, "ok": false, "kind": "create"}
evt-000586	2024-01-01 09:55:46.080282+00	{"n": 586, "ok": true, "kind": "update"}
evt-000587	2024-01-01 09:56:47.080419+00	{"n": 587, "ok": false, "kind": "delete"}
evt-000588	2024-01-01 09:57:48.080556+00	{"n": 588, "ok": true, "kind": "create"}
evt-000589	2024-01-01 09:58:49.080693+00	{"n": 589, "ok": false, "kind": "update"}
evt-000590	2024-01-01 09:59:50.08083+00	{"n": 590, "ok": true, "kind": "delete"}
evt-000591	2024-01-01 10:00:51.080967+00	{"n": 591, "ok": false, "kind": "create"}
evt-000592	2024-01-01 10:01:52.081104+00	{"n": 592, "ok": true, "kind": "update"}
evt-000593	2024-01-01 10:02:53.081241+00	{"n": 593, "ok": false, "kind": "delete"}
evt-000594	2024-01-01 10:03:54.081378+00	{"n": 594, "ok": true, "kind": "create"}
evt-000595	2024-01-01 10:04:55.081515+00	{"n": 595, "ok": false, "kind": "update"}
evt-000596	2024-01-01 10:05:56.081652+00	{"n": 596, "ok": true, "kind": "delete"}
evt-000597	2024-01-01 10:06:57.081789+00	{"n": 597, "ok": false, "kind": "create"}
evt-000598	2024-01-01 10:07:58.081926+00	{"n": 598, "ok": true, "kind": "update"}
evt-000599	2024-01-01 10:08:59.082063+00	{"n": 599, "ok": false, "kind": "delete"}
evt-000600	2024-01-01 10:10:00.0822+00	{"n": 600, "ok": true, "kind": "create", "note": "tab\\there \\"q\\" \\\\ é"}
evt-000601	2024-01-01 10:11:01.082337+00	{"n": 601, "ok": false, "kind": "update"}
evt-000602	2024-01-01 10:12:02.082474+00	{"n": 602, "ok": true, "kind": "delete"}
evt-000603	2024-01-01 10:13:03.082611+00	{"n": 603, "ok": false, "kind": "create"}
evt-000604	2024-01-01 10:14:04.082748+00	{"n": 604, "ok": true, "kind": "update"}
evt-000605	2024-01-01 10:15:05.082885+00	{"n": 605, "ok": false, "kind": "delete"}
evt-000606	2024-01-01 10:16:06.083022+00	{"n": 606, "ok": true, "kind": "create"}
evt-000607	2024-01-01 10:17:07.083159+00	{"n": 607, "ok": false, "kind": "update"}
evt-000608	2024-01-01 10:18:08.083296+00	{"n": 608, "ok": true, "kind": "delete"}
evt-000609	2024-01-01 10:19:09.083433+00	{"n": 609, "ok": false, "kind": "create"}
evt-000610	2024-01-01 10:20:10.08357+00	{"n": 610, "ok": true, "kind": "update"}
evt-000611	2024-01-01 10:21:11.083707+00	{"n": 611, "ok": false, "kind": "delete"}
evt-000612	2024-01-01 10:22:12.083844+00	{"n": 612, "ok": true, "kind": "create"}
evt-000613	2024-01-01 10:23:13.083981+00	{"n": 613, "ok": false, "kind": "update"}
evt-000614	2024-01-01 10:24:14.084118+00	{"n": 614, "ok": true, "kind": "delete"}
evt-000615	2024-01-01 10:25:15.084255+00	{"n": 615, "ok": false, "kind": "create"}
evt-000616	2024-01-01 10:26:16.084392+00	{"n": 616, "ok": true, "kind": "update"}
evt-000617	2024-01-01 10:27:17.084529+00	{"n": 617, "ok": false, "kind": "delete"}
evt-000618	2024-01-01 10:28:18.084666+00	{"n": 618, "ok": true, "kind": "create"}
evt-000619	2024-01-01 10:29:19.084803+00	{"n": 619, "ok": false, "kind": "update"}
evt-000620	2024-01-01 10:30:20.08494+00	{"n": 620, "ok": true, "kind": "delete"}
evt-000621	2024-01-01 10:31:21.085077+00	{"n": 621, "ok": false, "kind": "create"}
evt-000622	2024-01-01 10:32:22.085214+00	{"n": 622, "ok": true, "kind": "update"}
evt-000623	2024-01-01 10:33:23.085351+00	{"n": 623, "ok": false, "kind": "delete"}
evt-000624	2024-01-01 10:34:24.085488+00	{"n": 624, "ok": true, "kind": "create"}
evt-000625	2024-01-01 10:35:25.085625+00	{"n": 625, "ok": false, "kind": "update"}
evt-000626	2024-01-01 10:36:26.085762+00	{"n": 626, "ok": true, "kind": "delete"}
evt-000627	2024-01-01 10:37:27.085899+00	{"n": 627, "ok": false, "kind": "create"}
evt-000628	2024-01-01 10:38:28.086036+00	{"n": 628, "ok": true, "kind": "update"}
evt-000629	2024-01-01 10:39:29.086173+00	{"n": 629, "ok": false, "kind": "delete"}
evt-000630	2024-01-01 10:40:30.08631+00	{"n": 630, "ok": true, "kind": "create"}
evt-000631	2024-01-01 10:41:31.086447+00	{"n": 631, "ok": false, "kind": "update"}
evt-000632	2024-01-01 10:42:32.086584+00	{"n": 632, "ok": true, "kind": "delete"}
evt-000633	2024-01-01 10:43:33.086721+00	{"n": 633, "ok": false, "kind": "create"}
evt-000634	2024-01-01 10:44:34.086858+00	{"n": 634, "ok": true, "kind": "update"}
evt-000635	2024-01-01 10:45:35.086995+00	{"n": 635, "ok": false, "kind": "delete"}
evt-000636	2024-01-01 10:46:36.087132+00	{"n": 636, "ok": true, "kind": "create"}
evt-000637	2024-01-01 10:47:37.087269+00	{"n": 637, "ok": false, "kind": "update"}
evt-000638	2024-01-01 10:48:38.087406+00	{"n": 638, "ok": true, "kind": "delete"}
evt-000639	2024-01-01 10:49:39.087543+00	{"n": 639, "ok": false, "kind": "create"}
evt-000640	2024-01-01 10:50:40.08768+00	{"n": 640, "ok": true, "kind": "update"}
evt-000641	2024-01-01 10:51:41.087817+00	{"n": 641, "ok": false, "kind": "delete"}
evt-000642	2024-01-01 10:52:42.087954+00	{"n": 642, "ok": true, "kind": "create"}
evt-000643	2024-01-01 10:53:43.088091+00	{"n": 643, "ok": false, "kind": "update"}
evt-000644	2024-01-01 10:54:44.088228+00	{"n": 644, "ok": true, "kind": "delete"}
evt-000645	2024-01-01 10:55:45.088365+00	{"n": 645, "ok": false, "kind": "create"}
evt-000646	2024-01-01 10:56:46.088502+00	{"n": 646, "ok": true, "kind": "update"}
evt-000647	2024-01-01 10:57:47.088639+00	{"n": 647, "ok": false, "kind": "delete"}
evt-000648	2024-01-01 10:58:48.088776+00	{"n": 648, "ok": true, "kind": "create"}
evt-000649	2024-01-01 10:59:49.088913+00	{"n": 649, "ok": false, "kind": "update"}
evt-000650	2024-01-01 11:00:50.08905+00	{"n": 650, "ok": true, "kind": "delete"}
evt-000651	2024-01-01 11:01:51.089187+00	{"n": 651, "ok": false, "kind": "create"}
evt-000652	2024-01-01 11:02:52.089324+00	{"n": 652, "ok": true, "kind": "update"}
evt-000653	2024-01-01 11:03:53.089461+00	{"n": 653, "ok": false, "kind": "delete"}
evt-000654	2024-01-01 11:04:54.089598+00	{"n": 654, "ok": true, "kind": "create"}
evt-000655	2024-01-01 11:05:55.089735+00	{"n": 655, "ok": false, "kind": "update"}
evt-000656	2024-01-01 11:06:56.089872+00	{"n": 656, "ok": true, "kind": "delete"}
evt-000657	2024-01-01 11:07:57.090009+00	{"n": 657, "ok": false, "kind": "create"}
evt-000658	2024-01-01 11:08:58.090146+00	{"n": 658, "ok": true, "kind": "update"}
evt-000659	2024-01-01 11:09:59.090283+00	{"n": 659, "ok": false, "kind": "delete"}
evt-000660	2024-01-01 11:11:00.09042+00	{"n": 660, "ok": true, "kind": "create"}
evt-000661	2024-01-01 11:12:01.090557+00	{"n": 661, "ok": false, "kind": "update"}
evt-000662	2024-01-01 11:13:02.090694+00	{"n": 662, "ok": true, "kind": "delete"}
evt-000663	2024-01-01 11:14:03.090831+00	{"n": 663, "ok": false, "kind": "create"}
evt-000664	2024-01-01 11:15:04.090968+00	{"n": 664, "ok": true, "kind": "update"}
evt-000665	2024-01-01 11:16:05.091105+00	{"n": 665, "ok": false, "kind": "delete"}
evt-000666	2024-01-01 11:17:06.091242+00	{"n": 666, "ok": true, "kind": "create"}
evt-000667	2024-01-01 11:18:07.091379+00	{"n": 667, "ok": false, "kind": "update"}
evt-000668	2024-01-01 11:19:08.091516+00	{"n": 668, "ok": true, "kind": "delete"}
evt-000669	2024-01-01 11:20:09.091653+00	{"n": 669, "ok": false, "kind": "create"}
evt-000670	2024-01-01 11:21:10.09179+00	{"n": 670, "ok": true, "kind": "update"}
evt-000671	2024-01-01 11:22:11.091927+00	{"n": 671, "ok": false, "kind": "delete"}
evt-000672	2024-01-01 11:23:12.092064+00	{"n": 672, "ok": true, "kind": "create"}
evt-000673	2024-01-01 11:24:13.092201+00	{"n": 673, "ok": false, "kind": "update"}
evt-000674	2024-01-01 11:25:14.092338+00	{"n": 674, "ok": true, "kind": "delete"}
evt-000675	2024-01-01 11:26:15.092475+00	{"n": 675, "ok": false, "kind": "create"}
evt-000676	2024-01-01 11:27:16.092612+00	{"n": 676, "ok": true, "kind": "update"}
evt-000677	2024-01-01 11:28:17.092749+00	{"n": 677, "ok": false, "kind": "delete"}
evt-000678	2024-01-01 11:29:18.092886+00	{"n": 678, "ok": true, "kind": "create"}
evt-000679	2024-01-01 11:30:19.093023+00	{"n": 679, "ok": false, "kind": "update"}
evt-000680	2024-01-01 11:31:20.09316+00	{"n": 680, "ok": true, "kind": "delete"}
evt-000681	2024-01-01 11:32:21.093297+00	{"n": 681, "ok": false, "kind": "create"}
evt-000682	2024-01-01 11:33:22.093434+00	{"n": 682, "ok": true, "kind": "update"}
evt-000683	2024-01-01 11:34:23.093571+00	{"n": 683, "ok": false, "kind": "delete"}
evt-000684	2024-01-01 11:35:24.093708+00	{"n": 684, "ok": true, "kind": "create"}
evt-000685	2024-01-01 11:36:25.093845+00	{"n": 685, "ok": false, "kind": "update"}
evt-000686	2024-01-01 11:37:26.093982+00	{"n": 686, "ok": true, "kind": "delete"}
evt-000687	2024-01-01 11:38:27.094119+00	{"n": 687, "ok": false, "kind": "create"}
evt-000688	2024-01-01 11:39:28.094256+00	{"n": 688, "ok": true, "kind": "update"}
evt-000689	2024-01-01 11:40:29.094393+00	{"n": 689, "ok": false, "kind": "delete"}
evt-000690	2024-01-01 11:41:30.09453+00	{"n": 690, "ok": true, "kind": "create"}
evt-000691	2024-01-01 11:42:31.094667+00	{"n": 691, "ok": false, "kind": "update"}
evt-000692	2024-01-01 11:43:32.094804+00	{"n": 692, "ok": true, "kind": "delete"}
evt-000693	2024-01-01 11:44:33.094941+00	{"n": 693, "ok": false, "kind": "create"}
evt-000694	2024-01-01 11:45:34.095078+00	{"n": 694, "ok": true, "kind": "update"}
evt-000695	2024-01-01 11:46:35.095215+00	{"n": 695, "ok": false, "kind": "delete"}
evt-000696	2024-01-01 11:47:36.095352+00	{"n": 696, "ok": true, "kind": "create"}
evt-000697	2024-01-01 11:48:37.095489+00	{"n": 697, "ok": false, "kind": "update"}
evt-000698	2024-01-01 11:49:38.095626+00	{"n": 698, "ok": true, "kind": "delete"}
evt-000699	2024-01-01 11:50:39.095763+00	{"n": 699, "ok": false, "kind": "create"}
evt-000700	2024-01-01 11:51:40.0959+00	{"n": 700, "ok": true, "kind": "update", "note": "tab\\there \\"q\\" \\\\ é"}
evt-000701	2024-01-01 11:52:41.096037+00	{"n": 701, "ok": false, "kind": "delete"}
evt-000702	2024-01-01 11:53:42.096174+00	{"n": 702, "ok": true, "kind": "create"}
evt-000703	2024-01-01 11:54:43.096311+00	{"n": 703, "ok": false, "kind": "update"}
evt-000704	2024-01-01 11:55:44.096448+00	{"n": 704, "ok": true, "kind": "delete"}
evt-000705	2024-01-01 11:56:45.096585+00	{"n": 705, "ok": false, "kind": "create"}
evt-000706	2024-01-01 11:57:46.096722+00	{"n": 706, "ok": true, "kind": "update"}
evt-000707	2024-01-01 11:58:47.096859+00	{"n": 707, "ok": false, "kind": "delete"}
evt-000708	2024-01-01 11:59:48.096996+00	{"n": 708, "ok": true, "kind": "create"}
evt-000709	2024-01-01 12:00:49.097133+00	{"n": 709, "ok": false, "kind": "update"}
evt-000710	2024-01-01 12:01:50.09727+00	{"n": 710, "ok": true, "kind": "delete"}
evt-000711	2024-01-01 12:02:51.097407+00	{"n": 711, "ok": false, "kind": "create"}
evt-000712	2024-01-01 12:03:52.097544+00	{"n": 712, "ok": true, "kind": "update"}
evt-000713	2024-01-01 12:04:53.097681+00	{"n": 713, "ok": false, "kind": "delete"}
evt-000714	2024-01-01 12:05:54.097818+00	{"n": 714, "ok": true, "kind": "create"}
evt-000715	2024-01-01 12:06:55.097955+00	{"n": 715, "ok": false, "kind": "update"}
evt-000716	2024-01-01 12:07:56.098092+00	{"n": 716, "ok": true, "kind": "delete"}
evt-000717	2024-01-01 12:08:57.098229+00	{"n": 717, "ok": false, "kind": "create"}
evt-000718	2024-01-01 12:09:58.098366+00	{"n": 718, "ok": true, "kind": "update"}
evt-000719	2024-01-01 12:10:59.098503+00	{"n": 719, "ok": false, "kind": "delete"}
evt-000720	2024-01-01 12:12:00.09864+00	{"n": 720, "ok": true, "kind": "create"}
evt-000721	2024-01-01 12:13:01.098777+00	{"n": 721, "ok": false, "kind": "update"}
evt-000722	2024-01-01 12:14:02.098914+00	{"n": 722, "ok": true, "kind": "delete"}
evt-000723	2024-01-01 12:15:03.099051+00	{"n": 723, "ok": false, "kind": "create"}
evt-000724	2024-01-01 12:16:04.099188+00	{"n": 724, "ok": true, "kind": "update"}
evt-000725	2024-01-01 12:17:05.099325+00	{"n": 725, "ok": false, "kind": "delete"}
evt-000726	2024-01-01 12:18:06.099462+00	{"n": 726, "ok": true, "kind": "create"}
evt-000727	2024-01-01 12:19:07.099599+00	{"n": 727, "ok": false, "kind": "update"}
evt-000728	2024-01-01 12:20:08.099736+00	{"n": 728, "ok": true, "kind": "delete"}
evt-000729	2024-01-01 12:21:09.099873+00	{"n": 729, "ok": false, "kind": "create"}
evt-000730	2024-01-01 12:22:10.10001+00	{"n": 730, "ok": true, "kind": "update"}
evt-000731	2024-01-01 12:23:11.100147+00	{"n": 731, "ok": false, "kind": "delete"}
evt-000732	2024-01-01 12:24:12.100284+00	{"n": 732, "ok": true, "kind": "create"}
evt-000733	2024-01-01 12:25:13.100421+00	{"n": 733, "ok": false, "kind": "update"}
evt-000734	2024-01-01 12:26:14.100558+00	{"n": 734, "ok": true, "kind": "delete"}
evt-000735	2024-01-01 12:27:15.100695+00	{"n": 735, "ok": false, "kind": "create"}
evt-000736	2024-01-01 12:28:16.100832+00	{"n": 736, "ok": true, "kind": "update"}
evt-000737	2024-01-01 12:29:17.100969+00	{"n": 737, "ok": false, "kind": "delete"}
evt-000738	2024-01-01 12:30:18.101106+00	{"n": 738, "ok": true, "kind": "create"}
evt-000739	2024-01-01 12:31:19.101243+00	{"n": 739, "ok": false, "kind": "update"}
evt-000740	2024-01-01 12:32:20.10138+00	{"n": 740, "ok": true, "kind": "delete"}
evt-000741	2024-01-01 12:33:21.101517+00	{"n": 741, "ok": false, "kind": "create"}
evt-000742	2024-01-01 12:34:22.101654+00	{"n": 742, "ok": true, "kind": "update"}
evt-000743	2024-01-01 12:35:23.101791+00	{"n": 743, "ok": false, "kind": "delete"}
evt-000744	2024-01-01 12:36:24.101928+00	{"n": 744, "ok": true, "kind": "create"}
evt-000745	2024-01-01 12:37:25.102065+00	{"n": 745, "ok": false, "kind": "update"}
evt-000746	2024-01-01 12:38:26.102202+00	{"n": 746, "ok": true, "kind": "delete"}
evt-000747	2024-01-01 12:39:27.102339+00	{"n": 747, "ok": false, "kind": "create"}
evt-000748	2024-01-01 12:40:28.102476+00	{"n": 748, "ok": true, "kind": "update"}
evt-000749	2024-01-01 12:41:29.102613+00	{"n": 749, "ok": false, "kind": "delete"}
evt-000750	2024-01-01 12:42:30.10275+00	{"n": 750, "ok": true, "kind": "create"}
evt-000751	2024-01-01 12:43:31.102887+00	{"n": 751, "ok": false, "kind": "update"}
evt-000752	2024-01-01 12:44:32.103024+00	{"n": 752, "ok": true, "kind": "delete"}
evt-000753	2024-01-01 12:45:33.103161+00	{"n": 753, "ok": false, "kind": "create"}
evt-000754	2024-01-01 12:46:34.103298+00	{"n": 754, "ok": true, "kind": "update"}
evt-000755	2024-01-01 12:47:35.103435+00	{"n": 755, "ok": false, "kind": "delete"}
evt-000756	2024-01-01 12:48:36.103572+00	{"n": 756, "ok": true, "kind": "create"}
evt-000757	2024-01-01 12:49:37.103709+00	{"n": 757, "ok": false, "kind": "update"}
evt-000758	2024-01-01 12:50:38.103846+00	{"n": 758, "ok": true, "kind": "delete"}
evt-000759	2024-01-01 12:51:39.103983+00	{"n": 759, "ok": false, "kind": "create"}
evt-000760	2024-01-01 12:52:40.10412+00	{"n": 760, "ok": true, "kind": "update"}
evt-000761	2024-01-01 12:53:41.104257+00	{"n": 761, "ok": false, "kind": "delete"}
evt-000762	2024-01-01 12:54:42.104394+00	{"n": 762, "ok": true, "kind": "create"}
evt-000763	2024-01-01 12:55:43.104531+00	{"n": 763, "ok": false, "kind": "update"}
evt-000764	2024-01-01 12:56:44.104668+00	{"n": 764, "ok": true, "kind": "delete"}
evt-000765	2024-01-01 12:57:45.104805+00	{"n": 765, "ok": false, "kind": "create"}
evt-000766	2024-01-01 12:58:46.104942+00	{"n": 766, "ok": true, "kind": "update"}
evt-000767	2024-01-01 12:59:47.105079+00	{"n": 767, "ok": false, "kind": "delete"}
evt-000768	2024-01-01 13:00:48.105216+00	{"n": 768, "ok": true, "kind": "create"}
evt-000769	2024-01-01 13:01:49.105353+00	{"n": 769, "ok": false, "kind": "update"}
evt-000770	2024-01-01 13:02:50.10549+00	{"n": 770, "ok": true, "kind": "delete"}
evt-000771	2024-01-01 13:03:51.105627+00	{"n": 771, "ok": false, "kind": "create"}
evt-000772	2024-01-01 13:04:52.105764+00	{"n": 772, "ok": true, "kind": "update"}
evt-000773	2024-01-01 13:05:53.105901+00	{"n": 773, "ok": false, "kind": "delete"}
evt-000774	2024-01-01 13:06:54.106038+00	{"n": 774, "ok": true, "kind": "create"}
evt-000775	2024-01-01 13:07:55.106175+00	{"n": 775, "ok": false, "kind": "update"}
evt-000776	2024-01-01 13:08:56.106312+00	{"n": 776, "ok": true, "kind": "delete"}
evt-000777	2024-01-01 13:09:57.106449+00	{"n": 777, "ok": false, "kind": "create"}
evt-000778	2024-01-01 13:10:58.106586+00	{"n": 778, "ok": true, "kind": "update"}
evt-000779	2024-01-01 13:11:59.106723+00	{"n": 779, "ok": false, "kind": "delete"}
evt-000780	2024-01-01 13:13:00.10686+00	{"n": 780, "ok": true, "kind": "create"}
evt-000781	2024-01-01 13:14:01.106997+00	{"n": 781, "ok": false, "kind": "update"}
evt-000782	2024-01-01 13:15:02.107134+00	{"n": 782, "ok": true, "kind": "delete"}
evt-000783	2024-01-01 13:16:03.107271+00	{"n": 783, "ok": false, "kind": "create"}
evt-000784	2024-01-01 13:17:04.107408+00	{"n": 784, "ok": true, "kind": "update"}
evt-000785	2024-01-01 13:18:05.107545+00	{"n": 785, "ok": false, "kind": "delete"}
evt-000786	2024-01-01 13:19:06.107682+00	{"n": 786, "ok": true, "kind": "create"}
evt-000787	2024-01-01 13:20:07.107819+00	{"n": 787, "ok": false, "kind": "update"}
evt-000788	2024-01-01 13:21:08.107956+00	{"n": 788, "ok": true, "kind": "delete"}
evt-000789	2024-01-01 13:22:09.108093+00	{"n": 789, "ok": false, "kind": "create"}
evt-000790	2024-01-01 13:23:10.10823+00	{"n": 790, "ok": true, "kind": "update"}
evt-000791	2024-01-01 13:24:11.108367+00	{"n": 791, "ok": false, "kind": "delete"}
evt-000792	2024-01-01 13:25:12.108504+00	{"n": 792, "ok": true, "kind": "create"}
evt-000793	2024-01-01 13:26:13.108641+00	{"n": 793, "ok": false, "kind": "update"}
evt-000794	2024-01-01 13:27:14.108778+00	{"n": 794, "ok": true, "kind": "delete"}
evt-000795	2024-01-01 13:28:15.108915+00	{"n": 795, "ok": false, "kind": "create"}
evt-000796	2024-01-01 13:29:16.109052+00	{"n": 796, "ok": true, "kind": "update"}
evt-000797	2024-01-01 13:30:17.109189+00	{"n": 797, "ok": false, "kind": "delete"}
evt-000798	2024-01-01 13:31:18.109326+00	{"n": 798, "ok": true, "kind": "create"}
evt-000799	2024-01-01 13:32:19.109463+00	{"n": 799, "ok": false, "kind": "update"}
evt-000800	2024-01-01 13:33:20.1096+00	{"n": 800, "ok": true, "kind": "delete", "note": "tab\\there \\"q\\" \\\\ é"}
evt-000801	2024-01-01 13:34:21.109737+00	{"n": 801, "ok": false, "kind": "create"}
evt-000802	2024-01-01 13:35:22.109874+00	{"n": 802, "ok": true, "kind": "update"}
evt-000803	2024-01-01 13:36:23.110011+00	{"n": 803, "ok": false, "kind": "delete"}
evt-000804	2024-01-01 13:37:24.110148+00	{"n": 804, "ok": true, "kind": "create"}
evt-000805	2024-01-01 13:38:25.110285+00	{"n": 805, "ok": false, "kind": "update"}
evt-000806	2024-01-01 13:39:26.110422+00	{"n": 806, "ok": true, "kind": "delete"}
evt-000807	2024-01-01 13:40:27.110559+00	{"n": 807, "ok": false, "kind": "create"}
evt-000808	2024-01-01 13:41:28.110696+00	{"n": 808, "ok": true, "kind": "update"}
evt-000809	2024-01-01 13:42:29.110833+00	{"n": 809, "ok": false, "kind": "delete"}
evt-000810	2024-01-01 13:43:30.11097+00	{"n": 810, "ok": true, "kind": "create"}
evt-000811	2024-01-01 13:44:31.111107+00	{"n": 811, "ok": false, "kind": "update"}
evt-000812	2024-01-01 13:45:32.111244+00	{"n": 812, "ok": true, "kind": "delete"}
evt-000813	2024-01-01 13:46:33.111381+00	{"n": 813, "ok": false, "kind": "create"}
evt-000814	2024-01-01 13:47:34.111518+00	{"n": 814, "ok": true, "kind": "update"}
evt-000815	2024-01-01 13:48:35.111655+00	{"n": 815, "ok": false, "kind": "delete"}
evt-000816	2024-01-01 13:49:36.111792+00	{"n": 816, "ok": true, "kind": "create"}
evt-000817	2024-01-01 13:50:37.111929+00	{"n": 817, "ok": false, "kind": "update"}
evt-000818	2024-01-01 13:51:38.112066+00	{"n": 818, "ok": true, "kind": "delete"}
evt-000819	2024-01-01 13:52:39.112203+00	{"n": 819, "ok": false, "kind": "create"}
evt-000820	2024-01-01 13:53:40.11234+00	{"n": 820, "ok": true, "kind": "update"}
evt-000821	2024-01-01 13:54:41.112477+00	{"n": 821, "ok": false, "kind": "delete"}
evt-000822	2024-01-01 13:55:42.112614+00	{"n": 822, "ok": true, "kind": "create"}
evt-000823	2024-01-01 13:56:43.112751+00	{"n": 823, "ok": false, "kind": "update"}
evt-000824	2024-01-01 13:57:44.112888+00	{"n": 824, "ok": true, "kind": "delete"}
evt-000825	2024-01-01 13:58:45.113025+00	{"n": 825, "ok": false, "kind": "create"}
evt-000826	2024-01-01 13:59:46.113162+00	{"n": 826, "ok": true, "kind": "update"}
evt-000827	2024-01-01 14:00:47.113299+00	{"n": 827, "ok": false, "kind": "delete"}
evt-000828	2024-01-01 14:01:48.113436+00	{"n": 828, "ok": true, "kind": "create"}
evt-000829	2024-01-01 14:02:49.113573+00	{"n": 829, "ok": false, "kind": "update"}
evt-000830	2024-01-01 14:03:50.11371+00	{"n": 830, "ok": true, "kind": "delete"}
evt-000831	2024-01-01 14:04:51.113847+00	{"n": 831, "ok": false, "kind": "create"}
evt-000832	2024-01-01 14:05:52.113984+00	{"n": 832, "ok": true, "kind": "update"}
evt-000833	2024-01-01 14:06:53.114121+00	{"n": 833, "ok": false, "kind": "delete"}
evt-000834	2024-01-01 14:07:54.114258+00	{"n": 834, "ok": true, "kind": "create"}
evt-000835	2024-01-01 14:08:55.114395+00	{"n": 835, "ok": false, "kind": "update"}
evt-000836	2024-01-01 14:09:56.114532+00	{"n": 836, "ok": true, "kind": "delete"}
evt-000837	2024-01-01 14:10:57.114669+00	{"n": 837, "ok": false, "kind": "create"}
evt-000838	2024-01-01 14:11:58.114806+00	{"n": 838, "ok": true, "kind": "update"}
evt-000839	2024-01-01 14:12:59.114943+00	{"n": 839, "ok": false, "kind": "delete"}
evt-000840	2024-01-01 14:14:00.11508+00	{"n": 840, "ok": true, "kind": "create"}
evt-000841	2024-01-01 14:15:01.115217+00	{"n": 841, "ok": false, "kind": "update"}
evt-000842	2024-01-01 14:16:02.115354+00	{"n": 842, "ok": true, "kind": "delete"}
evt-000843	2024-01-01 14:17:03.115491+00	{"n": 843, "ok": false, "kind": "create"}
evt-000844	2024-01-01 14:18:04.115628+00	{"n": 844, "ok": true, "kind": "update"}
evt-000845	2024-01-01 14:19:05.115765+00	{"n": 845, "ok": false, "kind": "delete"}
evt-000846	2024-01-01 14:20:06.115902+00	{"n": 846, "ok": true, "kind": "create"}
evt-000847	2024-01-01 14:21:07.116039+00	{"n": 847, "ok": false, "kind": "update"}
evt-000848	2024-01-01 14:22:08.116176+00	{"n": 848, "ok": true, "kind": "delete"}
evt-000849	2024-01-01 14:23:09.116313+00	{"n": 849, "ok": false, "kind": "create"}
evt-000850	2024-01-01 14:24:10.11645+00	{"n": 850, "ok": true, "kind": "update"}
evt-000851	2024-01-01 14:25:11.116587+00	{"n": 851, "ok": false, "kind": "delete"}
evt-000852	2024-01-01 14:26:12.116724+00	{"n": 852, "ok": true, "kind": "create"}
evt-000853	2024-01-01 14:27:13.116861+00	{"n": 853, "ok": false, "kind": "update"}
evt-000854	2024-01-01 14:28:14.116998+00	{"n": 854, "ok": true, "kind": "delete"}
evt-000855	2024-01-01 14:29:15.117135+00	{"n": 855, "ok": false, "kind": "create"}
evt-000856	2024-01-01 14:30:16.117272+00	{"n": 856, "ok": true, "kind": "update"}
evt-000857	2024-01-01 14:31:17.117409+00	{"n": 857, "ok": false, "kind": "delete"}
evt-000858	2024-01-01 14:32:18.117546+00	{"n": 858, "ok": true, "kind": "create"}
evt-000859	2024-01-01 14:33:19.117683+00	{"n": 859, "ok": false, "kind": "update"}
evt-000860	2024-01-01 14:34:20.11782+00	{"n": 860, "ok": true, "kind": "delete"}
evt-000861	2024-01-01 14:35:21.117957+00	{"n": 861, "ok": false, "kind": "create"}
evt-000862	2024-01-01 14:36:22.118094+00	{"n": 862, "ok": true, "kind": "update"}
evt-000863	2024-01-01 14:37:23.118231+00	{"n": 863, "ok": false, "kind": "delete"}
evt-000864	2024-01-01 14:38:24.118368+00	{"n": 864, "ok": true, "kind": "create"}
evt-000865	2024-01-01 14:39:25.118505+00	{"n": 865, "ok": false, "kind": "update"}
evt-000866	2024-01-01 14:40:26.118642+00	{"n": 866, "ok": true, "kind": "delete"}
evt-000867	2024-01-01 14:41:27.118779+00	{"n": 867, "ok": false, "kind": "create"}
evt-000868	2024-01-01 14:42:28.118916+00	{"n": 868, "ok": true, "kind": "update"}
evt-000869	2024-01-01 14:43:29.119053+00	{"n": 869, "ok": false, "kind": "delete"}
evt-000870	2024-01-01 14:44:30.11919+00	{"n": 870, "ok": true, "kind": "create"}
evt-000871	2024-01-01 14:45:31.119327+00	{"n": 871, "ok": false, "kind": "update"}
evt-000872	2024-01-01 14:46:32.119464+00	{"n": 872, "ok": true, "kind": "delete"}
evt-000873	2024-01-01 14:47:33.119601+00	{"n": 873, "ok": false, "kind": "create"}
evt-000874	2024-01-01 14:48:34.119738+00	{"n": 874, "ok": true, "kind": "update"}
evt-000875	2024-01-01 14:49:35.119875+00	{"n": 875, "ok": false, "kind": "delete"}
evt-000876	2024-01-01 14:50:36.120012+00	{"n": 876, "ok": true, "kind": "create"}
evt-000877	2024-01-01 14:51:37.120149+00	{"n": 877, "ok": false, "kind": "update"}
evt-000878	2024-01-01 14:52:38.120286+00	{"n": 878, "ok": true, "kind": "delete"}
evt-000879	2024-01-01 14:53:39.120423+00	{"n": 879, "ok": false, "kind": "create"}
evt-000880	2024-01-01 14:54:40.12056+00	{"n": 880, "ok": true, "kind": "update"}
evt-000881	2024-01-01 14:55:41.120697+00	{"n": 881, "ok": false, "kind": "delete"}
evt-000882	2024-01-01 14:56:42.120834+00	{"n": 882, "ok": true, "kind": "create"}
evt-000883	2024-01-01 14:57:43.120971+00	{"n": 883, "ok": false, "kind": "update"}
evt-000884	2024-01-01 14:58:44.121108+00	{"n": 884, "ok": true, "kind": "delete"}
evt-000885	2024-01-01 14:59:45.121245+00	{"n": 885, "ok": false, "kind": "create"}
evt-000886	2024-01-01 15:00:46.121382+00	{"n": 886, "ok": true, "kind": "update"}
evt-000887	2024-01-01 15:01:47.121519+00	{"n": 887, "ok": false, "kind": "delete"}
evt-000888	2024-01-01 15:02:48.121656+00	{"n": 888, "ok": true, "kind": "create"}
evt-000889	2024-01-01 15:03:49.121793+00	{"n": 889, "ok": false, "kind": "update"}
evt-000890	2024-01-01 15:04:50.12193+00	{"n": 890, "ok": true, "kind": "delete"}
evt-000891	2024-01-01 15:05:51.122067+00	{"n": 891, "ok": false, "kind": "create"}
evt-000892	2024-01-01 15:06:52.122204+00	{"n": 892, "ok": true, "kind": "update"}
evt-000893	2024-01-01 15:07:53.122341+00	{"n": 893, "ok": false, "kind": "delete"}
evt-000894	2024-01-01 15:08:54.122478+00	{"n": 894, "ok": true, "kind": "create"}
evt-000895	2024-01-01 15:09:55.122615+00	{"n": 895, "ok": false, "kind": "update"}
evt-000896	2024-01-01 15:10:56.122752+00	{"n": 896, "ok": true, "kind": "delete"}
evt-000897	2024-01-01 15:11:57.122889+00	{"n": 897, "ok": false, "kind": "create"}
evt-000898	2024-01-01 15:12:58.123026+00	{"n": 898, "ok": true, "kind": "update"}
evt-000899	2024-01-01 15:13:59.123163+00	{"n": 899, "ok": false, "kind": "delete"}
evt-000900	2024-01-01 15:15:00.1233+00	{"n": 900, "ok": true, "kind": "create", "note": "tab\\there \\"q\\" \\\\ é"}
evt-000901	2024-01-01 15:16:01.123437+00	{"n": 901, "ok": false, "kind": "update"}
evt-000902	2024-01-01 15:17:02.123574+00	{"n": 902, "ok": true, "kind": "delete"}
evt-000903	2024-01-01 15:18:03.123711+00	{"n": 903, "ok": false, "kind": "create"}
evt-000904	2024-01-01 15:19:04.123848+00	{"n": 904, "ok": true, "kind": "update"}
evt-000905	2024-01-01 15:20:05.123985+00	{"n": 905, "ok": false, "kind": "delete"}
evt-000906	2024-01-01 15:21:06.124122+00	{"n": 906, "ok": true, "kind": "create"}
evt-000907	2024-01-01 15:22:07.124259+00	{"n": 907, "ok": false, "kind": "update"}
evt-000908	2024-01-01 15:23:08.124396+00	{"n": 908, "ok": true, "kind": "delete"}
evt-000909	2024-01-01 15:24:09.124533+00	{"n": 909, "ok": false, "kind": "create"}
evt-000910	2024-01-01 15:25:10.12467+00	{"n": 910, "ok": true, "kind": "update"}
evt-000911	2024-01-01 15:26:11.124807+00	{"n": 911, "ok": false, "kind": "delete"}
evt-000912	2024-01-01 15:27:12.124944+00	{"n": 912, "ok": true, "kind": "create"}
evt-000913	2024-01-01 15:28:13.125081+00	{"n": 913, "ok": false, "kind": "update"}
evt-000914	2024-01-01 15:29:14.125218+00	{"n": 914, "ok": true, "kind": "delete"}
evt-000915	2024-01-01 15:30:15.125355+00	{"n": 915, "ok": false, "kind": "create"}
evt-000916	2024-01-01 15:31:16.125492+00	{"n": 916, "ok": true, "kind": "update"}
evt-000917	2024-01-01 15:32:17.125629+00	{"n": 917, "ok": false, "kind": "delete"}
evt-000918	2024-01-01 15:33:18.125766+00	{"n": 918, "ok": true, "kind": "create"}
evt-000919	2024-01-01 15:34:19.125903+00	{"n": 919, "ok": false, "kind": "update"}
evt-000920	2024-01-01 15:35:20.12604+00	{"n": 920, "ok": true, "kind": "delete"}
evt-000921	2024-01-01 15:36:21.126177+00	{"n": 921, "ok": false, "kind": "create"}
evt-000922	2024-01-01 15:37:22.126314+00	{"n": 922, "ok": true, "kind": "update"}
evt-000923	2024-01-01 15:38:23.126451+00	{"n": 923, "ok": false, "kind": "delete"}
evt-000924	2024-01-01 15:39:24.126588+00	{"n": 924, "ok": true, "kind": "create"}
evt-000925	2024-01-01 15:40:25.126725+00	{"n": 925, "ok": false, "kind": "update"}
evt-000926	2024-01-01 15:41:26.126862+00	{"n": 926, "ok": true, "kind": "delete"}
evt-000927	2024-01-01 15:42:27.126999+00	{"n": 927, "ok": false, "kind": "create"}
evt-000928	2024-01-01 15:43:28.127136+00	{"n": 928, "ok": true, "kind": "update"}
evt-000929	2024-01-01 15:44:29.127273+00	{"n": 929, "ok": false, "kind": "delete"}
evt-000930	2024-01-01 15:45:30.12741+00	{"n": 930, "ok": true, "kind": "create"}
evt-000931	2024-01-01 15:46:31.127547+00	{"n": 931, "ok": false, "kind": "update"}
evt-000932	2024-01-01 15:47:32.127684+00	{"n": 932, "ok": true, "kind": "delete"}
evt-000933	2024-01-01 15:48:33.127821+00	{"n": 933, "ok": false, "kind": "create"}
evt-000934	2024-01-01 15:49:34.127958+00	{"n": 934, "ok": true, "kind": "update"}
evt-000935	2024-01-01 15:50:35.128095+00	{"n": 935, "ok": false, "kind": "delete"}
evt-000936	2024-01-01 15:51:36.128232+00	{"n": 936, "ok": true, "kind": "create"}
evt-000937	2024-01-01 15:52:37.128369+00	{"n": 937, "ok": false, "kind": "update"}
evt-000938	2024-01-01 15:53:38.128506+00	{"n": 938, "ok": true, "kind": "delete"}
evt-000939	2024-01-01 15:54:39.128643+00	{"n": 939, "ok": false, "kind": "create"}
evt-000940	2024-01-01 15:55:40.12878+00	{"n": 940, "ok": true, "kind": "update"}
evt-000941	2024-01-01 15:56:41.128917+00	{"n": 941, "ok": false, "kind": "delete"}
evt-000942	2024-01-01 15:57:42.129054+00	{"n": 942, "ok": true, "kind": "create"}
evt-000943	2024-01-01 15:58:43.129191+00	{"n": 943, "ok": false, "kind": "update"}
evt-000944	2024-01-01 15:59:44.129328+00	{"n": 944, "ok": true, "kind": "delete"}
evt-000945	2024-01-01 16:00:45.129465+00	{"n": 945, "ok": false, "kind": "create"}
evt-000946	2024-01-01 16:01:46.129602+00	{"n": 946, "ok": true, "kind": "update"}
evt-000947	2024-01-01 16:02:47.129739+00	{"n": 947, "ok": false, "kind": "delete"}
evt-000948	2024-01-01 16:03:48.129876+00	{"n": 948, "ok": true, "kind": "create"}
evt-000949	2024-01-01 16:04:49.130013+00	{"n": 949, "ok": false, "kind": "update"}
evt-000950	2024-01-01 16:05:50.13015+00	{"n": 950, "ok": true, "kind": "delete"}
evt-000951	2024-01-01 16:06:51.130287+00	{"n": 951, "ok": false, "kind": "create"}
evt-000952	2024-01-01 16:07:52.130424+00	{"n": 952, "ok": true, "kind": "update"}
evt-000953	2024-01-01 16:08:53.130561+00	{"n": 953, "ok": false, "kind": "delete"}
evt-000954	2024-01-01 16:09:54.130698+00	{"n": 954, "ok": true, "kind": "create"}
evt-000955	2024-01-01 16:10:55.130835+00	{"n": 955, "ok": false, "kind": "update"}
evt-000956	2024-01-01 16:11:56.130972+00	{"n": 956, "ok": true, "kind": "delete"}
evt-000957	2024-01-01 16:12:57.131109+00	{"n": 957, "ok": false, "kind": "create"}
evt-000958	2024-01-01 16:13:58.131246+00	{"n": 958, "ok": true, "kind": "update"}
evt-000959	2024-01-01 16:14:59.131383+00	{"n": 959, "ok": false, "kind": "delete"}
evt-000960	2024-01-01 16:16:00.13152+00	{"n": 960, "ok": true, "kind": "create"}
evt-000961	2024-01-01 16:17:01.131657+00	{"n": 961, "ok": false, "kind": "update"}
evt-000962	2024-01-01 16:18:02.131794+00	{"n": 962, "ok": true, "kind": "delete"}
evt-000963	2024-01-01 16:19:03.131931+00	{"n": 963, "ok": false, "kind": "create"}
evt-000964	2024-01-01 16:20:04.132068+00	{"n": 964, "ok": true, "kind": "update"}
evt-000965	2024-01-01 16:21:05.132205+00	{"n": 965, "ok": false, "kind": "delete"}
evt-000966	2024-01-01 16:22:06.132342+00	{"n": 966, "ok": true, "kind": "create"}
evt-000967	2024-01-01 16:23:07.132479+00	{"n": 967, "ok": false, "kind": "update"}
evt-000968	2024-01-01 16:24:08.132616+00	{"n": 968, "ok": true, "kind": "delete"}
evt-000969	2024-01-01 16:25:09.132753+00	{"n": 969, "ok": false, "kind": "create"}
evt-000970	2024-01-01 16:26:10.13289+00	{"n": 970, "ok": true, "kind": "update"}
evt-000971	2024-01-01 16:27:11.133027+00	{"n": 971, "ok": false, "kind": "delete"}
evt-000972	2024-01-01 16:28:12.133164+00	{"n": 972, "ok": true, "kind": "create"}
evt-000973	2024-01-01 16:29:13.133301+00	{"n": 973, "ok": false, "kind": "update"}
evt-000974	2024-01-01 16:30:14.133438+00	{"n": 974, "ok": true, "kind": "delete"}
evt-000975	2024-01-01 16:31:15.133575+00	{"n": 975, "ok": false, "kind": "create"}
evt-000976	2024-01-01 16:32:16.133712+00	{"n": 976, "ok": true, "kind": "update"}
evt-000977	2024-01-01 16:33:17.133849+00	{"n": 977, "ok": false, "kind": "delete"}
evt-000978	2024-01-01 16:34:18.133986+00	{"n": 978, "ok": true, "kind": "create"}
evt-000979	2024-01-01 16:35:19.134123+00	{"n": 979, "ok": false, "kind": "update"}
evt-000980	2024-01-01 16:36:20.13426+00	{"n": 980, "ok": true, "kind": "delete"}
evt-000981	2024-01-01 16:37:21.134397+00	{"n": 981, "ok": false, "kind": "create"}
evt-000982	2024-01-01 16:38:22.134534+00	{"n": 982, "ok": true, "kind": "update"}
evt-000983	2024-01-01 16:39:23.134671+00	{"n": 983, "ok": false, "kind": "delete"}
evt-000984	2024-01-01 16:40:24.134808+00	{"n": 984, "ok": true, "kind": "create"}
evt-000985	2024-01-01 16:41:25.134945+00	{"n": 985, "ok": false, "kind": "update"}
evt-000986	2024-01-01 16:42:26.135082+00	{"n": 986, "ok": true, "kind": "delete"}
evt-000987	2024-01-01 16:43:27.135219+00	{"n": 987, "ok": false, "kind": "create"}
evt-000988	2024-01-01 16:44:28.135356+00	{"n": 988, "ok": true, "kind": "update"}
evt-000989	2024-01-01 16:45:29.135493+00	{"n": 989, "ok": false, "kind": "delete"}
evt-000990	2024-01-01 16:46:30.13563+00	{"n": 990, "ok": true, "kind": "create"}
evt-000991	2024-01-01 16:47:31.135767+00	{"n": 991, "ok": false, "kind": "update"}
evt-000992	2024-01-01 16:48:32.135904+00	{"n": 992, "ok": true, "kind": "delete"}
evt-000993	2024-01-01 16:49:33.136041+00	{"n": 993, "ok": false, "kind": "create"}
evt-000994	2024-01-01 16:50:34.136178+00	{"n": 994, "ok": true, "kind": "update"}
evt-000995	2024-01-01 16:51:35.136315+00	{"n": 995, "ok": false, "kind": "delete"}
evt-000996	2024-01-01 16:52:36.136452+00	{"n": 996, "ok": true, "kind": "create"}
evt-000997	2024-01-01 16:53:37.136589+00	{"n": 997, "ok": false, "kind": "update"}
evt-000998	2024-01-01 16:54:38.136726+00	{"n": 998, "ok": true, "kind": "delete"}
evt-000999	2024-01-01 16:55:39.136863+00	{"n": 999, "ok": false, "kind": "create"}
evt-001000	2024-01-01 16:56:40.137+00	{"n": 1000, "ok": true, "kind": "update", "note": "tab\\there \\"q\\" \\\\ é"}
\.


--
-- Data for Name: child; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.child (id, parent_id, qty, note) FROM stdin;
1	1	5	a
2	1	0	\N
3	2	7	b
4	3	1	
\.


--
-- Data for Name: données été; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."données été" (id, v) FROM stdin;
1	übung
2	🐘
\.


--
-- Data for Name: empty_table; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.empty_table (id, v) FROM stdin;
\.


--
-- Data for Name: events; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.events (id, ts, t, d, tm, note) FROM stdin;
1	1890-07-16 05:07:11.000013+00	1890-07-16 05:07:11.000013	1890-07-16	05:07:11.000013	row 1
2	1890-11-30 10:14:22.000026+00	1890-11-30 10:14:22.000026	1890-11-30	10:14:22.000026	row 2
3	1891-04-16 15:21:33.000039+00	1891-04-16 15:21:33.000039	1891-04-16	15:21:33.000039	row 3
4	1891-08-31 20:28:44.000052+00	1891-08-31 20:28:44.000052	1891-08-31	20:28:44.000052	row 4
5	1892-01-16 01:35:55.000065+00	1892-01-16 01:35:55.000065	1892-01-16	01:35:55.000065	row 5
6	1892-06-01 06:43:06.000078+00	1892-06-01 06:43:06.000078	1892-06-01	06:43:06.000078	row 6
7	1892-10-16 11:50:17.000091+00	1892-10-16 11:50:17.000091	1892-10-16	11:50:17.000091	row 7
8	1893-03-02 16:57:28.000104+00	1893-03-02 16:57:28.000104	1893-03-02	16:57:28.000104	row 8
9	1893-07-17 22:04:39.000117+00	1893-07-17 22:04:39.000117	1893-07-17	22:04:39.000117	row 9
10	1893-12-02 03:11:50.00013+00	1893-12-02 03:11:50.00013	1893-12-02	03:11:50.00013	row 10
11	1894-04-18 08:19:01.000143+00	1894-04-18 08:19:01.000143	1894-04-18	08:19:01.000143	row 11
12	1894-09-02 13:26:12.000156+00	1894-09-02 13:26:12.000156	1894-09-02	13:26:12.000156	row 12
13	1895-01-17 18:33:23.000169+00	1895-01-17 18:33:23.000169	1895-01-17	18:33:23.000169	row 13
14	1895-06-03 23:40:34.000182+00	1895-06-03 23:40:34.000182	1895-06-03	23:40:34.000182	row 14
15	1895-10-19 04:47:45.000195+00	1895-10-19 04:47:45.000195	1895-10-19	04:47:45.000195	row 15
16	1896-03-04 09:54:56.000208+00	1896-03-04 09:54:56.000208	1896-03-04	09:54:56.000208	row 16
17	1896-07-19 15:02:07.000221+00	1896-07-19 15:02:07.000221	1896-07-19	15:02:07.000221	row 17
18	1896-12-03 20:09:18.000234+00	1896-12-03 20:09:18.000234	1896-12-03	20:09:18.000234	row 18
19	1897-04-20 01:16:29.000247+00	1897-04-20 01:16:29.000247	1897-04-20	01:16:29.000247	row 19
20	1897-09-04 06:23:40.00026+00	1897-09-04 06:23:40.00026	1897-09-04	06:23:40.00026	row 20
21	1898-01-19 11:30:51.000273+00	1898-01-19 11:30:51.000273	1898-01-19	11:30:51.000273	row 21
22	1898-06-05 16:38:02.000286+00	1898-06-05 16:38:02.000286	1898-06-05	16:38:02.000286	row 22
23	1898-10-20 21:45:13.000299+00	1898-10-20 21:45:13.000299	1898-10-20	21:45:13.000299	row 23
24	1899-03-07 02:52:24.000312+00	1899-03-07 02:52:24.000312	1899-03-07	02:52:24.000312	row 24
25	1899-07-22 07:59:35.000325+00	1899-07-22 07:59:35.000325	1899-07-22	07:59:35.000325	row 25
26	1899-12-06 13:06:46.000338+00	1899-12-06 13:06:46.000338	1899-12-06	13:06:46.000338	row 26
27	1900-04-22 18:13:57.000351+00	1900-04-22 18:13:57.000351	1900-04-22	18:13:57.000351	row 27
28	1900-09-06 23:21:08.000364+00	1900-09-06 23:21:08.000364	1900-09-06	23:21:08.000364	row 28
29	1901-01-22 04:28:19.000377+00	1901-01-22 04:28:19.000377	1901-01-22	04:28:19.000377	row 29
30	1901-06-08 09:35:30.00039+00	1901-06-08 09:35:30.00039	1901-06-08	09:35:30.00039	row 30
31	1901-10-23 14:42:41.000403+00	1901-10-23 14:42:41.000403	1901-10-23	14:42:41.000403	row 31
32	1902-03-09 19:49:52.000416+00	1902-03-09 19:49:52.000416	1902-03-09	19:49:52.000416	row 32
33	1902-07-25 00:57:03.000429+00	1902-07-25 00:57:03.000429	1902-07-25	00:57:03.000429	row 33
34	1902-12-09 06:04:14.000442+00	1902-12-09 06:04:14.000442	1902-12-09	06:04:14.000442	row 34
35	1903-04-25 11:11:25.000455+00	1903-04-25 11:11:25.000455	1903-04-25	11:11:25.000455	row 35
36	1903-09-09 16:18:36.000468+00	1903-09-09 16:18:36.000468	1903-09-09	16:18:36.000468	row 36
37	1904-01-24 21:25:47.000481+00	1904-01-24 21:25:47.000481	1904-01-24	21:25:47.000481	row 37
38	1904-06-10 02:32:58.000494+00	1904-06-10 02:32:58.000494	1904-06-10	02:32:58.000494	row 38
39	1904-10-25 07:40:09.000507+00	1904-10-25 07:40:09.000507	1904-10-25	07:40:09.000507	row 39
40	1905-03-11 12:47:20.00052+00	1905-03-11 12:47:20.00052	1905-03-11	12:47:20.00052	row 40
41	1905-07-26 17:54:31.000533+00	1905-07-26 17:54:31.000533	1905-07-26	17:54:31.000533	row 41
42	1905-12-10 23:01:42.000546+00	1905-12-10 23:01:42.000546	1905-12-10	23:01:42.000546	row 42
43	1906-04-27 04:08:53.000559+00	1906-04-27 04:08:53.000559	1906-04-27	04:08:53.000559	row 43
44	1906-09-11 09:16:04.000572+00	1906-09-11 09:16:04.000572	1906-09-11	09:16:04.000572	row 44
45	1907-01-26 14:23:15.000585+00	1907-01-26 14:23:15.000585	1907-01-26	14:23:15.000585	row 45
46	1907-06-12 19:30:26.000598+00	1907-06-12 19:30:26.000598	1907-06-12	19:30:26.000598	row 46
47	1907-10-28 00:37:37.000611+00	1907-10-28 00:37:37.000611	1907-10-28	00:37:37.000611	row 47
48	1908-03-13 05:44:48.000624+00	1908-03-13 05:44:48.000624	1908-03-13	05:44:48.000624	row 48
49	1908-07-28 10:51:59.000637+00	1908-07-28 10:51:59.000637	1908-07-28	10:51:59.000637	row 49
50	1908-12-12 15:59:10.00065+00	1908-12-12 15:59:10.00065	1908-12-12	15:59:10.00065	row 50
51	1909-04-28 21:06:21.000663+00	1909-04-28 21:06:21.000663	1909-04-28	21:06:21.000663	row 51
52	1909-09-13 02:13:32.000676+00	1909-09-13 02:13:32.000676	1909-09-13	02:13:32.000676	row 52
53	1910-01-28 07:20:43.000689+00	1910-01-28 07:20:43.000689	1910-01-28	07:20:43.000689	row 53
54	1910-06-14 12:27:54.000702+00	1910-06-14 12:27:54.000702	1910-06-14	12:27:54.000702	row 54
55	1910-10-29 17:35:05.000715+00	1910-10-29 17:35:05.000715	1910-10-29	17:35:05.000715	row 55
56	1911-03-15 22:42:16.000728+00	1911-03-15 22:42:16.000728	1911-03-15	22:42:16.000728	row 56
57	1911-07-31 03:49:27.000741+00	1911-07-31 03:49:27.000741	1911-07-31	03:49:27.000741	row 57
58	1911-12-15 08:56:38.000754+00	1911-12-15 08:56:38.000754	1911-12-15	08:56:38.000754	row 58
59	1912-04-30 14:03:49.000767+00	1912-04-30 14:03:49.000767	1912-04-30	14:03:49.000767	row 59
60	1912-09-14 19:11:00.00078+00	1912-09-14 19:11:00.00078	1912-09-14	19:11:00.00078	row 60
61	1913-01-30 00:18:11.000793+00	1913-01-30 00:18:11.000793	1913-01-30	00:18:11.000793	row 61
62	1913-06-16 05:25:22.000806+00	1913-06-16 05:25:22.000806	1913-06-16	05:25:22.000806	row 62
63	1913-10-31 10:32:33.000819+00	1913-10-31 10:32:33.000819	1913-10-31	10:32:33.000819	row 63
64	1914-03-17 15:39:44.000832+00	1914-03-17 15:39:44.000832	1914-03-17	15:39:44.000832	row 64
65	1914-08-01 20:46:55.000845+00	1914-08-01 20:46:55.000845	1914-08-01	20:46:55.000845	row 65
66	1914-12-17 01:54:06.000858+00	1914-12-17 01:54:06.000858	1914-12-17	01:54:06.000858	row 66
67	1915-05-03 07:01:17.000871+00	1915-05-03 07:01:17.000871	1915-05-03	07:01:17.000871	row 67
68	1915-09-17 12:08:28.000884+00	1915-09-17 12:08:28.000884	1915-09-17	12:08:28.000884	row 68
69	1916-02-01 17:15:39.000897+00	1916-02-01 17:15:39.000897	1916-02-01	17:15:39.000897	row 69
70	1916-06-17 22:22:50.00091+00	1916-06-17 22:22:50.00091	1916-06-17	22:22:50.00091	row 70
71	1916-11-02 03:30:01.000923+00	1916-11-02 03:30:01.000923	1916-11-02	03:30:01.000923	row 71
72	1917-03-19 08:37:12.000936+00	1917-03-19 08:37:12.000936	1917-03-19	08:37:12.000936	row 72
73	1917-08-03 13:44:23.000949+00	1917-08-03 13:44:23.000949	1917-08-03	13:44:23.000949	row 73
74	1917-12-18 18:51:34.000962+00	1917-12-18 18:51:34.000962	1917-12-18	18:51:34.000962	row 74
75	1918-05-04 23:58:45.000975+00	1918-05-04 23:58:45.000975	1918-05-04	23:58:45.000975	row 75
76	1918-09-19 05:05:56.000988+00	1918-09-19 05:05:56.000988	1918-09-19	05:05:56.000988	row 76
77	1919-02-03 10:13:07.001001+00	1919-02-03 10:13:07.001001	1919-02-03	10:13:07.001001	row 77
78	1919-06-20 15:20:18.001014+00	1919-06-20 15:20:18.001014	1919-06-20	15:20:18.001014	row 78
79	1919-11-04 20:27:29.001027+00	1919-11-04 20:27:29.001027	1919-11-04	20:27:29.001027	row 79
80	1920-03-21 01:34:40.00104+00	1920-03-21 01:34:40.00104	1920-03-21	01:34:40.00104	row 80
81	1920-08-05 06:41:51.001053+00	1920-08-05 06:41:51.001053	1920-08-05	06:41:51.001053	row 81
82	1920-12-20 11:49:02.001066+00	1920-12-20 11:49:02.001066	1920-12-20	11:49:02.001066	row 82
83	1921-05-06 16:56:13.001079+00	1921-05-06 16:56:13.001079	1921-05-06	16:56:13.001079	row 83
84	1921-09-20 22:03:24.001092+00	1921-09-20 22:03:24.001092	1921-09-20	22:03:24.001092	row 84
85	1922-02-05 03:10:35.001105+00	1922-02-05 03:10:35.001105	1922-02-05	03:10:35.001105	row 85
86	1922-06-22 08:17:46.001118+00	1922-06-22 08:17:46.001118	1922-06-22	08:17:46.001118	row 86
87	1922-11-06 13:24:57.001131+00	1922-11-06 13:24:57.001131	1922-11-06	13:24:57.001131	row 87
88	1923-03-23 18:32:08.001144+00	1923-03-23 18:32:08.001144	1923-03-23	18:32:08.001144	row 88
89	1923-08-07 23:39:19.001157+00	1923-08-07 23:39:19.001157	1923-08-07	23:39:19.001157	row 89
90	1923-12-23 04:46:30.00117+00	1923-12-23 04:46:30.00117	1923-12-23	04:46:30.00117	row 90
91	1924-05-08 09:53:41.001183+00	1924-05-08 09:53:41.001183	1924-05-08	09:53:41.001183	row 91
92	1924-09-22 15:00:52.001196+00	1924-09-22 15:00:52.001196	1924-09-22	15:00:52.001196	row 92
93	1925-02-06 20:08:03.001209+00	1925-02-06 20:08:03.001209	1925-02-06	20:08:03.001209	row 93
94	1925-06-24 01:15:14.001222+00	1925-06-24 01:15:14.001222	1925-06-24	01:15:14.001222	row 94
95	1925-11-08 06:22:25.001235+00	1925-11-08 06:22:25.001235	1925-11-08	06:22:25.001235	row 95
96	1926-03-25 11:29:36.001248+00	1926-03-25 11:29:36.001248	1926-03-25	11:29:36.001248	row 96
97	1926-08-09 16:36:47.001261+00	1926-08-09 16:36:47.001261	1926-08-09	16:36:47.001261	row 97
98	1926-12-24 21:43:58.001274+00	1926-12-24 21:43:58.001274	1926-12-24	21:43:58.001274	row 98
99	1927-05-11 02:51:09.001287+00	1927-05-11 02:51:09.001287	1927-05-11	02:51:09.001287	row 99
100	1927-09-25 07:58:20.0013+00	1927-09-25 07:58:20.0013	1927-09-25	07:58:20.0013	row 100
101	1928-02-09 13:05:31.001313+00	1928-02-09 13:05:31.001313	1928-02-09	13:05:31.001313	row 101
102	1928-06-25 18:12:42.001326+00	1928-06-25 18:12:42.001326	1928-06-25	18:12:42.001326	row 102
103	1928-11-09 23:19:53.001339+00	1928-11-09 23:19:53.001339	1928-11-09	23:19:53.001339	row 103
104	1929-03-27 04:27:04.001352+00	1929-03-27 04:27:04.001352	1929-03-27	04:27:04.001352	row 104
105	1929-08-11 09:34:15.001365+00	1929-08-11 09:34:15.001365	1929-08-11	09:34:15.001365	row 105
106	1929-12-26 14:41:26.001378+00	1929-12-26 14:41:26.001378	1929-12-26	14:41:26.001378	row 106
107	1930-05-12 19:48:37.001391+00	1930-05-12 19:48:37.001391	1930-05-12	19:48:37.001391	row 107
108	1930-09-27 00:55:48.001404+00	1930-09-27 00:55:48.001404	1930-09-27	00:55:48.001404	row 108
109	1931-02-11 06:02:59.001417+00	1931-02-11 06:02:59.001417	1931-02-11	06:02:59.001417	row 109
110	1931-06-28 11:10:10.00143+00	1931-06-28 11:10:10.00143	1931-06-28	11:10:10.00143	row 110
111	1931-11-12 16:17:21.001443+00	1931-11-12 16:17:21.001443	1931-11-12	16:17:21.001443	row 111
112	1932-03-28 21:24:32.001456+00	1932-03-28 21:24:32.001456	1932-03-28	21:24:32.001456	row 112
113	1932-08-13 02:31:43.001469+00	1932-08-13 02:31:43.001469	1932-08-13	02:31:43.001469	row 113
114	1932-12-28 07:38:54.001482+00	1932-12-28 07:38:54.001482	1932-12-28	07:38:54.001482	row 114
115	1933-05-14 12:46:05.001495+00	1933-05-14 12:46:05.001495	1933-05-14	12:46:05.001495	row 115
116	1933-09-28 17:53:16.001508+00	1933-09-28 17:53:16.001508	1933-09-28	17:53:16.001508	row 116
117	1934-02-12 23:00:27.001521+00	1934-02-12 23:00:27.001521	1934-02-12	23:00:27.001521	row 117
118	1934-06-30 04:07:38.001534+00	1934-06-30 04:07:38.001534	1934-06-30	04:07:38.001534	row 118
119	1934-11-14 09:14:49.001547+00	1934-11-14 09:14:49.001547	1934-11-14	09:14:49.001547	row 119
120	1935-03-31 14:22:00.00156+00	1935-03-31 14:22:00.00156	1935-03-31	14:22:00.00156	row 120
121	1935-08-15 19:29:11.001573+00	1935-08-15 19:29:11.001573	1935-08-15	19:29:11.001573	row 121
122	1935-12-31 00:36:22.001586+00	1935-12-31 00:36:22.001586	1935-12-31	00:36:22.001586	row 122
123	1936-05-16 05:43:33.001599+00	1936-05-16 05:43:33.001599	1936-05-16	05:43:33.001599	row 123
124	1936-09-30 10:50:44.001612+00	1936-09-30 10:50:44.001612	1936-09-30	10:50:44.001612	row 124
125	1937-02-14 15:57:55.001625+00	1937-02-14 15:57:55.001625	1937-02-14	15:57:55.001625	row 125
126	1937-07-01 21:05:06.001638+00	1937-07-01 21:05:06.001638	1937-07-01	21:05:06.001638	row 126
127	1937-11-16 02:12:17.001651+00	1937-11-16 02:12:17.001651	1937-11-16	02:12:17.001651	row 127
128	1938-04-02 07:19:28.001664+00	1938-04-02 07:19:28.001664	1938-04-02	07:19:28.001664	row 128
129	1938-08-17 12:26:39.001677+00	1938-08-17 12:26:39.001677	1938-08-17	12:26:39.001677	row 129
130	1939-01-01 17:33:50.00169+00	1939-01-01 17:33:50.00169	1939-01-01	17:33:50.00169	row 130
131	1939-05-18 22:41:01.001703+00	1939-05-18 22:41:01.001703	1939-05-18	22:41:01.001703	row 131
132	1939-10-03 03:48:12.001716+00	1939-10-03 03:48:12.001716	1939-10-03	03:48:12.001716	row 132
133	1940-02-17 08:55:23.001729+00	1940-02-17 08:55:23.001729	1940-02-17	08:55:23.001729	row 133
134	1940-07-03 14:02:34.001742+00	1940-07-03 14:02:34.001742	1940-07-03	14:02:34.001742	row 134
135	1940-11-17 19:09:45.001755+00	1940-11-17 19:09:45.001755	1940-11-17	19:09:45.001755	row 135
136	1941-04-04 00:16:56.001768+00	1941-04-04 00:16:56.001768	1941-04-04	00:16:56.001768	row 136
137	1941-08-19 05:24:07.001781+00	1941-08-19 05:24:07.001781	1941-08-19	05:24:07.001781	row 137
138	1942-01-03 10:31:18.001794+00	1942-01-03 10:31:18.001794	1942-01-03	10:31:18.001794	row 138
139	1942-05-20 15:38:29.001807+00	1942-05-20 15:38:29.001807	1942-05-20	15:38:29.001807	row 139
140	1942-10-04 20:45:40.00182+00	1942-10-04 20:45:40.00182	1942-10-04	20:45:40.00182	row 140
141	1943-02-19 01:52:51.001833+00	1943-02-19 01:52:51.001833	1943-02-19	01:52:51.001833	row 141
142	1943-07-06 07:00:02.001846+00	1943-07-06 07:00:02.001846	1943-07-06	07:00:02.001846	row 142
143	1943-11-20 12:07:13.001859+00	1943-11-20 12:07:13.001859	1943-11-20	12:07:13.001859	row 143
144	1944-04-05 17:14:24.001872+00	1944-04-05 17:14:24.001872	1944-04-05	17:14:24.001872	row 144
145	1944-08-20 22:21:35.001885+00	1944-08-20 22:21:35.001885	1944-08-20	22:21:35.001885	row 145
146	1945-01-05 03:28:46.001898+00	1945-01-05 03:28:46.001898	1945-01-05	03:28:46.001898	row 146
147	1945-05-22 08:35:57.001911+00	1945-05-22 08:35:57.001911	1945-05-22	08:35:57.001911	row 147
148	1945-10-06 13:43:08.001924+00	1945-10-06 13:43:08.001924	1945-10-06	13:43:08.001924	row 148
149	1946-02-20 18:50:19.001937+00	1946-02-20 18:50:19.001937	1946-02-20	18:50:19.001937	row 149
150	1946-07-07 23:57:30.00195+00	1946-07-07 23:57:30.00195	1946-07-07	23:57:30.00195	row 150
151	1946-11-22 05:04:41.001963+00	1946-11-22 05:04:41.001963	1946-11-22	05:04:41.001963	row 151
152	1947-04-08 10:11:52.001976+00	1947-04-08 10:11:52.001976	1947-04-08	10:11:52.001976	row 152
153	1947-08-23 15:19:03.001989+00	1947-08-23 15:19:03.001989	1947-08-23	15:19:03.001989	row 153
154	1948-01-07 20:26:14.002002+00	1948-01-07 20:26:14.002002	1948-01-07	20:26:14.002002	row 154
155	1948-05-24 01:33:25.002015+00	1948-05-24 01:33:25.002015	1948-05-24	01:33:25.002015	row 155
156	1948-10-08 06:40:36.002028+00	1948-10-08 06:40:36.002028	1948-10-08	06:40:36.002028	row 156
157	1949-02-22 11:47:47.002041+00	1949-02-22 11:47:47.002041	1949-02-22	11:47:47.002041	row 157
158	1949-07-09 16:54:58.002054+00	1949-07-09 16:54:58.002054	1949-07-09	16:54:58.002054	row 158
159	1949-11-23 22:02:09.002067+00	1949-11-23 22:02:09.002067	1949-11-23	22:02:09.002067	row 159
160	1950-04-10 03:09:20.00208+00	1950-04-10 03:09:20.00208	1950-04-10	03:09:20.00208	row 160
161	1950-08-25 08:16:31.002093+00	1950-08-25 08:16:31.002093	1950-08-25	08:16:31.002093	row 161
162	1951-01-09 13:23:42.002106+00	1951-01-09 13:23:42.002106	1951-01-09	13:23:42.002106	row 162
163	1951-05-26 18:30:53.002119+00	1951-05-26 18:30:53.002119	1951-05-26	18:30:53.002119	row 163
164	1951-10-10 23:38:04.002132+00	1951-10-10 23:38:04.002132	1951-10-10	23:38:04.002132	row 164
165	1952-02-25 04:45:15.002145+00	1952-02-25 04:45:15.002145	1952-02-25	04:45:15.002145	row 165
166	1952-07-11 09:52:26.002158+00	1952-07-11 09:52:26.002158	1952-07-11	09:52:26.002158	row 166
167	1952-11-25 14:59:37.002171+00	1952-11-25 14:59:37.002171	1952-11-25	14:59:37.002171	row 167
168	1953-04-11 20:06:48.002184+00	1953-04-11 20:06:48.002184	1953-04-11	20:06:48.002184	row 168
169	1953-08-27 01:13:59.002197+00	1953-08-27 01:13:59.002197	1953-08-27	01:13:59.002197	row 169
170	1954-01-11 06:21:10.00221+00	1954-01-11 06:21:10.00221	1954-01-11	06:21:10.00221	row 170
171	1954-05-28 11:28:21.002223+00	1954-05-28 11:28:21.002223	1954-05-28	11:28:21.002223	row 171
172	1954-10-12 16:35:32.002236+00	1954-10-12 16:35:32.002236	1954-10-12	16:35:32.002236	row 172
173	1955-02-26 21:42:43.002249+00	1955-02-26 21:42:43.002249	1955-02-26	21:42:43.002249	row 173
174	1955-07-14 02:49:54.002262+00	1955-07-14 02:49:54.002262	1955-07-14	02:49:54.002262	row 174
175	1955-11-28 07:57:05.002275+00	1955-11-28 07:57:05.002275	1955-11-28	07:57:05.002275	row 175
176	1956-04-13 13:04:16.002288+00	1956-04-13 13:04:16.002288	1956-04-13	13:04:16.002288	row 176
177	1956-08-28 18:11:27.002301+00	1956-08-28 18:11:27.002301	1956-08-28	18:11:27.002301	row 177
178	1957-01-12 23:18:38.002314+00	1957-01-12 23:18:38.002314	1957-01-12	23:18:38.002314	row 178
179	1957-05-30 04:25:49.002327+00	1957-05-30 04:25:49.002327	1957-05-30	04:25:49.002327	row 179
180	1957-10-14 09:33:00.00234+00	1957-10-14 09:33:00.00234	1957-10-14	09:33:00.00234	row 180
181	1958-02-28 14:40:11.002353+00	1958-02-28 14:40:11.002353	1958-02-28	14:40:11.002353	row 181
182	1958-07-15 19:47:22.002366+00	1958-07-15 19:47:22.002366	1958-07-15	19:47:22.002366	row 182
183	1958-11-30 00:54:33.002379+00	1958-11-30 00:54:33.002379	1958-11-30	00:54:33.002379	row 183
184	1959-04-16 06:01:44.002392+00	1959-04-16 06:01:44.002392	1959-04-16	06:01:44.002392	row 184
185	1959-08-31 11:08:55.002405+00	1959-08-31 11:08:55.002405	1959-08-31	11:08:55.002405	row 185
186	1960-01-15 16:16:06.002418+00	1960-01-15 16:16:06.002418	1960-01-15	16:16:06.002418	row 186
187	1960-05-31 21:23:17.002431+00	1960-05-31 21:23:17.002431	1960-05-31	21:23:17.002431	row 187
188	1960-10-16 02:30:28.002444+00	1960-10-16 02:30:28.002444	1960-10-16	02:30:28.002444	row 188
189	1961-03-02 07:37:39.002457+00	1961-03-02 07:37:39.002457	1961-03-02	07:37:39.002457	row 189
190	1961-07-17 12:44:50.00247+00	1961-07-17 12:44:50.00247	1961-07-17	12:44:50.00247	row 190
191	1961-12-01 17:52:01.002483+00	1961-12-01 17:52:01.002483	1961-12-01	17:52:01.002483	row 191
192	1962-04-17 22:59:12.002496+00	1962-04-17 22:59:12.002496	1962-04-17	22:59:12.002496	row 192
193	1962-09-02 04:06:23.002509+00	1962-09-02 04:06:23.002509	1962-09-02	04:06:23.002509	row 193
194	1963-01-17 09:13:34.002522+00	1963-01-17 09:13:34.002522	1963-01-17	09:13:34.002522	row 194
195	1963-06-03 14:20:45.002535+00	1963-06-03 14:20:45.002535	1963-06-03	14:20:45.002535	row 195
196	1963-10-18 19:27:56.002548+00	1963-10-18 19:27:56.002548	1963-10-18	19:27:56.002548	row 196
197	1964-03-04 00:35:07.002561+00	1964-03-04 00:35:07.002561	1964-03-04	00:35:07.002561	row 197
198	1964-07-19 05:42:18.002574+00	1964-07-19 05:42:18.002574	1964-07-19	05:42:18.002574	row 198
199	1964-12-03 10:49:29.002587+00	1964-12-03 10:49:29.002587	1964-12-03	10:49:29.002587	row 199
200	1965-04-19 15:56:40.0026+00	1965-04-19 15:56:40.0026	1965-04-19	15:56:40.0026	row 200
201	1965-09-03 21:03:51.002613+00	1965-09-03 21:03:51.002613	1965-09-03	21:03:51.002613	row 201
202	1966-01-19 02:11:02.002626+00	1966-01-19 02:11:02.002626	1966-01-19	02:11:02.002626	row 202
203	1966-06-05 07:18:13.002639+00	1966-06-05 07:18:13.002639	1966-06-05	07:18:13.002639	row 203
204	1966-10-20 12:25:24.002652+00	1966-10-20 12:25:24.002652	1966-10-20	12:25:24.002652	row 204
205	1967-03-06 17:32:35.002665+00	1967-03-06 17:32:35.002665	1967-03-06	17:32:35.002665	row 205
206	1967-07-21 22:39:46.002678+00	1967-07-21 22:39:46.002678	1967-07-21	22:39:46.002678	row 206
207	1967-12-06 03:46:57.002691+00	1967-12-06 03:46:57.002691	1967-12-06	03:46:57.002691	row 207
208	1968-04-21 08:54:08.002704+00	1968-04-21 08:54:08.002704	1968-04-21	08:54:08.002704	row 208
209	1968-09-05 14:01:19.002717+00	1968-09-05 14:01:19.002717	1968-09-05	14:01:19.002717	row 209
210	1969-01-20 19:08:30.00273+00	1969-01-20 19:08:30.00273	1969-01-20	19:08:30.00273	row 210
211	1969-06-07 00:15:41.002743+00	1969-06-07 00:15:41.002743	1969-06-07	00:15:41.002743	row 211
212	1969-10-22 05:22:52.002756+00	1969-10-22 05:22:52.002756	1969-10-22	05:22:52.002756	row 212
213	1970-03-08 10:30:03.002769+00	1970-03-08 10:30:03.002769	1970-03-08	10:30:03.002769	row 213
214	1970-07-23 15:37:14.002782+00	1970-07-23 15:37:14.002782	1970-07-23	15:37:14.002782	row 214
215	1970-12-07 20:44:25.002795+00	1970-12-07 20:44:25.002795	1970-12-07	20:44:25.002795	row 215
216	1971-04-24 01:51:36.002808+00	1971-04-24 01:51:36.002808	1971-04-24	01:51:36.002808	row 216
217	1971-09-08 06:58:47.002821+00	1971-09-08 06:58:47.002821	1971-09-08	06:58:47.002821	row 217
218	1972-01-23 12:05:58.002834+00	1972-01-23 12:05:58.002834	1972-01-23	12:05:58.002834	row 218
219	1972-06-08 17:13:09.002847+00	1972-06-08 17:13:09.002847	1972-06-08	17:13:09.002847	row 219
220	1972-10-23 22:20:20.00286+00	1972-10-23 22:20:20.00286	1972-10-23	22:20:20.00286	row 220
221	1973-03-10 03:27:31.002873+00	1973-03-10 03:27:31.002873	1973-03-10	03:27:31.002873	row 221
222	1973-07-25 08:34:42.002886+00	1973-07-25 08:34:42.002886	1973-07-25	08:34:42.002886	row 222
223	1973-12-09 13:41:53.002899+00	1973-12-09 13:41:53.002899	1973-12-09	13:41:53.002899	row 223
224	1974-04-25 18:49:04.002912+00	1974-04-25 18:49:04.002912	1974-04-25	18:49:04.002912	row 224
225	1974-09-09 23:56:15.002925+00	1974-09-09 23:56:15.002925	1974-09-09	23:56:15.002925	row 225
226	1975-01-25 05:03:26.002938+00	1975-01-25 05:03:26.002938	1975-01-25	05:03:26.002938	row 226
227	1975-06-11 10:10:37.002951+00	1975-06-11 10:10:37.002951	1975-06-11	10:10:37.002951	row 227
228	1975-10-26 15:17:48.002964+00	1975-10-26 15:17:48.002964	1975-10-26	15:17:48.002964	row 228
229	1976-03-11 20:24:59.002977+00	1976-03-11 20:24:59.002977	1976-03-11	20:24:59.002977	row 229
230	1976-07-27 01:32:10.00299+00	1976-07-27 01:32:10.00299	1976-07-27	01:32:10.00299	row 230
231	1976-12-11 06:39:21.003003+00	1976-12-11 06:39:21.003003	1976-12-11	06:39:21.003003	row 231
232	1977-04-27 11:46:32.003016+00	1977-04-27 11:46:32.003016	1977-04-27	11:46:32.003016	row 232
233	1977-09-11 16:53:43.003029+00	1977-09-11 16:53:43.003029	1977-09-11	16:53:43.003029	row 233
234	1978-01-26 22:00:54.003042+00	1978-01-26 22:00:54.003042	1978-01-26	22:00:54.003042	row 234
235	1978-06-13 03:08:05.003055+00	1978-06-13 03:08:05.003055	1978-06-13	03:08:05.003055	row 235
236	1978-10-28 08:15:16.003068+00	1978-10-28 08:15:16.003068	1978-10-28	08:15:16.003068	row 236
237	1979-03-14 13:22:27.003081+00	1979-03-14 13:22:27.003081	1979-03-14	13:22:27.003081	row 237
238	1979-07-29 18:29:38.003094+00	1979-07-29 18:29:38.003094	1979-07-29	18:29:38.003094	row 238
239	1979-12-13 23:36:49.003107+00	1979-12-13 23:36:49.003107	1979-12-13	23:36:49.003107	row 239
240	1980-04-29 04:44:00.00312+00	1980-04-29 04:44:00.00312	1980-04-29	04:44:00.00312	row 240
241	1980-09-13 09:51:11.003133+00	1980-09-13 09:51:11.003133	1980-09-13	09:51:11.003133	row 241
242	1981-01-28 14:58:22.003146+00	1981-01-28 14:58:22.003146	1981-01-28	14:58:22.003146	row 242
243	1981-06-14 20:05:33.003159+00	1981-06-14 20:05:33.003159	1981-06-14	20:05:33.003159	row 243
244	1981-10-30 01:12:44.003172+00	1981-10-30 01:12:44.003172	1981-10-30	01:12:44.003172	row 244
245	1982-03-16 06:19:55.003185+00	1982-03-16 06:19:55.003185	1982-03-16	06:19:55.003185	row 245
246	1982-07-31 11:27:06.003198+00	1982-07-31 11:27:06.003198	1982-07-31	11:27:06.003198	row 246
247	1982-12-15 16:34:17.003211+00	1982-12-15 16:34:17.003211	1982-12-15	16:34:17.003211	row 247
248	1983-05-01 21:41:28.003224+00	1983-05-01 21:41:28.003224	1983-05-01	21:41:28.003224	row 248
249	1983-09-16 02:48:39.003237+00	1983-09-16 02:48:39.003237	1983-09-16	02:48:39.003237	row 249
250	1984-01-31 07:55:50.00325+00	1984-01-31 07:55:50.00325	1984-01-31	07:55:50.00325	row 250
251	1984-06-16 13:03:01.003263+00	1984-06-16 13:03:01.003263	1984-06-16	13:03:01.003263	row 251
252	1984-10-31 18:10:12.003276+00	1984-10-31 18:10:12.003276	1984-10-31	18:10:12.003276	row 252
253	1985-03-17 23:17:23.003289+00	1985-03-17 23:17:23.003289	1985-03-17	23:17:23.003289	row 253
254	1985-08-02 04:24:34.003302+00	1985-08-02 04:24:34.003302	1985-08-02	04:24:34.003302	row 254
255	1985-12-17 09:31:45.003315+00	1985-12-17 09:31:45.003315	1985-12-17	09:31:45.003315	row 255
256	1986-05-03 14:38:56.003328+00	1986-05-03 14:38:56.003328	1986-05-03	14:38:56.003328	row 256
257	1986-09-17 19:46:07.003341+00	1986-09-17 19:46:07.003341	1986-09-17	19:46:07.003341	row 257
258	1987-02-02 00:53:18.003354+00	1987-02-02 00:53:18.003354	1987-02-02	00:53:18.003354	row 258
259	1987-06-19 06:00:29.003367+00	1987-06-19 06:00:29.003367	1987-06-19	06:00:29.003367	row 259
260	1987-11-03 11:07:40.00338+00	1987-11-03 11:07:40.00338	1987-11-03	11:07:40.00338	row 260
261	1988-03-19 16:14:51.003393+00	1988-03-19 16:14:51.003393	1988-03-19	16:14:51.003393	row 261
262	1988-08-03 21:22:02.003406+00	1988-08-03 21:22:02.003406	1988-08-03	21:22:02.003406	row 262
263	1988-12-19 02:29:13.003419+00	1988-12-19 02:29:13.003419	1988-12-19	02:29:13.003419	row 263
264	1989-05-05 07:36:24.003432+00	1989-05-05 07:36:24.003432	1989-05-05	07:36:24.003432	row 264
265	1989-09-19 12:43:35.003445+00	1989-09-19 12:43:35.003445	1989-09-19	12:43:35.003445	row 265
266	1990-02-03 17:50:46.003458+00	1990-02-03 17:50:46.003458	1990-02-03	17:50:46.003458	row 266
267	1990-06-20 22:57:57.003471+00	1990-06-20 22:57:57.003471	1990-06-20	22:57:57.003471	row 267
268	1990-11-05 04:05:08.003484+00	1990-11-05 04:05:08.003484	1990-11-05	04:05:08.003484	row 268
269	1991-03-22 09:12:19.003497+00	1991-03-22 09:12:19.003497	1991-03-22	09:12:19.003497	row 269
270	1991-08-06 14:19:30.00351+00	1991-08-06 14:19:30.00351	1991-08-06	14:19:30.00351	row 270
271	1991-12-21 19:26:41.003523+00	1991-12-21 19:26:41.003523	1991-12-21	19:26:41.003523	row 271
272	1992-05-07 00:33:52.003536+00	1992-05-07 00:33:52.003536	1992-05-07	00:33:52.003536	row 272
273	1992-09-21 05:41:03.003549+00	1992-09-21 05:41:03.003549	1992-09-21	05:41:03.003549	row 273
274	1993-02-05 10:48:14.003562+00	1993-02-05 10:48:14.003562	1993-02-05	10:48:14.003562	row 274
275	1993-06-22 15:55:25.003575+00	1993-06-22 15:55:25.003575	1993-06-22	15:55:25.003575	row 275
276	1993-11-06 21:02:36.003588+00	1993-11-06 21:02:36.003588	1993-11-06	21:02:36.003588	row 276
277	1994-03-24 02:09:47.003601+00	1994-03-24 02:09:47.003601	1994-03-24	02:09:47.003601	row 277
278	1994-08-08 07:16:58.003614+00	1994-08-08 07:16:58.003614	1994-08-08	07:16:58.003614	row 278
279	1994-12-23 12:24:09.003627+00	1994-12-23 12:24:09.003627	1994-12-23	12:24:09.003627	row 279
280	1995-05-09 17:31:20.00364+00	1995-05-09 17:31:20.00364	1995-05-09	17:31:20.00364	row 280
281	1995-09-23 22:38:31.003653+00	1995-09-23 22:38:31.003653	1995-09-23	22:38:31.003653	row 281
282	1996-02-08 03:45:42.003666+00	1996-02-08 03:45:42.003666	1996-02-08	03:45:42.003666	row 282
283	1996-06-24 08:52:53.003679+00	1996-06-24 08:52:53.003679	1996-06-24	08:52:53.003679	row 283
284	1996-11-08 14:00:04.003692+00	1996-11-08 14:00:04.003692	1996-11-08	14:00:04.003692	row 284
285	1997-03-25 19:07:15.003705+00	1997-03-25 19:07:15.003705	1997-03-25	19:07:15.003705	row 285
286	1997-08-10 00:14:26.003718+00	1997-08-10 00:14:26.003718	1997-08-10	00:14:26.003718	row 286
287	1997-12-25 05:21:37.003731+00	1997-12-25 05:21:37.003731	1997-12-25	05:21:37.003731	row 287
288	1998-05-11 10:28:48.003744+00	1998-05-11 10:28:48.003744	1998-05-11	10:28:48.003744	row 288
289	1998-09-25 15:35:59.003757+00	1998-09-25 15:35:59.003757	1998-09-25	15:35:59.003757	row 289
290	1999-02-09 20:43:10.00377+00	1999-02-09 20:43:10.00377	1999-02-09	20:43:10.00377	row 290
291	1999-06-27 01:50:21.003783+00	1999-06-27 01:50:21.003783	1999-06-27	01:50:21.003783	row 291
292	1999-11-11 06:57:32.003796+00	1999-11-11 06:57:32.003796	1999-11-11	06:57:32.003796	row 292
293	2000-03-27 12:04:43.003809+00	2000-03-27 12:04:43.003809	2000-03-27	12:04:43.003809	row 293
294	2000-08-11 17:11:54.003822+00	2000-08-11 17:11:54.003822	2000-08-11	17:11:54.003822	row 294
295	2000-12-26 22:19:05.003835+00	2000-12-26 22:19:05.003835	2000-12-26	22:19:05.003835	row 295
296	2001-05-13 03:26:16.003848+00	2001-05-13 03:26:16.003848	2001-05-13	03:26:16.003848	row 296
297	2001-09-27 08:33:27.003861+00	2001-09-27 08:33:27.003861	2001-09-27	08:33:27.003861	row 297
298	2002-02-11 13:40:38.003874+00	2002-02-11 13:40:38.003874	2002-02-11	13:40:38.003874	row 298
299	2002-06-28 18:47:49.003887+00	2002-06-28 18:47:49.003887	2002-06-28	18:47:49.003887	row 299
300	2002-11-12 23:55:00.0039+00	2002-11-12 23:55:00.0039	2002-11-12	23:55:00.0039	row 300
1001	infinity	infinity	infinity	24:00:00	infinity
1002	-infinity	-infinity	-infinity	00:00:00	-infinity
1003	4713-01-01 00:00:00+00 BC	4713-01-01 00:00:00 BC	4713-01-01 BC	00:00:00	lowest timestamptz
1004	294276-12-31 23:59:59.999999+00	294276-12-31 23:59:59.999999	5874897-12-31	23:59:59.999999	highest timestamptz
1005	0001-12-31 23:59:59.999999+00 BC	0001-12-31 23:59:59.999999 BC	0001-12-31 BC	23:59:59.999999	last instant of 1 BC
1006	0001-01-01 00:00:00+00	0001-01-01 00:00:00	0001-01-01	00:00:00	first instant of 1 AD
1007	0044-03-15 12:00:00+00 BC	0044-03-15 12:00:00 BC	0044-03-15 BC	12:00:00	ides of March
1008	9999-12-31 23:59:59.999999+00	9999-12-31 23:59:59.999999	9999-12-31	23:59:59.999999	last 4-digit year
1009	10000-01-01 00:00:00+00	10000-01-01 00:00:00	10000-01-01	00:00:00	year 10000
1010	2024-02-29 12:00:00.000001+00	2024-02-29 12:00:00.000001	2024-02-29	12:00:00.000001	leap day, +1us
1011	1999-12-31 23:59:59.999999+00	1999-12-31 23:59:59.999999	1999-12-31	23:59:59.999999	just before 2000
1012	2000-01-01 00:00:00+00	2000-01-01 00:00:00	2000-01-01	00:00:00	PostgreSQL epoch
1013	1970-01-01 00:00:00+00	1970-01-01 00:00:00	1970-01-01	00:00:00	Unix epoch
1014	1969-12-31 23:59:59.999999+00	1969-12-31 23:59:59.999999	1969-12-31	23:59:59.999999	just before Unix epoch
1015	1850-06-01 11:50:39+00	1850-06-01 12:00:00	1850-06-01	12:00:00	Paris local mean time
1016	1899-12-31 23:50:39+00	1900-01-01 00:00:00	1900-01-01	00:00:00	Paris mean time
1017	1911-03-11 00:01:00+00	1911-03-11 00:01:00	1911-03-11	00:01:00	just after Paris adopted WET
1018	2024-01-15 12:00:00+00	2024-01-15 12:00:00	2024-01-15	12:00:00	winter
1019	2024-07-14 12:00:00+00	2024-07-14 12:00:00	2024-07-14	12:00:00	summer
1020	2024-10-27 00:30:00+00	2024-10-27 00:30:00	2024-10-27	00:30:00	Paris 02:30 CEST
1021	2024-10-27 01:30:00+00	2024-10-27 01:30:00	2024-10-27	01:30:00	Paris 02:30 CET
1022	1850-06-01 06:06:32+00	1850-06-01 12:00:00	1850-06-01	12:00:00	Kolkata local mean time
1023	1880-01-01 00:00:00+00	1880-01-01 00:00:00	1880-01-01	00:00:00	Madras time
1024	1942-09-01 12:00:00+00	1942-09-01 12:00:00	1942-09-01	12:00:00	Indian war time +06:30
1025	2024-03-10 10:00:00.5+00	2024-03-10 10:00:00.5	2024-03-10	10:00:00.5	half second
1026	2024-03-10 10:00:00.1+00	2024-03-10 10:00:00.1	2024-03-10	10:00:00.1	trailing zero trimmed
1027	\N	\N	\N	\N	\N
1028	\N	2024-01-01 00:00:00	\N	\N	only t
1029	2024-06-30 23:59:59+00	2024-06-30 23:59:59	2024-06-30	23:59:59	note with\ttab and\nnewline
\.


--
-- Data for Name: items; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.items (id, v) FROM stdin;
1	public one
2	public two
\.


--
-- Data for Name: line break; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."line
break" (id) FROM stdin;
42
\.


--
-- Data for Name: measurements_2023; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.measurements_2023 (id, at, v) FROM stdin;
0	2023-06-01	0.00
1	2023-06-08	1.25
2	2023-06-15	2.50
3	2023-06-22	3.75
4	2023-06-29	5.00
5	2023-07-06	6.25
6	2023-07-13	7.50
7	2023-07-20	8.75
8	2023-07-27	10.00
9	2023-08-03	11.25
10	2023-08-10	12.50
11	2023-08-17	13.75
12	2023-08-24	15.00
13	2023-08-31	16.25
14	2023-09-07	17.50
15	2023-09-14	18.75
16	2023-09-21	20.00
17	2023-09-28	21.25
18	2023-10-05	22.50
19	2023-10-12	23.75
20	2023-10-19	25.00
21	2023-10-26	26.25
22	2023-11-02	27.50
23	2023-11-09	28.75
24	2023-11-16	30.00
25	2023-11-23	31.25
26	2023-11-30	32.50
27	2023-12-07	33.75
28	2023-12-14	35.00
29	2023-12-21	36.25
30	2023-12-28	37.50
\.


--
-- Data for Name: measurements_2024; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.measurements_2024 (id, at, v) FROM stdin;
31	2024-01-04	38.75
32	2024-01-11	40.00
33	2024-01-18	41.25
34	2024-01-25	42.50
35	2024-02-01	43.75
36	2024-02-08	45.00
37	2024-02-15	46.25
38	2024-02-22	47.50
39	2024-02-29	48.75
\.


--
-- Data for Name: measurements_default; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.measurements_default (id, at, v) FROM stdin;
100	1999-12-31	\N
101	infinity	-1
\.


--
-- Data for Name: parent; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.parent (id, name) FROM stdin;
1	one
2	two
3	\N
\.


--
-- Data for Name: quote"name; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."quote""name" (id, v) FROM stdin;
1	x
2	\N
\.


--
-- Data for Name: scratch; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.scratch (k, v) FROM stdin;
a	1
b	2
c	\N
\.


--
-- Data for Name: slash/name; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public."slash/name" (id) FROM stdin;
1
\.


--
-- Data for Name: types; Type: TABLE DATA; Schema: public; Owner: postgres
--

COPY public.types (id, n, f8, f4, b, raw, ints, texts, iv, j, js, u, m) FROM stdin;
1	123456789012345678.123456	1.5	0.1	t	\\x00ff	{1,2,NULL}	{"a\\"b",NULL,"c d"}	1 day 02:03:04	{"a": [1, "x"], "k": 1}	{"b":2,  "a":1}	a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11	happy
2	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N
3	-0.000001	0.1	NaN	f	\\x5c	{}	{}	-1 mons +3 days	{}	[]	00000000-0000-0000-0000-000000000000	sad
4	NaN	Infinity	Infinity	t	\\x	{{1,2},{3,4}}	{"q\\\\r"}	1 year	"str"	null	\N	ok
5	0.000000	-Infinity	-0	f	\\x7461620968657265	{-2147483648,2147483647}	{""}	00:00:00.5	null	"é"	\N	\N
6	100000000000000000000.000000	1e+300	1e-07	\N	\N	\N	\N	100 years	{"nested": {"deep": [true, false, null]}}	{"x": "\\u00e9"}	\N	\N
7	2.500000	-0	3.4028235e+38	t	\N	\N	\N	-00:00:00.000001	1.50	1.50	\N	\N
\.


--
-- Name: My Table_id_seq; Type: SEQUENCE SET; Schema: Mixed Case; Owner: postgres
--

SELECT pg_catalog.setval('"Mixed Case"."My Table_id_seq"', 19, true);


--
-- Name: unused_seq; Type: SEQUENCE SET; Schema: Mixed Case; Owner: postgres
--

SELECT pg_catalog.setval('"Mixed Case".unused_seq', 1, false);


--
-- Name: child_id_seq; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.child_id_seq', 4, true);


--
-- Name: used_seq; Type: SEQUENCE SET; Schema: public; Owner: postgres
--

SELECT pg_catalog.setval('public.used_seq', 110, true);


--
-- Data for Name: BLOBS; Type: BLOBS; Schema: -; Owner: -
--

BEGIN;

SELECT pg_catalog.lo_open('90001', 131072);
SELECT pg_catalog.lo_close(0);

SELECT pg_catalog.lo_open('90002', 131072);
SELECT pg_catalog.lowrite(0, '\xc4ca4238a0b923820dcc509a6f75849bc81e728d9d4c2f636f067f89cc14862ceccbc87e4b5ce2fe28308fd9f2a7baf3a87ff679a2f3e71d9181a67b7542122ce4da3b7fbbce2345d7772b0674a318d51679091c5a880faf6fb5e6087eb1b2dc8f14e45fceea167a5a36dedd4bea2543c9f0f895fb98ab9159f51fd0297e236d45c48cce2e2d7fbdea1afc51c7c6ad26d3d9446802a44259755d38e6d163e8206512bd43d9caa6e02c990b0a82652dcac20ad4d76fe97759aa27a0c99bff6710c51ce410c124a10e0db5e4b97fc2af39aab3238922bcc25a6f606eb525ffdc569bf31c7ff062936a96d3c8bd1f8f2ff3c74d97b01eae257e44aa9d5bade97baf70efdf2ec9b086079795c442636b55fb6f4922f45568161a8cdf4ad2299f6d231f0e3dad99908345f7439f8ffabdffc498f13708210194c475687be6106a3b843c59dc048e8850243be8079a5c74d079b6d767d2f8ed5d21a44b0e5886680cb937693cfc748049e45d87b8c7d8b9aacd1ff1de774005f8da13f42943881c655f8e296a067a37563370ded05f5a3bf3ec4e732ced3463d06de0ca9a15b615367702e74f10e0327ad868d138f2b4fdd6f033e75ff09dd601bbe69f3510391521896ea9ab1baa0efb9e19094440c317e21b34173cb38f07f89ddbebc2ac9128303fc16a5320fa475530d9583c34fd356ef56364d3f0f495b6ab9dcf8d3b5c6e0b01182be0c5cdcd5072bb1864cdee4d3d6ee369853df766fa44e1ed0ff613f563bd1c383cd30b7c298ab50293adfecb7b1819ca14e7ea6328a42e0eb13d585e4c22a5bfc9e07964f8dddeb95fc584cd965da5771bce93e200c36f7cd9dfd0e5deaad67d8ab4f4c10bf22aa353e27879133cd645920e395fedad7bbbed0eca3fe2e03416a75f4cea9109507cacd8e2f2aefca1d0c6e83f027327d8461063f4ac58a617e62166fc8586dfa4d1bc0e1742c08bf7177163c833dff4b38fc8d2872f1ec66c8349cc7260ae62e3b1396831a8398fd9d4f495e875a2e075a1a4a6e1b9770f67c6a1e7ce56d3d6fa748ab6d9af3fd7642e92efb79421734881b53e1e1b18b6f457c545a9ded88f18ecee47145a72c0c0c7c76d30bd3dcaefc96f40275bdc0a2838023a778dfaecdc212708f721b7889a1158154dfa42caddbd0694a4e9bdc8d82c8d1619ad8176d665453cfb2e55f0a684eceee76fc522773286a895bc8436b53b3a3d6ab90ce0268229151c9bde119f61408e3afb633e50cdf1b20de6f46672b32a1f754ba1c09b3695e0cb6cde7f66f041e16a60928b05a7e228a89c3799093f65e080a295f8076b1c5722a46aa2072b030ba126b2f4b2374f342be9ed447f39f8317fbdb1988ef4c628eba0259144f683a84163b3523afe57c2e008bc8c03afdbd66e7929b125f8597834fa83a4ea5d2f1c4608232e07d3aa3d998e5135fc490ca45c00b1249bbe3554a4fdf6fb3295c76acbf4caaed33c36b1b5fc2cb1735b90b4568125ed6c3f678819b6e058a3f390d88e4c41f2747bfa2f1b5f87db14bfa6bb14875e45bba028a21ed380467cbbc409ec990f19c78c75bd1e06f215e2c420d928d4bf8ce0ff2ec19b37151432bb90e8976aab5298d5da10fe66f21dd2ddea18f00665ce8623e36bd4e3c7c5ad61ab143223efbc24c7d2583be69251d09bf41544a3365a46c9077ebb5e35c3fbd7939d674997cdb4692d34de8633c428dd2c7955ce926456240b2ff0100bde35f4a8d465e6e1edc05f3d8ab658c551d1fe173d08e959397adf34b1d77e88d7f033ab37c30201f73f142449d037028d43ec517d68b6edd3015b3edc9a11367b9778d5d219c5080b9a6a17bef029331cfe9fc289c3ff0af142b6d3bead98a92368d30a9594728bc39aa24be94b319d213ef815416f775098fe977004015c619393db85ed909c13838ff95ccfa94cebd9c7e1249ffc03eb9ded908c236bd1996d2a38a4a9316c49e5a833517c45d310707647966b7343c29048673252e490f7368613985ec49eb8f757ae6439e879bb2a54229abfcfa5649e7003b83dd475529492cc227532d17e56e07902b254dfad1098dce83da57b0395e163467c9dae521bf4b9ec30ad9f68f89b29639786cb62ef812b4ba287f5ee0bc9d43bbf5bbe87fb26657d5ff9020d2abefe558796b99584e2ef524fbf3d9fe611d5a8e90fefdc9ced3d2c21991e3bef5e069713af9fa6caac627ab1ccbdb62ec96e702f07f6425bf899139df5e1059396431415e770c6dd38b3eff8baf56627478ec76a704e9b52ec8956637a99787bd197eacd77acce5e6974ce5ac660610b44d9b9fed0ff9548c9e1074f5b3f9fc8ea15d152add0729465b9eea6e1cc6bb9f0cd2a47751a186ff0935e4cd5920aa6c7c996a5ee53a70fa97da629b098b75c294dffdc3e463904a3c65c2974270fd093ee8a9bf8ae7d0b2723d092b63885e0d7c260cc007e8b9d5f93f983524def3dca464469d2cf9f3e698d51a19d8a121ce581499d7b7016687f6ffaa6bb0b408017b62254211691b573278a4a86960eeb576a8fd4c9ec69975fd0b37cd7dbbb00f97ba6ce92bf5add2b44928ae11fb9384c4cf38708677c48c45147dee729311ef5b5c3003946c48feb160de1de89d9058fcb0b968dbbbd685ef059938ba799aaa845e1c2e8a762bd07e1cd7dca89a1678042477183b7ac3fda4fb5c6e93e74d3df8527599fa626424c56ff4ce4aaf9573aa5dff913df997aa0a080f42e6f13b3a2df133f073095dd202cb962ac59075b964b07152d234b70c8ffe9a587b126f152ed3d89a146b4453def184ad8f4755ff269862ea77393dd069059b7ef840f0c74a814ec9237b6ecec5decca5ed3d6b8079e2e7e7bacc9f276dc611d6ebaafc66cc0879c71b5db5cd1f491a404d6854880943e5c3cd9ca259b8619251a19057cff70779273e95aa61afa34a7f984eeabdbb0a7d494132ee565ded5353c5ee48d0b7d48c591b8f4309fc3d7152ba9336a670e36d0ed79bc4302522a2b2726fb0a03bb19f2d8d9524d7f1de29e6da19d22b51c68001e7e0e5442a0e188f5033bc65bf8d78622277c4e3988c7f88ebcb58c6ce932b957b6f332013d407166ec4fa56eb1e1f8cbe183b9e00da03b685a0dd18fb6a08af0923de01385974ed5904a438616ff7bdb3f74390f28b5d49b3020afeecd95b4009adf4ca8baa56554f96369ab93e4f3bb068c22903ce9225fca3e988c2af215d4e544d30a09c8844ba8f0936c20bd791130d6b62b24d495052a8ce66358eb576b8912c8a5e00132373a7031000fd987a3c9f87b8d5e957f297893487bd98fa830fa641347d1e990583c9c67424d369f3414728ef2217062e9a397a1dca429e7d70bc6ca7ef605fc8dba5425d6965fbd4c8fbe1fa8f15eda80c50adb0e71943adc8015cf37a749d808e46495a8da1e5352d03caeb3e3e393c77e35a4a3f3cbd1e429b5dc1d7f7abc18fcb43975065399b0d1e48e2a79ea27c279e471f4d180b08d62b00a1c9ac0159c94d8d0cbedc973445af2da6c4b761a28b734fe93831e3fb400ce8706409663226af2f3114485aa4e0a23b4140f6969d5213fd0ece03148e62e461eb73ce398c39f506af761d2277d853a92bd4c9ab730f5513206b999ec0d90d1fb82aa4b0af34c2313a562076992e50aa30777d5c17d4066b82ab86dff8a46af6ffa7cdfad1a5aaf8370ebeda47a1ff1c39766527f2b5d3e95d4a733fcfb77bd7e7e7757b1e12abcb736ab9a754ffb617a5878a7ab84fb43402106c575658472fa006f52e9102a8d3be2fe5614f42ba9893636638817772e42b59d74cff571fbb3149e9677a5989fd342ae44213df68868a4a042cf4fd6bfb47701cbc8a1653ada1ff8a7b5dc7a7d1f0ed65aaa29c04b1ef7e6c85504ce6e82442c770f7c8606f0bf8229696f7a3bb4700cfddef19fa23f82161242827b703e6acf9c726942a1e438af86134b65d0f10fe33d30dd76442e96da2f590cd7246bbde0051047b0d6f78f85517967795eeef66c225f7883bdcb8f53295a73878494e9bc8dd6c3c7104f045117b0e0a11a242b9765e79cbf113ffc221309746013ac554571fbd180e1c84c5bde74a8f110656874902f07378009cedebb6e872f539bef8c3f919874e9d76cdd60ea0045eb7a6ec44c54d29ed402eecca5b6365d9607ee5a9d336962c5349872ed9fc22fc182d371c3e9ed31609431fefc0e570cb3860f2a6d4b38c6490d9dcb88e0137649590b755372b040afada2557a7b2e94197ff767970b67041697cfecdb276f634854f3ef915e2e980c310aa1883c6411f7873cb83dacb17b0afc58a2fc6ed39fd083f55d4182bf88826dbd686fd640be98efaae0091fa301e613a597e50502f5ff68e3e25b9114205d4a0336dcbab05b9d5ad24f4333c7658a0e084b6fbb10729ed4da8c3d3f5a3ae7c985d8ce590ad8981ca2c8286f79f599540e65972dce68dad4d52d063967f0a70584d9ee44e457ddef7f2c4f25dc8fa8653644a684f98ea8fe223c713b77189a77757b505cfd34c64c85ca5b5690ee5293854d6fae5ee42911677c739ee1734486e2c0be24560d78c5e599c2a9c9d0bbd2274ad4786c3abca69fa097b85867d9a4eae27d77ca20db309e056e3d2dcd7d697eabe3a1649ffa2b3ff8c02ebfd5659f69adc1e107f7f7d035d7baf04342e1ca091d584fced301b442654dd8c23b3fc9b1d10e7bafa4421218a51b1e1f1b0ba26f3ef77ac0e3619e98159e9b6febf557eb163727917cbba1eea208541a643e741534b76d325a8f591b52d302e7181331979d472a84804b9f647bc185a877a8b5ca46c1b9512a7a8315fa3c5a946e82653b8a614226a953a8cd9526fca6fe9ba545fbc6d3e05ebd93369ce542e8f2322d63dc7ed1010d3c3b8269faf0ba7491d4e96ed478dab8595a7dbda4cbcbee168fc0e190d8267e36708f955d7ab048990dec8ce6abb3e952a85b8551ba726a1227060ad92489947d410d897474079c1477bcbe3365e6ac95ea2c0343a2395834dd115f89503138416a242f40fb7d7f338e13fe9d84310e77f13a6d184dbf1232f3d1c38a09acc34845c6be3a127a5aacaf9cfdf10e8fc047a44b08ed031e1f0ed1705f2172834666788607efbfca35afb374db120f0a8e5646ef5a30154e9f6deb57aeee35c98205091e18d1140e9f38cf6da9003b743b65f4c0ccd295cc484e579b04d152845ec0a378394003c96da594be83ab3ecd0db773eb2dc1b0a17836a1e165421110ba03099a1c0393373c5b43289dff07669d7a23de0ef88d2f7129e7577ef1154f3240ad5b9b413aa7346a1e01161aaa0b6d1345dd8fe4e481144d84539fd53b59e3bb12d203f45a912eeaf2ac1dd209cbcc5e5d1c6e28598e8cbbe8555d6702c950ecb729a966504af0a635335f5352088d7d9bf74191e006d8e24cf340f1b1f65b6df5b5e3f94d95b11dafe4a6222cdb5b34375400904f03d8e6a5cb70ab375662576bd1ac5aaf16b3fca49188905e74c28e489b44e954ec0b9bca0266e33d3f546cb5436a10798e657d9738db3aed920cf82ab059bfccbd02be6a3cec07e9ba5f5bb252d13f5f431e4bbb621bf66ddb7c962aa0d22ac97d69b793077e29b11be80ab57e1a2ecabb7da3306c9882bbac1c7093bd2504188127765819f3cd308f1455b3fa09a282e0d496f403c6b06952c750899bb03d998e631860c24cd76e1ce41366a4bbe8a49b02a028c52f1bd66cc19d05628bd8bf27af3ad6fe131d7f5a6b38b23cc967316c13dae2f718499c1c8cef6730f9fd03c8125cabd96409bf894217686ba124d7356686c9502e4a16930e414107ee22b6198c578fcfa0860e83a4c3a763a7e62d825349f7a4f23670e1833f3fdb077ca70bbd5d66b1a59b315fc9a3002ce38bbe070ec3f536660e59856b4de58a219bcf4e27eba38c19f571e251e61cb8dd3612f26d5ecfd6baf65e0b240ce177cf70da146c8dc8e56954b4f6347e897f954495eab16a88f7664060cc52bc6f3d620bcedc94a4b6eda80a3d5b344bc40f3bc04f65b7a3578f121ce07d74717e0b1f21d122e0452106138bc5af6023646ede0e1f7c1eac7539059724f73a9969845dfe4146c5660e7f100b7b36092fb9b06dfb4fac3609317a614fd06c325499f1680b9896beedeb4734ba6f3de83d861c3176a6273cac6dd947bf06a885db0d477d707121934ff863923f49e5241343aa7acb6a06a751e7db8e1af0cb3aca1ae2d001862420452920f07591c6fcb220ffe637cda29bb3f607cdfd23373b17c6b337251c22b7ea57d395771085aab05244a4fb8fd91bf4ee92c8c96e4c37100777c7190b76d28233e3796ae838835da0b6f6ea37bcf8bcb76a9aeddfc689c1d0e3b9ccc3ab651bc50f49c89d1e7298bb9930789c8ed59d4846ba9f2a6976570b0353203ec44742170e01938fc48a2cfb5f2217fbfb00722d16a5cdae362b8d27a1d8f8c7b78b4330918317b57931b6b7a7d29490fe5ec9f948aedb8880cab8c45637abc7493ecddd839ab46820b524afda05122893c2fe8ef90f2aca5c640289d0a29417bcb63a379c838d2e45b2ad1094d42f4ef36764f61700002963a49da13542e0726b7bb75853c3bce66e43be4f209556518c2fcb546883966fd8f918a4aa29be29d2c386fb49182f81e6a13cf5eaa496d51fea6406d296c101daa88a51f6ca8cfc1ac79b509fd81843ad7f202f26c1a174c735758526e359e83860db1d11b6acca57d8ea88ef0d3930a7b6c95bd2b32ed45989c61f94f6d7e04a4d452035300f18b984988c34ed066df378efacc9b924ec161e7639577bcc914f9e55d5e4e4f82f9f00e7d411b9842e0a271ff252c1903e7132cd6837bc2f75bf1bcfe8450a1a41c200364c496e05e1aea0a9c4655800e8a7b9ea28b2eb7349035754953b57a32e2841bda58e98d81f8217304975ccb23337bb5761a8c88a0055f636e4a163a5e3d16adab7eddea82ad2755b24c4e168c5fc2ebd4006eb61b839a0cefee4967c67ccb099dc9dfcd5e558dfa04aaf37f137a1d9d3e5950a4152c2b4aa3ad78bdd6b366cc179158f3069a435b314a80bdcb024f8e422758874998f5bd0c393da094e1967a72bad13a2a07ca4b7642959dc0c4c740ab63fe94a002317b5f9259f82690aeea4cd5b8add2a5d98b1a652ea7fd72d942dac432aca3a1e345e339f35a30c8f65edce8d3bba7425e7c98c50f52ca1b52d3735320722549d1751cf3f247855f937b982caf1a3dfb505ffed0d024130f58c5cfa5737c6ec2e0716f3d8a7a5c4e0de0d9abc6dc48b743dc5d013b1abaebd2faed2f2fc990265c712c49d51a18a32b39f0c89f0fd5c927d466d6ec9a21b9ac34ffaa666587afda6e89aec274a3657558a27b83aac23b9528732c23cc7352950e880cd00692c3bfe59267d5ecfac5310286c6faa8040da20ef399b63a72d0e4ab575fe73f687e5bc5280214e0486b273a5f96da37dd3139aa4d9aa55b8d237ec5d4ac042f4db68f23406c6cecf84a7ebb0fe310dcbbf4cce62f762a2aaa148d556bd2f2b265625d76a6704b08093c652fd79f9b902fc3289af4dd08de5d1de54f68f6855456e2fe46a9d49d3d3af4f57443d357a6fdf7642bf815a88822c447d9dc4819f46e52c25763a55cc64242264431704025959b191f8f9de3f924f0940515f40008b9a5380fcacce3976bf7c08af5b3dd48ab31d016ffcbf3314df2b3cb9ce58238e9ae2dd305d79c2ebc8c18834223ad7c2ebb96fcba7cda0cf54a2e802f5b3967a0e938dc2a6340e258630febd5ad81f9c1be2e08964bf9f24b15f0e490013f9896df61279c928f19721878fac41c5ff2543b53f4cc0ad3819a36752467b01386bd6d8e091c2ab4c7c7de644d37b0bb4aec1710521c12ee76289d94408179de6d14fff9806d4bcd1ef555be766cdefe937780e95574250dabe07151bdc23371bce7dc83817b7893bcdeed13799b5138bb0696595b338afbab333c555292a8dd48d6a2e2cad213179a3992c0be53c82cec96096d4281b7c95cd7e746234966c524f9d5d7027454a783c841250ba71fb7b9ffa5462084c5f4e7e85a093e6d7aa942ab2bfa6ebda4840e7360ce6e7efc058f544c737782deacefa532d9add4ce7b24b112a44fdd9ee93bdf998c6ca0e52720e003547c70561bf5e03b95aa99fc3e878e27f52e2a57ace4d9a76fd9acf00411460f7c92d2124a67ea0f4cb5f85bac9162b47c56fc8a4d2a519803d51b39be40cee5b0eee1462c82c6964087ff95ef698cd9fe650923ea331c15af3b16005049e90fa4f5039a8cadc6acbb4b2cccf004fdc76fa1a4f25f62e0eb5261ca30c74b7f78409a4022a2c4c5a5ca3ee19d709f38ef758b5066ef31b18039b8ce541f1f19176d383480afa65d325c06ed024b16fede9a67c9251d3e7c7161c83acffd52f3c7e12435a724a8f30fddadd9cad972f10e0800b49d76fed33a21f6698f61d6947467ccd3aa5af24db320235dd142949df56ea8ae0be8b5306971900a4d34ab169b70c9dcd35e62896010cd9ff8bf1211fd4b7b94528899de0a43b9fb3a02ffd91ece5e7efeb46db8f10a74059bca82e41ee7b0833588399b1fcd177c700ec53c4682d36f5c4359f4ae7bd7ba14f6ffe13a5d75b2d6a3923922b3922e5beed13602b9b0e6ecb5b568ff5058f070584ce565c824b7b7f50282d9a19945bdc912a253d1e9ba40e2c597ed237664039461a19e9eddfb385ea76b26521ea488efb100a295c0c690931222ff4467bb8d9fc5b73a8d78fad3d6dffe419384e70c86a7ee3d8ef0b551ed58e354a836f2ba01a0380ca3c61428c26a231f0e49a095a4b25aaed25c2ee1b74de72dc03c14ef73b76ce8949fe29bf2a537cfa420e8f70c639df5e30bdee440e4cdf599fec2b28f0b864598a1291557bed248a998d4e1543843a4723ed2ab08e18053ae6dc5bf8c1f23d6a8d8d7904fc0ea8e066b3bbe46de7e1bcaaced9a54f1e9d0d2f800db7b16ecf8ca53723593894116071700c352fe25daf686bdb4edca223c921acea18d8042386b79e2c279fd162df0205c8816b112c6105b3ebd537828a39af481869cb3ea317a32c4e6143e665fdb20b14bbf94b34eb32268ada57a3be5062fe7d4f4adcbf8c6f66dcfc8a3282ac2bf10abbcbff5c1f1ded46c25d28119a85c6c28cb22bdd0b7ba1ab13d742e22eed8da2f4f6dce2f3a0f9dada0c2b5b664520170d0fd7c6e093f7b804fa0150b875b868a96b65a721e561e1e3de768ac819ffbb1068c6e4c8051cfd4e9ea8072e3189e217d63b1625c816c22647a73e1482372bb9228e0962a78b84f3d5d92f4faa000b0deb1c54814305ca9ad266f53bc8251166808e327dc79d135ba18e051673d90642e7aaa88b48137a16a1acd04ed911258fe0093bb30d6f8c31474bd0764e6ac041ae36ecb9b3eee609d05b90c14222fbd1f255a373a3cef72e03aa9d980c7eca7eacb532570ff6858afd2723755ff790b6f0479ae87d244975439c6124592772e0c641195b27425bb056ac56f8953d24f85454e8279be180185cac7d243c5eb3faa9afea49ef2ff029a833cccc778fd03c7781a36bcd6cf08c11a970fbe0e2a625b2822c2f5a3230abfadd476e8b04c96ecbdd6ec859d284dc13885a37ce8d8118997733ec258a9fcaf239cc55d533638d7d8ee069cb0cbbf816bbb65d56947e75fc093c0ee742f6dddaa13fff98f104f74909ace68e51891440e4da0b65a70c66368270ffd51418ec58bd793f2d9b1b248e844336797ec98478f85e7626de4a019d385eb67632a7e958e23f24bd07d7a49e9411d64ff53eccfdd09ad10a15b3ddb30680a691d157187ee1cf9e896d032421fcb1263b9530df88f7f002e78ea5fccb60fb512d13df5083790d64c4d5dd1651cf0d2f737d7adeab84d339dbabd3eed5af6add95a9a6f1252739b1ad8c24a8abb4bb284b5b27aa7cb790dc20f80b15d4e891d784977cacbfcbb00c48f133c203d8a151612acf12457e4d67635a9513f3cf8c531952d72e5847c4183e6910550a141f12de6341fba65b0ad043350067f7fb873eaf29526a11a9b7ac33bfac1a5b1e4daae265b790965a275b53ae509a96876e2f8f3dc4f3cf45f02c61c0c19b70e8fe62e40c570a322f1b0b659098d61e4bbd6393c9111e6526ea173a7c8bf5f8590cd58a54e94377e6ae2eded4d9941e1aaaba585b952b62c14a3a175a619431c87f273e507e6040fcb07dcb450949ae49a23f67c759bf4fc791ba842aa2e44fea3bec53bcea3b7513ccef5857ac821fa74b50ba3f7cba1e6c53e8fa6845250cf8b51c773f3f8dc8b4be867a9a0242998cf32d552343bc8e460416382dcad07e70efcfab08731a97e7b91be644de7fe1f8abaad094e0b5cb1b01d712f70898b297950041a42470269d56260243a10353ab4cbed5beae847a7ff6e220b5cf51d92be1c60d1db1d2e5e7a07da55b26428fca9bc1921c25c5121f9da7815cdef1b6f2857fb6d44dd73c7041e0aa0f1968ce199ec2c5517597ce0a4d89620f55e836d813fd184325132fca8edcdfb40eab817c9349cf9c4f6877e1894a1faa00877a9ba7a98f75b90a9d49f53f15a858dc6a6489640ca02b0d42dabeb8e46bb726337353b7962f533d78c762373b33188e6b42f1644ecb1327dc03ab345e618bef575e8837d065a1683c022d2077d3422050e03ca119580f74cca14cc6e9746225ddc0f8c9d3e22e03d3076f98d83cb25ef0b4eba35ab2d6180b0bca7e46b6f9598b3e71ec378bd83e0a727608b5db0174071a673307ca7459bcf75fbd024e09cfee398643cbc3dc5eefc89334cacdc1d18f655c3fce66ca401d5f38b48c89af6ea2ef7311b482724a9b7b0bc0dd85c69461cce28ebe3e76fb4b931c35a169b0f770b62bc8f42a0b66751fe636fc6eb0e1e32e235eee1f970470a3a6658dfdd5eba0dc302bcd9a273f8bbb72be3a687b218a0aefd1d1a4be65601cc6ddc1520e7d04bbbe5494ae9d2f5a76aa1c00fa2fa516a87cfcaef229b342c437fe2b95f7c3c59e5f8b3e9753913f4d435b53c308854d9fca60b4bd07f9bb215d59ef5561c410003ef13d451727aeff9082c29a5c559cb990c9dffd8675f6bc2186971dc255a7cf9c71f1c9c495413f934dd1a1582f55707d4193dc27118a0f19a19857161be3bc32e6564055d5ca3e5a354acbef35051070e572e47d2c26c241ab88307fb534ba68236ba543ae44b22bd110a1d67380ad8a673226ae47fce7bff88e9c3305f971b5ec196b8c65b75d2ef82673313cf166c6b73f030b4f67eeaeba301103cee631121c2ec9232f3a2f028ad5c89b5b69b9cb83065d403869739ae7f0995eb5b41fac0361d157d9673ecb926af5ae285e19f20beded7d215102b49d5c09a0b337e84de8752b27eda3a12363109e80e8c0653fea13f91bf3c48159f7c24f78ff4d5fbbafdf976cfdc032e3bde78de52d6cc4b2d139a53512fb8cbb3086ae2e389bc7bb1e1c2a5e7e147703232a88f6e2230b853516e7b05d79744fbd4c9c13087408522c31eeb1f982bc0eaf81d35fa760880003e7ddedfef56acb3b09697f10a7cdd970fe135cf4f7bb55c0e3b59f3dc4876f3f08201c7c76cb71fa1da43959b90e1005a220e2ebc542eb9d950b1e2b8a61594b1f4c4db0902a8a395ced93f3f27a324736617f20abbf2ffd806f6d38913e1d6a7b94cb0f55994f679f5956ebd9629fc3ae5e9f6611e2ee05a31cef63538fe6ef330c13a05a3ed7e599d5f7cf67355a3333e6e143439161adc2d82e07563a3fe3bbe7e3ba84431ad9d055af53fde96fcc4b4ce72d7739202324cd492bb232c0b13c774965ef8558f0fbd615ba2fd310dcaa8781a9a652a31baf3c6869421f032498c97020180038fddb8e2485422afb467e9456013a2a51d4dff70213f320e7b5ead1024ac95c3b208610dbf4be00279ee2e0a53eafdaa94a151e2c37f0e884fbad9667e38940169d0a3c95d64a340bcb633f536d56e518742814540fcbc61acd0479dc77e3cccc0f5ffca7298f95e1bf9136124592c8d4825a06fcdf877f3865752637daa540ea9cbc474fc399862d3b9d6b76c8436e924a68c45b33e8075e9970de0cfea955afd4644bb265658fde58ab3c2b6e5132a39fae7cb95ea1649a31336092c05438df996a3e597bcdf75ad237b8e02e301f4091fb6bc85737034557ef5b8c02c0e46513b98f909b72e31dac81715466cd580a448cf82316c222aa19898e5058938167c8ab6c577dcd340d84f762eba80aa538b0c527f781448138f5f163ccdba4acc69819f28097e8527feaf77a97fc38f34216141515647bba344396e7c8170902bcf2e15551ed265bc903a5a097f61d3ec064d96d2ec75b6f114c23a4d7ea11331e7c00e73c8d34201a5b85900908db6cae92723617ccb1d45fb76f7c5a0bf619f979c6cf3601f78be6f7cad02658508fe4616098a97f24d240521d99071c93af3917215ef794c7bb58efc3b337800875b5d382a072f387624df552cea2f369918c5e1e12bc5e388103a391daabe3de1d76a6739ccd15de21c670ae7c3f6f3f1f37029303c911b921ef080f7736089c757404650e406e2713a6efee97bacb63e52c54f0ada01bb91f73e9d31ea2830a5e73ce3ed3283a0772443a0739141292a5429b952fe6a9a6653e48976138166de32772b1bf4058ae749f25eded36f486bc85feb3f0ab4e4b5fbbbb602b6d35bea8460aa8f8e58eefcfdf5990e441f0fb6f3fad709e211728efbda81692282ba642aafd57be3acbcb58ac2e496207586df2854b17995fdb85e2590b6109813dafa101ceb2faeb99c5e07b4d5de9d18c350cdf64c5aa3ddd458505749b2941217ddd59394240e88b16ebc056e613024c057be590b542eba86c450b76fb8c371afead6410d55534c9892a989183de32e976c6f04e700201e6b4b2a746ed40e1af829d1fa82daa10e5f6ad6ce374177eef023bf5d0c018b6f0e52b27a7a5d6a1a87373dffa53dbe5ffeabd223de0d4eacb9a3e6e53e5448da7aeed74714116f3b292a982238f83d2fde9264cf376fffe2ee4ddf4a988880da8849b052492b5106526b2331e526138258be18e31c8188555c2ff05b4d542c3069d3bb002acd8d7dd095917f9efe4cbc6e19e830859f2cb9f7c8f8cacb8d2a646922a0880a8f11f8f69cbb52b1396be9ad6aaed513b73148b7d49f70afcfb32f5deaeeae1538fb6c45901d524ee2f98a9a1d5317a33ae8cef33961c34144f84605ff764c617d3cd28dbbdd72be8f9a2766ebcd59621e305170616ba3d3dac32daca41214b39c5dc66674d09081940f030bb3825e8f631cc6075c0f87bb4978c08b255a5d42b89b0585260b6f2360bdd3493894fa4ea036cfc6433c3e2ee63b0dbe272bab69f8e13f14b405e038deb64acc3e0404646c57502b480dc052c4fe1076a0c97d09cf1a0ec3e19c7f2529f2b04ecb1fa28506ccb6f72b12c0245ddbcb2eeb7362ef83deff5c7813a67e14f0a08c5433a60135c32e34f46a71175850c6aca97005c68f1206823815f661028633435c378bb76d4357324dd7e69f3cd18d490d7b4576290fa60eb31b5fc917ad1b2f627fff19fda463cb386442eac2b3dc3992e9a68c5ae12bd18488bc579b30dd86ea612dec96096c5e0fcc8dd42ab6d9cf81d8026a9018052c429cc4e56739bc361bc7b2c033a83d663b8d9fb4be56e44c4c17332cace2124a1a836d9fc4b6fdc82d632c9fcecb0778afbc7924494a6996a7fa078cc36c46d02f9af3bef918bd7a728a67d909e714c0774e22cb806f200ac8ed3b4327bdd4ebbebcb2ba10a008ebda540cbcc4d7336496819a46a1b68f76a89f0cb91bc419542ce9fa43902dcf29c21d4897f78948b91f03172341b7b851ddf5058cf22df63d3344ad89919cf58d4d1e7b1e97b258c9ed0b37e02d0877750ca3559e5b8e1f44210283368fc165d44ee6f2c3f71b73125876103c8f6c4eb6fdc36b281b7d5eabf33396c2683a2cdc0d6e63aa8e41c89689f54970bb35fb73dfe25b4b8714c029b37a6ad3006fa85fc37b18c57097425b52fc7afbb69693871bd64012152bfb53fdf04b401193fa733fa9b25f33689e2adbe72199f0e6248ab2f9b45957ab574cf005eb8a76760233509073ed3432027d48b1a83f5fbd245645a27c4f1adc8a7a835976064a86d185c29dc24325934ee377cfda20e414c42e77b63637ab381e8be5f8318cc28a2051e4e127b92f5d98d3c79b195f2b2919cc138f8dc04cbf16240daa92d8d50e2b7bb35b9c6ca2aee2df08cf09d7016c2abd815286ba1007abfbb8415b83ae2cf26dd0dbc6e3f4c8043749885523d6a256766aa2750c19aad2fa1b32f36ed4aee6a10bbd480e4c5573d8f3af73ae0454bc5ab0bc60ac7929182aadd08703f1ec6a532400ed62e772b9dc0b86f46e583ff4c27cea8526af8cfee3be5e183ac96050f96613235062963ccde717b18f975924ffce04d92a4d6cb21c1494cdfcd6dc167e103b0761e60683e83c559be18d40c291597a100aadd814d197af4f4bab3a79b698eb3105bd82528f23d0c92dedfc08c7bbbba95c1025975e548cee86dfadc5e9f92a01c986bafcabbafd145520b130ff39bbbf981ac0151d340c9aa40e63e303ed4c69846ab36c2904d3ba8573050443cb001c138b2561a0d90720d6ce11155b37c5c270e5d84c793e486d798c01d884d247c6f65a96a7da4d1105d584ddd55743cc0393b1cb4b8b37d09ae48d09730ef30b64204a3088a26bc2e6ecf7602eaae339c4d89fc102edd9dbdb6a28915ab233b682ec355648e7891e66c54191b3d2d8ccb37df977cb6d9da15b76c3f3a26408ffa703a72e8ac0117e74ad46f33b4288d9c0ec0a1841b3b3728321e70882f37d10131f2a483a8dd005b3d14b0d90ff8033cf9437c213ee13937b1c4c45568264bdb65b97eeae6788aa3348e553c3a066bda8c96b9478bb0512f0a43028cbe3159ad04564bfb90db9e32851ebf9c8757150decbd89b0f5442ca3db4d0e0e2291d2ec3b3048d1a6f86c2c4591b7e084117275be999ff55a987b9381e01f96fae0b27c451c728867a567e8c1bb4e53b5dc4e5d9b495d0196f61d45b26ef33e192fc044e74dffea144f9ac5dc9f33955c04925674920eb58467fb52ce4ef72817c276c8e723eb46aef576537e9d56d05dd9db5e033da9c6fb5ba83c7a7ebea92dea61eed4bceec564a00115c4d213349f396fe44e7c05c16873b05ec425cbad0d7de1aca9299fe63f3e0041f02638a38fecb20817b3847419bb3de39a609afedc6a70712a252123c40d2adba6a11d8471a3cb155f8dc89bf3d03652882199369fe8593a8a330607d76796b35c64c600ca9c267dad0305d1a6308d2a0cf1c39cfccb3cdc9acc14a6e70a12f74560c0261595af6435015c77a7149e92a551338e08d98638c6fcd194a4b1e6992063e94424681928425f5a9133504de568f5f6df556f391937dfd4398cbac35e050a21773328bdf9a4b9504b9398284244fe97c2109a0ca3bc27f3e96597370d5c8cf03d7f5d04d189dfb634e6a85bb9d9adf21ef79921bbae40a577928b76d2fc3edc2a07a96b1f61097ccb54be14d6a47439b0c06d06da9666a219db15cf575aff282410a5ab2db37feedfdeaab192ead4ac0ee555ebe0ce426f7f9b2bef0706315e0c53e3a7161e428b65688f14b84d61c6105487315b1286f907165907aa8fc96619e4bb4c5173c2ce17fd8fcd40041c068f0cb929eae7a499e50248a3a78f7acfc78a0e1141fd37fa5b98d5bb769ba1a7cc99bcfcd754a98ce89cb86f73acc04645afd4836712c5e77550897e25711e1d96e5841df2166dd424a57127423d276bbeb4a528955b84f584974e92d025a75d1fb1eec33c726a60554bc78518d5f9b32cd6c651ddcd97183b2e40bc464231c962f64eac11f2cd8f0efa196f8ad173178e4a47d2983c8bd392b120b627e0e1cab49c82c7143c102b71c593d98d96093fde500e75a036dc2d7d2fec5da1b71d36ccae0eb3eed39d2bcef4622b2499a05fe61ecfb463472ec9115b10c292ef8bc986e70611883d2760c8bbafb4acb29e34466081594975a764c8e3a691fa2b3a321d19bc916108fc6938f52cb96f7e08794107c5807d0d927dcd0980f86024e5208bd14220ee66aeec73c49038385428ec4c8df707a948fac1b4a0f97aa554886ec8e7f8a7fb0b77bcb3b283af5be021448f788d986905533aba051261497ecffcbb50c3d7614917b24303ee6a220679dab32afe4567e1bf64d32a5527244d104cea5f2c22cb4a5380af7ca75622a6426917aba3b6fd5d186d28e06ff97135cade7fc8ed21db4f678f3b13b9d5ee1648908808419be897405321542838d77f8552267f1171a78ce0780a2142a6eb7bc4f3c882f2b308c3b01637c607ce05f52a2fed0d3180d672e08b4c5312dcdafdf6ef36fb89705ae6d743bf1e848c206e16a1d7d4c2e4a3297fe25a71d030b67eb83bfc5751ec3e9a4feab575962e78e006250dd5cfead94f5350c12c322b5b664544c159c33016884a62116be975a9bb8257e3ba3866600c3540f67c1e9575e213be0a6c29793a140a811d0c45ce03c1c93a28e995f98d56967d946471af29d7bf99f16cd67d9b6f0150c77bda2eda01ae484c6bc24fc1ab650b25b4114e93a98f1ebaa5cdd4aa0048b187f7182f1b9ce7a6a7217eedd1ba8c592db97d0dbe54c7adfcdf263d996281d984952c07998dc54358edfbe1afcf9246bb0d40eb4d8027d90f2e65f2f2fdaf6c699b223c61b1b5ab89e94550c93cd70fe748e6982b3439ad3b5c572eca050594c7bc3c36e7e8ab95500537fb40a68c18da59a35c2bfe1ca5545f0f5e5f33945135b874349cfbed4fb9185e65bc40581880c4f2c82958de8cfe8d317bdcf4aafcfc22149d77babee96de49b8b4053df9505e1f48c3a701c0682b056eb1587586b71e2da9acfe4fbd19eb137fdd1f79d56c7edf3365fea7520f2912d2b1c7b2826caf99687388d2e8f7ca1d33d0dfec820b41b54430b50e96b5c6f2268bd1d3d3ebaabb04d6b5d099425872488f88d1b2db54d55bc8bba2fad1bccb0989662211f61edae2e26d58ea92f2823f4797102ce1a1aec05359cc16dd9470e7a4f017a5476afb7eeb3f8b96f9bbf62768ca46b6c3b5bea9515d1a1fc45fa14d4fe2f19414de3ebd9f63d5c01692ca65f58e35d9ad45bf7f3ae5cfd08f188ae6372cfdc5df69a976e893f4d554b06997f04a7db92466a2baa6ebc8b872deefc9e10ebdc4a2333b42b2dbb8f27b65807a685d1a9ab3b599035bc566ce2b9d840cc5d906c3e9c84374c8919d2074e959a557f5f6beb411fd954f3f34b21c3f2201f5191c4e92cc5af043eebfd09463a835d3215755c435ef4fe9965a3f2a0288cc0ff022877bd3df94bc9360b9c5d4ea06fbc83cdd0a06020c35d50e1e89ab7ee6f5f9aa5cd17ca1aea43ce848496e57c6b956a6521b28495f2886ca0977a86b122d4358357d834a87ce618a55de04e0928de075538c593fbdabb0c5ef2c3c0f168ce8900fa56e57789e2a2f2c9d08c6744c9d42ec2cb9e8885b54ff744d0f1c1592588411002af340cbaedd6fc33e07413354875be01a996dc560274708e67d96d458abdef21792e6d8e590244e7a8e864d04c95572d1aece099af852d0a7143d7fbadfa4693b9eec507d9d3744372da7fd6d1302c0a159f6436d01e9eb06e0721b2c6977135b916ef286bcb49ecfc8001f834f6a5f0561080d134d53d294b04a686b0ad13dce35fa99fa4161c6561b4a64be663682e8cb037d9719ad8cd3621f1454cacf995530ea53652ddf8fbc15da1f2b5e5ed6e6837a3802f0d159368053af2923e00204c3ca7c6a3150cf72dace78f80bc92e6d7493423d729448edf7f28ac89ca37bf1abd2f6c184fe1cf96ea64f3a1aa2fd00c72faacf0cb8ac9da8ce53cf0240070ce6c69c48cd588ee82489c9737cc245530c7a6ebef3753ec7c590f01490190db0ed02a5070e20f0135cf8659cfcb13224cbd47863a34fc58beb22fb694d513edcf5533cf006dfeae9e3cfc48eccf81a0d57663e129aef3cb28267ab848bcf807b2ed53c3a8f8fc8a7a53928fa4dd31e82c6ef826f341daec1905aedab9bf2477edc068a355bba31a1141938ba2c2b13f5505d7c424ebae5f1aa48fc4880bb0c9b8a3bf979d3b917edc5689792e08eb2e219dce49e64c885b846c260d715e5b854ffad5f70a516c88d58072be2820e8682c0a27c0518e805e6e7b33fdea3adc80ebd648fffb665bb8a8ecbabae151abacba7dbde04f761c3732b30a250abd6331e03a2a1f16466346b6edc1cd1f36e45daf6d7824d7bb2283670e8a43b246801ca1eaca97b3e1918981e74d678581a3bb7a720b019f4f1a93e0cf1f47118daebc5b16269099ad734796b9bff013acedfb1d140579e2fbeb6371ad16ad2c4d81f348082ff6c4b2076843fa7f58b7eac7ac872209342e62e8f131839b036f63806cba3f47b93af8ccb5f0adc8838f4bdedde4ec2cfad05155893b5dca501ee1e6d8cd7b905f4e1bf723e2a2dcc36a08a345332c751b2f2e476c4558dbb6f6f8bb2e16d03b85bde76e2cafda332245e2af431fb7b672a68b659d632cee946db83e7a52ce5e8d6f0fed35677e09724f0e2df9b6c000b75b5da10dd554f7bb7be44a7267068a7df88ddd20795c7a7a5ec6b460ec00c5841019b9e9fa3a3c407f82377f55c19c5d403335c7c2626d850c80ea07e7511bbae4c76f4bce78d1da254c0843eb23951ae077ff5f8e82ab7243b7c66d768f1b8ce1c967ebe0ec453e28e061cc58ac43f91dc2f3f07250eb93b3c18cc9daa29cf58af7a004013a006f03dbc5392effeb8f18fda755301ad0e3bd5cb1627a2044908a42fdc24d5b995358e7798bc7e9d9db83c612a5ab88b15733f543179858600245108dd8b0b183c207f46f0cca7dc63b2604f5ccf9028faec74be6ec9b852b0a542e2f398f7d807e1f53eff5f9efbe5cb81090fbfa83a11a198d5a7f0bf77a1987bcd00602a32ad2669e6fe298e607fe7cc0e1a0fc3cf452d3da8402bebb765225ce8c0e3d8e28caf901313a554cebc7d32e67e5e97ee2054defb209c35fe4dc94599061b86e8d03fe992d1b0e19656875ee557c84f7e69969dea92a925508f7c1f9579af4552671f8909587cf485ea990207f3b362e80d4df43b03ae6d3f8540cd63626fe8c15fed5f808006ce95eddb7366e351efa39bcaec6f390014916069369453692fb0c6d1758261f10d052e6e2c1123c22ac3c5a5bf0b520d281c122d1490650aff1621254f7c1be92f64550478c56e6f7e9050c92a851b0016442ab604b0488addfa9b7e234254d26e9c7f2af1005cb8c235f89a8143a28a1d6067e959dd858847cc55b7032108eee6dd897f3bca8a5a67f096809415ca1c9f112d96d27689b2a084e55c87b1ebcdaad1f62fdbbac8efc49306d97602c8ed1be1dfbf0835eadf9a40a4780f5e1306c46f1c8daecee3b5ec91aac30eae62f4140325d09b9afd019b650660b253761af189682e03501dd1fc214004c9481e4c8073e85323bfd4b3b3dbaf68507998acd6a5a5254ab2d76ca8155f4d27f205953f9d3d7974bdd70ede7e2b6d13a41ddf9f4bdef84fdc737dd45045f8c68db9f54e70c67048d32e849c9adb18e44be0711a94e827042f63022fb0cee7e1f3bde58293de743871417aeb3135b436aa55373822c010763dd5443feaeeecd7b2fe2ae2e26d917b6477d98d6f58ab0dafbb86b083a001561bb3451ef186e18dc00c2d31982567235c5594b0a59ddf11c58e7446c9df0da541a8467d16d00201083a2b118dd5128dd6f59352407221afb776e3143e8a1a0577885dd8eb9f23fbd362da0e3f4e70b878c16d516b13671a4179d9b7b458a6ebdeb921f50893f80d6830d62765ffad77217427504adad8bb96320eb3afdd4df6e1f606c3cf77d52820cd0fe646d38bc2145ca210f760a89db30aa72ca258a3483cc7f170c944978496731ba71f34c25826a340efe32849d230d7f53049ddc4a4b0c60704afe073992cbe4813cae2f7715336f7ce3284b743aefde80ffd9aec500e0850a113ef6b61820daa5611c870ed8d5ee07871915a8107172b3b5dc15a6574ad3024d7f84fff11dd7e8d9c510137a2381cfbce4c1d7c425baf21d6b6f2babe6bec2aee86157b4a40b78132f1e71a9e6f1d56b9fc4b0f1be8871f5e1c40c0067e74b0250793549726d5c1ea3906726ebfe20aee3a5f4643755a79ee5f6a73050ac061412e4a03c02f9902576ec55ebbe775705e1164a8394aace6018e27d20d237a64c94baaf368e1840a1324e839230de01882513d5fa7c329e940dda99b12147acf4b89d3d503d8252c9c4ba75ddbf6d892c91e0a653ba19df81a90f89d99bcdb6a1085a27ab7bff7550f8a3bd017df8aa169b49b583a2b5af89203c2b78c67cf47d0ad31c4c49061b9e505593e3db98f57a2f557b098c43f11ab969efe1504bc8fbbc86abe8bd6a5eb6a3b4d0411301621461af90cadfdaf0e8d4cc25129f918b6dd7db9af49e67306feb59a8bdc52ca4300b002bcfb71f291dac175d52df94e205ee2a5de471a70c1fd1b46033a75fb56a18e0eacdf51aa2a5306b0f5332042a9d121cd9c3a1832bb6d2cc6bd7a8a78b5040a8a5baf3e0e67386c2e3a9b9037634ea65a4e6d9041cfd3f7de18e334a24896ee4c6526356cc127852413ea3b423ce1851341ec1fa9e0c259de10bf87cda0d1111d2dc5d489242e60ebcbaf9881e056d2b0ebd5c878c550da6ac5d37243e89ebdb49f712c7d90d1b39e348bbbf6d0f846348a856321729a2f36734d1a7430c3626b879b4005d41b8a46172e0c0ccc0aa1b81bf81e16c676ddb977c5881c4015b7f368e6b4871809f49debe0579bea5955b308361a1b07bc55042e25e547fa732b517cbed14a48843d74526c11acbb6a3b884f4f88b3a8e3d44c636cbd81f4477bad7af3616c1f933a02bfabe4ed045c59a90d7587d8d671b5f5aec4e7c0d0871f0806eae32d30983b62252da501cc3633c579a90cfdd895e64021e21639f53d83ec0691550f7d2507d57f4f5a2d2ed45a52bc0edfa11c2064e9edee8bf043c3d7e489c69b48737cc0c92d0f3a24daa3db355ef2b0e64b472968cb70f0de820a45f1dfc7b95282d10b6087e11c090794e3b050f815354e3e29e977a88abb7892fb3c2f009c65f686f6355c895b574bba22728b6185eec06286af6bec36d3df1d4b96d8976ff5986393e8767f5b28d6dc35e506fc23349dd10ee68dabb6492262bf907af914b95a0fc33c3f33bf6b55ec28c52d5f6205684a473a21935642f885d0fbe2e131bfc9d98363e55d1d464223ccf70bbb65a3a4aceac37e210164b6538a44a1dfdc2b83477cd76dee98ec8c41c4a18675a74e01c8a20e8a0f662c4b31ce7d95c75ca70d50c19aef08bf158e4d44e550d0f7ee0a23d6b02d9b0db3cef96dcc9b8035d23f69e30bb19218aa3d68b461bd9d3533ee1dd3ce4628ed41c1d4df596d01da60385f0bb17a4a9e0e6cb2a3c14431b55aa50c06529eaa21b9232fe81225bcaef853ae32870a2b0fe6395ebd0f4b478145ecfbaf939454fa4ef4e3b775c934dada217712d76f3d51f168908dd3227b8358eababa07fcaf0912ba596643cbbbc20318224181fa46b28d240e3d38a8882ecad8633c8f9c78c9b0f840be9b8db4d3fbd5ba2ce59211f55437d7d1d97917cd627a34a6a0fb41136d707329bece455a462b58ce00d1194c95c936263f3428a40227908d5a3847c0b1ce927f875864094e3906a4a0b5ece688065d07da4a77621450aa84fee5656d9eeb69a3cb92300456b6a5f41620938514e0cb6fb5fb446d1c92ede2ed87801886cfe0e6127fa25df2a0ef2ae1067d9158f468c873a32bb0619eaeb2050ba45d1e744f91c29ec99f0e662c9177946c62789fcd07f20b6785b92134bd6c1d0fa426602294be910b1e3c4571bd98c4d5484c22abfa379f38b5b0411bc11fa9bf92fca75910166da03ff9d4655a0338e6b094311359ed4969e8401880e3c1836fbe192977ae4d2ba21425a59afb269c2a14e9c01802ddb981e6bcfbec0f0516b8e35cc1aa436277138f61cda703991069eaf2ab56412b1163ee131e1246da0955bd1c32d9bf27a3da7ec8163957080c8628ed79aac075930c83c2f1e369a511148fe287e03db1d99e0ec2edb90d079e142f3fec8d47d412bcbeece3d9128ae855a7a6aab1270668d8cac7cef2566a1c5f569d93ed5b6db83be78efb0d05ae420158e54a367d629152b720749e187b3eaa11bfe7ee8fc1959cc7214fa21c4840dff0adf6d2338b2b8fce1ec2f6dda0a630eb09908279ebbf1f9b250ba689db6a0222ba1140a3d0df1c81e24ae954d935e89264fac9ba115140ac4f1c22da82aa0bc7f692f93be8c7a41525c0baf2076aecfb4860320be12a1c050cd7731794e231bd37b13b2203029ed80337f27127a9f1d28934815ad542a4a7c5e8a2dfa04fea9f52bcab9d935d219641434683dd9d18a030b8aff0438617c055eb55f0ba5d226faec5aa0b7846082a2415f0902f0da88f29ab0d88431732957a618d4a469a0d4c3b706835de79a2b4e80506f582af3676aa9b7ba70783b617e9998dc4dd82eb3c5b8c37e33defde51cf91e1e03e51657dafba9d88164f3e2d9109ee770223212a0aa68c75c4a77c87f97fb686b2f068676fed33392d3a48aa149a87a38b875ba4a2387337ba1e0b0249ba90f55b2ba25219246444d94f081e3549803b928260f56d7322ed717dedf1eb4e6e52a37ea7bcd1587965fb4d4b5afe8428a4a024feb0d31b3b31a1c2f8a370206f111127c0dbd1e48c4420b7073bc11916c6c1de226bb7f975a56c761db6506eca0b37ce6ec87f33ba15effa5c10e873bf3842afb46a66b180037abbebea991d8b1232f8a8ca9766d856ef1a6b02f93d894415e6bfa0e298923c8190045e91288b430794814c408fe2621d8e716b02ec0da35256a998d5d616dd38211ebb5d6ec52986674b6e4ef50c335cca9f340bde656363ebd02fd03e0704b5690a2dee1861dc3ad3316c965cc2c8205a05d7379fa3a6386f710e10768281a05da9f27df178b5c39a5126393d65641ff3f1586614cf2c1ad240b6cce5140df15d046a66883807d18d0264b021bbc7ee20b71134d53e20206bd6feb');
SELECT pg_catalog.lowrite(0, '\x82b8a3434904411a9fdc43ca87cee70c24146db4eb48c718b84cae0a0799dcfc883e881bb4d22a7add958f2d6b052c9f3806734b256c27e41ec2c6bffa26d9e784d2004bf28a2095230e8e14993d398de515df0d202ae52fcebb14295743063bafdec7005cc9f14302cd0474fd0f3c96995e1fda4a2b5f55ef0df50868bf2a8fe17184bcb70dcf3942c54e0b537ffc6dbdb106a0560c4e46ccc488ef010af787a34bacf839b923770b2c360eefa2674883fa5a432ae55c253d0e60dbfa716723eddb904a6db773755d2857aacadb1cb06d70cb65d15211726dcce4c0e971e21c27ed0fb950b856b06e1273989422e7d3537d9b6c927223c796cac288cced29dfd736bb10d83a904aefc1d6ce93dc54b89ac403da7947a183884c18a67d3aa8deb9141aff1412dc76340b3822d9ea6c721019c8091693ef5c5f55970346633f92a0e2a2c563d57df27213ede1ac4ac7801579779b98ce9edb98dd85606f2c119d20b5e1cf8694af7a3c1ba4a87f0730217cce53cf90577442771720a370c3c72358c54802a9fb9526cd0923353a34a7ae5055cbf43fac3f7e2336b27310f0b9ef456ac9b0d15a8b7f1e71073221059886f4dd765c12f2ef67f98f3558c282a9cd7fec306d1e665bc9c748b5d2b99a6e97db576a7d2453575f29eab4bac787b91953c04118df112c13a8c34b38343b9c104ca82782c5372a547c104929f03fe7a9d8700cbd38cc9f30cecb34f0c195b137b4d168b48157c623fbd095b4a565b5bb4a08142c38dbe374195d41c04562d9f8299a23a2291e2126b91d54f3601ec162a89cf525e1d9f04d16ce31165e139a4bcd89fef7ffdd490db800357f47722b206c340f25839e6acdc73414517203f5f02290a7385ed77cc5592dc2153229f082a2137a2ae8e39b5002a3f8909ecb88fe43dd49b4fdb9bede653e94468ff8df1e31857b449c407203749ae32dd0e7d64a53adaf494dc89ef7196d73636eb2451bfc2c7c47b918d0c2d792a719dfb602efdc58e3a306451c9d670adcd37004f48f1b0114c51cc532ed34e1954b5b9e4b58a1519de5b5d44b31a01de013b9b51a80390e982518a50e280d8e2b535462ec1f708f3cf8100d5e71834b1db77dfa15d646072631582fc240dd2674a7d063b0408a1e808b55fde9455cb3d8857ed88389062ddb6c727310e76b6200b7c71f63b5522a9ae9a99880d39e5daec35375e99943baa6762fa81bb43b39c62553b2970d731c83db8d2ff01bdc000083fd3c374036a16a2505369e0c922b6ea7a23a56d2818f4654ed39a1c147d1e51a00ffb4cbe5e63da79fcd2bebbd7cb8bf1c1d02749f36407ead0629fc166f14dde7970f684f16c818875d9fcb6867c7bdc89be7ebd91d1b4d82419de8a614abce9cc0e6d4a26398dca6f47b49876cbaffbc9954f9b1563a78ec59337587f6ab6397699afc03f544613917945245041ea1581df0c28b4066554730ddfaa0266346bdc1b202754dda4b1ba34c6fa89716b85d68532b6a2feef8ed6a9fe76d6b3f30f02150b468b1fbe7f16e4ae3024973f12f3cb31341bfd20a38bb1b0bec75acf0845530a7d6723e7cd6735df68d1ce4c704c29a044e2545f819e67f0615003dd7e04a6087db2b4182156b2f1f817860ac9f409ad7a5e0ff62be0b08456fc7f1e88812af3da0160709701140704575d499c997b6ca1e6e0a04d20f50967c64dac2d639a577c6bff625bdb0393992c9d4db0c6bbe45c667d53acd899a97a85de0c201ba99beaace49c7d80767cffec0e513ae886df04da04049a062f5adfe81b67dd755ceccaf21d0c97db2e27e13572cbf59eb343dc9f95a0a5af052bffce5c89917335f67e58cc5ca94270acaceed13bc82dfedf7b9d487a30398d42ecff55c228ed5652b8f1d43620bc6bb580df6e80b0dc05c482cbca44843a864533ec05b321ae1f9d1b59c67bf196a4758191e42f76670ceba20d135f0f28185b84a4cf7aa51f295009c3b1830513cc3b8fc4b76635d32e692d6ef5f7fa914c19931a55bb262ec879ce19347e1c3ca0c0b97de5fb3b690855add77279f7d325eec933f05b1672f6a1f0eec27c419d0fe24e53c90338cdc8bc6c60d060b946d6dd6145dcbad5c4ccf6f8597a6cfa74defcbde3047c891d78f90c6036a69be21cb660499b75718a3ef243a15c7d0bbe60300a39f76f8a5ba68963b712de48137572f3849aabd5666a4e32cfd4560539f887a5e420412b370b361c7635bfd99248a2cdef8249ef7bfbef4c21002f464c5fc5bee3b98ced83963b8ffeed84c7cb1ae7bf4ec4bd78275bb98678a1491514b7f1006d605e9161946b13fe78a8acf5fda99de95303940a2420c69a5b5995110b36a9a347898d97a610e4a213d37242bdcad8e7300e202e7caa4fe709c654eac84d5239d1a12a4f71877571e0f7e2d992e738adff8b1bd43a521fd06b8ea02fe5b1c2496fe1700e9d16c7c9d0b1f96aebd7b5eca8c3edaa19ebbfd2c5e4680d9a01dba3aada5ece2227047a658229eb2368a99f1d032c8848542801c14f07f9724229175b8ef8b4585a8c3e0c62ee91db8dc7382bde7419bb573184260348236f9554fe9375772ff966e8248a99e81e752cb9b41da3fc43fbe7ff7f580e11d00a75814d2ded41fe8e8fe8ce6790cc6a94e65f17f908f462fae85208e43f0e45c4c78cafadb83d2888cb64588e674d3f0faf985047d4c3f13ed0dfeab05aa91085b7a8012516bc35339588a3363abe792db2d8761d6403605aeb7a1d50185e7426cbb0acad1e6ca74b9aadf0aab058ce179e4f7ab135ed4e641a909c6c3783b4a70054da74f2538ed47c62b38c2df6a49b97f706ec9148ce48d86f197002b9a0853eca5e046d9ca4663d545f31d16b1058d586fc3be7207b5805355b1927fdafef39c48e5b73b5d61ea60e8b1cbd05f6e6a358a81dee52493dd06285f89b802bcb2651801455c86d78f2ae22312179bf43e61576081a2f250f845a8240cb8235e9c493a0c30607586166c0c048b3a434e49e655c1247efb389cec16e6a3326dd7d868cbc926602a61e4d0884d79963bd8bc0ae9b13a1aa71add7338ca89564b2259401518960f7a06f94babea47ba24142ed16b7d8fbf2c740e0d6e7d2da6d3953058db75714ac400b58400e26af6ac3b1c1c49d7c3d79c60d000a3fb4fbf9a6f9cf09166aa9c20cbc1ad0f2c9a93eea6f38fabb3acb1c31488c69da187a7a191431db943a9a5a6fec6f42f29b6e3abc6ebdefb55456ea6ca5dc81e1d184167ca7676cf665225e236a3d23eb71f6293a2a31f3569e10af6552658a113c1ecd3cace2237256f4c712f61b536a1694bce9815b7e38a9dad05ad42e00a0a0c8aaa00ade50f74a3f0ca981ed73473decccb0509fb264818a7512a8b9b1896a3bf730516dd643ba67b4c447d36a7d8ae4569120b5bec12e7b6e9648b8683f97f4825290be4cb794ec6a234595f7d771e0e8f3633ab54856925ecdefc5ddabd8d2ce74e782c65a973ef76fd540b6eb6e75fddec0218351dc5c0c84641042ac2406e835bd49c70469acae337d292f47330643ae134ca204bf6b2481fec470e095e054ee94774d6a496099eb1cf6a97af4fb322bb5c8973ade16764156bed5680522b8e2bb01943234bce7bf845342b6d65b9a9445c4271ab9076ead5605a4f284803bd0966cc24fa8683a34afc6ec44e503833b64e9f27197a484f4257c082c2559140b95ccda9c6ca4a8b981f1e160c88652d47d0be60bfbfed25111412b20bb95ab626d93fd976af958fbc61ba52292e0c763fd027c6eba6b8f494d2eb9a3d458322d70046f63dfd8b0153ece4a42a596fc71e17828440030074d15e740188e8b8b014829e2fa0f430f0a959619adeb82fffb5444e81fa0ce8ad8afe7aae5e3ce40e0404a45ecacaaf05e5f735c54e7837e0cd0ced286cb5995327d1ab4d2e7bd33c475784381a64e43e50922ffe2d010308a6b3799a3d9c728ee742447501e5d4da87ac39d782741cd794002d147702db07145348245dc5a2f2fe5683491442df5f88c6aa018e86dac21d3606fb2fcd534b0ff3bbed73cc51df620323b571ecea16a9824023ee1af16897a582144a3f71a03ab7c4f46f9656608efdb24e4e53aa080247bc31d0eb4e7aeb07a0a58149d355f02887dfbe55ebb2b64ba37e7e69ea3384874304911625ac34321cf7cade80b7cc92b991cf4d2806d6bd78285ab9448d2751ee57ece7f762c39095a01610228fe998f515a72dd730294d8733ceb07bf4eeb3da587e268d663aba1ac8ba76c279269b1c6bc8a07e38e78fa4a4d2f0d23dcc84ce983ff9157f8b7f883948ead63a9f2944218de038d89343056a61d423d02a1c56250dc23ae7ff12f33f67fd97162d20e6fe27748b5b3725092715518c875999308842e3455eda2fe3b24d516bb65a5a58079f0f3526c87c571d72310edc006dadf2190caad58029833a029f04d76d32e79367c4b3255dda4d43cca4b3de2097b9558efefd0ecc358868d13cf26c4b4f4f932e3eff990093ba25df35de87aa441b88f22a6c2a830a173210ddbeaa16948a702b6049b8d9a202c4851e8e264415c4094e4e85b0baa7cceb86d510361fc23b59f18c1bc9802cc6310ce61c90f3a46e340ee8257bc70e934122cb13c7a474c1976c9706ae36521d6c14da109e294d1e8155be8aa4b1ce8ee53a0a2978c28872a4505bdb51db06dce034fb6b66aacc1d48f445ddfb08da9881dc9bdb52d04dc20036dbd8313ed0559996535e07258a7bbfd8b132435c59627bccfde7714a1ebadf06c5f4cea752c1a9eb812238f753132652ae09963a05e9d38901788c533e8286cb6400b40b386db3ba8f1bee1238a2f37603d90b58898da9078e8653368c9c291ae2f8b74012e71c65cef3dfd1e00c0b03923a1c591db42de5d16682c3c35007e4e92982f1a2bae1d5be1c7f2f456670de3d53c7b54f4a2c89109d42178de8a367c0228f169bf85eac43aceba42c8757b54003a58277b5905056c1ac1dad141560467e0a99e1cfe6d8545daa42d5ced125a4bf747b368839e4973ba3321b80f37d9b55f63ed8b82ba8698b79439589fdd2b0f7218d8b0781e5f81db77c596492e6f1a5a792ed53');
SELECT pg_catalog.lo_close(0);

SELECT pg_catalog.lo_open('3000000000', 131072);
SELECT pg_catalog.lowrite(0, '\x6c61726765206f626a6563742061626f766520325e3331');
SELECT pg_catalog.lo_close(0);

COMMIT;

--
-- Name: My Table My Table_pkey; Type: CONSTRAINT; Schema: Mixed Case; Owner: postgres
--

ALTER TABLE ONLY "Mixed Case"."My Table"
    ADD CONSTRAINT "My Table_pkey" PRIMARY KEY (id);


--
-- Name: items items_pkey; Type: CONSTRAINT; Schema: Mixed Case; Owner: postgres
--

ALTER TABLE ONLY "Mixed Case".items
    ADD CONSTRAINT items_pkey PRIMARY KEY (id);


--
-- Name: audit_like audit_like_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.audit_like
    ADD CONSTRAINT audit_like_pkey PRIMARY KEY (id);


--
-- Name: child child_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.child
    ADD CONSTRAINT child_pkey PRIMARY KEY (id);


--
-- Name: events events_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.events
    ADD CONSTRAINT events_pkey PRIMARY KEY (id);


--
-- Name: items items_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.items
    ADD CONSTRAINT items_pkey PRIMARY KEY (id);


--
-- Name: parent parent_name_key; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.parent
    ADD CONSTRAINT parent_name_key UNIQUE (name);


--
-- Name: parent parent_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.parent
    ADD CONSTRAINT parent_pkey PRIMARY KEY (id);


--
-- Name: scratch scratch_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.scratch
    ADD CONSTRAINT scratch_pkey PRIMARY KEY (k);


--
-- Name: types types_pkey; Type: CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.types
    ADD CONSTRAINT types_pkey PRIMARY KEY (id);


--
-- Name: My Table label; Type: INDEX; Schema: Mixed Case; Owner: postgres
--

CREATE UNIQUE INDEX "My Table label" ON "Mixed Case"."My Table" USING btree (label);


--
-- Name: events_lower_note; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX events_lower_note ON public.events USING btree (lower(note));


--
-- Name: events_ts_noted; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX events_ts_noted ON public.events USING btree (ts) WHERE (note IS NOT NULL);


--
-- Name: measurements_at_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX measurements_at_idx ON ONLY public.measurements USING btree (at);


--
-- Name: measurements_2023_at_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX measurements_2023_at_idx ON public.measurements_2023 USING btree (at);


--
-- Name: measurements_2024_at_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX measurements_2024_at_idx ON public.measurements_2024 USING btree (at);


--
-- Name: measurements_default_at_idx; Type: INDEX; Schema: public; Owner: postgres
--

CREATE INDEX measurements_default_at_idx ON public.measurements_default USING btree (at);


--
-- Name: measurements_2023_at_idx; Type: INDEX ATTACH; Schema: public; Owner: postgres
--

ALTER INDEX public.measurements_at_idx ATTACH PARTITION public.measurements_2023_at_idx;


--
-- Name: measurements_2024_at_idx; Type: INDEX ATTACH; Schema: public; Owner: postgres
--

ALTER INDEX public.measurements_at_idx ATTACH PARTITION public.measurements_2024_at_idx;


--
-- Name: measurements_default_at_idx; Type: INDEX ATTACH; Schema: public; Owner: postgres
--

ALTER INDEX public.measurements_at_idx ATTACH PARTITION public.measurements_default_at_idx;


--
-- Name: child child_touch; Type: TRIGGER; Schema: public; Owner: postgres
--

CREATE TRIGGER child_touch BEFORE UPDATE ON public.child FOR EACH ROW EXECUTE FUNCTION public.touch_child();


--
-- Name: child child_parent_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: postgres
--

ALTER TABLE ONLY public.child
    ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES public.parent(id) ON DELETE CASCADE;


--
-- Name: SCHEMA "Mixed Case"; Type: ACL; Schema: -; Owner: postgres
--

GRANT USAGE ON SCHEMA "Mixed Case" TO reader;


--
-- Name: FUNCTION add1(integer); Type: ACL; Schema: public; Owner: postgres
--

REVOKE ALL ON FUNCTION public.add1(integer) FROM PUBLIC;
GRANT ALL ON FUNCTION public.add1(integer) TO reader;


--
-- Name: COLUMN "My Table".id; Type: ACL; Schema: Mixed Case; Owner: postgres
--

GRANT SELECT(id) ON TABLE "Mixed Case"."My Table" TO reader;


--
-- Name: COLUMN "My Table".label; Type: ACL; Schema: Mixed Case; Owner: postgres
--

GRANT SELECT(label) ON TABLE "Mixed Case"."My Table" TO reader;


--
-- Name: TABLE events; Type: ACL; Schema: public; Owner: postgres
--

GRANT SELECT ON TABLE public.events TO reader;


--
-- Name: LARGE OBJECT 3000000000; Type: ACL; Schema: -; Owner: postgres
--

GRANT SELECT ON LARGE OBJECT 3000000000 TO reader;


--
-- Name: DEFAULT PRIVILEGES FOR TABLES; Type: DEFAULT ACL; Schema: Mixed Case; Owner: postgres
--

ALTER DEFAULT PRIVILEGES FOR ROLE postgres IN SCHEMA "Mixed Case" GRANT SELECT ON TABLES  TO reader;


--
-- Name: event_years; Type: MATERIALIZED VIEW DATA; Schema: public; Owner: postgres
--

REFRESH MATERIALIZED VIEW public.event_years;


--
-- PostgreSQL database dump complete
--

\unrestrict RESTRICT_KEY

