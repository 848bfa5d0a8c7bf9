-- Reference for pgtime's tests. TestReferenceLive runs this query once per
-- zone below, after set_config('TimeZone', zone, false), and compares (or,
-- with -update, rewrites) testdata/reference.tsv.
-- zone: UTC
-- zone: Europe/Paris
-- zone: Asia/Kolkata
-- zone: Pacific/Chatham
-- zone: America/St_Johns
-- zone: America/New_York
-- zone: Asia/Tokyo
-- zone: Pacific/Kiritimati
-- zone: Etc/GMT+12
-- zone: <X>-167:59
-- zone: <X>+167:59
-- zone: <+2030>-20:30
SELECT current_setting('TimeZone') AS zone,
       v.lit,
       t.ts::text AS out,
       CASE WHEN isfinite(t.ts) THEN extract(timezone FROM t.ts)::int END AS east,
       -- exact microseconds since 2000-01-01 UTC (extract(epoch) rounds near
       -- the upper bound): whole days, then the time of day
       CASE WHEN isfinite(t.ts) THEN ((t.ts AT TIME ZONE 'UTC')::date - date '2000-01-01')::bigint * 86400000000
                 + (extract(hour FROM t.ts AT TIME ZONE 'UTC') * 3600000000
                    + extract(minute FROM t.ts AT TIME ZONE 'UTC') * 60000000
                    + extract(microseconds FROM t.ts AT TIME ZONE 'UTC'))::bigint
            WHEN t.ts > 'epoch' THEN '9223372036854775807'::bigint
            ELSE '-9223372036854775808'::bigint END AS us,
       to_char(t.ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS utc,
       -- timestamp/date/time of the local wall clock; NULL within a week of
       -- the range edges, where AT TIME ZONE would leave the timestamp range
       CASE WHEN t.inner_range THEN (t.ts AT TIME ZONE current_setting('TimeZone'))::text END AS local,
       CASE WHEN t.inner_range THEN (t.ts AT TIME ZONE current_setting('TimeZone'))::date::text END AS local_date,
       CASE WHEN t.inner_range THEN (t.ts AT TIME ZONE current_setting('TimeZone'))::time::text END AS local_time
FROM unnest(ARRAY[
  '-infinity', 'infinity',
  -- lower bound and BC years
  '4714-11-24 00:00:00+00 BC', '4714-11-24 00:00:00.000001+00 BC', '4714-11-30 12:34:56.5+00 BC',
  '4713-01-01 00:00:00+00 BC', '1001-06-15 08:00:00+00 BC', '0005-02-29 12:00:00+00 BC',
  '0001-02-29 23:59:59.999999+00 BC', '0001-12-31 23:59:59.999999+00 BC',
  '0001-01-01 00:00:00+00 BC',
  -- 1 AD, small years
  '0001-01-01 00:00:00+00', '0001-01-01 00:00:00.000001+00', '0099-07-04 01:02:03.04+00',
  '0999-12-31 23:59:59.999999+00', '1000-01-01 00:00:00+00',
  -- leap days and century rules
  '1900-02-28 23:59:59.999999+00', '1900-03-01 00:00:00+00', '2000-02-29 12:00:00+00',
  '2024-02-29 23:59:59.999999+00', '2100-03-01 00:00:00+00',
  -- around the PostgreSQL and Unix epochs
  '1969-12-31 23:59:59.999999+00', '1970-01-01 00:00:00+00', '1999-12-31 23:59:59.999999+00',
  '2000-01-01 00:00:00+00', '2000-01-01 00:00:00.000001+00', '2000-01-01 00:00:00.1+00',
  '2000-01-01 00:00:00.12+00', '2000-01-01 00:00:00.100001+00',
  -- large years and the upper bound
  '9999-12-31 23:59:59.999999+00', '10000-01-01 00:00:00+00', '12345-06-07 08:09:10.11+00',
  '99999-12-31 23:59:59.999999+00', '100000-01-01 00:00:00+00',
  '294276-12-31 00:00:00+00', '294276-12-31 23:59:59.999999+00',
  -- DST: New York gap 2021-03-14 02:00 local, overlap 2021-11-07 01:00-02:00 local
  '2021-03-14 06:59:59.999999+00', '2021-03-14 07:00:00+00',
  '2021-11-07 05:30:00+00', '2021-11-07 06:30:00+00',
  -- DST: Paris gap 2021-03-28, overlap 2021-10-31
  '2021-03-28 00:59:59.999999+00', '2021-03-28 01:00:00+00',
  '2021-10-31 00:30:00+00', '2021-10-31 01:30:00+00',
  -- Paris local mean time and Paris Mean Time (+00:09:21) until 1911-03-11
  '1850-01-01 00:00:00+00', '1900-06-01 12:00:00+00', '1911-03-10 23:50:38+00', '1911-03-11 00:00:00+00',
  -- Kolkata: LMT +05:53:28, HMT +05:53:20, MMT +05:21:10, war time +06:30
  '1850-01-01 00:00:00+00', '1860-01-01 00:00:00+00', '1880-01-01 00:00:00+00', '1942-09-01 00:00:00+00',
  '1945-10-15 00:00:00+00',
  -- Chatham +13:45 / +12:45; St Johns -03:30:52 and later
  '2021-01-01 00:00:00+00', '2021-07-01 00:00:00+00', '1900-01-01 00:00:00+00', '1935-06-01 00:00:00+00',
  '1942-06-01 00:00:00+00'
]::text[]) WITH ORDINALITY AS v(lit, ord),
LATERAL (SELECT v.lit::timestamptz AS ts,
                v.lit::timestamptz BETWEEN '4714-12-01 00:00:00+00 BC' AND '294276-12-20 00:00:00+00' AS inner_range) AS t
ORDER BY v.ord
