package dump

import (
	"container/heap"
	"fmt"
	"sort"
	"strings"

	"github.com/pgdrill/pgdrill/pgarchive"
)

// prio is pg_dump's sort priority of an object type (pg_dump_sort.c): objects
// are first sorted by it, then by namespace and name, and only then moved
// where their dependencies require.
type prio int

const (
	prioNamespace prio = iota + 1
	prioProcLang
	prioCollation
	prioTransform
	prioExtension
	prioType
	prioCast
	prioFunc
	prioAgg
	prioAccessMethod
	prioOperator
	prioOpFamily
	prioConversion
	prioTSParser
	prioTSTemplate
	prioTSDict
	prioTSConfig
	prioFDW
	prioForeignServer
	prioTable
	prioTableAttach
	prioDummyType
	prioAttrDef
	prioBlob
	prioPreDataBoundary
	prioTableData
	prioSequenceSet
	prioBlobMetadata // 1.16 BLOB METADATA groups (data section)
	prioBlobData
	prioStatsData // STATISTICS DATA, though an index's is post-data (object.sect)
	prioPostDataBoundary
	prioConstraint
	prioIndex
	prioIndexAttach
	prioStatsExt
	prioRule
	prioTrigger
	prioFKConstraint
	prioPolicy
	prioPublication
	prioPublicationRel
	prioPublicationSchema
	prioSubscription
	prioDefaultACL
	prioEventTrigger
	prioRefreshMatview
)

// catKey names a catalog object: the OID of its catalog table and its own.
type catKey struct {
	class, oid uint32
}

// Catalog table OIDs, fixed in every PostgreSQL release.
const (
	pgClass       = 1259
	pgType        = 1247
	pgProc        = 1255
	pgNamespace   = 2615
	pgConstraint  = 2606
	pgAttrdef     = 2604
	pgTrigger     = 2620
	pgRewrite     = 2618
	pgPolicy      = 3256
	pgExtension   = 3079
	pgLargeObject = 2613
	pgDefaultACL  = 826
	pgDatabase    = 1262
	pgInherits    = 2611
)

// object is one thing the archive holds: a TOC entry with its place in the
// sort and the entries (comments, ACLs) that follow it.
type object struct {
	prio prio
	// ns is the namespace for sorting and for the TOC (nsValid false: NULL).
	ns      string
	nsValid bool
	name    string // sort name: the object's own name
	extra   string // tie-break after name (function arguments, table name)
	oid     uint32 // last tie-break

	entry pgarchive.Entry
	deps  []*object // must come before this object
	// verbatim entries list tocDeps in the TOC instead of deps (see
	// dumper.finish).
	verbatim bool
	tocDeps  []*object
	boundary bool      // pg_dump's pre-data or post-data boundary: never in the TOC
	phantom  bool      // see dumper.phantom
	children []*object // COMMENT and ACL entries emitted right after it
	trailers []*object // entries after the children (a server's user mappings)

	table *table // TABLE DATA: the table whose rows it holds
	blobs []blob // BLOBS: the large objects of the block

	cat    catKey // the catalog object, for comments and dependencies
	hidden bool   // not emitted itself (the public schema), only its children
	// excluded objects are left out of the archive but still take part in
	// the sort, as pg_dump's unselected objects do, so the order of the
	// rest matches pg_dump's.
	excluded bool

	// How COMMENT and ACL entries name the object: the SQL keyword, the
	// qualified SQL name and the unqualified name used in tags.
	commentType, aclType string
	sqlName, tagName     string
	defaultComment       string   // a comment that is not dumped (public's)
	acl, baseACL         []string // aclitems now and by default
	compositeRel         uint32   // a composite type's pg_class row, for column comments
	aclOwner             string   // for grants by others

	dumpID int
	index  int // position in the sorted list, during the topological sort

	// sect, when set, is the section of an object whose priority does not
	// say it: pg_dump sorts all statistics by one priority, in the data
	// section, but puts an index's or a refreshed view's after the data.
	sect pgarchive.Section
}

// section is the part of the dump the object belongs to.
func (o *object) section() pgarchive.Section {
	if o.sect != 0 {
		return o.sect
	}
	return o.prio.section()
}

// named sets how comments and ACLs name the object.
func (o *object) named(commentType, aclType, sqlName, tagName string) {
	o.commentType, o.aclType, o.sqlName, o.tagName = commentType, aclType, sqlName, tagName
}

func (o *object) String() string {
	if o.nsValid {
		return fmt.Sprintf("%s %s.%s", o.entry.Desc, o.ns, o.entry.Tag)
	}
	return o.entry.Desc + " " + o.entry.Tag
}

func (o *object) dependOn(others ...*object) {
	for _, d := range others {
		if d != nil && d != o {
			o.deps = append(o.deps, d)
		}
	}
}

// section is where the object's priority puts it.
func (p prio) section() pgarchive.Section {
	switch {
	case p < prioPreDataBoundary:
		return pgarchive.SectionPreData
	case p < prioPostDataBoundary:
		return pgarchive.SectionData
	}
	return pgarchive.SectionPostData
}

// sortObjects orders objs as pg_dump does: by type priority, namespace
// (NULL last), name and tie-breaks; then by a topological sort that keeps
// that order wherever the dependencies allow, with every pre-data object
// before every data object before every post-data object.
func sortObjects(objs []*object) ([]*object, error) {
	pre := &object{prio: prioPreDataBoundary, name: "PRE-DATA BOUNDARY"}
	post := &object{prio: prioPostDataBoundary, name: "POST-DATA BOUNDARY"}
	pre.entry.Desc, post.entry.Desc = "BOUNDARY", "BOUNDARY"
	all := append([]*object{pre, post}, objs...)
	sort.SliceStable(all, func(i, j int) bool { return lessByTypeName(all[i], all[j]) })

	// before[o] lists the objects that must come after o... kept as counts:
	// successors[o] is how many objects depend on o and are not yet placed.
	in := make(map[*object]bool, len(all))
	for _, o := range all {
		in[o] = true
	}
	deps := make(map[*object][]*object, len(all))
	for _, o := range objs {
		d := throughPhantoms(o)
		switch o.section() {
		case pgarchive.SectionPreData:
			deps[pre] = append(deps[pre], o)
		case pgarchive.SectionData:
			d = append(d, pre)
			deps[post] = append(deps[post], o)
		case pgarchive.SectionPostData:
			d = append(d, post)
		}
		deps[o] = append(deps[o], d...)
	}
	for i, o := range all {
		o.index = i
	}
	successors := make(map[*object]int, len(all))
	for _, o := range all {
		for _, d := range deps[o] {
			if in[d] {
				successors[d]++
			}
		}
	}
	// Fill the result from the end: each time, place the latest object in
	// the type/name order that nothing unplaced depends on.
	h := &maxHeap{}
	for _, o := range all {
		if successors[o] == 0 {
			heap.Push(h, o)
		}
	}
	out := make([]*object, len(all))
	placed := 0
	for i := len(all) - 1; i >= 0; i-- {
		if h.Len() == 0 {
			break
		}
		o := heap.Pop(h).(*object)
		out[i] = o
		placed++
		for _, d := range deps[o] {
			if !in[d] {
				continue
			}
			successors[d]--
			if successors[d] == 0 {
				heap.Push(h, d)
			}
		}
	}
	if placed != len(all) {
		var left []*object
		for _, o := range all {
			if successors[o] > 0 {
				left = append(left, o)
			}
		}
		return nil, fmt.Errorf("dump: dependency loop: %s", describeLoop(left, deps, pre, post))
	}
	res := make([]*object, 0, len(objs))
	for _, o := range out {
		if o != pre && o != post {
			res = append(res, o)
		}
	}
	return res, nil
}

// expandDeps lists o's dependencies with each one passOn picks replaced by
// its own, recursively, and the section boundaries left out. A loop among
// passed-on objects (an extension's type and its I/O functions, which
// pg_dump's sort breaks) is followed only once along each path.
func expandDeps(o *object, passOn func(*object) bool) []*object {
	var out []*object
	visiting := map[*object]bool{o: true}
	var walk func(x *object)
	walk = func(x *object) {
		for _, dep := range x.deps {
			switch {
			case dep.boundary:
			case !passOn(dep):
				out = append(out, dep)
			case !visiting[dep]:
				visiting[dep] = true
				walk(dep)
				delete(visiting, dep)
			}
		}
	}
	walk(o)
	return out
}

// throughPhantoms lists o's dependencies with each phantom replaced by its
// own: pg_dump sorts the objects it does not dump too, so what they depend
// on still orders what depends on them.
func throughPhantoms(o *object) []*object {
	return expandDeps(o, func(x *object) bool { return x.phantom })
}

func lessByTypeName(a, b *object) bool {
	if a.prio != b.prio {
		return a.prio < b.prio
	}
	if a.nsValid != b.nsValid {
		return a.nsValid // NULL namespace after non-NULL
	}
	if a.ns != b.ns {
		return a.ns < b.ns
	}
	if a.name != b.name {
		return a.name < b.name
	}
	if a.extra != b.extra {
		return a.extra < b.extra
	}
	return a.oid < b.oid
}

// maxHeap pops the object latest in the type/name order.
type maxHeap []*object

func (h maxHeap) Len() int           { return len(h) }
func (h maxHeap) Less(i, j int) bool { return h[i].index > h[j].index }
func (h maxHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *maxHeap) Push(x any)        { *h = append(*h, x.(*object)) }
func (h *maxHeap) Pop() any {
	old := *h
	o := old[len(old)-1]
	*h = old[:len(old)-1]
	return o
}

// describeLoop names the objects of one dependency cycle among the objects
// the sort could not place (boundaries shown as section changes).
func describeLoop(left []*object, deps map[*object][]*object, pre, post *object) string {
	unplaced := map[*object]bool{}
	for _, o := range left {
		unplaced[o] = true
	}
	name := func(o *object) string {
		switch o {
		case pre:
			return "(end of pre-data)"
		case post:
			return "(end of data)"
		}
		return o.String()
	}
	// Walk from each object until a node repeats: the repeat closes a cycle.
	for _, start := range left {
		var path []*object
		index := map[*object]int{}
		o := start
		for o != nil {
			if i, ok := index[o]; ok {
				var names []string
				for _, p := range path[i:] {
					names = append(names, name(p))
				}
				return strings.Join(append(names, name(o)), " needs ")
			}
			index[o] = len(path)
			path = append(path, o)
			var next *object
			for _, dep := range deps[o] {
				if unplaced[dep] {
					next = dep
					break
				}
			}
			o = next
		}
	}
	var names []string
	for _, o := range left {
		names = append(names, name(o))
	}
	sort.Strings(names)
	return strings.Join(names, "; ")
}
