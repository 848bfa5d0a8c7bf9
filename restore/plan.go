package restore

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pgdrill/pgdrill/pgarchive"
)

// reqs says which parts of an entry a restore wants (pg_restore's REQ_*).
type reqs uint8

const (
	reqSchema reqs = 1 << iota
	reqData
	reqSpecial
)

// pass is one of pg_restore's three passes over the entries.
type pass int

const (
	passMain pass = iota
	passACL
	passPostACL
)

// restorePass is pg_restore's _tocEntryRestorePass.
func restorePass(e *pgarchive.Entry) pass {
	switch e.Desc {
	case "ACL", "ACL LANGUAGE", "DEFAULT ACL":
		return passACL
	case "EVENT TRIGGER", "MATERIALIZED VIEW DATA":
		return passPostACL
	case "COMMENT", "SECURITY LABEL":
		if strings.HasPrefix(e.Tag, "EVENT TRIGGER ") {
			return passPostACL
		}
	case "STATISTICS DATA":
		// pg_dump 18 puts a materialized view's statistics (and, to keep
		// them in TOC order, every post-data one) after the data that a
		// refresh would otherwise reset them with; pg_restore 18 restores
		// them in its last pass.
		if e.Section == pgarchive.SectionPostData {
			return passPostACL
		}
	}
	return passMain
}

func isACL(e *pgarchive.Entry) bool {
	return e.Desc == "ACL" || e.Desc == "ACL LANGUAGE" || e.Desc == "DEFAULT ACL"
}

// item is an entry in the restore plan.
type item struct {
	e    *pgarchive.Entry
	reqs reqs
	pass pass

	// created marks a TABLE DATA item whose table this run created, so a
	// parallel worker may TRUNCATE it in the COPY's transaction.
	created bool

	// Scheduling state for parallel restore.
	deps       []int // dependencies, post-data ones re-pointed to TABLE DATA
	depCount   int
	revDeps    []*item
	lockDeps   []int
	dataLength int64
	pending    bool
}

// plan is what to run, in which order, with the archive-wide settings the
// special entries carry.
type plan struct {
	items     []*item // restore order: the TOC's, or the -L list's
	byID      map[int]*item
	tableData map[int]*item // TABLE dump ID -> its TABLE DATA item

	encoding   string // from ENCODING; SQL_ASCII when absent
	stdStrings bool   // from STDSTRINGS; off when absent
	searchPath string // SEARCHPATH's defn; "" when absent (old archives)
	dataOnly   bool   // -a, or implied because nothing of the schema is wanted
}

func newPlan(entries []*pgarchive.Entry, opts *Options) (*plan, error) {
	p := &plan{
		byID:      make(map[int]*item, len(entries)),
		tableData: make(map[int]*item),
		encoding:  "SQL_ASCII",
		dataOnly:  opts.DataOnly,
	}
	maxID := 0
	for _, e := range entries {
		it := &item{e: e, pass: restorePass(e)}
		p.items = append(p.items, it)
		p.byID[e.DumpID] = it
		maxID = max(maxID, e.DumpID)
		switch e.Desc {
		case "ENCODING":
			enc, ok := quoted(e.Defn.String)
			if !ok {
				return nil, fmt.Errorf("restore: invalid ENCODING item: %s", e.Defn.String)
			}
			p.encoding = enc
		case "STDSTRINGS":
			v, _ := quoted(e.Defn.String)
			switch v {
			case "on":
				p.stdStrings = true
			case "off":
				p.stdStrings = false
			default:
				return nil, fmt.Errorf("restore: invalid STDSTRINGS item: %s", e.Defn.String)
			}
		case "SEARCHPATH":
			p.searchPath = e.Defn.String
		case "TABLE DATA":
			if len(e.Dependencies) > 0 {
				p.tableData[e.Dependencies[0]] = it
			}
		}
	}

	var wanted map[int]bool
	if opts.UseList != nil {
		wanted = make(map[int]bool, len(opts.UseList))
		var listed []*item
		for _, id := range opts.UseList {
			if id <= 0 || id > maxID || wanted[id] {
				opts.warnf("warning: line ignored: %d", id)
				continue
			}
			it := p.byID[id]
			if it == nil {
				return nil, fmt.Errorf("restore: could not find entry for ID %d", id)
			}
			wanted[id] = true
			listed = append(listed, it)
		}
		// Unwanted entries go first, then the listed ones in list order,
		// as pg_restore's SortTocFromFile leaves them.
		order := make([]*item, 0, len(p.items))
		for _, it := range p.items {
			if !wanted[it.e.DumpID] {
				order = append(order, it)
			}
		}
		p.items = append(order, listed...)
	}

	cur := pgarchive.SectionPreData
	for _, it := range p.items {
		if it.e.Section != pgarchive.SectionNone {
			cur = it.e.Section
		}
		it.reqs = p.required(it.e, cur, opts, wanted)
	}

	if !p.dataOnly {
		implied := true
		for _, it := range p.items {
			if it.reqs&reqSchema != 0 {
				implied = false
				break
			}
		}
		if implied {
			p.dataOnly = true
			opts.logf("implied data-only restore")
		}
	}
	return p, nil
}

// quoted returns the text between the first two single quotes of s.
func quoted(s string) (string, bool) {
	i := strings.IndexByte(s, '\'')
	if i < 0 {
		return "", false
	}
	j := strings.IndexByte(s[i+1:], '\'')
	if j < 0 {
		return "", false
	}
	return s[i+1 : i+1+j], true
}

func isLargeObjectTag(e *pgarchive.Entry) bool { return strings.HasPrefix(e.Tag, "LARGE OBJECT") }

// required is pg_restore's _tocEntryRequired.
func (p *plan) required(e *pgarchive.Entry, cur pgarchive.Section, o *Options, wanted map[int]bool) reqs {
	switch e.Desc {
	case "ENCODING", "STDSTRINGS", "SEARCHPATH":
		return reqSpecial
	case "DATABASE", "DATABASE PROPERTIES":
		return 0 // restored only with -C, which pgdrill does not offer
	}
	if o.NoACL && isACL(e) {
		return 0
	}
	if o.NoComments && e.Desc == "COMMENT" {
		return 0
	}
	switch cur {
	case pgarchive.SectionPreData:
		if o.Sections != 0 && o.Sections&PreData == 0 {
			return 0
		}
	case pgarchive.SectionData:
		if o.Sections != 0 && o.Sections&Data == 0 {
			return 0
		}
	case pgarchive.SectionPostData:
		if o.Sections != 0 && o.Sections&PostData == 0 {
			return 0
		}
	default:
		return 0
	}
	if wanted != nil && !wanted[e.DumpID] {
		return 0
	}

	if e.Desc == "ACL" || e.Desc == "COMMENT" || e.Desc == "SECURITY LABEL" {
		if strings.HasPrefix(e.Tag, "DATABASE ") {
			return 0
		}
		if len(o.Schemas) > 0 || len(o.ExcludeSchemas) > 0 || o.selective() {
			// Wanted only if a parent object is being restored.
			parent := false
			for _, id := range e.Dependencies {
				pt := p.byID[id]
				if pt == nil || pt.e.Desc == "ACL" || pt.reqs == 0 {
					continue
				}
				parent = true
				break
			}
			if !parent {
				return 0
			}
		}
	} else {
		if len(o.Schemas) > 0 && (!e.Namespace.Valid || !contains(o.Schemas, e.Namespace.String)) {
			return 0
		}
		if len(o.ExcludeSchemas) > 0 && e.Namespace.Valid && contains(o.ExcludeSchemas, e.Namespace.String) {
			return 0
		}
		if o.selective() {
			switch e.Desc {
			case "TABLE", "TABLE DATA", "VIEW", "FOREIGN TABLE", "MATERIALIZED VIEW",
				"MATERIALIZED VIEW DATA", "SEQUENCE", "SEQUENCE SET":
				if len(o.Tables) == 0 || !contains(o.Tables, e.Tag) {
					return 0
				}
			case "INDEX":
				if len(o.Indexes) == 0 || !contains(o.Indexes, e.Tag) {
					return 0
				}
			case "FUNCTION", "AGGREGATE", "PROCEDURE":
				if len(o.Functions) == 0 || !contains(o.Functions, e.Tag) {
					return 0
				}
			case "TRIGGER":
				if len(o.Triggers) == 0 || !contains(o.Triggers, e.Tag) {
					return 0
				}
			default:
				return 0
			}
		}
	}

	r := reqSchema | reqData
	if !e.HadDumper {
		dataLike := e.Desc == "SEQUENCE SET" || e.Desc == "BLOB" || e.Desc == "BLOB METADATA" ||
			((e.Desc == "ACL" || e.Desc == "COMMENT" || e.Desc == "SECURITY LABEL") && isLargeObjectTag(e))
		if dataLike {
			r &= reqData
		} else {
			r &^= reqData
		}
	}
	if !e.Defn.Valid || e.Defn.String == "" || strings.HasPrefix(e.Defn.String, "-- load via partition root ") {
		r &^= reqSchema
	}
	if o.SchemaOnly {
		r &= reqSchema
	}
	if o.DataOnly {
		r &= reqData
	}
	return r
}

// dataLengths estimates each data block's stored size from the block
// offsets, the way pg_restore -j ranks work: the gap to the next block, the
// last one running to the end of the file. Without offsets every length is 0.
func (p *plan) dataLengths(size int64) {
	var withPos []*item
	for _, it := range p.items {
		if it.e.HadDumper && it.e.DataState == pgarchive.DataPosSet {
			withPos = append(withPos, it)
		}
	}
	sort.Slice(withPos, func(i, j int) bool { return withPos[i].e.Offset < withPos[j].e.Offset })
	for i, it := range withPos {
		end := size
		if i+1 < len(withPos) {
			end = withPos[i+1].e.Offset
		}
		it.dataLength = end - it.e.Offset
	}
}

// fileLengths sets the data size of each data entry of a tar or directory
// archive to its file's size, as pg_restore -j does for a directory archive,
// so the largest tables start first there too. size is -1 for entries it
// does not know, which keep what dataLengths found.
func (p *plan) fileLengths(size func(*pgarchive.Entry) int64) {
	for _, it := range p.items {
		if it.e.HadDumper {
			if n := size(it.e); n >= 0 {
				it.dataLength = n
			}
		}
	}
}
