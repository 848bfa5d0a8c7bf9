package fuzz

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"math"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"

	"github.com/pgdrill/pgdrill/chain"
	"github.com/pgdrill/pgdrill/dump"
	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/pgarchive/copytext"
	"github.com/pgdrill/pgdrill/pgtime"
	"github.com/pgdrill/pgdrill/restore"
)

// FuzzRoundTrip writes one row of date/time values (timestamptz, the same
// wall-clock time read as timestamptz in the session zone, timestamp, date,
// time, timetz, interval) and a one-row audit chain on the timestamptz into
// a database, under session time zone srcZone; dumps it with pgdrill dump
// from a session in srcZone; restores the archive with pgdrill restore into
// an empty database from a session in dstZone; and requires every value to
// come back identical (binary value and ::text under UTC), the archive's
// COPY text to carry srcZone's offsets, and the chain to verify with the
// source's head hash both offline from the archive (chain.VerifyArchive)
// and after the restore (audit_events_verify_chain() and chain.VerifyDB).
//
// opts picks the archive's compression (bits 0-1) and whether the restore
// runs with two jobs (bit 2), and which of the two connection parameters
// carries each session's zone (bit 3; see zoneURL).
func FuzzRoundTrip(f *testing.F) {
	if testing.Short() {
		f.Skip("-short: FuzzRoundTrip needs a server")
	}
	h := newRoundTrip(f)
	f.Fuzz(func(t *testing.T, tstz, ts int64, d int32, tod int64, ttzOff int32, ivMonths, ivDays int32, ivUs int64, srcZone, dstZone uint16, opts uint8) {
		ctx, cancel := context.WithTimeout(context.Background(), inputTimeout)
		defer cancel()
		if err := h.connect(ctx); err != nil {
			t.Fatal(err)
		}
		in := rtInput{
			tstz: instant(tstz), ts: instant(ts), d: day(d), tod: timeOfDay(tod), ttzOff: timetzOffset(ttzOff),
			iv:      pgtype.Interval{Months: ivMonths, Days: ivDays, Microseconds: ivUs, Valid: true},
			srcZone: zone(t, h.src, srcZone), dstZone: zone(t, h.src, dstZone),
			comp: pgarchive.Compression(opts & 3), jobs: 1 + int(opts>>2&1), swapZoneParams: opts&8 != 0,
		}
		h.run(ctx, t, in)
	})
}

type rtInput struct {
	tstz, ts         int64 // instants / wall-clock times in pgtime's microseconds
	d                int32
	tod              int64 // time of day in microseconds
	ttzOff           int   // timetz displacement, seconds east
	iv               pgtype.Interval
	srcZone, dstZone string
	comp             pgarchive.Compression
	jobs             int
	swapZoneParams   bool
}

func (in rtInput) String() string {
	return fmt.Sprintf("tstz %d (%s), ts %s, date %s, time %s, timetz offset %d, interval %+v, %s -> %s, %v, -j%d, zone parameters swapped %v",
		in.tstz, pgtime.FormatISO(in.tstz, 0), pgtime.FormatTimestamp(in.ts), pgtime.FormatDate(in.d), pgtime.FormatTime(in.tod),
		in.ttzOff, in.iv, in.srcZone, in.dstZone, in.comp, in.jobs, in.swapZoneParams)
}

// rtSchema is the table the round trip writes, next to the chain's.
const rtSchema = `CREATE TABLE rt (
    id         int PRIMARY KEY,
    tstz       timestamptz,
    local_tstz timestamptz,
    ts         timestamp,
    d          date,
    t          time,
    ttz        timetz,
    iv         interval
)`

// roundTrip is the state FuzzRoundTrip's inputs share: one source database
// (emptied before each input) and one target database (emptied after each
// restore, and checked empty before the next).
type roundTrip struct {
	srcURL, dstURL string
	src, dst       *pgx.Conn
}

func newRoundTrip(f *testing.F) *roundTrip {
	ctx := context.Background()
	h := &roundTrip{srcURL: pgtest.NewDB(f), dstURL: pgtest.NewDB(f)}
	f.Cleanup(func() {
		for _, c := range []*pgx.Conn{h.src, h.dst} {
			if c != nil {
				c.Close(context.Background())
			}
		}
	})
	if err := h.connect(ctx); err != nil {
		f.Fatal(err)
	}
	if err := chain.Migrate(ctx, h.src); err != nil {
		f.Fatal(err)
	}
	if _, err := h.src.Exec(ctx, rtSchema); err != nil {
		f.Fatal(err)
	}
	return h
}

// connect (re)opens the connections that are not open: a failed input may
// have closed one (pgx closes a connection whose query's context ends), and
// the inputs after it must still run.
func (h *roundTrip) connect(ctx context.Context) error {
	var err error
	if h.src == nil || h.src.IsClosed() {
		if h.src, err = pgx.Connect(ctx, h.srcURL); err != nil {
			return fmt.Errorf("connect to the source: %w", err)
		}
	}
	if h.dst == nil || h.dst.IsClosed() {
		// The target's tables are dropped and made again for every input,
		// so no statement may stay prepared on it.
		cfg, err := pgx.ParseConfig(h.dstURL)
		if err != nil {
			return err
		}
		cfg.DefaultQueryExecMode = pgx.QueryExecModeExec
		if h.dst, err = pgx.ConnectConfig(ctx, cfg); err != nil {
			return fmt.Errorf("connect to the target: %w", err)
		}
	}
	return nil
}

// rtSnapshot is everything read back from a database, under TimeZone UTC;
// source and target must give equal snapshots.
type rtSnapshot struct {
	tstz, localTstz               int64 // binary values, when not NULL (see hasLocal)
	tstzText, localTstzText       pgtype.Text
	tsText, dText, tText, ttzText pgtype.Text
	ivText                        pgtype.Text
	iv                            pgtype.Interval

	eventCount                          int64
	eventID, eventHash, eventPrev       pgtype.Text
	eventTime                           int64
	eventTimeText                       pgtype.Text
	headHash                            pgtype.Text
	headUpdated                         int64
	hasLocal, hasEventTime, hasHeadTime bool
}

// inputTimeout bounds one input, so a wedged server fails the input
// instead of hanging the fuzzer.
const inputTimeout = time.Minute

// run takes one input through the source, the dump, the restore and the
// checks.
func (h *roundTrip) run(ctx context.Context, t *testing.T, in rtInput) {
	t.Logf("input: %v", in)

	ivStored := h.writeSource(ctx, t, in)
	want := readSnapshot(ctx, t, h.src)
	checkSource(t, in, ivStored, want)
	srcZoned := readZoned(ctx, t, h.src, in.srcZone)

	// Dump from a session whose TimeZone comes from the connection string.
	var archive bytes.Buffer
	if _, err := dump.Run(ctx, zoneURL(t, h.srcURL, in.srcZone, in.swapZoneParams), &archive, dump.Options{Compression: in.comp}); err != nil {
		t.Fatalf("dump: %v", err)
	}
	r, err := pgarchive.NewReader(bytes.NewReader(archive.Bytes()), int64(archive.Len()))
	if err != nil {
		t.Fatalf("read the dump: %v", err)
	}
	checkCopyText(t, r, srcZoned)
	checkArchiveChain(t, r, want)

	// Emptied here rather than after the restore, so that an input that
	// failed half way leaves nothing for the next one to trip over.
	h.emptyTarget(ctx, t)
	h.checkTargetEmpty(ctx, t)
	dst := zoneURL(t, h.dstURL, in.dstZone, !in.swapZoneParams)
	if _, err := restore.Run(ctx, r, dst, restore.Options{ExitOnError: true, Jobs: in.jobs}); err != nil {
		t.Fatalf("restore: %v", err)
	}
	got := readSnapshot(ctx, t, h.dst)
	if got != want {
		t.Fatalf("restored values differ:\nsource %+v\ntarget %+v", want, got)
	}
	readZoned(ctx, t, h.dst, in.dstZone)
	checkChain(ctx, t, h.dst, want)
}

// zoneURL sets a session's TimeZone in a connection string, with the
// timezone parameter (what PGTZ sets) or, if options, with options=-c
// TimeZone=... (PGOPTIONS).
func zoneURL(t *testing.T, url, zone string, options bool) string {
	if options {
		return withParam(t, url, "options", "-c TimeZone="+zone)
	}
	return withParam(t, url, "timezone", zone)
}

// writeSource empties the source and writes the input's row and chain
// under the source zone. It returns whether the interval was stored: it is
// left NULL when the server cannot read back its own text for it, since no
// dump could restore that (see the interval seeds).
func (h *roundTrip) writeSource(ctx context.Context, t *testing.T, in rtInput) (ivStored bool) {
	t.Helper()
	// The chain's triggers forbid TRUNCATE and reset of the head; a
	// replication-role session skips ordinary triggers.
	mustExec(ctx, t, h.src, `SET session_replication_role = replica;
		TRUNCATE rt, audit_events;
		UPDATE audit_chain_head SET row_hash = NULL, updated_at = NULL;
		RESET session_replication_role`)
	mustExec(ctx, t, h.src, "SELECT pg_catalog.set_config('TimeZone', $1, false)", in.srcZone)

	ttz := pgtime.FormatTime(in.tod) + formatOffset(in.ttzOff)
	mustExec(ctx, t, h.src, `INSERT INTO rt (id, tstz, ts, d, t, ttz) VALUES (1, $1, $2::timestamp, $3::date, $4::time, $5::timetz)`,
		toTimestamptz(in.tstz), pgtime.FormatTimestamp(in.ts), pgtime.FormatDate(in.d), pgtime.FormatTime(in.tod), ttz)
	// The wall-clock time in the session zone: DST gaps and overlaps. Near
	// the range ends the instant can fall outside it, which the server
	// rejects; the column then stays NULL.
	if _, err := h.src.Exec(ctx, "UPDATE rt SET local_tstz = ts::timestamptz"); err != nil && !isCode(err, "22008") {
		t.Fatalf("UPDATE rt SET local_tstz: %v", err)
	}
	if _, err := h.src.Exec(ctx, "UPDATE rt SET iv = $1", in.iv); err != nil {
		t.Fatalf("UPDATE rt SET iv: %v", err)
	}
	var same bool
	if err := h.src.QueryRow(ctx, "SELECT iv::text::interval::text = iv::text FROM rt").Scan(&same); err != nil || !same {
		t.Logf("the server cannot read its own output for interval %+v (%v); leaving it NULL", in.iv, err)
		mustExec(ctx, t, h.src, "UPDATE rt SET iv = NULL")
	} else {
		ivStored = true
	}

	// One chain row on the instant. The payload of an infinite timestamp
	// is NULL, which row_hash NOT NULL rejects; then the chain is empty.
	_, err := h.src.Exec(ctx, `INSERT INTO audit_events (id, actor, actor_type, action, resource_type, resource_id, details, "timestamp", event_category)
		VALUES ('rt-1', 'fuzz', 'test', 'roundtrip', 'zone', $1, jsonb_build_object('zone', $1::text), $2, NULL)`, in.srcZone, toTimestamptz(in.tstz))
	finite := in.tstz != pgtime.NoBegin && in.tstz != pgtime.NoEnd
	switch {
	case finite && err != nil:
		t.Fatalf("insert the chain row: %v", err)
	case !finite && !isCode(err, "23502"):
		t.Fatalf("insert the chain row at %s: got %v, want a NOT NULL violation of row_hash", pgtime.FormatISO(in.tstz, 0), err)
	}
	return ivStored
}

// checkSource compares the source's values with what the input says, so a
// value the client or server changed on the way in is not mistaken for a
// round trip that works.
func checkSource(t *testing.T, in rtInput, ivStored bool, s rtSnapshot) {
	t.Helper()
	text := func(name string, got pgtype.Text, want string) {
		if !got.Valid || got.String != want {
			t.Errorf("source %s::text = %q (valid %v), want %q", name, got.String, got.Valid, want)
		}
	}
	if s.tstz != in.tstz {
		t.Errorf("source tstz = %d, want %d", s.tstz, in.tstz)
	}
	text("tstz", s.tstzText, pgtime.FormatISO(in.tstz, 0))
	text("ts", s.tsText, pgtime.FormatTimestamp(in.ts))
	text("d", s.dText, pgtime.FormatDate(in.d))
	text("t", s.tText, pgtime.FormatTime(in.tod))
	text("ttz", s.ttzText, pgtime.FormatTime(in.tod)+formatOffset(in.ttzOff))
	switch inf := s.ivText.String; {
	case !ivStored:
	case inf == "infinity" || inf == "-infinity":
		posInf := pgtype.Interval{Months: math.MaxInt32, Days: math.MaxInt32, Microseconds: math.MaxInt64, Valid: true}
		negInf := pgtype.Interval{Months: math.MinInt32, Days: math.MinInt32, Microseconds: math.MinInt64, Valid: true}
		if (inf == "infinity") != (in.iv == posInf) || (inf == "-infinity") != (in.iv == negInf) {
			t.Errorf("source iv::text = %s, input %+v", inf, in.iv)
		}
	case s.iv != in.iv:
		t.Errorf("source iv = %+v, want %+v", s.iv, in.iv)
	}
	if s.hasLocal {
		if v, err := pgtime.ParseTimestamptz(s.localTstzText.String); err != nil || v != s.localTstz {
			t.Errorf("source local_tstz::text %q parses to %d, %v; binary value %d", s.localTstzText.String, v, err, s.localTstz)
		}
	}
	finite := in.tstz != pgtime.NoBegin && in.tstz != pgtime.NoEnd
	if !finite {
		if s.eventCount != 0 || s.headHash.Valid {
			t.Errorf("source chain after an infinite timestamp: %d rows, head %v", s.eventCount, s.headHash)
		}
		if t.Failed() {
			t.FailNow()
		}
		return
	}
	// The Go payload and hash of the same row must be the trigger's.
	details := fmt.Sprintf(`{"zone": %q}`, in.srcZone)
	row := chain.Row{ID: "rt-1", Actor: "fuzz", ActorType: "test", Action: "roundtrip", ResourceType: "zone", ResourceID: in.srcZone,
		Details: &details, Timestamp: in.tstz}
	hash, ok := chain.Hash(row)
	if s.eventCount != 1 || !ok || s.eventHash.String != hash || s.headHash.String != hash || s.eventPrev.Valid {
		t.Errorf("source chain: %d rows, row_hash %v, prev_hash %v, head %v; chain.Hash gives %q, %v", s.eventCount, s.eventHash, s.eventPrev, s.headHash, hash, ok)
	}
	if t.Failed() {
		t.FailNow()
	}
}

// readSnapshot reads the round trip's values under TimeZone UTC. The chain
// tables may be empty, or absent on an empty target (never read there).
func readSnapshot(ctx context.Context, t *testing.T, conn *pgx.Conn) rtSnapshot {
	t.Helper()
	mustExec(ctx, t, conn, "SET TimeZone = 'UTC'")
	var s rtSnapshot
	var tstz, local, evTime, headTime pgtype.Timestamptz
	// PostgreSQL 17 and later read the extreme intervals as ±infinity,
	// which pgx cannot scan: those are compared by their text alone.
	err := conn.QueryRow(ctx, `SELECT tstz, tstz::text, local_tstz, local_tstz::text, ts::text, d::text, t::text, ttz::text, iv::text,
		CASE WHEN iv::text IN ('infinity', '-infinity') THEN NULL ELSE iv END FROM rt`).
		Scan(&tstz, &s.tstzText, &local, &s.localTstzText, &s.tsText, &s.dText, &s.tText, &s.ttzText, &s.ivText, &s.iv)
	if err != nil {
		t.Fatalf("read rt: %v", err)
	}
	s.tstz = fromTimestamptz(tstz)
	if s.hasLocal = local.Valid; s.hasLocal {
		s.localTstz = fromTimestamptz(local)
	}
	err = conn.QueryRow(ctx, `SELECT count(*) OVER (), id, row_hash, prev_hash, "timestamp", "timestamp"::text FROM audit_events`).
		Scan(&s.eventCount, &s.eventID, &s.eventHash, &s.eventPrev, &evTime, &s.eventTimeText)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		t.Fatalf("read audit_events: %v", err)
	}
	if s.hasEventTime = evTime.Valid; s.hasEventTime {
		s.eventTime = fromTimestamptz(evTime)
	}
	if err := conn.QueryRow(ctx, "SELECT row_hash, updated_at FROM audit_chain_head").Scan(&s.headHash, &headTime); err != nil {
		t.Fatalf("read audit_chain_head: %v", err)
	}
	if s.hasHeadTime = headTime.Valid; s.hasHeadTime {
		s.headUpdated = fromTimestamptz(headTime)
	}
	return s
}

// zoned is the text of rt's two timestamptz columns in a session with some
// TimeZone, as COPY TO and ::text print them.
type zoned struct {
	zone              string
	tstz, localTstz   pgtype.Text
	tstzUs, localUs   int64 // the binary values, when not NULL
	tstzOff, localOff int   // the zone's offsets at them, seconds east
}

// readZoned reads rt's timestamptz columns in a session in zone, checks
// that the text is the instant with the offset the server uses there
// (pgtime.FormatISO), and leaves the session in that zone.
func readZoned(ctx context.Context, t *testing.T, conn *pgx.Conn, zone string) zoned {
	t.Helper()
	mustExec(ctx, t, conn, "SELECT pg_catalog.set_config('TimeZone', $1, false)", zone)
	z := zoned{zone: zone}
	var tstz, local pgtype.Timestamptz
	var tstzOff, localOff pgtype.Int4
	err := conn.QueryRow(ctx, `SELECT tstz, tstz::text, CASE WHEN isfinite(tstz) THEN extract(timezone FROM tstz)::int END,
		local_tstz, local_tstz::text, CASE WHEN isfinite(local_tstz) THEN extract(timezone FROM local_tstz)::int END FROM rt`).
		Scan(&tstz, &z.tstz, &tstzOff, &local, &z.localTstz, &localOff)
	if err != nil {
		t.Fatalf("read rt in %s: %v", zone, err)
	}
	z.tstzUs, z.tstzOff = fromTimestamptz(tstz), int(tstzOff.Int32)
	check := func(name string, valid bool, us int64, off int, text pgtype.Text) {
		if !valid {
			return
		}
		if want := pgtime.FormatISO(us, off); text.String != want {
			t.Fatalf("%s::text in %s = %q, pgtime.FormatISO(%d, %d) = %q", name, zone, text.String, us, off, want)
		}
		if got, err := pgtime.ParseTimestamptz(text.String); err != nil || got != us {
			t.Fatalf("%s::text in %s = %q parses to %d, %v; want %d", name, zone, text.String, got, err, us)
		}
	}
	check("tstz", tstz.Valid, z.tstzUs, z.tstzOff, z.tstz)
	if local.Valid {
		z.localUs, z.localOff = fromTimestamptz(local), int(localOff.Int32)
	}
	check("local_tstz", local.Valid, z.localUs, z.localOff, z.localTstz)
	return z
}

// checkCopyText reads rt's row out of the archive: its timestamptz fields
// must be what the source prints in its zone (see readZoned), proving that
// the dump's session ran in that zone.
func checkCopyText(t *testing.T, r *pgarchive.Reader, src zoned) {
	t.Helper()
	var e *pgarchive.Entry
	for _, x := range r.Entries {
		if x.Desc == "TABLE DATA" && x.Tag == "rt" {
			e = x
		}
	}
	if e == nil {
		t.Fatal("the dump has no TABLE DATA entry for rt")
	}
	_, cols, err := copytext.ParseCopyStmt(e.CopyStmt.String)
	if err != nil {
		t.Fatalf("rt's COPY statement: %v", err)
	}
	b, err := r.Open(e)
	if err != nil {
		t.Fatalf("open rt's data: %v", err)
	}
	defer b.Close()
	cr := copytext.NewReader(b)
	row, err := cr.Next()
	if err != nil {
		t.Fatalf("rt's COPY text: %v", err)
	}
	if len(row) != len(cols) {
		t.Fatalf("rt's COPY row has %d fields for %d columns", len(row), len(cols))
	}
	for i, c := range cols {
		var want pgtype.Text
		switch c {
		case "tstz":
			want = src.tstz
		case "local_tstz":
			want = src.localTstz
		default:
			continue
		}
		if got := row[i]; (got == nil) == want.Valid || string(got) != want.String {
			t.Fatalf("dump's COPY text has %s %q, the source prints %q in %s", c, got, want.String, src.zone)
		}
	}
	if _, err := cr.Next(); err != io.EOF {
		t.Fatalf("rt's COPY text after the row: %v, want the end", err)
	}
}

// checkArchiveChain verifies the chain offline, from the archive's COPY
// text in the source zone: the same clean rows and head as the source.
func checkArchiveChain(t *testing.T, r *pgarchive.Reader, want rtSnapshot) {
	t.Helper()
	res, err := chain.VerifyArchive(r, "")
	if err != nil {
		t.Fatalf("VerifyArchive: %v", err)
	}
	if res.RowCount != want.eventCount || !res.OK() || textOf(res.LastHash) != want.headHash {
		t.Fatalf("VerifyArchive: %v; want %d clean rows ending at the source head %v", res, want.eventCount, want.headHash)
	}
}

// textOf is a nullable string as pgtype.Text, to compare with one read.
func textOf(p *string) pgtype.Text {
	if p == nil {
		return pgtype.Text{}
	}
	return pgtype.Text{String: *p, Valid: true}
}

// checkChain verifies the restored chain with the SQL function and in Go;
// both must find one clean row whose hash is the head (none after an
// infinite timestamp).
func checkChain(ctx context.Context, t *testing.T, conn *pgx.Conn, want rtSnapshot) {
	t.Helper()
	sqlRes, err := chain.VerifySQL(ctx, conn)
	if err != nil {
		t.Fatalf("VerifySQL: %v", err)
	}
	dbRes, err := chain.VerifyDB(ctx, conn)
	if err != nil {
		t.Fatalf("VerifyDB: %v", err)
	}
	if sqlRes.RowCount != want.eventCount || sqlRes.FirstBreak != nil {
		t.Fatalf("restored chain, SQL verifier: %v; want %d clean rows", sqlRes, want.eventCount)
	}
	if !dbRes.OK() || dbRes.RowCount != want.eventCount {
		t.Fatalf("restored chain, Go verifier: %v; want %d clean rows and the head on the last", dbRes, want.eventCount)
	}
	if last := textOf(dbRes.LastHash); last != want.headHash {
		t.Fatalf("restored chain ends at %v, source head %v", last, want.headHash)
	}
}

// checkTargetEmpty makes sure the restore starts from an empty database:
// nothing in any schema but the catalogs' and an empty public.
func (h *roundTrip) checkTargetEmpty(ctx context.Context, t *testing.T) {
	t.Helper()
	var n int64
	err := h.dst.QueryRow(ctx, `SELECT
		(SELECT count(*) FROM pg_catalog.pg_namespace WHERE nspname NOT IN ('public', 'information_schema') AND nspname NOT LIKE 'pg\_%')
		+ (SELECT count(*) FROM pg_catalog.pg_class WHERE relnamespace = 'public'::regnamespace)
		+ (SELECT count(*) FROM pg_catalog.pg_proc WHERE pronamespace = 'public'::regnamespace)
		+ (SELECT count(*) FROM pg_catalog.pg_type WHERE typnamespace = 'public'::regnamespace)`).Scan(&n)
	if err != nil {
		t.Fatalf("check the target is empty: %v", err)
	}
	if n != 0 {
		t.Fatalf("the target database holds %d objects before the restore", n)
	}
}

// emptyTarget drops what an earlier restore made (the source's objects),
// so the restore starts from an empty database again. Dropping is much
// cheaper than CREATE DATABASE; checkTargetEmpty catches anything left.
func (h *roundTrip) emptyTarget(ctx context.Context, t *testing.T) {
	t.Helper()
	mustExec(ctx, t, h.dst, `DROP TABLE IF EXISTS public.rt, public.audit_events, public.audit_chain_head CASCADE;
		DROP FUNCTION IF EXISTS public.audit_events_chain_insert(), public.audit_events_write_once(), public.audit_events_verify_chain()`)
}

func mustExec(ctx context.Context, t *testing.T, conn *pgx.Conn, sql string, args ...any) {
	t.Helper()
	if _, err := conn.Exec(ctx, sql, args...); err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

// isClass reports whether err is a server error in one of the SQLSTATE
// classes (the first two characters).
func isClass(err error, classes ...string) bool {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) || len(pe.Code) < 2 {
		return false
	}
	for _, c := range classes {
		if pe.Code[:2] == c {
			return true
		}
	}
	return false
}

// isCode reports whether err is a server error with that SQLSTATE.
func isCode(err error, code string) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == code
}
