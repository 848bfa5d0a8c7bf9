package drill

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/internal/pgtest"
	"github.com/pgdrill/pgdrill/internal/pgtools"
	"github.com/pgdrill/pgdrill/pgarchive"
	"github.com/pgdrill/pgdrill/pgarchive/copytext"
)

const certctlDir = "../testdata/certctl"

// TestCertctlArchives drills every real pg_dump 15 and 17 backup of the
// certctl-shaped schema (testdata/certctl/gen.sh): each compression, piped
// and seekable, --no-owner --no-acl, several dump time zones. The tampered
// one must fail and blame the archive.
func TestCertctlArchives(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join(certctlDir, "pg1*.dump"))
	if err != nil || len(paths) < 15 {
		t.Fatalf("fixtures: %d, %v", len(paths), err)
	}
	for _, p := range paths {
		name := strings.TrimSuffix(filepath.Base(p), ".dump")
		if strings.HasSuffix(name, "-roles") {
			continue // TestRoles*
		}
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rep, err := Run(context.Background(), Config{Archive: p, DB: pgtest.NewDB(t)})
			if err != nil {
				t.Fatal(err)
			}
			if strings.HasSuffix(name, "-tampered") {
				if rep.OK || rep.Culprit != CulpritArchive || rep.Offline == nil || rep.Offline.FirstBreakID == nil ||
					*rep.Offline.FirstBreakID != "evt-000010" || rep.Offline.FirstBreakPos != 9 || rep.Offline.Walked != 10 {
					t.Fatalf("tampered archive: %s (offline %+v)", rep.Line(), rep.Offline)
				}
				return
			}
			if !rep.OK {
				t.Fatalf("%s\n%+v", rep.Line(), rep.Checks)
			}
			if rep.After == nil || rep.After.RowCount != 24 || rep.SQLFunction == nil || rep.SQLFunction.Returned != "(NULL, -1, 24)" {
				t.Errorf("chain after restore %+v, function %+v", rep.After, rep.SQLFunction)
			}
			if len(rep.Tables) < 18 {
				t.Errorf("%d tables checked", len(rep.Tables))
			}
			if rr := rep.Roles; rr == nil || !rr.OwnersRestored || rr.Owners == 0 {
				t.Errorf("roles %+v", rr)
			}
		})
	}
}

func TestArchiveRoles(t *testing.T) {
	for _, f := range []string{"pg15-roles.dump", "pg17-roles.dump"} {
		a, err := pgarchive.Open(filepath.Join(certctlDir, f))
		if err != nil {
			t.Fatal(err)
		}
		got := archiveRoles(a.Reader)
		a.Close()
		if want := []string{"Audit Team", "app_owner", "app_reader", "app_writer", "auditors", "postgres"}; !slices.Equal(got, want) {
			t.Errorf("%s: roles %q, want %q", f, got, want)
		}
	}
	tests := []struct{ sql, want string }{
		{`GRANT SELECT(id),UPDATE(a, "B") ON TABLE s.t TO "x y", z WITH GRANT OPTION;`, `x y|z`},
		{`REVOKE ALL ON FUNCTION f(t text) FROM PUBLIC;`, ``},
		{`SET SESSION AUTHORIZATION grantor; GRANT USAGE ON SCHEMA s TO GROUP g; RESET SESSION AUTHORIZATION;`, `grantor|g`},
		{`ALTER DEFAULT PRIVILEGES FOR ROLE o1, "O2" IN SCHEMA s GRANT SELECT ON TABLES TO r;`, `o1|O2|r`},
		{`CREATE POLICY p ON t AS RESTRICTIVE FOR SELECT TO r1, CURRENT_USER USING ((a = 'TO x'));`, `r1`},
		{`SET ROLE admin; CREATE TABLE x (a int);`, `admin`},
		{`GRANT SELECT ON TABLE t TO r GRANTED BY "Boss";`, `r|Boss`},
	}
	for _, tc := range tests {
		a := &pgarchive.Reader{Entries: []*pgarchive.Entry{{Desc: "ACL", Defn: pgarchive.Str(tc.sql)}}}
		if got := strings.Join(archiveRoles(a), "|"); got != strings.Join(sortedSplit(tc.want), "|") {
			t.Errorf("%s: roles %q, want %q", tc.sql, got, tc.want)
		}
	}
}

func sortedSplit(s string) []string {
	if s == "" {
		return nil
	}
	l := strings.Split(s, "|")
	slices.Sort(l)
	return l
}

// TestRolesStubbed restores backups whose owners, grants, default
// privileges and policies name roles the throwaway server lacks: the
// drill stubs them, restores with owners and privileges and checks both.
func TestRolesStubbed(t *testing.T) {
	for _, f := range []string{"pg15-roles.dump", "pg17-roles.dump"} {
		t.Run(f, func(t *testing.T) {
			rep, err := Run(context.Background(), Config{Archive: filepath.Join(certctlDir, f)})
			if err != nil {
				t.Fatal(err)
			}
			if !rep.OK {
				t.Fatalf("%s\n%+v", rep.Line(), rep.Checks)
			}
			rr := rep.Roles
			// The drill's server names its superuser pgdrill, so the
			// archive's postgres is a stand-in like the others.
			if want := []string{"Audit Team", "app_owner", "app_reader", "app_writer", "auditors", "postgres"}; !slices.Equal(rr.Stubbed, want) {
				t.Errorf("stubbed %q, want %q", rr.Stubbed, want)
			}
			if tr := rep.Trust; tr == nil || tr.Trusted || tr.RestoredAs != restorerRole || !tr.TOCChecked {
				t.Errorf("trust report %+v, want an unprivileged, TOC-checked restore", tr)
			}
			if !rr.OwnersRestored || rr.Owners != 7 || rr.Privileges < 15 {
				t.Errorf("roles report %+v", rr)
			}
		})
	}
}

// TestRolesFile recreates the roles from pg_dumpall --roles-only output,
// passing over the superuser's own CREATE and ALTER.
func TestRolesFile(t *testing.T) {
	rep, err := Run(context.Background(), Config{Archive: filepath.Join(certctlDir, "pg17-roles.dump"), Roles: filepath.Join(certctlDir, "roles.sql")})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK {
		t.Fatalf("%s\n%+v", rep.Line(), rep.Checks)
	}
	rr := rep.Roles
	if want := []string{"Audit Team", "app_owner", "app_reader", "app_writer", "auditors", "postgres"}; !slices.Equal(rr.FromFile, want) || len(rr.Stubbed) != 0 {
		t.Errorf("from file %q, stubbed %q", rr.FromFile, rr.Stubbed)
	}
	if len(rr.Skipped) != 0 {
		t.Errorf("skipped %q", rr.Skipped)
	}
	// PostgreSQL 16 and later refuse the file's GRANTED BY postgres (no
	// ADMIN OPTION), so both grants are made again; 15 takes them as written.
	var want []string
	if m, err := pgtools.ServerMajor(); err != nil {
		t.Fatal(err)
	} else if m >= 16 {
		want = []string{`GRANT "Audit Team" TO auditors GRANTED BY postgres;`, `GRANT app_reader TO app_writer GRANTED BY postgres;`}
	}
	if !slices.Equal(rr.Regranted, want) {
		t.Errorf("regranted %q, want %q", rr.Regranted, want)
	}
	// The file makes postgres a superuser; the untrusted restore must not
	// hand objects to a superuser.
	if tr := rep.Trust; tr == nil || !slices.Equal(tr.Lowered, []string{"postgres"}) {
		t.Errorf("trust report %+v, want postgres lowered", tr)
	}
}

// TestArchiveWithPublicSchema drills archives in formats 1.12 and 1.13
// laid out as pg_dump 9.x and 10 wrote them: their own SCHEMA public
// (owned by a role the server lacks), its comment and ACL, and the
// plpgsql extension.
func TestArchiveWithPublicSchema(t *testing.T) {
	for _, v := range []pgarchive.Version{pgarchive.V1_12, pgarchive.V1_13} {
		t.Run(v.String(), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.dump")
			writeOldArchive(t, path, v)
			rep, err := Run(context.Background(), Config{Archive: path})
			if err != nil {
				t.Fatal(err)
			}
			if !rep.OK {
				t.Fatalf("%s\n%+v", rep.Line(), rep.Checks)
			}
			if rr := rep.Roles; !rr.DroppedPublic || !slices.Equal(rr.Stubbed, []string{"u4ab2c9d0e1"}) || rr.Owners != 3 {
				t.Errorf("roles %+v", rr)
			}
		})
	}
}

// writeOldArchive writes an archive shaped like a pg_dump 9.4 (1.12) or
// 10 (1.13) backup of a Heroku database.
func writeOldArchive(t *testing.T, path string, v pgarchive.Version) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	w := pgarchive.NewWriter(f, pgarchive.Header{Version: v, Compression: pgarchive.CompressionGzip, Level: -1, DBName: "d8abc",
		ServerVersion: pgarchive.Str("9.4.26"), DumpVersion: pgarchive.Str("10.3")})
	s := pgarchive.Str
	const owner = "u4ab2c9d0e1"
	pre, none := pgarchive.SectionPreData, pgarchive.SectionNone
	entries := []*pgarchive.Entry{
		{Desc: "ENCODING", Tag: "ENCODING", Section: pre, Defn: s("SET client_encoding = 'UTF8';\n")},
		{Desc: "STDSTRINGS", Tag: "STDSTRINGS", Section: pre, Defn: s("SET standard_conforming_strings = 'on';\n")},
	}
	if !v.Less(pgarchive.V1_13) {
		entries = append(entries, &pgarchive.Entry{Desc: "SEARCHPATH", Tag: "SEARCHPATH", Section: pre, Defn: s("SELECT pg_catalog.set_config('search_path', '', false);\n")})
	}
	entries = append(entries,
		&pgarchive.Entry{Desc: "SCHEMA", Tag: "public", Section: pre, Owner: s(owner), Defn: s("CREATE SCHEMA public;\n"), DropStmt: s("DROP SCHEMA public;\n")},
		&pgarchive.Entry{Desc: "COMMENT", Tag: "SCHEMA public", Section: none, Owner: s(owner), Defn: s("COMMENT ON SCHEMA public IS 'standard public schema';\n")},
		&pgarchive.Entry{Desc: "EXTENSION", Tag: "plpgsql", Section: pre, Defn: s("CREATE EXTENSION IF NOT EXISTS plpgsql WITH SCHEMA pg_catalog;\n"), DropStmt: s("DROP EXTENSION plpgsql;\n")},
		&pgarchive.Entry{Desc: "COMMENT", Tag: "EXTENSION plpgsql", Section: none, Defn: s("COMMENT ON EXTENSION plpgsql IS 'PL/pgSQL procedural language';\n")},
		&pgarchive.Entry{Desc: "TABLE", Tag: "accounts", Section: pre, Namespace: s("public"), Owner: s(owner), TableOID: 1259, OID: 16390,
			Defn: s("CREATE TABLE public.accounts (\n    id integer NOT NULL,\n    email text NOT NULL\n);\n"), DropStmt: s("DROP TABLE public.accounts;\n")},
		&pgarchive.Entry{Desc: "SEQUENCE", Tag: "accounts_id_seq", Section: pre, Namespace: s("public"), Owner: s(owner), TableOID: 1259, OID: 16388,
			Defn:     s("CREATE SEQUENCE public.accounts_id_seq\n    START WITH 1\n    INCREMENT BY 1\n    NO MINVALUE\n    NO MAXVALUE\n    CACHE 1;\n"),
			DropStmt: s("DROP SEQUENCE public.accounts_id_seq;\n")},
		&pgarchive.Entry{Desc: "SEQUENCE OWNED BY", Tag: "accounts_id_seq", Section: pre, Namespace: s("public"), Owner: s(owner),
			Defn: s("ALTER SEQUENCE public.accounts_id_seq OWNED BY public.accounts.id;\n")},
		&pgarchive.Entry{Desc: "DEFAULT", Tag: "accounts id", Section: pre, Namespace: s("public"), Owner: s(owner),
			Defn: s("ALTER TABLE ONLY public.accounts ALTER COLUMN id SET DEFAULT nextval('public.accounts_id_seq'::regclass);\n")},
		&pgarchive.Entry{Desc: "TABLE DATA", Tag: "accounts", Section: pgarchive.SectionData, Namespace: s("public"), Owner: s(owner), HadDumper: true,
			CopyStmt: s("COPY public.accounts (id, email) FROM stdin;\n")},
		&pgarchive.Entry{Desc: "SEQUENCE SET", Tag: "accounts_id_seq", Section: pgarchive.SectionData, Namespace: s("public"), Owner: s(owner),
			Defn: s("SELECT pg_catalog.setval('public.accounts_id_seq', 3, true);\n")},
		&pgarchive.Entry{Desc: "CONSTRAINT", Tag: "accounts accounts_pkey", Section: pgarchive.SectionPostData, Namespace: s("public"), Owner: s(owner),
			Defn: s("ALTER TABLE ONLY public.accounts\n    ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);\n")},
		&pgarchive.Entry{Desc: "ACL", Tag: "SCHEMA public", Section: none, Owner: s(owner),
			Defn: s("REVOKE ALL ON SCHEMA public FROM PUBLIC;\nREVOKE ALL ON SCHEMA public FROM " + owner + ";\nGRANT ALL ON SCHEMA public TO " + owner + ";\nGRANT ALL ON SCHEMA public TO PUBLIC;\n")},
	)
	byTag := map[string]int{}
	for i, e := range entries {
		e.DumpID = i + 1
		byTag[e.Desc+" "+e.Tag] = e.DumpID
	}
	for _, e := range entries {
		switch {
		case e.Namespace.String == "public" && e.Desc != "TABLE" && e.Desc != "SEQUENCE":
			e.Dependencies = []int{byTag["TABLE accounts"], byTag["SEQUENCE accounts_id_seq"]}
		case e.Namespace.String == "public", e.Desc == "COMMENT" && e.Tag == "SCHEMA public", e.Desc == "ACL":
			e.Dependencies = []int{byTag["SCHEMA public"]}
		}
		if err := w.Add(e); err != nil {
			t.Fatal(err)
		}
	}
	dw, err := w.Data(entries[byTag["TABLE DATA accounts"]-1])
	if err != nil {
		t.Fatal(err)
	}
	rows := copytext.NewWriter(dw)
	for _, r := range [][2]string{{"1", "a@example.com"}, {"2", "b@example.com"}, {"3", "tab\there@example.com"}} {
		rows.Write([][]byte{[]byte(r[0]), []byte(r[1])})
	}
	if err := rows.Close(); err != nil {
		t.Fatal(err)
	}
	if err := dw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestCheckACLFindsDifferences: the privilege check reports privileges the
// archive grants that are missing, and ones it revokes that remain, for
// tables, columns and default privileges.
func TestCheckACLFindsDifferences(t *testing.T) {
	ctx := context.Background()
	url := pgtest.NewDB(t)
	conn := pgtest.Conn(t, url)
	// Roles are the cluster's: name them after this database.
	var db string
	if err := conn.QueryRow(ctx, "SELECT current_database()").Scan(&db); err != nil {
		t.Fatal(err)
	}
	r1, r2 := db+"_r1", db+"_R2"
	q1, q2 := `"`+r1+`"`, `"`+r2+`"`
	for _, s := range []string{
		"CREATE ROLE " + q1 + " NOLOGIN", "CREATE ROLE " + q2 + " NOLOGIN",
		"CREATE TABLE public.t (a int, b text)",
		"GRANT SELECT ON TABLE public.t TO " + q1, "GRANT SELECT ON TABLE public.t TO PUBLIC",
		"GRANT UPDATE (b) ON TABLE public.t TO " + q2,
		"ALTER DEFAULT PRIVILEGES FOR ROLE " + q1 + " IN SCHEMA public GRANT SELECT ON TABLES TO " + q2,
	} {
		if _, err := conn.Exec(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	t.Cleanup(func() {
		c := pgtest.Conn(t, url)
		for _, s := range []string{"DROP OWNED BY " + q1 + ", " + q2, "DROP ROLE " + q1, "DROP ROLE " + q2} {
			c.Exec(context.Background(), s)
		}
	})
	tests := []struct{ defn, want string }{
		{"GRANT SELECT ON TABLE public.t TO " + q1 + ";\nGRANT UPDATE(b) ON TABLE public.t TO " + q2 + ";\n", ""},
		{"GRANT SELECT,INSERT ON TABLE public.t TO " + q1 + ";\n", r1 + " lacks INSERT on public.t"},
		{"REVOKE ALL ON TABLE public.t FROM PUBLIC;\n", "PUBLIC still has SELECT on public.t (revoked in the archive)"},
		{"GRANT SELECT ON TABLE public.t TO " + q1 + " WITH GRANT OPTION;\n", r1 + " has SELECT on public.t without GRANT OPTION"},
		{"GRANT UPDATE(a) ON TABLE public.t TO " + q2 + ";\n", r2 + " lacks UPDATE on public.t.a"},
		{"ALTER DEFAULT PRIVILEGES FOR ROLE " + q1 + " IN SCHEMA public GRANT SELECT ON TABLES TO " + q2 + ";\n", ""},
		{"ALTER DEFAULT PRIVILEGES FOR ROLE " + q1 + " IN SCHEMA public GRANT INSERT ON TABLES TO " + q2 + ";\n",
			r2 + ` lacks INSERT on default privileges of ` + r1 + ` in schema "public" on tables`},
	}
	for _, tc := range tests {
		probs, n, err := checkACL(ctx, conn, tc.defn)
		if err != nil {
			t.Fatalf("%s: %v", tc.defn, err)
		}
		if got := strings.Join(probs, "; "); got != tc.want || n == 0 {
			t.Errorf("%s: %d checked, problems %q, want %q", tc.defn, n, got, tc.want)
		}
	}
}

func TestGrantedBy(t *testing.T) {
	for stmt, want := range map[string]string{
		`GRANT "Audit Team" TO auditors GRANTED BY postgres;`:   `GRANT "Audit Team" TO auditors ;`,
		`GRANT a TO b WITH ADMIN OPTION GRANTED BY "Big Boss";`: `GRANT a TO b WITH ADMIN OPTION ;`,
		`GRANT a TO b;`: "",
		`GRANT SELECT ON TABLE t TO b GRANTED BY postgres;`:     "",
		`REVOKE a FROM b GRANTED BY postgres;`:                  "",
		`ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO b;`: "",
	} {
		toks := sqlTokens(stmt)
		got := ""
		if i := grantedBy(toks); i >= 0 {
			got = stmt[:toks[i].start] + stmt[toks[i+2].end:]
		}
		if got != want {
			t.Errorf("%s: stripped to %q, want %q", stmt, got, want)
		}
	}
}
