package dump

import (
	"bytes"
	"context"
	"io"
	"net/url"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/restore"
)

// latin1DB creates a LATIN1 database holding non-ASCII text in an
// identifier, a comment, a function body and table data, and returns its URL.
func latin1DB(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	base := pgtest.NewDB(t)
	name := "latin1_" + strings.TrimPrefix(dbNameOf(t, base), "t_")
	if len(name) > 63 {
		name = name[:63]
	}
	admin := pgtest.Conn(t, base)
	if _, err := admin.Exec(ctx, "CREATE DATABASE "+pgx.Identifier{name}.Sanitize()+" TEMPLATE template0 ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C'"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec(context.Background(), "DROP DATABASE IF EXISTS "+pgx.Identifier{name}.Sanitize()+" WITH (FORCE)"); err != nil {
			t.Errorf("drop %s: %v", name, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	conn := pgtest.Conn(t, u.String())
	// pgx asks for no client encoding, so a connection to a LATIN1
	// database talks LATIN1; these Go strings are UTF-8.
	for _, s := range []string{
		`SET client_encoding TO 'UTF8'`,
		`CREATE TABLE "café" (id int PRIMARY KEY, "naïve" text)`,
		`COMMENT ON TABLE "café" IS 'crème brûlée'`,
		`CREATE FUNCTION grüß() RETURNS text LANGUAGE sql AS $$ SELECT 'Grüße'::text $$`,
		`INSERT INTO "café" VALUES (1, 'déjà vu'), (2, 'façade ÿ')`,
	} {
		if _, err := conn.Exec(ctx, s); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
	}
	return u.String()
}

func dbNameOf(t *testing.T, rawURL string) string {
	u, err := url.Parse(rawURL)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimPrefix(u.Path, "/")
}

// TestLatin1Database: the archive of a LATIN1 database says ENCODING LATIN1
// and holds LATIN1 bytes throughout, as pg_dump's does, so pg_restore's
// `SET client_encoding = 'LATIN1'` makes the server read them right.
func TestLatin1Database(t *testing.T) {
	t.Parallel()
	src := latin1DB(t)
	path, _ := dumpTo(t, src, Options{})
	got := archiveText(t, path)
	for _, want := range []string{
		"SET client_encoding = 'LATIN1';",
		"CREATE TABLE public.\"caf\xe9\"",
		"'cr\xe8me br\xfbl\xe9e'",
		"'Gr\xfc\xdfe'",
		"d\xe9j\xe0 vu",
		"fa\xe7ade \xff",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("archive lacks %q", want)
		}
	}
	if strings.Contains(got, "caf\xc3\xa9") {
		t.Errorf("archive holds UTF-8 bytes under client_encoding LATIN1")
	}
	if pgDump := serverTool("pg_dump"); pgDump != nil {
		theirs := t.TempDir() + "/theirs.dump"
		pgDump.run(t, nil, "-Fc", "-f", theirs, src)
		want := archiveText(t, theirs)
		for _, s := range []string{"caf\xe9", "d\xe9j\xe0 vu", "Gr\xfc\xdfe"} {
			if strings.Count(want, s) != strings.Count(got, s) {
				t.Errorf("%q: pg_dump's archive has it %d times, ours %d", s, strings.Count(want, s), strings.Count(got, s))
			}
		}
	}

	// Restored into a UTF-8 database, by pg_restore and by ours, the text
	// reads back the same.
	restorers := map[string]func(dst string){
		"pgdrill": func(dst string) {
			rc, err := pgarchive.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer rc.Close()
			if _, err := restore.Run(context.Background(), rc.Reader, dst, restore.Options{ExitOnError: true, NoOwner: true}); err != nil {
				t.Fatal(err)
			}
		},
	}
	if pgRestore := serverTool("pg_restore"); pgRestore != nil {
		restorers["pg_restore"] = func(dst string) {
			// pg_restore 17 on a 16 server: its SET transaction_timeout fails, harmlessly.
			if _, stderr, err := pgRestore.exec(nil, "--no-owner", "-d", dst, path); err != nil && !onlyTransactionTimeout(stderr) {
				t.Fatalf("pg_restore: %v\n%s", err, stderr)
			}
		}
	}
	for name, restoreInto := range restorers {
		dst := pgtest.NewDB(t)
		restoreInto(dst)
		conn := pgtest.Conn(t, dst)
		var v, c, f string
		if err := conn.QueryRow(context.Background(), `SELECT string_agg("naïve", ',' ORDER BY id), obj_description('"café"'::regclass), grüß() FROM "café"`).Scan(&v, &c, &f); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if v != "déjà vu,façade ÿ" || c != "crème brûlée" || f != "Grüße" {
			t.Errorf("%s: restored text %q, %q, %q", name, v, c, f)
		}
	}
}

// archiveText is every TOC definition and data block of an archive, as bytes.
func archiveText(t *testing.T, path string) string {
	t.Helper()
	rc, err := pgarchive.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	var b bytes.Buffer
	for _, e := range rc.Entries {
		b.WriteString(e.Defn.String)
		b.WriteString(e.CopyStmt.String)
		if e.HadDumper {
			blk, err := rc.Open(e)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := io.Copy(&b, blk); err != nil {
				t.Fatal(err)
			}
			blk.Close()
		}
	}
	return b.String()
}

// TestEncodingOption: -E writes a UTF-8 database's archive in LATIN1, as
// pg_dump -E does, and an unknown encoding is an error naming it.
func TestEncodingOption(t *testing.T) {
	t.Parallel()
	src := pgtest.NewDB(t)
	conn := pgtest.Conn(t, src)
	if _, err := conn.Exec(context.Background(), `CREATE TABLE t (v text); INSERT INTO t VALUES ('déjà vu')`); err != nil {
		t.Fatal(err)
	}
	path, _ := dumpTo(t, src, Options{Encoding: "LATIN1"})
	got := archiveText(t, path)
	if !strings.Contains(got, "SET client_encoding = 'LATIN1';") || !strings.Contains(got, "d\xe9j\xe0 vu") {
		t.Errorf("-E LATIN1: archive lacks the LATIN1 encoding entry or text:\n%q", got)
	}
	_, err := Run(context.Background(), src, io.Discard, Options{Encoding: "KLINGON"})
	if err == nil || !strings.Contains(err.Error(), `"KLINGON"`) {
		t.Errorf("-E KLINGON: err = %v, want one naming the encoding", err)
	}
}
