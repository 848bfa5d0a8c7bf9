package restore

import (
	"reflect"
	"strings"
	"testing"

	"github.com/pgdrill/pgdrill/pgarchive"
)

func str(s string) pgarchive.NullString { return pgarchive.Str(s) }

func TestDropIfExists(t *testing.T) {
	tests := []struct {
		desc, drop, want string
		warn             bool
	}{
		{"TABLE", "DROP TABLE public.t;\n", "DROP TABLE IF EXISTS public.t;\n", false},
		{"CONSTRAINT", "ALTER TABLE ONLY public.t DROP CONSTRAINT t_pkey;\n",
			"ALTER TABLE IF EXISTS ONLY public.t DROP CONSTRAINT IF EXISTS t_pkey;\n", false},
		{"FK CONSTRAINT", "ALTER TABLE ONLY public.c DROP CONSTRAINT c_fk;\n",
			"ALTER TABLE IF EXISTS ONLY public.c DROP CONSTRAINT IF EXISTS c_fk;\n", false},
		{"DEFAULT", "ALTER TABLE public.t ALTER COLUMN id DROP DEFAULT;\n",
			"ALTER TABLE IF EXISTS public.t ALTER COLUMN id DROP DEFAULT;\n", false},
		{"MATERIALIZED VIEW", "DROP MATERIALIZED VIEW public.mv;\n", "DROP MATERIALIZED VIEW IF EXISTS public.mv;\n", false},
		{"SCHEMA", "-- *not* dropping schema, since initdb creates it\n", "-- *not* dropping schema, since initdb creates it\n", false},
		{"VIEW", "CREATE OR REPLACE VIEW public.v AS SELECT 1;\n", "CREATE OR REPLACE VIEW public.v AS SELECT 1;\n", false},
		{"INDEX ATTACH", "ALTER INDEX x DETACH PARTITION y;\n", "ALTER INDEX x DETACH PARTITION y;\n", true},
	}
	for _, tt := range tests {
		e := &pgarchive.Entry{Desc: tt.desc, DropStmt: str(tt.drop)}
		got, err := dropIfExists(e)
		if got != tt.want || (err != nil) != tt.warn {
			t.Errorf("%s %q: got %q, %v; want %q (warning %v)", tt.desc, tt.drop, got, err, tt.want, tt.warn)
		}
	}
	blob := &pgarchive.Entry{Desc: "BLOB", OID: 3000000000, DropStmt: str("SELECT pg_catalog.lo_unlink('3000000000');\n")}
	if got, _ := dropIfExists(blob); got != "SELECT pg_catalog.lo_unlink(oid) FROM pg_catalog.pg_largeobject_metadata WHERE oid = '3000000000';\n" {
		t.Errorf("BLOB: %q", got)
	}
}

func TestOwnerObject(t *testing.T) {
	tests := []struct {
		e    pgarchive.Entry
		want string
		ok   bool
	}{
		{pgarchive.Entry{Desc: "TABLE", Namespace: str("Mixed Case"), Tag: `My "T"`}, `TABLE "Mixed Case"."My ""T"""`, true},
		{pgarchive.Entry{Desc: "SCHEMA", Tag: "s"}, `SCHEMA "s"`, true},
		{pgarchive.Entry{Desc: "FUNCTION", Namespace: str("public"), Tag: "add1(integer)",
			DropStmt: str("DROP FUNCTION public.add1(integer);\n")}, "FUNCTION public.add1(integer)", true},
		{pgarchive.Entry{Desc: "BLOB", Tag: "90001"}, "LARGE OBJECT 90001", true},
		{pgarchive.Entry{Desc: "INDEX", Tag: "i"}, "", true},
		{pgarchive.Entry{Desc: "NEW KIND", Tag: "x"}, "", false},
	}
	for _, tt := range tests {
		got, ok := ownerObject(&tt.e)
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s %s: got %q %v, want %q %v", tt.e.Desc, tt.e.Tag, got, ok, tt.want, tt.ok)
		}
	}
}

func TestACLPerBlob(t *testing.T) {
	meta := &pgarchive.Entry{Desc: "BLOB METADATA", Defn: str("95001\n95002\n")}
	defn := "REVOKE ALL ON LARGE OBJECT 95001 FROM \"we;ird LARGE OBJECT 7\";\nGRANT SELECT ON LARGE OBJECT 95001 TO reader;\n"
	got, err := aclPerBlob(defn, meta)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"REVOKE ALL ON LARGE OBJECT 95001 FROM \"we;ird LARGE OBJECT 7\";\n",
		"REVOKE ALL ON LARGE OBJECT 95002 FROM \"we;ird LARGE OBJECT 7\";\n",
		"GRANT SELECT ON LARGE OBJECT 95001 TO reader;\n",
		"GRANT SELECT ON LARGE OBJECT 95002 TO reader;\n",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if _, err := aclPerBlob("GRANT SELECT ON TABLE t TO reader;", meta); err == nil {
		t.Error("an ACL without LARGE OBJECT was accepted")
	}
}

func TestLoadViaPartitionRoot(t *testing.T) {
	tests := []struct {
		e    pgarchive.Entry
		want bool
	}{
		{pgarchive.Entry{Namespace: str("public"), Tag: "m_2023", CopyStmt: str("COPY public.m_2023 (a) FROM stdin;\n")}, false},
		{pgarchive.Entry{Namespace: str("Mixed Case"), Tag: "My Table", CopyStmt: str("COPY \"Mixed Case\".\"My Table\" (id) FROM stdin;\n")}, false},
		{pgarchive.Entry{Namespace: str("public"), Tag: "m_2023", CopyStmt: str("COPY public.m (a) FROM stdin;\n")}, true},
		{pgarchive.Entry{Namespace: str("public"), Tag: "m_2023", Defn: str("-- load via partition root public.m\n"),
			CopyStmt: str("COPY public.m (a) FROM stdin;\n")}, true},
		{pgarchive.Entry{Namespace: str("public"), Tag: "t"}, false},
	}
	for _, tt := range tests {
		if got := isLoadViaPartitionRoot(&tt.e); got != tt.want {
			t.Errorf("%q: got %v", tt.e.CopyStmt.String, got)
		}
	}
}

func TestParseList(t *testing.T) {
	in := ";\n; Archive created at ...\n;\n214; 1259 16385 TABLE public a postgres\n" +
		"  3340; 0 16385 TABLE DATA public a postgres\n;3197; 2606 CONSTRAINT\n\nbogus line\n-5; x\n12abc\n"
	ids, ignored, err := ParseList(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(ids, []int{214, 3340, 12}) {
		t.Errorf("ids %v", ids)
	}
	if len(ignored) != 2 || ignored[0].Text != "bogus line" || ignored[1].Text != "-5" {
		t.Errorf("ignored %+v", ignored)
	}
}

// TestPlanSelection checks which entries a set of options selects and in
// what order, on the pg_dump 17 fixture.
func TestPlanSelection(t *testing.T) {
	a, err := pgarchive.Open(fixturePath("pg17/full-gzip.dump"))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	count := func(p *plan, desc string) (n int) {
		for _, it := range p.items {
			if it.reqs != 0 && it.reqs != reqSpecial && (desc == "" || it.e.Desc == desc) {
				n++
			}
		}
		return n
	}
	tests := []struct {
		name     string
		opts     Options
		desc     string
		want     int
		dataOnly bool
	}{
		{"all", Options{}, "", 95, false},
		{"no acl at all", Options{NoACL: true}, "", 88, false},
		{"no acl", Options{NoACL: true}, "ACL", 0, false},
		{"schema only has no data", Options{SchemaOnly: true}, "TABLE DATA", 0, false},
		{"data only", Options{DataOnly: true}, "TABLE DATA", 17, true},
		{"section data is implied data-only", Options{Sections: Data}, "", 27, true},
		{"table with its comment and ACL", Options{Tables: []string{"events"}}, "", 4, false},
		{"schema with its comments and ACLs", Options{Schemas: []string{"Mixed Case"}}, "", 18, false},
	}
	for _, tt := range tests {
		p, err := newPlan(a.Entries, &tt.opts)
		if err != nil {
			t.Fatal(err)
		}
		if got := count(p, tt.desc); got != tt.want || p.dataOnly != tt.dataOnly {
			t.Errorf("%s: %d %q entries (data-only %v), want %d (%v)", tt.name, got, tt.desc, p.dataOnly, tt.want, tt.dataOnly)
		}
		if p.encoding != "UTF8" || !p.stdStrings || p.searchPath == "" {
			t.Errorf("%s: special entries not read: %q %v %q", tt.name, p.encoding, p.stdStrings, p.searchPath)
		}
	}

	// -L: listed entries come last, in list order; the rest are not restored.
	opts := Options{UseList: []int{3485, 219}}
	p, err := newPlan(a.Entries, &opts)
	if err != nil {
		t.Fatal(err)
	}
	n := len(p.items)
	if p.items[n-2].e.DumpID != 3485 || p.items[n-1].e.DumpID != 219 || count(p, "") != 2 {
		t.Errorf("list order: last entries %v %v, %d selected", p.items[n-2].e, p.items[n-1].e, count(p, ""))
	}
	if _, err := newPlan(a.Entries, &Options{UseList: []int{3}}); err == nil {
		t.Error("a list naming an absent entry was accepted")
	}
}
